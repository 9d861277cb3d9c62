"""Event titles on text nobody tuned for: the real extraction against hand-written headlines.

    python3 bench/titles_gold.py [--split dev|heldout|both] [--show dev|heldout] [--json]

The documents and their gold are in bench/data/titles_gold/<split>/ (see the README there):
each `<name>.<txt|md|html>` beside `<name>.gold.yaml`, which lists the events a reader wants
(the date as written, a headline, its subject and head verb), the dates that are NOT events,
and dates left unscored. Each document is read by `timeline.load`, as `timeline extract`
reads it, with the gold's reference date as --ref-date.

A produced event is matched to a gold date by its character span (the largest overlap), else
by its date text, written within a sentence's reach of the gold date. Per split, and per
language and genre within it:

    found     gold events that came out as an event at all (recall)
    who       the title names the gold subject before the gold verb, and does not open
              with a bare pronoun ("He", "Elle", "Er", "Él")
    did what  the title holds the gold head verb (same word or same stem, case-folded)
    both      who and did what
    non-ev    dates that mark no happening (a "posted on" stamp, a deadline, "until 2027")
              that were wrongly made into events
    other     produced events on dates the gold neither lists nor rules out (not scored)
    crashed   documents on which the extraction raised: their events count as missed

Who, did what and both are counted over all gold events, found or not.

`heldout` is reported once per change, as counts only: nobody tuning titles may read its
titles or its failures. `--show heldout` prints them, and exists for the annotator only.
`--show dev` prints produced title beside gold headline, with a verdict, for reading by eye.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT / "bench" / "data" / "titles_gold"
SPLITS = ("dev", "heldout")

# A title that opens with one of these names nobody.
PRONOUNS = {
    "en": {"he", "she", "it", "they", "we", "i", "you"},
    "fr": {"il", "elle", "ils", "elles", "on", "nous", "je", "tu", "vous"},
    "de": {"er", "sie", "es", "wir", "ich", "du", "ihr", "man"},
    "es": {"el", "ella", "ellos", "ellas", "nosotros", "nosotras", "yo", "tu", "usted"},
}
# "él" loses its accent in `fold`, and so meets the article "el": a Spanish title that opens
# with the article is not a pronoun, so "el" is only a pronoun when its accent was written.
ACCENTED_ONLY = {"es": {"el": "él", "tu": "tú"}}

# Words of a gold subject that need not be in the title: articles, prepositions.
FUNCTION_WORDS = {
    "en": {"the", "a", "an", "of", "s", "to", "in", "on", "at", "and"},
    "fr": {"le", "la", "les", "l", "un", "une", "de", "du", "des", "d", "et", "à", "a", "au"},
    "de": {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "von", "und"},
    "es": {"el", "la", "los", "las", "un", "una", "de", "del", "y", "a", "al"},
}

# Inflectional endings, longest first within each language; a stem keeps at least 3 letters.
SUFFIXES = {
    "en": tuple("ingly edly ing ed es s e".split()),
    "fr": tuple(
        "eraient erait eront issaient issait issent ation aient erons erez era ira ait ant ent"
        " ons ees ez ee es er ir ie ue is it e s i u".split()
    ),
    "de": tuple("ungen eten ung ete est ten en et te st t e n s".split()),
    "es": tuple(
        "ieron aron iendo acion cion ando aban ados adas idos idas aria eria iria amos emos imos"
        " aba ado ada ido ida ara era ira io an en ar er ir as es os o a e".split()
    ),
}

WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fold(word: str) -> str:
    """Case-folded, accents dropped: "Élisabeth" -> "elisabeth", "gründete" -> "grundete"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The words of a title as written (apostrophes split "l'abbaye" and "Acas's")."""
    return WORD.findall(text)


def stem(word: str, lang: str) -> str:
    """A light stem: the folded word less its longest inflectional ending."""
    w = fold(word)
    if lang == "en" and len(w) > 4 and w.endswith(("ied", "ies")):
        w = w[:-3] + "i"
    elif lang == "de" and len(w) > 6 and w.startswith("ge"):
        w = w[2:]  # the participle's ge-: "gegründet" meets "gründete"
    for suffix in SUFFIXES.get(lang, ()):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    if lang == "en" and len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiou":
        w = w[:-1]  # "stopped" -> "stopp" -> "stop"
    return w


def same_word(a: str, b: str, lang: str) -> bool:
    """The same word or the same stem, case-folded."""
    return fold(a) == fold(b) or stem(a, lang) == stem(b, lang)


def alternatives(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def verb_at(title: str, verbs: Sequence[str], lang: str) -> int | None:
    """The index of the first word of `title` that is one of the gold verbs, if any."""
    for i, w in enumerate(words(title)):
        if any(same_word(w, v, lang) for v in verbs):
            return i
    return None


def opens_with_pronoun(title: str, lang: str) -> bool:
    found = words(title)
    if not found:
        return False
    first = found[0]
    folded = fold(first)
    accented = ACCENTED_ONLY.get(lang, {}).get(folded)
    if accented is not None:
        return first.casefold() == accented
    return folded in PRONOUNS.get(lang, set())


def did_what(title: str, verbs: Sequence[str], lang: str) -> bool:
    """The title holds the gold head verb, compared loosely."""
    return verb_at(title, verbs, lang) is not None


def who(title: str, subjects: Sequence[str], verbs: Sequence[str], lang: str) -> bool:
    """The title names the gold subject (every content word of one of its forms) before the
    gold verb (anywhere, when the verb is not in it), and does not open with a bare pronoun."""
    if opens_with_pronoun(title, lang):
        return False
    title_words = words(title)
    at = verb_at(title, verbs, lang)
    before = title_words if at is None else title_words[:at]
    skip = FUNCTION_WORDS.get(lang, set())
    for subject in subjects:
        needed = [w for w in words(subject) if fold(w) not in skip] or words(subject)
        if needed and all(any(same_word(n, w, lang) for w in before) for n in needed):
            return True
    return False


@dataclass(frozen=True, slots=True)
class GoldEvent:
    date: str
    start: int
    end: int
    title: str
    subjects: tuple[str, ...]
    verbs: tuple[str, ...]


@dataclass(slots=True)
class Document:
    split: str
    name: str
    path: Path
    lang: str
    genre: str
    ref_date: str
    events: list[GoldEvent]
    non_events: list[tuple[str, int, int]]
    ignored: list[tuple[str, int, int]]


def _span(text: str, date: str, nth: int, where: Path) -> tuple[int, int]:
    at = -1
    for _ in range(nth):
        at = text.find(date, at + 1)
        if at < 0:
            raise ValueError(f"{where}: date {date!r} (#{nth}) is not in the text")
    return at, at + len(date)


def _dated(entry: Any) -> tuple[str, int]:
    if isinstance(entry, str):
        return entry, 1
    return str(entry["date"]), int(entry.get("nth", 1))


def load_documents(splits: Iterable[str], data: Path = DATA) -> list[Document]:
    """Every document of the splits with its gold, each date located in the text."""
    docs = []
    for split in splits:
        for gold_path in sorted((data / split).glob("*.gold.yaml")):
            name = gold_path.name.removesuffix(".gold.yaml")
            texts = [p for p in gold_path.parent.glob(name + ".*") if p != gold_path]
            if len(texts) != 1:
                raise ValueError(f"{gold_path}: expected one text beside it, found {texts}")
            text = texts[0].read_text(encoding="utf-8")
            gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
            events = []
            for e in gold["events"]:
                date, nth = _dated(e)
                start, end = _span(text, date, nth, gold_path)
                events.append(GoldEvent(date, start, end, e["title"],
                                        tuple(alternatives(e["subject"])),
                                        tuple(alternatives(e["verb"]))))  # fmt: skip
            rest: dict[str, list[tuple[str, int, int]]] = {"non_events": [], "ignore": []}
            for key, found in rest.items():
                for entry in gold.get(key) or []:
                    date, nth = _dated(entry)
                    found.append((date, *_span(text, date, nth, gold_path)))
            docs.append(Document(split, name, texts[0], gold["lang"], gold["genre"],
                                 str(gold["ref_date"]), events, rest["non_events"],
                                 rest["ignore"]))  # fmt: skip
    return docs


class Crashed(Exception):
    """The extraction raised on a document (other than finding no events)."""


@dataclass(frozen=True, slots=True)
class Produced:
    start: int
    end: int
    date: str
    title: str


def produce(doc: Document) -> list[Produced]:
    """The events `timeline extract` finds in the document, one per place it was read from."""
    from timeline.errors import TimelineError
    from timeline.model import Day
    from timeline.pipeline import load
    from timeline.sources import ReadOptions

    ref = Day(*map(int, doc.ref_date.split("-")))
    try:
        loaded = load([str(doc.path)], ReadOptions(reference_date=ref, today=ref),
                      skip_invalid=True)  # fmt: skip
    except TimelineError:  # no events found at all
        return []
    except Exception as exc:  # a crash is a finding: the document's events are all missed
        raise Crashed(f"{type(exc).__name__}: {exc}") from exc
    out = []
    for event in loaded.timeline.events:
        for r in event.refs:
            if r.start is not None and r.end is not None:
                out.append(Produced(r.start, r.end, event.date.text, event.title))
    return sorted(out, key=lambda p: (p.start, p.end, p.title))


NEARBY = 120  # characters: a date's text found this close to the gold date is its reading


def _by_text(g: GoldEvent, unused: list[Produced]) -> Produced | None:
    gold = fold(g.date)
    for p in unused:
        text = fold(p.date)
        if text and (text in gold or gold in text) and abs(p.start - g.start) <= NEARBY:
            unused.remove(p)
            return p
    return None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@dataclass(slots=True)
class Result:
    """One gold event and what the tool made of it (None: not found)."""

    doc: Document
    gold: GoldEvent
    produced: Produced | None

    @property
    def found(self) -> bool:
        return self.produced is not None

    @property
    def who(self) -> bool:
        p = self.produced
        return p is not None and who(p.title, self.gold.subjects, self.gold.verbs, self.doc.lang)

    @property
    def did_what(self) -> bool:
        p = self.produced
        return p is not None and did_what(p.title, self.gold.verbs, self.doc.lang)


@dataclass(slots=True)
class Scored:
    results: list[Result] = field(default_factory=list)
    non_events: list[tuple[Document, str, Produced | None]] = field(default_factory=list)
    other: list[tuple[Document, Produced]] = field(default_factory=list)
    crashed: list[tuple[Document, str]] = field(default_factory=list)


def score(doc: Document, produced: Sequence[Produced], into: Scored) -> None:
    """Match produced events to the gold by span: each produced event to at most one gold
    date, the largest overlap first."""
    unused = list(produced)

    def take(span: tuple[int, int]) -> Produced | None:
        best = max(unused, key=lambda p: _overlap(span, (p.start, p.end)), default=None)
        if best is None or _overlap(span, (best.start, best.end)) == 0:
            return None
        unused.remove(best)
        return best

    matched = {g: take((g.start, g.end)) for g in doc.events}
    # Then by date text nearby: "Seven years later, on March 27, 1964" may be read with the
    # span of "Seven years later" and the text of the date the gold gives.
    for g, p in matched.items():
        if p is None:
            matched[g] = _by_text(g, unused)
    into.results.extend(Result(doc, g, p) for g, p in matched.items())
    for date, start, end in doc.non_events:
        into.non_events.append((doc, date, take((start, end))))
    for _date, start, end in doc.ignored:
        while take((start, end)) is not None:
            pass
    into.other.extend((doc, p) for p in unused)


def counts(scored: Scored, keep: Any) -> dict[str, int]:
    results = [r for r in scored.results if keep(r.doc)]
    non = [n for n in scored.non_events if keep(n[0])]
    return {
        "documents": len({r.doc.name for r in results}),
        "gold": len(results),
        "found": sum(r.found for r in results),
        "who": sum(r.who for r in results),
        "did_what": sum(r.did_what for r in results),
        "both": sum(r.who and r.did_what for r in results),
        "non_events": len(non),
        "non_events_made_events": sum(p is not None for _, _, p in non),
        "other": sum(keep(d) for d, _ in scored.other),
        "crashed": sum(keep(d) for d, _ in scored.crashed),
    }


def report(scored: Scored, splits: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for split in splits:
        docs = [r.doc for r in scored.results if r.doc.split == split]
        langs = sorted({d.lang for d in docs})
        genres = sorted({d.genre for d in docs})
        lang = {x: counts(scored, lambda d, s=split, x=x: d.split == s and d.lang == x)
                for x in langs}  # fmt: skip
        genre = {x: counts(scored, lambda d, s=split, x=x: d.split == s and d.genre == x)
                 for x in genres}  # fmt: skip
        out[split] = {"all": counts(scored, lambda d, s=split: d.split == s),
                      "language": lang, "genre": genre}  # fmt: skip
    return out


def _pct(n: int, of: int) -> str:
    return f"{100 * n / of:5.1f}%" if of else "    -"


def table(figures: dict[str, Any]) -> str:
    head = (f"{'':16}{'docs':>5}{'gold':>6}{'found':>8}{'who':>8}{'did what':>9}{'both':>8}"
            f"{'non-ev made':>13}{'other':>7}")  # fmt: skip
    lines = []
    for split, groups in figures.items():
        lines += [f"== {split} ==", head]
        rows = [("all", groups["all"])]
        rows += [(f"lang {k}", v) for k, v in groups["language"].items()]
        rows += [(f"genre {k}", v) for k, v in groups["genre"].items()]
        for label, c in rows:
            g = c["gold"]
            lines.append(f"{label:16}{c['documents']:>5}{g:>6}{_pct(c['found'], g):>8}"
                         f"{_pct(c['who'], g):>8}{_pct(c['did_what'], g):>9}"
                         f"{_pct(c['both'], g):>8}"
                         f"{c['non_events_made_events']:>6} of {c['non_events']:<4}"
                         f"{c['other']:>6}")  # fmt: skip
        lines.append("")
    return "\n".join(lines)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def verdict(r: Result) -> str:
    if not r.found:
        return "missed"
    return ("who " if r.who else "    ") + ("what" if r.did_what else "    ")


def side_by_side(scored: Scored, split: str) -> str:
    lines = [f"== {split}: produced title | gold headline ==",
             f"{'date':24} {'verdict':8}  {'produced':48}  gold"]  # fmt: skip
    current = None
    for r in scored.results:
        if r.doc.split != split:
            continue
        if r.doc.name != current:
            current = r.doc.name
            lines.append(f"-- {r.doc.name} ({r.doc.lang}, {r.doc.genre})")
        made = r.produced.title if r.produced else ""
        lines.append(f"{_cut(r.gold.date, 24):24} {verdict(r):8}  {_cut(made, 48):48}  "
                     f"{r.gold.title}")  # fmt: skip
    wrong = [(d, date, p) for d, date, p in scored.non_events if d.split == split and p]
    if wrong:
        lines.append("-- non-events made into events")
        lines += [f"{_cut(date, 24):24} {d.name:26} {_cut(p.title, 48)}" for d, date, p in wrong]
    return "\n".join(lines)


def details(scored: Scored, split: str) -> list[dict[str, Any]]:
    return [{"document": r.doc.name, "lang": r.doc.lang, "genre": r.doc.genre,
             "date": r.gold.date, "gold": r.gold.title,
             "produced": r.produced.title if r.produced else None,
             "found": r.found, "who": r.who, "did_what": r.did_what}
            for r in scored.results if r.doc.split == split]  # fmt: skip


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", choices=(*SPLITS, "both"), default="both")
    parser.add_argument(
        "--show",
        choices=SPLITS,
        action="append",
        default=[],
        help="print produced titles beside the gold (heldout: annotator only)",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)
    splits = SPLITS if args.split == "both" else (args.split,)
    shown = [s for s in args.show if s in splits]
    scored = Scored()
    for doc in load_documents(splits):
        try:
            produced = produce(doc)
        except Crashed as exc:
            scored.crashed.append((doc, str(exc)))
            produced = []
        score(doc, produced, scored)
    figures = report(scored, splits)
    if args.json:
        out: dict[str, Any] = {"figures": figures}
        for split in shown:
            out[f"{split}_events"] = details(scored, split)
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return
    for split in shown:
        print(side_by_side(scored, split), end="\n\n")
    print(table(figures))
    for doc, error in scored.crashed:
        print(f"crashed: {doc.split}/{doc.path.name}: {error}")


if __name__ == "__main__":
    main()
