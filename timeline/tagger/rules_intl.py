"""Rules for French, German and Spanish expressions the shared rules do not read: clock times
("19 h 30", "neun Uhr", "a las 10"), parts of days ("hier soir", "am Abend", "esta tarde"),
edges of a year or month ("Ende des Jahres", "fin de l'année", "a finales de mayo"), days
counted from the story's ("le lendemain", "am selben Tag", "al día siguiente"), and the words
for "then", "now" and "later".

They make the same `Reading`s as the English rules, so that `resolve` anchors them the same way,
on the reference date in news and on the story's date in a history. `LANGUAGE` says which
language each rule reads; `tag` drops its readings in a text known to be in another one.
"""

from __future__ import annotations

import re

from timeline.tagger.lexicon import MONTHS, NUMBERS, SEASONS, UNITS, WEEKDAYS
from timeline.tagger.patterns import (
    COUNT,
    ENGLISH_WEEKDAYS,
    MONTH,
    SEASON,
    UNIT,
    WEEKDAY,
    YEAR4,
    Reading,
    number,
    read_as,
    rule,
)

# rule -> the languages whose words it reads
LANGUAGE: dict[str, frozenset[str]] = {}


# Of the shared rules, English alone writes the month before the day ("May 20"): in French, "le 3
# mai 20 personnes" holds no 20 May.
LANGUAGE["month-day"] = frozenset({"en"})


def _lang(name: str, *langs: str) -> str:
    LANGUAGE[name] = frozenset(langs)
    return name


# --- clock times -------------------------------------------------------------------------------

_HOUR_WORDS = {w: n for w, n in NUMBERS.items() if isinstance(n, int) and 1 <= n <= 12}
_HOUR_WORD = "|".join(sorted(_HOUR_WORDS, key=len, reverse=True))


@rule(
    _lang("clock-fr", "fr"),
    r"(?<![\d,.:])(?P<h>[01]?\d|2[0-3])\s?h(?:\s?(?P<mi>[0-5]\d))?(?![\w,.]\d|\w)"
    r"|(?:(?<=\bà\s)|(?<=\bvers\s)|(?<=\bavant\s)|(?<=\baprès\s))(?P<noon>midi|minuit)(?![\w-])",
)
def _clock_fr(m: re.Match[str], text: str) -> Reading | None:
    """ "18 h", "19 h 30", "9h15", "vers midi"."""
    if m["noon"]:
        return read_as(m, "TIME", "time", hour=12 if m["noon"].lower() == "midi" else 0,
                       minute=0, weekday=0)  # fmt: skip
    return _zoned(m, text, int(m["h"]), int(m["mi"] or 0))


_ZONE = re.compile(r"\s+(?:UTC|GMT|TU)(?![\w+-])")


def _zoned(m: re.Match[str], text: str, hour: int, minute: int) -> Reading:
    """A clock time, with "UTC" after it in its span and its value ("a las 16:00 UTC")."""
    reading = read_as(m, "TIME", "time", hour=hour, minute=minute, weekday=0)
    zone = _ZONE.match(text, m.end())
    if zone:
        reading.end, reading.data["zone"] = zone.end(), "Z"
    return reading


@rule(
    _lang("clock-de", "de"),
    rf"(?:(?P<h>[01]?\d|2[0-3])(?:[.:](?P<mi>[0-5]\d))?|(?P<hw>{_HOUR_WORD}))\s+Uhr(?:\s+(?P<mi2>[0-5]?\d)(?!\d))?(?!\w)"
    rf"|(?P<half>halb)\s+(?P<hh>{_HOUR_WORD}|[01]?\d)(?=\s+(?:Uhr|morgens|abends|früh|am|in|im|direkt|zum|nach|ins|vor)\b)",
)
def _clock_de(m: re.Match[str], text: str) -> Reading | None:
    """ "neun Uhr", "20.30 Uhr", "18 Uhr 30", "halb neun" (half past eight)."""
    if m["half"]:
        raw = m["hh"].lower()
        hour = _HOUR_WORDS[raw] if raw in _HOUR_WORDS else int(raw)
        return read_as(m, "TIME", "time", hour=(hour - 1) % 24, minute=30, weekday=0)
    hour = int(m["h"]) if m["h"] else _HOUR_WORDS[m["hw"].lower()]
    return _zoned(m, text, hour, int(m["mi"] or m["mi2"] or 0))


