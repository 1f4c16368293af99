"""What the quiz says, as frozen views: a question, its reveal, the score (pure: no Streamlit).

The quiz page and the "predict first" boxes render these; every sentence comes from
data/quiz.yaml or data/i18n/quiz/, every number from the answer registry, formatted for the
language in one place (`UNITS`).

    from explainers import quiz
    q = quiz.question("photonics", "crossover")
    view = quiz.present.reveal(q, 0.02, "nl")          # a guess of 2 cm
    print(view.verdict, view.why)
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from explainers import topics
from explainers.content import (content, fmt_distance, fmt_num, fmt_percent, fmt_power, fmt_ratio, fmt_sci, fmt_times,
                                round_sig, t)
from explainers.content.schema import QuizQuestion, QuizTopic
from explainers.views import Readout

from . import answers
from .answers import Estimate
from .scoring import FULL, Grade, grade, grade_choice

SIG = 2  # an answer is said with two significant figures: a number a person can repeat

# --- writing a figure ---------------------------------------------------------------------------------


def _count(x: float, lang: str) -> str:
    if math.isfinite(x) and abs(x) >= 1e6:
        return fmt_sci(x, lang, SIG)
    if math.isfinite(x) and abs(x) >= 100 and float(x).is_integer():
        return fmt_num(x, lang, decimals=0)  # a count: 2,016 MZIs, not 2,000
    return fmt_num(round_sig(x, SIG) if math.isfinite(x) else x, lang, SIG)  # an estimate: about 350


def _r(x: float) -> float:
    return round_sig(x, SIG) if math.isfinite(x) else x


#: unit (of the answer registry) -> how a figure in it is written (two significant figures)
UNITS: dict[str, Callable[[float, str], str]] = {
    "distance": lambda x, lang: fmt_distance(_r(x), lang, SIG),
    "times": lambda x, lang: f"{fmt_ratio(x, lang) if x >= 100 else fmt_num(_r(x), lang, SIG)}×",
    "count": _count,
    "power": lambda x, lang: fmt_power(_r(x), lang, SIG),
    "hz": lambda x, lang: f"{fmt_num(_r(x), lang, SIG)} Hz",
    "na": lambda x, lang: f"{fmt_num(_r(x), lang, SIG)} nA",
    "percent": lambda x, lang: fmt_percent(_r(x), lang, SIG),
    "days": lambda x, lang: t("quiz.unit.days", lang, x=fmt_num(_r(x), lang, SIG)),
    "flop": lambda x, lang: t("quiz.unit.flop", lang, x=fmt_sci(x, lang, SIG)),
    "mwh": lambda x, lang: t("quiz.unit.mwh", lang, x=fmt_num(_r(x), lang, SIG)),
    "tokens_s": lambda x, lang: t("quiz.unit.tokens_s", lang, x=fmt_num(_r(x), lang, SIG)),
    "joules": lambda x, lang: t("quiz.unit.joules", lang, x=fmt_num(_r(x), lang, SIG)),
    "wh": lambda x, lang: t("quiz.unit.wh", lang, x=fmt_num(_r(x), lang, SIG)),
    "per_year": lambda x, lang: t("quiz.unit.per_year", lang, x=fmt_num(_r(x), lang, SIG)),
}


def unit_of(q: QuizQuestion) -> str:
    return answers.REGISTRY[q.answer].unit if q.answer in answers.REGISTRY else "count"


def fmt_value(unit: str, x: float, lang: str) -> str:
    return UNITS[unit](x, lang)


def fmt_estimate(unit: str, est: Estimate, lang: str) -> str:
    """'2,8 m', or '2,1 m tot 3,5 m' where the sources span a range (and the range rounds apart)."""
    if est.is_range:
        lo, hi = fmt_value(unit, est.low, lang), fmt_value(unit, est.high, lang)
        if lo != hi:
            return t("quiz.range", lang, lo=lo, hi=hi)
    return fmt_value(unit, est.value, lang)


# --- the slider ---------------------------------------------------------------------------------------

MANTISSAS: tuple[float, ...] = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8)


def slider_options(lo: float, hi: float) -> tuple[float, ...]:
    """Positions of a log-scale slider from lo to hi: 1-1.2-1.5-2-2.5-3-4-5-6-8 in every decade."""
    e0, e1 = math.floor(math.log10(lo) + 1e-9), math.ceil(math.log10(hi) - 1e-9)
    steps = [float(f"{m * 10.0 ** e:.6g}") for e in range(e0, e1 + 1) for m in MANTISSAS]
    return tuple(x for x in steps if lo * (1 - 1e-9) <= x <= hi * (1 + 1e-9))


def slider_range(q: QuizQuestion, est: Estimate | None) -> tuple[float, float]:
    """The question's slider range, widened (by whole decades) if the models moved the answer outside it."""
    lo, hi = q.range
    if est is not None and est.is_finite():
        while est.low < lo:
            lo /= 10
        while est.high > hi:
            hi *= 10
    return lo, hi


