"""A page holding only a page's "Predict first" box, for tests: `?page=photonics&lang=nl[&open=1]`.

The topic pages place the box with one line, `predict_box(PAGE)`; this page renders the same box
alone, so it can be tested (AppTest, Chromium) whatever the topic pages look like.
"""

import streamlit as st

from explainers.content import t
from explainers.ui.lang import language_switch
from explainers.ui.predict import predict_box

st.set_page_config(page_title="Predict first", layout="wide")
with st.sidebar:
    lang = language_switch()
page = st.query_params.get("page", "photonics")
st.title(t("quiz.predict.quiz_link", lang))
predict_box(page, expanded=True if st.query_params.get("open") == "1" else None)
