"""The YAML reader: `events.yaml` to a `Timeline`, with every problem reported at its line.

PyYAML's libyaml parser (C) turns the text into events that carry their lines; one pass over
them builds plain dicts, lists and strings, refusing duplicate keys, alias bombs and absurd
nesting as it goes, so no Python object is ever constructed whatever the tags say.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from timeline.errors import DateError, InputError, quote
from timeline.model import (
    Day,
    Diagnostic,
    Era,
    Event,
    FuzzyDate,
    Group,
    Settings,
    Severity,
    SourceRef,
    Timeline,
)
from timeline.sources import ReadOptions, ReadResult

__all__ = ["EVENT_KEYS", "TOP_KEYS", "read"]

TOP_KEYS = ("title", "reference_date", "languages", "date_order", "timezone", "groups", "eras",
            "events")  # fmt: skip
EVENT_KEYS = ("date", "end", "title", "description", "group", "tags", "url", "color", "source",
              "milestone")  # fmt: skip
GROUP_KEYS = ("name", "color")
ERA_KEYS = ("name", "start", "end", "color")

MAX_NODES = 1_000_000  # expanded nodes, aliases counted at their full size
MAX_DEPTH = 64
MAX_TEXT = 10_000  # characters in one field

_SAFE_URL = re.compile(r"^(?:https?://[^\s<>\"']+|mailto:[^\s<>\"']+)$", re.IGNORECASE)
_COLOR = re.compile(r"^(?:#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8}|[a-zA-Z]{3,20})$")
_DATE_ORDERS = ("DMY", "MDY", "YMD")


class _Problems:
    """Collects diagnostics for one file, so that all of them are reported in one run."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[Diagnostic] = []

    def error(self, line: int | None, message: str, value: object = None) -> None:
        self._add(Severity.ERROR, line, message, value)

    def warn(self, line: int | None, message: str, value: object = None) -> None:
        self._add(Severity.WARNING, line, message, value)

    def _add(self, severity: Severity, line: int | None, message: str, value: object) -> None:
        text = None if value is None else str(value)
        self.items.append(Diagnostic(severity, SourceRef(self.path, line), message, text))

    @property
    def error_count(self) -> int:
        return sum(1 for d in self.items if d.severity is Severity.ERROR)


def read(text: str, path: str, options: ReadOptions) -> ReadResult:
    """Read one YAML document. Raises `InputError` when the file as a whole can't be read;
    problems with single events come back as diagnostics, and those events are left out."""
    data = _load(text, path)
    problems = _Problems(path)
    if isinstance(data, list):
        data = {"events": data, "_line": 1}
    elif not isinstance(data, dict):
        raise InputError(
            SourceRef(path, 1),
            f"expected a mapping with an `events:` list, found {_kind(data)}",
            str(data)[:80],
        )
    if not isinstance(data.get("events"), list) or not data["events"]:
        line = _line_of(data, "events")
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
    return ReadResult(timeline, problems.items, "yaml")


# -- Loading ------------------------------------------------------------------------------------


def _load(text: str, path: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return _build(yaml, yaml.parse(text, Loader=loader), path)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        return _raise(path, line, f"invalid YAML: {problem}")
    except yaml.YAMLError as exc:
        return _raise(path, None, f"invalid YAML: {exc}")


def _raise(path: str, line: int | None, message: str) -> Any:
    raise InputError(SourceRef(path, line), message)


def _mark_line(node_or_event: Any) -> int | None:
    mark = getattr(node_or_event, "start_mark", None)
    return mark.line + 1 if mark is not None else None


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class _Open:
    """A mapping or sequence being read: what it holds so far, and how big it is with its
    aliases expanded."""

    __slots__ = ("anchor", "key", "line", "size", "value")

    def __init__(self, value: Any, anchor: str | None, line: int | None) -> None:
        self.value = value
        self.anchor = anchor
        self.line = line
        self.size = 1
        self.key: tuple[str, int | None] | None = None  # a mapping's key waiting for its value


def _build(yaml: Any, events: Any, path: str) -> Any:
    """The document as plain dicts, lists and strings that remember their lines, built in one
    pass over the parser's events (no node tree: for big files that tree costs ten times the
    memory of the result, and most of the time).

    Scalars stay the text the user wrote: "2017-11-18" is not turned into a date object, "1969"
    not into a number and "No" not into false (YAML 1.1's Norway problem); an unquoted "~",
    "null" or nothing is None. Tags such as `!!python/object` are ignored: nothing is ever
    constructed from them. Alias bombs and absurd nesting are refused as they are read.
    """
    ev = yaml.events
    stack: list[_Open] = []
    anchors: dict[str, tuple[Any, int]] = {}  # anchor -> (value, size with aliases expanded)
    root: Any = None
    total = written = 0  # values once aliases are expanded; values written in the file
    for event in events:
        if isinstance(event, ev.ScalarEvent):
            written += 1
            plain = event.style in (None, "") and event.value in _NULLS
            value, size, anchor = (None if plain else str(event.value)), 1, event.anchor
            line = _mark_line(event)
        elif isinstance(event, ev.MappingStartEvent | ev.SequenceStartEvent):
            written += 1
            line = _mark_line(event)
            mapping = isinstance(event, ev.MappingStartEvent)
            stack.append(_Open({"_line": line, "_keys": {}} if mapping else _Seq([], []),
                               event.anchor, line))  # fmt: skip
            if len(stack) > MAX_DEPTH:
                _raise(path, line, f"nesting deeper than {MAX_DEPTH} levels")
            continue
        elif isinstance(event, ev.CollectionEndEvent):
            done = stack.pop()
            value, size, anchor, line = done.value, done.size, done.anchor, done.line
        elif isinstance(event, ev.AliasEvent):
            line = _mark_line(event)
            if event.anchor not in anchors:
                _raise(path, line, f"invalid YAML: found undefined alias {quote(event.anchor)}")
            (value, size), anchor = anchors[event.anchor], None
        else:
            continue
        if anchor:
            anchors[anchor] = (value, size)
        if stack:
            stack[-1].size += size
        else:
            total += size
        # A big file is not a bomb; a small file that aliases expand past the limit is.
        if (size > MAX_NODES or total > MAX_NODES) and max(size, total) > 10 * written:
            message = f"aliases expand to over {MAX_NODES:,} values (a YAML alias bomb?)"
            _raise(path, _mark_line(event), message)
        if not stack:
            root = value
            continue
        into = stack[-1]
        if isinstance(into.value, _Seq):
            into.value.append(value)
            into.value.lines.append(line)
        elif into.key is None:
            name = value if isinstance(value, str) else str(value)
            if name in into.value["_keys"]:
                _raise(path, line, f"duplicate key {quote(name)}")
            into.key = (name, line)
        else:
            name, key_line = into.key
            into.value[name] = value
            into.value["_keys"][name] = key_line
            into.key = None
    return root


class _Seq(list[Any]):
    """A list that knows the line of each item."""

    def __init__(self, items: list[Any], lines: list[int | None]) -> None:
        super().__init__(items)
        self.lines = lines


def _item_line(seq: list[Any], index: int) -> int | None:
    return seq.lines[index] if isinstance(seq, _Seq) else None


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


def _check_keys(mapping: dict[str, Any], known: tuple[str, ...], problems: _Problems,
                what: str) -> None:  # fmt: skip
    for key in mapping:
        if key.startswith("_") and key in ("_line", "_keys"):
            continue
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]}?" if close else f" (known: {', '.join(known)})"
            problems.warn(_line_of(mapping, key), f"unknown {what} {quote(key)}{hint}", key)


