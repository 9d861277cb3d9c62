"""TimelineJS3's JSON: a file that TimelineJS loads as it is (`new TL.Timeline(id, data)`).

Its years count 1 BCE as -1 (ours count it as 0), so a year at or before 0 moves down by one.
It has no precision but the parts a date gives (a year, a month, a day): a decade, a century,
deep time or a qualifier survives only in the display text, which `timeline` reads back. It
renders text as HTML, so every string from a document is escaped; the url and the source go
into the text as marked paragraphs. Tags, milestones, era and lane colours are lost, and said so.
"""

from __future__ import annotations

import hashlib
import html
import json
from typing import Any

from timeline.labels import label, needs_era, span_label
from timeline.model import Day, Era, Event, FuzzyDate, Precision, Timeline
from timeline.render import Output
from timeline.render.losses import FOUND_IN, Losses

__all__ = ["render"]


def _year(year: int) -> str:
    return str(year - 1 if year <= 0 else year)


def _date(date: FuzzyDate, era: bool, at_end: bool = False) -> dict[str, str]:
    # The parts that the precision needs, and any more that pin the first day ("late 19th
    # century" starts in September 1867), so that the display date can be checked against it.
    day = date.start
    out = {"year": _year(day.year)}
    if date.precision in (Precision.DAY, Precision.MONTH, Precision.SEASON) or day != Day(day.year):
        out["month"] = str(day.month)
    if date.precision is Precision.DAY or day.day != 1:
        out["day"] = str(day.day)
    out["display_date"] = "present" if at_end and date.open_ended else html.escape(label(date, era))
    return out


def _text(event: Event) -> str:
    # One paragraph a line, empty ones too, so that a blank line between paragraphs comes back.
    lines = event.description.split("\n") if event.description else []
    parts = [f"<p>{html.escape(line)}</p>" for line in lines]
    if event.url:
        url = html.escape(event.url)
        parts.append(f'<p class="timeline-url"><a href="{url}">{url}</a></p>')
    if event.source:
        parts.append(f'<p class="timeline-source">Source: {html.escape(event.source)}</p>')
    return "".join(parts)


def _slide(event: Event, losses: Losses, era: bool) -> dict[str, Any]:
    slide: dict[str, Any] = {"start_date": _date(event.date, era)}
    if event.end is not None:
        slide["end_date"] = _date(event.end, era, at_end=True)
    elif event.date.precision is Precision.DAY and event.date.end != event.date.start:
        slide["end_date"] = {**_date(FuzzyDate(event.date.end, event.date.end, Precision.DAY), era),
                             "display_date": ""}  # fmt: skip
    slide["display_date"] = html.escape(span_label(event.date, event.end, era))
    slide["text"] = {"headline": html.escape(event.title), "text": _text(event)}
    if event.group:
        slide["group"] = html.escape(event.group)
    if event.color:
        slide["background"] = {"color": event.color}
    key = "|".join((event.first_day.iso(), event.last_day.iso(), event.title, event.group))
    slide["unique_id"] = "e-" + hashlib.sha1(key.encode()).hexdigest()[:12]
    if event.tags:
        losses.add("tags", event)
    if event.milestone:
        losses.add("milestones", event)
    if event.extra:
        losses.add("extra fields", event)
    if any(r.sentence for r in event.refs):
        losses.add(FOUND_IN, event)
    return slide


def _era(era: Era, losses: Losses, bc: bool) -> dict[str, Any]:
    if era.color:
        losses.add(f"the colour of an era ({era.name})")
    return {
        "start_date": _date(era.start, bc),
        "end_date": _date(era.end, bc, at_end=True),
        "text": {"headline": html.escape(era.name)},
    }


def render(timeline: Timeline, options: object = None) -> Output:
    losses = Losses("TimelineJS")
    # (as on the page: with dates BC, the display dates of AD years before 1000 say "AD")
    bc = needs_era(
        [d for e in timeline.events for d in (e.date, e.end) if d is not None]
        + [d for e in timeline.eras for d in (e.start, e.end)]
    )
    events = [_slide(e, losses, bc) for e in timeline.events]
    if any(g.color for g in timeline.groups):
        losses.add("the colours of groups")
    ids: dict[str, int] = {}
    for slide in events:  # events told twice in one lane on one day keep distinct ids
        n = ids[slide["unique_id"]] = ids.get(slide["unique_id"], 0) + 1
        if n > 1:
            slide["unique_id"] += f"-{n}"
    doc = {
        "title": {"text": {"headline": html.escape(timeline.title), "text": ""}},
        "events": events,
        "eras": [_era(e, losses, bc) for e in timeline.eras],
    }
    data = (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode()
    return Output(data, losses.warnings())
