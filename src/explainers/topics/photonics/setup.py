"""Photonics: references -> model parameters, and the cached sweeps and verdicts the views read.

Link specs come from reference rows (the modelling assumptions are rows too, in
data/references.yaml). No Streamlit and no wording here: see present.py for the sentences.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from explainers.content import default_values, value
from explainers.models import interconnect as ic
from explainers.models import optics

from . import ASSUMPTION_REFS, D_MAX, D_MIN, ELECTRICAL, LAUNCH_REF, LINKS, OPTICAL, POWER_ROWS, VENDOR_CLAIMS

GRID_POINTS = 241  # per line: ~30 per decade over 8 decades


def _read_only(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


# --- parameters from references ---------------------------------------------------------------


def refs() -> dict[str, float]:
    return default_values()


def assumption_values() -> dict[str, float]:
    """The model's assumptions, read from this page's reference rows."""
    return {name: value(rid) for name, rid in ASSUMPTION_REFS.items()}


@lru_cache(maxsize=8)
def links_for(fibre: str) -> dict[str, ic.LinkSpec]:
    """The eight links, on the chosen fibre, in page order."""
    ids = {"fibre_attenuation_db_per_km": optics.REFERENCE_IDS[fibre]}
    assumed = assumption_values()
    links = ic.default_links(refs(), ids=ids, assumptions=assumed)
    links["long_reach"] = ic.long_reach_link(
        refs(), ids=ids, assumptions={"optical_max_segments": assumed["optical_max_segments"]})
    return {slug: links[slug] for slug in LINKS}


def fibre_attenuation(fibre: str) -> float:
    return value(optics.REFERENCE_IDS[fibre])


def long_reach_budget_db() -> float:
    """Fibre budget of the long-reach module: channel loss minus connections and splices."""
    return float(ic.fibre_budget_db(value("ieee_er4_loss"), value("ieee_er4_conn")))


def launch_power_dbm() -> float:
    return value(LAUNCH_REF)


def is_vendor_claim(slug: str) -> bool:
    return slug in VENDOR_CLAIMS


# --- sweeps -----------------------------------------------------------------------------------


def _boundaries(link: ic.LinkSpec, rate: float) -> np.ndarray:
    """Distances where a link's energy steps or ends: multiples of its segment reach, its maximum."""
    seg = float(ic.segment_reach_m(link, rate))
    top = float(ic.max_reach_m(link, rate))
    points = [top]
    if math.isfinite(seg) and seg > 0:
        points += [k * seg for k in range(1, int(link.max_segments) + 1)]
    return np.array([p for p in points if D_MIN < p < D_MAX])


@lru_cache(maxsize=64)
def distance_grid(fibre: str, rate: float) -> np.ndarray:
    """Log grid from 1 mm to 100 km plus every step and end of every link (and just after it)."""
    base = np.geomspace(D_MIN, D_MAX, GRID_POINTS)
    edges = np.concatenate([_boundaries(link, rate) for link in links_for(fibre).values()])
    grid = np.unique(np.concatenate([base, edges, edges * (1 + 1e-9)]))
    return _read_only(grid)


@dataclass(frozen=True)
class Curve:
    slug: str
    x: np.ndarray  # m, only where the link works
    y: np.ndarray  # pJ/bit
    reach_m: float  # where it ends (inf: beyond the chart)
    optical: bool


@lru_cache(maxsize=64)
def curves(fibre: str, rate: float, slugs: tuple[str, ...]) -> tuple[Curve, ...]:
    """Energy per bit against distance for each chosen link, cut where the link stops working."""
    links = links_for(fibre)
    grid = distance_grid(fibre, rate)
    out = []
    for slug in slugs:
        link = links[slug]
        energy = np.asarray(ic.energy_pj_per_bit(link, grid, rate), dtype=float)
        ok = np.isfinite(energy)
        reach = float(ic.max_reach_m(link, rate))
        out.append(Curve(slug, _read_only(grid[ok]), _read_only(energy[ok]), reach, link.is_optical))
    return tuple(out)


@dataclass(frozen=True)
class Verdict:
    """The answer at one distance: cheapest electrical and optical link, who wins, the crossover."""

    distance_m: float
    best_el: str | None  # slug, None if no chosen electrical link reaches
    e_el: float  # pJ/bit (nan if none)
    best_opt: str | None
    e_opt: float
    crossover_m: float  # nan: optics never cheaper on the chart; needs both kinds chosen
    has_el: bool
    has_opt: bool

    @property
    def winner(self) -> str:
        """'optical', 'electrical', 'tie' or 'none'."""
        if self.best_el is None and self.best_opt is None:
            return "none"
        if self.best_el is None:
            return "optical"
        if self.best_opt is None:
            return "electrical"
        if math.isclose(self.e_el, self.e_opt, rel_tol=1e-9):
            return "tie"
        return "optical" if self.e_opt < self.e_el else "electrical"

    @property
    def ratio(self) -> float:
        """How many times less energy the winner uses (nan unless both reach)."""
        if self.best_el is None or self.best_opt is None:
            return float("nan")
        hi, lo = max(self.e_el, self.e_opt), min(self.e_el, self.e_opt)
        return hi / lo if lo > 0 else float("nan")


