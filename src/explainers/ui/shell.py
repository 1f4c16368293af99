"""The app's frame: page config, content check, language switch, navigation, notices, presenter view."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from explainers.content import ContentError, content, t
from explainers.topics import TOPICS

from . import state
from .anatomy import ON_STAGE
from .lang import language_switch
from .scenes import apply_from_url

#: A local favicon: a Material icon name here would make the browser fetch it from a font CDN.
ICON = Path(__file__).resolve().parents[3] / "assets" / "icon.png"

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
    in_menu: bool = True


PAGES: tuple[PageEntry, ...] = (
    PageEntry("app_pages/home.py", "home", "pages.home", ":material/home:", "nav.overview", default=True),
    # The Overview's topic (the energy story) right after Start, then the talks, then each topic's section.
    *(PageEntry(topic.file, topic.url_path, topic.title_key, topic.icon, topic.section_key) for topic in TOPICS
      if topic.section_key == "nav.overview"),
    PageEntry("app_pages/talks.py", "talks", "pages.talks", ":material/co_present:", "nav.overview"),
    *(PageEntry(topic.file, topic.url_path, topic.title_key, topic.icon, topic.section_key) for topic in TOPICS
      if topic.section_key != "nav.overview"),
    PageEntry("app_pages/sources.py", "sources", "pages.sources", ":material/menu_book:", "nav.reference"),
    PageEntry("app_pages/glossary.py", "glossary", "pages.glossary", ":material/dictionary:", "nav.reference"),
    PageEntry("app_pages/quiz.py", "quiz", "pages.quiz", ":material/quiz:", "nav.reference"),
    # The presenter's stage: reached from Talks and from a scene's "Present this", not from the menu.
    PageEntry("app_pages/stage.py", "stage", "pages.stage", ":material/slideshow:", "nav.overview", in_menu=False),
)

PRESENT_CSS = """
<style>
  .stMainBlockContainer { max-width: 1500px; }
  .stMainBlockContainer [data-testid="stMarkdownContainer"] p,
  .stMainBlockContainer [data-testid="stMarkdownContainer"] li { font-size: 1.3rem; line-height: 1.5; }
  .stMainBlockContainer [data-testid="stCaptionContainer"] p { font-size: 1.05rem; }
  [data-testid="stMetricValue"], [data-testid="stMetricValue"] * { font-size: 3.2rem !important; }
  h1 { font-size: 3rem !important; }
  .gl-card { font-size: 1.3rem; }  /* the glossary's cards (ui.tables) */
  .gl-card dd.gl-other { font-size: 1.05rem; }
