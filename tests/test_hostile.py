"""Hostile and odd input ends in a result, or in an error naming the file (and its line where
the format has lines) with exit status 1: never a traceback, never a hang.

The named cases are the faults found by feeding the tool hostile input (issue 22); the
property tests below generate inputs of every reader's shapes. Their hypothesis profile is
set in conftest.py ("ci": fixed examples; bench/fuzz_readers.py runs the long one).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from timeline.cli import app

HUGE_INT = "1" + "0" * 5000  # past the 4,300 digits that Python turns into an int
SECONDS = 120  # a case taking longer is a hang, even on a loaded machine (bench/robustness.py
# holds the real figures: each case takes seconds)


def invoke(*args: str) -> tuple[int, str]:
    """Run the CLI in this process: exit status and stderr. Fails on an uncaught exception
    (CliRunner catches it; the console script would print its traceback) or a hang."""
    started = time.monotonic()
    result = CliRunner().invoke(app, list(args))
    assert time.monotonic() - started < SECONDS, f"{args} took too long"
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code in (0, 1), (result.exit_code, result.output)
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stderr


def refused(path: Path, *args: str, line: int | None = None, command: str = "validate") -> str:
    """The error for `path`, which must name it (and `line`)."""
    status, stderr = invoke(command, str(path), *args)
    assert status == 1, stderr
    where = f"{path}:{line}:" if line is not None else f"{path}"
    assert where in stderr, stderr
    return stderr


def ics(body: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:u1\r\n"
        f"SUMMARY:Standup\r\n{body}END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


# -- The faults found ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.json", f'{{"events": [{{"date": {HUGE_INT}, "title": "x"}}]}}'),
        ("c.json", f'{{"events": [{{"start_date": {{"year": {HUGE_INT}}}, "text": {{}}}}]}}'),
        ("d.json", f'{{"events": [{{"start_date": {{"year": "{HUGE_INT}"}}, "text": {{}}}}]}}'),
        ("e.csv", f"Year,Headline\n{HUGE_INT},x\n"),
    ],
    ids=["json-date", "timelinejs-year", "timelinejs-year-text", "sheet-year"],
)
def test_an_integer_past_pythons_digit_limit_is_refused_at_its_line(
    tmp_path: Path, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    stderr = refused(path, line=1 if name.endswith(".json") else 2)
    assert "integer string conversion" not in stderr


def test_an_integer_past_the_digit_limit_is_text_where_text_will_do(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(f'{{"events": [{{"date": "1969", "title": "x", "tags": [{HUGE_INT}]}}]}}')
    out = tmp_path / "a.yaml"
    assert invoke("convert", str(path), "-o", str(out))[0] == 0
    assert HUGE_INT in out.read_text()


def test_a_jsonl_integer_past_the_digit_limit_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(f'{{"date": "1969", "title": "x"}}\n{{"date": {HUGE_INT}, "title": "y"}}\n')
    assert "cannot read" in refused(path, line=2)


def test_a_year_past_a_floats_range_is_refused_before_the_page_is_drawn(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    year = "1" + "0" * 400
    path.write_text(f"events:\n  - {{date: {{start: {year}-01-01, end: {year}-12-31, "
                    "precision: year}, title: x}\n")  # fmt: skip
    out = tmp_path / "page.html"
    stderr = refused(path, "-o", str(out), line=2, command="build")
    assert "the year is past 1,000,000,000,000 years" in stderr
    assert not out.exists()


@pytest.mark.parametrize(
    "body",
    [
        "DTSTART;VALUE=DATE:99991231\r\nDURATION:P2D\r\n",
        "DTSTART:99991231T235959Z\r\nDURATION:PT2H\r\n",
        "DTSTART;VALUE=DATE:20240101\r\nDURATION:P999999W\r\n",
    ],
)
def test_a_calendar_event_running_past_9999_is_refused_at_its_line(
    tmp_path: Path, body: str
) -> None:
    path = tmp_path / "a.ics"
    path.write_text(ics(body))
    assert "runs past the end of 9999" in refused(path, line=4)


@pytest.mark.parametrize(
    "body",
    [
        "DTSTART;VALUE=DATE:00010101\r\nDTEND;VALUE=DATE:00010101\r\n",
        "DTSTART:00010101T000000\r\nDTEND:00010101T000000\r\n",
        "DTSTART;VALUE=DATE:00010101\r\nDURATION:-P5D\r\n",
    ],
)
def test_a_calendar_event_ending_before_ad_1_is_its_first_day(tmp_path: Path, body: str) -> None:
    path = tmp_path / "a.ics"
    path.write_text(ics(body))
    out = tmp_path / "a.json"
    assert invoke("convert", str(path), "-o", str(out))[0] == 0
    (event,) = json.loads(out.read_text())["events"]
    assert event["date"]["start"] == event["date"]["end"] == "0001-01-01"


@pytest.mark.parametrize(
    "text",
    [
        '{"events": [{"date": "1969", "title": "x\\ud800y"}]}',
        '{"events": [{"date": "1969", "title": "x", "\\udfff": "y"}]}',
        '{"events": [{"date": "1969", "title": "\\udc00\\ud800"}]}',
    ],
)
def test_half_a_surrogate_pair_in_json_is_refused_before_anything_is_written(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "a.json"
    path.write_text(text)
    out = tmp_path / "page.html"
    assert "half of a surrogate pair" in refused(path, "-o", str(out), line=1, command="build")
    assert not out.exists()


def test_a_whole_surrogate_pair_and_an_escaped_backslash_are_text(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"events": [{"date": "1969", "title": "\\ud83d\\ude00 \\\\ud800"}]}')
    out = tmp_path / "out.json"
    assert invoke("convert", str(path), "-o", str(out))[0] == 0
    assert json.loads(out.read_text())["events"][0]["title"] == "\U0001f600 \\ud800"


def test_a_lone_surrogate_on_a_jsonl_line_is_refused_at_that_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"date": "1969", "title": "x"}\n{"date": "1970", "title": "\\ud800"}\n')
    assert "half of a surrogate pair" in refused(path, line=2)


def test_what_is_not_a_file_in_a_folder_is_skipped_with_a_note(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "ok.txt").write_text("On 3 March 2011 the council voted to build the bridge.\n")
    (folder / "gone.txt").symlink_to(folder / "nothing.txt")
    (folder / "a.md").symlink_to(folder / "b.md")
    (folder / "b.md").symlink_to(folder / "a.md")
    (folder / "loop").symlink_to(folder)
    os.mkfifo(folder / "pipe.txt")  # read, it would wait for a writer forever
    (folder / "zero.txt").symlink_to("/dev/zero")  # read, it would never end
    out = tmp_path / "events.yaml"
    status, stderr = invoke("extract", str(folder), "-o", str(out))
    assert status == 0, stderr
    assert "skipped what is not a file" in stderr
    assert "a.md, b.md, gone.txt, pipe.txt, zero.txt" in stderr
    assert "council voted" in out.read_text().lower()


def test_a_device_named_as_an_input_is_read_only_up_to_the_size_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("timeline.pipeline.MAX_INPUT_BYTES", 1024)
    assert "more than the limit" in refused(Path("/dev/zero"))


def test_a_finite_series_needs_no_window(tmp_path: Path) -> None:
    path = tmp_path / "standup.ics"
    path.write_text(ics("DTSTART;VALUE=DATE:20240101\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\n"))
    out = tmp_path / "a.json"
    status, stderr = invoke("convert", str(path), "-o", str(out), "--ref-date", "2026-12-07")
    assert status == 0, stderr
    days = [e["date"]["start"] for e in json.loads(out.read_text())["events"]]
    assert days == ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22"]
    assert "'Standup': 4 occurrences, the whole series" in stderr


def test_a_window_given_still_narrows_a_finite_series(tmp_path: Path) -> None:
    path = tmp_path / "standup.ics"
    path.write_text(ics("DTSTART;VALUE=DATE:20240101\r\nRRULE:FREQ=WEEKLY;UNTIL=20240131\r\n"))
    out = tmp_path / "a.json"
    status, _ = invoke("convert", str(path), "-o", str(out), "--window", "2024-01-10..2024-12-31")
    assert status == 0
    days = [e["date"]["start"] for e in json.loads(out.read_text())["events"]]
    assert days == ["2024-01-15", "2024-01-22", "2024-01-29"]


@pytest.mark.parametrize(
    "rule",
    ["FREQ=SECONDLY", "FREQ=MINUTELY;INTERVAL=1", "FREQ=SECONDLY;COUNT=1000000000"],
)
def test_a_series_too_dense_to_expand_is_cut_with_a_warning(tmp_path: Path, rule: str) -> None:
    path = tmp_path / "a.ics"
    path.write_text(ics(f"DTSTART:20240101T000000Z\r\nRRULE:{rule}\r\n"))
    status, stderr = invoke("validate", str(path), "--ref-date", "2024-01-01")
    assert status == 0, stderr
    assert f"{path}:4: warning: more than 10,000 occurrences to expand; only those up to " in stderr


# -- Generated input ----------------------------------------------------------------------------

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["1969", "-0044-03-15", "present", "c. 1850", "1e999", HUGE_INT[:30]]),
)
KEYS = st.sampled_from(
    ["title", "date", "end", "events", "groups", "eras", "name", "start", "precision",
     "qualifiers", "text", "tags", "url", "color", "group", "milestone", "source",
     "reference_date", "languages", "date_order", "timezone", "start_date", "year", "month",
     "day", "headline", "type", "\ud800"]
)  # fmt: skip
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=12,
)
DOCUMENTS = st.dictionaries(KEYS, VALUES, max_size=6) | st.fixed_dictionaries(
    {"events": st.lists(st.dictionaries(KEYS, VALUES, max_size=6), min_size=1, max_size=3)}
)


def _yaml(value: object, indent: str = "") -> str:
    """Block-style YAML of any shape (PyYAML's dump would refuse lone surrogates)."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "".join(f"\n{indent}{json.dumps(str(k))}: {_yaml(v, indent + '  ')}"
                       for k, v in value.items())  # fmt: skip
    if isinstance(value, list):
        if not value:
            return "[]"
        return "".join(f"\n{indent}- {_yaml(v, indent + '  ')}" for v in value)
    return json.dumps(value)


