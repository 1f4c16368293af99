"""Photonics: what each section says, as frozen views (pure: no Streamlit).

One function per section, taking the language and that section's URL values; every sentence,
number and caption of the page is worded and formatted here, and every chart is a recipe
(`views.Figure`) that the page builds once through the one figure cache.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from explainers.charts import photonics as charts
from explainers.content import (fmt_distance, fmt_energy, fmt_num, fmt_percent, fmt_power, fmt_rate, fmt_times, shown,
                                t, value)
from explainers.content.citations import sources_line
from explainers.models import interconnect as ic
from explainers.models import optics
from explainers.views import Figure, ModelView, Note, OneMinute, Readout, VLine

from . import D_MAX, D_MIN, DEFAULT_FIBRE, GRID_SLUGS, LAUNCH_REF
from . import setup as s

# --- names and control labels -------------------------------------------------------------------


def link_name(slug: str, lang: str) -> str:
    return t(f"photonics.link.{slug}", lang)


def in_sentence(name: str) -> str:
    """'Pluggable optics' -> 'pluggable optics' inside a sentence; 'UCIe ...' and 'DAC' stay."""
    return name[0].lower() + name[1:] if name[1:2].islower() else name


def link_name_tagged(slug: str, lang: str) -> str:
    """The link's name with its kind of figure when it is not a published estimate."""
    name = link_name(slug, lang)
    if s.is_vendor_claim(slug):
        return t("photonics.tag.vendor", lang, name=name)
    if slug == "research":
        return t("photonics.tag.target", lang, name=name)
    return name


def distance_option(m: float, lang: str) -> str:
    return fmt_distance(m, lang)


def rate_option(gbps: float, lang: str) -> str:
    return fmt_rate(gbps, lang)


def tbps_option(tbps: float, lang: str) -> str:
    return fmt_rate(tbps * 1000, lang)


def fibre_option(fibre: str, lang: str) -> str:
    return t(f"photonics.fibre.{fibre}", lang, att=fmt_num(s.fibre_attenuation(fibre), lang, 3))


def grid_option(slug: str, lang: str) -> str:
    return t("photonics.wdm.grid_option", lang, s=fmt_num(float(slug), lang))


def grid_help(lang: str) -> str:
    return t("photonics.wdm.grid_help", lang, lo=fmt_num(float(GRID_SLUGS[-1]), lang),
             hi=fmt_num(float(GRID_SLUGS[0]), lang),
             nm=fmt_num(float(optics.ghz_to_nm(float(GRID_SLUGS[0]))), lang, 2))


def phase_option(phi_pi: float, lang: str) -> str:
    return f"{fmt_num(phi_pi, lang, 3)} π"


def _not_possible(lang: str) -> str:
    return t("photonics.not_possible", lang)


# --- 1. In one minute -----------------------------------------------------------------------------


def one_minute(lang: str) -> OneMinute:
    start = s.links_for(DEFAULT_FIBRE)
    rate0 = value("ph_lane_rate")
    w = s.wdm(float(GRID_SLUGS[0]), value("ph_channel_rate"))
    return OneMinute(
        takeaways=(
            t("photonics.minute.copper", lang, r=fmt_rate(rate0, lang),
              dac=fmt_distance(float(ic.max_reach_m(start["dac"], rate0)), lang, 2),
              board=fmt_distance(float(ic.max_reach_m(start["board"], rate0)), lang, 2)),
            t("photonics.minute.light", lang, att=shown("fib_g652_1310", lang),
              reach=fmt_distance(float(ic.max_reach_m(start["pluggable"], rate0)), lang, 2),
              cpo=fmt_energy(start["cpo"].fixed_pj_per_bit, lang),
              serdes=fmt_energy(start["board"].fixed_pj_per_bit, lang)),
            t("photonics.minute.colours", lang, n=w.channels, c=fmt_rate(w.capacity_gbps, lang),
              s=fmt_num(w.spacing_ghz, lang), r=fmt_rate(w.rate_gbps, lang)),
        ),
        headline_label=t("photonics.minute.headline_label", lang, tp=fmt_rate(value("ph_port_tbps") * 1000, lang)),
        headline_value=t("photonics.minute.headline_value", lang, pluggable=shown("nv_pluggable_w", lang),
                         cpo=shown("nv_cpo_w", lang)),
        headline_ref="nv_cpo_w",
        headline_help=t("photonics.minute.headline_help", lang,
                        ratio=fmt_num(value("nv_pluggable_w") / value("nv_cpo_w"), lang, 2)),
    )


