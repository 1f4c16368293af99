"""Tests for explainers.models.memory: roofline, energy breakdowns, analog scaling, memory wall.

Parameters come from data/references.yaml (loaded here with yaml.safe_load), never from the module.
"""

from __future__ import annotations

import dataclasses
import math
import re
from pathlib import Path

import numpy as np
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from explainers.models import memory as m

REFS_PATH = Path(__file__).resolve().parents[2] / "data" / "references.yaml"
RECALLED = "recalled, unconfirmed"


def _rows() -> dict[str, dict]:
    """data/references.yaml (plus any topic files in data/references/, which the loader also accepts)."""
    paths = (REFS_PATH, *sorted((REFS_PATH.parent / "references").glob("*.yaml")))
    return {r["id"]: r for path in paths for r in yaml.safe_load(path.read_text(encoding="utf-8"))["references"]}


ROWS = _rows()
#: What the content layer hands the models: numeric values of rows that may serve as defaults.
REFS = {
    rid: float(r["value"])
    for rid, r in ROWS.items()
    if isinstance(r.get("value"), (int, float)) and not isinstance(r.get("value"), bool) and r["confidence"] != RECALLED
}
ARCHS = m.default_architectures(REFS)
LEVELS = m.default_memory_levels(REFS)


def layer(rows=4096, cols=4096, bits=8, batch=1):
    return m.MatVecWorkload(rows=rows, cols=cols, weight_bits=bits, activation_bits=bits, batch=batch)


# --------------------------------------------------------------------------------------------------
# Reference wiring
# --------------------------------------------------------------------------------------------------


def test_reference_ids_exist_are_numeric_and_never_recalled():
    for key, rid in m.REFERENCE_IDS.items():
        assert rid in ROWS, f"{key}: {rid} not in references.yaml"
        row = ROWS[rid]
        assert row["confidence"] != RECALLED, f"{key} defaults from a recalled, unconfirmed row {rid}"
        assert isinstance(row.get("value"), (int, float)), f"{rid} has no numeric value"


def test_reference_units_match_the_yaml():
    assert set(m.REFERENCE_UNITS) == set(m.REFERENCE_IDS.values())
    for rid, (unit, factor) in m.REFERENCE_UNITS.items():
        assert ROWS[rid]["unit"] == unit, rid
        assert factor > 0


def test_assumptions_are_labelled():
    assert m.ASSUMPTIONS
    for name, (value, unit, why) in m.ASSUMPTIONS.items():
        assert math.isfinite(value), name
        assert isinstance(unit, str) and unit
        assert isinstance(why, str) and len(why) > 20


def test_per_word_figures_become_per_bit():
    # Horowitz: 10 pJ per 64-bit 8 KB read; 1.3-2.6 nJ per 64-bit DRAM access = 20-41 pJ/bit
    assert LEVELS["sram_8kb"].energy_pj_per_bit == pytest.approx(ROWS["hz_sram_8k"]["value"] / 64)
    lo = m.default_memory_levels({**REFS, "hz_dram_64": ROWS["hz_dram_64"]["low"]})["dram"].energy_pj_per_bit
    hi = m.default_memory_levels({**REFS, "hz_dram_64": ROWS["hz_dram_64"]["high"]})["dram"].energy_pj_per_bit
    assert ROWS["hz_dram_perbit"]["low"] == pytest.approx(lo, abs=0.5)
    assert ROWS["hz_dram_perbit"]["high"] == pytest.approx(hi, abs=0.5)
    assert LEVELS["register"].energy_pj_per_bit == pytest.approx(ROWS["han_rf32"]["value"] / 32)


def test_missing_reference_is_named():
    refs = dict(REFS)
    del refs["dally23_hbm"]
    with pytest.raises(KeyError, match="dally23_hbm"):
        m.default_memory_levels(refs)


