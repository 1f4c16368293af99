"""Neuromorphic: one pure function per section -> a frozen view of what that section says (no Streamlit).

Every sentence, number and caption of the page is built here, formatted for the language:

    from explainers.topics.neuromorphic import present
    view = present.neuron("nl", i_na=3.0)
    print(view.rate.value, view.membrane.summary)

The `<section>_form(lang)` functions word a section's heading and controls (they come before the
controls' values are known); `<section>(lang, **values)` word everything the controls decide.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from explainers.charts import neuromorphic as charts
from explainers.content import fmt_count, fmt_num, fmt_power, fmt_ratio, ref, round_sig, shown, t, value
from explainers.content.citations import sources_line
from explainers.models import neuron as nm
from explainers.views import Figure, ModelView, Note, OneMinute, Readout

from . import (ACT_OPTIONS, ANALOG_MODES, ARCH_KIND, ARCH_SLUGS, BATCH_OPTIONS, BIT_SLUGS, CHIP_ROWS, CHIP_SLUGS,
               CHIP_TABLE_ROWS, CONTROLS, DIM_OPTIONS, ENERGY_ROWS, FETCH_SLUGS, GAIN_CASES, MEM_SLUGS, NEURON_ROWS,
               ROOFLINE_ROWS, SPIKE_ROWS, SYSTEM_ROWS, WALL_ROWS)
from . import setup as su

#: The membrane animation: 60 frames x 150 ms play 200 ms of neuron time over 9 s (a few spikes a second).
FRAMES = 60
FRAME_MS = 150


def _n(x: float, lang: str, sig: int = 3) -> str:
    return fmt_num(x, lang, sig)


# --- In one minute -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Intro(OneMinute):
    """The page's title and lead, and the delegate's box under them, with the figures it states."""

    title: str = ""
    lead: str = ""
    fetch_ratio: float = 0.0  # the box: Han et al.'s 32-bit DRAM read / 32-bit add
    fetch_lo: float = 0.0  # ... the range Han et al. and Horowitz span
    fetch_hi: float = 0.0
    share: float = 0.0  # % of the default layer's von Neumann energy spent moving data (DRAM, batch 1)
    chip_gain: float = 0.0  # HERMES (fast read) / H100 FP8 peak, operations per joule
    chip_lo: float = 0.0
    chip_hi: float = 0.0
    gains: Mapping[str, tuple[float, float, float]] = field(default_factory=dict)  # case -> (central, lo, hi)
    break_even_pct: float = 0.0  # Loihi against a dense design fed from small SRAM
    break_even_tn_pct: float = 0.0  # the same with TrueNorth's energy per event
    break_even_dram_pct: float = 0.0  # Loihi against a dense design fed from DRAM


def _x(x: float, lang: str) -> str:
    return fmt_ratio(x, lang)


def _x2(x: float, lang: str) -> str:
    """One end of a range of ratios, to two significant figures ('0.88', '1,600')."""
    return fmt_num(round_sig(x, 2), lang, 2)


def _x_range(lo: float, hi: float, lang: str) -> str:
    """A range of ratios, both ends to two significant figures ('0.88–3.5', '200–1,600')."""
    return f"{_x2(lo, lang)}–{_x2(hi, lang)}"


def one_minute(lang: str) -> Intro:
    d = CONTROLS.defaults()
    head = su.headline()
    chip = su.chip_gain()
    dim, bits = int(d["rows"]), int(d["bits"])
    layer = su.layer(dim, int(d["cols"]), bits, int(d["batch"]), "dram")
    cases = {case: su.layer(dim, dim, bits, batch, where) for case, (where, batch) in GAIN_CASES.items()}
    gains = {case: (res.analog_gain, *res.analog_gain_range) for case, res in cases.items()}
    spikes = su.spiking(d["act"], "loihi", "sram")
    spikes_tn = su.spiking(d["act"], "truenorth", "sram")
    spikes_dram = su.spiking(d["act"], "loihi", "dram")
    share = 100 * float(layer.breakdown["von_neumann"].data_movement_share)
    fetch = _x_range(head.lo, head.hi, lang)
    ranges = {f"{case}_lo": _x2(g[1], lang) for case, g in gains.items()} | {
        f"{case}_hi": _x2(g[2], lang) for case, g in gains.items()}
    dram_key = ("neuromorphic.one_minute.t3_dram_always" if spikes_dram.break_even_pct > 100.0
                else "neuromorphic.one_minute.t3_dram_below")
    return Intro(
        title=t("neuromorphic.title", lang),
        lead=t("neuromorphic.intro", lang),
        takeaways=(
            t("neuromorphic.one_minute.t1", lang, range=fetch, han=_x(head.han_ratio, lang),
              hz=_x_range(head.hz_32_lo, head.hz_32_hi, lang), dram=shown("hz_dram_64", lang)),
            t("neuromorphic.one_minute.t2", lang, share=_n(share, lang), chip=_x_range(chip.lo, chip.hi, lang),
              tdp=shown("h100_tdp", lang), **ranges),
            t("neuromorphic.one_minute.t3", lang, pct=_n(spikes.break_even_pct, lang, 2), e=shown("loihi_sop", lang),
              step=_n(value("ndx_step_ms"), lang), pct_tn=_n(spikes_tn.break_even_pct, lang, 2),
              tn=shown("tn_26pj", lang))
            + " " + t(dram_key, lang, pct=_n(spikes_dram.break_even_pct, lang, 2)),
        ),
        headline_label=t("neuromorphic.one_minute.headline_label", lang),
        headline_value=t("neuromorphic.one_minute.headline_value", lang, range=fetch),
        headline_ref="han_dram32",
        headline_help=t("neuromorphic.one_minute.headline_help", lang, han=shown("han_dram32", lang),
                        add=shown("hz_int_add32", lang), han_x=_x(head.han_ratio, lang),
                        dram=shown("hz_dram_64", lang), dram32=shown("hz_dram_32bit", lang),
                        hz=_x_range(head.hz_32_lo, head.hz_32_hi, lang)),
        claim="neuromorphic.fetch_vs_add",
        fetch_ratio=head.han_ratio, fetch_lo=head.lo, fetch_hi=head.hi, share=share,
        chip_gain=chip.fast, chip_lo=chip.lo, chip_hi=chip.hi, gains=gains,
        break_even_pct=spikes.break_even_pct, break_even_tn_pct=spikes_tn.break_even_pct,
        break_even_dram_pct=spikes_dram.break_even_pct,
    )


# --- Where the joules go (and the roofline) ------------------------------------------------------


@dataclass(frozen=True)
class JoulesForm:
    heading: str
    lead: str
    rows_label: str
    rows_help: str
    cols_label: str
    cols_help: str
    batch_label: str
    batch_help: str
    bits_label: str
    bits_help: str
    mem_label: str
    mem_help: str
    dim_options: Mapping[int, str]  # option -> its label
    batch_options: Mapping[int, str]
    bits_options: Mapping[str, str]
    mem_options: Mapping[str, str]


@lru_cache(maxsize=4)
def joules_form(lang: str) -> JoulesForm:
    def k(key: str) -> str:
        return t(f"neuromorphic.joules.{key}", lang)

    return JoulesForm(
        heading=k("title"), lead=k("intro"),
        rows_label=k("rows"), rows_help=k("rows_help"), cols_label=k("cols"), cols_help=k("cols_help"),
        batch_label=k("batch"), batch_help=k("batch_help"), bits_label=k("bits"), bits_help=k("bits_help"),
        mem_label=k("mem"), mem_help=k("mem_help"),
        dim_options={x: _n(x, lang, 5) for x in DIM_OPTIONS},
        batch_options={x: _n(x, lang, 5) for x in BATCH_OPTIONS},
        bits_options={s: t("neuromorphic.joules.bits_option", lang, n=s) for s in BIT_SLUGS},
        mem_options={s: t(f"neuromorphic.mem.{s}", lang) for s in MEM_SLUGS},
    )


@dataclass(frozen=True)
class JoulesView:
    readouts: tuple[Readout, ...]  # von Neumann pJ/MAC, data-movement share, analog gain, bound
    energy: Figure
    roofline: Figure
    sources: Note
    vn_pj: float = 0.0  # von Neumann energy per MAC (pJ)
    share: float = 0.0  # % of it spent moving data
    gain: float = 0.0  # von Neumann / analog in-memory energy per MAC, central figures
    gain_lo: float = 0.0  # ... over HERMES's two read modes and the DRAM range: what the readout states
    gain_hi: float = 0.0
    bound: str = ""  # "memory" | "compute" on the H100 roofline
    attainable_tflops: float = 0.0  # what the roofline lets this layer reach


def _gain_caption(lang: str, *, gain: float, batch: int, bits: int, mem: str, mem_name: str) -> str:
    """The line under the analog readout: its conditions, and the chip-against-chip figure beside it."""
    chip = su.chip_gain()
    key = ("neuromorphic.joules.r_analog_corner" if mem == "dram" and batch == 1
           else "neuromorphic.joules.r_analog_cond")
    text = t(key, lang, x=fmt_ratio(gain, lang), batch=_n(batch, lang, 5), mem=mem_name,
             chip=_x_range(chip.lo, chip.hi, lang))
    if bits != 8:
        text += " " + t("neuromorphic.joules.r_analog_bits", lang, bits=bits)
    return text


def joules(lang: str, *, rows, cols, batch, bits, mem) -> JoulesView:
    rows, cols, batch, bits = int(rows), int(cols), int(batch), int(bits)
    res = su.layer(rows, cols, bits, batch, mem)
    vn, near, analog = (res.breakdown[s] for s in ARCH_SLUGS)
    mem_name = t(f"neuromorphic.mem_in_text.{mem}", lang)
    memory_bound = res.intensity < res.ridge
    bound = "memory" if memory_bound else "compute"
    share = 100 * float(vn.data_movement_share)
    g_lo, g_hi = res.analog_gain_range

    readouts = (
        Readout(t("neuromorphic.joules.r_vn", lang), f"{_n(vn.per_mac_pj, lang)} pJ",
                help=t("neuromorphic.joules.r_vn_help", lang), claim="neuromorphic.vn_energy"),
        Readout(t("neuromorphic.joules.r_share", lang), f"{_n(share, lang)} %",
                help=t("neuromorphic.joules.r_share_help", lang), claim="neuromorphic.movement_share"),
        Readout(t("neuromorphic.joules.r_analog", lang),
                t("neuromorphic.joules.times", lang, x=_x_range(g_lo, g_hi, lang)),
                help=t("neuromorphic.joules.r_analog_help", lang, fast=shown(ANALOG_MODES["fast"], lang),
                       precise=shown(ANALOG_MODES["precise"], lang)),
                caption=_gain_caption(lang, gain=res.analog_gain, batch=batch, bits=bits, mem=mem, mem_name=mem_name),
                claim="neuromorphic.analog_gain"),
        Readout(t("neuromorphic.joules.r_bound", lang), t(f"neuromorphic.joules.bound_short_{bound}", lang),
                help=t("neuromorphic.joules.r_bound_help", lang, i=_n(res.intensity, lang), ridge=_n(res.ridge, lang)),
                claim="neuromorphic.bound"),
    )

    names = [t(f"neuromorphic.arch.{s}", lang) for s in ARCH_SLUGS]
    if mem == "sram":
        names[0] = t("neuromorphic.arch.von_neumann_sram", lang)
    parts, totals = su.energy_parts((vn, near, analog))
    rng = res.dram_total_range
    summary = t("neuromorphic.joules.summary", lang, rows=_n(rows, lang, 5), cols=_n(cols, lang, 5), bits=bits,
                batch=_n(batch, lang, 5), mem=mem_name, share=_n(share, lang),
                vn=_n(vn.per_mac_pj, lang), near=_n(near.per_mac_pj, lang), analog=_n(analog.per_mac_pj, lang))
    if rng:
        summary += " " + t("neuromorphic.joules.summary_range", lang, lo=_n(rng[0], lang), hi=_n(rng[1], lang))
    energy = Figure(
        charts.energy_bars,
        args=(names, [ARCH_KIND[s] for s in ARCH_SLUGS], parts,
              {k: t(f"neuromorphic.part.{k}", lang) for k in parts}, totals, [f"{_n(x, lang)} pJ" for x in totals],
              rng, lang),
        kwargs=dict(title=t("neuromorphic.joules.chart_title", lang, mem=mem_name),
                    x_title=t("neuromorphic.joules.x_title", lang), y_title=t("neuromorphic.joules.y_title", lang),
                    unit="pJ", range_name=t("neuromorphic.joules.range", lang, dram=shown("hz_dram_64", lang)),
                    range_text=t("neuromorphic.joules.range_text", lang, lo=_n(rng[0], lang), hi=_n(rng[1], lang))
                    if rng else ""),
        summary=summary, key="nm_energy",
    )

    bx, by = su.batch_roofline_tflops(res)
    roof_key = "neuromorphic.roof.summary_memory" if memory_bound else "neuromorphic.roof.summary_compute"
    roofline = Figure(
        charts.roofline,
        args=(res.peak_flops / 1e12, res.bandwidth / 1e12, res.ridge, (res.intensity, res.attainable / 1e12),
              (bx, by, [t("neuromorphic.roof.batch_label", lang, n=_n(b, lang, 5)) for b in BATCH_OPTIONS]), lang),
        kwargs=dict(
            title=t("neuromorphic.roof.title", lang, fmt=t(f"neuromorphic.roof.format_{bits}", lang)),
            x_title=t("neuromorphic.roof.x_title", lang), y_title=t("neuromorphic.roof.y_title", lang),
            names={"roof": t("neuromorphic.roof.roof", lang), "batches": t("neuromorphic.roof.batches", lang),
                   "point": t("neuromorphic.roof.point", lang),
                   "point_label": t("neuromorphic.roof.point_label", lang, n=_n(batch, lang, 5)),
                   "ridge": t("neuromorphic.roof.ridge", lang, x=_n(res.ridge, lang)),
                   "memory_bound": t("neuromorphic.roof.memory_bound", lang),
                   "compute_bound": t("neuromorphic.roof.compute_bound", lang),
                   "x": t("neuromorphic.roof.hover_x", lang), "y": t("neuromorphic.roof.hover_y", lang)}),
        summary=t(roof_key, lang, batch=_n(batch, lang, 5), i=_n(res.intensity, lang), ridge=_n(res.ridge, lang),
                  got=_n(res.attainable / 1e12, lang), peak=_n(res.peak_flops / 1e12, lang),
                  pct=_n(100 * res.attainable / res.peak_flops, lang, 2)),
        key="nm_roofline",
    )
    return JoulesView(readouts, energy, roofline, Note(sources_line((*ENERGY_ROWS, *ROOFLINE_ROWS), lang)),
                      vn_pj=float(vn.per_mac_pj), share=share, gain=res.analog_gain, gain_lo=g_lo, gain_hi=g_hi,
                      bound=bound, attainable_tflops=res.attainable / 1e12)


# --- The memory wall -----------------------------------------------------------------------------


@dataclass(frozen=True)
class WallView:
    heading: str
    lead: str
    figure: Figure
    sources: Note


def wall(lang: str) -> WallView:
    years, curves = su.memory_wall()
    growth = su.setup().growth
    end = {k: float(v[-1]) for k, v in curves.items()}
    figure = Figure(
        charts.memory_wall,
        args=(years, curves, {k: t(f"neuromorphic.wall.{k}", lang) for k in curves},
              {k: t("neuromorphic.wall.end", lang, x=_n(end[k], lang, 2)) for k in curves}, lang),
        kwargs=dict(title=t("neuromorphic.wall.chart_title", lang), x_title=t("neuromorphic.wall.x_title", lang),
                    y_title=t("neuromorphic.wall.y_title", lang), hover_x=t("neuromorphic.wall.hover_x", lang),
                    hover_y=t("neuromorphic.wall.hover_y", lang)),
        summary=t("neuromorphic.wall.summary", lang, c=_n(end["compute"], lang, 2),
                  d=_n(end["dram_bandwidth"], lang, 2),
                  i=_n(end["interconnect_bandwidth"], lang, 2), rc=_n(growth["compute"], lang),
                  rd=_n(growth["dram_bandwidth"], lang), ri=_n(growth["interconnect_bandwidth"], lang),
                  gap=_n(end["compute"] / end["dram_bandwidth"], lang, 2)),
        key="nm_wall",
    )
    return WallView(t("neuromorphic.wall.title", lang), t("neuromorphic.wall.intro", lang), figure,
                    Note(sources_line(WALL_ROWS, lang)))


# --- A spiking neuron, and its f-I curve ---------------------------------------------------------


@dataclass(frozen=True)
class NeuronForm:
    heading: str
    lead: str
    current_label: str
    current_help: str
    current_format: str  # the slider's number format


@lru_cache(maxsize=4)
def neuron_form(lang: str) -> NeuronForm:
    return NeuronForm(t("neuromorphic.neuron.title", lang), t("neuromorphic.neuron.intro", lang),
                      t("neuromorphic.neuron.current", lang), t("neuromorphic.neuron.current_help", lang), "%.2f nA")


@dataclass(frozen=True)
class NeuronView:
    rate: Readout
    spikes: Readout
    rheobase: Readout
    membrane: Figure
    play_hint: Note
    fi: Figure
    sources: Note


def neuron(lang: str, *, i_na) -> NeuronView:
    p = su.setup().lif
    i_max = value("ndx_i_max")
    rheo = p.rheobase_na
    tr = su.trace(i_na)
    n_spikes = len(tr.spikes_ms)
    duration = _n(tr.duration_ms, lang)

    rate = Readout(t("neuromorphic.neuron.r_rate", lang), f"{_n(tr.rate_hz, lang)} Hz",
                   help=t("neuromorphic.neuron.r_rate_help", lang, n=n_spikes, T=duration))
    spikes = Readout(t("neuromorphic.neuron.r_spikes", lang, T=duration), _n(n_spikes, lang))
    rheobase = Readout(t("neuromorphic.neuron.r_rheobase", lang), f"{_n(rheo, lang)} nA",
                       help=t("neuromorphic.neuron.r_rheobase_help", lang))

    frames_t = su.frame_times(tr, FRAMES)
    if i_na > rheo:
        summary = t("neuromorphic.neuron.summary_fires", lang, i=_n(i_na, lang), vinf=_n(tr.v_inf_mv, lang),
                    vth=_n(p.v_th_mv, lang), n=n_spikes, T=duration, rate=_n(tr.rate_hz, lang))
    else:
        summary = t("neuromorphic.neuron.summary_silent", lang, i=_n(i_na, lang), vinf=_n(tr.v_inf_mv, lang),
                    vth=_n(p.v_th_mv, lang), rh=_n(rheo, lang))
    membrane = Figure(
        charts.membrane,
        args=(tr.t_ms, tr.v_mv, tr.spikes_ms, p.v_th_mv, p.v_rest_mv, tr.duration_ms, frames_t, lang),
        kwargs=dict(
            title=t("neuromorphic.neuron.chart_title", lang, i=_n(i_na, lang)),
            x_title=t("neuromorphic.neuron.x_title", lang), y_title=t("neuromorphic.neuron.y_title", lang),
            names={"v": t("neuromorphic.neuron.v", lang), "spikes": t("neuromorphic.neuron.spikes", lang),
                   "spike": t("neuromorphic.neuron.spike", lang),
                   "threshold": t("neuromorphic.neuron.threshold", lang, v=_n(p.v_th_mv, lang)),
                   "rest": t("neuromorphic.neuron.rest", lang, v=_n(p.v_rest_mv, lang))},
            buttons={"play": t("neuromorphic.neuron.play", lang), "pause": t("neuromorphic.neuron.pause", lang),
                     "restart": t("neuromorphic.neuron.restart", lang), "time": t("neuromorphic.neuron.time", lang)},
            frame_labels=[fmt_num(x, lang, decimals=0) for x in frames_t], frame_ms=FRAME_MS),
        summary=summary, key="nm_membrane",
    )
    play_hint = Note(t("neuromorphic.neuron.play_hint", lang, T=duration, s=_n(FRAMES * FRAME_MS / 1000.0, lang)))

    i_sim, f_sim = su.fi_sweep(i_max)
    i_line, f_line = su.fi_curve(i_max)
    k = su.nearest_index(i_sim, i_na)
    fi = Figure(
        charts.fi_curve,
        args=(i_line, f_line, i_sim, f_sim, (i_na, tr.rate_hz), rheo, su.axis_top(f_line), lang),
        kwargs=dict(title=t("neuromorphic.fi.title", lang), x_title=t("neuromorphic.fi.x_title", lang),
                    y_title=t("neuromorphic.fi.y_title", lang),
                    names={"formula": t("neuromorphic.fi.formula", lang),
                           "simulation": t("neuromorphic.fi.simulation", lang, T=_n(value("ndx_fi_ms"), lang)),
                           "point": t("neuromorphic.fi.point", lang),
                           "rheobase": t("neuromorphic.fi.rheobase", lang, x=_n(rheo, lang))}),
        summary=t("neuromorphic.fi.summary", lang, i=_n(i_na, lang), rate=_n(tr.rate_hz, lang),
                  isim=_n(i_sim[k], lang), fsim=_n(f_sim[k], lang),
                  fform=_n(float(nm.lif_rate_hz(i_sim[k], **p.as_kwargs())), lang), rh=_n(rheo, lang),
                  fmax=_n(su.max_rate_hz(), lang), tref=_n(p.t_ref_ms, lang)),
        key="nm_fi",
    )
    return NeuronView(rate, spikes, rheobase, membrane, play_hint, fi, Note(sources_line(NEURON_ROWS, lang)))


# --- Compute only when something happens ---------------------------------------------------------


@dataclass(frozen=True)
class EventsForm:
    heading: str
    lead: str
    act_label: str
    act_help: str
    chip_label: str
    chip_help: str
    fetch_label: str
    fetch_help: str
    act_options: Mapping[float, str]
    chip_options: Mapping[str, str]
    fetch_options: Mapping[str, str]


@lru_cache(maxsize=4)
def events_form(lang: str) -> EventsForm:
    s = su.setup()
    step = _n(value("ndx_step_ms"), lang)
    return EventsForm(
        heading=t("neuromorphic.events.title", lang),
        lead=t("neuromorphic.events.intro", lang, n=fmt_count(s.network_neurons, lang), k=_n(s.fan, lang), step=step),
        act_label=t("neuromorphic.events.act", lang),
        act_help=t("neuromorphic.events.act_help", lang, step=step, rate=_n(0.01 * s.updates_per_s, lang)),
        chip_label=t("neuromorphic.events.chip", lang),
        chip_help=t("neuromorphic.events.chip_help", lang, loihi=shown("loihi_sop", lang), tn=shown("tn_26pj", lang)),
        fetch_label=t("neuromorphic.events.fetch", lang),
        fetch_help=t("neuromorphic.events.fetch_help", lang),
        act_options={x: f"{_n(x, lang)} %" for x in ACT_OPTIONS},
        chip_options={c: t(f"neuromorphic.events.chip_{c}", lang) for c in CHIP_SLUGS},
        fetch_options={f: t(f"neuromorphic.events.fetch_{f}", lang) for f in FETCH_SLUGS},
    )


@dataclass(frozen=True)
class EventsView:
    readouts: tuple[Readout, ...]  # event-driven power, dense power, break-even activity
    figure: Figure
    caveat: Note
    sources: Note
    break_even_pct: float = 0.0
    factor: float = 0.0  # how many times less (or more) power the cheaper design uses
    cheaper: str = ""  # "event" | "dense": which design uses less power at this activity


def events(lang: str, *, act, chip, fetch) -> EventsView:
    sp = su.spiking(act, chip, fetch)
    chip_name = t(f"neuromorphic.events.chip_{chip}", lang)
    within = sp.break_even_pct <= 100.0
    be = _n(sp.break_even_pct, lang, 2)
    readouts = (
        Readout(t("neuromorphic.events.r_event", lang), fmt_power(sp.at_event_w, lang),
                help=t("neuromorphic.events.r_event_help", lang, e=shown(CHIP_ROWS[chip], lang),
                       rate=_n(sp.at_rate_hz, lang))),
        Readout(t("neuromorphic.events.r_dense", lang), fmt_power(sp.dense_w, lang),
                help=t("neuromorphic.events.r_dense_help", lang, mac=_n(sp.energy.energy_per_mac_pj, lang),
                       fetch=_n(sp.energy.energy_per_fetch_pj, lang))),
        Readout(t("neuromorphic.events.r_break_even", lang),
                f"{be} %" if within else t("neuromorphic.events.never", lang),
                help=t("neuromorphic.events.r_break_even_help", lang, hz=_n(sp.break_even_hz, lang, 2)),
                claim="neuromorphic.break_even"),
    )
    cheaper = sp.at_event_w < sp.dense_w
    factor = sp.dense_w / sp.at_event_w if cheaper else sp.at_event_w / sp.dense_w
    if within:
        summary = t("neuromorphic.events.summary_cheaper" if cheaper else "neuromorphic.events.summary_dearer", lang,
                    act=_n(sp.at_pct, lang), rate=_n(sp.at_rate_hz, lang), chip=chip_name,
                    ev=fmt_power(sp.at_event_w, lang), dense=fmt_power(sp.dense_w, lang), x=fmt_ratio(factor, lang),
                    be=be, behz=_n(sp.break_even_hz, lang, 2))
    else:
        summary = t("neuromorphic.events.summary_always", lang, act=_n(sp.at_pct, lang), chip=chip_name,
                    ev=fmt_power(sp.at_event_w, lang), dense=fmt_power(sp.dense_w, lang), x=fmt_ratio(factor, lang),
                    be=be)
    figure = Figure(
        charts.spiking_energy,
        args=(sp.act_pct, sp.event_w, sp.dense_w, sp.dense_w_range, (sp.at_pct, sp.at_event_w), sp.break_even_pct,
              lang),
        kwargs=dict(
            title=t("neuromorphic.events.chart_title", lang, chip=chip_name,
                    fetch=t(f"neuromorphic.events.fetch_in_title_{fetch}", lang)),
            x_title=t("neuromorphic.events.x_title", lang), y_title=t("neuromorphic.events.y_title", lang),
            names={"dense": t("neuromorphic.events.dense", lang),
                   "dense_range": t("neuromorphic.events.dense_range", lang),
                   "event": t("neuromorphic.events.event", lang), "point": t("neuromorphic.events.point", lang),
                   "x": t("neuromorphic.events.hover_x", lang),
                   "break_even": t("neuromorphic.events.break_even", lang, x=be)}),
        summary=summary, key="nm_events",
    )
    return EventsView(readouts, figure, Note(t("neuromorphic.events.caveat", lang)),
                      Note(sources_line(SPIKE_ROWS, lang)), break_even_pct=sp.break_even_pct, factor=factor,
                      cheaper="event" if cheaper else "dense")


# --- Brains and chips ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    label: str


@dataclass(frozen=True)
class Table:
    """A table of finished text: its columns (key and heading) and its rows, one string per column."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    alt: str

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(c.label for c in self.columns)


