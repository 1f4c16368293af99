"""Photonics: light vs copper, from inside a chip to between cities."""


import streamlit as st

from explainers.charts import photonics as charts
from explainers.content import fmt_num, shown, t, value
from explainers.models import interconnect as ic
from explainers.models import optics
from explainers.ui import cached_figure, chart, current_lang, model_panel, one_minute, readout, scene_bar, sources_line, sources_panel, state
from explainers.ui import photonics as ph

lang = current_lang()


def link_label(slug: str) -> str:
    return ph.link_name(slug, lang)


# --- 1. In one minute ---------------------------------------------------------------------------

st.title(t("photonics.title", lang))
st.markdown(t("photonics.intro", lang))

_start = ph.links_for(ph.DEFAULT_FIBRE)
_rate0 = value("ph_lane_rate")
_wdm0 = ph.wdm(float(ph.GRID_SLUGS[0]), value("ph_channel_rate"))
one_minute(
    lang,
    takeaways=[
        t("photonics.minute.copper", lang, r=ph.fmt_rate(_rate0, lang),
          dac=ph.fmt_distance(float(ic.max_reach_m(_start["dac"], _rate0)), lang, 2),
          board=ph.fmt_distance(float(ic.max_reach_m(_start["board"], _rate0)), lang, 2)),
        t("photonics.minute.light", lang, att=shown("fib_g652_1310", lang),
          reach=ph.fmt_distance(float(ic.max_reach_m(_start["pluggable"], _rate0)), lang, 2),
          cpo=ph.fmt_energy(_start["cpo"].fixed_pj_per_bit, lang),
          serdes=ph.fmt_energy(_start["board"].fixed_pj_per_bit, lang)),
        t("photonics.minute.colours", lang, n=_wdm0.channels, c=ph.fmt_rate(_wdm0.capacity_gbps, lang),
          s=fmt_num(_wdm0.spacing_ghz, lang), r=ph.fmt_rate(_wdm0.rate_gbps, lang)),
    ],
    headline_label=t("photonics.minute.headline_label", lang, tp=ph.fmt_rate(value("ph_port_tbps") * 1000, lang)),
    headline_value=t("photonics.minute.headline_value", lang, pluggable=shown("nv_pluggable_w", lang),
                     cpo=shown("nv_cpo_w", lang)),
    headline_ref="nv_cpo_w",
    headline_help=t("photonics.minute.headline_help", lang,
                    ratio=fmt_num(value("nv_pluggable_w") / value("nv_cpo_w"), lang, 2)),
)


# --- 2a. Energy per bit against distance, and the power of one link -----------------------------


def _not_possible() -> str:
    return t("photonics.not_possible", lang)