def test_mac_energy_is_multiply_plus_accumulate():
    assert m.default_mac_energy_pj(REFS, "int8") == pytest.approx(REFS["hz_int_mul8"] + REFS["hz_int_add32"])
    assert m.default_mac_energy_pj(REFS, "fp16") == pytest.approx(REFS["hz_fp_mul16"] + REFS["hz_fp_add32"])
    with pytest.raises(ValueError):
        m.default_mac_energy_pj(REFS, "int4")


# --------------------------------------------------------------------------------------------------
# Ratios quoted in figures.md
# --------------------------------------------------------------------------------------------------


def test_dram_to_add_ratio_han_and_horowitz():
    # figures.md: 32-bit DRAM access / 32-bit int add = 640 / 0.1 = 6400 (Han et al. numbers)
    assert m.fetch_to_op_energy_ratio(REFS["han_dram32"] / 32, 32, REFS["hz_int_add32"]) == pytest.approx(6400)
    # Horowitz's own DRAM range per 32-bit word (1.3-2.6 nJ / 2) against the same add: 6500-13000
    ratio = m.fetch_to_op_energy_ratio(LEVELS["dram"].energy_pj_per_bit, 32, REFS["hz_int_add32"])
    assert 6500 <= ratio <= 13000


def test_chip_against_chip_is_the_ratio_of_operations_per_joule():
    # HERMES (Le Gallo et al. 2023): 9.76 TOPS/W one-phase, 2.48 TOPS/W four-phase, 8-bit in and out;
    # H100 SXM: 1978.9 TFLOP/s FP8 dense at 700 W, i.e. 2.83 TFLOP/s per W
    gpu = REFS["h100_fp8_dense"] / REFS["h100_tdp"]
    fast = m.ops_per_joule_ratio(REFS["her_1ph_eff"], REFS["h100_fp8_dense"], REFS["h100_tdp"])
    precise = m.ops_per_joule_ratio(REFS["her_4ph_eff"], REFS["h100_fp8_dense"], REFS["h100_tdp"])
    assert fast == pytest.approx(REFS["her_1ph_eff"] / gpu) and precise == pytest.approx(REFS["her_4ph_eff"] / gpu)
    # a few times at best, and below parity in the precise mode: nothing like the per-MAC corner of the model
    assert precise < 1 < fast < 10
    work = m.MatVecWorkload(rows=4096, cols=4096, weight_bits=8, activation_bits=8, batch=1)
    corner = m.energy_breakdown_pj(work, ARCHS["von_neumann_dram"]).per_mac_pj / m.energy_breakdown_pj(
        work, ARCHS["analog_in_memory"]).per_mac_pj
    assert corner > 100 * fast


@given(eff=st.floats(0.01, 1e3), peak=st.floats(0.01, 1e6), power=st.floats(0.01, 1e4), k=st.floats(0.1, 10))
def test_ops_per_joule_ratio_properties(eff, peak, power, k):
    r = m.ops_per_joule_ratio(eff, peak, power)
    assert r > 0 and math.isfinite(r)
    assert m.ops_per_joule_ratio(eff * k, peak, power) == pytest.approx(k * r)  # linear in A's efficiency
    assert m.ops_per_joule_ratio(eff, peak * k, power * k) == pytest.approx(r)  # only B's ops per joule count
    assert m.ops_per_joule_ratio(peak / power, peak, power) == pytest.approx(1.0)  # a chip against itself


def test_dram_to_sram_ratio_is_130_to_260():
    row = ROWS["hz_dram_64"]
    for value, expected in ((row["low"], 130), (row["high"], 260)):
        dram = m.default_memory_levels({**REFS, "hz_dram_64": value})["dram"]
        assert m.fetch_to_op_energy_ratio(dram.energy_pj_per_bit, 64, REFS["hz_sram_8k"]) == pytest.approx(expected)


# --------------------------------------------------------------------------------------------------
# Roofline
# --------------------------------------------------------------------------------------------------

pos = st.floats(min_value=1e-3, max_value=1e18, allow_nan=False, allow_infinity=False)


