"""Data outputs: the events as YAML (the format `build` reads), JSON, JSON lines and CSV.

Each is read back by `timeline.sources` to the same timeline: dates (precision and qualifiers
included), groups, eras, urls, sources and extra fields survive a round trip through any of the
four.

The YAML is written by hand rather than through a YAML library: every string is a JSON string,
which is also a valid YAML double-quoted scalar, so nothing a document says can change the
structure, and the output is byte-for-byte stable.
"""

from __future__ import annotations

import csv
import io
import json
import re
from json.encoder import encode_basestring
from typing import Any

from timeline.labels import canonical_text, span_label
from timeline.model import Era, Event, FuzzyDate, Group, Timeline
from timeline.spreadsheet import guard

__all__ = ["event_record", "render_csv", "render_json", "render_jsonl", "render_yaml"]


def _date_record(date: FuzzyDate) -> dict[str, Any]:
    return {
        "text": date.text,
        "start": date.start.iso(),
        "end": date.end.iso(),
        "precision": str(date.precision),
        "qualifiers": sorted(str(q) for q in date.qualifiers),
    }


def event_record(event: Event) -> dict[str, Any]:
    """An event as plain data, with its normalised dates and provenance. `extra` and
    `found_in` are left out when empty, as for most events."""
    record: dict[str, Any] = {
        "title": event.title,
        "date": _date_record(event.date),
        "end": _date_record(event.end) if event.end else None,
        "label": span_label(event.date, event.end),
        "description": event.description,
        "group": event.group,
        "tags": list(event.tags),
        "url": event.url,
        "color": event.color,
        "source": event.source,
        "milestone": event.milestone,
        "refs": [
            {"path": r.path, "line": r.line, "start": r.start, "end": r.end, "sentence": r.sentence}
            for r in event.refs
        ],
        # Places the event was read from: `refs` lists the first 50 of them.
        "source_count": event.source_count,
    }
    if event.extra:
        record["extra"] = dict(event.extra)
    if places := found_in(event):
        record["found_in"] = places
    return record


def found_in(event: Event) -> list[str | dict[str, str]]:
    """Where the event was found in prose, as `found_in` holds it: "article.txt:12", with the
    sentence only when the description is not that sentence. (Places without a sentence are the
    lines of structured files, which the file written now replaces.)"""
    out: list[str | dict[str, str]] = []
    for ref in event.refs:
        if ref.sentence:
            at = ref.where()
            out.append(at if ref.sentence == event.description else
                       {"at": at, "sentence": ref.sentence})  # fmt: skip
    return out


def _settings_record(timeline: Timeline) -> dict[str, Any]:
    settings = timeline.settings
    record: dict[str, Any] = {"title": timeline.title}
    if settings.reference_date is not None:
        record["reference_date"] = settings.reference_date.iso()
    if settings.languages:
        record["languages"] = list(settings.languages)
    if settings.date_order:
        record["date_order"] = settings.date_order
    if settings.timezone:
        record["timezone"] = settings.timezone
    return record


def _group_record(group: Group) -> dict[str, Any]:
    return {"name": group.name, "color": group.color}


def _era_record(era: Era) -> dict[str, Any]:
    return {"name": era.name, "start": _date_record(era.start), "end": _date_record(era.end),
            "color": era.color}  # fmt: skip


