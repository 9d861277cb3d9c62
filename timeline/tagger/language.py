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

__all__ = ["LANGUAGES", "foreign", "text_language", "with_article"]

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
_LISTED = re.compile(r"(?i)\b(?:" + "|".join(_TIME_IN) + r")\b")
_SENTENCE_END = re.compile(r"[.!?]\s|\n\s*\n")


def foreign(text: str, start: int, end: int, lang: str | None) -> bool:
    """Whether text[start:end] holds a time word only of languages other than the text's
    (`lang`), or, when that is not known, than its sentence's."""
    if not _LISTED.search(text, start, end):
        return False
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


# The determiners TimeML takes into a date's span in each language ("le 27 mai 1998", "ce
# mardi", "der vergangenen Woche", "el lunes"); not the prepositions ("à", "am", "en"), nor the
# English "the", which the English rules place themselves.
_ARTICLES = {
    "fr": ("ce même", "le même", "le", "la", "l'", "l’", "les", "ce", "cet", "cette"),
    "de": ("der", "die", "das", "den", "dem", "des", "diesem", "dieser", "diesen", "dieses"),
    "es": ("el", "la", "los", "las", "este", "esta", "ese", "esa", "aquel", "aquella"),
}
_ARTICLE_BEFORE = {
    lang: re.compile(
        r"(?<![\w'’])(?:"
        + "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in words)
        + r")(?:(?<=['’])|\s+)\Z",
        re.IGNORECASE,
    )
    for lang, words in _ARTICLES.items()
}


def with_article(text: str, start: int, lang: str | None, bare: bool = False) -> int:
    """Where a date starting at `start` starts with the determiner just before it; not a
    `bare` one (a year alone, "damals"), where the word before is a pronoun more often ("der
    1997 gestorben ist", "dem damals amtierenden") or left out ("desde el 2008")."""
    pattern = _ARTICLE_BEFORE.get(lang or "")
    if pattern is None or start == 0 or bare:
        return start
    m = pattern.search(text, max(0, start - 12), start)
    return m.start() if m else start


# What French, German and Spanish verbs say of the tense, for `tense`: their auxiliaries and
# the endings of the simple future and past. None of these is an English word.
_FUTURE = frozenset(
    """sera seront aura auront fera feront ira iront viendra viendront pourra pourront devra
    devront va vont wird werden wirst werde será serán habrá habrán hará harán irá irán
    podrá podrán vamos""".split()
)
_PAST = frozenset(
    """ont avait avaient était étaient fut furent eut eurent hatte hatten wurde wurden waren
    warst fue fueron había habían hubo estuvo dijo hizo tuvo""".split()
)
_SPANISH_NOUN_BEFORE = frozenset("la una esta esa su sus de del cada otra nueva".split())
_PARTICIPLE = ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas")


def verb_tense(words: list[str], i: int) -> str:
    """ "future" or "past" when words[i] (lower case) shows it in French, German or Spanish
    ("sera", "wird", "será"; "avait", "wurde", "anunció"; "a annoncé", "ha dicho"), else ""."""
    w = words[i]
    if w in _FUTURE:
        # "va", "van", "vamos" only with an infinitive after: "va se réunir", "van a votar"
        if w in ("va", "vont", "vamos") and not (
            i + 1 < len(words)
            and (words[i + 1] in ("a", "se", "s'") or words[i + 1].endswith(("er", "ir", "re")))
        ):
            return ""
        return "future"
    if w in _PAST:
        return "past"
    if len(w) > 5 and w.endswith(("eront", "iront", "dront", "erons", "erez")):
        return "future"
    if (
        len(w) > 5
        and w.endswith(("era", "ira", "dra"))
        and not (i and words[i - 1] in _SPANISH_NOUN_BEFORE)
    ):
        return "future"  # "siégera", "partira", "viendra"; not "la primera", "su carrera"
    if len(w) > 4 and w.endswith(("èrent", "aron", "ieron")):
        return "past"
    if len(w) > 3 and w.endswith("ó") and w.isalpha():
        return "past"  # "anunció", "firmó"
    if len(w) > 3 and w.endswith(("rá", "rán")) and w.isalpha():
        return "future"  # "firmará", "llegarán"
    if w in ("hat", "haben", "habe", "ist", "sind") and any(
        len(v) > 5 and v.startswith("ge") and v.endswith(("t", "en")) for v in words[i + 1 : i + 8]
    ):
        return "past"  # "hat am Freitag erklärt" is read by "erklärt"; "hat ... gesagt"
    if i + 1 < len(words) and len(words[i + 1]) > 3:
        nxt = words[i + 1]
        if w in ("a", "ont", "avons", "avez") and nxt.endswith(("é", "ée", "és", "ées")):
            return "past"  # "a annoncé"
        if w in ("ha", "han", "hemos") and nxt.endswith(_PARTICIPLE):
            return "past"  # "ha firmado"
    return ""