@given(peak=pos, bw=pos, intensity=st.floats(min_value=0, max_value=1e6))
def test_roofline_is_the_min_law(peak, bw, intensity):
    att = m.roofline_attainable_flops(peak, bw, intensity)
    assert att <= peak * (1 + 1e-12)
    assert att <= bw * intensity * (1 + 1e-12)
    assert att == pytest.approx(min(peak, bw * intensity), rel=1e-12)


@given(peak=pos, bw=pos)
def test_ridge_point_and_both_regimes(peak, bw):
    ridge = m.ridge_point_flop_per_byte(peak, bw)
    assert ridge * bw == pytest.approx(peak, rel=1e-12)
    assert m.roofline_attainable_flops(peak, bw, ridge) == pytest.approx(peak, rel=1e-12)
    # memory-bound below the ridge: proportional to intensity
    assert m.roofline_attainable_flops(peak, bw, ridge / 10) == pytest.approx(bw * ridge / 10, rel=1e-12)
    # compute-bound above: flat at the peak
    assert m.roofline_attainable_flops(peak, bw, ridge * 10) == pytest.approx(peak, rel=1e-12)


def test_roofline_is_vectorised():
    i = np.logspace(-2, 4, 50)
    out = m.roofline_attainable_flops(1e15, 3e12, i)
    assert out.shape == i.shape
    assert np.all(np.diff(out) >= 0)
    assert np.allclose(out, np.minimum(1e15, 3e12 * i))


def test_h100_ridge_and_regimes():
    machine = m.default_roofline_machine(REFS, "bf16")
    expected = REFS["h100_bf16_dense"] / REFS["h100_bw_tbs"]  # TFLOP/s over TB/s: units cancel
    assert machine.ridge_point_flop_per_byte == pytest.approx(expected)
    w1 = layer(batch=1)
    # batch 1 is memory-bound: time = bytes / bandwidth
    t1 = m.roofline_time_s(w1, machine.peak_flops, machine.bandwidth_bytes_per_s)
    assert t1 == pytest.approx(m.workload_bytes(w1) / machine.bandwidth_bytes_per_s)
    assert m.arithmetic_intensity_flop_per_byte(w1) < machine.ridge_point_flop_per_byte
    # a large batch is compute-bound: time = FLOP / peak
    wb = layer(batch=8192)
    assert m.arithmetic_intensity_flop_per_byte(wb) > machine.ridge_point_flop_per_byte
    tb = m.roofline_time_s(wb, machine.peak_flops, machine.bandwidth_bytes_per_s)
    assert tb == pytest.approx(m.workload_flops(wb) / machine.peak_flops)


def test_intensity_closed_form_and_batch_limit():
    r, c, b = 4096, 4096, 8
    # batch 1, 8-bit: 2 r c FLOP over r c weight bytes + (r + c) activation bytes
    assert m.arithmetic_intensity_flop_per_byte(layer(r, c, b, 1)) == pytest.approx(2 * r * c / (r * c + r + c))
    batches = np.array([1, 2, 8, 64, 512, 4096, 1e6])
    i = m.arithmetic_intensity_flop_per_byte(layer(r, c, b, batches))
    assert np.all(np.diff(i) > 0)
    # infinite batch: every weight reused, only activations move: 2 r c / (r + c)
    assert i[-1] == pytest.approx(2 * r * c / (r + c), rel=1e-2)


def test_model_workload_counts():
    w = m.ModelWorkload(parameters=7e9, bits_per_weight=16, tokens=32)
    assert m.workload_macs(w) == pytest.approx(7e9 * 32)
    assert m.workload_bytes(w) == pytest.approx(7e9 * 2)
    assert m.arithmetic_intensity_flop_per_byte(w) == pytest.approx(32.0)  # 2 FLOP/param/token over 2 B/param


# --------------------------------------------------------------------------------------------------
# Energy breakdowns
# --------------------------------------------------------------------------------------------------

workloads = st.builds(
    m.MatVecWorkload,
    rows=st.integers(1, 100_000),
    cols=st.integers(1, 100_000),
    weight_bits=st.integers(1, 32),
    activation_bits=st.integers(1, 32),
    batch=st.integers(1, 10_000),
)


