"""Prose readers: plain text, Markdown and HTML, through the tagger to events.

Offsets stay true to the file. Markdown markup and front matter are blanked out with spaces
rather than removed, so every offset into the cleaned text is an offset into the file. HTML is
reduced to its visible text with a map from each visible character back to where it stands in
the source, so `--mentions` offsets index the HTML as given (source[start:end] is the
expression as written in the markup, entities and all).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

from timeline.model import Day, Diagnostic, Settings, Severity, SourceRef, Timeline
from timeline.sources import ReadOptions, ReadResult
from timeline.tagger import Timex, tag
from timeline.tagger.events import build_events
from timeline.tagger.story import heading

__all__ = ["mentions", "read", "read_html", "read_markdown"]


@dataclass(slots=True)
class Prose:
    """What the tagger reads: the text, and how to get back to the file."""

    text: str  # the visible text
    source: str  # the file's decoded text
    offsets: list[int] | None = None  # visible index -> source index (HTML only)
    title: str | None = None
    anchor: Day | None = None  # a date the document gives for itself
    # HTML <time datetime="..."> elements: (start, end) in the text, and the date they mean
    times: tuple[tuple[int, int, Timex], ...] = ()
    # Markdown and HTML list items under a heading: (heading start, heading end, item start,
    # item end) in the text
    listed: tuple[tuple[int, int, int, int], ...] = ()
    # Tables (Markdown rows, HTML tables): (start, end) in the text
    tables: tuple[tuple[int, int], ...] = ()


# --- the reference date -------------------------------------------------------------------------

_DATELINE_LINES = 4


def dateline(text: str) -> Day | None:
    """A date at the top of a document: a first line that is a date ("18 November 2017"), or a
    news dateline ("WASHINGTON, Nov. 18, 2017 —", "Published: 2017-11-18")."""
    lines = [ln for ln in text[:600].splitlines() if ln.strip()][:_DATELINE_LINES]
    for whole in lines:
        # A wire story runs its dateline into the first paragraph: "LONDON, 3 May 2020 — The
        # council met..."; the dateline is what comes before the dash, a place and a comma
        # before the date or the date alone ("On 6 June 1944 — the Allies..." is no dateline).
        head = _DATELINE_HEAD.match(whole)
        heads = [head[1]] if head and ("," in head[1] or head[1][:1].isdigit()) else []
        for line in ([whole] if len(whole) <= 120 else []) + heads:
            if (day := _line_date(line)) is not None:
                return day
    return None


_DATELINE_HEAD = re.compile(r"(\S.{0,78}?)(?:\s+(?:—|–|--|-)|\)_)\s")  # "(AP)_ ": wires
_DIGIT = re.compile(r"\d")


@functools.lru_cache(maxsize=64)
def _line_date(line: str) -> Day | None:
    """The day a short line gives as its own date, if the rest of it is at most a place name
    or a word such as "Published". (Cached: a plain text's title is looked for among the same
    first lines.)"""
    if not _DIGIT.search(line):
        return None  # a day with its year is written with digits; most lines are not tagged
    for t in tag(line, Day(2000)):
        if t.anchored or t.date is None or t.type not in ("DATE", "TIME"):
            continue
        if t.date.precision.value != "day":
            continue
        rest = (line[: t.start] + line[t.end :]).strip(" \t,.-–—:|()[]")
        if len(rest) <= 40 or re.match(
            r"(?i)(?:posted|published|updated|date|dated|filed|written)\b", rest
        ):
            return t.date.start
    return None


# --- plain text ---------------------------------------------------------------------------------


def _plain(text: str) -> Prose:
    anchor = dateline(text)
    title = None
    for line in (ln.strip() for ln in text.splitlines()[:6] if ln.strip()):
        if (
            len(line) <= 100
            # A sentence, or a wire dateline that runs on into the story ("BUFFALO (AP) --").
            and not line.endswith((".", ",", ";", ":", "-", "—", "–"))
            and (anchor is None or dateline(line) is None)
        ):
            title = line
            break
    return Prose(text, text, title=title, anchor=anchor)


# --- Markdown -----------------------------------------------------------------------------------

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_MD_MARKUP = (
    re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)"),  # links and images: keep the text
    re.compile(r"^(#{1,6}|>+|\s*[-*+]|\s*\d+\.)\s", re.MULTILINE),
    re.compile(r"(\*\*|__|\*|_|`+)(?=\S)|(?<=\S)(\*\*|__|\*|_|`+)"),
    re.compile(r"<[^>\n]+>"),
)


def _blank(m: re.Match[str]) -> str:
    return _spaces(m.group())


def _spaces(text: str) -> str:
    """`text` as spaces, its line breaks kept."""
    return _NOT_NEWLINE.sub(" ", text)


_NOT_NEWLINE = re.compile(r"[^\n]")


def _blanked(text: str, a: int, b: int) -> str:
    """`text` with text[a:b] made spaces, line breaks kept: the same length, the same lines."""
    return text[:a] + _spaces(text[a:b]) + text[b:]


# Code is not prose: fenced blocks are left out.
_FENCE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", re.MULTILINE | re.DOTALL)
# A table: its rule row ("|---|:--:|") is left out, and each row reads as one sentence, its
# cells parted by dashes ("| 1950 | Toll removed |" as " 1950 – Toll removed .").
_TABLE_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|?)+[ \t]*$", re.MULTILINE)
_TABLE_ROW = re.compile(r"^([ \t]*)\|(.*)\|([ \t]*)$", re.MULTILINE)


def _row(m: re.Match[str]) -> str:
    return f"{m.group(1)} {m.group(2).replace('|', '–')}.{m.group(3)}"


def _markdown(text: str) -> Prose:
    anchor, title = None, None
    front = _FRONT.match(text)
    if front:
        meta = front.group(1)
        if date := re.search(r"(?im)^(?:date|published|created)\s*:\s*[\"']?([^\"'\n]+)", meta):
            found = _date_of(date.group(1))
            anchor = found.date.start if found and found.date else None
        if name := re.search(r"(?im)^title\s*:\s*[\"']?([^\"'\n]+)", meta):
            title = name.group(1).strip()
        text_clean = text[: front.start()] + _blank(front) + text[front.end() :]
    else:
        text_clean = text
    # Links: blank the brackets and the URL, keep the words in between.
    text_clean = re.sub(
        r"(!?\[)([^\]\n]*)(\]\([^)\n]*\))",
        lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(3)),
        text_clean,
    )
    text_clean = _FENCE.sub(_blank, text_clean)
    text_clean = _TABLE_ROW.sub(_row, _TABLE_RULE.sub(_blank, text_clean))
    for pattern in _MD_MARKUP[1:]:
        text_clean = pattern.sub(_blank, text_clean)
    # A list item is a sentence of its own, full stop or not: its marker becomes a line break,
    # so that a blank line parts it from the line before.
    listed = list(_MD_ITEM.finditer(text))
    if listed:
        chars = list(text_clean)
        for m in listed:
            chars[m.start("mark")] = "\n"
        text_clean = "".join(chars)
    headings = [(m.start("h"), m.end("h")) for m in _MD_HEADING.finditer(text)]
    items = [(m.start("item"), m.end("item")) for m in listed]
    if title is None and (h := re.search(r"(?m)^#\s+(.+)$", text)):
        title = h.group(1).strip()
    tables = tuple(m.span() for m in _TABLE_ROW.finditer(text))
    return Prose(text_clean, text, title=title, anchor=anchor or dateline(text_clean),
                 listed=_under_headings(text_clean, headings, items), tables=tables)  # fmt: skip


_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<h>\S.*?)[ \t#]*$", re.MULTILINE)
_MD_ITEM = re.compile(r"^[ \t]*(?P<mark>[-*+]|\d+[.)])[ \t]+(?P<item>\S.*?)[ \t]*$", re.MULTILINE)


def _under_headings(
    text: str, headings: list[tuple[int, int]], items: list[tuple[int, int]]
) -> tuple[tuple[int, int, int, int], ...]:
    """Each list item (a span of `text`) after a heading, with that heading's span: "## 1967",
    or <h2>1967</h2>, then "- Apollo 1 fire": notes kept under a date."""
    out = []
    for a, b in items:
        k = bisect.bisect_right(headings, (a, a)) - 1
        item = text[a:b]
        if k >= 0 and item.strip():
            out.append((*headings[k], a + len(item) - len(item.lstrip()), b))
    return tuple(out)


# --- HTML ---------------------------------------------------------------------------------------

# Not read: code, and a page's navigation, footer and form controls ("Home | Archive 2015",
# "© 2019 Daily Paper").
_HIDDEN = frozenset(
    """script style template noscript head svg math iframe nav footer select button""".split()
)
_BLOCK = frozenset(
    """p div br li ul ol h1 h2 h3 h4 h5 h6 tr td th table section article header footer aside
    nav blockquote pre hr dd dt dl figure figcaption main title""".split()
)
_DATE_META = ("article:published_time", "datepublished", "date", "pubdate", "publishdate",
              "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date", "og:updated_time",
              "sailthru.date", "parsely-pub-date")  # fmt: skip


_ROW_PARTS = frozenset({"tr", "td", "th"})


@dataclass(slots=True)
class _Table:
    """A table being read: where it starts in the text, and what its rows look like so far."""

    start: int
    infobox: bool
    in_aside: bool
    cells: int = 0  # in the row being read
    first_cell: int = 0  # where the row's first cell starts in the text
    shapes: set[int] = field(default_factory=set)  # how many cells the rows have
    keys: list[str] = field(default_factory=list)  # the first cell of each row of two or more


_LISTED = {"h1": "h", "h2": "h", "h3": "h", "h4": "h", "h5": "h", "h6": "h", "li": "li"}


class _Visible(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", source)]
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.hidden = 0
        self.title: list[str] = []
        self.in_title = False
        self.h1: list[str] = []
        self.in_h1 = False
        self.meta_date: str | None = None
        self.time_date: str | None = None
        self.times: list[tuple[int, int, str]] = []  # <time datetime>: text span, its value
        self._time: tuple[int, str] | None = None
        self.tables: list[tuple[int, int]] = []  # text spans of tables, no place for a dateline
        self._tables: list[_Table] = []
        self.asides = 0  # <aside> elements open
        self.headings: list[tuple[int, int]] = []  # text spans of <h1>..<h6>
        self.items: list[tuple[int, int]] = []  # text spans of <li>
        self._opened: dict[str, list[int]] = {"h": [], "li": []}

    def _here(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, at: int, one_to_one: bool) -> None:
        if self.in_title:
            self.title.append(text)
        if self.hidden:
            return
        if self.in_h1:
            self.h1.append(text)
        for i, ch in enumerate(text):
            self.chars.append(ch)
            self.offsets.append(at + i if one_to_one else at)

    def _break(self) -> None:
        # Blocks are paragraphs: a blank line between them, which ends a sentence; a single
        # line break inside a paragraph is the source wrapping.
        while self.chars and self.chars[-2:] != ["\n", "\n"]:
            self.chars.append("\n")
            self.offsets.append(self._here())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag in _HIDDEN and tag != "head":
            self.hidden += 1
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self.in_h1 = True
        if tag == "meta" and self.meta_date is None:
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in _DATE_META and a.get("content"):
                self.meta_date = a["content"]
        if tag == "time" and a.get("datetime"):
            self.time_date = self.time_date or a["datetime"]
            self._time = (len(self.chars), a["datetime"])
        if tag == "table":
            self._open_table(a)
        elif tag == "aside":
            self.asides += 1
        if tag in _ROW_PARTS and self._tables:
            self._row_part(tag)
        elif tag in _BLOCK:
            self._block()
        if kind := _LISTED.get(tag):
            self._opened[kind].append(len(self.chars))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        hidden = tag in _HIDDEN
        self.handle_starttag(tag, attrs)
        if hidden and tag != "head":
            self.hidden -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN and tag != "head" and self.hidden:
            self.hidden -= 1
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False
        if tag == "time" and self._time is not None:
            self.times.append((self._time[0], len(self.chars), self._time[1]))
            self._time = None
        if tag == "table" and self._tables:
            self._close_table()
        elif tag == "aside" and self.asides:
            self.asides -= 1
        if (kind := _LISTED.get(tag)) and self._opened[kind]:
            spans = self.headings if kind == "h" else self.items
            spans.append((self._opened[kind].pop(), len(self.chars)))
        if tag == "tr" and self._tables:
            self._end_row()
        elif tag in _BLOCK and not (tag in _ROW_PARTS and self._tables):
            self._block()

    # A table reads as Markdown's does: each row one sentence, its cells parted by dashes
    # ("1953 – The sea wall broke."), so that a date in one column dates the row. An infobox
    # (class "infobox", or a table of names and values in an <aside>) is not read.

    def _block(self) -> None:
        if self._tables and self._tables[-1].cells:
            self._put(" ")  # a paragraph or a line break inside a cell: the row goes on
        else:
            self._break()

    def _put(self, text: str) -> None:
        if not self.hidden:
            here = self._here()
            self.chars.extend(text)
            self.offsets.extend([here] * len(text))

    def _open_table(self, attrs: dict[str, str]) -> None:
        infobox = any(c.startswith("infobox") for c in attrs.get("class", "").lower().split())
        if infobox:
            self.hidden += 1
        self._tables.append(_Table(len(self.chars), infobox, self.asides > 0))
        self._break()

    def _row_part(self, tag: str) -> None:
        table = self._tables[-1]
        if tag == "tr":
            self._end_row()
            self._break()
            return
        if table.cells:
            self._put(" – ")
        else:
            table.first_cell = len(self.chars)
        table.cells += 1
        if table.cells == 2:
            table.keys.append("".join(self.chars[table.first_cell :]))

    def _end_row(self) -> None:
        table = self._tables[-1]
        if not table.cells:
            return
        table.shapes.add(table.cells)
        table.cells = 0
        row = self.chars[table.first_cell :]
        last = next((c for c in reversed(row) if not c.isspace()), "")
        if last and last not in ".!?:;" and not self.hidden:
            if self.chars[-1].isspace():  # "flood  " to "flood .": the offsets stay one a char
                self.chars[-1] = "."
            else:
                self._put(".")
        self._break()

    def _close_table(self) -> None:
        self._end_row()
        table = self._tables.pop()
        if table.infobox:
            self.hidden -= 1
        elif table.in_aside and table.shapes == {2} and not any(map(_DIGIT.search, table.keys)):
            self._forget(table.start)  # names and values beside the story: an infobox
        else:
            self.tables.append((table.start, len(self.chars)))
        self._break()

    def _forget(self, start: int) -> None:
        """Leave out what was read from `start` on."""
        del self.chars[start:], self.offsets[start:]
        self.times = [t for t in self.times if t[0] < start]
        self.headings = [h for h in self.headings if h[0] < start]
        self.items = [i for i in self.items if i[0] < start]
        self.tables = [t for t in self.tables if t[0] < start]
        for opened in self._opened.values():
            opened[:] = [o for o in opened if o < start]

    def handle_data(self, data: str) -> None:
        self._emit(data, self._here(), True)

    def handle_entityref(self, name: str) -> None:
        import html

        self._emit(html.unescape(f"&{name};"), self._here(), False)

    def handle_charref(self, name: str) -> None:
        import html

        self._emit(html.unescape(f"&#{name};"), self._here(), False)


def _html(source: str) -> Prose:
    parser = _Visible(source)
    try:
        parser.feed(source)
        parser.close()
    except (AssertionError, ValueError):  # pragma: no cover - html.parser is lenient
        pass
    text = "".join(parser.chars)
    # Collapse runs of spaces in the visible text? No: offsets must stay one character each.
    title = re.sub(r"\s+", " ", "".join(parser.h1) or "".join(parser.title)).strip() or None
    anchor = None
    for raw in (parser.meta_date, parser.time_date):
        if raw and (found := _date_of(raw)) is not None and found.date is not None:
            anchor = found.date.start
            break
    times = tuple((a, b, t) for a, b, raw in parser.times if (t := _date_of(raw)) is not None)
    short = title[:200] if title else None
    # A date alone in a table cell (an infobox's "Opened: 19 March 1932") is no dateline.
    outside = text
    for a, b in parser.tables:
        outside = _blanked(outside, a, b)
    listed = _under_headings(text, sorted(parser.headings), sorted(parser.items))
    return Prose(text, source, parser.offsets, short, anchor or dateline(outside), times, listed,
                 tuple(sorted(parser.tables)))  # fmt: skip


def _date_of(raw: str) -> Timex | None:
    """The date a machine-readable value gives ("2019-06-03", "2019-06-03T10:00:00Z")."""
    found = [t for t in tag(raw, Day(2000)) if t.date and not t.anchored]
    return found[0] if found else None


# --- reading ------------------------------------------------------------------------------------


def _reference(prose: Prose, options: ReadOptions) -> tuple[Day, bool]:
    """The day relative dates count from, and whether it is only today's date (neither given
    with --ref-date nor found in the document)."""
    if options.reference_date is not None:
        return options.reference_date, False
    if prose.anchor is not None:
        return prose.anchor, False
    return options.today or Day(2000), True


def _read_from_today(
    text: str, timexes: list[Timex], today: Day, languages: tuple[str, ...] = ()
) -> list[Timex]:
    """The expressions whose value hangs on today's date ("last year", "on Tuesday"), found by
    reading the text again as if a year and a day later: a history's "the following day",
    counted from its own dates, does not move."""
    later_day = Day.from_ordinal(today.ordinal + 367)
    later = {(t.start, t.end): t.value for t in tag(text, later_day, languages)}
    return [t for t in timexes if t.anchored and later.get((t.start, t.end), t.value) != t.value]


def _listed(timexes: list[Timex], prose: Prose, starts: list[int]) -> tuple[str, str]:
    """("2 date expressions", '"last year" (line 3), "Tuesday" (line 5)'), eight at most shown."""
    shown = []
    for t in timexes[:8]:
        at = prose.offsets[t.start] if prose.offsets else t.start
        shown.append(f'"{t.text}" (line {bisect.bisect_right(starts, at)})')
    more = f" and {len(timexes) - 8} more" if len(timexes) > 8 else ""
    n = len(timexes)
    return f"{n} date expression{'s' if n != 1 else ''}", ", ".join(shown) + more


def _stem(path: str) -> str:
    from pathlib import PurePath

    if path.startswith("<"):  # "<stdin>": no name to give
        return "Timeline"
    return PurePath(path).stem.replace("_", " ").replace("-", " ") or "Timeline"


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n", text)]


def _tagged(prose: Prose, ref: Day, options: ReadOptions) -> list[Timex]:
    """The tagger on the prose. With --ref-date, the tables are read apart from the text around
    them, so that a table's years do not move where the prose's "last year" counts from; else
    the tables' dates are the document's own, as any others."""
    if options.reference_date is None or not prose.tables:
        return tag(prose.text, ref, options.languages)
    text, outside, inside = prose.text, [], []
    last = 0
    for a, b in prose.tables:  # in text order; a table inside another is within it
        if b <= last:
            continue
        a = max(a, last)
        outside += [text[last:a], _spaces(text[a:b])]
        inside += [_spaces(text[last:a]), text[a:b]]
        last = b
    outside.append(text[last:])
    inside.append(_spaces(text[last:]))
    langs = options.languages
    first, second = tag("".join(outside), ref, langs), tag("".join(inside), ref, langs)
    shift = len(first)
    merged = first + [
        replace(t, range_to=None if t.range_to is None else t.range_to + shift) for t in second
    ]
    return _reordered(merged, sorted(range(len(merged)), key=lambda i: merged[i].start))


def _marked_up(found: list[Timex], prose: Prose) -> list[Timex]:
    """The expressions inside an HTML <time datetime="..."> take the date the markup gives:
    "<time datetime="2019-06-03">Monday</time>" is that Monday, whatever the page's date."""
    if not prose.times:
        return found
    out = []
    for t in found:
        given = next((g for a, b, g in prose.times if a <= t.start and t.end <= b), None)
        if given is not None and t.type in ("DATE", "TIME"):
            t = replace(t, value=given.value, date=given.date and replace(given.date, text=t.text),
                        anchored=False)  # fmt: skip
        out.append(t)
    return out