@dataclass(frozen=True)
class ChipsView:
    heading: str
    lead: str
    table: Table
    figure: Figure
    sources: Note
    truenorth_per_brain: float = 0.0  # TrueNorth's power per neuron / the brain's
    hala_per_brain: float = 0.0  # Hala Point's (at its maximum power) / the brain's


CHIP_COLUMNS: tuple[str, ...] = ("system", "kind", "neurons", "synapses", "power", "caveat", "sources")


def _system_cells(lang: str) -> dict[str, tuple[str, str, str]]:
    """Neurons, synapses and power of each system, formatted for the language (ranges where sources disagree)."""
    none = t("neuromorphic.chips.none", lang)
    approx = t("neuromorphic.chips.approx", lang)
    brain_n = ref("brain_neurons")
    tn_p = ref("tn_70mw")
    return {
        "brain": (t("neuromorphic.chips.range", lang, low=fmt_count(brain_n.low, lang),
                    high=fmt_count(brain_n.high, lang), mid=fmt_count(brain_n.value, lang)),
                  t("neuromorphic.chips.brain_syn", lang, ctx=fmt_count(value("brain_syn_ctx"), lang),
                    all=fmt_count(value("brain_syn_all"), lang)),
                  f"{approx} {fmt_power(value('brain_power'), lang)}"),
        "truenorth": (fmt_count(value("tn_neurons"), lang), fmt_count(value("tn_syn"), lang),
                      f"{fmt_power(tn_p.low * 1e-3, lang)}–{fmt_power(tn_p.high * 1e-3, lang)}"),
        "loihi": (fmt_count(value("loihi_neurons_n"), lang), fmt_count(value("loihi_neurons_syn"), lang), none),
        "loihi2": (fmt_count(value("loihi2_spec_n"), lang), fmt_count(value("loihi2_spec_syn"), lang),
                   f"{approx} {fmt_power(value('ndx_loihi2_p'), lang)}"),
        "hala_point": (fmt_count(value("hala_n_n"), lang), fmt_count(value("hala_n_syn"), lang),
                       t("neuromorphic.chips.at_most", lang, p=fmt_power(value("hala_p"), lang))),
        "spinnaker2": (t("neuromorphic.chips.programmable", lang), none, none),
        "northpole": (t("neuromorphic.chips.not_spiking", lang), none, none),
        "hermes": (t("neuromorphic.chips.not_spiking", lang),
                   t("neuromorphic.chips.weights", lang, n=fmt_count(su.hermes_weights(), lang)),
                   t("neuromorphic.chips.derived_power", lang, p=fmt_power(su.hermes_power_w(), lang))),
    }


