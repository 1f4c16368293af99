"""Neuromorphic: the cost of moving data, and neurons that compute only when they spike.

Thin page script: read the controls (URL-bound) -> call the models through ui.neuromorphic -> build
the charts -> render. Every number comes from a reference row or from the models.
"""

import streamlit as st

from explainers.charts import neuromorphic as charts
from explainers.content import fmt_num, shown, t, value
from explainers.models import neuron as nm
from explainers.ui import cached_figure, chart, current_lang, model_panel, one_minute, readout, scene_bar, sources_line, sources_panel
from explainers.ui import neuromorphic as nx
from explainers.ui import state

lang = current_lang()
D = nx.defaults()


def T(key: str, **kw) -> str:
    return t(f"neuromorphic.{key}", lang, **kw)


def n3(x: float, sig: int = 3) -> str:
    return fmt_num(x, lang, sig)


def ratio(x: float) -> str:
    return nx.fmt_ratio(x, lang)


# --- title and In one minute -----------------------------------------------------------------------

st.title(T("title"))
st.markdown(T("intro"))

head = nx.headline()
default_layer = nx.layer(D["rows"], D["cols"], D["bits"], D["batch"], "dram")
default_spikes = nx.spiking(D["act"], D["chip"], D["fetch"])
one_minute(
    lang,
    takeaways=[
        T("one_minute.t1", han=ratio(head.han_ratio), lo=ratio(head.hz_word_lo), hi=ratio(head.hz_word_hi),
          lo32=ratio(head.hz_32_lo), hi32=ratio(head.hz_32_hi), dram=shown("hz_dram_64", lang)),
        T("one_minute.t2", share=n3(100 * default_layer.breakdown["von_neumann"].data_movement_share),
          analog=ratio(default_layer.breakdown["von_neumann"].per_mac_pj
                       / default_layer.breakdown["analog_in_memory"].per_mac_pj)),
        T("one_minute.t3", pct=n3(default_spikes.break_even_pct, 2), e=shown("loihi_sop", lang),
          step=n3(value("ndx_step_ms"))),
    ],
    headline_label=T("one_minute.headline_label"),
    headline_value=T("one_minute.headline_value", ratio=ratio(head.han_ratio)),
    headline_ref="han_dram32",
    headline_help=T("one_minute.headline_help", han=shown("han_dram32", lang), add=shown("hz_int_add32", lang),
                    dram=shown("hz_dram_64", lang), lo=ratio(head.hz_word_lo), hi=ratio(head.hz_word_hi),
                    lo32=ratio(head.hz_32_lo), hi32=ratio(head.hz_32_hi)),
)


# --- Where the joules go -----------------------------------------------------------------------------

ARCH_KIND = {"von_neumann": "conventional", "near_memory": "neuromorphic", "analog_in_memory": "neuromorphic"}


