"""Glue for the Photonics page: model parameters from references, sweeps, readouts and summaries.

Every number the page needs passes through here: link specs come from reference rows (the
modelling assumptions are rows too, in data/references.yaml), and every sentence is
built from i18n templates with locale-aware numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from explainers.charts.theme import freeze, thaw, with_vline
from explainers.content import default_values, fmt_num, fmt_prefixed, t, value
from explainers.models import interconnect as ic
from explainers.models import optics

PAGE = "photonics"

#: Link slugs in the order the page shows them (short to long, electrical before optical).
LINKS: tuple[str, ...] = ("on_chip", "chiplet", "board", "dac", "pluggable", "long_reach", "cpo", "research")
ELECTRICAL: tuple[str, ...] = ("on_chip", "chiplet", "board", "dac")
OPTICAL: tuple[str, ...] = ("pluggable", "long_reach", "cpo", "research")
#: Shown unless the reader picks otherwise: every product, not the research goal.
DEFAULT_LINKS: tuple[str, ...] = tuple(s for s in LINKS if s != "research")
#: Links in the "power of a link" comparison (copper = the cheapest electrical link that reaches).
POWER_ROWS: tuple[str, ...] = ("copper", "pluggable", "long_reach", "cpo")

#: Fibre choices (slugs of optics.REFERENCE_IDS); the record fibre is a lab result, not offered.
FIBRES: tuple[str, ...] = ("g652_1310", "g652_1550", "ull_1310", "ull_1550")
DEFAULT_FIBRE = next(s for s, rid in optics.REFERENCE_IDS.items()
                     if rid == ic.REFERENCE_IDS["fibre_attenuation_db_per_km"])

#: Model assumption name -> reference row that carries its value (and its reason) on this page.
ASSUMPTION_REFS: dict[str, str] = {
    "on_chip_fixed_pj_per_bit": "ph_asm_on_chip_fixed",
    "on_chip_max_distance_m": "ph_asm_on_chip_max",
    "chiplet_reach_m": "ph_asm_chiplet_reach",
    "chiplet_max_segments": "ph_asm_chiplet_segments",
    "serdes_bits_per_symbol": "ph_asm_bits_per_symbol",
    "board_other_losses_db": "ph_asm_board_other",
    "board_max_segments": "ph_asm_board_segments",
    "dac_dielectric_share": "ph_asm_dac_dielectric",
    "dac_max_segments": "ph_asm_dac_segments",
    "optical_budget_db": "ph_asm_optical_budget",
    "cpo_max_distance_m": "ph_asm_cpo_max",
    "research_max_distance_m": "ph_asm_research_max",
    "optical_max_segments": "ph_asm_optical_segments",
}
LAUNCH_REF = "ph_asm_launch_power"
PAGE_DEFAULT_REFS = ("ph_lane_rate", "ph_port_tbps", "ph_channel_rate", "ph_mesh_n")

# --- control steps (positions of a control, not figures) ------------------------------------

_MANTISSAS = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8)
DISTANCE_STEPS: tuple[float, ...] = tuple(
    [float(f"{m * 10.0 ** e:.6g}") for e in range(-3, 5) for m in _MANTISSAS] + [1e5]
)
RATE_STEPS: tuple[float, ...] = (25.0, 50.0, 100.0, 200.0, 400.0)
TBPS_STEPS: tuple[float, ...] = (0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8, 25.6, 51.2, 102.4)
GRID_SLUGS: tuple[str, ...] = ("100", "50", "25", "12.5")  # ITU-T G.694.1 spacings, GHz
CHANNEL_RATE_STEPS: tuple[float, ...] = (10.0, 25.0, 50.0, 100.0, 200.0, 400.0, 800.0)
PHI_STEPS: tuple[float, ...] = tuple(round(0.05 * k, 2) for k in range(41))  # phase difference, units of pi
MESH_RANGE = (2, 64)

GRID_POINTS = 241  # per line: ~30 per decade over 8 decades
D_MIN, D_MAX = DISTANCE_STEPS[0], DISTANCE_STEPS[-1]


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
    return value("ieee_er4_loss") - value("ieee_er4_conn")


def is_vendor_claim(slug: str) -> bool:
    return slug in {"pluggable", "long_reach", "cpo"}


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
    grid.flags.writeable = False
    return grid


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
        out.append(Curve(slug, grid[ok], energy[ok], reach, link.is_optical))
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


# --- formatting ---------------------------------------------------------------------------------


def fmt_distance(m: float, lang: str, sig: int = 3) -> str:
    """'5 mm', '1,5 m', '80 km' (unit words are the same in both languages)."""
    if not math.isfinite(m):
        return fmt_num(m, lang)
    if m < 1:
        return f"{fmt_num(m * 1000, lang, sig)} mm"
    if m < 1000:
        return f"{fmt_num(m, lang, sig)} m"
    return f"{fmt_num(m / 1000, lang, sig)} km"


def fmt_rate(gbps: float, lang: str) -> str:
    if gbps >= 1000:
        return f"{fmt_num(gbps / 1000, lang, 3)} Tb/s"
    return f"{fmt_num(gbps, lang, 3)} Gb/s"


def fmt_energy(pj: float, lang: str) -> str:
    return f"{fmt_num(pj, lang, 3)} pJ/bit"


def fmt_power(w: float, lang: str) -> str:
    return fmt_prefixed(w, "W", lang)


def fmt_times(x: float, lang: str) -> str:
    return f"{fmt_num(x, lang, 2)}×"


def link_name(slug: str, lang: str) -> str:
    return t(f"photonics.link.{slug}", lang)


def in_sentence(name: str) -> str:
    """'Pluggable optics' -> 'pluggable optics' inside a sentence; 'UCIe ...' and 'DAC' stay."""
    return name[0].lower() + name[1:] if name[1:2].islower() else name


def link_name_tagged(slug: str, lang: str) -> str:
    """The link's name with its kind of figure when it is not a published estimate."""
    name = link_name(slug, lang)
    if is_vendor_claim(slug):
        return t("photonics.tag.vendor", lang, name=name)
    if slug == "research":
        return t("photonics.tag.target", lang, name=name)
    return name


