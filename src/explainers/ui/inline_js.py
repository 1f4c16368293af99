"""Small trusted scripts as Streamlit components v2: registered once per process, by name.

The stage's clicker keys and a topic page's "first chart painted, send the rest" signal are each a
few lines of JavaScript in the page (no iframe, no network). Streamlit loads them from a `blob:` URL,
which the deployment's CSP allows (deploy/README.md).
"""

from __future__ import annotations

import streamlit as st

_REGISTERED: dict[str, object] = {}


def component(name: str, js: str):
    """The mount callable of the component `name` running `js`, registered the first time it is asked for."""
    found = _REGISTERED.get(name)
    if found is None:
        found = _REGISTERED[name] = st.components.v2.component(name, js=js, isolate_styles=False)
    return found
