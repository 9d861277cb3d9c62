"""What the page's script works out in the browser, worked out here for a still image.

A PNG, SVG or PDF has no page.js, so the axis ticks ("500 BC", "AD 14", "4.54 Ga"), the event
labels that fit and the era names that fit are computed in Python, for the whole extent at a
fixed width. Each function below follows its namesake in render/assets/page.js step for step
(tests/test_image.py checks that both give the same ticks and labels), so the image and the
page read the same. No plotly here: the figure is plain dicts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from timeline.labels import era_year
from timeline.render.scene import Scene, place

__all__ = ["View", "ago_label", "ago_ticks", "calendar_ticks", "era_labels", "labels", "still"]

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_CUM = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000)
Ticks = tuple[list[float], list[str]]


# -- Calendar arithmetic, as page.js does it (astronomical years: 0 is 1 BC) -------------------


def _leap(y: int) -> bool:
    return (y % 4 == 0 and y % 100 != 0) or y % 400 == 0


def _day_of_year(y: int, m: int, d: int) -> int:
    return _CUM[m] + d - 1 + (1 if m > 1 and _leap(y) else 0)


def _decimal(y: int, m: int, d: int) -> float:
    return y + _day_of_year(y, m, d) / (366 if _leap(y) else 365)


def _from_decimal(x: float) -> tuple[int, int, int]:
    y = math.floor(x)
    n = math.floor((x - y) * (366 if _leap(y) else 365) + 1e-9)
    m = 11
    while m > 0 and _day_of_year(y, m, 1) > n:
        m -= 1
    return y, m, n - _day_of_year(y, m, 1) + 1


def _month_days(y: int, m: int) -> int:
    return (31, 29 if _leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[m]


# -- Axis ticks ------------------------------------------------------------------------------


def calendar_ticks(a: float, b: float, most: int, bc: bool = False) -> Ticks:
    """Ticks for decimal years a..b: "500 BC", "AD 14", "Mar 44 BC", "15 Mar 44 BC". `bc`: the
    timeline has dates before AD 1, so AD years say "AD" wherever the view is."""
    span = b - a
    vals: list[float] = []
    text: list[str] = []
    if span > 2.5:
        step = next((s for s in _YEAR_STEPS if span / s <= most), 10000)
        while span / step > most:
            step *= 10
        era = bc or a < 1
        before: list[tuple[float, str]] = []
        # n BC starts at x = 1 - n; year n (AD) starts at x = n.
        k = math.ceil((1 - min(b, 1)) / step) * step
        while k <= 1 - a:
            if k >= 1 and 1 - k >= a:
                before.append((1 - k, f"{k} BC"))
            k += step
        for x, label in reversed(before):
            vals.append(x)
            text.append(label)
        if a <= 1 and b >= 1 and step > 1:
            vals.append(1)
            text.append("AD 1")
        n = max(step, math.ceil(a / step) * step)
        while n <= b:
            vals.append(n)
            text.append(era_year(n, era))
            n += step
    elif span > 0.2:
        ms = next((s for s in (1, 2, 3, 6) if span * 12 / s <= most), 6)
        y, month, day = _from_decimal(a)
        m = math.ceil((month + (1 if day > 1 else 0)) / ms) * ms
        for _ in range(100):
            while m > 11:
                m -= 12
                y += 1
            x = _decimal(y, m, 1)
            if x > b:
                break
            vals.append(x)
            text.append(f"{MONTHS[m]} {era_year(y, bc or y < 1)}")
            m += ms
    else:
        days = span * 365.25
        ds = next((s for s in (1, 2, 7, 14) if days / s <= most), 14)
        cy, cm, cd = _from_decimal(a)
        for _ in range(400):
            x = _decimal(cy, cm, cd)
            if x > b:
                break
            if x >= a:
                vals.append(x)
                text.append(f"{cd} {MONTHS[cm]} {era_year(cy, bc or cy < 1)}")
            cd += ds
            while cd > _month_days(cy, cm):
                cd -= _month_days(cy, cm)
                cm += 1
                if cm > 11:
                    cm = 0
                    cy += 1
    return vals, text


def _js_number(x: float) -> str:
    """A number as JavaScript's String() writes it: 66, 4.54, 0.5."""
    return str(int(x)) if x == int(x) else repr(x)


def ago_label(v: float) -> str:
    """Years ago, to three significant digits: "4.54 Ga", "66 Ma", "300 ka", "500 years"."""

    def trim(x: float) -> str:
        return _js_number(float(f"{x:.3g}"))

    if v >= 1e9:
        return trim(v / 1e9) + " Ga"
    if v >= 1e6:
        return trim(v / 1e6) + " Ma"
    if v >= 1e3:
        return trim(v / 1e3) + " ka"
    return trim(v) + (" year" if v == 1 else " years")


