"""The presenter's stage in a real Chromium at projector sizes: the rehearsal of every talk.

Every step of every talk, in both languages, at 1280×720: no exception, no scrolling, the step's
chart drawn, the QR code (decoded with zxing-cpp, not trusted from the encoder) opens the step's
audience view, and PageDown visits every step in order. Plus: the notes window drives the stage,
B blanks it, and bad links fall back with the one-line notice.
"""

from __future__ import annotations

import io
import re

import pytest

from explainers import talks, topics
from explainers.content import t

from .conftest import OUTPUT, wait_for_url, wait_ready

PROJECTOR = {"width": 1280, "height": 720}
STAGE_BODY = ".st-key-stage_body"


def _decode_qr(pg) -> str:
    import numpy as np
    import zxingcpp
    from PIL import Image

    png = pg.locator(".st-key-stage_qr img").first.screenshot()
    image = np.asarray(Image.open(io.BytesIO(png)).convert("L"))
    found = zxingcpp.read_barcodes(image)
    assert found, "no QR code could be read on the stage"
    return found[0].text


NO_SCROLL = ("() => { const m = document.querySelector('[data-testid=stMain]');"
             " return m.scrollHeight <= m.clientHeight + 2; }")


def _no_scroll(pg, settle_ms: int = 3_000) -> bool:
    """Whether the stage fits the window once it has sized its chart (a frame or two after drawing)."""
    try:
        pg.wait_for_function(NO_SCROLL, timeout=settle_ms)
    except Exception:  # (playwright's TimeoutError)
        return False
    return True


def _step_in_url(pg) -> int:
    return int(re.search(r"[?&]step=(\d+)", pg.url).group(1))


def _at_step(pg, number: int) -> None:
    """Until the stage shows step `number` (counted from 1): in its link and in its keys' state."""
    wait_for_url(pg, rf"[?&]step={number}(&|$)")
    wait_ready(pg)
    pg.wait_for_function("k => (window.__explainersStage || {}).data?.step === k", arg=number - 1, timeout=15_000)


def _has_chart(step) -> bool:
    """Whether the step's section draws a chart (its view holds a figure recipe)."""
    from explainers import views

    view = topics.view(step.page, step.section, "en", {k: v for k, v in talks.step_params(step).items()
                                                        if k != "scene"}, step.scene)
    return bool(views.figures(view))


def _context(browser):
    return browser.new_context(viewport=PROJECTOR, locale="en-GB")


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("talk_id", [t.id for t in talks.talks()])
def test_rehearsal_every_step_fits_draws_and_links_back(browser, server, talk_id, lang):
    talk = talks.find(talk_id)
    context = _context(browser)
    pg = context.new_page()
    foreign = []
    pg.on("request", lambda req: foreign.append(req.url) if not req.url.startswith(
        (server, "data:", "blob:", "about:")) else None)
    try:
        pg.goto(f"{server}/stage?{talks.stage_query(talk.id, 0, lang)}")
        for index, step in enumerate(talk.steps):
            wait_ready(pg)
            wait_for_url(pg, rf"[?&]step={index + 1}(&|$)")
            where = f"{talk.id} step {index + 1} ({lang})"
            assert pg.locator("[data-testid=stException]").count() == 0, where
            assert pg.locator(STAGE_BODY).count() == 1, where
            if step.predict:  # the room is asked first: the question alone, and "next" reveals the chart
                assert pg.locator(".st-key-stage_predict").count() == 1, where
                assert pg.locator(f"{STAGE_BODY} .stPlotlyChart").count() == 0, where
                assert _no_scroll(pg), f"{where}: the question scrolls at 1280×720"
                pg.keyboard.press("PageDown")
                pg.wait_for_selector(".st-key-stage_predict_result", timeout=15_000)
                wait_ready(pg)
                assert _step_in_url(pg) == index + 1, f"{where}: 'next' left the step before its answer"
            if _has_chart(step):
                pg.wait_for_selector(f"{STAGE_BODY} .js-plotly-plot .main-svg", timeout=15_000)
            assert _no_scroll(pg), f"{where}: the stage scrolls at 1280×720"
            assert _decode_qr(pg) == talks.audience_link(server, step, lang), where
            OUTPUT.mkdir(parents=True, exist_ok=True)
            pg.screenshot(path=str(OUTPUT / f"stage-{talk.id}-{lang}-{index + 1:02d}.png"))
            if index + 1 < len(talk.steps):
                pg.keyboard.press("PageDown")
        pg.keyboard.press("PageDown")  # past the last step: stays there
        pg.wait_for_timeout(300)
        assert _step_in_url(pg) == len(talk.steps)
        assert not foreign, foreign[:3]
    finally:
        context.close()


