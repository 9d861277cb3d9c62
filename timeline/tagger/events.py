"""From temporal expressions to events: which dates mark something happening, a short title
taken from the clause around each, the sentence as the description, and provenance.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace

from timeline.merge import MAX_REFS
from timeline.merge import content_words as _content_words
from timeline.merge import retells as _retells
from timeline.model import Day, Event, FuzzyDate, Precision, Qualifier, Settings, SourceRef
from timeline.tagger import Timex
from timeline.tagger.lexicon import PAST_WORDS, PERIOD_NOUNS
from timeline.tagger.patterns import ENDED, MONTH
from timeline.tagger.story import heading
from timeline.tagger.tense import tense
from timeline.tagger.titles import LOOK_BACK, event_clause, fit, headline
from timeline.tagger.titles_fr_de_es import LOOK_BACK as FOREIGN_LOOK_BACK
from timeline.tagger.titles_fr_de_es import document_language
from timeline.tagger.titles_fr_de_es import headline as foreign_headline
from timeline.tagger.titles_fr_de_es import language as foreign_language

TITLE_WORDS = 12
DESCRIPTION_CHARS = 600

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sr jr gen gov sen rep lt col capt sgt cmdr adm inc corp co ltd
    bros no nos vs etc al fig jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed
    thu thur thurs fri sat sun approx ca c u.s a.m p.m e.g i.e dept est univ ave blvd mt
    ft""".split()
)
# A sentence ends at its full stop (with any footnote marks after it: "(GDR).[1]"), at a blank
# line, before a heading or list item, and after a short line that does not end in a full stop
# (a heading written as plain text). Any other line break is the text wrapping: "killed all
# three crew members of\nApollo 1." is one sentence.
_SENTENCE_END = re.compile(
    r"[.!?…]+[\"'”’)\]]*(?:\[[^\]\n]{1,20}\])*(?=\s+[\"'“‘(\[]?[A-Z0-9À-Ý])|\n\s*\n"
    r"|\n(?=[ \t]*(?:[#*•]|[-–]\s|\d+[.)]\s))|(?P<wrap>(?<=[^\s.])\n(?=[A-Z]))"
)
SHORT_LINE = 50  # characters: shorter than text wrapped by hand or by an editor


_MONTH_NEXT = re.compile(rf"\s+{MONTH}", re.IGNORECASE)  # "am 9. November", "8. Mai"
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_INITIALS = re.compile(r"[a-z]|(?:[a-z]\.)+[a-z]")  # "J. Smith", "U.S. troops"
# A word that opens a sentence and is no name: after it, "Lothair I." or "World War I." ends
# a sentence ("... to Lothair I. Around 470 the Burgundians took it").
_OPENER = re.compile(
    r"\s+(?:The|In|On|At|Around|After|Before|By|During|From|For|Under|When|While|Later|Then|"
    r"There|This|That|These|Those|He|She|It|They|We|His|Her|Its|Their|An|But|And|As|With)\b"
)
_DAY_NUMBER = re.compile(r"\d{1,2}")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, with abbreviations ("Mr.", "Jan.", "U.S.") and initials left alone."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m["wrap"] and m.start() - text.rfind("\n", 0, m.start()) > SHORT_LINE:
            continue
        if m.group().startswith("."):
            word = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
            w = word.group(1).lower() if word else ""
            if (
                w in _ABBREVIATIONS
                or (_INITIALS.fullmatch(w) and not _OPENER.match(text, m.end()))
                or (_DAY_NUMBER.fullmatch(w) and _MONTH_NEXT.match(text, m.end()))
            ):
                continue  # "Mr. Smith", "U.S. troops", "am 9. November": not the end
        end = m.end()
        if text[start:end].strip():
            spans.extend(_bounded(text, *_strip(text, start, end)))
        start = end
    if text[start:].strip():
        spans.extend(_bounded(text, *_strip(text, start, len(text))))
    return spans


# Characters in one sentence at most. Text without full stops (a page of dates in tags, a list
# run together on one line) would otherwise be one sentence of megabytes, and each of its dates
# is weighed against every other in it; past this, it is cut at a space.
MAX_SENTENCE = 2_000


