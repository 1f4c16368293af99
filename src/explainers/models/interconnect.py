"""Energy and reach of data links, from on-chip wires to optical fibre.

What: the energy to move one bit over a distance, for seven tiers of link (on-chip wire, chiplet
link, board trace with SerDes, copper cable, pluggable optics, co-packaged optics and a research
target), and how far each can reach at a given lane rate.

Model (one segment = one transmitter + one receiver):

    E(L) = n(L) * E0 + e_w * L,      n(L) = max(1, ceil(L / reach(R))),
    E(L) = NaN  if L > max_reach(R) = min(cap, max_segments * reach(R))   ("not possible").

- ``E0`` (pJ/bit) is the published per-link figure; each retimer or repeater pays it again, so an
  electrical link that outgrows its reach climbs a staircase.
- ``e_w`` (pJ/bit/mm) is a per-distance cost; only the on-chip wire has one (its published figure
  already includes drivers and repeaters). SerDes energy is taken as independent of trace length
  inside the reach (the equaliser is sized for the worst channel).
- Copper reach falls with the lane rate: loss per metre grows with the Nyquist frequency,
  ``loss(f) = k_c sqrt(f) + k_d f`` (skin effect + dielectric), and
  ``reach = (budget - other losses) / loss(f_N)``, with ``f_N = R / (2 bits_per_symbol)``
  (PAM4: R/4 GHz for R in Gb/s).
- Optical reach is ``budget_dB / attenuation_dB_per_km``; inside it the energy per bit is flat
  (lasers and receivers are sized for the longest link, so a shorter fibre costs the same).

Left out: latency, protocol and FEC overhead, lane counts and shoreline density, dispersion and
multimode limits in fibre, optical amplifiers, power of idle links, temperature, the rise of SerDes
energy with rate (UCIe quotes 0.6 instead of 0.5 pJ/bit above 16 GT/s), and the host SerDes that
feeds a pluggable module (published figures differ on whether they include it). The chiplet and
on-chip links carry any throughput with more lanes, so the lane rate does not change their reach.

Energy beyond a link's absolute maximum reach is ``np.nan`` (meaning "this link cannot go that
far"); the page masks it.

Defaults come from ``data/references.yaml`` via :func:`default_links`; modelling choices without a
published figure are listed, with a reason, in :data:`ASSUMPTIONS`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Mapping, Sequence

import numpy as np

__all__ = [
    "ALTERNATIVE_IDS",
    "ASSUMPTIONS",
    "LINK_SLUGS",
    "REFERENCE_CONDITIONS",
    "REFERENCE_IDS",
    "REFERENCE_UNITS",
    "Basis",
    "CopperChannel",
    "FibreBudget",
    "FixedReach",
    "LinkSpec",
    "Medium",
    "channel_loss_db_per_m",
    "copper_lanes_needed",
    "LONG_REACH_REFERENCE_IDS",
    "LONG_REACH_REFERENCE_UNITS",
    "cheapest_pj_per_bit",
    "crossover_between",
    "crossover_distance_m",
    "default_links",
    "energy_pj_per_bit",
    "fibre_budget_db",
    "long_reach_link",
    "fit_conductor_dielectric",
    "link_power_w",
    "max_reach_m",
    "nyquist_ghz",
    "segment_reach_m",
    "segments_needed",
]

# Unit definitions (exact by definition, not estimates).
_M_PER_INCH = 0.0254
_MM_PER_M = 1000.0
_M_PER_KM = 1000.0
_PJ_PER_FJ = 1e-3

# Stable slugs, ordered from the shortest tier to the longest.
LINK_SLUGS: tuple[str, ...] = ("on_chip", "chiplet", "board", "dac", "pluggable", "cpo", "research")

#: parameter name -> id in data/references.yaml (the default source of each number).
REFERENCE_IDS: dict[str, str] = {
    "on_chip_wire_fj_per_bit_per_mm": "dally22_noc",
    "chiplet_pj_per_bit": "ucie_std_e",
    "serdes_pj_per_bit": "serdes112",
    "channel_loss_budget_db": "chan_112g",
    "fr4_loss_db_per_inch_low_f": "pcb_fr4_5g",
    "fr4_loss_db_per_inch_high_f": "pcb_fr4_14g",
    "board_loss_db_per_inch_high_f": "pcb_m6_14g",
    "dac_reach_m": "dac_100g",
    "pluggable_pj_per_bit": "pluggable_intel",
    "cpo_pj_per_bit": "intel_oci_e",
    "research_fj_per_bit": "miller17_target",
    "fibre_attenuation_db_per_km": "fib_g652_1310",
}

#: Other ids a page may offer for the same parameter (same unit and meaning). Pass a choice to
#: ``default_links(refs, ids={param: id})``.
ALTERNATIVE_IDS: dict[str, tuple[str, ...]] = {
    "on_chip_wire_fj_per_bit_per_mm": (
        "dally18_wire",
        "dally20_wire",
        "kec_wire_random",
        "kogge_wire_full",
        "kogge_wire_reduced",
    ),
    "board_loss_db_per_inch_high_f": ("pcb_fr4_14g", "pcb_m7_14g"),
    "channel_loss_budget_db": ("chan_56g",),
    "pluggable_pj_per_bit": ("nv_cpo_pjbit_pluggable",),
    "cpo_pj_per_bit": ("nv_cpo_pjbit_cpo",),
    "research_fj_per_bit": ("miller09_target",),
    "fibre_attenuation_db_per_km": ("fib_g652_1550", "fib_ull_1310", "fib_ull_1550"),
}

#: The unit each parameter expects, exactly as written in references.yaml.
REFERENCE_UNITS: dict[str, str] = {
    "on_chip_wire_fj_per_bit_per_mm": "fJ/bit/mm",
    "chiplet_pj_per_bit": "pJ/bit",
    "serdes_pj_per_bit": "pJ/bit",
    "channel_loss_budget_db": "dB",
    "fr4_loss_db_per_inch_low_f": "dB/inch",
    "fr4_loss_db_per_inch_high_f": "dB/inch",
    "board_loss_db_per_inch_high_f": "dB/inch",
    "dac_reach_m": "m",
    "pluggable_pj_per_bit": "pJ/bit",
    "cpo_pj_per_bit": "pJ/bit",
    "research_fj_per_bit": "fJ/bit",
    "fibre_attenuation_db_per_km": "dB/km",
}

#: Conditions under which a reference figure holds (read from its quantity/context text): the
#: frequency of a dB/inch figure, the lane rate of a reach figure. Facts about the source, not
#: estimates.
REFERENCE_CONDITIONS: dict[str, dict[str, float]] = {
    "pcb_fr4_5g": {"frequency_ghz": 5.0},
    "pcb_fr4_14g": {"frequency_ghz": 14.0},
    "pcb_m6_14g": {"frequency_ghz": 14.0},
    "pcb_m7_14g": {"frequency_ghz": 14.0},
    "dac_100g": {"rate_gbps": 100.0},
}

#: Modelling assumptions with no published figure: name -> (value, unit, justification).
ASSUMPTIONS: dict[str, tuple[float, str, str]] = {
    "on_chip_fixed_pj_per_bit": (
        0.0,
        "pJ/bit",
        "Drivers and repeaters are already inside the per-mm wire figure.",
    ),
    "on_chip_max_distance_m": (
        0.030,
        "m",
        "About the long side of a reticle-limited die (~26 x 33 mm); longer routes leave the chip.",
    ),
    "chiplet_reach_m": (
        0.025,
        "m",
        "UCIe standard-package reach (~25 mm), stated in the context of ucie_std_bw only.",
    ),
    "chiplet_max_segments": (
        1.0,
        "segments",
        "No retimers between dies inside one package.",
    ),
    "serdes_bits_per_symbol": (
        2.0,
        "bit/symbol",
        "Every SerDes lane uses PAM4, so the Nyquist frequency is rate/4 (GHz for Gb/s).",
    ),
    "board_other_losses_db": (
        0.0,
        "dB",
        "Connectors, vias and packages ignored: the whole budget goes to the trace (upper bound).",
    ),
    "board_max_segments": (
        3.0,
        "segments",
        "At most two retimers on one link, the limit PCIe sets.",
    ),
    "dac_dielectric_share": (
        0.0,
        "-",
        "Share of cable loss that is dielectric; 0 = pure skin effect, so reach ~ 1/sqrt(rate).",
    ),
    "dac_max_segments": (
        1.0,
        "segments",
        "A passive cable has nowhere to put a retimer.",
    ),
    "optical_budget_db": (
        4.0,
        "dB",
        "Power budget left for fibre loss after connectors and penalties; ~10 km on O-band fibre.",
    ),
    "cpo_max_distance_m": (
        100.0,
        "m",
        "Intel OCI's stated fibre reach (context of intel_oci_bw).",
    ),
    "research_max_distance_m": (
        10.0,
        "m",
        "Upper end of Miller's ~1 cm to ~10 m range for the target (miller17_target).",
    ),
    "optical_max_segments": (
        1.0,
        "segments",
        "No optical amplifiers or regenerators.",
    ),
}


class Medium(StrEnum):
    """What carries the bits."""

    ELECTRICAL = "electrical"
    OPTICAL = "optical"


class Basis(StrEnum):
    """What kind of figure the link's energy is."""

    PUBLISHED = "published"  # a published estimate or measurement
    SPECIFICATION = "specification"  # a standard's key performance figure
    VENDOR_CLAIM = "vendor_claim"  # a vendor's marketing figure
    RESEARCH_TARGET = "research_target"  # a goal, not a product