@rule(
    _lang("clock-es", "es"),
    r"(?<=\ba\s)(?P<w>las|la)\s+(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?(?:\s+(?:horas|h)\b)?(?![\w,.]\d)",
)
def _clock_es(m: re.Match[str], text: str) -> Reading | None:
    """ "a las 10", "a las 18:30 horas", "a la 1"."""
    return _zoned(m, text, int(m["h"]), int(m["mi"] or 0))


@rule(
    _lang("month-yy-fr", "fr"),
    rf"(?:(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:er)?)\s+)?(?P<mon>{MONTH})\s+(?P<yy>\d\d)(?!\w|[,.:]\d|\s*%|\s+[^\W\d_])",
)
def _month_yy(m: re.Match[str], text: str) -> Reading | None:
    """ "octobre 98", "le 10 novembre 93": French news writes the year in two digits."""
    yy = int(m["yy"])
    year = yy + (1900 if yy >= 30 else 2000)
    month = MONTHS[m["mon"].lower().rstrip(".")]
    if m["d"]:
        day = int(m["d"].rstrip("er"))
        return read_as(m, "DATE", "absolute", year=year, month=month, day=day)
    return read_as(m, "DATE", "absolute", year=year, month=month)


# --- parts of days ---------------------------------------------------------------------------

_PARTS = {
    "matin": "MO", "matinée": "MO", "après-midi": "AF", "soir": "EV", "soirée": "EV",
    "nuit": "NI", "morgen": "MO", "früh": "MO", "vormittag": "MO", "nachmittag": "AF",
    "abend": "EV", "nacht": "NI", "mañana": "MO", "tarde": "AF", "noche": "NI",
    "madrugada": "NI", "mittag": "MI", "midi": "MI", "mediodía": "MI",
}  # fmt: skip
_DAY_WORDS = {"hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1, "gestern": -1,
              "heute": 0, "morgen": 1, "ayer": -1, "hoy": 0}  # fmt: skip
_PART_FR = r"matin(?:ée)?|après-midi|soir(?:ée)?|nuit"
_PART_DE = r"Morgen|früh|Vormittag|Nachmittag|Abend|Nacht|Mittag"
_PART_ES = r"mañana|tarde|noche|madrugada|mediodía"


def _part(word: str) -> str:
    return _PARTS[word.lower()]


