"""Finding temporal expressions: spans of text, each with what kind of expression it is.

Each rule is a regular expression and a reader that looks at the match and either rejects it
("may" the modal verb, "$4 billion", "1,500 troops") or says what it found as a `Reading`.
Resolution to values happens later, in `resolve.py`, because "in October" and "two days later"
need to know what came before.

When readings overlap, the longest wins, then the earlier.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from itertools import accumulate, compress, repeat
from operator import add
from typing import Any

from timeline.tagger.lexicon import (
    COUNTED,
    ENGLISH_MONTHS,
    FIXED_HOLIDAYS,
    MONTHS,
    MOVABLE_HOLIDAYS,
    NUMBERS,
    ORDINALS,
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


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


# Abbreviations take a full stop ("Sept."); full names never swallow the one that ends a
# sentence ("... in October.").
_ABBR = {
    name
    for name in MONTHS
    if len(name) <= 4 and name not in ("june", "july", "mai", "juni", "juli", "mars", "mayo", "may")
}
MONTH = rf"(?:(?:{_alt(_ABBR)})\.(?=\s)|{_alt(MONTHS)}(?![\w]))"
WEEKDAY = rf"(?:{_alt(WEEKDAYS)})"
SEASON = rf"(?:{_alt(SEASONS)})"
NUMWORD = rf"(?:{_alt(NUMBERS)})"
VAGUE = rf"(?:{_alt(VAGUE_NUMBERS)})"
UNIT = rf"(?:{_alt(UNITS)})"
ORD = rf"(?:{_alt(ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er)?"
# Before a month, German writes "3. März": the full stop belongs to the day.
DAYNUM_DOT = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|\.)?"
YEAR4 = r"(?:1[0-9]\d\d|20\d\d|2100)"
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
SMALL = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
         "fifteen|sixteen|seventeen|eighteen|nineteen")  # fmt: skip
TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
# "nineteen ninety-four", "twenty oh five", "twenty twelve"; never "twenty six" (a count).
SPOKEN_YEAR = (
    rf"(?:nineteen|twenty)[- ](?:(?:{TENS})(?:[- ](?:{SMALL}))?|hundred|oh[- ](?:{SMALL})|{TEENS})"
)
COUNT = rf"(?:\d+(?:[.,]\d+)?|{NUMWORD}(?:[- ](?:{SMALL}))?|{VAGUE})"
PART = r"(?:morning|afternoon|evening|night)"
TZ = r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|Z))?"
AMPM = r"(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b|in\s+the\s+(?:morning|afternoon|evening)|at\s+night|o['’]clock)"

_WORD_BEFORE = re.compile(r"(\S+)\s*$")


def _number(text: str) -> float | None:
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


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def _month_ok(token: str, text: str, start: int, end: int, strong: bool) -> bool:
    """A month name must look like one: capitalised in English (French and Spanish write
    months in lower case), and "May", "March" and friends need a date-like neighbour unless
    `strong` (a day or year is part of the match)."""
    name = token.lower().rstrip(".")
    if name not in MONTHS:
        return False
    if _is_english_month(token):
        if not _capitalised(token):
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


def _r(m: re.Match[str], type_: str, kind: str, group: str | int = 0, **data: Any) -> Reading:
    return Reading(m.start(group), m.end(group), type_, kind, data)


@rule("iso", r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:[T ](?P<H>\d\d):(?P<M>\d\d)"
      r"(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d-])")  # fmt: skip
def _iso(m: re.Match[str], text: str) -> Reading | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    if m["H"]:
        return _r(m, "TIME", "absolute", year=y, month=mo, day=d, hour=int(m["H"]),
                  minute=int(m["M"]))  # fmt: skip
    return _r(m, "DATE", "absolute", year=y, month=mo, day=d)


@rule(
    "week-number",
    rf"(?<![\w-])(?P<iy>{YEAR4})-?W(?P<iw>[0-5]\d)(?![\w-])|(?:(?:the\s+)?(?:week|semaine|KW|Kalenderwoche|semana)\s+(?P<w>[1-5]?\d)(?:\s+(?:of|de|del)\s+|,?\s+)(?P<y>{YEAR4}))(?!\d)",
)
def _week_number(m: re.Match[str], text: str) -> Reading | None:
    """ "2013-W12", "week 12 of 2013", "KW 12 2013": ISO weeks."""
    year, week = int(m["iy"] or m["y"]), int(m["iw"] or m["w"])
    if not 1 <= week <= datetime.date(year, 12, 28).isocalendar().week:
        return None
    return _r(m, "DATE", "absolute", year=year, grain="week", n=week)


@rule("iso-month", r"(?<![\d-])(?P<y>1\d\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])(?![\d-])")
def _iso_month(m: re.Match[str], text: str) -> Reading | None:
    return _r(m, "DATE", "absolute", year=int(m["y"]), month=int(m["m"]))


@rule(
    "numeric",
    r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d\d)(?![\d/]|\.\d)",
)
def _numeric(m: re.Match[str], text: str) -> Reading | None:
    a, b = int(m["a"]), int(m["b"])
    y = int(m["y"])
    if len(m["y"]) == 2:
        y += 1900 if y >= 30 else 2000
    # 03/04/2017: month first after "/" (the US habit), day first after "." (the European).
    month, day = (a, b) if m["sep"] == "/" else (b, a)
    if month > 12 and day <= 12:
        month, day = day, month
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return _r(
        m, "DATE", "absolute", year=y, month=month, day=day, order_guessed=a <= 12 and b <= 12
    )


_YEAR_TAIL = rf"(?:,?\s*(?:de\s+)?(?P<y>{YEAR4}|\d{{1,4}}\s*(?:BC|B\.C\.|BCE|AD|A\.D\.|CE)))"
_WD_HEAD = rf"(?:(?P<wd>{WEEKDAY}),?\s+(?:(?:the|le|el|den)\s+)?)?"


@rule(
    "month-day", rf"{_WD_HEAD}(?P<mon>{MONTH})\s+(?P<d>{DAYNUM})(?![\d:]|\.\d){_YEAR_TAIL}?(?!\d)"
)
def _month_day(m: re.Match[str], text: str) -> Reading | None:
    if not _month_ok(m["mon"], text, m.start("mon"), m.end(), strong=True):
        return None
    if (
        m["wd"]
        and not _capitalised(m["wd"])
        and m["wd"].lower() in WEEKDAYS
        and m["wd"][0] != m["wd"][0].lower()
    ):
        return None
    day = int(re.sub(r"\D", "", m["d"]))
    after = text[m.end() : m.end() + 12].lower()
    if not m["y"] and re.match(r"\s*(?:%|percent|million|billion|\d)", after):
        return None
    return _month_day_reading(m, day, m["mon"], m["y"])


def _month_day_reading(m: re.Match[str], day: int, mon: str, year: str | None) -> Reading:
    month = MONTHS[mon.lower().rstrip(".")]
    start = (
        m.start("wd")
        if m["wd"] and (_capitalised(m["wd"]) or m["wd"].lower() not in _ENGLISH_WEEKDAYS)
        else m.start("mon")
        if "mon" in m.groupdict() and m.start("mon") < m.start("d")
        else m.start("d")
    )
    if year:
        y, _ = _year_value(year)
        return Reading(start, m.end(), "DATE", "absolute", {"year": y, "month": month, "day": day})
    data: dict[str, Any] = {"month": month, "day": day}
    if m["wd"] and m["wd"].lower() in WEEKDAYS:
        data["weekday"] = WEEKDAYS[m["wd"].lower()]  # "Monday 3 March": the year it is a Monday
    return Reading(start, m.end(), "DATE", "month-day", data)


@rule(
    "day-month",
    rf"{_WD_HEAD}(?P<d>{DAYNUM_DOT})\s+(?:of\s+|de\s+)?(?P<mon>{MONTH}){_YEAR_TAIL}?(?![\d])",
)
def _day_month(m: re.Match[str], text: str) -> Reading | None:
    if not _month_ok(m["mon"], text, m.start("mon"), m.end(), strong=True):
        return None
    day = int(re.sub(r"\D", "", m["d"]))
    before = text[max(0, m.start() - 3) : m.start()]
    if re.search(r"[\d$£€.,]$", before):
        return None
    return _month_day_reading(m, day, m["mon"], m["y"])


def _year_value(text: str) -> tuple[int, bool]:
    """ "1998" -> (1998, False); "44 BC" -> (-43, True)."""
    digits = int(re.sub(r"\D", "", text.split()[0] if text.split() else text) or 0)
    bc = bool(re.search(r"B\.?C", text, re.IGNORECASE))
    return (1 - digits if bc else digits), bc


@rule(
    "month-year",
    rf"(?P<mon>{MONTH})\s*(?:,|of|de|del)?\s+(?P<y>{YEAR4}|\d{{1,4}}\s*(?:BC|B\.C\.|BCE|AD|A\.D\.))(?![\d,.]\d)",
)
def _month_year(m: re.Match[str], text: str) -> Reading | None:
    if not _month_ok(m["mon"], text, m.start(), m.end(), strong=True):
        return None
    y, _ = _year_value(m["y"])
    return _r(m, "DATE", "absolute", year=y, month=MONTHS[m["mon"].lower().rstrip(".")])


_MOD = r"(?P<mod>early|late|mid|mid-|the\s+(?:beginning|end|middle|start)\s+of|(?:fin|début|mi-)|anfang|ende|mitte)"


@rule(
    "month",
    rf"(?:(?P<rel>last|next|this|that|this\s+past|this\s+coming|the\s+following|the\s+previous)\s+|{_MOD}[\s-]*)?(?P<mon>{MONTH})(?:\s+(?:of\s+)?(?P<ty>this|last|next)\s+year)?(?![\w'])",
)
def _month(m: re.Match[str], text: str) -> Reading | None:
    strong = bool(m["rel"] or m["mod"])
    if not _month_ok(m["mon"], text, m.start("mon"), m.end(), strong=strong):
        return None
    if m["mon"].lower() in (
        "mar",
        "jan",
        "dec",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "feb",
        "apr",
        "jun",
        "jul",
    ) and not m["mon"].endswith("."):
        if not strong:
            return None
    rel = (m["rel"] or "").lower().split()[-1] if m["rel"] else ""
    if rel and _DAY_NEXT.match(text, m.end()):
        return None  # "last Oct. 23": the month-day rule reads the day, the tense its year
    month = MONTHS[m["mon"].lower().rstrip(".")]
    if m["ty"]:
        step = {"this": 0, "last": -1, "next": 1}[m["ty"].lower()]
        return _r(m, "DATE", "month", month=month, year_step=step, mod=_mod(m["mod"]))
    return _r(m, "DATE", "month", month=month, rel=rel, mod=_mod(m["mod"]))


_DAY_NEXT = re.compile(r"\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?![.,:]\d)")


def _mod(text: str | None) -> str:
    if not text:
        return ""
    t = text.lower()
    if "early" in t or "beginning" in t or "start" in t or "début" in t or "anfang" in t:
        return "START"
    if "late" in t or "end" in t or "fin" in t or "ende" in t:
        return "END"
    return "MID"


@rule(
    "year",
    rf"(?:(?P<approx>c\.|ca\.|circa|around|about|approximately|um|vers|hacia)\s+)?(?:(?P<pre>mid|early|late|pre|post)-|(?P<pre2>early|late|mid|fiscal|(?:the\s+)?(?:end|beginning|start|middle)\s+of)\s+)?(?:(?P<ad>AD|A\.D\.)\s*(?P<ady>\d{{1,4}})|(?P<y>\d{{1,4}})\s*(?P<era>BCE|BC|B\.C\.(?:E\.)?|AD|A\.D\.|CE|av\.\s*J\.-C\.|v\.\s*Chr\.|a\.\s*C\.)|(?P<plain>{YEAR4}))(?P<q>\?)?(?![\w'’]|[.,]\d|-\d|\s*(?:%|percent))",
)
def _year(m: re.Match[str], text: str) -> Reading | None:
    qualifiers = []
    if m["approx"]:
        qualifiers.append("approximate")
    if m["q"]:
        qualifiers.append("uncertain")
    if m["ady"]:
        y = int(m["ady"])
    elif m["y"]:
        y = int(m["y"])
        if re.match(r"B|av|v|a\.", m["era"], re.IGNORECASE):
            y = 1 - y
    else:
        y = int(m["plain"])
        before = text[max(0, m.start("plain") - 12) : m.start("plain")]
        after = text[m.end() : m.end() + 24]
        if re.search(
            r"[$£€¥#]\s*$|\bNo\.\s*$|\b(?:page|pp?\.|room|flight|route|number|model|section|article|rule|chapter|ISO|Boeing|Airbus)\s*$",
            before,
            re.IGNORECASE,
        ):
            return None
        if (
            re.search(r"\d[\d,.]*$|[-–]$", before)
            and not re.search(r"\d{4}\s*[-–]\s*$", before)
            and not m["pre"]
            and not m["pre2"]
        ):
            return None
        word = re.match(r"\s+([a-z]+)", after)
        if word and word[1] in COUNTED:
            return None
        # Before 1500, a bare four-digit number is more often a count than a year, unless a
        # word before it says it is a year: "in 1066", "since 1215".
        if y < 1500 and not re.search(
            r"(?i)\b(?:in|of|since|from|until|till|by|before|after|"
            r"during|around|year|c\.|circa|en|im|um|seit|desde|vers)\s*$",
            before,
        ):
            return None
        if re.match(r"\s*(?:to|-|–)\s*\d+\s*(?:%|percent)", after):
            return None
    span_start = (
        m.start("approx")
        if m["approx"] and m["approx"].lower() in ("c.", "ca.", "circa")
        else (m.start("ad") if m["ad"] else m.start("y") if m["y"] else m.start("plain"))
    )
    if m["pre"] or m["pre2"]:
        span_start = m.start("pre") if m["pre"] else m.start("pre2")
    pre = (m["pre"] or m["pre2"] or "").lower().split()
    mod = {"mid": "MID", "early": "START", "late": "END", "end": "END", "beginning": "START",
           "start": "START", "middle": "MID"}.get(pre[-2] if len(pre) > 1 else "".join(pre), "")  # fmt: skip
    data = {"year": y, "qualifiers": qualifiers, "mod": mod}
    return Reading(span_start, m.end(), "DATE", "absolute", data)


@rule(
    "spoken-year", rf"(?:the\s+year\s+)?(?:{SPOKEN_YEAR}|two\s+thousand(?:\s+and\s+(?:{SMALL}))?)\b"
)
def _spoken_year(m: re.Match[str], text: str) -> Reading | None:
    t = m[0].lower()
    if "thousand" in t:
        rest = t.split("and")[-1].strip() if " and " in t else ""
        y = 2000 + (NUMBERS.get(rest, 0) if rest else 0)
    else:
        y = spoken_year(re.sub(r"^the\s+year\s+", "", t)) or 0
    if not y:
        return None
    return _r(m, "DATE", "absolute", year=y)


@rule(
    "decade",
    rf"(?:the\s+)?(?:{_MOD}[\s-]*)?(?:(?P<y>\d{{3}}0)'?s|['’](?P<yy>\d)0'?s|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)|(?:les\s+)?années\s+(?P<fr>\d{{2,4}})|(?P<de>\d{{4}})er(?:\s+Jahren?)?)(?!\w)",
)
def _decade(m: re.Match[str], text: str) -> Reading | None:
    if m["y"]:
        y = int(m["y"])
    elif m["yy"]:
        y = 1900 + int(m["yy"]) * 10
    elif m["word"]:
        y = 1900 + 10 * (
            "twenties thirties forties fifties sixties seventies eighties nineties".split().index(
                m["word"].lower()
            )
            + 2
        )
    elif m["fr"]:
        y = int(m["fr"]) + (1900 if len(m["fr"]) == 2 else 0)
    else:
        y = int(m["de"])
    if y % 10:
        return None
    return _r(m, "DATE", "absolute", year=y, grain="decade", mod=_mod(m["mod"]))


_CENT_WORDS = {
    w: i
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first".split(),
        1,
    )
}


@rule(
    "century",
    rf"(?:the\s+)?(?:{_MOD}[\s-]*)?(?P<n>\d{{1,2}}(?:st|nd|rd|th|e|er|ème|\.)?|{_alt(_CENT_WORDS)}|[IVX]+e)[\s-]+(?P<u>century|centuries|siècle|Jahrhundert|siglo)(?:\s+(?P<bc>BC|B\.C\.|BCE|av\.\s*J\.-C\.))?(?!\w)",
)
def _century(m: re.Match[str], text: str) -> Reading | None:
    raw = m["n"].lower()
    if raw in _CENT_WORDS:
        n = _CENT_WORDS[raw]
    elif re.fullmatch(r"[ivx]+e", raw):
        n = _roman(raw[:-1])
    else:
        n = int(re.sub(r"\D", "", raw))
    if not 1 <= n <= 22:
        return None
    if m["bc"]:
        return _r(m, "DATE", "absolute", year=1 - n * 100, grain="century", mod=_mod(m["mod"]))
    return _r(m, "DATE", "absolute", year=(n - 1) * 100, grain="century", mod=_mod(m["mod"]))


def _roman(s: str) -> int:
    values = {"i": 1, "v": 5, "x": 10}
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = values[a]
        total += -v if b != " " and values[b] > v else v
    return total


@rule(
    "season",
    rf"(?:(?P<rel>last|next|this|that|this\s+past|this\s+coming|the\s+following|the\s+previous)\s+|(?:the\s+)?{_MOD}[\s-]*|(?P<the>the\s+))?(?P<s>{SEASON})(?:\s+(?:of\s+|de\s+)?(?P<y>{YEAR4}))?(?!\w)",
)
def _season(m: re.Match[str], text: str) -> Reading | None:
    season = SEASONS[m["s"].lower()]
    if m["y"]:
        return _r(m, "DATE", "absolute", year=int(m["y"]), grain="season", season=season)
    if m["s"].lower() == "fall" and not (m["rel"] or m["the"] or m["mod"]):
        return None
    before = text[max(0, m.start() - 12) : m.start()].lower().split()
    if not (m["rel"] or m["mod"]) and not (
        before
        and before[-1]
        in ("in", "during", "this", "last", "next", "by", "until", "since", "en", "im")
    ):
        return None
    rel = m["rel"].lower().split()[-1] if m["rel"] else ""
    return _r(m, "DATE", "season", season=season, rel=rel)


@rule(
    "quarter",
    rf"(?:(?P<ys>this|last|next)\s+year['’]s\s+)?(?:(?P<det>the|its|their|a)\s+)?(?:(?P<y1>{YEAR4})(?:['’]s)?\s+)?(?:(?P<rel>latest|current|this|last|previous|past|next|coming|same|year-earlier|year-ago|prior-year|fiscal)\s+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)(?:[\s-]+|-)(?:fiscal\s+)?)?(?P<u>quarter|half)(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y2>{YEAR4}))?(?![\w-])|\b(?P<q>Q[1-4])(?:\s+(?P<y3>{YEAR4}))?\b",
)
def _quarter(m: re.Match[str], text: str) -> Reading | None:
    year = m["y1"] or m["y2"] or m["y3"]
    if m["q"]:
        n = int(m["q"][1])
        unit = "quarter"
    else:
        unit = m["u"].lower()
        o = (m["ord"] or "").lower()
        n = {
            "first": 1,
            "1st": 1,
            "second": 2,
            "2nd": 2,
            "third": 3,
            "3rd": 3,
            "fourth": 4,
            "4th": 4,
        }.get(o, 0)
        if not n and year and m["y2"] and (m["rel"] or "").lower() == "last":
            n = 2 if unit == "half" else 4  # "the last half of 1989"
        if unit == "half" and (not n or n > 2):
            return None
        if not n and not m["rel"]:
            if not m[0].lower().startswith("the "):
                return None
    rel = (m["rel"] or "").lower()
    if m["ys"]:
        rel = {"this": "this-year", "last": "last-year", "next": "next-year"}[m["ys"].lower()]
    after = text[m.end() : m.end() + 10].lower()
    if unit == "quarter" and re.match(
        r"\s*(?:of\s+(?:a|an|the)\s+)?(?:mile|century|inch|point|pound|percent)", after
    ):
        return None
    start = m.start()
    det = (m["det"] or "").lower()
    attributive = bool(m["ord"]) and text[m.end("ord") : m.end("ord") + 1] == "-"
    if det and not m["ys"] and (det != "the" or attributive):
        # "a third-quarter loss", "its fourth quarter": the determiner is the noun's
        start = m.end("det")
        while text[start].isspace():
            start += 1
    if year:
        data = {"year": int(year), "grain": unit, "n": n or 1, "rel": rel}
        return Reading(start, m.end(), "DATE", "absolute", data)
    return Reading(start, m.end(), "DATE", "quarter", {"n": n, "unit": unit, "rel": rel})


_REL = r"(?P<rel>last|this|next|coming|past|previous|following|current|preceding|same|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+following|the\s+current|the\s+same|this\s+past|this\s+coming)"


@rule(
    "relative",
    rf"(?:(?P<pre>earlier|later|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end\s+of|by\s+the\s+end\s+of)[\s-]+)?{_REL}\s+(?P<u>week|weekend|month|year|decade|century|fiscal\s+year)(?!\w|-)",
)
def _relative(m: re.Match[str], text: str) -> Reading | None:
    rel = m["rel"].lower()
    unit = m["u"].lower().replace("fiscal ", "")
    mod = (
        _mod(m["pre"]) if m["pre"] and not m["pre"].lower().startswith(("earlier", "later")) else ""
    )
    if rel.startswith(("the past", "the last", "the next", "the coming")) or rel == "past":
        # "the past year" is a duration in the TimeML convention; "the last week" too.
        if unit in ("week", "month", "year", "decade", "century") and not m["pre"]:
            letter = UNITS[unit][1]
            return _r(m, "DURATION", "duration", value=f"P{_period(1, letter)}")
    step = {"last": -1, "past": -1, "previous": -1, "preceding": -1, "this": 0, "current": 0,
            "same": 0, "next": 1, "coming": 1, "following": 1}[rel.split()[-1]]  # fmt: skip
    anaphoric = rel.split()[-1] in ("following", "preceding", "same") or (
        rel.startswith("the ") and rel.split()[-1] in ("previous", "next")
    )
    start = m.start("pre") if m["pre"] and not m["pre"].lower().startswith("by") else m.start("rel")
    if m["pre"] and m["pre"].lower().startswith("by "):
        start = m.start("pre") + 3
    return Reading(start, m.end(), "DATE", "anaphoric" if anaphoric else "deictic",
                   {"unit": unit, "n": step, "mod": mod})  # fmt: skip


def duration_value(n: float | None, letter: str, time_unit: bool = False) -> str:
    """P3Y, P10Y ("a decade"), PT3H, and PXY when the count is vague."""
    head = "PT" if time_unit else "P"
    if n is None:
        return head + "X" + {"10Y": "DE", "100Y": "CE", "1000Y": "ML"}.get(letter, letter)
    return head + _period(n, letter)


def _period(n: float, letter: str) -> str:
    count = f"{n:g}" if isinstance(n, float) else str(n)
    if letter == "10Y":
        return f"{int(n * 10)}Y" if n == int(n) else f"{n * 10:g}Y"
    if letter == "100Y":
        return f"{int(n * 100)}Y"
    if letter == "1000Y":
        return f"{int(n * 1000)}Y"
    return f"{count}{letter}"


@rule(
    "ago",
    rf"(?:(?P<mod>about|almost|nearly|more\s+than|less\s+than|some|roughly|just|only|over|around)\s+)?(?P<n>{COUNT})\s+(?P<u>{UNIT})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence|previously|back)(?!\w)",
)
def _ago(m: re.Match[str], text: str) -> Reading | None:
    unit_word = m["u"].lower()
    grain, _ = UNITS[unit_word]
    n_text = m["n"].lower()
    n = _number(n_text)
    direction = -1 if m["dir"].lower() in ("ago", "earlier", "before", "previously", "back") else 1
    if m["dir"].lower() in ("before", "after") and re.match(
        r"\s+[\w$]", text[m.end() : m.end() + 40]
    ):
        # "two days after the vote": counted from an event, not from a date.
        grain, letter = UNITS[m["u"].lower()]
        value = duration_value(
            _number(m["n"].lower()), letter, grain in ("hour", "minute", "second")
        )
        return Reading(m.start(), m.end("u"), "DURATION", "duration", {"value": value})
    deictic = m["dir"].lower() in ("ago", "from now", "hence", "back")
    if grain in ("hour", "minute", "second"):
        return _r(
            m,
            "TIME" if deictic else "DATE",
            "vague",
            value="PAST_REF" if direction < 0 else "FUTURE_REF",
        )
    if n is None or n != int(n):
        return _r(m, "DATE", "vague-offset", unit=grain, direction=direction, deictic=deictic)
    if (
        grain in ("millennium", "century", "decade", "year")
        and n * {"millennium": 1000, "century": 100, "decade": 10, "year": 1}[grain] >= 10000
    ):
        return None  # deep time: the "deep" rule reads it
    return _r(m, "DATE", "deictic" if deictic else "anaphoric", unit=grain, n=int(n) * direction,
              plain=True)  # fmt: skip


# French, German and Spanish: "il y a trois jours", "vor drei Tagen", "hace tres días";
# "trois jours plus tard", "drei Tage später", "tres días después"; "dans deux semaines",
# "in zwei Wochen", "dentro de dos semanas".
@rule(
    "ago-intl",
    rf"(?:(?P<pre>il\s+y\s+a|vor|hace|dans|in|dentro\s+de)\s+(?P<n>{COUNT})\s+(?P<u>{UNIT})(?!\w)(?!\s+(?:plus\s+tard|später|después|más\s+tarde|auparavant|früher|antes))|(?P<n2>{COUNT})\s+(?P<u2>{UNIT})\s+(?P<dir>plus\s+tard|auparavant|später|früher|zuvor|después|más\s+tarde|antes)(?!\w))",
)
def _ago_intl(m: re.Match[str], text: str) -> Reading | None:
    pre = " ".join((m["pre"] or "").lower().split())
    if pre == "in" and not (m["u"] or "").lower().startswith(("tag", "woche", "monat", "jahr")):
        return None  # English "in three years" is a duration; German "in drei Tagen" a date
    unit_word = (m["u"] or m["u2"]).lower()
    grain, _ = UNITS[unit_word]
    n = _number((m["n"] or m["n2"]).lower())
    if pre:
        deictic, direction = True, (-1 if pre in ("il y a", "vor", "hace") else 1)
    else:
        later = m["dir"].lower().split()[0] in ("plus", "später", "después", "más")
        deictic, direction = False, (1 if later else -1)
    if grain in ("hour", "minute", "second"):
        return _r(m, "TIME" if deictic else "DATE", "vague",
                  value="PAST_REF" if direction < 0 else "FUTURE_REF")  # fmt: skip
    if n is None or n != int(n):
        return _r(m, "DATE", "vague-offset", unit=grain, direction=direction, deictic=deictic)
    return _r(m, "DATE", "deictic" if deictic else "anaphoric", unit=grain,
              n=int(n) * direction, plain=True)  # fmt: skip


# "l'année dernière", "la semaine prochaine", "cette année"; "letztes Jahr", "nächste Woche",
# "diesen Monat"; "el año pasado", "la próxima semana", "este mes".
_INTL_UNIT = {"année": "year", "an": "year", "mois": "month", "semaine": "week", "jahr": "year",
              "monat": "month", "woche": "week", "año": "year", "mes": "month",
              "semana": "week"}  # fmt: skip
_INTL_STEP = {"dernière": -1, "dernier": -1, "passée": -1, "passé": -1, "précédente": -1,
              "précédent": -1, "prochaine": 1, "prochain": 1, "suivante": 1, "suivant": 1,
              "cette": 0, "ce": 0, "cet": 0, "letzte": -1, "vergangene": -1, "vorige": -1,
              "nächste": 1, "kommende": 1, "diese": 0, "pasado": -1, "pasada": -1,
              "anterior": -1, "próximo": 1, "próxima": 1, "que viene": 1, "siguiente": 1,
              "este": 0, "esta": 0}  # fmt: skip


@rule(
    "relative-intl",
    r"(?:l['’]|la\s+|le\s+|el\s+)(?P<u>année|an|mois|semaine|año|mes|semana)\s+(?P<rel>dernière|dernier|passée|passé|précédente|précédent|prochaine|prochain|suivante|suivant|pasad[oa]|anterior|próxim[oa]|que\s+viene|siguiente)(?!\w)"
    r"|(?:(?:el|la)\s+)?(?P<rel2>cette|cet|ce|letzte[nmrs]?|vergangene[nmrs]?|vorige[nmrs]?|nächste[nmrs]?|kommende[nmrs]?|diese[nmrs]?|próxim[oa]|est[ea])\s+(?P<u2>année|mois|semaine|Jahr|Monat|Woche|año|mes|semana)(?!\w)",
)
def _relative_intl(m: re.Match[str], text: str) -> Reading | None:
    unit = _INTL_UNIT[(m["u"] or m["u2"]).lower()]
    rel = " ".join((m["rel"] or m["rel2"]).lower().split())
    if rel not in _INTL_STEP:
        rel = rel[:-1] if rel[:-1] in _INTL_STEP else rel  # "letztes", "nächsten"
    step = _INTL_STEP[rel]
    anaphoric = rel in ("suivante", "suivant", "précédente", "précédent", "siguiente", "anterior")
    return _r(m, "DATE", "anaphoric" if anaphoric else "deictic", unit=unit, n=step, mod="")


@rule(
    "deep",
    r"(?:(?:about|some|around|approximately|roughly|c\.|ca\.)\s+)?(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>thousand|million|billion|bn|k|ka|Ma|Ga|kya|mya)?\s+years\s+(?:ago|BP|before\s+present)(?!\w)",
)
def _deep(m: re.Match[str], text: str) -> Reading | None:
    n = float(m["n"].replace(",", ""))
    scale = (m["scale"] or "").lower()
    n *= {"thousand": 1e3, "k": 1e3, "ka": 1e3, "kya": 1e3, "million": 1e6, "ma": 1e6,
          "mya": 1e6, "billion": 1e9, "bn": 1e9, "ga": 1e9}.get(scale, 1)  # fmt: skip
    if n < 10000:
        return None
    return _r(m, "DATE", "deep", years=n, text=m[0])


@rule(
    "deictic-word",
    r"(?:(?P<pre>early|late|earlier|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|aujourd'hui|aujourd’hui|hier|demain|gestern|heute|vorgestern|übermorgen|ayer|hoy|anteayer|pasado\s+mañana|mañana)(?:\s+(?P<part>morning|afternoon|evening|night))?(?!\w)",
)
def _deictic_word(m: re.Match[str], text: str) -> Reading | None:
    w = re.sub(r"\s+", " ", m["w"].lower()).replace("’", "'")
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
               "the day before yesterday": -2, "the day after tomorrow": 2,
               "aujourd'hui": 0, "hier": -1, "demain": 1, "gestern": -1, "heute": 0,
               "vorgestern": -2, "übermorgen": 2, "ayer": -1, "hoy": 0, "anteayer": -2,
               "pasado mañana": 2, "mañana": 1}  # fmt: skip
    if w == "mañana" and re.match(r"\s+(?:de|por)\b", text[m.end() : m.end() + 40]):
        return None
    part = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}.get(
        (m["part"] or "").lower(), ""
    )
    if w == "today" and re.match(r"['’]s\b", text[m.end() : m.end() + 3]):
        pass
    type_ = "TIME" if part else "DATE"
    return _r(m, type_, "deictic", unit="day", n=offsets[w], part=part)


@rule(
    "ref-word",
    r"(?P<w>right\s+now|now|currently|presently|at\s+present|nowadays|these\s+days|the\s+present(?:\s+day)?|present-day|recently|lately|more\s+recently|until\s+recently|previously|formerly|in\s+the\s+past|the\s+past|once|the\s+future|the\s+near\s+future|in\s+future|future|soon|recent|current|actuellement|maintenant|récemment|derzeit|jetzt|kürzlich|bald|actualmente|ahora|recientemente|pronto)(?![\w-])",
)
def _ref_word(m: re.Match[str], text: str) -> Reading | None:
    w = re.sub(r"\s+", " ", m["w"].lower())
    if w in ("once", "previously", "soon", "future", "recent", "formerly"):
        return None  # more often not a time than a time, in measured news text
    after = text[m.end() : m.end() + 16].lower()
    if w == "the past" and re.match(
        r"\s+(?:\w+\s+)?(?:year|month|week|day|decade|centur|quarter|\d|two|three|four|five|six|seven|eight|nine|ten|several|few)",
        after,
    ):
        return None
    if w in ("recent", "current", "future") and re.match(
        r"\s+(?:years|months|weeks|days|quarters|decades)", after
    ):
        return None
    if w == "present-day":
        w = "present day"
    present = ("right now", "now", "currently", "presently", "at present", "nowadays", "these days",
               "the present", "the present day", "present day", "current", "actuellement",
               "maintenant", "derzeit", "jetzt", "actualmente", "ahora")  # fmt: skip
    future = ("the future", "the near future", "in future", "future", "soon", "bald", "pronto")
    value = "PRESENT_REF" if w in present else "FUTURE_REF" if w in future else "PAST_REF"
    start = m.start()
    if w in ("in the past", "in future", "at present"):
        start += 3
    elif w in ("right now", "until recently"):
        start = m.end() - len(w.split()[-1])  # "until" is a signal, "right" an intensifier
    return Reading(start, m.end(), "DATE", "vague", {"value": value})


_ENGLISH_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_DATE_AFTER_WEEKDAY = re.compile(
    rf",?\s+(?:(?:{MONTH})\s+\d|(?:(?:the|le|el|den)\s+)?{DAYNUM_DOT}\s+(?:de\s+)?(?:{MONTH})\b)",
    re.IGNORECASE,
)
# French, German and Spanish words for "last", "next" and "this" before or after a weekday.
_WEEKDAY_REL = {"letzten": "last", "vergangenen": "last", "vorigen": "last", "nächsten": "next",
                "kommenden": "next", "diesen": "this", "el próximo": "next", "el pasado": "last",
                "dernier": "last", "passé": "last", "pasado": "last", "prochain": "next",
                "próximo": "next", "que viene": "next"}  # fmt: skip


@rule(
    "weekday",
    rf"(?:(?P<rel>last|next|this|this\s+coming|this\s+past|on|the\s+previous|the\s+following|early|late|earlier|later|letzten|vergangenen|vorigen|nächsten|kommenden|diesen|el\s+próximo|el\s+pasado)\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<part>morning|afternoon|evening|night)|\s+(?P<post>dernier|prochain|passé|pasado|próximo|que\s+viene))?(?![\w-])",
)
def _weekday(m: re.Match[str], text: str) -> Reading | None:
    name = m["wd"].lower()
    if name in _ENGLISH_WEEKDAYS and not _capitalised(m["wd"]):
        return None
    if _DATE_AFTER_WEEKDAY.match(text, m.end()):
        return None  # the month-day rules read "Friday, March 12" and "lundi 3 mars 2014"
    rel = " ".join((m["rel"] or "").lower().split())
    rel = _WEEKDAY_REL.get(rel, rel) or _WEEKDAY_REL.get(" ".join((m["post"] or "").split()), "")
    if not rel and re.search(
        r"\b(?:on\s+an?|any|one|some)\s+$", text[max(0, m.start() - 9) : m.start()], re.I
    ):
        # "on a Tuesday": some Tuesday or other, not a day to put on a timeline.
        return Reading(m.start(), m.end(), "DATE", "vague", {"value": f"XXXX-WXX-{WEEKDAYS[name]}"})
    part = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}.get(
        (m["part"] or "").lower(), ""
    )
    start = m.start("wd") if rel in ("on", "early", "late", "earlier", "later", "") else m.start()
    kind_rel = (
        rel.split()[-1] if rel and rel not in ("on", "early", "late", "earlier", "later") else ""
    )
    return Reading(start, m.end(), "DATE", "weekday",
                   {"weekday": WEEKDAYS[name], "rel": kind_rel, "part": part})  # fmt: skip


@rule(
    "time",
    rf"(?:(?P<approx>about|around|at|shortly\s+(?:before|after))\s+)?(?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>{AMPM})|(?P<h2>[01]?\d|2[0-3])[:h](?P<mi2>[0-5]\d)(?!\d|[.,]\d|:\d\d\d)|(?P<noon>noon|midnight|midday))(?:\s*(?P<tz>[ECMP][SD]T|GMT|UTC))?(?:,?\s+(?:on\s+)?(?P<wd>{WEEKDAY})\b)?",
)
def _time(m: re.Match[str], text: str) -> Reading | None:
    if m["noon"] and text[max(0, m.start("noon") - 5) : m.start("noon")].lower() == "high ":
        return None  # "High Noon", "high noon": a showdown, not a time
    if m["noon"]:
        hour, minute = (12 if m["noon"].lower() in ("noon", "midday") else 0), 0
    elif m["h"] is not None:
        hour, minute = int(m["h"]), int(m["mi"] or 0)
        ap = m["ap"].lower()
        if hour > 12 or hour == 0:
            return None
        pm = ap.startswith("p") or ap.endswith(("afternoon", "evening", "night"))
        if pm and hour < 12:
            hour += 12
        if (ap.startswith("a") or ap.endswith("morning")) and hour == 12:
            hour = 0
    else:
        hour, minute = int(m["h2"]), int(m["mi2"])
        before = text[max(0, m.start() - 12) : m.start()].lower()
        if re.search(r"(?:score|won|lost|beat|ratio|odds|[\d,])\s*$", before):
            return None
        after = text[m.end() : m.end() + 12].lower()
        if re.match(r"\s*(?:win|victory|lead|loss|defeat|ratio|split|vote|majority)", after):
            return None
    start = (
        m.start("h")
        if m["h"] is not None
        else m.start("h2")
        if m["h2"] is not None
        else m.start("noon")
    )
    if m["approx"] and m["approx"].lower() in ("about", "around"):
        start = m.start("approx")  # "around 7:15 p.m." is approximate; "at 3 p.m." is not
    weekday = WEEKDAYS[m["wd"].lower()] if m["wd"] and _capitalised(m["wd"]) else 0
    end = (
        m.end()
        if weekday
        else (
            m.end("tz")
            if m["tz"]
            else m.end("ap")
            if m["ap"]
            else m.end("mi2")
            if m["mi2"]
            else m.end("noon")
        )
    )
    return Reading(start, end, "TIME", "time", {"hour": hour, "minute": minute, "weekday": weekday})


@rule(
    "part-of-day",
    r"(?:(?P<rel>this|that|the\s+next|the\s+following|last|early\s+this|late\s+this|later\s+this|earlier\s+this)\s+|(?P<mid>mid|late|early)[\s-]?)(?P<part>morning|afternoon|evening|night)(?!\w)",
)
def _part_of_day(m: re.Match[str], text: str) -> Reading | None:
    rel = (m["rel"] or "this").lower()
    if (
        m["mid"]
        and not re.search(
            r"(?i)\b(?:in|by|at|until|since|the)\s*$", text[max(0, m.start() - 8) : m.start()]
        )
        and m["part"].lower() not in ("afternoon", "morning")
    ):
        return None
    part = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}[m["part"].lower()]
    if rel in ("that", "the next", "the following"):
        return _r(
            m,
            "TIME",
            "anaphoric",
            unit="day",
            n=1 if "next" in rel or "following" in rel else 0,
            part=part,
        )
    return _r(m, "TIME", "deictic", unit="day", n=-1 if rel == "last" else 0, part=part)


@rule(
    "narrative",
    r"(?:(?P<pre>later|earlier|early|late)\s+(?:in\s+)?)?(?:(?P<that>that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding|the\s+prior|(?<=in\s)the|(?<=of\s)the|(?<=for\s)the|(?<=over\s)the|(?<=during\s)the)\s+(?P<u>day|week|month|quarter|year|decade|century|weekend|spring|summer|autumn|fall|winter|morning|evening|night)|(?P<db>the\s+day\s+(?:before|after)|the\s+(?:week|month|year)\s+(?:before|after))(?!\s+(?:the|a|an|his|her|their|its|\w+'s)\b))(?!\w)",
)
def _narrative(m: re.Match[str], text: str) -> Reading | None:
    if m["db"]:
        words = m["db"].lower().split()
        unit, n = words[1], (-1 if words[-1] == "before" else 1)
        return _r(m, "DATE", "anaphoric", unit=unit, n=n)
    rel = " ".join(m["that"].lower().split())
    unit = m["u"].lower()
    if rel == "the" and not m["pre"] and unit not in ("year", "week"):
        return None  # "in the day"; but "earlier in the day", "for the year", "of the week"
    if rel == "the" and _NUMBER_NEXT.match(text, m.end()):
        return None  # "the year 1200", "the year two thousand": the year rules read them
    n = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1,
         "the preceding": -1, "the prior": -1, "the": 0}[rel]  # fmt: skip
    if unit in SEASONS:
        return _r(
            m,
            "DATE",
            "season",
            season=SEASONS[unit],
            rel="that" if n == 0 else ("next" if n > 0 else "last"),
            anaphoric=True,
        )
    if unit in ("morning", "evening", "night"):
        part = {"morning": "MO", "evening": "EV", "night": "NI"}[unit]
        return _r(m, "TIME", "anaphoric", unit="day", n=n, part=part)
    if n != 0 and rel != "that":
        after = text[m.end() : m.end() + 20].lower()
        if unit in ("day", "week", "month", "year") and re.match(r"\s+(?:of|in|for|to)\b", after):
            pass
    return _r(m, "DATE", "anaphoric", unit=unit, n=n)


_NUMBER_NEXT = re.compile(rf"\s+(?:\d|{NUMWORD}\b)", re.IGNORECASE)


@rule(
    "duration",
    rf"(?:(?P<det>the|a|an|another|an\s+additional|each\s+of\s+the)\s+)?(?:(?P<mod>about|almost|nearly|more\s+than|less\s+than|at\s+least|up\s+to|over|under|only|just|roughly|some|approximately|no\s+more\s+than|no\s+less\s+than|the\s+past|the\s+last|the\s+next|the\s+first|the\s+final|past|last|next|first|final|recent|coming|ensuing)\s+)?(?P<n>{COUNT})(?:\s+(?:or|to|and)\s+(?P<n2>{COUNT}))?(?P<sep>[\s-]+)(?:trading\s+|business\s+|calendar\s+|full\s+|straight\s+|consecutive\s+)?(?P<u>{UNIT})(?P<old>[\s-]+old)?(?!\w)",
)
def _duration(m: re.Match[str], text: str) -> Reading | None:
    unit_word = m["u"].lower()
    grain, letter = UNITS[unit_word]
    n_text = m["n"].lower()
    if n_text in ("a", "an") and m["sep"].strip() == "-":
        return None
    after = text[m.end() : m.end() + 12].lower()
    if re.match(r"\s+(?:ago|earlier|later|before|after|from\s+now|hence)\b", after):
        return None
    if m["old"]:
        return None  # an age ("a 52-year-old"), not a stretch of time
    before = text[max(0, m.start() - 3) : m.start()]
    if re.search(r"[$£€]\s*$", before):
        return None
    if n_text in ("a", "an") and not m["det"] and not m["mod"]:
        # "$5 a year" is a rate: a SET.
        before = text[max(0, m.start() - 14) : m.start()].lower()
        if re.search(r"(?:[\d%]|dollars?|cents?|euros?|pounds?|times|once|twice)\s*$", before):
            return _r(
                m,
                "SET",
                "set",
                value=duration_value(1, letter, grain in ("hour", "minute", "second")),
            )
    n = _number(n_text)
    time_unit = grain in ("hour", "minute", "second")
    n2 = _number(m["n2"].lower()) if m["n2"] else None
    value = duration_value(n2 if n2 is not None else n, letter, time_unit)
    start = m.start()
    if m["det"] and m["det"].lower() in ("a", "an", "another") and n_text not in ("a", "an"):
        start = m.start("mod") if m["mod"] else m.start("n")
    if m["old"] or m["sep"].strip() == "-":
        start = m.start("n")  # "a five-year plan": the determiner belongs to the plan
    return Reading(
        start, m.end("u") if not m["old"] else m.end(), "DURATION", "duration", {"value": value}
    )


@rule(
    "set",
    rf"(?P<every>every|each|per)\s+(?:(?P<n>other|{COUNT})\s+)?(?P<u>{UNIT}|{WEEKDAY}|{MONTH}|{SEASON})(?!\w)|(?P<adv>daily|weekly|monthly|yearly|annually|quarterly|hourly|nightly|biweekly|bimonthly|semiannually|semi-annually|twice\s+a\s+(?:day|week|month|year)|once\s+a\s+(?:day|week|month|year)|a\s+year|a\s+month|a\s+week|a\s+day)(?!\w)",
)
def _set(m: re.Match[str], text: str) -> Reading | None:
    if m["adv"]:
        adv = m["adv"].lower()
        if adv.startswith("a "):
            before = text[max(0, m.start() - 14) : m.start()].lower()
            if not re.search(
                r"(?:[\d%]|dollars?|cents?|euros?|pounds?|times|million|billion)\s*$", before
            ):
                return None
        after = text[m.end() : m.end() + 12].lower()
        if adv in ("daily", "weekly", "monthly", "quarterly") and re.match(
            r"\s+(?:newspaper|paper|magazine|journal|mail|news|telegraph|express|star|post|herald|show|report|meeting|dividend|basis|average|figures|payment)s?\b",
            after,
        ):
            return None
        if (
            adv in ("daily", "weekly", "monthly")
            and _capitalised(m["adv"])
            and m.start() > 0
            and text[m.start() - 1] != "\n"
            and text[max(0, m.start() - 2) : m.start()].strip() not in (".", "")
        ):
            return None
        unit = {"daily": "D", "nightly": "D", "weekly": "W", "monthly": "M", "yearly": "Y",
                "annually": "Y", "quarterly": "3M", "hourly": "TH", "biweekly": "2W",
                "bimonthly": "2M", "semiannually": "6M", "semi-annually": "6M"}.get(adv)  # fmt: skip
        if unit is None:
            unit = {"day": "D", "week": "W", "month": "M", "year": "Y"}[adv.split()[-1]]
        value = (
            f"PT1{unit[1:]}"
            if unit.startswith("T")
            else f"P{unit}"
            if unit[0].isdigit()
            else f"P1{unit}"
        )
        return _r(m, "SET", "set", value=value)
    u = m["u"].lower().rstrip(".")
    if u in UNITS:
        grain, letter = UNITS[u]
        n = (
            _number(m["n"].lower())
            if m["n"] and m["n"].lower() != "other"
            else (2 if m["n"] else 1)
        )
        value = (
            f"P{_period(int(n or 1), letter)}"
            if grain not in ("hour", "minute", "second")
            else f"PT{int(n or 1)}{letter}"
        )
        return _r(m, "SET", "set", value=value)
    if u in WEEKDAYS:
        return _r(m, "SET", "set", value=f"XXXX-WXX-{WEEKDAYS[u]}")
    if u in MONTHS:
        return _r(m, "SET", "set", value=f"XXXX-{MONTHS[u]:02d}")
    return _r(m, "SET", "set", value=f"XXXX-{SEASONS.get(u, 'XX')}")


@rule(
    "holiday",
    rf"(?P<rel>last|next|this)?\s*(?P<h>{_alt(list(FIXED_HOLIDAYS) + list(MOVABLE_HOLIDAYS))})(?:\s+(?P<y>{YEAR4}))?(?!\w)",
)
def _holiday(m: re.Match[str], text: str) -> Reading | None:
    name = m["h"].lower()
    if not _capitalised(m["h"]) and name not in ("halloween",):
        return None
    start = m.start("rel") if m["rel"] else m.start("h")
    data = {"holiday": name, "rel": (m["rel"] or "").lower()}
    if m["y"]:
        data["year"] = int(m["y"])
    return Reading(start, m.end(), "DATE", "holiday", data)


@rule("range-year", rf"(?P<a>{YEAR4})\s*[–—-]\s*(?P<b>\d\d)(?![\d%])")
def _range_year(m: re.Match[str], text: str) -> Reading | None:
    a = int(m["a"])
    b = a // 100 * 100 + int(m["b"])
    if b <= a:
        return None
    return _r(m, "DATE", "range", first={"year": a}, second={"year": b},
              split=m.start("b"), a_end=m.end("a"))  # fmt: skip


@rule(
    "range-days",
    rf"(?P<d1>{DAYNUM_DOT})(?:\s*[–—-]\s*|\s+(?:to|and|through|au|et|bis|und|al|y)\s+)(?P<d2>{DAYNUM_DOT})\s+(?:de\s+)?(?P<mon>{MONTH})(?:,?\s+(?:de\s+)?(?P<y>{YEAR4}))?(?!\d)",
)
def _range_days(m: re.Match[str], text: str) -> Reading | None:
    if not _month_ok(m["mon"], text, m.start("mon"), m.end(), strong=True):
        return None
    return _day_range(m)


def _day_range(m: re.Match[str]) -> Reading | None:
    month = MONTHS[m["mon"].lower().rstrip(".")]
    d1, d2 = int(re.sub(r"\D", "", m["d1"])), int(re.sub(r"\D", "", m["d2"]))
    if d2 <= d1:
        return None
    year = {"year": int(m["y"])} if m["y"] else {}
    return _r(m, "DATE", "range", first={"month": month, "day": d1, **year},
              second={"month": month, "day": d2, **year}, split=m.start("d2"), a_end=m.end("d1"))  # fmt: skip


_COUNTED = re.compile(r"\s+(?!(?:in|at|on|of|and|to|for|when|with|during)\b)[a-z]")


@rule(
    "range-month-days",
    rf"(?P<mon>{MONTH})\s+(?P<d1>{DAYNUM})(?:\s*[–—-]\s*|\s+(?:to|and|through)\s+)(?P<d2>{DAYNUM})(?![\d:]|\.\d)(?:,?\s+(?P<y>{YEAR4}))?(?!\d)",
)
def _range_month_days(m: re.Match[str], text: str) -> Reading | None:
    """ "April 24-25", "March 3 to 5, 2020"."""
    if not m["y"] and _COUNTED.match(text, m.end()):
        return None  # "March 3 and 25 people": a count
    if not _month_ok(m["mon"], text, m.start(), m.end(), strong=True):
        return None
    return _day_range(m)


@rule("range-months", rf"(?P<m1>{MONTH})\s*[–—-]\s*(?P<m2>{MONTH})\s+(?P<y>{YEAR4})(?!\d)")
def _range_months(m: re.Match[str], text: str) -> Reading | None:
    if not (
        _month_ok(m["m1"], text, m.start(), m.end(), True)
        and _month_ok(m["m2"], text, m.start("m2"), m.end(), True)
    ):
        return None
    y = int(m["y"])
    return _r(m, "DATE", "range", first={"year": y, "month": MONTHS[m["m1"].lower().rstrip(".")]},
              second={"year": y, "month": MONTHS[m["m2"].lower().rstrip(".")]},
              split=m.start("m2"), a_end=m.end("m1"))  # fmt: skip


@rule(
    "year-end",
    r"(?:(?:at|by|around|near|before|until|toward|towards)\s+)?(?P<w>(?:the\s+)?(?P<edge>end|close|start|beginning|middle|turn)\s+of\s+the\s+(?P<u>year|decade|century|month|week)|year-end|year\s+end)(?![\w-])",
)
def _year_end(m: re.Match[str], text: str) -> Reading | None:
    """ "year-end", "by the end of the decade", "at the turn of the century": the part of the
    year (decade...) the text is in, or in narrative text the one it last named."""
    edge = (m["edge"] or "end").lower()
    mod = {"start": "START", "beginning": "START", "middle": "MID"}.get(edge, "END")
    if edge == "turn" and m["u"].lower() != "century":
        return None
    data = {"unit": (m["u"] or "year").lower(), "n": 0, "mod": mod, "story": True}
    return Reading(m.start("w"), m.end(), "DATE", "deictic", data)


@rule(
    "plural-units",
    r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bover\s)|(?<=\bwithin\s)|(?<=\btook\s)|(?<=\blast\s)|"
    r"(?<=\bafter\s)|(?<=\bfor\sthe\s)|(?<=\bover\sthe\s))(?P<u>years|months|weeks|days|decades|"
    r"centuries|hours|minutes)(?!\s+(?:ago|earlier|later|before|after|of\s+the))(?![\w-])",
)
def _plural_units(m: re.Match[str], text: str) -> Reading | None:
    grain, letter = UNITS[m["u"].lower()]
    return _r(
        m, "DURATION", "duration", value=duration_value(None, letter, grain in ("hour", "minute"))
    )


@rule(
    "period",
    r"(?:(?P<det>the|a|its|their)\s+)?(?P<w>year-earlier|year-ago|year-before|prior-year|"
    r"latest|same|comparable|corresponding|current|full|fiscal|calendar)[\s-]+"
    r"(?P<u>period|year|quarter)(?:\s+(?:a\s+year\s+(?:earlier|ago)|last\s+year))?(?![\w-])"
    r"|(?P<adj>year-earlier|year-ago)(?![\w-])",
)
def _period_word(m: re.Match[str], text: str) -> Reading | None:
    if m["adj"]:
        return _r(m, "DATE", "period", which="year-earlier", unit="period")
    w, unit = m["w"].lower(), m["u"].lower()
    if unit == "quarter":
        return None  # the quarter rule reads these
    if unit == "year":
        if w in ("year-earlier", "year-ago", "year-before", "prior-year"):
            return _r(m, "DATE", "deictic", unit="year", n=-1)
        if w in ("full", "fiscal", "current", "calendar", "same"):
            return _r(m, "DATE", "deictic", unit="year", n=0)
        return None
    tail = m[0].lower()
    which = (
        "year-earlier"
        if w in ("year-earlier", "year-ago", "year-before", "prior-year")
        or tail.endswith(("earlier", "ago", "last year"))
        else w
    )
    return _r(m, "DATE", "period", which=which, unit="period")


@rule(
    "vague-plural",
    r"(?P<w>recent|past|coming|next\s+few|past\s+few|last\s+few|the\s+coming|in\s+coming)\s+"
    r"(?P<u>years|months|weeks|days|decades)(?!\w)",
)
def _vague_plural(m: re.Match[str], text: str) -> Reading | None:
    w = m["w"].lower()
    before = text[max(0, m.start() - 6) : m.start()].lower()
    if w in ("past", "next few", "past few", "last few") or before.endswith("the "):
        return None  # "the past few years" is a duration: the duration rule reads it
    value = "FUTURE_REF" if "coming" in w else "PAST_REF"
    start = m.start() + (3 if w.startswith("in ") else 0)
    return Reading(start, m.end(), "DATE", "vague", {"value": value})


@rule("weekend", r"(?:(?P<rel>this|last|next|the\s+previous|the\s+following|the)\s+)weekend(?!\w)")
def _weekend(m: re.Match[str], text: str) -> Reading | None:
    rel = m["rel"].lower()
    if rel in ("this", "last", "next"):
        return None  # the relative rule reads these
    if rel == "the":
        return _r(m, "DATE", "weekend", n=None)
    return _r(m, "DATE", "anaphoric", unit="weekend", n=-1 if "previous" in rel else 1)


# --- running the rules ---------------------------------------------------------------------------
#
# Scanning the whole text with every rule costs a pass per rule. Instead one pass splits the text
# into words, each rule names the words (or numbers) it cannot match without, and the rule is
# tried only at the few word starts before such a word where its expression could begin
# (`_BEFORE_WORDS`, `_STARTERS`, `_RULE_STARTERS`, `_PREV`, `_OPENERS`). On news text this tries
# about one rule per eight words, and the text as a whole is touched only in C.

_UNIT_WORDS = set(UNITS) | {"weekend", "fiscal"}
_PARTS = {"morning", "afternoon", "evening", "night"}
_MONTHS = set(MONTHS)
_TRIGGERS: dict[str, tuple[set[str], bool]] = {
    "week-number": ({"week", "semaine", "kw", "kalenderwoche", "semana"}, True),
    # rule: (trigger words, whether numbers wake it too)
    "iso": (set(), True),
    "iso-month": (set(), True),
    "numeric": (set(), True),
    "month-day": (_MONTHS, False),
    "day-month": (_MONTHS, False),
    "month-year": (_MONTHS, False),
    "month": (_MONTHS, False),
    "year": (set(), True),
    "spoken-year": ({"nineteen", "twenty", "thousand"}, False),
    "decade": ({"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
                "nineties", "années", "jahre", "jahren"}, True),
    "century": ({"century", "centuries", "siècle", "jahrhundert", "siglo"}, False),
    "season": (set(SEASONS), False),
    "quarter": ({"quarter", "half", "q1", "q2", "q3", "q4"}, False),
    "relative": (_UNIT_WORDS, False),
    "ago": ({"ago", "earlier", "later", "before", "after", "now", "hence", "previously",
             "back"}, False),
    "deep": ({"ago", "bp", "present"}, False),
    "ago-intl": (_UNIT_WORDS, False),
    "relative-intl": ({"année", "an", "mois", "semaine", "jahr", "monat", "woche", "año", "mes",
                       "semana"}, False),
    "deictic-word": ({"today", "tonight", "yesterday", "tomorrow", "aujourd", "hier", "demain",
                      "gestern", "heute", "vorgestern", "übermorgen", "ayer", "hoy",
                      "anteayer", "mañana"}, False),
    "ref-word": ({"now", "currently", "presently", "present", "nowadays", "days", "recently",
                  "lately", "previously", "formerly", "past", "future", "soon", "recent",
                  "current", "actuellement", "maintenant", "récemment", "derzeit", "jetzt",
                  "kürzlich", "bald", "actualmente", "ahora", "recientemente", "pronto",
                  "once", "day"}, False),
    "weekday": (set(WEEKDAYS), False),
    "time": ({"noon", "midnight", "midday"}, True),
    "part-of-day": (_PARTS, False),
    "narrative": (_UNIT_WORDS | set(SEASONS) | _PARTS | {"before", "after"}, False),
    "duration": (_UNIT_WORDS, False),
    "set": (_UNIT_WORDS | set(WEEKDAYS) | _MONTHS | set(SEASONS) | {
        "daily", "weekly", "monthly", "yearly", "annually", "quarterly", "hourly", "nightly",
        "biweekly", "bimonthly", "semiannually", "semi"}, False),
    "holiday": ({"new", "christmas", "boxing", "valentine", "halloween", "independence",
                 "fourth", "bastille", "veterans", "armistice", "st", "may", "noël",
                 "weihnachten", "navidad", "thanksgiving", "easter", "good", "labor", "labour",
                 "memorial"}, False),
    "range-year": (set(), True),
    "period": ({"period", "year", "earlier", "ago", "before", "prior"}, False),
    "vague-plural": ({"years", "months", "weeks", "days", "decades"}, False),
    "weekend": ({"weekend"}, False),
    "year-end": ({"year", "end", "close", "start", "beginning", "middle", "turn"}, False),
    "plural-units": ({"years", "months", "weeks", "days", "decades", "centuries", "hours",
                      "minutes"}, False),
    "range-days": (_MONTHS, False),
    "range-month-days": (_MONTHS, False),
    "range-months": (_MONTHS, False),
}  # fmt: skip
_WORDS = re.compile(r"\w+")
# Which number-shaped words wake which rules: a rule that needs a year ignores "35".
_DIGIT_SHAPES: dict[str, re.Pattern[str]] = {
    "week-number": re.compile(r"\d{4}(?:w\d\d)?", re.IGNORECASE),
    "iso": re.compile(r"\d{4}", re.IGNORECASE),
    "iso-month": re.compile(r"\d{4}", re.IGNORECASE),
    "range-year": re.compile(r"\d{4}", re.IGNORECASE),
    "numeric": re.compile(r"\d{1,2}", re.IGNORECASE),
    "year": re.compile(r"\d{1,4}(?:BC|AD|BCE|CE)?", re.IGNORECASE),
    "decade": re.compile(r"\d{1,3}0s|\d0s|\d{4}er|\d{2,4}", re.IGNORECASE),
    "time": re.compile(r"\d{1,2}(?:am|pm|h\d\d)?", re.IGNORECASE),
}


# How many words before its trigger word a rule's match can start: "the past three years"
# starts three words before "years". A rule is only tried at those word starts.
_BEFORE_WORDS = {
    "iso": 0, "iso-month": 0, "numeric": 0, "range-year": 0, "range-days": 4,
    "range-month-days": 0, "week-number": 1,
    "month-day": 3, "day-month": 4, "month-year": 0, "month": 4, "year": 3,
    "spoken-year": 4, "decade": 5, "century": 6, "season": 5, "quarter": 7, "relative": 7,
    "ago": 6, "deep": 6, "ago-intl": 5, "relative-intl": 2, "deictic-word": 4, "ref-word": 3, "weekday": 3, "time": 3,
    "part-of-day": 3, "narrative": 4, "duration": 6, "set": 3, "holiday": 1, "period": 4,
    "vague-plural": 3, "weekend": 3, "plural-units": 0, "range-months": 2, "year-end": 4,
}  # fmt: skip
_TOKENS = re.compile(r"\w+|['’]\d")


_Entry = tuple[str, int]  # a rule, and how many words before its trigger it may start


def _trigger_table() -> tuple[dict[str, tuple[_Entry, ...]], tuple[str, ...]]:
    by_word: dict[str, list[_Entry]] = {}
    for name, (words, _) in _TRIGGERS.items():
        for word in words:
            by_word.setdefault(word, []).append((name, _BEFORE_WORDS[name]))
    digit_rules = tuple(name for name, (_, digits) in _TRIGGERS.items() if digits)
    return {w: tuple(v) for w, v in by_word.items()}, digit_rules


_BY_WORD, _DIGIT_RULES = _trigger_table()

# The words an expression can start with when it does not start with its trigger word: the
# determiners, modifiers and numbers of the rules' prefixes. Other words are never tried.
_INTL_DETERMINERS = frozenset(
    f"{stem}{end}"
    for stem in ("letzt", "vergangen", "vorig", "nächst", "kommend", "dies")
    for end in ("e", "en", "em", "er", "es")
) | frozenset("l la le el cette cet ce próximo próxima este esta".split())
_INTL_STARTERS = _INTL_DETERMINERS | frozenset("il vor hace dans in dentro".split())
_STARTERS = (
    frozenset(
        """the a an its their another additional each every of per this that last next coming
    past previous following current preceding same prior early late earlier later mid end
    beginning start middle by c ca circa around about approximately um vers hacia ad almost
    nearly more less at up over under only just roughly some no final first recent ensuing post pre
    shortly before after on in le la les el den du de des am im fiscal year right until near
    these once present full calendar comparable corresponding latest third fourth second
    half couple dozen few several many number numerous plusieurs quelques mehrere einige
    varios unos entre von desde from between années twice once day week month""".split()
    )
    | _INTL_STARTERS
    | frozenset(w.split()[0] for w in NUMBERS)
    | frozenset(ORDINALS)
    | frozenset(_CENT_WORDS)
    | frozenset(WEEKDAYS)
    | frozenset(MONTHS)
    | frozenset(SEASONS)
    | frozenset(
        f"{r}{suffix}"
        for r in "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx xxi".split()
        for suffix in ("e", "er")
    )
)


_SPLIT = re.compile(r"(\w+|'\d)")
_DIGIT_ENTRIES: dict[str, Any] = {}


# What must follow a number for a rule to be worth trying: "1998-" for ISO dates, "10:"
# or "10 a.m." for times. Most numbers in news are amounts, and this skips them cheaply.
_DIGIT_FOLLOW: dict[str, re.Pattern[str]] = {
    "week-number": re.compile(r"-?W\d", re.IGNORECASE),
    "iso": re.compile(r"-\d"),
    "iso-month": re.compile(r"-\d"),
    "range-year": re.compile(r"\s*[-–—]\s*\d"),
    "numeric": re.compile(r"[/.]\d"),
    "time": re.compile(r"[:h]\d|\s*(?:[ap]\.?m\b|in\s+the\s|at\s+night|o['’]clock)", re.IGNORECASE),
    "decade": re.compile(r"['’]?s\b|er\b|(?<=[sr])"),
}


_Test = Callable[[str, int], object]  # what the text after a number must be for a rule to try


def _digit_entries(token: str, text: str, end: int) -> tuple[_Entry, ...]:
    """The rules a number-shaped word wakes, given what follows it."""
    shaped = _DIGIT_ENTRIES.get(token)
    if shaped is None:
        shaped = _DIGIT_ENTRIES[token] = _shape_entries(token)
        if len(_DIGIT_ENTRIES) > 100_000:
            _DIGIT_ENTRIES.clear()
    always, tested = shaped
    if not tested:
        return always
    return always + tuple(e for e, test in tested if test(text, end))


def _shape_entries(token: str) -> tuple[tuple[_Entry, ...], tuple[tuple[_Entry, _Test], ...]]:
    always: list[_Entry] = []
    tested: list[tuple[_Entry, _Test]] = []
    for r in _DIGIT_RULES:
        if not _DIGIT_SHAPES[r].fullmatch(token):
            continue
        entry = (r, _BEFORE_WORDS[r])
        if not token.isdigit():  # "10am", "1990s", "44bc": the word says what it is
            always.append(entry)
        elif r in _DIGIT_FOLLOW:
            tested.append((entry, _DIGIT_FOLLOW[r].match))
        elif r == "year" and not (len(token) == 4 and token[0] in "12"):
            tested.append((entry, partial(_era_near, len(token))))
        else:
            always.append(entry)
    return tuple(always), tuple(tested)


_ERA_AFTER = re.compile(r"\s*(?:BC|B\.C|BCE|AD|A\.D|CE|av\.|v\.|a\.)", re.IGNORECASE)
_AD_BEFORE = re.compile(r"(?:AD|A\.D\.)\s*$", re.IGNORECASE)


def _era_near(length: int, text: str, end: int) -> bool:
    """Whether a number that is not a four-digit year is one all the same: "35 BC", "AD 35"."""
    start = end - length
    return bool(_ERA_AFTER.match(text, end) or _AD_BEFORE.search(text, max(0, start - 6), start))


# ASCII text, lower-cased, with every byte that is not a word character made a space.
_ASCII_WORDS = bytes(
    c + 32 if 65 <= c <= 90 else c if chr(c).isalnum() or c == 95 else 32 for c in range(256)
)
_APOSTROPHE_DIGIT = re.compile(r"['’]\d")


def _words(text: str) -> tuple[list[str], list[str], list[int]]:
    """The text's words lower-cased, as written, and where each starts."""
    if text.isascii() and not _APOSTROPHE_DIGIT.search(text):
        # Most text: bytes.translate and str.split are far cheaper than a regular expression.
        tokens = text.encode("ascii").translate(_ASCII_WORDS).decode("ascii").split(" ")
        # Each token starts where the one before it ended, plus a space.
        at = accumulate(map(add, map(len, tokens), repeat(1)), initial=0)
        words = list(filter(None, tokens))
        return words, words, list(compress(at, tokens))
    # Split into [gap, word, gap, word, ...]; the running sum of lengths gives each word's
    # start. "'90s" is split as "'9" and "0s", which the decade rule expects.
    lower = text.lower()
    # Lower-casing almost never changes a text's length; when it does ("İ"), split the text
    # itself and lower each word, so that offsets stay true.
    parts = _SPLIT.split((lower if len(lower) == len(text) else text).replace("’", "'"))
    offsets = list(accumulate(map(len, parts)))
    originals = parts[1::2]  # lower-cased unless that changed the length; digits either way
    words = originals if len(lower) == len(text) else [w.lower() for w in originals]
    return words, originals, offsets[0::2]


