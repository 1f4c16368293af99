"""The language switch: `?lang=en|nl`, first visit from the browser's language, always in the URL."""

from __future__ import annotations

import streamlit as st

from explainers.content import DEFAULT_LANG, LANGS, normalise_lang

from .state import LANG, notice, raw_param

KEY = "lang"
WIDGET = "_w_lang"
ENDONYMS = {"en": "English", "nl": "Nederlands"}


def browser_lang() -> str | None:
    try:
        return normalise_lang(st.context.locale)
    except Exception:  # no browser context (bare script, some test runners)
        return None


def initial_lang() -> str:
    raw = raw_param(KEY)
    if raw is not None:
        lang = raw if raw in LANGS else None
        if lang is None:
            notice(KEY)
        else:
            return lang
    return browser_lang() or DEFAULT_LANG


def language_switch(label: str | None = None) -> str:
    """Render the switch (call inside the sidebar) and return the chosen language."""
    if WIDGET not in st.session_state:
        st.session_state[WIDGET] = initial_lang()
    lang = st.segmented_control(
        label or "Language / Taal",
        list(LANGS),
        format_func=ENDONYMS.__getitem__,
        key=WIDGET,
        selection_mode="single",
        required=True,
        persist_state="session",
    )
    lang = lang if lang in LANGS else DEFAULT_LANG
    st.session_state[LANG] = lang
    if st.query_params.get(KEY) != lang:
        st.query_params[KEY] = lang
    return lang


def current_lang() -> str:
    """The language chosen in this run (for code that runs after the switch)."""
    return st.session_state.get(LANG, DEFAULT_LANG)