def _bounded(text: str, a: int, b: int) -> list[tuple[int, int]]:
    spans = []
    while b - a > MAX_SENTENCE:
        cut = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
        cut = a + MAX_SENTENCE if cut < 0 else cut
        spans.append(_strip(text, a, cut))
        a = _strip(text, cut, b)[0]
    spans.append((a, b))
    return spans


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


# "and", "but" and their French, German and Spanish kin, which begin a new clause.
_CONJUNCTIONS = "and|but|while|et|mais|und|aber|y|pero"
_CLAUSE_SPLIT = re.compile(
    rf"\s*(?:;|:|\s[–—]\s|,\s+(?:{_CONJUNCTIONS}|whereas|although|though|which|when|after|before|as|so)\s+|\band\s+then\b)\s*"
)
_LEADING = re.compile(
    r"^(?:(?:on|in|at|by|since|during|from|until|till|of|around|about|before|after|as\s+of|"
    r"early|late|en|au|am|im|um|seit|desde|puis|et|und|dann|then|and|but|so|also|later|earlier|"
    r"that|this|when|while)\b[\s,]*)+",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"(?:[\s,]*\b(?:on|in|at|by|since|during|from|until|till|of|around|about|before|after|"
    r"as\s+of|le|en|au|am|im|el|the|a|an|and|or|to))+[\s,;:.]*$",
    re.IGNORECASE,
)


_PREPOSITION_BEFORE = re.compile(
    r"(?i)\b(?:on|in|at|by|since|during|from|of|le|la|am|im|en|el|around|about|until|till|"
    r"before|after|over|through|throughout|for|de|du|des|depuis|dès|vom|von|seit|desde|entre|bis)"
    r"(?:\s+(?:dem|der|den|the))?\s*$"
)
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:!?])")
_LOOSE_MARK = re.compile(r" ([,.])(?= |$)")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)")


@functools.lru_cache(maxsize=4096)
def title_for(
    sentence: str,
    start: int,
    end: int,
    lang: str | None = None,
    before: tuple[str, ...] = (),
) -> str:
    """A short title from the clause holding sentence[start:end] (the date), without the date:
    a headline (`titles.headline`) where the sentence can be read as English clauses, or as
    French, German or Spanish ones (`titles_fr_de_es`), else the words of the clause around
    the date. `before`, the sentences before (nearest first), may name a "she" it holds."""
    # Typewriter quotes as news wires write them (``like this''), as the marks they stand for,
    # at the same offsets: the title reader knows quotation marks, not pairs of backticks.
    sentence = sentence.replace("``", " “").replace("''", "” ")
    # A hyphen between spaces is a dash typed on a keyboard: "LONDON, 15 May 2022 - The".
    sentence = sentence.replace(" - ", " – ")
    found = headline(sentence, start, end, before)
    if found is None:
        found = foreign_headline(sentence, start, end, lang, before)
    if found is not None:
        return found
    # "Tuesday's talks": the date's possessive goes with it.
    rest = end + 2 if sentence.startswith(("'s", "’s"), end) else end
    bounds = [0]
    for m in _CLAUSE_SPLIT.finditer(sentence):
        if m.start() >= end or m.end() <= start:
            bounds += [m.start(), m.end()]
    bounds.append(len(sentence))
    clauses = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds) - 1, 2)]
    here = next((i for i, (a, b) in enumerate(clauses) if a <= start < b or a < end <= b), 0)

    def words_of(i: int) -> str:
        a, b = clauses[i]
        text = sentence[a:b]
        if a <= start < b or a < end <= b:
            before = sentence[a:start]
            # "opened in March 1932 and" -> "opened and": the preposition goes with the date.
            before = _PREPOSITION_BEFORE.sub("", before)
            after = sentence[rest:b]
            # "It was first conceived in 1960, during the Eisenhower administration": what
            # follows the comma is an aside.
            if after.lstrip().startswith(",") and len(_tidy(before).split()) >= 3:
                after = ""
            text = before + " " + after
        return _tidy(text)

    text = words_of(here)
    if len(text.split()) == 1 and here > 0:
        # "Sales rose in 2009, and fell in 2010": the verb alone; the subject of the clause
        # before, up to its verb, makes it "Sales fell".
        earlier = words_of(here - 1).split()
        verb = next((k for k, w in enumerate(earlier) if _looks_like_verb(w)), None)
        if verb is not None and 1 <= verb <= 4:
            text = " ".join([*earlier[:verb], text])
    if len(text.split()) < 2:
        for j in (here + 1, here - 1):
            if 0 <= j < len(clauses):
                other = words_of(j)
                if len(other.split()) >= 2:
                    text = f"{text} {other}".strip() if len(text.split()) > 1 else other
                    break
    if len(text.split()) < 2:  # "1987 – Reagan: “Tear down this wall!”": the rest of it
        text = _tidy(sentence[rest:]) or text
    words = text.split()
    if len(words) > TITLE_WORDS:
        # Cut before a phrase, never with an ellipsis: "Le journal a révélé que le contrat".
        text = _TRAILING.sub("", fit(words[:2], words[2:TITLE_WORDS])).rstrip(" ,;:")
    else:
        text = " ".join(words)
    return text[:1].upper() + text[1:] if text else ""


