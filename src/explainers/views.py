"""Views: what one section of a page says, as frozen data, built by pure functions (no Streamlit).

A topic's `present.py` turns control values into these; the page (`ui.show`), and anything else
that must say exactly what the page says, renders them. A view holds finished, translated,
locale-formatted text, and its charts as a recipe (builder + arguments), never a live figure.

    from explainers.topics.photonics import present
    view = present.links("nl", d_m=2.0, rate=200.0, links=("board", "dac", "cpo"), fibre="g652", tbps=1.6)
    print(view.summary)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any


@dataclass(frozen=True)
class Heading:
    """A section's heading and the paragraph under it (shown before its controls)."""

    title: str
    intro: str


@dataclass(frozen=True)
class Readout:
    """A big number: its label, its formatted value, an optional tooltip and a line under it."""

    label: str
    value: str
    help: str | None = None
    caption: str | None = None
    claim: str | None = None  # the id of the headline it states (topics.headlines), if it is one


@dataclass(frozen=True)
class VLine:
    """A labelled vertical line laid over a cached chart (the marker that follows a slider)."""

    x: float
    label: str
    log_x: bool = False


@dataclass(frozen=True)
class Figure:
    """A chart as a recipe: `builder(*args, **kwargs)` makes the Plotly figure (charts/, no Streamlit).

    `summary` is the one sentence under the chart (and what a screen reader gets); `key` is the
    element key on the page; `vline` is laid over the built figure, so the figure itself can be
    cached for every position of the marker.
    """

    builder: Callable[..., Any]
    args: tuple = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    summary: str = ""
    key: str | None = None
    vline: VLine | None = None

    def build(self):
        """The Plotly figure, uncached (for a notebook or a test; the page goes through ui.figures)."""
        from explainers.charts.theme import freeze, thaw, with_vline

        fig = self.builder(*self.args, **dict(self.kwargs))
        if self.vline is None:
            return fig
        v = self.vline
        return thaw(with_vline(freeze(fig), v.x, v.label, log_x=v.log_x))


@dataclass(frozen=True)
class Note:
    """A line of text with a role: `caption` (small), `markdown`, `info` or `warning` (boxed)."""

    text: str
    kind: str = "caption"
    icon: str | None = None


@dataclass(frozen=True)
class OneMinute:
    """The delegate's box: three takeaways and one headline number with its source."""

    takeaways: tuple[str, ...]
    headline_label: str
    headline_value: str
    headline_ref: str
    headline_help: str | None = None
    claim: str | None = None  # the id of the headline it states (topics.headlines)


@dataclass(frozen=True)
class ModelView:
    """How the model works: equations (LaTeX), explanation (Markdown), assumptions, what is left out."""

    equations: tuple[str, ...]
    explanation: str
    assumptions: tuple[str, ...]
    left_out: tuple[str, ...]


# --- walking a view (tests, briefings, presenter notes) ------------------------------------------


def _children(view: Any) -> Iterator[Any]:
    if is_dataclass(view) and not isinstance(view, type):
        for f in fields(view):
            if isinstance(view, Figure) and f.name in ("builder", "args", "kwargs"):
                continue
            yield getattr(view, f.name)
    elif isinstance(view, (tuple, list)):
        yield from view
    elif isinstance(view, Mapping):
        yield from view.values()


def walk(view: Any) -> Iterator[Any]:
    """Every value in a view, depth first (dataclasses, tuples, mappings), the view itself first."""
    yield view
    for child in _children(view):
        yield from walk(child)


def texts(view: Any) -> list[str]:
    """Every string a person reads in the view (a chart's recipe arguments excepted)."""
    return [v for v in walk(view) if isinstance(v, str)]


def readouts(view: Any) -> list[Readout]:
    return [v for v in walk(view) if isinstance(v, Readout)]


def figures(view: Any) -> list[Figure]:
    return [v for v in walk(view) if isinstance(v, Figure)]


def numbers(view: Any) -> list[float]:
    """Every float carried in the view outside chart recipes (marker positions and the like)."""
    return [float(v) for v in walk(view) if isinstance(v, float)]


def is_finite_view(view: Any) -> bool:
    return all(math.isfinite(x) for x in numbers(view))