def nearest(options: Sequence[float], x: float) -> float:
    return min(options, key=lambda o: abs(math.log(o / x)))


def start_position(options: Sequence[float]) -> float:
    """Where the slider starts: the middle of its range on the log scale (not a hint)."""
    return nearest(options, math.sqrt(options[0] * options[-1]))


@dataclass(frozen=True)
class Slider:
    options: tuple[float, ...]
    labels: Mapping[float, str]
    start: float
    ends: str  # "from 1 mm to 100 m": what the slider spans


def slider(q: QuizQuestion, lang: str) -> Slider:
    est = answer_of(q)
    options = slider_options(*slider_range(q, est if isinstance(est, Estimate) else None))
    unit = unit_of(q)
    labels = {x: fmt_value(unit, x, lang) for x in options}
    return Slider(options, labels, start_position(options),
                  t("quiz.slider_ends", lang, lo=labels[options[0]], hi=labels[options[-1]]))


# --- questions --------------------------------------------------------------------------------------------


def quiz_file():
    return content().quiz


def visible_topics() -> tuple[QuizTopic, ...]:
    """The quiz's topics a visitor can pick: a hidden one appears once its page exists."""
    qf = quiz_file()
    if qf is None:
        return ()
    return tuple(tp for tp in qf.topics
                 if tp.hidden_until_page is None or topics.by_url_path(tp.hidden_until_page) is not None)


def topic(topic_id: str) -> QuizTopic:
    return next(tp for tp in quiz_file().topics if tp.id == topic_id)


def question(topic_id: str, question_id: str) -> QuizQuestion:
    return next(q for q in topic(topic_id).questions if q.id == question_id)


def predict_question(page: str) -> QuizQuestion | None:
    """The "predict first" question of a page (url path), if data/quiz.yaml has one."""
    qf = quiz_file()
    return None if qf is None else qf.predict.get(page)


def answer_of(q: QuizQuestion) -> Estimate | str:
    """The question's answer, from the models (a choice without `answer` has its `correct` option)."""
    if q.answer is None:
        return q.correct
    return answers.compute(q.answer, q.params)


def correct_option(q: QuizQuestion) -> str:
    found = answer_of(q)
    return found if isinstance(found, str) else ""


@dataclass(frozen=True)
class Link:
    """Where a question's answer is shown: a page (url path, its file), its URL values, the label."""

    page: str
    file: str
    query: Mapping[str, str]
    label: str


def link(q: QuizQuestion, lang: str) -> Link:
    target = topics.by_url_path(q.link.page)
    query = {"lang": lang}
    label = t(target.title_key, lang) if target else q.link.page
    if q.link.scene:
        query["scene"] = q.link.scene
        scene = next((s for s in content().scenes.get(q.link.page, ()) if s.id == q.link.scene), None)
        if scene is not None:
            label = t("quiz.link_scene", lang, page=label, scene=scene.title(lang))
    for key, v in q.link.params.items():
        query[key] = ",".join(v) if isinstance(v, list) else str(v)
    return Link(q.link.page, target.file if target else "", query, label)


@dataclass(frozen=True)
class QuestionView:
    id: str
    kind: str
    heading: str  # "Question 3 of 8"
    text: str
    slider: Slider | None
    options: Mapping[str, str]  # option id -> its text (a choice)
    link: Link


def question_view(q: QuizQuestion, lang: str, number: int = 1, total: int = 1) -> QuestionView:
    return QuestionView(
        id=q.id, kind=q.kind, heading=t("quiz.question_of", lang, n=number, total=total), text=q.question(lang),
        slider=slider(q, lang) if q.kind == "estimate" else None,
        options={o.id: o.text(lang) for o in q.options}, link=link(q, lang),
    )


# --- the reveal -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OptionFeedback:
    text: str
    why: str
    correct: bool
    picked: bool


@dataclass(frozen=True)
class NumberLine:
    """The guess and the model's answer on one log-scale line (positions 0..1 along it)."""

    ticks: tuple[tuple[float, str], ...]  # (position, label)
    guess: float | None
    guess_label: str
    answer_lo: float
    answer_hi: float
    answer_label: str
    summary: str  # what the line shows, in words (its text alternative)


@dataclass(frozen=True)
class Reveal:
    grade: Grade
    verdict: str  # "You were 3× too low. In the ballpark (within 3×)."
    guess: Readout | None
    answer: Readout
    why: str
    line: NumberLine | None
    options: tuple[OptionFeedback, ...]  # a choice: every option explained
    link: Link


