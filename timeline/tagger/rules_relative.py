"""Rules for dates counted from another, and for times, durations and sets: "last year", "two
days later", "il y a trois jours", "Friday", "the following spring", "now", "3 p.m.", "three
weeks", "every day", "year-end".

Each rule is a regular expression and a reader that rejects the match or says what it found as
a `Reading`; the anchoring itself happens in `resolve.py`.
"""

from __future__ import annotations

import re

from timeline.tagger.lexicon import (
    MONTHS,
    SEASONS,
    UNITS,
    WEEKDAYS,
)
from timeline.tagger.patterns import (
    AMPM,
    COUNT,
    DAYNUM_DOT,
    ENGLISH_WEEKDAYS,
    MONTH,
    NUMWORD,
    SEASON,
    UNIT,
    WEEKDAY,
    Reading,
    capitalised,
    mod_of,
    number,
    read_as,
    rule,
)

_REL = r"(?P<rel>last|this|next|coming|past|previous|following|current|preceding|same|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+following|the\s+current|the\s+same|this\s+past|this\s+coming)"


@rule(
    "relative",
    rf"(?:(?P<pre>earlier|later|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end\s+of|by\s+the\s+end\s+of)[\s-]+)?{_REL}\s+(?P<u>week|weekend|month|year|decade|century|fiscal\s+year)(?!\w|-)",
)
def _relative(m: re.Match[str], text: str) -> Reading | None:
    rel = m["rel"].lower()
    unit = m["u"].lower().replace("fiscal ", "")
    mod = (
        mod_of(m["pre"])
        if m["pre"] and not m["pre"].lower().startswith(("earlier", "later"))
        else ""
    )
    ahead = rel.startswith(("the next", "the coming"))
    if ahead or rel == "past" or (unit == "century" and rel.startswith(("the past", "the last"))):
        # "the next year", "past year" are durations in the TimeML convention; so is "the past
        # century", the hundred years to now. ("The past year" is the year before this one, as
        # "last year" is.)
        if unit in ("week", "month", "year", "decade", "century") and not m["pre"]:
            letter = UNITS[unit][1]
            # In a history, "by the next month" is the month after the story's (`resolve`).
            reading = read_as(m, "DURATION", "duration", value=f"P{_period(1, letter)}")
            if rel == "the next":
                reading.data["from_story"] = (unit, 1)
            return reading
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


_SOMEDAY_BEFORE = re.compile(
    r"\b(?:will|would|could|might|may|can|shall|should|must|he|she|they|we|i|you)\s+$",
    re.IGNORECASE,
)
_OF_WHOLE = re.compile(r"\s+of\s+(?!an?\s+century\b)")
_ORDINAL_NOUN = re.compile(r"\s+(?!or\b|and\b|to\b|in\b|later\b|earlier\b|ago\b)[a-z]")


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
    n = number(n_text)
    dir_word = m["dir"].lower()
    direction = -1 if dir_word in ("ago", "earlier", "before", "previously", "back") else 1
    if (
        dir_word in ("before", "after") and re.match(r"\s+[\w$]", text[m.end() : m.end() + 40])
    ) or (dir_word in ("earlier", "later") and re.match(r"\s+than\b", text[m.end() : m.end() + 8])):
        # "two days after the vote": counted from an event, not from a date; a history may
        # have just told the event's date (see `resolve`). "Two months later than planned":
        # how late, not when.
        grain, letter = UNITS[m["u"].lower()]
        value = duration_value(
            number(m["n"].lower()), letter, grain in ("hour", "minute", "second")
        )
        data: dict[str, object] = {"value": value}
        if (
            dir_word in ("before", "after")
            and n is not None
            and n == int(n)
            and grain not in ("hour", "minute", "second")
        ):
            data["from_story"] = (grain, int(n) * direction)
        return Reading(m.start(), m.end("u"), "DURATION", "duration", data)
    deictic = dir_word in ("ago", "from now", "hence", "back")
    if (
        n is not None
        and n == int(n)
        and grain in ("millennium", "century", "decade", "year")
        and n * {"millennium": 1000, "century": 100, "decade": 10, "year": 1}[grain] >= 10000
    ):
        return None  # deep time: the "deep" rule reads it
    return _offset(m, grain, n, direction, deictic)


def _offset(
    m: re.Match[str], grain: str, n: float | None, direction: int, deictic: bool
) -> Reading:
    """ "three days ago", "two years later": counted from the reference date (deictic) or from
    the last date given. Hours and minutes are only "before" or "after"; a vague count ("a few
    days") is a vague offset."""
    if grain in ("hour", "minute", "second"):
        return read_as(
            m,
            "TIME" if deictic else "DATE",
            "vague",
            value="PAST_REF" if direction < 0 else "FUTURE_REF",
        )
    if n is None or n != int(n):
        return read_as(m, "DATE", "vague-offset", unit=grain, direction=direction, deictic=deictic)
    return read_as(m, "DATE", "deictic" if deictic else "anaphoric", unit=grain, n=int(n) * direction,
              plain=True)  # fmt: skip


