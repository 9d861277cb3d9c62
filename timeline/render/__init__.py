"""Renderers: one per output kind, each turning a `Timeline` into the bytes of one file.

The registry maps a kind to "module:function", imported on first use (plotly is heavy). A
renderer returns the bytes, or an `Output` when the format cannot hold everything: then its
warnings name what was left out, and `write` hands them on.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from timeline.model import Day, Diagnostic, Timeline

__all__ = ["DATA_FORMATS", "RENDERERS", "Output", "RenderOptions", "render", "write"]


@dataclass(frozen=True, slots=True)
class RenderOptions:
    theme: str = "light"  # "light" or "dark"
    cdn: bool = False  # load plotly.js from a CDN instead of inlining it
    # The day the "today" line marks. The pipeline passes the reference date or the clock; a
    # renderer never reads the clock itself, so output is a function of its inputs.
    today: Day | None = None
    # What that line is called: "today" for the clock's day; "reference date" when it is the
    # day the document is read from (a news article's dateline), which may be long ago.
    today_label: str = "today"
    # `timeline watch`: the page polls the script of this name beside it, and reloads when the
    # version that script carries is not `live_version`. None for a page that never reloads.
    live_script: str | None = None
    live_version: str = ""


@dataclass(frozen=True, slots=True)
class Output:
    """A rendered file, and what the format could not hold (warnings naming what was lost)."""

    data: bytes
    warnings: tuple[Diagnostic, ...] = ()
    left_out: int = 0  # events the format could not hold at all


Renderer = Callable[[Timeline, RenderOptions], "bytes | Output"]

RENDERERS: dict[str, str] = {
    "html": "timeline.render.plotly_html:render",
    "yaml": "timeline.render.data:render_yaml",
    "json": "timeline.render.data:render_json",
    "jsonl": "timeline.render.data:render_jsonl",
    "csv": "timeline.render.data:render_csv",
    "ics": "timeline.render.ics:render",
    "timelinejs": "timeline.render.timelinejs:render",
    "markwhen": "timeline.render.markwhen:render",
    "png": "timeline.render.image:render_png",
    "svg": "timeline.render.image:render_svg",
    "pdf": "timeline.render.image:render_pdf",
}

# The outputs that are the events as data (what `convert --to` and `extract --format` write),
# with the file suffixes that choose them.
DATA_FORMATS: dict[str, tuple[str, ...]] = {
    "yaml": (".yaml", ".yml"),
    "json": (".json",),
    "jsonl": (".jsonl", ".ndjson"),
    "csv": (".csv",),
    "ics": (".ics",),
    "timelinejs": (),  # a .json file too: say --to timelinejs
    "markwhen": (".mw",),
}


def write(kind: str, timeline: Timeline, options: RenderOptions | None = None) -> Output:
    """The file for `kind`, with the warnings of anything the format could not hold."""
    module_name, _, attr = RENDERERS[kind].partition(":")
    renderer: Renderer = getattr(importlib.import_module(module_name), attr)
    result = renderer(timeline, options or RenderOptions())
    return result if isinstance(result, Output) else Output(result)


def render(kind: str, timeline: Timeline, options: RenderOptions | None = None) -> bytes:
    return write(kind, timeline, options).data