@st.fragment
def joules() -> None:
    st.subheader(T("joules.title"))
    st.markdown(T("joules.intro"))
    c1, c2, c3 = st.columns(3, gap="large")
    with c1:
        rows = state.stepped("rows", T("joules.rows"), options=nx.DIM_OPTIONS, default=D["rows"],
                             format_func=lambda x: n3(x, 5), help=T("joules.rows_help"))
    with c2:
        cols = state.stepped("cols", T("joules.cols"), options=nx.DIM_OPTIONS, default=D["cols"],
                             format_func=lambda x: n3(x, 5), help=T("joules.cols_help"))
    with c3:
        batch = state.stepped("batch", T("joules.batch"), options=nx.BATCH_OPTIONS, default=D["batch"],
                              format_func=lambda x: n3(x, 5), help=T("joules.batch_help"))
    c4, c5, _ = st.columns([1, 2, 1], gap="large")
    with c4:
        bits = int(state.choice("bits", T("joules.bits"), options=[str(b) for b in nx.BIT_OPTIONS],
                                default=str(D["bits"]), format_func=lambda s: T("joules.bits_option", n=s),
                                help=T("joules.bits_help")))
    with c5:
        mem_slug = state.choice("mem", T("joules.mem"), options=list(nx.MEM_SLUGS), default=D["mem"],
                                format_func=lambda s: T(f"mem.{s}"), help=T("joules.mem_help"))
    rows, cols, batch = int(rows), int(cols), int(batch)
    res = nx.layer(rows, cols, bits, batch, mem_slug)
    vn, near, analog = (res.breakdown[s] for s in nx.ARCH_SLUGS)

    r1, r2, r3, r4 = st.columns(4, gap="medium")
    with r1:
        readout(T("joules.r_vn"), f"{n3(vn.per_mac_pj)} pJ", help=T("joules.r_vn_help"))
    with r2:
        readout(T("joules.r_share"), f"{n3(100 * vn.data_movement_share)} %", help=T("joules.r_share_help"))
    with r3:
        readout(T("joules.r_analog"), T("joules.times", x=ratio(vn.per_mac_pj / analog.per_mac_pj)),
                help=T("joules.r_analog_help"))
    with r4:
        bound = "memory" if res.intensity < res.ridge else "compute"
        readout(T("joules.r_bound"), T(f"joules.bound_short_{bound}"),
                help=T("joules.r_bound_help", i=n3(res.intensity), ridge=n3(res.ridge)))

    left, right = st.columns(2, gap="large")
    with left:
        names = [T(f"arch.{s}") for s in nx.ARCH_SLUGS]
        if mem_slug == "sram":
            names[0] = T("arch.von_neumann_sram")
        parts, totals = nx.energy_parts((vn, near, analog))
        rng = res.dram_total_range
        fig = cached_figure(charts.energy_bars,
            names, [ARCH_KIND[s] for s in nx.ARCH_SLUGS], parts, {k: T(f"part.{k}") for k in parts}, totals,
            [f"{n3(x)} pJ" for x in totals], rng, lang, title=T("joules.chart_title", mem=T(f"mem.{mem_slug}")),
            x_title=T("joules.x_title"), y_title=T("joules.y_title"), unit="pJ",
            range_name=T("joules.range", dram=shown("hz_dram_64", lang)),
            range_text=T("joules.range_text", lo=n3(rng[0]), hi=n3(rng[1])) if rng else "")
        summary = T("joules.summary", rows=n3(rows, 5), cols=n3(cols, 5), bits=bits, batch=n3(batch, 5),
                    mem=T(f"mem.{mem_slug}"), share=n3(100 * vn.data_movement_share), vn=n3(vn.per_mac_pj),
                    near=n3(near.per_mac_pj), analog=n3(analog.per_mac_pj))
        if rng:
            summary += " " + T("joules.summary_range", lo=n3(rng[0]), hi=n3(rng[1]))
        chart(fig, summary, key="nm_energy")
    with right:
        bx, by = nx.batch_roofline_tflops(res)
        fig = cached_figure(charts.roofline,
            res.peak_flops / 1e12, res.bandwidth / 1e12, res.ridge, (res.intensity, res.attainable / 1e12),
            (bx, by, [T("roof.batch_label", n=n3(b, 5)) for b in nx.BATCH_OPTIONS]), lang,
            title=T("roof.title", fmt=T(f"roof.format_{bits}")), x_title=T("roof.x_title"),
            y_title=T("roof.y_title"),
            names={"roof": T("roof.roof"), "batches": T("roof.batches"), "point": T("roof.point"),
                   "point_label": T("roof.point_label", n=n3(batch, 5)), "ridge": T("roof.ridge", x=n3(res.ridge)),
                   "memory_bound": T("roof.memory_bound"), "compute_bound": T("roof.compute_bound"),
                   "x": T("roof.hover_x"), "y": T("roof.hover_y")})
        key = "roof.summary_memory" if res.intensity < res.ridge else "roof.summary_compute"
        chart(fig, T(key, batch=n3(batch, 5), i=n3(res.intensity), ridge=n3(res.ridge),
                     got=n3(res.attainable / 1e12), peak=n3(res.peak_flops / 1e12),
                     pct=n3(100 * res.attainable / res.peak_flops, 2)), key="nm_roofline")
    st.caption(sources_line((*nx.ENERGY_ROWS, *nx.ROOFLINE_ROWS), lang))


joules()


# --- The memory wall ---------------------------------------------------------------------------------

