"""Build the demo in both themes and take the README's screenshots with Debian's Chromium.

python docs/screenshots.py            # writes docs/screenshot-light.png and -dark.png
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"


def shoot(
    page_path: Path, png: Path, width: int = 1400, height: int = 1000, full: bool = False
) -> list[str]:
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(page_path.as_uri())
        page.wait_for_selector("html[data-ready=true]", timeout=30_000)
        page.screenshot(path=str(png), full_page=full)
        browser.close()
    return errors


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        for theme in ("light", "dark"):
            out = Path(tmp) / f"{theme}.html"
            subprocess.run(
                [sys.executable, "-m", "timeline", "build", str(ROOT / "events.yaml"),
                 "-o", str(out), "--theme", theme, "--ref-date", "2026-11-24"],
                check=True,
            )  # fmt: skip
            errors = shoot(out, ROOT / "docs" / f"screenshot-{theme}.png")
            for error in errors:
                print(f"{theme}: console error: {error}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