def _files(tmp: Path, document: object) -> list[Path]:
    """The document in each structured format timeline reads."""
    raw = json.dumps(document)  # a lone surrogate stays an escape, as a hand-edited file has it
    events = document.get("events") if isinstance(document, dict) else None
    rows = events if isinstance(events, list) else [document]
    lines = "\n".join(json.dumps(r) for r in rows)
    cells = [r for r in rows if isinstance(r, dict)]
    header = sorted({str(k) for r in cells for k in r})
    csv = (
        ",".join(header)
        + "\n"
        + "\n".join(",".join(json.dumps(str(r.get(k, ""))) for k in header) for r in cells)
    )
    slides = json.dumps({"events": [{"start_date": r, "text": r} for r in rows]})
    files = {"a.json": raw, "b.jsonl": lines, "c.csv": csv, "d.json": slides,
             "e.yaml": _yaml(document).lstrip("\n")}  # fmt: skip
    paths = []
    for name, text in files.items():
        path = tmp / name
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        paths.append(path)
    return paths


@given(document=DOCUMENTS)
def test_any_document_shape_gives_a_result_or_an_error_naming_the_file(
    tmp_path_factory: pytest.TempPathFactory, document: object
) -> None:
    tmp = tmp_path_factory.mktemp("fuzz")
    for path in _files(tmp, document):
        status, stderr = invoke("build", str(path), "-o", str(tmp / "page.html"))
        if status == 1:
            assert str(path) in stderr, stderr