def _text_field(mapping: dict[str, Any], key: str, problems: _Problems,
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


def _settings(data: dict[str, Any], options: ReadOptions, problems: _Problems) -> Settings:
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


def _reference_day(text: str, line: int | None, problems: _Problems) -> Day | None:
    from timeline.dates import parse_date

    try:
        date = parse_date(text, Settings())
    except DateError as exc:
        problems.error(line, exc.message, text)
        return None
    return date.start


def _known_languages(
    codes: tuple[str, ...], line: int | None, problems: _Problems
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


def _color(mapping: dict[str, Any], problems: _Problems) -> str | None:
    text = _text_field(mapping, "color", problems)
    if text is None:
        return None
    if not _COLOR.match(text):
        problems.warn(
            _line_of(mapping, "color"),
            f"color {quote(text)} is not #rgb, #rrggbb or a colour name; ignored",
            text,
        )
        return None
    return text


def _groups(data: dict[str, Any], problems: _Problems) -> list[Group]:
    raw = data.get("groups")
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.error(
            _line_of(data, "groups"), "groups should be a list of {name, color}", _short(raw)
        )
        return []
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


def _eras(data: dict[str, Any], settings: Settings, problems: _Problems) -> list[Era]:
    raw = data.get("eras")
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.error(
            _line_of(data, "eras"), "eras should be a list of {name, start, end}", _short(raw)
        )
        return []
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
                f"the era ends ({end.text}) before it starts ({start.text})",
                end.text,
            )
            continue
        eras.append(Era(name, start, end, color))
    return eras


def _date_field(
    mapping: dict[str, Any],
    key: str,
    settings: Settings,
    problems: _Problems,
    required: bool = False,
    allow_present: bool = False,
) -> FuzzyDate | None:
    from timeline.dates import parse_date, present

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


def _event(item: Any, line: int | None, settings: Settings, problems: _Problems) -> Event | None:
    from timeline.dates import parse_span

    if not isinstance(item, dict):
        problems.error(
            line,
            f"an event should be a mapping with date and title, not {_kind(item)}",
            _short(item),
        )
        return None
    before = problems.error_count
    _check_keys(item, EVENT_KEYS, problems, "key")
    title = _text_field(item, "title", problems, required=True)
    date_text = _text_field(item, "date", problems, required=True)
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
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
                f"the end ({end.text}) is before the start ({start.text})",
                end.text,
            )
    description = _text_field(item, "description", problems) or ""
    group = _text_field(item, "group", problems) or ""
    source = _text_field(item, "source", problems)
    tags = _tags(item, problems)
    url = _url(item, problems)
    color = _color(item, problems)
    milestone = _bool(item, "milestone", problems)
    if problems.error_count > before or title is None or start is None:
        return None
    return Event(
        date=start, title=title, end=end, description=description, group=group, tags=tags,
        url=url, color=color, source=source, milestone=milestone,
        refs=(SourceRef(problems.path, line),),
    )  # fmt: skip


def _tags(item: dict[str, Any], problems: _Problems) -> tuple[str, ...]:
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


def _url(item: dict[str, Any], problems: _Problems) -> str | None:
    text = _text_field(item, "url", problems)
    if text is None:
        return None
    if not _SAFE_URL.match(text):
        problems.warn(
            _line_of(item, "url"), f"url {quote(text)} is not http(s) or mailto; dropped", text
        )
        return None
    return text


def _bool(item: dict[str, Any], key: str, problems: _Problems) -> bool:
    value = item.get(key)
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("yes", "no", "true", "false"):
        return value.strip().lower() in ("yes", "true")
    problems.error(_line_of(item, key), f"{key} should be true or false", _short(value))
    return False