# --- 2a. Energy per bit against distance, and the power of one link -------------------------------


@dataclass(frozen=True)
class LinksView:
    energy: Figure  # energy per bit against distance, the marker at the chosen distance
    readouts: tuple[Readout, ...]  # cheapest electrical, cheapest optical, winner, crossover
    fibre_box: Note | None  # beyond 1 km: what the fibre does, what it would take
    power_lead: str  # what the power chart shows, for the chosen throughput
    power: Figure  # watts to move the throughput over the distance
    notes: tuple[Note, ...]  # under the power chart: the NVIDIA port figures, the sources


def segments_note(fibre: str, slug: str, distance_m: float, rate: float, lang: str) -> str:
    """'3 segments (2 retimers)' for a copper link that needs retimers, else ''."""
    n = s.segments(fibre, slug, distance_m, rate)
    if not np.isfinite(n) or n <= 1:
        return ""
    return t("photonics.energy.retimers", lang, n=int(n), r=int(n) - 1)


def energy_summary(v: s.Verdict, rate: float, lang: str) -> str:
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
    opt, el = in_sentence(link_name(v.best_opt, lang)), in_sentence(link_name(v.best_el, lang))
    x = fmt_times(v.ratio, lang)
    if w == "optical":
        return t("photonics.summary.energy_opt", lang, d=d, r=r, x=x, opt=opt, el=el) + " " + cross
    return t("photonics.summary.energy_el", lang, d=d, r=r, x=x, opt=opt, el=el) + " " + cross


def energy_figure(fibre: str, rate: float, slugs: tuple[str, ...], distance_m: float, lang: str,
                  summary: str) -> Figure:
    """The chart's lines (cached for every distance) and the marker at the chosen distance."""
    lines = s.curves(fibre, rate, slugs)
    cross = s.crossover(fibre, rate, slugs)
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
    kwargs = dict(
        names=names, end_hover=end_hover, line_hover=t("photonics.energy.hover_line", lang),
        distance_m=None, distance_label="", crossover_m=cross,
        crossover_label=t("photonics.energy.cross_mark", lang, x=fmt_distance(cross, lang, 2)), lang=lang,
        title=t("photonics.energy.chart_title", lang, r=fmt_rate(rate, lang)),
        x_title=t("photonics.energy.x_title", lang), y_title=t("photonics.energy.y_title", lang),
    )
    return Figure(charts.energy_vs_distance, (lines,), kwargs, summary=summary, key="ph_energy_chart",
                  vline=VLine(distance_m, fmt_distance(distance_m, lang), log_x=True))


def energy_readouts(v: s.Verdict, fibre: str, rate: float, lang: str) -> tuple[Readout, ...]:
    """Cheapest electrical and optical link at the distance, who wins and by how much, the crossover."""
    d_text = fmt_distance(v.distance_m, lang)
    not_possible = _not_possible(lang)
    if v.best_el:
        note = segments_note(fibre, v.best_el, v.distance_m, rate, lang)
        el_caption = link_name(v.best_el, lang) + (f" · {note}" if note else "")
    elif v.has_el:
        el_caption = t("photonics.energy.none_reaches_el", lang)
    else:
        el_caption = t("photonics.energy.none_chosen", lang)
    electrical = Readout(t("photonics.energy.best_el", lang, d=d_text),
                         fmt_energy(v.e_el, lang) if v.best_el else not_possible,
                         help=t("photonics.energy.best_el_help", lang), caption=el_caption)

    if v.best_opt:
        opt_caption = link_name_tagged(v.best_opt, lang)
    elif v.has_opt:
        opt_caption = t("photonics.energy.none_reaches_opt", lang)
    else:
        opt_caption = t("photonics.energy.none_chosen", lang)
    optical = Readout(t("photonics.energy.best_opt", lang, d=d_text),
                      fmt_energy(v.e_opt, lang) if v.best_opt else not_possible,
                      help=t("photonics.energy.best_opt_help", lang), caption=opt_caption)

    winner = v.winner
    if winner in ("optical", "electrical") and math.isfinite(v.ratio):
        win_caption = t(f"photonics.energy.win_{winner}_by", lang, x=fmt_times(v.ratio, lang))
    else:
        win_caption = t(f"photonics.energy.win_{winner}_note", lang)
    won = Readout(t("photonics.energy.winner", lang, d=d_text), t(f"photonics.energy.win_{winner}", lang),
                  help=t("photonics.energy.winner_help", lang), caption=win_caption)

    if not (v.has_el and v.has_opt):
        big = not_possible
        note = t("photonics.energy.cross_pick_both", lang)
    elif math.isfinite(v.crossover_m):
        big = fmt_distance(v.crossover_m, lang, 2)
        note = (t("photonics.energy.cross_from_start", lang) if v.crossover_m <= D_MIN * (1 + 1e-6)
                else t("photonics.energy.cross_note", lang))
    else:
        big = t("photonics.energy.cross_never", lang)
        note = t("photonics.energy.cross_never_note", lang)
    crossover = Readout(t("photonics.energy.crossover", lang), big, help=t("photonics.energy.crossover_help", lang),
                        caption=note)
    return electrical, optical, won, crossover


