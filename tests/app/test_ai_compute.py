"""The AI compute page: both languages clean, readouts equal the model, the URL sets and records the
controls, a bad value falls back with one notice, batching changes the decode readouts, scenes work.

Expected numbers are computed here from the references and the model module directly, never typed in.
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from explainers.content import fmt_num, fmt_sci, shown, t, value
from explainers.models import ai_compute as ai
from explainers.topics import ai_compute as pkg
from explainers.topics.ai_compute import present
from explainers.topics.ai_compute import setup as aic_setup

from .conftest import APP, assert_clean, plotly_specs, qp, visible_text, wkey

PAGE = "app_pages/ai_compute.py"


def open_ai(lang: str = "en", params: dict | None = None) -> AppTest:
    """Open the page as a deep link would.

    The page's url_path (`ai-compute`) differs from its file name, and AppTest can only find such a
    page after a first run has registered the navigation (see AppTest.switch_page). So: one run to
    register the pages, then the URL parameters, then the switch.
    """
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["lang"] = lang
    at.run()
    for key, val in (params or {}).items():
        at.query_params[key] = val
    at.switch_page(PAGE)
    at.run()
    assert at.title and at.title[0].value == t("ai_compute.title", lang), "landed on the AI compute page"
    return at


def wstate(at: AppTest, key: str):
    return at.session_state[wkey("ai-compute", key)]


def metric(at: AppTest, label_key: str, lang: str, **values) -> str:
    label = t(f"ai_compute.{label_key}", lang, **values)
    found = [m.value for m in at.metric if m.label == label]
    assert len(found) == 1, f"readout {label!r} not found once: {[m.label for m in at.metric]}"
    return found[0]


def expected_training(slug: str, acc: str, gpus: float, mfu_pct: float, pue: float):
    n, d, _ = (value(r) for r in pkg.MODEL_ROWS[slug])
    a = aic_setup.parameters().accelerators[acc]
    c = ai.training_flops(n, d)
    t_s = ai.training_time_s(c, gpus, a.peak_flops, mfu_pct / 100)
    return c, t_s, ai.training_energy_mwh(t_s, gpus, a.power_w, pue)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_page_is_clean_in_both_languages(lang):
    at = open_ai(lang)
    assert_clean(at)
    text = visible_text(at)
    assert "ai_compute." not in text, re.findall(r"ai_compute\.[\w.]+", text)[:5]
    specs = plotly_specs(at)
    assert len(specs) == 6
    for spec in specs:
        layout = spec["layout"]
        assert layout["separators"] == (",." if lang == "nl" else ".,")
        for axis in ("xaxis", "yaxis"):
            assert layout[axis]["title"]["text"].strip()
    assert not at.warning


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_gpt3_on_a100_readouts_match_the_model(lang):
    at = open_ai(lang)
    assert wstate(at, "model") == "gpt3" and wstate(at, "acc") == "a100"
    gpus, mfu, pue = wstate(at, "gpus"), wstate(at, "mfu"), wstate(at, "pue")
    assert (gpus, mfu, pue) == (value("aic_gpus"), value("aic_mfu"), value("pue_uptime"))
    c, t_s, mwh = expected_training("gpt3", "a100", gpus, mfu, pue)
    assert metric(at, "train.flops", lang) == fmt_sci(c, lang)
    assert metric(at, "train.days", lang) == fmt_num(t_s / 86400, lang, 3)
    assert metric(at, "train.mwh", lang) == fmt_num(mwh, lang, 3)
    assert metric(at, "train.acc_hours", lang) == present.count_words(t_s * gpus / 3600, lang)


def test_published_compute_is_shown_next_to_6nd_for_gpt3():
    at = open_ai("nl")
    published = shown("gpt3_c", "nl")
    captions = [c.value for c in at.caption if published in c.value]
    assert captions, "the published GPT-3 compute appears in a caption"
    c = ai.training_flops(value("gpt3_n"), value("gpt3_d"))
    assert fmt_num(c / value("gpt3_c"), "nl", decimals=3) in captions[0]
    assert metric(at, "train.flops", "nl") == fmt_sci(c, "nl")


def test_url_sets_the_controls():
    params = {"model": "chinchilla", "acc": "h100", "gpus": "4096", "mfu": "35", "pue": "1.3", "batch": "64",
              "fit": "hoffmann2022"}
    at = open_ai("en", params)
    assert_clean(at)
    assert not at.warning
    assert wstate(at, "model") == "chinchilla" and wstate(at, "acc") == "h100"
    assert wstate(at, "gpus") == 4096 and wstate(at, "mfu") == 35 and wstate(at, "batch") == 64
    assert wstate(at, "pue") == pytest.approx(1.3) and wstate(at, "fit") == "hoffmann2022"
    # a known model dictates N and D
    assert wstate(at, "n") == value("chin_n") and wstate(at, "d") == value("chin_d")
    c, t_s, mwh = expected_training("chinchilla", "h100", 4096, 35, 1.3)
    assert metric(at, "train.mwh", "en") == fmt_num(mwh, "en", 3)
    for key, raw in params.items():
        assert qp(at, key) == raw


def test_custom_model_comes_from_the_url():
    at = open_ai("en", {"model": "custom", "n": "1e10", "d": "2e11"})
    assert_clean(at)
    assert wstate(at, "model") == "custom"
    assert wstate(at, "n") == 1e10 and wstate(at, "d") == 2e11
    assert metric(at, "train.flops", "en") == fmt_sci(ai.training_flops(1e10, 2e11), "en")
    assert any(c.value == t("ai_compute.train.no_published", "en") for c in at.caption)


@pytest.mark.parametrize("raw", ["abc", "-5", "1e99", "nan"])
def test_a_bad_gpus_value_falls_back_with_one_notice(raw):
    at = open_ai("en", {"gpus": raw})
    assert not at.exception
    assert len(at.warning) == 1 and "gpus" in at.warning[0].value
    assert wstate(at, "gpus") == value("aic_gpus")
    assert qp(at, "gpus") is None


def test_changing_batch_changes_tokens_per_second_and_the_url():
    at = open_ai("en")
    before = metric(at, "run.rate", "en")
    at.select_slider(key=wkey("ai-compute", "batch")).set_value(64).run()
    assert_clean(at)
    assert qp(at, "batch") == "64"
    after = metric(at, "run.rate", "en")
    assert after != before
    expected = aic_setup.decode("gpt3", value("gpt3_n"), "a100", 64, value("aic_context"), value("aic_kv_bytes"), "own")
    assert after == fmt_num(expected.rate_at, "en", 3)


def test_moving_n_turns_the_model_custom_and_picking_a_model_sets_n():
    at = open_ai("en")
    at.select_slider(key=wkey("ai-compute", "n")).set_value(1e10).run()
    assert_clean(at)
    assert wstate(at, "model") == "custom" and qp(at, "model") == "custom"
    assert qp(at, "n") == "1e+10"
    assert wstate(at, "d") == value("gpt3_d")  # D unchanged
    at.segmented_control(key=wkey("ai-compute", "model")).set_value("llama31_405b").run()
    assert_clean(at)
    assert wstate(at, "n") == value("llama31_n") and wstate(at, "d") == value("llama31_d")
    assert qp(at, "model") == "llama31_405b" and qp(at, "n") is None and qp(at, "d") is None


def _decode(model: str, acc: str, batch: int):
    return aic_setup.decode(model, value(pkg.MODEL_ROWS[model][0]), acc, batch, value("aic_context"),
                            value("aic_kv_bytes"), "own")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_chat_scene_is_memory_bound_and_batch_64_is_faster(lang):
    """(Updated for issue #11: the memory check counts the KV cache, and 64 requests of 2,048 tokens
    need more H100s than the weights alone; energy per token falls, by less than 64x.)"""
    chat = open_ai(lang, {"scene": "chat_70b_b1"})
    assert_clean(chat)
    assert not chat.warning
    assert metric(chat, "run.regime_label", lang) == t("ai_compute.run.regime.memory", lang)
    # 70B in BF16 and one conversation's KV cache do not fit in one H100: the page says so, in a box
    one = _decode("chinchilla", "h100", 1)
    assert one.n_acc == 2
    boxes = [i.value for i in chat.info]
    assert any(fmt_num(one.weights_gb, lang, 3) in b and fmt_num(one.kv_gb, lang, 3) in b for b in boxes), boxes

    serve = open_ai(lang, {"scene": "serve_70b_b64"})
    assert_clean(serve)
    many = _decode("chinchilla", "h100", 64)
    assert many.rate_at > one.rate_at
    assert metric(chat, "run.rate", lang) == fmt_num(one.rate_at, lang, 3)
    assert metric(serve, "run.rate", lang) == fmt_num(many.rate_at, lang, 3)
    assert many.energy_at < one.energy_at
    assert 1 < one.energy_at / many.energy_at < 64
    assert metric(serve, "run.saving", lang) == t("ai_compute.run.saving_value", lang,
                                                  x=fmt_num(one.energy_at / many.energy_at, lang, 2))


def test_sources_panel_lists_every_id_the_page_uses():
    at = open_ai("en")
    text = visible_text(at)
    for rid in pkg.reference_ids():
        assert f"`{rid}`" in text, rid
    for rid in ai.REFERENCE_IDS.values():
        if rid.startswith(("a100", "h100", "b200")) or rid in ("pue_uptime", "epoch_growth", "hof_ratio"):
            assert rid in pkg.reference_ids(), rid


def test_new_reference_rows_agree_with_the_model_facts():
    """The size/token rows added for this page say what the model's MODEL_FACTS say."""
    for slug, (n_row, d_row, c_row) in pkg.MODEL_ROWS.items():
        params, tokens, _source, _year = ai.MODEL_FACTS[slug]
        assert value(n_row) == params and value(d_row) == tokens
        assert ai.training_flops(params, tokens) == pytest.approx(value(c_row), rel=0.02)
    assert value("aic_mfu") / 100 == ai.ASSUMPTIONS["utilisation"][0]
    assert value("aic_bytes_per_param") == ai.ASSUMPTIONS["bytes_per_param"][0]
    assert value("aic_gpus") == ai.ASSUMPTIONS["accelerators"][0]


def test_kv_cache_controls_come_from_the_url_and_move_the_readouts():
    """(Issue #11) Context, KV precision and grouped-query attention are URL keys: a link to 64 conversations
    of 8,192 tokens with an 8-bit cache shared by 8 K/V heads shows that state, and the saving readout is
    batch-1 energy over batch-64 energy for it."""
    params = {"scene": "serve_70b_b64", "ctx": "8192", "kvb": "1", "kvh": "gqa8"}
    at = open_ai("en", params)
    assert_clean(at)
    assert not at.warning
    assert wstate(at, "ctx") == 8192 and wstate(at, "kvb") == 1.0 and wstate(at, "kvh") == "gqa8"
    dec = aic_setup.decode("chinchilla", value("chin_n"), "h100", 64, 8192, 1.0, "gqa8")
    assert metric(at, "run.rate", "en") == fmt_num(dec.rate_at, "en", 3)
    assert metric(at, "run.saving", "en") == t("ai_compute.run.saving_value", "en", x=fmt_num(dec.saving, "en", 2))
    for key in ("ctx", "kvb", "kvh"):
        assert qp(at, key) == params[key]
