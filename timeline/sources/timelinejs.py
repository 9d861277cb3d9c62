"""TimelineJS's formats: its JSON (`{"title", "events": [{"start_date": {...}, ...}], "eras"}`)
and, through `timeline.sources.tabular`, the columns of its Google-sheet template.

Both are turned into slides of one shape (the JSON's), and each slide into an event of the
common document, so that `timeline.sources.document` checks it as it checks YAML. TimelineJS's
years count 1 BCE as -1; ours count it as 0, so a negative year moves up by one. A slide's
display date, when it reads back to the same day ("c. 1850", "1850s", "Spring 2013"), brings
back the precision and qualifiers that the numbers alone cannot say.
"""

from __future__ import annotations

import html
import re
from typing import Any

from timeline.errors import DateError, InputError, quote
from timeline.model import Day, FuzzyDate, Precision, Settings, SourceRef, days_in_month
from timeline.sources import ReadOptions, ReadResult
from timeline.sources.document import (
    Lines,
    Problems,
    attach,
    read_document,
    with_lines,
    year_number,
)

__all__ = ["read", "read_slides"]


def read(text: str, path: str, options: ReadOptions) -> ReadResult:
    from timeline.sources.json_source import read_with_lines

    return read_with_lines(text, path, lambda data: _read_json(data, path, options))


def _read_json(data: Any, path: str, options: ReadOptions) -> ReadResult:
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise InputError(SourceRef(path, 1), 'expected TimelineJS JSON: {"events": [...]}')
    title = data.get("title")
    eras = data.get("eras")
    return read_slides(
        title if isinstance(title, dict) else None,
        list(data["events"]),
        list(eras) if isinstance(eras, list) else [],
        path,
        options,
        "timelinejs",
    )


def read_slides(
    title: dict[str, Any] | None,
    events: list[Any],
    eras: list[Any],
    path: str,
    options: ReadOptions,
    fmt: str,
) -> ReadResult:
    """Slides (line-aware dicts of TimelineJS's JSON shape) to a timeline."""
    problems = Problems(path)
    settings = Settings(reference_date=options.reference_date or options.today)
    doc: dict[str, Any] = {"_line": 1, "_keys": {}}
    if title is not None:
        headline, _, _ = _text(title)
        if headline:
            doc["title"] = headline
            doc["_keys"]["title"] = title.get("_line")
    items = Lines()
    for slide in events:
        if not isinstance(slide, dict):
            problems.error(None, "a TimelineJS event should be an object", str(slide)[:60])
            continue
        item = _event(slide, settings, problems)
        if item is not None:
            items.add(item, slide.get("_line"))
    era_items = Lines()
    for slide in eras:
        if not isinstance(slide, dict):
            continue
        item = _event(slide, settings, problems)
        if item is not None and "end" in item:
            era = {"_line": item["_line"], "_keys": item["_keys"], "name": item["title"],
                   "start": item["date"], "end": item["end"]}  # fmt: skip
            era_items.add(era, item["_line"])
        elif item is not None:
            problems.error(item["_line"], "an era needs an end_date", item.get("title"))
    if not items and not problems.error_count:
        raise InputError(SourceRef(path, 1), "no events with a start_date")
    attach(doc, "events", items)
    attach(doc, "eras", era_items)
    return read_document(doc, path, options, fmt, problems)


