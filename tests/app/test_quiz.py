"""The quiz page and the prediction box in AppTest: every answer right gives full marks, a wrong one
its explanation; the topic is a URL key validated like every other, the answers never reach the URL."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from explainers import topics
from explainers.content import content, t
from explainers.quiz import present
from explainers.ui.predict import PREDICTIONS
from explainers.ui.quiz import RESULTS, answer_key

from .conftest import FUZZ_EXAMPLES, ROOT, assert_clean, open_page, qp, visible_text

QUIZ = "app_pages/quiz.py"
PREDICT_APP = str(ROOT / "tests" / "quiz" / "predict_app.py")
VISIBLE = [tp.id for tp in present.visible_topics()]
PREDICT_PAGES = sorted(content().quiz.predict)


def _right(q):
    if q.kind == "estimate":
        return present.nearest(present.slider(q, "en").options, present.answer_of(q).value)
    return present.correct_option(q)


def _wrong(q):
    if q.kind == "estimate":
        options = present.slider(q, "en").options
        return options[-1] if present.answer_of(q).high < options[-1] / 20 else options[0]
    return next(o.id for o in q.options if o.id != present.correct_option(q))


def _set(at: AppTest, scope: str, q, value) -> None:
    key = answer_key(scope, q.id)
    if q.kind == "estimate":
        at.select_slider(key=key).set_value(value)
    else:
        at.radio(key=key).set_value(value)


def _answer(at: AppTest, topic_id: str, q, value, *, skip: bool = False) -> AppTest:
    if not skip:
        _set(at, topic_id, q, value)
    at.button(key=f"quiz_form_{topic_id}_{q.id}_{'skip' if skip else 'check'}").click().run()
    return at


def test_the_quiz_renders_in_both_languages_with_photonics_first(lang):
    at = open_page(QUIZ, lang)
    assert_clean(at)
    assert at.title[0].value == t("quiz.title", lang)
    tp = present.topic("photonics")
    assert len(at.get("form")) == len(tp.questions)
    assert at.session_state["_w_quiz.topic"] == "photonics" and qp(at, "topic") is None


@pytest.mark.parametrize("topic_id", VISIBLE)
def test_every_answer_right_gives_full_marks(topic_id):
    tp = present.topic(topic_id)
    at = open_page(QUIZ, "nl", {"topic": topic_id})
    for q in tp.questions:
        _answer(at, topic_id, q, _right(q))
    assert_clean(at)
    score = next(m for m in at.metric if m.label == t("quiz.score_label", "nl"))
    n = len(tp.questions)
    assert score.value == t("quiz.score_value", "nl", points=n, total=n)
    assert t("quiz.revisit_none", "nl") in [s.value for s in at.success]
    assert qp(at, "topic") == (None if topic_id == VISIBLE[0] else topic_id)
    assert set(at.query_params) <= {"lang", "topic"}, "answers never go into the URL"


def test_a_wrong_answer_gets_its_explanation_and_a_link_to_the_scene():
    tp = present.topic("photonics")
    q = present.question("photonics", "copper_why")
    at = open_page(QUIZ, "en", {"topic": "photonics"})
    picked = _wrong(q)
    _answer(at, "photonics", q, picked)
    assert_clean(at)
    text = visible_text(at)
    chosen = next(o for o in q.options if o.id == picked)
    right = next(o for o in q.options if o.id == q.correct)
    assert t("quiz.verdict.wrong", "en") in text and chosen.why.en in text and right.why.en in text
    assert all(o.why.en in text for o in q.options), "every option is explained"
    link = present.link(q, "en")
    labels = [el.proto.label for el in at.get("page_link")]
    assert t("quiz.see_it", "en", label=link.label) in labels
    assert link.query == {"lang": "en", "scene": q.link.scene}
    assert set(at.query_params) <= {"lang", "topic"}
    assert len(tp.questions) > 1


def test_a_wrong_estimate_says_how_far_off_and_why():
    q = present.question("photonics", "half_light")
    at = open_page(QUIZ, "nl", {"topic": "photonics"})
    _answer(at, "photonics", q, _wrong(q))
    assert_clean(at)
    text = visible_text(at)
    answer = present.fmt_estimate(present.unit_of(q), present.answer_of(q), "nl")
    assert ("te hoog" in text or "te laag" in text) and answer in text
    assert q.why.nl.replace("{answer}", answer) in text
    assert any(m.value == answer for m in at.metric)


def test_skipping_shows_the_answer_with_no_points_and_checking_nothing_asks_for_a_pick():
    q = present.question("photonics", "mzi_pi")
    at = open_page(QUIZ, "en", {"topic": "photonics"})
    at.button(key=f"quiz_form_photonics_{q.id}_check").click().run()
    assert t("quiz.pick_first", "en") in [w.value for w in at.warning]
    _answer(at, "photonics", q, None, skip=True)
    assert_clean(at)
    assert t("quiz.verdict.skipped", "en") in visible_text(at)
    assert at.session_state[RESULTS]["photonics"][q.id] == {"guess": None, "skipped": True}


def test_the_score_lists_what_to_revisit_and_retry_starts_again():
    tp = present.topic("neuromorphic")
    at = open_page(QUIZ, "en", {"topic": "neuromorphic"})
    wrong = {tp.questions[0].id, tp.questions[3].id}
    for q in tp.questions:
        _answer(at, "neuromorphic", q, _wrong(q) if q.id in wrong else _right(q))
    assert_clean(at)
    score = next(m for m in at.metric if m.label == t("quiz.score_label", "en"))
    n = len(tp.questions)
    assert score.value.endswith(f"of {n}") and not score.value.startswith(str(n))
    text = visible_text(at)
    assert t("quiz.revisit_title", "en") in text
    for q in tp.questions:
        assert (f"{t('quiz.question_n', 'en', n=tp.questions.index(q) + 1)}** · {q.question.en}" in text) == (
            q.id in wrong)
    at.button(key="quiz_retry_neuromorphic").click().run()
    assert_clean(at)
    assert len(at.get("form")) == n and not at.session_state[RESULTS]["neuromorphic"]


def test_switching_topic_from_the_score_keeps_the_other_topics_answers():
    tp = present.topic("photonics")
    at = open_page(QUIZ, "en", {"topic": "photonics"})
    for q in tp.questions:
        _answer(at, "photonics", q, _right(q))
    at.button(key="quiz_go_ai_compute").click().run()
    assert_clean(at)
    assert at.session_state["_w_quiz.topic"] == "ai_compute" and qp(at, "topic") == "ai_compute"
    assert len(at.session_state[RESULTS]["photonics"]) == len(tp.questions)


@pytest.mark.parametrize("raw", ["zzz", "", "<b>x</b>", "Photonics", "photonics,neuromorphic"])
def test_a_bad_topic_falls_back_with_the_notice(raw):
    at = open_page(QUIZ, "en", {"topic": raw})
    assert_clean(at)
    assert at.session_state["_w_quiz.topic"] == VISIBLE[0]
    assert len(at.warning) == 1 and "`topic`" in at.warning[0].value
    assert "<b>x</b>" not in visible_text(at)


def test_a_hidden_topic_is_not_offered_until_its_page_exists(monkeypatch):
    """`hidden_until_page`: while topics.by_url_path(page) is None, the topic is neither shown nor linkable."""
    real = topics.by_url_path
    monkeypatch.setattr(topics, "by_url_path", lambda path: None if path == "energy" else real(path))
    monkeypatch.setattr("explainers.talks.check", lambda *a, **k: None)  # (talks name the energy page)
    assert "energy" not in [tp.id for tp in present.visible_topics()]
    at = open_page(QUIZ, "en", {"topic": "energy"})
    assert_clean(at)
    assert at.session_state["_w_quiz.topic"] == "photonics"
    assert len(at.warning) == 1 and "`topic`" in at.warning[0].value
    labels = [o for w in at.get("button_group") for o in getattr(w, "options", [])]
    assert t("pages.energy", "en") not in str(labels)


FUZZ = max(FUZZ_EXAMPLES // 2, 1)


@settings(max_examples=FUZZ, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=30), st.sampled_from(["photonics", "ai-compute", "nan", "x" * 300])))
def test_fuzzed_topics_never_break_the_page(raw):
    at = open_page(QUIZ, "nl", {"topic": raw})
    assert not at.exception and not at.error
    chosen = at.session_state["_w_quiz.topic"]
    if raw in VISIBLE:
        assert chosen == raw and not at.warning
    else:
        assert chosen == VISIBLE[0] and "`topic`" in at.warning[0].value


def test_a_link_naming_a_topic_wins_over_the_sessions_last_one():
    at = open_page(QUIZ, "en", {"topic": "photonics"})
    at.query_params["topic"] = "neuromorphic"
    at.run()
    assert at.session_state["_w_quiz.topic"] == "neuromorphic"


# --- the prediction box --------------------------------------------------------------------------------


def _predict_app(page: str, lang: str = "en", **params) -> AppTest:
    at = AppTest.from_file(PREDICT_APP, default_timeout=30)
    at.query_params["lang"] = lang
    at.query_params["page"] = page
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    return at


@pytest.mark.parametrize("page", PREDICT_PAGES)
def test_a_prediction_and_its_reveal(page, lang):
    q = present.predict_question(page)
    at = _predict_app(page, lang)
    assert_clean(at)
    box = at.expander[0]
    assert box.label == t("quiz.predict.title", lang) and not box.proto.expanded, "collapsed: nobody is held up"
    key = f"_predict_{page}"
    wrong = present.slider(q, lang).options[0]
    at.select_slider(key=key).set_value(wrong)
    at.button(key=f"predict_form_{page}_check").click().run()
    assert_clean(at)
    text = visible_text(at)
    answer = present.fmt_estimate(present.unit_of(q), present.answer_of(q), lang)
    labels = {m.label: m.value for m in at.metric}
    assert labels[t("quiz.your_guess", lang)] == present.fmt_value(present.unit_of(q), wrong, lang)
    assert labels[t("quiz.model_answer", lang)] == answer
    assert present.verdict(present.grade_of(q, wrong), lang) in [i.value for i in [*at.info, *at.warning]]
    assert q.why(lang).replace("{answer}", answer) in text
    assert set(at.query_params) == {"lang", "page"}, "a guess never goes into the URL"
    at.button(key=f"predict_again_{page}").click().run()
    assert at.select_slider(key=key).value == present.slider(q, lang).start
    assert page not in at.session_state[PREDICTIONS]


def test_skip_is_always_there_and_shows_the_answer():
    at = _predict_app("photonics", "nl")
    at.button(key="predict_form_photonics_skip").click().run()
    assert_clean(at)
    text = visible_text(at)
    assert t("quiz.verdict.skipped", "nl") in text
    assert t("quiz.your_guess", "nl") not in [m.label for m in at.metric]


def test_a_page_without_a_question_shows_no_box():
    at = _predict_app("no-such-page")
    assert_clean(at)
    assert not at.expander


def _stage_steps(predict: bool) -> list[tuple[str, int]]:
    from explainers import talks

    return [(talk.id, i + 1) for talk in talks.talks() for i, step in enumerate(talk.steps)
            if step.page == "photonics" and step.predict == predict]


def test_the_shipped_talks_ask_the_room_at_least_once():
    assert _stage_steps(True) and _stage_steps(False)


def test_on_the_stage_a_step_that_asks_shows_the_question_alone_then_the_chart():
    from explainers.ui.predict import form_key

    talk, step = _stage_steps(True)[0]
    at = open_page("app_pages/stage.py", "en", {"talk": talk, "step": str(step)})
    assert_clean(at)
    assert _guess_slider(at) and not _charts(at), "the chart is the answer: it waits for the guess"
    at.button(key=f"{form_key('photonics')}_check").click().run()
    assert_clean(at)
    assert _charts(at), "once the room has guessed, the step's chart is there"
    text = visible_text(at)
    assert t("quiz.your_guess", "en") in text and qp(at, "step") == str(step)


def test_on_the_stage_a_step_that_does_not_ask_shows_no_question():
    talk, step = _stage_steps(False)[0]
    at = open_page("app_pages/stage.py", "en", {"talk": talk, "step": str(step)})
    assert_clean(at)
    assert not _guess_slider(at) and not at.expander and _charts(at)


def _guess_slider(at) -> list:
    return [w for w in at.select_slider if w.key == "_predict_photonics"]


def _charts(at) -> list:
    return [el for el in at.get("plotly_chart")]
