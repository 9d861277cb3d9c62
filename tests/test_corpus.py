"""Corpora: many documents on several workers or a Dask cluster give the same output as one
process; the same event told by many documents is one event that counts them all."""

from __future__ import annotations

import gc
import io
import json
import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.merge import MAX_REFS, Merger, merge
from timeline.model import Day, Event, FuzzyDate, Precision, SourceRef, Timeline
from timeline.parallel import SchedulerError, Shared, run_ordered, share
from timeline.pipeline import extract, load
from timeline.progress import Bar, wanted
from timeline.render import render
from timeline.sources import ReadOptions

OPTIONS = ReadOptions(today=Day(2024, 1, 1))
ROOT = Path(__file__).parent.parent

# Ways a newspaper might tell that the bridge opened, each with two words of the first.
TELLINGS = [
    "The harbour bridge opened on 19 March 1932 after eight years of work.",
    "On 19 March 1932 the harbour bridge was opened by the premier.",
    "Crowds watched as the harbour bridge opened on 19 March 1932.",
    "The premier opened the harbour bridge on 19 March 1932, to cheers.",
]


def corpus(folder: Path, n: int) -> Path:
    """`n` short articles, each with its own dateline, the bridge, and an event of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        day = 1 + i % 28
        (folder / f"article-{i:03d}.txt").write_text(
            f"{day} May 2011\n\n{TELLINGS[i % len(TELLINGS)]} "
            f"On {day} June 1990 the council of district {i} voted on its budget. "
            "Two days later the mayor resigned.\n",
            encoding="utf-8",
        )
    return folder


def test_two_hundred_articles_telling_one_event_make_one_event_that_counts_them(
    tmp_path: Path,
) -> None:
    folder = corpus(tmp_path / "news", 200)
    events = load([str(folder)], OPTIONS).timeline.events
    bridge = [e for e in events if e.first_day == Day(1932, 3, 19)]
    assert len(bridge) == 1
    assert bridge[0].source_count == 200
    assert len(bridge[0].refs) == MAX_REFS
    # The sources kept are the first documents, in input order.
    assert bridge[0].refs[0].path.endswith("article-000.txt")
    assert bridge[0].refs[-1].path.endswith(f"article-{MAX_REFS - 1:03d}.txt")


def test_outputs_show_how_many_sources_were_counted(tmp_path: Path) -> None:
    loaded = load([str(corpus(tmp_path / "news", 60))], OPTIONS)
    doc = json.loads(render("json", loaded.timeline))
    bridge = next(e for e in doc["events"] if e["date"]["start"] == "1932-03-19")
    assert (bridge["source_count"], len(bridge["refs"])) == (60, MAX_REFS)
    assert "  # told in 60 places; the first 50 are:" in render("yaml", loaded.timeline).decode()
    assert "; and 10 more" in render("csv", loaded.timeline).decode()
    page = render("html", loaded.timeline).decode()
    assert "and 57 more sources" in page  # the hover card quotes three
    assert '"n":60' in page.replace(" ", "")


BRIDGE_DAY = Day(1932, 3, 19)


def event(title: str, path: str, day: Day = BRIDGE_DAY, line: int = 1) -> Event:
    date = FuzzyDate(day, day, Precision.DAY, text=day.iso())
    return Event(date, title, refs=(SourceRef(path, line, 0, 10, title + "."),))


def test_merge_blocks_by_day_and_words() -> None:
    merged = merge([
        Timeline((event("The harbour bridge opened", "a.txt"),
                  event("The harbour strike began", "a.txt", Day(1932, 3, 20)))),
        Timeline((event("Crowds saw the harbour bridge open", "b.txt"),  # two words: retold
                  event("The harbour strike began", "b.txt", Day(1932, 3, 21)),  # other day
                  event("A harbour bridge", "b.txt", Day(1932, 3, 20)))),  # one word only
        Timeline((event("The harbour bridge opened", "c.txt"),)),  # the same words
    ]).events  # fmt: skip
    assert [(e.title, [r.path for r in e.refs]) for e in merged] == [
        ("The harbour bridge opened", ["a.txt", "b.txt", "c.txt"]),
        ("A harbour bridge", ["b.txt"]),
        ("The harbour strike began", ["a.txt"]),
        ("The harbour strike began", ["b.txt"]),
    ]


def test_merge_never_joins_two_events_of_one_document_by_their_words() -> None:
    merged = merge([
        Timeline((event("The harbour bridge opened", "a.txt"),)),
        Timeline((event("The harbour bridge closed", "a.txt", line=9),)),  # a later chunk
    ]).events  # fmt: skip
    assert len(merged) == 2


def test_merge_counts_a_file_given_twice_once() -> None:
    once = Timeline((event("The harbour bridge opened", "a.txt"),))
    merged = merge([once, once, Timeline((event("The harbour bridge opened", "b.txt"),))])
    assert [e.source_count for e in merged.events] == [2]


def test_merge_counts_past_the_cap_across_timelines() -> None:
    merger = Merger()
    for i in range(MAX_REFS * 3):
        merger.add(Timeline((event("The harbour bridge opened", f"d{i}.txt"),)))
    (merged,) = merger.events()
    assert (merged.source_count, len(merged.refs), merged.ref_count) == (150, 50, 150)


def test_a_timeline_travels_to_a_worker_and_back_unchanged() -> None:
    from timeline.model import Diagnostic, Era, Group, Qualifier, Settings, Severity

    ides = Day(-43, 3, 15)
    date = FuzzyDate(ides, ides, Precision.DAY, frozenset({Qualifier.APPROXIMATE}), "44 BC")
    ref = SourceRef("rome.txt", 3, 10, 16, "Caesar was killed on the Ides of March, 44 BC.")
    event = Event(date, "Caesar was killed", end=date, description="d", group="Rome",
                  tags=("war",), url="https://example.org", color="#123456", source="Suetonius",
                  milestone=True, refs=(ref,), ref_count=60)  # fmt: skip
    timeline = Timeline((event,), "Rome", eras=(Era("Republic", date, date, "#eee"),),
                        groups=(Group("Rome", "#f00", 1),),
                        settings=Settings(Day(2000), ("en", "la"), "DMY", "UTC"),
                        sources=("rome.txt",))  # fmt: skip
    note = Diagnostic(Severity.NOTE, ref, "a note", "44 BC")
    for thing in (timeline, note):
        again = pickle.loads(pickle.dumps(thing, protocol=pickle.HIGHEST_PROTOCOL))
        assert again == thing and again is not thing


def _square(x: int) -> int:
    return x * x


def test_run_ordered_keeps_input_order_on_a_pool() -> None:
    assert list(run_ordered(_square, range(40), workers=2)) == [x * x for x in range(40)]


class _Worker:
    """A worker's handle in `share`'s tests: ready once the test says its task is done."""

    def __init__(self, task: int, done: set[int]) -> None:
        self.task, self.done = task, done

    def ready(self) -> bool:
        return self.task in self.done

    def result(self) -> int:
        self.done.add(self.task)  # waiting for it: the worker finishes
        return self.task * self.task


def test_share_reads_here_while_the_workers_are_busy_and_keeps_the_order() -> None:
    done: set[int] = set()
    stats = Shared()
    results = list(share(_square, lambda t: _Worker(t, done), range(100), out=4, stats=stats))
    assert results == [x * x for x in range(100)]
    # The workers never finish unless waited for: this process read all it could itself.
    assert stats.here > 0 and stats.sent + stats.here == 100


def test_share_takes_a_workers_result_when_it_is_ready() -> None:
    done = set(range(1000))  # workers that are always done at once
    stats = Shared()
    results = list(share(_square, lambda t: _Worker(t, done), range(100), out=4, stats=stats))
    assert results == [x * x for x in range(100)]
    assert stats.here == 0 and stats.read_again == 0


def test_share_holds_back_a_bounded_number_of_results() -> None:
    """A worker stuck on the first task: this process reads on, but holds at most `held`
    results before it waits for the stuck one."""
    done: set[int] = set()
    taken: list[int] = []
    results = share(_square, lambda t: _Worker(t, done), _logged(range(1000), taken), out=2,
                    held=10)  # fmt: skip
    assert next(results) == 0
    assert len(taken) <= 11


def _logged(tasks: range, taken: list[int]) -> Iterator[int]:
    for t in tasks:
        taken.append(t)
        yield t


def test_share_reads_the_last_tasks_here_rather_than_wait_for_a_worker() -> None:
    done: set[int] = set()
    stats = Shared()
    results = list(share(_square, lambda t: _Worker(t, done), range(3), out=8, stats=stats))
    assert results == [0, 1, 4]
    assert stats.read_again == 3 and not done  # no worker was waited for


class _Dead:
    """A worker that died with its task: never ready, and nothing ever comes."""

    def ready(self) -> bool:
        return False

    def result(self) -> int:
        raise AssertionError("waited for a worker that will never answer")


def test_share_never_waits_for_a_worker_that_died() -> None:
    """More tasks than may be held back, all sent to a dead worker first: this process reads
    them all, holding back no more than it may."""
    taken: list[int] = []
    stats = Shared()
    results = share(_square, lambda t: _Dead(), _logged(range(50), taken), out=2, held=5,
                    stats=stats)  # fmt: skip
    for i, result in enumerate(results):
        assert result == i * i
        assert len(taken) <= i + 5
    assert i == 49 and stats.read_again == stats.sent


def test_share_reads_what_a_worker_would_come_to_last_first() -> None:
    """All six tasks are out with a worker that has not finished any: this process reads from
    the back, where the worker is furthest from, and they would meet in the middle."""
    read_here: list[int] = []

    def here(task: int) -> int:
        read_here.append(task)
        return task * task

    results = list(share(here, lambda t: _Worker(t, set()), range(6), out=8))
    assert results == [x * x for x in range(6)]
    assert read_here == [5, 4, 3, 2, 1, 0]


def _collector(task: tuple[int, str, int]) -> tuple[int, tuple[int, ...]]:
    """This process's id and thresholds. A worker leaves a mark; this process waits for it
    (a minute at most) before its first read, so that the worker has read one task however
    slow its start on a loaded machine (the test failed then, the worker having read none)."""
    main, mark, _ = task
    if os.getpid() != main:
        Path(mark).touch()
    else:
        deadline = time.monotonic() + 60
        while not os.path.exists(mark) and time.monotonic() < deadline:
            time.sleep(0.01)
    return os.getpid(), gc.get_threshold()


@pytest.mark.parametrize("thread_running", [False, True], ids=["forked", "fork server"])
def test_workers_collect_garbage_as_this_process_does(
    thread_running: bool, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import timeline.parallel as parallel

    if thread_running:  # another thread: the workers come from the fork server, not a fork
        monkeypatch.setattr(parallel.threading, "active_count", lambda: 2)
    before = gc.get_threshold()
    gc.set_threshold(12_345, 11, 13)
    try:
        tasks = [(os.getpid(), str(tmp_path / "read"), n) for n in range(60)]
        found = list(run_ordered(_collector, tasks, workers=2, in_flight=2))
    finally:
        gc.set_threshold(*before)
    assert {pid for pid, _ in found} - {os.getpid()}, "the worker read nothing"
    assert {threshold for _, threshold in found} == {(12_345, 11, 13)}
    assert gc.isenabled()  # paused while results are unpickled, and only then


def _pid_unless_in_a_worker(task: tuple[int, int]) -> int:
    """This process's id; in a worker (any other process), it hangs for a minute first."""
    main, _ = task
    if os.getpid() != main:
        time.sleep(60)
    return os.getpid()


