"""Data outputs: the events as YAML (the format `build` reads), JSON, JSON lines and CSV.

The YAML is written by hand rather than through a YAML library: every string is a JSON string,
which is also a valid YAML double-quoted scalar, so nothing a document says can change the
structure, and the output is byte-for-byte stable.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from timeline.labels import canonical_text, span_label
from timeline.model import Event, FuzzyDate, Timeline

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
    """An event as plain data, with its normalised dates and provenance."""
    return {
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


def render_json(timeline: Timeline, options: object = None) -> bytes:
    doc = {"title": timeline.title, "events": [event_record(e) for e in timeline.events]}
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode()


def render_jsonl(timeline: Timeline, options: object = None) -> bytes:
    lines = (json.dumps(event_record(e), ensure_ascii=False) for e in timeline.events)
    return "".join(line + "\n" for line in lines).encode()


_CSV_COLUMNS = ("date", "end", "start_day", "end_day", "precision", "qualifiers", "title",
                "description", "group", "tags", "url", "source", "where")  # fmt: skip


def render_csv(timeline: Timeline, options: object = None) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    for e in timeline.events:
        qualifiers = sorted(
            {str(q) for q in e.date.qualifiers | (e.end.qualifiers if e.end else set())}
        )
        writer.writerow([
            _csv_safe(e.date.text), _csv_safe(e.end.text if e.end else ""),
            e.first_day.iso(), e.last_day.iso(), str(e.date.precision), " ".join(qualifiers),
            _csv_safe(e.title), _csv_safe(e.description), _csv_safe(e.group),
            _csv_safe(", ".join(e.tags)), _csv_safe(e.url or ""), _csv_safe(e.source or ""),
            "; ".join(r.where() for r in e.refs) + _more(e),
        ])  # fmt: skip
    return out.getvalue().encode()


def _more(e: Event) -> str:
    """How many sources were counted but not kept: "; and 150 more"."""
    more = e.source_count - len(e.refs)
    return f"; and {more:,} more" if more > 0 else ""


def _csv_safe(text: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; a quote mark disarms them."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def render_yaml(timeline: Timeline, options: object = None) -> bytes:
    """The timeline in the format `timeline build` reads, ready to review and edit."""
    lines = [
        "# Events extracted by `timeline extract`. Review them, edit them, then run",
        "# `timeline build` on this file. Each date is written in a normalised form that reads",
        "# back exactly; `# as written:` gives the text it was found as.",
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
    return out


def _comment(text: str, limit: int = 160) -> str:
    """Text for a YAML comment: one line, no control characters."""
    flat = " ".join(text.split())
    if not flat.isprintable():  # (one C call for the common case, not one per character)
        flat = "".join(c if c.isprintable() else " " for c in flat)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