def _looks_like_verb(word: str) -> bool:
    w = word.lower()
    return w in _VERBS or w in PAST_WORDS or (len(w) > 4 and w.endswith("ed"))


# Besides the tagger's past-tense words: auxiliaries and irregular past forms, enough to find
# where a clause's subject ends.
_VERBS = frozenset(
    """is are has have will would can could may might grew shrank sank sold bought built paid
    fought led ran spent struck stood wrote broke chose drew drove flew froze hid hit kept knew
    laid meant put quit rode rang sat shook shot shut sang split spread stole stuck swore swept
    swam taught threw thought understood woke wore""".split()
)


def _tidy(text: str) -> str:
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE_MARK.sub(r"\1", text)
    text = _EMPTY_BRACKETS.sub("", text)
    text = text.strip(" ,;:.-–—\"'“”‘’()")
    for _ in range(3):
        text = _LEADING.sub("", text).strip(" ,;:")
        text = _TRAILING.sub("", text).strip(" ,;:")
    # A quotation cut at one end loses its mark at the other too: 'Reagan: "Tear down this wall!'
    if text.count('"') % 2:
        text = text.replace('"', "")
    if text.count("“") != text.count("”"):
        text = text.replace("“", "").replace("”", "")
    return text


def _own_clause(
    text: str,
    s0: int,
    s1: int,
    start: int,
    end: int,
    others: list[tuple[int, int]],
    blank: tuple[int, int] | None = None,
) -> tuple[str, int, int]:
    """The sentence text[s0:s1] as the title of the date at text[start:end] sees it: the
    other dates blanked out with their prepositions (they have titles of their own), and
    cut before an "and" that leads to the next one. "He was born on 3 May 1920 and died on
    5 June 1990": "He was born", and "He was born and died". `blank` is a later date to blank
    out as well: the one that made this event's date narrower."""
    if not others:
        return text[s0:s1], start - s0, end - s0
    chars = list(text[s0:s1])
    hi = s1
    for a, b in others:
        if a >= end and (a, b) != blank and hi == s1 and (m := _AND.search(text, end, a)):
            hi = m.start()
        if a >= hi:
            continue
        pre = _PREPOSITION_BEFORE.search(text, max(s0, a - 12), a)
        lead = pre.start() if pre else a
        # "the third quarter ended Sept. 30": the "ended" between two dates goes with them
        ended = ENDED.match(text, b)
        stop = ended.end() if ended and _starts_a_date(ended.end(), others, start) else b
        if (before := ENDED.match(text, end)) and before.end() == a:
            lead = end
        for j in range(lead, min(stop, s1)):  # a range may end past the sentence
            chars[j - s0] = " "
    return "".join(chars[: hi - s0]), start - s0, end - s0


_PERIOD_ENDED = re.compile(
    rf"\b(?:{'|'.join(sorted(PERIOD_NOUNS))}){ENDED.pattern}$", re.IGNORECASE
)


