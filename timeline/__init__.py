"""timeline: dated events, from YAML or prose, to an interactive timeline page.

>>> import timeline
>>> timeline.build(["events.yaml"], "out/timeline.html")   # doctest: +SKIP
>>> events = timeline.read("article.txt", ref_date="2017-11-18")   # doctest: +SKIP
>>> events.figure(), events.dataframe(), events.records()   # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from timeline._version import __version__
from timeline.errors import (
    DateError,
    InputError,
    InvalidInput,
    OptionError,
    OutputError,
    RenderError,
    TimelineError,
)
from timeline.model import Event, FuzzyDate, Precision, Qualifier, Timeline

if TYPE_CHECKING:
    from timeline.labels import label
    from timeline.pipeline import Loaded, build, extract, figure, load, read


__all__ = [
    "DateError",
    "Event",
    "FuzzyDate",
    "InputError",
    "InvalidInput",
    "Loaded",
    "OptionError",
    "OutputError",
    "Precision",
    "Qualifier",
    "RenderError",
    "Timeline",
    "TimelineError",
    "__version__",
    "build",
    "extract",
    "figure",
    "label",
    "load",
    "read",
]


def __getattr__(name: str) -> Any:
    # The pipeline pulls in the readers; keep `import timeline` cheap until it is used.
    if name in ("Loaded", "build", "extract", "figure", "load", "read"):
        from timeline import pipeline

        return getattr(pipeline, name)
    if name == "label":
        from timeline.labels import label

        return label
    raise AttributeError(name)
