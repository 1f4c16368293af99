"""The AI compute page's sections, in page order: controls -> present.<section>() -> ui.show.

The choice of model and hardware (`pick`) is shared by the three interactive sections below it,
each a fragment, so that moving one of their own controls reruns only that section.
"""

from __future__ import annotations

from typing import NamedTuple

import streamlit as st

from explainers.content import t
from explainers.ui import (current_lang, on_stage, readout_row, show, show_figure, show_heading, show_model, show_note, show_one_minute,
                           show_readout, sources_panel, state)

from . import CONTROLS, CUSTOM, reference_ids
from . import present, setup

LAST = "_aic_last"  # (model, n, d) as rendered in the previous run


class Choice(NamedTuple):
    """The model and the hardware chosen in `pick`."""

    model: str
    acc: str
    n: float
    d: float


def one_minute() -> None:
    lang = current_lang()
    show_heading(present.heading(lang), page=True)
    show_one_minute(present.one_minute(lang), lang)


def pick() -> Choice:
    """The model and the hardware (shared by every section below): a known model sets N and D;
    moving N or D turns the choice into a custom model."""
    lang = current_lang()
    show_heading(present.heading(lang, "pick"))
    w_model, w_n, w_d = (state.widget_key(k) for k in ("model", "n", "d"))
    last = st.session_state.get(LAST)
    url_nd = {"n": CONTROLS["n"].options, "d": CONTROLS["d"].options}
    for k, opts in url_nd.items():  # a known model overrides N and D below: still report an unusable link value
        if last is None and state.raw_param(k) is not None and state.parse_nearest(opts)(state.raw_param(k)) is None:
            state.notice(k)
    if last is None and any(state.parse_nearest(opts)(state.raw_param(k) or "") is not None
                            for k, opts in url_nd.items()):
        st.session_state[w_model] = CUSTOM  # a link that names N or D describes a custom model
    if last is not None and st.session_state.get(w_model, CUSTOM) != CUSTOM and (
        st.session_state.get(w_n) != last[1] or st.session_state.get(w_d) != last[2]
    ):
        st.session_state[w_model] = CUSTOM  # a person moved N or D: the view is no longer that model

    with st.container(border=True):
        left, right = st.columns([3, 2], gap="large")
        with left:
            model = state.control(CONTROLS["model"], t("ai_compute.pick.model", lang),
                                  format_func=lambda s: present.model_name(s, lang),
                                  help=t("ai_compute.pick.model_help", lang))
        with right:
            acc = state.control(CONTROLS["acc"], t("ai_compute.pick.acc", lang),
                                format_func=lambda s: present.acc_name(s, lang), help=t("ai_compute.pick.acc_help", lang))
        known = setup.known(model)
        if known is not None and (last is None or last[0] != model or st.session_state.get(state.RESET)):
            st.session_state[w_n], st.session_state[w_d] = known.params, known.tokens
        base = known or setup.known("gpt3")
        left, right = st.columns(2, gap="large")
        with left:
            n = state.control(CONTROLS["n"], t("ai_compute.pick.n", lang), default=base.params,
                              format_func=lambda x: present.count_words(x, lang), help=t("ai_compute.pick.n_help", lang))
        with right:
            d = state.control(CONTROLS["d"], t("ai_compute.pick.d", lang), default=base.tokens,
                              format_func=lambda x: present.count_words(x, lang), help=t("ai_compute.pick.d_help", lang))
    st.session_state[LAST] = (model, n, d)
    view = present.pick(lang, model=model, acc=acc, n=n, d=d)
    show_note(view.sources)
    return Choice(model, acc, n, d)