# French, German and Spanish: "il y a trois jours", "vor drei Tagen", "hace tres días";
# "trois jours plus tard", "drei Tage später", "tres días después"; "dans deux semaines",
# "in zwei Wochen", "dentro de dos semanas".
@rule(
    "ago-intl",
    rf"(?P<pre>il\s+y\s+a|vor|hace|dans|in|dentro\s+de)\s+(?P<n>{COUNT})\s+(?P<u>{UNIT})(?!\w)(?!\s+(?:plus\s+tard|später|después|más\s+tarde|auparavant|früher|antes))",
)
@rule(
    "later-intl",
    rf"(?P<n>{COUNT})\s+(?P<u>{UNIT})\s+(?P<dir>plus\s+tard|auparavant|später|früher|zuvor|después|más\s+tarde|antes)(?!\w)",
)
def _ago_intl(m: re.Match[str], text: str) -> Reading | None:
    groups = m.groupdict()
    pre = " ".join((groups.get("pre") or "").lower().split())
    if pre == "in" and not m["u"].lower().startswith(("tag", "woche", "monat", "jahr")):
        return None  # English "in three years" is a duration; German "in drei Tagen" a date
    grain, _ = UNITS[m["u"].lower()]
    n = number(m["n"].lower())
    if pre:
        deictic, direction = True, (-1 if pre in ("il y a", "vor", "hace") else 1)
    else:
        later = m["dir"].lower().split()[0] in ("plus", "später", "después", "más")
        deictic, direction = False, (1 if later else -1)
    return _offset(m, grain, n, direction, deictic)


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
    return read_as(m, "DATE", "anaphoric" if anaphoric else "deictic", unit=unit, n=step, mod="")


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
    return read_as(m, "DATE", "deep", years=n, text=m[0])


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
    return read_as(m, type_, "deictic", unit="day", n=offsets[w], part=part)


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
    if name in ENGLISH_WEEKDAYS and not capitalised(m["wd"]):
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
    rf"(?:(?P<approx>about|around|at|shortly\s+(?:before|after))\s+)?(?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>{AMPM})|(?P<h2>[01]?\d|2[0-3])[:h](?P<mi2>[0-5]\d)(?!\d|[.,]\d|:\d\d\d)|(?P<noon>noon|midnight|midday))(?:\s*(?P<tz>[ECMP][SD]T|GMT|UTC|(?:Eastern|Central|Mountain|Pacific)(?:\s+(?:Standard|Daylight))?(?:\s+[Tt]ime)?))?(?:,?\s+(?:on\s+)?(?P<wd>{WEEKDAY})\b)?",
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
    weekday = WEEKDAYS[m["wd"].lower()] if m["wd"] and capitalised(m["wd"]) else 0
    if weekday and m["noon"] and m["noon"].lower() == "midnight":
        hour = 24  # "expires at midnight Friday": the end of Friday, ISO 8601's 24:00
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
    r"(?:(?P<rel>this|that|the\s+next|the\s+following|last|early\s+this|late\s+this|later\s+this|earlier\s+this)\s+|(?P<mid>mid|late|early)[\s-]?)(?P<part>morning|afternoon|evening|night)(?:\s+(?P<day>yesterday|today|tomorrow))?(?!\w)",
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
        return read_as(
            m,
            "TIME",
            "anaphoric",
            unit="day",
            n=1 if "next" in rel or "following" in rel else 0,
            part=part,
        )
    # "at mid-afternoon yesterday"
    n = {"yesterday": -1, "tomorrow": 1}.get((m["day"] or "").lower(), -1 if rel == "last" else 0)
    return read_as(m, "TIME", "deictic", unit="day", n=n, part=part)


