"""Hypothesis profiles: "ci" (fixed examples, chosen when CI is set, so a run is repeatable),
"dev" (the default: new examples each run) and "long" (bench/fuzz_readers.py)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("ci", derandomize=True, max_examples=40, deadline=None,
                          suppress_health_check=_SLOW, print_blob=True)  # fmt: skip
settings.register_profile("dev", max_examples=40, deadline=None, suppress_health_check=_SLOW)
settings.register_profile("long", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "2000")),
                          deadline=None, suppress_health_check=_SLOW)  # fmt: skip
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))