def fibre_box_text(fibre: str, distance_m: float, lang: str) -> str:
    """Beyond 1 km: the fibre's loss, the light left, whether the long-reach budget closes, the
    amplifiers standard fibre would need, and the dispersion caveat at 1550 nm."""
    att = s.fibre_attenuation(fibre)
    run = s.fibre_run(fibre, distance_m)
    budget = s.long_reach_budget_db()
    launch = value(LAUNCH_REF)
    text = t("photonics.fibre_box.loss", lang, d=fmt_distance(distance_m, lang),
             fibre=t(f"photonics.fibre_name.{fibre}", lang), att=fmt_num(att, lang, 3),
             loss=fmt_num(float(run.loss_db), lang, 3), p_in=fmt_num(launch, lang),
             p_out=fmt_num(float(run.output_power_dbm), lang, 3), pct=fmt_num(100 * float(run.fraction_left), lang, 2))
    if int(run.spans) <= 1:
        text += " " + t("photonics.fibre_box.fits", lang, budget=fmt_num(budget, lang),
                        margin=fmt_num(float(run.margin_db), lang, 2))
    else:
        text += " " + t("photonics.fibre_box.amplifiers", lang, budget=fmt_num(budget, lang),
                        amps=int(run.amplifiers), span=fmt_distance(float(run.span_m), lang, 2))
    if fibre != DEFAULT_FIBRE:
        standard = s.fibre_run(DEFAULT_FIBRE, distance_m)
        text += " " + t("photonics.fibre_box.standard", lang,
                        fibre=t(f"photonics.fibre_name.{DEFAULT_FIBRE}", lang),
                        loss=fmt_num(float(standard.loss_db), lang, 3), amps=int(standard.amplifiers))
    if fibre.endswith("1550"):
        text += " " + t("photonics.fibre_box.dispersion", lang)
    return text


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


def power_figure(fibre: str, rate: float, distance_m: float, tbps: float, lang: str) -> Figure:
    """Bars of the power to move `tbps` over `distance_m` for copper and the optical links."""
    not_possible = _not_possible(lang)
    links = s.links_for(fibre)
    rows = s.power_rows(fibre, rate, distance_m, tbps)
    labels, watts, optical, texts, hover = [], [], [], [], []
    for row, slug, w in rows:
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
    kwargs = dict(lang=lang, title=t("photonics.power.chart_title", lang, tp=fmt_rate(tbps * 1000, lang),
                                     d=fmt_distance(distance_m, lang)),
                  x_title=t("photonics.power.x_title", lang), y_title=t("photonics.power.y_title", lang))
    args = (tuple(labels), np.array(watts), tuple(optical), tuple(texts), tuple(hover))
    return Figure(charts.power_bars, args, kwargs,
                  summary=power_summary(rows, distance_m, tbps, lang), key="ph_power_chart")


def links(lang: str, *, d_m: float, links: tuple[str, ...] | list[str], rate: float, fibre: str,
          tbps: float) -> LinksView:
    chosen = tuple(links)
    v = s.verdict(fibre, rate, chosen, d_m)
    lanes = int(ic.copper_lanes_needed(tbps * 1000, rate))
    box = (Note(fibre_box_text(fibre, d_m, lang), kind="info", icon=":material/conversion_path:")
           if d_m >= 1000 else None)  # long distances: what the fibre itself does, and what it would take
    return LinksView(
        energy=energy_figure(fibre, rate, chosen, d_m, lang, energy_summary(v, rate, lang)),
        readouts=energy_readouts(v, fibre, rate, lang),
        fibre_box=box,
        power_lead=t("photonics.power.lead", lang, tp=fmt_rate(tbps * 1000, lang), d=fmt_distance(d_m, lang),
                     lanes=lanes, r=fmt_rate(rate, lang)),
        power=power_figure(fibre, rate, d_m, tbps, lang),
        notes=(
            Note(t("photonics.power.nvidia", lang, pluggable=shown("nv_pluggable_w", lang), cpo=shown("nv_cpo_w", lang))
                 + " " + t("photonics.power.no_everyday", lang)),
            Note(sources_line(["serdes112", "pluggable_intel", "intel_oci_e", "er4_pj_per_bit", "nv_cpo_w",
                               "dally22_noc", "ucie_std_e"], lang)),
        ),
    )


