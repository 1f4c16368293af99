"""What kind of browser this session has, as far as the server can tell from its User-Agent.

A browser at all says "Mozilla/" (AppTest and the bench's websocket viewers send no such header).
Phones are told apart by "Mobi" (what MDN recommends: every phone browser sends it, tablets and
desktops do not). A narrow desktop window is not a phone here; the shell's CSS handles what CSS can
(the chart toolbar, segmented controls), and a chart's words are laid out for a phone only when the
User-Agent says so (charts.phone).
"""

from __future__ import annotations

import streamlit as st


def user_agent() -> str:
    """This session's User-Agent header, or "" when no request is behind the session (AppTest)."""
    try:
        return st.context.headers.get("User-Agent", "") or ""
    except Exception:
        return ""


def is_browser() -> bool:
    """Whether a web browser (one that runs the page's JavaScript) holds this session."""
    return "Mozilla/" in user_agent()


def on_phone() -> bool:
    """Whether this session's browser is a phone's."""
    return "Mobi" in user_agent()
