"""Headlines for French, German and Spanish sentences: the clause a date belongs to.

Lighter than the English reader (`titles`): no verb lexicon, only the function words that open
clauses. The sentence is split at commas and at relative pronouns ("qui", "dont", ", die",
"cuya"), subordinators ("quand", "als", "nachdem", "cuando") and complementisers ("que",
"dass"); the date's clause is titled, with

- a subject relative pronoun replaced by the noun phrase before it ("Le ministre, qui avait
  démissionné en 2015" -> "Le ministre avait démissionné"), "dont la flèche" -> "La flèche";
- a participle between commas made passive ("Le groupe, fondé en 1968" -> "Le groupe a été
  fondé");
- German word order made a headline's: the verb at the end of a subordinate clause, or before
  the subject after a fronted date, follows the subject ("als die Mauer 1989 fiel" -> "Die Mauer
  fiel"; "Im Jahr 1871 wurde das Deutsche Reich gegründet" -> "Das Deutsche Reich wurde
  gegründet");
- a clause with nothing but its date ("Il y a trois jours,") lending it to the next clause.

Returns None for a sentence in none of the three languages, and the caller cuts the words
around the date instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from timeline.tagger.titles import TOKEN, fit

_MARKERS = {
    "fr": frozenset(
        """le les des est été une du au aux qui dont avait ont était sont dans il elle l d qu
        s son sa ses par pour avec sur pas ce cette que en""".split()
    ),
    "de": frozenset("der die das und wurde hat im am ist war den dem ein eine nicht sich".split()),
    "es": frozenset(
        """el los las fue del una cuando había hace cuya cuyo ha se por y con su sus al que
        en tras""".split()
    ),
}
# Letters of one language only, each counted once as a marker.
_LETTERS = {"fr": "èêçàùâîôûœë", "de": "äöüß", "es": "ñáíóú¿¡"}
# Relative pronouns that are the subject of their clause, after a comma.
_SUBJECT_RELATIVE = {
    "fr": frozenset({"qui"}),
    "de": frozenset("der die das welcher welche welches".split()),
    "es": frozenset("que quien quienes".split()),
}
# "dont la flèche", "cuya torre", "deren Turm": the pronoun goes, its noun stays.
_POSSESSIVE_RELATIVE = {
    "dont": "", "deren": "", "dessen": "",
    "cuyo": "el", "cuya": "la", "cuyos": "los", "cuyas": "las",
}  # fmt: skip
_OPENERS = {
    "fr": frozenset("que qu quand lorsque lorsqu puisque si où dont qui comme".split()),
    "de": frozenset("als wenn nachdem bevor weil dass ob während seitdem obwohl".split()),
    "es": frozenset("que cuando porque mientras donde si aunque cuyo cuya cuyos cuyas".split()),
}
# Words that lead into an opener and go with it: "après que", "después de que", "parce que".
_OPENER_LEADS = frozenset("après avant parce depuis pendant alors bien después antes de".split())
# Words before a date that go with it: "le 19 mars", "im Jahr 1871", "el lunes".
_DATE_LEAD = frozenset(
    """le la l en au à depuis dès vers dans début fin am im in seit um vom bis dem den jahr
    jahre anfang ende el del de desde hacia a principios finales año""".split()
)
_SAYING = frozenset(
    """affirmé annoncé déclaré révélé dit expliqué confirmé indiqué assuré reconnu
    afirmó anunció dijo declaró reveló explicó confirmó aseguró reconoció
    sagte erklärte mit bekannt bestätigte""".split()
)
_OBJECT_END = frozenset(
    "après avant pendant malgré lors tras después durante antes pese während trotz wegen".split()
)
_AUXILIARIES = frozenset(
    "est a ont sont était avait fut ist hat haben wurde war sind fue ha es era se".split()
)
_COORDINATORS = frozenset("et puis mais und dann aber y pero e".split())
_PREPOSITIONS = frozenset(
    """dans en à au aux pendant vers sur sous avec depuis durant im am in an auf mit nach vor
    seit während durante desde hacia con sobre tras bajo""".split()
)
_PARTICIPLE = re.compile(r"(?:é|ée|és|ées|is|ise|it|ite|u|ue|ado|ada|ados|adas|ido|ida|idos|idas)$")
_PASSIVE = {"fr": ("a été", "ont été"), "es": ("fue", "fueron"), "de": ("wurde", "wurden")}
_DETERMINERS = frozenset(
    """le la les l un une des du son sa ses leur leurs ce cette der die das den dem des ein
    eine einen einem einer sein seine ihr ihre el la los las un una su sus""".split()
)


def language(sentence: str) -> str | None:
    """ "fr", "de" or "es" by the function words of the sentence, or None."""
    words = {re.split(r"['’]", w.lower())[0] for w in TOKEN.findall(sentence)}
    letters = set(sentence.lower())
    scores = {lang: len(words & marks) + len(letters & set(_LETTERS[lang]))
              for lang, marks in _MARKERS.items()}  # fmt: skip
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 2 else None


_ENGLISH_WORDS = frozenset(
    "the was were had has his her its their who which of and he she they it is are been this "
    "that with from by for at to".split()
)


def document_language(text: str) -> str | None:
    """ "fr", "de" or "es" when a text is written in it (its first 3,000 characters' words
    counted, not only seen, more of them than English ones), for sentences too short to tell
    by themselves ("Vor drei Wochen demonstrierten rund 20.000 Menschen in Hamburg.")."""
    from collections import Counter

    if text.count(" the ", 0, 3000) >= 3:
        return None  # English, as most texts are: one C call decides
    counts = Counter(w.strip(".,;:!?\"'()«»“”") for w in text[:3000].lower().split())
    english = sum(counts[w] for w in _ENGLISH_WORDS)
    scores = {lang: sum(counts[w] for w in marks) for lang, marks in _MARKERS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 5 and scores[best] > 2 * english else None


def headline(
    sentence: str,
    start: int,
    end: int,
    hint: str | None = None,
    earlier: tuple[str, ...] = (),
) -> str | None:
    """A headline for the date at sentence[start:end] in French, German or Spanish, the
    language told by the sentence's own words, else `hint` (the document's). A "il", "elle",
    "er", "sie", "él" or "ella" it opens with is the name `earlier` (the sentences before,
    nearest first) gives it, if one does."""
    lang = language(sentence) or hint
    if lang is None:
        return None
    spans = [m.span() for m in TOKEN.finditer(sentence)]
    words = [sentence[a:b] for a, b in spans]
    lower = [w.lower() for w in words]
    n = len(words)
    dropped = [a < end and start < b for a, b in spans]
    first = next((i for i in range(n) if dropped[i]), None)
    if first is None:
        return None
    i = first - 1
    while i >= 0 and (lower[i] in _DATE_LEAD or lower[i].rstrip("'’") in _DATE_LEAD):
        dropped[i] = True
        i -= 1
    # Clauses: (first token, past the last, opener word or "").
    cuts: list[tuple[int, str]] = []
    for k, low in enumerate(lower):
        head = re.split(r"['’]", low)[0]
        if words[k] in ",;:()—–":
            cuts.append((k, ","))
        elif low == "als" and lang == "de" and not _subject_next(lower, k + 1):
            pass  # "wurde sie als erste Frau gewählt": "as", not "when"
        elif head in _OPENERS[lang] or low in _POSSESSIVE_RELATIVE:
            cuts.append((k, head))
        elif lang == "de" and low in _SUBJECT_RELATIVE["de"] and k > 0 and words[k - 1] == ",":
            cuts.append((k, low))
    clauses: list[tuple[int, int, str]] = []
    a, opener = 0, ""
    for k, kind in cuts:
        if any(words[j] not in ",;:()—–" for j in range(a, k)):
            clauses.append((a, k, opener))
            a, opener = k, ""
        if kind != ",":
            opener = kind
    clauses.append((a, n, opener))
    # "qui le prend comme préparateur deux ans plus tard": "comme" and one word is a phrase
    # of the clause before, not a clause
    for c in range(len(clauses) - 1, 0, -1):
        a, b, opener = clauses[c]
        if opener == "comme" and sum(not dropped[j] for j in range(a + 1, b)) <= 2:
            clauses[c - 1 : c + 1] = [(clauses[c - 1][0], b, clauses[c - 1][2])]
    here = next(c for c, (a, b, _) in enumerate(clauses) if a <= first < b)

    def content(c: int) -> list[int]:
        a, b, opener = clauses[c]
        out = [j for j in range(a, b) if not dropped[j] and words[j] not in ",;:()—–.!?"]
        while out and (lower[out[0]] in _OPENER_LEADS or lower[out[0]] in _COORDINATORS
                       or lower[out[0]] == opener
                       or re.split(r"['’]", lower[out[0]])[0] == opener):  # fmt: skip
            out = out[1:]
        return out

    def adverbial(c: int) -> bool:
        """A clause of nothing but its date ("Il y a trois jours,") or a phrase ("dans la
        nuit,"), which lends its date to a clause with a verb."""
        idx = content(c)
        if clauses[c][2]:
            return not idx
        if len(idx) == 1:  # ", dimitió ayer": a verb alone is a clause
            word = words[idx[0]]
            return not (word[:1].islower() and len(word) > 3 and lower[idx[0]] not in _PREPOSITIONS)
        return not idx or lower[idx[0]] in _PREPOSITIONS

    target = here
    if adverbial(here):
        fronted = all(adverbial(c) for c in range(here))
        order = range(here + 1, len(clauses)) if fronted else range(here - 1, -1, -1)
        target = next((c for c in order if not adverbial(c)), here)
    a, _, opener = clauses[target]
    body = [words[j] for j in content(target)]
    if not body:
        return None
    if opener in _POSSESSIVE_RELATIVE:
        article = _POSSESSIVE_RELATIVE[opener]
        body = [article, *body] if article else body
    subject: list[str] = []
    before = _noun_phrase(words, content(target - 1)) if target > 0 else []
    after_comma = words[a] in ",;" or (a > 0 and words[a - 1] in ",;")
    relative = opener in _SUBJECT_RELATIVE[lang] and (opener == "qui" or after_comma)
    if relative and target > 0:
        subject = before
    elif (
        not opener
        and target > 0
        and after_comma
        and body[0][:1].islower()
        and _PARTICIPLE.search(body[0])
    ):
        # "Le groupe, fondé en 1968 par trois étudiants,": passive
        subject = _first_phrase(words, clauses, content)
        if subject:
            plural = subject[-1].lower().endswith("s")
            body = [_PASSIVE[lang][plural], *body]
    elif (
        not opener and target > 0 and body[0][:1].islower() and body[0].lower() not in _DETERMINERS
    ):
        # "La banda, fundada ..., publicó su último disco": the subject of the sentence
        subject = _first_phrase(words, clauses, content)
    cut = next((k for k in range(2, len(body)) if body[k].lower() in _OBJECT_END), None)
    body = body[:cut]  # "dimitió tras una semana de protestas": the adverbial goes
    if lang == "de":
        body = _german_order(body, subject, verb_last=bool(opener))
    title = [*subject, *body]
    if not title:
        return None  # "Bereits seit Mai": an adverb and the date, nothing else
    if title[-1].lower() in _SAYING and target + 1 < len(clauses):
        reported = [words[j] for j in content(target + 1)]
        nxt_opener = clauses[target + 1][2]
        if reported and nxt_opener in ("que", "qu", "dass"):
            title += [nxt_opener if nxt_opener != "qu" else "que", *reported]
    if earlier:
        title = _named(title, lang, earlier)
    text = fit(title[:2], title[2:])
    last = title[-1]
    if lang == "de" and len(title) > 3 and last[:1].islower() and not text.endswith(last):
        # "Sie wurde als erste Frau in den Vorstand ... gewählt": cut, the verb at the end
        # of the clause stays, or "Sie wurde" says nothing
        text = f"{fit(title[:2], title[2:-1])} {last}"
    text = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"(['’])\s+", r"\1", text))
    if lang == "de":
        text = re.sub(r"„\s+", "„", re.sub(r"\s+“", "“", text))  # „Zum Anker“
    return text[:1].upper() + text[1:] if len(text.split()) >= 2 else None


