"""The frame: language from the URL or the browser, bad URL values fall back with one notice."""

from __future__ import annotations

import pytest

from explainers.content import t, value

from .conftest import qp, PAGE_FILES, assert_clean, open_page


def test_language_comes_from_the_url():
    at = open_page("app_pages/home.py", "nl")
    assert at.title[0].value == t("home.title", "nl")
    assert at.title[0].value != t("home.title", "en")


def test_without_lang_the_default_is_english_and_written_to_the_url():
    at = open_page("app_pages/home.py", None)
    assert qp(at, "lang") == "en"
    assert at.title[0].value == t("home.title", "en")


@pytest.mark.parametrize("raw", ["xx", "", "<script>alert(1)</script>", "nl" * 5000, "EN ", "1e999"])
def test_a_bad_language_falls_back_to_the_default_and_says_so(raw):
    at = open_page("app_pages/home.py", raw)
    assert qp(at, "lang") == "en"
    assert len(at.warning) == 1
    assert "lang" in at.warning[0].value
    assert "<script>" not in at.warning[0].value


def test_language_survives_a_page_change():
    at = open_page("app_pages/home.py", "nl")
    at.switch_page("app_pages/sources.py")
    at.run()
    assert qp(at, "lang") == "nl"
    assert at.title[0].value == t("sources.title", "nl")


@pytest.mark.parametrize("page_file", [f for f in PAGE_FILES if f != "app_pages/stage.py"])  # (stage: tests/app/test_stage.py)
def test_an_unknown_scene_falls_back_with_a_notice(page_file):
    at = open_page(page_file, "en", {"scene": "<b>nope</b>"})
    assert not at.exception
    assert len(at.warning) == 1 and "scene" in at.warning[0].value
    assert "scene" not in at.query_params


def test_presenter_view_is_read_from_the_url():
    at = open_page("app_pages/home.py", "en", {"present": "1"})
    assert_clean(at)
    assert at.session_state["_w_.present"] is True
    assert qp(at, "present") == "1"


def test_a_bound_control_is_read_from_the_url_and_bad_values_fall_back():
    at = open_page("app_pages/sources.py", "en", {"conf": "primary,derived", "q": "DRAM"})
    assert_clean(at)
    assert at.session_state["_w_sources.conf"] == ["primary", "derived"]
    assert at.session_state["_w_sources.q"] == "DRAM"
    bad = open_page("app_pages/sources.py", "en", {"conf": "primary,<script>"})
    assert bad.session_state["_w_sources.conf"] == list(dict.fromkeys(
        ["primary", "secondary_quote", "secondary_summary", "derived", "recalled", "assumption"]))
    assert len(bad.warning) == 1 and "conf" in bad.warning[0].value


def test_moving_a_control_writes_it_to_the_url():
    at = open_page("app_pages/glossary.py", "nl")
    at.text_input[0].input("synaps").run()
    assert qp(at, "q") == "synaps"
    at.text_input[0].input("").run()
    assert "q" not in at.query_params


def test_broken_content_shows_one_clear_message(tmp_path, monkeypatch):
    import shutil

    from explainers.content import loader

    data = tmp_path / "data"
    shutil.copytree(loader.DATA_DIR, data)
    (data / "glossary.yaml").write_text("terms:\n- id: x\n  topic: photonics\n", encoding="utf-8")
    monkeypatch.setattr(loader, "DATA_DIR", data)
    loader.content.cache_clear()
    try:
        at = open_page("app_pages/home.py", "en")
        assert not at.exception
        assert len(at.error) == 1
        message = at.error[0].value
        assert "glossary.yaml" in message and "[x].term" in message
    finally:
        loader.content.cache_clear()


def test_sources_table_is_paged_and_the_page_is_in_the_url():
    from explainers.ui.tables import ROWS_PER_PAGE

    first = open_page("app_pages/sources.py", "en")
    assert len(first.dataframe[0].value) == ROWS_PER_PAGE
    second = open_page("app_pages/sources.py", "en", {"p": "2"})
    assert_clean(second)
    first_ids, second_ids = list(first.dataframe[0].value["id"]), list(second.dataframe[0].value["id"])
    assert not set(first_ids) & set(second_ids)  # the second page holds the next rows, none of the first
    narrowed = open_page("app_pages/sources.py", "en", {"p": "2", "q": "Horowitz"})
    assert_clean(narrowed)  # one page of results: the page number no longer applies, nothing breaks
    assert 0 < len(narrowed.dataframe[0].value) <= ROWS_PER_PAGE


def test_option_labels_follow_a_language_switch():
    """Option labels are remembered per language: after a switch they must be the new language's."""
    at = open_page("app_pages/photonics.py", "en")
    slider = next(s for s in at.select_slider if s.key == "_w_photonics.d_m")
    english = list(slider.options)
    at.session_state["_w_lang"] = "nl"
    at.run()
    assert_clean(at)
    slider = next(s for s in at.select_slider if s.key == "_w_photonics.d_m")
    dutch = list(slider.options)
    assert len(dutch) == len(english) and dutch != english
    decimals = [(en, nl) for en, nl in zip(english, dutch) if "." in en]
    assert decimals and all(nl == en.replace(".", ",") for en, nl in decimals)  # e.g. 1.5 m -> 1,5 m


def test_presenter_view_is_how_a_scene_is_shown_not_part_of_it():
    """Switching the presenter view keeps the scene; Reset restores the page's controls, not the view."""
    at = open_page("app_pages/photonics.py", "en", {"scene": "chip"})
    assert qp(at, "scene") == "chip"
    at.toggle(key="_w_.present").set_value(True).run()
    assert_clean(at)
    assert qp(at, "scene") == "chip" and qp(at, "present") == "1"
    at.button(key="reset_photonics").click().run()
    assert_clean(at)
    assert at.session_state["_w_.present"] is True and qp(at, "present") == "1"
    assert "scene" not in at.query_params
    assert at.session_state["_w_photonics.d_m"] == value("dac_100g")  # the page's controls are back
