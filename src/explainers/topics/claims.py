"""Headlines are claims: every number or verdict a page states in big type, and what it rests on.

A delegate repeats what the page says in big type, so each headline is registered here with the
inputs it depends on. The robustness harness (`tests/topics/test_headlines.py`) moves each input
across its sources' range (`low`/`high` of its reference row) and swaps in each alternative source,
recomputes the headline through the same view the page shows, and checks:

- if the verdict never flips and the figure stays within 2× of the default, the plain sentence
  stands;
- otherwise the view must state a range (`stated`) that covers every recomputed figure, so the
  sentence says so.

Each topic lists its headlines in `topics/<topic>/headlines.py` as `HEADLINES`; a readout or a
one-minute box that states one carries its id (`claim=`), and the harness fails for a claim that
is not registered, so a new headline cannot skip it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from explainers.content import ref
from explainers.content.references import overridden


@dataclass(frozen=True)
class Headline:
    id: str  # "<topic>.<name>", the `claim` of the readout or box that states it
    topic: str  # package name
    section: str  # the present function whose view states it
    figure: Callable[[Any], float]  # the number the headline states, as the view computed it
    inputs: tuple[str, ...] = ()  # reference ids moved across their low/high
    alternatives: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # id -> ids standing in for it
    verdict: Callable[[Any], str] | None = None  # a categorical claim ("optical"), if it makes one
    stated: Callable[[Any], tuple[float, float]] | None = None  # the range the view states, if it gives one
    params: Mapping[str, str] = field(default_factory=dict)  # URL values of the state it is stated for
    scene: str | None = None
    tolerance: float = 2.0  # how far the figure may move before the sentence must give a range


@dataclass(frozen=True)
class Outcome:
    label: str  # "nv_cpo_w=low" or "serdes112->nv_serdes"
    figure: float
    verdict: str | None


def perturbations(h: Headline) -> Iterator[tuple[str, dict[str, float]]]:
    """(label, {reference id: value}) for each input at its low and high, and each alternative."""
    from explainers.content import value

    for rid in h.inputs:
        row = ref(rid)
        for name, x in (("low", row.low), ("high", row.high)):
            if x is not None and x != row.value:
                yield f"{rid}={name}", {rid: x}
    for rid, alts in h.alternatives.items():
        for alt in alts:
            yield f"{rid}->{alt}", {rid: value(alt)}


def evaluate(h: Headline, view_fn: Callable[[], Any]) -> tuple[Outcome, list[Outcome]]:
    """The headline at its stated inputs, and under each perturbation."""
    base_view = view_fn()
    base = Outcome("default", h.figure(base_view), h.verdict(base_view) if h.verdict else None)
    moved = []
    for label, values in perturbations(h):
        with overridden(values):
            v = view_fn()
            moved.append(Outcome(label, h.figure(v), h.verdict(v) if h.verdict else None))
    return base, moved


def problems(h: Headline, base_view: Any, base: Outcome, moved: list[Outcome]) -> list[str]:
    """What is wrong with how the headline is stated, given how it moves (empty: it holds)."""
    out = []
    flips = [m for m in moved if m.verdict != base.verdict]
    far = [m for m in moved if not _within(m.figure, base.figure, h.tolerance)]
    if h.stated is None:
        if flips:
            out.append(f"verdict flips ({', '.join(f'{m.label}: {m.verdict}' for m in flips)}) but no range is stated")
        if far:
            out.append(f"figure moves past {h.tolerance}× ({', '.join(f'{m.label}: {m.figure:.3g}' for m in far)}; "
                       f"default {base.figure:.3g}) but no range is stated")
        return out
    lo, hi = h.stated(base_view)
    for m in [base, *moved]:
        if not (math.isfinite(m.figure) and lo * (1 - 1e-6) <= m.figure <= hi * (1 + 1e-6)):
            out.append(f"stated range {lo:.3g}–{hi:.3g} misses {m.label}: {m.figure:.3g}")
    return out


def _within(x: float, x0: float, factor: float) -> bool:
    if not (math.isfinite(x) and math.isfinite(x0)):
        return math.isfinite(x) == math.isfinite(x0)
    if x0 == 0 or x == 0:
        return x == x0
    r = x / x0
    return 1 / factor <= r <= factor


def headlines() -> tuple[Headline, ...]:
    """Every registered headline of every topic."""
    import importlib

    from explainers import topics

    out: list[Headline] = []
    for tp in topics.TOPICS:
        try:
            mod = importlib.import_module(f"explainers.topics.{tp.package}.headlines")
        except ModuleNotFoundError:
            continue
        out += list(mod.HEADLINES)
    return tuple(out)
