"""Tests for explainers.models.optics: fibre loss, WDM arithmetic, Mach-Zehnder interferometers."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import numpy as np
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from explainers.models import optics as op

REFERENCES = Path(__file__).resolve().parents[2] / "data" / "references.yaml"
_DATA = yaml.safe_load(REFERENCES.read_text(encoding="utf-8"))
ROWS = {row["id"]: row for row in _DATA["references"]}
REFS = {ref_id: row.get("value") for ref_id, row in ROWS.items()}

FAST = settings(max_examples=50, deadline=None)
PHASES = st.floats(-20.0, 20.0, allow_nan=False)


# --------------------------------------------------------------------------- sources


@pytest.mark.parametrize(("slug", "ref_id"), list(op.REFERENCE_IDS.items()))
def test_reference_rows_exist_are_confirmed_and_in_the_right_unit(slug, ref_id):
    row = ROWS[ref_id]
    assert row["confidence"] != "recalled, unconfirmed"
    assert row["unit"] == op.REFERENCE_UNITS[slug]
    assert isinstance(row["value"], (int, float)) and row["value"] > 0


def test_assumptions_are_labelled_numbers():
    for name, (value, unit, why) in op.ASSUMPTIONS.items():
        assert isinstance(value, float) and math.isfinite(value), name
        assert unit and len(why) > 15, name


def test_default_fibres_follow_the_physics():
    fibres = op.default_fibres(REFS)
    assert set(fibres) == set(op.REFERENCE_IDS)
    for fibre in fibres.values():
        assert fibre.attenuation_db_per_km == REFS[fibre.reference_id]
    # silica loses less at 1550 nm than at 1310 nm; ultra-low-loss fibre beats standard fibre
    assert fibres["g652_1550"].attenuation_db_per_km < fibres["g652_1310"].attenuation_db_per_km
    assert fibres["ull_1550"].attenuation_db_per_km < fibres["g652_1550"].attenuation_db_per_km
    assert fibres["ull_1310"].attenuation_db_per_km < fibres["g652_1310"].attenuation_db_per_km
    assert fibres["record_1560"].attenuation_db_per_km < fibres["ull_1550"].attenuation_db_per_km
    with pytest.raises(KeyError):
        op.default_fibres({})


# --------------------------------------------------------------------------- fibre loss


def test_fibre_loss_closed_form():
    assert op.fibre_output_power_dbm(0.0, 100.0, 0.2) == pytest.approx(-20.0)
    assert op.fibre_output_power_dbm(3.0, 0.0, 0.35) == pytest.approx(3.0)
    # 80 km of standard fibre at 1550 nm
    assert op.fibre_output_power_dbm(0.0, 80.0, REFS["fib_g652_1550"]) == pytest.approx(-17.6)
    out = op.fibre_output_power_dbm(0.0, np.array([0.0, 10.0, 50.0]), 0.2)
    np.testing.assert_allclose(out, [0, -2, -10])


@FAST
@given(st.floats(-10, 20), st.floats(0, 500), st.floats(0.1, 0.5), st.floats(0, 500))
def test_fibre_loss_is_linear_in_decibels(p_in, d1, alpha, d2):
    p1 = op.fibre_output_power_dbm(p_in, d1, alpha)
    p2 = op.fibre_output_power_dbm(p_in, d2, alpha)
    assert p_in - p1 == pytest.approx(alpha * d1, abs=1e-9)
    assert (p1 >= p2) == (d1 <= d2) or p1 == pytest.approx(p2)
    # in linear units the loss multiplies: P_out/P_in = 10**(-alpha L / 10)
    ratio = op.dbm_to_mw(p1) / op.dbm_to_mw(p_in)
    assert ratio == pytest.approx(10 ** (-alpha * d1 / 10), rel=1e-9)


def test_dbm_and_milliwatts():
    assert op.dbm_to_mw(0.0) == pytest.approx(1.0)
    assert op.dbm_to_mw(10.0) == pytest.approx(10.0)
    assert op.dbm_to_mw(-30.0) == pytest.approx(1e-3)
    assert op.mw_to_dbm(1.0) == pytest.approx(0.0)
    assert op.mw_to_dbm(0.0) == -math.inf


@FAST
@given(st.floats(-60, 40))
def test_dbm_round_trip(p):
    assert op.mw_to_dbm(op.dbm_to_mw(p)) == pytest.approx(p, abs=1e-9)


def test_reach_and_margin_agree():
    assert op.optical_reach_km(20.0, 0.2) == pytest.approx(100.0)
    assert op.optical_reach_km(-3.0, 0.2) == 0.0
    with pytest.raises(ValueError):
        op.optical_reach_km(10.0, 0.0)
    # at the reach the margin is exactly zero
    budget = 0.0 - (-14.0) - 2.0  # launch - sensitivity - other losses
    reach = op.optical_reach_km(budget, 0.35)
    assert op.link_margin_db(0.0, -14.0, reach, 0.35, 2.0) == pytest.approx(0.0, abs=1e-12)
    assert op.link_margin_db(0.0, -14.0, reach / 2, 0.35, 2.0) > 0


def test_sharing_a_laser_among_channels_costs_ten_log_n():
    assert op.per_channel_power_dbm(10.0, 1) == pytest.approx(10.0)
    assert op.per_channel_power_dbm(10.0, 10) == pytest.approx(0.0)
    assert op.per_channel_power_dbm(0.0, 8) == pytest.approx(-9.0309, abs=1e-4)
    with pytest.raises(ValueError):
        op.per_channel_power_dbm(0.0, 0)


@FAST
@given(st.floats(-10, 20), st.integers(1, 128))
def test_channel_powers_add_back_to_the_total(total_dbm, n):
    each = op.per_channel_power_dbm(total_dbm, n)
    assert op.mw_to_dbm(n * op.dbm_to_mw(each)) == pytest.approx(total_dbm, abs=1e-9)


# --------------------------------------------------------------------------- WDM


def test_wdm_capacity():
    assert op.wdm_capacity_gbps(44, 100.0) == pytest.approx(4400.0)
    assert op.wdm_capacity_gbps(8, 32.0) == pytest.approx(256.0)  # Intel OCI: 8 lambdas x 32G
    capacity = op.wdm_capacity_gbps(np.array([1, 44, 88]), 400.0)
    np.testing.assert_allclose(capacity, [400, 17600, 35200])


def test_channel_counts_match_the_grid_arithmetic():
    assert op.wdm_channel_count(4400.0, 100.0) == 44
    assert op.wdm_channel_count(4400.0, 100.0) == REFS["dwdm_count_100ghz"]
    assert op.wdm_channel_count(4400.0, 50.0) == REFS["dwdm_count_50ghz"]
    assert op.wdm_channel_count(0.3, 0.1) == 3  # exact ratios do not floor one short
    assert op.wdm_channel_count(99.9, 100.0) == 0
    with pytest.raises(ValueError):
        op.wdm_channel_count(4400.0, 0.0)


@FAST
@given(st.floats(0, 1e5), st.sampled_from([12.5, 25.0, 50.0, 100.0, 200.0]))
def test_channel_count_is_the_largest_that_fits(band, spacing):
    n = op.wdm_channel_count(band, spacing)
    assert n * spacing <= band * (1 + 1e-9)
    assert (n + 1) * spacing > band


def test_c_band_is_about_4_4_thz_and_holds_about_44_channels():
    width = op.band_width_ghz(*op.C_BAND_NM)
    assert width == pytest.approx(4400.0, rel=0.01)
    assert abs(op.wdm_channel_count(width, 100.0) - REFS["dwdm_count_100ghz"]) <= 1


def test_100_ghz_is_about_0_8_nm_at_1550_nm():
    assert op.ghz_to_nm(100.0, 1550.0) == pytest.approx(0.8, rel=0.01)
    assert op.ghz_to_nm(100.0) == pytest.approx(0.8, rel=0.01)  # at the 193.1 THz anchor
    assert op.ITU_ANCHOR_WAVELENGTH_NM == pytest.approx(1552.52, abs=0.01)


@FAST
@given(st.floats(1, 1000), st.floats(800, 1700))
def test_ghz_nm_round_trip_and_small_spacing_limit(spacing_ghz, wavelength_nm):
    nm = op.ghz_to_nm(spacing_ghz, wavelength_nm)
    assert op.nm_to_ghz(nm, wavelength_nm) == pytest.approx(spacing_ghz, rel=1e-12)
    # the linearised formula agrees with the exact difference c/f1 - c/f2 for small spacings
    c = op.SPEED_OF_LIGHT_M_PER_S
    f0 = c / (wavelength_nm * 1e-9)
    exact_nm = (c / (f0 - spacing_ghz * 5e8) - c / (f0 + spacing_ghz * 5e8)) * 1e9
    assert nm == pytest.approx(exact_nm, rel=1e-4)


def test_itu_grid():
    grid = op.itu_grid_thz(100.0, 5)
    np.testing.assert_allclose(grid, [192.9, 193.0, 193.1, 193.2, 193.3])
    assert op.ITU_ANCHOR_THZ in np.round(op.itu_grid_thz(50.0, 88), 9)
    np.testing.assert_allclose(op.itu_grid_thz(100.0, 3, first_index=-15), [191.6, 191.7, 191.8])
    assert op.itu_grid_thz(100.0, 0).size == 0
    with pytest.raises(ValueError):
        op.itu_grid_thz(0.0, 4)


@FAST
@given(st.sampled_from([12.5, 25.0, 50.0, 100.0]), st.integers(1, 200))
def test_itu_grid_spacing_and_anchor(spacing_ghz, n):
    grid = op.itu_grid_thz(spacing_ghz, n)
    assert grid.size == n
    np.testing.assert_allclose(np.diff(grid), spacing_ghz / 1000.0, atol=1e-9)
    offsets = (grid - op.ITU_ANCHOR_THZ) / (spacing_ghz / 1000.0)
    np.testing.assert_allclose(offsets, np.round(offsets), atol=1e-6)  # every slot on the grid
    assert np.min(np.abs(grid - op.ITU_ANCHOR_THZ)) < 1e-9


def test_c_band_grid_sits_inside_the_band_on_the_itu_grid():
    for spacing in (100.0, 50.0, 25.0, 12.5):
        grid = op.band_grid_thz(spacing)
        assert grid.size == op.wdm_channel_count(op.band_width_ghz(*op.C_BAND_NM), spacing)
        np.testing.assert_allclose(np.diff(grid), spacing / 1000.0, atol=1e-9)
        offsets = (grid - op.ITU_ANCHOR_THZ) / (spacing / 1000.0)
        np.testing.assert_allclose(offsets, np.round(offsets), atol=1e-6)  # every slot on the grid
        lam = op.thz_to_nm(grid)
        # the first slot is the first grid point at or above the band's low-frequency (1565 nm) edge
        assert lam.max() <= op.C_BAND_NM[1] + 1e-9
        assert op.thz_to_nm(grid[0] - spacing / 1000.0) > op.C_BAND_NM[1]
        assert lam.min() >= op.C_BAND_NM[0] - op.ghz_to_nm(spacing, op.C_BAND_NM[0])
    assert abs(op.band_grid_thz(100.0).size - REFS["dwdm_count_100ghz"]) <= 1  # 4.38 THz: 43 slots
    np.testing.assert_allclose(op.band_grid_thz(100.0)[:2], [191.6, 191.7])


def test_frequency_to_wavelength():
    assert op.thz_to_nm(op.ITU_ANCHOR_THZ) == pytest.approx(op.ITU_ANCHOR_WAVELENGTH_NM)
    np.testing.assert_allclose(op.thz_to_nm(np.array([191.6, 196.0])),
                               op.SPEED_OF_LIGHT_M_PER_S / np.array([191.6e12, 196.0e12]) * 1e9)


def test_signal_width_is_the_symbol_rate():
    assert op.signal_width_ghz(100.0, 2.0) == pytest.approx(50.0)  # PAM4 at 100 Gb/s: 50 GBd
    assert op.signal_width_ghz(800.0, 2.0) > 100.0  # too wide for a 100 GHz slot
    np.testing.assert_allclose(op.signal_width_ghz(np.array([10.0, 25.0]), 1.0), [10.0, 25.0])


def test_span_plan_closed_forms():
    plan = op.span_plan(80_000.0, 0.35, 16.0, 0.0)
    assert plan.loss_db == pytest.approx(28.0)
    assert plan.output_power_dbm == pytest.approx(-28.0)
    assert plan.fraction_left == pytest.approx(10 ** -2.8)
    assert plan.spans == 2 and plan.amplifiers == 1
    assert plan.span_m == pytest.approx(40_000.0)
    assert plan.margin_db == pytest.approx(-12.0)
    fits = op.span_plan(80_000.0, 0.17, 16.0, 0.0)
    assert fits.spans == 1 and fits.amplifiers == 0
    assert fits.margin_db == pytest.approx(16.0 - 13.6)
    assert fits.span_m == pytest.approx(80_000.0)
    plans = op.span_plan(np.array([1_000.0, 100_000.0]), 0.35, 16.0, 3.0)
    np.testing.assert_allclose(plans.loss_db, [0.35, 35.0])
    np.testing.assert_allclose(plans.output_power_dbm, [2.65, -32.0])
    np.testing.assert_allclose(plans.amplifiers, [0, 2])


@FAST
@given(st.floats(0.0, 1e7), st.floats(0.1, 1.0), st.floats(1.0, 40.0), st.floats(-10.0, 10.0))
def test_span_plan_agrees_with_its_parts(d_m, alpha, budget, launch):
    plan = op.span_plan(d_m, alpha, budget, launch)
    km = d_m / 1000.0
    assert plan.spans == op.amplified_spans(km, alpha, budget)
    assert plan.amplifiers == max(plan.spans - 1, 0)
    assert plan.output_power_dbm == pytest.approx(op.fibre_output_power_dbm(launch, km, alpha))
    assert plan.fraction_left == pytest.approx(op.dbm_to_mw(-plan.loss_db))
    assert plan.span_m * plan.spans == pytest.approx(d_m)
    assert alpha * plan.span_m / 1000.0 <= budget * (1 + 1e-9)  # each span within its budget


# --------------------------------------------------------------------------- MZI


def _coupler() -> np.ndarray:
    """A lossless 50:50 directional coupler (or 2x2 MMI): the crossing wave picks up a 90-degree phase."""
    return np.array([[1, 1j], [1j, 1]]) / math.sqrt(2)


def _mzi_by_transfer_matrices(phi: float) -> tuple[float, float]:
    """Light into the top port, through coupler - arms (top delayed by phi) - coupler: (bar, cross)."""
    arms = np.diag([np.exp(1j * phi), 1.0])
    out = _coupler() @ arms @ _coupler() @ np.array([1.0, 0.0])
    return float(abs(out[0]) ** 2), float(abs(out[1]) ** 2)


def test_mzi_limits():
    # two 50:50 couplers: at zero phase difference all light crosses over, at pi it stays in the bar port
    bar, cross = op.mzi_outputs(0.0)
    assert (bar, cross) == (pytest.approx(0.0, abs=1e-15), pytest.approx(1.0))
    bar, cross = op.mzi_outputs(math.pi)
    assert bar == pytest.approx(1.0) and cross == pytest.approx(0.0, abs=1e-15)
    bar, cross = op.mzi_outputs(math.pi / 2)
    assert bar == pytest.approx(0.5) and cross == pytest.approx(0.5)
    bar, cross = op.mzi_outputs(np.linspace(0, 2 * np.pi, 300))
    assert bar.shape == cross.shape == (300,)


@pytest.mark.parametrize("phi", [0.0, 0.3, math.pi / 2, 2.0, math.pi, 4.0, 2 * math.pi - 0.1])
def test_mzi_matches_the_transfer_matrices_of_two_couplers(phi):
    bar, cross = op.mzi_outputs(phi)
    want_bar, want_cross = _mzi_by_transfer_matrices(phi)
    assert bar == pytest.approx(want_bar, abs=1e-12) and cross == pytest.approx(want_cross, abs=1e-12)


@FAST
@given(PHASES)
def test_mzi_conserves_power_and_is_periodic(phi):
    bar, cross = op.mzi_outputs(phi)
    assert 0.0 <= bar <= 1.0 and 0.0 <= cross <= 1.0
    assert bar + cross == pytest.approx(1.0, abs=1e-12)
    bar2, _ = op.mzi_outputs(phi + 2 * math.pi)
    assert bar2 == pytest.approx(bar, abs=1e-9)
    bar3, _ = op.mzi_outputs(-phi)
    assert bar3 == pytest.approx(bar, abs=1e-12)


def test_mzi_matches_the_interference_of_two_equal_fields():
    # the cross port adds the two crossings (i * i-phase each way), the bar port subtracts them:
    # cross = |1 + e^{i phi}|^2 / 4 = cos^2(phi/2), bar = |1 - e^{i phi}|^2 / 4 = sin^2(phi/2)
    phi = np.linspace(-7, 7, 301)
    bar, cross = op.mzi_outputs(phi)
    np.testing.assert_allclose(cross, np.abs(1 + np.exp(1j * phi)) ** 2 / 4, atol=1e-12)
    np.testing.assert_allclose(bar, np.abs(1 - np.exp(1j * phi)) ** 2 / 4, atol=1e-12)


@pytest.mark.parametrize("n", [1, 2, 3, 4, 8, 64])
def test_mzi_mesh_has_one_mzi_per_pair_of_modes(n):
    assert op.mzi_mesh_size(n) == len(list(itertools.combinations(range(n), 2)))


def test_mzi_mesh_rejects_nonsense():
    np.testing.assert_array_equal(op.mzi_mesh_size(np.array([2, 4, 8])), [1, 6, 28])
    with pytest.raises(ValueError):
        op.mzi_mesh_size(0)
    with pytest.raises(ValueError):
        op.mzi_mesh_size(2.5)


# --------------------------------------------------------------------------- amplified spans


def test_amplified_spans():
    assert op.amplified_spans(0.0, 0.35, 16.0) == 1
    assert op.amplified_spans(40.0, 0.4, 16.0) == 1  # exactly the budget: one span
    assert op.amplified_spans(80.0, 0.35, 16.0) == 2  # 28 dB over a 16 dB budget
    assert op.amplified_spans(80.0, 0.17, 16.0) == 1
    assert math.isinf(op.amplified_spans(1.0, 0.35, 0.0))
    with pytest.raises(ValueError):
        op.amplified_spans(-1.0, 0.35, 16.0)


@FAST
@given(st.floats(0.0, 1e4), st.floats(0.1, 1.0), st.floats(1.0, 40.0))
def test_each_span_stays_within_its_budget(d_km, alpha, budget):
    n = op.amplified_spans(d_km, alpha, budget)
    assert alpha * d_km / n <= budget * (1 + 1e-9)
    if n > 1:
        assert alpha * d_km / (n - 1) > budget * (1 - 1e-9)
