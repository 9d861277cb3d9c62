"""Free-form date text -> `FuzzyDate`. The one module that imports dateparser.

A fast path of our own reads the forms dateparser cannot hold in a `datetime` or does not know:
BC years, deep time, decades, centuries, millennia, seasons, quarters, qualifiers ("c.", "?") and
ranges ("1939–45", "2014–present"). dateparser reads the rest, in any language it knows, and its
reported period ("day", "month", "year", ...) becomes the precision, so "March 2013" stays a month.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Any

from timeline.errors import DateError
from timeline.labels import PRESENT_YEAR_FOR_AGES, part_of
from timeline.model import (
    Day,
    FuzzyDate,
    Precision,
    Qualifier,
    Settings,
    SourceRef,
    days_in_month,
    is_next_year,
)

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = [
    "impossible_day",
    "known_language",
    "month_span",
    "parse_date",
    "parse_span",
    "present",
    "today",
    "year_span",
]

_NONE: frozenset[Qualifier] = frozenset()


def today() -> Day:
    d = dt.date.today()
    return Day(d.year, d.month, d.day)


# -- Building blocks ----------------------------------------------------------------------------


def year_span(first: int, last: int, precision: Precision, text: str = "") -> FuzzyDate:
    return FuzzyDate(Day(first), Day(last, 12, 31), precision, _NONE, text)


def month_span(year: int, month: int, last_month: int | None = None) -> FuzzyDate:
    last = last_month or month
    end_year = year + (1 if last < month else 0)
    return FuzzyDate(
        Day(year, month), Day(end_year, last, days_in_month(end_year, last)), Precision.MONTH
    )


def _with(date: FuzzyDate, text: str, qualifiers: frozenset[Qualifier]) -> FuzzyDate:
    return FuzzyDate(date.start, date.end, date.precision, date.qualifiers | qualifiers, text)


# -- Qualifiers ---------------------------------------------------------------------------------

_APPROX = re.compile(
    r"^(?:c\.|ca\.|circa|c(?=\s*\d)|around|about|approximately|approx\.|roughly|~|≈|"
    r"vers|environ|um|etwa|hacia|alrededor\s+de|circa)\s*",
    re.IGNORECASE,
)
_UNCERTAIN_PREFIX = re.compile(r"^(?:probably|possibly|perhaps|maybe)\s+", re.IGNORECASE)
_UNCERTAIN_SUFFIX = re.compile(r"\s*\?$")
_PART = re.compile(r"^(early|mid|middle|late)[\s-]+(?:in\s+the\s+|of\s+the\s+)?", re.IGNORECASE)


def _strip_qualifiers(text: str) -> tuple[str, frozenset[Qualifier], str | None]:
    qualifiers: set[Qualifier] = set()
    part: str | None = None
    while True:
        before = text
        if m := _APPROX.match(text):
            qualifiers.add(Qualifier.APPROXIMATE)
            text = text[m.end() :]
        if m := _UNCERTAIN_PREFIX.match(text):
            qualifiers.add(Qualifier.UNCERTAIN)
            text = text[m.end() :]
        if m := _UNCERTAIN_SUFFIX.search(text):
            qualifiers.add(Qualifier.UNCERTAIN)
            text = text[: m.start()]
        if part is None and (m := _PART.match(text)):
            part = m.group(1).lower()
            text = text[m.end() :]
        if text == before:
            return text.strip(), frozenset(qualifiers), part


def _apply_part(date: FuzzyDate, part: str) -> FuzzyDate:
    """ "early 1990s" is the first third of the decade, "late 2013" the last third of the year;
    "early 29 April 1975", a day with no thirds, is only approximate."""
    first, last = part_of(date.start.ordinal, date.end.ordinal, "mid" if part == "middle" else part)
    return FuzzyDate(
        Day.from_ordinal(first),
        Day.from_ordinal(last),
        date.precision,
        date.qualifiers | {Qualifier.APPROXIMATE},
        date.text,
    )


# -- The fast path: forms read without dateparser -----------------------------------------------

_BC = r"(?:B\.?\s?C\.?(?:\s?E\.?)?|BCE|v\.\s?Chr\.?|av\.\s?J\.?-?C\.?|a\.\s?C\.?)"
_AD = r"(?:A\.?\s?D\.?|C\.?\s?E\.?|n\.\s?Chr\.?|apr\.\s?J\.?-?C\.?|d\.\s?C\.?)"
_ERA = re.compile(rf"\s*(?:(?P<bc>{_BC})|(?P<ad>{_AD}))$", re.IGNORECASE)
_AD_PREFIX = re.compile(rf"^{_AD}\s*(?=\d)", re.IGNORECASE)
_AD_BEFORE_YEAR = re.compile(r"\s+(?:A\.?\s?D\.?)\s*(?=\d{1,4}$)")  # "19 August AD 14"

_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}  # fmt: skip
_ROMAN = re.compile(r"^(?=[MDCLXVI])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")

_GROUPED = r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+"  # 12,000 and 12 000
_YEAR = re.compile(rf"^(?:the\s+year\s+)?(?P<y>-?\d{{1,9}}|{_GROUPED})$", re.IGNORECASE)
_ISO = re.compile(
    r"^(?P<y>[+-]?\d{4,9})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
# An ISO 8601 week ("2020-W05", "2020W05") is its seven days, Monday to Sunday; with a weekday
# ("2020-W05-3") it is that day.
_ISO_WEEK = re.compile(r"^(?P<y>\d{4})-?W(?P<w>\d{2})(?:-?(?P<d>[1-7]))?$", re.IGNORECASE)
# Numbers that dateparser would make a date of by guessing: "2019.5" (a decimal year?) as May
# 2019, "1e9" as 1 September this year, "12.5" as 12 May this year. They are refused (see
# `_refusal`); a month and its year with a dot ("03.2017") is no number.
_NUMBER = re.compile(
    r"^(?!\d{1,2}\.\d{4}$)[+-]?(?:\d+[.,]\d+|\d*\.\d+|\d+(?:\.\d*)?e[+-]?\d+)$", re.IGNORECASE
)
# "the 1900s" is a century; "the 1900s (decade)", as a label writes it, is 1900-1909.
_DECADE = re.compile(
    r"^(?:the\s+)?(?P<y>\d{2,4})0'?s(?P<decade>\s*\(decade\)|\s+decade)?$", re.IGNORECASE
)
# "the '60s", "the 60s", "60s": a decade written with two digits is of the 20th century, as
# people mean it; with an era ("the 60s AD", "the 60s BC") it is that decade of that era.
_SHORT_DECADE = re.compile(r"^(?:the\s+)?[’'‘]?(?P<d>\d)0'?s$", re.IGNORECASE)
_CENTURY = re.compile(
    r"^(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th|e|er|ème|\.)?\s*(?P<unit>century|centuries|"
    r"siècle|jahrhundert|siglo|secolo|millennium|millénaire|jahrtausend|milenio|millennio)$",
    re.IGNORECASE,
)
_CENTURY_WORD = re.compile(
    r"^(?:the\s+)?(?P<w>(?-i:[MDCLXVI]+)|[a-z]+(?:[\s-]first)?)(?:e|er|ème)?[\s-]+"
    r"(?P<unit>century|siècle|siglo|secolo|millennium|millénaire)$",
    re.IGNORECASE,
)
_CENTURY_SHORT = re.compile(  # "12th c.", "5th cent. BC"
    r"^(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s*c(?:ent)?\.?$", re.IGNORECASE
)
_CENTURY_LEADING = re.compile(  # "siglo XIX", "secolo XIX"
    r"^(?P<unit>siglo|secolo)\s+(?P<w>[MDCLXVI]+)$", re.IGNORECASE
)
_DEEP = re.compile(
    rf"^(?P<n>{_GROUPED}|\d+(?:[.,]\d+)?)\s*(?P<scale>thousand|million|billion|ka|kya|ma|mya|ga|bya|k)?\s*"
    r"(?:years?\s+)?(?:ago|bp|before\s+present)?$",
    re.IGNORECASE,
)
_SCALES = {
    "thousand": 1e3, "ka": 1e3, "kya": 1e3, "k": 1e3,
    "million": 1e6, "ma": 1e6, "mya": 1e6,
    "billion": 1e9, "ga": 1e9, "bya": 1e9,
}  # fmt: skip
_SEASONS = {
    "spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12,
    "printemps": 3, "été": 6, "automne": 9, "hiver": 12,
    "frühling": 3, "frühjahr": 3, "sommer": 6, "herbst": 9,
    "primavera": 3, "verano": 6, "otoño": 9, "invierno": 12, "estate": 6, "autunno": 9,
    "inverno": 12,
}  # fmt: skip
_SEASON = re.compile(
    r"^(?:the\s+)?(?P<s>[^\W\d_]+)\s+(?:of\s+|de\s+|d'|del\s+|des\s+jahres\s+)?(?P<y>\d{1,4})"
    r"(?:\s*[–/-]\s*(?P<y2>\d{2}|\d{4}))?$",
    re.IGNORECASE,
)


_QUARTER = re.compile(
    r"^(?:Q(?P<q>[1-4])|(?P<w>first|second|third|fourth)\s+quarter(?:\s+of)?)\s*(?P<y>\d{4})$",
    re.IGNORECASE,
)
_MONTH_NAMES = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}  # fmt: skip
_MONTH_YEAR = re.compile(r"^(?P<m>[a-z]+)\.?,?\s+(?P<y>\d{4})$", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(
    r"^(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>[a-z]+)\.?"
    r"|(?P<m2>[a-z]+)\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?)\s+(?P<y>\d{1,4})$",
    re.IGNORECASE,
)


def _era_year(year: int, bc: bool) -> int:
    """A year as written with its era to astronomical numbering: 44 BC -> -43."""
    return 1 - year if bc else year


def _int(text: str) -> int:
    return int(re.sub(r"[,\s]", "", text))


def _fast(text: str, bc: bool, explicit_era: bool) -> FuzzyDate | None:
    """The forms we read ourselves, or None to ask dateparser. `text` has no qualifiers."""
    if m := _ISO.match(text):
        y = int(m["y"])
        if bc:
            y = _era_year(abs(y), True)
        if m["d"]:
            try:
                day = Day(y, int(m["m"]), int(m["d"]))
            except ValueError:
                return None
            return FuzzyDate(day, day, Precision.DAY)
        if m["m"]:
            if not 1 <= int(m["m"]) <= 12:
                return None
            return month_span(y, int(m["m"]))
        if len(m["y"].lstrip("+-")) == 4 or bc or explicit_era:
            return year_span(y, y, Precision.YEAR)
    if (m := _ISO_WEEK.match(text)) and not bc:
        return _iso_week(int(m["y"]), int(m["w"]), int(m["d"]) if m["d"] else None)
    if m := _YEAR.match(text):
        y = _int(m["y"])
        if bc or explicit_era or 1 <= y <= 9999 or text.startswith("-"):
            y = _era_year(abs(y), bc) if bc else y
            return year_span(y, y, Precision.YEAR)
    if m := _SHORT_DECADE.match(text):
        base = int(m["d"]) * 10
        if not base:  # "the 00s": the 1900s or the 2000s? ("the 0s BC" would run into AD 1)
            return None
        if not explicit_era:
            return year_span(1900 + base, 1909 + base, Precision.DECADE)
        return _decade(base, bc)
    if m := _DECADE.match(text):
        base = int(m["y"]) * 10
        if not bc and base % 100 == 0 and not m["decade"]:
            # "the 1800s" is a century in common use.
            return year_span(base, base + 99, Precision.CENTURY)
        return _decade(base, bc)
    n, unit = _century_number(text)
    if n is not None and unit is not None:
        size, precision = (1000, Precision.MILLENNIUM) if unit else (100, Precision.CENTURY)
        if bc:  # the 5th century BC is 500 BC .. 401 BC
            return year_span(
                _era_year(n * size, True), _era_year((n - 1) * size + 1, True), precision
            )
        return year_span((n - 1) * size + 1, n * size, precision)
    if m := _QUARTER.match(text):
        q = (
            int(m["q"])
            if m["q"]
            else ("first", "second", "third", "fourth").index(m["w"].lower()) + 1
        )
        return month_span(int(m["y"]), 3 * q - 2, 3 * q)
    if m := _SEASON.match(text):
        month = _SEASONS.get(m["s"].lower())
        # "Winter 1941–42", "winter 1999/2000": a winter runs into the next year, and may
        # name both.
        if m["y2"] and (month != 12 or bc or not is_next_year(int(m["y"]), m["y2"])):
            month = None
        if month is not None:
            y = _era_year(int(m["y"]), bc)
            first = month_span(y, month)
            last = month_span(y + (1 if month == 12 else 0), (month + 2 - 1) % 12 + 1)
            return FuzzyDate(first.start, last.end, Precision.SEASON)
    if not explicit_era and (m := _DEEP.match(text)) and _looks_deep(text):
        number = m["n"]
        # "12,000 years ago" groups thousands; "4,54 Ga" is a decimal comma.
        number = re.sub(r"\s", "", number)
        number = (
            number.replace(",", "") if re.search(r",\d{3}$", number) else number.replace(",", ".")
        )
        return _deep(float(number) * _SCALES.get((m["scale"] or "").lower(), 1))
    if m := _MONTH_YEAR.match(text):
        month = _MONTH_NAMES.get(m["m"].lower())
        if month is not None:
            return month_span(_era_year(int(m["y"]), bc), month)
    if m := _DAY_MONTH_YEAR.match(text):
        month = _MONTH_NAMES.get((m["m1"] or m["m2"]).lower())
        if month is not None:
            try:
                day = Day(_era_year(int(m["y"]), bc), month, int(m["d1"] or m["d2"]))
            except ValueError:
                return None
            return FuzzyDate(day, day, Precision.DAY)
    return None


def _iso_week(year: int, week: int, weekday: int | None) -> FuzzyDate | None:
    """ISO week `week` of `year` (its Monday to its Sunday), or its day `weekday` (1 is Monday);
    None for a week the year does not have."""
    try:
        monday = dt.date.fromisocalendar(year, week, 1).toordinal()
    except ValueError:
        return None
    if weekday is not None:
        day = Day.from_ordinal(monday + weekday - 1)
        return FuzzyDate(day, day, Precision.DAY)
    return FuzzyDate(Day.from_ordinal(monday), Day.from_ordinal(monday + 6), Precision.DAY)


def _decade(base: int, bc: bool) -> FuzzyDate:
    if bc:  # "the 440s BC": 449 BC .. 440 BC
        return year_span(_era_year(base + 9, True), _era_year(base, True), Precision.DECADE)
    return year_span(base, base + 9, Precision.DECADE)


def _century_number(text: str) -> tuple[int | None, bool | None]:
    """("19th century") -> (19, False); ("2nd millennium") -> (2, True); else (None, None)."""
    word: str | None = None
    if m := _CENTURY.match(text):
        n = int(m["n"])
        unit = m["unit"].lower()
    elif m := _CENTURY_SHORT.match(text):
        n, unit = int(m["n"]), "century"
    elif (m := _CENTURY_WORD.match(text)) or (m := _CENTURY_LEADING.match(text)):
        word, unit = m["w"], m["unit"].lower()
        n = _ORDINAL_WORDS.get(word.lower().replace("-", " ").replace(" first", "-first"), 0)
        if not n and _ROMAN.match(word.upper()):
            n = _roman(word.upper())
    else:
        return None, None
    if not 1 <= n <= 99:
        return None, None
    return n, unit.startswith("mill") or unit == "jahrtausend" or unit == "milenio"


def _roman(s: str) -> int:
    values = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = values[a]
        total += -v if b != " " and values[b] > v else v
    return total


def _looks_deep(text: str) -> bool:
    lower = text.lower()
    return any(w in lower for w in ("ago", " bp", "before present")) or bool(
        re.search(r"\d\s*(ka|kya|ma|mya|ga|bya)$", lower)
    )


def _deep(years_ago: float) -> FuzzyDate:
    """N years ago, known to the last significant digit of N. Always `Precision.DEEP`: such a
    date is counted back from the present, not named in the calendar."""
    digits = f"{years_ago:.15g}".replace(".", "").strip("0") or "0"
    magnitude = 10 ** (len(f"{int(years_ago)}") - len(digits)) if years_ago >= 1 else 1
    unit = max(int(magnitude), 1)
    centre = PRESENT_YEAR_FOR_AGES - round(years_ago)
    first, last = centre - unit // 2, centre + (unit - 1) // 2
    return year_span(first, last, Precision.DEEP)


# -- Numbers that look like a day but name none ------------------------------------------------

_NUMERIC_YMD = re.compile(r"^(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})$")
_NUMERIC_DMY = re.compile(r"^(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})$")
_NUMERIC_YM = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})$")


def impossible_day(text: str, date_order: str | None = None, bc: bool = False) -> str | None:
    """Why a date written in figures names no day, or None when it names one or is no such form.

    "2020-13-45" -> "month 13 does not exist"; "30.02.2021" -> "2021 has no 30 February". Such a
    text is a typo, never a range: "2020-13-45" is not 2020 to 2045. "1939-45" reads as a range
    of years, so it is not refused here; "2020-13" cannot (2013 is before 2020), so it is. `bc`
    says the year was written with "BC", whose leap years are not the written year's.
    """
    text = text.strip()
    if m := _NUMERIC_YMD.match(text):
        return _day_problem(int(m["y"]), int(m["m"]), int(m["d"]), bc)
    if m := _NUMERIC_DMY.match(text):
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        readings = {"DMY": (b, a), "MDY": (a, b)}
        orders = _orders(m["sep"], date_order)
        problems = [_day_problem(y, *readings[order], bc) for order in orders]
        if any(problem is None for problem in problems):
            return None
        # Name the reading that got as far as a real month: "02/30/2021" has no 30 February.
        return next((p for p in problems if p and not p.startswith("month")), problems[0])
    if m := _NUMERIC_YM.match(text):
        y, month = int(m["y"]), int(m["m"])
        if 1 <= month <= 12 or y // 100 * 100 + month > y:
            return None  # a month, or a range of years such as "1939-45"
        return f"month {month} does not exist"
    if (m := _DAY_MONTH_YEAR.match(text)) and (
        named := _MONTH_NAMES.get((m["m1"] or m["m2"]).lower())
    ):
        return _day_problem(int(m["y"]), named, int(m["d1"] or m["d2"]), bc)
    return None


def _orders(separator: str, date_order: str | None) -> list[str]:
    """How "03.04.2017" may be read: as the document says, else day first after a dot (the
    European habit), either way after "/" or "-" (after "/" month first, as dateparser reads)."""
    if date_order in ("DMY", "MDY"):
        return [date_order]
    return {".": ["DMY"], "/": ["MDY", "DMY"]}.get(separator, ["DMY", "MDY"])


def _numeric_day(text: str, date_order: str | None) -> FuzzyDate | None:
    """ "2021/2/3" and "03.02.2021", which dateparser reads month first whatever the dot says."""
    if m := _NUMERIC_YMD.match(text):
        month, day = int(m["m"]), int(m["d"])
    elif (m := _NUMERIC_DMY.match(text)) and _orders(m["sep"], date_order)[0] == "DMY":
        month, day = int(m["b"]), int(m["a"])
    else:
        return None
    try:
        found = Day(int(m["y"]), month, day)
    except ValueError:
        return None
    return FuzzyDate(found, found, Precision.DAY)


def _day_problem(year: int, month: int, day: int, bc: bool) -> str | None:
    if not 1 <= month <= 12:
        return f"month {month} does not exist"
    if not 1 <= day <= 31:
        return f"day {day} does not exist"
    if day > days_in_month(_era_year(year, bc), month):
        return f"{year}{' BC' if bc else ''} has no {day} {_month_name(month)}"
    return None


def _refuse_impossible(text: str, settings: Settings, ref: SourceRef | None) -> None:
    if reason := _impossible_cached(text.strip(), settings.date_order):
        raise DateError(text, ref, reason)


@functools.lru_cache(maxsize=4096)
def _impossible_cached(text: str, date_order: str | None) -> str | None:
    # Cached as _parse_cached is: a file repeats its dates, and parse_span asks twice.
    core = _strip_qualifiers(text)[0]
    bc = False
    if era := _ERA.search(core):
        bc, core = era["bc"] is not None, core[: era.start()]
    return impossible_day(core, date_order, bc)


# -- dateparser, for everything else ------------------------------------------------------------


@functools.lru_cache(maxsize=16)
def _parser(languages: tuple[str, ...], date_order: str | None, timezone: str | None,
            base: Day) -> DateDataParser:  # fmt: skip
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day, 12),
        "STRICT_PARSING": False,
    }
    if date_order:
        settings["DATE_ORDER"] = date_order
    if timezone:
        settings["TIMEZONE"] = timezone
        settings["TO_TIMEZONE"] = timezone
    return DateDataParser(languages=list(languages) or None, settings=settings)


# What dateparser may guess from. It reads any word of any of its 200 languages, skips words it
# does not need and fills in what is missing from the reference date, so a hand-written field
# must not reach it when the reading would drop part of what was written: a lone short word
# ("so" is a German Sunday, "ma" a French Tuesday, "n/a" Estonian), a word that bounds a date
# ("after 1066" is not 1066), a number grouped with spaces ("10 000 years ago"), or a decade
# in two figures without a century ("the 00s"). `_refusal` says which, for the message.
_BOUND = re.compile(
    r"^(?P<w>after|before|by|until|till|up\s+to|prior\s+to|pre|post|not\s+before|not\s+after|"
    r"no\s+later\s+than|no\s+earlier\s+than|later\s+than|earlier\s+than|sometime\s+after|"
    r"sometime\s+before|après|avant|nach|bis|antes\s+de|después\s+de|dopo|prima\s+del?)"
    r"(?:\s+|\s*-\s*)(?=\S)",
    re.IGNORECASE,
)
_SPACED_NUMBER = re.compile(r"\d[ \u00a0\u202f]\d{3}(?!\d)")
_TWO_FIGURE_DECADE = re.compile(r"(?:^|\s)[’'‘]?00'?s$")
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ɏ]+")


def _refusal(core: str) -> str | None:
    """Why dateparser must not read `core` (see above), or None."""
    if m := _BOUND.match(core):
        word = re.sub(r"\s+", " ", m["w"].lower())
        return f'timeline keeps no "{word}" dates: write the date, or a span such as "1066 to 1100"'
    if m := _ISO_WEEK.match(core):
        return f"{m['y']} has no week {m['w']}" if int(m["w"]) else "weeks are numbered from 01"
    if _NUMBER.match(core):
        return "a number, not a date; write the year, or the month and year (May 2019)"
    if _SPACED_NUMBER.search(core):
        return "a number with spaces between its figures; write 10000 or 10,000"
    if _TWO_FIGURE_DECADE.search(core):
        return "the 1900s or the 2000s? write the century"
    if not any(c.isdigit() for c in core):
        words = re.findall(r"[^\W\d_]+", core)
        latin = all(_LATIN_WORD.fullmatch(w) for w in words)
        if latin and all(len(w) <= 3 for w in words):
            return "a short word alone is not a date"
    return None


_PROXY_YEARS = (2000, 2001)  # a leap and a common year, standing in for years datetime can't hold


def _dateparser(text: str, settings: Settings, bc: bool, explicit_era: bool) -> FuzzyDate | None:
    if _refusal(text) is not None:
        return None
    base = settings.reference_date or today()
    parser = _parser(settings.languages, settings.date_order, settings.timezone, base)
    # dateparser keeps dates in `datetime`, which has no BC and no year past 9999: parse with a
    # stand-in year of the same leap kind and put the real year back.
    real_year: int | None = None
    query = text
    if m := re.search(r"(?<!\d)(\d{1,4})$", text):
        written = int(m[1])
        astronomical = _era_year(written, bc)
        if bc or (explicit_era and written < 1000):
            real_year = astronomical
            proxy = _PROXY_YEARS[0] if _leap(astronomical) else _PROXY_YEARS[1]
            query = text[: m.start(1)] + str(proxy)
    elif bc:
        return None
    try:
        data = parser.get_date_data(query)
    except (ValueError, OverflowError, TypeError, AttributeError, KeyError, IndexError):
        return None
    if data.date_obj is None:
        return None
    when: dt.datetime = data.date_obj
    if any(int(n) != when.year for n in re.findall(r"(?<!\d)\d{3,4}(?!\d)", query)):
        return None  # it passed over a year that was written ("the 1990s and 2000s" as today)
    year = real_year if real_year is not None else when.year
    period = data.period or "day"
    if period == "year":
        return year_span(year, year, Precision.YEAR)
    if period == "month":
        return month_span(year, when.month)
    day = Day(year, when.month, when.day)
    if period == "week":
        start = Day.from_ordinal(day.ordinal - (when.weekday()))
        return FuzzyDate(start, Day.from_ordinal(start.ordinal + 6), Precision.DAY)
    return FuzzyDate(day, day, Precision.DAY)


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


# -- Public entry points ------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _parse_cached(text: str, settings: Settings) -> FuzzyDate | None:
    core, qualifiers, part = _strip_qualifiers(text.strip())
    core = re.sub(r"\s+", " ", core).strip(" ,.;:")
    if not core:
        return None
    bc = explicit_era = False
    if m := _ERA.search(core):
        bc = m["bc"] is not None
        explicit_era = True
        core = core[: m.start()].strip()
    elif m := _AD_PREFIX.match(core):
        explicit_era = True
        core = core[m.end() :]
    elif m := _AD_BEFORE_YEAR.search(core):
        explicit_era = True
        core = f"{core[: m.start()]} {core[m.end() :]}"
    date = _fast(core, bc, explicit_era) or (
        None if bc else _numeric_day(core, settings.date_order)
    )
    if date is None and core.lower() in _TODAY_WORDS:
        day = settings.reference_date or today()  # "today" alone is a day; ending a span, open
        date = FuzzyDate(day, day, Precision.DAY)
    if date is None and (
        _word_present(core) or _ISO.match(core) or _ISO_WEEK.match(core) or _NUMBER.match(core)
    ):
        # An ISO form that _fast refused is out of range, not a puzzle for dateparser; a bare
        # number would be a guess.
        return None
    if date is None:
        date = _dateparser(core, settings, bc, explicit_era)
    if date is None:
        return None
    if part is not None:
        date = _apply_part(date, part)
    return _with(date, text.strip(), qualifiers)


_TODAY_WORDS = frozenset({"today", "heute", "aujourd'hui", "hoy", "oggi"})


def _word_present(text: str) -> bool:
    return text.lower() in _PRESENT_WORDS


_PRESENT_WORDS = frozenset(
    {"present", "now", "today", "ongoing", "current", "heute", "aujourd'hui", "présent",
     "actualidad", "hoy", "oggi", "the present", "present day", "present-day"}
)  # fmt: skip


def parse_date(
    text: str, settings: Settings | None = None, ref: SourceRef | None = None
) -> FuzzyDate:
    """One date, as a person writes it, to a `FuzzyDate` at its real precision.

    Raises `DateError` naming `ref` when the text is not a date.
    """
    settings = settings or Settings()
    if len(text) > 200:
        raise DateError(text, ref, "too long for a date")
    _refuse_impossible(text, settings, ref)
    date = _parse_cached(text, settings)
    if date is None:
        raise DateError(text, ref, _refusal(_strip_qualifiers(text.strip())[0]))
    return date


@functools.cache
def _languages() -> frozenset[str]:
    from dateparser.data.languages_info import language_order

    return frozenset(language_order)


def known_language(code: str) -> bool:
    """Whether dateparser reads dates in the language with this code ("en", "fr", "pt-BR")."""
    return code in _languages()


def present(settings: Settings | None = None, text: str = "present") -> FuzzyDate:
    """The open end of "2014–present": the reference date, marked open-ended."""
    day = (settings or Settings()).reference_date or today()
    return FuzzyDate(day, day, Precision.DAY, frozenset({Qualifier.OPEN_ENDED}), text)


_RANGE_PATTERNS = (
    re.compile(
        r"^(?:from\s+|between\s+)?(?P<a>.+?)\s+"
        r"(?:to|until|till|through|and|-|–|—|bis|au|à|al|hasta)\s+(?P<b>.+)$",
        re.IGNORECASE,
    ),
    re.compile(r"^(?P<a>.+?)\s*[–—]\s*(?P<b>.*)$"),
    re.compile(r"^(?P<a>[^-]*?\d)\s*-\s*(?P<b>(?:\d|present|now|today|ongoing).*)$", re.IGNORECASE),
    re.compile(r"^(?P<a>.+?)\s*-\s*$"),
)  # fmt: skip
_SINCE = re.compile(r"^(?:since|seit|depuis|desde)\s+(?P<a>.+)$", re.IGNORECASE)


def parse_span(
    text: str, settings: Settings | None = None, ref: SourceRef | None = None
) -> tuple[FuzzyDate, FuzzyDate | None]:
    """A date or a range: "1939–45" -> (1939, 1945); "2014–present" -> (2014, open end).

    The left side borrows what it leaves out from the right: "3–5 March 2013", "May–July 2017",
    "44–42 BC". A plain date gives (date, None).
    """
    settings = settings or Settings()
    stripped = text.strip()
    _refuse_impossible(stripped, settings, ref)
    date = _parse_cached(stripped, settings)
    # ("Winter 1941–42" is one season, dash and all.)
    if date is not None and (date.precision is Precision.SEASON or not _looks_like_range(stripped)):
        if len(stripped) > 200:
            raise DateError(stripped, ref, "too long for a date")
        return date, None  # what parse_date gives, without checking the text a second time
    if m := _SINCE.match(stripped):
        return parse_date(m["a"], settings, ref), present(settings, stripped)
    for pattern in _RANGE_PATTERNS:
        m = pattern.match(stripped)
        if not m:
            continue
        a, b = m["a"].strip(), (m.groupdict().get("b") or "").strip()
        if not b or _word_present(b.lower().strip(" .")):
            start = _parse_cached(a, settings)
            if start is not None:
                return start, present(settings, b or "present")
            continue
        if (short := re.fullmatch(r"(\d{1,2})((?:\s+\S+)?)", b)) and re.fullmatch(r"\d{3,4}", a):
            # "1939–45", "1914-18": the right side leaves out the century.
            b = f"{int(a) // 100 * 100 + int(short[1])}{short[2]}"
        end = _parse_cached(b, settings)
        if end is None:
            continue
        start = _parse_cached(a, settings) if not _needs_borrow(a, b) else None
        if start is None:
            start = _borrow(a, b, end, settings)
        if start is None:
            continue
        start, end = _as_decade(start, end), _as_decade(end, start)
        if end.end < start.start:
            raise DateError(text, ref, f"the end, {end.text}, is before the start, {start.text}")
        return start, end
    return parse_date(stripped, settings, ref), None


def _as_decade(date: FuzzyDate, other: FuzzyDate) -> FuzzyDate:
    """ "the 2000s" alone is a century, but in "1990s–2000s" it is a decade, as the other end."""
    year = date.start.year
    hundreds = date.precision is Precision.CENTURY and year > 0 and year % 100 == 0
    if not hundreds or other.precision is not Precision.DECADE or date.end.year != year + 99:
        return date
    return FuzzyDate(Day(year), Day(year + 9, 12, 31), Precision.DECADE, date.qualifiers, date.text)


def _looks_like_range(text: str) -> bool:
    iso = _ISO.match(text)
    if iso and (iso["m"] is None or int(iso["m"]) <= 12):
        return False
    return bool(re.search(r"[–—]|\s-\s|\d-\d{1,2}$|-\s*$|\b(?:to|until|till|through)\b", text))


def _needs_borrow(a: str, b: str) -> bool:
    """The left side leaves out something the right one says: an era, or a year."""
    if _ERA.search(b) and not _ERA.search(a):
        return True
    return not _HAS_YEAR.search(a) and bool(_HAS_YEAR.search(b))


_HAS_YEAR = re.compile(r"\d{3,}|'\d\d\b")


def _borrow(a: str, b: str, end: FuzzyDate, settings: Settings) -> FuzzyDate | None:
    core_a, qualifiers, _ = _strip_qualifiers(a)
    era = _ERA.search(b)
    if era and not _ERA.search(core_a):
        candidate = _parse_cached(f"{core_a} {era.group(0).strip()}", settings)
        if candidate is not None:
            return candidate
    # "3–5 March 2013", "May–July 2017", "1 March – 5 April 2013": take the year from the end.
    year = end.start.year
    tail = re.sub(r"^.*?(\d{3,4}\s*(?:" + _BC + "|" + _AD + r")?)$", r"\1", b, flags=re.IGNORECASE)
    with_month = f"{core_a} {_month_name(end.start.month)} {tail}"
    tries = (
        (with_month, f"{core_a} {tail}") if core_a.isdigit() else (f"{core_a} {tail}", with_month)
    )
    for extra in tries:
        candidate = _parse_cached(extra, settings)
        if candidate is not None and candidate.start.year == year:
            return _with(candidate, a, qualifiers)
    return None


def _month_name(month: int) -> str:
    from timeline.labels import MONTHS

    return MONTHS[month - 1]
