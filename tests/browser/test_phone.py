"""Every topic page on a phone (390 px, a phone's User-Agent), in both languages: what the QR code's
audience sees. Each chart's title, axis titles, notes and legend fit the screen, the title sits above the plot and the
legend under it, Plotly's toolbar is not laid over the title, and no segmented control hides
options off the edge. Measured from the drawn SVG, not from the spec."""

from __future__ import annotations

import pytest

from explainers import topics

from .conftest import screenshot, wait_ready

UA = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
      "Chrome/131.0.0.0 Mobile Safari/537.36")
WIDTH_PX = 390

# Per chart: its box, and the boxes of its title, legend entries and plot areas (one per subplot).
LAYOUT_JS = """() => [...document.querySelectorAll('[data-testid=stMain] [data-testid=stPlotlyChart]')].map(el => {
  const box = r => { const b = r.getBoundingClientRect(); return {l: b.left, r: b.right, t: b.top, b: b.bottom, w: b.width, h: b.height}; };
  const all = sel => [...el.querySelectorAll(sel)].map(box).filter(b => b.w > 0 && b.h > 0);
  const modebar = el.querySelector('.modebar-container');
  return {
    chart: box(el.querySelector('svg.main-svg') || el),
    title: all('.gtitle'), titleText: [...el.querySelectorAll('.gtitle')].map(e => e.textContent),
    legend: all('.legend .legendtext'), legendText: [...el.querySelectorAll('.legend .legendtext')].map(e => e.textContent),
    notes: all('.annotation-text'), noteText: [...el.querySelectorAll('.annotation-text')].map(e => e.textContent),
    axisTitles: all('.g-xtitle text, .g-ytitle text'),
    axisTitleText: [...el.querySelectorAll('.g-xtitle text, .g-ytitle text')].map(e => e.textContent),
    plots: all('.nsewdrag'),
    modebar: modebar ? getComputedStyle(modebar).display : 'none',
  };
})"""

OVERFLOWING_CONTROLS_JS = """() => [...document.querySelectorAll('[data-testid=stMain] [data-testid=stButtonGroup] [role=radiogroup]')]
  .filter(g => g.scrollWidth > g.clientWidth + 1).map(g => g.getAttribute('aria-label') || g.textContent.slice(0, 60))"""

CASES = [(tp.url_path, lang) for tp in topics.TOPICS for lang in ("en", "nl")]


@pytest.fixture()
def phone(browser):
    context = browser.new_context(viewport={"width": WIDTH_PX, "height": 844}, locale="nl-NL",
                                  is_mobile=True, has_touch=True, user_agent=UA, device_scale_factor=1)
    pg = context.new_page()
    yield pg
    context.close()


@pytest.mark.parametrize(("path", "lang"), CASES, ids=[f"{p}-{lang}" for p, lang in CASES])
def test_a_phone_gets_charts_whose_words_fit_its_screen(phone, server, path, lang):
    phone.set_default_timeout(60_000)
    phone.goto(f"{server}/{path}?lang={lang}")
    wait_ready(phone, timeout_ms=90_000)
    # the whole page at once, so every chart is drawn (the main area scrolls inside stMain)
    height = phone.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    phone.set_viewport_size({"width": WIDTH_PX, "height": min(int(height) + 50, 16_000)})
    wait_ready(phone, timeout_ms=90_000)
    phone.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=stMain] [data-testid=stPlotlyChart]')]"
        ".every(e => e.querySelector('svg.main-svg'))", timeout=30_000)
    phone.wait_for_timeout(500)
    assert phone.locator("[data-testid=stException]").count() == 0
    screenshot(phone, f"phone_{path}_{lang}")

    charts = phone.evaluate(LAYOUT_JS)
    assert charts, "no chart on the page"
    for k, c in enumerate(charts):
        chart = c["chart"]
        name = (c["titleText"] or [f"chart {k}"])[0]
        assert chart["r"] <= WIDTH_PX + 1, (name, "the chart is wider than the screen")
        assert c["modebar"] == "none", (name, "the toolbar is laid over the chart")
        for box, text in zip(c["title"], c["titleText"], strict=True):
            assert chart["l"] - 1 <= box["l"] and box["r"] <= chart["r"] + 1, (name, "title off the screen", text)
        for box, text in zip(c["legend"], c["legendText"], strict=True):
            assert chart["l"] - 1 <= box["l"] and box["r"] <= chart["r"] + 1, (name, "legend entry off the screen", text)
        for box, text in zip(c["notes"], c["noteText"], strict=True):
            assert chart["l"] - 1 <= box["l"] and box["r"] <= chart["r"] + 1, (name, "a note off the screen", text)
        for box, text in zip(c["axisTitles"], c["axisTitleText"], strict=True):
            assert chart["l"] - 1 <= box["l"] and box["r"] <= chart["r"] + 1, (name, "axis title off the screen", text)
        if c["plots"]:
            plot_top = min(p["t"] for p in c["plots"])
            plot_bottom = max(p["b"] for p in c["plots"])
            for box in c["title"]:
                assert box["b"] <= plot_top + 2, (name, "the title runs into the plot")
            for box, text in zip(c["legend"], c["legendText"], strict=True):
                assert box["t"] >= plot_bottom - 2, (name, "a legend entry is not under the plot", text)
    assert phone.evaluate(OVERFLOWING_CONTROLS_JS) == [], "a segmented control hides options off the screen"
