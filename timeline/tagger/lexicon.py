"""Words of time, in English, French, German and Spanish: what the patterns are built from."""

from __future__ import annotations

# Month names and abbreviations -> month number. Keys are lower case; the patterns demand a
# capital letter in English, where "may", "march" and "august" are also ordinary words.
MONTHS: dict[str, int] = {}
for _n, _names in enumerate(
    (
        "january jan janvier janv januar jän enero ene",
        "february feb febr février févr februar feber febrero",
        "march mar mars märz marz marzo",
        "april apr avril avr abril",
        "may mai mayo",
        "june jun juin juni junio",
        "july jul juillet juil juli julio",
        "august aug août aout agosto",
        "september sep sept septembre septiembre setiembre",
        "october oct octobre oktober okt octubre",
        "november nov novembre noviembre",
        "december dec décembre decembre dezember dez diciembre dic",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _n

ENGLISH_MONTHS = {k: v for k, v in MONTHS.items() if k in (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()}  # fmt: skip

WEEKDAYS: dict[str, int] = {}  # -> ISO weekday, Monday = 1
for _n, _names in enumerate(
    (
        "monday lundi montag lunes",
        "tuesday mardi dienstag martes",
        "wednesday mercredi mittwoch miércoles miercoles",
        "thursday jeudi donnerstag jueves",
        "friday vendredi freitag viernes",
        "saturday samedi samstag sonnabend sábado sabado",
        "sunday dimanche sonntag domingo",
    ),
    start=1,
):
    for _name in _names.split():
        WEEKDAYS[_name] = _n

SEASONS = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
    "printemps": "SP", "été": "SU", "automne": "FA", "hiver": "WI",
    "frühling": "SP", "frühjahr": "SP", "sommer": "SU", "herbst": "FA",
    "primavera": "SP", "verano": "SU", "otoño": "FA", "invierno": "WI",
}  # fmt: skip

NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "huit": 8, "neuf": 9,
    "dix": 10, "quinze": 15, "vingt": 20, "trente": 30,
    "ein": 1, "einem": 1, "einer": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "zwanzig": 20, "dreißig": 30,
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "quince": 15, "veinte": 20, "treinta": 30,
}  # fmt: skip
VAGUE_NUMBERS = ("several", "few", "a few", "some", "many", "a number of", "numerous",
                 "plusieurs", "quelques", "mehrere", "einige", "einigen", "wenigen", "varios",
                 "unos", "unas", "algunos", "algunas")  # fmt: skip

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "last": 4,
}  # fmt: skip

# Units -> (grain, TIMEX3 duration letter). "decade" is P10Y in the TimeBank convention.
UNITS: dict[str, tuple[str, str]] = {}
for _grain, _letter, _names in (
    ("millennium", "1000Y", "millennium millennia millenniums"),
    ("century", "100Y", "century centuries siècle siècles jahrhundert jahrhunderte siglo siglos"),
    ("decade", "10Y", "decade decades décennie décennies jahrzehnt jahrzehnte década décadas"),
    # Not the French "an": in English text it is the article.
    ("year", "Y", "year years yr yrs ans année années jahr jahre jahren año años"),
    ("quarter", "Q", "quarter quarters"),
    ("month", "M", "month months mois monat monate monaten mes meses"),
    ("week", "W", "week weeks semaine semaines woche wochen semana semanas"),
    ("day", "D", "day days jour jours tag tage tagen día días dia dias"),
    ("hour", "H", "hour hours hr hrs heure heures stunde stunden hora horas"),
    ("minute", "M", "minute minutes min mins minuten minuto minutos"),
    ("second", "S", "second seconds sec secs seconde secondes sekunde sekunden segundo segundos"),
):
    for _name in _names.split():
        UNITS[_name] = (_grain, _letter)

# Holidays with a fixed date, and those computed from the year.
FIXED_HOLIDAYS = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas": (12, 25),
    "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "valentine's day": (2, 14), "halloween": (10, 31), "independence day": (7, 4),
    "the fourth of july": (7, 4), "bastille day": (7, 14), "veterans day": (11, 11),
    "armistice day": (11, 11), "st. patrick's day": (3, 17), "may day": (5, 1),
    "noël": (12, 25), "weihnachten": (12, 25), "navidad": (12, 25),
}  # fmt: skip
MOVABLE_HOLIDAYS = ("thanksgiving", "thanksgiving day", "easter", "easter sunday",
                    "good friday", "labor day", "labour day", "memorial day",
                    "election day")  # fmt: skip

# Stretches of time a figure may cover, named by the day they end on: "the six months ended
# Sept. 30", "the quarter ending July 31".
PERIOD_NOUNS = frozenset("months quarter quarters year years period weeks half".split())

# Words after a number that show it counts things rather than naming a year.
COUNTED = frozenset(
    """people persons men women children troops soldiers workers employees jobs shares stocks
    dollars euros pounds yen cents points votes seats cars vehicles homes houses units tons
    tonnes barrels miles kilometers km metres meters feet acres hectares pages copies calls
    cases deaths dead killed injured wounded members students patients users customers
    companies firms banks planes ships rounds games goals runs yards percent pct acre sq
    visitors residents voters delegates refugees prisoners hostages signatures words degrees
    laptops computers phones devices items products tickets books songs albums films photos
    rifles guns weapons tanks aircraft jets missiles rockets bombs horses cattle sheep""".split()
)

# English verbs whose simple past does not end in "-ed" and is no other form of the verb
# ("put", "read", "cut" and "set" are, and say nothing of the tense).
IRREGULAR_PAST = frozenset(
    """arose ate awoke became began bent bit bled blew bore bought bred broke brought built
    came caught chose clung crept dealt did drank drew drove dug fell felt fled flew forbade
    forgave forgot foresaw fought found froze gave got grew had heard held hid hung kept knelt
    knew laid leapt led left lent lit lost made meant met mistook oversaw overcame overtook
    overthrew paid ran rang rode rose sang sank sat saw said shook shone shot slid slept sold
    sought spent spoke sped spun sprang stole stood strode struck stuck swam swept swore
    taught thought threw told took tore understood undertook upheld was went were wept
    withdrew withheld withstood woke won wore wrote""".split()
)
PAST_WORDS = IRREGULAR_PAST | frozenset(
    """told announced reported ended closed gained signed agreed decided launched opened
    killed arrested elected named appeared occurred happened passed died ago earlier
    previously last yesterday former formerly dijo fue était war hatte""".split()
)
FUTURE_WORDS = frozenset(
    """will would shall 'll going plans plan planned planning expects expected expect expecting
    scheduled due intends intending hopes hoping preparing supposed slated poised next coming
    upcoming later tomorrow soon to-be set sera wird werden será""".split()
)
# Verbs of a fixed timetable, in the simple present: news writes what is to come this way ("the
# envoy returns Thursday", "the law takes effect Monday", "the strike ends Friday").
SCHEDULED_PRESENT = frozenset(
    """begins starts opens reopens resumes returns ends closes expires meets travels arrives
    leaves departs visits convenes reconvenes takes kicks launches hosts debuts premieres airs
    testifies retires""".split()
)
# The same verbs with a plural subject ("the two leaders meet Monday"): nouns too, so they count
# only after a word that makes them a verb (see tense.py).
SCHEDULED_PLURAL = frozenset(
    "begin resume return arrive travel leave depart visit convene testify meet".split()
)