st.subheader(T("wall.title"))
st.markdown(T("wall.intro"))
years, curves = nx.memory_wall()
growth = nx.setup().growth
end = {k: float(v[-1]) for k, v in curves.items()}
fig = cached_figure(charts.memory_wall,
    years, curves, {k: T(f"wall.{k}") for k in curves},
    {k: T("wall.end", x=n3(end[k], 2)) for k in curves}, lang, title=T("wall.chart_title"),
    x_title=T("wall.x_title"), y_title=T("wall.y_title"), hover_x=T("wall.hover_x"), hover_y=T("wall.hover_y"))
chart(fig, T("wall.summary", c=n3(end["compute"], 2), d=n3(end["dram_bandwidth"], 2),
             i=n3(end["interconnect_bandwidth"], 2), rc=n3(growth["compute"]), rd=n3(growth["dram_bandwidth"]),
             ri=n3(growth["interconnect_bandwidth"]), gap=n3(end["compute"] / end["dram_bandwidth"], 2)),
      key="nm_wall")
st.caption(sources_line(nx.WALL_ROWS, lang))


# --- A spiking neuron --------------------------------------------------------------------------------

FRAMES = 60
FRAME_MS = 150  # 60 frames x 150 ms: 200 ms of neuron time over 9 s (few spikes per second on screen)


@st.fragment
def neuron() -> None:
    st.subheader(T("neuron.title"))
    st.markdown(T("neuron.intro"))
    p = nx.setup().lif
    i_max = value("ndx_i_max")
    rheo = p.rheobase_na
    left, right = st.columns([1, 2.4], gap="large")
    with left:
        i_na = state.slider("i_na", T("neuron.current"), min_value=0.0, max_value=i_max, default=D["i_na"],
                            step=0.05, fmt="%.2f nA", help=T("neuron.current_help"))
        tr = nx.trace(i_na)
        readout(T("neuron.r_rate"), f"{n3(tr.rate_hz)} Hz",
                help=T("neuron.r_rate_help", n=len(tr.spikes_ms), T=n3(tr.duration_ms)))
        readout(T("neuron.r_spikes", T=n3(tr.duration_ms)), n3(len(tr.spikes_ms)))
        readout(T("neuron.r_rheobase"), f"{n3(rheo)} nA", help=T("neuron.r_rheobase_help"))
    with right:
        frames_t = nx.frame_times(tr, FRAMES)
        fig = cached_figure(charts.membrane,
            tr.t_ms, tr.v_mv, tr.spikes_ms, p.v_th_mv, p.v_rest_mv, tr.duration_ms, frames_t, lang,
            title=T("neuron.chart_title", i=n3(i_na)), x_title=T("neuron.x_title"), y_title=T("neuron.y_title"),
            names={"v": T("neuron.v"), "spikes": T("neuron.spikes"), "spike": T("neuron.spike"),
                   "threshold": T("neuron.threshold", v=n3(p.v_th_mv)), "rest": T("neuron.rest", v=n3(p.v_rest_mv))},
            buttons={"play": T("neuron.play"), "pause": T("neuron.pause"), "restart": T("neuron.restart"),
                     "time": T("neuron.time")},
            frame_labels=[fmt_num(x, lang, decimals=0) for x in frames_t], frame_ms=FRAME_MS)
        if i_na > rheo:
            summary = T("neuron.summary_fires", i=n3(i_na), vinf=n3(tr.v_inf_mv), vth=n3(p.v_th_mv),
                        n=len(tr.spikes_ms), T=n3(tr.duration_ms), rate=n3(tr.rate_hz))
        else:
            summary = T("neuron.summary_silent", i=n3(i_na), vinf=n3(tr.v_inf_mv), vth=n3(p.v_th_mv), rh=n3(rheo))
        chart(fig, summary, key="nm_membrane")
        st.caption(T("neuron.play_hint", T=n3(tr.duration_ms), s=n3(FRAMES * FRAME_MS / 1000.0)))

    i_sim, f_sim = nx.fi_sweep(i_max)
    i_line, f_line = nx.fi_curve(i_max)
    f_max = nx.max_rate_hz()
    fig = cached_figure(charts.fi_curve,
        i_line, f_line, i_sim, f_sim, (i_na, tr.rate_hz), rheo, nx.axis_top(f_line),
        lang, title=T("fi.title"), x_title=T("fi.x_title"), y_title=T("fi.y_title"),
        names={"formula": T("fi.formula"), "simulation": T("fi.simulation", T=n3(value("ndx_fi_ms"))),
               "point": T("fi.point"), "rheobase": T("fi.rheobase", x=n3(rheo))})
    k = nx.nearest_index(i_sim, i_na)
    chart(fig, T("fi.summary", i=n3(i_na), rate=n3(tr.rate_hz), isim=n3(i_sim[k]), fsim=n3(f_sim[k]),
                 fform=n3(float(nm.lif_rate_hz(i_sim[k], **p.as_kwargs()))), rh=n3(rheo), fmax=n3(f_max),
                 tref=n3(p.t_ref_ms)), key="nm_fi")
    st.caption(sources_line(nx.NEURON_ROWS, lang))


