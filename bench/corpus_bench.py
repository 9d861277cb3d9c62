"""Corpora: `timeline extract DIR` on one and two workers and on a Dask LocalCluster, against
the same text as one file; the cost of merging as events grow; a page built from a corpus.

    python3 bench/corpus_bench.py [--copies 8] [--runs 3]      # throughput, RSS, merge
    python3 bench/corpus_bench.py --generated 4096 [--runs 3]  # throughput, no repeated text
    python3 bench/corpus_bench.py --page [--page-docs 6000]    # load time of a corpus page
    python3 bench/corpus_bench.py --cpu-generated 2048         # CPU split, no repeated text

Throughput: TBAQ's 256 news documents (read from ../shared/corpora/tbaq through
bench/tagger_tbaq.py at run time, never copied into the repository), each written to a
temporary folder with its creation date as a dateline, `--copies` times over (8: 2,048
documents). Every configuration runs as its own `python -m timeline extract` process, whole
(start-up included); `-j 1`, `-j 2` and one file alternate in each round so that a busy machine
hurts all alike, then the Dask runs, with the cluster up only for them:

- `-j 1` and `-j 2`: one process, and this process reading beside a pool of one;
- `dask`: `--scheduler` on a LocalCluster started here (2 worker processes, 1 thread each);
- `one file`: the same text concatenated into one file, `-j 1`: the single-file figure.

"Per core × one file" is each reading process's share of the documents per second against the
one file's rate: 1.00× would mean splitting the text into documents and processes cost nothing.
`--generated N` runs the same on N generated articles (each a dateline and 10 dated sentences,
no two alike), where no process's caches are flattered by text it has read before.

Then, in this process, the CPU seconds of each process for 1 and 2 workers: the machine's load
stretches seconds but not CPU seconds, so "longest path" (the busier of this process and the
worker) is what 2 free cores would take.

Peak RSS is the largest sum, sampled every 50 ms, of the resident memory of the command and
every process below it (the workers); for Dask the cluster's workers are not
below the command and are not counted. The outputs of `-j 1`, `-j 2` and Dask are compared
byte for byte.

Merge: `timeline.merge.Merger` on N synthetic prose events over 500 days, for growing N, against
the all-pairs-per-day loop it replaced: time per event should stay flat.

Page (`--page`): generated prose (seeded; one dated sentence of 20-60 words per event, so each
event has a long description and its sentence as a source), extracted with `-j 2` and built
into a page, then loaded in Chromium against a bare plotly scatter of the same points, as
bench/render_bench.py does.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from tagger_tbaq import SHARED, documents  # noqa: E402

from timeline.merge import Merger, content_words, retells  # noqa: E402
from timeline.model import Day, Event, FuzzyDate, Precision, SourceRef, Timeline  # noqa: E402
from timeline.pipeline import Read, Task, _batched, expand_inputs, read_documents  # noqa: E402
from timeline.sources import ReadOptions  # noqa: E402


def write_corpus(folder: Path, copies: int) -> tuple[int, int]:
    """TBAQ, `copies` times, one .txt per document; returns (documents, bytes)."""
    docs = documents(SHARED / "corpora" / "tbaq")
    n = size = 0
    for copy in range(copies):
        sub = folder / f"copy{copy}"
        sub.mkdir(parents=True)
        for d in docs:
            text = f"{d['dct'][:10]}\n\n{d['text'].strip()}\n"
            (sub / f"{d['doc']}.txt").write_text(text, encoding="utf-8")
            n, size = n + 1, size + len(text.encode())
    return n, size


def _tree_rss(pid: int) -> int:
    """Resident kB of a process and all below it."""
    total, todo = 0, [str(pid)]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            rss = next(ln for ln in status.splitlines() if ln.startswith("VmRSS"))
            total += int(rss.split()[1])
            for f in Path(f"/proc/{p}/task").glob("*/children"):
                todo.extend(f.read_text().split())
        except (OSError, StopIteration):
            continue
    return total


def run(cmd: list[str]) -> tuple[float, float]:
    """Seconds and peak tree RSS (MB) of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    code = proc.wait()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    if code != 0:
        raise SystemExit(f"{' '.join(cmd)} exited with {code}")
    return elapsed, peak / 1024


