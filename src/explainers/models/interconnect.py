"""Energy and reach of data links, from on-chip wires to optical fibre.

What: the energy to move one bit over a distance, for the tiers of link racks and packages use
(on-chip wire, chiplet link, short-reach chip-to-chip link of the NVLink-C2C class, board trace
with a long-reach SerDes, passive copper cable, linear active copper cable, pluggable optics,
co-packaged optics and a research target; :func:`long_reach_link` and :func:`coherent_link` add
the 40 km and 80-120 km modules), and how far each can reach at a given lane rate.

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
  (PAM4: R/4 GHz for R in Gb/s). On a board, the other losses of each segment are its two
  packages, its via transitions and its connector (sourced per-element figures), so the trace
  gets what is left of the budget.
- Each optical link has its band (O-band near 1310 nm, C-band near 1550 nm): the band belongs to
  the transceiver, and the fibre's attenuation is taken at that band. Optical reach is
  ``budget_dB / attenuation_dB_per_km``; inside it the energy per bit is flat (lasers and receivers
  are sized for the longest link, so a shorter fibre costs the same).
- Ties (equal energy per bit) go to the link with fewer segments, then to the link listed first:
  callers list links in the order a designer would prefer them (a cable before a board trace).

Left out: latency, protocol and FEC overhead, lane counts and shoreline density, dispersion and
multimode limits in fibre, the optical amplifiers of a DWDM line (their number and power), power of
idle links, temperature, the rise of SerDes energy with rate (UCIe quotes 0.6 instead of 0.5
pJ/bit above 16 GT/s), the redriver power of a linear active copper cable (not sourced: its energy
is the host SerDes alone, a lower bound), and the host SerDes that feeds a pluggable module
(published figures differ on whether they include it). The chiplet and
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
    "COHERENT_REFERENCE_IDS",
    "COHERENT_REFERENCE_UNITS",
    "LONG_REACH_REFERENCE_IDS",
    "LONG_REACH_REFERENCE_UNITS",
    "board_other_losses_db",
    "coherent_link",
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
LINK_SLUGS: tuple[str, ...] = ("on_chip", "chiplet", "c2c", "board", "dac", "lacc", "pluggable", "cpo", "research")

#: Optical bands (nm), definitions: the O-band (original) and the C-band (conventional).
O_BAND_NM = (1260.0, 1360.0)
C_BAND_NM = (1530.0, 1565.0)
#: The band each optical link's transceiver works in ("O" or "C"); see data/references for why.
LINK_BANDS: dict[str, str] = {"pluggable": "O", "cpo": "O", "research": "O", "long_reach": "O", "coherent": "C"}

#: parameter name -> id in data/references.yaml (the default source of each number).
REFERENCE_IDS: dict[str, str] = {
    "on_chip_wire_fj_per_bit_per_mm": "dally22_noc",
    "chiplet_pj_per_bit": "ucie_std_e",
    "c2c_pj_per_bit": "nvlc2c",
    "c2c_reach_m": "ph_vsr_reach",
    "serdes_pj_per_bit": "serdes112",
    "channel_loss_budget_db": "chan_112g",
    "package_loss_db": "ph_pkg_loss",
    "via_loss_db": "ph_via_loss",
    "connector_loss_db": "ph_conn_loss",
    "fr4_loss_db_per_inch_low_f": "pcb_fr4_5g",
    "fr4_loss_db_per_inch_high_f": "pcb_fr4_14g",
    "board_loss_db_per_inch_high_f": "pcb_m6_14g",
    "dac_reach_m": "dac_100g",
    "lacc_reach_m": "lacc_100g",
    "pluggable_pj_per_bit": "pluggable_intel",
    "cpo_pj_per_bit": "intel_oci_e",
    "research_fj_per_bit": "miller17_target",
    "fibre_attenuation_db_per_km": "fib_g652_1310",  # O-band (1310 nm)
    "fibre_c_attenuation_db_per_km": "fib_g652_1550",  # C-band (1550 nm)
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
    "fibre_attenuation_db_per_km": ("fib_ull_1310",),
    "fibre_c_attenuation_db_per_km": ("fib_ull_1550",),
}

#: The unit each parameter expects, exactly as written in references.yaml.
REFERENCE_UNITS: dict[str, str] = {
    "on_chip_wire_fj_per_bit_per_mm": "fJ/bit/mm",
    "chiplet_pj_per_bit": "pJ/bit",
    "c2c_pj_per_bit": "pJ/bit",
    "c2c_reach_m": "m",
    "serdes_pj_per_bit": "pJ/bit",
    "channel_loss_budget_db": "dB",
    "package_loss_db": "dB",
    "via_loss_db": "dB",
    "connector_loss_db": "dB",
    "fr4_loss_db_per_inch_low_f": "dB/inch",
    "fr4_loss_db_per_inch_high_f": "dB/inch",
    "board_loss_db_per_inch_high_f": "dB/inch",
    "dac_reach_m": "m",
    "lacc_reach_m": "m",
    "pluggable_pj_per_bit": "pJ/bit",
    "cpo_pj_per_bit": "pJ/bit",
    "research_fj_per_bit": "fJ/bit",
    "fibre_attenuation_db_per_km": "dB/km",
    "fibre_c_attenuation_db_per_km": "dB/km",
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
    "lacc_100g": {"rate_gbps": 100.0},
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
    "board_packages": (
        2.0,
        "packages",
        "Each board segment starts and ends in a chip package (SerDes or retimer): two per segment.",
    ),
    "board_vias": (
        2.0,
        "via transitions",
        "One via transition at each end, where the package breaks out into the trace layer.",
    ),
    "board_connectors": (
        1.0,
        "connector matings",
        "A trace that runs for a metre or more crosses a board-to-board or backplane connector.",
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
    "lacc_max_segments": (
        1.0,
        "segments",
        "A linear active cable equalises (redriver), it does not retime: one segment.",
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
    band: str | None = None  # optical band of the transceiver ("O" or "C"); None for electrical links

    def __post_init__(self) -> None:
        if self.band not in (None, "O", "C"):
            raise ValueError(f"{self.slug}: band must be 'O', 'C' or None")
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


def board_other_losses_db(package_loss_db, via_loss_db, connector_loss_db, packages=2, vias=2, connectors=1):
    """Loss (dB) of one board segment outside its trace: ``n_p P + n_v V + n_c C`` (packages at both
    ends, via transitions, connector matings). What is left of the channel budget goes to the trace."""
    return (np.asarray(packages, dtype=float) * np.asarray(package_loss_db, dtype=float)
            + np.asarray(vias, dtype=float) * np.asarray(via_loss_db, dtype=float)
            + np.asarray(connectors, dtype=float) * np.asarray(connector_loss_db, dtype=float))[()]


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
    (``-1`` where none reaches). A tie (equal energy, to rounding) goes to the link with fewer
    segments, i.e. fewer retimers, and then to the one listed first: list links in the order a
    designer prefers them (at 2 m a copper cable, not a board trace of the same energy).
    """
    group = _as_links(links)
    d = np.asarray(distance_m, dtype=float)
    _check_distance(d)
    rate = float(rate_gbps)
    energies, segments = [], []
    for link in group:  # one reach computation per link, for both its energy and its segments
        seg = np.asarray(segment_reach_m(link, rate), dtype=float)
        reach = np.minimum(link.max_distance_m, link.max_segments * seg)
        n = _segments(seg, d)
        ok = (d <= reach) & (reach > 0)
        energies.append(np.where(ok, n * link.fixed_pj_per_bit + link.wire_pj_per_bit_per_mm * d * _MM_PER_M, np.inf))
        segments.append(np.where(ok, n, np.inf))
    filled = np.broadcast_arrays(*energies)
    filled = np.stack(filled)
    low = np.min(filled, axis=0)
    tied = np.isfinite(filled) & (filled <= low * (1 + 1e-9))
    if np.any(tied.sum(axis=0) > 1):
        # among the tied: fewest segments, then the first listed (argmin takes the first minimum)
        key = np.where(tied, np.stack(np.broadcast_arrays(*segments)), np.inf)
        index = np.argmin(key, axis=0)
    else:
        index = np.argmin(filled, axis=0)
    best = np.take_along_axis(filled, index[None, ...], axis=0)[0]
    none = ~np.isfinite(low)
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
    """Build the :class:`LinkSpec` of :data:`LINK_SLUGS` from ``{reference_id: value}`` (units as in the YAML).

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
    other_db = float(board_other_losses_db(
        v("package_loss_db"), v("via_loss_db"), v("connector_loss_db"),
        _assumed("board_packages"), _assumed("board_vias"), _assumed("board_connectors")))
    board_channel = CopperChannel(
        loss_budget_db=budget_db,
        other_losses_db=other_db,
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

    # Linear active copper: the same skin-effect scaling, anchored at its own published reach.
    f_lacc = cond("lacc_reach_m", "rate_gbps") / (2.0 * bits_per_symbol)
    loss_lacc = budget_db / v("lacc_reach_m")
    lacc_channel = CopperChannel(
        loss_budget_db=budget_db,
        other_losses_db=0.0,
        conductor_db_per_m_per_sqrt_ghz=(1.0 - share) * loss_lacc / math.sqrt(f_lacc),
        dielectric_db_per_m_per_ghz=share * loss_lacc / f_lacc,
        bits_per_symbol=bits_per_symbol,
    )

    # The short-reach optics work in the O-band: the fibre's loss is taken there.
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
            slug="c2c",
            medium=Medium.ELECTRICAL,
            basis=Basis.VENDOR_CLAIM,
            fixed_pj_per_bit=v("c2c_pj_per_bit"),
            wire_pj_per_bit_per_mm=0.0,
            reach=FixedReach(v("c2c_reach_m")),
            max_segments=1,
            max_distance_m=math.inf,
            reference_ids=refs_of("c2c_pj_per_bit", "c2c_reach_m"),
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
                "package_loss_db",
                "via_loss_db",
                "connector_loss_db",
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
            slug="lacc",
            medium=Medium.ELECTRICAL,
            basis=Basis.PUBLISHED,
            fixed_pj_per_bit=serdes,  # + the redriver, whose power is not sourced (a lower bound)
            wire_pj_per_bit_per_mm=0.0,
            reach=lacc_channel,
            max_segments=int(_assumed("lacc_max_segments")),
            max_distance_m=math.inf,
            reference_ids=refs_of("serdes_pj_per_bit", "lacc_reach_m"),
        ),
        LinkSpec(
            slug="pluggable",
            band=LINK_BANDS["pluggable"],
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
            band=LINK_BANDS["cpo"],
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
            band=LINK_BANDS["research"],
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
    ``optical_max_segments``. Like the other optical links, no amplifiers: one span. The module works
    in the O-band (IEEE LAN-WDM lanes, ~1295-1310 nm), so ``fibre_attenuation_db_per_km`` is the
    fibre's O-band loss; erbium amplifiers work only in the C and L bands and could not help it.
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
        band=LINK_BANDS["long_reach"],
        medium=Medium.OPTICAL,
        basis=Basis.VENDOR_CLAIM,
        fixed_pj_per_bit=v("long_reach_pj_per_bit"),
        wire_pj_per_bit_per_mm=0.0,
        reach=FibreBudget(optical_budget_db=budget, attenuation_db_per_km=v("fibre_attenuation_db_per_km")),
        max_segments=int(segments),
        max_distance_m=math.inf,
        reference_ids=tuple(chosen[p] for p in (*LONG_REACH_REFERENCE_IDS, "fibre_attenuation_db_per_km")),
    )


# --------------------------------------------------------------------------- coherent (80-120 km)

#: A coherent pluggable of the 400ZR class (C-band, DWDM): parameter -> reference id.
COHERENT_REFERENCE_IDS: dict[str, str] = {
    "coherent_pj_per_bit": "zr_pj_per_bit",
    "coherent_reach_m": "oif_400zr_reach",
}

COHERENT_REFERENCE_UNITS: dict[str, str] = {
    "coherent_pj_per_bit": "pJ/bit",
    "coherent_reach_m": "km",
}


def coherent_link(refs: Mapping[str, float], ids: Mapping[str, str] | None = None) -> LinkSpec:
    """A coherent 400ZR-class module: C-band, on an amplified DWDM line, up to its specified reach.

    What spans 80 km between two cities: coherent detection with a DSP that undoes chromatic
    dispersion, in the C-band where erbium amplifiers work. Its reach is the distance the OIF
    400ZR agreement specifies for amplified DWDM links (120 km), not a fibre budget of its own: the
    line system's amplifiers make up the fibre's loss, and their number and power are not counted
    (so its energy per bit is a lower bound for the whole line). ``ids`` may replace either row.
    """
    chosen = dict(COHERENT_REFERENCE_IDS)
    if ids:
        unknown = set(ids) - set(chosen)
        if unknown:
            raise KeyError(f"unknown parameter(s): {sorted(unknown)}")
        chosen.update(ids)

    def v(param: str) -> float:
        return _value(refs, chosen, param)

    return LinkSpec(
        slug="coherent",
        band=LINK_BANDS["coherent"],
        medium=Medium.OPTICAL,
        basis=Basis.VENDOR_CLAIM,
        fixed_pj_per_bit=v("coherent_pj_per_bit"),
        wire_pj_per_bit_per_mm=0.0,
        reach=FixedReach(v("coherent_reach_m") * _M_PER_KM),
        max_segments=1,
        max_distance_m=v("coherent_reach_m") * _M_PER_KM,
        reference_ids=tuple(chosen.values()),
    )
