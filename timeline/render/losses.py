"""What a foreign format cannot hold, gathered while writing and told as warnings.

One warning per kind of loss, naming how many events it touched and the first few of them by
where they came from, so that converting 10,000 events does not print 10,000 lines.
"""

from __future__ import annotations

from timeline.errors import quote
from timeline.model import Diagnostic, Event, Severity, SourceRef

__all__ = ["FOUND_IN", "Losses"]

SHOWN = 3  # events named in each warning
# Where an event was found in prose (the refs with a sentence), which only our formats keep.
FOUND_IN = "where events were found in prose (found_in)"


class Losses:
    """Collects the losses of one output file, in the order they were first met."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self._events: dict[str, list[Event | None]] = {}
        self.left_out = 0  # events not written at all

    def leave_out(self, why: str, event: Event) -> None:
        """`event` is not written at all, for `why`."""
        self.add(f"{why} (these events are left out)", event)
        self.left_out += 1

    def add(self, what: str, event: Event | None = None) -> None:
        """`what` is lost, for `event` (None: for the timeline as a whole)."""
        events = self._events.setdefault(what, [])
        if event is None or not events or events[-1] is not event:  # once per event
            events.append(event)

    def warnings(self) -> tuple[Diagnostic, ...]:
        out = []
        for what, events in self._events.items():
            named = [e for e in events if e is not None]
            message = f"{self.fmt} cannot hold {what}"
            ref = SourceRef(f"<{self.fmt}>")
            if named:
                ref = named[0].refs[0] if named[0].refs else ref
                shown = ", ".join(quote(e.title, 40) for e in named[:SHOWN])
                more = f" and {len(named) - SHOWN} more" if len(named) > SHOWN else ""
                count = len(named)
                message += f" ({count} event{'s' if count != 1 else ''}: {shown}{more})"
            out.append(Diagnostic(Severity.WARNING, ref, message, what))
        return tuple(out)
