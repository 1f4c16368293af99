"""The system energy model: closed forms of its traffic formulas, its parts summing to the total,
each part moving the right way when its lever moves (hypothesis), and the default chat request and
training run landing next to the published figures they are set up to mirror.

Inputs are built here from the topic models and the references directly, never typed in.
"""

from __future__ import annotations

import dataclasses
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainers.content import default_values, value
from explainers.models import ai_compute as ai
from explainers.models import interconnect as ic
from explainers.models import memory as mem
from explainers.models import system as sy

REFS = default_values()
ACCS = ai.default_accelerators(REFS)
H100 = ACCS["h100"]
LEVELS = mem.default_memory_levels(REFS)
LINKS = ic.default_links(REFS)
ANALOG = mem.default_architectures(REFS)["analog_in_memory"]

HBM = sy.Holding("hbm", LEVELS["hbm"], LEVELS["hbm"])
STACKED = sy.Holding("stacked", LEVELS["sram_8kb"], LEVELS["sram_8kb"], hop_pj_per_bit=value("ucie_3d_e"))
ANALOG_HOLD = sy.Holding("analog", None, LEVELS["hbm"], analog=ANALOG)
TODAY = sy.Wiring(LINKS["lacc"], LINKS["pluggable"], value("en_rack_m"), value("en_hall_m"), value("ph_lane_rate"))
CPO = sy.Wiring(LINKS["cpo"], LINKS["cpo"], value("en_rack_m"), value("en_hall_m"), value("ph_lane_rate"))
NODE = int(value("aic_node_gpus"))


def overheads(pue: float = None) -> sy.Overheads:
    return sy.Overheads(value("goog_share_acc") / 100, value("goog_share_host") / 100, value("goog_share_idle") / 100,
                        value("pue_uptime") if pue is None else pue)


def chat(**changes) -> sy.Chat:
    """A GPT-4o-class request as the page describes it (Epoch AI's workload), shaped like Chinchilla."""
    n = value("epoch_q_params")
    layers, d, heads = ai.transformer_shape(n, width_per_layer=value("chin_dmodel") / value("chin_layers"),
                                            head_dim=int(value("chin_head_dim")), coefficient=value("kap_12ld2"),
                                            heads_multiple=NODE)
    kv = float(ai.kv_bytes_per_token(layers, int(value("llama3_70b_kv_heads")), int(value("chin_head_dim")),
                                     value("aic_kv_bytes")))
    base = sy.Chat(n, value("epoch_q_tokens"), value("en_prompt_tokens"), value("en_batch"),
                   value("aic_bytes_per_param"), kv, layers, d, value("vllm_tp_allreduce"))
    return dataclasses.replace(base, **changes)


def cluster(count: int = NODE, acc: str = "h100") -> sy.Cluster:
    return sy.Cluster(ACCS[acc] if acc != "a100" else dataclasses.replace(ACCS["a100"],
                                                                          memory_bytes=value("a100_mem_gb") * 1e9),
                      count, NODE)


def llama_run(**changes) -> sy.TrainingRun:
    base = sy.TrainingRun(value("llama31_n"), value("llama31_d"), value("aic_bytes_per_param"),
                          value("llama3_tokens_step"), value("zero_state_bytes"), value("aic_mfu") / 100)
    return dataclasses.replace(base, **changes)


# --- closed forms ----------------------------------------------------------------------------------


def test_energy_per_operation_is_board_power_over_peak():
    assert sy.op_energy_pj(H100) == pytest.approx(value("h100_tdp") / (value("h100_bf16_dense") * 1e12) * 1e12)


def test_tensor_parallel_traffic_is_a_ring_all_reduce():
    # one chip sends nothing; t chips send 2 (t - 1) copies of each all-reduced vector
    assert sy.tensor_parallel_bits_per_token(80, 8192, 2, 1, 2) == 0
    assert sy.tensor_parallel_bits_per_token(80, 8192, 2, 8, 2) == pytest.approx(2 * 80 * 2 * 7 * 8192 * 2 * 8)
    assert sy.pipeline_bits_per_token(1, 8192, 2) == 0
    assert sy.pipeline_bits_per_token(3, 8192, 2) == pytest.approx(2 * 8192 * 2 * 8)


def test_gradient_all_reduce_of_one_copy_is_free_and_of_r_copies_two_r_minus_one_times():
    assert sy.allreduce_bits(1, 1e9, 2) == 0
    assert sy.allreduce_bits(128, 405e9, 2) == pytest.approx(2 * 127 * 405e9 * 2 * 8)