# "- [ ] Book the engineer for next Tuesday": a task to do, not done.
_TODO = re.compile(r"[ \t]*(?:[-*+][ \t]+)?\[ \]")
# "Posted by Ruth Abbott on 2 October 2024", "Last edited 12 May 2025", "Mis à jour le 10
# septembre", "Veröffentlicht am", "Actualizado el": when a page was written, not what it tells.
_STAMP = re.compile(
    r"\W*(?:(?:last|zuletzt)\s+)?(?:posted|published|updated|edited|modified|revised|written|"
    r"reviewed|publié|publiée|mis\s+à\s+jour|modifié|actualisé|veröffentlicht|aktualisiert|"
    r"geändert|bearbeitet|stand|publicado|actualizado|modificado|última\s+actualización)\b"
    r"(?!\s+in\b)",  # not "Published in 1859, the book ..."
    re.IGNORECASE,
)
STAMP_LINE = 120  # characters: a stamp is a short line of its own
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*[-–]\s*)?$", re.IGNORECASE)
# "a woman in her forties": an age, not the 1940s.
_AGE = re.compile(
    r"\b(?:in|into)\s+(?:his|her|their|my|our|your|its)\s+(?:(?:early|mid|late)[-\s]+)?$",
    re.IGNORECASE,
)
# What a figure is compared with: "compared with 2023", "up from 41 in 2022", "im Vergleich
# zum Vorjahr", "par rapport à 2019", "frente a 2020".
_VERSUS = re.compile(
    r"\b(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|versus|vs\.?|par\s+rapport\s+"
    r"(?:à|au|aux)|im\s+vergleich\s+(?:zu|zum|zur)|gegenüber|respecto\s+(?:a|al)|frente\s+"
    r"(?:a|al)|en\s+comparación\s+con|(?:más|menos)\s+que|(?:plus|moins)\s+qu['’]?(?:en)?|"
    r"(?:mehr|weniger)\s+als(?:\s+im)?)\s+(?:the\s+same\s+\w+\s+(?:in|of|last)\s+|the\s+|"
    r"l['’]|le\s+|la\s+|les\s+|dem\s+|der\s+|el\s+|la\s+)?$",
    re.IGNORECASE,
)
_FROM_FIGURE = re.compile(
    r"\d\s*(?:%|percent\b|per\s+cent\b|points?\b|million\b|billion\b)[^.;:!?]{0,40}"
    r"\b(?:from|than(?:\s+in)?)\s+$",
    re.IGNORECASE,
)
# "has grown by 10% since 2001", "the highest level since 1501": the figure's baseline.
_SINCE = re.compile(r"\b(?:since|seit|depuis|desde)\s+(?:dem\s+|der\s+|el\s+|l['’])?$",
                    re.IGNORECASE)  # fmt: skip
_CHANGE = re.compile(
    r"\d|%|\b(?:a\s+third|half|quarter|grown|grew|risen|rose|fallen|fell|dropped|increased|"
    r"decreased|doubled|halved|tripled|climbed|declined|jumped|slumped|gone\s+(?:up|down)|"
    r"\w+est|most|least|record|höchst\w*|niedrigst\w*|stärkst\w*|größt\w*|gestiegen|"
    r"gesunken|verdoppelt|augmenté|baissé|chuté|progressé|doublé|plus\s+(?:haut|bas|fort)|"
    r"aumentado|caído|subido|bajado|duplicado|récord|rekord)\b",
    re.IGNORECASE,
)
# "The runway was closed until noon", "resteront fermées jusqu'à lundi": where a state ends.
_UNTIL = re.compile(
    r"\b(?:until|till|jusqu['’]\s*(?:à|au|en)|bis(?:\s+(?:zum|zur))?|hasta(?:\s+el)?)"
    r"\s+(?:(?:at\s+)?least\s+)?$",
    re.IGNORECASE,
)
_WHEN_AFTER = re.compile(r"\s*,\s*(?:when|als|quand|lorsque|lorsqu['’]|cuando)\b", re.IGNORECASE)
# "was not finished until 1880": then it was finished.
_NOT_UNTIL = re.compile(r"\b(?:not|never|n't|nicht|erst|ne|n['’]|no)\b", re.IGNORECASE)
# "She was 45 in 1988": an age, told as a title.
_AGE_TITLE = re.compile(
    r"\b(?:was|were|is|turned)\s+(?:aged\s+)?\d{1,3}(?:\s+years?\s+old)?$", re.IGNORECASE
)


