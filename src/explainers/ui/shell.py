"""The app's frame: page config, content check, language switch, navigation, notices, presenter view."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from explainers.content import ContentError, content, t

from . import state
from .lang import language_switch
from .scenes import apply_from_url

# Shown only when the content files themselves are broken, so it cannot come from them.
BROKEN_CONTENT = (
    "**The app's content files are broken / De inhoudsbestanden van de app zijn beschadigd.**\n\n"
    "File / bestand: `{file}` · key / sleutel: `{key}`\n\n{problem}"
)


@dataclass(frozen=True)
class PageEntry:
    file: str
    url_path: str
    title_key: str
    icon: str
    section_key: str
    default: bool = False


PAGES: tuple[PageEntry, ...] = (
    PageEntry("app_pages/home.py", "home", "pages.home", ":material/home:", "nav.overview", default=True),
    PageEntry("app_pages/photonics.py", "photonics", "pages.photonics", ":material/lightbulb:", "nav.photonics"),
    PageEntry("app_pages/neuromorphic.py", "neuromorphic", "pages.neuromorphic", ":material/neurology:",
              "nav.neuromorphic"),
    PageEntry("app_pages/ai_compute.py", "ai-compute", "pages.ai_compute", ":material/memory:", "nav.ai"),
    PageEntry("app_pages/sources.py", "sources", "pages.sources", ":material/menu_book:", "nav.reference"),
    PageEntry("app_pages/glossary.py", "glossary", "pages.glossary", ":material/dictionary:", "nav.reference"),
)

PRESENT_CSS = """
<style>
  .stMainBlockContainer { max-width: 1500px; }
  .stMainBlockContainer p, .stMainBlockContainer li { font-size: 1.25rem; line-height: 1.55; }
  [data-testid="stMetricValue"] { font-size: 3rem; }
  h1 { font-size: 3rem !important; }
</style>
"""

BASE_CSS = """
<style>
  [data-testid="stMetricValue"] { font-variant-numeric: tabular-nums; }
  .st-key-one_minute { background: linear-gradient(135deg, rgba(0,114,178,0.06), rgba(0,158,115,0.06)); }
</style>
"""


def _check_content() -> bool:
    try:
        content()
    except ContentError as err:
        st.error(BROKEN_CONTENT.format(file=err.file, key=err.key, problem=err.problem), icon=":material/error:")
        return False
    return True


def run() -> None:
    """Everything `app.py` does, in order."""
    st.set_page_config(page_title="Light · Brains · Compute", page_icon=":material/lightbulb:", layout="wide",
                       initial_sidebar_state="expanded")
    if not _check_content():
        st.stop()

    state.set_page("")
    with st.sidebar:
        lang = language_switch(t("lang.label", "en") + " / " + t("lang.label", "nl"))
        present = state.toggle("present", t("present.label", lang), default=False, help=t("present.help", lang))

    sections: dict[str, list] = {}
    for entry in PAGES:
        page = st.Page(entry.file, title=t(entry.title_key, lang), icon=entry.icon, url_path=entry.url_path,
                       default=entry.default)
        sections.setdefault(t(entry.section_key, lang), []).append(page)
    nav = st.navigation(sections, position="sidebar")
    state.set_page(nav.url_path)
    apply_from_url(nav.url_path)

    st.html(BASE_CSS + (PRESENT_CSS if present else ""))
    notices = st.container()
    with st.sidebar:
        st.caption(t("sidebar.note", lang))
    nav.run()

    bad = state.take_notices()
    if bad:
        notices.warning(t("state.bad_param", lang, keys=", ".join(f"`{k}`" for k in bad)), icon=":material/link_off:")
    state.end_of_run()
