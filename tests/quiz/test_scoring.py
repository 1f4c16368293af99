"""Scoring by how many times off (log scale, the same for too high and too low), and the score."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explainers.content import t
from explainers.quiz import present
from explainers.quiz.answers import Estimate
from explainers.quiz.scoring import BANDS, grade, grade_choice, skipped, times_off

ONE = Estimate(100.0)
RANGE = Estimate(2.8, 2.1, 3.5)


@pytest.mark.parametrize(("guess", "band", "points"), [
    (100, "spot_on", 1.0), (129, "spot_on", 1.0), (100 / 1.3, "spot_on", 1.0),
    (131, "close", 0.75), (200, "close", 0.75), (50, "close", 0.75),
    (201, "ballpark", 0.5), (300, "ballpark", 0.5), (100 / 3, "ballpark", 0.5),
    (301, "order", 0.25), (1000, "order", 0.25), (10, "order", 0.25),
    (1001, "off", 0.0), (9.9, "off", 0.0),
])
def test_bands_at_their_edges(guess, band, points):
    g = grade(guess, ONE)
    assert (g.band, g.points) == (band, points)


@given(st.floats(min_value=1e-6, max_value=1e6))
def test_too_high_and_too_low_score_alike(factor):
    assert grade(100 * factor, ONE).points == grade(100 / factor, ONE).points
    assert times_off(100 * factor, ONE)[0] == pytest.approx(times_off(100 / factor, ONE)[0])


@given(st.floats(min_value=1e-3, max_value=1e3), st.floats(min_value=1e-3, max_value=1e3))
def test_further_off_never_scores_more(a, b):
    near, far = sorted((a, b), key=lambda x: abs(math.log(x / 1.0)))
    assert grade(near, Estimate(1.0)).points >= grade(far, Estimate(1.0)).points


def test_inside_the_sources_range_is_spot_on_and_outside_counts_from_its_end():
    for guess in (2.1, 2.5, 3.5):
        g = grade(guess, RANGE)
        assert g.full and g.direction == "in"
    assert times_off(1.05, RANGE) == (pytest.approx(2.0), "low")
    assert times_off(7.0, RANGE) == (pytest.approx(2.0), "high")


def test_unusable_guesses_score_nothing():
    for guess in (0.0, -1.0, math.nan, math.inf):
        assert grade(guess, ONE).points == 0.0


def test_choices_and_skips():
    assert grade_choice("a", "a").full and grade_choice("b", "a").points == 0
    assert grade_choice(None, "a").points == 0 and skipped().points == 0


def test_bands_are_increasing():
    limits = [b[0] for b in BANDS]
    assert limits == sorted(limits) and [b[2] for b in BANDS] == sorted((b[2] for b in BANDS), reverse=True)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_verdicts_say_how_far_and_which_way(lang):
    low = present.verdict(grade(30, ONE), lang)
    assert "3,3×" in low if lang == "nl" else "3.3×" in low
    assert t("quiz.band.ballpark", lang) not in low and t("quiz.band.order", lang) in low
    assert present.verdict(grade(100, ONE), lang).startswith(t("quiz.verdict.near", lang))
    assert present.verdict(grade(110, ONE), lang) == t("quiz.verdict.spot_on", lang)
    assert present.verdict(grade(2.5, RANGE), lang).startswith(t("quiz.verdict.in_range", lang))


def test_the_score_counts_points_and_lists_what_was_missed_worst_first():
    tp = present.topic("photonics")
    grades = {q.id: present.grade_of(q, present.answer_of(q).value if q.kind == "estimate" else present.correct_option(q))
              for q in tp.questions}
    full = present.score(tp, grades, "en")
    assert full.points == len(tp.questions) and not full.missed
    assert full.score.value == t("quiz.score_value", "en", points=len(tp.questions), total=len(tp.questions))
    first, second = tp.questions[0], tp.questions[1]
    grades[first.id] = present.grade_of(first, None, skipped=True)
    grades[second.id] = present.grade_of(second, present.answer_of(second).high * 2.5)
    some = present.score(tp, grades, "nl")
    assert some.points == pytest.approx(len(tp.questions) - 1.5)
    assert [m.question for m in some.missed] == [first.question("nl"), second.question("nl")]
    assert some.missed[0].number == t("quiz.question_n", "nl", n=1)
    assert "," in some.score.value  # '7,5 van 9'
