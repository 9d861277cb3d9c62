"""JSON readers: a document in the YAML format's shape (`timeline extract --format json`
writes one), and JSON Lines with one typed record a line (`--format jsonl`).

Both feed `timeline.sources.document`, so an event is checked by the same rules as in YAML
and every problem names its line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from timeline.errors import InputError
from timeline.model import SourceRef
from timeline.sources import ReadOptions, ReadResult
from timeline.sources.document import Lines, Problems, attach, read_document, with_lines

__all__ = ["read", "read_lines"]

# What `render.data.event_record` writes beside the YAML format's keys and `document` does not
# ignore already: said for people and programs, ignored on reading so that our own output
# reads back without a warning.
WRITTEN_ONLY = ("source_count",)


def read(text: str, path: str, options: ReadOptions) -> ReadResult:
    def build(doc: Any) -> ReadResult:
        if isinstance(doc, dict) and isinstance(doc.get("events"), list):
            for event in doc["events"]:
                _drop_written_only(event)
        return read_document(doc, path, options, "json")

    return read_with_lines(text, path, build)


def _drop_written_only(record: Any) -> None:
    if isinstance(record, dict):
        for key in WRITTEN_ONLY:
            record.pop(key, None)
            record.get("_keys", {}).pop(key, None)


def read_with_lines(text: str, path: str, build: Callable[[Any], ReadResult]) -> ReadResult:
    """`build` the result from the JSON; when it finds anything to say, build it again from
    the JSON read with the line of every part, so that each problem names its line.

    A clean file is read with `json` alone: finding lines takes a second pass through libyaml
    that costs three times the rest (bench/formats_bench.py). Its events then say which file
    they came from, without a line.
    """
    plain = _parse(text, path)
    if plain is not _DUPLICATE_KEYS:
        result = build(with_lines(plain, None))
        if not result.diagnostics:
            return result
    return build(load(text, path))


class _DuplicateKey(Exception):
    pass


_DUPLICATE_KEYS = object()  # json.loads met a key twice, which it would quietly merge


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _DuplicateKey
    return out


# Numbers are read as the text they are, as YAML's are (`with_lines` would make them text
# anyway): an integer past Python's 4,300 digits would otherwise raise from inside `json`.
def _parse(text: str, path: str) -> Any:
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_int=str)
    except _DuplicateKey:
        return _DUPLICATE_KEYS
    except json.JSONDecodeError as exc:
        raise InputError(
            SourceRef(path, exc.lineno), f"invalid JSON: {exc.msg} (column {exc.colno})"
        ) from None
    except RecursionError:
        raise InputError(SourceRef(path), "invalid JSON: nested too deeply") from None
    _refuse_lone_surrogates(text, path)
    return value


# A \uD800-\uDFFF escape not in a high-low pair: json reads it into a string that cannot be
# written as UTF-8, so the page or file would fail at its last step. An escaped backslash
# before the "u" makes it plain text.
_SURROGATE = re.compile(
    r"(?<!\\)(?:\\\\)*\\u(?:(d[89ab][0-9a-f]{2})(\\ud[c-f][0-9a-f]{2})?|(d[c-f][0-9a-f]{2}))",
    re.IGNORECASE,
)


def _refuse_lone_surrogates(text: str, path: str) -> None:
    if "\\u" not in text:
        return
    for m in _SURROGATE.finditer(text):
        if m[1] and m[2]:
            continue
        at = text.count("\n", 0, m.start()) + 1
        raise InputError(
            SourceRef(path, at),
            f"invalid JSON: \\u{m[1] or m[3]} is half of a surrogate pair, which no text can "
            "hold (write the character itself, or both halves)",
            m[0].lstrip("\\")[:12],
        )


def load(text: str, path: str) -> Any:
    """The JSON as a document that remembers its lines. JSON is YAML's flow style, so
    libyaml reads it, keeping every line and refusing duplicate keys."""
    from timeline.sources.yaml_source import load as load_yaml

    plain = _parse(text, path)
    try:
        return load_yaml(text, path)
    except InputError as exc:
        if "duplicate key" in exc.message or plain is _DUPLICATE_KEYS:
            raise
        return with_lines(plain, None)  # valid JSON that libyaml cannot read: no lines


_TYPES = ("timeline", "group", "era", "event")


def read_lines(text: str, path: str, options: ReadOptions) -> ReadResult:
    """JSON Lines: `{"type": "timeline" | "group" | "era" | "event", ...}`, one a line; a line
    without a type is an event."""
    problems = Problems(path)
    doc: dict[str, Any] = {"_line": 1, "_keys": {}}
    lists: dict[str, Lines] = {key: Lines() for key in ("groups", "eras", "events")}
    # Split on newlines only: a record may hold U+2028, which str.splitlines would cut at.
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line, parse_int=str)
        except (json.JSONDecodeError, RecursionError) as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            problems.error(number, f"invalid JSON: {reason}", line[:60])
            continue
        if not isinstance(record, dict):
            problems.error(number, "each line should be a JSON object", line[:60])
            continue
        try:
            _refuse_lone_surrogates(line, path)
        except InputError as exc:
            problems.error(number, exc.message, exc.value)
            continue
        kind = record.pop("type", None) or "event"
        if kind not in _TYPES:
            problems.error(number, f"type should be one of {', '.join(_TYPES)}", str(kind))
            continue
        item = with_lines(record, number)
        if kind == "event":
            _drop_written_only(item)
        if kind == "timeline":
            item.pop("_line")
            doc["_keys"].update(item.pop("_keys"))
            doc.update(item)
        else:
            lists[kind + "s"].add(item, number)
    for key, items in lists.items():
        attach(doc, key, items)
    return read_document(doc, path, options, "jsonl", problems)
