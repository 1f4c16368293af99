"""Neuromorphic: references -> model parameters, and the cached sweeps and traces the page draws.

Every number here comes from a reference row (through `value()` / `default_values()`) or from the
models in `explainers.models.memory` and `explainers.models.neuron`; this module only wires them up.
No Streamlit, no words. Results are cached with `functools.lru_cache` and their arrays made read-only
(they are shared between sessions).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from explainers.content import default_values, ref, value
from explainers.models import memory as mem
from explainers.models import neuron as nm

from . import (ACT_OPTIONS, ANALOG_MODES, BATCH_OPTIONS, BIT_FORMATS, CHIP_SLUGS, FETCH_LEVELS, FETCH_SLUGS, MEM_LEVELS,
               SYSTEM_SLUGS)

_MS_PER_S = 1000.0


def _frozen(*arrays: np.ndarray) -> None:
    for arr in arrays:
        arr.setflags(write=False)


# --- parameters (once per process) ---------------------------------------------------------------


@dataclass(frozen=True)
class Setup:
    refs: dict
    archs: dict[int, dict[str, mem.Architecture]]  # bits -> architectures
    dram_range: dict[int, tuple[mem.Architecture, mem.Architecture]]  # bits -> (low, high) DRAM machines
    analog_precise: dict[int, mem.Architecture]  # bits -> the analog design at HERMES's precise (four-phase) read
    roofline: dict[int, mem.RooflineMachine]
    growth: dict[str, float]
    lif: nm.LifParams
    events: dict[tuple[str, str], nm.SynapticEnergy]  # (chip, fetch) -> energies
    dense_fetch_range: tuple[float, float]  # DRAM fetch energy per weight, low / high (pJ)
    network_neurons: float
    fan: float
    updates_per_s: float


@lru_cache(maxsize=1)
def setup() -> Setup:
    refs = dict(default_values())
    dram = ref("hz_dram_64")
    archs, dram_range, roof, precise = {}, {}, {}, {}
    precise_refs = {**refs, ANALOG_MODES["fast"]: value(ANALOG_MODES["precise"])}
    for bits, (fmt, peak) in BIT_FORMATS.items():
        archs[bits] = mem.default_architectures(refs, fmt)
        precise[bits] = mem.default_architectures(precise_refs, fmt)["analog_in_memory"]
        lo = mem.default_architectures({**refs, "hz_dram_64": dram.low}, fmt)["von_neumann_dram"]
        hi = mem.default_architectures({**refs, "hz_dram_64": dram.high}, fmt)["von_neumann_dram"]
        dram_range[bits] = (lo, hi)
        roof[bits] = mem.default_roofline_machine(refs, peak)
    events = {(chip, fetch): nm.default_synaptic_energy(refs, chip, FETCH_LEVELS[fetch][0])
              for chip in CHIP_SLUGS for fetch in FETCH_SLUGS}
    fetch_lo = nm.default_synaptic_energy({**refs, "hz_dram_64": dram.low}, "loihi", "dram").energy_per_fetch_pj
    fetch_hi = nm.default_synaptic_energy({**refs, "hz_dram_64": dram.high}, "loihi", "dram").energy_per_fetch_pj
    return Setup(
        refs=refs, archs=archs, dram_range=dram_range, analog_precise=precise, roofline=roof, growth=mem.default_growth_rates(refs),
        lif=nm.default_lif_params(refs), events=events, dense_fetch_range=(fetch_lo, fetch_hi),
        network_neurons=value("tn_neurons"), fan=value("tn_syn") / value("tn_neurons"),
        updates_per_s=_MS_PER_S / value("ndx_step_ms"),
    )


# --- headline ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Headline:
    """Reading 32 bits from DRAM against one 32-bit add (45 nm), by source, and the range they span."""

    han_ratio: float  # Han et al.'s 32-bit DRAM access / 32-bit add
    hz_32: float  # Horowitz's 64-bit access, per 32 bits moved / 32-bit add (central figure)
    hz_32_lo: float  # ... at the low and high ends of his range
    hz_32_hi: float
    lo: float  # the range both sources span
    hi: float


@lru_cache(maxsize=1)
def headline() -> Headline:
    add = value("hz_int_add32")
    hz = ref("hz_dram_32bit")  # hz_dram_64 / 2, so both sources count the same 32 bits
    ratio = lambda pj: float(mem.fetch_to_op_energy_ratio(pj / 32.0, 32.0, add))  # noqa: E731
    han, mid, lo, hi = ratio(value("han_dram32")), ratio(value("hz_dram_32bit")), ratio(hz.low), ratio(hz.high)
    return Headline(han, mid, lo, hi, min(han, mid, lo), max(han, mid, hi))


@dataclass(frozen=True)
class ChipGain:
    """Chip against chip: HERMES's published operations per joule over an H100's at its FP8 dense peak
    and full power, for HERMES's fast (one-phase) and precise (four-phase) read."""

    fast: float
    precise: float
    gpu_tops_per_w: float

    @property
    def lo(self) -> float:
        return min(self.fast, self.precise)

    @property
    def hi(self) -> float:
        return max(self.fast, self.precise)