def _dated_by_heading(found: list[Timex], prose: Prose) -> list[Timex]:
    """A list item with no date of its own, under a heading that is a date ("## 1967", then
    "- The first Saturn V flew"), takes the heading's date: an empty expression at the item's
    start, written as the heading wrote it."""
    if not prose.listed:
        return found
    added: list[Timex] = []
    starts = [t.start for t in found]
    for hs, he, a, b in prose.listed:
        k = bisect.bisect_left(starts, hs)
        date = found[k] if k < len(found) and found[k].end <= he else None
        if (
            date is None
            or date.date is None
            or date.type != "DATE"
            or not heading(prose.text, date.start, date.end)
        ):
            continue
        k = bisect.bisect_left(starts, a)
        if k < len(found) and found[k].start < b:
            continue  # the item gives its own date
        added.append(replace(date, start=a, end=a, range_to=None))
    if not added:
        return found
    merged = found + added
    return _reordered(merged, sorted(range(len(merged)), key=lambda i: merged[i].start))


def _reordered(found: list[Timex], order: list[int]) -> list[Timex]:
    """found[i] for i in `order`, each range's end (an index into the list) pointing where it
    now is, or nowhere if it was left out."""
    at: dict[int | None, int] = {old: new for new, old in enumerate(order)}
    return [replace(found[i], range_to=at.get(found[i].range_to)) for i in order]


