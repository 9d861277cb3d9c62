"""The document every structured reader produces: plain dicts and lists that remember their
lines, validated into a `Timeline` with every problem reported at its line.

The YAML, JSON and CSV readers each turn their text into this one shape (a mapping with
`title`, `groups`, `eras` and `events`), so an event is checked by one set of rules whatever
format it came in. A date is either text, read by `timeline.dates`, or an exact record
`{start, end, precision, qualifiers, text}` as `timeline extract --format json` writes it.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from timeline.errors import DateError, InputError, quote
from timeline.labels import label
from timeline.merge import MAX_REFS
from timeline.model import (
    Day,
    Diagnostic,
    Era,
    Event,
    FuzzyDate,
    Group,
    Precision,
    Qualifier,
    Settings,
    Severity,
    SourceRef,
    Timeline,
)
from timeline.sources import ReadOptions, ReadResult

__all__ = ["EVENT_KEYS", "MAX_YEAR", "TOP_KEYS", "Lines", "Problems", "attach", "read_document",
           "with_lines", "year_number"]  # fmt: skip

TOP_KEYS = ("title", "reference_date", "languages", "date_order", "timezone", "groups", "eras",
            "events")  # fmt: skip
EVENT_KEYS = ("date", "end", "title", "description", "group", "tags", "url", "color", "source",
              "milestone", "extra", "found_in")  # fmt: skip
# Written by `timeline extract --format json` for people and programs; ignored on reading.
DERIVED_KEYS = ("label", "refs")
GROUP_KEYS = ("name", "color")
ERA_KEYS = ("name", "start", "end", "color")
RECORD_KEYS = ("start", "end", "precision", "qualifiers", "text")

MAX_TEXT = 10_000  # characters in one field
# Years beyond this many either side of AD 1 are refused: a trillion years is seventy times the
# age of the universe, and a page cannot place a year past a float's range.
MAX_YEAR = 10**12

_SAFE_URL = re.compile(r"^(?:https?://[^\s<>\"']+|mailto:[^\s<>\"']+)$", re.IGNORECASE)
_COLOR = re.compile(r"^(?:#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8})$")
# The colour names CSS knows (a page shows a name it does not know as black).
_COLOR_NAMES = frozenset(
    """aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue
    blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk
    crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki
    darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen
    darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue
    dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite
    gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki
    lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
    lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen
    lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen
    magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen
    mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream
    mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid
    palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum
    powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown
    seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen
    steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow
    yellowgreen""".split()
)
_ISO_DAY = re.compile(r"^([+-]?\d{4,})-(\d\d)-(\d\d)$")
_DATE_ORDERS = ("DMY", "MDY", "YMD")


class Problems:
    """Collects diagnostics for one file, so that all of them are reported in one run."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[Diagnostic] = []

    def error(self, line: int | None, message: str, value: object = None) -> None:
        self._add(Severity.ERROR, line, message, value)

    def warn(self, line: int | None, message: str, value: object = None) -> None:
        self._add(Severity.WARNING, line, message, value)

    def note(self, line: int | None, message: str) -> None:
        self._add(Severity.NOTE, line, message, None)

    def _add(self, severity: Severity, line: int | None, message: str, value: object) -> None:
        text = None if value is None else str(value)
        self.items.append(Diagnostic(severity, SourceRef(self.path, line), message, text))

    @property
    def error_count(self) -> int:
        return sum(1 for d in self.items if d.severity is Severity.ERROR)


