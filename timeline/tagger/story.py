"""Narrative time: whether a text tells a story of other times than its own (a history rather
than news), and which of its dates move the story's current time.

In a history, "in June" takes the year the story has reached, however far back that year was
given; so the story must not follow every year the text mentions. It stays put for a year
given in passing (an aside), for a look back ("a decade earlier") and for the end of a range.
`tag` remembers the dates that pass these tests in `resolve.Context`.
"""

from __future__ import annotations

import re

from timeline.model import Day
from timeline.tagger.patterns import Reading
from timeline.tagger.resolve import Context


def is_narrative(readings: list[Reading], reference: Day) -> bool:
    """Whether the text tells of other times than its own: history rather than news. News
    anchors "in October" and "Friday" on its own date; history on the date it last gave.
    No document type to choose: the text's own years decide."""
    own = (reference.year, reference.month, reference.day)
    years = [
        r.data["year"]
        for r in readings
        if r.kind == "absolute"
        and "year" in r.data
        # the reference day itself (a dateline: "LONDON, 3 May 2020 —") says neither way
        and (r.data["year"], r.data.get("month"), r.data.get("day")) != own
    ]
    if not years:
        return False
    if len(years) < 3 and all(abs(y - reference.year) > 10 for y in years):
        # "In 1803 the treaty was signed ... In October it reached the river": a short
        # history, unless it also speaks of its own days or years ("on Friday", "last year").
        # ("by the end of the year", "Ende des Monats" are the story's own: they say neither.)
        return not any(
            r.kind in ("weekday", "deictic") and not r.data.get("story") for r in readings
        )
    far = sum(1 for y in years if abs(y - reference.year) > 2)
    # News speaks of its own days: "yesterday", "on Friday", "last week"; a history may quote
    # someone saying "today", but seldom beside the dates it gives.
    own_days = sum(
        1
        for r in readings
        if r.kind in ("weekday", "deictic") and r.data.get("unit", "day") in ("day", "week")
    )
    if own_days >= max(2, len(years) / 20):
        return False
    # Mostly years away from its own date; or dated all through, over many years (the
    # history of a war that ended the year it was written in).
    return (far >= 3 and far / len(years) >= 0.7) or (len(years) >= 30 and len(set(years)) >= 5)


def next_years(readings: list[Reading]) -> list[tuple[int, ...]]:
    """For each reading, the years of the next two dates given outright after it."""
    out: list[tuple[int, ...]] = [()] * len(readings)
    years: tuple[int, ...] = ()
    for i in range(len(readings) - 1, -1, -1):
        out[i] = years
        r = readings[i]
        if r.kind == "absolute" and "year" in r.data:
            years = (int(r.data["year"]), *years[:1])
    return out


def aside(ctx: Context, r: Reading, next_years: tuple[int, ...]) -> bool:
    """Whether a year given outright is an aside that the story does not move to: "(the
    Persians had subdued it in 513 BC)", "documents declassified in 2005 showed", "a
    campaign planned for 1976", told in 492 BC, 1964 and 1975, after which the story goes on
    nearer the year it was in than the aside's."""
    story = ctx.last_with_year
    if r.kind != "absolute" or "year" not in r.data or story is None:
        return False
    # (a day is an aside only by the years after it: one in a relative clause, "which began
    # on 6 June 1944", goes on with it)
    year_only = "month" not in r.data
    if not next_years and not year_only:
        return False
    if heading(ctx.text, r.start, r.end):
        return False  # "1920" standing as a heading: the story moves there
    now, year = story.first_day().year, int(r.data["year"])
    if year == now:
        return False
    # (a year far from both, "until 1881" in a story of 1862, is an aside itself: it says nothing)
    near = [y for y in next_years if min(abs(y - now), abs(y - year)) <= 10] or next_years
    if near and all(abs(y - now) < abs(y - year) for y in near):
        return True
    return year_only and in_passing(ctx.text, ctx.last_year_at, r.start)


# A relative clause: "a tablet that was found in 1528", "the Institutes, which were translated
# in 1541".
_PASSING = re.compile(r"\b(?:which|who|whom|whose)\b|\bthat\s+(?:was|were|had|has|is|would)\b")
_FULL_STOP = re.compile(r"[.!?]\s|\n\s*\n")


def in_passing(text: str, story_at: int, at: int) -> bool:
    """Whether the date at text[at:] is told in passing in the sentence that gave the story's
    date (ending at `story_at`): in a relative clause after it. Whatever the
    years after it, the story stays: "In 1536 he published the Institutes, which were
    translated in 1541. That summer he reached Geneva" is the summer of 1536."""
    if not 0 <= story_at <= at or _FULL_STOP.search(text, story_at, at):
        return False
    return _PASSING.search(text, story_at, at) is not None


def heading(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] opens a short line of its own with no sentence in it ("1920",
    "2005: Elections and transitional government")."""
    # Only the 80 characters around are looked at: a file on one line (megabytes of it) was
    # otherwise copied whole for every expression in it.
    first = text.rfind("\n", max(0, start - 81), start) + 1
    if first == 0 and start > 81:
        return False
    last = text.find("\n", end, first + 81)
    if last < 0:
        last = min(len(text), first + 81)  # past 80, too long whatever follows
    line = text[first:last]
    return len(line) <= 80 and line.lstrip().startswith(text[start:end]) and "." not in line


def looks_back(r: Reading) -> bool:
    """ "a decade earlier", "two years ago": a story looking back, which then goes on from
    where it was."""
    return r.kind in ("anaphoric", "deictic") and r.data.get("n", 0) < 0
