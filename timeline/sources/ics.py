"""The iCalendar reader (RFC 5545), with the `icalendar` library.

Each VEVENT becomes an event on the days it covers; times of day are dropped. A recurring event
(RRULE or RDATE, with its EXDATEs and moved instances, expanded by `recurring_ical_events`)
becomes one event per occurrence within a window: `ReadOptions.window` (`--window`), else one
year either side of the reference date (`--ref-date`, else today). Each series says in a note
which window it was expanded in. The X-TIMELINE-* properties that `timeline` writes bring back
precision, qualifiers, group, source, colour and milestone.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from timeline.errors import InputError
from timeline.model import Day, SourceRef
from timeline.sources import ReadOptions, ReadResult
from timeline.sources.document import Lines, Problems, attach, read_document, with_lines

__all__ = ["DEFAULT_WINDOW_DAYS", "MAX_OCCURRENCES", "read", "window"]

DEFAULT_WINDOW_DAYS = 366  # each side of the reference date
MAX_OCCURRENCES = 10_000  # per series: a daily event over decades is a mistake, not a timeline


def window(options: ReadOptions) -> tuple[Day, Day]:
    """The days (inclusive) within which recurring events are expanded, within AD 1-9999."""
    if options.window is not None:
        low, high = options.window
    else:
        center = options.reference_date or options.today
        if center is None:
            from timeline.dates import today

            center = today()
        low = Day.from_ordinal(center.ordinal - DEFAULT_WINDOW_DAYS)
        high = Day.from_ordinal(center.ordinal + DEFAULT_WINDOW_DAYS)
    return max(low, Day(1)), min(high, Day(9999, 12, 31))


def _day(value: Any) -> Day:
    if isinstance(value, dt.datetime):
        value = value.date()
    return Day(value.year, value.month, value.day)


def _exact(value: Any) -> dict[str, Any] | None:
    parts = str(value).split()
    if len(parts) < 3:
        return None
    return {"start": parts[0], "end": parts[1], "precision": parts[2], "qualifiers": parts[3:]}


def _text(component: Any, name: str) -> str | None:
    value = component.get(name)
    if value is None:
        return None
    if isinstance(value, list):
        value = value[0]
    if name.lower().startswith("x-"):  # the library leaves properties it does not know escaped
        value = _TEXT_ESCAPE.sub(lambda m: "\n" if m[1] in "nN" else m[1], str(value))
    return str(value).strip() or None


_TEXT_ESCAPE = re.compile(r"\\([\\;,nN])")  # RFC 5545 TEXT: \\ \; \, \n


_BROKEN = object()


def _moment(component: Any, name: str, line: int | None, problems: Problems) -> Any:
    """A DATE or DATE-TIME property as a date or datetime; None when absent; `_BROKEN`, with
    an error, when it is not a date (the library hands such values back as text)."""
    if component.get(name) is None:
        return None
    try:
        value = component.decoded(name)
    except Exception:  # as from_ical: a damaged value can raise anything
        value = None
    if not isinstance(value, dt.date | dt.timedelta):
        shown = _raw(component, name)
        problems.error(line, f"{name.upper()} {shown!r} is not a date", shown)
        return _BROKEN
    return value


def _raw(component: Any, name: str) -> str:
    """A property as written in the file."""
    raw = component.get(name)
    shown = raw.to_ical() if hasattr(raw, "to_ical") else raw
    return shown.decode(errors="replace") if isinstance(shown, bytes) else str(shown)


def _item(component: Any, line: int | None, problems: Problems, exact: bool) -> Any:
    """One VEVENT (or one occurrence of a series) as a document event, and whether it had a
    time of day; None when its dates are missing or broken."""
    start = _moment(component, "dtstart", line, problems)
    if start is None:
        problems.error(line, "a VEVENT without DTSTART", _text(component, "summary"))
    end = _moment(component, "dtend", line, problems)
    duration = _moment(component, "duration", line, problems) if end is None else None
    if start is None or _BROKEN in (start, end, duration):
        return None
    first = last = _day(start)
    try:
        if isinstance(end, dt.datetime):
            last = _day(end - dt.timedelta(microseconds=1))
        elif isinstance(end, dt.date):
            last = _day(end - dt.timedelta(days=1))
        elif isinstance(duration, dt.timedelta):
            last = _day(start + duration - dt.timedelta(microseconds=1))
    except OverflowError:  # the end falls before AD 1 or after 9999, where dates stop
        if end is None and isinstance(duration, dt.timedelta) and duration > dt.timedelta(0):
            shown = _raw(component, "duration")
            problems.error(line, f"DURATION {shown!r} runs past the end of 9999", shown)
            return None
    last = max(last, first)
    item: dict[str, Any] = {
        "title": _text(component, "summary"),
        "description": _text(component, "description"),
        "url": _text(component, "url"),
        "group": _text(component, "x-timeline-group"),
        "source": _text(component, "x-timeline-source"),
        "color": _text(component, "x-timeline-color"),
        "milestone": "true" if _text(component, "x-timeline-milestone") == "TRUE" else None,
    }
    categories = component.get("categories")
    if categories is not None:
        lists = categories if isinstance(categories, list) else [categories]
        tags = [str(c).replace("\\,", ",") for cats in lists for c in getattr(cats, "cats", ())]
        item["tags"] = [t for t in tags if t.strip()]
    date = {"start": first.iso(), "end": first.iso(), "precision": "day"}
    end_date = None
    if last != first:
        end_date = {"start": last.iso(), "end": last.iso(), "precision": "day"}
    if exact and (recorded := _exact(component.get("x-timeline-date", ""))) is not None:
        date = recorded
        end_date = _exact(component.get("x-timeline-end", ""))
    item = {k: v for k, v in item.items() if v is not None}
    item["date"] = date
    if end_date is not None:
        item["end"] = end_date
    return with_lines(item, line), isinstance(start, dt.datetime)


def read(text: str, path: str, options: ReadOptions) -> ReadResult:
    import icalendar

    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except Exception as exc:  # the library raises all sorts on a damaged file (fuzzed in tests)
        raise InputError(SourceRef(path), f"invalid iCalendar: {exc}") from None
    # The library keeps no lines; the n-th BEGIN:VEVENT in the text is the n-th VEVENT.
    lines = _begin_lines(text)
    problems = Problems(path)
    doc: dict[str, Any] = {"_line": 1, "_keys": {}}
    events = Lines()
    vevents = [c for cal in calendars for c in cal.walk("VEVENT")]
    line_of = {id(c): (lines[i] if i < len(lines) else None) for i, c in enumerate(vevents)}
    series = {str(c.get("uid")) for c in vevents if c.get("rrule") or c.get("rdate")}
    times = False
    for component in vevents:
        if str(component.get("uid")) in series:
            continue
        made = _item(component, line_of[id(component)], problems, exact=True)
        if made is not None:
            events.add(made[0], made[0]["_line"])
            times = times or made[1]
    if series:
        times = _expand(calendars, vevents, series, line_of, options, problems, events) or times
    if times:
        problems.warn(None, "times of day are not kept; each event keeps its day")
    for cal in calendars:
        if (name := _text(cal, "x-wr-calname")) and "title" not in doc:
            doc["title"] = name
    if not events and not problems.error_count:
        raise InputError(SourceRef(path), "no events (VEVENT) in this calendar")
    attach(doc, "events", events)
    return read_document(doc, path, options, "ics", problems)


def _begin_lines(text: str) -> list[int]:
    """The line of each BEGIN:VEVENT, counted in one pass (not from the start for each)."""
    lines, line, at = [], 1, 0
    for m in re.finditer(r"^BEGIN:VEVENT\s*$", text, re.MULTILINE | re.IGNORECASE):
        line += text.count("\n", at, m.start())
        at = m.start()
        lines.append(line)
    return lines


def _expand(calendars: list[Any], vevents: list[Any], series: set[str],
            line_of: dict[int, int | None], options: ReadOptions, problems: Problems,
            events: Lines) -> bool:  # fmt: skip
    """Add each series' occurrences within the window; say which window. True if any had
    a time of day."""
    import icalendar
    import recurring_ical_events

    times = False
    for uid in sorted(series):
        parts = [c for c in vevents if str(c.get("uid")) == uid]
        master = next((c for c in parts if c.get("rrule") or c.get("rdate")), parts[0])
        line = line_of[id(master)]
        cal = icalendar.Calendar()
        for tz in (t for c in calendars for t in c.walk("VTIMEZONE")):
            cal.add_component(tz)
        for part in parts:
            cal.add_component(part)
        try:
            # A series that ends (COUNT, UNTIL, or RDATEs alone) is expanded whole unless a
            # window is asked for; one that does not, within the default window.
            whole = options.window is None and _ends(master)
            low, high = (Day(1), Day(9999, 12, 31)) if whole else window(options)
            high, stop = _reachable(master, low, high)
            cut = stop is not None
            query = recurring_ical_events.of(cal)
            found = []
            # The library steps a day back from where it starts: not from 1 January AD 1.
            first = _date(max(low, Day(1, 1, 2)))
            for occurrence in query.between(first, stop or _end_of(high)):
                found.append(occurrence)
                if len(found) >= MAX_OCCURRENCES:
                    cut = True
                    break
        except Exception as exc:  # the library's own errors for a broken RRULE
            problems.error(line, f"cannot expand the recurring event: {exc}", uid)
            continue
        if cut:
            problems.warn(line, f"more than {MAX_OCCURRENCES:,} occurrences to expand; only "
                          f"those up to {high} are kept (narrow --window)")  # fmt: skip
        title = _text(master, "summary") or uid
        shown = None if whole else (low, high)
        problems.items.append(_note(problems.path, line, title, shown, len(found)))
        for occurrence in found:
            made = _item(occurrence, line, problems, exact=False)
            if made is not None:
                events.add(made[0], line)
                times = times or made[1]
    return times


def _rules(component: Any) -> list[Any]:
    rules = component.get("rrule")
    return [] if rules is None else rules if isinstance(rules, list) else [rules]


def _ends(component: Any) -> bool:
    """Whether a series has an end of its own: every RRULE has a COUNT or an UNTIL."""
    return all("COUNT" in rule or "UNTIL" in rule for rule in _rules(component))


# Occurrences of one RRULE looked at, at most, before the library expands it: FREQ=SECONDLY
# makes 31 million a year, which the library would build every one of, however few are kept.
LOOK_AHEAD = 4 * MAX_OCCURRENCES


def _reachable(master: Any, low: Day, high: Day) -> tuple[Day, dt.datetime | None]:
    """The last day up to `high` that can be expanded in bounded time, and the moment the
    expansion must stop at when that cuts the window short: each RRULE is walked lazily from
    DTSTART (as the library walks it) for at most `LOOK_AHEAD` occurrences, or
    `MAX_OCCURRENCES` within the window."""
    from dateutil.rrule import rrulestr

    start = master.decoded("dtstart")
    if not isinstance(start, dt.datetime):
        start = dt.datetime.combine(start, dt.time())
    start = start.replace(tzinfo=None)
    stop = None
    for rule in _rules(master):
        # Compared without time zones: a day either way does not matter for a bound.
        text = re.sub(r"(UNTIL=[0-9T]+)Z", r"\1", rule.to_ical().decode())
        inside = 0
        for seen, when in enumerate(rrulestr(text, dtstart=start)):
            day = _day(when)
            if day > high:
                break
            inside += day >= low
            if seen >= LOOK_AHEAD or inside > MAX_OCCURRENCES:
                high, stop = day, when
                break
    return high, stop


def _end_of(day: Day) -> dt.datetime:
    """The last moment of a day, for the library's `between` (the next day may be past 9999)."""
    return dt.datetime.combine(_date(day), dt.time.max)


def _date(day: Day) -> dt.date:
    return dt.date(day.year, day.month, day.day)


def _note(path: str, line: int | None, title: str, span: tuple[Day, Day] | None,
          count: int) -> Any:  # fmt: skip
    from timeline.model import Diagnostic, Severity

    occurrences = f"{count} occurrence{'s' if count != 1 else ''}"
    if span is None:
        message = f"recurring event {title!r}: {occurrences}, the whole series"
    else:
        message = (f"recurring event {title!r} expanded from {span[0]} to {span[1]}: "
                   f"{occurrences} (set the window with --window START..END)")  # fmt: skip
    return Diagnostic(Severity.NOTE, SourceRef(path, line), message, title)
