"""The stage through the real entry point (AppTest): every step of every talk renders clean, bad
talk/step values fall back with the one-line notice, and hostile values never reach the page."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainers import talks

from .conftest import assert_clean, open_page, qp, visible_text

STAGE = "app_pages/stage.py"
CASES = [(t.id, k) for t in talks.talks() for k in range(len(t.steps))]


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(("talk_id", "index"), CASES, ids=[f"{t}-{k + 1}" for t, k in CASES])
def test_every_step_renders_clean(talk_id, index, lang):
    at = open_page(STAGE, lang, {"talk": talk_id, "step": str(index + 1)})
    assert_clean(at)
    assert not at.warning, [w.value for w in at.warning]
    step = talks.find(talk_id).steps[index]
    title = (step.title(lang) if step.title else "")
    assert title in visible_text(at)


def test_notes_window_shows_the_notes_and_the_next_step():
    talk = talks.find("delegate_briefing")
    at = open_page(STAGE, "nl", {"talk": talk.id, "step": "2", "notes": "1"})
    assert_clean(at)
    text = visible_text(at)
    assert talk.steps[1].notes.nl in text and talk.steps[2].title.nl in text


def test_unknown_talk_shows_the_index_with_the_notice():
    at = open_page(STAGE, "en", {"talk": "nope", "step": "2"})
    assert_clean(at)
    assert "`talk`" in at.warning[0].value
    assert any(h.value == "Talks" for h in at.title)


@pytest.mark.parametrize(("raw", "expected"), [("99", "6"), ("0", "1"), ("-3", "1"), ("two", "1")])
def test_step_out_of_range_goes_to_the_first_or_last_with_the_notice(raw, expected):
    at = open_page(STAGE, "en", {"talk": "delegate_briefing", "step": raw})
    assert_clean(at)
    assert qp(at, "step") == expected
    assert "`step`" in at.warning[0].value


def test_a_step_sets_the_pages_controls_to_its_scene():
    at = open_page(STAGE, "en", {"talk": "student_lecture", "step": "4"})  # photonics, scene rack
    from explainers.content import content

    rack = next(s for s in content().scenes["photonics"] if s.id == "rack")
    assert float(at.session_state["_w_photonics.d_m"]) == pytest.approx(float(rack.params["d_m"]))


JUNK = ["", "abc", "<script>alert(1)</script>", "1e999", "nan", "-1", "9" * 300, "💡", "%00"]


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["talk", "step", "notes", "page", "scene"]),
                       st.sampled_from(JUNK + ["delegate_briefing", "photonics", "rack"]), min_size=1, max_size=4))
def test_hostile_stage_links_never_break_it(params):
    at = open_page(STAGE, "en", params)
    assert not at.exception, [e.value for e in at.exception]
    text = visible_text(at)
    assert "<script>" not in text and "9" * 300 not in text
