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
from explainers.content import (fmt_distance, fmt_energy, fmt_num, fmt_percent, fmt_power, fmt_rate, fmt_times, ref,
                                shown, t, value)
from explainers.content.citations import sources_line
from explainers.models import interconnect as ic
from explainers.models import optics
from explainers.views import Figure, ModelView, Note, OneMinute, Readout, VLine

from . import D_MAX, D_MIN, DEFAULT_FIBRE, DEFAULT_LINKS, GRID_SLUGS, LAUNCH_REF
from . import setup as s

# --- names and control labels -------------------------------------------------------------------


def link_name(slug: str, lang: str) -> str:
    return t(f"photonics.link.{slug}", lang)


def in_sentence(name: str) -> str:
    """'Pluggable optics' -> 'pluggable optics' inside a sentence; 'UCIe ...' and 'DAC' stay."""
    return name[0].lower() + name[1:] if name[1:2].islower() else name


def link_name_tagged(slug: str, lang: str) -> str:
    """The link's name with its kind of figure when it is not a published estimate: 'Co-packaged optics
    (vendor claim)', and inside a name's own brackets 'Chip-to-chip link (NVLink-C2C class; vendor claim)'."""
    name = link_name(slug, lang)
    if s.is_vendor_claim(slug):
        kind = "vendor"
    elif slug == "research":
        kind = "target"
    elif slug == "lacc":
        kind = "lower_bound"
    else:
        return name
    if name.endswith(")"):
        return name[:-1] + "; " + t(f"photonics.tag.{kind}_word", lang) + ")"
    return t(f"photonics.tag.{kind}", lang, name=name)


def distance_option(m: float, lang: str) -> str:
    return fmt_distance(m, lang)


def rate_option(gbps: float, lang: str) -> str:
    return fmt_rate(gbps, lang)


def tbps_option(tbps: float, lang: str) -> str:
    return fmt_rate(tbps * 1000, lang)


def fibre_option(fibre: str, lang: str) -> str:
    return t(f"photonics.fibre.{fibre}", lang)


def fibre_help(lang: str) -> str:
    """What the fibre types lose at each band (the numbers from their reference rows)."""
    return t("photonics.energy.fibre_help", lang, **{
        f"{fibre}_{band.lower()}": fmt_num(s.fibre_attenuation(fibre, band), lang, 3)
        for fibre in ("g652", "ull") for band in ("O", "C")})


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


@dataclass(frozen=True)
class MinuteView(OneMinute):
    """The one-minute box, with the numbers its headline and takeaways state (for the headline checks)."""

    saving_x: float = 0.0  # power saving per port, pluggable -> co-packaged optics (NVIDIA)
    dac_reach_m: float = 0.0  # passive copper cable at the page's lane rate
    dac_reach_lo: float = 0.0
    dac_reach_hi: float = 0.0
    board_reach_m: float = 0.0  # board trace with two retimers
    board_reach_lo: float = 0.0
    board_reach_hi: float = 0.0


def distance_range(lo: float, hi: float, lang: str, sig: int = 2) -> str:
    """'0.35–2.1 m' in one unit (or one distance when the two agree to the digits shown)."""
    if hi < 1.0:
        scale, unit = 1000.0, "mm"
    elif lo >= 1000.0:
        scale, unit = 0.001, "km"
    else:
        scale, unit = 1.0, "m"
    a, b = fmt_num(lo * scale, lang, sig), fmt_num(hi * scale, lang, sig)
    if a == b:
        return fmt_distance(lo, lang, sig)
    return t("photonics.range", lang, lo=a, hi=b) + f"\u00a0{unit}"


def times(x: float, lang: str) -> str:
    """'3.3×', with a third digit near 1 (so 1.02× does not print as 1×)."""
    return fmt_times(x, lang, 3 if x < 1.2 else 2)