LOOK_BACK = 10  # sentences: a life told in French, German or Spanish names its person once
# Pronouns for one person, which a name before may stand for.
_PERSONAL = {
    "fr": frozenset({"il", "elle"}),
    "de": frozenset({"er", "sie"}),
    "es": frozenset({"él", "ella"}),
}
_NAME_BREAK = (
    _DETERMINERS | _PREPOSITIONS | _DATE_LEAD | _AUXILIARIES | _COORDINATORS | {"al", "aux"}
)


def _subject_next(lower: list[str], k: int) -> bool:
    """Whether a German clause's subject starts at token k: an article or a pronoun ("als die
    Mauer fiel", "als sie kam"), not "als erste Frau", "als Tochter eines Werftarbeiters"."""
    return k < len(lower) and (lower[k] in _DETERMINERS or lower[k] in _GERMAN_PRONOUNS)


def _named(title: list[str], lang: str, earlier: tuple[str, ...]) -> list[str]:
    """The title with the name the sentences before give its pronoun or, in Spanish, the
    subject it leaves out: "Angela Merkel wurde 2005 Kanzlerin. Sie trat 2021 ab" gives
    "Angela Merkel trat ab"; "Nach dem Abitur begann sie" gives "Greta Brandt begann";
    "Murió en Madrid" gives "Carmen Ortega murió en Madrid"."""
    at = next((k for k, w in enumerate(title[:5]) if w.lower() in _PERSONAL[lang]), None)
    if at is not None:
        rest = title[at + 1 :]
        # "sie traten": "they"; a pronoun after the verb is the verb's: "begann sie"
        verb = [title[at - 1]] if at and title[at - 1][:1].islower() else []
        if lang == "de" and (rest or verb) and ((verb or rest)[0].endswith("en")):
            return title
        if verb and lang != "de":
            return title  # "que lui a donné elle": no subject there
        name = _name_before(earlier, lang)
        return [*name, *verb, *rest] if name else title
    if lang == "es" and title and _null_subject(title):
        name = _name_before(earlier, lang)
        return [*name, title[0].lower() if not title[0].isupper() else title[0], *title[1:]] if (
            name) else title  # fmt: skip
    return title