@rule(
    "narrative",
    r"(?:(?P<pre>later|earlier|early|late)\s+(?:in\s+)?)?(?:(?P<that>that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding|the\s+prior|(?<=in\s)the|(?<=of\s)the|(?<=for\s)the|(?<=over\s)the|(?<=during\s)the)\s+(?P<u>day|week|month|quarter|year|decade|century|weekend|spring|summer|autumn|fall|winter|morning|evening|night)|(?P<db>the\s+day\s+(?:before|after)|the\s+(?:week|month|year)\s+(?:before|after))(?!\s+(?:the|a|an|his|her|their|its|\w+'s)\b))(?!\w)",
)
def _narrative(m: re.Match[str], text: str) -> Reading | None:
    if m["db"]:
        words = m["db"].lower().split()
        unit, n = words[1], (-1 if words[-1] == "before" else 1)
        return read_as(m, "DATE", "anaphoric", unit=unit, n=n)
    rel = " ".join(m["that"].lower().split())
    unit = m["u"].lower()
    if m["u"][0].isupper() and not m["that"][0].isupper():
        return None  # "Man of the Year", "Player of the Week": a name, not a time
    if rel == "the" and not m["pre"] and unit not in ("year", "week"):
        return None  # "in the day"; but "earlier in the day", "for the year", "of the week"
    if rel == "the" and _NUMBER_NEXT.match(text, m.end()):
        return None  # "the year 1200", "the year two thousand": the year rules read them
    n = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1,
         "the preceding": -1, "the prior": -1, "the": 0}[rel]  # fmt: skip
    if unit in SEASONS:
        return read_as(
            m,
            "DATE",
            "season",
            season=SEASONS[unit],
            rel="that" if n == 0 else ("next" if n > 0 else "last"),
            anaphoric=True,
        )
    if unit in ("morning", "evening", "night"):
        part = {"morning": "MO", "evening": "EV", "night": "NI"}[unit]
        return read_as(m, "TIME", "anaphoric", unit="day", n=n, part=part)
    if n != 0 and rel != "that":
        after = text[m.end() : m.end() + 20].lower()
        if unit in ("day", "week", "month", "year") and re.match(r"\s+(?:of|in|for|to)\b", after):
            pass
    return read_as(m, "DATE", "anaphoric", unit=unit, n=n)


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
    if unit_word in ("second", "quarters") and _ORDINAL_NOUN.match(text, m.end()):
        return None  # "a second attack", "three-quarters of the capital": not time
    if unit_word == "quarter" and _OF_WHOLE.match(text, m.end()):
        return None  # "more than a quarter of the market": a share, not three months
    before = text[max(0, m.start() - 3) : m.start()]
    if re.search(r"[$£€]\s*$", before):
        return None
    if n_text in ("a", "an") and not m["det"] and not m["mod"]:
        # "$5 a year" is a rate: a SET.
        before = text[max(0, m.start() - 14) : m.start()].lower()
        if re.search(r"(?:[\d%]|dollars?|cents?|euros?|pounds?|times|once|twice)\s*$", before):
            return read_as(
                m,
                "SET",
                "set",
                value=duration_value(1, letter, grain in ("hour", "minute", "second")),
            )
    if m[0].lower() == "one day" and _SOMEDAY_BEFORE.search(text, max(0, m.start() - 8), m.start()):
        # "will one day be", "hopes he one day follows": some day to come, not a day long.
        return read_as(m, "DATE", "vague", value="FUTURE_REF")
    n = number(n_text)
    time_unit = grain in ("hour", "minute", "second")
    n2 = number(m["n2"].lower()) if m["n2"] else None
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
            and capitalised(m["adv"])
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
        return read_as(m, "SET", "set", value=value)
    u = m["u"].lower().rstrip(".")
    if u in UNITS:
        grain, letter = UNITS[u]
        n = number(m["n"].lower()) if m["n"] and m["n"].lower() != "other" else (2 if m["n"] else 1)
        value = (
            f"P{_period(int(n or 1), letter)}"
            if grain not in ("hour", "minute", "second")
            else f"PT{int(n or 1)}{letter}"
        )
        return read_as(m, "SET", "set", value=value)
    if u in WEEKDAYS:
        return read_as(m, "SET", "set", value=f"XXXX-WXX-{WEEKDAYS[u]}")
    if u in MONTHS:
        return read_as(m, "SET", "set", value=f"XXXX-{MONTHS[u]:02d}")
    return read_as(m, "SET", "set", value=f"XXXX-{SEASONS.get(u, 'XX')}")


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
    return read_as(
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
        return read_as(m, "DATE", "period", which="year-earlier", unit="period")
    w, unit = m["w"].lower(), m["u"].lower()
    if unit == "quarter":
        return None  # the quarter rule reads these
    if unit == "year":
        if w in ("year-earlier", "year-ago", "year-before", "prior-year"):
            return read_as(m, "DATE", "deictic", unit="year", n=-1)
        if w in ("full", "fiscal", "current", "calendar", "same"):
            if w == "full" and "-" in m[0] and re.match(r"\s+[a-z]", text[m.end() :]):
                return None  # "its full-year outlook": how much, not when
            return read_as(m, "DATE", "deictic", unit="year", n=0)
        return None
    tail = m[0].lower()
    which = (
        "year-earlier"
        if w in ("year-earlier", "year-ago", "year-before", "prior-year")
        or tail.endswith(("earlier", "ago", "last year"))
        else w
    )
    return read_as(m, "DATE", "period", which=which, unit="period")


@rule(
    "vague-plural",
    r"(?P<w>recent|past|coming|next\s+few|past\s+few|last\s+few|the\s+coming|in\s+coming)\s+"
    r"(?P<u>years|months|weeks|days|decades|quarters)(?!\w)",
)
def _vague_plural(m: re.Match[str], text: str) -> Reading | None:
    w = m["w"].lower()
    before = text[max(0, m.start() - 6) : m.start()].lower()
    if w in ("next few", "past few", "last few") or before.endswith("the "):
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
        return read_as(m, "DATE", "weekend", n=None)
    return read_as(m, "DATE", "anaphoric", unit="weekend", n=-1 if "previous" in rel else 1)