</style>
"""

BASE_CSS = """
<style>
  [data-testid="stMetricValue"] { font-variant-numeric: tabular-nums; }
  /* A value that does not fit its column (presenter view, narrow cards) wraps instead of ending in "…". */
  [data-testid="stMetricValue"], [data-testid="stMetricValue"] * {
    white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
  [data-testid="stMetricValue"] { height: auto; line-height: 1.2; }
  /* Readout labels wrap instead of being cut to one line, and read as a bold heading of the number. */
  [data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * {
    white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
  [data-testid="stMetricLabel"] { height: auto; min-height: 0; }
  [data-testid="stMetricLabel"] p { font-size: 1rem; font-weight: 600; line-height: 1.6; }
  /* A link onward in the page (the one-minute box's "where this lever sits") is a sentence: it wraps
     instead of being cut off at the column's edge. */
  [data-testid="stMain"] [data-testid="stPageLink"] * {
    white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
  [data-testid="stMain"] [data-testid="stPageLink"] a { align-items: flex-start; }
  /* Captions carry the sources: full opacity and a grey that keeps 4.5:1 contrast (WCAG AA). */
  [data-testid="stCaptionContainer"] { opacity: 1 !important; color: #5A6169 !important; }
  [data-testid="stCaptionContainer"] a { color: #004F7C !important; }
  /* The line between the menu and the note under it (a border, not an st.divider element). */
  .st-key-menu { border-bottom: 1px solid rgba(49, 51, 63, 0.2); padding-bottom: 1.5rem; margin-bottom: 0.5rem; }
  /* A phone-width screen: Plotly's toolbar would sit on the chart's title (a touch screen shows it
     all the time), and a segmented control wraps its options instead of hiding some off the edge. */
  @media (max-width: 640px) {
    [data-testid="stMain"] .modebar-container { display: none !important; }
    [data-testid="stMain"] [data-testid="stButtonGroup"] [role="radiogroup"] { flex-wrap: wrap; overflow-x: visible; }
  }
  .st-key-one_minute { background: linear-gradient(135deg, rgba(0,114,178,0.06), rgba(0,158,115,0.06)); }
</style>
"""


def _menu(pages: list, lang: str) -> None:
    with st.container(key="menu"):
        section = None
        for entry, page in zip(PAGES, pages):
            if not entry.in_menu:
                continue
            if entry.section_key != section:
                section = entry.section_key
                st.markdown(f"**{t(section, lang)}**")
            st.page_link(page, label=t(entry.title_key, lang), icon=entry.icon, query_params={"lang": lang})


PAGES_KEY = "_nav_pages"  # (language, the st.Page objects titled in it), kept per session


def _pages(lang: str) -> list:
    """The st.Page objects with titles in `lang`: made again only when the language changes.

    Kept in the session, not shared: st.navigation marks the page it picks on the object itself.
    """
    kept = st.session_state.get(PAGES_KEY)
    if kept is None or kept[0] != lang:
        pages = [st.Page(entry.file, title=t(entry.title_key, lang), icon=entry.icon, url_path=entry.url_path,
                         default=entry.default) for entry in PAGES]
        kept = st.session_state[PAGES_KEY] = (lang, pages)
    return kept[1]


@st.fragment
def _presenter_switch(lang: str) -> None:
    """The presenter-view toggle and the app's CSS, as a fragment: switching it reruns nothing else.

    The toggle belongs to the frame (its URL key is the same on every page), so while it runs the
    state module is told so, also when the fragment reruns on its own on some page.
    """
    page = st.session_state.get(state.PAGE, "")
    state.set_page("")
    try:
        # How the page is shown, not what it shows: switching it keeps the scene (and its marker).
        present = state.toggle("present", t("present.label", lang), default=False, help=t("present.help", lang),
                               on_change=None)
    finally:
        state.set_page(page)
    # The app's CSS and, when on, the presenter's: always this one element (a style block left out of
    # a fragment rerun would stay on the page), and one element less on every full rerun.
    st.html(BASE_CSS + (PRESENT_CSS if present else ""))


def _check_content() -> bool:
    try:
        content()
        from explainers import talks

        talks.check()  # (once per process: a talk that names a missing page, scene or section)
    except ContentError as err:
        st.error(BROKEN_CONTENT.format(file=err.file, key=err.key, problem=err.problem), icon=":material/error:")
        return False
    return True


WARM_ENV = "EXPLAINERS_WARM"  # set by the launcher (explainers.serve): a real server, not a test run
_warming: list = []


def _warm_in_background() -> None:
    """Once per server process: each topic's `setup.warm()` (headline ranges of the default views)
    in a daemon thread, so the first viewers do not pay for them. Only in a server the launcher
    started: tests move references around (content.references.overridden) and must not race it.
    The launcher starts it before the server listens (`warm_now`); a page's first run only checks."""
    import os

    if _warming or not os.environ.get(WARM_ENV):
        return
    warm_now()


def warm_now(*, wait: bool = False) -> None:
    """Start the warming thread now (`wait`: and let it finish): the content, every topic's sections
    and setup imported, and each topic's `setup.warm()` run (a fresh process's first viewer waited
    ~1.5 s for these)."""
    import importlib
    import threading

    if _warming:
        return

    def warm_all() -> None:
        try:
            content()
        except ContentError:  # the first run shows it
            return
        for topic in TOPICS:
            try:
                importlib.import_module(f"explainers.topics.{topic.package}.sections")
                setup = importlib.import_module(f"explainers.topics.{topic.package}.setup")
                getattr(setup, "warm", lambda: None)()
            except Exception:  # a cold cache is only slower; the page computes what it needs
                pass

    _warming.append(threading.Thread(target=warm_all, name="explainers-warm", daemon=True))
    _warming[0].start()
    if wait:
        _warming[0].join()


def run() -> None:
    """Everything `app.py` does, in order."""
    st.set_page_config(page_title="Light · Brains · Compute", page_icon=str(ICON), layout="wide",
                       initial_sidebar_state="auto")  # collapsed on a phone: the page, not the menu, fills the screen
    if not _check_content():
        st.stop()
    _warm_in_background()

    state.set_page("")
    st.session_state[ON_STAGE] = False  # (the stage page sets it again for its section)
    with st.sidebar:
        lang = language_switch(t("lang.label", "en") + " / " + t("lang.label", "nl"))
        _presenter_switch(lang)

    pages = _pages(lang)
    # Our own sidebar menu (sections as headings, one link per page): Streamlit's built-in sectioned
    # menu nests <div>s inside its <ul>, which screen readers and the axe scan reject.
    nav = st.navigation(pages, position="hidden")
    with st.sidebar:
        _menu(pages, lang)
    state.set_page(nav.url_path)
    st.session_state[state.RAN] = nav.url_path  # (the stage then runs other pages' sections under their keys)
    if nav.url_path != "stage":  # (the stage reads `scene` itself: a scene of the page it presents)
        apply_from_url(nav.url_path)

    notices = st.container()
    with st.sidebar:
        st.caption(t("sidebar.note", lang))
    nav.run()

    bad = state.take_notices()
    if bad:
        notices.warning(t("state.bad_param", lang, keys=", ".join(f"`{k}`" for k in bad)), icon=":material/link_off:")
    state.end_of_run()
