"""Placeholder until the topic page lands (issues 4-6)."""

import streamlit as st

from explainers.content import t
from explainers.ui import current_lang

lang = current_lang()
st.title(t("pages.photonics", lang))
