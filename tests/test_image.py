"""Still images: `build --format png|svg|pdf`, and the Python ticks and labels they use.

The axis ticks and event labels of an image are worked out in Python (render/static.py), where
the page works them out in its script; the browser tests here hold the two to the same answer.
"""

from __future__ import annotations

import re
import struct
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests import test_browser
from tests.test_browser import BCE, DEEP, TODAY, Page, _chromium_or_skip, make_page
from timeline.cli import app
from timeline.model import Timeline
from timeline.pipeline import build, load
from timeline.render import RenderOptions
from timeline.render import figure as figure_module
from timeline.render.figure import build_figure, lane_colors
from timeline.render.image import image_figure
from timeline.render.scene import build_scene
from timeline.render.static import View, ago_label, ago_ticks, calendar_ticks, labels, spots
from timeline.sources import ReadOptions

ROOT = Path(__file__).parent.parent
browser = test_browser.browser  # the module-scoped Chromium fixture
BC_AD = re.compile(r"\d+ BC|AD \d+")


def _timeline(tmp_path: Path, text: str) -> Timeline:
    src = tmp_path / "in.yaml"
    src.write_text(text, encoding="utf-8")
    return load([str(src)], ReadOptions(today=TODAY)).timeline


# -- Ticks, without a browser -------------------------------------------------------------------


def test_calendar_ticks_count_down_before_ad_1() -> None:
    vals, text = calendar_ticks(-520.0, 100.0, 12)
    assert text == ["500 BC", "400 BC", "300 BC", "200 BC", "100 BC", "AD 1", "AD 100"]
    assert vals == [-499, -399, -299, -199, -99, 1, 100]
    # "AD" where a year could be taken for one BC, not on "1000" or later.
    ticks = calendar_ticks(-520.0, 2000.0, 12, bc=True)[1]
    assert ticks[4:8] == ["AD 500", "AD 750", "1000", "1250"]
    assert calendar_ticks(1900.0, 2000.0, 12, bc=True)[1][:2] == ["1900", "1910"]


def test_calendar_ticks_reach_the_day_in_44_bc() -> None:
    vals, text = calendar_ticks(-43 + 70 / 365, -43 + 80 / 365, 12)
    assert "15 Mar 44 BC" in text
    assert vals == sorted(vals)


def test_calendar_ticks_name_months_and_plain_years_after_ad_1() -> None:
    assert calendar_ticks(1900.0, 2000.0, 12)[1][:3] == ["1900", "1910", "1920"]
    assert calendar_ticks(2020.0, 2021.0, 12)[1][:3] == ["Jan 2020", "Feb 2020", "Mar 2020"]


def test_ago_ticks_and_labels() -> None:
    assert ago_label(4.54e9) == "4.54 Ga"
    assert ago_label(66e6) == "66 Ma"
    assert ago_label(300e3) == "300 ka"
    assert ago_label(1) == "1 year" and ago_label(500) == "500 years"
    vals, text = ago_ticks(1.0, 9.7, 12)
    assert text[0] == "10 years" and text[-1] == "1 Ga" and "1 Ma" in text
    assert vals == [10.0**e for e in range(1, 10)]


# -- The image's figure --------------------------------------------------------------------------


def test_image_figure_shows_the_whole_extent_with_bc_ticks(tmp_path: Path) -> None:
    timeline = _timeline(tmp_path, BCE)
    figure = image_figure(timeline, RenderOptions(today=TODAY))
    layout = figure["layout"]
    text = layout["xaxis"]["ticktext"]
    assert text and all(BC_AD.fullmatch(t) for t in text), text
    assert "500 BC" in text and "AD 1" in text
    a, b = sorted(layout["xaxis"]["range"])
    scene = build_scene(timeline, TODAY)
    assert all(a <= m.x0 and m.x1 <= b for m in scene.marks)
    assert layout["xaxis"]["rangeslider"] == {"visible": False}
    assert layout["title"]["text"] == "Classical antiquity"
    assert not any("customdata" in t for t in figure["data"])
    (label_trace,) = [t for t in figure["data"] if t.get("name") == "labels"]
    assert "\u2002Marathon" in label_trace["text"]


def test_image_figure_escapes_the_title_and_keeps_the_page_figure(tmp_path: Path) -> None:
    timeline = _timeline(tmp_path, BCE.replace("Classical antiquity", '"<b>Rome</b> & co"'))
    figure = image_figure(timeline, RenderOptions(today=TODAY))
    assert figure["layout"]["title"]["text"] == "&lt;b&gt;Rome&lt;/b&gt; &amp; co"
    # still() works on copies: the page's own figure is not touched.
    scene = build_scene(timeline, TODAY)
    page, _ = build_figure(scene, lane_colors(scene, {}), "light")
    assert page["layout"]["xaxis"]["tickvals"] == []