@lru_cache(maxsize=4)
def chips(lang: str) -> ChipsView:
    """The brains-and-chips table and chart: all static text, so built once per language."""
    caveat_values = dict(
        brain_n=fmt_count(value("brain_neurons"), lang), brain_p=shown("brain_power", lang),
        tn_p=shown("tn_63mw", lang), tn_hi=fmt_power(ref("tn_70mw").high * 1e-3, lang), tn_e=shown("tn_26pj", lang),
        loihi_e=shown("loihi_sop", lang), loihi2_p=shown("ndx_loihi2_p", lang), hala_p=shown("hala_p", lang),
        np_x=fmt_num(value("np_eff"), lang, 3), cores=fmt_num(value("her_cores"), lang, 3),
        tile=fmt_num(value("her_tile"), lang, 3), tops=shown("her_1ph_tops", lang), eff=shown("her_1ph_eff", lang),
    )
    cells = _system_cells(lang)
    systems = su.systems()
    rows = tuple(
        (t(f"neuromorphic.chips.name.{s.slug}", lang), t(f"neuromorphic.chips.kind.{s.slug}", lang), *cells[s.slug],
         t(f"neuromorphic.chips.caveat.{s.slug}", lang, **caveat_values), ", ".join(SYSTEM_ROWS[s.slug]))
        for s in systems
    )
    table = Table(tuple(Column(key, t(f"neuromorphic.chips.col_{key}", lang)) for key in CHIP_COLUMNS), rows,
                  t("neuromorphic.chips.table_alt", lang))

    plotted = [s for s in systems if s.point is not None]
    points = [(t(f"neuromorphic.chips.name.{s.slug}", lang), s.point[0],
               *(s.neurons_range or (s.point[0], s.point[0])), *s.point[1:],
               "brain" if s.slug == "brain" else "chip") for s in plotted]
    brain_w = su.brain_w_per_neuron()
    per = {s.slug: su.per_neuron_w(s) for s in plotted}
    figure = Figure(
        charts.brains_chips,
        args=(points, brain_w, lang),
        kwargs=dict(title=t("neuromorphic.chips.chart_title", lang), x_title=t("neuromorphic.chips.x_title", lang),
                    y_title=t("neuromorphic.chips.y_title", lang),
                    names={"brain_line": t("neuromorphic.chips.brain_line", lang, p=fmt_power(brain_w, lang)),
                           "x": t("neuromorphic.chips.hover_x", lang), "y": t("neuromorphic.chips.hover_y", lang)}),
        summary=t("neuromorphic.chips.summary", lang, brain=fmt_power(per["brain"], lang),
                  tn=fmt_power(per["truenorth"], lang), hala=fmt_power(per["hala_point"], lang),
                  xtn=fmt_ratio(per["truenorth"] / per["brain"], lang),
                  xhala=fmt_ratio(per["hala_point"] / per["brain"], lang)),
        key="nm_chips",
    )
    return ChipsView(t("neuromorphic.chips.title", lang), t("neuromorphic.chips.intro", lang), table, figure,
                     Note(sources_line(CHIP_TABLE_ROWS, lang)), truenorth_per_brain=per["truenorth"] / per["brain"],
                     hala_per_brain=per["hala_point"] / per["brain"])