def _starts(text: str) -> dict[str, set[int]]:
    """For each rule, the word starts where it may match."""
    words, originals, starts = _words(text)
    by_word, starters = _BY_WORD, _STARTERS
    # Words that wake rules: trigger words, and those that start with a digit or are "'9"
    # (only those sort before ":").
    hot = [k for k, w in enumerate(words) if w < ":" or w in by_word]
    out: dict[str, set[int]] = {name: set() for name in _TRIGGERS}
    for k in hot:
        word = words[k]
        entries = by_word.get(word)
        if entries is None:
            if word[0].isdigit():
                entries = _digit_entries(originals[k], text, starts[k] + len(originals[k]))
            else:
                entries = (("decade", _BEFORE_WORDS["decade"]),)
        if k and entries in _GUARDED:
            prev = words[k - 1]
            if not prev[0].isdigit():
                entries = tuple(
                    e
                    for e in entries
                    if e[0] not in _PREV or prev in _PREV[e[0]] or word in _OPENERS.get(e[0], ())
                )
        if not entries:
            continue
        # The words before this one that an expression could start with, with how many words
        # back each is; worked out once for all the rules this word wakes.
        reach = _REACH.get(entries)
        if reach is None:
            reach = _REACH[entries] = max(e[1] for e in entries)
        earlier = [
            (k - j, starts[j], words[j])
            for j in range(max(0, k - reach), k)
            if words[j] in starters or words[j][0].isdigit()
        ]
        for name, before in entries:
            spots = out[name]
            opens = _OPENERS.get(name)
            if opens is None or word in opens:
                spots.add(starts[k])
            allowed = _RULE_STARTERS.get(name, starters)
            for distance, at, w in earlier:
                if distance <= before and (w in allowed or w[0].isdigit()):
                    spots.add(at)
    return out