_URL = re.compile(r'<p class="timeline-url"><a href="([^"]*)"[^>]*>.*?</a></p>', re.DOTALL)
_SOURCE = re.compile(r'<p class="timeline-source">(?:Source: )?(.*?)</p>', re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<br\s*/?>|</p>\s*<p[^>]*>", re.IGNORECASE)


def plain(markup: str) -> str:
    """TimelineJS's HTML as plain text: paragraphs and breaks as new lines, tags dropped."""
    return html.unescape(_TAG.sub("", _BREAK.sub("\n", markup))).strip()


def _text(slide: dict[str, Any]) -> tuple[str, str, dict[str, str]]:
    """The headline, the text, and the url and source that `timeline` writes into the text."""
    text = slide.get("text")
    if not isinstance(text, dict):
        return "", "", {}
    headline = plain(str(text.get("headline") or ""))
    body = str(text.get("text") or "")
    extra: dict[str, str] = {}
    if m := _URL.search(body):
        extra["url"] = html.unescape(m[1])
        body = body[: m.start()] + body[m.end() :]
    if m := _SOURCE.search(body):
        extra["source"] = plain(m[1])
        body = body[: m.start()] + body[m.end() :]
    return headline, plain(body), extra


def _event(slide: dict[str, Any], settings: Settings, problems: Problems) -> dict[str, Any] | None:
    line = slide.get("_line")
    if slide.get("start_date") is None:
        problems.error(line, "missing start_date (every TimelineJS event needs a year)")
        return None
    start = _date(slide["start_date"], line, settings, problems)
    if start is None:
        return None
    headline, body, extra = _text(slide)
    end = None
    if slide.get("end_date") is not None:
        end = _date(slide["end_date"], line, settings, problems, end=True)
        if end is None:
            return None
    item: dict[str, Any] = {"title": headline}
    if body:
        item["description"] = body
    media = slide.get("media")
    if isinstance(media, dict):
        if media.get("url"):
            item["url"] = str(media["url"]).strip()
        if media.get("credit"):
            item["source"] = plain(str(media["credit"]))
    item.update(extra)
    if slide.get("group"):
        item["group"] = plain(str(slide["group"]))
    background = slide.get("background")
    if isinstance(background, dict) and background.get("color"):
        item["color"] = str(background["color"]).strip()
    document: dict[str, Any] = with_lines(item, line)
    document["date"] = start
    if end is not None:
        document["end"] = end
    document["_keys"].update(date=line, end=line)
    return document


_NUMBER = re.compile(r"^\s*-?\d+\s*$")
_TIME_PARTS = ("hour", "minute", "second", "millisecond")


def _date(raw: Any, line: int | None, settings: Settings, problems: Problems,
          end: bool = False) -> Any:  # fmt: skip
    """A TimelineJS date object to an exact date record (or "present"), else None."""
    if not isinstance(raw, dict):
        problems.error(line, "a TimelineJS date should be an object with a year", str(raw)[:60])
        return None
    parts: dict[str, int] = {}
    for key in ("year", "month", "day"):
        value = raw.get(key)
        if value in (None, ""):
            continue
        if not _NUMBER.match(str(value)):
            at = (raw.get("_keys") or {}).get(key, raw.get("_line", line))
            problems.error(at, f"{key} {value!r} is not a whole number", str(value))
            return None
        try:
            parts[key] = year_number(str(value))
        except ValueError as exc:
            problems.error(raw.get("_line", line), f"{key} {quote(str(value))}: {exc}", str(value))
            return None
    if "year" not in parts:
        problems.error(raw.get("_line", line), "a TimelineJS date needs a year")
        return None
    if any(raw.get(k) not in (None, "") for k in _TIME_PARTS):
        message = "times of day are not kept; each event keeps its day"
        if not any(d.message == message for d in problems.items):  # said once, at the first
            problems.warn(raw.get("_line", line), message)
    year = parts["year"] + 1 if parts["year"] < 0 else parts["year"]
    try:
        if "month" in parts and "day" in parts:
            first = last = Day(year, parts["month"], parts["day"])
            precision = Precision.DAY
        elif "month" in parts:
            first = Day(year, parts["month"])
            last = Day(year, parts["month"], days_in_month(year, parts["month"]))
            precision = Precision.MONTH
        else:
            first, last, precision = Day(year), Day(year, 12, 31), Precision.YEAR
    except ValueError as exc:
        problems.error(raw.get("_line", line), f"not a date: {exc}", str(parts))
        return None
    shown = str(raw.get("display_date") or raw.get("display_text") or "").strip()
    written = _display(shown, first, settings, end)
    if written is not None:
        return written
    record = {"start": first.iso(), "end": last.iso(), "precision": str(precision)}
    if shown:
        record["text"] = shown
    return with_lines(record, raw.get("_line", line))


def _display(shown: str, first: Day, settings: Settings, end: bool) -> Any:
    """The date as its display text says it, when that agrees with the numbers."""
    if not shown:
        return None
    from timeline.dates import parse_date

    if end and shown.lower() in ("present", "now", "ongoing", "today"):
        return shown
    try:
        date: FuzzyDate = parse_date(shown, settings)
    except DateError:
        return None
    if date.start != first:
        return None
    return with_lines({"start": date.start.iso(), "end": date.end.iso(),
                       "precision": str(date.precision),
                       "qualifiers": sorted(str(q) for q in date.qualifiers),
                       "text": shown}, None)  # fmt: skip