def test_chat_parts_match_the_equations():
    w, c, o = chat(), cluster(), overheads()
    p = sy.energy_parts(w, c, HBM, TODAY, o)
    e_op = sy.op_energy_pj(H100) * 1e-12
    ctx = w.prompt_tokens + w.output_tokens / 2
    tokens = w.prompt_tokens + w.output_tokens
    attention = 2 * w.layers * w.d_model * (w.output_tokens * ctx + w.prompt_tokens * w.prompt_tokens / 2)
    assert p.arithmetic_j == pytest.approx((2 * w.params * tokens + attention) * e_op, rel=1e-9)
    weight_bits = 8 * w.params * w.bytes_per_param
    kv_bits = (w.output_tokens * ctx + tokens) * w.kv_bytes_per_token * 8
    e_hbm = LEVELS["hbm"].energy_pj_per_bit * 1e-12
    assert p.memory_j == pytest.approx((w.output_tokens / w.batch + 1) * weight_bits * e_hbm + kv_bits * e_hbm)
    rack = float(ic.energy_pj_per_bit(LINKS["lacc"], value("en_rack_m"), value("ph_lane_rate"))) * 1e-12
    tp_bits = tokens * w.allreduces_per_layer * w.layers * 2 * (NODE - 1) * w.d_model * w.bytes_per_param * 8
    assert p.links_j == pytest.approx(tp_bits * rack)
    chips = p.arithmetic_j + p.memory_j + p.links_j
    assert p.host_idle_j == pytest.approx(chips * (0.25 + 0.10) / 0.58)
    assert p.facility_j == pytest.approx((value("pue_uptime") - 1) * (chips + p.host_idle_j))


def test_a_model_bigger_than_the_cluster_uses_the_accelerators_that_hold_it():
    w = chat(params=value("llama31_n"), layers=126, d_model=16384)
    p = sy.energy_parts(w, cluster(1), HBM, TODAY, overheads())
    held = w.params * w.bytes_per_param + w.batch * (w.prompt_tokens + w.output_tokens) * w.kv_bytes_per_token
    assert p.accelerators == math.ceil(held / H100.memory_bytes)
    # beyond one server the pipeline crosses racks
    assert p.link_bits > float(sy.tensor_parallel_bits_per_token(126, 16384, 2, NODE, 2)) * (
        w.prompt_tokens + w.output_tokens)


def test_training_is_refused_on_analog_cells_and_bad_inputs_raise():
    with pytest.raises(ValueError, match="inference only"):
        sy.energy_parts(llama_run(), cluster(16384), ANALOG_HOLD, TODAY, overheads())
    with pytest.raises(ValueError):
        chat(params=-1.0)
    with pytest.raises(ValueError):
        llama_run(utilisation=1.5)
    with pytest.raises(ValueError):
        sy.Overheads(0.58, 0.25, 0.10, 0.9)
    with pytest.raises(ValueError):
        sy.Holding("x", LEVELS["hbm"], LEVELS["hbm"], analog=ANALOG)


# --- properties ------------------------------------------------------------------------------------

chats = st.builds(
    lambda n, out, prompt, batch, gpus: (chat(params=n, output_tokens=out, prompt_tokens=prompt, batch=batch), gpus),
    st.floats(1e9, 5e11), st.floats(1, 1e4), st.floats(0, 8e3), st.sampled_from([1, 2, 4, 16, 64, 256]),
    st.sampled_from([1, 2, 8, 16, 64]))
holdings = st.sampled_from([HBM, STACKED, ANALOG_HOLD])
wirings = st.sampled_from([TODAY, CPO])
pues = st.floats(1.0, 2.5)


@settings(max_examples=60, deadline=None)
@given(chats, holdings, wirings, pues)
def test_parts_are_finite_non_negative_and_sum_to_the_total(case, holding, wiring, pue):
    w, gpus = case
    p = sy.energy_parts(w, cluster(gpus), holding, wiring, overheads(pue))
    parts = p.as_dict()
    assert list(parts) == list(sy.PART_NAMES)
    assert all(math.isfinite(x) and x >= 0 for x in parts.values())
    assert sum(parts.values()) == pytest.approx(p.total_j, rel=1e-12)
    assert p.total_j > 0


@settings(max_examples=40, deadline=None)
@given(chats, wirings, pues)
def test_stacked_memory_cuts_only_the_memory_part(case, wiring, pue):
    w, gpus = case
    o, c = overheads(pue), cluster(gpus)
    hbm, stacked = sy.energy_parts(w, c, HBM, wiring, o), sy.energy_parts(w, c, STACKED, wiring, o)
    assert stacked.memory_j < hbm.memory_j
    assert stacked.arithmetic_j == pytest.approx(hbm.arithmetic_j) and stacked.links_j == pytest.approx(hbm.links_j)
    assert stacked.host_idle_j < hbm.host_idle_j and stacked.facility_j <= hbm.facility_j
    assert stacked.total_j < hbm.total_j


