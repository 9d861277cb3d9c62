"""The page's geometry, independent of plotly: where each event sits on the x axis, in which
lane and row, and what the hover card and the list say about it.

The x axis is a number, never a plotly date axis, because plotly's dates stop at year 0 and
historians' dates do not:

- "calendar" mode: x is the decimal year in astronomical numbering (44 BC starts at -43.0),
  for everything from the Bronze Age to next week;
- "ago" mode, chosen when anything lies before year -9999: x is years before the latest event
  (or today), drawn on a reversed log axis labelled in years, ka, Ma and Ga.
"""

from __future__ import annotations

import functools
import html
import math
import re
from dataclasses import dataclass, field

from timeline.labels import span_label
from timeline.model import Day, Event, Precision, Timeline

DEEP_BEFORE_YEAR = -9999  # anything earlier switches the page to a years-ago axis
MAX_ROWS = 4  # rows per lane; past this, events share rows (the labels then thin out)
HOVER_WIDTH = 64  # characters per line in the hover card
HOVER_DESCRIPTION = 320  # characters of description shown in the hover card
# The narrowest first view, in years: an event, or a few days of them, open on a fortnight with
# room around the marks for their labels and for day ticks.
MIN_VIEW = 14 / 365.25
MARGIN = 0.04  # of the view, either side of the events, so that no mark is cut at the edge


def place(x: float) -> float:
    """A position as the page gets it: to a millionth of a year (about half a minute), so that
    a day-precise event sits on its day at any zoom, and the bytes stay the same run to run."""
    return round(x, 6)


@dataclass(frozen=True, slots=True)
class Mark:
    """One event as drawn."""

    index: int  # position in date order
    event: Event
    x0: float  # where it starts (its date's first day)
    x1: float  # where it ends (the day after its last day)
    xm: float  # where its marker sits: the start of a span, the middle of an instant
    lane: int
    y: float  # lane base + row
    kind: str  # "exact", "approximate", "uncertain"
    when: str  # the date as the list and the hover card say it
    hover: str  # escaped, in plotly's small HTML subset


@dataclass(slots=True)
class Scene:
    mode: str  # "calendar" or "ago"
    marks: list[Mark]
    lanes: list[str]  # names, top to bottom
    lane_y: list[tuple[float, float]]  # each lane's first and last row
    x_range: tuple[float, float]
    present_year: float  # "ago" mode counts back from here
    today_x: float | None
    eras: list[tuple[str, float, float, str | None]] = field(default_factory=list)
    rows: int = 0
    bc: bool = False  # some date is before AD 1: then AD years say "AD" on the axis and in labels


@functools.lru_cache(maxsize=65536)
def decimal(day: Day) -> float:
    return day.decimal_year()


@functools.lru_cache(maxsize=65536)
def day_after(day: Day) -> float:
    return Day.from_ordinal(day.ordinal + 1).decimal_year()


def kind_of(event: Event) -> str:
    dates = [event.date] + ([event.end] if event.end else [])
    if any(d.uncertain for d in dates):
        return "uncertain"
    if any(d.approximate for d in dates):
        return "approximate"
    return "exact"


def _wrap(text: str, width: int = HOVER_WIDTH) -> str:
    """Escape, then break into lines of about `width` characters for the hover card."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return "<br>".join(plotly_text(part) for part in lines)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def precision_note(event: Event) -> str:
    """ "known to the year": said whenever a date is coarser than a day, so that nobody reads
    the marker's position as the day it happened."""
    coarsest = max(
        (d.precision for d in (event.date, event.end) if d is not None and not d.open_ended),
        key=lambda p: p.rank,
    )
    return "" if coarsest is Precision.DAY else f"known to the {coarsest.value}"


def plotly_text(text: str) -> str:
    """Text for plotly's own markup (hover cards, labels, lane and legend names): &, < and >
    escaped. Not quotes: plotly decodes only a few named entities, so "&quot;" would show as
    written, and outside a tag a quote mark is only a character."""
    return html.escape(text, quote=False)


def date_label(event: Event, bc: bool = False) -> str:
    """The event's date as the page says it; `bc`: the timeline also has dates before AD 1, so
    AD years before 1000 say so ("AD 14", "2nd century AD")."""
    return span_label(event.date, event.end, era=bc)


def as_written(event: Event, when: str) -> str:
    """The date as the source wrote it, when that says more than the label `when`."""
    written = (event.date.text + (f" – {event.end.text}" if event.end else "")).strip()
    same = written in (when, span_label(event.date, event.end))
    return "" if same else written


def hover_card(event: Event, when: str | None = None) -> str:
    """The hover card: title, date as written, normalised date, description, source, link.

    Every user string is escaped here; the only markup is the tags plotly draws itself.
    """
    e = plotly_text
    parts = [f"<b>{_wrap(event.title)}</b>"]
    normal = when if when is not None else span_label(event.date, event.end)
    written = as_written(event, normal)
    note = precision_note(event)
    parts.append(f"{e(normal)}" + (f" <i>({e(note)})</i>" if note else ""))
    if written:
        parts.append(f"<i>as written:</i> {e(written)}")
    if event.group:
        parts.append(
            f"<i>{e(event.group)}</i>" + (f" · {e(', '.join(event.tags))}" if event.tags else "")
        )
    if event.description:
        parts.append(_wrap(_clip(event.description, HOVER_DESCRIPTION)))
    for name, value in event.extra:
        parts.append(f"<i>{e(_clip(name, 60))}:</i> {_wrap(_clip(value, 160))}")
    quoted = [ref for ref in event.refs[:3] if ref.sentence]  # only prose carries sentences
    for ref in quoted:
        if ref.sentence != event.description:
            parts.append(f"<i>“{_wrap(_clip(ref.sentence or '', 200))}”</i><br>— {e(ref.where())}")
        else:
            parts.append(f"— {e(ref.where())}")
    if quoted and event.source_count > len(quoted):
        more = event.source_count - len(quoted)
        parts.append(f"<i>and {more:,} more source{'s' if more != 1 else ''}</i>")
    if event.source:
        parts.append(f"<i>source:</i> {_wrap(_clip(event.source, 160))}")
    if url := safe_url(event.url):  # an event built in Python may carry any url
        parts.append(f"<i>link:</i> {e(_clip(url, 60))} (click the point)")
    return "<br>".join(parts)