@rule(
    _lang("day-part-fr", "fr"),
    rf"(?P<day>hier|aujourd['’]hui|demain|{WEEKDAY})\s+(?P<part>{_PART_FR})(?!\w)"
    rf"|(?P<this>ce|cet|cette)\s+(?P<part2>{_PART_FR})(?![\w-])"
    rf"|(?:(?<=\bdans\s)|(?<=\bde\s)|(?<=\ben\s)|(?<=\bdurant\s)|(?<=\bpendant\s))(?P<the>la|le)\s+(?P<part3>{_PART_FR})(?:\s+même)?(?![\w-])"
    rf"|(?P<the2>le|la)\s+(?P<part4>{_PART_FR})\s+même(?!\w)",
)
@rule(
    _lang("day-part-de", "de"),
    rf"(?P<day>gestern|heute|morgen|vorgestern|{WEEKDAY})\s*(?P<part>{_PART_DE})(?!\w)"
    rf"|(?<=\bam\s)(?:(?P<early>frühen|späten)\s+)?(?P<part3>Morgen|Vormittag|Nachmittag|Abend|Mittag)(?!\w)"
    rf"|(?<=\bin\s)(?P<the>der)\s+(?P<part4>Nacht)(?!\w)"
    r"|(?P<adv>morgens|vormittags|nachmittags|abends|nachts)(?!\w)",
)
@rule(
    _lang("day-part-es", "es"),
    rf"(?P<day>ayer|hoy|mañana|anoche|{WEEKDAY})(?:\s+(?:por|en|de)\s+la|\s+a\s+la)?\s+(?P<part>{_PART_ES})(?!\w)"
    rf"|(?P<this>esta)\s+(?P<part2>{_PART_ES})(?!\w)"
    rf"|(?<=\bpor\s)(?P<the>la)\s+(?P<part3>mañana|tarde|noche)(?!\w)"
    r"|(?P<anoche>anoche)(?!\w)",
)
def _day_part(m: re.Match[str], text: str) -> Reading | None:
    """ "hier soir", "lundi matin", "ce matin", "dans la soirée"; "gestern Abend",
    "Sonntagmorgen", "am frühen Abend", "abends"; "ayer por la tarde", "esta noche", "por la
    noche"."""
    g = m.groupdict()
    if g.get("anoche"):
        return read_as(m, "TIME", "deictic", unit="day", n=-1, part="NI")
    if g.get("adv"):
        part = _part(g["adv"].lower()[:-1] if g["adv"].lower() != "nachts" else "nacht")
        return read_as(m, "TIME", "anaphoric", unit="day", n=0, part=part)
    if g.get("day"):
        day = g["day"].lower()
        part = _part(g["part"])
        if day == "morgen" and g["part"].lower() in ("morgen", "früh"):
            return None  # "morgen früh" is tomorrow morning; "Morgen Morgen" is no phrase
        if day in WEEKDAYS:
            if day in ENGLISH_WEEKDAYS:
                return None
            return read_as(m, "TIME", "weekday", weekday=WEEKDAYS[day], rel="", part=part,
                           keep_part=True)  # fmt: skip
        if day == "anoche":
            return None
        return read_as(m, "TIME", "deictic", unit="day", n=_DAY_WORDS[day], part=part)
    if g.get("part2"):
        part = _part(g["part2"])
        return read_as(m, "TIME", "deictic", unit="day", n=0, part=part)
    word = g.get("part3") or g.get("part4")
    if word is None:
        return None
    return read_as(m, "TIME", "anaphoric", unit="day", n=0, part=_part(word))


_GERMAN_SEASONS = {"frühjahr": "SP", "frühjahrs": "SP", "frühling": "SP", "frühlings": "SP",
                   "sommer": "SU", "sommers": "SU", "herbst": "FA", "herbstes": "FA",
                   "winter": "WI", "winters": "WI"}  # fmt: skip


@rule(
    _lang("season-de", "de"),
    r"(?:(?<=\bund\s)|(?<=\bden\s)|(?<=\bzum\s)|(?<=\bdes\s)|(?<=\bdem\s)|(?<=\bvor\s)"
    r"|(?<=\bim\s)|(?<=\bder\s))(?P<s>Frühjahrs?|Frühlings?|Sommers?|Herbst(?:es)?|Winters?)(?!\w)",
    0,
)
def _season_de(m: re.Match[str], text: str) -> Reading | None:
    """ "im Sommer und Herbst", "über den Winter", "bis zum Frühjahr", "des Sommers": a
    German season is a capitalised noun after its article or "und"."""
    season = _GERMAN_SEASONS[m["s"].lower()]
    return read_as(m, "DATE", "season", season=season, rel="")


# --- edges of a year, a month, a week ----------------------------------------------------------

_EDGE = {"anfang": "START", "beginn": "START", "ende": "END", "mitte": "MID", "début": "START",
         "fin": "END", "mi": "MID", "milieu": "MID", "principios": "START", "comienzos": "START",
         "inicios": "START", "finales": "END", "fines": "END", "mediados": "MID",
         "laufe": "", "wechsel": "START"}  # fmt: skip
_STEP = {"dieses": 0, "diesen": 0, "nächsten": 1, "kommenden": 1, "letzten": -1,
         "vergangenen": -1, "vorigen": -1, "folgenden": 1, "vorangegangenen": -1,
         "dernière": -1, "dernier": -1, "prochaine": 1, "prochain": 1, "suivante": 1,
         "suivant": 1, "précédente": -1, "précédent": -1, "pasado": -1, "próximo": 1,
         "que viene": 1, "siguiente": 1, "anterior": -1, "este": 0, "esta": 0}  # fmt: skip
_ANAPHORIC = {"folgenden", "vorangegangenen", "suivante", "suivant", "précédente", "précédent",
              "siguiente", "anterior"}  # fmt: skip