def segments_note(fibre: str, slug: str, distance_m: float, rate: float, lang: str) -> str:
    """'3 segments (2 retimers)' for a copper link that needs retimers, else ''."""
    link = links_for(fibre)[slug]
    n = ic.segments_needed(link, distance_m, rate)
    if not np.isfinite(n) or n <= 1:
        return ""
    return t("photonics.energy.retimers", lang, n=int(n), r=int(n) - 1)


# --- summaries (one sentence under each chart) -------------------------------------------------


def energy_summary(v: Verdict, rate: float, lang: str) -> str:
    d = fmt_distance(v.distance_m, lang)
    r = fmt_rate(rate, lang)
    if not (v.has_el and v.has_opt):
        return t("photonics.summary.energy_pick_both", lang, d=d, r=r)
    cross = (t("photonics.summary.cross_at", lang, x=fmt_distance(v.crossover_m, lang))
             if math.isfinite(v.crossover_m) else t("photonics.summary.cross_none", lang))
    w = v.winner
    if w == "none":
        return t("photonics.summary.energy_none", lang, d=d, r=r) + " " + cross
    if w == "optical" and v.best_el is None:
        return t("photonics.summary.energy_only_opt", lang, d=d, r=r,
                 link=in_sentence(link_name(v.best_opt, lang)), e=fmt_energy(v.e_opt, lang)) + " " + cross
    if w == "electrical" and v.best_opt is None:
        return t("photonics.summary.energy_only_el", lang, d=d, r=r,
                 link=in_sentence(link_name(v.best_el, lang)), e=fmt_energy(v.e_el, lang)) + " " + cross
    if w == "tie":
        return t("photonics.summary.energy_tie", lang, d=d, r=r) + " " + cross
    key = "photonics.summary.energy_opt" if w == "optical" else "photonics.summary.energy_el"
    return t(key, lang, d=d, r=r, x=fmt_times(v.ratio, lang), opt=in_sentence(link_name(v.best_opt, lang)),
             el=in_sentence(link_name(v.best_el, lang))) + " " + cross


def power_summary(rows, distance_m: float, tbps: float, lang: str) -> str:
    """'Moving 1.6 Tb/s over 2 m costs 26 W with copper, 24 W with pluggable optics, ...'."""
    d = fmt_distance(distance_m, lang)
    tp = fmt_rate(tbps * 1000, lang)
    works = [(row, slug, w) for row, slug, w in rows if math.isfinite(w)]
    if not works:
        return t("photonics.summary.power_none", lang, tp=tp, d=d)
    parts = [t("photonics.summary.power_part", lang, w=fmt_power(w, lang),
               name=t("photonics.power.copper_short", lang) if row == "copper" else in_sentence(link_name(slug, lang)))
             for row, slug, w in works]
    listed = parts[0] if len(parts) == 1 else t("photonics.summary.and", lang, a=", ".join(parts[:-1]), b=parts[-1])
    out = t("photonics.summary.power", lang, tp=tp, d=d, list=listed)
    missing = [t("photonics.power.copper_short", lang) if row == "copper" else in_sentence(link_name(slug, lang))
               for row, slug, w in rows if not math.isfinite(w)]
    if missing:
        out += " " + t("photonics.summary.power_missing", lang, names=", ".join(missing))
    return out


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


