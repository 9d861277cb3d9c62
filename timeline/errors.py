"""One error hierarchy. The core raises these; only the CLI turns them into messages and exits."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.model import Diagnostic, Severity, SourceRef

__all__ = [
    "DateError", "InputError", "InvalidInput", "OptionError", "OutputError", "RenderError",
    "TimelineError",
]  # fmt: skip


class TimelineError(Exception):
    """Anything the user can fix. `str(error)` is the message the CLI prints."""


class InputError(TimelineError):
    """A problem with one input at a known place."""

    def __init__(self, ref: SourceRef, message: str, value: str | None = None) -> None:
        self.ref = ref
        self.message = message
        self.value = value
        super().__init__(f"{ref.where()}: {message}")


class DateError(InputError):
    """A date that cannot be read. `value` is the raw text."""

    def __init__(self, value: str, ref: SourceRef | None = None, reason: str | None = None) -> None:
        message = f"cannot read {_quote(value)} as a date"
        if reason:
            message += f" ({reason})"
        super().__init__(ref or SourceRef("<date>"), message, value)
        if ref is None:
            self.args = (message,)


class InvalidInput(TimelineError):
    """Every problem found in one run, so the user can fix them all at once."""

    def __init__(self, problems: Sequence[Diagnostic]) -> None:
        # Errors and the warnings around them, in file order: a warning such as "unknown key
        # titel" often explains the error "missing title" next to it.
        self.problems = tuple(problems)
        self.error_count = sum(1 for p in self.problems if p.severity is Severity.ERROR)
        lines = [str(p) for p in self.problems]
        count = self.error_count
        lines.append(f"{count} error{'s' if count != 1 else ''}; nothing was written")
        super().__init__("\n".join(lines))


class OutputError(TimelineError):
    """An output that cannot or must not be written: `path` names it ("-" for standard output),
    `message` says why."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{'<stdout>' if path == '-' else path}: {message}")


class OptionError(TimelineError):
    """An option that cannot be used as given: `option` is its name in Python ("ref_date"),
    which the CLI shows as its flag (--ref-date)."""

    def __init__(self, option: str, message: str) -> None:
        self.option = option
        self.message = message
        super().__init__(f"{option}: {message}")


class RenderError(TimelineError):
    """The model could not be turned into the requested output."""


def _quote(value: str, limit: int = 80) -> str:
    """A value for a message: quoted, control characters escaped, long values cut."""
    text = value if len(value) <= limit else value[: limit - 1] + "…"
    escaped = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return '"' + escaped.replace('"', '\\"') + '"'


quote = _quote
