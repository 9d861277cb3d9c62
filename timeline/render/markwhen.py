"""markwhen text: `DATE[ - DATE]: Title #tag`, the description on the lines below, events in
`group NAME` ... `endGroup` blocks by lane.

markwhen reads years, months (`03/2013`) and days (`03/15/2013`) from AD 1 on. A coarser
precision becomes the years it covers (`1850 - 1859`), a qualifier is said only in the text,
and BCE or deep-time events are left out; each of these, and what else markwhen has no place
for (colours, milestones, eras), is reported.
"""

from __future__ import annotations

import re

from timeline.model import Event, FuzzyDate, Precision, Timeline
from timeline.render import Output
from timeline.render.losses import FOUND_IN, Losses

__all__ = ["render"]

# A description line that markwhen would take for an event or a keyword.
_SPECIAL = re.compile(r"^\s*(?:[\d/]+\s*(?:-.*)?:|group\b|endGroup\b|section\b|endSection\b|#|//)")


def _date(date: FuzzyDate, end: bool, losses: Losses, event: Event) -> str:
    day = date.end if end else date.start
    match date.precision:
        case Precision.DAY:
            return f"{day.month:02d}/{day.day:02d}/{day.year:04d}"
        case Precision.MONTH:
            if date.start.month != date.end.month or date.start.year != date.end.year:
                losses.add("quarters and month ranges as one date (written as a range)", event)
                return f"{day.month:02d}/{day.year:04d}"
            return f"{day.month:02d}/{day.year:04d}"
    if date.precision is Precision.SEASON:  # a winter too, December to February
        losses.add("seasons (written as the months they cover)", event)
        return f"{day.month:02d}/{day.year:04d}"
    if date.start.year != date.end.year:
        losses.add("decades, centuries and other spans of years (written as a range)", event)
    return f"{day.year:04d}"


def _range(event: Event, losses: Losses) -> str:
    start = _date(event.date, False, losses, event)
    last = event.end or event.date
    if event.end is not None and event.end.open_ended:
        return f"{start} - now"
    end = _date(last, True, losses, event)
    if event.end is None and end == start:
        return start
    return f"{start} - {end}"


def _tag(tag: str) -> str:
    return "#" + re.sub(r"[^\w-]+", "-", tag).strip("-")


def _event(event: Event, losses: Losses) -> list[str]:
    if event.first_day.year < 1 or event.last_day.year > 9999:
        losses.leave_out("dates before AD 1 or after 9999", event)
        return []
    if any(d.approximate or d.uncertain for d in (event.date, event.end) if d is not None):
        losses.add("approximate or uncertain dates (said in the description)", event)
    if event.color:
        losses.add("the colours of events", event)
    if event.milestone:
        losses.add("milestones", event)
    if event.extra:
        losses.add("extra fields", event)
    if any(r.sentence for r in event.refs):
        losses.add(FOUND_IN, event)
    title = " ".join(event.title.split())
    tags = "".join(" " + _tag(t) for t in event.tags if _tag(t) != "#")
    lines = [f"{_range(event, losses)}: {title}{tags}"]
    body = [line for line in event.description.splitlines() if line.strip()]
    if any(d.approximate or d.uncertain for d in (event.date, event.end) if d is not None):
        from timeline.labels import span_label

        body.insert(0, f"({span_label(event.date, event.end)})")
    if event.url:
        body.append(f"[{event.url}]({event.url})")
    if event.source:
        body.append(f"Source: {event.source}")
    lines.extend(" " + b if _SPECIAL.match(b) else b for b in body)
    return lines


def render(timeline: Timeline, options: object = None) -> Output:
    losses = Losses("markwhen")
    out = ["---", f"title: {' '.join(timeline.title.split())}", "---", ""]
    lanes: dict[str, list[Event]] = {name: [] for name in timeline.group_order()}
    for event in timeline.events:
        lanes[event.group].append(event)
    for name, events in lanes.items():
        body = [line for event in events if (lines := _event(event, losses)) for line in
                (*lines, "")]  # fmt: skip
        if body and name:
            out.extend([f"group {' '.join(name.split())}", *body, "endGroup", ""])
        else:
            out.extend(body)
    if timeline.eras:
        losses.add("eras (left out: " + ", ".join(e.name for e in timeline.eras) + ")")
    if any(g.color for g in timeline.groups):
        losses.add("the colours of groups")
    return Output(("\n".join(out).rstrip() + "\n").encode(), losses.warnings(), losses.left_out)