@st.fragment
def links_section() -> None:
    st.header(t("photonics.energy.heading", lang))
    st.markdown(t("photonics.energy.lead", lang))
    left, right = st.columns([3, 2], gap="large")
    with left:
        distance = state.stepped("d_m", t("photonics.energy.distance", lang), options=ph.DISTANCE_STEPS,
                                 default=value("dac_100g"), format_func=lambda m: ph.fmt_distance(m, lang),
                                 help=t("photonics.energy.distance_help", lang))
        slugs = state.multi("links", t("photonics.energy.links", lang), options=ph.LINKS,
                            default=ph.DEFAULT_LINKS, format_func=link_label,
                            help=t("photonics.energy.links_help", lang))
    with right:
        rate = state.stepped("rate", t("photonics.energy.rate", lang), options=ph.RATE_STEPS,
                             default=value("ph_lane_rate"), format_func=lambda r: ph.fmt_rate(r, lang),
                             help=t("photonics.energy.rate_help", lang))
        fibre = state.choice("fibre", t("photonics.energy.fibre", lang), options=ph.FIBRES,
                             default=ph.DEFAULT_FIBRE, kind="selectbox",
                             format_func=lambda f: t(f"photonics.fibre.{f}", lang,
                                                     att=fmt_num(ph.fibre_attenuation(f), lang, 3)),
                             help=t("photonics.energy.fibre_help", lang))
    chosen = tuple(slugs)
    v = ph.verdict(fibre, rate, chosen, distance)

    fig = ph.energy_figure(fibre, rate, chosen, distance, lang)
    chart(fig, ph.energy_summary(v, rate, lang), key="ph_energy_chart")

    d_text = ph.fmt_distance(distance, lang)
    cols = st.columns(4, gap="medium")
    with cols[0]:
        readout(t("photonics.energy.best_el", lang, d=d_text),
                ph.fmt_energy(v.e_el, lang) if v.best_el else _not_possible(),
                help=t("photonics.energy.best_el_help", lang))
        if v.best_el:
            note = ph.segments_note(fibre, v.best_el, distance, rate, lang)
            st.caption(link_label(v.best_el) + (f" · {note}" if note else ""))
        elif v.has_el:
            st.caption(t("photonics.energy.none_reaches_el", lang))
        else:
            st.caption(t("photonics.energy.none_chosen", lang))
    with cols[1]:
        readout(t("photonics.energy.best_opt", lang, d=d_text),
                ph.fmt_energy(v.e_opt, lang) if v.best_opt else _not_possible(),
                help=t("photonics.energy.best_opt_help", lang))
        if v.best_opt:
            st.caption(ph.link_name_tagged(v.best_opt, lang))
        elif v.has_opt:
            st.caption(t("photonics.energy.none_reaches_opt", lang))
        else:
            st.caption(t("photonics.energy.none_chosen", lang))
    with cols[2]:
        winner = v.winner
        readout(t("photonics.energy.winner", lang, d=d_text), t(f"photonics.energy.win_{winner}", lang),
                help=t("photonics.energy.winner_help", lang))
        if winner in ("optical", "electrical") and ph.finite(v.ratio):
            st.caption(t(f"photonics.energy.win_{winner}_by", lang, x=ph.fmt_times(v.ratio, lang)))
        else:
            st.caption(t(f"photonics.energy.win_{winner}_note", lang))
    with cols[3]:
        if not (v.has_el and v.has_opt):
            big = _not_possible()
            note = t("photonics.energy.cross_pick_both", lang)
        elif ph.finite(v.crossover_m):
            big = ph.fmt_distance(v.crossover_m, lang, 2)
            note = (t("photonics.energy.cross_from_start", lang) if v.crossover_m <= ph.D_MIN * (1 + 1e-6)
                    else t("photonics.energy.cross_note", lang))
        else:
            big = t("photonics.energy.cross_never", lang)
            note = t("photonics.energy.cross_never_note", lang)
        readout(t("photonics.energy.crossover", lang), big, help=t("photonics.energy.crossover_help", lang))
        st.caption(note)

    if distance >= 1000:  # long distances: what the fibre itself does, and what it would take
        st.info(ph.fibre_box_text(fibre, distance, lang), icon=":material/conversion_path:")

    # The power of one link: energy per bit x throughput.
    st.subheader(t("photonics.power.heading", lang))
    p_left, p_right = st.columns([2, 3], gap="large")
    with p_left:
        tbps = state.stepped("tbps", t("photonics.power.throughput", lang), options=ph.TBPS_STEPS,
                             default=value("ph_port_tbps"), format_func=lambda x: ph.fmt_rate(x * 1000, lang),
                             help=t("photonics.power.throughput_help", lang))
        lanes = int(ic.copper_lanes_needed(tbps * 1000, rate))
    with p_right:
        st.markdown(t("photonics.power.lead", lang, tp=ph.fmt_rate(tbps * 1000, lang), d=d_text,
                      lanes=lanes, r=ph.fmt_rate(rate, lang)))
    rows = ph.power_rows(fibre, rate, distance, tbps)
    pfig = ph.power_figure(fibre, rate, distance, tbps, lang)
    chart(pfig, ph.power_summary(rows, distance, tbps, lang), key="ph_power_chart")
    st.caption(t("photonics.power.nvidia", lang, pluggable=shown("nv_pluggable_w", lang), cpo=shown("nv_cpo_w", lang))
               + " " + t("photonics.power.no_everyday", lang))
    st.caption(sources_line(["serdes112", "pluggable_intel", "intel_oci_e", "er4_pj_per_bit", "nv_cpo_w",
                             "dally22_noc", "ucie_std_e"], lang))


links_section()


# --- 2b. Many colours on one fibre (WDM) ---------------------------------------------------------


