"""The tense of the clause around an expression, which decides the direction of "Friday",
"in March" or "the quarter" counted from a news story's own date: "said Friday" is the one
before, "will meet Friday" the one after.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from timeline.tagger.language import verb_tense
from timeline.tagger.lexicon import (
    FUTURE_WORDS,
    PAST_WORDS,
    SCHEDULED_PLURAL,
    SCHEDULED_PRESENT,
)

_WORD = re.compile(r"[\w']+")

# A full stop ends a clause unless a lower-case word or a digit follows ("Conseco Inc. said",
# "$8.59 billion").
_CLAUSE_EDGE = re.compile(
    r"\.(?!\d|\s+[a-z])|[;:!?,]|\n\s*\n|\bthat\b|\bwhich\b|\bwho\b|\bbut\b|[\"“”]"
)
# The end of the last clause edge before a point: ".*" runs to the point and backs off.
_LAST_CLAUSE_EDGE = re.compile(r"(?s:.*)(?P<edge>" + _CLAUSE_EDGE.pattern + ")")
# Words that can stand before a date put first in its sentence: "In March, ...", "Over the
# summer, ...".
_FRONTING = frozenset(
    """in on by during at since until after before from early late then over through
    throughout""".split()
)
# What ends a sentence (a full stop before a capital, a blank line) or a quotation.
_SENTENCE_EDGE = re.compile(r"\.(?!\d|\s+[a-z])|[!?]|\n\s*\n|[\"“”]")
_LAST_SENTENCE_EDGE = re.compile(r"(?s:.*)(?:" + _SENTENCE_EDGE.pattern + ")")
# Just before a date, words that put it ahead whatever the verb: "could come as early as
# Tuesday", "ahead of the weekend".
_AHEAD = re.compile(
    r"\b(?:as\s+(?:early|soon)\s+as|no\s+later\s+than|ahead\s+of)\s+(?:the\s+)?$", re.IGNORECASE
)
# Put off to a date, whatever the tense: "the court adjourned until Monday", "extended its
# deadline to Nov. 6".
_DEFERRED = re.compile(
    r"\b(?:postpon|delay|defer|extend|adjourn|reschedul|put\s+off|push\w*\s+back|moved\s+back)"
    r"[^.;!?]{0,40}?\s(?:until|till|to|into)\s+(?:(?:the|early|mid|late)[\s-]+)?$",
    re.IGNORECASE,
)
_AHEAD_VERBS = frozenset("will 'll wo shall looms loom approaches nears".split())
# Past verbs whose "to" leads to a thing still to do: "ordered him to appear on Monday".
_ASKED_TO = frozenset(
    """subpoenaed ordered asked told invited urged summoned required forced allowed requested
    directed authorized permitted encouraged called""".split()
)
_SOON = re.compile(r"\bas\s+soon\s+as\b[^.;,!?]{0,40}$", re.IGNORECASE)
_TO_DO = re.compile(r"\s+to\s+[a-z]{3,}\b")
_UNTIL = re.compile(r"\b(?:until|till)\s+(?:the\s+)?$", re.IGNORECASE)
_DETERMINERS = frozenset("the a an its their his her this that these those".split())
_BE = frozenset({"be", "is", "are", "am", "being"})
# Before a word in "-s", words that make it a noun: "the starts", "tax returns", "its leaves".
_NOT_A_VERB_AFTER = _DETERMINERS | {"of", "tax", "housing", "annual", "quarterly", "total"}
_PERFECT = frozenset({"has", "have", "hasn't", "haven't"})
# Before a participle, verbs that make it a state rather than a past: "stay closed".
_LINKING = _BE | {"stay", "stays", "remain", "remains", "get", "gets", "become", "becomes"}


def _marker(words: list[str], i: int) -> str:
    """What words[i] says of the tense, if anything."""
    w = words[i]
    if w in ("will", "shall", "'ll", "wo", "going") or w.endswith("'ll"):
        return "future"
    if w in ("should", "might") and words[i + 1 : i + 2] != ["have"]:
        return "future"  # "talks should resume on Monday"; not "should have ended Friday"
    if w in FUTURE_WORDS and w not in ("next", "coming", "later", "tomorrow", "soon"):
        after = words[i + 1 : i + 4]
        if (w == "set" and "to" not in after and "for" not in after) or (
            w == "due" and after[:1] == ["to"] and after[1:2] and after[1] in _DETERMINERS
        ):
            # "set Friday as the deadline", "a record set on Aug. 6", "due to the rain"; but
            # "set a hearing for Friday"
            return ""
        if "had" in words[max(0, i - 2) : i]:
            return "past"  # "had been due to expire Friday": a plan of the past, now over
        return "future"
    if w in SCHEDULED_PRESENT and (not i or words[i - 1] not in _NOT_A_VERB_AFTER):
        return "future"  # "the envoy returns Thursday"; not "tax returns", "its opens"
    if w in SCHEDULED_PLURAL and i and _plural_subject(words, i):
        return "future"  # "the two leaders meet Monday"
    if w in ("is", "are", "was", "were") and words[i + 1 : i + 2] == ["to"]:
        return "future"  # "is to resume trading Tuesday"
    if i and words[i - 1] in _LINKING and (w in PAST_WORDS or w.endswith("ed")):
        return ""  # a passive or a state: "will be held", "is heard", "will stay closed"
    if w in ("is", "are", "am") and i + 1 < len(words) and words[i + 1].endswith("ing"):
        return "present"  # "it is calling for the redemption on Dec. 7": not yet done
    if w in PAST_WORDS or w == "since":  # "since February": from a time gone by
        return "past"
    if (
        w in _PERFECT
        and i + 1 < len(words)
        and (words[i + 1] == "been" or words[i + 1].endswith(("ed", "en")))
    ):
        return "past"  # the present perfect: "have been searching"
    if len(w) > 4 and w.endswith("ed"):
        return "past?"  # "-ed" may be a participle: "the reduced dividend is payable"
    return verb_tense(words, i)  # French, German and Spanish verbs


def _clause(words: list[str]) -> bool:
    """Whether the words between "until" and a date hold a verb in the present after its
    subject ("until an independent review reports in", "until it is finished in"), not a noun
    phrase ("until the end of his term in", "until the talks in")."""
    for i in range(1, len(words)):
        w, before = words[i], words[i - 1]
        if before in _DETERMINERS or before in ("of", "'s") or before.endswith("'s"):
            continue
        if w in ("is", "are", "has", "have") or (
            len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "'s", "us"))
        ):
            return True
    return False


def _plural_subject(words: list[str], i: int) -> bool:
    """Whether words[i], a verb's plain form, follows a plural subject ("leaders meet", "he
    and Arafat meet separately") rather than a word that makes it a noun, an infinitive or a
    past ("the meet", "did not meet", "to meet": the others' own words say the tense)."""
    before = words[i - 1]
    if before in ("separately", "again", "also", "jointly", "formally") and i > 1:
        before = words[i - 2]
    if before in _DETERMINERS or {"did", "didn't", "not", "never", "to"} & set(
        words[max(0, i - 3) : i]
    ):
        return False
    return (
        before in ("they", "we", "both")
        or (before.endswith("s") and not before.endswith(("'s", "ss")) and len(before) > 3)
        or "and" in words[max(0, i - 6) : i]  # "he and Arafat meet"
    )


def _infinitive(words: list[str], i: int) -> bool:
    """Whether words[i] is the "to" of a verb with its object: "to pay down 5 billion", "to
    sign a paper"; not "moved to London", "returned to the city"."""
    return (
        words[i] == "to"
        and i + 2 < len(words)
        and words[i + 1].isalpha()
        and words[i + 1] not in _DETERMINERS
        and (
            words[i + 2] in _DETERMINERS
            or words[i + 2].isdigit()
            or words[i + 2] in ("down", "up", "out", "off", "back")
        )
    )


def _tense(text: str, start: int, end: int, weak_counts: bool) -> str:
    """The verb nearest the expression decides: first those before it in its clause, nearest
    first ("said on Tuesday that it would" is past: the saying), then those after it in its
    clause; for a date put first ("In March, the company received an offer"), the next clause;
    last, the clauses before its own in the sentence."""
    until = _UNTIL.search(text, max(0, start - 12), start)
    if (
        _AHEAD.search(text, max(0, start - 24), start)
        or _DEFERRED.search(text, max(0, start - 80), start)
        or _SOON.search(text, max(0, start - 50), start)
        or (until and _TO_DO.match(text, end))
    ):
        # "as soon as trading opened Monday"; "has given them until 9 a.m. Tuesday to sign":
        # a time still to come, whatever the verb
        return "future"
    if text.startswith(("'s", "’s"), end):
        # "get around Wednesday's ruling": a thing done, told of by its day; unless what
        # follows is still to come ("Friday's deadline looms", "Sunday's vote will decide")
        after, _ = _clause_after(text, end + 2)
        return "future" if _AHEAD_VERBS & set(after[:6]) else "past"
    weak = ""
    for words, nearest_last, own in _sides(text, start, end):
        if weak and (weak_counts or not own):
            # A word in "-ed" before the expression outweighs what follows it: "issued a
            # statement Friday saying the treaty will"; and in its own clause, the next one.
            break
        for i in range(len(words) - 1, -1, -1) if nearest_last else range(len(words)):
            if (
                own
                and nearest_last
                and (
                    (words[i] in _ASKED_TO and "to" in words[i + 1 : i + 7])
                    or _infinitive(words, i)
                )
            ):
                # "subpoenaed him to testify on Feb. 10", "a program to pay down $5 billion by
                # February": what is to be done comes after the asking or the planning, on
                # either side of the story's date; the nearest such date
                return "present"
            if own and nearest_last and words[i] in ("until", "till") and _clause(words[i + 1 :]):
                # "closed until an independent review reports in the summer": a clause of time
                # tells what is to come in the present tense (a past verb in it came first)
                return "future"
            verdict = _marker(words, i)
            if verdict == "past?":
                weak = weak or "past"
            elif verdict:
                return verdict
    if not weak and until:
        return "future"  # "Iraq has until Friday to comply": no verb says it is gone by
    return (weak if weak_counts else "") or "present"


def _sides(text: str, start: int, end: int) -> Iterator[tuple[list[str], bool, bool]]:
    """The words to read, in turn, as (words, whether the nearest is last, whether they are
    the expression's own clause); each made only when the ones before said nothing."""
    lo = max(0, start - 120)
    edge = _LAST_CLAUSE_EDGE.match(text, lo, start)
    left = _WORD.findall(text[edge.end() if edge else lo : start].lower())
    yield left, True, True
    right, after = _clause_after(text, end)
    yield right, False, True
    if not right and after is not None and all(w in _FRONTING for w in left):
        # "In January, a week after the anniversary of Roe vs. Wade, a clinic bombing in
        # Birmingham, Ala., killed...": the clauses after a date put first, up to the first
        # with a verb (six at most, within the paragraph; abbreviations end clauses too)
        for _ in range(6):
            words, after = _clause_after(text, after)
            yield words, False, False
            if after is None or "\n\n" in text[max(0, after - 4) : after + 2]:
                break
    if edge and not _SENTENCE_EDGE.match(text, edge.start("edge")):
        # The clauses before it in its sentence: "who stepped down as chairman, president and
        # chief executive in March".
        back = max(0, start - 240)
        begun = _LAST_SENTENCE_EDGE.match(text, back, edge.start("edge"))
        yield (
            _WORD.findall(text[begun.end() if begun else back : edge.start("edge")].lower()),
            True,
            False,
        )


def _clause_after(text: str, at: int) -> tuple[list[str], int | None]:
    """The lower-cased words from `at` to the end of its clause, and where the next begins."""
    stop = _CLAUSE_EDGE.search(text, at, min(len(text), at + 100))
    words = _WORD.findall(text[at : stop.start() if stop else min(len(text), at + 100)].lower())
    return words, stop.end() if stop else None


def tense(text: str, start: int, end: int) -> str:
    """ "future", "past" or "present" for the expression at text[start:end]."""
    return _tense(text, start, end, True)


def strong_tense(text: str, start: int, end: int) -> str:
    """`tense`, but "present" where the only sign of the past is a word ending in "-ed"."""
    return _tense(text, start, end, False)
