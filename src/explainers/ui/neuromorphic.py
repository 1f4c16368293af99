"""Glue for the Neuromorphic page: parameters from references, control options, cached sweeps, words.

Every number here comes from a reference row (through `value()` / `default_values()`) or from the
models in `explainers.models.memory` and `explainers.models.neuron`; this module only wires them up,
formats them for the language and words the one-sentence chart summaries.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pyarrow as pa
import streamlit as st

from explainers.content import numbers
from explainers.content import default_values, fmt_num, ref, shown, t, value
from explainers.models import memory as mem
from explainers.models import neuron as nm

PAGE = "neuromorphic"

# --- controls ------------------------------------------------------------------------------------

#: Where a von Neumann machine keeps the weights: slug -> (architecture in memory.py, reference row).
MEM_LEVELS: dict[str, tuple[str, str]] = {
    "sram": ("von_neumann_sram", "hz_sram_1m"),
    "hbm": ("von_neumann_hbm", "dally23_hbm"),
    "lpddr4": ("von_neumann_lpddr4", "dally20_lpddr4"),
    "dram": ("von_neumann_dram", "hz_dram_64"),
}
MEM_SLUGS: tuple[str, ...] = tuple(MEM_LEVELS)
#: Bits per weight -> (digital MAC format, H100 dense peak used in the roofline).
BIT_FORMATS: dict[int, tuple[str, str]] = {8: ("int8", "fp8"), 16: ("fp16", "bf16")}
BIT_OPTIONS: tuple[int, ...] = tuple(BIT_FORMATS)
DIM_OPTIONS: list[int] = [2**k for k in range(6, 15)]  # 64 .. 16,384
BATCH_OPTIONS: list[int] = [2**k for k in range(0, 13)]  # 1 .. 4,096
ARCH_SLUGS: tuple[str, ...] = ("von_neumann", "near_memory", "analog_in_memory")

CHIP_SLUGS: tuple[str, ...] = ("loihi", "truenorth")
CHIP_ROWS: dict[str, str] = {"loihi": "loihi_sop", "truenorth": "tn_26pj"}
FETCH_SLUGS: tuple[str, ...] = ("sram", "dram")
FETCH_LEVELS: dict[str, tuple[str, str]] = {"sram": ("sram_8kb", "hz_sram_8k"), "dram": ("dram", "hz_dram_64")}
_SERIES = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8)
ACT_OPTIONS: list[float] = sorted({round(m * 10.0**k, 6) for k in (-1, 0, 1) for m in _SERIES} | {100.0})

#: Reference rows behind each part of the page (for the Sources panel and the captions).
ENERGY_ROWS: tuple[str, ...] = ("hz_int_mul8", "hz_int_add32", "hz_fp_mul16", "hz_fp_add32", "hz_sram_8k",
                                "hz_sram_1m", "dally23_hbm", "dally20_lpddr4", "hz_dram_64", "her_1ph_eff",
                                "her_tile", "ndx_converter_energy_share")
ROOFLINE_ROWS: tuple[str, ...] = ("h100_fp8_dense", "h100_bf16_dense", "h100_bw_tbs")
WALL_ROWS: tuple[str, ...] = ("mw_flops", "mw_dram", "mw_ic")
NEURON_ROWS: tuple[str, ...] = ("lif_params_tau", "lif_params_r", "lif_params_vrest", "lif_params_vth",
                                "ndx_lif_tref", "ndx_v_reset_offset")
SPIKE_ROWS: tuple[str, ...] = ("loihi_sop", "tn_26pj", "hz_int_mul8", "hz_int_add32", "hz_sram_8k", "hz_dram_64",
                               "tn_neurons", "tn_syn", "ndx_dense_weight_bits", "ndx_step_ms")
HEADLINE_ROWS: tuple[str, ...] = ("han_dram32", "hz_int_add32", "hz_dram_64")
ASSUMPTION_ROWS: tuple[str, ...] = ("ndx_converter_energy_share", "ndx_v_reset_offset", "ndx_dense_weight_bits",
                                    "ndx_layer_dim", "ndx_weight_bits", "ndx_batch", "ndx_i_default", "ndx_i_max",
                                    "ndx_sim_ms", "ndx_fi_ms", "ndx_dt_ms", "ndx_step_ms", "ndx_act_default")

_MS_PER_S = 1000.0


# --- parameters (once per process) ---------------------------------------------------------------


@dataclass(frozen=True)
class Setup:
    refs: dict
    archs: dict[int, dict[str, mem.Architecture]]  # bits -> architectures
    dram_range: dict[int, tuple[mem.Architecture, mem.Architecture]]  # bits -> (low, high) DRAM machines
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
    archs, dram_range, roof = {}, {}, {}
    for bits, (fmt, peak) in BIT_FORMATS.items():
        archs[bits] = mem.default_architectures(refs, fmt)
        lo = mem.default_architectures({**refs, "hz_dram_64": dram.low}, fmt)["von_neumann_dram"]
        hi = mem.default_architectures({**refs, "hz_dram_64": dram.high}, fmt)["von_neumann_dram"]
        dram_range[bits] = (lo, hi)
        roof[bits] = mem.default_roofline_machine(refs, peak)
    events = {(chip, fetch): nm.default_synaptic_energy(refs, chip, FETCH_LEVELS[fetch][0])
              for chip in CHIP_SLUGS for fetch in FETCH_SLUGS}
    fetch_lo = nm.default_synaptic_energy({**refs, "hz_dram_64": dram.low}, "loihi", "dram").energy_per_fetch_pj
    fetch_hi = nm.default_synaptic_energy({**refs, "hz_dram_64": dram.high}, "loihi", "dram").energy_per_fetch_pj
    return Setup(
        refs=refs, archs=archs, dram_range=dram_range, roofline=roof, growth=mem.default_growth_rates(refs),
        lif=nm.default_lif_params(refs), events=events, dense_fetch_range=(fetch_lo, fetch_hi),
        network_neurons=value("tn_neurons"), fan=value("tn_syn") / value("tn_neurons"),
        updates_per_s=_MS_PER_S / value("ndx_step_ms"),
    )


def defaults() -> dict:
    """Control defaults, each from a reference or a named assumption row."""
    return {
        "rows": int(value("ndx_layer_dim")), "cols": int(value("ndx_layer_dim")), "bits": int(value("ndx_weight_bits")),
        "batch": int(value("ndx_batch")), "mem": "dram", "i_na": value("ndx_i_default"),
        "act": value("ndx_act_default"), "chip": "loihi", "fetch": "sram",
    }


# --- headline ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Headline:
    han_ratio: float  # 32-bit DRAM access (Han et al.) / 32-bit add
    hz_word_lo: float  # 64-bit DRAM access (Horowitz) / 32-bit add
    hz_word_hi: float
    hz_32_lo: float  # the same per 32 bits of data moved
    hz_32_hi: float


def headline() -> Headline:
    add = value("hz_int_add32")
    dram = ref("hz_dram_64")
    lo = float(mem.fetch_to_op_energy_ratio(dram.low / 64.0, 64.0, add))
    hi = float(mem.fetch_to_op_energy_ratio(dram.high / 64.0, 64.0, add))
    return Headline(value("han_dram32") / add, lo, hi, lo / 2.0, hi / 2.0)


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
    if mem_slug == "dram":
        lo, hi = (mem.energy_breakdown_pj(work, a).per_mac_pj for a in s.dram_range[bits])
        rng = (float(lo), float(hi))
    machine = s.roofline[bits]
    intensity = float(mem.arithmetic_intensity_flop_per_byte(work))
    sweep = mem.MatVecWorkload(rows=rows, cols=cols, weight_bits=bits, activation_bits=bits,
                               batch=np.asarray(BATCH_OPTIONS, dtype=float))
    return LayerResult(
        breakdown=out, dram_total_range=rng, intensity=intensity, ridge=machine.ridge_point_flop_per_byte,
        peak_flops=machine.peak_flops, bandwidth=machine.bandwidth_bytes_per_s,
        attainable=float(mem.roofline_attainable_flops(machine.peak_flops, machine.bandwidth_bytes_per_s, intensity)),
        batch_intensity=np.asarray(mem.arithmetic_intensity_flop_per_byte(sweep)), macs=float(out["von_neumann"].macs),
    )


def per_mac(e: mem.EnergyBreakdown) -> dict[str, float]:
    """Energy per MAC by part (pJ): compute, weights moved, activations moved, converters."""
    n = float(e.macs)
    return {"compute": float(e.compute_pj) / n, "weights": float(e.weight_movement_pj) / n,
            "activations": float(e.activation_movement_pj) / n, "converters": float(e.converters_pj) / n}


# --- memory wall ---------------------------------------------------------------------------------

WALL_YEARS = 20.0


def memory_wall() -> tuple[np.ndarray, dict[str, np.ndarray]]:
    years = np.linspace(0.0, WALL_YEARS, 11)  # every two years (the sources' growth step)
    g = setup().growth
    return years, {k: np.asarray(mem.growth_curve(g[k], years)) for k in ("compute", "dram_bandwidth",
                                                                          "interconnect_bandwidth")}


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


@st.cache_resource(max_entries=256, show_spinner=False)
def trace(current_na: float) -> Trace:
    """One neuron at a constant current: the membrane potential, ready to draw.

    Cached per current (the slider has a few dozen steps): the simulation took a fifth of a rerun.
    The arrays are shared between sessions, so they are made read-only.
    """
    p = setup().lif
    res = nm.simulate_lif(current_na, value("ndx_sim_ms"), value("ndx_dt_ms"), **p.as_kwargs())
    spikes = np.asarray(res.spike_times_ms[0], dtype=float)
    t_ms, v_mv = display_trace(res.times_ms, res.v_mv, spikes, p.v_th_mv, p.v_reset_mv, MAX_TRACE_POINTS)
    for arr in (t_ms, v_mv, spikes):
        arr.setflags(write=False)
    return Trace(t_ms, v_mv, spikes, res.duration_ms, float(nm.lif_rate_hz(current_na, **p.as_kwargs())),
                 p.v_rest_mv + p.r_mohm * current_na)


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


@st.cache_data(show_spinner=False)
def fi_sweep(i_max_na: float, n: int = 51) -> tuple[np.ndarray, np.ndarray]:
    """Simulated firing rate (spike count over ndx_fi_ms) at `n` currents from 0 to i_max (cached)."""
    p = setup().lif
    currents = np.linspace(0.0, i_max_na, n)
    res = nm.simulate_lif(currents, value("ndx_fi_ms"), value("ndx_dt_ms"), **p.as_kwargs())
    return currents, np.asarray(res.rates_hz, dtype=float)


def fi_curve(i_max_na: float, n: int = 301) -> tuple[np.ndarray, np.ndarray]:
    p = setup().lif
    currents = np.linspace(0.0, i_max_na, n)
    return currents, np.asarray(nm.lif_rate_hz(currents, **p.as_kwargs()))


def max_rate_hz() -> float:
    return _MS_PER_S / setup().lif.t_ref_ms


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


def spiking(act_pct: float, chip: str, fetch: str) -> Spiking:
    s = setup()
    e = s.events[(chip, fetch)]
    n, k, u = s.network_neurons, s.fan, s.updates_per_s
    sweep = np.geomspace(min(ACT_OPTIONS), max(ACT_OPTIONS), 200)
    ev = np.asarray(nm.event_driven_energy_j(n, sweep / 100.0 * u, k, e.energy_per_synaptic_event_pj, 1.0))
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

SYSTEM_SLUGS: tuple[str, ...] = ("brain", "truenorth", "loihi", "loihi2", "hala_point", "spinnaker2", "northpole",
                                 "hermes")


@dataclass(frozen=True)
class System:
    slug: str
    neurons: str
    synapses: str
    power: str
    refs: tuple[str, ...]
    point: tuple[float, float, float, float] | None  # neurons, power W, power low, power high (for the chart)
    neurons_range: tuple[float, float] | None


def fmt_count(x: float, lang: str) -> str:
    return numbers.fmt_count(x, lang)


def fmt_power(w: float, lang: str) -> str:
    """Power with a readable prefix: 63 mW, 2.6 kW, 0.23 nW."""
    return numbers.fmt_prefixed(w, "W", lang)


@lru_cache(maxsize=4)
def systems(lang: str) -> tuple[System, ...]:
    """The table rows: numbers formatted for the language, ranges where sources disagree (once per language)."""
    none = t("neuromorphic.chips.none", lang)
    brain_n = ref("brain_neurons")
    tn_p = ref("tn_70mw")
    her_weights = value("her_cores") * value("her_tile") ** 2
    her_power = value("her_1ph_tops") / value("her_1ph_eff")
    approx = t("neuromorphic.chips.approx", lang)
    return (
        System("brain",
               t("neuromorphic.chips.range", lang, low=fmt_count(brain_n.low, lang), high=fmt_count(brain_n.high, lang),
                 mid=fmt_count(brain_n.value, lang)),
               t("neuromorphic.chips.brain_syn", lang, ctx=fmt_count(value("brain_syn_ctx"), lang),
                 all=fmt_count(value("brain_syn_all"), lang)),
               f"{approx} {fmt_power(value('brain_power'), lang)}",
               ("brain_neurons", "brain_syn_ctx", "brain_syn_all", "brain_power"),
               (brain_n.value, value("brain_power"), value("brain_power"), value("brain_power")),
               (brain_n.low, brain_n.high)),
        System("truenorth", fmt_count(value("tn_neurons"), lang), fmt_count(value("tn_syn"), lang),
               f"{fmt_power(tn_p.low * 1e-3, lang)}–{fmt_power(tn_p.high * 1e-3, lang)}",
               ("tn_neurons", "tn_syn", "tn_70mw", "tn_63mw", "tn_26pj"),
               (value("tn_neurons"), value("tn_63mw") * 1e-3, tn_p.low * 1e-3, tn_p.high * 1e-3), None),
        System("loihi", fmt_count(value("loihi_neurons_n"), lang), fmt_count(value("loihi_neurons_syn"), lang), none,
               ("loihi_neurons_n", "loihi_neurons_syn", "loihi_sop", "loihi_node"), None, None),
        System("loihi2", fmt_count(value("loihi2_spec_n"), lang), fmt_count(value("loihi2_spec_syn"), lang),
               f"{approx} {fmt_power(value('ndx_loihi2_p'), lang)}",
               ("loihi2_spec_n", "loihi2_spec_syn", "ndx_loihi2_p"),
               (value("loihi2_spec_n"), value("ndx_loihi2_p"), value("ndx_loihi2_p"), value("ndx_loihi2_p")), None),
        System("hala_point", fmt_count(value("hala_n_n"), lang), fmt_count(value("hala_n_syn"), lang),
               t("neuromorphic.chips.at_most", lang, p=fmt_power(value("hala_p"), lang)),
               ("hala_n_n", "hala_n_syn", "hala_p"),
               (value("hala_n_n"), value("hala_p"), value("hala_p"), value("hala_p")), None),
        System("spinnaker2", t("neuromorphic.chips.programmable", lang), none, none, ("spin2",), None, None),
        System("northpole", t("neuromorphic.chips.not_spiking", lang), none, none, ("np_spec", "np_eff"), None, None),
        System("hermes", t("neuromorphic.chips.not_spiking", lang),
               t("neuromorphic.chips.weights", lang, n=fmt_count(her_weights, lang)),
               t("neuromorphic.chips.derived_power", lang, p=fmt_power(her_power, lang)),
               ("her_spec", "her_cores", "her_tile", "her_1ph_tops", "her_1ph_eff"), None, None),
    )


@st.cache_resource(max_entries=4, show_spinner=False)
def chips_table(lang: str) -> pa.Table:
    """The brains-and-chips table in `lang`, as Arrow (built once per language: it is all static text)."""
    def T(key: str, **kw) -> str:
        return t(f"neuromorphic.{key}", lang, **kw)

    caveat_values = dict(
        brain_n=fmt_count(value("brain_neurons"), lang), brain_p=shown("brain_power", lang),
        tn_p=shown("tn_63mw", lang), tn_hi=fmt_power(ref("tn_70mw").high * 1e-3, lang), tn_e=shown("tn_26pj", lang),
        loihi_e=shown("loihi_sop", lang), loihi2_p=shown("ndx_loihi2_p", lang), hala_p=shown("hala_p", lang),
        np_x=fmt_num(value("np_eff"), lang, 3), cores=fmt_num(value("her_cores"), lang, 3),
        tile=fmt_num(value("her_tile"), lang, 3), tops=shown("her_1ph_tops", lang), eff=shown("her_1ph_eff", lang),
    )
    systems_ = systems(lang)
    return pa.table({
        "system": [T(f"chips.name.{s.slug}") for s in systems_],
        "kind": [T(f"chips.kind.{s.slug}") for s in systems_],
        "neurons": [s.neurons for s in systems_],
        "synapses": [s.synapses for s in systems_],
        "power": [s.power for s in systems_],
        "caveat": [T(f"chips.caveat.{s.slug}", **caveat_values) for s in systems_],
        "sources": [", ".join(s.refs) for s in systems_],
    })


def chip_rows() -> tuple[str, ...]:
    return tuple(rid for s in systems("en") for rid in s.refs)


def per_neuron_w(system: System) -> float:
    assert system.point is not None
    return system.point[1] / system.point[0]


# --- all reference ids the page shows ------------------------------------------------------------


def page_reference_ids() -> list[str]:
    ids = (*HEADLINE_ROWS, *ENERGY_ROWS, *ROOFLINE_ROWS, *WALL_ROWS, *NEURON_ROWS, *SPIKE_ROWS, *chip_rows(),
           *ASSUMPTION_ROWS)
    return list(dict.fromkeys(ids))



# --- glue the page needs (kept out of the page script) ---------------------------------------------


def fmt_ratio(x: float, lang: str) -> str:
    """A ratio rounded as people say it (two significant figures from 100 up): 6,400 / 1,200 / 3.45."""
    if x >= 100 and np.isfinite(x):
        x = round(x, 1 - int(np.floor(np.log10(x))))
    return fmt_num(x, lang, 3)


def energy_parts(breakdowns) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Per-MAC parts (compute, weights, activations, converters) and totals of each architecture."""
    per = [per_mac(e) for e in breakdowns]
    parts = {k: np.array([p[k] for p in per]) for k in ("compute", "weights", "activations", "converters")}
    return parts, np.array([e.per_mac_pj for e in breakdowns], dtype=float)


def batch_roofline_tflops(res) -> tuple[np.ndarray, np.ndarray]:
    """The same layer at every batch size on the roofline: (intensity, attainable TFLOP/s)."""
    bx = np.asarray(res.batch_intensity)
    return bx, mem.roofline_attainable_flops(res.peak_flops, res.bandwidth, bx) / 1e12


def frame_times(tr, frames: int) -> np.ndarray:
    """When each animation frame ends: `frames` equal steps through the simulated window."""
    return np.linspace(tr.duration_ms / frames, tr.duration_ms, frames)


def axis_top(values: np.ndarray) -> float:
    top = float(np.max(values)) if len(values) else 0.0
    return top if top > 0 else 1.0


def nearest_index(grid: np.ndarray, x: float) -> int:
    return int(np.argmin(np.abs(np.asarray(grid) - x)))