@dataclass(frozen=True)
class FixedReach:
    """Reach of one segment, independent of the lane rate (on-chip wire, chiplet link)."""

    segment_reach_m: float

    def __post_init__(self) -> None:
        if not self.segment_reach_m > 0:
            raise ValueError(f"segment_reach_m must be > 0, got {self.segment_reach_m}")


@dataclass(frozen=True)
class CopperChannel:
    """Loss-limited copper channel: reach = (budget - other) / (k_c sqrt(f_N) + k_d f_N)."""

    loss_budget_db: float
    other_losses_db: float
    conductor_db_per_m_per_sqrt_ghz: float
    dielectric_db_per_m_per_ghz: float
    bits_per_symbol: float

    def __post_init__(self) -> None:
        if self.conductor_db_per_m_per_sqrt_ghz < 0 or self.dielectric_db_per_m_per_ghz < 0:
            raise ValueError("loss coefficients must be >= 0")
        if self.conductor_db_per_m_per_sqrt_ghz == 0 and self.dielectric_db_per_m_per_ghz == 0:
            raise ValueError("a channel needs a non-zero loss coefficient")
        if not self.bits_per_symbol > 0:
            raise ValueError("bits_per_symbol must be > 0")


@dataclass(frozen=True)
class FibreBudget:
    """Attenuation-limited optical link: reach = budget / attenuation."""

    optical_budget_db: float
    attenuation_db_per_km: float

    def __post_init__(self) -> None:
        if not self.attenuation_db_per_km > 0:
            raise ValueError("attenuation_db_per_km must be > 0")


