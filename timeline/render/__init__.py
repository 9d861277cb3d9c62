"""Renderers: one per output kind, each turning a `Timeline` into the bytes of one file.

The registry maps a kind to "module:function", imported on first use (plotly is heavy).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from timeline.model import Day, Timeline

__all__ = ["RENDERERS", "RenderOptions", "render"]


@dataclass(frozen=True, slots=True)
class RenderOptions:
    theme: str = "light"  # "light" or "dark"
    cdn: bool = False  # load plotly.js from a CDN instead of inlining it
    # The day the "today" line marks. The pipeline passes the reference date or the clock; a
    # renderer never reads the clock itself, so output is a function of its inputs.
    today: Day | None = None
    # `timeline watch`: the page polls the script of this name beside it, and reloads when the
    # version that script carries is not `live_version`. None for a page that never reloads.
    live_script: str | None = None
    live_version: str = ""


Renderer = Callable[[Timeline, RenderOptions], bytes]

RENDERERS: dict[str, str] = {
    "html": "timeline.render.plotly_html:render",
    "yaml": "timeline.render.data:render_yaml",
    "json": "timeline.render.data:render_json",
    "jsonl": "timeline.render.data:render_jsonl",
    "csv": "timeline.render.data:render_csv",
    "png": "timeline.render.image:render_png",
    "svg": "timeline.render.image:render_svg",
    "pdf": "timeline.render.image:render_pdf",
}


def render(kind: str, timeline: Timeline, options: RenderOptions | None = None) -> bytes:
    module_name, _, attr = RENDERERS[kind].partition(":")
    renderer: Renderer = getattr(importlib.import_module(module_name), attr)
    return renderer(timeline, options or RenderOptions())
