"""The interactive page: one self-contained HTML file with plotly.js inlined (or from a CDN).

Data flow: `Timeline` -> `scene.build_scene` (geometry, lanes, hover text) ->
`figure.build_figure` (plotly traces and layout) -> `page` (the HTML around it) -> bytes.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import pkgutil

from timeline._version import __version__
from timeline.errors import RenderError
from timeline.model import Timeline
from timeline.render import RenderOptions
from timeline.render.figure import figure_for
from timeline.render.page import asset, event_list, event_records, fill, footer, script_json


@functools.cache
def plotly_integrity() -> str:
    """The Subresource Integrity hash of the plotly.js that plotly.py bundles, which is the file
    the CDN serves for the same version: a browser refuses a CDN copy that differs from it."""
    bundled = pkgutil.get_data("plotly", "package_data/plotly.min.js")
    if bundled is None:  # pragma: no cover - plotly.py always ships it
        raise RenderError("plotly.py has no package_data/plotly.min.js to pin --cdn to")
    return "sha384-" + base64.b64encode(hashlib.sha384(bundled).digest()).decode("ascii")


def plotly_script(cdn: bool) -> str:
    from plotly.offline import get_plotlyjs, get_plotlyjs_version

    if cdn:
        version = html.escape(get_plotlyjs_version())
        return (
            f'<script src="https://cdn.plot.ly/plotly-{version}.min.js" charset="utf-8" '
            f'integrity="{plotly_integrity()}" crossorigin="anonymous"></script>'
        )
    return f"<script>{get_plotlyjs()}</script>"


LIVE_POLL_MS = 1000


def live_reload(options: RenderOptions) -> str:
    """The script that reloads a page `timeline watch` keeps up to date; nothing otherwise."""
    if options.live_script is None:
        return ""
    config = {"script": options.live_script, "version": options.live_version,
              "every": LIVE_POLL_MS}  # fmt: skip
    return (
        f"<style>\n{asset('live.css')}</style>\n"
        f'<script type="application/json" id="tl-live">{script_json(config)}</script>\n'
        f"<script>\n{asset('live.js')}</script>"
    )


def render(timeline: Timeline, options: RenderOptions) -> bytes:
    scene, colors, figure, meta = figure_for(timeline, options)
    data = {
        "meta": meta,
        "events": event_records(scene),
        "lanes": scene.lanes,
        "colors": colors,
    }
    page = fill(
        asset("page.html"),
        {
            "TITLE": html.escape(timeline.title),
            "THEME": options.theme,
            "CSS": asset("page.css"),
            "PLOTLY": plotly_script(options.cdn),
            "FIGURE": script_json(figure),
            "DATA": script_json(data),
            "SCRIPT": asset("page.js"),
            "LIST": event_list(scene, colors),
            "COUNT": f"{len(scene.marks):,}",
            "FOOTER": footer(scene, timeline.sources, __version__),
            "LIVE": live_reload(options),
            "MODE_NOTE": (
                "Times before 10,000 BC: the axis counts years ago, on a log scale."
                if scene.mode == "ago"
                else ""
            ),
        },
    )
    return page.encode("utf-8")
