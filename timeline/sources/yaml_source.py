"""The YAML reader: `events.yaml` to a `Timeline`, with every problem reported at its line.

PyYAML's libyaml parser (C) turns the text into events that carry their lines; one pass over
them builds plain dicts, lists and strings, refusing duplicate keys, alias bombs and absurd
nesting as it goes, so no Python object is ever constructed whatever the tags say.
"""

from __future__ import annotations

from typing import Any

from timeline.errors import InputError, quote
from timeline.model import SourceRef
from timeline.sources import ReadOptions, ReadResult
from timeline.sources.document import EVENT_KEYS, TOP_KEYS, Lines, read_document

__all__ = ["EVENT_KEYS", "TOP_KEYS", "load", "read"]

MAX_NODES = 1_000_000  # expanded nodes, aliases counted at their full size
MAX_DEPTH = 64


def read(text: str, path: str, options: ReadOptions) -> ReadResult:
    """Read one YAML document. Raises `InputError` when the file as a whole can't be read;
    problems with single events come back as diagnostics, and those events are left out."""
    return read_document(load(text, path), path, options, "yaml")


# -- Loading ------------------------------------------------------------------------------------


def load(text: str, path: str) -> Any:
    """The document as plain data that remembers its lines (see `_build`)."""
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
            stack.append(_Open({"_line": line, "_keys": {}} if mapping else Lines([], []),
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
        if isinstance(into.value, Lines):
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