def wdm(spacing_ghz: float, rate_gbps: float) -> Wdm:
    band = float(optics.band_width_ghz(*optics.C_BAND_NM))
    n = int(optics.wdm_channel_count(band, spacing_ghz))
    # place the n slots inside the C-band: the G.694.1 index of the band's low-frequency edge
    f_low_thz = optics.SPEED_OF_LIGHT_M_PER_S / optics.C_BAND_NM[1] / 1000.0  # m/s / nm = GHz -> THz
    first = math.ceil((f_low_thz - optics.ITU_ANCHOR_THZ) / (spacing_ghz / 1000.0) - 1e-9)
    freqs = optics.itu_grid_thz(spacing_ghz, n, first_index=first)
    lam = optics.SPEED_OF_LIGHT_M_PER_S / (freqs * 1e12) * 1e9
    bits = assumption_values()["serdes_bits_per_symbol"]
    occupied = float(rate_gbps / bits)  # Nyquist: a PAM4 signal at R/2 GBd needs at least R/2 GHz
    fits = occupied <= spacing_ghz
    width = float(optics.ghz_to_nm(min(occupied, spacing_ghz)))
    cap = float(optics.wdm_capacity_gbps(n, rate_gbps))
    lanes = int(ic.copper_lanes_needed(cap, rate_gbps))
    return Wdm(spacing_ghz, rate_gbps, n, cap, lanes, freqs, lam, width, occupied, fits)


def wdm_summary(w: Wdm, lang: str) -> str:
    return t("photonics.summary.wdm", lang, n=w.channels, s=fmt_num(w.spacing_ghz, lang), r=fmt_rate(w.rate_gbps, lang),
             c=fmt_rate(w.capacity_gbps, lang), lanes=fmt_num(w.lanes, lang))


def mzi_summary(phi_pi: float, bar: float, cross: float, lang: str) -> str:
    return t("photonics.summary.mzi", lang, phi=fmt_num(phi_pi, lang, 3), bar=fmt_num(100 * bar, lang, 3),
             cross=fmt_num(100 * cross, lang, 3))


# --- sources -----------------------------------------------------------------------------------


def reference_ids(fibre: str) -> list[str]:
    """Every reference id the page uses (for the Sources panel)."""
    ids: list[str] = []
    for link in links_for(fibre).values():
        ids += list(link.reference_ids)
    ids += list(ic.REFERENCE_IDS.values())
    ids += ["dac_100g", *ic.LONG_REACH_REFERENCE_IDS.values(), "er4_module_w"]
    ids += [optics.REFERENCE_IDS[f] for f in FIBRES]
    ids += ["nv_pluggable_w", "nv_cpo_w", "nv_loss_pluggable", "dwdm", "dwdm_count_100ghz", "dwdm_count_50ghz",
            "mzi_tf", "shen_mzi", "clements", "reck"]
    ids += list(ASSUMPTION_REFS.values()) + [LAUNCH_REF, *PAGE_DEFAULT_REFS]
    return list(dict.fromkeys(ids))


@st.cache_resource(max_entries=256, show_spinner=False)
def _energy_spec(fibre: str, rate: float, slugs: tuple[str, ...], lang: str) -> dict:
    """The energy-per-bit chart without the distance marker, frozen (cached: ~25 ms to build)."""
    from explainers.charts import photonics as charts

    lines = curves(fibre, rate, slugs)
    cross = crossover(fibre, rate, slugs)
    names, end_hover = {}, {}
    for c in lines:
        tagged = link_name_tagged(c.slug, lang)
        if math.isfinite(c.reach_m) and c.reach_m < D_MAX:
            names[c.slug] = t("photonics.energy.legend_ends", lang, name=tagged,
                              reach=fmt_distance(c.reach_m, lang, 2))
            end_hover[c.slug] = t("photonics.energy.hover_end", lang, name=tagged,
                                  reach=fmt_distance(c.reach_m, lang, 3))
        else:
            names[c.slug] = tagged
            end_hover[c.slug] = t("photonics.energy.hover_edge", lang, name=tagged)
    fig = charts.energy_vs_distance(
        lines, names=names, end_hover=end_hover, line_hover=t("photonics.energy.hover_line", lang),
        distance_m=None, distance_label="", crossover_m=cross,
        crossover_label=t("photonics.energy.cross_mark", lang, x=fmt_distance(cross, lang, 2)), lang=lang,
        title=t("photonics.energy.chart_title", lang, r=fmt_rate(rate, lang)),
        x_title=t("photonics.energy.x_title", lang), y_title=t("photonics.energy.y_title", lang),
    )
    return freeze(fig)