def _dies_in_a_worker(task: tuple[int, int]) -> int:
    """The task's number; a worker process given any task dies on the spot, without a word."""
    main, n = task
    if os.getpid() != main:
        os._exit(1)
    return n


def test_a_pool_whose_worker_dies_still_reads_everything() -> None:
    tasks = [(os.getpid(), i) for i in range(20)]
    assert list(run_ordered(_dies_in_a_worker, tasks, workers=2)) == list(range(20))


def test_a_pool_does_not_wait_for_a_worker_that_is_busy() -> None:
    """With two workers this process reads too, and what is left with a worker at the end is
    read here as well: the run ends without waiting a minute for a hung worker, whose
    process is stopped."""
    start = time.monotonic()
    tasks = [(os.getpid(), i) for i in range(6)]
    assert list(run_ordered(_pid_unless_in_a_worker, tasks, workers=2)) == [os.getpid()] * 6
    assert time.monotonic() - start < 30


def test_extract_is_byte_identical_for_any_number_of_workers(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "news", 24)
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00bad")  # a problem mid-way, reported in order
    (folder / "notes.md").write_text("# Notes\n\nOn 2 June 1990 the council met again.\n")
    outputs = {}
    for workers in (1, 2, 3):
        data, loaded = extract([str(folder)], OPTIONS, kind="json", workers=workers)
        outputs[workers] = (data, [str(d) for d in loaded.diagnostics], loaded.formats)
    assert outputs[1] == outputs[2] == outputs[3]
    assert len(json.loads(outputs[1][0])["events"]) > 24


