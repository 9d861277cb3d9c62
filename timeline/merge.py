"""One timeline from many: the same event read from many documents becomes one event with the
sources of all, in time that grows linearly with the number of events.

Timelines are added one at a time, in input order (so the result is the same however many
workers read them), and each event is compared only with events it could be:

- told again in the same words: the same days, title and lane, found by a dict lookup;
- told again in other words, in another document (prose only): the same day, given outright in
  both, and two content words of the title in common ("The bridge opened after eight years of
  work" and "On 19 March 1932 the bridge was opened by the premier"), unless the titles name
  different places ("Ministers met in Geneva", "Ministers met in Vienna": two meetings).
  Candidates are found through an index keyed by (days, word), never by comparing every pair
  of events.

Each event keeps at most `MAX_REFS` sources and counts all of them (`Event.ref_count`).
Events written by hand (no sentence in their sources) are never merged the second way: two of
them on one day are two events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from timeline.model import Era, Event, Group, Precision, SourceRef, Timeline

__all__ = ["MAX_REFS", "Merger", "content_words", "elsewhere", "merge", "places", "retells"]

# Sources kept per event: a document that tells the same thing 100,000 times, or 100,000
# documents that tell it once, need a few quotes on the page, not all of them in memory.
MAX_REFS = 50
# Events looked at per (days, word) when looking for a retelling: a bound on the work per event
# on a day with thousands of different events that share a word.
MAX_CANDIDATES = 100

_CONTENT = re.compile(r"[A-Za-zÀ-ÿ]{4,}")
_STOP = frozenset("that this with from have were their there which about after before would "
                  "could said says also been into than then they them when where while will "
                  "over more most some such only just very".split())  # fmt: skip
_STOP4 = frozenset(w[:4] for w in _STOP)


def content_words(text: str) -> frozenset[str]:
    """The words of a title that say what happened, cut to four letters ("opened", "opening")."""
    return frozenset(w.lower()[:4] for w in _CONTENT.findall(text)) - _STOP4


# A place a title names: a capitalised name after "in", "at", "near" ("met in Geneva", "a fire
# at Leeds Castle", "in New York City").
_PLACE = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside|à|en)\s+(?:the\s+)?"
    r"(?P<name>[A-ZÀ-Ý][\w'’-]*(?:\s+(?:of\s+)?[A-ZÀ-Ý][\w'’-]*)*)"
)


def places(title: str) -> set[str]:
    """The words of the places a title names ("in New York City": new, york, city)."""
    return {w.casefold() for m in _PLACE.finditer(title) for w in m["name"].split()}


def retells(
    words: frozenset[str] | set[str],
    other: frozenset[str] | set[str],
    title: str = "",
    other_title: str = "",
) -> bool:
    """Whether two titles on the same day may tell the same event: two content words in
    common and, given the titles, not two different places (`elsewhere`). `Merger` asks the
    same through its index of words."""
    if len(words & other) < 2:
        return False
    return not (title and other_title and elsewhere(title, other_title))


def elsewhere(title: str, other: str) -> bool:
    """Whether two titles name places and none in common: "met in Geneva" and "met in Vienna"
    are two meetings; "in New York" and "in New York City" one place. (Read only for titles
    that share words: most never meet one.)"""
    where = places(title)
    if not where:
        return False
    there = places(other)
    return bool(there) and where.isdisjoint(there)


def _told(event: Event) -> bool:
    """Whether an event was read from prose on a day given outright: one that other documents
    may tell in other words. (An event read back from a reviewed file's `found_in` has its
    sentences but no character spans: its reviewer has parted or joined it already.)"""
    return (
        event.date.precision is Precision.DAY
        and event.end is None
        and bool(event.refs)
        and all(r.sentence and r.start is not None for r in event.refs)
    )


@dataclass(slots=True)
class _Entry:
    event: Event
    refs: dict[SourceRef, None]  # kept sources, in order, without repeats
    count: int  # all sources, kept or not


@dataclass(slots=True)
class Merger:
    """Timelines added one by one, in order; `timeline()` is the merged result."""

    title: str | None = None  # the user's title, over any a document gives
    _entries: list[_Entry] = field(default_factory=list)
    _exact: dict[tuple[int, int, str, str], int] = field(default_factory=dict)
    _index: dict[tuple[int, int, str], list[int]] = field(default_factory=dict)
    _first: Timeline | None = None
    _found_title: str | None = None
    _groups: dict[str, Group] = field(default_factory=dict)
    _eras: dict[tuple[str, object], Era] = field(default_factory=dict)
    _sources: dict[str, None] = field(default_factory=dict)

    def add(self, timeline: Timeline) -> None:
        if self._first is None:
            self._first = timeline
        if self._found_title is None and timeline.title != "Timeline":
            self._found_title = timeline.title
        for g in timeline.groups:  # the first timeline to declare a lane decides its colour
            self._groups.setdefault(g.name, g)
        for era in timeline.eras:
            self._eras[(era.name, era.start.start)] = era
        self._sources.update(dict.fromkeys(timeline.sources))
        for event in timeline.events:
            self._add_event(event)

    def _add_event(self, event: Event) -> None:
        # (Ordinals, not days: this runs for every event, and a tuple of ints hashes fastest.)
        days = (event.first_day.ordinal, event.last_day.ordinal)
        key = (*days, event.title.casefold(), event.group)
        at = self._exact.get(key)
        if at is not None:
            self._join(self._entries[at], event)
            return
        words = content_words(event.title) if _told(event) else None
        if words is not None:
            at = self._retold(days, words, event.title, event.refs[0].path)
            if at is not None:
                self._exact[key] = at
                self._join(self._entries[at], event)
                return
        at = len(self._entries)
        self._entries.append(_Entry(event, dict.fromkeys(event.refs[:MAX_REFS]),
                                    event.source_count))  # fmt: skip
        self._exact[key] = at
        for word in words or ():
            candidates = self._index.setdefault((*days, word), [])
            if len(candidates) < MAX_CANDIDATES:
                candidates.append(at)

    def _retold(
        self, days: tuple[int, int], words: frozenset[str], title: str, path: str
    ) -> int | None:
        """The first earlier event from another document than `path` on these days with two of
        these title words and not another place than the title's."""
        shared: dict[int, int] = {}
        for word in words:
            for at in self._index.get((*days, word), ()):
                shared[at] = shared.get(at, 0) + 1
        for at in sorted(at for at, n in shared.items() if n >= 2):
            event = self._entries[at].event
            if event.refs[0].path != path and not elsewhere(title, event.title):
                return at
        return None

    @staticmethod
    def _join(entry: _Entry, event: Event) -> None:
        kept = entry.refs
        # A source already kept (the same file given twice) is not counted twice.
        entry.count += event.source_count - sum(1 for r in event.refs if r in kept)
        for ref in event.refs:
            if len(kept) >= MAX_REFS:
                break
            kept.setdefault(ref, None)

    def events(self) -> list[Event]:
        """The merged events, in a total order."""
        out = []
        for entry in self._entries:
            event = entry.event
            if len(entry.refs) != len(event.refs) or entry.count != event.source_count:
                count = entry.count if entry.count > len(entry.refs) else 0
                event = replace(event, refs=tuple(entry.refs), ref_count=count)
            out.append(event)
        out.sort(key=Event.sort_key)
        return out

    def timeline(self) -> Timeline:
        first = self._first
        if first is None:
            return Timeline(())
        return Timeline(
            events=tuple(self.events()),
            title=self.title or self._found_title or first.title,
            eras=tuple(sorted(self._eras.values(), key=lambda e: (e.start.start, e.name))),
            groups=tuple(sorted(self._groups.values(), key=lambda g: g.order)),
            settings=first.settings,
            sources=tuple(self._sources),
        )


def merge(timelines: list[Timeline] | tuple[Timeline, ...], title: str | None = None) -> Timeline:
    """One timeline from several, in the order given."""
    merger = Merger(title)
    for timeline in timelines:
        merger.add(timeline)
    return merger.timeline()