def _no_event(text: str, s0: int, t: Timex, after_another: bool) -> bool:
    """Whether the date t marks no happening: a to-do item, a stamp ("Posted on", "Updated",
    "© 2023"), an age ("in her forties"), the period a figure is compared with, or where a
    state ends ("until noon"); a range's "until" is the range's own."""
    line = text.rfind("\n", 0, t.start) + 1
    if _TODO.match(text, line):
        return True
    if t.start - line < STAMP_LINE and _STAMP.match(text, line):
        end = text.find("\n", t.end)
        if (len(text) if end < 0 else end) - line < STAMP_LINE:
            return True
    lead = max(s0, line, t.start - 80)
    if _COPYRIGHT.search(text, lead, t.start) or _AGE.search(text, lead, t.start):
        return True
    if _VERSUS.search(text, lead, t.start):
        return True
    if after_another and _FROM_FIGURE.search(text, lead, t.start):
        return True  # "rose 3 percent in March from February"
    if (since := _SINCE.search(text, lead, t.start)) and _CHANGE.search(text, lead, since.start()):
        return True
    until = _UNTIL.search(text, max(s0, t.start - 24), t.start)
    return (
        t.range_to is None
        and not _WHEN_AFTER.match(text, t.end)  # "until 1884, when her father sent her"
        and until is not None
        and not _NOT_UNTIL.search(text, max(s0, until.start() - 40), until.start())
        # "He lived in Paris until 1990": that he left then is told
        and tense(text, t.start, t.end) != "past"
    )


def _starts_a_date(at: int, others: list[tuple[int, int]], start: int) -> bool:
    return at == start or any(a == at for a, _ in others)


def _others(
    dated: list[tuple[int, int]], s0: int, s1: int, start: int, end: int
) -> list[tuple[int, int]]:
    """The spans of the dates in the sentence text[s0:s1] other than the one at start-end."""
    lo, hi = bisect.bisect_left(dated, (s0, s0)), bisect.bisect_left(dated, (s1, s1))
    return [(a, b) for a, b in dated[lo:hi] if b <= start or a >= end]


_AND = re.compile(rf",?\s+(?:{_CONJUNCTIONS}|then)\s+")
_APPOSED = re.compile(r"\s*,\s*")
_COMPARED = re.compile(
    r"\b(?:from|with|than|against|versus|vs\.)\s+"
    r"(?:(?:[^.;:!?]|\.(?=\d)){0,40}?\d(?:[^.;:!?]|\.(?=\d)){0,30})?$",
    re.IGNORECASE,
)
_COMPARED_OFFSET = re.compile(r"\b(?:earlier|ago|before)$", re.IGNORECASE)
_PLANNED_END = re.compile(r"\b(?:until|till|by)\s+(?:at\s+least\s+)?(?:the\s+)?$", re.IGNORECASE)
_TO_VERB = re.compile(r"(?P<before>\b[a-z]+\s+)?\bto\s+[a-z]+\b[^,;.]*$")
_OFFSET = re.compile(r"\b(?:later|earlier|after|before|afterwards?)$", re.IGNORECASE)
_DEADLINE = re.compile(r"\b(?:by|before|until|till)\s+$", re.IGNORECASE)


def _planned(text: str, lo: int, at: int, by: bool) -> bool:
    """Whether a "to" before text[at] leads to what a plan is to do ("a measure to freeze fares
    until", "plans to install new cranes by"); before "by", not after a past verb ("ceased to
    meet by March" happened by then)."""
    m = _TO_VERB.search(text, lo, at)
    if m is None or not by or not m["before"]:
        return m is not None
    word = m["before"].strip().lower()
    return not (word in PAST_WORDS or (len(word) > 4 and word.endswith("ed")))