def test_scene_without_hover_cards_has_the_same_geometry(tmp_path: Path) -> None:
    timeline = _timeline(tmp_path, BCE)
    full, bare = build_scene(timeline, TODAY), build_scene(timeline, TODAY, hover=False)
    assert all(m.hover for m in full.marks) and not any(m.hover for m in bare.marks)
    assert [(m.x0, m.x1, m.xm, m.y) for m in full.marks] == [
        (m.x0, m.x1, m.xm, m.y) for m in bare.marks
    ]


def test_image_marks_are_vectors_where_the_page_uses_webgl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(figure_module, "WEBGL_ABOVE", 2)  # as if this were 2,000 events
    timeline = _timeline(tmp_path, BCE)
    _, _, page, _ = figure_module.figure_for(timeline, RenderOptions(today=TODAY))
    assert "scattergl" in {t["type"] for t in page["data"]}
    image = image_figure(timeline, RenderOptions(today=TODAY))
    assert {t["type"] for t in image["data"]} == {"scatter"}


def test_image_figure_deep_time_reads_years_ago(tmp_path: Path) -> None:
    figure = image_figure(_timeline(tmp_path, DEEP), RenderOptions(today=TODAY))
    text = figure["layout"]["xaxis"]["ticktext"]
    assert figure["layout"]["xaxis"]["type"] == "log"
    assert "1 Ga" in text and "1 Ma" in text and "1 ka" in text, text
    assert all(re.fullmatch(r"[\d.]+ (Ga|Ma|ka|years?)", t) for t in text), text


# -- The command line ----------------------------------------------------------------------------


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def test_format_and_suffix_must_agree(tmp_path: Path) -> None:
    result = run("build", str(ROOT / "events.yaml"), "-f", "png", "-o", str(tmp_path / "a.svg"))
    assert result.exit_code == 2
    assert "ends in .svg, not .png" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_bad_input_writes_no_image(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("events:\n  - date: 31 Febuary 2001\n    title: x\n")
    out = tmp_path / "t.png"
    result = run("build", str(bad), "-o", str(out))
    assert result.exit_code == 1
    assert f'{bad}:2: cannot read "31 Febuary 2001" as a date' in result.stderr
    assert list(tmp_path.iterdir()) == [bad]


def test_missing_kaleido_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "kaleido", None)
    out = tmp_path / "t.png"
    result = run("build", str(ROOT / "events.yaml"), "-o", str(out))
    assert result.exit_code == 1
    assert "PNG output needs kaleido: pip install 'timeline[image]'" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


def test_missing_browser_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chrome"))
    out = tmp_path / "t.pdf"
    result = run("build", str(ROOT / "events.yaml"), "-o", str(out))
    assert result.exit_code == 1
    assert f"no Chrome or Chromium at BROWSER_PATH={tmp_path / 'no-chrome'}" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


# -- Real images, drawn by kaleido in Debian's Chromium ----------------------------------------


@pytest.fixture
def chromium(monkeypatch: pytest.MonkeyPatch) -> None:
    """kaleido finds Chromium on PATH, or at BROWSER_PATH: point it at the one the tests use."""
    monkeypatch.setenv("BROWSER_PATH", _chromium_or_skip())


def _points(svg: str) -> list[tuple[float, float]]:
    found = re.findall(r'class="point" transform="translate\(([-\d.]+),([-\d.]+)\)"', svg)
    return [(float(x), float(y)) for x, y in found]


