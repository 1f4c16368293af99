"""The first screen first: on a browser's first visit to a topic page, the rest of it follows its first chart.

A topic page draws 3 to 7 Plotly charts. Streamlit mounts every chart of a run in one React commit,
and Plotly draws all of them before the browser paints any, so a viewer used to wait for the whole
page before seeing one chart (Photonics: 4.2 s to its first chart on a warm server, against 2.6 s
for the one-chart reference page; `python -m benchmarks.serving`).

So a page's first run in a browser sends its first screen (the one-minute box, the question and
the first section) and, in place of the rest, one line and a small component. The component waits
until the first chart has been drawn and painted, then asks for the rest: the next run, in the
same session a moment later, renders the whole page (the first screen's elements are unchanged,
so the browser keeps them as they are). Each page does this once per session.

Only a browser is served in two runs (its User-Agent says "Mozilla"): AppTest and the bench's
websocket clients cannot run the component, and get the whole page in one run. A scene's values
and the URL's for the later sections are kept for the run that renders them (`state.end_of_run`).
"""

from __future__ import annotations

import streamlit as st

from explainers.content import t

from . import device, inline_js
from .state import PARTIAL, RAN

PAINTED = "_first_screen_painted"  # the pages whose first screen this session has painted
PENDING_KEY = "progressive_pending"  # the placeholder's container (tests and the bench wait for it to go)

# Waits for the first chart's SVG in the page, then two animation frames (it has been painted),
# then asks for the rest once. Without a chart within 5 s it asks anyway: the rest never waits long.
_JS = r"""
export default function (component) {
  const { data, setTriggerValue } = component;
  const w = window;
  const asked = (w.__explainersRest = w.__explainersRest || {});
  const id = data.page + ":" + data.visit;
  if (asked[id]) return;
  asked[id] = "waiting";
  const ask = () => {
    if (asked[id] === "asked") return;
    asked[id] = "asked";
    requestAnimationFrame(() => requestAnimationFrame(() => setTriggerValue("ready", true)));
  };
  const drawn = () => document.querySelector('[data-testid="stPlotlyChart"] .main-svg');
  if (drawn()) { ask(); return; }
  const observer = new MutationObserver(() => { if (drawn()) { observer.disconnect(); ask(); } });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => { observer.disconnect(); ask(); }, 5000);
}
"""

def _component():
    return inline_js.component("explainers_rest_of_page", _JS)


def _is_browser() -> bool:
    return device.is_browser()


def _painted(page: str) -> None:
    st.session_state.setdefault(PAINTED, set()).add(page)


def whole_page(page: str) -> bool:
    """Whether this run renders all of `page`: False only on a browser's first run of it.

    A first section may ask this to leave its own lower part (a second chart) for the next run. A
    section shown elsewhere (a stage step runs the page's sections under the stage) is always whole.
    """
    return (st.session_state.get(RAN) != page or page in st.session_state.get(PAINTED, ())
            or not _is_browser())


def rest_of_page(page: str, lang: str | None = None) -> bool:
    """Whether the page renders its later sections in this run.

    False on a browser's first run of `page`: a line saying the rest is on its way stands in for
    them, and the rest comes in the next run, once the first chart is on the screen.
    """
    if whole_page(page):
        return True
    if lang is None:
        from .lang import current_lang

        lang = current_lang()
    st.session_state[PARTIAL] = True
    visit = st.session_state.setdefault("_rest_visit", 0) + 1
    st.session_state["_rest_visit"] = visit
    with st.container(key=PENDING_KEY):
        st.caption(t("anatomy.rest_coming", lang))
        _component()(key=f"rest_of_{page}", data={"page": page, "visit": visit},
                     on_ready_change=lambda: _painted(page), height=0)
    return False