def _why(text: str, answer: str) -> str:
    return text.replace("{answer}", answer)


def verdict(g: Grade, lang: str) -> str:
    if g.band == "skipped":
        return t("quiz.verdict.skipped", lang)
    if g.band in ("right", "wrong"):
        return t(f"quiz.verdict.{g.band}", lang)
    if g.direction == "exact":
        return t("quiz.verdict.near", lang)
    if g.direction == "in":
        return f"{t('quiz.verdict.in_range', lang)} {t('quiz.band.spot_on', lang)}"
    if g.band == "spot_on":
        return t("quiz.verdict.spot_on", lang)
    x = fmt_times(g.factor, lang) if math.isfinite(g.factor) else "–"
    head = t(f"quiz.verdict.{g.direction}", lang, x=x)
    return f"{head} {t(f'quiz.band.{g.band}', lang)}"


def _position(x: float, lo: float, hi: float) -> float:
    return min(1.0, max(0.0, (math.log10(x) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))))


def number_line(q: QuizQuestion, est: Estimate, guess: float | None, lang: str, summary: str) -> NumberLine:
    lo, hi = slider_range(q, est)
    if guess is not None:
        lo, hi = min(lo, guess), max(hi, guess)
    unit = unit_of(q)
    decades = list(range(math.ceil(math.log10(lo) - 1e-9), math.floor(math.log10(hi) + 1e-9) + 1))
    every = max(1, math.ceil(len(decades) / 6))  # at most about six labels, the last decade always one
    ticks = tuple((_position(10.0 ** e, lo, hi), fmt_value(unit, 10.0 ** e, lang) if (len(decades) - 1 - i) % every == 0
                   else "") for i, e in enumerate(decades))
    return NumberLine(
        ticks=ticks, guess=None if guess is None else _position(guess, lo, hi),
        guess_label=t("quiz.you", lang), answer_lo=_position(est.low, lo, hi), answer_hi=_position(est.high, lo, hi),
        answer_label=t("quiz.model", lang), summary=summary,
    )


def grade_of(q: QuizQuestion, guess: float | str | None, *, skipped: bool = False) -> Grade:
    """The grade of an answer (no words): by how many times off for an estimate, right or wrong for a choice."""
    if skipped or guess is None:
        return _skipped()
    found = answer_of(q)
    if q.kind == "estimate":
        return grade(float(guess), found)
    return grade_choice(str(guess), str(found))


def reveal(q: QuizQuestion, guess: float | str | None, lang: str, *, skipped: bool = False) -> Reveal:
    """What the quiz says once a question is answered (or skipped: `guess` None)."""
    found = answer_of(q)
    the_link = link(q, lang)
    if q.kind == "estimate":
        assert isinstance(found, Estimate)
        unit = unit_of(q)
        said = fmt_estimate(unit, found, lang)
        g = grade(float(guess), found) if (guess is not None and not skipped) else _skipped()
        text = verdict(g, lang)
        guess_r = None if g.band == "skipped" else Readout(t("quiz.your_guess", lang), fmt_value(unit, float(guess), lang))
        answer_r = Readout(t("quiz.model_answer", lang), said,
                           caption=t("quiz.range_note", lang) if found.is_range else None)
        summary = (t("quiz.line_summary", lang, guess=guess_r.value, answer=said) if guess_r
                   else t("quiz.line_summary_skipped", lang, answer=said))
        line = number_line(q, found, None if guess_r is None else float(guess), lang, summary)
        return Reveal(g, text, guess_r, answer_r, _why(q.why(lang), said), line, (), the_link)
    correct = str(found)
    g = grade_of(q, guess, skipped=skipped)
    opts = tuple(OptionFeedback(o.text(lang), o.why(lang), o.id == correct, o.id == guess and not skipped)
                 for o in q.options)
    right = next(o.text(lang) for o in q.options if o.id == correct)
    answer_r = Readout(t("quiz.right_answer", lang), right)
    guess_r = None
    if isinstance(guess, str) and not skipped:
        guess_r = Readout(t("quiz.your_answer", lang), next(o.text(lang) for o in q.options if o.id == guess))
    why = next(o.why(lang) for o in q.options if o.id == correct)
    said = verdict(g, lang) if g.full else f"{verdict(g, lang)} {t('quiz.right_is', lang, answer=right)}"
    return Reveal(g, said, guess_r, answer_r, why, None, opts, the_link)


def _skipped() -> Grade:
    from .scoring import skipped

    return skipped()


# --- the score -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Missed:
    number: str  # "Question 3"
    question: str
    verdict: str
    link: Link


