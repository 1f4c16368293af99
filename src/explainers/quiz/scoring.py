"""Scoring: an estimate by how many times it is off (on a log scale), a choice by right or wrong.

The bands follow the Fermi-estimation games (log10 distance, the same for too high and too low):
within 1.3× is spot on, 2× close, 3× in the ballpark, 10× the right order of magnitude. A guess
inside the range the sources span is spot on. No Streamlit, no words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .answers import Estimate

#: (at most this many times off, band, points), best first; beyond the last: "off", no points.
BANDS: tuple[tuple[float, str, float], ...] = (
    (1.3, "spot_on", 1.0),
    (2.0, "close", 0.75),
    (3.0, "ballpark", 0.5),
    (10.0, "order", 0.25),
)
OFF = "off"
FULL = 1.0
_EPS = 1e-6  # figures that differ by less are the same figure (a model nudges a boundary by 1e-9)


@dataclass(frozen=True)
class Grade:
    """How a guess did: the factor it is off by (≥ 1), the direction, the band and its points."""

    factor: float
    direction: str  # "low", "high", "in" (within the sources' range) or "exact" (the model's figure)
    band: str
    points: float

    @property
    def full(self) -> bool:
        return self.points >= FULL


def times_off(guess: float, answer: Estimate) -> tuple[float, str]:
    """How many times the guess is off the answer (1 inside its range), and in which direction."""
    if not (math.isfinite(guess) and guess > 0 and answer.is_finite()):
        return math.inf, "low"
    lo, hi = answer.low, answer.high
    if lo * (1 - _EPS) <= guess <= hi * (1 + _EPS):
        return 1.0, "in" if answer.is_range else "exact"
    if guess < lo:
        return lo / guess, "low"
    return guess / hi, "high"


def grade(guess: float, answer: Estimate) -> Grade:
    factor, direction = times_off(guess, answer)
    for limit, band, points in BANDS:
        if factor <= limit * (1 + _EPS):
            return Grade(factor, direction, band, points)
    return Grade(factor, direction, OFF, 0.0)


def grade_choice(picked: str | None, correct: str) -> Grade:
    ok = picked == correct
    return Grade(1.0 if ok else math.inf, "in" if ok else "low", "right" if ok else "wrong", FULL if ok else 0.0)


def skipped() -> Grade:
    """A question passed over ("show me"): no points, nothing to be off by."""
    return Grade(math.inf, "low", "skipped", 0.0)