def test_build_is_byte_identical_with_workers_from_the_command_line(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "news", 12)
    pages = []
    for workers in ("1", "2"):
        out = tmp_path / f"page-{workers}.html"
        result = CliRunner().invoke(app, ["build", str(folder), "-o", str(out), "-j", workers,
                                          "--ref-date", "2011-05-01", "--no-progress"])  # fmt: skip
        assert result.exit_code == 0, result.stderr
        pages.append(out.read_bytes())
    assert pages[0] == pages[1]


def test_extract_on_a_dask_cluster_gives_the_same_output(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    folder = corpus(tmp_path / "news", 16)
    (folder / "missing-rights.txt").write_text("On 3 June 1990 the council met.\n")
    local, _ = extract([str(folder)], OPTIONS, workers=1)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0"
    ) as cluster:
        remote, _ = extract([str(folder)], OPTIONS, scheduler=cluster.scheduler_address)
        result = CliRunner().invoke(app, ["extract", str(folder), "--scheduler",
                                          cluster.scheduler_address])  # fmt: skip
    assert remote == local
    assert result.exit_code == 0, result.stderr
    assert "council of district 15 voted" in result.stdout


def test_a_scheduler_that_is_not_an_address_is_a_usage_error(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "news", 2)
    result = CliRunner().invoke(app, ["extract", str(folder), "--scheduler", "localhost"])
    assert result.exit_code == 2
    assert "not a scheduler address such as tcp://" in result.stderr