@dataclass(frozen=True)
class Score:
    points: float
    total: int
    answered: int
    score: Readout  # "6,5 of 8"
    message: str  # how that went, in a sentence
    missed: tuple[Missed, ...]  # questions without full marks, worst first, each with where to look


def score(tp: QuizTopic, grades: Mapping[str, Grade], lang: str) -> Score:
    """The score of a topic's answered questions, and the scenes to revisit for those not fully right."""
    total = len(tp.questions)
    points = sum(g.points for g in grades.values())
    share = points / total if total else 0.0
    level = "full" if points >= total else "good" if share >= 0.75 else "fair" if share >= 0.5 else "low"
    missed = sorted(((grades[q.id].points, i, q) for i, q in enumerate(tp.questions)
                     if q.id in grades and grades[q.id].points < FULL), key=lambda x: (x[0], x[1]))
    return Score(
        points=points, total=total, answered=len(grades),
        score=Readout(t("quiz.score_label", lang),
                      t("quiz.score_value", lang, points=fmt_num(points, lang, 3), total=total)),
        message=t(f"quiz.score_message.{level}", lang),
        missed=tuple(Missed(t("quiz.question_n", lang, n=i + 1), q.question(lang), verdict(grades[q.id], lang), link(q, lang))
                     for _p, i, q in missed),
    )


# --- the number line, drawn -------------------------------------------------------------------------------

GUESS_COLOUR = "#AA4A8B"  # the guess: Okabe-Ito reddish purple, darkened for contrast (no topic meaning)
ANSWER_COLOUR = "#1F2937"  # the model's answer: near black


def _anchor(p: float) -> str:
    """A label's position: centred on its point, but kept inside the line at either end."""
    shift = "0" if p < 0.06 else "-100%" if p > 0.94 else "-50%"
    return f"left:{100 * p:.2f}%;transform:translateX({shift})"


def number_line_html(line: NumberLine) -> str:
    """The line as a small HTML figure (role img, its summary as the text alternative)."""
    ticks = "".join(
        f'<span class="ql-tick" style="left:{100 * p:.2f}%"></span>'
        + (f'<span class="ql-tlabel" style="{_anchor(p)}">{html.escape(label)}</span>' if label else "")
        for p, label in line.ticks)
    lo, hi = line.answer_lo, line.answer_hi
    width = max(hi - lo, 0.0)
    if width > 0.004:
        answer = (f'<span class="ql-band" style="left:{100 * lo:.2f}%;width:{100 * width:.2f}%"></span>')
    else:
        answer = f'<span class="ql-dot" style="left:{100 * lo:.2f}%"></span>'
    mid = (lo + hi) / 2
    answer += f'<span class="ql-alabel" style="{_anchor(mid)}">{html.escape(line.answer_label)} ▲</span>'
    guess = ""
    if line.guess is not None:
        guess = (f'<span class="ql-guess" style="left:{100 * line.guess:.2f}%"></span>'
                 f'<span class="ql-glabel" style="{_anchor(line.guess)}">▼ {html.escape(line.guess_label)}</span>')
    return f"""
<style>
  .ql {{ position: relative; height: 5.2rem; margin: 0.4rem 0.9rem 0.2rem 0.9rem; font-size: 0.8rem; }}
  .ql-track {{ position: absolute; left: 0; right: 0; top: 2.3rem; height: 2px; background: #8A9099; }}
  .ql-tick {{ position: absolute; top: 2.05rem; width: 1px; height: 0.55rem; background: #5A6169; }}
  .ql-tlabel {{ position: absolute; top: 2.9rem; color: #4A5059; white-space: nowrap; }}
  .ql-band {{ position: absolute; top: 2.05rem; height: 0.55rem; background: {ANSWER_COLOUR}; border-radius: 2px;
              min-width: 6px; transform: translateX(-3px); }}
  .ql-dot {{ position: absolute; top: 1.95rem; width: 0.75rem; height: 0.75rem; background: {ANSWER_COLOUR};
             transform: translateX(-50%) rotate(45deg); }}
  .ql-alabel {{ position: absolute; top: 4.05rem; color: {ANSWER_COLOUR};
                font-weight: 600; white-space: nowrap; }}
  .ql-guess {{ position: absolute; top: 1.85rem; width: 0.95rem; height: 0.95rem; border: 3px solid {GUESS_COLOUR};
               border-radius: 50%; background: #FFFFFF; transform: translateX(-50%); box-sizing: border-box; }}
  .ql-glabel {{ position: absolute; top: 0.35rem; color: {GUESS_COLOUR};
                font-weight: 600; white-space: nowrap; }}
</style>
<div class="ql" role="img" aria-label="{html.escape(line.summary, quote=True)}">
  <span class="ql-track"></span>{ticks}{answer}{guess}
</div>"""
