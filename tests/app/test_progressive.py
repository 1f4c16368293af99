"""The first screen first (ui.progressive): a browser's first run of a topic page renders its top and
first section, the next run the whole page, and no URL or scene value for the later sections is lost."""

from __future__ import annotations

import pytest

from explainers.ui import progressive

from .conftest import assert_clean, open_page, plotly_specs, visible_text, widget_state

TOPIC_PAGES = ["app_pages/photonics.py", "app_pages/neuromorphic.py", "app_pages/ai_compute.py",
               "app_pages/energy.py"]


@pytest.fixture()
def browser(monkeypatch):
    """Sessions behave as a browser's (AppTest has no User-Agent, so it gets whole pages)."""
    monkeypatch.setattr(progressive, "_is_browser", lambda: True)


def painted(at):
    """What the component does once the first chart is on screen: mark the page, and rerun."""
    at.session_state[progressive.PAINTED] = {at.session_state["_page_ran"]}
    return at.run()


@pytest.mark.parametrize("page_file", TOPIC_PAGES)
def test_a_browsers_first_run_sends_the_first_section_with_its_chart_and_the_next_run_the_rest(monkeypatch, page_file,
                                                                                               lang):
    one_run = open_page(page_file, lang)  # a client that cannot run the component: the whole page at once
    monkeypatch.setattr(progressive, "_is_browser", lambda: True)
    coming = progressive.t("anatomy.rest_coming", lang)

    first = open_page(page_file, lang)
    assert_clean(first)
    assert [c.value for c in first.caption].count(coming) == 1
    assert 1 <= len(plotly_specs(first)) < len(plotly_specs(one_run))  # the first section's chart, not the rest

    whole = painted(first)
    assert_clean(whole)
    assert coming not in [c.value for c in whole.caption]
    assert plotly_specs(whole) == plotly_specs(one_run)  # the same page, chart for chart


def test_without_a_browser_the_page_comes_whole_in_one_run():
    at = open_page("app_pages/photonics.py", "en")
    assert progressive.t("anatomy.rest_coming", "en") not in visible_text(at)
    assert len(plotly_specs(at)) >= 4


def test_a_scene_sets_the_later_sections_controls_in_the_run_that_renders_them(browser):
    first = open_page("app_pages/neuromorphic.py", "en", {"scene": "busy_network"})
    assert "_w_neuromorphic.act" not in first.session_state  # the events section is still to come
    whole = painted(first)
    assert_clean(whole)
    assert widget_state(whole, "app_pages/neuromorphic.py", "act") == 30
    assert widget_state(whole, "app_pages/neuromorphic.py", "chip") == "loihi"


def test_a_links_values_for_the_later_sections_survive_the_first_run(browser):
    first = open_page("app_pages/neuromorphic.py", "nl", {"act": "5"})
    assert first.query_params["act"] in ("5", ["5"])  # not dropped by the run that did not render it
    whole = painted(first)
    assert widget_state(whole, "app_pages/neuromorphic.py", "act") == 5


def test_a_page_once_painted_comes_whole_on_its_next_visit_in_the_session(browser):
    first = open_page("app_pages/photonics.py", "en")
    whole = painted(first)
    n = len(plotly_specs(whole))
    whole.switch_page("app_pages/home.py").run()
    again = whole.switch_page("app_pages/photonics.py").run()
    assert len(plotly_specs(again)) == n



def test_photonics_first_run_draws_the_energy_chart_alone_and_keeps_the_links_throughput(monkeypatch, lang):
    """The power of one link (a second chart, under the energy chart) waits for the next run; the
    throughput the link asks for is neither lost nor reported as bad on the way."""
    link = {"tbps": "12.8"}
    one_run = open_page("app_pages/photonics.py", lang, link)
    monkeypatch.setattr(progressive, "_is_browser", lambda: True)
    first = open_page("app_pages/photonics.py", lang, link)
    assert_clean(first)
    assert plotly_specs(first) == plotly_specs(one_run)[:1]  # the energy chart, drawn alone
    assert "_w_photonics.tbps" not in first.session_state
    assert first.query_params["tbps"] in ("12.8", ["12.8"])
    whole = painted(first)
    assert_clean(whole)
    assert widget_state(whole, "app_pages/photonics.py", "tbps") == 12.8
    assert plotly_specs(whole) == plotly_specs(one_run)


def test_on_the_stage_the_first_section_comes_whole_in_a_browser(monkeypatch):
    """A stage step runs the page's section under the stage: none of it waits for a next run."""
    from explainers import talks

    talk, step = next((talk.id, i + 1) for talk in talks.talks() for i, step in enumerate(talk.steps)
                      if step.page == "photonics" and step.section == "links" and not step.predict)
    params = {"talk": talk, "step": str(step)}
    one_run = open_page("app_pages/stage.py", "en", params)
    monkeypatch.setattr(progressive, "_is_browser", lambda: True)
    at = open_page("app_pages/stage.py", "en", params)
    assert_clean(at)
    assert len(plotly_specs(at)) == len(plotly_specs(one_run)) >= 2  # the energy chart and the power of one link