@lru_cache(maxsize=1)
def chip_gain() -> ChipGain:
    peak, power = value("h100_fp8_dense"), value("h100_tdp")
    fast, precise = (float(mem.ops_per_joule_ratio(value(ANALOG_MODES[m]), peak, power)) for m in ("fast", "precise"))
    return ChipGain(fast, precise, peak / power)


# --- where the joules go -------------------------------------------------------------------------


@dataclass(frozen=True)
class LayerResult:
    breakdown: dict[str, mem.EnergyBreakdown]  # arch slug -> energies
    dram_total_range: tuple[float, float] | None  # von Neumann total pJ per MAC (low, high) for DRAM
    intensity: float
    ridge: float
    peak_flops: float
    bandwidth: float
    attainable: float
    batch_intensity: np.ndarray
    macs: float
    analog_gain: float  # von Neumann / analog in-memory energy per MAC, central figures
    analog_gain_range: tuple[float, float]  # over HERMES's two read modes and, for DRAM, Horowitz's range


@lru_cache(maxsize=256)
def layer(rows: int, cols: int, bits: int, batch: int, mem_slug: str) -> LayerResult:
    s = setup()
    archs = s.archs[bits]
    work = mem.MatVecWorkload(rows=rows, cols=cols, weight_bits=bits, activation_bits=bits, batch=batch)
    chosen = {
        "von_neumann": archs[MEM_LEVELS[mem_slug][0]],
        "near_memory": archs["near_memory"],
        "analog_in_memory": archs["analog_in_memory"],
    }
    out = {slug: mem.energy_breakdown_pj(work, arch) for slug, arch in chosen.items()}
    rng = None
    vn_cases = [out["von_neumann"].per_mac_pj]
    if mem_slug == "dram":
        lo, hi = (mem.energy_breakdown_pj(work, a).per_mac_pj for a in s.dram_range[bits])
        rng = (float(lo), float(hi))
        vn_cases += [lo, hi]
    analog_cases = [out["analog_in_memory"].per_mac_pj, mem.energy_breakdown_pj(work, s.analog_precise[bits]).per_mac_pj]
    gains = [float(v / a) for v in vn_cases for a in analog_cases]
    machine = s.roofline[bits]
    intensity = float(mem.arithmetic_intensity_flop_per_byte(work))
    sweep = mem.MatVecWorkload(rows=rows, cols=cols, weight_bits=bits, activation_bits=bits,
                               batch=np.asarray(BATCH_OPTIONS, dtype=float))
    batch_intensity = np.asarray(mem.arithmetic_intensity_flop_per_byte(sweep))
    _frozen(batch_intensity)
    return LayerResult(
        breakdown=out, dram_total_range=rng, intensity=intensity, ridge=machine.ridge_point_flop_per_byte,
        peak_flops=machine.peak_flops, bandwidth=machine.bandwidth_bytes_per_s,
        attainable=float(mem.roofline_attainable_flops(machine.peak_flops, machine.bandwidth_bytes_per_s, intensity)),
        batch_intensity=batch_intensity, macs=float(out["von_neumann"].macs),
        analog_gain=gains[0], analog_gain_range=(min(gains), max(gains)),
    )


def per_mac(e: mem.EnergyBreakdown) -> dict[str, float]:
    """Energy per MAC by part (pJ): compute, weights moved, activations moved, converters."""
    n = float(e.macs)
    return {"compute": float(e.compute_pj) / n, "weights": float(e.weight_movement_pj) / n,
            "activations": float(e.activation_movement_pj) / n, "converters": float(e.converters_pj) / n}


