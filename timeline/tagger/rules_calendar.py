"""Rules for dates on the calendar: "3 March 2013", "2013-03-22", "March", "1998", "44 BC",
"the 1990s", "the 19th century", "summer 2013", "the third quarter", "week 12 of 2013",
holidays, and ranges such as "1939–45" and "April 24-25".

Each rule is a regular expression and a reader that rejects the match ("May" the modal, "$4
billion", "1,500 troops") or says what it found as a `Reading`.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from timeline.model import is_next_year
from timeline.tagger.lexicon import (
    COUNTED,
    FIXED_HOLIDAYS,
    MONTHS,
    MOVABLE_HOLIDAYS,
    NUMBERS,
    SEASONS,
    WEEKDAYS,
)
from timeline.tagger.patterns import (
    DAYNUM,
    DAYNUM_DOT,
    ENGLISH_WEEKDAYS,
    MONTH,
    SEASON,
    SMALL,
    SPOKEN_YEAR,
    WEEKDAY,
    YEAR4,
    Reading,
    alt,
    capitalised,
    mod_of,
    month_ok,
    read_as,
    rule,
    spoken_year,
)


@rule("iso", r"(?<![\d/-])(?P<y>\d{4})(?P<sep>[-/])(?P<m>\d\d?)(?P=sep)(?P<d>\d\d?)(?:[T ](?P<H>\d\d):(?P<M>\d\d)"
      r"(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d/-])")  # fmt: skip
def _iso(m: re.Match[str], text: str) -> Reading | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    if m["H"]:
        seconds = re.match(r"[^T ]*[T ]\d\d:\d\d:(\d\d)", m[0])  # kept when written
        return read_as(m, "TIME", "absolute", year=y, month=mo, day=d, hour=int(m["H"]),
                  minute=int(m["M"]), second=int(seconds[1]) if seconds else None)  # fmt: skip
    return read_as(m, "DATE", "absolute", year=y, month=mo, day=d)


@rule(
    "week-number",
    rf"(?<![\w-])(?P<iy>{YEAR4})-?W(?P<iw>[0-5]\d)(?![\w-])|(?:(?:the\s+)?(?:week|semaine|KW|Kalenderwoche|semana)\s+(?P<w>[1-5]?\d)(?:\s+(?:of|de|del)\s+|,?\s+)(?P<y>{YEAR4}))(?!\d)",
)
def _week_number(m: re.Match[str], text: str) -> Reading | None:
    """ "2013-W12", "week 12 of 2013", "KW 12 2013": ISO weeks."""
    year, week = int(m["iy"] or m["y"]), int(m["iw"] or m["w"])
    if not 1 <= week <= datetime.date(year, 12, 28).isocalendar().week:
        return None
    return read_as(m, "DATE", "absolute", year=year, grain="week", n=week)


@rule("iso-month", r"(?<![\d-])(?P<y>1\d\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])(?![\d-])")
def _iso_month(m: re.Match[str], text: str) -> Reading | None:
    if int(m["m"]) == (int(m["y"]) + 1) % 100:
        return None  # "in 2007-08": two years (the range rule), not August 2007
    return read_as(m, "DATE", "absolute", year=int(m["y"]), month=int(m["m"]))


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
    return read_as(
        m, "DATE", "absolute", year=y, month=month, day=day, order_guessed=a <= 12 and b <= 12
    )


_YEAR_TAIL = rf"(?:,?\s*(?:del?\s+)?(?P<y>{YEAR4}|\d{{1,4}}\s*(?:BC|B\.C\.|BCE|AD|A\.D\.|CE)))"
_WD_HEAD = rf"(?:(?P<wd>{WEEKDAY}),?\s+(?:(?:the|le|el|den)\s+)?)?"


@rule("month-day", rf"{_WD_HEAD}(?P<mon>{MONTH})\s+(?P<d>{DAYNUM})(?!\d|[:.]\d){_YEAR_TAIL}?(?!\d)")
def _month_day(m: re.Match[str], text: str) -> Reading | None:
    if not month_ok(m["mon"], text, m.start("mon"), m.end(), strong=True):
        return None
    if (
        m["wd"]
        and not capitalised(m["wd"])
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
        if m["wd"] and (capitalised(m["wd"]) or m["wd"].lower() not in ENGLISH_WEEKDAYS)
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
    if not month_ok(m["mon"], text, m.start("mon"), m.end(), strong=True):
        return None
    day = int(re.sub(r"\D", "", m["d"]))
    before = text[max(0, m.start() - 3) : m.start()]
    if re.search(r"[\d$£€.,]\Z", before):  # (not "$": "cases.\n17 July" has its day)
        return None
    return _month_day_reading(m, day, m["mon"], m["y"])


@rule("roman-day", rf"(?P<n>Ides|Nones|Kalends|Calends)\s+of\s+(?P<mon>{MONTH}){_YEAR_TAIL}?(?!\d)")
def _roman_day(m: re.Match[str], text: str) -> Reading | None:
    """ "the Ides of March, 44 BC": the Roman calendar's named days. The Kalends are the
    1st; the Nones the 7th of March, May, July and October and the 5th of other months; the
    Ides eight days after the Nones."""
    if not capitalised(m["n"]):
        return None
    month = MONTHS[m["mon"].lower().rstrip(".")]
    nones = 7 if month in (3, 5, 7, 10) else 5
    day = {"i": nones + 8, "n": nones}.get(m["n"][0].lower(), 1)
    if m["y"]:
        y, _ = _year_value(m["y"])
        return read_as(m, "DATE", "absolute", year=y, month=month, day=day)
    return read_as(m, "DATE", "month-day", month=month, day=day)


def _year_value(text: str) -> tuple[int, bool]:
    """ "1998" -> (1998, False); "44 BC" -> (-43, True)."""
    digits = int(re.sub(r"\D", "", text.split()[0] if text.split() else text) or 0)
    bc = bool(re.search(r"B\.?C", text, re.IGNORECASE))
    return (1 - digits if bc else digits), bc


_MOD = r"(?P<mod>early|late|mid|mid-|the\s+(?:beginning|end|middle|start)\s+of|(?:fin|début|mi-)|anfang|ende|mitte)"


@rule(
    "month-year",
    rf"(?:{_MOD}[\s-]*)?(?P<mon>{MONTH})\s*(?:,|of|de|del)?\s+(?P<y>{YEAR4}|\d{{1,4}}\s*(?:BC|B\.C\.|BCE|AD|A\.D\.))(?![\d,.]\d)",
)
def _month_year(m: re.Match[str], text: str) -> Reading | None:
    if not month_ok(m["mon"], text, m.start(), m.end(), strong=True):
        return None
    y, _ = _year_value(m["y"])
    return read_as(m, "DATE", "absolute", year=y, month=MONTHS[m["mon"].lower().rstrip(".")],
                   mod=mod_of(m["mod"]))  # fmt: skip


@rule(
    "month",
    rf"(?:(?P<rel>last|next|this|that|this\s+past|this\s+coming|the\s+following|the\s+previous)\s+|{_MOD}[\s-]*)?(?P<mon>{MONTH})(?:\s+(?:of\s+)?(?P<ty>this|last|next)\s+year|\s+(?P<after>dernier|prochain|passé|pasado|próximo))?(?!\w|['’](?!s\b))",
)
def _month(m: re.Match[str], text: str) -> Reading | None:
    strong = bool(m["rel"] or m["mod"] or m["after"])
    if not month_ok(m["mon"], text, m.start("mon"), m.end(), strong=strong):
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
    if m["after"]:  # "en décembre dernier", "el próximo marzo" is read by its own words
        rel = "next" if m["after"].lower() in ("prochain", "próximo") else "last"
    if rel and _DAY_NEXT.match(text, m.end()):
        return None  # "last Oct. 23": the month-day rule reads the day, the tense its year
    month = MONTHS[m["mon"].lower().rstrip(".")]
    if m["ty"]:
        step = {"this": 0, "last": -1, "next": 1}[m["ty"].lower()]
        return read_as(m, "DATE", "month", month=month, year_step=step, mod=mod_of(m["mod"]))
    return read_as(m, "DATE", "month", month=month, rel=rel, mod=mod_of(m["mod"]))


# "of district 1500", "room 1906", "flight 1549": a number after a noun that numbers things
# is that thing's number, not a year.
_NUMBERED = re.compile(
    r"\b(?:district|ward|precinct|zone|sector|block|lot|plot|unit|room|suite|floor|gate|"
    r"platform|track|route|highway|interstate|bus|flight|train|page|article|section|clause|"
    r"paragraph|chapter|rule|number|model|item|exhibit|cell|box|division|regiment|battalion|"
    r"squadron|channel|pier|berth|apartment)s?\s*$",
    re.IGNORECASE,
)
_DAY_NEXT = re.compile(r"\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?![.,:]\d)")


@rule(
    "year",
    rf"(?:(?P<approx>c\.|ca\.|circa|around|about|approximately|um|vers|hacia)\s+)?(?:(?P<pre>mid|early|late|pre|post)-|(?P<pre2>(?:early|late)(?:\s+in)?|mid|fiscal|(?:the\s+)?(?:end|beginning|start|middle)\s+of)\s+)?(?:(?P<ad>AD|A\.D\.)\s*(?P<ady>\d{{1,4}})|(?P<y>\d{{1,4}})\s*(?P<era>BCE|BC|B\.C\.(?:E\.)?|AD|A\.D\.|CE|av\.\s*J\.-C\.|v\.\s*Chr\.|a\.\s*C\.)|(?P<plain>{YEAR4}))(?P<q>\?)?(?![\w'’](?![sS]\b)|[.,]\d|-\d|\s*(?:%|percent))",
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
            r"[$£€¥#]\s*$|\bNo\.\s*$|\b(?:pp?\.|ISO|Boeing|Airbus)\s*$",
            before,
            re.IGNORECASE,
        ) or _NUMBERED.search(text, max(0, m.start("plain") - 24), m.start("plain")):
            return None
        if (
            re.search(r"\d[\d,.]*\Z|[-–]\Z", before)
            and not re.search(r"\d{4}\s*[-–]\s*$", before)
            and not m["pre"]
            and not m["pre2"]
        ):
            return None
        if re.match(r"[-/.]\d{1,2}[-/.]\d", after):
            return None  # the year of "2021/02/30", a day that does not exist, is no date either
        led = re.search(r"(?i)\b(?:in|since|by)\s*$", before)  # "In 1990 troops entered"
        if _STREET.match(after) and not led:
            return None  # "1600 Pennsylvania Avenue": a house number
        word = re.match(r"\s+([a-z]+)", after)
        if word and word[1] in COUNTED and not led:
            return None  # "shipped 2000 laptops"
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
    pre = (m["pre"] or m["pre2"] or "").lower()
    mod = "" if pre in ("", "fiscal", "pre", "post") else mod_of(pre)  # "pre-1990": no part
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
    return read_as(m, "DATE", "absolute", year=y)


@rule(
    "decade",
    rf"(?:the\s+)?(?:{_MOD}[\s-]*(?:the\s+)?)?(?:(?P<y>\d{{2,3}}0)'?s|['’](?P<yy>\d)0'?s|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)|(?:les\s+)?années\s+(?P<fr>\d{{2,4}})|(?P<de>\d{{4}})er(?:\s+Jahren?)?)(?:\s+(?P<bc>BCE|BC|B\.C\.))?(?!\w)",
)
def _decade(m: re.Match[str], text: str) -> Reading | None:
    if m["y"] and m["bc"]:  # "the 470s BC": 479 to 470 BC
        return read_as(m, "DATE", "absolute", year=1 - int(m["y"]) - 9, grain="decade",
                       mod=mod_of(m["mod"]))  # fmt: skip
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
    if m["y"] and len(m["y"]) == 4 and y % 100 == 0 and y < 2000:
        # "the 1800s", "the early 1900s" are centuries in common use, as YAML dates read them;
        # "the early 2000s" is most often the decade of the housing boom.
        return read_as(m, "DATE", "absolute", year=y, grain="century", mod=mod_of(m["mod"]))
    return read_as(m, "DATE", "absolute", year=y, grain="decade", mod=mod_of(m["mod"]))


CENT_WORDS = {
    w: i
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first".split(),
        1,
    )
}


@rule(
    "century",
    rf"(?:the\s+)?(?:{_MOD}[\s-]*(?:the\s+)?)?(?P<n>\d{{1,2}}(?:st|nd|rd|th|e|er|ème|\.)?|{alt(CENT_WORDS)}|[IVX]+e)[\s-]+(?P<u>century|centuries|siècle|Jahrhundert|siglo)(?:\s+(?P<bc>BC|B\.C\.|BCE|av\.\s*J\.-C\.))?(?!\w)",
)
def _century(m: re.Match[str], text: str) -> Reading | None:
    raw = m["n"].lower()
    if raw in CENT_WORDS:
        n = CENT_WORDS[raw]
    elif re.fullmatch(r"[ivx]+e", raw):
        n = _roman(raw[:-1])
    else:
        n = int(re.sub(r"\D", "", raw))
    if not 1 <= n <= 22:
        return None
    if m["bc"]:
        return read_as(
            m, "DATE", "absolute", year=1 - n * 100, grain="century", mod=mod_of(m["mod"])
        )
    # The 19th century is 1801-1900, as a YAML date reads it (and "the 1800s" 1800-1899).
    return read_as(m, "DATE", "absolute", year=(n - 1) * 100 + 1, grain="century",
                   mod=mod_of(m["mod"]))  # fmt: skip


def _roman(s: str) -> int:
    values = {"i": 1, "v": 5, "x": 10}
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = values[a]
        total += -v if b != " " and values[b] > v else v
    return total


@rule(
    "season",
    rf"(?:(?P<rel>last|next|this|that|that\s+same|the\s+same|this\s+past|this\s+coming|the\s+following|the\s+previous)\s+|(?:the\s+)?{_MOD}[\s-]*|(?P<the>the\s+))?(?P<s>{SEASON})(?:\s+(?:of\s+|de\s+)?(?P<y>{YEAR4}|\d{{1,4}}\s*(?:BCE|BC|B\.C\.))(?:[–/-](?P<y2>\d\d)(?!\d))?)?(?!\w)",
)
def _season(m: re.Match[str], text: str) -> Reading | None:
    season = SEASONS[m["s"].lower()]
    if m["y2"] and (
        season != "WI" or not m["y"].isdigit() or not is_next_year(int(m["y"]), m["y2"])
    ):
        return None  # "the winter of 1941-42" runs into the next year; no other season does
    if m["y"]:
        year, _ = _year_value(m["y"])
        return read_as(m, "DATE", "absolute", year=year, grain="season", season=season)
    # "the fall of the regime" is its downfall; "a spring offensive", "the fall campaign" a
    # season, as is "the spring and summer".
    if m["s"].lower() == "fall" and re.match(r"\s+of\b", text[m.end() : m.end() + 4]):
        return None
    pair = _SEASON_NEXT.match(text, m.end())
    if pair and pair["y"]:  # "the summer and autumn of 481 BC": the year of both
        year, _ = _year_value(pair["y"])
        return read_as(m, "DATE", "absolute", year=year, grain="season", season=season)
    named = (
        _SEASON_NOUN.match(text, m.end())
        or _SEASON_PAIR.search(text, max(0, m.start() - 20), m.start())
        or pair
    )
    if m["s"].lower() == "fall" and not (m["rel"] or m["the"] or m["mod"] or named):
        return None
    # "the winter" is a season after any word ("passed the winter"); "the fall", only where
    # a word before says so.
    the_season = bool(m["the"]) and m["s"].lower() in ("spring", "summer", "winter", "autumn")
    before = text[max(0, m.start() - 12) : m.start()].lower().split()
    if not (m["rel"] or m["mod"] or named or the_season) and not (
        before
        and before[-1]
        in (
            "of",
            "in",
            "during",
            "this",
            "last",
            "next",
            "by",
            "until",
            "since",
            "en",
            "im",
            "over",
            "through",
            "throughout",
            "after",
            "before",
            "from",
        )
    ):
        return None
    rel = m["rel"].lower().split()[-1] if m["rel"] else ""
    if rel == "same":
        rel = "that"
    return read_as(m, "DATE", "season", season=season, rel=rel)


_SEASON_NOUN = re.compile(
    r"\s+(?:campaigns?|offensives?|fighting|operations?|session|term|elections?|"
    r"manoeuvres|maneuvers)\b",
    re.IGNORECASE,
)
_SEASON_PAIR = re.compile(rf"\b(?:{SEASON})\s+and\s+$", re.IGNORECASE)
_SEASON_NEXT = re.compile(
    rf"\s+and\s+(?:the\s+)?(?:{SEASON})(?:\s+of\s+(?P<y>{YEAR4}|\d{{1,4}}\s*(?:BCE|BC|B\.C\.)))?\b",
    re.IGNORECASE,
)


@rule(
    "quarter",
    rf"(?:(?P<ys>this|last|next)\s+year['’]s\s+)?(?:(?P<det>the|its|their|a)\s+)?(?:(?P<y1>{YEAR4})(?:['’]s)?\s+)?(?:(?P<rel>latest|current|this|last|previous|past|next|coming|same|year-earlier|year-ago|prior-year|fiscal)\s+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|latter)(?:[\s-]+|-)(?:fiscal\s+)?)?(?P<u>quarter|half)(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y2>{YEAR4}))?(?![\w-])|\b(?P<q>Q[1-4])(?:\s+(?P<y3>{YEAR4}))?\b",
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
            "latter": 2,  # "the latter half of 2008"
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
    if year and n:
        data = {"year": int(year), "grain": unit, "n": n, "rel": rel}
        return Reading(start, m.end(), "DATE", "absolute", data)
    data = {"n": n, "unit": unit, "rel": rel}
    if year:
        data["year"] = int(year)  # "the 1988 quarter": the quarter told of, in 1988
    return Reading(start, m.end(), "DATE", "quarter", data)


@rule(
    "holiday",
    rf"(?P<rel>last|next|this)?\s*(?P<h>{alt(list(FIXED_HOLIDAYS) + list(MOVABLE_HOLIDAYS))})(?:\s+(?P<y>{YEAR4}))?(?!\w)",
)
def _holiday(m: re.Match[str], text: str) -> Reading | None:
    name = m["h"].lower()
    if not capitalised(m["h"]) and name not in ("halloween",):
        return None
    start = m.start("rel") if m["rel"] else m.start("h")
    data = {"holiday": name, "rel": (m["rel"] or "").lower()}
    if m["y"]:
        data["year"] = int(m["y"])
    return Reading(start, m.end(), "DATE", "holiday", data)


@rule(
    "day-of-month",
    r"\b(?:on|by|before|after|until|till|from|since|through|and|to)\s+(?P<the>the)\s+(?P<d>3[01](?:st|th)|[12]?\d(?:st|nd|rd|th))(?=\s*(?:[.,;:)!?]|$)|\s+(?:of\s+(?:this|the|next)\s+month|and|or|to|at|when)\b)",
)
def _day_of_month(m: re.Match[str], text: str) -> Reading | None:
    """ "before the 15th", "on the 3rd": a day of the month the text is in."""
    day = int(re.sub(r"\D", "", m["d"]))
    if not 1 <= day <= 31:
        return None
    return Reading(m.start("the"), m.end(), "DATE", "day-of-month", {"day": day})


@rule("range-year", rf"(?P<a>{YEAR4})\s*[–—-]\s*(?P<b>{YEAR4}|\d\d)(?![\d%])")
def _range_year(m: re.Match[str], text: str) -> Reading | None:
    """ "1939-45", "1861-1863": two years, the second after the first."""
    a = int(m["a"])
    b = int(m["b"]) if len(m["b"]) == 4 else a // 100 * 100 + int(m["b"])
    if not a < b <= a + 100:
        return None
    return read_as(m, "DATE", "range", first={"year": a}, second={"year": b},
              split=m.start("b"), a_end=m.end("a"))  # fmt: skip


@rule(
    "range-era",
    r"(?P<a>\d{1,4})\s*(?:[–—-]|to|and|or)\s*(?P<b>\d{1,4})\s*(?:BCE|BC|B\.C\.(?:E\.)?)(?!\w)",
)
def _range_era(m: re.Match[str], text: str) -> Reading | None:
    """ "499 to 493 BC", "396-395 BC": the era written once covers both years, which count
    down."""
    a, b = int(m["a"]), int(m["b"])
    # Within a century, or any span after "from" or "between" ("from 509 to 27 BC").
    headed = re.search(r"\b(?:from|between)\s+$", text[max(0, m.start() - 9) : m.start()], re.I)
    if not (b < a <= b + 100 or (headed and b < a)) or re.search(
        r"[\d.,]$", text[max(0, m.start() - 1) : m.start()]
    ):
        return None
    return read_as(m, "DATE", "range", first={"year": 1 - a}, second={"year": 1 - b},
              split=m.start("b"), a_end=m.end("a"))  # fmt: skip


@rule(
    "range-days",
    rf"(?P<d1>{DAYNUM_DOT})(?:\s*[–—-]\s*|\s+(?:to|and|through|au|et|bis|und|al|y)\s+)(?P<d2>{DAYNUM_DOT})\s+(?:de\s+)?(?P<mon>{MONTH})(?:,?\s+(?:de\s+)?(?P<y>{YEAR4}))?(?!\d)",
)
def _range_days(m: re.Match[str], text: str) -> Reading | None:
    if not month_ok(m["mon"], text, m.start("mon"), m.end(), strong=True):
        return None
    return _day_range(m)


def _day_range(m: re.Match[str]) -> Reading | None:
    month = MONTHS[m["mon"].lower().rstrip(".")]
    d1, d2 = int(re.sub(r"\D", "", m["d1"])), int(re.sub(r"\D", "", m["d2"]))
    if d2 <= d1:
        return None
    year = {"year": int(m["y"])} if m["y"] else {}
    return read_as(m, "DATE", "range", first={"month": month, "day": d1, **year},
              second={"month": month, "day": d2, **year}, split=m.start("d2"), a_end=m.end("d1"))  # fmt: skip


_STREET = re.compile(
    r"(?:\s+[A-Z][a-z]+){1,3}\s+(?:Street|St\.|Avenue|Ave\.?|Road|Rd\.|Boulevard|Blvd\.?|Lane|"
    r"Drive|Dr\.|Place|Square|Court|Terrace|Parkway|Highway)\b"
)
# After "March 3 and 25", a word that makes the second number a count: not a preposition, a
# conjunction or a verb ("Surrendering on May 4 and 5 were the departments").
_COUNTED = re.compile(
    r"\s+(?!(?:in|at|on|of|and|or|but|to|for|when|while|with|during|as|after|before|were|was|"
    r"is|are|had|has|have|saw|respectively)\b)[a-z]"
)


@rule(
    "range-month-days",
    rf"(?P<mon>{MONTH})\s+(?P<d1>{DAYNUM})(?:\s*[–—-]\s*|\s+(?:to|and|through)\s+)(?P<d2>{DAYNUM})(?![\d:]|\.\d)(?:,?\s+(?P<y>{YEAR4}))?(?!\d)",
)
def _range_month_days(m: re.Match[str], text: str) -> Reading | None:
    """ "April 24-25", "March 3 to 5, 2020"."""
    if not m["y"] and _COUNTED.match(text, m.end()):
        return None  # "March 3 and 25 people": a count
    if not month_ok(m["mon"], text, m.start(), m.end(), strong=True):
        return None
    return _day_range(m)


@rule("range-months", rf"(?P<m1>{MONTH})\s*[–—-]\s*(?P<m2>{MONTH})\s+(?P<y>{YEAR4})(?!\d)")
def _range_months(m: re.Match[str], text: str) -> Reading | None:
    if not (
        month_ok(m["m1"], text, m.start(), m.end(), True)
        and month_ok(m["m2"], text, m.start("m2"), m.end(), True)
    ):
        return None
    y = int(m["y"])
    return read_as(m, "DATE", "range", first={"year": y, "month": MONTHS[m["m1"].lower().rstrip(".")]},
              second={"year": y, "month": MONTHS[m["m2"].lower().rstrip(".")]},
              split=m.start("m2"), a_end=m.end("m1"))  # fmt: skip
