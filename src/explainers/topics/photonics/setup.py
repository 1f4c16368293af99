"""Photonics: references -> model parameters, and the cached sweeps and verdicts the views read.

Link specs come from reference rows (the modelling assumptions are rows too, in
data/references.yaml). No Streamlit and no wording here: see present.py for the sentences.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from explainers.content import default_values, ref, value
from explainers.models import interconnect as ic
from explainers.models import optics

from . import (ASSUMPTION_REFS, D_MAX, D_MIN, ELECTRICAL, FIBRE_BANDS, LAUNCH_REF, LINKS, OPTICAL, POWER_ROWS,
               PREFERENCE, VENDOR_CLAIMS)

GRID_POINTS = 241  # per line: ~30 per decade over 8 decades

#: The sourced figures a headline's range runs over, each moved to its sources' low and high ...
RANGE_IDS: tuple[str, ...] = ("dac_100g", "lacc_100g", "chan_112g", "ph_pkg_loss", "ph_via_loss", "ph_conn_loss",
                              "zr_pj_per_bit")
#: ... and the other sources that stand in for a figure (same quantity and unit).
ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "intel_oci_e": ("nv_cpo_pjbit_cpo",),  # co-packaged optics: Intel's figure or NVIDIA's
    "pluggable_intel": ("nv_cpo_pjbit_pluggable",),
    "dally22_noc": ic.ALTERNATIVE_IDS["on_chip_wire_fj_per_bit_per_mm"],
    "pcb_m6_14g": ic.ALTERNATIVE_IDS["board_loss_db_per_inch_high_f"],
}

Overrides = tuple[tuple[str, float], ...]  # ((reference id, value), ...): a variant of the sourced figures


def _read_only(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


# --- parameters from references ---------------------------------------------------------------


def refs(overrides: Overrides = ()) -> dict[str, float]:
    values = dict(default_values())
    values.update(dict(overrides))
    return values


def assumption_values(overrides: Overrides = ()) -> dict[str, float]:
    """The model's assumptions, read from this page's reference rows."""
    r = refs(overrides)
    return {name: float(r[rid]) for name, rid in ASSUMPTION_REFS.items()}


def fibre_slug(fibre: str, band: str) -> str:
    """The attenuation row (slug of optics.REFERENCE_IDS) of a fibre type at a band ('O' or 'C')."""
    return FIBRE_BANDS[fibre][band]


@lru_cache(maxsize=1024)
def links_for(fibre: str, overrides: Overrides = ()) -> dict[str, ic.LinkSpec]:
    """Every link, in page order; each optical link takes the fibre's loss at its own band."""
    r = refs(overrides)
    o_band = optics.REFERENCE_IDS[fibre_slug(fibre, "O")]
    ids = {"fibre_attenuation_db_per_km": o_band,
           "fibre_c_attenuation_db_per_km": optics.REFERENCE_IDS[fibre_slug(fibre, "C")]}
    assumed = assumption_values(overrides)
    links = ic.default_links(r, ids=ids, assumptions=assumed)
    links["long_reach"] = ic.long_reach_link(
        r, ids={"fibre_attenuation_db_per_km": o_band},
        assumptions={"optical_max_segments": assumed["optical_max_segments"]})
    links["coherent"] = ic.coherent_link(r)
    return {slug: links[slug] for slug in LINKS}


def fibre_attenuation(fibre: str, band: str = "O") -> float:
    return value(optics.REFERENCE_IDS[fibre_slug(fibre, band)])


def long_reach_budget_db() -> float:
    """Fibre budget of the long-reach module: channel loss minus connections and splices."""
    return float(ic.fibre_budget_db(value("ieee_er4_loss"), value("ieee_er4_conn")))


def launch_power_dbm() -> float:
    return value(LAUNCH_REF)


def is_vendor_claim(slug: str) -> bool:
    return slug in VENDOR_CLAIMS


def preferred(slugs, kind: tuple[str, ...]) -> tuple[str, ...]:
    """The chosen links of one kind, in the order a designer prefers them (for ties)."""
    return tuple(s for s in PREFERENCE if s in slugs and s in kind)


# --- sweeps -----------------------------------------------------------------------------------


def _boundaries(link: ic.LinkSpec, rate: float) -> np.ndarray:
    """Distances where a link's energy steps or ends: multiples of its segment reach, its maximum."""
    seg = float(ic.segment_reach_m(link, rate))
    top = float(ic.max_reach_m(link, rate))
    points = [top]
    if math.isfinite(seg) and seg > 0:
        points += [k * seg for k in range(1, int(link.max_segments) + 1)]
    return np.array([p for p in points if D_MIN < p < D_MAX])


