"""Finding temporal expressions: spans of text, each with what kind of expression it is.

The rules (`rules_calendar.py`, `rules_relative.py`) each read one kind of expression. Running
every rule over every character would be slow, so this module wakes each rule only at the few
places its expression could begin, runs it there, and keeps the longest readings where they
overlap (then the earlier, then the rule listed first).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import partial
from itertools import accumulate, compress, repeat
from operator import add
from typing import Any

from timeline.tagger import rules_calendar, rules_intl, rules_relative  # noqa: F401  (they register the rules)
from timeline.tagger.lexicon import (
    MONTHS,
    NUMBERS,
    ORDINALS,
    SEASONS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)
from timeline.tagger.patterns import RULES, SMALL, Reading
from timeline.tagger.rules_calendar import CENT_WORDS

__all__ = ["Reading", "find"]


# --- running the rules ---------------------------------------------------------------------------
#
# Scanning the whole text with every rule costs a pass per rule. Instead one pass splits the text
# into words, each rule names the words (or numbers) it cannot match without, and the rule is
# tried only at the few word starts before such a word where its expression could begin
# (`_BEFORE_WORDS`, `_STARTERS`, `_RULE_STARTERS`, `_PREV`, `_OPENERS`). On news text this tries
# about one rule per eight words; the text as a whole is split in C and looked over once.

_UNIT_WORDS = set(UNITS) | {"weekend", "fiscal"}
_PARTS = {"morning", "afternoon", "evening", "night"}
_MONTHS = set(MONTHS)
_TRIGGERS: dict[str, tuple[set[str], bool]] = {
    # rule: (trigger words, whether numbers wake it too)
    "week-number": ({"week", "semaine", "kw", "kalenderwoche", "semana"}, True),
    "day-of-month": (set(), True),
    "iso": (set(), True),
    "iso-month": (set(), True),
    "numeric": (set(), True),
    "month-day": (_MONTHS, False),
    "day-month": (_MONTHS, False),
    "roman-day": ({"ides", "nones", "kalends", "calends"}, False),
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
    "later-intl": ({"tard", "auparavant", "später", "früher", "zuvor", "después", "tarde",
                    "antes"}, False),
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
                 "memorial", "election"}, False),
    "range-year": (set(), True),
    "range-era": (set(), True),
    "period": ({"period", "year", "earlier", "ago", "before", "prior"}, False),
    "vague-plural": ({"years", "months", "weeks", "days", "decades", "quarters"}, False),
    "weekend": ({"weekend"}, False),
    "year-end": ({"year", "end", "close", "start", "beginning", "middle", "turn"}, False),
    "plural-units": ({"years", "months", "weeks", "days", "decades", "centuries", "hours",
                      "minutes"}, False),
    "range-days": (_MONTHS, False),
    "range-month-days": (_MONTHS, False),
    "range-months": (_MONTHS, False),
}  # fmt: skip
# Which number-shaped words wake which rules: a rule that needs a year ignores "35".
_DIGIT_SHAPES: dict[str, re.Pattern[str]] = {
    "day-of-month": re.compile(r"\d{1,2}(?:st|nd|rd|th)", re.IGNORECASE),
    "week-number": re.compile(r"\d{4}(?:w\d\d)?", re.IGNORECASE),
    "iso": re.compile(r"\d{4}", re.IGNORECASE),
    "iso-month": re.compile(r"\d{4}", re.IGNORECASE),
    "range-year": re.compile(r"\d{4}", re.IGNORECASE),
    "range-era": re.compile(r"\d{1,4}", re.IGNORECASE),
    "numeric": re.compile(r"\d{1,2}", re.IGNORECASE),
    "year": re.compile(r"\d{1,4}(?:BC|AD|BCE|CE)?", re.IGNORECASE),
    "decade": re.compile(r"\d{1,3}0s|\d0s|\d{4}er|\d{2,4}", re.IGNORECASE),
    "time": re.compile(r"\d{1,2}(?:am|pm|h\d\d)?", re.IGNORECASE),
}


# How many words before its trigger word a rule's match can start: "the past three years"
# starts three words before "years". A rule is only tried at those word starts.
_BEFORE_WORDS = {
    "iso": 0, "iso-month": 0, "numeric": 0, "range-year": 0, "range-era": 0, "range-days": 4,
    "range-month-days": 0, "week-number": 1, "day-of-month": 2,
    "month-day": 3, "day-month": 4, "roman-day": 0, "month-year": 3, "month": 4, "year": 3,
    "spoken-year": 4, "decade": 5, "century": 6, "season": 5, "quarter": 7, "relative": 7,
    "ago": 6, "deep": 6, "ago-intl": 5, "later-intl": 5, "relative-intl": 2, "deictic-word": 4,
    "ref-word": 3, "weekday": 3, "time": 3,
    "part-of-day": 3, "narrative": 4, "duration": 6, "set": 3, "holiday": 1, "period": 4,
    "vague-plural": 3, "weekend": 3, "plural-units": 0, "range-months": 2, "year-end": 4,
}  # fmt: skip


# The French, German and Spanish rules say their own triggers.
for _name, (_wake, _digits, _before) in rules_intl.TRIGGERS.items():
    _TRIGGERS[_name], _BEFORE_WORDS[_name] = (_wake, _digits), _before
_DIGIT_SHAPES.update(rules_intl.DIGIT_SHAPES)

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
_ROMAN = "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx xxi".split()
_INTL_DETERMINERS = frozenset(
    f"{stem}{end}"
    for stem in ("letzt", "vergangen", "vorig", "nächst", "kommend", "dies")
    for end in ("e", "en", "em", "er", "es")
) | frozenset("l la le el cette cet ce próximo próxima este esta".split())
_INTL_STARTERS = _INTL_DETERMINERS | frozenset("il vor hace dans in dentro".split())
_DEFAULT_STARTERS = (
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
    # "Mitte Oktober", "début octobre", "a finales de mayo": a month's part
    | frozenset("anfang ende mitte début fin mi finales principios mediados".split())
    | _INTL_STARTERS
    | frozenset(w.split()[0] for w in NUMBERS)
    | frozenset(ORDINALS)
    | frozenset(CENT_WORDS)
    | frozenset(WEEKDAYS)
    | frozenset(MONTHS)
    | frozenset(SEASONS)
    | frozenset(f"{r}{suffix}" for r in _ROMAN for suffix in ("e", "er"))  # "XIXe siècle"
)


_SPLIT = re.compile(r"(\w+|'\d)")
_DIGIT_ENTRIES: dict[str, Any] = {}


# What must follow a number for a rule to be worth trying: "1998-" for ISO dates, "10:"
# or "10 a.m." for times. Most numbers in news are amounts, and this skips them cheaply.
_DIGIT_FOLLOW: dict[str, re.Pattern[str]] = {
    "week-number": re.compile(r"-?W\d", re.IGNORECASE),
    "iso": re.compile(r"[-/]\d"),
    "iso-month": re.compile(r"-\d"),
    "range-year": re.compile(r"\s*[-–—]\s*\d"),
    "range-era": re.compile(r"\s*(?:[-–—]|to|and|or)\s*\d{1,4}\s*B\.?C", re.IGNORECASE),
    "numeric": re.compile(r"[/.]\d"),
    "time": re.compile(r"[:h]\d|\s*(?:[ap]\.?m\b|in\s+the\s|at\s+night|o['’]clock)", re.IGNORECASE),
    "decade": re.compile(r"['’]?s\b|er\b|(?<=[sr])"),
}

_DIGIT_FOLLOW.update(rules_intl.DIGIT_FOLLOW)

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


def _starts(text: str, lang: str | None = None) -> dict[str, set[int]]:
    """For each rule, the word starts where it may match: in a text known to be in `lang`,
    not the rules of other languages."""
    words, originals, starts = _words(text)
    by_word, starters = _BY_WORD if lang is None else _by_word_in(lang), _STARTERS
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
                if lang is not None:
                    entries = _in_language(entries, lang)
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
            allowed = _RULE_STARTERS.get(name, _DEFAULT_STARTERS)
            for distance, at, w in earlier:
                if distance <= before and (w in allowed or w[0].isdigit()):
                    spots.add(at)
    return out


# Rules whose expressions can only start with a few words (or their trigger) say which.
_COUNT_WORDS = frozenset(w.split()[0] for w in NUMBERS) | frozenset(
    w.split()[0] for w in VAGUE_NUMBERS
)
_RULE_STARTERS: dict[str, frozenset[str]] = {
    "day-of-month": frozenset("on by before after until till from since through and to".split()),
    "duration": _COUNT_WORDS
    | frozenset(
        """the a an another each about almost nearly more less at up over under only just
        roughly some approximately no past last next first final recent coming ensuing""".split()
    ),
    "ago": _COUNT_WORDS
    | frozenset("about almost nearly more less some roughly just only over around".split()),
    "deep": frozenset("about some around approximately roughly c ca".split()),
    "ago-intl": frozenset("il vor hace dans in dentro".split()),
    "later-intl": _COUNT_WORDS,
    "relative-intl": _INTL_DETERMINERS,
    "range-days": frozenset(),
    "range-months": frozenset(MONTHS),
    "day-month": frozenset(WEEKDAYS) | frozenset("the le el den".split()),
    "month-day": frozenset(WEEKDAYS),
    "month-year": frozenset(  # "late July 1959", "the end of May 1905"
        "early late mid the end beginning middle start fin début mi anfang ende mitte".split()
    ),
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
# Every word an expression can start with: only these are looked at before a trigger word.
_STARTERS = _DEFAULT_STARTERS.union(*_RULE_STARTERS.values())
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
    "later-intl": frozenset(UNITS) | {"plus", "más"},
    "year-end": frozenset("the at by around near before until toward towards".split()),
    "relative-intl": _INTL_DETERMINERS,
}
_GUARDED = {e for e in _BY_WORD.values() if any(name in _PREV for name, _ in e)}

# The rules each language's text is read with, and their tables.
_LANGUAGE_RULES = rules_intl.LANGUAGE
_IN_LANGUAGE: dict[tuple[tuple[_Entry, ...], str], tuple[_Entry, ...]] = {}
_BY_WORD_IN: dict[str, dict[str, tuple[_Entry, ...]]] = {}


def _in_language(entries: tuple[_Entry, ...], lang: str) -> tuple[_Entry, ...]:
    key = (entries, lang)
    kept = _IN_LANGUAGE.get(key)
    if kept is None:
        kept = _IN_LANGUAGE[key] = tuple(
            e for e in entries if lang in _LANGUAGE_RULES.get(e[0], (lang,))
        )
        if kept != entries and any(name in _PREV for name, _ in kept):
            _GUARDED.add(kept)
    return kept


def _by_word_in(lang: str) -> dict[str, tuple[_Entry, ...]]:
    table = _BY_WORD_IN.get(lang)
    if table is None:
        pairs = ((w, _in_language(e, lang)) for w, e in _BY_WORD.items())
        table = _BY_WORD_IN[lang] = {w: e for w, e in pairs if e}
    return table


# Rules that start with only some of their trigger words, or none: "three years ago" is
# found from "three", never from "ago".
_OPENERS: dict[str, frozenset[str]] = {
    **{name: frozenset() for name in (
        "duration", "ago", "deep", "range-days", "vague-plural", "weekend", "relative", "narrative",
        "ago-intl", "later-intl", "relative-intl",
    )},
    "set": frozenset(_TRIGGERS["set"][0]) - _UNIT_WORDS - set(WEEKDAYS) - _MONTHS - set(SEASONS),
    "period": frozenset({"year", "prior"}),
    "year-end": frozenset({"year"}),  # "year-end"; "the end of the year" starts before "end"
}  # fmt: skip
_REACH: dict[tuple[_Entry, ...], int] = {}  # the furthest a word's rules look back


_PARAGRAPH = re.compile(r"\n[ \t]*\n")


def find(text: str, lang: str | None = None) -> list[Reading]:
    """Every temporal expression in `text`, as non-overlapping readings in text order; in a
    text known to be in `lang` (see `language`), only the rules that read it."""
    found: list[Reading] = []
    for name, spots in _starts(text, lang).items():
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
                if text.find("\n", reading.start, reading.end) >= 0 and _PARAGRAPH.search(
                    text, reading.start, reading.end
                ):
                    continue  # "in December\n\n## 1961": no expression runs across paragraphs
                reading.rule = name
                found.append(reading)
    return _early_years(text, _longest_first(found))


# "Augustus died in AD 14. ... Vesuvius erupted in 79": in a text where one of the last two
# years before a bare number of two or three digits is of the first millennium (given with its
# era, or as "the 3rd century"; the other may be a year told in passing, "a tablet found in
# 1528"), that number is a year too after "in", "until", "since" or "around", unless what
# follows makes it a count ("in 79 days"). After a year BC the number is read only when it is
# larger, a story that has gone on into the years AD ("founded in 43 BC. In 177"): a smaller
# one could count down in either era ("in 264 BC ... in 241"), and so could a larger one in
# a look back.
_BARE_YEAR = re.compile(
    r"\b(?:[Ii]n|until|till|since|before|after|circa|c\.|[Aa]round)\s+(?P<y>[1-9]\d{1,2})"
    r"(?=\s*(?:[.,;:)]|$)"
    r"|\s+(?:and|when|where|while|as|but|after|before|until|with|under|during|at|on|in|the|his|"
    r"her|its|their|it|he|she|they)\b)"
)


_HAD = re.compile(r"(?:^|[.!?]\s)[^.!?]*\bhad\s[^.!?]*$")


def _looks_back(text: str, at: int) -> bool:
    """Whether the sentence before text[at] looks back in the past perfect ("Carthage fell in
    146 BC. The war had begun in 149"): a larger number there counts on in the years BC."""
    return _HAD.search(text, max(0, at - 200), at) is not None


def _last_years(found: list[Reading], at: int) -> list[Reading]:
    """The last two years given before found[at]."""
    out: list[Reading] = []
    for k in range(at - 1, -1, -1):
        if found[k].kind == "absolute" and "year" in found[k].data:
            out.append(found[k])
            if len(out) == 2:
                break
    return out


def _early_years(text: str, found: list[Reading]) -> list[Reading]:
    if not any(-1000 < r.data.get("year", 1000) < 1000 for r in found if r.kind == "absolute"):
        return found
    starts = [r.start for r in found]
    added: list[Reading] = []
    for m in _BARE_YEAR.finditer(text):
        at = bisect.bisect_left(starts, m.start("y"))
        if at < len(found) and found[at].start < m.end("y"):
            continue  # already read
        if at and found[at - 1].end > m.start("y"):
            continue
        y = int(m["y"])
        before = sorted(_last_years(found, at) + added[-2:], key=lambda r: r.start)[-2:]
        if any(0 < r.data["year"] < 1000 or (1 - y < r.data["year"] <= 0 and not _looks_back(
            text, m.start("y"))) for r in before if isinstance(r.data["year"], int)):  # fmt: skip
            data = {"year": y, "qualifiers": [], "mod": ""}
            added.append(Reading(m.start("y"), m.end("y"), "DATE", "absolute", data, "year"))
    return sorted(found + added, key=lambda r: r.start) if added else found


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