def one_minute(lang: str) -> MinuteView:
    start = s.links_for(DEFAULT_FIBRE)
    rate0 = value("ph_lane_rate")
    w = s.wdm(float(GRID_SLUGS[0]), value("ph_channel_rate"))
    dac = s.reach_spread(DEFAULT_FIBRE, "dac", rate0)
    lacc = s.reach_spread(DEFAULT_FIBRE, "lacc", rate0)
    board = s.reach_spread(DEFAULT_FIBRE, "board", rate0)
    saving = value("ph_cpo_saving")
    return MinuteView(
        takeaways=(
            t("photonics.minute.copper", lang, r=fmt_rate(rate0, lang), dac=distance_range(dac.lo, dac.hi, lang),
              lacc=distance_range(lacc.lo, lacc.hi, lang), board=distance_range(board.lo, board.hi, lang)),
            t("photonics.minute.light", lang, att=shown("fib_g652_1310", lang),
              reach=fmt_distance(float(ic.max_reach_m(start["pluggable"], rate0)), lang, 2),
              cpo=fmt_energy(value("intel_oci_e"), lang), cpo_nv=fmt_energy(value("nv_cpo_pjbit_cpo"), lang),
              serdes=fmt_energy(start["board"].fixed_pj_per_bit, lang)),
            t("photonics.minute.colours", lang, n=w.channels, c=fmt_rate(w.capacity_gbps, lang),
              s=fmt_num(w.spacing_ghz, lang), r=fmt_rate(w.rate_gbps, lang)),
        ),
        headline_label=t("photonics.minute.headline_label", lang, tp=fmt_rate(value("ph_port_tbps") * 1000, lang)),
        headline_value=t("photonics.minute.headline_value", lang, pluggable=shown("nv_pluggable_w", lang),
                         cpo=shown("nv_cpo_w", lang)),
        headline_ref="nv_cpo_w",
        headline_help=t("photonics.minute.headline_help", lang, ratio=fmt_num(saving, lang, 2),
                        nv=fmt_num(value("nv_eff"), lang, 2), intel=fmt_num(value("ph_intel_cpo_saving"), lang, 2)),
        claim="photonics.minute_cpo_saving",
        saving_x=saving,
        dac_reach_m=dac.value, dac_reach_lo=dac.lo, dac_reach_hi=dac.hi,
        board_reach_m=board.value, board_reach_lo=board.lo, board_reach_hi=board.hi,
    )


# --- 2a. Energy per bit against distance, and the power of one link -------------------------------


@dataclass(frozen=True)
class LinksView:
    energy: Figure  # energy per bit against distance, the marker at the chosen distance
    readouts: tuple[Readout, ...]  # cheapest electrical, cheapest optical, winner, crossover
    fibre_box: Note | None  # beyond 1 km: what the fibre does at each band, what spans it
    power_lead: str  # what the power chart shows, for the chosen throughput
    power: Figure  # watts to move the throughput over the distance
    notes: tuple[Note, ...]  # under the power chart: the NVIDIA port figures, the sources
    # the numbers the headlines state, as computed (nan where they do not apply)
    distance_m: float = 0.0
    best_el: str = ""  # slug of the cheapest copper link at the distance ('' if none reaches)
    best_opt: str = ""
    winner: str = "none"  # 'optical', 'electrical', 'tie', 'none' at the page's own figures
    copper_over_light: float = 0.0  # energy per bit, cheapest copper / cheapest light, at the distance
    ratio_lo: float = 0.0  # ... over the sourced figures
    ratio_hi: float = 0.0
    crossover_m: float = 0.0
    crossover_lo: float = 0.0
    crossover_hi: float = 0.0
    longest_copper_m: float = 0.0  # the furthest any chosen copper link reaches at the rate
    longest_copper_lo: float = 0.0
    longest_copper_hi: float = 0.0
    long_reach_m: float = 0.0  # how far the O-band 40 km module reaches on the chosen fibre


def segments_note(fibre: str, slug: str, distance_m: float, rate: float, lang: str) -> str:
    """'3 segments (2 retimers)' for a copper link that needs retimers, else ''."""
    n = s.segments(fibre, slug, distance_m, rate)
    if not np.isfinite(n) or n <= 1:
        return ""
    return t("photonics.energy.retimers", lang, n=int(n), r=int(n) - 1)


def deciding(spread: s.Spread, lang: str, most: int = 3) -> str:
    """The figures that decide a headline, each named with the spread of its sources."""
    names = []
    for rid in spread.movers[:most]:
        alts = s.ALTERNATIVES.get(rid, ())
        alt_values = [value(a) for a in alts]
        names.append(t(f"photonics.decides.{rid}", lang, r=shown(rid, lang), a=shown(rid, lang),
                       b=shown(alts[0], lang) if alts else "",
                       lo=fmt_num(min([value(rid), *alt_values]), lang), hi=fmt_num(max([value(rid), *alt_values]), lang)))
    if not names:
        return ""
    listed = names[0] if len(names) == 1 else t("photonics.summary.and", lang, a="; ".join(names[:-1]), b=names[-1])
    return t("photonics.energy.decided_by", lang, names=listed)