def safe_url(url: str | None) -> str | None:
    """The url, if it is one a page may link to (http, https, mailto); else None."""
    if url and re.match(r"(?i)^(https?://|mailto:)", url.strip()):
        return url.strip()
    return None


def _rows(marks: list[tuple[int, float, float]], pad: float) -> dict[int, int]:
    """Greedy interval packing: each (index, x0, x1) gets the first row free at x0."""
    ends: list[float] = []
    row_of: dict[int, int] = {}
    for index, x0, x1 in sorted(marks, key=lambda m: (m[1], m[2], m[0])):
        for row, end in enumerate(ends):
            if end <= x0:
                ends[row] = x1 + pad
                row_of[index] = row
                break
        else:
            if len(ends) < MAX_ROWS:
                ends.append(x1 + pad)
                row_of[index] = len(ends) - 1
            else:  # every row is busy: share the one that frees up first
                row = min(range(len(ends)), key=lambda r: (ends[r], r))
                ends[row] = max(ends[row], x1 + pad)
                row_of[index] = row
    return row_of


def build_scene(timeline: Timeline, today: Day | None, hover: bool = True) -> Scene:
    """The geometry of every event. `hover=False` leaves the hover cards empty: a still image
    has no use for them, and they are a third of the work."""
    events = sorted(timeline.events, key=Event.sort_key)
    deep = any(ev.first_day.year < DEEP_BEFORE_YEAR for ev in events)
    last = max((day_after(ev.last_day) for ev in events), default=0.0)
    present_year = max(last, decimal(today) if today else last)

    def x(value: float) -> float:
        # "ago" mode: years before the present, floored so the log axis has a place for it.
        return max(present_year - value, 0.5) if deep else value

    lanes = timeline.group_order()
    lane_index = {name: i for i, name in enumerate(lanes)}
    bc = any(ev.first_day.year <= 0 for ev in events)
    raw: list[tuple[Event, float, float]] = []
    for ev in events:
        x0, x1 = x(decimal(ev.first_day)), x(day_after(ev.last_day))
        raw.append((ev, min(x0, x1), max(x0, x1)))
    lo = min((r[1] for r in raw), default=0.0)
    hi = max((r[2] for r in raw), default=1.0)
    if deep:
        lo, hi = math.log10(max(lo, 0.5)), math.log10(max(hi, 1.0))
    # Calendar mode opens on at least MIN_VIEW (log units in "ago" mode: no minimum).
    width = max(hi - lo, 1 / 365 if deep else MIN_VIEW)
    # Leave room for a label after each mark: about a tenth of the whole range.
    pad = width * 0.12

    by_lane: dict[int, list[tuple[int, float, float]]] = {}
    for i, (ev, x0, x1) in enumerate(raw):
        a, b = (math.log10(x0), math.log10(x1)) if deep else (x0, x1)
        by_lane.setdefault(lane_index[ev.group], []).append((i, a, b))
    row_of: dict[int, int] = {}
    lane_rows = []
    for lane in range(len(lanes)):
        rows = _rows(by_lane.get(lane, []), pad)
        row_of.update(rows)
        lane_rows.append(max(rows.values(), default=0) + 1)

    base, lane_y = 0.0, []
    for n in lane_rows:
        lane_y.append((base, base + n - 1))
        base += n + 0.8  # a gap between lanes

    marks = []
    for i, (ev, x0, x1) in enumerate(raw):
        lane = lane_index[ev.group]
        if ev.is_span:
            xm = x0 if not deep else x1  # the start, which is the larger "ago"
        else:
            xm = (x0 + x1) / 2 if not deep else math.sqrt(x0 * x1)
        when = date_label(ev, bc)
        card = hover_card(ev, when) if hover else ""
        y = lane_y[lane][0] + row_of[i]
        marks.append(Mark(i, ev, x0, x1, xm, lane, y, kind_of(ev), when, card))

    margin = width * MARGIN + (width - (hi - lo)) / 2
    if deep:
        x_range = (hi + margin, lo - margin)  # log10 units, reversed: the past on the left
    else:
        x_range = (lo - margin, hi + margin)
    today_x = None
    if today is not None and not deep:
        t = decimal(today)
        if lo <= t <= hi + margin:
            today_x = t
    eras = []
    for era in timeline.eras:
        a, b = x(decimal(era.start.start)), x(day_after(era.end.end))
        eras.append((era.name, min(a, b), max(a, b), era.color))
    return Scene(
        mode="ago" if deep else "calendar",
        marks=marks,
        lanes=lanes,
        lane_y=lane_y,
        x_range=x_range,
        present_year=present_year,
        today_x=today_x,
        eras=eras,
        rows=int(base),
        bc=bc,
    )