# --- 2b. Many colours on one fibre (WDM) -----------------------------------------------------------


@dataclass(frozen=True)
class WdmView:
    spectrum: Figure
    readouts: tuple[Readout, ...]  # channels, capacity, copper lanes it replaces
    no_fit: Note | None  # the signal is wider than its slot
    sources: Note


def wdm_summary(w: s.Wdm, lang: str) -> str:
    return t("photonics.summary.wdm", lang, n=w.channels, s=fmt_num(w.spacing_ghz, lang), r=fmt_rate(w.rate_gbps, lang),
             c=fmt_rate(w.capacity_gbps, lang), lanes=fmt_num(w.lanes, lang))


def wdm(lang: str, *, grid: str, chrate: float) -> WdmView:
    w = s.wdm(float(grid), chrate)
    spectrum = Figure(
        charts.wdm_spectrum,
        (w.wavelengths_nm, w.freqs_thz, w.rate_gbps, w.width_nm, optics.C_BAND_NM),
        dict(hover=t("photonics.wdm.hover", lang), band_label=t("photonics.wdm.band", lang), lang=lang,
             title=t("photonics.wdm.chart_title", lang, n=w.channels, s=fmt_num(w.spacing_ghz, lang)),
             x_title=t("photonics.wdm.x_title", lang), y_title=t("photonics.wdm.y_title", lang)),
        summary=wdm_summary(w, lang), key="ph_wdm_chart")
    readouts = (
        Readout(t("photonics.wdm.channels", lang), fmt_num(w.channels, lang),
                help=t("photonics.wdm.channels_help", lang,
                       nm=fmt_num(float(optics.ghz_to_nm(w.spacing_ghz)), lang, 2))),
        Readout(t("photonics.wdm.capacity", lang), fmt_rate(w.capacity_gbps, lang),
                help=t("photonics.wdm.capacity_help", lang)),
        Readout(t("photonics.wdm.lanes", lang, r=fmt_rate(w.rate_gbps, lang)), fmt_num(w.lanes, lang),
                help=t("photonics.wdm.lanes_help", lang)),
    )
    no_fit = None if w.fits else Note(
        t("photonics.wdm.no_fit", lang, r=fmt_rate(w.rate_gbps, lang), occ=fmt_num(w.occupied_ghz, lang),
          s=fmt_num(w.spacing_ghz, lang)), kind="warning", icon=":material/compress:")
    sources = Note(sources_line(["dwdm", "dwdm_count_100ghz"], lang) + " "
                   + t("photonics.wdm.count_note", lang, thz=fmt_num(s.c_band_thz(), lang, 3)))
    return WdmView(spectrum, readouts, no_fit, sources)


# --- 2c. How light carries a bit: the Mach-Zehnder interferometer ---------------------------------


@dataclass(frozen=True)
class MziView:
    bar: Readout
    cross: Readout
    bit: str  # how a phase shift becomes a bit (Markdown)
    outputs: Figure  # both outputs against the phase, the setting marked
    mesh_count: Readout
    mesh_text: str
    mesh_sources: Note


def mzi_summary(phi_pi: float, bar: float, cross: float, lang: str) -> str:
    return t("photonics.summary.mzi", lang, phi=fmt_num(phi_pi, lang, 3), bar=fmt_num(100 * bar, lang, 3),
             cross=fmt_num(100 * cross, lang, 3))


def mzi(lang: str, *, phi: float, n: int) -> MziView:
    bar, cross = s.mzi_split(phi)
    grid, g_bar, g_cross = s.mzi_sweep()
    outputs = Figure(
        charts.mzi_outputs_chart,
        (grid, g_bar, g_cross, phi, (bar, cross)),
        dict(names=(t("photonics.mzi.bar", lang), t("photonics.mzi.cross", lang)),
             hover=(t("photonics.mzi.hover_bar", lang), t("photonics.mzi.hover_cross", lang)), lang=lang,
             title=t("photonics.mzi.chart_title", lang), x_title=t("photonics.mzi.x_title", lang),
             y_title=t("photonics.mzi.y_title", lang)),
        summary=mzi_summary(phi, bar, cross, lang), key="ph_mzi_chart")
    m = fmt_num(s.mesh_size(n), lang)
    return MziView(
        bar=Readout(t("photonics.mzi.bar", lang), fmt_percent(100 * bar, lang)),
        cross=Readout(t("photonics.mzi.cross", lang), fmt_percent(100 * cross, lang)),
        bit=t("photonics.mzi.bit", lang),
        outputs=outputs,
        mesh_count=Readout(t("photonics.mesh.count", lang, n=n), m),
        mesh_text=t("photonics.mesh.text", lang, n=n, m=m, shen=fmt_num(value("shen_mzi"), lang)),
        mesh_sources=Note(sources_line(["mzi_tf", "shen_mzi", "clements"], lang) + " "
                          + t("photonics.mesh.reck_note", lang)),
    )