@given(data=st.binary(max_size=200), suffix=st.sampled_from(
    [".yaml", ".json", ".jsonl", ".csv", ".tsv", ".ics", ".txt", ".md", ".html"]))  # fmt: skip
def test_any_bytes_in_any_format_give_a_result_or_an_error_naming_the_file(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    tmp = tmp_path_factory.mktemp("bytes")
    path = tmp / f"input{suffix}"
    path.write_bytes(data)
    status, stderr = invoke("convert", str(path), "-o", str(tmp / "out.json"))
    if status == 1:
        assert str(path) in stderr, stderr


CALENDAR_LINES = st.lists(
    st.sampled_from(
        ["DTSTART;VALUE=DATE:00010101", "DTSTART;VALUE=DATE:99991231", "DTSTART:20240101T000000Z",
         "DTEND;VALUE=DATE:00010101", "DTEND:99991231T235959Z", "DURATION:P9999W",
         "DURATION:-P1D", "DURATION:PT1S", "RRULE:FREQ=SECONDLY", "RRULE:FREQ=DAILY;COUNT=3",
         "RRULE:FREQ=YEARLY;UNTIL=99991231", "RRULE:FREQ=MINUTELY;BYDAY=MO", "RDATE:20240105",
         "EXDATE:20240102", "RRULE:FREQ=WEEKLY;COUNT=0", "RRULE:FREQ=BOGUS", "DTSTART:garbage",
         "RECURRENCE-ID;VALUE=DATE:20240102", "UID:u1", "SUMMARY:x"]
    ),
    max_size=6,
)  # fmt: skip


@given(lines=CALENDAR_LINES, window=st.booleans())
def test_any_calendar_event_gives_a_result_or_an_error_naming_the_file(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str], window: bool
) -> None:
    tmp = tmp_path_factory.mktemp("ics")
    path = tmp / "a.ics"
    path.write_text(ics("".join(line + "\r\n" for line in lines)))
    args = ["--window", "0001-01-01..9999-12-31"] if window else ["--ref-date", "2024-01-01"]
    status, stderr = invoke("validate", str(path), *args)
    if status == 1:
        assert str(path) in stderr, stderr


