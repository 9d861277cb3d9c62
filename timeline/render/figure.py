"""The plotly figure for a `Scene`, as plain JSON-ready dicts.

Dicts rather than `plotly.graph_objects`: validation of 10,000-point traces is most of a bare
plotly build's time, and every key here is fixed by this module, so it has nothing to catch.

Per lane, in this order: a faint precision band for instants known only to a month, year or
coarser; the spans; the open-ended spans (dotted), each left out when the lane has none; the
markers, which carry the hover card; a legend entry. `meta` tells the page's script which trace
holds each lane's markers. One text trace of labels comes last; the page
fills it with the labels that fit at the current zoom.
"""

from __future__ import annotations

import math
from typing import Any

from timeline.errors import RenderError
from timeline.labels import era_year
from timeline.model import Precision, Timeline
from timeline.render import RenderOptions
from timeline.render.scene import Mark, Scene, build_scene, place, plotly_text

# Above this many events, traces are drawn with WebGL: SVG slows down past a few thousand.
WEBGL_ABOVE = 2000
# Above this many events in view, the lanes are drawn as a density strip (events per stretch
# of time) instead of single marks; zooming in brings the marks back.
AGGREGATE_ABOVE = 20000
DENSITY_BINS = 400

# Paul Tol's "bright" scheme, distinguishable with the common colour-vision deficiencies.
PALETTE = ("#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB")
# A CSS text-shadow in the page's own colour all round a label, so that one lying across other
# events' marks stays legible.
HALO = "1px 1px 1px {0}, -1px -1px 1px {0}, 1px -1px 1px {0}, -1px 1px 1px {0}, 0 0 3px {0}"
SYMBOLS = {"exact": "circle", "approximate": "circle-open", "uncertain": "diamond-open"}

THEMES: dict[str, dict[str, str]] = {
    "light": {
        "paper": "#ffffff",
        "plot": "#ffffff",
        "ink": "#1f2328",
        "grid": "#e6e8eb",
        "muted": "#59636e",
        "era": "#5b6b7f",
        "today": "#cf222e",
    },
    "dark": {
        "paper": "#0d1117",
        "plot": "#0d1117",
        "ink": "#e6edf3",
        "grid": "#272d36",
        "muted": "#9198a1",
        "era": "#8ea3bd",
        "today": "#ff7b72",
    },
}


def lane_colors(scene: Scene, declared: dict[str, str | None]) -> list[str]:
    colors = []
    for i, name in enumerate(scene.lanes):
        colors.append(declared.get(name) or PALETTE[i % len(PALETTE)])
    return colors


def figure_for(
    timeline: Timeline, options: RenderOptions, hover: bool = True
) -> tuple[Scene, list[str], dict[str, Any], dict[str, Any]]:
    """The scene, the lane colours, the figure and its meta: what the page and an image share.
    `hover=False`: no hover cards, for a still image."""
    if options.theme not in THEMES:
        raise RenderError(f"unknown theme {options.theme!r}; choose one of {', '.join(THEMES)}")
    scene = build_scene(timeline, options.today, hover)
    colors = lane_colors(scene, {g.name: g.color for g in timeline.groups})
    figure, meta = build_figure(scene, colors, options.theme, options.today_label)
    return scene, colors, figure, meta


def _line_trace(kind: str, marks: list[Mark], **style: Any) -> dict[str, Any]:
    xs: list[float | None] = []
    ys: list[float | None] = []
    for m in marks:
        xs += [m.x0, m.x1, None]
        ys += [m.y, m.y, None]
    return {
        "type": kind,
        "mode": "lines",
        "x": xs,
        "y": ys,
        "hoverinfo": "skip",
        "showlegend": False,
        "connectgaps": False,
        **style,
    }


def density_trace(scene: Scene, t: dict[str, str]) -> dict[str, Any]:
    """Events per lane and per stretch of time, as a heatmap over the lanes."""
    deep = scene.mode == "ago"
    lo, hi = sorted(scene.x_range)
    width = (hi - lo) / DENSITY_BINS
    counts = [[0] * DENSITY_BINS for _ in scene.lanes]
    for m in scene.marks:
        p = math.log10(max(m.xm, 0.5)) if deep else m.xm
        counts[m.lane][min(DENSITY_BINS - 1, max(0, int((p - lo) / width)))] += 1
    centres = [lo + (i + 0.5) * width for i in range(DENSITY_BINS)]

    def when(p: float) -> str:
        if deep:
            return f"{10**p:,.3g} years ago"
        return era_year(math.floor(p), scene.bc)

    text = [
        [
            f"{n:,} event{'s' if n != 1 else ''} in {plotly_text(name or 'Events')}<br>"
            f"{when(c - width / 2)} – {when(c + width / 2)}<br><i>zoom in to see them</i>"
            if n
            else ""
            for n, c in zip(row, centres, strict=True)
        ]
        for row, name in zip(counts, scene.lanes, strict=True)
    ]
    return {
        "type": "heatmap",
        "name": "density",
        "x": [place(10**c if deep else c) for c in centres],
        "y": [(a + b) / 2 for a, b in scene.lane_y],
        "z": [[n or None for n in row] for row in counts],
        "text": text,
        "hovertemplate": "%{text}<extra></extra>",
        "colorscale": [[0, t["grid"]], [1, t["ink"]]],
        "showscale": False,
        "ygap": 6,
        "hoverongaps": False,
    }


