"""Time to the first chart, A/B: the reference page and app pages, visited in turn, both servers up.

`make bench` judges the goal (≤ 1.1× the reference page's) on three fresh-profile visits per page,
each through the DevTools network meter that also counts the bytes. One visit moves by ±20 % on
this 2-core machine, and the machine's load drifts between pages, so a change to a first screen is
easier to see here: every round visits the reference page and then each app page, in a fresh
profile each and with no network meter (a viewer's Chromium has none; it adds 0.3–0.6 s to a page
with many requests), and the medians are compared.

    python -m benchmarks.first_chart [--visits 6] [photonics energy ...]
"""

from __future__ import annotations

import argparse
import statistics
from contextlib import ExitStack
from pathlib import Path

from . import serving

REFERENCE = Path(__file__).with_name("reference_app.py")


def first_chart_ms(browser, url: str) -> float:
    """One first visit in a fresh profile: ms from navigation to the first chart's SVG."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    try:
        context.add_init_script(serving._FIRST_CHART_JS)
        page = context.new_page()
        page.goto(url, wait_until="commit")
        page.wait_for_selector(serving.CHART, timeout=60_000)
        return float(page.evaluate("window.__firstChart"))
    finally:
        context.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", default=["photonics"], help="url paths of app pages")
    parser.add_argument("--visits", type=int, default=6, help="visits per page (after one warm-up round)")
    args = parser.parse_args(argv)
    cache = serving.filled_cache()
    with serving.chromium() as browser, ExitStack() as stack:
        ref = stack.enter_context(serving.serve("make-run", REFERENCE, cache=cache))
        app = stack.enter_context(serving.serve("make-run", None, cache=cache))
        targets = [("reference", f"{ref.url}/")] + [(p, f"{app.url}/{p}") for p in args.pages]
        times: dict[str, list[float]] = {name: [] for name, _ in targets}
        for round_ in range(args.visits + 1):
            for name, url in targets:
                ms = first_chart_ms(browser, url)
                if round_:  # (the first round warms both servers and the compression cache)
                    times[name].append(ms)
    reference = statistics.median(times["reference"])
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:14s} first chart median {median:6.0f} ms  {median / reference:.2f}× the reference  "
              f"{[round(v) for v in values]}")


if __name__ == "__main__":
    main()
