"""Every page renders in both languages, charts carry units and the language's separators, and
every scene of every page loads with its values in the controls."""

from __future__ import annotations

import pytest

from explainers.content import content, t
from explainers.topics.controls import canonical as _canonical, parse_float

from .conftest import qp, PAGE_FILES, URL_PATHS, assert_clean, open_page, plotly_specs, widget_state

PAGE_TITLE_KEYS = {
    "app_pages/home.py": "home.title",
    "app_pages/sources.py": "sources.title",
    "app_pages/glossary.py": "glossary.title",
}


@pytest.mark.parametrize("page_file", PAGE_FILES)
def test_page_renders_cleanly_in_both_languages(page_file, lang):
    at = open_page(page_file, lang)
    assert_clean(at)
    assert qp(at, "lang") == lang
    if page_file in PAGE_TITLE_KEYS:
        assert at.title[0].value == t(PAGE_TITLE_KEYS[page_file], lang)


@pytest.mark.parametrize("page_file", PAGE_FILES)
def test_charts_have_axis_titles_and_local_separators(page_file, lang):
    at = open_page(page_file, lang)
    for spec in plotly_specs(at):
        layout = spec["layout"]
        assert layout["separators"] == (",." if lang == "nl" else ".,")
        assert layout["template"]["layout"]["colorway"][0] == "#0072B2", "house template set explicitly"
        for axis in ("xaxis", "yaxis"):
            if axis in layout and layout[axis].get("visible", True):
                title = layout[axis].get("title", {}).get("text", "")
                assert title.strip(), f"{axis} of '{layout.get('title', {}).get('text')}' has no title"


def _scene_cases():
    for page_file in PAGE_FILES:
        for scene in content().scenes.get(URL_PATHS[page_file], ()):
            yield pytest.param(page_file, scene, id=f"{URL_PATHS[page_file]}-{scene.id}")


@pytest.mark.parametrize(("page_file", "scene"), list(_scene_cases()))
@pytest.mark.parametrize("scene_lang", ["en", "nl"])
def test_every_scene_loads_by_link_with_its_values(page_file, scene, scene_lang):
    at = open_page(page_file, scene_lang, {"scene": scene.id})
    assert_clean(at)
    for key, expected in scene.params.items():
        value = widget_state(at, page_file, key)
        if isinstance(value, float):
            assert value == pytest.approx(parse_float(-1e300, 1e300)(_canonical(expected)), rel=0.2), key
        else:
            assert _canonical(value) == _canonical(expected), key
    assert not at.warning, "a valid scene link shows no notice"
