"""Take full-page screenshots of pages in both languages: `python tools/screenshots.py URL path...`.

For looking at the app as a person would (the tests save their own under test-output/).
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))
from conftest import CHROMIUM, LAUNCH_ARGS, wait_ready  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "test-output" / "look"


def main() -> None:
    base, *paths = sys.argv[1:]
    width = 1400
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        for path in paths:
            pg = browser.new_page(viewport={"width": width, "height": int(__import__("os").environ.get("SHOT_HEIGHT", 2400))})
            pg.goto(base + path)
            wait_ready(pg)
            name = path.strip("/").replace("?", "_").replace("&", "_").replace("=", "-") or "root"
            pg.screenshot(path=str(OUT / f"{name}.png"), full_page=True)
            errors = pg.locator("[data-testid=stException]").count()
            print(f"{name}.png exceptions={errors}")
            pg.close()
        browser.close()


if __name__ == "__main__":
    main()
