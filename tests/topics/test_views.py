"""Every section's view, for the default state and every scene, in both languages, is complete:
no None/NaN/inf in its text, every readout has a label and a value, every chart a summary."""

from __future__ import annotations

import re

import pytest

from explainers import topics, views
from explainers.content import content

BAD = re.compile(r"\b(nan|NaN|inf|Infinity|None)\b|\{[a-z_0-9]+\}")

CASES = [(tp.package, None) for tp in topics.TOPICS] + [
    (tp.package, scene.id) for tp in topics.TOPICS for scene in content().scenes.get(tp.url_path, ())
]


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(("topic", "scene"), CASES, ids=[f"{t}-{s or 'default'}" for t, s in CASES])
def test_every_section_view_is_complete(topic, scene, lang):
    pkg = topics.package(topic)
    values, bad = topics.values_for(topic, {}, scene)
    assert not bad, bad
    for name in pkg.SECTIONS:
        view = topics.view(topic, name, lang, scene=scene)
        equations = set(view.equations) if isinstance(view, views.ModelView) else set()  # LaTeX braces
        for text in views.texts(view):
            assert not (text not in equations and BAD.search(text)), (name, text)
            assert not re.search(r"\b(nan|inf|None)\b", text), (name, text)
        for r in views.readouts(view):
            assert r.label.strip() and r.value.strip(), (name, r)
        for fig in views.figures(view):
            assert fig.summary.strip(), (name, "chart without a summary")
        assert views.is_finite_view(view), name


def test_a_bad_link_value_falls_back_and_is_named():
    for tp in topics.TOPICS:
        pkg = topics.package(tp)
        first = pkg.CONTROLS[0]
        values, bad = topics.values_for(tp, {first.key: "\x00<script>"})
        assert bad == [first.key]
        assert values[first.key] == first.default_value()
    _values, bad = topics.values_for(topics.TOPICS[0], {}, scene="no-such-scene")
    assert bad == ["scene"]