_SPANISH_VERB = re.compile(r"(?:ó|é|aron|ieron|aba|ía|ían|ará|erá|irá|ado|ido)$")
_CLITICS = frozenset("se le lo la les los me nos".split())


def _null_subject(title: list[str]) -> bool:
    """Whether a Spanish title opens with its verb, its subject left to the sentence before:
    "Murió en Madrid", "Se casó con", "Fue elegida"."""
    first = title[0].lower()
    if first in _CLITICS:
        return len(title) > 1 and title[1][:1].islower() and bool(_SPANISH_VERB.search(title[1]))
    return first in ("fue", "fueron", "era", "había", "ha") or bool(_SPANISH_VERB.search(first))


def _name_before(before: tuple[str, ...], lang: str) -> list[str]:
    """The name the nearest sentence before that names someone gives (a run of two or more
    capitalised words, "La Première ministre Élisabeth Borne" giving "Élisabeth Borne", or
    one opening a clause before its verb, "Brandt wuchs", ", Moreau reprend"); [] when none
    of the LOOK_BACK sentences before names anyone."""
    for sentence in before[:LOOK_BACK]:
        words = TOKEN.findall(sentence)
        name = _first_name(words)
        if name:
            return name
        if words and (words[0].lower() in _DETERMINERS or words[0].lower().startswith("l'")):
            return []  # "Le groupe a déposé une motion. Elle sera examinée": unsure
    return []


