"""CSV and TSV readers: our own columns (as `timeline extract --format csv` writes them), the
names people give them in their own spreadsheets ("When", "Event", "Notes", in several
languages), or the columns of TimelineJS's Google-sheet template (Year, Month, Day, ...,
Headline, Text, Media). A column with no place among an event's fields is kept as an extra one.

Each row is checked by the rules every event is checked by, and every problem names the row's
first line in the file (a quoted cell may run over several lines).
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
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
    # strict: a quote that is never closed, or text after a closing quote, is an error; else the
    # csv module swallows the rest of the file into one cell and says nothing.
    reader = csv.reader(
        io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter, strict=True
    )
    line = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                yield line, cells
            line = reader.line_num + 1
    except csv.Error as exc:
        said = str(exc)
        if "unexpected end of data" in said:
            said = 'a quoted cell is never closed (a " without its closing ")'
        elif "expected after" in said:
            said = f"text after a quoted cell's closing quote ({said})"
        row = text.lstrip("\ufeff").splitlines()[line - 1 : line] or [""]
        raise InputError(
            SourceRef(path, line), f"invalid CSV: {said}: {quote(row[0][:80])}"
        ) from None


def _plain(name: str) -> str:
    """A column's name as `COLUMN_NAMES` holds it: "Start_Date" and "Début" as "start date",
    "debut"."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[_-]", " ", bare.casefold()).split())


# The names people give the columns, in the languages timeline reads, as `_plain` makes them
# (lower case, no accents, "_" and "-" as spaces): each to the field it fills. Our own names
# claim their field first, then these in the order of the columns.
COLUMN_NAMES = {
    "date": """when, start, year, start date, begin, beginning, from, day, datum, fecha, data,
            jahr, annee, ano, anno, wann, quand, cuando, quando, beginn, debut, date de debut,
            inicio, inizio, startdatum""",
    "end": """end date, until, to, finish, ende, bis, fin, fine, date de fin, fecha de fin,
           enddatum, hasta""",
    "title": """event, headline, what, name, heading, summary, subject, titel, titre, titulo,
             titolo, ereignis, evenement, evento, was, quoi, que, cosa""",
    "description": """notes, note, details, detail, text, body, comment, comments, beschreibung,
                   notizen, anmerkungen, remarques, descripcion, notas, descrizione""",
    "group": """category, lane, track, gruppe, kategorie, groupe, categorie, grupo, categoria,
             gruppo""",
    "tags": "tag, keywords, labels, schlagworter, etiquettes, etiquetas",
    "url": "link, href, website, lien, enlace",
    "color": "colour, farbe, couleur, colore",
    "source": "citation, reference, quelle, fuente, fonte",
    "milestone": "meilenstein, jalon, hito",
}
_BY_NAME = {_plain(name): key for key, names in COLUMN_NAMES.items() for name in names.split(",")}


def _read(text: str, path: str, options: ReadOptions, delimiter: str, fmt: str) -> ReadResult:
    rows = _rows(text, path, delimiter)
    header_line, header = next(rows, (1, []))
    names = [h.strip() for h in header]
    lowered = [n.lower() for n in names]
    if "year" in lowered and "headline" in lowered:
        return _read_sheet(names, rows, path, options, fmt)
    problems = Problems(path)
    table = list(rows)
    keys, extras = _columns(names, header_line, path, delimiter, problems, _own_type(names, table))
    doc: dict[str, Any] = {"_line": 1, "_keys": {}}
    lists = {"groups": Lines(), "eras": Lines(), "events": Lines()}
    for line, cells in table:
        if len(cells) > len(keys):
            problems.warn(line, f"{len(cells)} cells but {len(keys)} columns; extra ignored")
        record: dict[str, Any] = {}
        extra: dict[str, str] = {}
        for key, name, value in zip(keys, extras, cells, strict=False):
            if not value.strip():
                continue
            if key == "found_in":  # "article.txt:12; notes.md:3"
                record[key] = [p.strip() for p in unguard(value).split(";") if p.strip()]
            elif key:
                record[key] = unguard(value).strip()
            elif name:
                extra[name] = unguard(value).strip()
        kind = record.pop("type", "event").lower()
        if extra and kind in ("event", ""):
            record["extra"] = extra
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


def _own_type(names: list[str], rows: list[tuple[int, list[str]]]) -> bool:
    """Whether a "Type" column is the spreadsheet's own ("Battle", "Treaty"): none of its
    values says what a row is to us. (One that says so for some rows and not for others has
    mistakes in it, which are reported.)"""
    at = next((i for i, n in enumerate(names) if _plain(n) == "type"), None)
    if at is None:
        return False
    values = {cells[at].strip().lower() for _, cells in rows if at < len(cells)} - {""}
    return bool(values) and not values & set(ROW_TYPES)


def _columns(names: list[str], header_line: int, path: str, delimiter: str, problems: Problems,
             own_type: bool = False) -> tuple[list[str], list[str]]:  # fmt: skip
    """For each column, the field it fills ("" for none) and, for a column kept as an extra
    field, its name; a note says which column was read as what, once for the file."""
    ours = (*(k for k in EVENT_KEYS if k != "extra"), *(() if own_type else ("type",)))
    plain = [_plain(n) for n in names]
    derived = {_plain(c): c for c in (*ours, *DERIVED_COLUMNS)}  # "found_in" is "found in"
    keys = [derived.get(p, "") for p in plain]
    read_as, kept = [], []
    for i, name in enumerate(names):
        if keys[i] or not name:
            continue
        key = _BY_NAME.get(plain[i])
        if key is not None and key not in keys:
            keys[i] = key
            read_as.append(f"{quote(name)} as {key}")
            continue
        close = difflib.get_close_matches(plain[i], ours, n=1, cutoff=0.75)
        if key is not None or close:
            also = f"a second {key} column" if key else f"did you mean {close[0]}?"
            problems.warn(header_line, f"column {quote(name)} kept as an extra field ({also})",
                          name)  # fmt: skip
        else:
            kept.append(quote(name))
    if "date" not in keys or "title" not in keys:
        raise InputError(
            SourceRef(path, header_line),
            "the first row should name the columns: a date (date, when, year, start, ...) and a "
            "title (title, event, headline, what, ...) at least, or TimelineJS's Year and "
            "Headline",
            delimiter.join(names)[:80],
        )
    if read_as or kept:
        said = [f"read column {', '.join(read_as)}"] if read_as else []
        if kept:
            fields = "an extra field" if len(kept) == 1 else "extra fields"
            said.append(f"kept {_and(kept)} as {fields}")
        problems.note(header_line, "; ".join(said))
    extras = [n if not k else "" for k, n in zip(keys, names, strict=True)]
    return [k if k not in DERIVED_COLUMNS else "" for k in keys], extras


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


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
