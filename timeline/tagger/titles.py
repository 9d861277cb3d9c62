"""Headlines for events: the clause a date belongs to, reduced to who did what.

"A few days ago, the BBC published an article revealing that when Raqqa fell earlier this
year, the fighters left" holds two events: "The BBC published an article" (a few days ago) and
"Raqqa fell" (earlier this year). The steps, on English sentences:

1. words: the sentence as tokens; the date and the adverbial words that lead to it ("in",
   "as late as", "shortly after midnight on") are dropped;
2. verbs: auxiliaries, an own list of irregular past forms, regular "-ed" forms that no
   determiner makes adjectives ("a detailed report"), a few present forms of saying;
3. clauses: split at punctuation, relative pronouns ("who", "which", "that" before a verb),
   subordinators ("when", "after" before a clause), complementisers and "and"/"but" before a
   verb; a relative clause with a second verb gives that verb back to the main clause;
4. the date's clause: the one it is in; a clause with no verb ("As late as last year,") lends
   its date to the next main clause, or, after the main clause, to the one before;
5. the title: subject (a relative pronoun's antecedent, or the subject of the clause before
   for "and retired"), verb group, and object up to the first adverbial ("after a week of
   protests"), cut at a phrase boundary to at most TITLE_CHARS. A verb of saying with an empty
   object takes the clause it reports ("The company said it would cut 400 jobs").

The words it knows are in `title_words.py`; the title's text is cut to length by
`title_fit.py`.

No model: a rule-based reading of one sentence at a time, a few microseconds a word (see
BENCHMARKS.md, "Event titles", for why not a parser). Sentences with no English function words
return None, and the caller uses its clause-cutting title instead.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from timeline.tagger.lexicon import PERIOD_NOUNS
from timeline.tagger.title_fit import TITLE_CHARS as TITLE_CHARS  # the titles' public API
from timeline.tagger.title_fit import TITLE_MAX as TITLE_MAX
from timeline.tagger.title_fit import _join, _trimmed
from timeline.tagger.title_fit import fit as fit
from timeline.tagger.title_words import (
    _ADVERBS,
    _AUX,
    _BE,
    _CLOSING,
    _COORDINATORS,
    _DATE_LEAD,
    _DETERMINERS,
    _ING_NOT_VERB,
    _IRREGULAR,
    _KEPT_ADVERBS,
    _LOWERED,
    _MAYBE_SUBORDINATORS,
    _MODALS,
    _NOT_BASE,
    _NOT_ED,
    _NOT_VERB,
    _OBJECT_END,
    _OPENERS,
    _OPENING,
    _ORDINALS,
    _OWN_PHRASE,
    _PARTICLES,
    _PARTS_OF_DAY,
    _PAST_OF_ING,
    _PHRASE_START,
    _PRESENT,
    _PRONOUNS,
    _QUANTITIES,
    _RELATIVE,
    _SAYING,
    _SUBORDINATORS,
    _VERB_WORDS,
    _is_ly,
    _particle,
)

WINDOW = 600  # characters read on each side of a date in a very long sentence

# "6-year-old" and "24-hour" are one word; "--" is a dash typed on a typewriter.
# ", conquering British Somaliland", ", and making an incursion"; not ", Chongqing".
_ING_CLAUSE = re.compile(r",\s+(?:(?:and|or)\s+)?([a-z]{2,}ing)\b")
TOKEN = re.compile(r"\$|\d+(?:[.,]\d+)*%?(?:-[^\W\d]\w*)*|\w+(?:['’.-]\w+)*|--+|[^\w\s]")

_HARD = frozenset((*';:—–()[]!?"“”', "--"))
# Words that begin a clause whatever follows them, by kind.
_BOUNDARY = {
    **dict.fromkeys((*_HARD, ","), "punct"),
    **dict.fromkeys(_RELATIVE, "rel"),
    **dict.fromkeys(_SUBORDINATORS, "sub"),
    "that": "that",
}


@dataclass(slots=True)
class _Clause:
    a: int  # first token (the opener, if any)
    b: int  # past the last token
    opener: str  # "", "rel", "sub", "comp", "cc", "cont"
    body: int  # first token after the opener
    rel: str = ""  # the relative pronoun
    chained: bool = False  # "and who": the antecedent of the relative clause before


@dataclass(slots=True)
class _Group:
    a: int
    b: int  # past the main verb
    participle: bool = False  # "agreed in February": no auxiliary, no subject


class _Reading:
    """One sentence as tokens, with its verbs and clauses."""

    def __init__(self, sentence: str, start: int, end: int) -> None:
        matches = list(TOKEN.finditer(sentence))
        self.sentence = sentence
        self.before: tuple[str, ...] = ()  # the sentences before, nearest first
        self.words = [m.group() for m in matches]
        self.spans = spans = [m.span() for m in matches]
        self.lower = [w.lower() for w in self.words]
        n = len(self.words)
        # the date's words are one run, found by halving rather than a look at every word
        lo = bisect.bisect_left(spans, (start,))
        if lo and spans[lo - 1][1] > start:
            lo -= 1
        hi = bisect.bisect_left(spans, (end,)) if end > start else lo
        self.date = [False] * n
        self.date[lo:hi] = [True] * (hi - lo)
        self.dropped = list(self.date)
        first = lo if hi > lo else n
        i = first - 1
        while i >= 0 and (
            self.lower[i] in _DATE_LEAD
            # "strengthened over the weekend", but "took over last year"
            or (self.lower[i] == "over" and i + 1 == first < n and self.lower[first] == "the")
            # "scheduled a news conference for later today", "extended to Nov. 20", "shot
            # last Oct. 23"; not "For the quarter ended June 30," a phrase of its own
            or (
                self.lower[i] in ("for", "to", "last")
                and i + 1 == first
                and i > 0
                and self.words[i - 1] not in _BOUNDARY
            )
            # "during the night of 3-4 May": the article of a part of the day led to
            or (
                self.lower[i] == "the"
                and 0 < i < n - 1
                and self.lower[i - 1] in _DATE_LEAD
                and self.dropped[i + 1]
                and self.lower[i + 1] in _PARTS_OF_DAY
            )
        ):
            self.dropped[i] = True
            i -= 1
        self.first_date = first
        for i in range(1, n - 1) if "ended" in self.lower else ():
            if self.lower[i] == "ended" and self.lower[i - 1] in PERIOD_NOUNS and self.date[i + 1]:
                self.dropped[i] = True  # "the six months ended Sept. 30": the period's name
        self._possessive_date_to_article(sentence, end)
        self.verb = [
            (
                low in _VERB_WORDS
                or low.endswith("ed")
                or (low.endswith("s") and i > 0 and self.lower[i - 1] == "which")
            )
            and self._is_verb(i)
            for i, low in enumerate(self.lower)
        ]
        if "who" in self.lower:  # "officials who monitor the border": whatever follows "who"
            for i in range(1, n):
                if self.lower[i - 1] == "who" and not self.verb[i]:
                    self.verb[i] = self._is_verb(i)
        # ", conquering British Somaliland in August": a clause of its own, whose subject is
        # the sentence's ("Having captured the city, the army ..." at its start)
        # (found by a pattern over the text: a loop over every word costs more than the rest)
        self.ing: frozenset[int] = frozenset()
        if "ing" in sentence:
            at = [m.start(1) for m in _ING_CLAUSE.finditer(sentence)]
            if self.lower[:1] == ["having"]:
                at.append(spans[0][0])
            self.ing = frozenset(
                i
                for i in self._at(at)
                if self.lower[i] not in _ING_NOT_VERB and not self.dropped[i]
            )
            for i in self.ing:
                self.verb[i] = True
        modals = [] if _MODALS.isdisjoint(self.lower) else range(n - 1)
        for i in modals:
            if self.verb[i] and self.lower[i] in _MODALS:
                # "will stay", "could face": after a modal, a verb no list has to know
                j = i + 1
                while j < n - 1 and (self.lower[j] in _NOT_BASE or _is_ly(self.lower[j])):
                    j += 1
                w = self.words[j]
                if w.isalpha() and w.islower() and not self.dropped[j] and w not in _NOT_VERB:
                    self.verb[j] = True
        self._groups: dict[tuple[int, int, int, str], list[_Group]] = {}
        self.clauses = self._clauses()

    def _at(self, offsets: Iterable[int]) -> list[int]:
        """The tokens that start at these character offsets."""
        out = []
        for a in offsets:
            i = bisect.bisect_left(self.spans, (a,))
            if i < len(self.spans) and self.spans[i][0] == a:
                out.append(i)
        return out

    def _possessive_date_to_article(self, sentence: str, end: int) -> None:
        """ "Police said last month's discovery was a breakthrough": a date in the possessive
        stands where an article would, so with the date left out a singular noun takes "the"
        ("Police said the discovery", not "Police said discovery"); a plural needs none ("Last
        month's floods destroyed the harvest": "Floods destroyed the harvest")."""
        # the date's words are one run
        last = -1 if self.first_date == len(self.words) else self.first_date
        while last + 1 < len(self.words) and self.date[last + 1]:
            last += 1
        if (
            0 <= last < len(self.words) - 2
            and self.words[last + 1] in ("'", "’")
            and self.lower[last + 2] == "s"
        ):
            # "named 1965's Man of the Year": the year and its "'s" are two tokens; both go
            self.dropped[last + 1] = self.dropped[last + 2] = True
            return
        nxt = last + 1
        if (
            last < 0
            or sentence[end : end + 2] not in ("'s", "’s")
            or self.lower[last][-2:] not in ("'s", "’s")
            or nxt >= len(self.words)
            or not self.words[nxt].isalpha()
            or not self.words[nxt].islower()
            or _plural([self.lower[nxt]])
        ):
            return
        self.words[last] = self.lower[last] = "the"
        self.dropped[last] = False
        # "chosen for Friday's ceremony": the preposition goes with the noun, not the date
        i = last - 1
        while i >= 0 and self.dropped[i] and not self.date[i]:
            self.dropped[i] = False
            i -= 1

    # --- verbs ---------------------------------------------------------------------------

    def _is_verb(self, i: int) -> bool:
        w, low = self.words[i], self.lower[i]
        if self.dropped[i] or not w[:1].isalpha():
            return False
        prev = self.lower[i - 1] if i else ""
        if prev == "to":
            return False
        if low in _AUX:
            return not (low == "may" and w[0].isupper())
        if w[0].isupper() and i > 0:
            return False  # a name: "Reed", "Frontline"
        if prev in ("this", "that") and self.lower[i + 1 : i + 2] in (["the"], ["a"], ["to"]):
            pass  # "This followed the election", "That led to fighting": a pronoun, a verb
        elif prev in _DETERMINERS or (prev[:1].isdigit() and prev != "1" and not self.date[i - 1]):
            return False  # "a detailed report", "the injured", "35 wounded"
        if i > 1 and self.lower[i - 2] in _DETERMINERS and prev in _ORDINALS:
            return False  # "the first powered aircraft"
        if low in _IRREGULAR or low in _PRESENT:
            return True
        if prev == "who" and low.isalpha() and low not in _NOT_VERB and low not in _ADVERBS:
            return True  # "officials who monitor the border": whatever comes after "who"
        if prev == "which" and len(low) > 3 and low.endswith("s") and low.isalpha():
            return not low.endswith(("ss", "us", "is"))  # "which covers"
        return len(low) >= 4 and low.endswith("ed") and low.isalpha() and low not in _NOT_ED

    def _participle(self, i: int) -> bool:
        low = self.lower[i]
        return self.verb[i] and low not in _AUX and low not in _PRESENT

    def groups(self, c: _Clause) -> list[_Group]:
        """The verb groups of a clause: "was still talking", "had been jailed", "fell"."""
        key = (c.a, c.b, c.body, c.opener)
        found = self._groups.get(key)
        if found is None:
            found = self._groups[key] = self._find_groups(c)
        return found

    def _find_groups(self, c: _Clause) -> list[_Group]:
        out: list[_Group] = []
        i = c.body
        while i < c.b:
            if not self.verb[i]:
                i += 1
                continue
            a, last = i, i
            j = i + 1
            while j < c.b and not self.dropped[j]:
                low = self.lower[j]
                if self.verb[j] or (low.endswith("ing") and len(low) > 4):
                    last = j
                elif not (low in _ADVERBS or low == "n't" or _is_ly(low)):
                    break
                j += 1
            # "The ceasefire, agreed in February, collapsed": a reduced relative clause sits
            # between commas, after the noun it describes; not after a clause of its own
            # ("His stepmother, who married his father when he was 30, said Thursday, ...":
            # there the sentence's own verb comes back).
            participle = (
                self.lower[a] not in _AUX
                and a == c.body
                and c.opener == ""
                and c.a > 0
                and self.words[c.a] == ","
                and c.b < len(self.words)
                and self.words[c.b] == ","
                and not self._after_clause(c)
            )
            out.append(_Group(a, last + 1, participle and self._participle(a)))
            i = last + 1
        return out

    def _after_clause(self, c: _Clause) -> bool:
        """Whether `c` comes straight after a relative or subordinate clause."""
        before = [x for x in getattr(self, "clauses", ()) if x.b == c.a]
        return bool(before) and before[0].opener in ("rel", "sub")

    # --- clauses -------------------------------------------------------------------------

    def _clauses(self) -> list[_Clause]:
        n = len(self.words)
        # Pass 1: boundaries that need no verb to be one.
        kind = {i: _BOUNDARY[low] for i, low in enumerate(self.lower) if low in _BOUNDARY}
        if self.lower[:1] == ["that"]:
            del kind[0]  # "That year, ..."
        hard = sorted(kind)

        def next_hard(i: int) -> int:
            k = bisect.bisect_right(hard, i)
            return hard[k] if k < len(hard) else n

        def verb_between(a: int, b: int) -> int | None:
            return next((k for k in range(a, b) if self.verb[k]), None)

        for i in [i for i, low in enumerate(self.lower) if low in _OPENERS and i not in kind]:
            low = self.lower[i]
            if low in _COORDINATORS and i > 0:
                nxt = i + 1
                if nxt < n and self.lower[nxt] in _RELATIVE:
                    kind[i] = "cc-rel"  # "and who died": one opener
                    kind.pop(nxt, None)
                elif (
                    (v := verb_between(i + 1, next_hard(i))) is not None
                    # "in the Kerch Peninsula and at Kharkov and then launched": the last
                    # "and" before the verb opens its clause
                    and not _COORDINATORS.intersection(self.lower[i + 1 : v])
                    and (self._verb_next(i) or self._clause_before(i, kind, verb_between))
                ):
                    kind[i] = "cc"
            elif low in _MAYBE_SUBORDINATORS:
                v = verb_between(i + 1, next_hard(i))
                if v is not None and v > i + 1 and self.lower[v] not in ("as",):
                    kind[i] = "sub"
        for i in [k for k, v in kind.items() if v == "that"]:
            # "that" before its verb is a relative pronoun; before a subject, a complementiser.
            j = i + 1
            while j < n and (self.lower[j] in _ADVERBS or _is_ly(self.lower[j])):
                j += 1
            kind[i] = "rel" if j < n and self.verb[j] else "comp"
        clauses: list[_Clause] = []
        a = 0
        seen = False  # a word or an opener in [a, i), not only punctuation
        p = -1
        for i in sorted(kind):
            seen = seen or i - p > 1  # words that are no boundary lie between p and i
            if i > a and seen:
                clauses.append(self._clause(a, i, kind))
                a, seen = i, False
            seen = seen or kind[i] != "punct"
            p = i
        clauses.append(self._clause(a, n, kind))
        return self._split_relatives([c for c in clauses if c.b > c.a])

    def _verb_next(self, i: int) -> bool:
        """Whether a verb follows the coordinator at i, with at most adverbs between: "and
        then launched", "but was repulsed" (the clause before lends its subject)."""
        j = i + 1
        while j < len(self.words) and (self.lower[j] in _ADVERBS or _is_ly(self.lower[j])):
            j += 1
        return j < len(self.words) and self.verb[j]

    def _clause_before(
        self, i: int, kind: dict[int, str], verb_between: Callable[[int, int], int | None]
    ) -> bool:
        """Whether the words before the coordinator at i are a clause of their own, with a
        verb: "Sales rose and profits fell"; not "The United States and the Soviet Union
        conferred" or "when the Immigration and Naturalization Service ruled", where "and"
        joins two nouns of one subject. A comma just before "and" looks past itself."""
        j = i - 1 if self.words[i - 1] == "," else i
        start = next((k for k in range(j - 1, -1, -1) if k in kind), -1)
        return verb_between(start + 1, i) is not None

    def _clause(self, a: int, b: int, kind: dict[int, str]) -> _Clause:
        k = kind.get(a, "")
        body = a
        opener = ""
        rel = ""
        chained = False
        while body < b and kind.get(body) == "punct":
            body += 1
        k = kind.get(body, k if body == a else "")
        if k in ("rel", "sub", "comp", "cc"):
            opener = k
            rel = self.lower[body] if k == "rel" else ""
            body += 1
        elif k == "cc-rel":
            opener, rel, chained = "rel", self.lower[body + 1], True
            body += 2
        return _Clause(a, b, opener, body, rel, chained)

    def _split_relatives(self, clauses: list[_Clause]) -> list[_Clause]:
        """ "The plague that struck the city killed a quarter": the second verb group of a
        relative clause with no comma is the main clause's."""
        out: list[_Clause] = []
        for j, c in enumerate(clauses):
            gs = self.groups(c) if c.opener == "rel" else []
            # Between commas, the main clause comes after the second: "The recall, which
            # covers pills sold in May, was announced".
            closed = (
                self.words[c.a] == ","
                and j + 1 < len(clauses)
                and self.words[clauses[j + 1].a] == ","
            )
            if len(gs) >= 2 and gs[0].a <= c.body + 2 and c.rel != "whose" and not closed:
                cut = gs[1].a
                out.append(_Clause(c.a, cut, c.opener, c.body, c.rel, c.chained))
                out.append(_Clause(cut, c.b, "cont", cut))
            else:
                out.append(c)
        return out

    def content(self, a: int, b: int) -> list[int]:
        return [i for i in range(a, b) if not self.dropped[i] and self.words[i] != ","]


def headline(sentence: str, start: int, end: int, before: str | tuple[str, ...] = "") -> str | None:
    """A headline for the event dated by sentence[start:end], or None when the sentence is
    not one this reading can take apart (not English, or no verb). `before` is the sentence
    before it, or those before it nearest first, where a "he", "she", "they" or "it" that is
    its subject may find its name ("Marie Curie moved to Paris in 1891. She won the Nobel
    Prize in 1903": "Marie Curie won ...")."""
    if len(sentence) > 2 * WINDOW:
        # A "sentence" of pages (a list with no full stops): the words around the date.
        a = max(0, start - WINDOW)
        sentence, start, end = sentence[a : end + WINDOW], start - a, end - a
    if not _ENGLISH.search(sentence):
        return None
    r = _Reading(sentence, start, end)
    if r.first_date >= len(r.words):
        return None
    r.before = (before,) if isinstance(before, str) and before else tuple(before or ())
    here = next(k for k, c in enumerate(r.clauses) if c.a <= r.first_date < c.b)
    target = _target(r, here)
    if target is None:
        return None
    nominal = _nominal(r, here, target)
    if nominal is None and r.lower[r.first_date - 1 : r.first_date] == ["record"]:
        nominal = _record_date(r, target)
    words = (nominal, []) if nominal else _title(r, target, here)
    if words is None:
        return None
    # "U.S.-Iraq" cut after its first part leaves a dash; a wire's "(AP)_ " an underscore
    text = fit(*words).lstrip("-–—_ ")
    if len(text.split()) < 2:
        return None
    return text[:1].upper() + text[1:]


@functools.lru_cache(maxsize=1024)  # asked again for each later date of the same sentence
def event_clause(sentence: str, start: int, end: int) -> int | None:
    """Which clause of the sentence the event dated by sentence[start:end] is told in (an
    index, to compare with another date's), or None when the sentence is not read as clauses."""
    if len(sentence) > 2 * WINDOW or not _ENGLISH.search(sentence):
        return None
    r = _Reading(sentence, start, end)
    if r.first_date >= len(r.words):
        return None
    here = next(k for k, c in enumerate(r.clauses) if c.a <= r.first_date < c.b)
    return _target(r, here)


# Words of English that French, German and Spanish do not have. A sentence with one is read
# here; where this reading finds no verb, the caller tries the other languages.
_ENGLISH = re.compile(
    r"(?i)\b(?:the|was|were|had|has|his|her|its|their|who|which|of|and|he|she|they|we|it|is|"
    r"are|been|this|that|with|from|by|for|at|to|after|before|when|without|into|during|"
    r"against|because|while|would|could|should|did|does|not|than|these|those|them|said)\b"
)


def _told(r: _Reading, k: int) -> bool:
    """Whether clause k tells something: it has a verb, and is not a phrase such as "In its
    report published on Wednesday," whose only verb is a participle."""
    c = r.clauses[k]
    gs = r.groups(c)
    if not gs:
        return False
    body = r.content(c.body, c.b)
    phrase = (
        (
            c.opener == ""
            and bool(body)
            and r.lower[body[0]] in _PHRASE_START | _DATE_LEAD
            # "About 100 protesters marched": a number, not a phrase; "de Gaulle": a name
            and not (len(body) > 1 and r.words[body[1]][:1].isdigit())
            and not (len(body) > 1 and _particle(r.words[body[0]], r.words[body[1]]))
        )
        or (
            # "let the offensive begin as previously planned Saturday night": "as" and a
            # participle with no subject is a manner, not an event
            c.opener == "sub"
            and r.lower[c.body - 1] == "as"
            and all(
                r.lower[i] in _ADVERBS or _is_ly(r.lower[i]) for i in r.content(c.body, gs[0].a)
            )
        )
    )
    # (a participle with an object is a verb of its own: "At Mylae in 260 BC the consul
    # defeated the fleet")
    bare = all(
        g.b - g.a == 1
        and r._participle(g.a)
        and r.lower[g.a - 1] not in _PRONOUNS
        and r.lower[g.b : g.b + 1] != ["the"]
        for g in gs
    )
    return not (phrase and bare)


def _target(r: _Reading, here: int) -> int | None:
    """The clause whose event the date dates."""
    cs = r.clauses
    if _told(r, here):
        c = cs[here]
        # "closed since Monday, when the runway cracked", "The end came on Friday, when the
        # roof fell in": the "when" names the date's event.
        last_date = max(i for i in range(len(r.words)) if r.date[i])
        if (
            here + 1 < len(cs)
            and cs[here + 1].opener == "sub"
            and r.lower[cs[here + 1].body - 1] == "when"
            and r.first_date > 0
            and (r.lower[r.first_date - 1] in ("since", "until", "till") or _light(r, c))
            and not r.content(last_date + 1, c.b)
        ):
            return here + 1
        return _cleft(r, here)
    fronted = all(not _told(r, k) for k in range(here))
    order = range(here + 1, len(cs)) if fronted else range(here - 1, -1, -1)
    fallback = None
    for k in order:
        if fronted and _aside(r, k) and any(_told(r, j) for j in range(k + 1, len(cs))):
            continue  # "By September the defenders, led by X, were close to collapse"
        if _told(r, k):
            if cs[k].opener not in ("sub", "rel"):
                return _cleft(r, k)
            fallback = k if fallback is None else fallback
    return fallback


# Verbs that say only that something happened: "The breakthrough came on Tuesday, when the
# mediators invited both sides to talks" is the mediators' invitation.
_LIGHT = frozenset("came happened occurred".split())


def _light(r: _Reading, c: _Clause) -> bool:
    gs = r.groups(c)
    return (
        len(gs) == 1
        and r.lower[gs[0].b - 1] in _LIGHT
        and not r.content(gs[0].b, r.first_date)  # not "came to power in 1933, when"
    )


def _aside(r: _Reading, k: int) -> bool:
    """Whether clause k is a participle between commas ("the defenders, led by X, were"): an
    aside about the noun before it, not the sentence's own verb."""
    c = r.clauses[k]
    gs = r.groups(c)
    if gs and gs[0].a in r.ing and r.words[c.a] == ",":
        return True  # "In 1952, having built the first compiler, she began"
    return (
        bool(gs)
        and all(g.participle for g in gs)
        # "led by X", "based in Y": not "launched an offensive", a verb with its object
        and gs[-1].b < c.b
        and r.lower[gs[-1].b] in _PHRASE_START
        and r.words[c.a] == ","
        and k + 1 < len(r.clauses)
        and r.words[r.clauses[k + 1].a] == ","
    )


def _nominal(r: _Reading, here: int, target: int) -> list[str] | None:
    """ "Since its opening on 19 March 1932, the bridge has been painted": the date is the
    opening's, "The bridge's opening", not the painting's."""
    c = r.clauses[here]
    if here == target or r.groups(c):
        return None
    idx = r.content(c.body, c.b)
    while idx and r.lower[idx[0]] in _DATE_LEAD:
        idx = idx[1:]
    if not idx or len(idx) > 3 or r.lower[idx[0]] not in ("its", "his", "her", "their"):
        return None
    t = r.clauses[target]
    gs = r.groups(t)
    owner = _words(r, r.content(t.body, gs[0].a), subject=True) if gs else []
    if not owner:
        return None
    return [*_possessive(_capitalised(owner)), *(r.words[i] for i in idx[1:])]


def _record_date(r: _Reading, target: int) -> list[str] | None:
    """ "The dividend is payable Jan. 2 to holders of record Dec. 15": the second date is no
    payment but the day that decides who is paid, "Record date for the dividend"."""
    first = r.first_date
    if r.lower[max(0, first - 2) : first] != ["of", "record"]:
        return None
    c = r.clauses[target]
    gs = [g for g in r.groups(c) if g.a < first] or r.groups(c)
    if not gs:
        return None
    g = gs[-1]
    if r.lower[g.b - 1] in _AUX:  # "The dividend is payable"
        start = gs[-2].b if len(gs) > 1 else c.body  # "The company said the dividend is"
        owner = _words(r, r.content(start, g.a), subject=True)
    else:  # "The board declared a quarterly dividend of 12 cents a share, payable"
        owner = []
        for i in range(g.b, c.b):
            if r.dropped[i] or r.words[i] == "," or r.lower[i] in _PHRASE_START:
                break
            owner.append(r.words[i])
        owner = _definite(owner)
    if not owner:
        return None
    return ["Record", "date", "for", _lower_first(owner[0]), *owner[1:]]


def _cleft(r: _Reading, k: int) -> int:
    """ "It was in 2011 that the police admitted": the "that" clause."""
    c = r.clauses[k]
    body = r.content(c.body, c.b)
    if (
        len(body) == 2
        and r.lower[body[0]] == "it"
        and r.lower[body[1]] in ("was", "is")
        and k + 1 < len(r.clauses)
        and r.clauses[k + 1].opener == "comp"
    ):
        return k + 1
    return k


# Participles that name the noun before them, in a clause of another verb.
_NAMING = frozenset("called named known dubbed titled entitled nicknamed".split())


def _title(r: _Reading, k: int, here: int) -> tuple[list[str], list[str]] | None:
    """Who did what: (subject and verb group, object)."""
    c = r.clauses[k]
    groups = r.groups(c)
    if not groups:
        return None
    g = groups[0]
    if k == here:
        earlier = [x for x in groups if x.a < r.first_date]
        g = earlier[-1] if earlier else groups[0]
        if (
            c.opener == "rel"
            and len(earlier) > 1
            and g.b - g.a == 1
            and (between := [r.lower[i] for i in r.content(earlier[-2].b, g.a)])
            and not {"and", "or", "but"} & set(between)
        ):
            g = earlier[-2]  # "which covers pills sold between May and July": covers them
        while (
            len(earlier) > 1
            and g is earlier[-1]
            and r.lower[g.a] in _NAMING
            and r.lower[earlier[-2].b - 1] not in _SAYING
        ):
            # "founded a fortress called Eboracum in AD 71": the founding
            earlier.pop()
            g = earlier[-1]
    prev_end = max((x.b for x in groups if x.b <= g.a), default=c.body)
    before = r.content(prev_end, g.a)
    if (
        before
        and r.lower[before[0]] in _PHRASE_START | _DATE_LEAD
        and before[0] < r.first_date < g.a
        and any(i > r.first_date for i in before)
    ):
        # "At Mylae in 260 BC the consul defeated": the place goes with the date
        before = [i for i in before if i > r.first_date]
    subject = _words(r, before, subject=True)
    # "the Saturn V never flew again": the negation goes with the verb
    negation = [r.words[i] for i in before if r.lower[i] in _KEPT_ADVERBS]
    obj = _object(r, g.b, c.b)
    verb = [r.words[i] for i in range(g.a, g.b)
            if not r.dropped[i] and (r.verb[i] or r.lower[i] in _KEPT_ADVERBS
                                     or r.lower[i].endswith("ing"))]  # fmt: skip
    if (
        k == here
        and g.b - g.a == 1
        and r._participle(g.a)
        and g.b < r.first_date
        and not r.content(g.b, r.first_date)
        and subject
        and subject[0].lower() in _DETERMINERS
        and any(
            x.a > r.first_date
            and r.lower[x.a] in _AUX
            and not r.content(r.first_date, x.a)  # the verb straight after the date
            for x in groups
        )
    ):
        # "the pay offer made in January was an insult": the offer was made then
        verb, obj = ["were" if _plural(subject) else "was", *verb], []
    if g.a in r.ing and not subject:
        # "Italy invaded, conquering Somaliland in August": "Italy conquered Somaliland"
        subject = _participle_subject(r, k)
        verb = _past(verb, _plural(subject))
    elif g.participle and not subject:
        # "They will appeal the ruling, announced Tuesday by the court,": the noun before the
        # comma, when a clause with a verb holds it; else "The ceasefire, agreed in ..."
        before_gs = r.groups(r.clauses[k - 1]) if k else []
        np = _noun_phrase(r, c.a) if before_gs and before_gs[0].a not in r.ing else []
        subject = _definite([r.words[i] for i in np]) if np else _borrowed(r, k)
        if not (g.b < c.b and r.lower[g.b] in _DETERMINERS):
            # "The ceasefire, agreed in February": a passive; but "the army, with air support,
            # launched an offensive" is the verb itself, with its object
            verb = ["were" if _plural(subject) else "was", *verb]
    elif not subject:
        if c.opener == "rel":
            subject = _antecedent(r, k)
        elif c.opener == "cont":
            subject = _antecedent(r, k - 1)
        else:
            subject = _borrowed(r, k)
    elif c.opener == "rel" and c.rel == "whose":
        subject = [*_possessive(_antecedent(r, k)), *subject]
    elif c.opener == "rel" and not obj:
        antecedent = _definite(_antecedent(r, k))  # "whom the academy had rejected"
        obj = [_lower_first(antecedent[0]), *antecedent[1:]] if antecedent else []
    pronoun = [w.lower() for w in subject]
    if pronoun == ["it"] and here >= 0:  # not in "said it would"
        subject = _earlier_subject(r, k) or subject
        if [w.lower() for w in subject] == ["it"] and r.before and _refers(r, g, k):
            subject = _named_before(r.before, "it") or subject
    elif pronoun[:2] in (["he"], ["she"], ["he", "and"], ["she", "and"]) and here >= 0:
        # "Kara Mustafa retreated to Belgrade, where he was executed": a name, and only a
        # name ("Police arrested the man after he fled": not "Police fled"). "She and Forbes
        # travelled": the name, and Forbes.
        named = _earlier_subject(r, k)
        if (
            named
            and all(w[:1].isupper() for w in named)
            and named[0].lower() not in _DETERMINERS
            # one capitalised word first in the sentence may be any noun: "Police arrested"
            and (len(named) > 1 or r.words.index(named[0]) > 0 or _person(named[0]))
        ):
            subject = [*named, *subject[1:]]
        elif not named and r.before:
            subject = [*(_named_before(r.before, pronoun[0]) or subject[:1]), *subject[1:]]
    elif pronoun == ["they"] and here >= 0 and r.before and not _earlier_subject(r, k):
        subject = _named_before(r.before, "they") or subject
    if not subject:
        lead = range(c.body, g.a)
        if not (lead and all(r.date[i] for i in lead) and r.lower[c.body] not in _DATE_LEAD):
            return None
        # "The start of 2004 was marked by a lull", "2005 saw a rise in attacks": the date is
        # the subject, and stays
        subject = [r.words[i] for i in lead]
    reports = k + 1 < len(r.clauses) and r.clauses[k + 1].opener == "comp"
    if obj and reports and obj[-1].lower().endswith("ing"):
        obj = obj[:-1]  # "an article revealing that ...": the participle without what it reveals
    if (
        r.lower[g.b - 1] in _SAYING
        and k == here >= 1
        and c.opener == ""
        and not g.participle  # not "the decision, announced Wednesday by the agency,"
        and before  # its own subject: "officials said"
        and (not obj or obj[0].lower() in _PHRASE_START)  # "said in a statement"
        and r.words[c.a] in (",", *_CLOSING)
        and not r.clauses[0].opener
        and (found := _attributed(r, k, [*subject, *negation, *verb])) is not None
    ):
        return found
    if (
        r.lower[g.b - 1] in _SAYING
        and len(obj) <= 2
        and k + 1 < len(r.clauses)
        # "It was announced that", "We were promised that"; not "Counts were learned ... that"
        and not (
            _BE.intersection(r.lower[g.a : g.b - 1])
            and pronoun != ["it"]
            and r.lower[g.b - 1] not in ("told", "promised", "assured", "warned")
        )
    ):
        nxt = r.clauses[k + 1]
        if nxt.opener == "comp" and r.groups(nxt):
            reported = _title(r, k + 1, -1)
            if reported:
                said = [*reported[0], *reported[1]]
                obj = [*obj, _lower_first(said[0]), *said[1:]]
    head = [*_capitalised(subject), *negation, *verb]
    if obj and fit(head, obj) == _join(_trimmed(head)):
        # Too long to say what was done: a subject's own phrase goes first ("The top commander
        # of a Cambodian resistance force said he has sent a team": "The top commander said
        # he has sent a team").
        cut = next(
            (
                i
                for i in range(2, len(subject) - 1)
                if subject[i].lower() in _OWN_PHRASE
                # not "Organization of African Unity", but "the nation of Bangladesh"
                and (
                    subject[i + 1][:1].islower()
                    or (i + 2 == len(subject) and subject[i - 1][:1].islower())
                )
                and subject[i - 1].lower() not in _QUANTITIES  # "20 percent of the chiefs"
            ),
            0,
        )
        shorter = [*_capitalised(subject[:cut]), *negation, *verb]
        if cut and fit(shorter, obj) != _join(_trimmed(shorter)):
            head = shorter
    return head, obj


def _attributed(r: _Reading, k: int, said: list[str]) -> tuple[list[str], list[str]] | None:
    """What was said before who said it, the clause k: "Insurers expect claims to top $4
    billion, analysts said Wednesday" in the sentence's own order; too long for that, who
    said it first ("Officials said the bridge had been ..."), never what was said alone."""
    c = r.clauses[k]
    if any(w in _OPENING or w in _CLOSING for w in r.words[: c.body]):
        # a quotation is not the writer's to retell: word for word, or not at all
        quoted = _quotation(r, c.body)
        if quoted and len(_join([quoted, *said])) <= TITLE_MAX:
            return [quoted, *said], []
        return None
    # the first clause that tells something: not "Sytenko, a former envoy," nor "Tired of
    # waiting," before it
    first = next((j for j in range(k) if _has_subject(r, j)), None)
    if first is None or r.clauses[first].opener:
        return None
    reported = _title(r, first, -1)
    if reported is None or (not reported[1] and reported[0][-1].lower() in _AUX):
        return None  # "Exiles will [quotation], Cuba predicted"
    head, tail = reported
    if "_" in head:  # "WASHINGTON _ The economy created jobs": a wire's dateline
        head = head[head.index("_") + 1 :]
    if fit(head, [*tail, ",", *said]).endswith(_join(said)):
        return head, [*tail, ",", *said]
    # who said it first, if what was said keeps its subject and verb after it
    told = [_lower_first(head[0]), *head[1:]]
    if len(fit(said, [*told, *tail])) < len(_join([*said, *told])):
        return None
    return _capitalised(said), [*told, *tail]


def _has_subject(r: _Reading, k: int) -> bool:
    c = r.clauses[k]
    gs = r.groups(c)
    # a wire's dateline is no subject: "BUDAPEST, Hungary (AP)_ Tired of waiting,"
    lead = (
        [i for i in r.content(c.body, gs[0].a) if r.words[i] != "_" and not r.words[i].isupper()]
        if gs
        else []
    )
    return bool(gs) and not (not lead and r._participle(gs[0].a))


def _participle_subject(r: _Reading, k: int) -> list[str]:
    """Whose participle clause k is: the subject of the clause before, or for a participle
    the sentence opens with, of the first clause after that has one."""
    c = r.clauses[k]
    nxt = r.clauses[k + 1] if k + 1 < len(r.clauses) else c
    gs = r.groups(nxt) if r.words[nxt.a] == "," and not nxt.opener else []
    if k and r.words[c.a] == "," and gs and gs[0].a == nxt.body and gs[0].a not in r.ing:
        # between commas before the verb, it describes the noun before: "but the
        # Americans, having broken the codes, were aware"
        np = _noun_phrase(r, c.a)
        # a subject, not an object: "launched an offensive, pushing them back, followed by"
        if np and (np[0] == 0 or r.lower[np[0] - 1] in (",", *_COORDINATORS)):
            return _definite([r.words[i] for i in np])
    for j in range(k - 1, -1, -1):
        # after a clause, its subject: "when Madero succeeded him, taking office in 1911"
        gs = r.groups(r.clauses[j])
        if gs and gs[0].a not in r.ing:
            own = _words(r, r.content(r.clauses[j].body, gs[0].a), subject=True)
            if own and not r.clauses[j].opener == "rel":
                return _definite(own)
            break
    if any(_told(r, j) for j in range(k)):
        return _borrowed(r, k)
    for j in range(k + 1, len(r.clauses)):
        c = r.clauses[j]
        gs = r.groups(c)
        if gs and not c.opener and gs[0].a not in r.ing:
            return _definite(_words(r, r.content(c.body, gs[0].a), subject=True))
    return []


def _past(verb: list[str], plural: bool) -> list[str]:
    """ "conquering" -> "conquered", "having broken" -> "had broken", "being forced" ->
    "was forced"."""
    first, rest = verb[0].lower(), verb[1:]
    if first == "having":
        return ["had", *rest]
    if first == "being":
        return ["were" if plural else "was", *rest]
    if first in _PAST_OF_ING:
        return [_PAST_OF_ING[first], *rest]
    stem = first[:-3]
    if stem.endswith("e"):
        return [stem + "d", *rest]  # "freeing"
    if len(stem) > 2 and stem.endswith("y") and stem[-2] not in "aeiou":
        return [stem[:-1] + "ied", *rest]  # "carrying"
    return [stem + "ed", *rest]  # "pushing", "initiat-ing", "stopp-ing"


def _quotation(r: _Reading, end: int) -> str | None:
    """The quotation a sentence opens with and closes before token `end`, word for word with
    its marks, when nothing in it was left out."""
    q = max((i for i in range(1, end) if r.words[i] in _CLOSING), default=0)
    # the whole of what was said: not "Exiles will now “proceed with all their resources”"
    if not q or r.words[0] not in _OPENING or any(r.date[i] for i in range(q)):
        return None
    text = r.sentence[r.spans[0][0] : r.spans[q][1]]
    return None if "  " in text or "\n" in text else text


_WEATHER = frozenset("rained snowed poured froze thawed".split())


def _refers(r: _Reading, g: _Group, k: int) -> bool:
    """Whether the "it" before the verb group g stands for something: not in "It was a cold
    winter", "It was announced that ...", "It was agreed to wait", "It rained"."""
    verb = r.lower[g.a : g.b]
    if all(w in _AUX or w in _ADVERBS for w in verb) or _WEATHER.intersection(verb):
        return False
    after = r.lower[g.b] if g.b < len(r.words) else ""
    reports = k + 1 < len(r.clauses) and r.clauses[k + 1].opener == "comp"
    return not (reports or after in ("to", "that", "as", "likely", "clear"))


def _earlier_subject(r: _Reading, k: int) -> list[str]:
    """What "it" stands for in "the currency would never fall, and it fell in 2016": the
    subject of the nearest clause before that has a noun for one."""
    for j in range(k - 1, -1, -1):
        c = r.clauses[j]
        gs = [x for x in r.groups(c) if not x.participle]
        # "Pundits said the currency would never fall": the last verb's subject is nearest
        for g, start in reversed(list(zip(gs, [c.body] + [x.b for x in gs], strict=False))):
            words = _words(r, r.content(start, g.a), subject=True)
            if words and words[-1].lower() not in _PRONOUNS:
                return _definite(words)
    return []


@functools.lru_cache(maxsize=256)
def _subject_of(sentence: str) -> tuple[str, ...]:
    """The subject of a sentence's first clause that has one ("Marie Curie, a chemist, moved
    to Paris in 1891": "Marie Curie"), or () when it has none or a long one."""
    if len(sentence) > 2 * WINDOW:
        return ()
    r = _Reading(sentence, len(sentence), len(sentence))
    if r.words[:1] and r.words[0] in _OPENING:
        return _speaker(r)
    for k, c in enumerate(r.clauses):
        gs = [g for g in r.groups(c) if not g.participle and g.a not in r.ing]
        if c.opener or not gs:
            continue
        # "Marie Curie, a chemist, moved": the subject of a clause before
        words = _words(r, r.content(c.body, gs[0].a), subject=True) or _borrowed(r, k)
        while words and (words[0][:1].isdigit() or words[0].lower() in _PHRASE_START):
            words = words[1:]  # "In 1891 Marie Curie moved"
        if not words or len(words) > 6:
            return ()
        if words[-1].lower() in _PRONOUNS:
            return (words[-1].lower(),)  # "Two years later she married"
        if len(words) == 1 and words[0][:1].isupper() and r.words.index(words[0]) == 0:
            # one capitalised word first in the sentence may be any noun: "Police arrested";
            # "Hannibal besieged" is a name
            return tuple(words) if _person(words[0]) else ("?", words[0])
        return tuple(words)
    return ()


# Nouns a sentence may open with, capitalised, that are no one's name.
_COLLECTIVE = frozenset(
    """police staff government management everyone everybody someone somebody nobody
    parliament congress council army navy crew family team company industry media
    history life work war peace money""".split()
)


def _person(word: str) -> bool:
    """Whether one capitalised word first in a sentence may be a person's name: not a
    plural ("Officials"), nor a noun for a group ("Police")."""
    low = word.lower()
    return (
        word.isalpha()
        and low not in _COLLECTIVE
        and low not in _LOWERED
        and low not in _PHRASE_START
        and not _plural([word])
    )


def _speaker(r: _Reading) -> tuple[str, ...]:
    """Who says the quotation a sentence opens with: ' "It rolled for a while," said Martha
    Quinn, who runs a guesthouse' gives "Martha Quinn"."""
    q = max((i for i in range(1, len(r.words)) if r.words[i] in _CLOSING), default=0)
    i = q + 1
    while i < len(r.words) and r.words[i] in (",", *_CLOSING):
        i += 1
    if i >= len(r.words):
        return ()
    out: list[str] = []
    if r.lower[i] in _SAYING:  # "said Martha Quinn"
        for w in r.words[i + 1 :]:
            if not w[:1].isupper() and w.lower() not in _PARTICLES:
                break
            out.append(w)
    else:  # "Martha Quinn said"
        for j in range(i, min(i + 6, len(r.words))):
            if r.lower[j] in _SAYING:
                out = r.words[i:j]
                break
    return tuple(out) if 0 < len(out) <= 5 else ()


def _name(words: tuple[str, ...]) -> list[str]:
    """The name a subject is or ends in: "Marie Curie", "the emperor Claudius" -> "Claudius";
    [] for "the company" or "Police"."""
    if not words or words[0] == "?":
        return []
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
    if k == len(words) or (k > 0 and words[k - 1].lower() in _PHRASE_START):
        return []  # "the mayor of Lyon": not a name for "he"
    if k == 0:
        return [] if words[0].lower() in _LOWERED else list(words)
    return list(words[k:]) if words[k - 1].islower() else []


LOOK_BACK = 6  # sentences: further back, a pronoun is rarely the reader's to resolve


def _named_before(before: tuple[str, ...], pronoun: str) -> list[str]:
    """Who "he", "she", "they" or "it" is, from the sentences before (nearest first): the
    subject of the nearest one that fits, through a chain of the same pronoun ("Ada Byron met
    him in 1833. She married in 1835. In 1843 she published"). "He" and "she" take a name,
    never "the man" (which may be another's); "they" a plural; "it" a thing, not the person a
    "he" after it stood for. Anything else on the way, and the pronoun stays ([])."""
    people = 0  # the "he" and "she" passed, each standing for a name further back
    for sentence in before[:LOOK_BACK]:
        words = _subject_of(sentence)
        if not words:
            return []
        low = words[-1].lower()
        if len(words) == 1 and low in _PRONOUNS:
            if low in ("he", "she"):
                people += 1
            if low == pronoun or (pronoun == "it" and low in ("he", "she", "they")):
                continue
            return []
        name = _name(words)
        if pronoun in ("he", "she"):
            if _plural(list(words)) and not name:
                continue  # "The rebels took the town": not "he"
            return name
        if pronoun == "they":
            return _definite(list(words)) if _plural(list(words)) and not name else []
        if people and name:
            people -= 1  # the name the "he" after it stood for
            continue
        if _plural(list(words)):
            return []
        return name or _definite([w for w in words if w != "?"])
    return []


def _object(r: _Reading, a: int, b: int) -> list[str]:
    out: list[str] = []
    for i in range(a, b):
        if r.lower[i] in _OBJECT_END and not r.dropped[i]:
            break
        if r.words[i] in "!?…" or (r.words[i] == "." and not _abbreviation(r, i)):
            break
        if r.dropped[i] or r.words[i] == ",":
            if out:  # "fell 12 percent on Thursday when": the object stops at its date
                if any(r.date[j] for j in range(i, b)) and not _continues(r, i, b):
                    break
            continue
        out.append(r.words[i])
    return out


def _abbreviation(r: _Reading, i: int) -> bool:
    """Whether the full stop at i ends an abbreviation the sentence goes on after ("U.S. and
    British objections", "Dr. Hugh Short"): the sentence was split at its own full stops."""
    return (
        0 < i < len(r.words) - 1 and r.words[i + 1][:1].isalnum() and r.words[i - 1][-1:].isalpha()
    )


def _continues(r: _Reading, i: int, b: int) -> bool:
    """Whether words of the object follow the date: "founded in 1992 by two nurses"."""
    j = i
    while j < b and (r.dropped[j] or r.words[j] == ","):
        j += 1
    return j < b and r.words[j - 1] != "," and r.lower[j] not in _OBJECT_END


def _words(r: _Reading, idx: list[int], subject: bool = False) -> list[str]:
    out = [r.words[i] for i in idx]
    if subject:
        # "Sicily", "Kelly": a name is no adverb
        out = [w for w in out if w.lower() not in _ADVERBS and not (_is_ly(w) and w.islower())]
        # "But the group began", "Yet the plan failed": the connective is no part of it
        while out and (out[0].lower() in _PHRASE_START or out[0].lower() in _COORDINATORS):
            if len(out) > 1 and (out[1][:1].isdigit() or _particle(out[0], out[1])):
                break  # "over 700 civilians", "de Gaulle"
            out = out[1:]
    return out


def _antecedent(r: _Reading, k: int) -> list[str]:
    """What a relative pronoun stands for: the noun phrase before it, or, for "a Jordanian"
    after a comma, the name it describes."""
    c = r.clauses[k]
    if c.chained:
        back = next((j for j in range(k - 1, -1, -1) if r.clauses[j].opener == "rel"), None)
        if back is not None:
            return _antecedent(r, back)
    np = _noun_phrase(r, c.a)
    of = [i for i in np if r.lower[i] == "of"]
    if (
        c.rel in ("who", "whom")
        and of
        and r.words[of[-1] - 1].islower()  # not "the National Council of Churches, who"
        and r.words[of[-1] + 1][:1].isupper()
        and r.lower[of[-1] - 1] not in _ROLES  # "the mayor of Lyon, who": the mayor
    ):
        # "leading to the arrest of Kopp, who is charged": who is a person, not an arrest
        return [r.words[i] for i in np if i > of[-1]]
    if (
        c.rel in ("who", "whom", "which")
        and np
        and np[0] > 1
        and r.lower[np[0] - 1] in _PERSON_OF
        and r.words[np[0]][:1].isupper()
    ):
        # "a lawyer from Grenoble who died in 1840": who is the lawyer, not Grenoble; "a
        # depot at Ambleside, which sent moss": the depot
        head = _noun_phrase(r, np[0] - 1)
        if head and (r.words[head[-1]].islower() or head[-1] == 0):
            np = head
    if np and r.lower[np[0]] in ("a", "an") and np[0] > 0 and r.words[np[0] - 1] == ",":
        named = _noun_phrase(r, np[0] - 1)
        if named:
            return [r.words[i] for i in named]
    return _definite([r.words[i] for i in np])


# Prepositions that tie a place to a person: "a lawyer from Grenoble", "a doctor in Lyon".
_PERSON_OF = frozenset("from in at".split())
# Nouns for a person that an "of" and a name follow: "the mayor of Lyon, who ...".
_ROLES = frozenset(
    """mayor president king queen prince princess duke duchess count countess bishop
    archbishop governor emperor empress chancellor minister secretary leader head chief
    founder director chairman chairwoman son daughter wife husband widow father mother
    brother sister friend member citizen ruler lord lady""".split()
)


def _noun_phrase(r: _Reading, end: int) -> list[int]:
    """The noun phrase that ends just before token `end`."""
    out: list[int] = []
    i = end - 1
    while i >= 0 and (r.words[i] == "," or r.dropped[i]) and not out:
        i -= 1
    while i >= 0 and len(out) < 6:
        w, low = r.words[i], r.lower[i]
        if r.dropped[i] or r.verb[i] or w in _HARD or w == "," or low in _RELATIVE:
            break
        if low in _PHRASE_START and low != "of":
            break
        out.insert(0, i)
        if low in _DETERMINERS:
            break
        i -= 1
    while out and r.lower[out[0]] == "of":
        out = out[1:]
    return out


def _borrowed(r: _Reading, k: int) -> list[str]:
    """The subject of "and retired" or ", collapsed within a week": the nearest clause before
    that is not a relative or subordinate clause; a clause with no verb is a subject itself."""
    for j in range(k - 1, -1, -1):
        c = r.clauses[j]
        if c.opener in ("rel", "sub", "comp", "cont") or _quoted(r, c):
            continue  # (a slogan in quotation marks is no one's subject)
        gs = r.groups(c)
        if not gs:
            # "The company's founder, a farmer's son who ...": the first of the noun phrases,
            # not a phrase such as "with air support" or the date ("At the end of March, the
            # army, with air support, launched")
            run = [j]
            while (
                j > 0
                and r.words[r.clauses[j].a] not in ";:"  # "...; these attempts, however,"
                and not r.groups(r.clauses[j - 1])
                and r.clauses[j - 1].opener == ""
            ):
                j -= 1
                run.insert(0, j)
            if j > 0 and r.words[r.clauses[j].a] == "," and r.groups(r.clauses[j - 1]):
                # "Japan attacked Changsha, a strategically important city, but was
                # repulsed": phrases after a clause with a verb describe its object; the
                # subject is that clause's
                return _borrowed(r, j)
            for n, i in enumerate(run):
                c = r.clauses[i]
                idx = r.content(c.body, c.b)
                # not "According to press reports,"
                if idx and r.lower[idx[0]] not in _PHRASE_START | _ING_NOT_VERB:
                    words = _words(r, idx, subject=True)
                    if words:  # not "But" alone, before "on April 8," left out
                        # "The operator's chief executive, Priya Natarajan,": the name
                        name = _apposed(r, run[n + 1]) if n + 1 < len(run) else []
                        return name if name and not _apposed(r, i) else words
            return []
        if gs[0].participle or gs[0].a in r.ing:
            continue  # an aside: "Japan, hoping to gain time, made demands"
        subject = _words(r, r.content(c.body, gs[0].a), subject=True)
        return subject or _borrowed(r, j)
    return []


def _apposed(r: _Reading, k: int) -> list[str]:
    """The words of clause k when they are a name of at most four words between commas
    ("Priya Natarajan", "The Mosses of the Fells"), else []."""
    c = r.clauses[k]
    idx = r.content(c.body, c.b)
    words = [r.words[i] for i in idx]
    if (
        not 0 < len(words) <= 5
        or c.opener
        or r.words[c.a] != ","
        or not words[0][:1].isupper()
        or not words[-1][:1].isupper()
        or any(r.date[i] for i in range(c.a, c.b))
    ):
        return []
    return words


def _quoted(r: _Reading, c: _Clause) -> bool:
    """Whether clause c is words in quotation marks: "whose motto was “Bread or death”"."""
    first, n = r.words[c.a], len(r.words)
    if c.b >= n or r.words[c.b] not in ('"', "”"):
        return False
    return first == "“" or (first == '"' and r.words[: c.a].count('"') % 2 == 0)


def _definite(np: list[str]) -> list[str]:
    if np and np[0].lower() in ("a", "an"):
        return ["the", *np[1:]]
    return np


def _possessive(np: list[str]) -> list[str]:
    if not np:
        return np
    return [*np[:-1], np[-1] + ("'" if np[-1].endswith("s") else "'s")]


def _plural(np: list[str]) -> bool:
    head = np[-1].lower() if np else ""
    return head.endswith("s") and not head.endswith(("ss", "us", "is")) and head[:1].isalpha()


def _capitalised(np: list[str]) -> list[str]:
    if np and np[0] in ("the", "a", "an"):
        return [np[0].capitalize(), *np[1:]]
    return np


def _lower_first(word: str) -> str:
    """ "The", "Another", "It" inside a title; a name stays as it is."""
    return word.lower() if word.lower() in _LOWERED else word