def test_without_dask_the_scheduler_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    folder = corpus(tmp_path / "news", 2)
    with pytest.raises(SchedulerError, match=r"pip install 'timeline\[dask\]'"):
        extract([str(folder)], OPTIONS, scheduler="tcp://127.0.0.1:8786")
    result = CliRunner().invoke(app, ["extract", str(folder), "--scheduler", "tcp://h:1"])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: --scheduler tcp://h:1: Dask is not installed")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_silent_off_a_terminal_and_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert not wanted(io.StringIO())
    assert wanted(_Terminal())
    monkeypatch.setenv("CI", "true")
    assert not wanted(_Terminal())
    quiet = io.StringIO()
    with Bar("reading", show=None, stream=quiet, delay=0) as bar:
        bar(1, 2)
    assert quiet.getvalue() == "" and not bar.shown


def test_progress_waits_a_second_and_shows_documents_per_second(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CI", raising=False)
    quick = _Terminal()
    with Bar("reading", stream=quick, delay=60) as bar:  # done long before the bar is due
        bar(5, 5)
    assert quick.getvalue() == "" and not bar.shown
    due = _Terminal()
    threads = threading.active_count()
    with Bar("reading", stream=due, delay=0.05) as bar:
        bar(1, 5)
        assert not bar.shown and threading.active_count() == threads  # no thread waits to draw
        time.sleep(0.1)
        bar(2, 5)
        assert bar.shown  # the first call once the delay is over draws it
    assert "2/5" in due.getvalue()
    asked = io.StringIO()
    with Bar("reading", show=True, stream=asked) as bar:
        for done in range(1, 4):
            bar(done, 3)
    assert bar.shown
    assert "3/3 documents" in asked.getvalue()
    assert "documents/s" in asked.getvalue()


def test_progress_never_reaches_standard_output(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "news", 3)
    result = CliRunner().invoke(app, ["extract", str(folder), "--progress", "-j", "1",
                                      "--format", "jsonl"])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "documents/s" in result.stderr
    assert all(json.loads(line) for line in result.stdout.splitlines())


def _descendants(pid: int) -> list[str]:
    """The processes below `pid` (the pool's workers, and a fork server if there is one)."""

    def children(p: str) -> list[str]:
        return [
            c for f in Path(f"/proc/{p}/task").glob("*/children") for c in f.read_text().split()
        ]

    found, todo = [], [str(pid)]
    try:
        while todo:
            below = children(todo.pop())
            found += below
            todo += below
    except OSError:  # one of them ended as we looked
        return []
    return found


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc")
def test_ctrl_c_stops_the_workers_and_writes_nothing(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "news", 300)
    for path in folder.iterdir():  # long enough to keep two workers busy for a while
        path.write_text(path.read_text() * 40)
    out = tmp_path / "events.yaml"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "timeline", "extract", str(folder), "-j", "2", "-o", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True,
    )  # fmt: skip
    while not _descendants(proc.pid) and proc.poll() is None:
        time.sleep(0.05)  # until the workers are there
    time.sleep(0.5)
    assert proc.poll() is None, "the command ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C, as a terminal sends it: to the whole group
    _, err = proc.communicate(timeout=60)
    message = err.decode()
    assert proc.returncode == 130, message
    assert "Traceback" not in message and "Error" not in message
    assert message.strip().endswith("interrupted; nothing was written")
    assert list(tmp_path.glob("*events*")) == []