_UNIT_WORD = {"jahres": "year", "jahrs": "year", "monats": "month", "woche": "week",
              "jahrzehnts": "decade", "jahrhunderts": "century", "année": "year", "an": "year",
              "mois": "month", "semaine": "week", "año": "year", "mes": "month",
              "semana": "week"}  # fmt: skip
_DE_REL = r"dieses|diesen|nächsten|kommenden|letzten|vergangenen|vorigen|folgenden|vorangegangenen"


@rule(
    _lang("edge-de", "de"),
    rf"(?P<edge>Anfang|Beginn|Ende|Mitte|Laufe)\s+(?:(?:des|der)\s+)?(?:(?P<rel>{_DE_REL})\s+)?(?P<u>Jahres|Jahrs|Monats|Woche|Jahrzehnts|Jahrhunderts)(?:\s+(?P<y>{YEAR4})(?![\d.,]\d))?(?!\w)"
    rf"|(?P<rel2>{_DE_REL})\s+(?P<u2>Jahres|Monats)(?!\w)"
    rf"|(?P<compound>Jahres|Monats)(?P<edge2>ende|anfang|beginn|mitte|wechsel)(?:\s+(?P<y2>{YEAR4})(?![\d.,]\d))?(?!\w)",
)
@rule(
    _lang("edge-fr", "fr"),
    r"(?P<edge>début|fin|mi|milieu)[\s-]+(?:de\s+l['’]|d['’]|du\s+|de\s+la\s+|de\s+cette\s+|de\s+ce\s+)?(?P<u>année|an|mois|semaine)(?:\s+(?P<rel>dernière|dernier|prochaine|prochain|suivante|suivant|précédente|précédent))?(?!\w)",
)
@rule(
    _lang("edge-es", "es"),
    r"(?P<edge>principios|comienzos|inicios|finales|fines|mediados)\s+(?:de\s+(?:este|esta|ese|esa)\s+|del\s+|de\s+la\s+|de\s+)(?P<u>año|mes|semana)(?:\s+(?P<rel>pasado|próximo|que\s+viene|siguiente|anterior))?(?!\w)",
)
def _edge(m: re.Match[str], text: str) -> Reading | None:
    """ "Ende des Jahres", "Mitte nächsten Jahres", "Jahresende"; "fin de l'année", "début
    du mois prochain"; "a finales de año": the part of the year (month, week) the story is in,
    or of the one named."""
    g = m.groupdict()
    edge = (g.get("edge") or g.get("edge2") or "").lower()
    mod = _EDGE.get(edge, "")
    if g.get("y") or g.get("y2"):  # "im Laufe des Jahres 1966", "zum Jahresbeginn 1918"
        return read_as(m, "DATE", "absolute", year=int(g.get("y") or g["y2"]), mod=mod)
    unit_word = (g.get("u") or g.get("u2") or g.get("compound") or "").lower()
    unit = _UNIT_WORD[unit_word]
    rel = " ".join((g.get("rel") or g.get("rel2") or "").lower().split())
    if not rel:  # "Ende des Jahres": of the year the story is in
        return read_as(m, "DATE", "deictic", unit=unit, n=0, mod=mod, story=True)
    kind = "anaphoric" if rel in _ANAPHORIC else "deictic"
    return read_as(m, "DATE", kind, unit=unit, n=_STEP[rel], mod=mod)


@rule(
    _lang("edge-year-intl", "fr", "de", "es"),
    rf"(?P<edge>Anfang|Ende|Mitte|Beginn|début|fin|mi-|principios\s+de|comienzos\s+de|finales\s+de|fines\s+de|mediados\s+de)\s*(?:(?P<mon>{MONTH})\s+(?:de(?:l)?\s+)?)?(?P<y>{YEAR4})(?![\d.,]\d)",
)
def _edge_year(m: re.Match[str], text: str) -> Reading | None:
    """ "Ende 1864", "Anfang Mai 1998", "fin 2007", "a finales de 2007"."""
    edge = m["edge"].lower().split()[0].rstrip("-")
    mod = _EDGE.get(edge, "")
    if m["mon"]:
        month = MONTHS[m["mon"].lower().rstrip(".")]
        return read_as(m, "DATE", "absolute", year=int(m["y"]), month=month, mod=mod)
    return read_as(m, "DATE", "absolute", year=int(m["y"]), mod=mod)