def _without_dateline(found: list[Timex], prose: Prose) -> tuple[list[Timex], str]:
    """The expressions but the dateline's, with each range's end (an index into the list)
    pointing where it now is; and the text with the dateline blanked, place and dash too
    ("NEW YORK, Oct. 22, 2023 — The recall was announced": the recall's sentence starts at
    "The", and no title takes "NEW YORK" for a subject)."""
    text = prose.text
    kept = []
    for i, t in enumerate(found):
        if (span := _dateline_span(t, prose)) is None:
            kept.append(i)
        else:
            text = _blanked(text, *span)
    if len(kept) == len(found):
        return found, text
    return _reordered(found, kept), text


def _near_top_on_anchor_day(t: Timex, prose: Prose) -> bool:
    return bool(t.start < 200 and t.date and prose.anchor and t.date.start == prose.anchor)


def _dateline_span(t: Timex, prose: Prose) -> tuple[int, int] | None:
    """Where `t` stands as the document's own date near its top, from its line's start to past
    the dash after it, or None: the same day as the anchor, with nothing before it on its line
    but a place ("LONDON, ", "WASHINGTON (AP), ") and nothing after it but an agency and a dash
    or the line's end ("On 3 May 2020 the council met" stays an event)."""
    if not _near_top_on_anchor_day(t, prose):
        return None
    line_start = prose.text.rfind("\n", 0, t.start) + 1
    end = _DATELINE_END.match(prose.text[: t.end + 30], t.end)
    if end is None or not _DATELINE_PLACE.fullmatch(prose.text, line_start, t.start):
        return None
    return line_start, end.end()