ReachModel = FixedReach | CopperChannel | FibreBudget


@dataclass(frozen=True)
class LinkSpec:
    """One tier of link.

    ``fixed_pj_per_bit`` is paid once per segment (transmitter + receiver, or a retimer);
    ``wire_pj_per_bit_per_mm`` once per millimetre; ``max_distance_m`` is a hard cap (die, product,
    target range; ``inf`` for none); ``reference_ids`` name the sources for a Sources panel.
    """

    slug: str
    medium: Medium
    basis: Basis
    fixed_pj_per_bit: float
    wire_pj_per_bit_per_mm: float
    reach: ReachModel
    max_segments: int
    max_distance_m: float
    reference_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.fixed_pj_per_bit < 0 or self.wire_pj_per_bit_per_mm < 0:
            raise ValueError(f"{self.slug}: energies must be >= 0")
        if self.fixed_pj_per_bit == 0 and self.wire_pj_per_bit_per_mm == 0:
            raise ValueError(f"{self.slug}: a link needs a fixed or a per-mm energy")
        if int(self.max_segments) != self.max_segments or self.max_segments < 1:
            raise ValueError(f"{self.slug}: max_segments must be a whole number >= 1")
        if not self.max_distance_m > 0:
            raise ValueError(f"{self.slug}: max_distance_m must be > 0")

    @property
    def is_optical(self) -> bool:
        return self.medium is Medium.OPTICAL

    @property
    def is_vendor_claim(self) -> bool:
        return self.basis is Basis.VENDOR_CLAIM

    @property
    def is_research_target(self) -> bool:
        return self.basis is Basis.RESEARCH_TARGET