def _first_name(words: list[str]) -> list[str]:
    k, n = 0, len(words)
    clean = True  # no preposition or number yet in this clause: "con el arquitecto Luis"
    while k < n:
        if not _capital(words[k]):
            low = words[k].lower()
            if low in ",;":
                clean = True
            elif low in _PREPOSITIONS or low in _OBJECT_LEADS or low[:1].isdigit():
                clean = False
            k += 1
            continue
        j = k
        while j < n and (
            _capital(words[j])
            or (words[j].lower() in _NAME_PARTICLES and j + 1 < n and _capital(words[j + 1]))
        ):
            j += 1
        run, prev = words[k:j], words[k - 1] if k else ""
        if not k and _SPANISH_VERB.search(run[0].lower()):
            run = run[1:]  # "Recibió la Gran Cruz": a verb first in the sentence
        nxt = words[j] if j < n else ""
        # one word is a name where it opens a clause before its verb: "Brandt wuchs auf",
        # ", Moreau reprend"; not "Dos años después", "Fils d'un apothicaire"
        opens = (
            prev in ("", ",", ";")
            and nxt[:1].islower()
            and nxt.lower() not in _NAME_BREAK
            and "'" not in nxt
            and "’" not in nxt
        )
        after_article = prev.lower() in _NAME_BREAK or prev[:1].isdigit() or prev in (".", "(")
        if run and clean and not after_article and (len(run) >= 2 or opens):
            return run
        k = j
    return []