def _ratio_text(v: s.Verdict, spread: s.Spread, lang: str) -> tuple[str, str]:
    """(how the winner's margin is said, how its range is said) for a state where both kinds reach."""
    if v.winner == "optical":
        x, lo, hi = spread.value, spread.lo, spread.hi
    else:  # copper wins: say how many times less energy copper uses
        x, lo, hi = 1 / spread.value, 1 / spread.hi, 1 / spread.lo
    margin = times(x, lang)
    if spread.lo < 1 < spread.hi or spread.robust():
        return margin, ""
    return margin, t("photonics.energy.ratio_range", lang, lo=times(lo, lang), hi=times(hi, lang))


def energy_summary(v: s.Verdict, rate: float, lang: str, cross: s.Spread | None = None,
                   ratio: s.Spread | None = None) -> str:
    d = fmt_distance(v.distance_m, lang)
    r = fmt_rate(rate, lang)
    if not (v.has_el and v.has_opt):
        return t("photonics.summary.energy_pick_both", lang, d=d, r=r)
    if math.isfinite(v.crossover_m):
        if cross is not None and not cross.robust():
            cross_text = t("photonics.summary.cross_range", lang, range=distance_range(cross.lo, cross.hi, lang),
                           x=fmt_distance(v.crossover_m, lang, 2))
        else:
            cross_text = t("photonics.summary.cross_at", lang, x=fmt_distance(v.crossover_m, lang))
    else:
        cross_text = t("photonics.summary.cross_none", lang)
    w = v.winner
    if w == "none":
        return t("photonics.summary.energy_none", lang, d=d, r=r) + " " + cross_text
    if w == "optical" and v.best_el is None:
        return t("photonics.summary.energy_only_opt", lang, d=d, r=r,
                 link=in_sentence(link_name(v.best_opt, lang)), e=fmt_energy(v.e_opt, lang)) + " " + cross_text
    if w == "electrical" and v.best_opt is None:
        return t("photonics.summary.energy_only_el", lang, d=d, r=r,
                 link=in_sentence(link_name(v.best_el, lang)), e=fmt_energy(v.e_el, lang)) + " " + cross_text
    if w == "tie":
        return t("photonics.summary.energy_tie", lang, d=d, r=r) + " " + cross_text
    opt, el = in_sentence(link_name(v.best_opt, lang)), in_sentence(link_name(v.best_el, lang))
    if ratio is not None and ratio.lo < 1 < ratio.hi:
        return t("photonics.summary.energy_close", lang, d=d, r=r, opt=opt, el=el,
                 lo=times(1 / ratio.lo, lang), hi=times(ratio.hi, lang)) + " " + cross_text
    margin, spread_text = _ratio_text(v, ratio, lang) if ratio is not None else (fmt_times(v.ratio, lang), "")
    key = "photonics.summary.energy_opt" if w == "optical" else "photonics.summary.energy_el"
    out = t(key, lang, d=d, r=r, x=margin, opt=opt, el=el)
    if spread_text:
        out += " " + spread_text
    return out + " " + cross_text


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