@settings(max_examples=40, deadline=None)
@given(chats, wirings, pues)
def test_analog_cells_stop_the_weights_moving_and_cheapen_the_arithmetic(case, wiring, pue):
    w, gpus = case
    o, c = overheads(pue), cluster(gpus)
    hbm, analog = sy.energy_parts(w, c, HBM, wiring, o), sy.energy_parts(w, c, ANALOG_HOLD, wiring, o)
    assert analog.memory_j < hbm.memory_j  # only the KV cache still moves
    assert analog.arithmetic_j < hbm.arithmetic_j  # 9.76 TOPS/W against the H100's board power per FLOP
    assert analog.links_j == pytest.approx(hbm.links_j)
    assert analog.total_j < hbm.total_j


@settings(max_examples=40, deadline=None)
@given(chats, holdings, pues)
def test_co_packaged_optics_never_cost_more_and_touch_only_the_links(case, holding, pue):
    w, gpus = case
    o, c = overheads(pue), cluster(gpus)
    today, cpo = sy.energy_parts(w, c, holding, TODAY, o), sy.energy_parts(w, c, holding, CPO, o)
    assert cpo.links_j <= today.links_j
    if today.link_bits:
        assert cpo.links_j < today.links_j
    assert cpo.arithmetic_j == today.arithmetic_j and cpo.memory_j == today.memory_j


@settings(max_examples=40, deadline=None)
@given(chats, holdings, wirings, pues, pues)
def test_a_higher_pue_adds_only_to_the_facility_part(case, holding, wiring, pue_a, pue_b):
    w, gpus = case
    lo, hi = sorted((pue_a, pue_b))
    a = sy.energy_parts(w, cluster(gpus), holding, wiring, overheads(lo))
    b = sy.energy_parts(w, cluster(gpus), holding, wiring, overheads(hi))
    assert b.facility_j >= a.facility_j
    for part in ("arithmetic_j", "memory_j", "links_j", "host_idle_j"):
        assert getattr(b, part) == getattr(a, part)


@settings(max_examples=40, deadline=None)
@given(chats, st.sampled_from([HBM, STACKED]))
def test_a_bigger_batch_shares_the_weights_and_moves_less(case, holding):
    w, gpus = case
    small = sy.energy_parts(w, cluster(gpus), holding, TODAY, overheads())
    big = sy.energy_parts(dataclasses.replace(w, batch=w.batch * 4), cluster(gpus), holding, TODAY, overheads())
    if big.accelerators == small.accelerators:
        assert big.memory_j < small.memory_j and big.arithmetic_j == pytest.approx(small.arithmetic_j)


@settings(max_examples=30, deadline=None)
@given(st.floats(0.1, 0.99), st.floats(0.1, 0.99))
def test_higher_utilisation_means_less_waiting_in_training(u_a, u_b):
    lo, hi = sorted((u_a, u_b))
    a = sy.energy_parts(llama_run(utilisation=lo), cluster(16384), HBM, TODAY, overheads())
    b = sy.energy_parts(llama_run(utilisation=hi), cluster(16384), HBM, TODAY, overheads())
    assert b.host_idle_j <= a.host_idle_j and b.wait_j <= a.wait_j
    assert b.arithmetic_j == a.arithmetic_j


def test_training_cpo_cuts_the_gradient_traffic_and_stacking_the_state_traffic():
    base = sy.energy_parts(llama_run(), cluster(16384), HBM, TODAY, overheads())
    cpo = sy.energy_parts(llama_run(), cluster(16384), HBM, CPO, overheads())
    stacked = sy.energy_parts(llama_run(), cluster(16384), STACKED, TODAY, overheads())
    assert cpo.links_j < base.links_j and cpo.memory_j == base.memory_j
    assert stacked.memory_j < base.memory_j and stacked.links_j == base.links_j
    assert sum(base.as_dict().values()) == pytest.approx(base.total_j)


# --- next to the published figures -----------------------------------------------------------------


def test_default_chat_request_lands_within_2x_of_the_figures_it_mirrors():
    """Epoch AI's workload (100 billion active parameters, 500 output tokens, H100s), a 1,000-token
    prompt, 16 requests per batch, Google's split for the rest of the fleet and the average PUE."""
    p = sy.energy_parts(chat(), cluster(), HBM, TODAY, overheads())
    wh = p.total_j / 3600
    for rid in ("epoch_q_wh", "goog_prompt_wh"):
        assert 0.5 <= wh / value(rid) <= 2.0, (rid, wh)
    # the chips' own work sits next to Google's figure for the active chips alone
    assert 0.5 <= p.accelerator_j / 3600 / value("goog_active_wh") <= 2.0


def test_llama_405b_training_gpus_land_within_2x_of_meta_published_gpu_hours():
    p = sy.energy_parts(llama_run(), cluster(16384), HBM, TODAY, overheads())
    published_mwh = value("llama31_gpu_hours") * value("h100_tdp") / 1e6
    assert published_mwh == pytest.approx(value("en_llama31_gpu_mwh"), rel=1e-3)
    assert 0.5 <= p.accelerator_j / 3.6e9 / published_mwh <= 2.0