@rule(
    _lang("edge-month-es", "es"),
    rf"(?P<edge>principios|comienzos|inicios|finales|fines|mediados)\s+de\s+(?P<mon>{MONTH})(?!\w)(?!\s+(?:de(?:l)?\s+)?\d)",
)
def _edge_month(m: re.Match[str], text: str) -> Reading | None:
    """ "a finales de mayo", "a mediados de abril"."""
    month = MONTHS[m["mon"].lower().rstrip(".")]
    return read_as(m, "DATE", "month", month=month, rel="", mod=_EDGE[m["edge"].lower()])


# --- years and months named with their noun ----------------------------------------------------


@rule(
    _lang("year-noun-intl", "fr", "de", "es"),
    rf"(?P<noun>l['’]année|l['’]an|Jahre?s?|año)\s+(?P<y>{YEAR4})(?![\d.,]\d|\w)",
)
def _year_noun(m: re.Match[str], text: str) -> Reading | None:
    """ "l'année 2001", "(im) Jahr 2012", "(in dem) Jahre 1910", "el año 2005"."""
    return read_as(m, "DATE", "absolute", year=int(m["y"]), mod="")


@rule(
    _lang("month-noun-intl", "fr", "es"),
    rf"(?:mois|mes)\s+(?:d['’]|de\s+)(?P<mon>{MONTH})(?!\w)(?!\s+(?:de(?:l)?\s+)?\d)",
)
def _month_noun(m: re.Match[str], text: str) -> Reading | None:
    """ "le mois de juin", "el mes de mayo"."""
    return read_as(m, "DATE", "month", month=MONTHS[m["mon"].lower().rstrip(".")], rel="", mod="")


@rule(
    _lang("month-of-the-year-de", "de"),
    rf"(?:(?P<mon>{MONTH})|(?P<s>{SEASON}))\s+des\s+Jahres\s+(?P<y>{YEAR4})(?![\d.,]\d|\w)",
)
def _month_of_the_year(m: re.Match[str], text: str) -> Reading | None:
    """ "im April des Jahres 1918", "im Herbst des Jahres 1972"."""
    if m["s"]:
        season = SEASONS[m["s"].lower()]
        return read_as(m, "DATE", "absolute", year=int(m["y"]), grain="season", season=season)
    month = MONTHS[m["mon"].lower().rstrip(".")]
    return read_as(m, "DATE", "absolute", year=int(m["y"]), month=month)


_DECADES = {
    "zwanziger": 20, "dreißiger": 30, "dreissiger": 30, "vierziger": 40, "fünfziger": 50,
    "sechziger": 60, "siebziger": 70, "achtziger": 80, "neunziger": 90,
    "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "soixante-dix": 70, "quatre-vingt": 80, "quatre-vingts": 80, "quatre-vingt-dix": 90,
    "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
    "setenta": 70, "ochenta": 80, "noventa": 90,
}  # fmt: skip
_DECADE_WORD = "|".join(sorted(_DECADES, key=len, reverse=True))


@rule(
    _lang("decade-word-intl", "fr", "de", "es"),
    rf"(?P<de>{_DECADE_WORD})\s+Jahren?(?!\w)|(?:les\s+)?années\s+(?P<fr>{_DECADE_WORD})(?!\w)"
    rf"|(?:los\s+)?años\s+(?P<es>{_DECADE_WORD}|[2-9]0)(?!\w)",
)
def _decade_word(m: re.Match[str], text: str) -> Reading | None:
    """ "(in den) fünfziger Jahren", "les années soixante", "los años 80"."""
    word = (m["de"] or m["fr"] or m["es"]).lower()
    tens = int(word) if word.isdigit() else _DECADES[word]
    return read_as(m, "DATE", "absolute", year=1900 + tens, grain="decade", mod="")


# --- days and years counted from the story's ---------------------------------------------------

