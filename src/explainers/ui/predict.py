"""Predict first: one question about what a page's main chart will show, asked before the chart.

One line in a page script, before its main section, does the whole job:

    from explainers.ui.predict import predict_box
    predict_box(PAGE)

The question is the page's entry under `predict:` in data/quiz.yaml (none: nothing is shown), its
answer computed by the models like every quiz answer. The box is a collapsed expander, so nobody is
held up; "Skip" is always there. Once answered, the guess and the model's figure are shown together
(and on one log-scale line), with one sentence on why. On the presenter's stage it stays collapsed
unless the talk's step asks the room to predict (`predict: true` in data/talks.yaml). The guess lives
in this session only, never in the URL.
"""

from __future__ import annotations

import streamlit as st

from explainers import quiz
from explainers.content import ContentError, t
from explainers.quiz import present

from . import state
from .lang import current_lang
from .quiz import answer_form, app_link, show_reveal

PREDICTIONS = "_predictions"  # {page: {"guess": value | None, "skipped": bool}}, this session
QUIZ_FILE = "app_pages/quiz.py"


def predict_box(page: str, *, expanded: bool | None = None) -> None:
    """The page's "Predict first" box (page: its url path); nothing if data/quiz.yaml has no question
    for it. `expanded`: open it (None: collapsed, except on a stage step that asks for a prediction)."""
    if present.predict_question(page) is None:
        return
    lang = current_lang()
    if expanded is None:
        expanded = False
    with st.expander(t("quiz.predict.title", lang), expanded=expanded, icon=":material/psychology_alt:"):
        _box(page)


def _answer(page: str, skip: bool) -> None:
    guess = st.session_state.get(_input_key(page))
    q = present.predict_question(page)
    if not skip and q.kind == "choice" and guess is None:
        return  # (the radio asks for a pick; "Skip" is there)
    st.session_state.setdefault(PREDICTIONS, {})[page] = {"guess": None if skip else guess, "skipped": skip}


def _again(page: str) -> None:
    st.session_state.setdefault(PREDICTIONS, {}).pop(page, None)
    st.session_state.pop(_input_key(page), None)


def _input_key(page: str) -> str:
    return f"_predict_{page}"  # never `_w_...`: a guess is not part of the link


def _quiz_topic(page: str) -> str | None:
    return next((tp.id for tp in present.visible_topics() if tp.page == page), None)


def has_question(page: str) -> bool:
    """Whether data/quiz.yaml asks a "predict first" question on this page."""
    return present.predict_question(page) is not None


def form_key(page: str) -> str:
    """The key of the page's answer form (its buttons are `<key>_check` and `<key>_skip`)."""
    return f"predict_form_{page}"


def answered(page: str) -> bool:
    """Whether the question of this page was answered (or skipped) in this session."""
    return page in st.session_state.get(PREDICTIONS, {})


def stage_question(page: str) -> None:
    """A stage step that asks the room first: the question alone, open; its chart is the answer.

    Not a fragment (unlike the page's box): checking the guess reruns the whole stage, which then
    shows the step's section under the result line.
    """
    if present.predict_question(page) is None:
        return
    with st.container(border=True, key="stage_predict"):
        st.markdown(f"#### {t('quiz.predict.title', current_lang())}")
        _render(page)


def stage_result(page: str) -> None:
    """On the stage, once the room has answered: one line with the verdict, the guess and the model's figure."""
    q = present.predict_question(page)
    done = st.session_state.get(PREDICTIONS, {}).get(page)
    if q is None or done is None:
        return
    lang = current_lang()
    r = present.reveal(q, done["guess"], lang, skipped=done["skipped"])
    parts = [f"{x.label}: **{x.value}**" for x in (r.guess, r.answer) if x is not None]
    with st.container(key="stage_predict_result"):
        st.markdown(f":material/psychology_alt: {r.verdict} " + " · ".join(parts))


def _render(page: str) -> None:
    lang = current_lang()
    try:
        quiz.check_predict(page)
    except ContentError as err:
        st.warning(t("quiz.broken", lang, file=err.file, key=err.key, problem=err.problem), icon=":material/error:")
        return
    q = present.predict_question(page)
    view = present.question_view(q, lang)
    st.markdown(f"{t('quiz.predict.lead', lang)} **{view.text}**")
    done = st.session_state.get(PREDICTIONS, {}).get(page)
    if done is None:
        answer_form(form_key(page), _input_key(page), view, lang, on_submit=_answer, args=(page,),
                    check_label=t("quiz.predict.check", lang), skip_label=t("quiz.predict.skip", lang))
        return
    show_reveal(present.reveal(q, done["guess"], lang, skipped=done["skipped"]), lang, with_link=False)
    st.caption(t("quiz.predict.below", lang))
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        st.button(t("quiz.predict.again", lang), on_click=_again, args=(page,), icon=":material/replay:",
                  key=f"predict_again_{page}")
        topic = _quiz_topic(page)
        if topic is not None:
            app_link(QUIZ_FILE, t("quiz.predict.quiz_link", lang), {"topic": topic, "lang": lang}, icon=":material/quiz:")


_box = st.fragment(_render)  # on a page, answering reruns the box alone
