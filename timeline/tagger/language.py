"""Which of the tagger's four languages a text is written in, so that no word is read with
another language's meaning: German "hier" is "here", not French "yesterday".

The user never has to say: a document's language is counted from its own words
(`titles_fr_de_es.document_language`, cheap), and `--lang` only forces it. When the words do not
decide (a short text, a mixed one), every language's words are read, as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from timeline.tagger.titles_fr_de_es import document_language, language

__all__ = ["LANGUAGES", "foreign", "text_language"]

LANGUAGES = ("en", "fr", "de", "es")

# Words the rules read as time in some of the languages and that are ordinary words in others:
# word -> the languages it is a time word in. A reading holding one is dropped in a text known
# to be in none of them.
_TIME_IN: dict[str, frozenset[str]] = {
    word: frozenset(langs.split())
    for word, langs in {
        "hier": "fr",  # German and English "here"
        "an": "en fr",  # the German preposition
        "ans": "fr",
        "mes": "es",  # French "my"
        "tarde": "es",
        "once": "en",  # Spanish "eleven"
        "tag": "de",  # English "tag"
    }.items()
}


def text_language(text: str, told: Iterable[str] = ()) -> str | None:
    """ "en", "fr", "de" or "es": the first of the `told` languages (`--lang`) the tagger reads,
    else the one the text's words show; None when they do not show one."""
    for code in told:
        base = code.lower().split("-")[0]
        if base in LANGUAGES:
            return base
    if text.count(" the ", 0, 3000) >= 3:
        return "en"
    return document_language(text)


_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"[.!?]\s|\n\s*\n")


def foreign(text: str, start: int, end: int, lang: str | None) -> bool:
    """Whether text[start:end] holds a time word only of languages other than the text's
    (`lang`), or, when that is not known, than its sentence's."""
    words = [w.lower() for w in _WORD.findall(text, start, end)]
    listed = [_TIME_IN[w] for w in words if w in _TIME_IN]
    if not listed:
        return False
    if lang is None:  # a mixed or short text: the sentence's own words
        begin = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), start)),
                    default=max(0, start - 300))  # fmt: skip
        after = _SENTENCE_END.search(text, end, end + 300)
        lang = language(text[begin : after.start() if after else end + 300])
        if lang is None:
            return False
    return any(lang not in langs for langs in listed)
