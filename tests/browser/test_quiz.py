"""Test yourself in Chromium: a prediction and its reveal, a full quiz in Dutch, what to revisit, the
link that leads there and back, no answer in the URL, and no serious accessibility violation."""

from __future__ import annotations

import re

import pytest

from explainers import topics
from explainers.content import content, fmt_num, t
from explainers.quiz import present

from .conftest import ROOT, free_port, query, screenshot, start_server, wait_healthy, wait_ready

pytestmark = [pytest.mark.xdist_group("quiz")]  # one worker runs the module: one prediction-box server

NL = "nl"
PREDICT_PAGES = sorted(content().quiz.predict)


def _set_slider(box, q, value) -> None:
    """Move a question's log-scale slider to `value` with the keyboard, as a person can."""
    sl = present.slider(q, NL)
    key = "ArrowRight" if sl.options.index(value) > sl.options.index(sl.start) else "ArrowLeft"
    thumb = box.get_by_role("slider")
    thumb.wait_for()
    thumb.focus()
    for _ in range(len(sl.options)):
        if thumb.get_attribute("aria-valuetext") == sl.labels[value]:
            break
        thumb.press(key)
    assert thumb.get_attribute("aria-valuetext") == sl.labels[value]
    box.page.wait_for_timeout(500)  # the slider hands its value to the form after a short debounce


def _value(q, right: bool):
    """The guess a test gives: the slider position nearest the answer (or an end far from it), an option."""
    if q.kind == "estimate":
        sl = present.slider(q, NL)
        est = present.answer_of(q)
        if right:
            return present.nearest(sl.options, est.value)
        return sl.options[-1] if est.high < sl.options[-1] / 20 else sl.options[0]
    correct = present.correct_option(q)
    return next(o.id for o in q.options if (o.id == correct) == right)


def _answer(pg, topic_id: str, q, *, right: bool) -> None:
    box = pg.locator(f".st-key-quiz_q_{topic_id}_{q.id}")
    value = _value(q, right)
    if q.kind == "estimate":
        _set_slider(box, q, value)
    else:
        pick = next(o for o in q.options if o.id == value)
        box.get_by_text(pick.text(NL), exact=True).click()
    box.get_by_role("button", name=t("quiz.check", NL)).click()
    box.locator("[data-testid=stAlertContainer]").first.wait_for(timeout=15_000)
    wait_ready(pg)


def _axe_serious(pg) -> list:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(pg)
    serious = [v for v in results.response["violations"] if v.get("impact") in {"serious", "critical"}]
    return [(v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["target"]) for v in serious]


def test_a_full_quiz_in_dutch_with_what_to_revisit(page, server):
    tp = present.topic("photonics")
    wrong = {tp.questions[1].id, tp.questions[-2].id}
    page.goto(f"{server}/quiz?lang=nl&topic=photonics")
    wait_ready(page)
    assert page.locator("h1", has_text=t("quiz.title", NL)).count() == 1
    for q in tp.questions:
        _answer(page, "photonics", q, right=q.id not in wrong)
    score = page.locator(".st-key-quiz_score")
    score.wait_for(timeout=15_000)
    n = len(tp.questions)
    points = sum(present.grade_of(q, _value(q, q.id not in wrong)).points for q in tp.questions)
    assert points < n
    expected = t("quiz.score_value", NL, points=fmt_num(points, NL, 3), total=n)
    assert expected in score.inner_text()
    text = score.inner_text()
    assert t("quiz.revisit_title", NL) in text
    for q in tp.questions:
        assert (q.question(NL) in text) == (q.id in wrong)
    params = query(page.url)
    assert set(params) <= {"lang", "topic"}, "answers never go into the URL"
    screenshot(page, "quiz-photonics-nl-feedback")
    assert not _axe_serious(page)

    # Jump to the scene that explains a missed question, and come back: the answers are still there.
    missed = next(q for q in tp.questions if q.id in wrong and q.link.scene)
    link = present.link(missed, NL)
    score.get_by_role("link", name=link.label).first.click()
    page.wait_for_function("p => location.pathname.endsWith('/' + p)", arg=missed.link.page)
    wait_ready(page)
    assert query(page.url).get("scene") == [missed.link.scene]
    page.get_by_role("link", name=t("pages.quiz", NL)).first.click()
    page.wait_for_function("() => location.pathname.endsWith('/quiz')")
    wait_ready(page)
    assert page.locator(".st-key-quiz_score").count() == 1


