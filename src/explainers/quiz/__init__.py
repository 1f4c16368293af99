"""Test yourself: a quiz per topic and a "predict first" question per page (no Streamlit).

    data/quiz.yaml        the questions and explanations, both languages; each names the answer
                          function that computes its figure and the reference ids it uses
    quiz/answers.py       the registry of answer functions (through the topics' setup and models)
    quiz/scoring.py       how many times off a guess is, and its points
    quiz/present.py       the views: a question, its reveal, the score

The Streamlit glue is `ui/quiz.py` (the quiz page) and `ui/predict.py` (`predict_box(page)`).

    from explainers import quiz
    q = quiz.question("photonics", "crossover")
    print(quiz.present.reveal(q, 0.02, "en").verdict)      # "You were 5× too low. The right order ..."
"""

from __future__ import annotations

import math
from functools import lru_cache

from explainers import topics
from explainers.content import Content, ContentError, content
from explainers.content.schema import QuizQuestion

from . import answers, present, scoring
from .answers import Estimate
from .present import predict_question, question, topic, visible_topics

__all__ = ["Estimate", "answers", "check", "check_content", "check_predict", "check_topic", "predict_question",
           "present", "question", "scoring", "topic", "visible_topics"]


def _places(c: Content):
    for tp in c.quiz.topics:
        hidden = tp.hidden_until_page is not None and topics.by_url_path(tp.hidden_until_page) is None
        for q in tp.questions:
            yield f"topics[{tp.id}].questions[{q.id}]", q, hidden
    for page, q in c.quiz.predict.items():
        yield f"predict.{page}", q, False


def _check_question(where: str, q: QuizQuestion) -> str | None:
    """What is wrong with one question that the schema cannot see (None: nothing)."""
    if q.answer is not None:
        fn = answers.REGISTRY.get(q.answer)
        if fn is None:
            return f"answer: no answer function '{q.answer}' (explainers.quiz.answers)"
        if fn.kind != q.kind:
            return f"answer: '{q.answer}' answers a {fn.kind}, not a {q.kind}"
        problem = fn.accepts(q.params)
        if problem:
            return f"params: {problem}"
        try:
            found = answers.compute(q.answer, q.params)
        except (KeyError, ValueError, TypeError) as exc:
            return f"answer: '{q.answer}' cannot be computed ({exc})"
        if q.kind == "estimate" and not (isinstance(found, Estimate) and found.is_finite()):
            return f"answer: '{q.answer}' gives no positive finite figure ({found})"
        if q.kind == "choice" and found not in {o.id for o in q.options}:
            return f"answer: '{q.answer}' gives '{found}', which is not an option"
    target = topics.by_url_path(q.link.page)
    if target is None:
        return f"link.page: '{q.link.page}' is not a topic page"
    pkg = topics.package(target)
    params = {k: ",".join(v) if isinstance(v, list) else str(v) for k, v in q.link.params.items()}
    unknown = sorted(set(params) - set(pkg.CONTROLS.keys))
    _values, bad = topics.values_for(target.url_path, params, q.link.scene)
    if unknown or bad:
        return f"link.params: unusable on '{target.url_path}': {', '.join(unknown + bad)}"
    return None


def check_content(c: Content, *, topic: str | None = None, predict: str | None = None) -> None:
    """Raise ContentError (file, question, problem) for a question whose answer function, parameters or
    link cannot be used: every question, or only a topic's (`topic`) or a page's prediction (`predict`).
    A hidden topic whose page does not exist yet is checked for its answers only."""
    if c.quiz is None:
        return
    path = c.data_dir / "quiz.yaml"
    for where, q, hidden in _places(c):
        if topic is not None and not where.startswith(f"topics[{topic}]"):
            continue
        if predict is not None and where != f"predict.{predict}":
            continue
        problem = _check_question(where, q)
        if problem and not (hidden and problem.startswith("link.")):
            key, _sep, what = problem.partition(": ")
            raise ContentError(path, f"{where}.{key}", what)


@lru_cache(maxsize=1)
def check() -> None:
    """`check_content` of the app's own content, once per process."""
    check_content(content())


@lru_cache(maxsize=16)
def check_topic(topic_id: str) -> None:
    """One topic's questions (the quiz page checks the topic it shows: a broken one blocks no other)."""
    check_content(content(), topic=topic_id)


@lru_cache(maxsize=16)
def check_predict(page: str) -> None:
    """One page's "predict first" question (its box checks only that)."""
    check_content(content(), predict=page)


def log_distance(a: float, b: float) -> float:
    """|log10(a / b)|: how far apart two figures are on the quiz's scale."""
    return abs(math.log10(a / b))
