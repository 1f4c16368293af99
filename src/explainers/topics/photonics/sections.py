"""Photonics: one Streamlit function per section, in page order (controls -> present -> show)."""

from __future__ import annotations

import streamlit as st

from explainers.content import t
from explainers.ui import (current_lang, progressive, show, show_model, show_note, show_one_minute, show_readout,
                           sources_panel, state)

from . import CONTROLS, DEFAULT_FIBRE, PAGE, present, reference_ids


def one_minute() -> None:
    lang = current_lang()
    st.title(t("photonics.title", lang))
    st.markdown(t("photonics.intro", lang))
    show_one_minute(present.one_minute(lang), lang)


@st.fragment
def links() -> None:
    lang = current_lang()
    st.header(t("photonics.energy.heading", lang))
    st.markdown(t("photonics.energy.lead", lang))
    left, right = st.columns([3, 2], gap="large")
    with left:
        d_m = state.control(CONTROLS["d_m"], t("photonics.energy.distance", lang),
                            format_func=lambda m: present.distance_option(m, lang),
                            help=t("photonics.energy.distance_help", lang))
        slugs = state.control(CONTROLS["links"], t("photonics.energy.links", lang),
                              format_func=lambda slug: present.link_name(slug, lang),
                              help=t("photonics.energy.links_help", lang))
    with right:
        rate = state.control(CONTROLS["rate"], t("photonics.energy.rate", lang),
                             format_func=lambda r: present.rate_option(r, lang),
                             help=t("photonics.energy.rate_help", lang))
        fibre = state.control(CONTROLS["fibre"], t("photonics.energy.fibre", lang), kind="selectbox",
                              format_func=lambda f: present.fibre_option(f, lang),
                              help=present.fibre_help(lang))
    body = st.container()  # the energy chart and its readouts: filled once the throughput is read below

    # The power of one link: energy per bit x throughput. A browser's first run of the page leaves
    # it (a second chart) for the next run, so the energy chart is drawn alone first (ui.progressive).
    power = progressive.whole_page(PAGE)
    if power:
        st.subheader(t("photonics.power.heading", lang))
        p_left, p_right = st.columns([2, 3], gap="large")
        with p_left:
            tbps = state.control(CONTROLS["tbps"], t("photonics.power.throughput", lang),
                                 format_func=lambda x: present.tbps_option(x, lang),
                                 help=t("photonics.power.throughput_help", lang))
    else:  # (the throughput only changes the power part; its URL value waits for the next run)
        tbps = CONTROLS["tbps"].default_value()
    view = present.links(lang, d_m=d_m, links=slugs, rate=rate, fibre=fibre, tbps=tbps)
    with body:
        show(view.energy)
        show(view.readouts)
        show_note(view.fibre_box)
    if not power:
        return
    with p_right:
        st.markdown(view.power_lead)
    show(view.power)
    for note in view.notes:
        show_note(note)


@st.fragment
def wdm() -> None:
    lang = current_lang()
    st.header(t("photonics.wdm.heading", lang))
    st.markdown(t("photonics.wdm.lead", lang))
    left, right = st.columns(2, gap="large")
    with left:
        grid = state.control(CONTROLS["grid"], t("photonics.wdm.grid", lang),
                             format_func=lambda slug: present.grid_option(slug, lang), help=present.grid_help(lang))
    with right:
        chrate = state.control(CONTROLS["chrate"], t("photonics.wdm.rate", lang),
                               format_func=lambda r: present.rate_option(r, lang),
                               help=t("photonics.wdm.rate_help", lang))
    view = present.wdm(lang, grid=grid, chrate=chrate)
    show(view.spectrum)
    show(view.readouts)
    show_note(view.no_fit)
    show_note(view.sources)


@st.fragment
def mzi() -> None:
    lang = current_lang()
    st.header(t("photonics.mzi.heading", lang))
    st.markdown(t("photonics.mzi.lead", lang))
    left, right = st.columns([2, 3], gap="large")
    with left:
        phi = state.control(CONTROLS["phi"], t("photonics.mzi.phase", lang),
                            format_func=lambda x: present.phase_option(x, lang),
                            help=t("photonics.mzi.phase_help", lang))
    st.subheader(t("photonics.mesh.heading", lang))
    m_left, m_right = st.columns([2, 3], gap="large")
    with m_left:
        n = state.control(CONTROLS["n"], t("photonics.mesh.size", lang), help=t("photonics.mesh.size_help", lang))
    view = present.mzi(lang, phi=phi, n=n)
    with left:  # (columns take more elements later: under the phase slider)
        a, b = st.columns(2)
        with a:
            show_readout(view.bar)
        with b:
            show_readout(view.cross)
        st.markdown(view.bit)
    with right:
        show(view.outputs)
    with m_left:
        show_readout(view.mesh_count)
    with m_right:
        st.markdown(view.mesh_text)
        show_note(view.mesh_sources)


def model() -> None:
    lang = current_lang()
    show_model(present.model(lang), lang)


def sources() -> None:
    lang = current_lang()
    fibre = st.session_state.get(state.widget_key("fibre"), DEFAULT_FIBRE)
    sources_panel(lang, reference_ids({"fibre": fibre}))
