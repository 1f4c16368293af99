"""Glossary: every term in both languages, searchable and filterable by topic."""

import streamlit as st

from explainers.content import content, t
from explainers.ui import current_lang, state
from explainers.ui.tables import glossary_html, match_terms

lang = current_lang()
st.title(t("glossary.title", lang))
st.markdown(t("glossary.intro", lang))

TOPICS = ["general", "photonics", "neuromorphic", "ai"]


@st.fragment
def terms_list() -> None:
    """Search, topic filter and the matching terms: a fragment, so typing reruns only this part."""
    terms = content().glossary
    query = state.text("q", t("glossary.search", lang), placeholder=t("glossary.search_placeholder", lang))
    topics = state.multi("topic", t("glossary.filter_topic", lang), options=TOPICS, default=TOPICS,
                         format_func=lambda s: t(f"glossary.topics.{s}", lang))
    found = match_terms(terms, topics, query, lang)
    st.caption(t("glossary.count", lang, shown=len(found), total=len(terms)))
    if found:
        st.html(glossary_html(found, lang))
    else:
        st.info(t("glossary.empty", lang), icon=":material/search_off:")


terms_list()
