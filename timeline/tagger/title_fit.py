"""A title's words as text of at most TITLE_CHARS: cut before a phrase, never inside one,
never on a word that cannot end a phrase."""

from __future__ import annotations

import re

from timeline.tagger.lexicon import PERIOD_NOUNS
from timeline.tagger.title_words import (
    _DANGLING,
    _DETERMINERS,
    _PHRASE_START,
    _is_ly,
)

TITLE_CHARS = 60
TITLE_MAX = 70  # when the words after the verb hold no phrase to cut before

_MARK_AFTER = re.compile(r"\s+([,.;:%’']\s?s\b|[,.;:%’']|['’]s\b)(?=\s|$|\b)")
_CURRENCY = frozenset("$£€¥")
_DOLLAR = re.compile(r"([$£€¥])\s+")  # "£ 18 million" -> "£18 million", like "$4"
_MARKS = frozenset(",.;:%'’")


def _join(words: list[str]) -> str:
    """Words as text: "$4", "35%", "Ford's", with no space before a mark."""
    text = " ".join(words)
    if not _CURRENCY.isdisjoint(text):
        text = _DOLLAR.sub(r"\1", text)
    if not _MARKS.intersection(text):
        return text
    # "Corp.'s" comes as "Corp", ".", "'", "s": the possessive closes up too
    return _MARK_AFTER.sub(lambda m: m.group(1).replace(" ", ""), text)


def fit(head: list[str], tail: list[str]) -> str:
    """`head + tail` in at most TITLE_CHARS (TITLE_MAX when `tail` has no phrase to cut
    before), cut before a phrase of `tail`, never inside one, never on a dangling word.
    `head` (who did it) is kept whole unless it alone is too long, when it loses its own
    phrases ("Shares in the airline" -> "Shares")."""
    words = _trimmed([*head, *tail])
    text = _join(words)
    if len(text) <= TITLE_CHARS:
        return text
    # words only ever lose their end: where a phrase starts is found once
    starts = [k for k in range(1, len(words)) if _cuts(words, k)]
    while len(_join(words)) > TITLE_CHARS and len(words) > len(head):
        every = [k for k in starts if len(head) < k < len(words)]
        # Not between "able" and its "to" while there is another place to cut, or the whole
        # fits the hard limit.
        cuts = [k for k in every if not (words[k] == "to" and words[k - 1].lower() in _TAKES_TO)]
        if not cuts and len(_join(words)) > TITLE_MAX:
            cuts = every or [k for k in range(len(head) + 1, len(words))
                             if words[k].lower() in _CUT_LAST]  # fmt: skip
        if not cuts and len(_join(words)) <= TITLE_MAX:
            break
        if len(cuts) > 1 and words[cuts[-1]].lower() in ("of", "de"):
            cuts.pop()  # "to every kind of traffic" goes whole, not as "to every kind"
        words = _trimmed(words[: cuts[-1]] if cuts else words[: len(head)])
    while len(_join(words)) > TITLE_MAX:
        cuts = [k for k in starts if k < len(words)]
        words = _trimmed(words[: cuts[-1]] if cuts else words[:-1])
    return _join(words)


# Words whose "to" is what they say: "were able | to capture" is no place to cut.
_TAKES_TO = frozenset(
    """able unable ready forced decided attempted tried failed began begun continued agreed
    refused managed planned sought wanted hoped voted pledged promised vowed threatened
    threatening offered chose asked ordered allowed going about likely unlikely eager willing
    due expected moved""".split()
)


# Where a title too long even for the hard limit may be cut when no phrase of _PHRASE_START
# is left to cut before, rather than lose all it says: "said Iraq would retaliate | against
# Venezuela and other members".
_CUT_LAST = frozenset(
    """against toward towards without within despite during since until because if unless
    while among between beyond near behind via after before
    it he she they we""".split()
)  # a pronoun opens a clause: "said his government told U.S. officials | it is worried"


def _cuts(words: list[str], k: int) -> bool:
    """Whether a phrase starts at words[k]: a preposition, or a participle ("creating a
    salient"), not a noun in "ing" after its article ("condemned the bombing of")."""
    low = words[k].lower()
    if low in _PHRASE_START or low == "as":  # "mark the end of an era | as the beginning"
        return True
    return (
        low.endswith("ing")
        and len(low) > 4
        # "the bombing", "the federal building": a noun
        and not _DETERMINERS.intersection(w.lower() for w in words[max(0, k - 2) : k])
    )


_DATE_HEADS = frozenset("end start beginning middle turn close course".split())


def _trimmed(words: list[str]) -> list[str]:
    # "a Moon landing by the end": what is left of "by the end of the decade"
    if len(words) > 4 and words[-1].lower() in _DATE_HEADS and words[-2].lower() == "the":
        words = words[:-2]
    if len(words) > 4 and words[-1] == "record" and words[-2].lower() == "of":
        # "payable to holders of record [Oct. 31]": who is paid goes with its own date
        cut = max((k for k, w in enumerate(words[:-3]) if w.lower() in ("to", "for")), default=0)
        words = words[:cut] if cut > 2 else words
    while len(words) > 2:
        low = words[-1].lower()
        if (words[-2].lower(), low) in _PHRASAL:
            break  # a particle: "the war went on", "the roof caved in"
        if low in ("ended", "ending") and words[-2].lower() in PERIOD_NOUNS:
            words = words[:-1]  # "net income for the six months ended [Sept. 30]"
            continue
        if low in _DANGLING or (words[-1].islower() and _is_ly(low)) or low == ",":
            words = words[:-1]
        else:
            break
    return words


# Verbs whose "on" or "in" ends them: "the war went on", not "a referendum was held in".
_PHRASAL = frozenset(
    (verb, particle)
    for particle, verbs in (
        ("on", "went carried moved held pressed soldiered dragged lived"),
        ("in", "caved gave set sank moved checked stepped"),
    )
    for verb in verbs.split()
)