def energy_parts(breakdowns) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Per-MAC parts (compute, weights, activations, converters) and totals of each architecture."""
    per = [per_mac(e) for e in breakdowns]
    parts = {k: np.array([p[k] for p in per]) for k in ("compute", "weights", "activations", "converters")}
    return parts, np.array([e.per_mac_pj for e in breakdowns], dtype=float)


def batch_roofline_tflops(res: LayerResult) -> tuple[np.ndarray, np.ndarray]:
    """The same layer at every batch size on the roofline: (intensity, attainable TFLOP/s)."""
    bx = np.asarray(res.batch_intensity)
    return bx, mem.roofline_attainable_flops(res.peak_flops, res.bandwidth, bx) / 1e12


# --- memory wall ---------------------------------------------------------------------------------

WALL_YEARS = 20.0


@lru_cache(maxsize=1)
def memory_wall() -> tuple[np.ndarray, dict[str, np.ndarray]]:
    years = np.linspace(0.0, WALL_YEARS, 11)  # every two years (the sources' growth step)
    g = setup().growth
    curves = {k: np.asarray(mem.growth_curve(g[k], years)) for k in ("compute", "dram_bandwidth",
                                                                     "interconnect_bandwidth")}
    _frozen(years, *curves.values())
    return years, curves


# --- the spiking neuron --------------------------------------------------------------------------


@dataclass(frozen=True)
class Trace:
    t_ms: np.ndarray  # display points (<= 1000), spikes drawn as vertical resets
    v_mv: np.ndarray
    spikes_ms: np.ndarray
    duration_ms: float
    rate_hz: float  # closed form
    v_inf_mv: float


MAX_TRACE_POINTS = 1000


@lru_cache(maxsize=256)
def trace(current_na: float) -> Trace:
    """One neuron at a constant current: the membrane potential, ready to draw.

    Cached per current (the slider has a hundred steps): the simulation took a fifth of a rerun.
    The arrays are shared between sessions, so they are made read-only.
    """
    p = setup().lif
    res = nm.simulate_lif(current_na, value("ndx_sim_ms"), value("ndx_dt_ms"), **p.as_kwargs())
    spikes = np.asarray(res.spike_times_ms, dtype=float)
    t_ms, v_mv = display_trace(res.times_ms, res.v_mv, spikes, p.v_th_mv, p.v_reset_mv, MAX_TRACE_POINTS)
    _frozen(t_ms, v_mv, spikes)
    return Trace(t_ms, v_mv, spikes, res.duration_ms, float(nm.lif_rate_hz(current_na, **p.as_kwargs())),
                 nm.steady_state_mv(current_na, p.r_mohm, p.v_rest_mv))


def display_trace(t_ms: np.ndarray, v_mv: np.ndarray, spikes_ms: np.ndarray, v_th: float, v_reset: float,
                  max_points: int) -> tuple[np.ndarray, np.ndarray]:
    """Downsample a trace to at most `max_points` and draw each spike as a rise to V_th and a drop to V_reset."""
    budget = max(max_points - 2 * len(spikes_ms), 50)
    stride = max(1, math.ceil(len(t_ms) / budget))
    idx = np.arange(0, len(t_ms), stride)
    if idx[-1] != len(t_ms) - 1:
        idx = np.append(idx, len(t_ms) - 1)
    t, v = t_ms[idx], v_mv[idx]
    if len(spikes_ms):
        pos = np.searchsorted(t, spikes_ms)
        t = np.insert(t, np.repeat(pos, 2), np.repeat(spikes_ms, 2))
        v = np.insert(v, np.repeat(pos, 2), np.tile([v_th, v_reset], len(spikes_ms)))
    return t[:max_points], v[:max_points]


@lru_cache(maxsize=8)
def fi_sweep(i_max_na: float, n: int = 51) -> tuple[np.ndarray, np.ndarray]:
    """Simulated firing rate (spike count over ndx_fi_ms) at `n` currents from 0 to i_max (cached)."""
    p = setup().lif
    currents = np.linspace(0.0, i_max_na, n)
    res = nm.simulate_lif(currents, value("ndx_fi_ms"), value("ndx_dt_ms"), **p.as_kwargs())
    rates = np.asarray(res.rates_hz, dtype=float)
    _frozen(currents, rates)
    return currents, rates


@lru_cache(maxsize=8)
def fi_curve(i_max_na: float, n: int = 301) -> tuple[np.ndarray, np.ndarray]:
    """The closed-form firing rate at `n` currents from 0 to i_max."""
    p = setup().lif
    currents = np.linspace(0.0, i_max_na, n)
    rates = np.asarray(nm.lif_rate_hz(currents, **p.as_kwargs()))
    _frozen(currents, rates)
    return currents, rates


def max_rate_hz() -> float:
    return nm.max_rate_hz(setup().lif.t_ref_ms)


def frame_times(tr: Trace, frames: int) -> np.ndarray:
    """When each animation frame ends: `frames` equal steps through the simulated window."""
    return np.linspace(tr.duration_ms / frames, tr.duration_ms, frames)


def axis_top(values: np.ndarray) -> float:
    top = float(np.max(values)) if len(values) else 0.0
    return top if top > 0 else 1.0


def nearest_index(grid: np.ndarray, x: float) -> int:
    return int(np.argmin(np.abs(np.asarray(grid) - x)))


# --- compute only when something happens ---------------------------------------------------------


@dataclass(frozen=True)
class Spiking:
    act_pct: np.ndarray  # sweep for the chart
    event_w: np.ndarray
    dense_w: float
    dense_w_range: tuple[float, float] | None  # DRAM range
    at_pct: float
    at_rate_hz: float
    at_event_w: float
    break_even_pct: float
    break_even_hz: float
    energy: nm.SynapticEnergy


@lru_cache(maxsize=256)
def spiking(act_pct: float, chip: str, fetch: str) -> Spiking:
    s = setup()
    e = s.events[(chip, fetch)]
    n, k, u = s.network_neurons, s.fan, s.updates_per_s
    sweep = np.geomspace(min(ACT_OPTIONS), max(ACT_OPTIONS), 200)
    ev = np.asarray(nm.event_driven_energy_j(n, sweep / 100.0 * u, k, e.energy_per_synaptic_event_pj, 1.0))
    _frozen(sweep, ev)
    dense = float(nm.dense_energy_j(n, k, u, e.energy_per_mac_pj, e.energy_per_fetch_pj, 1.0))
    rng = None
    if fetch == "dram":
        lo, hi = (float(nm.dense_energy_j(n, k, u, e.energy_per_mac_pj, f, 1.0)) for f in s.dense_fetch_range)
        rng = (lo, hi)
    r_star = float(nm.break_even_rate_hz(n, k, e.energy_per_synaptic_event_pj, k, u, e.energy_per_mac_pj,
                                         e.energy_per_fetch_pj))
    rate = act_pct / 100.0 * u
    return Spiking(sweep, ev, dense, rng, act_pct, rate,
                   float(nm.event_driven_energy_j(n, rate, k, e.energy_per_synaptic_event_pj, 1.0)),
                   r_star / u * 100.0, r_star, e)


# --- brains and chips ----------------------------------------------------------------------------


@dataclass(frozen=True)
class System:
    """The numbers of one row of the brains-and-chips table (its words are in present.py)."""

    slug: str
    point: tuple[float, float, float, float] | None  # neurons, power W, power low, power high (for the chart)
    neurons_range: tuple[float, float] | None


@lru_cache(maxsize=1)
def systems() -> tuple[System, ...]:
    """The systems of the table, in table order; those with a point are plotted."""
    brain_n = ref("brain_neurons")
    tn_p = ref("tn_70mw")
    points = {
        "brain": ((value("brain_neurons"), value("brain_power"), value("brain_power"), value("brain_power")),
                  (brain_n.low, brain_n.high)),
        "truenorth": ((value("tn_neurons"), value("tn_63mw") * 1e-3, tn_p.low * 1e-3, tn_p.high * 1e-3), None),
        "loihi2": ((value("loihi2_spec_n"), value("ndx_loihi2_p"), value("ndx_loihi2_p"), value("ndx_loihi2_p")),
                   None),
        "hala_point": ((value("hala_n_n"), value("hala_p"), value("hala_p"), value("hala_p")), None),
    }
    return tuple(System(slug, *points.get(slug, (None, None))) for slug in SYSTEM_SLUGS)


def per_neuron_w(system: System) -> float:
    assert system.point is not None
    return system.point[1] / system.point[0]


def brain_w_per_neuron() -> float:
    return value("brain_power") / value("brain_neurons")


def hermes_weights() -> float:
    """Weights held on IBM's HERMES chip: cores x (tile rows x tile columns)."""
    return value("her_cores") * value("her_tile") ** 2


def hermes_power_w() -> float:
    """HERMES power derived from its throughput and efficiency (TOPS / (TOPS/W))."""
    return value("her_1ph_tops") / value("her_1ph_eff")
