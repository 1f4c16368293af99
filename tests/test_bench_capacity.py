"""The bench's capacity search against servers whose limit is known: it finds the limit to its resolution."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.serving import search_capacity


def server_holding(limit: int, per_viewer: float = 0.97):
    """A server that holds any audience up to `limit` viewers; each viewer makes `per_viewer` changes/s."""
    asked: list[int] = []

    def measure(n: int) -> dict:
        asked.append(n)
        return {"viewers": n, "ok": n <= limit, "changes_per_s": round(n * per_viewer, 1)}

    return measure, asked


def test_a_ramp_alone_would_stop_a_whole_step_short():
    # 30, 38, 48, 60: a server that holds 59 viewers is held at 48 by the steps, 19 % short.
    measure, asked = server_holding(59)
    levels, best = search_capacity(measure, 30, 1.25, 400)
    assert [lv["viewers"] for lv in levels if lv["step"] == "ramp"] == [30, 38, 48, 60]
    assert best["viewers"] >= 59 * (1 - 0.06)
    assert all(lv["step"] == "bisect" for lv in levels[4:]) and len(levels) <= 4 + 3


@settings(max_examples=200, deadline=None)
@given(limit=st.integers(min_value=30, max_value=399), start=st.integers(min_value=10, max_value=60),
       growth=st.sampled_from([1.2, 1.25]))
def test_the_limit_is_found_to_six_percent_in_at_most_three_probes(limit, start, growth):
    measure, asked = server_holding(limit)
    levels, best = search_capacity(measure, start, growth, 1000)
    if start > limit:  # the first level already fails: nothing held
        assert best is None and asked == [start]
        return
    assert best["viewers"] <= limit  # never reports a level that failed
    assert best["viewers"] >= limit - max(1, math.ceil(0.06 * best["viewers"]))
    assert sum(lv["step"] == "bisect" for lv in levels) <= 3
    assert best["changes_per_s"] == max(lv["changes_per_s"] for lv in levels if lv["ok"])


def test_best_is_the_most_changes_served_not_the_most_viewers():
    # A server that slows down past 50 viewers still passes p95 at 55, but serves fewer changes.
    def measure(n: int) -> dict:
        return {"viewers": n, "ok": n <= 60, "changes_per_s": n if n <= 50 else 100 - n}

    levels, best = search_capacity(measure, 40, 1.25, 400)
    assert best["viewers"] == 50 and best["changes_per_s"] == 50


@pytest.mark.parametrize("limit", [29, 400])
def test_no_bracket_no_bisection(limit):
    # Failing at once, or holding every level up to the ramp's end: there is nothing to narrow.
    measure, asked = server_holding(limit)
    levels, _ = search_capacity(measure, 30, 1.25, 400)
    assert all(lv["step"] == "ramp" for lv in levels)
    assert asked[-1] <= 400