def throughput(copies: int, runs: int, generated: int = 0) -> None:
    from distributed import LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        if generated:
            generated_corpus(folder, generated, 10)
            files = sorted(folder.rglob("*.txt"))
            n, size = len(files), sum(f.stat().st_size for f in files)
        else:
            n, size = write_corpus(folder, copies)
        one = Path(tmp) / "one.txt"
        with one.open("w", encoding="utf-8") as f:
            for path in sorted(folder.rglob("*.txt")):
                f.write(path.read_text(encoding="utf-8") + "\n")
        base = [sys.executable, "-m", "timeline", "extract", "--no-progress"]
        if generated:
            base += ["--ref-date", "2020-06-01"]
        outs = {name: Path(tmp) / f"{name}.yaml" for name in ("j1", "j2", "dask", "one")}
        commands = {
            "j1": [*base, str(folder), "-j", "1", "-o", str(outs["j1"])],
            "j2": [*base, str(folder), "-j", "2", "-o", str(outs["j2"])],
            "one": [*base, str(one), "-j", "1", "-o", str(outs["one"])],
        }
        results: dict[str, list[tuple[float, float]]] = {k: [] for k in (*commands, "dask")}
        for _ in range(runs):
            for name, cmd in commands.items():
                results[name].append(run(cmd))
        # The cluster only for its own runs: idle, its four processes still take a few percent
        # of the two cores, which would be charged to the pool.
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster:  # fmt: skip
            address = cluster.scheduler_address
            dask = [*base, str(folder), "--scheduler", address, "-o", str(outs["dask"])]
            for _ in range(runs):
                results["dask"].append(run(dask))
        same = outs["j1"].read_bytes() == outs["j2"].read_bytes() == outs["dask"].read_bytes()
        events = outs["j1"].read_text(encoding="utf-8").count("\n  - date:")
        split = io.StringIO()
        with contextlib.redirect_stdout(split):
            cpu_split(folder)
    mb = size / 1e6
    print(f"{n:,} documents, {mb:.2f} MB, {events:,} events; "
          f"-j 1, -j 2 and Dask outputs byte-identical: {same}\n")  # fmt: skip
    print("| run | median | fastest | documents/s (median) | MB/s (median) | × -j 1 (median) "
          "| × -j 1 (fastest) | per core × one file (median) | peak RSS |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    j1 = [t for t, _ in results["j1"]]
    one_file = statistics.median(t for t, _ in results["one"])
    labels = {"j1": "`-j 1`", "j2": "`-j 2`", "dask": "Dask LocalCluster, 2 workers",
              "one": "one file of the same text, `-j 1`"}  # fmt: skip
    cores = {"j1": 1, "j2": 2, "dask": 2, "one": 1}
    for name, rs in results.items():
        times = [t for t, _ in rs]
        med, rss = statistics.median(times), max(r for _, r in rs)
        per_core = one_file / med / cores[name]
        print(f"| {labels[name]} | {med:.2f} s | {min(times):.2f} s | {n / med:,.0f} | "
              f"{mb / med:.2f} | {statistics.median(j1) / med:.2f}× | "
              f"{min(j1) / min(times):.2f}× | {per_core:.2f}× | {rss:,.0f} MB |")  # fmt: skip
    print(split.getvalue(), end="")


def all_pairs(events: list[Event]) -> int:
    """Before #11 (timeline.tagger.events.merge_retellings): each event against every event
    kept so far on its days. Returns the events kept."""
    kept: list[Event] = []
    by_days: dict[tuple[int, int], list[tuple[int, frozenset[str]]]] = {}
    for event in events:
        key = (event.first_day.ordinal, event.last_day.ordinal)
        words = content_words(event.title)
        for i, seen in by_days.get(key, []):
            if retells(seen, words) and kept[i].refs[0].path != event.refs[0].path:
                break
        else:
            by_days.setdefault(key, []).append((len(kept), words))
            kept.append(event)
    return len(kept)


def _timed_read(tasks: list[Task]) -> tuple[int, float, list[Read]]:
    start = time.process_time()
    reads = read_documents(tasks)
    return os.getpid(), time.process_time() - start, reads


def cpu_split(folder: Path) -> None:
    """CPU seconds of each process, which a busy machine does not change the way it changes
    seconds: the documents read on 1 and 2 workers (this process being one of them), merged and
    written as YAML here."""
    from timeline.parallel import run_ordered
    from timeline.render import render

    tasks = [Task(p, ReadOptions(today=Day(2024, 1, 1))) for p in expand_inputs([str(folder)])]
    print("\n| workers | reading here (documents) | reading in the other process (documents) | "
          "taking results in, merging, writing | longest path | total CPU |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|")
    for workers in (1, 2):
        start = time.process_time()
        merger = Merger()
        cpu, docs = dict[int, float](), dict[int, int]()
        batches = _batched(tasks)  # as the pipeline sends them
        for pid, seconds, reads in run_ordered(_timed_read, batches, workers=workers, in_flight=4):
            cpu[pid], docs[pid] = cpu.get(pid, 0.0) + seconds, docs.get(pid, 0) + len(reads)
            for timeline in (t for read in reads for t in read.timelines):
                merger.add(timeline)
        render("yaml", merger.timeline())
        here = cpu.pop(os.getpid(), 0.0)
        here_docs = docs.pop(os.getpid(), 0)
        rest = time.process_time() - start - here
        other, other_docs = sum(cpu.values()), sum(docs.values())
        longest, total = max(here + rest, other), here + rest + other
        shown = f"{other:.1f} s ({other_docs:,})" if workers > 1 else "–"
        print(f"| {workers} | {here:.1f} s ({here_docs:,}) | {shown} | {rest:.1f} s | "
              f"{longest:.1f} s | {total:.1f} s |")  # fmt: skip


def merge_scaling(sizes: list[int]) -> None:
    """Events from documents of 10, over 500 days, three title words each from 2,000: many
    events a day, few of them retellings, which is where comparing all pairs hurts."""
    rng = random.Random(3)
    words = [f"w{i:04d}{c}" for i in range(1000) for c in "ab"]
    print("\n| events merged | blocked (now) | µs per event | all pairs (before) | µs per event "
          "| events kept |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        timelines = []
        for doc in range(n // 10):
            events = []
            for i in range(10):
                day = Day.from_ordinal(Day(1990).ordinal + rng.randrange(500))
                title = " ".join(rng.sample(words, 3))
                ref = SourceRef(f"doc{doc}.txt", i + 1, 0, 4, title + ".")
                events.append(Event(FuzzyDate(day, day, Precision.DAY), title, refs=(ref,)))
            timelines.append(Timeline(tuple(events), sources=(f"doc{doc}.txt",)))
        start = time.perf_counter()
        merger = Merger()
        for t in timelines:
            merger.add(t)
        kept = len(merger.events())
        now = time.perf_counter() - start
        start = time.perf_counter()
        before_kept = all_pairs([e for t in timelines for e in t.events])
        before = time.perf_counter() - start
        assert before_kept == kept, (before_kept, kept)
        print(f"| {n:,} | {now:.2f} s | {now / n * 1e6:.1f} | {before:.2f} s | "
              f"{before / n * 1e6:.1f} | {kept:,} |")  # fmt: skip


SUBJECTS = ("the harbour board", "the city council", "the railway company", "the miners' union",
            "the university senate", "the provincial court", "the museum trustees",
            "the cathedral chapter", "the bank's directors", "the rowing club")  # fmt: skip
VERBS = ("voted to close", "opened", "rebuilt", "sold", "inspected", "closed", "renamed",
         "bought", "reported on", "debated")  # fmt: skip
OBJECTS = ("the north pier", "the old mill", "the tram depot", "the grain exchange",
           "the lighthouse", "the east wing", "the ferry service", "the water works")  # fmt: skip
FILLER = ("after a long and bitter argument about money that had divided the town for years",
          "while a crowd of several hundred people waited outside in the rain",
          "in a decision that the newspapers of the day called reckless",
          "although two members walked out before the end",
          "with the support of the governor and most of the merchants")  # fmt: skip
MONTHS = ("January February March April May June July August September October November "
          "December").split()  # fmt: skip


def generated_corpus(folder: Path, docs: int, per_doc: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for d in range(docs):
        lines = [f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 2020", ""]
        for _ in range(per_doc):
            day = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(1700, 2019)}"
            lines.append(f"On {day}, {rng.choice(SUBJECTS)} {rng.choice(VERBS)} "
                         f"{rng.choice(OBJECTS)} of district {d}, {rng.choice(FILLER)}, "
                         f"{rng.choice(FILLER)}.")  # fmt: skip
        (folder / f"doc{d:05d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


BASELINE = """
import sys, json, plotly.graph_objects as go
doc = json.load(open(sys.argv[1], encoding="utf-8"))
xs = [e["date"]["start"] for e in doc["events"]]
ys = [e["group"] for e in doc["events"]]
texts = [e["title"] for e in doc["events"]]
fig = go.Figure(go.Scatter(x=xs, y=ys, text=texts, mode="markers"))
fig.write_html(sys.argv[2], include_plotlyjs=True, div_id="baseline")
"""


def page(docs: int, runs: int) -> None:
    from render_bench import load_times

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        generated_corpus(folder, docs, 10)
        ours, base, data = (Path(tmp) / name for name in ("ours.html", "base.html", "ev.json"))
        common = ["--no-progress", "-j", "2", "--ref-date", "2020-06-01"]
        t_build, rss = run([sys.executable, "-m", "timeline", "build", str(folder), "-o",
                            str(ours), *common])  # fmt: skip
        run([sys.executable, "-m", "timeline", "extract", str(folder), "-f", "json", "-o",
             str(data), *common])  # fmt: skip
        t_base, _ = run([sys.executable, "-c", BASELINE, str(data), str(base)])
        doc = json.loads(data.read_text(encoding="utf-8"))
        events = len(doc["events"])
        sources = sum(e["source_count"] for e in doc["events"])
        description = statistics.mean(len(e["description"]) for e in doc["events"])
        loads = load_times({"timeline": ours, "baseline": base}, runs)
        size = ours.stat().st_size / 1e6
    (l_ours, z_ours), (l_base, z_base) = loads["timeline"], loads["baseline"]
    print(f"{docs:,} generated documents: {events:,} events, {sources:,} sources, descriptions "
          f"of {description:.0f} characters on average\n")  # fmt: skip
    print("| events | build (`-j 2`, from prose) | bare scatter (from JSON) | load: timeline | "
          "load: bare scatter | ratio | zoom: timeline | zoom: bare scatter | page size | "
          "build peak RSS |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {events:,} | {t_build:.1f} s | {t_base:.1f} s | {l_ours:.2f} s | {l_base:.2f} s | "
          f"{l_ours / l_base:.2f}× | {z_ours:.2f} s | {z_base:.2f} s | "
          f"{size:.1f} MB | {rss:,.0f} MB |")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--merge-sizes", default="25000,50000,100000,200000")
    parser.add_argument("--page", action="store_true")
    parser.add_argument("--page-docs", type=int, default=6000)
    parser.add_argument("--merge-only", action="store_true")
    parser.add_argument("--generated", type=int, metavar="DOCUMENTS", default=0,
                        help="throughput on generated articles instead of TBAQ")  # fmt: skip
    parser.add_argument("--cpu-generated", type=int, metavar="DOCUMENTS",
                        help="only the CPU split, on this many generated articles")  # fmt: skip
    args = parser.parse_args()
    if args.cpu_generated:
        with tempfile.TemporaryDirectory() as tmp:
            generated_corpus(Path(tmp) / "corpus", args.cpu_generated, 10)
            cpu_split(Path(tmp) / "corpus")
        return
    if args.merge_only:
        merge_scaling([int(s) for s in args.merge_sizes.split(",")])
        return
    if args.page:
        page(args.page_docs, args.runs)
        return
    throughput(args.copies, args.runs, args.generated)
    if args.generated:
        return
    merge_scaling([int(s) for s in args.merge_sizes.split(",")])


if __name__ == "__main__":
    main()
