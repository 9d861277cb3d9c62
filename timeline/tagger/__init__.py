"""The temporal tagger: finds dates, times, durations and sets in prose, with exact character
spans, TIMEX3 types and values, and for dates the days they cover.

    lexicon, patterns   the words of four languages, and the pieces the rules are built from
    rules_calendar      rules for dates on the calendar ("3 March 2013", "the 1990s", "Q3")
    rules_relative      rules for dates counted from another ("last year", "two days later"),
                        times, durations and sets
    detect.find         text -> readings: runs each rule only where it could match
    resolve             reading + context -> TIMEX3 value and days, anchored on the reference
                        date or on the date mentioned last
    tense               the tense of the clause around an expression: which way "Friday" points
    story               whether a text tells a story (a history) and which dates move its
                        current time
    values              TIMEX3 values and the days they cover
    events              timexes + sentences -> timeline events with titles and provenance

`tag(text, reference)` runs the first two. It never raises on any input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from timeline.model import Day, FuzzyDate, Qualifier
from timeline.tagger.detect import find
from timeline.tagger.language import foreign, text_language, with_article
from timeline.tagger.patterns import ENDED, Reading
from timeline.tagger.resolve import Context, Resolved, resolve
from timeline.tagger.story import aside, is_narrative, looks_back, next_years

__all__ = ["Timex", "tag"]


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression: text[start:end], its TIMEX3 type and value, and for dates and
    times the days it covers."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    date: FuzzyDate | None = None
    anchored: bool = False  # resolved against the reference date or an earlier mention
    range_to: int | None = None  # index of the timex that ends a range this one starts
    open_ended: bool = False  # "2014–present"


_CONNECTOR = re.compile(
    r"\s*(?:-|–|—|to|until|till|through|thru|and|au|à|bis|al|hasta|jusqu'en|jusqu'au)\s*",
    re.IGNORECASE,
)
_OPEN_END = re.compile(r"\s*(?:-|–|—|to|until)\s*(?:the\s+)?(?:present|now|today)\b", re.IGNORECASE)
_RANGE_HEAD = re.compile(r"\b(?:from|between|entre|von|de|du|desde)\s*$", re.IGNORECASE)


# "on the night of 8 February", "the early morning hours of 30 April": the part of a day that
# the date then names. ("Early in the morning of 29 April" is read from "the": "early" before
# a day would be a third of that day to `timeline.dates`, which events read dates given outright
# with.) "The week of March 6" names the week that holds the day.
_PART_OF = re.compile(
    r"the\s+(?:(?:early|late)\s+)?(?P<part>morning|afternoon|evening|night|week)(?:\s+hours)?\s+of\s+$",
    re.IGNORECASE,
)
_PART_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


# "the day before last Tuesday's hearing", "the day after Christmas": a day beside a date.
_DAY_BESIDE = re.compile(r"the\s+day\s+(?P<side>before|after)\s+$", re.IGNORECASE)


def _day_phrases(text: str, found: list[Reading]) -> list[Reading]:
    """A date with the words before it that make it a part of that day, its week or the day
    beside it: "the night of 8 February", "the week of March 6", "the day after Christmas"."""
    out: list[Reading] = []
    for r in found:
        if r.kind in ("weekday", "month-day", "holiday") or (
            r.kind == "absolute" and "day" in r.data
        ):
            m = _DAY_BESIDE.search(text, max(0, r.start - 16), r.start)
            if m:
                while out and out[-1].end > m.start():
                    out.pop()  # "the day before" read alone
                days = -1 if m["side"].lower() == "before" else 1
                r = Reading(m.start(), r.end, "DATE", r.kind, {**r.data, "day_shift": days}, r.rule)
        if (
            r.kind in ("absolute", "month-day")
            and text.endswith("of ", max(0, r.start - 3), r.start)
            and "day" in r.data
            and "hour" not in r.data
        ):
            m = _PART_OF.search(text, max(0, r.start - 45), r.start)
            if m:
                while out and out[-1].end > m.start():
                    out.pop()  # "early morning" read alone
                if m["part"].lower() == "week":
                    r = Reading(
                        m.start(), r.end, "DATE", r.kind, {**r.data, "week_of": True}, r.rule
                    )
                else:
                    part = _PART_CODES[m["part"].lower()]
                    r = Reading(m.start(), r.end, "TIME", r.kind, {**r.data, "part": part}, r.rule)
        out.append(r)
    return out


def _split_range(r: Reading) -> list[Reading]:
    """ "1939–45" and "3–5 March 2013" are two dates: the first borrows what it leaves out."""
    first, second = dict(r.data["first"]), dict(r.data["second"])
    if "year" in second and "year" not in first:
        first["year"] = second["year"]

    def reading(start: int, end: int, data: dict[str, object]) -> Reading:
        if "year" in data:
            return Reading(start, end, "DATE", "absolute", data, r.rule)
        if "day" in data:
            return Reading(start, end, "DATE", "month-day", data, r.rule)
        return Reading(start, end, "DATE", "month", data, r.rule)

    return [reading(r.start, r.data["a_end"], first), reading(r.data["split"], r.end, second)]


def tag(text: str, reference: Day, languages: tuple[str, ...] = ()) -> list[Timex]:
    """Every temporal expression in `text`, resolved against `reference` (the document's
    date) and against each other, in text order. `languages` (`--lang`) forces the text's
    language, which is otherwise read from its words."""
    readings: list[Reading] = []
    partner: dict[int, Reading] = {}  # id of a range's first part -> its second part
    lang = text_language(text, languages)
    for r in _day_phrases(text, find(text, lang)):
        if foreign(text, r.start, r.end, lang):
            continue  # German "hier" (here) is no French "hier" (yesterday)
        if r.type in ("DATE", "TIME"):
            bare = (
                r.kind == "vague"
                or (r.rule == "year" and r.data.get("mod") == "")
                # German takes the article into a relative date ("der vergangenen Woche",
                # "den fünfziger Jahren"), not into one given outright ("vor dem 1. Januar")
                or (lang == "de" and r.kind in ("absolute", "month-day", "season")
                    and r.data.get("grain") != "decade")
            )  # fmt: skip
            r.start = with_article(text, r.start, lang, bare)
        if r.kind == "range":
            first, second = _split_range(r)
            partner[id(first)] = second
            readings += (first, second)
        else:
            readings.append(r)
    ends = {id(r) for r in partner.values()}
    ctx = Context(ref=reference, text=text, narrative=is_narrative(readings, reference))
    swapped = _days_first(text, readings)
    following = next_years(readings) if ctx.narrative else []
    out: list[Timex] = []
    origin: list[Reading] = []  # the reading each timex came from
    for i, r in enumerate(readings):
        try:
            res = resolve(r, ctx)
        except (ValueError, KeyError, OverflowError, IndexError):
            continue
        if r.data.get("zone") and res.point is not None:
            res = replace(res, value=res.value + r.data["zone"])  # "a las 16:00 UTC"
        if ctx.narrative and lang in _TODAY_IS_NOW and r.rule == "deictic-word":
            if r.data.get("n") == 0 and not r.data.get("part"):
                res = Resolved(r.type, "PRESENT_REF")  # a history's "heute" is nowadays
        comparison = (
            r.kind == "period"
            or r.data.get("compare")
            or r.data.get("rel") in ("year-earlier", "year-ago", "prior-year")
            # "up from $3 million a year ago": in news, the figure a year back is compared
            # with, and the story stays where it was.
            or (r.data.get("plain") and r.data.get("unit") == "year" and not ctx.narrative)
        )
        if (
            res.point is not None
            and r.type in ("DATE", "TIME")
            and r.kind != "deep"
            and not comparison
            and not (ctx.narrative and looks_back(r))
            and id(r) not in ends  # "1861-1865": the story is at the range's start
            and not (ctx.narrative and aside(ctx, r, following[i]))
        ):
            # Only dates the text gives outright anchor the year of "in October" in news;
            # in narrative text, "the following spring" anchors the next one too.
            ctx.remember(res.point, r.end, r.kind == "absolute" or ctx.narrative)
        out.append(_timex(text, r, res))
        origin.append(r)
    if swapped:  # back in text order
        order = sorted(range(len(out)), key=lambda k: out[k].start)
        out, origin = [out[k] for k in order], [origin[k] for k in order]
    # A range found as one expression, both of whose parts were resolved.
    ranges = {i for i in range(len(out) - 1) if partner.get(id(origin[i])) is origin[i + 1]}
    return _link_ranges(text, out, ranges)


def _days_first(text: str, readings: list[Reading]) -> bool:
    """ "At 5:34 AM Baghdad time on March 20, 2003", "at 10:35 a.m. (0735 GMT) Friday": a time
    is on the day given just after it; "the quarter ended Sept. 30": a period is the one that
    ends on it. That day is read first. Whether any were swapped."""
    swapped = False
    for i in range(len(readings) - 1):
        r, day = readings[i], readings[i + 1]
        if _time_on(text, r, day) or _period_ended(text, r, day):
            readings[i], readings[i + 1] = day, r
            swapped = True
    return swapped


def _time_on(text: str, r: Reading, day: Reading) -> bool:
    return (
        r.kind == "time"
        and not r.data.get("weekday")
        and (
            day.kind == "weekday"
            or (day.kind in ("absolute", "month-day") and "day" in day.data)
            or (day.kind == "deictic" and day.data.get("unit") == "day")  # "10:30 tomorrow"
        )
        and "hour" not in day.data
        and day.start - r.end <= 40
        and not _STOP.search(text, r.end, day.start)
    )


def _period_ended(text: str, r: Reading, day: Reading) -> bool:
    """ "the year ended Sept. 30", "the quarter ending July 31" (marked `ended` for `resolve`);
    not "the fourth quarter ended Aug. 26", which names its quarter."""
    if (
        r.kind in ("quarter", "anaphoric", "deictic")
        and r.data.get("unit") in ("quarter", "year")
        and not r.data.get("n")
        and day.kind == "month-day"
        and ENDED.fullmatch(text, r.end, day.start)
    ):
        r.data["ended"] = True
        return True
    return False


_STOP = re.compile(r"[.;!?]\s")
# The languages whose word for "today" a history uses for the writer's days: "bis heute",
# "heute eine Ruine" (WikiWarsDE's annotators value every one PRESENT_REF).
_TODAY_IS_NOW = frozenset({"de", "fr", "es"})


def _timex(text: str, r: Reading, res: Resolved) -> Timex:
    written = text[r.start : r.end]
    date = res.date
    if date is not None:  # (not dataclasses.replace: this runs for every expression)
        date = FuzzyDate(date.start, date.end, date.precision, date.qualifiers, written)
    return Timex(r.start, r.end, written, res.type, res.value, date, res.anchored)


def _link_ranges(text: str, out: list[Timex], split: set[int]) -> list[Timex]:
    """Join "from 1914 to 1918", "between May and July 2017" and "1939–45" into ranges, and
    mark "2014–present" as open-ended."""
    for i, t in enumerate(out):
        if t.type != "DATE" or t.date is None:
            continue
        if _OPEN_END.match(text, t.end):
            out[i] = replace(t, open_ended=True)
            continue
        if i + 1 >= len(out):
            continue
        u = out[i + 1]
        if u.type != "DATE" or u.date is None:
            continue
        between = text[t.end : u.start]
        if not (i in split or _CONNECTOR.fullmatch(between)):
            continue
        # "from May to July", "between May and July": a head word makes it a range.
        headed = i in split or bool(_RANGE_HEAD.search(text[max(0, t.start - 12) : t.start]))
        if not headed and between.strip().lower() == "and":
            if t.anchored and not u.anchored and t.date.start.year != u.date.start.year:
                out[i] = _in_year(t, u.date.start.year)  # "in April and June 1955": a list
            continue
        first = t
        if t.anchored and not u.anchored and t.date.start.year != u.date.start.year:
            first = _in_year(t, u.date.start.year)
        if (
            u.anchored
            and first.date is not None
            and (
                (headed and u.date.end < first.date.start)
                or (
                    t.anchored
                    and u.date.start.year != first.date.start.year
                    and u.date.precision is first.date.precision  # not "Friday to December's"
                )
            )
        ):
            # "moved from Q2 to early July", "February to April" in a story of 2005: the end
            # comes after the start, in its year or the next.
            for year in (first.date.start.year, first.date.start.year + 1):
                later = _in_year(u, year)
                if later.date is not None and later.date.end >= first.date.start:
                    out[i + 1] = u = later
                    break
        if first.date is not None and u.date is not None and first.date.start <= u.date.end:
            out[i] = replace(first, range_to=i + 1)
    return out


def _in_year(t: Timex, year: int) -> Timex:
    """ "May" in "between May and July 2017" takes July's year."""
    from timeline.tagger.values import point_of_value

    point = point_of_value(t.value)
    if point is None or point.grain not in ("month", "day", "season"):
        return t
    moved = replace(point, year=year)
    q = t.date.qualifiers if t.date else frozenset[Qualifier]()
    return replace(t, value=moved.value(), date=moved.fuzzy(t.text, q))