_COUNTED = {
    # phrase -> (unit, step)
    "le lendemain": ("day", 1), "le surlendemain": ("day", 2), "la veille": ("day", -1),
    "le même jour": ("day", 0), "ce jour-là": ("day", 0), "le jour même": ("day", 0),
    "la même année": ("year", 0), "cette année-là": ("year", 0),
    "selben tag": ("day", 0), "gleichen tag": ("day", 0), "folgenden tag": ("day", 1),
    "nächsten tag": ("day", 1), "darauffolgenden tag": ("day", 1), "vortag": ("day", -1),
    "tag darauf": ("day", 1), "tags darauf": ("day", 1), "einen tag darauf": ("day", 1),
    "vorabend": ("day", -1),
    "vorjahr": ("year", -1), "vorjahres": ("year", -1), "folgejahr": ("year", 1),
    "selben jahr": ("year", 0), "gleichen jahr": ("year", 0), "folgenden jahr": ("year", 1),
    "jahr darauf": ("year", 1), "vormonat": ("month", -1), "vorwoche": ("week", -1),
    "el mismo día": ("day", 0), "ese mismo día": ("day", 0), "ese día": ("day", 0),
    "día siguiente": ("day", 1), "el día anterior": ("day", -1), "la víspera": ("day", -1),
    "el mismo año": ("year", 0), "ese año": ("year", 0),
    "año siguiente": ("year", 1), "el año anterior": ("year", -1),
}  # fmt: skip
_COUNTED_WORDS = "|".join(
    re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_COUNTED, key=len, reverse=True)
)


@rule(_lang("counted-intl", "fr", "de", "es"), rf"(?:{_COUNTED_WORDS})(?![\w-])")
def _counted(m: re.Match[str], text: str) -> Reading | None:
    """ "le lendemain", "am selben Tag", "im Vorjahr", "al día siguiente", "la jornada": a day
    or a year beside the one the text is at."""
    unit, n = _COUNTED[" ".join(m[0].lower().split())]
    return read_as(m, "DATE", "anaphoric", unit=unit, n=n)


@rule(
    _lang("after-intl", "fr", "de", "es"),
    rf"(?P<pre>nach|après|tras)\s+(?P<n>{COUNT})\s+(?P<u>{UNIT})(?!\w)(?!\s+(?:de|der|des|dem|du|d['’]))",
)
def _after_count(m: re.Match[str], text: str) -> Reading | None:
    """ "nach zwei Monaten", "après trois jours", "tras dos semanas": that long after the
    date the text is at."""
    grain, _ = UNITS[m["u"].lower()]
    n = number(m["n"].lower())
    if n is None or n != int(n) or grain in ("hour", "minute", "second"):
        return None
    return read_as(m, "DATE", "anaphoric", unit=grain, n=int(n), plain=True)


@rule(
    _lang("day-of-es", "es"),
    r"(?P<day>día\s+de\s+(?P<w>hoy|ayer|mañana))(?!\w)|(?P<j>jornada)(?!\w)(?!\s+(?:del?|de\s+la)\s)",
)
def _day_of(m: re.Match[str], text: str) -> Reading | None:
    """ "(el) día de hoy", "(en el) día de ayer"; "(la) jornada": the news story's day."""
    if m["j"]:
        if not re.search(r"(?i)\bla\s+\Z", text[max(0, m.start() - 4) : m.start()]):
            return None  # "una jornada de huelga": a day of something, not the story's
        return read_as(m, "DATE", "deictic", unit="day", n=0)
    n = {"hoy": 0, "ayer": -1, "mañana": 1}[m["w"].lower()]
    return read_as(m, "DATE", "deictic", unit="day", n=n)


_YEAR_REL = {"año pasado": -1, "este año": 0, "año próximo": 1, "próximo año": 1,
             "année dernière": -1, "an dernier": -1, "cette année": 0, "année prochaine": 1,
             "letzten jahres": -1, "vergangenen jahres": -1, "vorigen jahres": -1,
             "dieses jahres": 0, "nächsten jahres": 1, "kommenden jahres": 1,
             "folgenden jahres": 1, "vorangegangenen jahres": -1, "selben jahres": 0,
             "año siguiente": 1, "año anterior": -1, "année suivante": 1,
             "année précédente": -1}  # fmt: skip
_STORY_YEAR = {"folgenden jahres": "next", "vorangegangenen jahres": "last",
               "selben jahres": "that", "año siguiente": "next", "año anterior": "last",
               "année suivante": "next", "année précédente": "last"}  # fmt: skip