def read_document(
    data: Any, path: str, options: ReadOptions, fmt: str, problems: Problems | None = None
) -> ReadResult:
    """Validate one document (see the module docstring). Raises `InputError` when it has no
    events at all; problems with single events come back as diagnostics, and those events are
    left out. `problems` may hold what the format's own reader found first."""
    problems = problems or Problems(path)
    if isinstance(data, list):
        data = {"events": data, "_line": 1}
    elif not isinstance(data, dict):
        raise InputError(
            SourceRef(path, 1),
            f"expected a mapping with an `events:` list, found {_kind(data)}",
            str(data)[:80],
        )
    if data.get("events") is not None and not isinstance(data["events"], list):
        raise InputError(
            SourceRef(path, _line_of(data, "events")),
            f'`events:` should be a list, each event starting with "- ", '
            f"not {_kind(data['events'])}",
        )
    if not isinstance(data.get("events"), list) or not data["events"]:
        if problems.error_count:  # the format's reader has said why already
            return ReadResult(Timeline(()), problems.items, fmt)
        line = _line_of(data, "events")
        # ("evnts:" holding the list: say which key it was)
        near = [k for k in data if isinstance(k, str) and k != "events"
                and difflib.get_close_matches(k, ["events"], n=1, cutoff=0.6)]  # fmt: skip
        if near and "events" not in data:
            raise InputError(
                SourceRef(path, _line_of(data, near[0])),
                f"no events: unknown top-level key {near[0]}; did you mean events?",
                near[0],
            )
        raise InputError(
            SourceRef(path, line), "no events: add an `events:` list with at least one event"
        )

    _check_keys(data, TOP_KEYS, problems, "top-level key")
    settings = _settings(data, options, problems)
    title = options.title or _text_field(data, "title", problems) or "Timeline"
    groups = _groups(data, problems)
    eras = _eras(data, settings, problems)
    events: list[Event] = []
    for index, item in enumerate(data["events"]):
        event = _event(item, _item_line(data["events"], index), settings, problems)
        if event is not None:
            events.append(event)
    events.sort(key=Event.sort_key)
    timeline = Timeline(tuple(events), title, tuple(eras), tuple(groups), settings, sources=(path,))
    problems.items.sort(key=lambda d: d.ref.line or 0)  # stable: file order, then found order
    return ReadResult(timeline, problems.items, fmt)


class Lines(list[Any]):
    """A list that knows the line of each item."""

    def __init__(
        self, items: list[Any] | None = None, lines: list[int | None] | None = None
    ) -> None:
        super().__init__(items or [])
        self.lines = lines or []

    def add(self, item: Any, line: int | None) -> None:
        self.append(item)
        self.lines.append(line)


def attach(doc: dict[str, Any], key: str, items: Lines) -> None:
    """Put a list into a document, at the line of its first item; an empty one stays out."""
    if items:
        doc[key] = items
        doc.setdefault("_keys", {})[key] = items.lines[0]


def with_lines(value: Any, line: int | None) -> Any:
    """Plain data (from `json.loads`, a CSV row) as a document whose every part is at `line`.

    Scalars become text as a YAML reader would see them: 1969 -> "1969", true -> "true"."""
    if isinstance(value, dict):
        out: dict[str, Any] = {"_line": line, "_keys": dict.fromkeys(value, line)}
        out.update((str(k), with_lines(v, line)) for k, v in value.items())
        return out
    if isinstance(value, list):
        return Lines([with_lines(v, line) for v in value], [line] * len(value))
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _item_line(seq: list[Any], index: int) -> int | None:
    return seq.lines[index] if isinstance(seq, Lines) else None


def _line_of(mapping: dict[str, Any], key: str) -> int | None:
    keys = mapping.get("_keys") or {}
    line = keys.get(key, mapping.get("_line"))
    return line if isinstance(line, int) else None


def _kind(value: object) -> str:
    match value:
        case None:
            return "nothing"
        case bool():
            return "true/false"
        case int() | float():
            return "a number"
        case str():
            return "text"
        case list():
            return "a list"
        case dict():
            return "a mapping"
    return type(value).__name__


# -- Fields -------------------------------------------------------------------------------------


def _check_keys(mapping: dict[str, Any], known: tuple[str, ...], problems: Problems,
                what: str, ignored: tuple[str, ...] = ()) -> None:  # fmt: skip
    for key in mapping:
        if (key.startswith("_") and key in ("_line", "_keys")) or key in ignored:
            continue
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]}?" if close else f" (known: {', '.join(known)})"
            problems.warn(_line_of(mapping, key), f"unknown {what} {quote(key)}{hint}", key)


def _text_field(mapping: dict[str, Any], key: str, problems: Problems,
                required: bool = False) -> str | None:  # fmt: skip
    """A text field; numbers and dates are taken as written, anything else is an error."""
    value = mapping.get(key)
    line = _line_of(mapping, key)
    if value is None:
        if required:
            problems.error(mapping.get("_line"), f"missing {key}")
        return None
    if isinstance(value, bool) or isinstance(value, (list, dict)):
        problems.error(line, f"{key} should be text, not {_kind(value)}", _short(value))
        return None
    text = str(value).strip()
    if not text and required:
        problems.error(line, f"{key} is empty")
        return None
    if len(text) > MAX_TEXT:
        problems.error(line, f"{key} is longer than {MAX_TEXT:,} characters", text[:40])
        return None
    return text


def _short(value: object) -> str:
    text = str(
        {k: v for k, v in value.items() if not k.startswith("_")}
        if isinstance(value, dict)
        else value
    )
    return text if len(text) <= 60 else text[:59] + "…"