# --- How the model works -------------------------------------------------------------------------

EQUATIONS: tuple[str, ...] = (
    r"E_{\mathrm{von\,Neumann}} = N_{\mathrm{MAC}}\,E_{\mathrm{MAC}} + b_{\mathrm{moved}}\,E_{\mathrm{bit}}"
    r"\qquad b_{\mathrm{moved}} = R\,C\,w + (R + C)\,a\,B",
    r"E_{\mathrm{analog}} = N_{\mathrm{MAC}}\,E_{\mathrm{cell}} + n_{\mathrm{DAC}}\,E_{\mathrm{DAC}}"
    r" + n_{\mathrm{ADC}}\,E_{\mathrm{ADC}}, \quad n_{\mathrm{DAC}} = R \lceil C / c_t \rceil B,"
    r"\; n_{\mathrm{ADC}} = C \lceil R / r_t \rceil B",
    r"P = \min(\Pi,\; \beta\, I), \qquad I = \frac{2\,N_{\mathrm{MAC}}}{\mathrm{bytes\ moved}},"
    r"\qquad I^{*} = \Pi / \beta",
    r"\tau\,\frac{dV}{dt} = -(V - E_L) + R\,I, \qquad V \ge V_{\mathrm{th}} \Rightarrow "
    r"\text{spike},\; V \leftarrow V_{\mathrm{reset}} \text{ for } t_{\mathrm{ref}}",
    r"f = \left[t_{\mathrm{ref}} + \tau \ln\frac{V_\infty - V_{\mathrm{reset}}}"
    r"{V_\infty - V_{\mathrm{th}}}\right]^{-1},"
    r"\quad V_\infty = E_L + R\,I, \quad I_{\mathrm{rh}} = \frac{V_{\mathrm{th}} - E_L}{R}",
    r"P_{\mathrm{event}} = N\,r\,k\,E_{\mathrm{event}}, \qquad P_{\mathrm{dense}} = N\,k\,u\,"
    r"(E_{\mathrm{MAC}} + E_{\mathrm{fetch}}), \qquad r^{*} = u\,\frac{E_{\mathrm{MAC}} + E_{\mathrm{fetch}}}"
    r"{E_{\mathrm{event}}}",
)