neuron()


# --- Compute only when something happens -------------------------------------------------------------


@st.fragment
def events() -> None:
    st.subheader(T("events.title"))
    s0 = nx.setup()
    st.markdown(T("events.intro", n=nx.fmt_count(s0.network_neurons, lang), k=n3(s0.fan),
                  step=n3(value("ndx_step_ms"))))
    c1, c2, c3 = st.columns([2, 1, 1], gap="medium")
    with c1:
        act = state.stepped("act", T("events.act"), options=nx.ACT_OPTIONS, default=D["act"],
                            format_func=lambda x: f"{n3(x)} %",
                            help=T("events.act_help", step=n3(value("ndx_step_ms")),
                                   rate=n3(0.01 * nx.setup().updates_per_s)))
    with c2:
        chip = state.choice("chip", T("events.chip"), options=list(nx.CHIP_SLUGS), default=D["chip"],
                            format_func=lambda s: T(f"events.chip_{s}"),
                            help=T("events.chip_help", loihi=shown("loihi_sop", lang), tn=shown("tn_26pj", lang)))
    with c3:
        fetch = state.choice("fetch", T("events.fetch"), options=list(nx.FETCH_SLUGS), default=D["fetch"],
                             format_func=lambda s: T(f"events.fetch_{s}"), help=T("events.fetch_help"))
    sp = nx.spiking(act, chip, fetch)
    r1, r2, r3 = st.columns(3, gap="medium")
    with r1:
        readout(T("events.r_event"), nx.fmt_power(sp.at_event_w, lang),
                help=T("events.r_event_help", e=shown(nx.CHIP_ROWS[chip], lang), rate=n3(sp.at_rate_hz)))
    with r2:
        readout(T("events.r_dense"), nx.fmt_power(sp.dense_w, lang),
                help=T("events.r_dense_help", mac=n3(sp.energy.energy_per_mac_pj),
                       fetch=n3(sp.energy.energy_per_fetch_pj)))
    with r3:
        within = sp.break_even_pct <= 100.0
        readout(T("events.r_break_even"),
                f"{n3(sp.break_even_pct, 2)} %" if within else T("events.never"),
                help=T("events.r_break_even_help", hz=n3(sp.break_even_hz, 2)))
    fig = cached_figure(charts.spiking_energy,
        sp.act_pct, sp.event_w, sp.dense_w, sp.dense_w_range, (sp.at_pct, sp.at_event_w), sp.break_even_pct, lang,
        title=T("events.chart_title", chip=T(f"events.chip_{chip}"), fetch=T(f"events.fetch_in_title_{fetch}")),
        x_title=T("events.x_title"), y_title=T("events.y_title"),
        names={"dense": T("events.dense"), "dense_range": T("events.dense_range"), "event": T("events.event"),
               "point": T("events.point"), "x": T("events.hover_x"),
               "break_even": T("events.break_even", x=n3(sp.break_even_pct, 2))})
    cheaper = sp.at_event_w < sp.dense_w
    factor = sp.dense_w / sp.at_event_w if cheaper else sp.at_event_w / sp.dense_w
    if within:
        summary = T("events.summary_cheaper" if cheaper else "events.summary_dearer", act=n3(sp.at_pct),
                    rate=n3(sp.at_rate_hz), chip=T(f"events.chip_{chip}"), ev=nx.fmt_power(sp.at_event_w, lang),
                    dense=nx.fmt_power(sp.dense_w, lang), x=ratio(factor), be=n3(sp.break_even_pct, 2),
                    behz=n3(sp.break_even_hz, 2))
    else:
        summary = T("events.summary_always", act=n3(sp.at_pct), chip=T(f"events.chip_{chip}"),
                    ev=nx.fmt_power(sp.at_event_w, lang), dense=nx.fmt_power(sp.dense_w, lang), x=ratio(factor),
                    be=n3(sp.break_even_pct, 2))
    chart(fig, summary, key="nm_events")
    st.caption(T("events.caveat"))
    st.caption(sources_line(nx.SPIKE_ROWS, lang))


