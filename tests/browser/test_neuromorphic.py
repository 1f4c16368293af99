"""The Neuromorphic page in a real browser: a keyboard move on a slider changes a readout and the URL,
the neuron animation plays and pauses, and the language switch keeps the view."""

from __future__ import annotations

import pytest

from explainers.content import default_values, fmt_num, t
from explainers.models import neuron as nm

from .conftest import metric_value, query, screenshot, wait_ready


def test_current_slider_moves_the_rate_and_the_url(page, server):
    lang = "nl"
    p = nm.default_lif_params(default_values())
    page.goto(f"{server}/neuromorphic?lang={lang}")
    wait_ready(page)
    assert page.locator("[data-testid=stException]").count() == 0
    label = t("neuromorphic.neuron.r_rate", lang)
    before = metric_value(page, label)
    assert before == f"{fmt_num(nm.lif_rate_hz(2.0, **p.as_kwargs()), lang)} Hz"
    screenshot(page, "neuromorphic-nl-before")

    slider = page.locator("[data-testid=stSlider]", has_text=t("neuromorphic.neuron.current", lang))
    thumb = slider.get_by_role("slider")
    thumb.focus()
    for _ in range(4):  # 4 x 0.05 nA
        thumb.press("ArrowRight")
    page.wait_for_function("() => location.search.includes('i_na=')")
    wait_ready(page)
    assert query(page.url)["i_na"] == ["2.2"]
    after = metric_value(page, label)
    assert after != before
    assert after == f"{fmt_num(nm.lif_rate_hz(2.2, **p.as_kwargs()), lang)} Hz"
    assert page.locator("[data-testid=stException]").count() == 0
    screenshot(page, "neuromorphic-nl-after")


def test_activity_slider_by_keyboard_updates_break_even_chart_and_url(page, server):
    page.goto(f"{server}/neuromorphic?lang=nl&act=1")
    wait_ready(page)
    label = t("neuromorphic.events.r_event", "nl")
    before = metric_value(page, label)
    slider = page.locator("[data-testid=stSlider]", has_text=t("neuromorphic.events.act", "nl"))
    thumb = slider.get_by_role("slider")
    thumb.focus()
    thumb.press("ArrowRight")
    page.wait_for_function("() => location.search.includes('act=1.2')")
    wait_ready(page)
    assert metric_value(page, label) != before


def test_animation_plays_and_pauses(page, server):
    page.goto(f"{server}/neuromorphic?lang=en")
    wait_ready(page)
    chart = page.locator("[data-testid=stPlotlyChart]").filter(has_text="Membrane potential at")
    chart.scroll_into_view_if_needed()
    play = chart.locator(".updatemenu-button", has_text=t("neuromorphic.neuron.play", "en"))
    pause = chart.locator(".updatemenu-button", has_text=t("neuromorphic.neuron.pause", "en"))
    assert play.count() == 1 and pause.count() == 1
    current = chart.locator("text").filter(has_text=f"{t('neuromorphic.neuron.time', 'en')}: ").first
    assert current.text_content().strip().endswith("200 ms")  # opens on the whole trace
    play.click()
    page.wait_for_timeout(1500)
    pause.click()
    page.wait_for_timeout(300)
    paused_at = current.text_content().strip()
    page.wait_for_timeout(600)
    assert current.text_content().strip() == paused_at  # pause holds
    value_ms = float(paused_at.split(":")[1].replace("ms", "").replace(",", "").strip())
    assert 0 < value_ms < 200  # part-way through the trace
    path = screenshot(page, "neuromorphic-en-paused")
    chart.screenshot(path=str(path.with_name("neuromorphic-en-paused-chart.png")))  # the chart itself
    assert page.locator("[data-testid=stException]").count() == 0


def test_language_switch_keeps_the_controls(page, server):
    page.goto(f"{server}/neuromorphic?lang=nl&i_na=3&mem=hbm")
    wait_ready(page)
    page.get_by_role("radio", name="English").click()
    page.wait_for_function("() => location.search.includes('lang=en')")
    wait_ready(page)
    params = query(page.url)
    assert params["i_na"] == ["3"] and params["mem"] == ["hbm"]
    assert page.locator("h1", has_text=t("neuromorphic.title", "en")).count() == 1
    screenshot(page, "neuromorphic-en-switched")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_brains_and_chips_is_a_table_of_the_views_text_as_written(page, server, lang):
    """A static table: every cell reads as the view wrote it (st.table renders cells as Markdown, so
    this also shows the escaping leaves no backslash or lost character), and no data grid is loaded."""
    from explainers.topics.neuromorphic import present

    view = present.chips(lang).table
    page.goto(f"{server}/neuromorphic?lang={lang}")
    wait_ready(page)
    table = page.locator("[data-testid=stTable] table")
    table.scroll_into_view_if_needed()
    assert table.locator("thead th").all_inner_texts() == list(view.headings)
    shown = [[cell.strip() for cell in row.locator("td").all_inner_texts()] for row in table.locator("tbody tr").all()]
    assert shown == [list(row) for row in view.rows]
    assert page.locator("[data-testid=stDataFrame]").count() == 0
    assert not [url for url in page.requested_urls if "/DataFrame." in url]  # the grid's ~200 kB bundle
