"""Tests for explainers.models.neuron: LIF simulation vs closed form, rheobase, refractoriness, energy.

Parameters come from data/references.yaml (loaded here with yaml.safe_load) or are written out here.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from explainers.models import neuron as nm

DATA = Path(__file__).resolve().parents[2] / "data"
REFS_PATH = DATA / "references.yaml"
RECALLED = "recalled, unconfirmed"
#: data/references.yaml (plus any topic files in data/references/, which the loader also accepts).
ROWS = {
    r["id"]: r
    for path in (REFS_PATH, *sorted((DATA / "references").glob("*.yaml")))
    for r in yaml.safe_load(path.read_text(encoding="utf-8"))["references"]
}
#: What the content layer hands the models: numeric values of rows that may serve as defaults.
REFS = {
    rid: float(r["value"])
    for rid, r in ROWS.items()
    if isinstance(r.get("value"), (int, float)) and not isinstance(r.get("value"), bool) and r["confidence"] != RECALLED
}

#: The textbook set of figures.md section 3, written out (tau=10 ms, E_L=V_reset=-65 mV, V_th=-50 mV,
#: R=10 MOhm, t_ref=2 ms).
TEXTBOOK = dict(tau_ms=10.0, r_mohm=10.0, v_rest_mv=-65.0, v_th_mv=-50.0, v_reset_mv=-65.0, t_ref_ms=2.0)
#: Other sets of our own: reset above rest, no refractory period, slow membrane, long refractory period.
OWN_SETS = [
    TEXTBOOK,
    dict(tau_ms=20.0, r_mohm=40.0, v_rest_mv=-70.0, v_th_mv=-54.0, v_reset_mv=-60.0, t_ref_ms=1.0),
    dict(tau_ms=5.0, r_mohm=100.0, v_rest_mv=-60.0, v_th_mv=-45.0, v_reset_mv=-75.0, t_ref_ms=0.0),
    dict(tau_ms=15.0, r_mohm=25.0, v_rest_mv=-68.0, v_th_mv=-52.0, v_reset_mv=-68.0, t_ref_ms=3.0),
]


def rheo(p):
    return (p["v_th_mv"] - p["v_rest_mv"]) / p["r_mohm"]


def current_for_rate(p, rate_hz):
    """Invert the closed form by hand: the current that fires at rate_hz (needs 1/rate > t_ref)."""
    x = (1000.0 / rate_hz - p["t_ref_ms"]) / p["tau_ms"]  # ln((V-Vr)/(V-Vth)) = x
    q = math.exp(x)
    v_inf = (q * p["v_th_mv"] - p["v_reset_mv"]) / (q - 1.0)
    return (v_inf - p["v_rest_mv"]) / p["r_mohm"]


# --------------------------------------------------------------------------------------------------
# References and defaults
# --------------------------------------------------------------------------------------------------


def test_reference_ids_exist_are_numeric_and_never_recalled():
    for key, rid in nm.REFERENCE_IDS.items():
        assert rid in ROWS, f"{key}: {rid} not in references.yaml"
        assert ROWS[rid]["confidence"] != RECALLED, f"{key} defaults from recalled row {rid}"
        assert isinstance(ROWS[rid].get("value"), (int, float))
    assert "lif_tref" not in nm.REFERENCE_IDS.values()
    assert set(nm.REFERENCE_UNITS) == set(nm.REFERENCE_IDS.values())
    for rid, (unit, _) in nm.REFERENCE_UNITS.items():
        assert ROWS[rid]["unit"] == unit, rid


def test_no_default_comes_from_a_recalled_row():
    # figures.md lists the refractory period (lif_tref) as "recalled, unconfirmed"; if the row is kept
    # it must stay marked so
    if "lif_tref" in ROWS:
        assert ROWS["lif_tref"]["confidence"] == RECALLED
    # REFS has no recalled rows at all, so building the defaults proves none is needed ...
    p = nm.default_lif_params(REFS)
    # ... and planting a recalled value changes nothing
    q = nm.default_lif_params({**REFS, "lif_tref": 999.0})
    assert p == q
    # the refractory period comes from the book's exercise code (a primary source), 2 ms
    assert ROWS["ndx_lif_tref"]["confidence"] == "seen: primary"
    assert p.t_ref_ms == ROWS["ndx_lif_tref"]["value"] == 2.0
    for name, (value, unit, why) in nm.ASSUMPTIONS.items():
        assert math.isfinite(value) and unit and len(why) > 20, name


def test_default_params_are_the_textbook_set():
    p = nm.default_lif_params(REFS)
    assert p.tau_ms == REFS["lif_params_tau"]
    assert p.r_mohm == REFS["lif_params_r"]
    assert p.v_rest_mv == REFS["lif_params_vrest"]
    assert p.v_th_mv == REFS["lif_params_vth"]
    assert p.as_kwargs() == pytest.approx(TEXTBOOK)


#: Dayan & Abbott, Theoretical Neuroscience (2001), section 5.4, Fig. 5.5: the integrate-and-fire set
#: E_L = V_reset = -65 mV, V_th = -50 mV, tau_m = 10 ms, R_m = 10 MOhm (as quoted by Y. Choe's XPPAUT
#: model of that section and by course code citing it).
DAYAN_ABBOTT = dict(tau_ms=10.0, r_mohm=10.0, v_rest_mv=-65.0, v_th_mv=-50.0, v_reset_mv=-65.0)
#: Gerstner et al., Neuronal Dynamics (2014), exercise code neurodynex3/leaky_integrate_and_fire/LIF.py:
#: V_REST = -70 mV, V_RESET = -65 mV, FIRING_THRESHOLD = -50 mV, MEMBRANE_RESISTANCE = 10 MOhm,
#: MEMBRANE_TIME_SCALE = 8 ms, ABSOLUTE_REFRACTORY_PERIOD = 2 ms.
NEURONAL_DYNAMICS = dict(tau_ms=8.0, r_mohm=10.0, v_rest_mv=-70.0, v_th_mv=-50.0, v_reset_mv=-65.0, t_ref_ms=2.0)


def test_membrane_defaults_are_dayan_and_abbotts_set_and_say_so():
    """The membrane parameters are Dayan & Abbott's textbook set, not the Neuronal Dynamics exercise
    defaults, and the rows cite the book they come from; only t_ref comes from the exercise code."""
    p = nm.default_lif_params(REFS).as_kwargs()
    assert {k: p[k] for k in DAYAN_ABBOTT} == pytest.approx(DAYAN_ABBOTT)
    assert any(p[k] != v for k, v in NEURONAL_DYNAMICS.items() if k != "t_ref_ms")  # a different set
    assert p["t_ref_ms"] == NEURONAL_DYNAMICS["t_ref_ms"]
    for rid in ("lif_params_tau", "lif_params_r", "lif_params_vrest", "lif_params_vth"):
        row = ROWS[rid]
        assert "Dayan" in row["source"] and "Abbott" in row["source"], rid
        assert "Neuronal Dynamics" not in row["source"], rid
        assert row["confidence"] == "seen: secondary summary", rid  # the book itself is not seen
    assert "Neuronal Dynamics" in ROWS["ndx_lif_tref"]["source"]
    # reset to rest (offset 0) is Dayan & Abbott's V_reset = E_L
    assert p["v_reset_mv"] - p["v_rest_mv"] == DAYAN_ABBOTT["v_reset_mv"] - DAYAN_ABBOTT["v_rest_mv"]


def test_textbook_rates_from_figures_md():
    # 2 nA -> 63 Hz, 3 nA -> 112 Hz, 5 nA -> 180 Hz (checked there against a 1 us Euler simulation)
    rates = nm.lif_rate_hz(np.array([2.0, 3.0, 5.0]), **TEXTBOOK)
    assert rates == pytest.approx([63.0, 112.0, 180.0], abs=0.5)
    assert nm.rheobase_na(TEXTBOOK["r_mohm"], TEXTBOOK["v_rest_mv"], TEXTBOOK["v_th_mv"]) == pytest.approx(1.5)


# --------------------------------------------------------------------------------------------------
# Simulation vs closed form
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("p", OWN_SETS, ids=lambda p: f"tau{p['tau_ms']}_tref{p['t_ref_ms']}")
def test_simulated_rate_matches_closed_form(p):
    # currents giving 25-250 Hz, so a 4 s run holds >= 100 spikes and count/duration is within ~1 %
    currents = np.array([current_for_rate(p, f) for f in (25.0, 40.0, 63.0, 100.0, 160.0, 250.0)])
    expected = nm.lif_rate_hz(currents, **p)
    assert expected == pytest.approx([25.0, 40.0, 63.0, 100.0, 160.0, 250.0], rel=1e-9)  # inversion check
    res = nm.simulate_lif(currents, 4000.0, 0.02, **p)
    assert res.rates_hz == pytest.approx(expected, rel=0.02)
    # the steady-state inter-spike interval is tighter still
    isi_rate = np.array([1000.0 / np.diff(s).mean() for s in res.spike_times_ms])
    assert isi_rate == pytest.approx(expected, rel=0.002)


def test_coarse_step_keeps_the_rate():
    # exact integrator + exact crossing time: dt = 0.5 ms still gives the closed-form interval
    currents = np.array([2.0, 3.0, 5.0])
    res = nm.simulate_lif(currents, 2000.0, 0.5, **TEXTBOOK)
    isi_rate = np.array([1000.0 / np.diff(s).mean() for s in res.spike_times_ms])
    assert isi_rate == pytest.approx(nm.lif_rate_hz(currents, **TEXTBOOK), rel=0.02)


def test_subthreshold_trajectory_is_exact():
    p = TEXTBOOK
    i = 0.9 * rheo(p)
    res = nm.simulate_lif(i, 100.0, 1.0, **p, v_init_mv=-80.0)
    v_inf = p["v_rest_mv"] + p["r_mohm"] * i
    closed = v_inf + (-80.0 - v_inf) * np.exp(-res.times_ms / p["tau_ms"])
    assert res.v_mv.shape == res.times_ms.shape
    assert np.allclose(res.v_mv, closed, atol=1e-9)


@pytest.mark.parametrize("p", OWN_SETS, ids=lambda p: f"tau{p['tau_ms']}")
def test_no_spikes_at_or_below_rheobase(p):
    currents = rheo(p) * np.array([-1.0, 0.0, 0.5, 0.9, 0.999, 1.0])
    res = nm.simulate_lif(currents, 1000.0, 0.1, **p)
    assert res.spike_counts.tolist() == [0] * len(currents)
    assert np.all(res.v_mv < p["v_th_mv"])
    assert np.all(nm.lif_rate_hz(currents, **p) == 0.0)
    # just above rheobase it fires
    assert nm.lif_rate_hz(rheo(p) * 1.01, **p) > 0


@settings(max_examples=25, deadline=None)
@given(
    p=st.sampled_from(OWN_SETS),
    t_ref=st.floats(0.1, 8.0),
    i_factor=st.floats(0.5, 20.0),
    noise=st.floats(0.0, 2.0),
    seed=st.integers(0, 2**32 - 1),
)
def test_isi_never_shorter_than_refractory_period(p, t_ref, i_factor, noise, seed):
    p = {**p, "t_ref_ms": t_ref}
    res = nm.simulate_lif(i_factor * rheo(p), 300.0, 0.1, **p, noise_na=noise * rheo(p), seed=seed)
    s = res.spike_times_ms
    assert np.all(np.diff(s) >= t_ref - 1e-9)
    assert np.all((s >= 0) & (s <= res.duration_ms))
    assert np.all(np.isfinite(res.v_mv))


@pytest.mark.parametrize("dt", [0.1, 0.03, 0.7])
@pytest.mark.parametrize("p", OWN_SETS, ids=lambda p: f"tau{p['tau_ms']}")
def test_voltage_is_held_at_reset_while_refractory(p, dt):
    res = nm.simulate_lif(rheo(p) * np.array([1.2, 3.0, 10.0]), 300.0, dt, **p)
    t = res.times_ms
    for v, spikes in zip(res.v_mv, res.spike_times_ms):
        assert spikes.size > 2
        held = np.zeros(t.shape, dtype=bool)
        for s in spikes:
            held |= (t > s + 1e-9) & (t < s + p["t_ref_ms"] - 1e-9)
        assert np.all(v[held] == p["v_reset_mv"])
        # once the refractory period is over the membrane charges again (V_inf > V_th > V_reset)
        for s, s_next in zip(spikes[:-1], spikes[1:]):
            free = (t > s + p["t_ref_ms"] + 1e-9) & (t < s_next)
            assert np.all(v[free] > p["v_reset_mv"])
        # with a positive current the membrane never goes below both rest and reset, nor above threshold
        assert np.all(v >= min(p["v_rest_mv"], p["v_reset_mv"]) - 1e-9)
        assert np.all(v < p["v_th_mv"] + 1e-9)


def test_very_strong_current_fires_near_one_over_tref():
    res = nm.simulate_lif(1e4, 500.0, 0.01, **TEXTBOOK)
    isi = np.diff(res.spike_times_ms)
    assert isi.min() >= TEXTBOOK["t_ref_ms"] - 1e-9
    # threshold is reached within one step after the refractory period ends: exact timing still holds
    assert isi.mean() == pytest.approx(1000.0 / nm.lif_rate_hz(1e4, **TEXTBOOK), rel=1e-6)


def test_output_shapes():
    scalar = nm.simulate_lif(3.0, 100.0, 0.1, **TEXTBOOK)
    assert scalar.times_ms.shape == (1001,) and scalar.v_mv.shape == (1001,)
    assert scalar.spike_times_ms.ndim == 1 and isinstance(scalar.spike_counts, int)
    assert isinstance(scalar.rates_hz, float)
    many = nm.simulate_lif([1.0, 2.0, 3.0], 100.0, 0.1, **TEXTBOOK)
    assert many.v_mv.shape == (3, 1001) and len(many.spike_times_ms) == 3
    assert many.spike_counts.shape == many.rates_hz.shape == (3,)
    assert np.array_equal(many.v_mv[2], scalar.v_mv)
    assert np.array_equal(many.spike_times_ms[2], scalar.spike_times_ms)


def test_scalar_current_gives_one_spike_array_consistent_with_its_trace():
    """One current, one neuron: its spike times are one 1-D array, and each is where its trace resets."""
    p = TEXTBOOK
    res = nm.simulate_lif(3.0, 200.0, 0.1, **p)
    s, t, v = res.spike_times_ms, res.times_ms, res.v_mv
    assert isinstance(s, np.ndarray) and s.ndim == 1 and s.dtype == float
    assert v.shape == t.shape
    assert res.spike_counts == s.size > 2
    assert res.rates_hz == pytest.approx(s.size * 1000.0 / res.duration_ms)
    # every spike time lies in a step that rose towards threshold and ended back at V_reset ...
    after = np.searchsorted(t, s, side="left")  # the first sample at or after each spike
    assert np.all((t[after - 1] < s) & (s <= t[after]))
    assert np.all(v[after] == p["v_reset_mv"])
    assert np.all(v[after - 1] < p["v_th_mv"]) and np.all(v[after - 1] > p["v_reset_mv"])
    # ... and the trace drops nowhere else: one reset per spike
    assert np.count_nonzero(np.diff(v) < 0) == s.size
    assert np.array_equal(np.flatnonzero(np.diff(v) < 0) + 1, after)


def test_time_varying_current():
    n_steps = 5000  # 500 ms at 0.1 ms
    trace = np.zeros((2, n_steps))
    trace[0, 2000:] = 3.0  # step on at 200 ms
    trace[1, :] = 3.0  # constant, given as a trace
    res = nm.simulate_lif(trace, 500.0, 0.1, **TEXTBOOK)
    const = nm.simulate_lif(3.0, 500.0, 0.1, **TEXTBOOK)
    assert np.allclose(res.v_mv[1], const.v_mv)
    assert np.allclose(res.spike_times_ms[1], const.spike_times_ms)
    s = res.spike_times_ms[0]
    assert s.size > 0 and s.min() > 200.0
    # after the step, the spikes are the constant-current ones shifted by 200 ms
    assert np.allclose(s, const.spike_times_ms[const.spike_times_ms < 300.0] + 200.0)
    with pytest.raises(ValueError):
        nm.simulate_lif(np.zeros((2, 17)), 500.0, 0.1, **TEXTBOOK)


def test_noise_is_seeded_and_can_drive_subthreshold_firing():
    p = TEXTBOOK
    i = 0.93 * rheo(p)
    a = nm.simulate_lif([i, i], 2000.0, 0.1, **p, noise_na=3.0, seed=7)
    b = nm.simulate_lif([i, i], 2000.0, 0.1, **p, noise_na=3.0, seed=7)
    c = nm.simulate_lif([i, i], 2000.0, 0.1, **p, noise_na=3.0, seed=8)
    assert np.array_equal(a.v_mv, b.v_mv)
    assert not np.array_equal(a.v_mv, c.v_mv)
    assert not np.array_equal(a.v_mv[0], a.v_mv[1])  # independent noise per neuron
    assert a.spike_counts.min() > 0
    assert nm.simulate_lif(i, 2000.0, 0.1, **p).spike_counts == 0


def test_bad_parameters_raise():
    with pytest.raises(ValueError):
        nm.lif_rate_hz(2.0, **{**TEXTBOOK, "v_reset_mv": -40.0})
    with pytest.raises(ValueError):
        nm.simulate_lif(2.0, 100.0, 0.0, **TEXTBOOK)
    with pytest.raises(ValueError):
        nm.LifParams(**{**TEXTBOOK, "tau_ms": -1.0})


# --------------------------------------------------------------------------------------------------
# Closed-form properties
# --------------------------------------------------------------------------------------------------


@given(
    p=st.sampled_from(OWN_SETS),
    currents=st.lists(st.floats(-100.0, 1e4, allow_nan=False), min_size=2, max_size=50),
)
def test_rate_is_finite_non_negative_bounded_and_monotone(p, currents):
    i = np.sort(np.array(currents))
    f = nm.lif_rate_hz(i, **p)
    assert f.shape == i.shape
    assert np.all(np.isfinite(f)) and np.all(f >= 0)
    if p["t_ref_ms"] > 0:
        assert np.all(f <= 1000.0 / p["t_ref_ms"] * (1 + 1e-12))
    assert np.all(np.diff(f) >= -1e-9 * f[1:])
    assert np.all(f[i <= rheo(p)] == 0)


@pytest.mark.parametrize("p", [q for q in OWN_SETS if q["t_ref_ms"] > 0], ids=lambda p: f"tref{p['t_ref_ms']}")
def test_steady_state_and_rate_limit_closed_forms(p):
    # V_inf = V_rest + R I: at the rheobase it is exactly the threshold
    assert nm.steady_state_mv(rheo(p), p["r_mohm"], p["v_rest_mv"]) == pytest.approx(p["v_th_mv"])
    assert nm.steady_state_mv(np.array([0.0, 1.0]), p["r_mohm"], p["v_rest_mv"]) == pytest.approx(
        [p["v_rest_mv"], p["v_rest_mv"] + p["r_mohm"]])
    # the closed-form rate approaches one spike per refractory period from below
    f_max = nm.max_rate_hz(p["t_ref_ms"])
    assert f_max == 1000.0 / p["t_ref_ms"]
    assert nm.lif_rate_hz(1e7 * rheo(p), **p) == pytest.approx(f_max, rel=1e-4)
    assert nm.lif_rate_hz(1e7 * rheo(p), **p) < f_max
    with pytest.raises(ValueError):
        nm.max_rate_hz(0.0)


def test_rate_limit_without_refractory_period():
    # t_ref -> 0, large I: f -> R I / (tau (V_th - V_reset))
    p = {**TEXTBOOK, "t_ref_ms": 0.0}
    i = 1000.0 * rheo(p)
    asym = 1000.0 * p["r_mohm"] * i / (p["tau_ms"] * (p["v_th_mv"] - p["v_reset_mv"]))
    assert nm.lif_rate_hz(i, **p) == pytest.approx(asym, rel=1e-3)


# --------------------------------------------------------------------------------------------------
# Event-driven vs dense energy
# --------------------------------------------------------------------------------------------------

pos = st.floats(1e-3, 1e6, allow_nan=False)


@given(n=pos, rates=st.lists(st.floats(0, 1e3), min_size=2, max_size=20), k=pos, e=pos, t=pos, p=st.floats(0, 10))
def test_event_energy_monotone_in_activity(n, rates, k, e, t, p):
    r = np.sort(np.array(rates))
    energy = nm.event_driven_energy_j(n, r, k, e, t, p)
    assert np.all(np.isfinite(energy)) and np.all(energy >= 0)
    assert np.all(np.diff(energy) >= -1e-12 * energy[1:])
    assert nm.event_driven_energy_j(n, 0.0, k, e, t, p) == pytest.approx(p * t)


def test_energy_closed_forms():
    # 1000 neurons at 10 Hz for 1 s, fan-out 100, 20 pJ: 1e6 events -> 20 uJ, + 1 mW static -> 1.02 mJ
    assert nm.event_driven_energy_j(1000, 10.0, 100, 20.0, 1.0) == pytest.approx(20e-6)
    assert nm.event_driven_energy_j(1000, 10.0, 100, 20.0, 1.0, static_power_w=1e-3) == pytest.approx(1.02e-3)
    # 1000 neurons x 100 inputs x 1000 steps/s x 1 s = 1e8 MACs at (0.5 + 1.5) pJ = 200 uJ
    assert nm.dense_energy_j(1000, 100, 1000.0, 0.5, 1.5, 1.0) == pytest.approx(200e-6)


@given(
    n=st.floats(1, 1e9), k_out=st.floats(1, 1e4), k_in=st.floats(1, 1e4), e_ev=st.floats(0.1, 1e3),
    u=st.floats(1, 1e5), e_mac=st.floats(0.001, 10), e_fetch=st.floats(0, 1e3), frac=st.floats(0, 0.99),
)
def test_break_even_energies_are_equal(n, k_out, k_in, e_ev, u, e_mac, e_fetch, frac):
    dense_w = nm.dense_energy_j(n, k_in, u, e_mac, e_fetch, 1.0)
    static = frac * dense_w
    r = nm.break_even_rate_hz(n, k_out, e_ev, k_in, u, e_mac, e_fetch, static)
    assert math.isfinite(r) and r > 0
    for t in (0.01, 1.0, 100.0):
        ev = nm.event_driven_energy_j(n, r, k_out, e_ev, t, static)
        de = nm.dense_energy_j(n, k_in, u, e_mac, e_fetch, t)
        assert ev == pytest.approx(de, rel=1e-9)
        assert nm.event_driven_energy_j(n, 0.5 * r, k_out, e_ev, t, static) < de
        assert nm.event_driven_energy_j(n, 2.0 * r, k_out, e_ev, t, static) > de


def test_break_even_edge_cases_and_activity():
    # static power above the dense budget: event-driven never wins
    assert nm.break_even_rate_hz(100, 10, 20.0, 10, 1000.0, 0.3, 1.0, static_power_w=1.0) == 0.0
    # equal fan-in and fan-out, no static power: activity = (E_MAC + E_fetch) / E_event
    a = nm.break_even_activity(1e6, 256, 23.6, 256, 1000.0, 0.3, 1.25)
    assert a == pytest.approx((0.3 + 1.25) / 23.6)
    rates = nm.break_even_rate_hz(1e6, 256, np.array([10.0, 20.0, 40.0]), 256, 1000.0, 0.3, 1.25)
    assert np.all(np.diff(rates) < 0)  # dearer events -> lower break-even


def test_default_synaptic_energy_wiring():
    e = nm.default_synaptic_energy(REFS)
    assert e.energy_per_synaptic_event_pj == REFS["loihi_sop"]
    assert e.energy_per_mac_pj == pytest.approx(REFS["hz_int_mul8"] + REFS["hz_int_add32"])
    bits = nm.ASSUMPTIONS["dense_weight_bits"][0]
    assert e.energy_per_fetch_pj == pytest.approx(bits * REFS["hz_sram_8k"] / 64)
    d = nm.default_synaptic_energy(REFS, chip="truenorth", fetch_level="dram")
    assert d.energy_per_synaptic_event_pj == REFS["tn_26pj"]
    assert d.energy_per_fetch_pj == pytest.approx(bits * REFS["hz_dram_64"] / 64)
    # a DRAM weight fetch per MAC makes the dense design far dearer than an on-chip synaptic event
    assert nm.break_even_activity(1, 1, d.energy_per_synaptic_event_pj, 1, 1.0, d.energy_per_mac_pj,
                                  d.energy_per_fetch_pj) > 1