@given(w=workloads, arch=st.sampled_from(sorted(ARCHS)))
def test_breakdowns_add_up_and_are_non_negative(w, arch):
    e = m.energy_breakdown_pj(w, ARCHS[arch])
    parts = (e.compute_pj, e.weight_movement_pj, e.activation_movement_pj, e.converters_pj)
    assert all(math.isfinite(p) and p >= 0 for p in parts)
    assert e.data_movement_pj == pytest.approx(e.weight_movement_pj + e.activation_movement_pj, rel=1e-12)
    assert e.total_pj == pytest.approx(e.compute_pj + e.data_movement_pj + e.converters_pj, rel=1e-12)
    if ARCHS[arch].kind is not m.ArchitectureKind.ANALOG_IN_MEMORY:
        assert e.converters_pj == 0
    else:
        assert e.weight_movement_pj == 0


model_workloads = st.builds(
    m.ModelWorkload, parameters=st.floats(1e3, 1e13), bits_per_weight=st.integers(1, 32), tokens=st.integers(1, 10_000)
)


@given(w=model_workloads, arch=st.sampled_from(sorted(ARCHS)))
def test_model_breakdowns_add_up(w, arch):
    e = m.energy_breakdown_pj(w, ARCHS[arch])
    assert e.total_pj == pytest.approx(e.compute_pj + e.data_movement_pj + e.converters_pj, rel=1e-12)
    assert e.total_pj > 0


def test_data_movement_dominates_batch_1_from_dram():
    e = m.energy_breakdown_pj(layer(batch=1), ARCHS["von_neumann_dram"])
    assert e.data_movement_pj > 100 * e.compute_pj
    assert e.data_movement_share > 0.99
    # ... and still dominates at batch 64 (DRAM is that expensive), though 64x less per MAC
    e64 = m.energy_breakdown_pj(layer(batch=64), ARCHS["von_neumann_dram"])
    assert e64.data_movement_pj > e64.compute_pj
    assert e.per_mac_pj / e64.per_mac_pj > 50


def test_memory_hierarchy_orders_the_totals():
    w = layer(batch=1)
    tot = {k: m.energy_breakdown_pj(w, a).total_pj for k, a in ARCHS.items()}
    assert tot["von_neumann_dram"] > tot["von_neumann_hbm"] > tot["von_neumann_sram"] > tot["near_memory"]
    assert tot["near_memory"] > tot["analog_in_memory"]


def test_batching_reuses_weights_only_on_digital_machines():
    batches = np.array([1, 4, 16, 64, 256])
    w = layer(batch=batches)
    vn = m.energy_breakdown_pj(w, ARCHS["von_neumann_hbm"])
    assert np.allclose(vn.weight_movement_pj, vn.weight_movement_pj[0])  # fetched once per batch
    assert np.allclose(vn.compute_pj / batches, vn.compute_pj[0])  # every input does every MAC
    assert np.allclose(vn.activation_movement_pj / batches, vn.activation_movement_pj[0])
    assert np.all(np.diff(vn.per_mac_pj) < 0)
    an = m.energy_breakdown_pj(w, ARCHS["analog_in_memory"])
    assert np.allclose(an.total_pj / batches, an.total_pj[0])  # nothing to amortise
    # vectorised result equals the scalar one
    for i, b in enumerate(batches):
        assert m.energy_breakdown_pj(layer(batch=int(b)), ARCHS["von_neumann_hbm"]).total_pj == pytest.approx(
            vn.total_pj[i]
        )


