"""Leaky integrate-and-fire (LIF) neuron, and event-driven vs dense energy.

What:

- LIF (Lapicque 1907): tau dV/dt = -(V - V_rest) + R I(t). When V reaches V_th the neuron spikes,
  V is set to V_reset and held there for the refractory period t_ref.
- Firing rate for a constant current (closed form): with V_inf = V_rest + R I > V_th,
  f = 1 / (t_ref + tau ln((V_inf - V_reset) / (V_inf - V_th))), else 0. Rheobase I_rh = (V_th - V_rest) / R.
- Event-driven energy: E = spikes * fan-out * E_event + P_static * T; dense equivalent: every MAC every
  step, E = neurons * fan-in * steps * (E_MAC + E_fetch). Break-even rate in closed form.

Why: the LIF neuron is the basic unit of spiking hardware (Loihi, TrueNorth, SpiNNaker); its energy
advantage exists only while activity stays sparse.

Units: MOhm * nA = mV; times in ms inside the neuron, s in the energy functions.

Parameters: no physical default is a literal here. ``default_lif_params`` and
``default_synaptic_energy`` build parameter sets from a plain ``{reference_id: value}`` mapping;
``REFERENCE_IDS`` lists the ids, ``REFERENCE_UNITS`` the units. The membrane parameters are Dayan
& Abbott's textbook set (Theoretical Neuroscience, 2001, section 5.4: E_L = V_reset = -65 mV,
V_th = -50 mV, tau_m = 10 ms, R_m = 10 MOhm), not the Neuronal Dynamics exercise defaults (V_rest
-70 mV, V_reset -65 mV, tau 8 ms). That set has no refractory period; t_ref comes from the Neuronal
Dynamics exercise code (ndx_lif_tref, 2 ms; never from the "recalled, unconfirmed" lif_tref row).
The reset is written as an offset from rest, a labelled modelling choice in ``ASSUMPTIONS`` whose
value (0 mV) follows Dayan & Abbott's V_reset = E_L.

Left out: adaptation, conductance-based synapses, synaptic time constants, spike shape, dendrites;
in the energy model, neuron-update energy, routing distance, and the fact that published energies per
synaptic event (Loihi: a pre-silicon simulation; TrueNorth: an average that includes static power)
are not marginal costs measured the same way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping

import numpy as np

__all__ = [
    "ASSUMPTIONS",
    "LifParams",
    "LifResult",
    "REFERENCE_IDS",
    "REFERENCE_UNITS",
    "SynapticEnergy",
    "break_even_activity",
    "break_even_rate_hz",
    "default_lif_params",
    "default_synaptic_energy",
    "dense_energy_j",
    "event_driven_energy_j",
    "lif_rate_hz",
    "max_rate_hz",
    "rheobase_na",
    "simulate_lif",
    "steady_state_mv",
]

#: Unit conversions, not physical values.
_MS_PER_S = 1000.0
_J_PER_PJ = 1e-12

#: Parameter name -> reference id in data/references.yaml.
REFERENCE_IDS: dict[str, str] = {
    "tau_ms": "lif_params_tau",
    "r_mohm": "lif_params_r",
    "v_rest_mv": "lif_params_vrest",
    "v_th_mv": "lif_params_vth",
    "t_ref_ms": "ndx_lif_tref",
    "energy_per_synaptic_event_pj.loihi": "loihi_sop",
    "energy_per_synaptic_event_pj.truenorth": "tn_26pj",
    "int8_multiply_pj": "hz_int_mul8",
    "int32_add_pj": "hz_int_add32",
    "fetch_pj_per_bit.sram_8kb": "hz_sram_8k",
    "fetch_pj_per_bit.dram": "hz_dram_64",
}

#: Reference id -> (unit expected in references.yaml, factor to the unit used here).
#: Per-64-bit-word access energies become pJ per bit.
REFERENCE_UNITS: dict[str, tuple[str, float]] = {
    "lif_params_tau": ("ms", 1.0),
    "lif_params_r": ("MOhm", 1.0),
    "lif_params_vrest": ("mV", 1.0),
    "lif_params_vth": ("mV", 1.0),
    "ndx_lif_tref": ("ms", 1.0),
    "loihi_sop": ("pJ", 1.0),
    "tn_26pj": ("pJ", 1.0),
    "hz_int_mul8": ("pJ", 1.0),
    "hz_int_add32": ("pJ", 1.0),
    "hz_sram_8k": ("pJ", 1.0 / 64.0),
    "hz_dram_64": ("pJ", 1.0 / 64.0),
}

#: Modelling assumptions: name -> (value, unit, one-line justification).
ASSUMPTIONS: dict[str, tuple[float, str, str]] = {
    "v_reset_minus_v_rest_mv": (
        0.0,
        "mV",
        "reset to the resting potential (V_reset = V_rest), as in Dayan & Abbott's set (V_reset = E_L)",
    ),
    "dense_weight_bits": (
        8.0,
        "bits",
        "8-bit weights in the dense baseline, matching the int8 MAC energy it uses",
    ),
}

# --------------------------------------------------------------------------------------------------
# Parameters
# --------------------------------------------------------------------------------------------------


def _ref(refs: Mapping[str, float], key: str) -> float:
    rid = REFERENCE_IDS[key]
    if rid not in refs:
        raise KeyError(f"reference id {rid!r} (for {key}) missing from the references mapping")
    return float(refs[rid]) * REFERENCE_UNITS[rid][1]


@dataclass(frozen=True)
class LifParams:
    """One LIF parameter set (ms, MOhm, mV)."""

    tau_ms: float
    r_mohm: float
    v_rest_mv: float
    v_th_mv: float
    v_reset_mv: float
    t_ref_ms: float

    def __post_init__(self) -> None:
        _check_params(self.tau_ms, self.r_mohm, self.v_rest_mv, self.v_th_mv, self.v_reset_mv, self.t_ref_ms)

    def as_kwargs(self) -> dict[str, float]:
        """Keyword arguments for ``simulate_lif`` and ``lif_rate_hz``."""
        return dict(tau_ms=self.tau_ms, r_mohm=self.r_mohm, v_rest_mv=self.v_rest_mv, v_th_mv=self.v_th_mv,
                    v_reset_mv=self.v_reset_mv, t_ref_ms=self.t_ref_ms)

    @property
    def rheobase_na(self) -> float:
        return float(rheobase_na(self.r_mohm, self.v_rest_mv, self.v_th_mv))


def default_lif_params(refs: Mapping[str, float]) -> LifParams:
    """Dayan & Abbott's textbook LIF set (2001, section 5.4): tau, R, V_rest (E_L) and V_th from
    references; t_ref from the Neuronal Dynamics exercise code (ndx_lif_tref, never from the
    unconfirmed lif_tref row); V_reset = V_rest + ASSUMPTIONS offset (0 mV, as in that set)."""
    v_rest = _ref(refs, "v_rest_mv")
    return LifParams(
        tau_ms=_ref(refs, "tau_ms"),
        r_mohm=_ref(refs, "r_mohm"),
        v_rest_mv=v_rest,
        v_th_mv=_ref(refs, "v_th_mv"),
        v_reset_mv=v_rest + ASSUMPTIONS["v_reset_minus_v_rest_mv"][0],
        t_ref_ms=_ref(refs, "t_ref_ms"),
    )


def _check_params(tau_ms, r_mohm, v_rest_mv, v_th_mv, v_reset_mv, t_ref_ms) -> None:
    tau, r, vr, vth, vre, tref = (np.asarray(x, dtype=float) for x in
                                  (tau_ms, r_mohm, v_rest_mv, v_th_mv, v_reset_mv, t_ref_ms))
    for name, x in (("tau_ms", tau), ("r_mohm", r), ("v_rest_mv", vr), ("v_th_mv", vth),
                    ("v_reset_mv", vre), ("t_ref_ms", tref)):
        if not np.all(np.isfinite(x)):
            raise ValueError(f"{name} must be finite")
    if np.any(tau <= 0) or np.any(r <= 0):
        raise ValueError("tau_ms and r_mohm must be > 0")
    if np.any(tref < 0):
        raise ValueError("t_ref_ms must be >= 0")
    if np.any(vre >= vth):
        raise ValueError("v_reset_mv must be below v_th_mv")


# --------------------------------------------------------------------------------------------------
# Closed forms
# --------------------------------------------------------------------------------------------------


def rheobase_na(r_mohm, v_rest_mv, v_th_mv):
    """Smallest constant current that ever reaches threshold: (V_th - V_rest) / R (nA)."""
    r = np.asarray(r_mohm, dtype=float)
    if np.any(~np.isfinite(r) | (r <= 0)):
        raise ValueError("r_mohm must be finite and > 0")
    out = (np.asarray(v_th_mv, dtype=float) - np.asarray(v_rest_mv, dtype=float)) / r
    return float(out) if out.ndim == 0 else out


def steady_state_mv(current_na, r_mohm, v_rest_mv):
    """Potential a constant current drives the membrane towards (ignoring threshold): V_inf = V_rest + R I (mV)."""
    out = np.asarray(v_rest_mv, dtype=float) + np.asarray(r_mohm, dtype=float) * np.asarray(current_na, dtype=float)
    return float(out) if out.ndim == 0 else out


def max_rate_hz(t_ref_ms):
    """The rate a LIF neuron approaches for a very large current: one spike per refractory period (Hz)."""
    t = np.asarray(t_ref_ms, dtype=float)
    if np.any(~np.isfinite(t) | (t <= 0)):
        raise ValueError("t_ref_ms must be finite and > 0")
    out = _MS_PER_S / t
    return float(out) if out.ndim == 0 else out


def lif_rate_hz(current_na, tau_ms, r_mohm, v_rest_mv, v_th_mv, v_reset_mv, t_ref_ms):
    """Steady firing rate (Hz) for a constant current, vectorised (all arguments broadcast).

    f = 1 / (t_ref + tau ln((V_inf - V_reset) / (V_inf - V_th))), V_inf = V_rest + R I; 0 at or below
    the rheobase. Tends to 1/t_ref for very large currents.
    """
    _check_params(tau_ms, r_mohm, v_rest_mv, v_th_mv, v_reset_mv, t_ref_ms)
    i = np.asarray(current_na, dtype=float)
    if not np.all(np.isfinite(i)):
        raise ValueError("current_na must be finite")
    v_inf = np.asarray(v_rest_mv, dtype=float) + np.asarray(r_mohm, dtype=float) * i
    gap_th = v_inf - np.asarray(v_th_mv, dtype=float)
    gap_reset = v_inf - np.asarray(v_reset_mv, dtype=float)
    above = gap_th > 0
    safe_th = np.where(above, gap_th, 1.0)
    safe_reset = np.where(above, gap_reset, 1.0)
    period_ms = np.asarray(t_ref_ms, dtype=float) + np.asarray(tau_ms, dtype=float) * np.log(safe_reset / safe_th)
    with np.errstate(divide="ignore"):
        rate = np.where(above, _MS_PER_S / period_ms, 0.0)
    return float(rate) if rate.ndim == 0 else rate


# --------------------------------------------------------------------------------------------------
# Simulation
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class LifResult:
    """Simulation output.

    Shaped like the current, as ``v_mv`` is. For a scalar current: ``v_mv`` is (n_steps + 1,),
    ``spike_times_ms`` one 1-D array, ``spike_counts`` an int and ``rates_hz`` a float. For n
    currents: ``v_mv`` is (n, n_steps + 1), ``spike_times_ms`` a list of n 1-D arrays, and
    ``spike_counts`` and ``rates_hz`` arrays of n. ``times_ms``: (n_steps + 1,); ``duration_ms``:
    simulated time. Each spike time lies in the step after which the trace is reset.
    """

    times_ms: np.ndarray
    v_mv: np.ndarray
    spike_times_ms: np.ndarray | list[np.ndarray]
    duration_ms: float

    @property
    def scalar(self) -> bool:
        """True when the simulation was of one scalar current (no neuron axis)."""
        return isinstance(self.spike_times_ms, np.ndarray)

    @property
    def spike_counts(self) -> int | np.ndarray:
        if self.scalar:
            return len(self.spike_times_ms)
        return np.array([len(s) for s in self.spike_times_ms], dtype=int)

    @property
    def rates_hz(self) -> float | np.ndarray:
        """Spike count / duration: a float for a scalar current, else one per current."""
        return self.spike_counts * _MS_PER_S / self.duration_ms


def simulate_lif(current_na, duration_ms, dt_ms, tau_ms, r_mohm, v_rest_mv, v_th_mv, v_reset_mv, t_ref_ms,
                 noise_na=0.0, seed=None, v_init_mv=None) -> LifResult:
    """Simulate LIF neurons, vectorised over currents (loop over time only).

    ``current_na``: a scalar; a 1-D array of constant currents (one neuron each); or a 2-D array
    (n_neurons, n_steps) of currents that are constant within each step (for one time-varying trace
    pass ``trace[None, :]``). ``noise_na``: standard deviation of independent Gaussian current added
    in every step (seeded by ``seed``); its effect depends on dt, it is not dt-scaled white noise.
    The neuron starts at ``v_init_mv`` (default V_rest).

    Method: the exact exponential integrator for a current constant over a step,
    V <- V_inf + (V - V_inf) exp(-dt/tau), with the threshold crossing time solved exactly inside the
    step and the refractory period ending mid-step where it does, so a constant current gives the
    closed-form rate at any dt. Left out: a second spike within one step (needs t_ref < dt).

    Returns a ``LifResult`` shaped like the current: for a scalar current, the trace ``v_mv`` and the
    spike times ``spike_times_ms`` are each one 1-D array; for n currents, n rows and n arrays.
    """
    _check_params(tau_ms, r_mohm, v_rest_mv, v_th_mv, v_reset_mv, t_ref_ms)
    for name, x in (("tau_ms", tau_ms), ("r_mohm", r_mohm), ("v_rest_mv", v_rest_mv), ("v_th_mv", v_th_mv),
                    ("v_reset_mv", v_reset_mv), ("t_ref_ms", t_ref_ms)):
        if np.ndim(x) != 0:
            raise ValueError(f"{name} must be a scalar in simulate_lif")
    tau, r = float(tau_ms), float(r_mohm)
    v_rest, v_th, v_reset, t_ref = float(v_rest_mv), float(v_th_mv), float(v_reset_mv), float(t_ref_ms)
    dt, duration = float(dt_ms), float(duration_ms)
    if not (math.isfinite(dt) and dt > 0 and math.isfinite(duration) and duration >= dt):
        raise ValueError("need finite dt_ms > 0 and duration_ms >= dt_ms")
    n_steps = int(round(duration / dt))
    noise = float(noise_na)
    if not (math.isfinite(noise) and noise >= 0):
        raise ValueError("noise_na must be finite and >= 0")

    cur = np.asarray(current_na, dtype=float)
    if not np.all(np.isfinite(cur)):
        raise ValueError("current_na must be finite")
    scalar = cur.ndim == 0
    if cur.ndim <= 1:
        cur = np.atleast_1d(cur)
        n = cur.size
        varying = False
    elif cur.ndim == 2 and cur.shape[1] in (1, n_steps):
        n = cur.shape[0]
        varying = cur.shape[1] == n_steps
        if not varying:
            cur = cur[:, 0]
    else:
        raise ValueError(f"current_na must be a scalar, 1-D, or 2-D (n, {n_steps}); got shape {cur.shape}")
    if n == 0:
        raise ValueError("current_na is empty")
    if v_init_mv is not None and not math.isfinite(float(v_init_mv)):
        raise ValueError("v_init_mv must be finite")

    decay = math.exp(-dt / tau)
    if varying or noise > 0:
        i_steps = np.broadcast_to(cur.T if varying else cur, (n_steps, n)).astype(float)
        if noise > 0:
            i_steps = i_steps + noise * np.random.default_rng(seed).standard_normal((n_steps, n))
        vinf_steps = v_rest + r * i_steps  # (n_steps, n): V_inf during each step
        drive_steps = vinf_steps * (1.0 - decay)
        vinf_const = drive_const = None
    else:
        vinf_steps = drive_steps = None
        vinf_const = v_rest + r * cur
        drive_const = vinf_const * (1.0 - decay)

    # State. A refractory neuron gets decay 0 and drive V_reset, which clamps it at V_reset with no
    # extra work per step (for a time-varying drive, its rows of drive_steps, our own copy, are set).
    decay_vec = np.full(n, decay)
    drive = None if drive_const is None else drive_const.copy()
    vinf_list = None if vinf_const is None else vinf_const.tolist()
    drive_list = None if drive_const is None else drive_const.tolist()
    releases: dict[int, list[tuple[int, float]]] = {}  # step -> [(neuron, end of refractory, ms)]
    spikes: list[list[float]] = [[] for _ in range(n)]
    out = np.empty((n_steps + 1, n))
    v = np.full(n, v_rest if v_init_mv is None else float(v_init_mv))
    out[0] = v
    eps = 1e-9
    exp, log, ceil = math.exp, math.log, math.ceil

    for k in range(n_steps):
        # exact exponential step: V <- V_inf + (V - V_inf) e^(-dt/tau) = V e^(-dt/tau) + V_inf (1 - e^(-dt/tau))
        v *= decay_vec
        if drive is not None:
            v += drive
        else:
            v += drive_steps[k]
        released = releases.pop(k, None)
        if released is not None:
            # the refractory period ends inside this step: integrate from V_reset for the rest of it
            t_next = (k + 1) * dt
            for i, t_end in released:
                decay_vec[i] = decay
                if drive is not None:
                    drive[i] = drive_list[i]
                    vi = vinf_list[i]
                else:
                    vi = float(vinf_steps[k, i])
                v[i] = vi + (v_reset - vi) * exp(-(t_next - t_end) / tau)
        if v[v.argmax()] < v_th:
            out[k + 1] = v
            continue
        t_next = (k + 1) * dt
        for i in (v >= v_th).nonzero()[0].tolist():
            # threshold crossing: solve V(t) = V_th exactly inside the step, from the step's start
            # (or from the end of the refractory period if that fell inside this step)
            t0, v0 = k * dt, float(out[k, i])
            if released is not None:
                for i_rel, t_end in released:
                    if i_rel == i:
                        t0, v0 = t_end, v_reset
            vi = vinf_list[i] if drive is not None else float(vinf_steps[k, i])
            if v0 >= v_th or vi <= v_th:
                t_spike = t0
            else:
                t_spike = min(t0 + tau * log((vi - v0) / (vi - v_th)), t_next)
            spikes[i].append(t_spike)
            t_end = t_spike + t_ref
            j = ceil(t_end / dt - eps) - 1  # step in which the refractory period ends
            if j <= k:
                v[i] = vi + (v_reset - vi) * exp(-max(t_next - t_end, 0.0) / tau)
            else:
                v[i] = v_reset
                decay_vec[i] = 0.0
                if drive is not None:
                    drive[i] = v_reset
                else:
                    drive_steps[k + 1 : j, i] = v_reset
                if j in releases:
                    releases[j].append((i, t_end))
                else:
                    releases[j] = [(i, t_end)]
        out[k + 1] = v

    times = np.arange(n_steps + 1) * dt
    v_mv = out[:, 0].copy() if scalar else out.T  # (n, n_steps + 1), a transposed view
    spike_times = [np.asarray(s, dtype=float) for s in spikes]
    return LifResult(times_ms=times, v_mv=v_mv, spike_times_ms=spike_times[0] if scalar else spike_times,
                     duration_ms=n_steps * dt)


# --------------------------------------------------------------------------------------------------
# Event-driven vs dense energy
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SynapticEnergy:
    """Energy per synaptic event (spiking) and per MAC + weight fetch (dense), in pJ."""

    energy_per_synaptic_event_pj: float
    energy_per_mac_pj: float
    energy_per_fetch_pj: float


def default_synaptic_energy(refs: Mapping[str, float], chip: str = "loihi", fetch_level: str = "sram_8kb"
                            ) -> SynapticEnergy:
    """Event energy of Loihi (loihi_sop, a pre-silicon simulation) or TrueNorth (tn_26pj, an average that
    includes static power); dense MAC = 8-bit multiply + 32-bit add (45 nm); fetch = one
    ASSUMPTIONS["dense_weight_bits"] weight from small SRAM ("sram_8kb") or DRAM ("dram")."""
    ev_key = f"energy_per_synaptic_event_pj.{chip}"
    fetch_key = f"fetch_pj_per_bit.{fetch_level}"
    if ev_key not in REFERENCE_IDS:
        raise ValueError(f"chip must be 'loihi' or 'truenorth', got {chip!r}")
    if fetch_key not in REFERENCE_IDS:
        raise ValueError(f"fetch_level must be 'sram_8kb' or 'dram', got {fetch_level!r}")
    return SynapticEnergy(
        energy_per_synaptic_event_pj=_ref(refs, ev_key),
        energy_per_mac_pj=_ref(refs, "int8_multiply_pj") + _ref(refs, "int32_add_pj"),
        energy_per_fetch_pj=_ref(refs, fetch_key) * ASSUMPTIONS["dense_weight_bits"][0],
    )


def _nonneg(name: str, x) -> np.ndarray:
    a = np.asarray(x, dtype=float)
    if np.any(~np.isfinite(a) | (a < 0)):
        raise ValueError(f"{name} must be finite and >= 0")
    return a


def _o(a):
    return float(a) if np.ndim(a) == 0 else a


def event_driven_energy_j(neurons, rate_hz, fan_out, energy_per_synaptic_event_pj, duration_s,
                          static_power_w=0.0):
    """Spiking energy (J): neurons * rate * duration spikes, each delivered to fan_out synapses at
    E_event, plus static power * duration. Neuron-update energy is left out."""
    n, f, k = _nonneg("neurons", neurons), _nonneg("rate_hz", rate_hz), _nonneg("fan_out", fan_out)
    e, t, p = (_nonneg("energy_per_synaptic_event_pj", energy_per_synaptic_event_pj),
               _nonneg("duration_s", duration_s), _nonneg("static_power_w", static_power_w))
    return _o(n * f * t * k * e * _J_PER_PJ + p * t)


def dense_energy_j(neurons, fan_in, updates_per_s, energy_per_mac_pj, energy_per_fetch_pj, duration_s):
    """Dense (clocked ANN-style) energy (J): every neuron does fan_in MACs, each with a weight fetch,
    in every update: neurons * fan_in * updates_per_s * duration * (E_MAC + E_fetch)."""
    n, k, u = _nonneg("neurons", neurons), _nonneg("fan_in", fan_in), _nonneg("updates_per_s", updates_per_s)
    em, ef, t = (_nonneg("energy_per_mac_pj", energy_per_mac_pj),
                 _nonneg("energy_per_fetch_pj", energy_per_fetch_pj), _nonneg("duration_s", duration_s))
    return _o(n * k * u * t * (em + ef) * _J_PER_PJ)


def break_even_rate_hz(neurons, fan_out, energy_per_synaptic_event_pj, fan_in, updates_per_s,
                       energy_per_mac_pj, energy_per_fetch_pj, static_power_w=0.0):
    """Mean firing rate (Hz) at which event-driven and dense energy are equal (independent of duration):

    r* = (N k_in u (E_MAC + E_fetch) 1e-12 - P_static) / (N k_out E_event 1e-12).
    Event-driven is cheaper below r*. Returns 0 where static power alone exceeds the dense energy
    (event-driven never wins), inf where events are free.
    """
    n, k_out = _nonneg("neurons", neurons), _nonneg("fan_out", fan_out)
    e_ev = _nonneg("energy_per_synaptic_event_pj", energy_per_synaptic_event_pj)
    k_in, u = _nonneg("fan_in", fan_in), _nonneg("updates_per_s", updates_per_s)
    em, ef = _nonneg("energy_per_mac_pj", energy_per_mac_pj), _nonneg("energy_per_fetch_pj", energy_per_fetch_pj)
    p = _nonneg("static_power_w", static_power_w)
    dense_w = n * k_in * u * (em + ef) * _J_PER_PJ
    per_hz_w = n * k_out * e_ev * _J_PER_PJ
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.where(per_hz_w > 0, (dense_w - p) / np.where(per_hz_w > 0, per_hz_w, 1.0), np.inf)
    return _o(np.maximum(r, 0.0))


def break_even_activity(neurons, fan_out, energy_per_synaptic_event_pj, fan_in, updates_per_s,
                        energy_per_mac_pj, energy_per_fetch_pj, static_power_w=0.0):
    """Break-even activity: spikes per neuron per dense update (break_even_rate_hz / updates_per_s).
    With fan_in = fan_out and no static power it is (E_MAC + E_fetch) / E_event."""
    r = break_even_rate_hz(neurons, fan_out, energy_per_synaptic_event_pj, fan_in, updates_per_s,
                           energy_per_mac_pj, energy_per_fetch_pj, static_power_w)
    u = _nonneg("updates_per_s", updates_per_s)
    with np.errstate(divide="ignore", invalid="ignore"):
        return _o(np.asarray(r) / u)
