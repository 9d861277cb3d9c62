"""Running one function over many documents: in this process, on every core (this process and
a pool of others), or on a Dask cluster (`dask.distributed`, imported only when a scheduler is
given).

Results come back in the order of the tasks, whatever finished first, so what is made of them is
the same for any number of workers. Only a few tasks per worker are in flight at once and only
so many finished ones are held back, so memory stays bounded however many documents there are.
Ctrl-C stops the workers and raises `KeyboardInterrupt` here.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from timeline.errors import TimelineError

__all__ = ["SchedulerError", "Shared", "available_cores", "run_ordered", "share"]

T = TypeVar("T")
R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)

IN_FLIGHT_PER_WORKER = 64
# Imported once by the fork server, so that no worker imports them again.
PRELOAD = ["timeline.pipeline", "timeline.sources.text", "dateparser.date"]


class SchedulerError(TimelineError):
    """The Dask scheduler cannot be used: not installed, or not reachable."""


def available_cores() -> int:
    """The cores this process may run on (not all the machine's, under a CPU quota or taskset)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class _Handle(Protocol[R_co]):
    def result(self) -> R_co: ...


def _window(
    submit: Callable[[T], _Handle[R]],
    tasks: Iterable[T],
    size: int,
    pending: deque[_Handle[R]] | None = None,
) -> Iterator[R]:
    """Submit tasks `size` at a time ahead of the one awaited, and yield results in order.
    `pending` holds the tasks in flight, for the caller to cancel if it stops early."""
    pending = deque() if pending is None else pending
    todo = iter(tasks)
    for task in todo:
        pending.append(submit(task))
        if len(pending) >= size:
            break
    while pending:
        result = pending.popleft().result()
        for task in todo:
            pending.append(submit(task))
            break
        yield result


def run_ordered(
    fn: Callable[[T], R],
    tasks: Iterable[T],
    *,
    workers: int = 1,
    scheduler: str | None = None,
    in_flight: int = IN_FLIGHT_PER_WORKER,
) -> Iterator[R]:
    """`map(fn, tasks)`, on `workers` processes (this one among them) or on the Dask cluster at
    `scheduler`, with at most `in_flight` tasks per worker (per thread on Dask) submitted and
    not yet taken. `fn` and the tasks must pickle; `fn` must be importable by name where it
    runs, and must give the same result for the same task wherever it runs."""
    if scheduler is not None:
        yield from _on_dask(fn, tasks, scheduler, in_flight)
    elif workers <= 1:
        yield from map(fn, tasks)
    else:
        yield from _on_pool(fn, tasks, workers, in_flight)


_cancelled: Any = None  # in a worker: the pool's Event, set when its results are not wanted


def _start_worker(gc_threshold: tuple[int, ...], cancelled: Any = None) -> None:
    global _cancelled
    # Ctrl-C reaches every process of the terminal's group; only the parent should act on it,
    # or each worker would print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.set_threshold(*gc_threshold)  # as this process collects garbage (see cli.main)
    _cancelled = cancelled


@contextmanager
def _interrupts_ignored() -> Iterator[None]:
    """Ignore Ctrl-C while starting processes: an ignored signal stays ignored in a new
    process, so the fork server (a fresh interpreter) and the workers never see it, not even
    before they could install a handler of their own."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _pickled(fn: Callable[[T], R], task: T) -> bytes:
    if _cancelled is not None and _cancelled.is_set():
        return b""  # nobody will take it: the pool is being shut down
    return pickle.dumps(fn(task), protocol=pickle.HIGHEST_PROTOCOL)


class _Remote:
    """A task sent to a worker: its handle, and the task itself, for this process to read after
    all when it has nothing better to do."""

    __slots__ = ("handle", "task")

    def __init__(self, handle: _Ready[Any], task: Any) -> None:
        self.handle, self.task = handle, task

    def ready(self) -> bool:
        return self.handle.ready()

    def result(self) -> Any:
        return self.handle.result()


class _Here:
    """A task read in this process."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def ready(self) -> bool:
        return True

    def result(self) -> Any:
        return self.value


class _Ready(_Handle[R_co], Protocol[R_co]):
    def ready(self) -> bool: ...


# Results held back at most, waiting for an earlier task still being read by a worker: they
# bound memory, and let this process read on while the workers start (about a second).
HELD = 64


@dataclass(slots=True)
class Shared:
    """How `share` went: tasks read here, tasks sent out, and those sent out but read here as
    well because nothing else was left to do."""

    here: int = 0
    sent: int = 0
    read_again: int = 0


def share(
    fn: Callable[[T], R],
    submit: Callable[[T], _Ready[R]],
    tasks: Iterable[T],
    out: int,
    held: int = HELD,
    stats: Shared | None = None,
) -> Iterator[R]:
    """`map(fn, tasks)` in task order, with workers and this process reading together: up to
    `out` tasks are submitted to the workers, and whenever the next result in order is not ready
    this process reads the next task itself rather than wait. When no tasks are left, the tasks
    still out with a worker are read here as well, last first (the worker's copy is then never
    taken), so nothing waits on a worker that is still starting or busy, and a worker and this
    process meet in the middle rather than read the same tasks. At most `held` results are held
    back behind one still out with a worker; then that one is read here too. So nothing ever
    waits on a worker: one that is stuck, or died with its task, costs that task's time here."""
    stats = stats if stats is not None else Shared()
    pending: deque[_Remote | _Here] = deque()  # in task order
    sent = 0  # tasks in `pending` out with a worker
    todo = iter(tasks)
    more = True
    while True:
        while more and sent < out and len(pending) < held:
            for task in todo:
                pending.append(_Remote(submit(task), task))
                sent += 1
                stats.sent += 1
                break
            else:
                more = False
        if not pending:
            return
        head = pending[0]
        if head.ready():
            pending.popleft()
            sent -= isinstance(head, _Remote)
            yield head.result()
            continue
        if more and len(pending) < held:
            for task in todo:
                pending.append(_Here(fn(task)))
                stats.here += 1
                break
            else:
                more = False
            continue
        # Too much held back behind the head: read the head here. Nothing left to hand out: read
        # the task a worker would come to last (the head is likely being read already).
        at = 0 if more else next(
            i for i in range(len(pending) - 1, -1, -1)
            if isinstance(pending[i], _Remote) and not pending[i].ready()
        )  # fmt: skip
        remote = pending[at]
        assert isinstance(remote, _Remote)
        pending[at] = _Here(fn(remote.task))
        sent -= 1
        stats.read_again += 1


class _Pickled:
    """A `multiprocessing` AsyncResult whose result travels as pickled bytes, unpickled here
    when taken rather than by the pool's result thread: taking 2,048 documents' events in cost
    the main process 0.93 s of CPU that way, 0.48 s this way."""

    __slots__ = ("_async",)

    def __init__(self, handle: Any) -> None:
        self._async = handle

    def ready(self) -> bool:
        return bool(self._async.ready())

    def result(self) -> Any:
        data = self._async.get()
        # A batch's events are thousands of new objects at once: with the cyclic garbage
        # collector running, it counted them again and again while they were made (0.43-0.75 s
        # to unpickle 2,048 articles' events, against 0.15 s with it paused; there are no cycles
        # among them to find).
        paused = gc.isenabled()
        gc.disable()
        try:
            return pickle.loads(data)
        finally:
            if paused:
                gc.enable()


def _context() -> Any:
    """How to start the workers. Forked from this process where that is safe: at once, with the
    readers imported (a fork server is a fresh interpreter that imports them first, a second
    during which the worker reads nothing). Safe means Linux (macOS's system libraries do not
    survive a fork) and no other thread running, whose locks the child would inherit held.
    Otherwise a fork server, or a fresh interpreter for each worker where there is none."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


# Seconds a pool being shut down early is given for its workers to finish the task each is
# reading (the rest are skipped); then they are killed.
SHUTDOWN_SECONDS = 5.0


def _on_pool(fn: Callable[[T], R], tasks: Iterable[T], workers: int, in_flight: int) -> Iterator[R]:
    """`workers - 1` processes read alongside this one (see `share`): the workers' start (a
    fresh interpreter that imports the readers) costs no waiting, only the workers' results are
    pickled, and a corpus smaller than the start-up is read at one process's speed."""
    context = _context()
    cancelled = context.Event()
    with _interrupts_ignored():  # inherited by the workers (and a fork server), from birth
        pool = context.Pool(workers - 1, initializer=_start_worker,
                            initargs=(gc.get_threshold(), cancelled))  # fmt: skip
    stats = Shared()
    finished = False
    try:
        yield from share(
            fn,
            lambda task: _Pickled(pool.apply_async(_pickled, (fn, task))),
            tasks,
            (workers - 1) * in_flight,
            stats=stats,
        )
        finished = True
    finally:
        if finished and not stats.read_again:
            pool.close()
            pool.join()
        else:
            # Ctrl-C, an error, or tasks read here as well: the workers' results are not
            # wanted. Not `pool.terminate()`: it kills a worker wherever it is, and one killed
            # while it holds the result queue's lock leaves the pool's task thread waiting on
            # that lock forever (and this process in `join` with it).
            _shut_down(pool, cancelled)