_YEAR_REL_WORDS = "|".join(
    re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_YEAR_REL, key=len, reverse=True)
)


@rule(
    _lang("month-of-year-intl", "fr", "de", "es"),
    rf"(?:(?P<mon>{MONTH})|(?P<s>{SEASON}))\s+(?:del?\s+|des\s+|de\s+l['’]|d['’])?(?P<rel>{_YEAR_REL_WORDS})(?!\w)",
)
def _month_of_year(m: re.Match[str], text: str) -> Reading | None:
    """ "septiembre del año pasado", "mars de l'année dernière", "September letzten Jahres",
    "im März des folgenden Jahres", "Frühjahr des nächsten Jahres"."""
    rel = " ".join(m["rel"].lower().split())
    if m["s"]:
        season = SEASONS[m["s"].lower()]
        which = {-1: "last", 0: "that", 1: "next"}[_YEAR_REL[rel]]
        return read_as(m, "DATE", "season", season=season, rel=which, anaphoric=True)
    month = MONTHS[m["mon"].lower().rstrip(".")]
    if rel in _STORY_YEAR:  # the year after (before) the story's, in a history too
        return read_as(m, "DATE", "month", month=month, rel=_STORY_YEAR[rel], mod="")
    return read_as(m, "DATE", "month", month=month, year_step=_YEAR_REL[rel], mod="")


# --- then, now, later --------------------------------------------------------------------------

_VAGUE = {
    "damals": "PAST_REF", "früher": "PAST_REF", "einst": "PAST_REF", "einstmals": "PAST_REF",
    "vergangener zeiten": "PAST_REF", "letzter zeit": "PAST_REF",
    "heutzutage": "PRESENT_REF", "gegenwärtig": "PRESENT_REF", "zurzeit": "PRESENT_REF",
    "im moment": "PRESENT_REF", "zur stunde": "PRESENT_REF", "die gegenwart": "PRESENT_REF",
    "zukunft": "FUTURE_REF", "künftig": "FUTURE_REF", "demnächst": "FUTURE_REF",
    "wenig später": "FUTURE_REF", "kurze zeit später": "FUTURE_REF", "kurz darauf": "FUTURE_REF",
    "kurz danach": "FUTURE_REF",
    "folgezeit": "FUTURE_REF", "kurz zuvor": "PAST_REF",
    "autrefois": "PAST_REF", "jadis": "PAST_REF", "auparavant": "PAST_REF",
    "naguère": "PAST_REF", "ces dernières années": "PAST_REF", "désormais": "PRESENT_REF",
    "dorénavant": "PRESENT_REF", "à présent": "PRESENT_REF", "de nos jours": "PRESENT_REF",
    "à l'avenir": "FUTURE_REF", "à l’avenir": "FUTURE_REF", "plus tard": "FUTURE_REF",
    "peu après": "FUTURE_REF",
    "antiguamente": "PAST_REF", "anteriormente": "PAST_REF", "últimamente": "PAST_REF",
    "los últimos años": "PAST_REF", "en la actualidad": "PRESENT_REF",
    "hoy en día": "PRESENT_REF", "hoy día": "PRESENT_REF", "en el futuro": "FUTURE_REF",
    "próximamente": "FUTURE_REF", "más tarde": "FUTURE_REF", "poco después": "FUTURE_REF",
}  # fmt: skip
_VAGUE_WORDS = "|".join(
    re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_VAGUE, key=len, reverse=True)
)


@rule(_lang("vague-intl", "fr", "de", "es"), rf"(?<![\w-])(?:{_VAGUE_WORDS})(?![\w-])")
def _vague(m: re.Match[str], text: str) -> Reading | None:
    """ "damals", "früher", "in Zukunft"; "désormais", "plus tard"; "más tarde", "hoy en día"."""
    phrase = " ".join(m[0].lower().split())
    after = text[m.end() : m.end() + 30]
    if phrase == "früher" and re.match(r"\s+als\b", after):
        return None  # "früher als erwartet": sooner than, not a time
    if phrase == "zukunft" and not re.search(
        r"(?i)\bin\s+\Z", text[max(0, m.start() - 4) : m.start()]
    ):
        return None  # "die Zukunft der Stadt": a thing; "in Zukunft": a time
    if phrase in ("plus tard", "más tarde") and re.match(r"\s+(?:que|de)\b", after):
        return None
    return Reading(m.start(), m.end(), "DATE", "vague", {"value": _VAGUE[phrase]})