# --------------------------------------------------------------------------- basic relations


def link_power_w(energy_pj_per_bit, throughput_gbps):
    """Power (W) = energy per bit x bit rate. 1 pJ/bit at 1000 Gb/s is 1 W."""
    e = np.asarray(energy_pj_per_bit, dtype=float)
    t = np.asarray(throughput_gbps, dtype=float)
    return (e * 1e-12 * t * 1e9)[()]


def crossover_distance_m(electrical_fixed_pj, electrical_pj_per_bit_per_mm, optical_fixed_pj):
    """Distance (m) beyond which a flat optical link beats a wire of fixed + per-mm cost.

    ``E_el(L) = E0_el + e_w L`` and ``E_opt = E0_opt`` give ``L* = (E0_opt - E0_el) / e_w``
    (``e_w`` in pJ/bit/mm, converted to metres). ``L* <= 0`` means optics is never worse.
    Ignores repeater staircases (see :func:`crossover_between` for those).
    """
    e0_el = np.asarray(electrical_fixed_pj, dtype=float)
    e_w = np.asarray(electrical_pj_per_bit_per_mm, dtype=float)
    e0_opt = np.asarray(optical_fixed_pj, dtype=float)
    if np.any(~(e_w > 0)):
        raise ValueError(
            "electrical_pj_per_bit_per_mm must be > 0: with no per-distance cost the two lines "
            "never cross"
        )
    return ((e0_opt - e0_el) / e_w / _MM_PER_M)[()]


def nyquist_ghz(rate_gbps, bits_per_symbol):
    """Nyquist frequency (GHz) of a lane: baud/2 = rate / (2 bits_per_symbol). PAM4: rate/4."""
    r = np.asarray(rate_gbps, dtype=float)
    return (r / (2.0 * np.asarray(bits_per_symbol, dtype=float)))[()]


def channel_loss_db_per_m(
    frequency_ghz, conductor_db_per_m_per_sqrt_ghz, dielectric_db_per_m_per_ghz
):
    """Copper loss per metre: ``k_c sqrt(f) + k_d f`` (skin effect + dielectric loss)."""
    f = np.asarray(frequency_ghz, dtype=float)
    return (conductor_db_per_m_per_sqrt_ghz * np.sqrt(f) + dielectric_db_per_m_per_ghz * f)[()]


def fit_conductor_dielectric(f1_ghz: float, loss1: float, f2_ghz: float, loss2: float):
    """Solve ``loss = k_c sqrt(f) + k_d f`` through two points; returns ``(k_c, k_d)``.

    Units follow the inputs (dB/inch in, dB/inch/sqrt(GHz) and dB/inch/GHz out).
    """
    if f1_ghz <= 0 or f2_ghz <= 0 or f1_ghz == f2_ghz:
        raise ValueError("need two different positive frequencies")
    s1, s2 = math.sqrt(f1_ghz), math.sqrt(f2_ghz)
    det = s1 * f2_ghz - f1_ghz * s2
    k_c = (loss1 * f2_ghz - loss2 * f1_ghz) / det
    k_d = (s1 * loss2 - s2 * loss1) / det
    return k_c, k_d


def copper_lanes_needed(throughput_gbps, lane_rate_gbps):
    """Whole lanes needed to carry a throughput: ``ceil(throughput / lane_rate)``."""
    t = np.asarray(throughput_gbps, dtype=float)
    r = np.asarray(lane_rate_gbps, dtype=float)
    if np.any(~(r > 0)):
        raise ValueError("lane_rate_gbps must be > 0")
    if np.any(t < 0):
        raise ValueError("throughput_gbps must be >= 0")
    return np.ceil(t / r * (1 - 1e-12)).astype(int)[()]


# --------------------------------------------------------------------------- reach and energy


