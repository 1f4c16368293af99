"""The one figure cache: a chart is built once per distinct input and kept as a frozen spec.

Plotly validates every property as a figure is built (about 1 ms per trace), which dominated the
server time of a rerun; a cached frozen spec is thawed without validating it again. The cache is
keyed on a pickle digest of the builder and its inputs (arrays by their bytes, dtype and shape):
Streamlit's own argument hashing walks them in Python and cost about 1 ms per chart. A marker that
follows a slider (`views.VLine`) is laid over the cached spec, so the chart is not rebuilt for it.
"""

from __future__ import annotations

import hashlib
import pickle

import plotly.graph_objects as go
import streamlit as st

from explainers.charts.theme import freeze, thaw, with_vline
from explainers.views import Figure


@st.cache_resource(max_entries=512, show_spinner=False)
def _frozen_figure(key: str, _builder, _args: tuple, _kwargs: dict) -> dict:
    return freeze(_builder(*_args, **_kwargs))


def figure_key(builder, args: tuple, kwargs: dict) -> str:
    """A digest of the builder and everything it is given."""
    name = f"{builder.__module__}.{builder.__qualname__}"
    return hashlib.blake2b(pickle.dumps((name, args, kwargs), protocol=5), digest_size=20).hexdigest()


def frozen_spec(builder, *args, **kwargs) -> dict:
    """`builder(*args, **kwargs)` as a frozen spec, built once per distinct input."""
    return _frozen_figure(figure_key(builder, args, kwargs), builder, args, kwargs)


def cached_figure(builder, *args, **kwargs) -> go.Figure:
    """`builder(*args, **kwargs)`, built once per distinct input and then reused."""
    return thaw(frozen_spec(builder, *args, **kwargs))


def figure_of(view: Figure) -> go.Figure:
    """The Plotly figure a view's recipe stands for, from the cache, with its marker laid over it."""
    spec = frozen_spec(view.builder, *view.args, **dict(view.kwargs))
    if view.vline is not None:
        spec = with_vline(spec, view.vline.x, view.vline.label, log_x=view.vline.log_x)
    return thaw(spec)