def _same_clause(sentence: str, first: Timex, t: Timex, s0: int) -> bool:
    """Whether two dates of a sentence date the same clause's event: "Two months later,
    Apollo 8 orbited the Moon over Christmas" (one event), not "besieged Vienna in 1683 but
    was driven off in September" (two), nor "begun in 1248, was not finished until 1880"."""
    a = event_clause(sentence, first.start - s0, first.end - s0)
    b = event_clause(sentence, t.start - s0, t.end - s0)
    if a is None or b is None:
        # read as French, German or Spanish: a comma between the two with words on both
        # sides ends a clause ("Die Firma, die 1998 gegründet wurde, hat im Mai")
        between = sentence[first.end - s0 : t.start - s0]
        if _CLAUSE_SPLIT.search(between) or _COMMA_CLAUSE.search(between):
            return False
        # "La fábrica, que abrió en 1974, cerrará en marzo": a verb after the comma; not
        # "Trois semaines plus tard, dans la nuit du 4 août", the next date's own words
        if "," not in between or foreign_language(sentence) is None:
            return True
        return all(w in _LEADS_TO_A_DATE for w in between.rpartition(",")[2].lower().split())
    return a == b


_COMMA_CLAUSE = re.compile(r"\w[^,;]*[,;]")
# Words between a comma and the date they lead to, in French, German and Spanish.
_LEADS_TO_A_DATE = frozenset(
    """le la l' les du de des en au à dans dès depuis vers nuit matin soir matinée soirée
    am im in um an dem den der die vom seit nacht morgen abend nachmittag
    el los las del desde hacia a noche mañana tarde""".split()
)


def _holds(t: Timex, prior: tuple[Found, Timex]) -> bool:
    """Whether `t` is a wider date holding the one the sentence's event already has."""
    return _nested(prior, t, wider=True)


def _refines(prior: tuple[Found, Timex], t: Timex) -> bool:
    """Whether `t` is a narrower date inside the one the sentence's event already has."""
    return _nested(prior, t, wider=False)


def _nested(prior: tuple[Found, Timex], t: Timex, wider: bool) -> bool:
    date = prior[0].event.date
    assert t.date is not None
    if prior[0].event.end is not None or t.date == date:
        return False
    inner, outer = (date, t.date) if wider else (t.date, date)
    return outer.start <= inner.start and inner.end <= outer.end


# The languages the tagger reads. Told them, dateparser tries four languages' words on a date
# the fast path cannot read, not all two hundred it knows: loading those took 3-5 s in every
# process that met one such date, which is most of what reading a corpus on two workers cost.
_TAGGER_LANGUAGES = Settings(languages=("en", "fr", "de", "es"))


def _normalised(t: Timex) -> FuzzyDate:
    """The days of a date the text gives outright, read by the same normaliser as YAML dates
    (`timeline.dates`: its fast path, then dateparser, cached), so that "the 19th century" in
    an article and in events.yaml are the same days. The tagger's reading stands when the
    normaliser cannot read the words alone or reads them as another year."""
    assert t.date is not None
    if t.anchored:
        return t.date
    from timeline.dates import parse_date
    from timeline.errors import DateError

    try:
        parsed = parse_date(t.text, _TAGGER_LANGUAGES)
    except DateError:
        return t.date
    if parsed.end < t.date.start or t.date.end < parsed.start:
        return t.date  # read as another time altogether: keep the tagger's reading
    return FuzzyDate(parsed.start, parsed.end, parsed.precision,
                     parsed.qualifiers | t.date.qualifiers, t.text)  # fmt: skip


@dataclass(slots=True)
class Found:
    event: Event
    words: frozenset[str]
    refs: list[SourceRef]
    count: int = 1  # sources, including those past MAX_REFS that are not kept


# A pronoun that may be a sentence's subject, in the four languages: "Marie Curie moved to
# Paris in 1891. In 1903 she won the Nobel Prize."
_PRONOUN = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ii]ls?|[Ee]lles?|[Ee]r|[Ss]ie|[ÉéEe]l|[Ee]llas?)\b"
)


def _before(text: str, spans: list[tuple[int, int]], k: int, lang: str | None) -> tuple[str, ...]:
    """The sentences before sentence k, nearest first, when sentence k holds a pronoun that
    `titles.headline` may look back for, or is in Spanish (whose sentences leave their
    subject out), else (): the title cache keeps its hits."""
    if k <= 0:
        return ()
    a, b = spans[k]
    if not (lang == "es" or _PRONOUN.search(text, a, b)):
        return ()
    back = FOREIGN_LOOK_BACK if lang else LOOK_BACK
    return tuple(text[x:y] for x, y in reversed(spans[max(0, k - back) : k]))


