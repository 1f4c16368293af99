"""The AI compute page's views, without Streamlit: a few sentences and readouts checked against
numbers computed here from the model module and the references directly (never typed in)."""

from __future__ import annotations

import math
import pickle

import pytest

from explainers import topics, views
from explainers.content import fmt_count, fmt_num, fmt_sci, shown, t, value
from explainers.models import ai_compute as ai
from explainers.topics.ai_compute import present

LANGS = ("en", "nl")


def _acc(slug: str) -> ai.Accelerator:
    """An accelerator straight from its reference rows (TFLOP/s, TB/s, W, GB)."""
    peak, bw, power, mem = {"a100": ("a100_bf16_dense", "a100_bw", "a100_tdp", "a100_mem_gb"),
                            "h100": ("h100_bf16_dense", "h100_bw_tbs", "h100_tdp", "h100_bw_gb")}[slug]
    return ai.Accelerator(slug, value(peak) * 1e12, value(bw) * 1e12, value(power), value(mem) * 1e9)


@pytest.mark.parametrize("lang", LANGS)
def test_chat_scene_is_memory_bound_on_two_h100s(lang):
    """Chinchilla 70B at batch 1 with a 2,048-token conversation: its BF16 weights and that one KV cache
    need two H100s, and every token reads both, so decoding waits for memory.

    (Updated for issue #11: the rate now counts the KV cache read with the weights.)"""
    view = topics.view("ai-compute", "running", lang, scene="chat_70b_b1")
    n, b, h100 = value("chin_n"), value("aic_bytes_per_param"), _acc("h100")
    ctx = value("aic_context")
    kv_token = 2 * value("chin_layers") * value("chin_heads") * value("chin_head_dim") * value("aic_kv_bytes")
    step_bytes = n * b + ctx * kv_token
    k = math.ceil(step_bytes / h100.memory_bytes)
    assert k == 2
    rate = k * h100.bandwidth_bytes_per_s / step_bytes  # one token per step, memory-bound
    assert rate < k * h100.peak_flops / (2 * n)
    rate_readout, _per, regime, _energy, saving = view.readouts
    assert rate_readout.value == fmt_num(rate, lang, 3)
    assert regime.value == t("ai_compute.run.regime.memory", lang)
    assert saving.value == t("ai_compute.run.saving_value", lang, x=fmt_num(1, lang, 2))
    assert view.fits.kind == "info"
    assert fmt_num(n * b / 1e9, lang, 3) in view.fits.text and fmt_num(ctx * kv_token / 1e9, lang, 3) in view.fits.text
    assert fmt_num(rate, lang, 3) in view.roofline.summary


@pytest.mark.parametrize("lang", LANGS)
def test_gpt3_training_readouts_and_summary(lang):
    """GPT-3 on 1,024 A100s by default: 6·N·D, the days and the MWh in the language's format."""
    view = topics.view("ai-compute", "training", lang)
    a100 = _acc("a100")
    gpus, mfu, pue = value("aic_gpus"), value("aic_mfu") / 100, value("pue_uptime")
    c = ai.training_flops(value("gpt3_n"), value("gpt3_d"))
    t_s = ai.training_time_s(c, gpus, a100.peak_flops, mfu)
    mwh = ai.training_energy_mwh(t_s, gpus, a100.power_w, pue)
    flops, days, hours, energy = view.readouts
    assert flops.value == fmt_sci(c, lang)
    assert flops.caption == t("ai_compute.train.published", lang, value=shown("gpt3_c", lang),
                              ratio=fmt_num(c / value("gpt3_c"), lang, decimals=3))
    assert days.value == fmt_num(t_s / 86400, lang, 3)
    assert hours.value == fmt_count(t_s * gpus / 3600, lang)
    assert energy.value == fmt_num(mwh, lang, 3)
    summary = view.bars.summary
    assert t("ai_compute.model.gpt3", lang) in summary and fmt_num(t_s / 86400, lang, 3) in summary
    assert fmt_num(mwh, lang, 3) in summary


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fit", ["epoch2024", "hoffmann2022"])
def test_scaling_optimum_comes_from_the_published_fit(lang, fit):
    view = present.scaling(lang, model="chinchilla", n=value("chin_n"), d=value("chin_d"), fit=fit)
    c = ai.training_flops(value("chin_n"), value("chin_d"))
    n_opt, d_opt = ai.compute_optimal(c, ai.PUBLISHED_FITS[fit])
    opt_ratio, user_ratio, opt_n, _gap = view.readouts
    assert opt_ratio.value == fmt_num(d_opt / n_opt, lang, 2)
    assert user_ratio.value == fmt_num(value("chin_d") / value("chin_n"), lang, 2)
    assert opt_n.value == fmt_count(n_opt, lang)
    assert t(f"ai_compute.fit_in_text.{fit}", lang) in view.chart.summary


def test_a_link_names_the_same_state_as_the_page():
    """A known model dictates N and D; a link that names N or D describes a custom model."""
    values, bad = topics.values_for("ai-compute", {}, "chat_70b_b1")
    assert not bad and values["model"] == "chinchilla"
    assert (values["n"], values["d"]) == (value("chin_n"), value("chin_d"))
    values, bad = topics.values_for("ai-compute", {"model": "gpt3", "n": "1e10"})
    assert not bad and values["model"] == "custom" and values["n"] == 1e10 and values["d"] == value("gpt3_d")
    values, bad = topics.values_for("ai-compute", {"n": "banana"})
    assert bad == ["n"] and values["model"] == "gpt3" and values["n"] == value("gpt3_n")


@pytest.mark.parametrize("lang", LANGS)
def test_growth_is_built_once_per_language_with_stable_recipes(lang):
    """The static growth charts: the same recipe every run, so the figure cache hits every time."""
    first, again = present.growth(lang), present.growth(lang)
    assert first is again
    for fig in views.figures(first):
        assert pickle.dumps((fig.args, dict(fig.kwargs))) == pickle.dumps((fig.args, dict(fig.kwargs)))
    growth = value("epoch_growth")
    assert fmt_sci(growth ** 10, lang) in first.gap.summary