# Rules whose expressions can only start with a few words (or their trigger) say which.
_COUNT_WORDS = frozenset(w.split()[0] for w in NUMBERS) | frozenset(
    w.split()[0] for w in VAGUE_NUMBERS
)
_RULE_STARTERS: dict[str, frozenset[str]] = {
    "duration": _COUNT_WORDS
    | frozenset(
        """the a an another each about almost nearly more less at up over under only just
        roughly some approximately no past last next first final recent coming ensuing""".split()
    ),
    "ago": _COUNT_WORDS
    | frozenset("about almost nearly more less some roughly just only over around".split()),
    "deep": frozenset("about some around approximately roughly c ca".split()),
    "ago-intl": _COUNT_WORDS | frozenset("il vor hace dans in dentro".split()),
    "relative-intl": _INTL_DETERMINERS,
    "range-days": frozenset(),
    "range-months": frozenset(MONTHS),
    "day-month": frozenset(WEEKDAYS) | frozenset("the le el den".split()),
    "month-day": frozenset(WEEKDAYS),
    "set": frozenset("every each per twice once a".split()),
    "narrative": frozenset(
        "later earlier early late that the same following next previous preceding prior".split()
    ),
    "relative": frozenset(
        """earlier later early late mid the end beginning start middle of by last this next
        coming past previous following current preceding same""".split()
    ),
    "year": frozenset(
        """c ca circa around about approximately um vers hacia ad mid early late pre post fiscal
        the end beginning start middle""".split()
    ),
    "year-end": frozenset(
        """at by around near before until toward towards the end close start beginning middle
        turn of year""".split()
    ),
    "period": frozenset(
        """the a its their year earlier ago before prior latest same comparable corresponding
        current full fiscal calendar""".split()
    ),
}
# Rules whose trigger word must follow one of a few words (or a number): "ago" wakes the
# rule for "three years ago" only after a unit of time.
_COUNT_LAST = (
    frozenset(w.split()[-1] for w in NUMBERS)
    | frozenset(w.split()[-1] for w in VAGUE_NUMBERS)
    | frozenset(SMALL.split("|"))
)
_REL_LAST = frozenset(
    "last this next coming past previous following current preceding same".split()
)
_PREV: dict[str, frozenset[str]] = {
    "ago": frozenset(UNITS) | {"so", "from"},
    "deep": frozenset({"years", "before"}),
    "vague-plural": frozenset({"recent", "past", "coming", "few"}),
    "plural-units": frozenset({"for", "in", "over", "within", "took", "last", "after", "the"}),
    "weekend": frozenset({"this", "last", "next", "previous", "following", "the"}),
    "relative": _REL_LAST | {"fiscal"},
    "narrative": frozenset(
        "that same following next previous preceding prior the day week month year".split()
    ),
    "duration": _COUNT_LAST
    | frozenset("trading business calendar full straight consecutive".split()),
    "set": _COUNT_LAST | frozenset({"every", "each", "per", "other", "a"}),
    "ago-intl": _COUNT_LAST,
    "relative-intl": _INTL_DETERMINERS,
}
_GUARDED = {e for e in _BY_WORD.values() if any(name in _PREV for name, _ in e)}