def test_workers_left_to_us_start_only_for_enough_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import timeline.pipeline as pipeline
    from timeline.parallel import available_cores

    paths = [str(p) for p in sorted(corpus(tmp_path / "news", 4).iterdir())]
    assert pipeline._workers(None, paths) == 1  # a few kB: not worth a pool
    assert pipeline._workers(3, paths) == 3  # asked for
    monkeypatch.setattr(pipeline, "POOL_ABOVE", 100)
    assert pipeline._workers(None, paths) == available_cores()


def test_a_corpus_prints_a_few_notes_and_counts_the_rest(tmp_path: Path) -> None:
    """Thousands of articles must not print a note each for what could not be placed."""
    from timeline.cli import NOTES_SHOWN

    folder = tmp_path / "notes"
    folder.mkdir()
    for i in range(NOTES_SHOWN + 5):
        (folder / f"a{i:02d}.txt").write_text(
            "3 May 2011\n\nOn 2 May 2011 the council met. Recently, on a Monday, it rained.\n"
        )
    result = CliRunner().invoke(app, ["extract", str(folder), "-j", "1"])
    assert result.exit_code == 0, result.output
    notes = [line for line in result.stderr.splitlines() if "could not be placed" in line]
    assert len(notes) == NOTES_SHOWN
    assert "note: 5 more notes like these not shown" in result.stderr


def test_a_folder_is_titled_after_itself(tmp_path: Path) -> None:
    """Not after whichever of its documents comes first; one document keeps its own title."""
    folder = tmp_path / "harbour_news"
    folder.mkdir()
    (folder / "a.txt").write_text("Storm hits\n\nThe storm hit the coast on 3 May 2020.\n")
    (folder / "b.txt").write_text("Bridge\n\nThe bridge reopened on 9 May 2020.\n")
    assert load([str(folder)]).timeline.title == "harbour news"
    assert load([str(folder / "a.txt")]).timeline.title == "Storm hits"