@st.fragment
def training(choice: Choice) -> None:
    lang = current_lang()
    show_heading(present.heading(lang, "training"))
    c1, c2, c3 = st.columns(3, gap="large")
    with c1:
        gpus = state.control(CONTROLS["gpus"], t("ai_compute.train.gpus", lang, acc=present.acc_name(choice.acc, lang)),
                             format_func=lambda x: present.option_label(x, lang),
                             help=t("ai_compute.train.gpus_help", lang))
    with c2:
        mfu = state.control(CONTROLS["mfu"], t("ai_compute.train.mfu", lang),
                            format_func=lambda x: present.pct(x, lang), help=t("ai_compute.train.mfu_help", lang))
    with c3:
        pue = state.control(CONTROLS["pue"], t("ai_compute.train.pue", lang),
                            format_func=lambda x: present.option_label(x, lang, 3),
                            help=t("ai_compute.train.pue_help", lang))
    view = present.training(lang, model=choice.model, acc=choice.acc, n=choice.n, d=choice.d, gpus=gpus, mfu=mfu,
                            pue=pue)
    readout_row(view.readouts)
    with st.container(border=True):
        st.markdown(view.arithmetic_title)
        st.markdown(view.arithmetic)
    show_figure(view.bars)
    show_note(view.note)


@st.fragment
def scaling(choice: Choice) -> None:
    lang = current_lang()
    show_heading(present.heading(lang, "scaling"))
    fit = state.control(CONTROLS["fit"], t("ai_compute.scaling.fit", lang),
                        format_func=lambda s: present.fit_name(s, lang), help=t("ai_compute.scaling.fit_help", lang))
    view = present.scaling(lang, model=choice.model, n=choice.n, d=choice.d, fit=fit)
    left, right = st.columns([3, 1], gap="large")
    with left:
        show_figure(view.chart)
    with right:
        for r in view.readouts:
            show_readout(r)
    show_note(view.honest)
    show_note(view.sources)


@st.fragment
def running(choice: Choice) -> None:
    lang = current_lang()
    show_heading(present.heading(lang, "running"))
    c1, c2, c3, c4 = st.columns([3, 3, 2, 2], gap="large")
    with c1:
        batch = state.control(CONTROLS["batch"], t("ai_compute.run.batch", lang),
                              format_func=lambda x: present.option_label(x, lang),
                              help=t("ai_compute.run.batch_help", lang))
    with c2:
        ctx = state.control(CONTROLS["ctx"], t("ai_compute.run.ctx", lang),
                            format_func=lambda x: present.option_label(x, lang), help=t("ai_compute.run.ctx_help", lang))
    with c3:
        kvb = state.control(CONTROLS["kvb"], t("ai_compute.run.kvb", lang),
                            format_func=lambda x: present.kv_precision_name(x, lang),
                            help=t("ai_compute.run.kvb_help", lang))
    with c4:
        kvh = state.control(CONTROLS["kvh"], t("ai_compute.run.kvh", lang), kind="radio",
                            format_func=lambda s: present.kv_heads_name(s, lang), help=t("ai_compute.run.kvh_help", lang))
    view = present.running(lang, model=choice.model, acc=choice.acc, n=choice.n, batch=batch, ctx=ctx, kvb=kvb,
                           kvh=kvh)
    show_note(view.fits)
    readout_row(view.readouts)
    left, right = st.columns(2, gap="large")
    with left:
        show_figure(view.roofline)
    with right:
        show_figure(view.energy)
    if not on_stage():  # (on the stage the speaker says it, and the talk goes on)
        show(view.why)
        st.page_link("app_pages/neuromorphic.py", label=view.link_neuro, icon=":material/arrow_forward:",
                     query_params={"lang": lang})


def growth() -> None:
    lang = current_lang()
    view = present.growth(lang)
    st.header(view.heading)
    st.markdown(view.intro)
    show_readout(view.factor)
    left, right = st.columns(2, gap="large")
    with left:
        show_figure(view.growth)
    with right:
        show_figure(view.gap)
    st.markdown(view.eff_title)
    readout_row(view.efficiency)
    show_note(view.eff_note)
    st.markdown(view.links)
    st.page_link("app_pages/photonics.py", label=view.link_photonics, icon=":material/arrow_forward:",
                 query_params={"lang": lang})
    show_note(view.sources)


def context() -> None:
    lang = current_lang()
    view = present.context(lang)
    st.header(view.heading)
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.markdown(view.text)
        show_note(view.sources)
    with right, st.container(border=True):
        show_readout(view.aif)
    st.divider()


def model() -> None:
    lang = current_lang()
    show_model(present.model(lang), lang)


def sources() -> None:
    lang = current_lang()
    sources_panel(lang, reference_ids())
