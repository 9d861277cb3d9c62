"""The HTML page around the figure: controls, the key, the event list, the footer.

User text reaches the page by two roads only, and both escape it:
- into HTML, through `html.escape` (`_e` below);
- into `<script type="application/json">` blocks, through `script_json`, which escapes `<`, `>`
  and `&` so that no title can close the script.
The page's own script reads those blocks with `JSON.parse` and writes text with `textContent`;
nothing is ever evaluated. The template is filled in one pass, so a title that looks like a
placeholder stays text.
"""

from __future__ import annotations

import html
import json
import re
from importlib import resources
from typing import Any

from timeline.labels import label
from timeline.render.scene import Scene, as_written, place, safe_url

_PLACEHOLDER = re.compile(r"@@([A-Z_]+)@@")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


# Inside a <script> element the HTML parser only stops at "</script", and only "<!--" and
# "<script" change how it reads what follows; any other "<" is just a character. Escaping only
# those keeps the hover cards' "<br>" and "<b>" at one byte instead of six: a tenth of the page
# for 10,000 events.
_SCRIPT_HAZARD = re.compile(r"<(?=/?script|!--)", re.IGNORECASE)


def script_json(value: Any) -> str:
    """JSON that is safe inside a `<script>` element, and the same bytes for the same value."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = _SCRIPT_HAZARD.sub(r"\\u003c", text)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def asset(name: str) -> str:
    return resources.files("timeline.render").joinpath("assets", name).read_text("utf-8")


def fill(template: str, values: dict[str, str]) -> str:
    """Replace every @@NAME@@ in one pass: inserted text is never scanned again."""
    return _PLACEHOLDER.sub(lambda m: values[m[1]], template)


def event_records(scene: Scene) -> list[dict[str, Any]]:
    """What the script needs per event, in date order (the list's order)."""
    records = []
    for m in scene.marks:
        ev = m.event
        ref = next((r for r in ev.refs if r.sentence), None)
        record: dict[str, Any] = {
            "x0": place(m.x0),
            "x1": place(m.x1),
            "xm": place(m.xm),
            "y": m.y,
            "g": m.lane,
            "t": ev.title,
            "d": m.when,
            "k": m.kind,
        }
        if written := as_written(ev, m.when):
            record["w"] = written
        if ev.milestone:
            record["m"] = 1
        if ev.description:
            record["s"] = ev.description
        if ev.tags:
            record["tags"] = list(ev.tags)
        if url := safe_url(ev.url):
            record["u"] = url
        if ev.source:
            record["src"] = ev.source
        if ev.extra:
            record["x"] = [list(pair) for pair in ev.extra]
        if ref is not None:
            if ref.sentence != ev.description:  # from prose they are mostly the same: send once
                record["q"] = ref.sentence
            record["at"] = ref.where()
            if ev.source_count > 1:
                record["n"] = ev.source_count
        records.append(record)
    return records


# The list holds this many items in the HTML; the page's script adds the rest once the chart is
# drawn, because laying out 10,000 list items takes longer than drawing 10,000 points.
LIST_INLINE = 1000


def event_list(scene: Scene, colors: list[str], limit: int = LIST_INLINE) -> str:
    """The list of events in date order: the accessible way through the timeline, and what
    prints. Each item is a button that zooms the chart to the event. page.js `listItem` builds
    the same markup for the items past `limit`."""
    items = []
    for m in scene.marks[:limit]:
        ev = m.event
        mark = {"exact": "●", "approximate": "○", "uncertain": "◇"}[m.kind]
        link = ""
        if url := safe_url(ev.url):
            link = (
                f' <a class="ev-link" href="{_e(url)}" rel="noopener noreferrer nofollow" '
                f'target="_blank" aria-label="Link for {_e(ev.title)}">↗</a>'
            )
        group = f'<span class="ev-group">{_e(ev.group)}</span>' if ev.group else ""
        items.append(
            f'<li id="ev-{m.index}" data-i="{m.index}">'
            f'<button type="button" class="ev" data-i="{m.index}">'
            f'<span class="ev-mark" style="color:{_e(colors[m.lane])}" aria-hidden="true">'
            f"{mark}</span>"
            f'<span class="ev-date">{_e(m.when)}</span> '
            f'<span class="ev-title">{_e(ev.title)}</span> {group}</button>{link}</li>'
        )
    if len(scene.marks) > limit:
        rest = len(scene.marks) - limit
        items.append(f'<li class="more"><noscript>and {rest:,} more: the rest of the list '
                     "needs JavaScript</noscript></li>")  # fmt: skip
    return "\n".join(items)


FOOTER_SOURCES = 5


def footer(scene: Scene, sources: tuple[str, ...], version: str) -> str:
    n = len(scene.marks)
    lanes = len(scene.lanes)
    parts = [f"{n:,} event{'s' if n != 1 else ''}", f"{lanes} lane{'s' if lanes != 1 else ''}"]
    if scene.marks:
        first = scene.marks[0].event
        last = max(scene.marks, key=lambda m: m.event.last_day.ordinal).event
        parts.append(f"{label(first.date, scene.bc)} to {label(last.end or last.date, scene.bc)}")
    if len(sources) > FOOTER_SOURCES:  # a corpus: name a few files, count the rest
        more = len(sources) - FOOTER_SOURCES
        parts.append(f"from {', '.join(sources[:FOOTER_SOURCES])} and {more:,} more files")
    elif sources:
        parts.append("from " + ", ".join(sources))
    parts.append(f"made with timeline {version}")
    return " · ".join(_e(p) for p in parts)