def ago_ticks(lo: float, hi: float, most: int) -> Ticks:
    """Ticks on the years-ago log axis; `lo` and `hi` are log10 of years ago."""
    vals: list[float] = []
    text: list[str] = []
    decades = hi - lo
    mult = (1, 2, 5) if decades <= most / 3 else (1,) if decades <= most else None
    every = 1 if mult else math.ceil(decades / most)
    for e in range(math.floor(lo), math.ceil(hi) + 1, every):
        for f in mult or (1,):
            v = f * 10.0**e
            if lo - 1e-9 <= math.log10(v) <= hi + 1e-9:
                vals.append(v)
                text.append(ago_label(v))
    return vals, text


# -- What is in view, and what fits ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class View:
    """The visible stretch of the x axis (log10 units on the years-ago axis) and its width."""

    a: float
    b: float
    width: float
    ago: bool
    bc: bool = False  # the timeline has dates before AD 1

    @classmethod
    def of(cls, x_range: tuple[float, float], width: float, ago: bool, bc: bool = False) -> View:
        return cls(min(x_range), max(x_range), width, ago, bc)

    def pos(self, x: float) -> float:
        return math.log10(max(x, 1e-9)) if self.ago else x

    def px(self, x: float) -> float:
        """Pixels from the left edge; the years-ago axis runs right to left."""
        scale = self.width / max(self.b - self.a, 1e-12)
        return (self.b - self.pos(x)) * scale if self.ago else (self.pos(x) - self.a) * scale

    def most_ticks(self) -> int:
        return max(3, math.floor(self.width / 95))

    def ticks(self) -> Ticks:
        most = self.most_ticks()
        if self.ago:
            return ago_ticks(self.a, self.b, most)
        return calendar_ticks(self.a, self.b, most, self.bc)


@dataclass(frozen=True, slots=True)
class Spot:
    """Where an event's marker sits, as page.js sees it (the page's JSON rounds to 6 places)."""

    xm: float
    y: float
    title: str
    milestone: bool


def _js_length(text: str) -> int:
    """String length as JavaScript counts it, in UTF-16 units: what page.js measures."""
    return len(text.encode("utf-16-le")) // 2


Labels = tuple[list[float], list[float], list[str], list[str]]  # x, y, text, textposition


LABELS_MOST = 400
DENSE_ROW = 8  # marks in a row past which it gets labels even where none fits between them


def _reversed(n: int) -> int:
    """n's 20 low bits in reverse order: ranks taken so go middle, quarters, eighths..."""
    return int(f"{n & 0xFFFFF:020b}"[::-1], 2)


def labels(view: View, spots: list[Spot]) -> Labels:
    """Event labels that never overlap: per row, a map of the 4-pixel cells that markers and
    labels already cover. Milestones first, then left to right; at most 400. A label goes right
    of its marker, or left where the right has no room. A dense row with no label then gets two
    that may cross other marks. Returns x, y, text and textposition."""
    cells = math.ceil(view.width / 4) + 2
    rows: dict[float, bytearray] = {}
    clip = 26 if len(spots) > 60 else 90
    for spot in spots:
        row = rows.setdefault(spot.y, bytearray(cells))
        c = math.floor(view.px(spot.xm) / 4)
        for k in range(max(0, c - 1), min(cells - 1, c + 1) + 1):
            row[k] = 1
    order = sorted(range(len(spots)), key=lambda i: (-spots[i].milestone, view.pos(spots[i].xm), i))
    xs: list[float] = []
    ys: list[float] = []
    texts: list[str] = []
    positions: list[str] = []

    def span(x0: float, width: float) -> slice:
        return slice(math.floor(x0 / 4), min(cells - 1, math.ceil((x0 + width) / 4)) + 1)

    def free(row: bytearray, x0: float, width: float) -> bool:
        return 0 <= x0 and x0 + width <= view.width and not any(row[span(x0, width)])

    placed: dict[float, int] = {}

    def place(sequence: list[int], limit: int, bare: bytearray | None = None) -> None:
        for i in sequence:
            if len(texts) >= limit:
                break
            spot = spots[i]
            t = spot.title if _js_length(spot.title) <= clip else spot.title[: clip - 1] + "…"
            row = bare if bare is not None else rows.setdefault(spot.y, bytearray(cells))
            width = _js_length(t) * 6.9 + 6
            x0, right = view.px(spot.xm) + 9, True
            if not free(row, x0, width):
                x0, right = view.px(spot.xm) - 13 - width, False  # clear of the marker's cells
                if not free(row, x0, width):
                    continue
            cover = span(x0, width)
            row[cover] = b"\x01" * len(row[cover])
            placed[spot.y] = placed.get(spot.y, 0) + 1
            xs.append(spot.xm)
            ys.append(spot.y)
            # (a wide space keeps the text clear of the marker)
            texts.append("\u2002" + t if right else t + "\u2002")
            positions.append("middle right" if right else "middle left")

    place(order, LABELS_MOST)
    # A row too full of marks for any label between them still gets two, across other marks
    # but never across a label, spread along the row: page.js `labels` does the same.
    by_row: dict[float, list[int]] = {}
    for i in order:
        by_row.setdefault(spots[i].y, []).append(i)
    for y, mine in by_row.items():
        if placed.get(y) or len(mine) < DENSE_ROW:
            continue
        along = sorted(mine, key=lambda i: (view.pos(spots[i].xm), i))
        rank = {i: k + 1 for k, i in enumerate(along)}
        spread = sorted(mine, key=lambda i: (-spots[i].milestone, _reversed(rank[i]), i))
        place(spread, min(LABELS_MOST, len(texts) + 2), bytearray(cells))
    return xs, ys, texts, positions