def energy_readouts(v: s.Verdict, fibre: str, rate: float, lang: str, cross: s.Spread, ratio: s.Spread,
                    copper: s.Spread) -> tuple[Readout, ...]:
    """Cheapest electrical and optical link at the distance, who wins and by how much, the crossover;
    where the sourced figures disagree, the winner and the crossover say by how much."""
    d_text = fmt_distance(v.distance_m, lang)
    not_possible = _not_possible(lang)
    if v.best_el:
        note = segments_note(fibre, v.best_el, v.distance_m, rate, lang)
        el_caption = link_name_tagged(v.best_el, lang) + (f" · {note}" if note else "")
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
    claim = None
    big = t(f"photonics.energy.win_{winner}", lang)
    if winner in ("optical", "electrical") and v.best_el and v.best_opt:
        claim = "photonics.winner"
        if ratio.lo < 1 < ratio.hi:  # the sourced figures disagree on who wins
            big = t("photonics.energy.win_close", lang)
            win_caption = t(f"photonics.energy.win_close_{winner}", lang, x=times(v.ratio, lang),
                            y=times(1 / ratio.lo if winner == "optical" else ratio.hi, lang))
            win_caption += " " + deciding(ratio, lang)
        else:
            margin, spread_text = _ratio_text(v, ratio, lang)
            win_caption = t(f"photonics.energy.win_{winner}_by", lang, x=margin)
            if spread_text:
                win_caption += " " + spread_text + " " + deciding(ratio, lang)
    elif winner == "optical" and v.best_opt and v.has_el:
        claim = "photonics.only_light"
        win_caption = t("photonics.energy.win_optical_note_reach", lang,
                        reach=distance_range(copper.lo, copper.hi, lang) if not copper.robust()
                        else fmt_distance(copper.value, lang, 2))
    else:
        win_caption = t(f"photonics.energy.win_{winner}_note", lang)
    won = Readout(t("photonics.energy.winner", lang, d=d_text), big,
                  help=t("photonics.energy.winner_help", lang), caption=win_caption, claim=claim)

    cross_claim = None
    if not (v.has_el and v.has_opt):
        big = not_possible
        note = t("photonics.energy.cross_pick_both", lang)
    elif math.isfinite(v.crossover_m):
        cross_claim = "photonics.crossover"
        if cross.robust():
            big = fmt_distance(v.crossover_m, lang, 2)
            note = (t("photonics.energy.cross_from_start", lang) if v.crossover_m <= D_MIN * (1 + 1e-6)
                    else t("photonics.energy.cross_note", lang))
        else:
            big = distance_range(cross.lo, cross.hi, lang)
            note = t("photonics.energy.cross_range_note", lang, x=fmt_distance(v.crossover_m, lang, 2)) + " " \
                + deciding(cross, lang)
    else:
        big = t("photonics.energy.cross_never", lang)
        note = t("photonics.energy.cross_never_note", lang)
    crossover = Readout(t("photonics.energy.crossover", lang), big, help=t("photonics.energy.crossover_help", lang),
                        caption=note, claim=cross_claim)
    return electrical, optical, won, crossover