def test_full_hd_projector_fits_too(browser, server):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    pg = context.new_page()
    try:
        for k in (1, 3):
            pg.goto(f"{server}/stage?talk=delegate_briefing&step={k}&lang=en")
            wait_ready(pg)
            assert _no_scroll(pg)
    finally:
        context.close()


def test_b_blanks_the_stage_and_the_notes_window_drives_it(browser, server):
    context = _context(browser)
    stage = context.new_page()
    notes = context.new_page()
    try:
        stage.goto(f"{server}/stage?talk=delegate_briefing&step=1&lang=nl")
        wait_ready(stage)
        stage.keyboard.press("b")
        assert stage.locator("#stage-blank").is_visible()
        stage.keyboard.press("b")
        assert not stage.locator("#stage-blank").is_visible()

        notes.goto(f"{server}/stage?talk=delegate_briefing&step=1&lang=nl&notes=1")
        wait_ready(notes)
        talk = talks.find("delegate_briefing")
        assert talk.steps[0].notes.nl.split(".")[0] in notes.inner_text("body")
        notes.keyboard.press("PageDown")
        wait_for_url(notes, r"step=2(&|$)")
        wait_for_url(stage, r"step=2(&|$)")  # the stage followed, through the BroadcastChannel
        notes.get_by_role("button", name="Scherm op zwart").click()
        stage.wait_for_selector("#stage-blank", state="visible", timeout=5_000)
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_next_on_a_question_takes_the_slider_as_the_rooms_guess_only_once_someone_moved_it(browser, server, lang):
    """A slider always shows a value: "next" on a question nobody touched reveals the answer as
    skipped, instead of grading the slider's starting point as if the room had guessed it."""
    talk, i = next((tk, i) for tk in talks.talks() for i, step in enumerate(tk.steps) if step.predict)
    context = _context(browser)
    try:
        for moved in (False, True):
            pg = context.new_page()
            pg.goto(f"{server}/stage?talk={talk.id}&step={i + 1}&lang={lang}")
            _at_step(pg, i + 1)
            slider = pg.locator(".st-key-stage_predict [data-testid=stForm] input[type=range]")
            start = slider.input_value()
            if moved:  # the presenter sets the room's guess with the arrow keys, then steps on
                slider.focus()
                pg.keyboard.press("ArrowRight")
                pg.keyboard.press("ArrowRight")
                pg.wait_for_function("s => document.querySelector('.st-key-stage_predict input[type=range]').value !== s",
                                     arg=start)
                pg.evaluate("document.activeElement.blur()")
            pg.keyboard.press("PageDown")
            result = pg.wait_for_selector(".st-key-stage_predict_result", timeout=15_000)
            wait_ready(pg)
            text = result.inner_text()
            assert (t("quiz.your_guess", lang) in text) is moved, text
            assert (t("quiz.verdict.skipped", lang) in text) is not moved, text
            pg.screenshot(path=str(OUTPUT / f"stage-question-{'moved' if moved else 'untouched'}-{lang}.png"))
            pg.close()
    finally:
        context.close()