def model(lang: str) -> ModelView:
    lif = su.setup().lif

    def n(x: float, sig: int = 3) -> str:
        return _n(x, lang, sig)

    return ModelView(
        equations=EQUATIONS,
        explanation=t("neuromorphic.model.explanation", lang),
        assumptions=(
            t("neuromorphic.model.a_converter", lang, x=n(value("ndx_converter_energy_share"))),
            t("neuromorphic.model.a_lif", lang, tau=n(lif.tau_ms), r=n(lif.r_mohm), el=n(lif.v_rest_mv),
              vth=n(lif.v_th_mv)),
            t("neuromorphic.model.a_reset", lang, x=n(value("ndx_v_reset_offset"))),
            t("neuromorphic.model.a_dense_bits", lang, x=n(value("ndx_dense_weight_bits"))),
            t("neuromorphic.model.a_tile", lang, x=n(value("her_tile"))),
            t("neuromorphic.model.a_analog_modes", lang, fast=shown(ANALOG_MODES["fast"], lang),
              precise=shown(ANALOG_MODES["precise"], lang)),
            t("neuromorphic.model.a_tref", lang, x=n(lif.t_ref_ms)),
            t("neuromorphic.model.a_layer", lang, x=n(value("ndx_layer_dim"), 5), bits=n(value("ndx_weight_bits")),
              batch=n(value("ndx_batch"))),
            t("neuromorphic.model.a_current", lang, x=n(value("ndx_i_default")), max=n(value("ndx_i_max"))),
            t("neuromorphic.model.a_sim", lang, T=n(value("ndx_sim_ms")), fi=n(value("ndx_fi_ms")),
              dt=n(value("ndx_dt_ms"))),
            t("neuromorphic.model.a_step", lang, x=n(value("ndx_step_ms")), act=n(value("ndx_act_default"))),
            t("neuromorphic.model.a_network", lang, n=fmt_count(value("tn_neurons"), lang),
              k=n(value("tn_syn") / value("tn_neurons"))),
            t("neuromorphic.model.a_roofline", lang),
        ),
        left_out=tuple(t(f"neuromorphic.model.out_{i}", lang) for i in range(1, 7)),
    )
