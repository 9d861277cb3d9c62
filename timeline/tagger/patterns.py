"""What the rules are made of: a `Reading` (what a match means, before it is anchored), the
word lists as regular expressions, the checks several rules share, and the rule registry.

The rules themselves are in `rules_calendar.py` (dates on the calendar: "3 March 2013", "the
1990s", "Q3", ranges) and `rules_relative.py` (dates counted from another: "last year", "two days
later", "Friday"; times, durations and sets); `detect.py` runs them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from timeline.tagger.lexicon import (
    ENGLISH_MONTHS,
    MONTHS,
    NUMBERS,
    SEASONS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)


@dataclass(slots=True)
class Reading:
    """What a match means, before it is anchored. `kind` picks the resolver; `data` holds
    what the rule read (year, month, unit, offset, ...)."""

    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    kind: str
    data: dict[str, Any] = field(default_factory=dict)
    rule: str = ""


def alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


# Abbreviations take a full stop ("Sept."); full names never swallow the one that ends a
# sentence ("... in October.").
_ABBR = {
    name
    for name in MONTHS
    if len(name) <= 4
    and name not in ("june", "july", "mai", "juni", "juli", "mars", "mayo", "may")
    and name not in ("juin", "août", "aout", "märz", "marz")  # "le 30 août." ends a sentence
}
MONTH = rf"(?:(?:{alt(_ABBR)})\.(?=\s)|{alt(MONTHS)}(?![\w]))"
WEEKDAY = rf"(?:{alt(WEEKDAYS)})"
SEASON = rf"(?:{alt(SEASONS)})"
NUMWORD = rf"(?:{alt(NUMBERS)})"
VAGUE = rf"(?:{alt(VAGUE_NUMBERS)})"
UNIT = rf"(?:{alt(UNITS)})"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er)?"
# Before a month, German writes "3. März": the full stop belongs to the day.
DAYNUM_DOT = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|\.)?"
YEAR4 = r"(?:1[0-9]\d\d|20\d\d|2100)"
# Between a period and the day it ends on: "the quarter| ended |Sept. 30".
ENDED = re.compile(r"\s+(?:ended|ending)\s+(?:on\s+)?", re.IGNORECASE)
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
SMALL = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
         "fifteen|sixteen|seventeen|eighteen|nineteen")  # fmt: skip
TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
# "nineteen ninety-four", "twenty oh five", "twenty twelve"; never "twenty six" (a count).
SPOKEN_YEAR = (
    rf"(?:nineteen|twenty)[- ](?:(?:{TENS})(?:[- ](?:{SMALL}))?|hundred|oh[- ](?:{SMALL})|{TEENS})"
)
COUNT = rf"(?:\d+(?:[.,]\d+)?|{NUMWORD}(?:[- ](?:{SMALL}))?|{VAGUE})"
AMPM = r"(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b|in\s+the\s+(?:morning|afternoon|evening)|at\s+night|o['’]clock)"


def number(text: str) -> float | None:
    t = text.lower().replace(",", "").strip()
    if t in NUMBERS:
        return NUMBERS[t]
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    return None


def spoken_year(text: str) -> int | None:
    """ "nineteen ninety-four" -> 1994, "twenty oh five" -> 2005."""
    words = re.split(r"[- ]+", text.lower())
    if len(words) < 2 or words[0] not in ("nineteen", "twenty"):
        return None
    century = NUMBERS[words[0]] * 100
    rest = words[1:]
    if rest == ["hundred"]:
        return century
    if rest[0] == "oh":
        rest = rest[1:]
    total = sum(NUMBERS.get(w, 0) for w in rest)
    return century + total if 0 < total < 100 else None


def _is_english_month(token: str) -> bool:
    return token.lower().rstrip(".") in ENGLISH_MONTHS


def capitalised(token: str) -> bool:
    return token[:1].isupper()


def month_ok(token: str, text: str, start: int, end: int, strong: bool) -> bool:
    """A month name must look like one: capitalised in English (French and Spanish write
    months in lower case), and "May", "March" and friends need a date-like neighbour unless
    `strong` (a day or year is part of the match)."""
    name = token.lower().rstrip(".")
    if name not in MONTHS:
        return False
    if _is_english_month(token):
        if not capitalised(token):
            return False
        if token.isupper() and len(token) > 3 and not text[max(0, start - 40) : start].isupper():
            return False
    if strong:
        return True
    if name == "mars" and token[0].isupper():
        return False  # the planet, the company; French writes the month in lower case
    if name in ("may", "march", "mar", "jan", "sept", "dec", "aug", "mars", "mai", "jun",
                "jul", "oct", "nov", "feb", "apr", "sep"):  # fmt: skip
        before = text[max(0, start - 20) : start].lower().split()
        prev = before[-1] if before else ""
        return prev in ("in", "since", "until", "till", "by", "during", "early", "late", "mid",
                        "last", "next", "this", "of", "through", "from", "before", "after",
                        "en", "im", "au", "de", "mid-", "end", "between", "and", "to")  # fmt: skip
    return True


# --- rules ------------------------------------------------------------------------------------

Rule = tuple[str, "re.Pattern[str]", Callable[["re.Match[str]", str], Reading | None]]
RULES: list[Rule] = []


def rule(name: str, pattern: str, flags: int = re.IGNORECASE) -> Callable[..., Any]:
    def register(fn: Callable[[re.Match[str], str], Reading | None]) -> Any:
        RULES.append((name, re.compile(pattern, flags), fn))
        return fn

    return register


def read_as(m: re.Match[str], type_: str, kind: str, group: str | int = 0, **data: Any) -> Reading:
    return Reading(m.start(group), m.end(group), type_, kind, data)


def mod_of(text: str | None) -> str:
    if not text:
        return ""
    t = text.lower()
    if "early" in t or "beginning" in t or "start" in t or "début" in t or "anfang" in t:
        return "START"
    if "late" in t or "end" in t or "fin" in t or "ende" in t:
        return "END"
    return "MID"


ENGLISH_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