def era_labels(view: View, layout: dict[str, Any]) -> dict[int, tuple[bool, float]]:
    """Era names, widest era first, each only where it fits without touching another.

    Returns, per era annotation index, whether it shows and where (log10 on the ago axis)."""
    scale = view.width / max(view.b - view.a, 1e-12)
    annotations = layout.get("annotations", [])
    shapes = layout.get("shapes", [])
    eras = [i for i, a in enumerate(annotations) if a.get("name") == "era"]
    eras.sort(key=lambda i: (-(shapes[i]["x1"] - shapes[i]["x0"]), i))
    taken: list[tuple[float, float]] = []
    out: dict[int, tuple[bool, float]] = {}
    for i in eras:
        a = max(view.pos(shapes[i]["x0"]), view.a)
        b = min(view.pos(shapes[i]["x1"]), view.b)
        w = len(annotations[i]["text"]) * 6.3 + 10
        mid = (a + b) / 2
        c = view.px(10**mid if view.ago else mid)
        left, right = c - w / 2, c + w / 2
        ok = b > a and (b - a) * scale >= w * 0.6
        ok = ok and not any(left < r and l_ < right for l_, r in taken)
        if ok:
            taken.append((left, right))
        out[i] = (ok, mid)
    return out


# -- The still figure --------------------------------------------------------------------------

WIDTH = 1400  # pixels, as the README's screenshot; the height is the page's


def spots(scene: Scene) -> list[Spot]:
    return [Spot(place(m.xm), m.y, m.event.title, m.event.milestone) for m in scene.marks]


KEY = (
    "●  exact date      ○  approximate (c.)      ◇  uncertain (?)      ━  span      "
    "┅  open-ended span      ▬  faint band: known only to the month, year or coarser"
)


def still(
    scene: Scene, figure: dict[str, Any], title: str, caption: str, width: int = WIDTH
) -> dict[str, Any]:
    """The page's figure made fit for a still image of the whole extent: the ticks, labels and
    era names filled in; what only a browser can use (hover cards, the range slider, the
    legend's "click to hide") taken out; and what the page says around the chart (its title,
    the key to the marks, the footer's `caption`) put in. `figure` is not changed. `title` and
    `caption` are HTML-escaped text."""
    # Past 20,000 events the page opens on the density strip, with the single marks hidden
    # until one zooms in; a still image cannot zoom, so they are left out.
    data = [dict(trace) for trace in figure["data"] if trace.get("visible", True) is not False]
    layout = {**figure["layout"]}
    margin = layout["margin"]
    view = View.of(tuple(layout["xaxis"]["range"]), width - margin["l"] - margin["r"],
                   scene.mode == "ago", scene.bc)  # fmt: skip
    vals, text = view.ticks()
    layout["xaxis"] = {
        **layout["xaxis"],
        "tickvals": vals,
        "ticktext": text,
        "rangeslider": {"visible": False},
    }
    for i, trace in enumerate(data):
        trace["uid"] = f"trace{i}"  # else plotly names each trace at random, and SVGs differ
        trace.pop("customdata", None)
        trace.pop("hoverlabel", None)
        trace.pop("hovertemplate", None)
        trace["hoverinfo"] = "skip"
        # WebGL marks would reach an SVG or PDF as one bitmap: drawn as SVG they stay vectors
        # (10,000 events: a 2.4 MB SVG in 1.4 times the time, a PDF half the size).
        if trace["type"] == "scattergl":
            trace["type"] = "scatter"
        if trace.get("name") == "labels":
            found = labels(view, spots(scene))
            trace["x"], trace["y"], trace["text"], trace["textposition"] = found
    annotations = [dict(a) for a in layout.get("annotations", [])]
    for i, (visible, x) in era_labels(view, layout).items():
        annotations[i].update(visible=visible, x=x)
    below = -70 if scene.mode == "ago" else -45  # clear of the tick labels and axis title
    muted = {"size": 11, "color": layout["font"]["color"]}
    for line, text_ in enumerate((KEY, caption)):
        annotations.append({"xref": "paper", "yref": "paper", "x": 0, "y": 0, "xanchor": "left",
                            "yanchor": "top", "yshift": below - 18 * line, "showarrow": False,
                            "text": text_, "font": muted, "opacity": 0.8})  # fmt: skip
    layout["annotations"] = annotations
    layout["showlegend"] = False  # the lanes are named on the y axis
    layout["title"] = {"text": title, "x": 0, "xref": "paper", "xanchor": "left",
                       "font": {"size": 18}}  # fmt: skip
    layout["margin"] = {**margin, "t": 90, "b": margin["b"] - below + 40}
    layout["height"] += 90 - margin["t"] + 70 - below
    layout["width"] = width
    return {"data": data, "layout": layout}
