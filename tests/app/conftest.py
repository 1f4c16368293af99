"""AppTest helpers: run the real entry point, then switch to a page, as a visitor's browser would."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from explainers.ui.shell import PAGES
from explainers.ui.state import widget_key_for

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
PAGE_FILES = [entry.file for entry in PAGES]
URL_PATHS = {entry.file: "" if entry.default else entry.url_path for entry in PAGES}  # as st.navigation reports it
LANGS = ("en", "nl")
#: Generated hostile links per page (hypothesis, derandomized: the same links every run), on top of a
#: fixed sweep that gives every junk value and every key its turn; FUZZ_EXAMPLES=400 digs deeper.
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "24"))
BAD_TEXT = re.compile(r"\b(nan|NaN|inf|Infinity|None)\b")


def open_page(page_file: str, lang: str | None = "en", params: dict | None = None, timeout: float = 30) -> AppTest:
    """Open `page_file` through app.py with these URL parameters, as a deep link would."""
    at = AppTest.from_file(str(APP), default_timeout=timeout)
    if lang is not None:
        at.query_params["lang"] = lang
    for key, value in (params or {}).items():
        at.query_params[key] = value
    if page_file != PAGE_FILES[0]:
        # A deep link: the browser's first request names the page by its URL path, and st.Page keys a
        # page by calc_hash(url_path). AppTest.switch_page before a first run would hash the *file*
        # name instead, which silently opens Start for a page whose url_path differs (ai-compute).
        at.switch_page(page_file)
        at._page_hash = calc_hash(URL_PATHS[page_file])
    at.run()
    if not at.error:  # (a broken-content run stops before choosing a page)
        ran = at.session_state["_page_ran"]
        assert ran == URL_PATHS[page_file], f"AppTest ran page '{ran}', not '{URL_PATHS[page_file]}'"
    return at


def qp(at: AppTest, key: str) -> str | None:
    """A URL parameter as one string (AppTest keeps lists or strings depending on who set it)."""
    if key not in at.query_params:
        return None
    value = at.query_params[key]
    return value[-1] if isinstance(value, list) else value


def wkey(page: str, key: str) -> str:
    """The widget key of the control bound to `?key=` on `page` (a url path, or a page file)."""
    return widget_key_for(URL_PATHS.get(page, page), key)


def widget_state(at: AppTest, page_file: str, key: str):
    """The value of the page's control bound to `?key=`."""
    return at.session_state[wkey(page_file, key)]


def plotly_specs(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def visible_text(at: AppTest) -> str:
    """Every text element's value (markdown, captions, metrics, alerts) joined for scanning."""
    parts: list[str] = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error", "success",
                 "latex", "text"):
        parts += [str(el.value) for el in at.get(kind)]
    for metric in at.get("metric"):
        parts += [str(metric.label), str(metric.value)]
    parts += [el.proto.body for el in at.get("html")]
    return "\n".join(parts)


def assert_clean(at: AppTest) -> None:
    """No exception, no error box, no NaN/infinity/None printed anywhere."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    text = visible_text(at)
    bad = BAD_TEXT.findall(text)
    assert not bad, f"{bad[:5]} in page text"


@pytest.fixture(params=LANGS)
def lang(request) -> str:
    return request.param