def _settings(data: dict[str, Any], options: ReadOptions, problems: Problems) -> Settings:
    reference = options.reference_date
    if reference is None and data.get("reference_date") is not None:
        text = _text_field(data, "reference_date", problems)
        if text:
            reference = _reference_day(text, _line_of(data, "reference_date"), problems)
    languages: tuple[str, ...] = options.languages
    if not languages and data.get("languages") is not None:
        raw = data["languages"]
        raw = [raw] if isinstance(raw, str) else raw
        if isinstance(raw, list) and all(isinstance(x, str) for x in raw):
            languages = tuple(x.strip() for x in raw)
            languages = _known_languages(languages, _line_of(data, "languages"), problems)
        else:
            problems.error(
                _line_of(data, "languages"),
                "languages should be a list of codes such as [en, fr]",
                _short(raw),
            )
    date_order = _text_field(data, "date_order", problems)
    if date_order is not None and date_order.upper() not in _DATE_ORDERS:
        problems.error(
            _line_of(data, "date_order"),
            f"date_order should be one of {', '.join(_DATE_ORDERS)}",
            date_order,
        )
        date_order = None
    timezone = _text_field(data, "timezone", problems)
    return Settings(reference, languages, date_order.upper() if date_order else None, timezone)


def _reference_day(text: str, line: int | None, problems: Problems) -> Day | None:
    from timeline.dates import parse_date

    try:
        date = parse_date(text, Settings())
    except DateError as exc:
        problems.error(line, exc.message, text)
        return None
    return date.start


def _known_languages(
    codes: tuple[str, ...], line: int | None, problems: Problems
) -> tuple[str, ...]:
    from timeline.dates import known_language

    good = []
    for code in codes:
        if known_language(code):
            good.append(code)
        else:
            problems.error(
                line, f"unknown language {quote(code)} (use codes such as en, fr, de)", code
            )
    return tuple(good)


def _color(mapping: dict[str, Any], problems: Problems) -> str | None:
    text = _text_field(mapping, "color", problems)
    if text is None:
        return None
    if not (_COLOR.match(text) or text.lower() in _COLOR_NAMES):
        problems.warn(
            _line_of(mapping, "color"),
            f"color {quote(text)} is not #rgb, #rrggbb or a colour name; ignored",
            text,
        )
        return None
    return text


def _list_of(data: dict[str, Any], key: str, shape: str, problems: Problems) -> list[Any]:
    """`data[key]`, which should be a list of `shape`: empty when absent or not a list."""
    raw = data.get(key)
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.error(_line_of(data, key), f"{key} should be a list of {shape}", _short(raw))
        return []
    return raw


def _groups(data: dict[str, Any], problems: Problems) -> list[Group]:
    raw = _list_of(data, "groups", "{name, color}", problems)
    groups: list[Group] = []
    for index, item in enumerate(raw):
        line = _item_line(raw, index)
        if isinstance(item, str):
            groups.append(Group(item.strip(), None, index))
            continue
        if not isinstance(item, dict):
            problems.error(
                line,
                f"a group should be a name or {{name, color}}, not {_kind(item)}",
                _short(item),
            )
            continue
        _check_keys(item, GROUP_KEYS, problems, "group key")
        name = _text_field(item, "name", problems, required=True)
        if name is not None:
            groups.append(Group(name, _color(item, problems), index))
    return groups


def _eras(data: dict[str, Any], settings: Settings, problems: Problems) -> list[Era]:
    raw = _list_of(data, "eras", "{name, start, end}", problems)
    eras: list[Era] = []
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            problems.error(
                _item_line(raw, index),
                f"an era should be {{name, start, end}}, not {_kind(item)}",
                _short(item),
            )
            continue
        _check_keys(item, ERA_KEYS, problems, "era key")
        name = _text_field(item, "name", problems, required=True)
        start = _date_field(item, "start", settings, problems, required=True)
        end = _date_field(item, "end", settings, problems, required=True, allow_present=True)
        color = _color(item, problems)
        if name is None or start is None or end is None:
            continue
        if end.end < start.start:
            problems.error(
                _line_of(item, "end"),
                f"the era ends ({_shown(end)}) before it starts ({_shown(start)})",
                _shown(end),
            )
            continue
        eras.append(Era(name, start, end, color))
    return eras


