"""Huge and hostile inputs: time and peak memory of `timeline` on each, against a 1 MB baseline;
then every class of hostile input (issue 22): does each end in a result or a message, in time?

    python3 bench/robustness.py [--big-mb 100] [--line-mb 20] [--only big|hostile] [--limit 60]
                                [--classes 'enormous line']

Each case runs `python -m timeline` in its own process, so peak RSS is the whole process's, and
a case still running after `--limit` seconds is killed and counted as a hang. A traceback on
standard error counts as a crash, whatever the exit status. The inputs are generated into a
temporary folder and deleted afterwards.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

PARAGRAPH = (
    "The council met on 3 March 2011 to discuss the bridge. Work began in the spring of 2012, "
    "and the first span opened two years later. A $4 billion budget was approved last year, "
    "with 35% set aside for repairs. In 1998, an earlier plan had failed.\n\n"
)


def run(args: list[str], limit: float | None = None) -> tuple[float, float, int, str, str]:
    """Seconds, peak RSS in MB, exit status (-9 if killed at `limit`), the last stderr line and
    the whole of stderr of one child process."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "timeline", *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            start_new_session=True,  # so a hang's workers are killed with it
        )
        killer = None
        if limit is not None:
            killer = threading.Timer(limit, os.killpg, (proc.pid, signal.SIGKILL))
            killer.start()
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak, not the largest so far
        elapsed = time.perf_counter() - start
        if killer is not None:
            killer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # workers left behind
        err.seek(0)
        text = err.read().decode(errors="replace")
    lines = text.strip().splitlines()
    return elapsed, usage.ru_maxrss / 1024, proc.returncode, (lines or [""])[-1][:100], text