def test_the_notes_windows_next_shows_the_rooms_answer_on_the_stage_before_stepping_on(browser, server):
    """A step that asks the room: "next" in the notes window (its clicker or its button) first reveals
    the answer on the stage, as the stage's own "next" does, and only the next "next" steps on."""
    talk, i = next((t, i) for t in talks.talks() for i, step in enumerate(t.steps) if step.predict)
    context = _context(browser)
    stage, notes = context.new_page(), context.new_page()
    try:
        stage.goto(f"{server}/stage?talk={talk.id}&step={i + 1}&lang=en")
        _at_step(stage, i + 1)
        notes.goto(f"{server}/stage?talk={talk.id}&step={i + 1}&lang=en&notes=1")
        _at_step(notes, i + 1)
        assert stage.locator(".st-key-stage_predict").count() == 1
        notes.keyboard.press("PageDown")
        stage.wait_for_selector(".st-key-stage_predict_result", timeout=15_000)
        assert _step_in_url(stage) == i + 1 and _step_in_url(notes) == i + 1
        notes.locator(".st-key-stage_next button").click()
        _at_step(notes, i + 2)
        _at_step(stage, i + 2)  # the stage followed, through the BroadcastChannel
    finally:
        context.close()


def test_bad_links_fall_back_with_the_notice(browser, server):
    context = _context(browser)
    pg = context.new_page()
    try:
        pg.goto(f"{server}/stage?talk=no_such_talk&step=2&lang=en")
        wait_ready(pg)
        assert pg.get_by_role("heading", name="Talks").count() == 1
        assert "talk" in pg.locator("[data-testid=stAlert]").first.inner_text()
        pg.goto(f"{server}/stage?talk=delegate_briefing&step=99&lang=en")
        wait_ready(pg)
        wait_for_url(pg, r"step=6(&|$)")
        assert "step" in pg.locator("[data-testid=stAlert]").first.inner_text()
    finally:
        context.close()


def test_present_this_opens_the_scene_on_the_stage(browser, server):
    context = _context(browser)
    pg = context.new_page()
    try:
        pg.goto(f"{server}/photonics?lang=en&scene=rack")
        wait_ready(pg)
        href = pg.get_by_role("link", name=re.compile("Present this")).get_attribute("href")
        pg.goto(f"{server}/{href.lstrip('/')}" if not href.startswith("http") else href)
        wait_ready(pg)
        assert pg.locator(STAGE_BODY).count() == 1 and _no_scroll(pg)
        assert _decode_qr(pg).endswith("/photonics?lang=en&scene=rack")
    finally:
        context.close()


def test_keys_step_from_anywhere_but_a_focused_slider_keeps_its_arrows(browser, server):
    """PageDown / PageUp (the clicker) step even from a focused slider; there → / ← / Home / End
    move the slider, and elsewhere on the stage they step."""
    talk = talks.find("student_lecture")
    wdm = next(i for i, s in enumerate(talk.steps) if s.section == "wdm")  # a step with a slider
    context = _context(browser)
    pg = context.new_page()
    try:
        pg.goto(f"{server}/stage?{talks.stage_query(talk.id, wdm, 'en')}")
        _at_step(pg, wdm + 1)
        pg.locator(".st-key-stage_controls label").first.click()  # the controls, under the chart
        thumb = pg.locator(STAGE_BODY).get_by_role("slider").first
        thumb.wait_for()
        thumb.focus()
        before = thumb.get_attribute("aria-valuetext")
        for key in ("ArrowRight", "ArrowRight", "End"):
            thumb.press(key)
        pg.wait_for_timeout(400)
        assert thumb.get_attribute("aria-valuetext") != before, "the focused slider did not move"
        assert _step_in_url(pg) == wdm + 1, "an arrow or End on a focused slider stepped the talk"
        thumb.press("PageDown")  # the clicker steps from the slider
        _at_step(pg, wdm + 2)
        pg.evaluate("() => document.activeElement && document.activeElement.blur()")  # focus off the slider
        pg.keyboard.press("ArrowLeft")
        _at_step(pg, wdm + 1)
        with pg.expect_navigation():  # a jump loads the step's link
            pg.keyboard.press("End")
        _at_step(pg, len(talk.steps))
        with pg.expect_navigation():
            pg.keyboard.press("Home")
        _at_step(pg, 1)
        pg.keyboard.press("ArrowRight")
        _at_step(pg, 2)
        pg.keyboard.press("PageUp")
        _at_step(pg, 1)
    finally:
        context.close()