def test_analog_untiled_cost_grows_with_edges_not_area():
    arch = dataclasses.replace(ARCHS["analog_in_memory"], tile_rows=None, tile_cols=None)
    assert arch.dac_energy_pj > 0 and arch.adc_energy_pj > 0

    def conv(r, c):
        return m.energy_breakdown_pj(layer(r, c), arch).converters_pj

    # exactly one DAC per row and one ADC per column
    assert conv(300, 700) == pytest.approx(300 * arch.dac_energy_pj + 700 * arch.adc_energy_pj)
    # doubling both sides: area x4, converters x2
    assert conv(2048, 2048) / conv(1024, 1024) == pytest.approx(2.0)
    # same edge sum, very different area: same converter cost (DAC and ADC cost alike by default)
    assert arch.dac_energy_pj == arch.adc_energy_pj
    assert conv(100, 3900) == pytest.approx(conv(2000, 2000))
    # the in-array part does follow the area
    e1, e2 = (m.energy_breakdown_pj(layer(n, n), arch) for n in (1024, 2048))
    assert e2.compute_pj / e1.compute_pj == pytest.approx(4.0)


def test_analog_tiled_conversions_and_sourced_efficiency():
    arch = ARCHS["analog_in_memory"]
    tr, tc = arch.tile_rows, arch.tile_cols
    dac, adc = m.converter_conversions(layer(1000, 600), arch)
    assert dac == 1000 * math.ceil(600 / tc)
    assert adc == 600 * math.ceil(1000 / tr)
    # filled tiles reproduce the chip's efficiency, whatever the converter/array split:
    # 2 ops per MAC at her_1ph_eff TOPS/W (= ops per pJ)
    for n in (tr, 4 * tr, 16 * tr):
        e = m.energy_breakdown_pj(layer(n, n), arch)
        per_mac = (e.compute_pj + e.converters_pj) / e.macs
        assert per_mac == pytest.approx(2.0 / REFS["her_1ph_eff"], rel=1e-12)


def test_analog_model_workload_needs_tiles():
    w = m.ModelWorkload(parameters=1e9, bits_per_weight=8, tokens=1)
    untiled = dataclasses.replace(ARCHS["analog_in_memory"], tile_rows=None)
    with pytest.raises(ValueError):
        m.energy_breakdown_pj(w, untiled)
    e = m.energy_breakdown_pj(w, ARCHS["analog_in_memory"])
    assert e.per_mac_pj == pytest.approx(2.0 / REFS["her_1ph_eff"], rel=1e-12)


def test_bad_inputs_raise():
    with pytest.raises(ValueError):
        m.energy_breakdown_pj(layer(rows=0), ARCHS["von_neumann_dram"])
    with pytest.raises(ValueError):
        m.roofline_attainable_flops(-1, 1, 1)
    with pytest.raises(ValueError):
        dataclasses.replace(ARCHS["near_memory"], mac_energy_pj=-1.0)


# --------------------------------------------------------------------------------------------------
# Memory wall
# --------------------------------------------------------------------------------------------------


def test_growth_curves_match_the_published_20_year_factors():
    rates = m.default_growth_rates(REFS)
    for key, rid in (("compute", "mw_flops"), ("dram_bandwidth", "mw_dram"), ("interconnect_bandwidth", "mw_ic")):
        text = ROWS[rid]["context"]["en"]  # e.g. "~60,000x over 20 years"
        factor, years = re.search(r"~([\d,]+)x over (\d+) years", text).groups()
        published = float(factor.replace(",", ""))
        assert m.growth_curve(rates[key], float(years)) == pytest.approx(published, rel=0.15), key


@given(f=st.floats(1.0, 10.0), years=st.lists(st.floats(0, 40), min_size=2, max_size=20))
def test_growth_curve_properties(f, years):
    y = np.sort(np.array(years))
    g = m.growth_curve(f, y)
    assert np.all(np.isfinite(g)) and np.all(g >= 1.0)
    assert np.all(np.diff(g) >= -1e-12 * g[1:])
    assert m.growth_curve(f, 0.0) == 1.0
    assert m.growth_curve(f, 4.0) == pytest.approx(f * f)


@settings(max_examples=50)
@given(b=st.integers(1, 100_000))
def test_intensity_finite_positive(b):
    i = m.arithmetic_intensity_flop_per_byte(layer(batch=b))
    assert math.isfinite(i) and i > 0
