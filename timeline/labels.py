"""Human readings of normalised dates: what the hover card, the event list, the still images
and the other formats' display dates show.

`label(date, era=True)` is for a timeline that also has dates before AD 1: there a year from 1
to 999 says "AD" ("AD 14", "19 August AD 14", "c. AD 125", "AD 14 – 37", "1 BC – AD 14") and
so do the decades, centuries and millennium it could be taken for ("910s AD", "2nd century
AD"), so that nobody reads "14" as 14 BC. From AD 1000 on nothing changes: "1867" and "the 19th
century" are never taken for dates BC. Every writer asks here; none patches label text."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from timeline.model import Day, FuzzyDate, Precision, Qualifier, days_in_month, year_label

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
SEASON_NAMES = {3: "Spring", 6: "Summer", 9: "Autumn", 12: "Winter"}


def ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def era_year(year: int, era: bool = False) -> str:
    """A year as the labels write it: `year_label`, with "AD" before years 1-999 when `era`."""
    return f"AD {year}" if era and 0 < year < 1000 else year_label(year)


def _after(text: str, era: bool) -> bool:
    """Whether the end of a span written after `text` still needs the era said: only after a
    date BC ("1 BC – AD 14"), not after one that said "AD" already ("AD 14 – 37")."""
    return era and "AD" not in text


def day_label(day: Day, era: bool = False) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {era_year(day.year, era)}"


PRESENT_YEAR_FOR_AGES = 1950  # "years ago" and "BP" count back from 1950, as radiocarbon does


def years_ago_label(years: float) -> str:
    """4.54e9 -> "4.54 billion years ago"; 66e6 -> "66 million years ago"."""
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        if years >= scale:
            return f"{years / scale:.6g} {word} years ago"
    return f"{years:,.0f} years ago"


def _core(date: FuzzyDate, era: bool = False) -> str:
    start, end = date.start, date.end
    y = era_year
    match date.precision:
        case Precision.DAY:
            core = day_label(start, era)
            if end != start:
                core += " – " + day_label(end, _after(core, era))
            return core
        case Precision.MONTH:
            if start.year == end.year and start.month % 3 == 1 and end.month == start.month + 2:
                return f"Q{start.month // 3 + 1} {y(start.year, era)}"
            core = f"{MONTHS[start.month - 1]} {y(start.year, era)}"
            if (end.year, end.month) != (start.year, start.month):
                core += f" – {MONTHS[end.month - 1]} {y(end.year, _after(core, era))}"
            return core
        case Precision.SEASON:
            if start.month == 12 and start.year >= 1000:
                # "Winter 1941–42": the winter that runs from December 1941 into 1942
                same = end.year // 100 == start.year // 100
                return f"Winter {start.year}–{f'{end.year % 100:02d}' if same else end.year}"
            return f"{SEASON_NAMES.get(start.month, 'Season')} {y(start.year, era)}"
        case Precision.YEAR:
            core = y(start.year, era)
            if end.year != start.year:
                core += f" – {y(end.year, _after(core, era))}"
            return core
        case Precision.DECADE:
            if start.year > 0 and start.year % 100 == 0:
                return f"{start.year}s (decade)"  # "the 1900s" alone is a century
            if start.year > 0 and start.year % 10 == 0:
                # "the 10s" alone is the 1910s: the decades of the first century always say AD
                return (
                    f"{start.year}s AD"
                    if start.year < 100 or (era and start.year < 1000)
                    else f"{start.year}s"
                )
            return f"{1 - end.year}s BC"  # "the 440s BC" starts at 449 BC and ends at 440 BC
        case Precision.CENTURY:
            if start.year > 0 and start.year % 100 == 0:
                return f"{start.year}s"  # "the 1800s"
            n = end.year // 100 if end.year > 0 else (1 - start.year) // 100
            suffix = " BC" if end.year <= 0 else " AD" if era and n <= 10 else ""
            return f"{ordinal_suffix(n)} century{suffix}"
        case Precision.MILLENNIUM:
            n = end.year // 1000 if end.year > 0 else (1 - start.year) // 1000
            suffix = " BC" if end.year <= 0 else " AD" if era and n == 1 else ""
            return f"{ordinal_suffix(n)} millennium{suffix}"
        case Precision.DEEP:
            mid = (start.year + end.year + 1) / 2
            return years_ago_label(PRESENT_YEAR_FOR_AGES - mid)
    raise AssertionError(date.precision)  # pragma: no cover


_UNIT_YEARS = {Precision.YEAR: 1, Precision.DECADE: 10, Precision.CENTURY: 100,
               Precision.MILLENNIUM: 1000}  # fmt: skip
# Where a unit starts, as a year modulo its length: the 1990s at 0, the 440s BC (449-440 BC,
# years -448..-439) at 2, the 19th century (1801-1900) at 1 and the 1800s at 0.
_UNIT_STARTS = {Precision.YEAR: (0,), Precision.DECADE: (0, 2), Precision.CENTURY: (1, 0),
                Precision.MILLENNIUM: (1,)}  # fmt: skip
_PARTS = ("early", "mid", "late")
_PART_WORDS = {"early": "early ", "mid": "mid-", "late": "late "}


def part_of(first: int, last: int, part: str) -> tuple[int, int]:
    """The first and last day (ordinals) of the "early", "mid" or "late" third of a span of
    days: what "early 1990s" reads as, and what a label says back."""
    third = (last - first + 1) // 3
    if third == 0:  # a day (or two) has no thirds
        return first, last
    if part == "early":
        return first, first + third - 1
    if part == "late":
        return last - third + 1, last
    return first + third, last - third


def _part(date: FuzzyDate) -> tuple[str, FuzzyDate]:
    """ "early 1990s": a third of a unit is labelled as that part of the whole unit. The unit
    is the one whose early, mid or late third (by `part_of`, the reader's own arithmetic) is
    exactly the date, so that the label reads back to the same days; failing that (a span
    made elsewhere), the unit that holds the date, and the part it is nearest."""
    if date.precision is Precision.MONTH:
        return _part_of_month(date)
    unit = _UNIT_YEARS.get(date.precision)
    if unit is None or date.end.ordinal - date.start.ordinal + 1 > 365 * unit * 0.5:
        return "", date
    holding: list[FuzzyDate] = []
    for offset in _UNIT_STARTS[date.precision]:
        first = (date.start.year - offset) // unit * unit + offset
        whole = FuzzyDate(Day(first), Day(first + unit - 1, 12, 31), date.precision)
        if not _names(whole) or not whole.start <= date.start <= date.end <= whole.end:
            continue
        holding.append(whole)
        if part := _third(date, whole):
            return part, whole
    if not holding:
        return "", date
    whole = holding[0]
    position = (date.start.ordinal - whole.start.ordinal) / (
        whole.end.ordinal - whole.start.ordinal + 1
    )
    return _PART_WORDS["early" if position < 0.2 else "late" if position > 0.5 else "mid"], whole


def _part_of_month(date: FuzzyDate) -> tuple[str, FuzzyDate]:
    """ "late August 1944": the early, mid or late third of one month, as `part_of` counts it."""
    y, m = date.start.year, date.start.month
    whole = FuzzyDate(Day(y, m), Day(y, m, days_in_month(y, m)), Precision.MONTH)
    part = _third(date, whole) if (date.end.year, date.end.month) == (y, m) else ""
    return (part, whole) if part else ("", date)


def _third(date: FuzzyDate, whole: FuzzyDate) -> str:
    """ "early ", "mid-" or "late " if `date` is exactly that third of `whole`, else ""."""
    days = (date.start.ordinal, date.end.ordinal)
    first, last = whole.start.ordinal, whole.end.ordinal
    return next((_PART_WORDS[p] for p in _PARTS if part_of(first, last, p) == days), "")


def _names(whole: FuzzyDate) -> bool:
    """Whether `_core` labels a whole unit as one that reads back to it: "1900s" for 1900-1999
    and "19th century" for 1801-1900, but no "0s" for 0-99."""
    start, end = whole.start.year, whole.end.year
    match whole.precision:
        case Precision.DECADE:
            return (start % 10 == 0 and start > 0) or (start % 10 == 2 and end <= 0)
        case Precision.CENTURY:
            return start % 100 == 1 or (start % 100 == 0 and start > 0)
    return True


def label(date: FuzzyDate, era: bool = False) -> str:
    """The date at its own precision, with its qualifiers: "March 2013", "c. 44 BC", "late
    August 1944", "1850?". `era`: the timeline has dates before AD 1 (see the module's
    docstring)."""
    part, whole = _part(date)
    if part and era and whole.precision is Precision.YEAR and 0 < whole.start.year < 1000:
        text = f"{part}{whole.start.year} AD"  # "mid-14 AD": no "mid-AD 14"
    else:
        text = part + _core(whole, era)
    if Qualifier.APPROXIMATE in date.qualifiers and not part:
        text = "c. " + text
    if Qualifier.UNCERTAIN in date.qualifiers:
        text += "?"
    return text


def span_label(start: FuzzyDate, end: FuzzyDate | None, era: bool = False) -> str:
    """An event's date: "1939 – 1945", "2014 – present", "1 BC – AD 14"."""
    first = label(start, era)
    if end is None:
        return first
    if end.open_ended:
        return f"{first} – present"
    return f"{first} – {label(end, _after(first, era))}"


def needs_era(dates: Iterable[FuzzyDate]) -> bool:
    """Whether labels should say "AD": some date is before AD 1."""
    return any(d.start.year <= 0 for d in dates)


def canonical_text(date: FuzzyDate) -> str:
    """A written form that `timeline.dates.parse_date` reads back to the same date."""
    if date.open_ended:
        return "present"
    start, end = date.start, date.end
    plain = not date.qualifiers and 1 <= start.year <= 9999
    if date.precision is Precision.DAY and start == end and plain:
        return start.iso()
    if date.precision is Precision.DAY and plain and end.ordinal - start.ordinal == 6:
        year, week, weekday = datetime.date(start.year, start.month, start.day).isocalendar()
        if weekday == 1:  # Monday to Sunday: an ISO week ("2020-W05")
            return f"{year:04d}-W{week:02d}"
    if (
        date.precision is Precision.MONTH
        and plain
        and (start.year, start.month) == (end.year, end.month)
    ):
        return f"{start.year:04d}-{start.month:02d}"
    return label(date)
