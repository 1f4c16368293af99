"""Glossary: every term in both languages, searchable and filterable by topic."""

import streamlit as st

from explainers.content import content, t
from explainers.ui import current_lang, state
from explainers.ui.tables import match_terms

lang = current_lang()
other = "nl" if lang == "en" else "en"
st.title(t("glossary.title", lang))
st.markdown(t("glossary.intro", lang))

terms = content().glossary
topic_slugs = ["general", "photonics", "neuromorphic", "ai"]
query = state.text("q", t("glossary.search", lang), placeholder=t("glossary.search_placeholder", lang))
topics = state.multi("topic", t("glossary.filter_topic", lang), options=topic_slugs, default=topic_slugs,
                     format_func=lambda s: t(f"glossary.topics.{s}", lang))

found = match_terms(terms, topics, query)
found = sorted(found, key=lambda term: term.term(lang).casefold())
st.caption(t("glossary.count", lang, shown=len(found), total=len(terms)))
if not found:
    st.info(t("glossary.empty", lang), icon=":material/search_off:")

for left_term, right_term in zip(found[0::2], found[1::2] + [None]):
    cols = st.columns(2, gap="medium")
    for col, term in zip(cols, (left_term, right_term)):
        if term is None:
            continue
        with col, st.container(border=True):
            st.markdown(f"**{term.term(lang)}** · {t(f'glossary.topics.{term.topic}', lang)}")
            st.markdown(term.definition(lang))
            st.caption(f"{t('glossary.other_lang', lang)}: *{term.term(other)}*")