def build_events(
    text: str,
    path: str,
    timexes: list[Timex],
    today: Day,
    line_starts: list[int],
    offset_map: list[int] | None = None,
) -> tuple[list[Event], list[Timex]]:
    """Events from the dates that mark something happening, and the date expressions that
    could not be placed on the timeline (to be reported)."""
    spans = sentences(text)
    starts = [a for a, _ in spans]
    lang = document_language(text)  # for sentences too short to say what language they are
    found: list[Found] = []
    by_days: dict[tuple[int, int], list[Found]] = {}  # the same event told twice: same days
    exact: dict[tuple[tuple[int, int], str], Found] = {}
    in_sentence: dict[int, tuple[Found, Timex]] = {}  # sentence -> its event and its date
    unplaced: list[Timex] = []
    skip: set[int] = set()
    # The spans of the dates, a range's two ends as one ("February to April"): what each
    # event's title leaves out of the others'.
    ends = {t.range_to for t in timexes if t.range_to is not None and t.range_to < len(timexes)}
    dated = [
        (t.start, timexes[t.range_to].end if t.range_to in ends else t.end)
        for i, t in enumerate(timexes)
        if t.type in ("DATE", "TIME") and i not in ends
    ]
    for i, t in enumerate(timexes):
        if i in skip or t.type not in ("DATE", "TIME"):
            continue
        if t.date is None:
            unplaced.append(t)
            continue
        k = bisect.bisect_right(starts, t.start) - 1
        s0, s1 = spans[k] if k >= 0 else (0, len(text))
        sentence = text[s0:s1]
        # "Two months later, Apollo 8 orbited the Moon over Christmas": one event, on the
        # narrower of two dates in one sentence when one holds the other.
        prior = in_sentence.get(k)
        deadline = bool(_DEADLINE.search(text, max(0, t.start - 8), t.start))
        # (the clauses are read only when the answer matters)
        same_clause = (
            prior is not None
            and t.range_to is None
            and (deadline or _refines(prior, t))
            and _same_clause(sentence, prior[1], t, s0)
        )
        if (
            prior is not None
            and _APPOSED.fullmatch(text, prior[1].end, t.start)
            and _OFFSET.search(t.text)
        ):
            # "impeached him on Jan. 13, a week later": how far the date lies from another,
            # not an event of its own
            continue
        if (
            prior is not None
            and (ENDED.match(text, t.end) or _PERIOD_ENDED.search(text, s0, t.start))
            and _same_clause(sentence, prior[1], t, s0)
        ):
            # "today reported net income for the third quarter ended Sept. 30": the period the
            # figure covers, not a second event of the report
            continue
        if _no_event(text, s0, t, prior is not None):
            # a to-do item, a post's or page's stamp, a copyright line, an age, the period
            # a figure is compared with, where a state lasts until: no happening
            continue
        if _COMPARED_OFFSET.search(t.text) and _COMPARED.search(
            text, max(s0, t.start - 80), t.start
        ):
            # "net income of $58.6 million, up from $41.2 million a year earlier": the figure
            # it is compared with, not something that happened then
            continue
        if (planned := _PLANNED_END.search(text, max(s0, t.start - 20), t.start)) and (
            _planned(text, max(s0, t.start - 60), t.start, by=planned[0][:2].lower() == "by")
            or tense(text, t.start, t.end) == "future"
        ):
            # "a measure to freeze fares until 2023", "would remain closed until the end of
            # the year", "plans to install new cranes by 2027": where a plan ends or the day it
            # is due, not something that happened then
            continue
        if (
            prior is not None
            and t.range_to is None
            and not deadline
            and _holds(t, prior)
            and _same_clause(sentence, prior[1], t, s0)
        ):
            # "On January 23, 2007, in the 2007 State of the Union address, Bush announced":
            # the wider date adds nothing to the event the narrower one already dates
            continue
        if same_clause and deadline:
            # "On May 25, 1961, Kennedy set the goal of a landing by the end of the decade":
            # the deadline of what happened on the first date, not an event of its own.
            continue
        if prior is not None and same_clause and _refines(prior, t):
            f, first = prior
            narrower = _normalised(t)
            # "Three weeks later, on the night of 4 August, the Assembly...": the title loses
            # the narrower date too.
            around = _others(dated, s0, s1, first.start, first.end)
            retitled = title_for(
                *_own_clause(text, s0, s1, first.start, first.end, around, (t.start, t.end)),
                lang,
                _before(text, spans, k, lang),
            )
            title = retitled if len(retitled.split()) >= 2 else f.event.title
            f.event = replace(f.event, date=replace(narrower, text=t.text), title=title)
            if len(f.refs) == 1:  # its source is where the date it now has is written
                a, b = _source_span(t, offset_map)
                line = bisect.bisect_right(line_starts, a)
                f.refs[0] = replace(f.refs[0], line=line, start=a, end=b)
                f.event = replace(f.event, refs=(f.refs[0],))
            in_sentence[k] = (f, t)
            continue
        j = t.range_to
        other = timexes[j] if j is not None and j < len(timexes) else None
        if other is None or other.date is None:
            j, other = None, None
        # A range's title leaves out both of its ends: "Talks ran from 3 to 5 March".
        t_end = other.end if other else t.end
        others = _others(dated, s0, s1, t.start, t_end)
        title = title_for(
            *_own_clause(text, s0, s1, t.start, t_end, others), lang, _before(text, spans, k, lang)
        )
        if _AGE_TITLE.search(title):
            continue  # "She was 45 in 1988": how old, not what happened
        if len(title.split()) < 2:
            if not heading(text, t.start, t.end):
                # ("## 1967" over that year's events heads them: no date lost there)
                unplaced.append(t)
            continue
        date, end, written = _normalised(t), None, t.text
        if j is not None and other is not None:
            end = other.date
            skip.add(j)
            written = text[t.start : other.end]
        elif t.open_ended:
            end = FuzzyDate(
                today, today, Precision.DAY, frozenset({Qualifier.OPEN_ENDED}), "present"
            )
        date = FuzzyDate(
            date.start,
            date.end,
            date.precision,
            date.qualifiers,
            written if end is None else t.text,
        )
        if end is not None and end.end < date.start:
            end = None
        src_start, src_end = _source_span(t, offset_map)
        line = bisect.bisect_right(line_starts, src_start)
        # (markup blanked to keep offsets leaves "June 2010 ," and "the bridge ." behind)
        clean = _LOOSE_MARK.sub(r"\1", _SPACES.sub(" ", sentence).strip())
        if len(clean) > DESCRIPTION_CHARS:
            clean = clean[: DESCRIPTION_CHARS - 1].rstrip() + "…"
        ref = SourceRef(path, line, src_start, src_end, clean)
        event = Event(date=date, title=title, end=end, description=clean, refs=(ref,))
        key = (date.start.ordinal, event.last_day.ordinal)
        same = exact.get((key, title.casefold()))
        if same is not None:  # told again in the same words
            same.count += 1
            if len(same.refs) < MAX_REFS:
                same.refs.append(ref)
            continue
        words = _content_words(title)
        # Told again in other words: the same day, given outright, and two words in common. Only
        # days are precise enough to say so, and a few candidates are enough to look at. A day
        # counted from another ("that night") is the next thing to happen, not a retelling.
        candidates = by_days.setdefault(key, []) if date.precision is Precision.DAY else []
        for f in [] if t.anchored else candidates[:20]:
            if _retells(f.words, words, f.event.title, title):
                f.count += 1
                if len(f.refs) < MAX_REFS:
                    f.refs.append(ref)
                break
        else:
            found.append(Found(event, words, [ref]))
            if end is None:
                in_sentence[k] = (found[-1], t)
            exact[(key, title.casefold())] = found[-1]
            candidates.append(found[-1])
    events = [f.event if f.count == 1 else _with_refs(f) for f in found]
    return events, unplaced


def _source_span(t: Timex, offset_map: list[int] | None) -> tuple[int, int]:
    """Where the date t is written in the source file."""
    if not offset_map:
        return t.start, t.end
    start = offset_map[t.start]
    # (empty where a heading lent its date: "<h2>1967</h2><li>...")
    return start, offset_map[t.end - 1] + 1 if t.end > t.start else start


def _with_refs(f: Found) -> Event:
    """The event with every source kept, and the count of all when some were not."""
    return replace(f.event, refs=tuple(f.refs), ref_count=f.count if f.count > len(f.refs) else 0)