# Rules that start with only some of their trigger words, or none: "three years ago" is
# found from "three", never from "ago".
_OPENERS: dict[str, frozenset[str]] = {
    **{name: frozenset() for name in (
        "duration", "ago", "deep", "range-days", "vague-plural", "weekend", "relative", "narrative",
        "ago-intl", "relative-intl",
    )},
    "set": frozenset(_TRIGGERS["set"][0]) - _UNIT_WORDS - set(WEEKDAYS) - _MONTHS - set(SEASONS),
    "period": frozenset({"year", "prior"}),
}  # fmt: skip
_REACH: dict[tuple[_Entry, ...], int] = {}  # the furthest a word's rules look back


def find(text: str) -> list[Reading]:
    """Every temporal expression in `text`, as non-overlapping readings in text order."""
    found: list[Reading] = []
    for name, spots in _starts(text).items():
        pattern, reader = _BY_NAME[name]
        for start in spots:
            m = pattern.match(text, start)
            if m is None or m.end() == start:
                continue
            try:
                reading = reader(m, text)
            except (ValueError, KeyError, IndexError, OverflowError):
                reading = None
            if reading is not None and reading.end > reading.start:
                reading.rule = name
                found.append(reading)
    return _longest_first(found)


_BY_NAME = {name: (pattern, reader) for name, pattern, reader in RULES}
_PRIORITY = {name: i for i, (name, _, _) in enumerate(RULES)}


def _longest_first(found: list[Reading]) -> list[Reading]:
    found.sort(key=lambda r: (-(r.end - r.start), r.start, _PRIORITY[r.rule]))
    taken: list[Reading] = []
    occupied: list[tuple[int, int]] = []
    for r in found:
        i = bisect.bisect_left(occupied, (r.start, r.start))
        if any(0 <= j < len(occupied) and occupied[j][0] < r.end and r.start < occupied[j][1]
               for j in (i - 1, i)):  # fmt: skip
            continue
        bisect.insort(occupied, (r.start, r.end))
        taken.append(r)
    taken.sort(key=lambda r: r.start)
    return taken