# What wakes each rule in `detect` (the words a match starts with, and whether numbers do),
# and how many words before its trigger it may start.
TRIGGERS: dict[str, tuple[set[str], bool, int]] = {
    "clock-fr": ({"midi", "minuit"}, True, 0),
    "month-yy-fr": (set(MONTHS), True, 0),
    "clock-de": ({"halb"} | set(_HOUR_WORDS), True, 0),
    "clock-es": ({"las", "la"}, False, 0),
    "day-part-fr": ({"hier", "aujourd", "demain", "ce", "cet", "cette", "la", "le"}
                    | set(WEEKDAYS), False, 0),
    "day-part-de": ({"gestern", "heute", "morgen", "vorgestern", "frühen", "späten",
                     "vormittag", "nachmittag", "abend", "mittag", "der", "morgens",
                     "vormittags", "nachmittags", "abends", "nachts"}
                    | set(WEEKDAYS) | {w + p.lower() for w in WEEKDAYS
                                              for p in ("morgen", "abend", "nachmittag",
                                                        "vormittag", "nacht", "mittag")},
                    False, 0),
    "day-part-es": ({"ayer", "hoy", "mañana", "anoche", "esta", "la"}
                    | set(WEEKDAYS), False, 0),
    "season-de": (set(_GERMAN_SEASONS), False, 0),
    "edge-de": ({"anfang", "beginn", "ende", "mitte", "laufe", "jahresende", "jahresanfang",
                 "jahresbeginn", "jahresmitte", "jahreswechsel", "monatsende", "monatsanfang",
                 "monatsbeginn", "monatsmitte"} | set(_DE_REL.split("|")), False, 0),
    "edge-fr": ({"début", "fin", "mi", "milieu"}, False, 0),
    "edge-es": ({"principios", "comienzos", "inicios", "finales", "fines", "mediados"}, False, 0),
    "edge-year-intl": ({"anfang", "ende", "mitte", "beginn", "début", "fin", "mi", "principios",
                        "comienzos", "finales", "fines", "mediados"}, False, 0),
    "edge-month-es": ({"principios", "comienzos", "inicios", "finales", "fines", "mediados"},
                      False, 0),
    "year-noun-intl": ({"l", "jahr", "jahre", "jahres", "año"}, False, 0),
    "month-noun-intl": ({"mois", "mes"}, False, 0),
    "decade-word-intl": (set(_DECADES) | {"les", "années", "los", "años", "soixante",
                                          "quatre"}, False, 0),
    "counted-intl": ({p.split()[0] for p in _COUNTED} | {"ce"}, False, 0),
    "after-intl": ({"nach", "après", "tras"}, False, 0),
    "day-of-es": ({"día", "jornada"}, False, 0),
    "month-of-year-intl": (set(MONTHS) | set(SEASONS), False, 0),
    "month-of-the-year-de": (set(MONTHS) | set(SEASONS), False, 0),
    "vague-intl": ({p.split()[0].split("'")[0].split("’")[0] for p in _VAGUE}, False, 0),
}  # fmt: skip
# Which number-shaped words wake the clock rules, and what must follow a bare number.
DIGIT_SHAPES = {
    "month-yy-fr": re.compile(r"\d{1,2}(?:er)?", re.IGNORECASE),
    "clock-fr": re.compile(r"\d{1,2}(?:h(?:\d\d)?)?", re.IGNORECASE),
    "clock-de": re.compile(r"\d{1,2}", re.IGNORECASE),
}
DIGIT_FOLLOW = {
    "month-yy-fr": re.compile(r"(?:er)?\s+[^\W\d_]"),
    "clock-fr": re.compile(r"\s?h(?:\s?\d\d)?(?![\w,.]\d|\w)"),
    "clock-de": re.compile(r"(?:[.:]\d\d)?\s+Uhr\b"),
}