# Before a dateline's date: capitals and punctuation ("LONDON, ", "WASHINGTON (AP), "), or a
# place in capitals and a region after it ("O'SMACH, Cambodia, ", "BUFFALO, N.Y., ").
_DATELINE_PLACE = re.compile(
    r"[^a-z]*|[A-Z][A-Z'. -]+(?:,\s*[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*)+,?\s*"
)
# After a dateline's date: a dash, or the end of its line; a news agency may come first
# ("LONDON, Sept. 15, 2022 (AP) — ", "BERLIN, 5. Juni 2022 (dpa) - ").
_DATELINE_END = re.compile(r"\s*(?:\([A-Za-z][\w .&-]{0,20}\)\s*)?(?:—|–|--|-\s|_\s|$|\n)")


def _read(prose: Prose, path: str, options: ReadOptions, fmt: str) -> ReadResult:
    ref, only_today = _reference(prose, options)
    # The dateline is the document's own date, not something that happened, even where it
    # runs into the first sentence ("LONDON, 3 May 2020 — The council met on Tuesday").
    found = _dated_by_heading(_marked_up(_tagged(prose, ref, options), prose), prose)
    timexes, text = _without_dateline(found, prose)
    starts = _line_starts(prose.source)
    events, unplaced = build_events(
        text, path, timexes, options.today or ref, starts, prose.offsets
    )
    diagnostics = []
    written: Day | None = ref  # the reference date the timeline keeps
    if only_today:
        if moved := _read_from_today(prose.text, timexes, ref, options.languages):
            count, shown = _listed(moved, prose, starts)
            diagnostics.append(
                Diagnostic(
                    Severity.WARNING,
                    SourceRef(path),
                    f"no date found in the document to count relative dates from; {count} "
                    f"read from today, {ref.iso()}: {shown}; give --ref-date to choose the day",
                )
            )
        else:
            written = None  # nothing hangs on it: not written out as the text's reference date
    unplaced = [t for t in unplaced if not _near_top_on_anchor_day(t, prose)]
    if unplaced:
        count, shown = _listed(unplaced, prose, starts)
        diagnostics.append(
            Diagnostic(
                Severity.NOTE,
                SourceRef(path),
                f"{count} could not be placed on the timeline: {shown}",
            )
        )
    settings = Settings(reference_date=written, languages=options.languages)
    title = options.title or prose.title or _stem(path)
    events.sort(key=lambda e: e.sort_key())
    timeline = Timeline(tuple(events), title, settings=settings, sources=(path,))
    return ReadResult(timeline, diagnostics, fmt)