def _date_field(
    mapping: dict[str, Any],
    key: str,
    settings: Settings,
    problems: Problems,
    required: bool = False,
    allow_present: bool = False,
) -> FuzzyDate | None:
    from timeline.dates import parse_date, present

    if isinstance(mapping.get(key), dict):
        return _exact_date(mapping[key], problems)
    text = _text_field(mapping, key, problems, required=required)
    if text is None:
        return None
    ref = SourceRef(problems.path, _line_of(mapping, key))
    if allow_present and text.strip().lower() in ("present", "now", "today", "ongoing"):
        return present(settings, text)
    try:
        return parse_date(text, settings, ref)
    except DateError as exc:
        problems.error(ref.line, exc.message, text)
        return None


def _shown(date: FuzzyDate) -> str:
    """A date in a message: as written, else (an exact record) as read."""
    return date.text or label(date)


def _exact_date(record: dict[str, Any], problems: Problems) -> FuzzyDate | None:
    """`{start, end, precision, qualifiers, text}`: a date as normalised data, read as is."""
    _check_keys(record, RECORD_KEYS, problems, "date key")
    line = record.get("_line")
    start = _iso_day(record, "start", problems, required=True)
    end = _iso_day(record, "end", problems) if record.get("end") is not None else start
    precision = _precision(record, "precision", problems) or Precision.DAY
    raw = record.get("qualifiers")
    raw = [] if raw is None else [raw] if isinstance(raw, str) else raw
    qualifiers: set[Qualifier] = set()
    if isinstance(raw, list):
        for item in raw:
            if item in list(Qualifier):
                qualifiers.add(Qualifier(item))
            else:
                known = ", ".join(Qualifier)
                problems.error(
                    _line_of(record, "qualifiers"),
                    f"unknown qualifier {quote(str(item))} (known: {known})",
                    item,
                )
    else:
        problems.error(_line_of(record, "qualifiers"), "qualifiers should be a list", _short(raw))
    text = _text_field(record, "text", problems) or ""
    if start is None or end is None:
        return None
    if end < start:
        problems.error(line, f"the date ends ({end}) before it starts ({start})", str(end))
        return None
    return FuzzyDate(start, end, precision, frozenset(qualifiers), text)


def _iso_day(record: dict[str, Any], key: str, problems: Problems,
             required: bool = False) -> Day | None:  # fmt: skip
    text = _text_field(record, key, problems, required=required)
    if text is None:
        return None
    m = _ISO_DAY.match(text)
    try:
        if m is None:
            raise ValueError("expected YYYY-MM-DD, or -YYYY-MM-DD before year 0")
        year = year_number(m[1])
        return Day(year, int(m[2]), int(m[3]))
    except ValueError as exc:
        problems.error(_line_of(record, key), f"{key} {quote(text)} is not a day: {exc}", text)
        return None


def year_number(digits: str) -> int:
    """A year written in digits, within ±`MAX_YEAR`; else `ValueError` (before `int` would
    refuse past 4,300 digits with a message about Python)."""
    if len(digits.strip().lstrip("+-").lstrip("0")) > len(str(MAX_YEAR)) or not (
        -MAX_YEAR <= (year := int(digits)) <= MAX_YEAR
    ):
        raise ValueError(f"the year is past {MAX_YEAR:,} years from AD 1")
    return year


def _precision(mapping: dict[str, Any], key: str, problems: Problems) -> Precision | None:
    text = _text_field(mapping, key, problems)
    if text is None:
        return None
    try:
        return Precision(text.strip().lower())
    except ValueError:
        known = ", ".join(Precision)
        problems.error(_line_of(mapping, key), f"{key} {quote(text)} is not one of {known}", text)
        return None


