"""Neuromorphic: one Streamlit function per section, in page order (controls -> present -> show).

The interactive sections are fragments: moving one of their controls reruns that section only.
Every word and number comes from `present`; here are the widgets and the layout.
"""

from __future__ import annotations

import streamlit as st

from explainers.ui import (current_lang, readout_row, show, show_model, show_one_minute, show_readout, sources_panel,
                           state, text_table)

from . import CONTROLS, reference_ids
from . import present

def one_minute() -> None:
    lang = current_lang()
    view = present.one_minute(lang)
    st.title(view.title)
    st.markdown(view.lead)
    show_one_minute(view, lang)


@st.fragment
def joules() -> None:
    lang = current_lang()
    form = present.joules_form(lang)
    st.subheader(form.heading)
    st.markdown(form.lead)
    c1, c2, c3 = st.columns(3, gap="large")
    with c1:
        rows = state.control(CONTROLS["rows"], form.rows_label, format_func=form.dim_options.__getitem__,
                             help=form.rows_help)
    with c2:
        cols = state.control(CONTROLS["cols"], form.cols_label, format_func=form.dim_options.__getitem__,
                             help=form.cols_help)
    with c3:
        batch = state.control(CONTROLS["batch"], form.batch_label, format_func=form.batch_options.__getitem__,
                              help=form.batch_help)
    c4, c5, _ = st.columns([1, 2, 1], gap="large")
    with c4:
        bits = state.control(CONTROLS["bits"], form.bits_label, format_func=form.bits_options.__getitem__,
                             help=form.bits_help)
    with c5:
        mem = state.control(CONTROLS["mem"], form.mem_label, format_func=form.mem_options.__getitem__,
                            help=form.mem_help)
    view = present.joules(lang, rows=rows, cols=cols, batch=batch, bits=bits, mem=mem)
    readout_row(view.readouts, gap="medium")
    left, right = st.columns(2, gap="large")
    with left:
        show(view.energy)
    with right:
        show(view.roofline)
    show(view.sources)


def wall() -> None:
    view = present.wall(current_lang())
    st.subheader(view.heading)
    st.markdown(view.lead)
    show(view.figure)
    show(view.sources)


@st.fragment
def neuron() -> None:
    lang = current_lang()
    form = present.neuron_form(lang)
    st.subheader(form.heading)
    st.markdown(form.lead)
    c = CONTROLS["i_na"]
    left, right = st.columns([1, 2.4], gap="large")
    with left:
        i_na = state.slider(c.key, form.current_label, min_value=c.lo, max_value=c.hi, default=c.default_value(),
                            step=c.step, fmt=form.current_format, help=form.current_help)
        view = present.neuron(lang, i_na=i_na)
        show_readout(view.rate)
        show_readout(view.spikes)
        show_readout(view.rheobase)
    with right:
        show(view.membrane)
        show(view.play_hint)
    show(view.fi)
    show(view.sources)


@st.fragment
def events() -> None:
    lang = current_lang()
    form = present.events_form(lang)
    st.subheader(form.heading)
    st.markdown(form.lead)
    c1, c2, c3 = st.columns([2, 1, 1], gap="medium")
    with c1:
        act = state.control(CONTROLS["act"], form.act_label, format_func=form.act_options.__getitem__,
                            help=form.act_help)
    with c2:
        chip = state.control(CONTROLS["chip"], form.chip_label, format_func=form.chip_options.__getitem__,
                             help=form.chip_help)
    with c3:
        fetch = state.control(CONTROLS["fetch"], form.fetch_label, format_func=form.fetch_options.__getitem__,
                              help=form.fetch_help)
    view = present.events(lang, act=act, chip=chip, fetch=fetch)
    readout_row(view.readouts, gap="medium")
    show(view.figure)
    show(view.caveat)
    show(view.sources)


def chips() -> None:
    view = present.chips(current_lang())
    st.subheader(view.heading)
    st.markdown(view.lead)
    text_table(view.table.headings, view.table.rows, view.table.alt)
    show(view.figure)
    show(view.sources)


def model() -> None:
    lang = current_lang()
    show_model(present.model(lang), lang)


def sources() -> None:
    sources_panel(current_lang(), reference_ids())
