"""What kind of screen this session's browser has, as far as the server can tell.

Phones are told apart by their User-Agent's "Mobi" (what MDN recommends: every phone browser sends
it, tablets and desktops do not). A narrow desktop window is not a phone here; the shell's CSS
handles what CSS can (the chart toolbar, segmented controls), and a chart's words are laid out for a
phone only when the User-Agent says so (charts.phone).
"""

from __future__ import annotations

import streamlit as st


def on_phone() -> bool:
    """Whether this session's browser is a phone's."""
    try:
        agent = st.context.headers.get("User-Agent", "") or ""
    except Exception:  # no request behind this session (AppTest)
        return False
    return "Mobi" in agent