def energy_figure(fibre: str, rate: float, slugs: tuple[str, ...], distance_m: float, lang: str) -> go.Figure:
    """The chart for the current state: the cached lines plus the marker at the chosen distance."""
    spec = with_vline(_energy_spec(fibre, rate, slugs, lang), distance_m, fmt_distance(distance_m, lang), log_x=True)
    return thaw(spec)


@st.cache_resource(max_entries=256, show_spinner=False)
def _power_spec(fibre: str, rate: float, distance_m: float, tbps: float, lang: str) -> dict:
    """Bars of the power to move `tbps` over `distance_m` for copper and the optical links (cached)."""
    from explainers.charts import photonics as charts

    not_possible = t("photonics.not_possible", lang)
    links = links_for(fibre)
    labels, watts, optical, texts, hover = [], [], [], [], []
    for row, slug, w in power_rows(fibre, rate, distance_m, tbps):
        if row == "copper":
            name = t("photonics.power.copper", lang)
            detail = link_name(slug, lang) if slug else t("photonics.power.no_copper", lang)
        else:
            name = link_name_tagged(slug, lang)
            detail = fmt_energy(links[slug].fixed_pj_per_bit, lang)
        shown_w = fmt_power(w, lang) if math.isfinite(w) else not_possible
        labels.append(name)
        watts.append(w)
        optical.append(row != "copper")
        texts.append(shown_w)
        hover.append(t("photonics.power.hover", lang, name=name, detail=detail, w=shown_w))
    d_text = fmt_distance(distance_m, lang)
    fig = charts.power_bars(
        labels, np.array(watts), optical, texts, hover, lang=lang,
        title=t("photonics.power.chart_title", lang, tp=fmt_rate(tbps * 1000, lang), d=d_text),
        x_title=t("photonics.power.x_title", lang), y_title=t("photonics.power.y_title", lang))
    return freeze(fig)


def power_figure(fibre: str, rate: float, distance_m: float, tbps: float, lang: str) -> go.Figure:
    return thaw(_power_spec(fibre, rate, distance_m, tbps, lang))


def finite(x: float) -> bool:
    return math.isfinite(x)


def mzi_split(phi_pi: float) -> tuple[float, float]:
    """(bar, cross) power fractions at a phase difference of `phi_pi` × π."""
    bar, cross = optics.mzi_outputs(phi_pi * math.pi)
    return float(bar), float(cross)


@lru_cache(maxsize=1)
def mzi_sweep() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Both outputs over Δφ = 0 … 2π (in units of π), 201 points."""
    grid = np.linspace(0.0, 2.0, 201)
    bar, cross = optics.mzi_outputs(grid * math.pi)
    return grid, np.asarray(bar), np.asarray(cross)


def fibre_box_text(fibre: str, distance: float, lang: str) -> str:
    """Beyond 1 km: the fibre's loss, the light left, whether the long-reach budget closes, the
    amplifiers standard fibre would need, and the dispersion caveat at 1550 nm."""
    att = fibre_attenuation(fibre)
    km = distance / 1000
    loss = att * km
    p_out = float(optics.fibre_output_power_dbm(value(LAUNCH_REF), km, att))
    budget = long_reach_budget_db()
    spans = int(optics.amplified_spans(km, att, budget))
    text = t("photonics.fibre_box.loss", lang, d=fmt_distance(distance, lang),
             fibre=t(f"photonics.fibre_name.{fibre}", lang), att=fmt_num(att, lang, 3), loss=fmt_num(loss, lang, 3), p_in=fmt_num(value(LAUNCH_REF), lang), p_out=fmt_num(p_out, lang, 3),
             pct=fmt_num(100 * float(optics.dbm_to_mw(-loss)), lang, 2))
    if spans <= 1:
        text += " " + t("photonics.fibre_box.fits", lang, budget=fmt_num(budget, lang),
                        margin=fmt_num(budget - loss, lang, 2))
    else:
        text += " " + t("photonics.fibre_box.amplifiers", lang, budget=fmt_num(budget, lang), amps=spans - 1,
                        span=fmt_distance(distance / spans, lang, 2))
    if fibre != DEFAULT_FIBRE:
        att0 = fibre_attenuation(DEFAULT_FIBRE)
        spans0 = int(optics.amplified_spans(km, att0, budget))
        text += " " + t("photonics.fibre_box.standard", lang,
                        fibre=t(f"photonics.fibre_name.{DEFAULT_FIBRE}", lang), loss=fmt_num(att0 * km, lang, 3), amps=max(spans0 - 1, 0))
    if fibre.endswith("1550"):
        text += " " + t("photonics.fibre_box.dispersion", lang)
    return text
