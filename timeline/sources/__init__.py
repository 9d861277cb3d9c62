"""Readers: one per input format, each turning decoded text into a `Timeline` plus diagnostics.

The registry maps a format name to "module:function"; modules are imported on first use so that
`timeline --help` stays instant. `detect_format` says what it detected, and the pipeline reports it.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath

from timeline.model import Day, Diagnostic, Timeline

__all__ = ["READERS", "ReadOptions", "ReadResult", "detect_format", "reader_for"]


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What the user said on the command line, which overrides what a document says."""

    reference_date: Day | None = None
    languages: tuple[str, ...] = ()
    title: str | None = None
    # `today` stands in for the clock, so that tests and builds can be pinned.
    today: Day | None = None
    # `--from`: read every input as this format instead of detecting it.
    format: str | None = None
    # The days within which a calendar's recurring events are expanded (inclusive); None is
    # a year either side of the reference date (else today). See timeline.sources.ics.
    window: tuple[Day, Day] | None = None


@dataclass(slots=True)
class ReadResult:
    """A reader's output: the timeline, and every problem found on the way (errors included:
    a reader collects them all rather than stopping at the first)."""

    timeline: Timeline
    diagnostics: list[Diagnostic] = field(default_factory=list)
    format: str = ""


Reader = Callable[[str, str, ReadOptions], ReadResult]

READERS: dict[str, str] = {
    "yaml": "timeline.sources.yaml_source:read",
    "text": "timeline.sources.text:read",
    "markdown": "timeline.sources.text:read_markdown",
    "html": "timeline.sources.text:read_html",
    "json": "timeline.sources.json_source:read",
    "jsonl": "timeline.sources.json_source:read_lines",
    "csv": "timeline.sources.tabular:read_csv",
    "tsv": "timeline.sources.tabular:read_tsv",
    "timelinejs": "timeline.sources.timelinejs:read",
    "ics": "timeline.sources.ics:read",
}

_SUFFIXES = {
    ".yaml": "yaml", ".yml": "yaml",
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
    ".ics": "ics", ".ical": "ics", ".ifb": "ics",
}  # fmt: skip


def _sniff(text: str) -> str | None:
    """A structured format recognised by its content, whatever the file is called."""
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    if head[:15].upper() == "BEGIN:VCALENDAR":
        return "ics"
    if head.startswith(("{", "[")):
        first, _, rest = head.partition("\n")
        if first.rstrip().endswith("}") and rest.lstrip().startswith("{"):
            return "jsonl"
        if '"start_date"' in text:  # TimelineJS's key; our own JSON says "start"
            return "timelinejs"
        return "json"
    first = head.partition("\n")[0].lower()
    if first.count("\t") >= 2 and _HEADER_WORDS & {c.strip(' "') for c in first.split("\t")}:
        return "tsv"
    if first.count(",") >= 2 and _HEADER_WORDS & {c.strip(' "') for c in first.split(",")}:
        return "csv"
    return None


# Column names that mark the first line of a spreadsheet of events (ours, or TimelineJS's).
_HEADER_WORDS = frozenset({"date", "title", "year", "headline", "start_day"})
# Within a family the content decides: a .json file may hold TimelineJS's shape, a .csv tabs.
_FAMILIES = {"json": {"json", "jsonl", "timelinejs"}, "jsonl": {"jsonl", "json"},
             "csv": {"csv", "tsv"}, "tsv": {"tsv", "csv"}}  # fmt: skip


def detect_format(path: str, text: str) -> str:
    """The format of an input, by its suffix and a look at its first characters."""
    fmt = _SUFFIXES.get(PurePath(path).suffix.lower())
    sniffed = _sniff(text)
    if fmt is not None:
        return sniffed if sniffed is not None and sniffed in _FAMILIES.get(fmt, ()) else fmt
    if sniffed is not None:
        return sniffed
    head = text.lstrip()[:512].lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    if head.startswith("---") and "\nevents:" not in text[:4096]:
        return "markdown"
    if "events:" in text[:4096] and head.startswith(("events:", "title:", "#", "---")):
        return "yaml"
    if _HTML_START.match(head):
        return "html"
    if _MARKDOWN.search(text[:4096]):
        return "markdown"
    return "text"


# A page, or a piece of one, opens with an element of its body ("<p>", "<table>", "<h1>").
_HTML_START = re.compile(
    r"<(?:!--|(?:p|div|table|h[1-6]|ul|ol|dl|article|section|main|header|aside|blockquote|"
    r"span|a|b|i|em|strong|br|hr|img|figure|pre)[\s>/])"
)
# What Markdown has and plain text has not: a heading ("# Title"), a fence, a table's rule
# row, a link written [text](url).
_MARKDOWN = re.compile(
    r"^#{1,6}[ \t]+\S|^[ \t]*(?:```|~~~)|^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\||\[[^\]\n]+\]\([^)\s]+\)",
    re.MULTILINE,
)


def reader_for(fmt: str) -> Reader:
    module_name, _, attr = READERS[fmt].partition(":")
    reader: Reader = getattr(importlib.import_module(module_name), attr)
    return reader