# -- A pool stopped early -----------------------------------------------------------------------


def _square_slowly_in_a_worker(task: tuple[int, int]) -> int:
    main, n = task
    if os.getpid() != main:
        time.sleep(0.05)
    return n * n


def test_a_pool_stopped_early_is_never_terminated(monkeypatch: pytest.MonkeyPatch) -> None:
    """`Pool.terminate` kills a worker wherever it is, and one killed holding the result
    queue's lock hung the pool's shutdown (issue 22): stopping early must not call it."""
    import multiprocessing.pool

    from timeline.parallel import run_ordered

    def refuse(self: object) -> None:
        raise AssertionError("Pool.terminate was called")

    monkeypatch.setattr(multiprocessing.pool.Pool, "terminate", refuse)
    tasks = [(os.getpid(), n) for n in range(400)]
    results = run_ordered(_square_slowly_in_a_worker, tasks, workers=2, in_flight=4)
    assert [next(results) for _ in range(3)] == [0, 1, 4]
    results.close()  # stops with tasks still out with the worker
    assert list(run_ordered(_square_slowly_in_a_worker, tasks, workers=2, in_flight=4)) == [
        n * n for n in range(400)
    ]


# -- One enormous line --------------------------------------------------------------------------


def _heading_by_whole_line(text: str, start: int, end: int) -> bool:
    """`story.heading` as it read the whole line around the expression (quadratic on a file of
    one line)."""
    line_end = text.find("\n", end)
    line = text[text.rfind("\n", 0, start) + 1 : len(text) if line_end < 0 else line_end]
    return len(line) <= 80 and line.lstrip().startswith(text[start:end]) and "." not in line


@given(text=st.text(alphabet="ab \n.19", min_size=1, max_size=300), data=st.data())
def test_a_heading_is_found_by_looking_only_near_the_expression(
    text: str, data: st.DataObject
) -> None:
    from timeline.tagger.story import heading

    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start, min(len(text), start + 6)))
    assert heading(text, start, end) == _heading_by_whole_line(text, start, end)


def test_a_quotation_is_looked_for_only_within_reach() -> None:
    from timeline.tagger.resolve import QUOTE_REACH, _quoted

    near = 'He said "on Monday'
    assert _quoted(near, len(near) - 9)
    far = 'He said "' + "x" * QUOTE_REACH + " on Monday"
    assert not _quoted(far, len(far) - 9)  # a quotation open for pages is a stray mark


def test_text_without_full_stops_is_cut_into_sentences_of_bounded_length() -> None:
    """Each date is weighed against every other in its sentence: a page of dates in tags,
    with no full stop, was one sentence of them all (minutes for 100 kB)."""
    from timeline.tagger.events import MAX_SENTENCE, sentences

    text = "3 May 2011 " * 2_000
    spans = sentences(text)
    assert len(spans) > 1
    assert all(b - a <= MAX_SENTENCE for a, b in spans)
    # Nothing lost, and cut between words (a word cut in two would read as two here).
    assert " ".join(text[a:b] for a, b in spans).split() == text.split()
