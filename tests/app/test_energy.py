"""The energy page: clean in both languages, readouts equal the model, the URL sets and records the
controls, a lever moves its readout and the address bar, a bad value falls back with one notice,
and every scene opens by link. Expected numbers are computed from the model, never typed in."""

from __future__ import annotations

import re

import pytest

from explainers.content import content, fmt_num, t, value
from explainers.topics.energy import setup

from .conftest import assert_clean, open_page, plotly_specs, qp, visible_text, widget_state, wkey

PAGE = "app_pages/energy.py"


def metric(at, label_key: str, lang: str) -> str:
    label = t(label_key, lang)
    found = [str(m.value) for m in at.metric if m.label == label]
    assert len(found) == 1, f"readout {label!r} not found once: {[m.label for m in at.metric]}"
    return found[0]


def wh(request: setup.Request, which: str, lang: str) -> str:
    return f"{fmt_num(request.total(which), lang, 2)} Wh"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_page_is_clean_with_three_charts_and_the_published_figures(lang):
    at = open_page(PAGE, lang)
    assert_clean(at)
    assert at.title[0].value == t("energy.title", lang)
    text = visible_text(at)
    assert not re.search(r"\benergy\.[a-z_]+\.[a-z_]", text), "an untranslated string key"
    specs = plotly_specs(at)
    assert len(specs) == 3  # the ladder, the two bars, the scale
    for spec in specs:
        assert spec["layout"]["separators"] == (",." if lang == "nl" else ".,")
        for axis in ("xaxis", "yaxis"):
            assert spec["layout"][axis]["title"]["text"].strip()
    ladder, bars, scale = specs
    assert ladder["layout"]["xaxis"]["type"] == "log" and scale["layout"]["xaxis"]["type"] == "log"
    assert bars["layout"]["barmode"] == "stack"
    marker_y = [tr["y"][0] for tr in bars["data"] if tr["type"] == "scatter"]
    assert marker_y == [value(r) for r in ("goog_prompt_wh", "goog_active_wh", "epoch_q_wh")]
    r = setup.default_request()
    assert metric(at, "energy.follow.r_today", lang) == wh(r, "today", lang)
    assert t("energy.one_minute.headline_value", lang, wh=fmt_num(r.total("today"), lang, 2)) in text
    assert not at.warning


def test_url_parameters_set_the_controls_and_the_readout():
    at = open_page(PAGE, "en", {"mem": "stacked", "links": "cpo", "pue": "1.1", "batch": "64"})
    assert_clean(at)
    assert widget_state(at, PAGE, "mem") == "stacked"
    assert widget_state(at, PAGE, "links") == "cpo"
    assert widget_state(at, PAGE, "pue") == pytest.approx(1.1)
    assert widget_state(at, PAGE, "batch") == 64
    r = setup.request("chat", "gpt4o", value("epoch_q_tokens"), "h100", 8, 64, "stacked", "cpo", 1.1, value("aic_mfu"))
    assert metric(at, "energy.follow.r_levers", "en") == wh(r, "levers", "en")


def test_choosing_a_lever_moves_the_readout_and_the_url():
    at = open_page(PAGE, "nl")
    before = metric(at, "energy.follow.r_levers", "nl")
    at.radio(key=wkey(PAGE, "mem")).set_value("analog").run()
    assert_clean(at)
    assert qp(at, "mem") == "analog"
    after = metric(at, "energy.follow.r_levers", "nl")
    r = setup.request("chat", "gpt4o", value("epoch_q_tokens"), "h100", 8, int(value("en_batch")), "analog",
                      "pluggable", value("pue_uptime"), value("aic_mfu"))
    assert after == wh(r, "levers", "nl") and after != before
    assert any("Onderzoeksfase" in str(i.value) for i in at.info)  # the accuracy and maturity caveat


def test_switching_to_training_shows_its_own_controls_and_units():
    at = open_page(PAGE, "en", {"work": "train", "model": "llama31_405b", "gpus": "16384"})
    assert_clean(at)
    assert widget_state(at, PAGE, "mfu") == value("aic_mfu")
    assert wkey(PAGE, "batch") not in at.session_state or not [s for s in at.select_slider
                                                                 if s.key == wkey(PAGE, "batch")]
    assert metric(at, "energy.follow.r_today", "en").endswith("GWh")
    assert metric(at, "energy.scale.r_run", "en").endswith("GWh")


def test_a_bad_value_falls_back_with_one_notice():
    at = open_page(PAGE, "en", {"pue": "banana", "mem": "<script>"})
    assert not at.exception
    assert widget_state(at, PAGE, "pue") == pytest.approx(value("pue_uptime"))
    assert widget_state(at, PAGE, "mem") == "hbm"
    assert len(at.warning) == 1 and "`pue`" in at.warning[0].value and "`mem`" in at.warning[0].value


def test_the_requests_slider_moves_only_the_scale_section():
    at = open_page(PAGE, "en")
    before = metric(at, "energy.scale.r_day", "en")
    at.select_slider(key=wkey(PAGE, "req")).set_value(2.5e9).run()
    assert_clean(at)
    assert qp(at, "req") == "2.5e+09"
    r = setup.default_request()
    assert metric(at, "energy.scale.r_day", "en") != before
    day_mwh = r.total("levers") * 2.5e9 / 1e6
    assert metric(at, "energy.scale.r_day", "en") == f"{fmt_num(day_mwh, 'en', 2)} MWh"


@pytest.mark.parametrize("scene", [s.id for s in content().scenes["energy"]])
def test_every_scene_opens_by_link(scene):
    at = open_page(PAGE, "nl", {"scene": scene})
    assert_clean(at)
    found = next(s for s in content().scenes["energy"] if s.id == scene)
    assert found.caption("nl") in "\n".join(str(i.value) for i in at.info)
    assert not at.warning
