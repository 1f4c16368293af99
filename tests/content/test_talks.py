"""The talks file: each way it can be broken stops the app at start-up with the file, the talk,
the step and the problem; a link to a talk that does not exist, or a step out of range, falls back."""

from __future__ import annotations

import pytest
import yaml

from explainers import talks
from explainers.content import ContentError, content, load_content

from .test_broken_content import _edit, data  # noqa: F401  (the fixture: a copy of data/)


def _check_error(data_dir) -> ContentError:
    with pytest.raises(ContentError) as info:
        talks.check(load_content(data_dir))
    return info.value


def test_the_shipped_talks_are_complete():
    shipped = {t.id: t for t in content().talks}
    assert {"delegate_briefing", "student_lecture", "seminar_demo"} <= set(shipped)
    assert 5 <= len(shipped["delegate_briefing"].steps) <= 8
    assert 12 <= len(shipped["student_lecture"].steps) <= 18
    assert 6 <= len(shipped["seminar_demo"].steps) <= 10
    talks.check()
    for talk in shipped.values():
        for step in talk.steps:
            assert step.notes.en.strip() and step.notes.nl.strip() and step.notes.en != step.notes.nl


def test_a_missing_dutch_note_names_the_talk_and_step(data):  # noqa: F811
    _edit(data / "talks.yaml", lambda tree: tree["talks"][0]["steps"][2]["notes"].update(nl=""))
    with pytest.raises(ContentError) as info:
        load_content(data)
    err = info.value
    assert err.file.endswith("talks.yaml") and "steps" in err.key and "Dutch" in err.problem


@pytest.mark.parametrize(("field", "bad", "said"), [
    ("page", "nowhere", "not a topic page"),
    ("section", "no_such_section", "has no section"),
    ("scene", "no_such_scene", "has no scene"),
])
def test_a_step_naming_something_missing(data, field, bad, said):  # noqa: F811
    def change(tree):
        tree["talks"][1]["steps"][3][field] = bad

    _edit(data / "talks.yaml", change)
    err = _check_error(data)
    assert err.file.endswith("talks.yaml")
    talk_id = yaml.safe_load((data / "talks.yaml").read_text())["talks"][1]["id"]
    assert err.key == f"talks[{talk_id}].steps[4]" and said in err.problem


def test_a_step_with_unusable_parameters(data):  # noqa: F811
    _edit(data / "talks.yaml", lambda tree: tree["talks"][0]["steps"][2].update(params={"d_m": "banana"}))
    assert "unusable parameters: d_m" in _check_error(data).problem


def test_unknown_talk_and_step_out_of_range_fall_back():
    talk = content().talks[0]
    assert talks.position("no-such-talk", "1").talk is None and talks.position("no-such-talk", "1").bad == ("talk",)
    n = len(talk.steps)
    assert talks.position(talk.id, str(n + 5)) == talks.Position(talk, n - 1, ("step",))
    assert talks.position(talk.id, "0") == talks.Position(talk, 0, ("step",))
    assert talks.position(talk.id, "two") == talks.Position(talk, 0, ("step",))
    assert talks.position(talk.id, "3") == talks.Position(talk, 2, ())


def test_the_audience_link_is_the_steps_page_view_without_talk_or_step():
    talk = content().talks[0]
    step = next(s for s in talk.steps if s.scene)
    link = talks.audience_link("https://example.org/app/", step, "nl")
    assert link == f"https://example.org/app/{step.page}?lang=nl&scene={step.scene}"
    assert "talk" not in link and "step" not in link