@st.fragment
def wdm_section() -> None:
    st.header(t("photonics.wdm.heading", lang))
    st.markdown(t("photonics.wdm.lead", lang))
    left, right = st.columns(2, gap="large")
    with left:
        grid = state.choice("grid", t("photonics.wdm.grid", lang), options=ph.GRID_SLUGS, default=ph.GRID_SLUGS[0],
                            format_func=lambda s: t("photonics.wdm.grid_option", lang, s=fmt_num(float(s), lang)),
                            help=t("photonics.wdm.grid_help", lang, lo=fmt_num(float(ph.GRID_SLUGS[-1]), lang),
                                   hi=fmt_num(float(ph.GRID_SLUGS[0]), lang),
                                   nm=fmt_num(float(optics.ghz_to_nm(float(ph.GRID_SLUGS[0]))), lang, 2)))
    with right:
        rate = state.stepped("chrate", t("photonics.wdm.rate", lang), options=ph.CHANNEL_RATE_STEPS,
                             default=value("ph_channel_rate"), format_func=lambda r: ph.fmt_rate(r, lang),
                             help=t("photonics.wdm.rate_help", lang))
    w = ph.wdm(float(grid), rate)
    fig = cached_figure(
        charts.wdm_spectrum,
        w.wavelengths_nm, w.freqs_thz, w.rate_gbps, w.width_nm, optics.C_BAND_NM,
        hover=t("photonics.wdm.hover", lang), band_label=t("photonics.wdm.band", lang), lang=lang,
        title=t("photonics.wdm.chart_title", lang, n=w.channels, s=fmt_num(w.spacing_ghz, lang)),
        x_title=t("photonics.wdm.x_title", lang), y_title=t("photonics.wdm.y_title", lang))
    chart(fig, ph.wdm_summary(w, lang), key="ph_wdm_chart")
    cols = st.columns(3, gap="medium")
    with cols[0]:
        readout(t("photonics.wdm.channels", lang), fmt_num(w.channels, lang),
                help=t("photonics.wdm.channels_help", lang, nm=fmt_num(float(optics.ghz_to_nm(w.spacing_ghz)), lang, 2)))
    with cols[1]:
        readout(t("photonics.wdm.capacity", lang), ph.fmt_rate(w.capacity_gbps, lang),
                help=t("photonics.wdm.capacity_help", lang))
    with cols[2]:
        readout(t("photonics.wdm.lanes", lang, r=ph.fmt_rate(w.rate_gbps, lang)), fmt_num(w.lanes, lang),
                help=t("photonics.wdm.lanes_help", lang))
    if not w.fits:
        st.warning(t("photonics.wdm.no_fit", lang, r=ph.fmt_rate(w.rate_gbps, lang),
                     occ=fmt_num(w.occupied_ghz, lang), s=fmt_num(w.spacing_ghz, lang)),
                   icon=":material/compress:")
    thz = float(optics.band_width_ghz(*optics.C_BAND_NM)) / 1000
    st.caption(sources_line(["dwdm", "dwdm_count_100ghz"], lang) + " "
               + t("photonics.wdm.count_note", lang, thz=fmt_num(thz, lang, 3)))


wdm_section()


# --- 2c. How light carries a bit: the Mach-Zehnder interferometer --------------------------------


@st.fragment
def mzi_section() -> None:
    st.header(t("photonics.mzi.heading", lang))
    st.markdown(t("photonics.mzi.lead", lang))
    lo = ph.PHI_STEPS[0]
    left, right = st.columns([2, 3], gap="large")
    with left:
        phi = state.stepped("phi", t("photonics.mzi.phase", lang), options=ph.PHI_STEPS, default=lo,
                            format_func=lambda x: f"{fmt_num(x, lang, 3)} π", help=t("photonics.mzi.phase_help", lang))
        bar, cross = ph.mzi_split(phi)
        a, b = st.columns(2)
        with a:
            readout(t("photonics.mzi.bar", lang), f"{fmt_num(100 * bar, lang, 3)} %")
        with b:
            readout(t("photonics.mzi.cross", lang), f"{fmt_num(100 * cross, lang, 3)} %")
        st.markdown(t("photonics.mzi.bit", lang))
    with right:
        grid, g_bar, g_cross = ph.mzi_sweep()
        fig = cached_figure(
            charts.mzi_outputs_chart,
            grid, g_bar, g_cross, phi, (bar, cross),
            names=(t("photonics.mzi.bar", lang), t("photonics.mzi.cross", lang)),
            hover=(t("photonics.mzi.hover_bar", lang), t("photonics.mzi.hover_cross", lang)), lang=lang,
            title=t("photonics.mzi.chart_title", lang), x_title=t("photonics.mzi.x_title", lang),
            y_title=t("photonics.mzi.y_title", lang))
        chart(fig, ph.mzi_summary(phi, bar, cross, lang), key="ph_mzi_chart")

    st.subheader(t("photonics.mesh.heading", lang))
    m_left, m_right = st.columns([2, 3], gap="large")
    with m_left:
        n = state.int_slider("n", t("photonics.mesh.size", lang), min_value=ph.MESH_RANGE[0], max_value=ph.MESH_RANGE[1],
                             default=int(value("ph_mesh_n")), help=t("photonics.mesh.size_help", lang))
        readout(t("photonics.mesh.count", lang, n=n), fmt_num(int(optics.mzi_mesh_size(n)), lang))
    with m_right:
        st.markdown(t("photonics.mesh.text", lang, n=n, m=fmt_num(int(optics.mzi_mesh_size(n)), lang),
                      shen=fmt_num(value("shen_mzi"), lang)))
        st.caption(sources_line(["mzi_tf", "shen_mzi", "clements"], lang) + " " + t("photonics.mesh.reck_note", lang))


