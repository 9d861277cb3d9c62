"""Calendar points at a granularity, their TIMEX3 values, and the `FuzzyDate` each one covers.

A `Point` is what the tagger resolves an expression to before it is written out: "March 1998"
is Point(1998, month=3); "the third quarter" in a 1989 article is Point(1989, quarter=3); "the
1990s" is Point(1990, grain="decade"). Arithmetic ("a year earlier", "two days later") works on
points, at the coarser of the anchor's grain and the unit's.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from timeline.model import Day, FuzzyDate, Precision, Qualifier, days_in_month

GRAINS = ("millennium", "century", "decade", "year", "half", "quarter", "season", "month",
          "week", "day")  # fmt: skip
SEASON_CODES = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # the first month of each season


@dataclass(frozen=True, slots=True)
class Point:
    year: int  # astronomical: 0 is 1 BC
    grain: str = "year"
    month: int = 1
    day: int = 1
    quarter: int = 0
    half: int = 0
    season: str = ""
    week: int = 0
    part: str = ""  # part of the day: MO, AF, EV, NI
    hour: int | None = None
    minute: int = 0
    second: int | None = None  # kept only when the text gives it: "2009-12-19T17:00:00"

    # --- construction -------------------------------------------------------------------------
    @classmethod
    def of_day(cls, day: Day, part: str = "") -> Point:
        return cls(day.year, "day", day.month, day.day, part=part)

    def first_day(self) -> Day:
        return self.span()[0]

    def span(self) -> tuple[Day, Day]:
        y = self.year
        match self.grain:
            case "millennium":
                return Day(y), Day(y + 999, 12, 31)
            case "century":
                return Day(y), Day(y + 99, 12, 31)
            case "decade":
                return Day(y), Day(y + 9, 12, 31)
            case "year":
                return Day(y), Day(y, 12, 31)
            case "half":
                m = 1 if self.half == 1 else 7
                return Day(y, m), Day(y, m + 5, 30 if m == 1 else 31)
            case "quarter":
                m = 3 * self.quarter - 2
                return Day(y, m), Day(y, m + 2, days_in_month(y, m + 2))
            case "season":
                m = SEASON_CODES[self.season]
                end_y, end_m = (y + 1, 2) if m == 12 else (y, m + 2)
                return Day(y, m), Day(end_y, end_m, days_in_month(end_y, end_m))
            case "month":
                return Day(y, self.month), Day(y, self.month, days_in_month(y, self.month))
            case "week":
                monday = datetime.date.fromisocalendar(y, self.week, 1)
                first = Day(monday.year, monday.month, monday.day)
                if self.part == "WE":  # the weekend: its Saturday and Sunday
                    return Day.from_ordinal(first.ordinal + 5), Day.from_ordinal(first.ordinal + 6)
                return first, Day.from_ordinal(first.ordinal + 6)
            case _:
                d = Day(y, self.month, self.day)
                return d, d

    # --- TIMEX3 values ------------------------------------------------------------------------
    def value(self) -> str:
        y = self.year
        if y <= 0:
            year = f"BC{1 - y:04d}"
        else:
            year = f"{y:04d}"
        match self.grain:
            case "millennium":
                return year[:-3] if y > 0 else f"BC{(1 - y - 999) // 1000:01d}"
            case "century":
                # BC centuries and decades are named by their last year: "the 4th century BC"
                # is 400-301 BC, "BC03"; "the 470s BC" is 479-470 BC, "BC047".
                return year[:-2] if y > 0 else f"BC{(1 - y - 99) // 100:02d}"
            case "decade":
                return year[:-1] if y > 0 else f"BC{(1 - y - 9) // 10:03d}"
            case "year":
                return year
            case "half":
                return f"{year}-H{self.half}"
            case "quarter":
                return f"{year}-Q{self.quarter}"
            case "season":
                return f"{year}-{self.season}"
            case "month":
                return f"{year}-{self.month:02d}"
            case "week":
                return f"{year}-W{self.week:02d}"
        text = f"{year}-{self.month:02d}-{self.day:02d}"
        if self.hour is not None:
            seconds = "" if self.second is None else f":{self.second:02d}"
            return f"{text}T{self.hour:02d}:{self.minute:02d}{seconds}"
        if self.part:
            return f"{text}T{self.part}"
        return text

    def fuzzy(self, text: str = "", qualifiers: frozenset[Qualifier] = frozenset()) -> FuzzyDate:
        a, b = self.span()
        precision = {
            "millennium": Precision.MILLENNIUM, "century": Precision.CENTURY,
            "decade": Precision.DECADE, "year": Precision.YEAR, "half": Precision.MONTH,
            "quarter": Precision.MONTH, "season": Precision.SEASON, "month": Precision.MONTH,
            "week": Precision.DAY, "day": Precision.DAY,
        }[self.grain]  # fmt: skip
        return FuzzyDate(a, b, precision, qualifiers, text)

    # --- arithmetic ---------------------------------------------------------------------------
    def at(self, grain: str) -> Point:
        """The same time at a coarser (or, from a day, any) grain."""
        if grain == self.grain:
            return self
        d = self.first_day()
        match grain:
            case "millennium":
                return Point((d.year - 1) // 1000 * 1000 + 1, "millennium")
            case "century":
                if d.year <= 0:  # 500-401 BC: astronomical -499 to -400
                    return Point(1 - (1 - d.year + 99) // 100 * 100, "century")
                return Point(d.year // 100 * 100, "century")
            case "decade":
                if d.year <= 0:  # 479-470 BC: astronomical -478 to -469
                    return Point(1 - ((1 - d.year) // 10 * 10 + 9), "decade")
                return Point(d.year // 10 * 10, "decade")
            case "year":
                return Point(d.year)
            case "half":
                return Point(d.year, "half", half=1 if d.month <= 6 else 2)
            case "quarter":
                return Point(d.year, "quarter", quarter=(d.month - 1) // 3 + 1)
            case "season":
                m = d.month
                if m in (1, 2):
                    return Point(d.year - 1, "season", season="WI")
                return Point(d.year, "season", season={3: "SP", 6: "SU", 9: "FA", 12: "WI"}[
                    (m - 3) // 3 * 3 + 3])  # fmt: skip
            case "month":
                return Point(d.year, "month", d.month)
            case "week":
                if not 1 <= d.year <= 9999:
                    return Point(d.year, "day", d.month, d.day)
                iso = datetime.date(d.year, d.month, d.day).isocalendar()
                return Point(iso.year, "week", week=iso.week)
        return Point(d.year, "day", d.month, d.day)

    def shift(self, n: int, unit: str, keep: bool = False) -> Point:
        """`n` units later (earlier when negative), at this point's grain or the unit's,
        whichever is coarser; at this point's own grain with `keep` ("the year-ago quarter")."""
        grain = self.grain if keep else coarser(self.grain, unit)
        p = self.at(grain) if GRAINS.index(grain) <= GRAINS.index(self.grain) else self
        if p.grain in ("month", "year") and unit in _DAYS and _DAYS[unit] < _DAYS[p.grain]:
            # "four days later" after "April 1970" is still April 1970: a step finer than the
            # point moves it only by as many of its own units as the step amounts to.
            return p.shift(round(n * _DAYS[unit] / _DAYS[p.grain]), p.grain)
        match unit:
            case "millennium" | "century" | "decade" | "year":
                years = n * {"millennium": 1000, "century": 100, "decade": 10, "year": 1}[unit]
                if p.grain == "week":
                    return replace(p, year=p.year + years)
                if p.grain == "day":
                    day = min(p.day, days_in_month(p.year + years, p.month))
                    return replace(p, year=p.year + years, day=day)
                return replace(p, year=p.year + years)
            case "half":
                h = p.year * 2 + (p.half - 1) + n
                return replace(p, year=h // 2, half=h % 2 + 1)
            case "quarter":
                q = p.year * 4 + (p.quarter - 1) + n
                return replace(p, year=q // 4, quarter=q % 4 + 1)
            case "season":
                order = ("SP", "SU", "FA", "WI")
                s = p.year * 4 + order.index(p.season) + n
                return replace(p, year=s // 4, season=order[s % 4])
            case "month":
                m = p.year * 12 + (p.month - 1) + n
                y, mo = m // 12, m % 12 + 1
                if p.grain == "day":
                    return replace(p, year=y, month=mo, day=min(p.day, days_in_month(y, mo)))
                return replace(p, year=y, month=mo)
            case "week":
                if p.grain == "week":
                    monday = datetime.date.fromisocalendar(p.year, p.week, 1)
                    iso = (monday + datetime.timedelta(weeks=n)).isocalendar()
                    return replace(p, year=iso.year, week=iso.week)
                return Point.of_day(Day.from_ordinal(p.first_day().ordinal + 7 * n))
        return Point.of_day(Day.from_ordinal(p.first_day().ordinal + n), p.part)


_DAYS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}  # about


def coarser(a: str, b: str) -> str:
    return a if GRAINS.index(a) <= GRAINS.index(b) else b


def point_of_value(value: str) -> Point | None:
    import re

    m = re.fullmatch(
        r"(?P<bc>BC)?(?P<y>\d{2,4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d)(?:T(?P<t>.*))?)?|"
        r"Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)|W(?P<w>\d\d)))?",
        value,
    )
    if not m:
        return None
    digits = m["y"]
    y = int(digits)
    if m["bc"]:
        return Point(1 - y)
    if len(digits) == 2:
        return Point(y * 100, "century")
    if len(digits) == 3:
        return Point(y * 10, "decade")
    try:
        if m["d"]:
            return Point(y, "day", int(m["m"]), int(m["d"]))
        if m["m"]:
            return Point(y, "month", int(m["m"]))
        if m["q"]:
            return Point(y, "quarter", quarter=int(m["q"]))
        if m["h"]:
            return Point(y, "half", half=int(m["h"]))
        if m["s"]:
            return Point(y, "season", season=m["s"])
        if m["w"]:
            Point(y, "week", week=int(m["w"])).span()
            return Point(y, "week", week=int(m["w"]))
    except ValueError:
        return None
    return Point(y)
