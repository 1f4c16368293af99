"""The "Briefing (PDF)" button: on every topic page, built from the session's control values on
click (worker thread), and a translated line instead of a traceback when the render fails."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from streamlit.testing.v1 import AppTest

from explainers import briefing, topics
from explainers.content import t
from explainers.ui import briefing as ui_briefing
from explainers.ui.state import widget_key_for

from tests.app.conftest import open_page

from .conftest import reader, squeeze, text_of


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("topic", topics.TOPICS, ids=lambda tp: tp.url_path)
def test_every_topic_page_has_the_button(topic, lang):
    at = open_page(topic.file, lang)
    assert not at.exception
    buttons = [b for b in at.get("download_button") if b.proto.label == t("briefing.button", lang)]
    assert len(buttons) == 1
    assert buttons[0].proto.help == t("briefing.button_help", lang)


class FakeState:
    """What Streamlit's session state offers the worker thread: `in`, `[]` and query_params()."""

    def __init__(self, values: dict, query: dict):
        self.values, self.query = values, query

    def __contains__(self, key):
        return key in self.values

    def __getitem__(self, key):
        return self.values[key]

    @contextmanager
    def query_params(self):
        yield self.query


def test_the_click_reads_the_controls_and_scene_at_that_moment():
    ui_briefing._pdf.cache_clear()
    state = FakeState({widget_key_for("photonics", "d_m"): 3.0, widget_key_for("photonics", "rate"): 100.0},
                      {"scene": "rack"})
    make = ui_briefing._download("photonics", "nl", "http://x.test", state)
    pdf = make()
    assert pdf.startswith(b"%PDF") and len(reader(pdf).pages) <= 2
    assert squeeze("http://x.test/photonics?lang=nl&scene=rack&d_m=3&rate=100") in squeeze(text_of(pdf))
    state.values[widget_key_for("photonics", "d_m")] = 2.0  # the reader moves the slider, then clicks again
    assert squeeze("?lang=nl&scene=rack&rate=100") in squeeze(text_of(make()))
    assert make() is make(), "the same view state is served from the cache"


def test_missing_or_hostile_state_values_fall_back_to_defaults():
    state = FakeState({widget_key_for("photonics", "d_m"): "#set page(width: 1cm)"}, {})
    values, scene = ui_briefing._view_state("photonics", state, None)
    assert scene is None
    checked, bad = topics.values_for("photonics", dict(values))
    assert bad == ["d_m"]
    assert briefing.live_link("photonics", "en", checked, None, "http://x") == "http://x/photonics?lang=en"


def test_a_failed_render_says_so_in_one_translated_line(monkeypatch):
    def broken(*_a, **_kw):
        raise RuntimeError("typst exploded")

    ui_briefing._pdf.cache_clear()
    monkeypatch.setattr(briefing, "topic_pdf", broken)

    def script():
        from explainers.ui import briefing as b

        b._on_click("photonics", "nl", "http://x.test")  # what the click's rerun runs first
        b.briefing_button("photonics", "nl")

    at = AppTest.from_function(script, default_timeout=30).run()
    assert not at.exception
    assert [e.value for e in at.error] == [t("briefing.error", "nl")]
    assert "typst exploded" not in str([e.value for e in at.error])
    ui_briefing._pdf.cache_clear()
