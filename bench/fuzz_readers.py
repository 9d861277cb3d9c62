"""The long run of the hostile-input fuzzer (tests/test_hostile.py): 2,000 examples per
property instead of CI's 40 fixed ones, each run of the CLI held to the same bound.

    python3 bench/fuzz_readers.py [--examples 2000] [pytest options]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=2000)
    args, rest = parser.parse_known_args()
    code = (
        "import hypothesis, sys, pytest; "
        f"hypothesis.settings.register_profile('bench', hypothesis.settings.get_profile('long'), "
        f"max_examples={args.examples}); "
        "sys.exit(pytest.main(sys.argv[1:]))"
    )
    command = [sys.executable, "-c", code, "tests/test_hostile.py", "-q", "-k", "any_",
               "--hypothesis-profile", "bench", "--hypothesis-show-statistics", *rest]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    sys.exit(subprocess.call(command, cwd=ROOT, env=env))


if __name__ == "__main__":
    main()
