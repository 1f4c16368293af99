"""The energy page's sections, in page order: controls -> present.<section>() -> ui.show.

`follow` holds the request's controls (the workload, the hardware and the three levers) and returns
them, so `scale` can multiply the same request by a day of a service; `scale` is a fragment: moving
its own slider reruns only it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import streamlit as st

from explainers.content import t
from explainers.topics.controls import canonical
from explainers.ui import (current_lang, on_stage, readout_row, show, show_heading, show_model, show_note, show_one_minute,
                           sources_panel, state)

from . import CONTROLS, REQUEST_KEYS, present, reference_ids


class Choice(NamedTuple):
    """The request chosen in `follow`: the values of REQUEST_KEYS."""

    values: dict[str, Any]


def _kept(key: str) -> Any:
    """A control that does not apply to the chosen workload keeps its value (one the presenter's stage
    set, else the link's, else the default), unshown."""
    c = CONTROLS[key]
    held = st.session_state.get(state.widget_key(key))
    if held is not None and c.parse(canonical(held)) is not None:
        return c.parse(canonical(held))
    raw = state.raw_param(key)
    parsed = c.parse(raw)
    if raw is not None and parsed is None:
        state.notice(key)  # an unusable link value is still named, as the shown controls do
    return c.default_value() if parsed is None else parsed


def one_minute() -> None:
    lang = current_lang()
    show_heading(present.heading(lang), page=True)
    show_one_minute(present.one_minute(lang), lang)


def ladder() -> None:
    lang = current_lang()
    view = present.ladder(lang)
    st.header(view.heading)
    st.markdown(view.intro)
    show(view.chart)
    if not on_stage():  # (where each rung is explained: for the page; on the stage the speaker does it)
        st.markdown(f"**{view.links_title}**")
        show_note(view.links)
    show_note(view.sources)


def follow() -> Choice:
    lang = current_lang()
    show_heading(present.heading(lang, "follow"))
    with st.container(border=True):
        c1, c2, c3 = st.columns(3, gap="large")
        with c1:
            work = state.control(CONTROLS["work"], t("energy.follow.work", lang),
                                 format_func=lambda s: present.work_name(s, lang), help=t("energy.follow.work_help", lang))
            model = state.control(CONTROLS["model"], t("energy.follow.model", lang), kind="selectbox",
                                  format_func=lambda s: present.model_name(s, lang),
                                  help=t("energy.follow.model_help", lang))
        with c2:
            if work == "chat":
                tokens = state.control(CONTROLS["tokens"], t("energy.follow.tokens", lang),
                                       format_func=lambda x: present.option_label(x, lang),
                                       help=t("energy.follow.tokens_help", lang))
                batch = state.control(CONTROLS["batch"], t("energy.follow.batch", lang),
                                      format_func=lambda x: present.option_label(x, lang),
                                      help=t("energy.follow.batch_help", lang))
                mfu = _kept("mfu")
            else:
                tokens, batch = _kept("tokens"), _kept("batch")
                mfu = state.control(CONTROLS["mfu"], t("energy.follow.mfu", lang),
                                    format_func=lambda x: present.pct(x, lang), help=t("energy.follow.mfu_help", lang))
        with c3:
            acc = state.control(CONTROLS["acc"], t("energy.follow.acc", lang),
                                format_func=lambda s: present.acc_name(s, lang), help=t("energy.follow.acc_help", lang))
            gpus = state.control(CONTROLS["gpus"], t("energy.follow.gpus", lang),
                                 format_func=lambda x: present.option_label(x, lang),
                                 help=t("energy.follow.gpus_help", lang))
    with st.container(border=True):
        st.markdown(f"**{t('energy.follow.levers_title', lang)}**")
        l1, l2, l3 = st.columns([5, 4, 3], gap="large")
        with l1:
            mem = state.control(CONTROLS["mem"], t("energy.follow.mem", lang), kind="radio",
                                format_func=lambda s: present.mem_name(s, lang), help=t("energy.follow.mem_help", lang))
        with l2:
            links = state.control(CONTROLS["links"], t("energy.follow.links", lang), kind="radio",
                                  format_func=lambda s: present.links_name(s, lang),
                                  help=t("energy.follow.links_help", lang))
        with l3:
            pue = state.control(CONTROLS["pue"], t("energy.follow.pue", lang),
                                format_func=lambda x: present.option_label(x, lang, 3),
                                help=t("energy.follow.pue_help", lang))
    values = dict(work=work, model=model, tokens=tokens, acc=acc, gpus=gpus, batch=batch, mem=mem, links=links,
                  pue=pue, mfu=mfu)
    view = present.follow(lang, **values)
    for note in view.notes:
        show_note(note)
    readout_row(view.readouts)
    show(view.bars)
    left, right = st.columns(2, gap="large")
    with left:
        st.markdown(view.split)
        st.markdown(f"**{view.levers_title}**")
        st.markdown("\n".join(f"- {line}" for line in view.levers))
    with right:
        show_note(view.mirror)
    with st.expander(view.links_title, icon=":material/cable:"):
        st.latex(view.link_formula)
        st.markdown(view.link_text)
    show_note(view.sources)
    return Choice({k: values[k] for k in REQUEST_KEYS})


@st.fragment
def scale(choice: Choice | None = None) -> None:
    """A day of the request chosen in `follow` (on the presenter's stage, alone: the step's values)."""
    lang = current_lang()
    if choice is None:
        choice = Choice({k: _kept(k) for k in REQUEST_KEYS})
    show_heading(present.heading(lang, "scale"))
    if choice.values["work"] == "chat":
        req = state.control(CONTROLS["req"], t("energy.scale.req", lang),
                            format_func=lambda x: present.count_label(x, lang), help=t("energy.scale.req_help", lang))
    else:
        req = _kept("req")
    view = present.scale(lang, **choice.values, req=req)
    readout_row(view.readouts)
    show(view.chart)
    show_note(view.aif)
    show_note(view.sources)
    st.divider()


@st.fragment
def request() -> None:
    """`follow` and `scale` (GROUPS["request"]) as one fragment: they share the request."""
    scale(follow())


def model() -> None:
    lang = current_lang()
    show_model(present.model(lang), lang)


def sources() -> None:
    lang = current_lang()
    sources_panel(lang, reference_ids())