def render_json(timeline: Timeline, options: object = None) -> bytes:
    doc = {
        **_settings_record(timeline),
        "groups": [_group_record(g) for g in timeline.groups],
        "eras": [_era_record(e) for e in timeline.eras],
        "events": [event_record(e) for e in timeline.events],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode()


def render_jsonl(timeline: Timeline, options: object = None) -> bytes:
    """One record a line, each saying its type: the timeline first, then groups, eras, events."""
    records = [
        {"type": "timeline", **_settings_record(timeline)},
        *({"type": "group", **_group_record(g)} for g in timeline.groups),
        *({"type": "era", **_era_record(e)} for e in timeline.eras),
        *({"type": "event", **event_record(e)} for e in timeline.events),
    ]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


# `type` says what a row is: "title" (the timeline's title; its date is the reference date),
# "group", "era" or "event" (also when blank). The last five columns are for people and
# spreadsheets; reading ignores them, so that an edited date is never contradicted.
CSV_COLUMNS = ("type", "date", "end", "title", "description", "group", "tags", "url", "color",
               "source", "milestone", "found_in", "start_day", "end_day", "precision",
               "qualifiers", "where")  # fmt: skip


def render_csv(timeline: Timeline, options: object = None) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    # An event's extra fields are columns of their own after ours, in order of first use.
    extra = list(dict.fromkeys(name for e in timeline.events for name, _ in e.extra))
    writer.writerow((*CSV_COLUMNS, *extra))

    def row(fields: tuple[tuple[str, str], ...] = (), **cells: str) -> None:
        given = dict(fields)
        writer.writerow([guard(cells.get(c, "")) for c in CSV_COLUMNS]
                        + [guard(given.get(name, "")) for name in extra])  # fmt: skip

    reference = timeline.settings.reference_date
    row(type="title", title=timeline.title, date=reference.iso() if reference else "")
    for g in timeline.groups:
        row(type="group", title=g.name, color=g.color or "")
    for era in timeline.eras:
        row(type="era", title=era.name, date=canonical_text(era.start),
            end=canonical_text(era.end), color=era.color or "")  # fmt: skip
    for e in timeline.events:
        qualifiers = sorted(
            {str(q) for q in e.date.qualifiers | (e.end.qualifiers if e.end else set())}
        )
        row(
            e.extra, type="event", date=canonical_text(e.date),
            end=canonical_text(e.end) if e.end else "", title=e.title,
            description=e.description, group=e.group, tags=", ".join(e.tags), url=e.url or "",
            color=e.color or "", source=e.source or "", milestone="true" if e.milestone else "",
            found_in="; ".join(r.where() for r in e.refs if r.sentence),
            start_day=e.first_day.iso(), end_day=e.last_day.iso(),
            precision=str(e.date.precision), qualifiers=" ".join(qualifiers),
            where="; ".join(r.where() for r in e.refs) + _more(e),
        )  # fmt: skip
    return out.getvalue().encode()


def _more(e: Event) -> str:
    """How many sources were counted but not kept: "; and 150 more"."""
    more = e.source_count - len(e.refs)
    return f"; and {more:,} more" if more > 0 else ""


def _q(text: str) -> str:
    # What json.dumps(text, ensure_ascii=False) gives, a tenth of the cost: dumps builds an
    # encoder for every call, three or more calls an event. YAML also breaks lines at U+0085,
    # U+2028 and U+2029 inside double quotes (and folds the spaces around them away), so those
    # are escaped too.
    quoted = encode_basestring(text)
    if _YAML_BREAKS.search(quoted):
        quoted = _YAML_BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
    return quoted


_YAML_BREAKS = re.compile("[\x85\u2028\u2029]")


def render_yaml(timeline: Timeline, options: object = None) -> bytes:
    """The timeline in the format `timeline build` reads, ready to review and edit."""
    lines = [
        "# Events written by `timeline extract` or `timeline convert`. Review them, edit them,",
        "# then run `timeline build` on this file. Each date is written in a normalised form",
        "# that reads back exactly; `# as written:` gives the text it was found as.",
        f"title: {_q(timeline.title)}",
    ]
    settings = timeline.settings
    if settings.reference_date is not None:
        lines.append(f"reference_date: {_q(settings.reference_date.iso())}")
    if settings.languages:
        lines.append("languages: [" + ", ".join(_q(x) for x in settings.languages) + "]")
    if settings.date_order:
        lines.append(f"date_order: {settings.date_order}")
    if timeline.groups:
        lines.append("groups:")
        for g in timeline.groups:
            color = f", color: {_q(g.color)}" if g.color else ""
            lines.append(f"  - {{name: {_q(g.name)}{color}}}")
    if timeline.eras:
        lines.append("eras:")
        for era in timeline.eras:
            lines.append(f"  - name: {_q(era.name)}")
            lines.append(f"    start: {_q(canonical_text(era.start))}")
            lines.append(f"    end: {_q(canonical_text(era.end))}")
            if era.color:
                lines.append(f"    color: {_q(era.color)}")
    lines.append("events:")
    for e in timeline.events:
        lines.extend(_yaml_event(e))
    return ("\n".join(lines) + "\n").encode()


def _yaml_event(e: Event) -> list[str]:
    out = []
    if e.source_count > len(e.refs):
        out.append(f"  # told in {e.source_count:,} places; the first {len(e.refs)} are:")
    for ref in e.refs:
        if ref.sentence:
            out.append(f"  # {ref.where()}: {_comment(ref.sentence)}")
    date = canonical_text(e.date)
    note = f"  # as written: {_comment(e.date.text)}" if e.date.text and e.date.text != date else ""
    out.append(f"  - date: {_q(date)}{note}")
    if e.end is not None:
        end = canonical_text(e.end)
        note = f"  # as written: {_comment(e.end.text)}" if e.end.text and e.end.text != end else ""
        out.append(f"    end: {_q(end)}{note}")
    out.append(f"    title: {_q(e.title)}")
    for key, value in (("description", e.description), ("group", e.group), ("url", e.url),
                       ("color", e.color), ("source", e.source)):  # fmt: skip
        if value:
            out.append(f"    {key}: {_q(value)}")
    if e.tags:
        out.append("    tags: [" + ", ".join(_q(t) for t in e.tags) + "]")
    if e.milestone:
        out.append("    milestone: true")
    if e.extra:
        out.append("    extra: {" + ", ".join(f"{_q(k)}: {_q(v)}" for k, v in e.extra) + "}")
    if places := found_in(e):
        shown = (
            _q(p) if isinstance(p, str) else f"{{at: {_q(p['at'])}, sentence: {_q(p['sentence'])}}}"
            for p in places
        )
        out.append(f"    found_in: [{', '.join(shown)}]")
    return out


def _comment(text: str, limit: int = 160) -> str:
    """Text for a YAML comment: one line, no control characters."""
    flat = " ".join(text.split())
    if not flat.isprintable():  # (one C call for the common case, not one per character)
        flat = "".join(c if c.isprintable() else " " for c in flat)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