def _event(item: Any, line: int | None, settings: Settings, problems: Problems) -> Event | None:
    from timeline.dates import parse_span

    if not isinstance(item, dict):
        problems.error(
            line,
            f"an event should be a mapping with date and title, not {_kind(item)}",
            _short(item),
        )
        return None
    before = problems.error_count
    _check_keys(item, EVENT_KEYS, problems, "key", DERIVED_KEYS)
    title = _text_field(item, "title", problems, required=True)
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
    date_text = None
    if isinstance(item.get("date"), dict):
        start = _exact_date(item["date"], problems)
    else:
        date_text = _text_field(item, "date", problems, required=True)
    if date_text is not None:
        ref = SourceRef(problems.path, _line_of(item, "date"))
        try:
            start, end = parse_span(date_text, settings, ref)
        except DateError as exc:
            problems.error(ref.line, exc.message, date_text)
    if item.get("end") is not None:
        if end is not None:
            problems.error(
                _line_of(item, "end"),
                f"the date {quote(date_text or '')} is already a range; drop end or the range",
                item.get("end"),
            )
        end = _date_field(item, "end", settings, problems, allow_present=True)
        if start is not None and end is not None and end.end < start.start:
            problems.error(
                _line_of(item, "end"),
                f"the end ({_shown(end)}) is before the start ({_shown(start)})",
                _shown(end),
            )
    description = _text_field(item, "description", problems) or ""
    group = _text_field(item, "group", problems) or ""
    source = _text_field(item, "source", problems)
    tags = _tags(item, problems)
    url = _url(item, problems)
    color = _color(item, problems)
    milestone = _bool(item, "milestone", problems)
    extra = _extra(item, problems)
    found = _found_in(item, description or title or "", problems)
    if problems.error_count > before or title is None or start is None:
        return None
    return Event(
        date=start, title=title, end=end, description=description, group=group, tags=tags,
        url=url, color=color, source=source, milestone=milestone,
        refs=found[:MAX_REFS] or (SourceRef(problems.path, line),), extra=extra,
        ref_count=len(found) if len(found) > MAX_REFS else 0,
    )  # fmt: skip


_PLACE = re.compile(r"(?P<path>.+?)(?::(?P<line>\d+))?")
FOUND_KEYS = ("at", "sentence")


def _found_in(item: dict[str, Any], description: str,
              problems: Problems) -> tuple[SourceRef, ...]:  # fmt: skip
    """`found_in: ["article.txt:12", {at: "notes.md:3", sentence: "..."}]`: where `extract`
    found the event, kept through a review so that the page still names its sources. A place
    without a sentence was found in the sentence the description gives."""
    raw = item.get("found_in")
    if raw is None:
        return ()
    raw = [raw] if isinstance(raw, str) else raw
    if not isinstance(raw, list):
        problems.error(_line_of(item, "found_in"),
                       'found_in should be a list of places such as "article.txt:12"',
                       _short(raw))  # fmt: skip
        return ()
    refs = []
    for place in raw:
        sentence = description
        if isinstance(place, dict):
            _check_keys(place, FOUND_KEYS, problems, "found_in key")
            sentence = _text_field(place, "sentence", problems) or description
            place = _text_field(place, "at", problems, required=True)
        if not isinstance(place, str) or not place.strip():
            if place is not None:
                problems.error(_line_of(item, "found_in"),
                               'a place in found_in should be text such as "article.txt:12"',
                               _short(place))  # fmt: skip
            continue
        m = _PLACE.fullmatch(place.strip())
        assert m is not None  # (.+? matches any text that is not empty)
        line = int(m["line"]) if m["line"] else None
        refs.append(SourceRef(m["path"], line, sentence=sentence))
    return tuple(refs)


def _extra(item: dict[str, Any], problems: Problems) -> tuple[tuple[str, str], ...]:
    """`extra: {Place: Canvey, Cost: "£2m"}`: fields of the event's own, each a name and a text."""
    raw = item.get("extra")
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        problems.error(_line_of(item, "extra"), "extra should be a mapping of names to texts",
                       _short(raw))  # fmt: skip
        return ()
    fields = []
    for name in raw:
        if name in ("_line", "_keys"):
            continue
        text = _text_field(raw, name, problems)
        if not name.strip():
            problems.error(_line_of(raw, name), "an extra field needs a name", text)
        elif text:
            fields.append((name.strip(), text))
    return tuple(fields)


def _tags(item: dict[str, Any], problems: Problems) -> tuple[str, ...]:
    raw = item.get("tags")
    if raw is None:
        return ()
    if isinstance(raw, str):
        return tuple(t.strip() for t in raw.split(",") if t.strip())
    if isinstance(raw, list) and all(
        isinstance(t, (str, int, float)) and not isinstance(t, bool) for t in raw
    ):
        return tuple(str(t).strip() for t in raw if str(t).strip())
    problems.error(_line_of(item, "tags"), "tags should be a list of words", _short(raw))
    return ()


def _url(item: dict[str, Any], problems: Problems) -> str | None:
    text = _text_field(item, "url", problems)
    if text is None:
        return None
    if not _SAFE_URL.match(text):
        problems.warn(
            _line_of(item, "url"), f"url {quote(text)} is not http(s) or mailto; dropped", text
        )
        return None
    return text


def _bool(item: dict[str, Any], key: str, problems: Problems) -> bool:
    value = item.get(key)
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("yes", "no", "true", "false"):
        return value.strip().lower() in ("yes", "true")
    problems.error(_line_of(item, key), f"{key} should be true or false", _short(value))
    return False