events()


# --- Brains and chips --------------------------------------------------------------------------------

st.subheader(T("chips.title"))
st.markdown(T("chips.intro"))
systems = nx.systems(lang)
st.dataframe(
    nx.chips_table(lang), hide_index=True, width="stretch", row_height=100, height=100 * len(systems) + 40,
    alt=T("chips.table_alt"),
    column_config={
        "system": st.column_config.TextColumn(T("chips.col_system"), width=100, pinned=True),
        "kind": st.column_config.TextColumn(T("chips.col_kind"), width=125),
        "neurons": st.column_config.TextColumn(T("chips.col_neurons"), width=110),
        "synapses": st.column_config.TextColumn(T("chips.col_synapses"), width=125),
        "power": st.column_config.TextColumn(T("chips.col_power"), width=95),
        "caveat": st.column_config.TextColumn(T("chips.col_caveat"), width=265),
        "sources": st.column_config.TextColumn(T("chips.col_sources"), width=105),
    },
)
plotted = [s for s in systems if s.point is not None]
points = [(T(f"chips.name.{s.slug}"), s.point[0], *(s.neurons_range or (s.point[0], s.point[0])), *s.point[1:],
           "brain" if s.slug == "brain" else "chip") for s in plotted]
brain_w = value("brain_power") / value("brain_neurons")
fig = cached_figure(charts.brains_chips, points, brain_w, lang, title=T("chips.chart_title"), x_title=T("chips.x_title"),
                          y_title=T("chips.y_title"),
                          names={"brain_line": T("chips.brain_line", p=nx.fmt_power(brain_w, lang)),
                                 "x": T("chips.hover_x"), "y": T("chips.hover_y")})
per = {s.slug: nx.per_neuron_w(s) for s in plotted}
chart(fig, T("chips.summary", brain=nx.fmt_power(per["brain"], lang), tn=nx.fmt_power(per["truenorth"], lang),
             hala=nx.fmt_power(per["hala_point"], lang), xtn=ratio(per["truenorth"] / per["brain"]),
             xhala=ratio(per["hala_point"] / per["brain"])), key="nm_chips")
st.caption(sources_line(nx.chip_rows(), lang))


# --- Scenes, model, sources --------------------------------------------------------------------------

scene_bar(nx.PAGE, lang)

lif = nx.setup().lif
conv_share = value("ndx_converter_energy_share")
model_panel(
    lang,
    explanation=T("model.explanation"),
    equations=[
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
    ],
    assumptions=[
        T("model.a_converter", x=n3(conv_share)),
        T("model.a_reset", x=n3(value("ndx_v_reset_offset"))),
        T("model.a_dense_bits", x=n3(value("ndx_dense_weight_bits"))),
        T("model.a_tile", x=n3(value("her_tile"))),
        T("model.a_tref", x=n3(lif.t_ref_ms)),
        T("model.a_layer", x=n3(value("ndx_layer_dim"), 5), bits=n3(value("ndx_weight_bits")),
          batch=n3(value("ndx_batch"))),
        T("model.a_current", x=n3(value("ndx_i_default")), max=n3(value("ndx_i_max"))),
        T("model.a_sim", T=n3(value("ndx_sim_ms")), fi=n3(value("ndx_fi_ms")), dt=n3(value("ndx_dt_ms"))),
        T("model.a_step", x=n3(value("ndx_step_ms")), act=n3(value("ndx_act_default"))),
        T("model.a_network", n=nx.fmt_count(value("tn_neurons"), lang), k=n3(value("tn_syn") / value("tn_neurons"))),
        T("model.a_roofline"),
    ],
    left_out=[T(f"model.out_{i}") for i in range(1, 7)],
)
sources_panel(lang, nx.page_reference_ids())