def segment_reach_m(link: LinkSpec, rate_gbps):
    """Reach (m) of one segment of ``link`` at a lane rate (``inf`` if nothing limits it)."""
    r = np.asarray(rate_gbps, dtype=float)
    if np.any(~(r > 0)):
        raise ValueError("rate_gbps must be > 0")
    model = link.reach
    if isinstance(model, FixedReach):
        return np.full(r.shape, model.segment_reach_m)[()]
    if isinstance(model, CopperChannel):
        f = r / (2.0 * model.bits_per_symbol)
        loss = (
            model.conductor_db_per_m_per_sqrt_ghz * np.sqrt(f)
            + model.dielectric_db_per_m_per_ghz * f
        )
        budget = max(model.loss_budget_db - model.other_losses_db, 0.0)
        return (budget / loss)[()]
    if isinstance(model, FibreBudget):
        reach = max(model.optical_budget_db, 0.0) / model.attenuation_db_per_km * _M_PER_KM
        return np.full(r.shape, reach)[()]
    raise TypeError(f"unknown reach model {type(model).__name__}")


def max_reach_m(link: LinkSpec, rate_gbps):
    """Absolute maximum distance (m): ``min(cap, max_segments * segment reach)``."""
    seg = np.asarray(segment_reach_m(link, rate_gbps), dtype=float)
    return np.minimum(link.max_distance_m, link.max_segments * seg)[()]


