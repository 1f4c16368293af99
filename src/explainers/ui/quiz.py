"""The quiz page (`/quiz?topic=photonics`): questions, their reveals, the score and what to revisit.

The topic is a URL key like any control (`?topic=`, validated: a bad or hidden value falls back to
the first topic with the one-line notice). The answers are not: they live in this session only
(`RESULTS`), never in the URL or on the server, so a shared link never gives them away. Each
question is a small form (nothing is judged until "Check"), and the whole quiz is one fragment, so
answering a question reruns the quiz only.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st
from streamlit.errors import StreamlitAPIException

from explainers import quiz
from explainers.content import ContentError, t
from explainers.quiz import present
from explainers.quiz.present import Link, Reveal
from explainers.quiz.scoring import Grade

from . import state
from .anatomy import readout_row, show_readout
from .lang import current_lang

RESULTS = "_quiz_results"  # {topic id: {question id: {"guess": value | None, "skipped": bool}}}, this session
PICK_FIRST = "_quiz_pick_first"  # (topic id, question id) checked with no option picked
TOPIC_KEY = "topic"  # the page's one URL key
ICONS = {"full": ":material/check_circle:", "part": ":material/adjust:", "none": ":material/help:"}


def answer_key(scope: str, question_id: str) -> str:
    """Session key of a question's input: never `_w_...`, so nothing binds it to the URL."""
    return f"_quiz_{scope}_{question_id}"


def _results(topic_id: str) -> dict:
    return st.session_state.setdefault(RESULTS, {}).setdefault(topic_id, {})


def grades(topic_id: str) -> dict[str, Grade]:
    """The grades of the topic's answered questions (recomputed: they follow the references)."""
    out = {}
    for qid, done in _results(topic_id).items():
        q = present.question(topic_id, qid)
        out[qid] = present.grade_of(q, done["guess"], skipped=done["skipped"])
    return out


# --- shared with the prediction box -----------------------------------------------------------------


def page_link(link: Link, label: str, *, icon: str = ":material/arrow_forward:") -> None:
    """A link to the page (and scene) that shows an answer: inside the app, so the session's answers stay."""
    if link.file:
        app_link(link.file, label, dict(link.query), icon=icon)


def app_link(file: str, label: str, query: dict, *, icon: str) -> None:
    """st.page_link, left out where the page is not part of the navigation (a page run on its own)."""
    try:
        st.page_link(file, label=label, query_params=query, icon=icon)
    except StreamlitAPIException:
        pass


def show_reveal(r: Reveal, lang: str, *, with_link: bool = True) -> None:
    """A question's answer: the verdict, the guess next to the model's figure (and on one line), why."""
    level = "full" if r.grade.full else "part" if r.grade.points > 0 else "none"
    box = {"full": st.success, "part": st.info, "none": st.warning}[level]
    box(r.verdict, icon=ICONS[level])
    if r.options:  # a choice: every option, marked, with why it is right or why it tempts
        lines = []
        for o in r.options:
            marks = [t("quiz.mark_right", lang)] if o.correct else []
            if o.picked:
                marks.append(t("quiz.mark_picked", lang))
            sign = "✓ " if o.correct else "✗ " if o.picked else ""
            tag = f"{sign}**{' · '.join(marks)}:** " if marks else ""
            lines.append(f"- {tag}{o.text}  \n  _{o.why}_")
        st.markdown(f"**{t('quiz.explained', lang)}**\n\n" + "\n".join(lines))
    else:  # an estimate: the guess next to the model's figure, both on one log-scale line, and why
        parts = tuple(x for x in (r.guess, r.answer) if x is not None)
        if len(parts) > 1:
            readout_row(parts)
        else:
            show_readout(r.answer)
        if r.line is not None:
            st.html(present.number_line_html(r.line))
        st.markdown(r.why)
    if with_link:
        page_link(r.link, t("quiz.see_it", lang, label=r.link.label))


def answer_form(form_key: str, input_key: str, view: present.QuestionView, lang: str, *, on_submit,
                args: tuple, check_label: str, skip_label: str) -> None:
    """The question's input (a log-scale slider or the options) and its two buttons, as one form."""
    with st.form(form_key, border=False):
        if view.slider is not None:
            st.select_slider(t("quiz.your_estimate", lang), options=view.slider.options, value=view.slider.start,
                             format_func=view.slider.labels.__getitem__, key=input_key)
            st.caption(view.slider.ends)
        else:
            st.radio(t("quiz.your_choice", lang), list(view.options), index=None,
                     format_func=view.options.__getitem__, key=input_key)
        with st.container(horizontal=True, gap="small"):
            st.form_submit_button(check_label, type="primary", on_click=on_submit, args=(*args, False),
                                  key=f"{form_key}_check", icon=":material/done:")
            st.form_submit_button(skip_label, on_click=on_submit, args=(*args, True), key=f"{form_key}_skip",
                                  icon=":material/visibility:")


# --- the quiz page ---------------------------------------------------------------------------------------


