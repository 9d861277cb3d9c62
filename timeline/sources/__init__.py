"""Readers: one per input format, each turning decoded text into a `Timeline` plus diagnostics.

The registry maps a format name to "module:function"; modules are imported on first use so that
`timeline --help` stays instant. `detect_format` says what it detected, and the pipeline reports it.
"""

from __future__ import annotations

import importlib
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
}

_SUFFIXES = {
    ".yaml": "yaml", ".yml": "yaml",
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html",
}  # fmt: skip


def detect_format(path: str, text: str) -> str:
    """The format of an input, by its suffix, else by a look at its first characters."""
    fmt = _SUFFIXES.get(PurePath(path).suffix.lower())
    if fmt is not None:
        return fmt
    head = text.lstrip()[:512].lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    if head.startswith("---") and "\nevents:" not in text[:4096]:
        return "markdown"
    if "events:" in text[:4096] and head.startswith(("events:", "title:", "#", "---")):
        return "yaml"
    return "text"


def reader_for(fmt: str) -> Reader:
    module_name, _, attr = READERS[fmt].partition(":")
    reader: Reader = getattr(importlib.import_module(module_name), attr)
    return reader
