"""Decoding with the KV cache (issue #11): serving 64 conversations does not cut energy per token 64x.

Every expected number is worked out here from the reference rows with the closed forms of a
decode step (bytes read = weights + batch x context x KV bytes per token; KV bytes per token =
2 x layers x K/V heads x head width x bytes), never copied from the code.
"""

from __future__ import annotations

import math

import pytest

from explainers import topics
from explainers.content import fmt_num, t, value

LANGS = ("en", "nl")
GB = 1e9


def _h100() -> dict[str, float]:
    return {"bw": value("h100_bw_tbs") * 1e12, "peak": value("h100_bf16_dense") * 1e12, "power": value("h100_tdp"),
            "mem": value("h100_bw_gb") * GB}


def _chinchilla_kv_per_token(bytes_per_value: float, kv_heads: float | None = None) -> float:
    heads = value("chin_heads") if kv_heads is None else kv_heads
    return 2 * value("chin_layers") * heads * value("chin_head_dim") * bytes_per_value


def _energy_per_token(batch: int, kv_per_token: float, ctx: float) -> float:
    """Memory-bound energy per token: power / bandwidth x bytes per step / batch (any number of H100s)."""
    h = _h100()
    weights = value("chin_n") * value("aic_bytes_per_param")
    return h["power"] / h["bw"] * (weights + batch * ctx * kv_per_token) / batch


def test_chinchilla_kv_cache_of_64_conversations_outgrows_two_h100s():
    """Hoffmann et al. Table 4: 80 layers, 64 heads of 128 (= d_model 8,192), no grouped-query attention:
    2 x 80 x 8,192 x 2 bytes = 2.6 MB per token at 16 bits; 64 x 2,048 tokens is ~344 GB."""
    kv = _chinchilla_kv_per_token(2)
    assert value("chin_heads") * value("chin_head_dim") == value("chin_dmodel")
    assert kv == pytest.approx(2 * value("chin_layers") * value("chin_dmodel") * 2)
    assert kv / 1e6 == pytest.approx(2.62, abs=0.01)
    cache = 64 * value("aic_context") * kv
    assert cache / GB == pytest.approx(344, abs=1)
    two = 2 * _h100()["mem"]
    assert cache > two - value("chin_n") * value("aic_bytes_per_param")  # no room next to the weights
    # grouped-query attention with 8 K/V heads (Llama 3 70B) holds 8x less
    assert _chinchilla_kv_per_token(2, value("llama3_70b_kv_heads")) == pytest.approx(kv / 8)


@pytest.mark.parametrize("lang", LANGS)
def test_serving_64_saves_19_to_29_times_not_64(lang):
    """The saving of batching is the batch-1 energy per token over the batch-64 one, with the cache read
    for each request: ~19x with a 16-bit cache, ~29x with an 8-bit one, where weights only would say 64x."""
    ctx = value("aic_context")
    savings = {b: _energy_per_token(1, _chinchilla_kv_per_token(b), ctx) / _energy_per_token(64,
               _chinchilla_kv_per_token(b), ctx) for b in (1.0, 2.0)}
    assert 18 < savings[2.0] < 20 and 28 < savings[1.0] < 30
    view = topics.view("ai-compute", "running", lang, scene="serve_70b_b64")
    assert view.saving == pytest.approx(savings[value("aic_kv_bytes")], rel=1e-9)
    assert (view.saving_low, view.saving_high) == pytest.approx((savings[2.0], savings[1.0]), rel=1e-9)
    readout = next(r for r in view.readouts if r.claim == "ai_compute.decode_saving")
    assert readout.value == t("ai_compute.run.saving_value", lang, x=fmt_num(savings[2.0], lang, 2))
    assert fmt_num(savings[2.0], lang, 2) in readout.caption and fmt_num(savings[1.0], lang, 2) in readout.caption
    assert fmt_num(64, lang, 2) in readout.caption  # what leaving out the cache would have promised
    assert fmt_num(savings[2.0], lang, 2) in view.energy.summary