def _segments(seg_reach: np.ndarray, d: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(seg_reach > 0, d / seg_reach, 0.0)  # zero reach is masked by the caller
    # the tiny shrink keeps d == k * reach at k segments despite rounding
    return np.maximum(1.0, np.ceil(ratio * (1 - 1e-12)))


def _check_distance(d: np.ndarray) -> None:
    if np.any(d < 0):
        raise ValueError("distance_m must be >= 0")


def segments_needed(link: LinkSpec, distance_m, rate_gbps):
    """Segments (1 + retimers) needed to span ``distance_m``; ``nan`` beyond the maximum reach."""
    d = np.asarray(distance_m, dtype=float)
    _check_distance(d)
    seg = np.asarray(segment_reach_m(link, rate_gbps), dtype=float)
    reach = np.minimum(link.max_distance_m, link.max_segments * seg)
    n = _segments(seg, d)
    return np.where((d <= reach) & (reach > 0), n, np.nan)[()]


def energy_pj_per_bit(link: LinkSpec, distance_m, rate_gbps):
    """Energy per bit (pJ) to move a bit ``distance_m`` over ``link`` at lane rate ``rate_gbps``.

    ``n * fixed + wire * distance`` with ``n = max(1, ceil(d / segment reach))``; ``np.nan``
    beyond the link's maximum reach (not possible). Broadcasts distance against rate.
    """
    d = np.asarray(distance_m, dtype=float)
    _check_distance(d)
    seg = np.asarray(segment_reach_m(link, rate_gbps), dtype=float)
    reach = np.minimum(link.max_distance_m, link.max_segments * seg)
    n = _segments(seg, d)
    energy = n * link.fixed_pj_per_bit + link.wire_pj_per_bit_per_mm * d * _MM_PER_M
    return np.where((d <= reach) & (reach > 0), energy, np.nan)[()]


def _as_links(links: LinkSpec | Sequence[LinkSpec]) -> tuple[LinkSpec, ...]:
    group = (links,) if isinstance(links, LinkSpec) else tuple(links)
    if not group:
        raise ValueError("need at least one link")
    return group


def cheapest_pj_per_bit(links: LinkSpec | Sequence[LinkSpec], distance_m, rate_gbps):
    """Energy per bit of the cheapest of ``links`` at each distance, and which one it is.

    Returns ``(energy, index)``: ``energy`` is the lowest :func:`energy_pj_per_bit` among the
    links (``nan`` where none of them reaches), ``index`` the position of that link in ``links``
    (``-1`` where none reaches; the first one wins a tie).
    """
    group = _as_links(links)
    d = np.asarray(distance_m, dtype=float)
    stack = np.stack(
        [np.broadcast_to(np.asarray(energy_pj_per_bit(link, d, rate_gbps), dtype=float), d.shape)
         for link in group]
    )
    filled = np.where(np.isnan(stack), np.inf, stack)
    index = np.argmin(filled, axis=0)
    best = np.take_along_axis(filled, index[None, ...], axis=0)[0]
    none = ~np.isfinite(best)
    return np.where(none, np.nan, best)[()], np.where(none, -1, index)[()]


def crossover_between(link_a, link_b, rate_gbps: float, distance_m):
    """First distance on a grid where ``link_b`` costs strictly less per bit than ``link_a``.

    Numerical counterpart of :func:`crossover_distance_m` that handles staircases and reach
    limits: an impossible link (``nan``) counts as infinitely expensive, so the answer is also the
    distance where ``link_a`` runs out and ``link_b`` still works. Returns ``nan`` if ``link_b`` is
    never cheaper on the grid, and the first grid point if it is cheaper from the start.
    ``distance_m`` must be a 1-D ascending grid; the answer is only as fine as the grid.

    Either side may also be a sequence of links, standing for the cheapest of them at each
    distance (e.g. every electrical link against every optical link).
    """
    d = np.asarray(distance_m, dtype=float)
    if d.ndim != 1 or d.size == 0:
        raise ValueError("distance_m must be a non-empty 1-D grid")
    if np.any(np.diff(d) <= 0):
        raise ValueError("distance_m must be strictly ascending")
    ea = np.nan_to_num(cheapest_pj_per_bit(link_a, d, rate_gbps)[0], nan=np.inf)
    eb = np.nan_to_num(cheapest_pj_per_bit(link_b, d, rate_gbps)[0], nan=np.inf)
    cheaper = np.isfinite(eb) & (eb < ea)
    idx = np.flatnonzero(cheaper)
    return float(d[idx[0]]) if idx.size else float("nan")


# --------------------------------------------------------------------------- defaults


def _value(refs: Mapping[str, float], ids: Mapping[str, str], param: str) -> float:
    ref_id = ids[param]
    try:
        value = refs[ref_id]
    except KeyError:
        raise KeyError(f"reference id {ref_id!r} (for {param}) missing from the mapping") from None
    if value is None or not math.isfinite(float(value)):
        raise ValueError(f"reference {ref_id!r} (for {param}) has no numeric value")
    return float(value)


def default_links(
    refs: Mapping[str, float],
    ids: Mapping[str, str] | None = None,
    assumptions: Mapping[str, float] | None = None,
) -> dict[str, LinkSpec]:
    """Build the seven :class:`LinkSpec` from ``{reference_id: value}`` (units as in the YAML).

    ``ids`` overrides entries of :data:`REFERENCE_IDS` (e.g. ``{"cpo_pj_per_bit":
    "nv_cpo_pjbit_cpo"}``); the numbers not covered by a reference come from :data:`ASSUMPTIONS`,
    and ``assumptions`` overrides their values (e.g. ``{"optical_budget_db": 10.0}``).
    The board's copper conductor term is fitted through the two FR-4 points and shared by every
    laminate; the laminate's own 14 GHz figure then fixes its dielectric term.
    """
    chosen = dict(REFERENCE_IDS)
    if ids:
        unknown = set(ids) - set(REFERENCE_IDS)
        if unknown:
            raise KeyError(f"unknown parameter(s): {sorted(unknown)}")
        chosen.update(ids)
    assumed_values = {name: entry[0] for name, entry in ASSUMPTIONS.items()}
    if assumptions:
        unknown = set(assumptions) - set(ASSUMPTIONS)
        if unknown:
            raise KeyError(f"unknown assumption(s): {sorted(unknown)}")
        assumed_values.update({k: float(x) for k, x in assumptions.items()})

    def _assumed(name: str) -> float:
        return assumed_values[name]

    def v(param: str) -> float:
        return _value(refs, chosen, param)

    def cond(param: str, key: str) -> float:
        ref_id = chosen[param]
        if ref_id not in REFERENCE_CONDITIONS:
            raise KeyError(f"no {key} known for reference {ref_id!r}")
        return REFERENCE_CONDITIONS[ref_id][key]

    bits_per_symbol = _assumed("serdes_bits_per_symbol")
    budget_db = v("channel_loss_budget_db")
    serdes = v("serdes_pj_per_bit")

    # Board: k_c from the two FR-4 points, k_d of the chosen laminate from its own point.
    f_lo = cond("fr4_loss_db_per_inch_low_f", "frequency_ghz")
    f_hi = cond("fr4_loss_db_per_inch_high_f", "frequency_ghz")
    k_c_in, _ = fit_conductor_dielectric(
        f_lo, v("fr4_loss_db_per_inch_low_f"), f_hi, v("fr4_loss_db_per_inch_high_f")
    )
    f_board = cond("board_loss_db_per_inch_high_f", "frequency_ghz")
    k_d_in = (v("board_loss_db_per_inch_high_f") - k_c_in * math.sqrt(f_board)) / f_board
    if k_c_in <= 0 or k_d_in < 0:
        raise ValueError("board loss figures give a negative loss coefficient")
    board_channel = CopperChannel(
        loss_budget_db=budget_db,
        other_losses_db=_assumed("board_other_losses_db"),
        conductor_db_per_m_per_sqrt_ghz=k_c_in / _M_PER_INCH,
        dielectric_db_per_m_per_ghz=k_d_in / _M_PER_INCH,
        bits_per_symbol=bits_per_symbol,
    )

    # DAC: the budget is used up exactly at the published reach and lane rate; the split of that
    # loss between skin effect and dielectric sets how reach changes with rate.
    f_dac = cond("dac_reach_m", "rate_gbps") / (2.0 * bits_per_symbol)
    loss_dac = budget_db / v("dac_reach_m")  # dB/m at f_dac
    share = _assumed("dac_dielectric_share")
    if not 0.0 <= share <= 1.0:
        raise ValueError("dac_dielectric_share must be in [0, 1]")
    dac_channel = CopperChannel(
        loss_budget_db=budget_db,
        other_losses_db=0.0,
        conductor_db_per_m_per_sqrt_ghz=(1.0 - share) * loss_dac / math.sqrt(f_dac),
        dielectric_db_per_m_per_ghz=share * loss_dac / f_dac,
        bits_per_symbol=bits_per_symbol,
    )

    fibre = FibreBudget(
        optical_budget_db=_assumed("optical_budget_db"),
        attenuation_db_per_km=v("fibre_attenuation_db_per_km"),
    )
    optical_segments = int(_assumed("optical_max_segments"))

    def refs_of(*params: str) -> tuple[str, ...]:
        return tuple(chosen[p] for p in params)

    links = [
        LinkSpec(
            slug="on_chip",
            medium=Medium.ELECTRICAL,
            basis=Basis.PUBLISHED,
            fixed_pj_per_bit=_assumed("on_chip_fixed_pj_per_bit"),
            wire_pj_per_bit_per_mm=v("on_chip_wire_fj_per_bit_per_mm") * _PJ_PER_FJ,
            reach=FixedReach(math.inf),
            max_segments=1,
            max_distance_m=_assumed("on_chip_max_distance_m"),
            reference_ids=refs_of("on_chip_wire_fj_per_bit_per_mm"),
        ),
        LinkSpec(
            slug="chiplet",
            medium=Medium.ELECTRICAL,
            basis=Basis.SPECIFICATION,
            fixed_pj_per_bit=v("chiplet_pj_per_bit"),
            wire_pj_per_bit_per_mm=0.0,
            reach=FixedReach(_assumed("chiplet_reach_m")),
            max_segments=int(_assumed("chiplet_max_segments")),
            max_distance_m=math.inf,
            reference_ids=refs_of("chiplet_pj_per_bit"),
        ),
        LinkSpec(
            slug="board",
            medium=Medium.ELECTRICAL,
            basis=Basis.PUBLISHED,
            fixed_pj_per_bit=serdes,
            wire_pj_per_bit_per_mm=0.0,
            reach=board_channel,
            max_segments=int(_assumed("board_max_segments")),
            max_distance_m=math.inf,
            reference_ids=refs_of(
                "serdes_pj_per_bit",
                "channel_loss_budget_db",
                "fr4_loss_db_per_inch_low_f",
                "fr4_loss_db_per_inch_high_f",
                "board_loss_db_per_inch_high_f",
            ),
        ),
        LinkSpec(
            slug="dac",
            medium=Medium.ELECTRICAL,
            basis=Basis.PUBLISHED,
            fixed_pj_per_bit=serdes,
            wire_pj_per_bit_per_mm=0.0,
            reach=dac_channel,
            max_segments=int(_assumed("dac_max_segments")),
            max_distance_m=math.inf,
            reference_ids=refs_of("serdes_pj_per_bit", "dac_reach_m"),
        ),
        LinkSpec(
            slug="pluggable",
            medium=Medium.OPTICAL,
            basis=Basis.VENDOR_CLAIM,
            fixed_pj_per_bit=v("pluggable_pj_per_bit"),
            wire_pj_per_bit_per_mm=0.0,
            reach=fibre,
            max_segments=optical_segments,
            max_distance_m=math.inf,
            reference_ids=refs_of("pluggable_pj_per_bit", "fibre_attenuation_db_per_km"),
        ),
        LinkSpec(
            slug="cpo",
            medium=Medium.OPTICAL,
            basis=Basis.VENDOR_CLAIM,
            fixed_pj_per_bit=v("cpo_pj_per_bit"),
            wire_pj_per_bit_per_mm=0.0,
            reach=fibre,
            max_segments=optical_segments,
            max_distance_m=_assumed("cpo_max_distance_m"),
            reference_ids=refs_of("cpo_pj_per_bit", "fibre_attenuation_db_per_km"),
        ),
        LinkSpec(
            slug="research",
            medium=Medium.OPTICAL,
            basis=Basis.RESEARCH_TARGET,
            fixed_pj_per_bit=v("research_fj_per_bit") * _PJ_PER_FJ,
            wire_pj_per_bit_per_mm=0.0,
            reach=fibre,
            max_segments=optical_segments,
            max_distance_m=_assumed("research_max_distance_m"),
            reference_ids=refs_of("research_fj_per_bit", "fibre_attenuation_db_per_km"),
        ),
    ]
    return {link.slug: link for link in links}


# --------------------------------------------------------------------------- long reach

#: A long-reach pluggable (40 km class, IEEE 100GBASE-ER4): parameter -> reference id.
LONG_REACH_REFERENCE_IDS: dict[str, str] = {
    "long_reach_pj_per_bit": "er4_pj_per_bit",
    "long_reach_channel_loss_db": "ieee_er4_loss",
    "long_reach_connection_loss_db": "ieee_er4_conn",
}

LONG_REACH_REFERENCE_UNITS: dict[str, str] = {
    "long_reach_pj_per_bit": "pJ/bit",
    "long_reach_channel_loss_db": "dB",
    "long_reach_connection_loss_db": "dB",
}


def fibre_budget_db(channel_loss_db, connection_loss_db):
    """Loss (dB) a module's fibre itself may take: the standard's maximum channel insertion loss
    minus its allowance for connections and splices (100GBASE-ER4: 18 - 2 = 16 dB)."""
    return (np.asarray(channel_loss_db, dtype=float) - np.asarray(connection_loss_db, dtype=float))[()]


def long_reach_link(
    refs: Mapping[str, float],
    ids: Mapping[str, str] | None = None,
    assumptions: Mapping[str, float] | None = None,
) -> LinkSpec:
    """A long-reach pluggable module: a bigger optical budget, paid for with more energy per bit.

    The fibre budget is the standard's maximum channel insertion loss minus its allowance for
    connections and splices; the fibre is the one :func:`default_links` uses (``ids`` may choose
    another ``fibre_attenuation_db_per_km``). ``assumptions`` may override
    ``optical_max_segments``. Like the other optical links, no amplifiers: one span.
    """
    chosen = dict(LONG_REACH_REFERENCE_IDS)
    chosen["fibre_attenuation_db_per_km"] = REFERENCE_IDS["fibre_attenuation_db_per_km"]
    if ids:
        unknown = set(ids) - set(chosen)
        if unknown:
            raise KeyError(f"unknown parameter(s): {sorted(unknown)}")
        chosen.update(ids)
    segments = ASSUMPTIONS["optical_max_segments"][0]
    if assumptions:
        unknown = set(assumptions) - {"optical_max_segments"}
        if unknown:
            raise KeyError(f"unknown assumption(s): {sorted(unknown)}")
        segments = float(assumptions.get("optical_max_segments", segments))

    def v(param: str) -> float:
        return _value(refs, chosen, param)

    budget = float(fibre_budget_db(v("long_reach_channel_loss_db"), v("long_reach_connection_loss_db")))
    return LinkSpec(
        slug="long_reach",
        medium=Medium.OPTICAL,
        basis=Basis.VENDOR_CLAIM,
        fixed_pj_per_bit=v("long_reach_pj_per_bit"),
        wire_pj_per_bit_per_mm=0.0,
        reach=FibreBudget(optical_budget_db=budget, attenuation_db_per_km=v("fibre_attenuation_db_per_km")),
        max_segments=int(segments),
        max_distance_m=math.inf,
        reference_ids=tuple(chosen[p] for p in (*LONG_REACH_REFERENCE_IDS, "fibre_attenuation_db_per_km")),
    )
