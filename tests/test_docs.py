"""The docs are tested: the README's commands are the ones CI runs, and its YAML example builds."""

from __future__ import annotations

import re
from pathlib import Path

from timeline.model import Day
from timeline.sources import ReadOptions
from timeline.sources.yaml_source import read

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text()


def _quick_start() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_is_two_commands() -> None:
    commands = _quick_start()
    assert len(commands) == 2
    assert "timeline build" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    assert _quick_start()[1] in ci.splitlines()


def test_readme_yaml_example_reads_cleanly() -> None:
    example = README.split("## The YAML format", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    result = read(example, "README.md", ReadOptions(today=Day(2020, 5, 5)))
    assert result.diagnostics == []
    assert [e.title for e in result.timeline.events] == ["Sputnik 1", "International Space Station"]


def test_readme_screenshot_exists() -> None:
    for image in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README):
        assert (ROOT / image).is_file(), image


def test_readme_lists_every_output_format() -> None:
    from timeline.cli import DataFormat
    from timeline.render import DATA_FORMATS

    listed = re.search(r"timeline extract INPUT\.\.\. \[-o FILE\] \[--format ([a-z|]+)\]", README)
    assert listed is not None
    assert listed[1].split("|") == list(DATA_FORMATS) == [str(f) for f in DataFormat]


def test_readme_yaml_example_matches_the_schema() -> None:
    import json

    import jsonschema
    import yaml

    example = README.split("## The YAML format", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    schema = json.loads((ROOT / "timeline" / "events.schema.json").read_text())
    data = yaml.safe_load(example)
    data["reference_date"] = str(data["reference_date"])  # YAML 1.1 reads it as a date object
    assert list(jsonschema.Draft7Validator(schema).iter_errors(data)) == []


def _synopses() -> dict[str, set[str]]:
    """The options the README's Commands block lists for each command ("" for timeline's own)."""
    block = README.split("## Commands", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    listed: dict[str, set[str]] = {}
    command = ""
    for line in block.splitlines():
        head = re.match(r"timeline (\w+)?", line)
        if head:
            command = head[1] or ""
            listed.setdefault(command, set())
        listed[command] |= set(re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", line))
    return listed


def test_readme_lists_each_commands_options_and_no_others() -> None:
    """`watch -j 2` was in the README and failed: each command takes what its line lists."""
    import typer.main

    from timeline.cli import app

    group = typer.main.get_command(app)
    listed = _synopses()
    assert sorted(listed) == sorted(["", *group.commands])  # type: ignore[attr-defined]
    for name, command in [("", group), *group.commands.items()]:  # type: ignore[attr-defined]
        takes = [
            set(p.opts + p.secondary_opts)
            for p in command.params
            if p.param_type_name == "option" and "--help" not in p.opts
        ]
        for flags in takes:
            assert flags & listed[name], f"timeline {name}: {sorted(flags)} not in the README"
        unknown = listed[name] - set().union(*takes) if takes else listed[name]
        assert not unknown, f"timeline {name}: the README lists {sorted(unknown)}"