@lru_cache(maxsize=2048)
def distance_grid(fibre: str, rate: float, overrides: Overrides = ()) -> np.ndarray:
    """Log grid from 1 mm to 100 km plus every step and end of every link (and just after it)."""
    base = np.geomspace(D_MIN, D_MAX, GRID_POINTS)
    edges = np.concatenate([_boundaries(link, rate) for link in links_for(fibre, overrides).values()])
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

    @property
    def copper_over_light(self) -> float:
        """Energy per bit of the cheapest copper link over that of the cheapest optical one (> 1: light
        wins); nan unless both reach."""
        if self.best_el is None or self.best_opt is None or not self.e_opt > 0:
            return float("nan")
        return self.e_el / self.e_opt


def _best(links: list[ic.LinkSpec], d: float, rate: float) -> tuple[str | None, float]:
    if not links:
        return None, float("nan")
    energy, index = ic.cheapest_pj_per_bit(links, np.array([d]), rate)
    i = int(index[0])
    return (links[i].slug, float(energy[0])) if i >= 0 else (None, float("nan"))


@lru_cache(maxsize=4096)  # a few hundred distinct states (x variants); a hit costs microseconds, a miss ~2 ms
def verdict(fibre: str, rate: float, slugs: tuple[str, ...], distance_m: float, overrides: Overrides = ()) -> Verdict:
    links = links_for(fibre, overrides)
    el = [links[s] for s in preferred(slugs, ELECTRICAL)]
    opt = [links[s] for s in preferred(slugs, OPTICAL)]
    best_el, e_el = _best(el, distance_m, rate)
    best_opt, e_opt = _best(opt, distance_m, rate)
    cross = crossover(fibre, rate, slugs, overrides)
    return Verdict(distance_m, best_el, e_el, best_opt, e_opt, cross, bool(el), bool(opt))


@lru_cache(maxsize=4096)
def crossover(fibre: str, rate: float, slugs: tuple[str, ...], overrides: Overrides = ()) -> float:
    """First distance where the cheapest chosen optical link beats the cheapest electrical one."""
    links = links_for(fibre, overrides)
    el = [links[s] for s in preferred(slugs, ELECTRICAL)]
    opt = [links[s] for s in preferred(slugs, OPTICAL)]
    if not el or not opt:
        return float("nan")
    return ic.crossover_between(el, opt, rate, distance_grid(fibre, rate, overrides))


# --- how far a headline moves over the sourced figures ----------------------------------------------


@dataclass(frozen=True)
class Spread:
    """A headline figure at the page's sources, and its range over the sourced alternatives and
    low/high values (each alone, and the two corners that combine the moves in one direction)."""

    value: float
    lo: float
    hi: float
    movers: tuple[str, ...]  # reference ids that move it most (> 5 %), most first

    def robust(self, factor: float = 2.0) -> bool:
        """Within `factor` of the value either way (then the plain sentence stands)."""
        if not (math.isfinite(self.value) and self.value > 0):
            return False
        return self.lo >= self.value / factor and self.hi <= self.value * factor


@lru_cache(maxsize=1)
def variants() -> tuple[tuple[str, Overrides], ...]:
    """(reference id, overrides) for each figure of RANGE_IDS at its low and high, and each alternative."""
    out: list[tuple[str, Overrides]] = []
    for rid in RANGE_IDS:
        row = ref(rid)
        for x in (row.low, row.high):
            if x is not None and x != row.value:
                out.append((rid, ((rid, float(x)),)))
    for rid, alts in ALTERNATIVES.items():
        for alt in alts:
            out.append((rid, ((rid, float(value(alt))),)))
    return tuple(out)


def _corner(fn, picks: dict[str, tuple[Overrides, float]], sign: float) -> tuple[float, tuple[str, ...]]:
    """Combine the moves that push `fn` one way (sign -1: down, +1: up); then, once, add any other
    variant that pushes it further on top of them (an input may matter only once another has moved).
    Returns the value there and the ids that were moved."""
    chosen = {rid: ov for rid, (ov, _x) in picks.items()}

    def at(c: dict[str, Overrides]) -> float:
        return float(fn(tuple(kv for ov in c.values() for kv in ov)))

    best = at(chosen) if chosen else float(fn(()))
    for rid, ov in variants():
        if rid in chosen or not math.isfinite(best):
            continue
        x = at({**chosen, rid: ov})
        if math.isfinite(x) and sign * (x - best) > 1e-9 * abs(best):
            chosen[rid], best = ov, x
    return best, tuple(chosen)


def spread(fn) -> Spread:
    """The range of `fn(overrides) -> float` over the variants and the two corners; `movers` are the
    ids that move it by more than 5 % alone (largest first), then those that move it in a corner."""
    base = float(fn(()))
    singles = [(rid, ov, float(fn(ov))) for rid, ov in variants()]
    down: dict[str, tuple[Overrides, float]] = {}
    up: dict[str, tuple[Overrides, float]] = {}
    for rid, ov, x in singles:
        if not math.isfinite(x):
            continue
        if x < base and (rid not in down or x < down[rid][1]):
            down[rid] = (ov, x)
        if x > base and (rid not in up or x > up[rid][1]):
            up[rid] = (ov, x)
    corners = [_corner(fn, picks, sign) for picks, sign in ((down, -1.0), (up, 1.0))]
    xs = [x for x in [base, *(x for _r, _o, x in singles), *(c for c, _ids in corners)] if math.isfinite(x)]
    effect: dict[str, float] = {}
    for rid, _ov, x in singles:
        if math.isfinite(x) and x > 0 and base > 0:
            effect[rid] = max(effect.get(rid, 0.0), abs(math.log(x / base)))
    movers = [r for r, e in sorted(effect.items(), key=lambda kv: -kv[1]) if e > math.log(1.05)]
    for (c, ids) in corners:
        if math.isfinite(c) and base > 0 and c > 0 and abs(math.log(c / base)) > math.log(1.05):
            movers += [r for r in ids if r not in movers]
    if not xs:
        return Spread(base, float("nan"), float("nan"), tuple(movers))
    return Spread(base, min(xs), max(xs), tuple(movers))