def _shut_down(pool: Any, cancelled: Any) -> None:
    """Stop a pool whose queued tasks are not wanted: each worker skips them, finishes the task
    it is reading and exits on its own. A worker still busy after `SHUTDOWN_SECONDS` (stuck,
    or the pool waits on a task whose worker died) is killed, and the pool left to its daemon
    threads rather than joined."""
    cancelled.set()
    pool.close()
    joined = threading.Thread(target=pool.join, name="timeline-pool-join", daemon=True)
    joined.start()
    joined.join(SHUTDOWN_SECONDS)
    if not joined.is_alive():
        return
    workers = list(getattr(pool, "_pool", ()))  # the Pool keeps its processes here
    for process in workers:
        with contextlib.suppress(OSError, AttributeError):
            process.kill()
    for process in workers:
        with contextlib.suppress(OSError, AttributeError, AssertionError):
            process.join(1)
    # The pool's exit hook would terminate it again, waiting on the same threads.
    finalizer = getattr(pool, "_terminate", None)
    if finalizer is not None and hasattr(finalizer, "cancel"):
        finalizer.cancel()


def _on_dask(
    fn: Callable[[T], R], tasks: Iterable[T], scheduler: str, in_flight: int
) -> Iterator[R]:
    try:
        from distributed import Client
    except ImportError:
        raise SchedulerError(
            f"--scheduler {scheduler}: Dask is not installed; pip install 'timeline[dask]'"
        ) from None
    try:
        client = Client(scheduler, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise SchedulerError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    pending: deque[Any] = deque()  # only futures not yet awaited: the cluster drops the rest
    try:
        threads = sum(client.nthreads().values()) or 1
        yield from _window(
            lambda task: client.submit(fn, task, pure=False),
            tasks,
            threads * in_flight,
            pending,
        )
    except BaseException:
        client.cancel(list(pending))
        raise
    finally:
        client.close()