def big_cases(folder: Path, big_mb: int, line_mb: int) -> None:
    small = folder / "small.txt"
    small.write_text(PARAGRAPH * (2**20 // len(PARAGRAPH)))
    line = folder / "line.txt"
    line.write_text(PARAGRAPH.replace("\n", " ") * (line_mb * 2**20 // len(PARAGRAPH)))
    line_yaml = folder / "line.yaml"
    item = "{date: 1969, title: x}, "
    line_yaml.write_text("events: [" + item * (line_mb * 2**20 // len(item)) + "]")
    big = folder / "big.txt"
    with big.open("w") as f:
        block = PARAGRAPH * 1000
        for _ in range(big_mb * 2**20 // len(block)):
            f.write(block)
    out = folder / "out.jsonl"
    cases = [
        ("1 MB text (baseline)", small, ["extract", str(small), "-f", "jsonl", "-o", str(out)]),
        (f"{line_mb} MB YAML on one line", line_yaml, ["validate", str(line_yaml)]),
        (
            f"{line_mb} MB text on one line",
            line,
            ["extract", str(line), "-f", "jsonl", "-o", str(out)],
        ),
        (f"{big_mb} MB text", big, ["extract", str(big), "-f", "jsonl", "-o", str(out)]),
    ]
    print("| input | size | exit | seconds | peak RSS (MB) | last message |")
    print("|---|---|---|---|---|---|")
    for name, path, cli in cases:
        seconds, peak, status, last, _ = run(cli)
        size = path.stat().st_size / 2**20
        print(f"| {name} | {size:.0f} MB | {status} | {seconds:.1f} | {peak:.0f} | {last} |")


# -- Hostile inputs -----------------------------------------------------------------------------

HUGE_INT = "1" + "0" * 5000  # past the 4,300 digits Python turns into an int by default
HUGE_YEAR = "1" + "0" * 400  # an int past what a float holds
VCAL = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n{}END:VCALENDAR\r\n"
VEVENT = "BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:x\r\n{body}END:VEVENT\r\n"
# Values of the wrong shape, for every key that wants a string, a list or a mapping.
SHAPES = {"list": "[1, [2]]", "mapping": "{a: {b: 1}}", "int": HUGE_INT, "float": "1e999",
          "bool": "true", "null": "null", "empty list": "[]"}  # fmt: skip
EVENT_KEYS = ("date", "end", "title", "description", "group", "tags", "url", "color", "source",
              "milestone")  # fmt: skip
TOP_KEYS = ("title", "reference_date", "languages", "date_order", "timezone", "groups", "eras",
            "events")  # fmt: skip


def _ics(*bodies: str) -> str:
    return VCAL.format("".join(VEVENT.format(uid=f"u{i}", body=b) for i, b in enumerate(bodies)))


def _json(event: str) -> str:
    return '{"events": [' + event + "]}"


def _slide(start: str, text: str = '{"headline": "x"}') -> str:
    return _json(f'{{"start_date": {start}, "text": {text}}}')


ALL_DAYS = ("--window", "0001-01-01..9999-12-31")
# iCalendar dates at the ends of the range Python's dates hold.
CALENDAR_EDGES = {
    "DTSTART and DTEND on 1 Jan AD 1": "DTSTART;VALUE=DATE:00010101\r\nDTEND;VALUE=DATE:00010101",
    "DTEND before DTSTART at AD 1": "DTSTART;VALUE=DATE:00010102\r\nDTEND;VALUE=DATE:00010101",
    "date-times at AD 1": "DTSTART:00010101T000000\r\nDTEND:00010101T000000",
    "DURATION past 9999": "DTSTART;VALUE=DATE:99991231\r\nDURATION:P2D",
    "DURATION of a million weeks": "DTSTART;VALUE=DATE:20240101\r\nDURATION:P999999W",
    "negative DURATION at AD 1": "DTSTART;VALUE=DATE:00010101\r\nDURATION:-P5D",
    "UTC time at the end of 9999": "DTSTART:99991231T235959Z\r\nDURATION:PT2H",
    "RRULE at the end of 9999": "DTSTART;VALUE=DATE:99991230\r\nRRULE:FREQ=DAILY;COUNT=5",
    "RRULE from AD 1": "DTSTART;VALUE=DATE:00010101\r\nRRULE:FREQ=YEARLY",
}
FOLDERS: dict[str, Any] = {
    "broken symlink": lambda d: (d / "gone.txt").symlink_to(d / "nothing.txt"),
    "symlink loop": lambda d: (
        (d / "a.txt").symlink_to(d / "b.txt"),
        (d / "b.txt").symlink_to(d / "a.txt"),
    ),
    "symlink to itself": lambda d: (d / "self.md").symlink_to(d / "self.md"),
    "folder symlink loop": lambda d: (d / "loop").symlink_to(d),
    "named pipe": lambda d: os.mkfifo(d / "pipe.txt"),
    "symlink to /dev/zero": lambda d: (d / "zero.txt").symlink_to("/dev/zero"),
}


def hostile_cases(folder: Path, line_mb: int) -> list[tuple[str, str, list[str]]]:
    """(class, case, command line): every class of hostile input, written into `folder`."""
    cases: list[tuple[str, str, list[str]]] = []

    def add(kind: str, name: str, suffix: str, content: str, *args: str) -> None:
        path = folder / f"case{len(cases)}{suffix}"
        path.write_text(content, encoding="utf-8", errors="surrogatepass")
        command = [*(args or ["validate"]), str(path)]
        if command[0] in ("build", "convert"):
            command += ["-o", str(folder / f"out{len(cases)}.{command[0]}.json")]
            command += ["-f", "html"] if command[0] == "build" else []
        cases.append((kind, name, command))

    big, year = HUGE_INT, HUGE_YEAR
    add("huge integer", "JSON date", ".json", _json(f'{{"date": {big}, "title": "x"}}'))
    add("huge integer", "JSON title", ".json", _json(f'{{"date": "1969", "title": {big}}}'))
    add("huge integer", "JSONL date", ".jsonl", f'{{"date": {big}, "title": "x"}}\n')
    add("huge integer", "CSV date", ".csv", f"date,title\n{big},x\n")
    add("huge integer", "TimelineJS year", ".json", _slide(f'{{"year": {big}}}'))
    add("huge integer", "TimelineJS year as text", ".json", _slide(f'{{"year": "{big}"}}'))
    add("huge integer", "TimelineJS sheet year", ".csv", f"Year,Headline\n{big},x\n")
    add("huge year", "YAML date", ".yaml", f"events:\n  - {{date: {year}, title: x}}\n")
    add("huge year", "YAML date 1e999", ".yaml", "events:\n  - {date: 1e999, title: x}\n")
    add(
        "huge year",
        "YAML exact record",
        ".yaml",
        f"events:\n  - {{date: {{start: {year}-01-01, end: 1-01-01, precision: day}}, title: x}}\n",
    )
    add("huge year", "JSON date 1e999", ".json", _json('{"date": 1e999, "title": "x"}'))
    add("huge year", "JSON date 1e300", ".json", _json('{"date": 1e300, "title": "x"}'))
    add("huge year", "TimelineJS year 1e999", ".json", _slide('{"year": 1e999}'))
    add("huge year", "TimelineJS year 1e300", ".json", _slide('{"year": 1e300, "month": 1e300}'))
    add("huge year", "TimelineJS year NaN", ".json", _slide('{"year": NaN}'))
    for name, body in CALENDAR_EDGES.items():
        add("calendar range", name, ".ics", _ics(body + "\r\n"), "validate", *ALL_DAYS)

    # Text that cannot be written as UTF-8.
    lone = _json('{"date": "1969", "title": "x\\ud800y"}')
    add("lone surrogate", "JSON title, build", ".json", lone, "build")
    add("lone surrogate", "JSON title, convert", ".json", lone, "convert")
    key = _json('{"date": "1969", "title": "x", "\\udfff": 1}')
    add("lone surrogate", "JSON key", ".json", key, "build")
    add("lone surrogate", "JSONL title", ".jsonl", '{"date": "1969", "title": "\\udc80"}\n',
        "build")  # fmt: skip
    add("lone surrogate", "YAML title", ".yaml", 'events:\n  - {date: 1969, title: "\\ud800"}\n',
        "build")  # fmt: skip

    for name, make in FOLDERS.items():
        sub = folder / f"folder{len(cases)}"
        sub.mkdir()
        (sub / "ok.txt").write_text("On 3 March 2011 the council voted.\n")
        make(sub)
        out = str(folder / f"out{len(cases)}.yaml")
        cases.append(("odd folder", name, ["extract", str(sub), "-o", out]))

    # Keys and values of the wrong shape.
    for key in EVENT_KEYS:
        for shape, value in SHAPES.items():
            event = {"date": "1969", "title": "x", key: value}
            items = ", ".join(f"{k}: {v}" for k, v in event.items())
            add("wrong shape", f"YAML event {key}: {shape}", ".yaml", f"events:\n  - {{{items}}}\n")
    for key in TOP_KEYS:
        for shape, value in SHAPES.items():
            events = value if key == "events" else "[{date: 1969, title: x}]"
            top = "" if key == "events" else f"{key}: {value}\n"
            add("wrong shape", f"YAML top {key}: {shape}", ".yaml", f"{top}events: {events}\n")
    for field in ("start", "end", "precision", "qualifiers", "text"):
        for shape, value in SHAPES.items():
            record = {"start": "1969-01-01", "end": "1969-12-31", "precision": "year", field: value}
            items = ", ".join(f"{k}: {v}" for k, v in record.items())
            add("wrong shape", f"YAML record {field}: {shape}", ".yaml",
                f"events:\n  - {{title: x, date: {{{items}}}}}\n")  # fmt: skip
    shapes = {**SHAPES, "mapping": '{"a": {"b": 1}}'}
    del shapes["empty list"]
    for key in EVENT_KEYS:
        for shape, value in shapes.items():
            add("wrong shape", f"JSON event {key}: {shape}", ".json",
                _json(f'{{"date": "1969", "title": "x", "{key}": {value}}}'))  # fmt: skip
    for shape, value in shapes.items():
        add("wrong shape", f"JSON document: {shape}", ".json", value)
        add("wrong shape", f"JSONL line: {shape}", ".jsonl", value + "\n")
        add("wrong shape", f"TimelineJS start_date: {shape}", ".json", _slide(value))
        add("wrong shape", f"TimelineJS text: {shape}", ".json", _slide('{"year": 1969}', value))
    add("wrong shape", "YAML sequence as key", ".yaml",
        "events:\n  - {date: 1969, title: x, [a, b]: c}\n")  # fmt: skip
    add("wrong shape", "YAML mapping as key", ".yaml",
        "? {a: 1}\n: 2\nevents: [{date: 1969, title: x}]\n")  # fmt: skip

    # Work that grows without end, and a finite series that needs no window.
    for freq in ("SECONDLY", "MINUTELY", "HOURLY"):
        add("endless recurrence", f"RRULE FREQ={freq}", ".ics",
            _ics(f"DTSTART:20240101T000000Z\r\nRRULE:FREQ={freq}\r\n"),
            "validate", "--ref-date", "2024-01-01")  # fmt: skip
    add(
        "endless recurrence",
        "RRULE FREQ=SECONDLY over 9999 years",
        ".ics",
        _ics("DTSTART:00010101T000000Z\r\nRRULE:FREQ=SECONDLY\r\n"),
        "validate",
        *ALL_DAYS,
    )
    add(
        "finite recurrence",
        "RRULE COUNT=4 in January 2024, no --window",
        ".ics",
        _ics("DTSTART;VALUE=DATE:20240101\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\n"),
    )
    size = line_mb * 2**20
    said = "On 3 March 2011, the council voted to build the bridge. "
    line = f"{line_mb} MB"
    add(
        "one enormous line",
        f"{line} HTML",
        ".html",
        "<html><body><p>" + said * (size // len(said)) + "</p></body></html>",
        "extract",
    )
    add(
        "one enormous line",
        f"{line} HTML of tags",
        ".html",
        "<html><body>" + "<b>3 May 2011</b>" * (size // 17) + "</body></html>",
        "extract",
    )
    add("one enormous line", f"{line} Markdown", ".md", said * (size // len(said)), "extract")
    add(
        "one enormous line",
        f"{line} Markdown of emphasis",
        ".md",
        "*a* _b_ `c` [d](e) " * (size // 19),
        "extract",
    )
    add("one enormous line", f"{line} text", ".txt", said * (size // len(said)), "extract")
    return cases


def hostile(folder: Path, line_mb: int, limit: float, classes: str = "") -> None:
    cases = [c for c in hostile_cases(folder, line_mb) if classes in c[0]]
    rows: dict[str, list[float]] = {}  # cases, tracebacks, hangs, other exits, slowest
    bad: list[str] = []
    for kind, name, cli in cases:
        seconds, _, status, _, err = run(cli, limit)
        crashed = "Traceback (most recent call last)" in err
        hung = status == -signal.SIGKILL
        tally = rows.setdefault(kind, [0, 0, 0, 0, 0.0])
        for i, add in enumerate((1, crashed, hung, status not in (0, 1) and not hung)):
            tally[i] += add
        tally[4] = max(tally[4], seconds)
        if crashed or hung or status not in (0, 1) or seconds > 10:
            why = "hang" if hung else (err.strip().splitlines() or [""])[-1][:90]
            bad.append(f"| {kind} | {name} | {status} | {seconds:.1f} | {why} |")
    print("\n| class | cases | tracebacks | hangs | other exit | slowest (s) |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind, tally in rows.items():
        counts = " | ".join(f"{n:.0f}" for n in tally[:4])
        print(f"| {kind} | {counts} | {tally[4]:.1f} |")
    totals = [sum(r[i] for r in rows.values()) for i in range(4)]
    print(f"| all | {totals[0]:.0f} | {totals[1]:.0f} | {totals[2]:.0f} | {totals[3]:.0f} | "
          f"{max(r[4] for r in rows.values()):.1f} |")  # fmt: skip
    if bad:
        print("\nCases with a traceback, a hang, another exit status or over 10 s:\n")
        print("| class | case | exit | seconds | last line |")
        print("|---|---|---:|---:|---|")
        print("\n".join(bad))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--big-mb", type=int, default=100)
    parser.add_argument("--line-mb", type=int, default=20)
    parser.add_argument("--only", choices=("big", "hostile"))
    parser.add_argument("--limit", type=float, default=60.0, help="seconds before a hang")
    parser.add_argument("--classes", default="", help="only the hostile classes naming this")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        if args.only != "hostile":
            big_cases(Path(tmp), args.big_mb, args.line_mb)
        if args.only != "big":
            hostile(Path(tmp), args.line_mb, args.limit, args.classes)


if __name__ == "__main__":
    main()