@pytest.mark.parametrize("lang", LANGS)
def test_serve_scene_memory_check_counts_the_cache_and_splits_over_one_server(lang):
    """Weights 140 GB + cache 344 GB = 484 GB: seven H100s' worth of memory; tensor parallelism takes a
    power of two that divides the 64 heads, within one server of eight: 8 H100s."""
    h = _h100()
    total = value("chin_n") * value("aic_bytes_per_param") + 64 * value("aic_context") * _chinchilla_kv_per_token(2)
    need = math.ceil(total / h["mem"])
    assert need == 7
    tp = min(p for p in (1, 2, 4, 8, 16, 32, 64) if p >= need and value("chin_heads") % p == 0)
    assert tp <= value("aic_node_gpus")
    view = topics.view("ai-compute", "running", lang, scene="serve_70b_b64")
    assert (view.memory_accelerators, view.accelerators) == (need, tp)
    assert view.fits.kind == "info"
    for number in (fmt_num(total / GB, lang, 3), fmt_num(need, lang), fmt_num(tp, lang)):
        assert number in view.fits.text, (number, view.fits.text)
    # the rate: one step reads the weights and all 64 caches from 8 H100s at once
    rate = 64 * tp * h["bw"] / total
    assert view.rate == pytest.approx(rate, rel=1e-9)
    assert view.readouts[0].value == fmt_num(rate, lang, 3)


@pytest.mark.parametrize("lang", LANGS)
def test_llama_405b_needs_eleven_h100s_of_memory_and_sixteen_in_practice(lang):
    """810 GB of weights and one 2,048-token cache (8 K/V heads) need 11 H100s' worth of memory; tensor
    parallelism stops at one server of 8 (and 8 divides the 128 heads), so pipeline stages over two servers:
    TP 8 x PP 2 = 16."""
    kv = 2 * value("llama31_layers") * value("llama31_kv_heads") * value("llama31_head_dim") * value("aic_kv_bytes")
    total = value("llama31_n") * value("aic_bytes_per_param") + value("aic_context") * kv
    need = math.ceil(total / _h100()["mem"])
    node = value("aic_node_gpus")
    assert need == 11 and need > node and value("llama31_heads") % node == 0
    stages = math.ceil(need / node)
    view = topics.view("ai-compute", "running", lang, scene="llama405_h100")
    assert view.memory_accelerators == need
    assert view.accelerators == node * stages == 16
    assert t("ai_compute.run.split_pp", lang, k=fmt_num(16, lang), tp=fmt_num(node, lang), pp=fmt_num(stages, lang),
             copies=fmt_num(1, lang), heads=fmt_num(value("llama31_heads"), lang),
             layers=fmt_num(value("llama31_layers"), lang), node=fmt_num(node, lang)) in view.fits.text


@pytest.mark.parametrize("lang", LANGS)
def test_a_chat_at_2k_context_is_never_compute_bound_on_h100(lang):
    """Reading one request's cache (2,048 x 2.6 MB at 3.35 TB/s) takes longer than its 2 N + attention FLOP at
    the dense peak, so no batch turns decoding compute-bound: the page says so instead of naming a ridge."""
    h = _h100()
    ctx = value("aic_context")
    kv_time = ctx * _chinchilla_kv_per_token(2) / h["bw"]
    flop = 2 * value("chin_n") + 2 * value("chin_layers") * ctx * value("chin_dmodel")
    assert kv_time > flop / h["peak"]
    view = topics.view("ai-compute", "running", lang, scene="chat_70b_b1")
    regime = next(r for r in view.readouts if r.claim == "ai_compute.decode_regime")
    assert regime.value == t("ai_compute.run.regime.memory", lang)
    assert regime.help == t("ai_compute.run.regime_help_never", lang, ctx=fmt_num(ctx, lang, 6))


def test_grouped_query_attention_saves_more_and_an_8_bit_cache_more_still():
    """8 shared K/V heads cut the cache 8x, so the saving of batch 64 comes closer to 64 (but stays below)."""
    ctx = value("aic_context")
    gqa = _chinchilla_kv_per_token(2, value("llama3_70b_kv_heads"))
    expected = _energy_per_token(1, gqa, ctx) / _energy_per_token(64, gqa, ctx)
    view = topics.view("ai-compute", "running", "en", {"kvh": "gqa8"}, scene="serve_70b_b64")
    assert view.saving == pytest.approx(expected, rel=1e-9)
    assert 29 < view.saving < 64
