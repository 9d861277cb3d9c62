"""CSV and TSV readers: our own columns (as `timeline extract --format csv` writes them), or the
columns of TimelineJS's Google-sheet template (Year, Month, Day, ..., Headline, Text, Media).

Each row is checked by the rules every event is checked by, and every problem names the row's
first line in the file (a quoted cell may run over several lines).
"""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Iterator
from typing import Any

from timeline.errors import InputError, quote
from timeline.model import SourceRef
from timeline.sources import ReadOptions, ReadResult
from timeline.sources.document import EVENT_KEYS, Lines, Problems, attach, read_document, with_lines
from timeline.spreadsheet import unguard

__all__ = ["read_csv", "read_tsv"]

# Columns that `render_csv` writes for people and spreadsheets; reading ignores them.
DERIVED_COLUMNS = frozenset({"start_day", "end_day", "precision", "qualifiers", "where"})
ROW_TYPES = ("event", "era", "group", "title")
SHEET_COLUMNS = ("Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
                 "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
                 "Media Thumbnail", "Type", "Group", "Background")  # fmt: skip


def read_csv(text: str, path: str, options: ReadOptions) -> ReadResult:
    return _read(text, path, options, ",", "csv")


def read_tsv(text: str, path: str, options: ReadOptions) -> ReadResult:
    return _read(text, path, options, "\t", "tsv")


def _rows(text: str, path: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(first line, cells) for each row that has any content."""
    # newline="" as the csv module asks: quoted cells keep their own line breaks, and only
    # \r and \n end a row (str.splitlines would also cut at U+2028 and the like).
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    line = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                yield line, cells
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(SourceRef(path, line), f"invalid CSV: {exc}") from None


def _read(text: str, path: str, options: ReadOptions, delimiter: str, fmt: str) -> ReadResult:
    rows = _rows(text, path, delimiter)
    header_line, header = next(rows, (1, []))
    names = [h.strip() for h in header]
    lowered = [n.lower() for n in names]
    if "year" in lowered and "headline" in lowered:
        return _read_sheet(names, rows, path, options, fmt)
    if "date" not in lowered or "title" not in lowered:
        raise InputError(
            SourceRef(path, header_line),
            "the first row should name the columns: date and title at least (or TimelineJS's "
            "Year and Headline)",
            delimiter.join(names)[:80],
        )
    problems = Problems(path)
    known = (*EVENT_KEYS, "type")
    for name in lowered:
        if name and name not in known and name not in DERIVED_COLUMNS:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]}?" if close else f" (known: {', '.join(known)})"
            problems.warn(header_line, f"unknown column {quote(name)} (ignored){hint}", name)
    lowered = [n if n in known else "" for n in lowered]  # each said once, not on every row
    doc: dict[str, Any] = {"_line": 1, "_keys": {}}
    lists = {"groups": Lines(), "eras": Lines(), "events": Lines()}
    for line, cells in rows:
        if len(cells) > len(lowered):
            problems.warn(line, f"{len(cells)} cells but {len(lowered)} columns; extra ignored")
        record = {
            key: unguard(value).strip()
            for key, value in zip(lowered, cells, strict=False)
            if key not in DERIVED_COLUMNS and key and value.strip()
        }
        kind = record.pop("type", "event").lower()
        if kind not in ROW_TYPES:
            problems.error(line, f"type {quote(kind)} should be one of {', '.join(ROW_TYPES)}",
                           kind)  # fmt: skip
            continue
        item = with_lines(record, line)
        if kind == "title":
            for key, target in (("title", "title"), ("date", "reference_date")):
                if key in record:
                    doc[target] = record[key]
                    doc["_keys"][target] = line
            continue
        if kind == "group":
            item = _renamed(item, {"title": "name"}, ("name", "color"), problems)
        elif kind == "era":
            item = _renamed(item, {"title": "name", "date": "start"},
                            ("name", "start", "end", "color"), problems)  # fmt: skip
        lists[kind + "s"].add(item, line)
    for key, items in lists.items():
        attach(doc, key, items)
    return read_document(doc, path, options, fmt, problems)


def _renamed(item: dict[str, Any], renames: dict[str, str], keep: tuple[str, ...],
             problems: Problems) -> dict[str, Any]:  # fmt: skip
    out: dict[str, Any] = {"_line": item["_line"], "_keys": {}}
    for key, value in item.items():
        if key.startswith("_"):
            continue
        name = renames.get(key, key)
        if name in keep:
            out[name] = value
            out["_keys"][name] = item["_line"]
        elif key in EVENT_KEYS:
            problems.warn(item["_line"], f"column {quote(key)} is not used in this row", value)
    return out


def _read_sheet(names: list[str], rows: Iterator[tuple[int, list[str]]], path: str,
                options: ReadOptions, fmt: str) -> ReadResult:  # fmt: skip
    """TimelineJS's sheet: each row to a slide of its JSON shape, then as TimelineJS JSON."""
    from timeline.sources.timelinejs import read_slides

    by_lower = {n.lower(): n for n in SHEET_COLUMNS}
    columns = [by_lower.get(n.lower(), n) for n in names]
    title: dict[str, Any] | None = None
    events: list[Any] = []
    eras: list[Any] = []
    for line, cells in rows:
        row = {c: v.strip() for c, v in zip(columns, cells, strict=False) if v.strip()}
        slide = _slide(row)
        kind = row.get("Type", "").lower()
        if kind == "title":
            title = with_lines(slide, line)
        elif kind == "era":
            eras.append(with_lines(slide, line))
        else:
            events.append(with_lines(slide, line))
    return read_slides(title, events, eras, path, options, fmt)


def _slide(row: dict[str, str]) -> dict[str, Any]:
    """One sheet row as TimelineJS's own sheet reader makes it into a slide."""
    slide: dict[str, Any] = {
        "text": {"headline": row.get("Headline", ""), "text": row.get("Text", "")},
        "media": {"url": row.get("Media", ""), "credit": row.get("Media Credit", "")},
        "group": row.get("Group", ""),
    }
    for prefix, key in (("", "start_date"), ("End ", "end_date")):
        if row.get(prefix + "Year"):
            date = {part: row.get(prefix + part.title(), "") for part in ("year", "month", "day")}
            if row.get(prefix + "Time"):
                date["hour"] = row[prefix + "Time"]
            slide[key] = date
    if row.get("Display Date") and "End Year" not in row and "start_date" in slide:
        slide["start_date"]["display_date"] = row["Display Date"]
    background = row.get("Background", "")
    if background and not background.startswith(("http:", "https:", "/")):
        slide["background"] = {"color": background}
    return slide