def _answer(topic_id: str, question_id: str, skip: bool) -> None:
    q = present.question(topic_id, question_id)
    guess = st.session_state.get(answer_key(topic_id, question_id))
    if not skip and q.kind == "choice" and guess is None:
        st.session_state[PICK_FIRST] = (topic_id, question_id)
        return
    st.session_state.pop(PICK_FIRST, None)
    _results(topic_id)[question_id] = {"guess": None if skip else guess, "skipped": skip}


def _retry(topic_id: str) -> None:
    st.session_state.setdefault(RESULTS, {})[topic_id] = {}
    for q in present.topic(topic_id).questions:
        st.session_state.pop(answer_key(topic_id, q.id), None)


def _go_topic(topic_id: str) -> None:
    st.session_state[state.widget_key_for("quiz", TOPIC_KEY)] = topic_id


def _question(topic_id: str, q, number: int, total: int, lang: str, done: Mapping | None) -> None:
    view = present.question_view(q, lang, number, total)
    with st.container(border=True, key=f"quiz_q_{topic_id}_{q.id}"):
        st.markdown(f"**{view.heading}** · {view.text}")
        if done is None:
            answer_form(f"quiz_form_{topic_id}_{q.id}", answer_key(topic_id, q.id), view, lang, on_submit=_answer,
                        args=(topic_id, q.id), check_label=t("quiz.check", lang), skip_label=t("quiz.skip", lang))
            if st.session_state.get(PICK_FIRST) == (topic_id, q.id):
                st.warning(t("quiz.pick_first", lang), icon=":material/touch_app:")
        else:
            show_reveal(present.reveal(q, done["guess"], lang, skipped=done["skipped"]), lang)


def _summary(tp, lang: str) -> None:
    found = grades(tp.id)
    total = len(tp.questions)
    if len(found) < total:
        st.caption(t("quiz.finish_hint", lang))
        return
    sc = present.score(tp, found, lang)
    with st.container(border=True, key="quiz_score"):
        st.subheader(t("quiz.score_heading", lang))
        left, right = st.columns([1, 2], gap="large")
        with left:
            show_readout(sc.score)
        with right:
            st.markdown(sc.message)
        if sc.missed:
            st.markdown(f"**{t('quiz.revisit_title', lang)}**")
            for m in sc.missed:
                with st.container(key=f"quiz_missed_{tp.id}_{sc.missed.index(m)}"):
                    st.markdown(f"**{m.number}** · {m.question}  \n_{m.verdict}_")
                    page_link(m.link, m.link.label)
        else:
            st.success(t("quiz.revisit_none", lang), icon=":material/celebration:")
        st.button(t("quiz.retry", lang), on_click=_retry, args=(tp.id,), icon=":material/restart_alt:",
                  key=f"quiz_retry_{tp.id}")
        others = [other for other in present.visible_topics() if other.id != tp.id]
        if others:
            with st.container(horizontal=True, gap="small", vertical_alignment="center"):
                st.markdown(t("quiz.other_topics", lang), width="content")
                for other in others:
                    st.button(other.title(lang), on_click=_go_topic, args=(other.id,), key=f"quiz_go_{other.id}",
                              icon=":material/arrow_forward:")


def _arrival(options: list[str]) -> None:
    """A link that names a topic (from a page's prediction box, say) wins over the session's last one."""
    raw = state.raw_param(TOPIC_KEY)
    wkey = state.widget_key_for("quiz", TOPIC_KEY)
    if raw in options and wkey in st.session_state and st.session_state[wkey] != raw:
        st.session_state[wkey] = raw


@st.fragment
def _quiz() -> None:
    lang = current_lang()
    topics_ = present.visible_topics()
    options = [tp.id for tp in topics_]
    titles = {tp.id: tp.title(lang) for tp in topics_}
    topic_id = state.choice(TOPIC_KEY, t("quiz.topic_label", lang), options=options, default=options[0],
                            format_func=titles.__getitem__, help=t("quiz.topic_help", lang))
    tp = present.topic(topic_id)
    try:
        quiz.check_topic(topic_id)
    except ContentError as err:  # (one topic's broken question blocks only that topic)
        st.error(t("quiz.broken", lang, file=err.file, key=err.key, problem=err.problem), icon=":material/error:")
        return
    results = _results(topic_id)
    st.caption(t("quiz.progress", lang, done=len(results), total=len(tp.questions)) + " · " + t("quiz.privacy", lang))
    for i, q in enumerate(tp.questions):
        _question(topic_id, q, i + 1, len(tp.questions), lang, results.get(q.id))
    _summary(tp, lang)


def quiz_page() -> None:
    """The body of app_pages/quiz.py."""
    lang = current_lang()
    st.title(t("quiz.title", lang))
    st.markdown(t("quiz.intro", lang))
    if present.quiz_file() is None or not present.visible_topics():
        return
    with st.expander(t("quiz.how_scored_title", lang), icon=":material/straighten:"):
        st.markdown(t("quiz.how_scored", lang))
    _arrival([tp.id for tp in present.visible_topics()])
    _quiz()