def test_a_wrong_choice_explains_every_option(page, server):
    q = present.question("neuromorphic", "spiking_always")
    page.goto(f"{server}/quiz?lang=nl&topic=neuromorphic")
    wait_ready(page)
    _answer(page, "neuromorphic", q, right=False)
    box = page.locator(f".st-key-quiz_q_neuromorphic_{q.id}")
    text = box.inner_text()
    assert t("quiz.verdict.wrong", NL) in text
    for o in q.options:
        assert o.why.nl in text
    screenshot(page, "quiz-choice-explained-nl")


@pytest.fixture(scope="module")
def predict_server():
    """The prediction box alone (tests/quiz/predict_app.py), through the project's launcher."""
    port = free_port()
    proc = start_server(port, "--script", "tests/quiz/predict_app.py")
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, proc)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.parametrize("topic_page", PREDICT_PAGES)
def test_a_prediction_and_its_reveal_in_dutch(page, predict_server, topic_page):
    q = present.predict_question(topic_page)
    page.goto(f"{predict_server}/?lang=nl&page={topic_page}")
    wait_ready(page)
    summary = page.locator("[data-testid=stExpander] summary")
    assert summary.inner_text().strip().endswith(t("quiz.predict.title", NL))
    assert page.get_by_role("slider").count() == 0, "collapsed until opened"
    summary.click()
    box = page.locator("[data-testid=stExpander]")
    sl = present.slider(q, NL)
    guess = sl.options[sl.options.index(sl.start) + 3]
    _set_slider(box, q, guess)
    box.get_by_role("button", name=t("quiz.predict.check", NL)).click()
    box.locator("[data-testid=stMetric]").first.wait_for(timeout=15_000)
    wait_ready(page)
    text = box.inner_text()
    answer = present.fmt_estimate(present.unit_of(q), present.answer_of(q), NL)
    assert present.fmt_value(present.unit_of(q), guess, NL) in text and answer in text
    assert present.verdict(present.grade_of(q, guess), NL) in text
    assert box.locator("[role=img]").count() == 1  # the guess and the answer on one line, with its text
    assert set(query(page.url)) == {"lang", "page"}, "a guess never goes into the URL"
    screenshot(page, f"predict-{topic_page}-nl")
    assert not _axe_serious(page)
    box.get_by_role("button", name=t("quiz.predict.again", NL)).click()
    box.get_by_role("slider").wait_for(timeout=15_000)


def test_skip_is_always_there(page, predict_server):
    page.goto(f"{predict_server}/?lang=en&page=photonics&open=1")
    wait_ready(page)
    box = page.locator("[data-testid=stExpander]")
    box.get_by_role("button", name=t("quiz.predict.skip", "en")).click()
    box.locator("[data-testid=stAlertContainer]").first.wait_for(timeout=15_000)
    assert t("quiz.verdict.skipped", "en") in box.inner_text()


@pytest.mark.parametrize("topic", [tp for tp in topics.TOPICS])
def test_the_box_on_the_topic_page_where_it_is_placed(page, server, topic):
    """Where a page script calls predict_box(PAGE), the box is there, collapsed, above the main chart."""
    if present.predict_question(topic.url_path) is None:
        pytest.skip("no prediction for this page in data/quiz.yaml")
    if not re.search(r"\bpredict_box\(", (ROOT / topic.file).read_text(encoding="utf-8")):
        pytest.skip(f"{topic.file} does not call predict_box(PAGE) yet")
    page.goto(f"{server}/{topic.url_path}?lang=nl")
    wait_ready(page)
    summary = page.locator("[data-testid=stExpander] summary", has_text=t("quiz.predict.title", NL))
    assert summary.count() == 1
    first_chart = page.locator(".stPlotlyChart").first
    assert summary.bounding_box()["y"] < first_chart.bounding_box()["y"]