def fibre_box_text(fibre: str, distance_m: float, lang: str) -> str:
    """Beyond 1 km: the fibre's loss at each band (the band is the transceiver's), whether the O-band
    long-reach module's budget closes, and what spans the distance in the C-band (coherent optics on
    an amplified DWDM line). Erbium amplifiers work only in the C and L bands."""
    km = distance_m / 1000.0
    att_o, att_c = s.fibre_attenuation(fibre, "O"), s.fibre_attenuation(fibre, "C")
    run = s.fibre_run(fibre, distance_m, "O")
    budget = s.long_reach_budget_db()
    text = t("photonics.fibre_box.loss", lang, d=fmt_distance(distance_m, lang),
             fibre=t(f"photonics.fibre_name.{fibre}", lang), att_o=fmt_num(att_o, lang, 3),
             loss_o=fmt_num(att_o * km, lang, 3), att_c=fmt_num(att_c, lang, 3), loss_c=fmt_num(att_c * km, lang, 3),
             p_out=fmt_num(float(run.output_power_dbm), lang, 3), p_in=fmt_num(value(LAUNCH_REF), lang))
    if float(run.margin_db) >= 0:
        text += " " + t("photonics.fibre_box.fits", lang, budget=fmt_num(budget, lang),
                        margin=fmt_num(float(run.margin_db), lang, 2))
    else:
        reach = float(ic.max_reach_m(s.links_for(fibre)["long_reach"], value("ph_lane_rate")))
        text += " " + t("photonics.fibre_box.short", lang, budget=fmt_num(budget, lang),
                        reach=fmt_distance(reach, lang, 2))
    zr = value("oif_400zr_reach") * 1000.0
    key = "photonics.fibre_box.coherent" if distance_m <= zr else "photonics.fibre_box.beyond_zr"
    text += " " + t(key, lang, zr=fmt_distance(zr, lang), loss_c=fmt_num(att_c * km, lang, 3))
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
    cross = s.crossover_spread(fibre, rate, chosen)
    ratio = s.ratio_spread(fibre, rate, chosen, d_m)
    copper = s.copper_reach_spread(fibre, rate, chosen)
    lanes = int(ic.copper_lanes_needed(tbps * 1000, rate))
    box = (Note(fibre_box_text(fibre, d_m, lang), kind="info", icon=":material/conversion_path:")
           if d_m >= 1000 else None)  # long distances: what the fibre itself does, and what spans it
    return LinksView(
        energy=energy_figure(fibre, rate, chosen, d_m, lang, energy_summary(v, rate, lang, cross, ratio)),
        readouts=energy_readouts(v, fibre, rate, lang, cross, ratio, copper),
        fibre_box=box,
        power_lead=t("photonics.power.lead", lang, tp=fmt_rate(tbps * 1000, lang), d=fmt_distance(d_m, lang),
                     lanes=lanes, r=fmt_rate(rate, lang)),
        power=power_figure(fibre, rate, d_m, tbps, lang),
        notes=(
            Note(t("photonics.power.nvidia", lang, pluggable=shown("nv_pluggable_w", lang), cpo=shown("nv_cpo_w", lang))
                 + " " + t("photonics.power.no_everyday", lang)),
            Note(t("photonics.power.nvl72", lang)),
            Note(sources_line(["serdes112", "nvlc2c", "lacc_100g", "ph_pkg_loss", "pluggable_intel", "intel_oci_e",
                               "nv_cpo_pjbit_cpo", "er4_pj_per_bit", "zr_pj_per_bit", "dally22_noc", "ucie_std_e",
                               "ph_nvl72_copper"], lang)),
        ),
        distance_m=d_m,
        best_el=v.best_el or "",
        best_opt=v.best_opt or "",
        winner=v.winner,
        copper_over_light=v.copper_over_light if math.isfinite(v.copper_over_light) else 0.0,
        ratio_lo=ratio.lo if math.isfinite(ratio.lo) else 0.0,
        ratio_hi=ratio.hi if math.isfinite(ratio.hi) else 0.0,
        crossover_m=v.crossover_m if math.isfinite(v.crossover_m) else 0.0,
        crossover_lo=cross.lo if math.isfinite(cross.lo) else 0.0,
        crossover_hi=cross.hi if math.isfinite(cross.hi) else 0.0,
        longest_copper_m=copper.value if math.isfinite(copper.value) else 0.0,
        longest_copper_lo=copper.lo if math.isfinite(copper.lo) else 0.0,
        longest_copper_hi=copper.hi if math.isfinite(copper.hi) else 0.0,
        long_reach_m=float(ic.max_reach_m(s.links_for(fibre)["long_reach"], rate)),
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
    r" \qquad B_\mathrm{other} = n_p L_\mathrm{pkg} + n_v L_\mathrm{via} + n_c L_\mathrm{conn}",
    r"\ell_\mathrm{opt} = \frac{B_\mathrm{opt}}{\alpha(\lambda_\mathrm{link})}, \qquad"
    r" \lambda_\mathrm{link} \in \{\text{O-band } 1310\ \mathrm{nm},\ \text{C-band } 1550\ \mathrm{nm}\}",
    r"L^* = \frac{E_{0,\mathrm{opt}} - E_{0,\mathrm{el}}}{e_w}",
    r"P = E_\mathrm{bit} \cdot R",
    r"P_\mathrm{out}\,[\mathrm{dBm}] = P_\mathrm{in}\,[\mathrm{dBm}] - \alpha L",
    r"C = N_\lambda \, R_\lambda, \qquad N_\lambda = \left\lfloor \frac{\Delta\nu_\mathrm{band}}{\Delta\nu} \right\rfloor",
    r"P_\mathrm{bar} = P_\mathrm{in}\sin^2\!\frac{\Delta\varphi}{2}, \qquad P_\mathrm{cross} = P_\mathrm{in}\cos^2\!\frac{\Delta\varphi}{2},"
    r" \qquad N_\mathrm{MZI} = \frac{N(N-1)}{2}",
)

LEFT_OUT: tuple[str, ...] = ("latency", "cost", "laser", "fec", "host", "redriver", "dispersion", "amplifiers",
                             "serdes_rate", "idle")


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
        t("photonics.asm.board_losses", lang, pkg=shown("ph_pkg_loss", lang), via=shown("ph_via_loss", lang),
          conn=shown("ph_conn_loss", lang), other=fmt_num(start["board"].reach.other_losses_db, lang, 3),
          budget=fmt_num(start["board"].reach.loss_budget_db, lang)),
        t("photonics.asm.c2c", lang, e=fmt_num(value("nvlc2c"), lang), mm=fmt_num(value("ph_vsr_reach") * 1000, lang)),
        t("photonics.asm.lacc", lang, reach=shown("lacc_100g", lang)),
        t("photonics.asm.bands", lang, er4=ref("er4_lanwdm_nm").text(lang), edfa=ref("edfa_bands").text(lang)),
        t("photonics.asm.coherent", lang, e=fmt_num(value("zr_pj_per_bit"), lang, 3),
          w=fmt_num(value("zr_module_w"), lang), zr=fmt_distance(value("oif_400zr_reach") * 1000, lang)),
        t("photonics.asm.ties", lang),
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
