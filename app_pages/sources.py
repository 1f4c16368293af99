"""Sources: every reference figure, filterable by topic and confidence, downloadable as CSV."""

import streamlit as st

from explainers.content import t
from explainers.ui import current_lang, state
from explainers.ui.anatomy import CONFIDENCE_KEYS
from explainers.ui.tables import ROWS_PER_PAGE, filter_references, page_count, page_rows, references_frame

lang = current_lang()
st.title(t("sources.title", lang))
st.markdown(t("sources.intro", lang))

frame = references_frame(lang)
topic_slugs = list(dict.fromkeys(frame["topic_slug"]))
confidence_slugs = list(dict.fromkeys(CONFIDENCE_KEYS.values()))

topics = state.multi("topic", t("sources.filter_topic", lang), options=topic_slugs, default=topic_slugs,
                     format_func=lambda s: t(f"topics.{s}", lang))
confidences = state.multi("conf", t("sources.filter_confidence", lang), options=confidence_slugs,
                          default=confidence_slugs, format_func=lambda s: t(f"confidence.{s}", lang))
query = state.text("q", t("sources.search", lang), placeholder=t("sources.search_placeholder", lang))

shown_frame = filter_references(frame, topics, confidences, query)
pages = page_count(len(shown_frame))
state.clamp("p", pages)  # a narrower filter can leave fewer pages than the page asked for

left, right = st.columns([4, 1], vertical_alignment="bottom")
with right:
    page = state.number("p", t("sources.page", lang, pages=pages), min_value=1, max_value=pages, default=1)
rows = page_rows(shown_frame, page)
with left:
    st.caption(t("sources.count_page", lang, first=(page - 1) * ROWS_PER_PAGE + min(1, len(rows)),
                 last=(page - 1) * ROWS_PER_PAGE + len(rows), shown=len(shown_frame), total=len(frame)))

if shown_frame.empty:
    st.info(t("sources.empty", lang), icon=":material/filter_alt_off:")
else:
    columns = ["quantity", "value", "confidence", "source", "year", "url", "topic", "context", "id"]
    st.dataframe(
        rows[columns],
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
            "url": st.column_config.LinkColumn(t("sources.col_link", lang), display_text=t("sources.link_text", lang),
                                               width="small"),
            "confidence": st.column_config.TextColumn(t("sources.col_confidence", lang)),
            "context": st.column_config.TextColumn(t("sources.col_context", lang), width="large"),
        },
    )

csv_columns = ["id", "topic", "quantity", "value_number", "low", "high", "unit", "value", "context", "source", "year",
               "url", "confidence"]
st.download_button(
    t("sources.download", lang),
    data=shown_frame[csv_columns].to_csv(index=False).encode("utf-8"),
    file_name=f"references-{lang}.csv",
    mime="text/csv",
    icon=":material/download:",
    on_click="ignore",
)

with st.expander(t("sources.legend_title", lang), icon=":material/verified:"):
    st.markdown(t("sources.legend", lang))