# --- 4. How the model works -------------------------------------------------------------------------

EQUATIONS: tuple[str, ...] = (
    r"E(L) = n(L)\,E_0 + e_w\,L, \qquad n(L) = \max\!\left(1,\ \left\lceil \frac{L}{\ell(R)} \right\rceil\right)",
    r"\ell_\mathrm{Cu}(R) = \frac{B - B_\mathrm{other}}{k_c\sqrt{f_N} + k_d\,f_N}, \qquad f_N = \frac{R}{2b},"
    r" \qquad \ell_\mathrm{opt} = \frac{B_\mathrm{opt}}{\alpha}",
    r"L^* = \frac{E_{0,\mathrm{opt}} - E_{0,\mathrm{el}}}{e_w}",
    r"P = E_\mathrm{bit} \cdot R",
    r"P_\mathrm{out}\,[\mathrm{dBm}] = P_\mathrm{in}\,[\mathrm{dBm}] - \alpha L",
    r"C = N_\lambda \, R_\lambda, \qquad N_\lambda = \left\lfloor \frac{\Delta\nu_\mathrm{band}}{\Delta\nu} \right\rfloor",
    r"P_\mathrm{bar} = P_\mathrm{in}\cos^2\!\frac{\Delta\varphi}{2}, \qquad P_\mathrm{cross} = P_\mathrm{in}\sin^2\!\frac{\Delta\varphi}{2},"
    r" \qquad N_\mathrm{MZI} = \frac{N(N-1)}{2}",
)

LEFT_OUT: tuple[str, ...] = ("latency", "cost", "laser", "fec", "host", "dispersion", "amplifiers", "serdes_rate", "idle")


def model(lang: str) -> ModelView:
    start = s.links_for(DEFAULT_FIBRE)
    ew = start["on_chip"].wire_pj_per_bit_per_mm
    examples = "\n".join(
        "- " + t("photonics.model.example", lang, name=link_name(slug, lang),
                 e0=fmt_num(start[slug].fixed_pj_per_bit, lang, 3), ew=fmt_num(ew, lang, 3),
                 x=fmt_distance(float(ic.crossover_distance_m(0.0, ew, start[slug].fixed_pj_per_bit)), lang, 3))
        for slug in ("research", "cpo", "pluggable")
    )
    assumptions = [
        t(f"photonics.asm.{name}", lang, v=fmt_num(val, lang, 3), mm=fmt_num(val * 1000, lang, 3))
        for name, val in s.assumption_values().items()
    ] + [
        t("photonics.asm.long_reach", lang, loss=fmt_num(value("ieee_er4_loss"), lang),
          conn=fmt_num(value("ieee_er4_conn"), lang), budget=fmt_num(s.long_reach_budget_db(), lang),
          e=fmt_num(value("er4_pj_per_bit"), lang), w=fmt_num(value("er4_module_w"), lang)),
        t("photonics.asm.launch", lang, v=fmt_num(value(LAUNCH_REF), lang)),
        t("photonics.asm.defaults", lang, d=fmt_distance(value("dac_100g"), lang),
          r=fmt_rate(value("ph_lane_rate"), lang), tp=fmt_rate(value("ph_port_tbps") * 1000, lang),
          ch=fmt_rate(value("ph_channel_rate"), lang), n=fmt_num(value("ph_mesh_n"), lang)),
        t("photonics.asm.nyquist", lang),
    ]
    return ModelView(
        equations=EQUATIONS,
        explanation=t("photonics.model.explanation", lang) + "\n\n" + t("photonics.model.example_intro", lang) + "\n\n"
        + examples + "\n\n" + t("photonics.model.readout_rule", lang),
        assumptions=tuple(assumptions),
        left_out=tuple(t(f"photonics.left_out.{k}", lang) for k in LEFT_OUT),
    )