def read(text: str, path: str, options: ReadOptions) -> ReadResult:
    return _read(_plain(text), path, options, "text")


def read_markdown(text: str, path: str, options: ReadOptions) -> ReadResult:
    return _read(_markdown(text), path, options, "markdown")


def read_html(text: str, path: str, options: ReadOptions) -> ReadResult:
    return _read(_html(text), path, options, "html")


def _prose(text: str, fmt: str) -> Prose:
    if fmt == "html":
        return _html(text)
    if fmt == "markdown":
        return _markdown(text)
    return _plain(text)


def mentions(text: str, path: str, fmt: str, options: ReadOptions) -> list[dict[str, object]]:
    """Every temporal expression, for `extract --mentions`: offsets into the file's text."""
    if fmt == "yaml":
        fmt = "text"
    prose = _prose(text, fmt)
    ref, _ = _reference(prose, options)
    starts = _line_starts(prose.source)
    out: list[dict[str, object]] = []
    for t in _marked_up(_tagged(prose, ref, options), prose):
        a, b = t.start, t.end
        if prose.offsets:
            a, b = prose.offsets[t.start], prose.offsets[t.end - 1] + 1
        out.append({"path": path, "line": bisect.bisect_right(starts, a), "start": a, "end": b,
                    "text": prose.source[a:b], "type": t.type, "value": t.value})  # fmt: skip
    return out


def timexes(text: str, reference: Day) -> list[Timex]:
    """The tagger on plain text: for the benchmark and the tests."""
    return tag(text, reference)
