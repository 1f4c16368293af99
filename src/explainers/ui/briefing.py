"""The "Briefing (PDF)" download under a topic page's scenes: the view on screen, as the delegate's PDF.

Streamlit (≥ 1.52) builds the file only when the button is clicked: `data` is a callable, run on
a worker thread. It reads the page's current control values (their widget keys; a missing one is
the control's default) and the active scene, sends them through the page's own URL validation
(`topics.values_for`, inside `briefing.topic_pdf`), and keeps the PDF per (page, view state,
language, base address) in a small LRU cache, so a second click costs nothing.

A failed render never shows a traceback: the click's rerun builds the same (cached) file first,
and if it fails the page says so in one translated line under the button.
"""

from __future__ import annotations

import logging
import os
import threading
from functools import lru_cache
from urllib.parse import urlsplit

import streamlit as st

from explainers import topics
from explainers.content import t
from explainers.topics.controls import canonical

from .state import widget_key_for

_LOG = logging.getLogger(__name__)
_FAILED = "_briefing_failed"  # url path of the page whose last briefing failed (shown once, then cleared)
_LOCKS: dict[tuple, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def _base_url() -> str:
    """Where the PDF's QR code points: $EXPLAINERS_PUBLIC_URL, else the address the browser used."""
    configured = os.environ.get("EXPLAINERS_PUBLIC_URL", "").strip()
    if configured:
        return configured.rstrip("/")
    try:
        parts = urlsplit(st.context.url or "")
        if parts.scheme in ("http", "https") and parts.netloc:
            return f"{parts.scheme}://{parts.netloc}"
    except Exception:  # noqa: BLE001 - no browser context (AppTest, bare run)
        pass
    return "http://localhost:8501"


def _view_state(page: str, state, scene: str | None) -> tuple[tuple[tuple[str, str], ...], str | None]:
    """The page's control values as URL strings (missing -> the control's default), and the scene.

    `state` is the session's state object (read on Streamlit's worker thread when the button is
    clicked, so it is passed in rather than looked up).
    """
    pkg = topics.package(page)
    values = []
    for control in pkg.CONTROLS:
        key = widget_key_for(page, control.key)
        try:
            present = key in state
            value = state[key] if present else None
        except Exception:  # noqa: BLE001 - a state that went away: the default
            present, value = False, None
        values.append((control.key, canonical(value if present and value is not None else control.default_value())))
    return tuple(values), scene


@lru_cache(maxsize=32)
def _pdf(page: str, lang: str, values: tuple[tuple[str, str], ...], scene: str | None, base: str) -> bytes:
    from explainers import briefing

    return briefing.topic_pdf(page, lang, dict(values), scene, base=base)


def _cached_pdf(page: str, lang: str, values: tuple, scene: str | None, base: str) -> bytes:
    """The PDF for one view state, made once even when the click's rerun and the download ask together."""
    key = (page, lang, values, scene, base)
    with _LOCKS_GUARD:
        lock = _LOCKS.setdefault(key, threading.Lock())
        if len(_LOCKS) > 256:
            _LOCKS.clear()
            _LOCKS[key] = lock
    with lock:
        return _pdf(page, lang, values, scene, base)


def _scene_of(query_params) -> str | None:
    try:
        scene = query_params.get("scene")
    except Exception:  # noqa: BLE001
        return None
    return scene or None


def _on_click(page: str, lang: str, base: str) -> None:
    """The click's rerun (script thread): build the same file, so a failure can be said on the page."""
    values, scene = _view_state(page, st.session_state, _scene_of(st.query_params))
    try:
        _cached_pdf(page, lang, values, scene, base)
    except Exception:  # noqa: BLE001 - logged for the operator; the visitor gets one translated line
        _LOG.exception("briefing for %s (%s) failed", page, lang)
        st.session_state[_FAILED] = page


def _download(page: str, lang: str, base: str, state):
    """The deferred `data` callable: runs on Streamlit's worker thread when the button is clicked."""

    def make() -> bytes:
        with state.query_params() as query_params:
            scene = _scene_of(query_params)
        values, scene = _view_state(page, state, scene)
        return _cached_pdf(page, lang, values, scene, base)

    return make


def briefing_button(page: str, lang: str) -> None:
    """The download for the current view of a topic page (nothing on a page that is not a topic)."""
    if topics.by_url_path(page) is None:
        return
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    base = _base_url()
    from explainers.briefing import file_name

    scene = _scene_of(st.query_params)
    data = _download(page, lang, base, ctx.session_state) if ctx is not None else b""
    st.download_button(
        t("briefing.button", lang),
        data=data,
        file_name=file_name(lang, page, scene),
        mime="application/pdf",
        key=f"briefing_{page}",
        help=t("briefing.button_help", lang),
        on_click=_on_click,
        args=(page, lang, base),
        icon=":material/picture_as_pdf:",
    )
    if st.session_state.get(_FAILED) == page:
        del st.session_state[_FAILED]
        st.error(t("briefing.error", lang), icon=":material/error:")