@pytest.mark.browser
def test_default_png_path_and_size(
    chromium: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "events.yaml").write_text(BCE)
    result = run("build", "--format", "png")
    assert result.exit_code == 0, result.stderr
    png = (tmp_path / "out" / "timeline.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width == 2 * 1400 and height > 2 * 380
    assert "wrote out/timeline.png (4 events" in result.stdout
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["timeline.png"]


@pytest.mark.browser
def test_svg_has_every_event_inside_the_plot_and_bc_ticks(chromium: None, tmp_path: Path) -> None:
    text = BCE + "  - {date: 3 September 1939, title: War in Europe}\n"
    src = tmp_path / "bce.yaml"
    src.write_text(text)
    out = tmp_path / "bce.svg"
    build([str(src)], out, ReadOptions(today=TODAY), RenderOptions(today=TODAY), kind="svg")
    svg = out.read_text()
    assert svg.startswith("<svg")
    width = float(re.search(r'class="plotclip"><rect width="([\d.]+)"', svg)[1])  # type: ignore[index]
    points = _points(svg)
    assert len(points) == 5
    assert all(0 <= x <= width for x, _ in points), (points, width)
    ticks = re.findall(r'class="xtick"><text[^>]*>([^<]+)</text>', svg)
    assert "500 BC" in ticks and "AD 1" in ticks and "1500" in ticks, ticks
    assert "Caesar is killed" in svg and "Classical antiquity" in svg
    assert "exact date" in svg  # the key to the marks


@pytest.mark.browser
def test_deep_time_svg_reads_ga_and_ma(chromium: None, tmp_path: Path) -> None:
    src = tmp_path / "deep.yaml"
    src.write_text(DEEP)
    out = tmp_path / "deep.svg"
    build([str(src)], out, ReadOptions(today=TODAY), RenderOptions(today=TODAY), kind="svg")
    svg = out.read_text()
    ticks = re.findall(r'class="xtick"><text[^>]*>([^<]+)</text>', svg)
    assert "1 Ga" in ticks and "100 Ma" in ticks and "1 ka" in ticks, ticks
    assert "years ago" in svg and "Chicxulub impact" in svg
    assert len(_points(svg)) == 4


@pytest.mark.browser
def test_hostile_input_makes_an_svg_with_nothing_active(chromium: None, tmp_path: Path) -> None:
    from xml.dom import minidom

    src = tmp_path / "hostile.yaml"
    src.write_text(test_browser.hostile_yaml())
    out = tmp_path / "hostile.svg"
    build([str(src)], out, ReadOptions(today=TODAY), RenderOptions(today=TODAY), kind="svg")
    svg = out.read_text()
    elements = minidom.parseString(svg).getElementsByTagName("*")
    names = {e.tagName.lower() for e in elements}
    assert not names & {"script", "foreignobject", "img", "iframe", "a", "use"}, names
    attributes = {a.lower() for e in elements for a in e.attributes.keys()}
    assert not [a for a in attributes if a.startswith("on")], attributes
    assert "window.__xss=1" in svg  # the payloads are there, as text


@pytest.mark.browser
@pytest.mark.parametrize("fmt", ["svg", "pdf"])
def test_images_are_byte_identical_run_to_run(chromium: None, tmp_path: Path, fmt: str) -> None:
    src = tmp_path / "bce.yaml"
    src.write_text(BCE)
    a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    for out in (a, b):
        build([str(src)], out, ReadOptions(today=TODAY), RenderOptions(today=TODAY), kind=fmt)
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes()[:5] == (b"%PDF-" if fmt == "pdf" else b"<svg ")


# -- The same ticks and labels as the page ------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize(
    ("source", "ranges"),
    [
        (ROOT / "events.yaml",
         [None, (-3000, 2000), (1900, 1950), (1968.95, 1969.6), (1969.01, 1969.08)]),
        (BCE, [None, (-43 + 70 / 365, -43 + 80 / 365), (-100, 30)]),
        (DEEP, [None, (9.7, 3.0), (6.0, 2.0)]),
    ],
    ids=["demo", "bce", "deep"],
)  # fmt: skip
def test_python_ticks_and_labels_match_the_page(
    browser: Any, tmp_path: Path, source: str | Path, ranges: list[tuple[float, float] | None]
) -> None:
    html = make_page(tmp_path, source)
    page = Page(browser, html)
    try:
        src = source if isinstance(source, Path) else tmp_path / "page.yaml"
        scene = build_scene(load([str(src)], ReadOptions(today=TODAY)).timeline, TODAY)
        for x_range in ranges:
            if x_range is not None:
                page.js("r => Plotly.relayout(timelinePage.gd, {'xaxis.range': r})", list(x_range))
                page.settle()
            width = page.js("() => timelinePage.gd._fullLayout.xaxis._length")
            view = View.of(page.x_range(), width, scene.mode == "ago", scene.bc)
            vals, text = view.ticks()
            assert page.ticks() == text, x_range
            assert page.js("() => timelinePage.gd.layout.xaxis.tickvals") == pytest.approx(vals)
            if x_range is None:  # everything in view: the page labels what the image labels
                drawn = page.js("() => { const t = timelinePage.labels(); "
                                "return [t.x, t.y, t.text, t.pos]; }")  # fmt: skip
                assert list(labels(view, spots(scene))) == drawn
        assert page.errors == []
    finally:
        page.page.close()