mzi_section()


# --- 3. Scenes ---------------------------------------------------------------------------------------

scene_bar(ph.PAGE, lang)


# --- 4. How the model works ------------------------------------------------------------------------------

_fibre_now = st.session_state.get(state.widget_key("fibre"), ph.DEFAULT_FIBRE)
_ew = _start["on_chip"].wire_pj_per_bit_per_mm
_examples = "\n".join(
    "- " + t("photonics.model.example", lang, name=link_label(slug), e0=fmt_num(_start[slug].fixed_pj_per_bit, lang, 3),
             ew=fmt_num(_ew, lang, 3),
             x=ph.fmt_distance(float(ic.crossover_distance_m(0.0, _ew, _start[slug].fixed_pj_per_bit)), lang, 3))
    for slug in ("research", "cpo", "pluggable")
)
_asm = ph.assumption_values()
_assumptions = [
    t(f"photonics.asm.{name}", lang, v=fmt_num(val, lang, 3), mm=fmt_num(val * 1000, lang, 3))
    for name, val in _asm.items()
] + [
    t("photonics.asm.long_reach", lang, loss=fmt_num(value("ieee_er4_loss"), lang), conn=fmt_num(value("ieee_er4_conn"), lang),
      budget=fmt_num(ph.long_reach_budget_db(), lang), e=fmt_num(value("er4_pj_per_bit"), lang),
      w=fmt_num(value("er4_module_w"), lang)),
    t("photonics.asm.launch", lang, v=fmt_num(value(ph.LAUNCH_REF), lang)),
    t("photonics.asm.defaults", lang, d=ph.fmt_distance(value("dac_100g"), lang), r=ph.fmt_rate(value("ph_lane_rate"), lang),
      tp=ph.fmt_rate(value("ph_port_tbps") * 1000, lang), ch=ph.fmt_rate(value("ph_channel_rate"), lang),
      n=fmt_num(value("ph_mesh_n"), lang)),
    t("photonics.asm.nyquist", lang),
]
model_panel(
    lang,
    equations=[
        r"E(L) = n(L)\,E_0 + e_w\,L, \qquad n(L) = \max\!\left(1,\ \left\lceil \frac{L}{\ell(R)} \right\rceil\right)",
        r"\ell_\mathrm{Cu}(R) = \frac{B - B_\mathrm{other}}{k_c\sqrt{f_N} + k_d\,f_N}, \qquad f_N = \frac{R}{2b},"
        r" \qquad \ell_\mathrm{opt} = \frac{B_\mathrm{opt}}{\alpha}",
        r"L^* = \frac{E_{0,\mathrm{opt}} - E_{0,\mathrm{el}}}{e_w}",
        r"P = E_\mathrm{bit} \cdot R",
        r"P_\mathrm{out}\,[\mathrm{dBm}] = P_\mathrm{in}\,[\mathrm{dBm}] - \alpha L",
        r"C = N_\lambda \, R_\lambda, \qquad N_\lambda = \left\lfloor \frac{\Delta\nu_\mathrm{band}}{\Delta\nu} \right\rfloor",
        r"P_\mathrm{bar} = P_\mathrm{in}\cos^2\!\frac{\Delta\varphi}{2}, \qquad P_\mathrm{cross} = P_\mathrm{in}\sin^2\!\frac{\Delta\varphi}{2},"
        r" \qquad N_\mathrm{MZI} = \frac{N(N-1)}{2}",
    ],
    explanation=t("photonics.model.explanation", lang) + "\n\n" + t("photonics.model.example_intro", lang) + "\n\n"
    + _examples + "\n\n" + t("photonics.model.readout_rule", lang),
    assumptions=_assumptions,
    left_out=[t(f"photonics.left_out.{k}", lang) for k in
              ("latency", "cost", "laser", "fec", "host", "dispersion", "amplifiers", "serdes_rate", "idle")],
)


# --- 5. Sources ------------------------------------------------------------------------------------------

sources_panel(lang, ph.reference_ids(_fibre_now))