def _capital(word: str) -> bool:
    low = word.lower()
    return (
        word[:1].isupper() and word.isalpha() and low not in _NAME_BREAK and low not in _NOT_NAMES
    )


_NAME_PARTICLES = frozenset("de von van del".split())
_OBJECT_LEADS = frozenset("à de du des a al en con para por von zu zum zur bei für".split())
# Capitalised words first in a sentence that are no one's name.
_NOT_NAMES = frozenset(
    """uno dos tres cuatro cinco seis diez un une deux trois quatre cinq dix ein zwei drei
    vier fünf zehn fils fille hijo hija sohn tochter il elle ils elles on er sie es wir
    él ella ellos ellas nosotros""".split()
).union(*_OPENERS.values(), *_MARKERS.values(), _OPENER_LEADS)


def _noun_phrase(words: list[str], idx: list[int]) -> list[str]:
    """The last noun phrase of a clause's words: from its last determiner on."""
    out = [words[j] for j in idx]
    starts = [
        k for k, w in enumerate(out) if w.lower() in _DETERMINERS or w.lower().startswith("l'")
    ]
    phrase = out[starts[-1] :] if starts else out[-3:]
    of = [k for k, w in enumerate(phrase) if w.lower() in ("de", "von", "del")]
    if of and 0 < of[-1] < len(phrase) - 1 and all(w[:1].isupper() for w in phrase[of[-1] + 1 :]):
        return phrase[of[-1] + 1 :]  # "les cours de Gay-Lussac, qui": Gay-Lussac
    return phrase


def _first_phrase(
    words: list[str], clauses: list[tuple[int, int, str]], content: Callable[[int], list[int]]
) -> list[str]:
    """The sentence's first clause when it is a short noun phrase with no opener: a subject."""
    opener = clauses[0][2]
    idx = content(0)
    if opener or not idx or len(idx) > 4 or any(words[j].lower() in _AUXILIARIES for j in idx):
        return []
    return [words[j] for j in idx]


def _german_order(body: list[str], subject: list[str], verb_last: bool) -> list[str]:
    """The finite verb after the subject: "die Mauer fiel" stays, "der in Wien starb" (with
    its subject before) becomes "starb in Wien", "wurde das Deutsche Reich gegründet" becomes
    "das Deutsche Reich wurde gegründet"."""
    if verb_last and len(body) >= 2:
        verb = body[-1]
        rest = body[:-1]
        np = [] if subject else _german_subject(rest)
        return [*rest[: len(np)], verb, *rest[len(np) :]]
    while body and body[0].lower() in _GERMAN_ADVERBS:
        body = body[1:]  # "Bereits hatte die Regierung ...": the adverb before the verb goes
    if not subject and body and body[0][:1].islower() and body[0].lower() not in _DETERMINERS:
        np = _german_subject(body[1:])
        if np:
            return [*body[1 : 1 + len(np)], body[0], *body[1 + len(np) :]]
    return body


_GERMAN_ADVERBS = frozenset("bereits schon erst noch auch dann damals später zuvor".split())
_ABOUT = frozenset("rund etwa fast knapp über mehr".split())
_GERMAN_PRONOUNS = frozenset("er sie es wir ihr man".split())


def _german_subject(words: list[str]) -> list[str]:
    """A German subject at the start of `words`: an article and the capitalised words (and
    adjectives) after it, or a name."""
    if not words:
        return []
    if words[0] in _GERMAN_PRONOUNS:
        return words[:1]  # "Am 9. November 1989 fiel sie": "sie fiel"
    k = 0
    if words[0].lower() in _ABOUT:
        k = 1  # "rund 20.000 Menschen"
    if k < len(words) and words[k][:1].isdigit():
        k += 1
        while k < len(words) and words[k][:1].isupper():
            k += 1
        return words[:k] if words[k - 1][:1].isupper() else []
    k = 0
    if words[0].lower() in _DETERMINERS:
        k = 1
        while k < len(words) and words[k][:1].islower() and words[k].lower() not in _DETERMINERS:
            k += 1  # adjectives: "das Deutsche Reich" has none, "die alte Brücke" one
        while k < len(words) and words[k][:1].isupper():
            k += 1
        return words[:k] if k > 1 else []
    while k < len(words) and words[k][:1].isupper():
        k += 1
    return words[:k]
