"""Event titles against the titles a careful editor would write, on bench/data/titles.txt.

    python3 bench/titles_bench.py [--show]

Each sentence there (written for this benchmark: news, history, biography, opinion, and a few
in French, German and Spanish) is extracted alone, as `timeline extract` would, with the
reference date above it. Each gold event is matched to the extracted event whose date covers
the date as written; then:

- head verb: the first word of the title that is a head verb anywhere in the gold set is the
  gold title's marked verb (an event not found, or a title with no such verb, is a miss);
- word F1: the overlap of the title's words with the gold title's (0 for an event not found);
- cut off: titles ending in "…" or in a word that cannot end a phrase ("of", "the", "that");
- no verb: titles with none of the gold set's head verbs and no auxiliary (a bare adverbial
  such as "As late as" is one).

--show prints every event whose head verb is missed. --speed times, in this one process and
in CPU time (best of 5), tagging TBAQ and building its events with these titles and with the
clause-cutting titles they replace (the readers switched off), read from ../shared/corpora.
--speed --against REV also times, in the same process and turn about, event building with
the English title reader of git revision REV (`timeline/tagger/titles.py` as it was there;
from this branch on it imports its word lists and `fit` from this tree's title_words.py and
title_fit.py), so that a change to the titles is priced as a ratio on the same busy machine.
--faults DIR... reads every .txt in the directories as `timeline extract` would and counts
titles a reader would call broken on their face (it needs no gold titles, so any corpus on
disk will do, read where it lies): opening on a connective ("But", "Having", "Including"),
ending on a word that cannot end a phrase or on a cut abbreviation ("U.S", "Dr"), only
who said something ("Police said"), a stray dash or wire underscore; --against REV counts
them with REV's English reader too.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.model import Day, Event  # noqa: E402
from timeline.tagger import tag  # noqa: E402
from timeline.tagger.events import build_events  # noqa: E402

DATA = ROOT / "bench" / "data" / "titles.txt"
# "Held-out": written after the rules were first run on DATA; "Held-out 2": written after the
# last rule, scored once, never tuned on.
HELD_OUT = ROOT / "bench" / "data" / "titles_heldout.txt"
_WORD = re.compile(r"[\w'’$-]+")
_DANGLING = frozenset(
    """of the a an to in on at by for from with and or but that which who whom whose when as
    le la les de du des que qui der die das und von zu el los las que y en""".split()
)
_AUXILIARIES = frozenset(
    """is are was were be been has have had will would could did est a été ont avait sont
    war wurde hat ist ha fue se""".split()
)


@dataclass(frozen=True, slots=True)
class Gold:
    section: str
    reference: Day
    sentence: str
    date: str
    title: str
    verb: str


def load(path: Path = DATA) -> list[Gold]:
    out: list[Gold] = []
    section, reference, sentence = "", Day(2017, 11, 18), ""
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if line.startswith("## "):
            section = line[3:]
        elif line.startswith("@ "):
            reference = Day(*map(int, line[2:].split("-")))
        elif line.startswith("> "):
            sentence = line[2:]
        elif line.startswith("= "):
            date, title = (p.strip() for p in line[2:].split("|"))
            verb = re.search(r"\*(\w+)\*", title)
            if verb is None or date not in sentence:
                raise SystemExit(f"{path}:{n}: no *verb* marked, or the date not in the sentence")
            out.append(Gold(section, reference, sentence, date, title.replace("*", ""),
                            verb.group(1).lower()))  # fmt: skip
    return out


def words(text: str) -> list[str]:
    return [w.lower().strip("'’") for w in _WORD.findall(text)]


def f1(predicted: str, gold: str) -> float:
    p, g = Counter(words(predicted)), Counter(words(gold))
    common = sum((p & g).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def extract(sentence: str, reference: Day) -> list[Event]:
    timexes = tag(sentence, reference)
    return build_events(sentence, "bench", timexes, reference, [0])[0]


def title_for(g: Gold, cache: dict[str, list[Event]]) -> str | None:
    if g.sentence not in cache:
        cache[g.sentence] = extract(g.sentence, g.reference)
    a = g.sentence.index(g.date)
    b = a + len(g.date)
    for event in cache[g.sentence]:
        if any(r.start < b and a < r.end for r in event.refs):
            return event.title
    return None


def _reader_at(revision: str) -> object:
    """timeline/tagger/titles.py as it was at a git revision, loaded as a module of its own."""
    import importlib.util
    import subprocess

    source = subprocess.run(
        ["git", "show", f"{revision}:timeline/tagger/titles.py"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    spec = importlib.util.spec_from_loader(f"titles_at_{revision}", loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    exec(compile(source, f"{revision}:titles.py", "exec"), module.__dict__)
    return module


def speed(against: str | None = None) -> None:
    import time

    import timeline.tagger.events as events

    sys.path.insert(0, str(ROOT / "bench"))
    from tagger_tbaq import SHARED, documents

    docs = [(d["text"], Day(*map(int, d["dct"][:10].split("-"))))
            for d in documents(SHARED / "corpora" / "tbaq")]  # fmt: skip
    tagged = [tag(text, ref) for text, ref in docs]

    def run_tag() -> None:
        for text, ref in docs:
            tag(text, ref)

    def run_events() -> None:
        events.title_for.cache_clear()
        events.event_clause.cache_clear()
        for (text, ref), timexes in zip(docs, tagged, strict=True):
            build_events(text, "bench", timexes, ref, [0])

    def best(run: object) -> float:
        times = []
        for _ in range(5):
            t = time.process_time()
            run()  # type: ignore[operator]
            times.append(time.process_time() - t)
        return min(times)

    run_events()
    readers = (events.headline, events.foreign_headline)
    if against:
        ours = (events.headline, events.event_clause)
        theirs = _reader_at(against)
        mine, old = [], []
        for _ in range(3):  # turn about, so that a busy spell weighs on both
            events.headline, events.event_clause = ours
            mine.append(best(run_events))
            events.headline = theirs.headline  # type: ignore[attr-defined]
            events.event_clause = theirs.event_clause  # type: ignore[attr-defined]
            old.append(best(run_events))
        events.headline, events.event_clause = ours
        print(f"events with headlines: this tree {min(mine):.3f} s, {against} {min(old):.3f} s "
              f"(ratio {min(mine) / min(old):.3f}; per turn "
              f"{', '.join(f'{a / b:.3f}' for a, b in zip(mine, old, strict=True))})")  # fmt: skip
    with_titles = best(run_events)
    events.headline = events.foreign_headline = lambda *a: None  # type: ignore[assignment]
    clause_cutter = best(run_events)
    events.headline, events.foreign_headline = readers
    print(f"CPU time on TBAQ ({len(docs)} documents): tagging {best(run_tag):.3f} s; events "
          f"with headlines {with_titles:.3f} s; with the clause-cutting titles "
          f"{clause_cutter:.3f} s")  # fmt: skip


_CONNECTIVE = re.compile(r"(?:But|And|Yet|So|However|Including|According|Having)\b")
_ABBREVIATED = frozenset("U.S Dr Mr Mrs Ms Lt Col Gen St Jr Sr".split())
_SAYING = frozenset("said says announced reported predicted added told stated declared".split())


def faults(directories: list[str], against: str | None) -> None:
    import timeline.tagger.events as events
    from timeline.sources import ReadOptions
    from timeline.sources.text import read

    paths = sorted(p for d in directories for p in Path(d).glob("*.txt"))
    readers = {"this tree": (events.headline, events.event_clause)}
    if against:
        theirs = _reader_at(against)
        readers[against] = (theirs.headline, theirs.event_clause)  # type: ignore[attr-defined]
    print(f"{len(paths)} texts | titles | connective first | cut off | only who said | "
          "dash or underscore")  # fmt: skip
    for name, (headline, clause) in readers.items():
        events.headline, events.event_clause = headline, clause
        events.title_for.cache_clear()
        counts = Counter[str]()
        for path in paths:
            options = ReadOptions(reference_date=Day(2009, 12, 19))
            text = path.read_text(encoding="utf-8")
            for e in read(text, str(path), options).timeline.events:
                ws = e.title.split()
                last = ws[-1] if ws else ""
                counts["titles"] += 1
                counts["connective"] += bool(_CONNECTIVE.match(e.title))
                counts["cut"] += last.lower() in _DANGLING or last in _ABBREVIATED
                counts["said"] += len(ws) <= 5 and last in _SAYING
                counts["marks"] += " - " in e.title or "_" in e.title
        print(f"{name} | {counts['titles']} | {counts['connective']} | {counts['cut']} | "
              f"{counts['said']} | {counts['marks']}")  # fmt: skip
    events.headline, events.event_clause = readers["this tree"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="print the missed head verbs")
    parser.add_argument("--speed", action="store_true", help="time the titles on TBAQ")
    parser.add_argument("--against", metavar="REV", help="also time (or count) REV's titles")
    parser.add_argument("--faults", nargs="+", metavar="DIR", help="count broken-looking titles")
    args = parser.parse_args()
    if args.faults:
        faults(args.faults, args.against)
        return
    if args.speed:
        speed(args.against)
        return
    golds = load() + load(HELD_OUT)
    verbs = {g.verb for g in golds}
    cache: dict[str, list[Event]] = {}
    rows: dict[str, list[tuple[bool, float, bool, bool, bool]]] = {}
    misses = []
    for g in golds:
        title = title_for(g, cache)
        found = title is not None
        t = title or ""
        ws = words(t)
        head = next((w for w in ws if w in verbs), None)
        verb_ok = found and head == g.verb
        cut = found and (t.endswith("…") or (bool(ws) and ws[-1] in _DANGLING))
        no_verb = found and head is None and not any(w in _AUXILIARIES for w in ws)
        rows.setdefault(g.section, []).append((verb_ok, f1(t, g.title), found, cut, no_verb))
        if not verb_ok:
            misses.append((g, title))
    print(
        f"{len(golds)} events in {len({g.sentence for g in golds})} sentences "
        f"({len(load(HELD_OUT))} of them held out)"
    )
    print("| part | events | found | head verb | word F1 | cut off | no verb |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    foreign = ("French", "German", "Spanish")
    tuned_on = {s: rs for s, rs in rows.items() if not s.startswith("Held-out")}
    english = [r for s, rs in tuned_on.items() if s not in foreign for r in rs]
    others = [r for s, rs in tuned_on.items() if s in foreign for r in rs]
    tuned = [r for rs in tuned_on.values() for r in rs]
    parts = [*rows.items(), ("**English** (tuned on)", english),
             ("**French, German, Spanish**", others), ("**all tuned on**", tuned)]  # fmt: skip
    for name, rs in parts:
        n = len(rs)
        print(f"| {name} | {n} | {sum(r[2] for r in rs)} | "
              f"{100 * sum(r[0] for r in rs) / n:.1f}% | {100 * sum(r[1] for r in rs) / n:.1f} | "
              f"{sum(r[3] for r in rs)} | {sum(r[4] for r in rs)} |")  # fmt: skip
    if args.show:
        for g, title in misses:
            print(f"\n{g.sentence}\n  [{g.date}] want: {g.title}\n  got: {title}")


if __name__ == "__main__":
    main()