@lru_cache(maxsize=256)
def crossover_spread(fibre: str, rate: float, slugs: tuple[str, ...]) -> Spread:
    return spread(lambda ov: crossover(fibre, rate, slugs, ov))


@lru_cache(maxsize=8192)
def copper_over_light(fibre: str, rate: float, slugs: tuple[str, ...], distance_m: float,
                      overrides: Overrides = ()) -> float:
    """Energy per bit of the cheapest chosen copper link over the cheapest optical one (nan unless both reach)."""
    links = links_for(fibre, overrides)
    _el, e_el = _best([links[s] for s in preferred(slugs, ELECTRICAL)], distance_m, rate)
    _opt, e_opt = _best([links[s] for s in preferred(slugs, OPTICAL)], distance_m, rate)
    return e_el / e_opt if math.isfinite(e_el) and math.isfinite(e_opt) and e_opt > 0 else float("nan")


@lru_cache(maxsize=2048)
def ratio_spread(fibre: str, rate: float, slugs: tuple[str, ...], distance_m: float) -> Spread:
    """Copper over light (energy per bit) at the distance, over the sourced figures."""
    return spread(lambda ov: copper_over_light(fibre, rate, slugs, distance_m, ov))


def longest_copper_m(fibre: str, rate: float, slugs: tuple[str, ...], overrides: Overrides = ()) -> float:
    """How far the furthest-reaching chosen electrical link goes at the rate (nan if none chosen)."""
    links = links_for(fibre, overrides)
    reaches = [float(ic.max_reach_m(links[s], rate)) for s in slugs if s in ELECTRICAL]
    return max(reaches) if reaches else float("nan")


@lru_cache(maxsize=256)
def copper_reach_spread(fibre: str, rate: float, slugs: tuple[str, ...]) -> Spread:
    return spread(lambda ov: longest_copper_m(fibre, rate, slugs, ov))


@lru_cache(maxsize=64)
def reach_spread(fibre: str, slug: str, rate: float) -> Spread:
    """How far one link reaches at the rate, over the sourced figures."""
    return spread(lambda ov: float(ic.max_reach_m(links_for(fibre, ov)[slug], rate)))


@lru_cache(maxsize=2048)
def power_rows(fibre: str, rate: float, distance_m: float, tbps: float) -> tuple[tuple[str, str | None, float], ...]:
    """(row, link slug, watts) for copper (cheapest electrical), the optical products; nan = not possible."""
    links = links_for(fibre)
    gbps = tbps * 1000.0
    rows = []
    copper, e_cu = _best([links[s] for s in preferred(LINKS, ELECTRICAL)], distance_m, rate)
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
def fibre_run(fibre: str, distance_m: float, band: str = "O") -> optics.SpanPlan:
    """The fibre over the distance at one band, against the long-reach (O-band) module's budget."""
    return optics.span_plan(distance_m, fibre_attenuation(fibre, band), long_reach_budget_db(), launch_power_dbm())


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
    # cos(pi/2) is 6e-17 in floating point, not 0: a port that is dark reads 0 %
    return tuple(0.0 if abs(float(x)) < 1e-12 else float(x) for x in (bar, cross))


@lru_cache(maxsize=1)
def mzi_sweep() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Both outputs over Δφ = 0 … 2π (in units of π), 201 points."""
    grid = np.linspace(0.0, 2.0, 201)
    bar, cross = optics.mzi_outputs(grid * math.pi)
    return _read_only(grid), _read_only(np.asarray(bar)), _read_only(np.asarray(cross))


def mesh_size(n: int) -> int:
    """MZIs in an n × n mesh."""
    return int(optics.mzi_mesh_size(n))


def warm() -> None:
    """Work out, ahead of the first viewers, what the default link set says at every lane rate and on
    both fibres: each such headline is a range over ~70 source variants (about 0.1-0.3 s the first
    time, microseconds after). Called once per server process, in the background (ui.shell)."""
    from . import DEFAULT_LINKS, FIBRES, RATE_STEPS

    chosen = tuple(DEFAULT_LINKS)
    for fibre in FIBRES:
        for rate in RATE_STEPS:
            crossover_spread(fibre, rate, chosen)
            copper_reach_spread(fibre, rate, chosen)