def _best(links: list[ic.LinkSpec], d: float, rate: float) -> tuple[str | None, float]:
    if not links:
        return None, float("nan")
    energy, index = ic.cheapest_pj_per_bit(links, np.array([d]), rate)
    i = int(index[0])
    return (links[i].slug, float(energy[0])) if i >= 0 else (None, float("nan"))


@lru_cache(maxsize=2048)  # a few hundred distinct states; a hit costs microseconds, a miss ~2 ms
def verdict(fibre: str, rate: float, slugs: tuple[str, ...], distance_m: float) -> Verdict:
    links = links_for(fibre)
    el = [links[s] for s in slugs if s in ELECTRICAL]
    opt = [links[s] for s in slugs if s in OPTICAL]
    best_el, e_el = _best(el, distance_m, rate)
    best_opt, e_opt = _best(opt, distance_m, rate)
    cross = crossover(fibre, rate, slugs)
    return Verdict(distance_m, best_el, e_el, best_opt, e_opt, cross, bool(el), bool(opt))


@lru_cache(maxsize=64)
def crossover(fibre: str, rate: float, slugs: tuple[str, ...]) -> float:
    """First distance where the cheapest chosen optical link beats the cheapest electrical one."""
    links = links_for(fibre)
    el = [links[s] for s in slugs if s in ELECTRICAL]
    opt = [links[s] for s in slugs if s in OPTICAL]
    if not el or not opt:
        return float("nan")
    return ic.crossover_between(el, opt, rate, distance_grid(fibre, rate))


@lru_cache(maxsize=2048)
def power_rows(fibre: str, rate: float, distance_m: float, tbps: float) -> tuple[tuple[str, str | None, float], ...]:
    """(row, link slug, watts) for copper (cheapest electrical), pluggable, long reach, CPO; nan = not possible."""
    links = links_for(fibre)
    gbps = tbps * 1000.0
    rows = []
    copper, e_cu = _best([links[s] for s in ELECTRICAL], distance_m, rate)
    rows.append(("copper", copper, float(ic.link_power_w(e_cu, gbps))))
    for slug in POWER_ROWS[1:]:
        e = float(ic.energy_pj_per_bit(links[slug], distance_m, rate))
        rows.append((slug, slug, float(ic.link_power_w(e, gbps))))
    return tuple(rows)


def segments(fibre: str, slug: str, distance_m: float, rate: float) -> float:
    """Segments the link needs over the distance (1: no retimer; nan: it does not reach)."""
    return float(ic.segments_needed(links_for(fibre)[slug], distance_m, rate))


# --- the fibre beyond 1 km ----------------------------------------------------------------------


@lru_cache(maxsize=256)
def fibre_run(fibre: str, distance_m: float) -> optics.SpanPlan:
    """The chosen fibre over the distance against the long-reach module's budget."""
    return optics.span_plan(distance_m, fibre_attenuation(fibre), long_reach_budget_db(), launch_power_dbm())


# --- many colours on one fibre ------------------------------------------------------------------


@dataclass(frozen=True)
class Wdm:
    spacing_ghz: float
    rate_gbps: float
    channels: int
    capacity_gbps: float
    lanes: int
    freqs_thz: np.ndarray
    wavelengths_nm: np.ndarray
    width_nm: float  # drawn width of one channel (its occupied spectrum, at most the slot)
    occupied_ghz: float
    fits: bool


@lru_cache(maxsize=64)
def wdm(spacing_ghz: float, rate_gbps: float) -> Wdm:
    """The ITU grid in the C-band at this spacing, each channel carrying `rate_gbps`."""
    freqs = _read_only(np.asarray(optics.band_grid_thz(spacing_ghz)))
    n = int(freqs.size)
    lam = _read_only(np.asarray(optics.thz_to_nm(freqs)))
    bits = assumption_values()["serdes_bits_per_symbol"]
    occupied = float(optics.signal_width_ghz(rate_gbps, bits))
    fits = occupied <= spacing_ghz
    width = float(optics.ghz_to_nm(min(occupied, spacing_ghz)))
    cap = float(optics.wdm_capacity_gbps(n, rate_gbps))
    lanes = int(ic.copper_lanes_needed(cap, rate_gbps))
    return Wdm(spacing_ghz, rate_gbps, n, cap, lanes, freqs, lam, width, occupied, fits)


def c_band_thz() -> float:
    """Width of the C-band, THz."""
    return float(optics.band_width_ghz(*optics.C_BAND_NM)) / 1000


# --- the Mach-Zehnder interferometer ------------------------------------------------------------


def mzi_split(phi_pi: float) -> tuple[float, float]:
    """(bar, cross) power fractions at a phase difference of `phi_pi` × π."""
    bar, cross = optics.mzi_outputs(phi_pi * math.pi)
    return float(bar), float(cross)


@lru_cache(maxsize=1)
def mzi_sweep() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Both outputs over Δφ = 0 … 2π (in units of π), 201 points."""
    grid = np.linspace(0.0, 2.0, 201)
    bar, cross = optics.mzi_outputs(grid * math.pi)
    return _read_only(grid), _read_only(np.asarray(bar)), _read_only(np.asarray(cross))


def mesh_size(n: int) -> int:
    """MZIs in an n × n mesh."""
    return int(optics.mzi_mesh_size(n))