def build_figure(
    scene: Scene, colors: list[str], theme: str = "light", today_label: str = "today"
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The figure (data and layout), and what the page's script needs to know about it.
    `today_label` names the dashed line at the scene's today."""
    t = THEMES[theme]
    deep = scene.mode == "ago"
    gl = len(scene.marks) > WEBGL_ABOVE
    kind = "scattergl" if gl else "scatter"
    traces: list[dict[str, Any]] = []
    marker_traces: list[list[int]] = []  # per lane: the event index of each point
    marker_index: list[int] = []  # per lane: which trace holds its markers
    detail: list[int] = []  # the traces that draw single events (hidden while aggregated)
    line_events: list[list[Any]] = []  # per line trace: its index and its events
    for lane, name in enumerate(scene.lanes):
        color = colors[lane]
        mine = [m for m in scene.marks if m.lane == lane]
        bands = [
            m for m in mine if not m.event.is_span and m.event.date.precision is not Precision.DAY
        ]
        closed = [
            m for m in mine if m.event.is_span and not (m.event.end and m.event.end.open_ended)
        ]
        opened = [m for m in mine if m.event.end is not None and m.event.end.open_ended]
        group = f"lane{lane}"
        lines = (
            (bands, "precision", 0.28, {"color": color, "width": 10}),
            (closed, "spans", 0.75, {"color": color, "width": 6}),
            (opened, "open spans", 0.75, {"color": color, "width": 6, "dash": "dot"}),
        )
        for marks, what, opacity, line in lines:
            if marks:  # an empty trace still costs a WebGL context its setup
                detail.append(len(traces))
                line_events.append([len(traces), [m.index for m in marks]])
                traces.append(
                    _line_trace(kind, marks, name=f"{name}: {what}", legendgroup=group,
                                opacity=opacity, line=line)
                )  # fmt: skip
        marker_index.append(len(traces))
        detail.append(len(traces))
        traces.append(
            {
                "type": kind,
                "mode": "markers",
                "name": plotly_text(name or "Events"),
                "legendgroup": group,
                "showlegend": False,
                "x": [place(m.xm) for m in mine],
                "y": [m.y for m in mine],
                "customdata": [m.hover for m in mine],
                "hovertemplate": "%{customdata}<extra></extra>",
                "marker": {
                    "color": color,
                    "size": [15 if m.event.milestone else 10 for m in mine],
                    "symbol": [SYMBOLS[m.kind] for m in mine],
                    "line": {"color": color, "width": 2},
                    "opacity": 1,
                },
                "hoverlabel": {
                    "align": "left",
                    "bgcolor": t["paper"],
                    "bordercolor": color,
                    "font": {"color": t["ink"], "size": 13},
                },
            }
        )
        marker_traces.append([m.index for m in mine])
        # The legend entry: a plain dot in the lane's colour, whatever the first event's mark.
        traces.append(
            {
                "type": kind,
                "mode": "markers",
                "x": [None],
                "y": [None],
                "name": plotly_text(name or "Events"),
                "legendgroup": group,
                "marker": {"color": color, "size": 10, "symbol": "circle"},
                "hoverinfo": "skip",
            }
        )
    aggregate = len(scene.marks) > AGGREGATE_ABOVE
    if aggregate:
        traces.append(density_trace(scene, t))
        for i in detail:
            traces[i]["visible"] = False
    traces.append(
        {
            "type": "scatter",
            "mode": "text",
            "name": "labels",
            "x": [],
            "y": [],
            "text": [],
            "textposition": "middle right",
            # (a halo of the background's colour: a label may lie across other marks)
            "textfont": {"color": t["ink"], "size": 12, "shadow": HALO.format(t["paper"])},
            "hoverinfo": "skip",
            "showlegend": False,
            "cliponaxis": True,
            # On an overlaid twin of the x axis, so that the range slider leaves labels out.
            "xaxis": "x2",
        }
    )

    shapes: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    for i, (name, a, b, era_color) in enumerate(scene.eras):
        x0, x1 = a, b
        # Annotations on a log axis take log10 positions; shapes take data values.
        mid = (math.log10(max(a, 0.5)) + math.log10(max(b, 0.5))) / 2 if deep else (a + b) / 2
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": place(x0),
                "x1": place(x1),
                "y0": 0,
                "y1": 1,
                "layer": "below",
                "line": {"width": 0},
                "fillcolor": era_color or t["era"],
                "opacity": 0.1 if i % 2 == 0 else 0.05,
            }
        )
        annotations.append(
            {
                "xref": "x",
                "yref": "paper",
                "x": place(mid),
                "y": 1,
                "yanchor": "bottom",
                "showarrow": False,
                "text": plotly_text(name),
                "font": {"size": 11, "color": t["muted"]},
                "name": "era",
            }
        )
    if scene.today_x is not None:
        shapes.append(
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": place(scene.today_x),
                "x1": place(scene.today_x),
                "y0": 0,
                "y1": 1,
                "line": {"color": t["today"], "width": 1.5, "dash": "dash"},
            }
        )
        annotations.append(
            {
                "xref": "x",
                "yref": "paper",
                "x": place(scene.today_x),
                "y": 1,
                "yanchor": "top",
                "xanchor": "right",
                "showarrow": False,
                "text": plotly_text(today_label),
                "font": {"size": 11, "color": t["today"]},
                "name": "today",
            }
        )

    centres = [(a + b) / 2 for a, b in scene.lane_y]
    layout: dict[str, Any] = {
        "height": max(380, 24 * scene.rows + 190),
        "margin": {"l": 150, "r": 24, "t": 60, "b": 40},
        "paper_bgcolor": t["paper"],
        "plot_bgcolor": t["plot"],
        "font": {
            "family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
            "color": t["ink"],
            "size": 13,
        },
        "hovermode": "closest",
        "hoverdistance": 12,
        "dragmode": "pan",
        "showlegend": True,
        "legend": {
            "orientation": "h",
            "x": 0,
            "y": 1.06,
            "yanchor": "bottom",
            "itemclick": "toggle",
            "itemdoubleclick": "toggleothers",
            "title": {"text": "Lanes (click to hide, double-click to isolate):"},
        },
        "xaxis": {
            "type": "log" if deep else "linear",
            "range": [place(scene.x_range[0]), place(scene.x_range[1])],
            "showgrid": True,
            "gridcolor": t["grid"],
            "zeroline": False,
            "tickmode": "array",
            "tickvals": [],
            "ticktext": [],
            "rangeslider": {
                # plotly's range slider cannot draw a log axis.
                "visible": not deep,
                # The whole timeline, as the page opens; plotly's own would fit the points only
                # (one event: a year around it, the view a sliver of the slider).
                "range": [place(scene.x_range[0]), place(scene.x_range[1])],
                "thickness": 0.07,
                "bgcolor": t["paper"],
                "bordercolor": t["grid"],
                "borderwidth": 1,
            },
            "title": {"text": "years ago" if deep else ""},
        },
        "xaxis2": {
            "overlaying": "x",
            "matches": "x",
            "visible": False,
            "type": "log" if deep else "linear",
        },
        "yaxis": {
            "tickmode": "array",
            "tickvals": [place(c) for c in centres],
            "ticktext": [plotly_text(name or "Events") for name in scene.lanes],
            "autorange": False,
            "range": [scene.rows - 0.2, -0.8],
            "fixedrange": True,
            "showgrid": False,
            "zeroline": False,
        },
        "shapes": shapes,
        "annotations": annotations,
    }
    meta = {
        "mode": scene.mode,
        "bc": scene.bc,
        "presentYear": place(scene.present_year),
        "markerTraces": marker_index,
        "traceEvents": marker_traces,
        "labelTrace": len(traces) - 1,
        "webgl": gl,
        "detailTraces": detail,
        "lineEvents": line_events,
        "densityTrace": len(traces) - 2 if aggregate else None,
        "aggregateAbove": AGGREGATE_ABOVE,
        # Paper is white: a dark page prints in the light theme's colours, each swapped for its
        # counterpart wherever the figure uses it.
        "printColors": {t[k]: THEMES["light"][k] for k in t if t[k] != THEMES["light"][k]},
    }
    return {"data": traces, "layout": layout}, meta
