"""The Photonics page in a real browser, in Dutch: a keyboard step on the distance slider moves the
readouts and writes `d_m` to the address bar. Expected numbers come from the model, not typed in."""

from __future__ import annotations

from explainers.content import fmt_energy
from explainers.topics import photonics as ph
from explainers.topics.photonics import present, setup

from .conftest import METRIC, metric_value, metric_values, screenshot, wait_for_url, wait_ready


def wait_for_metric(pg, text: str, timeout_ms: int = 15_000) -> None:
    pg.wait_for_function(
        "([sel, v]) => [...document.querySelectorAll(sel)].some(e => e.innerText.trim() === v)",
        arg=[METRIC, text], timeout=timeout_ms)


def test_nl_distance_keys_move_the_readouts_and_the_url(page, server):
    page.goto(f"{server}/photonics?lang=nl")
    wait_ready(page)
    page.get_by_role("heading", name="Licht tegen koper: waarom fotonica?").wait_for()
    assert page.locator("[data-testid=stException]").count() == 0
    screenshot(page, "photonics_nl_default")

    rate = 200.0
    steps = ph.DISTANCE_STEPS
    start = steps.index(2.0)
    before = setup.verdict(ph.DEFAULT_FIBRE, rate, ph.DEFAULT_LINKS, steps[start])
    wait_for_metric(page, fmt_energy(before.e_el, "nl"))  # 5,5 pJ/bit: one SerDes hop over a copper cable
    shown_before = metric_values(page)

    slider = page.locator("[data-testid=stSlider]").filter(has_text="Afstand").get_by_role("slider")
    slider.focus()
    slider.press("ArrowLeft")  # 2 m -> 1,5 m
    target = steps[start - 1]
    after = setup.verdict(ph.DEFAULT_FIBRE, rate, ph.DEFAULT_LINKS, target)
    wait_for_url(page, rf"[?&]d_m={target:g}(&|$)")
    wait_ready(page)
    wait_for_metric(page, fmt_energy(after.e_el, "nl"))  # still one SerDes hop: a passive cable reaches 1,5 m
    shown_after = metric_values(page)
    assert len(shown_after) == len(shown_before)
    assert page.get_by_text("Zuinigste elektrische verbinding op 1,5 m").count() >= 1  # the readouts moved
    screenshot(page, "photonics_nl_1_5m")

    # far away: copper cannot follow, and the readout says so in Dutch
    for _ in range(steps.index(100.0) - (start - 1)):
        slider.press("ArrowRight")
    wait_for_url(page, r"[?&]d_m=100(&|$)")
    wait_ready(page)
    wait_for_metric(page, "niet mogelijk")
    assert "Licht" in metric_values(page)
    screenshot(page, "photonics_nl_100m")
    assert page.locator("[data-testid=stException]").count() == 0


def test_switching_language_back_and_forth_keeps_the_chosen_fibre(page, server):
    """The fibre is a selectbox, and Streamlit hands back its label from the other language after a
    switch; the page maps it back to its slug instead of failing (KeyError on the label)."""
    from .conftest import query, wait_ready

    page.goto(f"{server}/photonics?lang=en&fibre=ull")
    wait_ready(page)
    for label, lang in (("Nederlands", "nl"), ("English", "en"), ("Nederlands", "nl")):
        page.get_by_text(label, exact=True).click()
        wait_ready(page)
        assert page.locator("[data-testid=stException]").count() == 0, lang
        assert query(page.url).get("fibre") == ["ull"], (lang, page.url)


# Each time the number of drawn charts changes: (drawn, charts on the page, is the rest still to come).
_DRAWS_JS = """
window.__draws = [];
new MutationObserver(() => {
  const drawn = document.querySelectorAll('[data-testid=stPlotlyChart] .main-svg').length;
  const last = window.__draws[window.__draws.length - 1];
  if (!last || last[0] !== drawn) window.__draws.push([drawn, document.querySelectorAll('[data-testid=stPlotlyChart]').length,
                                                       !!document.querySelector('.st-key-progressive_pending')]);
}).observe(document, {childList: true, subtree: true});
"""


def test_a_first_visit_draws_the_first_section_before_the_rest_and_keeps_the_links_later_values(browser, server):
    """ui.progressive: the first chart is on screen while the later sections are still on their way;
    then the whole page arrives, every chart drawn, and `grid` (a later section's control) and `tbps`
    (the first section's lower part, the power of one link, which also waits) kept."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    try:
        context.add_init_script(_DRAWS_JS)
        pg = context.new_page()
        grid = ph.CONTROLS["grid"].options[-1]
        assert grid != ph.CONTROLS["grid"].default
        tbps = ph.CONTROLS["tbps"].options[-1]
        assert tbps != ph.CONTROLS["tbps"].default_value()
        pg.goto(f"{server}/photonics?lang=en&grid={grid}&tbps={tbps:g}")
        wait_ready(pg)
        pg.wait_for_function("() => document.querySelectorAll('[data-testid=stPlotlyChart]').length === "
                             "document.querySelectorAll('[data-testid=stPlotlyChart] .main-svg').length / 3")
        draws = pg.evaluate("window.__draws")
        first = next(d for d in draws if d[0] > 0)
        charts = pg.locator("[data-testid=stPlotlyChart]").count()
        assert first[2] and first[1] < charts, draws  # drawn while the rest was still to come
        assert pg.locator(".st-key-progressive_pending").count() == 0
        assert f"grid={grid}" in pg.url and f"tbps={tbps:g}" in pg.url
        thumbs = pg.locator("[data-testid=stSliderThumbValue]").all_inner_texts()
        assert present.tbps_option(tbps, "en") in thumbs, thumbs
        channels = present.wdm("en", grid=grid, chrate=ph.CONTROLS["chrate"].default_value()).readouts[0]
        assert metric_value(pg, channels.label) == channels.value  # 350 channels at 12.5 GHz, not 43 at 100
        assert pg.locator("[data-testid=stException]").count() == 0
    finally:
        context.close()
