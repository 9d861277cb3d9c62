"""Still images of the whole timeline: PNG, SVG and PDF, drawn by kaleido in headless Chromium.

The one module that imports kaleido (the `image` extra). kaleido >= 1 drives an installed
Chrome or Chromium over the DevTools protocol (its `choreographer` finds it on PATH, or at
BROWSER_PATH); it never downloads one unless asked to, and we never ask. plotly.js comes from
the installed plotly package and MathJax is switched off, so nothing is fetched from the network.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from timeline._version import __version__
from timeline.errors import RenderError
from timeline.model import Timeline
from timeline.render import RenderOptions
from timeline.render.figure import figure_for
from timeline.render.page import footer
from timeline.render.scene import plotly_text
from timeline.render.static import still

__all__ = ["image_figure", "render_pdf", "render_png", "render_svg"]

PNG_SCALE = 2  # pixels per CSS pixel: sharp on a high-density screen and in print
TIMEOUT = 180.0  # seconds for one image; 100,000 events take about a minute on 2 cores


def image_figure(timeline: Timeline, options: RenderOptions) -> dict[str, Any]:
    """The figure a still image draws: the page's figure, with what page.js would add."""
    scene, _, figure, _ = figure_for(timeline, options, hover=False)
    caption = footer(scene, timeline.sources, __version__)
    return still(scene, figure, plotly_text(timeline.title), caption)


@contextmanager
def _quiet() -> Iterator[None]:
    """kaleido's browser driver logs what it recovers from ("JSONError decoding message.
    Ignoring", with a traceback) to stderr; what it cannot recover from raises, and is reported.
    """
    loggers = [logging.getLogger(name) for name in ("choreographer", "kaleido", "chrome_wrapper")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _render(timeline: Timeline, options: RenderOptions, fmt: str) -> bytes:
    figure = image_figure(timeline, options)
    try:
        import kaleido
        from kaleido import errors
    except ImportError:
        raise RenderError(
            f"{fmt.upper()} output needs kaleido: pip install 'timeline[image]'"
        ) from None
    layout = figure["layout"]
    opts = {"format": fmt, "width": layout["width"], "height": layout["height"],
            "scale": PNG_SCALE if fmt == "png" else 1}  # fmt: skip
    try:
        with _quiet():
            data = kaleido.calc_fig_sync(
                figure, opts=opts, kopts={"mathjax": False, "timeout": TIMEOUT}
            )
    except errors.ChromeNotFoundError:
        where = os.environ.get("BROWSER_PATH")
        raise RenderError(
            f"no Chrome or Chromium at BROWSER_PATH={where}" if where else
            "images are drawn by Chrome or Chromium, and neither was found on PATH; install "
            "one (apt install chromium) or set BROWSER_PATH to it"
        ) from None  # fmt: skip
    except (errors.BrowserClosedError, errors.BrowserFailedError, errors.KaleidoError,
            TimeoutError) as exc:  # fmt: skip
        raise RenderError(f"the browser failed to draw the {fmt.upper()}: {exc}") from None
    if not isinstance(data, bytes):  # pragma: no cover - kaleido's contract
        raise RenderError(f"kaleido returned no {fmt.upper()}")
    return _stable(data, fmt)


# Chromium stamps each PDF with the time it was printed (and kaleido's page title), and plotly
# names the SVG's clip paths with a random id: the same input must give the same bytes.
_PDF_META = re.compile(rb"/(?:CreationDate|ModDate|Title) \((?:[^)\\]|\\.)*\)")
_SVG_UID = re.compile(rb'<defs id="defs-([0-9a-z]+)"')


def _stable(data: bytes, fmt: str) -> bytes:
    if fmt == "pdf":
        # Blanked to spaces of the same length, so the cross-reference offsets stay right.
        return _PDF_META.sub(lambda m: b" " * len(m[0]), data)
    if fmt == "svg" and (uid := _SVG_UID.search(data)):
        return re.sub(rb"(defs-|clip)" + re.escape(uid[1]), rb"\1timeline", data)
    return data


def render_png(timeline: Timeline, options: RenderOptions) -> bytes:
    return _render(timeline, options, "png")


def render_svg(timeline: Timeline, options: RenderOptions) -> bytes:
    return _render(timeline, options, "svg")


def render_pdf(timeline: Timeline, options: RenderOptions) -> bytes:
    return _render(timeline, options, "pdf")
