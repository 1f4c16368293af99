"""The AI compute page in a real browser, in Dutch: a click on a segmented option and a keyboard step on a
slider each move a readout and the address bar. Expected numbers come from the model, not typed in."""

from __future__ import annotations

import re

from explainers.content import fmt_num, value
from explainers.models import ai_compute as ai
from explainers.topics.ai_compute import setup as aic_setup

from .conftest import METRIC, metric_values, screenshot, wait_for_url, wait_ready


def test_nl_accelerator_click_and_batch_key_move_readouts_and_url(page, server):
    page.goto(f"{server}/ai-compute?lang=nl")
    wait_ready(page)
    page.get_by_role("heading", name="Hoeveel rekenkracht en energie AI kost").wait_for()
    assert page.locator("[data-testid=stException]").count() == 0
    screenshot(page, "ai_compute_nl_default")

    s = aic_setup.parameters()
    days = {}
    for acc in ("a100", "h100"):
        a = s.accelerators[acc]
        c = ai.training_flops(value("gpt3_n"), value("gpt3_d"))
        days[acc] = fmt_num(ai.training_time_s(c, s.gpus, a.peak_flops, s.mfu_pct / 100) / 86400, "nl", 3)
    before = metric_values(page)
    assert days["a100"] in before

    # a segmented option: the accelerator
    page.get_by_role("radiogroup", name="Accelerator").get_by_role("radio", name="H100", exact=True).click()
    wait_for_url(page, r"[?&]acc=h100(&|$)")
    wait_ready(page)
    page.wait_for_function(
        "([sel, v]) => [...document.querySelectorAll(sel)].some(e => e.innerText.trim() === v)",
        arg=[METRIC, days["h100"]], timeout=15_000)
    after = metric_values(page)
    assert days["h100"] in after and after != before
    screenshot(page, "ai_compute_nl_h100")

    # a slider moved with the keyboard: the batch size (1 -> 2), inside its fragment
    rate = {b: fmt_num(aic_setup.decode("gpt3", value("gpt3_n"), "h100", b, value("aic_context"), value("aic_kv_bytes"),
                                        "own").rate_at, "nl", 3) for b in (1, 2)}
    assert rate[1] in after
    slider = page.locator("[data-testid=stSlider]").filter(has_text="Batchgrootte").get_by_role("slider")
    slider.focus()
    slider.press("ArrowRight")
    wait_for_url(page, r"[?&]batch=2(&|$)")
    wait_ready(page)
    page.wait_for_function(
        "([sel, v]) => [...document.querySelectorAll(sel)].some(e => e.innerText.trim() === v)",
        arg=[METRIC, rate[2]], timeout=15_000)
    assert re.search(r"[?&]acc=h100(&|$)", page.url) and "lang=nl" in page.url
    screenshot(page, "ai_compute_nl_batch2")

    # the address bar reproduces the view in a fresh page
    url = page.url
    page.goto(url)
    wait_ready(page)
    assert rate[2] in metric_values(page) and days["h100"] in metric_values(page)
    assert page.locator("[data-testid=stException]").count() == 0
