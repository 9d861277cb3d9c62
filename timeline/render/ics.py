"""iCalendar (RFC 5545): one all-day VEVENT per event, for calendar programs.

A calendar holds days from AD 1 to 9999 only: events outside are left out, and said so. Its
days have no precision, so "March 2013" is shown as a month-long all-day event; the exact date
(precision and qualifiers) rides along in X-TIMELINE-DATE and X-TIMELINE-END, which calendar
programs ignore and `timeline` reads back, as it does the group, source, colour and milestone.
Eras and lane colours have no place, and are reported lost. Output is deterministic: the UID
is a hash of the event, and DTSTAMP is the reference date (else 1970-01-01), not the clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from timeline._version import __version__
from timeline.model import Day, FuzzyDate, Precision, Timeline
from timeline.render import Output, RenderOptions
from timeline.render.losses import FOUND_IN, Losses

__all__ = ["date_value", "render"]


def date_value(date: FuzzyDate) -> str:
    """An exact date as X-TIMELINE-DATE holds it: "start end precision qualifier..."."""
    return " ".join([date.start.iso(), date.end.iso(), str(date.precision),
                     *sorted(str(q) for q in date.qualifiers)])  # fmt: skip


def _pydate(day: Day) -> dt.date:
    return dt.date(day.year, day.month, day.day)


def render(timeline: Timeline, options: RenderOptions | None = None) -> Output:
    import icalendar

    losses = Losses("iCalendar")
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//timeline//timeline {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # Properties the library does not know are written raw unless given as text, and a newline
    # in them would break the file.
    cal.add("x-wr-calname", icalendar.vText(timeline.title))
    stamp_day = timeline.settings.reference_date or Day(1970)
    stamp = dt.datetime(max(stamp_day.year, 1), stamp_day.month, stamp_day.day, tzinfo=dt.UTC)
    uids: dict[str, int] = {}
    for e in timeline.events:
        if e.first_day.year < 1 or e.last_day.year > 9999:
            losses.leave_out("dates before AD 1 or after 9999", e)
            continue
        dates = (e.date, e.end) if e.end is not None else (e.date,)
        if any(d.precision is not Precision.DAY for d in dates):
            losses.add("precision coarser than a day (calendars show an all-day span)", e)
        if any(d.approximate or d.uncertain for d in dates):
            losses.add("approximate or uncertain dates (calendars show them as exact)", e)
        if e.extra:
            losses.add("extra fields", e)
        if any(r.sentence for r in e.refs):
            losses.add(FOUND_IN, e)
        event: Any = icalendar.Event()
        key = "|".join((e.first_day.iso(), e.last_day.iso(), e.title, e.group))
        uid = hashlib.sha1(key.encode()).hexdigest()[:16]
        n = uids[uid] = uids.get(uid, 0) + 1
        event.add("uid", f"{uid}{'-' + str(n) if n > 1 else ''}@timeline")
        event.add("dtstamp", stamp)
        event.add("dtstart", _pydate(e.first_day))
        event.add("dtend", _pydate(e.last_day) + dt.timedelta(days=1))
        event.add("summary", e.title)
        if e.description:
            event.add("description", e.description)
        if e.url:
            event.add("url", e.url)
        if e.tags:
            event.add("categories", list(e.tags))
        event.add("x-timeline-date", date_value(e.date))
        if e.end is not None:
            event.add("x-timeline-end", date_value(e.end))
        for name, value in (("group", e.group), ("source", e.source), ("color", e.color)):
            if value:
                event.add(f"x-timeline-{name}", icalendar.vText(value))
        if e.milestone:
            event.add("x-timeline-milestone", "TRUE")
        cal.add_component(event)
    if timeline.eras:
        names = ", ".join(era.name for era in timeline.eras)
        losses.add(f"eras (left out: {names})")
    if any(g.color for g in timeline.groups):
        losses.add("the colours of groups")
    return Output(cal.to_ical(), losses.warnings(), losses.left_out)
