"""The energy page in a real browser, in Dutch: choosing a lever (a radio option) moves the readout
and the address bar, the copied address reproduces the view, a rung's link opens its scene, and no
request leaves the machine. Expected numbers come from the model, not typed in."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlparse

from explainers.content import content, fmt_num, t, value
from explainers.topics.energy import setup

from .conftest import METRIC, metric_value, screenshot, wait_for_url, wait_ready


def _wh(request: setup.Request, which: str) -> str:
    return f"{fmt_num(request.total(which), 'nl', 2)} Wh"


def test_nl_lever_moves_the_readout_and_the_url_and_the_link_reproduces_it(page, server):
    page.set_default_timeout(60_000)
    page.goto(f"{server}/energy?lang=nl")
    wait_ready(page, timeout_ms=90_000)
    page.get_by_role("heading", name=t("energy.title", "nl")).wait_for()
    assert page.locator("[data-testid=stException]").count() == 0
    screenshot(page, "energy_nl_default")

    today = setup.default_request()
    label = t("energy.follow.r_levers", "nl")
    assert metric_value(page, label) == _wh(today, "levers")

    stacked = setup.request("chat", "gpt4o", value("epoch_q_tokens"), "h100", 8, int(value("en_batch")), "stacked",
                            "pluggable", value("pue_uptime"), value("aic_mfu"))
    page.get_by_role("radiogroup", name=t("energy.follow.mem", "nl")).get_by_text(
        t("energy.mem.stacked", "nl"), exact=True).click()
    wait_for_url(page, r"[?&]mem=stacked(&|$)")
    wait_ready(page, timeout_ms=90_000)
    page.wait_for_function(
        "([sel, v]) => [...document.querySelectorAll(sel)].some(e => e.innerText.trim() === v)",
        arg=[METRIC, _wh(stacked, "levers")], timeout=60_000)
    assert metric_value(page, label) == _wh(stacked, "levers")
    assert metric_value(page, t("energy.follow.r_today", "nl")) == _wh(today, "today")
    screenshot(page, "energy_nl_stacked")

    # the address bar reproduces the view in a fresh page
    url = page.url
    page.goto(url)
    wait_ready(page, timeout_ms=90_000)
    assert metric_value(page, label) == _wh(stacked, "levers")
    assert "lang=nl" in page.url and re.search(r"[?&]mem=stacked(&|$)", page.url)

    # a rung of the ladder links to the scene that explains it, in the same language
    href = page.get_by_role("link", name=re.compile(re.escape(t("energy.ladder.rung.chiplet", "nl")))).first \
        .get_attribute("href")
    assert href is not None and "scene=package" in href and "lang=nl" in href
    page.goto(urljoin(page.url, href))
    wait_ready(page, timeout_ms=90_000)
    assert urlparse(page.url).path.endswith("/photonics") and "scene=package" in page.url
    assert page.locator("[data-testid=stException]").count() == 0
    package = next(sc for sc in content().scenes["photonics"] if sc.id == "package")
    page.get_by_text(package.caption("nl")[:40]).first.wait_for()

    hosts = {urlparse(u).hostname for u in page.requested_urls if u.startswith("http")}
    assert hosts <= {"127.0.0.1", "localhost"}, hosts
