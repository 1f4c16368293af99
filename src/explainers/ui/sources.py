"""The Sources page's blocks: its heading, the filterable table of every reference figure with its
CSV, and the legend of the confidence levels (the page, app_pages/sources.py, calls them in order)."""

from __future__ import annotations

from functools import partial

import streamlit as st

from explainers.content import t

from . import state
from .anatomy import CONFIDENCE_KEYS
from .tables import ROWS_PER_PAGE, page_count, page_slice, reference_table


def heading(lang: str) -> None:
    st.title(t("sources.title", lang))
    st.markdown(t("sources.intro", lang))


@st.fragment
def references(lang: str) -> None:
    """Filters, the table (a page of it) and the download: a fragment, so filtering reruns only this."""
    table = reference_table(lang)
    topic_slugs = list(table.topic_slugs)
    confidence_slugs = list(dict.fromkeys(CONFIDENCE_KEYS.values()))

    topics = state.multi("topic", t("sources.filter_topic", lang), options=topic_slugs, default=topic_slugs,
                         format_func=lambda s: t(f"topics.{s}", lang))
    confidences = state.multi("conf", t("sources.filter_confidence", lang), options=confidence_slugs,
                              default=confidence_slugs, format_func=lambda s: t(f"confidence.{s}", lang))
    query = state.text("q", t("sources.search", lang), placeholder=t("sources.search_placeholder", lang))

    found = table.match(topics, confidences, query)
    pages = page_count(len(found))
    state.clamp("p", pages)  # a narrower filter can leave fewer pages than the page asked for

    left, right = st.columns([4, 1], vertical_alignment="bottom")
    with right:
        page = state.number("p", t("sources.page", lang, pages=pages), min_value=1, max_value=pages, default=1)
    rows = page_slice(found, page)
    with left:
        st.caption(t("sources.count_page", lang, first=(page - 1) * ROWS_PER_PAGE + min(1, len(rows)),
                     last=(page - 1) * ROWS_PER_PAGE + len(rows), shown=len(found), total=len(table)))

    if not len(found):
        st.info(t("sources.empty", lang), icon=":material/filter_alt_off:")
    else:
        st.dataframe(
            table.rows(rows),
            hide_index=True,
            width="stretch",
            height=640,
            column_config={
                "id": st.column_config.TextColumn(t("sources.col_id", lang)),
                "topic": st.column_config.TextColumn(t("sources.col_topic", lang)),
                "quantity": st.column_config.TextColumn(t("sources.col_quantity", lang), width="large"),
                "value": st.column_config.TextColumn(t("sources.col_value", lang), width="medium"),
                "source": st.column_config.TextColumn(t("sources.col_source", lang), width="large"),
                "year": st.column_config.NumberColumn(t("sources.col_year", lang), format="%d", width="small"),
                "url": st.column_config.LinkColumn(t("sources.col_link", lang),
                                                   display_text=t("sources.link_text", lang), width="small"),
                "confidence": st.column_config.TextColumn(t("sources.col_confidence", lang)),
                "context": st.column_config.TextColumn(t("sources.col_context", lang), width="large"),
            },
        )

    # The CSV is made when the button is clicked, not on every filter change.
    st.download_button(
        t("sources.download", lang),
        data=partial(table.csv, found),
        file_name=f"references-{lang}.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )


def legend(lang: str) -> None:
    """What each confidence level means."""
    with st.expander(t("sources.legend_title", lang), icon=":material/verified:"):
        st.markdown(t("sources.legend", lang))
