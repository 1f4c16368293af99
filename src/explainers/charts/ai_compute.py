"""Plotly figures for the AI compute page: model results and translated labels in, go.Figure out.

Colours keep their house meaning (charts.theme.PALETTE) and every series also differs by dash or
marker. Hover texts are passed in already translated and formatted for the language.

Speed: `style()` validates the whole house template, which costs several milliseconds per call. The
styled layout (template, separators, titles, axis types) depends only on the language and the labels,
so it is built once with `style()` and cached as a plain dict; each figure is then one `go.Figure`
call with its traces and that layout, plus the few layout values that change with the state.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

import numpy as np
import plotly.graph_objects as go

from .theme import DASH, PALETTE, SYMBOL, style

#: Series colours on this page, keeping the house meanings: von Neumann hardware "conventional"
#: orange, the memory wall (what in-memory/neuromorphic computing attacks) green, links between
#: chips (what photonics attacks) blue; demand (training compute) purple, the user's choice ink.
C_COMPUTE = PALETTE["purple"]
C_MEMORY = PALETTE["neuromorphic"]
C_FLOPS = PALETTE["conventional"]
C_LINKS = PALETTE["optical"]
C_INK = PALETTE["ink"]
C_MUTED = PALETTE["muted"]
C_GRID = PALETTE["grid"]

_STAR = dict(color=C_INK, size=15, symbol="star", line=dict(color="white", width=1))


def _tpl(text: str) -> str:
    """A Plotly hover template without the secondary trace-name box."""
    return text + "<extra></extra>"


@lru_cache(maxsize=256)
def _layout(lang: str, title: str, x_title: str, y_title: str, height: int, *, x_log: bool = False,
            y_log: bool = False, legend_below: bool = True) -> dict:
    """The house layout for these labels, built once with style() and kept as a plain dict."""
    fig = style(go.Figure(), lang, title=title, x_title=x_title, y_title=y_title, height=height)
    if legend_below:  # under the plot, so it never collides with the title
        fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.2, xanchor="left", x=0),
                          margin=dict(b=110))
    log = dict(type="log", dtick=1, exponentformat="power", showexponent="all")  # one tick per decade
    if x_log:
        fig.update_xaxes(**log)
    if y_log:
        fig.update_yaxes(**log)
    return fig.layout.to_plotly_json()


def _with(layout: dict, **changes) -> dict:
    """A shallow copy of a cached layout with some values replaced or merged (axes are merged)."""
    out = dict(layout)
    for key, val in changes.items():
        if isinstance(val, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **val}
        else:
            out[key] = val
    return out


def _vline(x: float) -> dict:
    """A dotted vertical line across the plot (cheaper than Figure.add_vline)."""
    return dict(type="line", xref="x", yref="paper", x0=x, x1=x, y0=0, y1=1,
                line=dict(color=C_MUTED, width=1, dash="dot"))


def energy_by_accelerator(names: Sequence[str], mwh: np.ndarray, selected: int, hover: Sequence[str],
                          lang: str, *, title: str, x_title: str, y_title: str, selected_label: str) -> go.Figure:
    """Horizontal bars: facility energy of the same training run on each accelerator (selected one hatched)."""
    mwh = np.asarray(mwh, dtype=float)
    sel = [i == selected for i in range(len(names))]
    bar = go.Bar(
        x=mwh, y=list(names), orientation="h", showlegend=False, hovertext=list(hover), hoverinfo="text",
        marker=dict(color=[C_FLOPS if s else C_GRID for s in sel],
                    line=dict(color=[C_INK if s else C_MUTED for s in sel], width=[2 if s else 1 for s in sel]),
                    pattern=dict(shape=["/" if s else "" for s in sel], fgcolor=C_INK, size=6)),
    )
    layout = _with(
        _layout(lang, title, x_title, y_title, 300, legend_below=False),
        xaxis=dict(rangemode="tozero", range=[0, float(mwh.max()) * 1.35], tickformat=",~g"),
        yaxis=dict(autorange="reversed", showgrid=False),
        annotations=[dict(x=float(mwh[selected]), y=names[selected], text=selected_label, showarrow=False,
                          xanchor="left", xshift=8, font=dict(color=C_INK))],
    )
    return go.Figure(data=[bar], layout=layout)


def scaling_law(compute: np.ndarray, compute_text: Sequence[str], loss_opt: np.ndarray, loss_rule: np.ndarray,
                user: tuple[float, float], known: Mapping[str, tuple[float, float]], lang: str, *, title: str,
                x_title: str, y_title: str, names: Mapping[str, str], hover: Mapping[str, str],
                label_positions: Sequence[str]) -> go.Figure:
    """Loss vs training compute: compute-optimal frontier, the tokens-per-parameter rule, known models, the user.

    `compute_text` is the compute grid already formatted for the language (used in the hover)."""
    custom = np.asarray(compute_text)
    kx = np.array([v[0] for v in known.values()])
    ky = np.array([v[1] for v in known.values()])
    data = [
        go.Scatter(x=compute, y=loss_opt, mode="lines", name=names["opt"], customdata=custom,
                   line=dict(color=C_COMPUTE, width=3, dash="solid"), hovertemplate=_tpl(hover["opt"])),
        go.Scatter(x=compute, y=loss_rule, mode="lines", name=names["rule"], customdata=custom,
                   line=dict(color=C_FLOPS, width=2, dash=DASH["electrical"]), hovertemplate=_tpl(hover["rule"])),
        go.Scatter(x=kx, y=ky, mode="markers+text", name=names["known"], text=list(names["known_labels"]),
                   textposition=list(label_positions), textfont=dict(size=12, color=C_MUTED),
                   marker=dict(color=C_MUTED, size=9, symbol=SYMBOL["electrical"]),
                   hovertext=list(hover["known"]), hoverinfo="text"),
        go.Scatter(x=[user[0]], y=[user[1]], mode="markers", name=names["user"], marker=_STAR,
                   hovertext=[hover["user"]], hoverinfo="text"),
    ]
    lo = float(min(np.min(loss_opt), user[1]))
    hi = float(max(loss_opt[0], user[1]))
    layout = _with(_layout(lang, title, x_title, y_title, 480, x_log=True), yaxis=dict(range=[lo - 0.05, hi + 0.1]))
    return go.Figure(data=data, layout=layout)


def decode_roofline(batch: np.ndarray, rate_batch: np.ndarray, rate: np.ndarray, memory_roof: np.ndarray,
                    free_roof: np.ndarray, compute_roof: float, ridge: float | None, capacity: float | None,
                    at: tuple[float, float], lang: str, *, title: str, x_title: str, y_title: str,
                    names: Mapping[str, str], hover: Mapping[str, str], ridge_label: str,
                    capacity_label: str) -> go.Figure:
    """Tokens per second vs batch size (log-log) on one group of accelerators.

    The memory roof with the KV cache (weights read once per step for the batch, each request's
    cache for itself) levels off where the caches dominate; the achievable rate runs only up to the
    batch the group's memory holds (a dotted line, `capacity`). The roof with the KV cache left out
    (grey, dotted) shows what batching would give if the cache were free. `ridge` (where the rate
    turns compute-bound) is None when no batch does, at this context.
    """
    shown = free_roof <= compute_roof * 3  # the KV-free roof only as far as it helps the eye
    data = [
        go.Scatter(x=batch[shown], y=free_roof[shown], mode="lines", name=names["free"],
                   line=dict(color=C_MUTED, width=1.5, dash="dot"), hovertemplate=_tpl(hover["free"])),
        go.Scatter(x=rate_batch, y=rate, mode="lines", name=names["rate"], line=dict(color=C_INK, width=4),
                   hovertemplate=_tpl(hover["rate"])),
        go.Scatter(x=batch, y=memory_roof, mode="lines", name=names["memory"],
                   line=dict(color=C_MEMORY, width=2, dash=DASH["neuromorphic"]), hovertemplate=_tpl(hover["memory"])),
        go.Scatter(x=np.array([batch[0], batch[-1]]), y=np.array([compute_roof, compute_roof]), mode="lines",
                   name=names["compute"], line=dict(color=C_FLOPS, width=2, dash=DASH["conventional"]),
                   hovertemplate=_tpl(hover["compute"])),
        go.Scatter(x=[at[0]], y=[at[1]], mode="markers", name=names["at"], marker=_STAR, hovertext=[hover["at"]],
                   hoverinfo="text"),
    ]
    shapes, notes = [], []
    for x, label, anchor in ((ridge, ridge_label, "right"), (capacity, capacity_label, "left")):
        if x is not None and batch[0] <= x <= batch[-1]:
            shapes.append(_vline(x))
            notes.append(dict(x=float(np.log10(x)), y=1 if anchor == "right" else 0.06, yref="paper", text=label,
                              showarrow=False, xanchor=anchor, yanchor="top", xshift=-4 if anchor == "right" else 4,
                              font=dict(color=C_MUTED, size=12)))
    layout = _with(_layout(lang, title, x_title, y_title, 480, x_log=True, y_log=True), shapes=shapes,
                   annotations=notes)
    return go.Figure(data=data, layout=layout)


def energy_per_token(batch: np.ndarray, energy_j: np.ndarray, energy_free_j: np.ndarray, at: tuple[float, float],
                     lang: str, *, title: str, x_title: str, y_title: str, names: Mapping[str, str],
                     hover: Mapping[str, str]) -> go.Figure:
    """Accelerator energy per generated token vs batch size (log-log): with the KV cache, and (grey,
    dotted) with the cache left out, which would fall as 1/batch until arithmetic takes over."""
    data = [
        go.Scatter(x=batch, y=energy_free_j, mode="lines", name=names["free"],
                   line=dict(color=C_MUTED, width=1.5, dash="dot"), hovertemplate=_tpl(hover["free"])),
        go.Scatter(x=batch, y=energy_j, mode="lines", name=names["energy"],
                   line=dict(color=C_FLOPS, width=3, dash="solid"), hovertemplate=_tpl(hover["energy"])),
        go.Scatter(x=[at[0]], y=[at[1]], mode="markers", name=names["at"], marker=_STAR, hovertext=[hover["at"]],
                   hoverinfo="text"),
    ]
    return go.Figure(data=data, layout=_layout(lang, title, x_title, y_title, 480, x_log=True, y_log=True))


def compute_growth(years: np.ndarray, flops: np.ndarray, labels: Sequence[str], hover: Sequence[str],
                   trend_years: np.ndarray, trend_text: Sequence[str], mid: np.ndarray, low: np.ndarray,
                   high: np.ndarray, lang: str, *, title: str, x_title: str, y_title: str, names: Mapping[str, str],
                   trend_hover: str, label_positions: Sequence[str]) -> go.Figure:
    """Published training compute of notable models by year, with one trend and one band around it.

    `mid` is the trend (the sourced growth rate, its level fitted to the points); `low` and `high`
    are the same line divided and multiplied by the points' typical scatter: a band of constant
    width, not lines of different slopes that cross."""
    data = [
        go.Scatter(x=trend_years, y=low, mode="lines", line=dict(width=0, color=C_COMPUTE), hoverinfo="skip",
                   showlegend=False),
        go.Scatter(x=trend_years, y=high, mode="lines", line=dict(width=0, color=C_COMPUTE), fill="tonexty",
                   fillcolor="rgba(204,121,167,0.18)", name=names["band"], hoverinfo="skip"),
        go.Scatter(x=trend_years, y=mid, mode="lines", name=names["trend"], customdata=list(trend_text),
                   line=dict(color=C_COMPUTE, width=2, dash=DASH["electrical"]), hovertemplate=_tpl(trend_hover)),
        go.Scatter(x=years, y=flops, mode="markers+text", name=names["models"], text=list(labels),
                   textposition=list(label_positions), textfont=dict(size=12, color=C_INK),
                   marker=dict(color=C_INK, size=11, symbol=SYMBOL["optical"]), hovertext=list(hover),
                   hoverinfo="text"),
    ]
    layout = _with(_layout(lang, title, x_title, y_title, 500, y_log=True),
                   xaxis=dict(dtick=1, tickformat="d",
                              range=[float(trend_years[0]) - 0.6, float(trend_years[-1]) + 0.2]))
    return go.Figure(data=data, layout=layout)


def growth_gap(years: np.ndarray, series: Mapping[str, np.ndarray], lang: str, *, title: str, x_title: str,
               y_title: str, names: Mapping[str, str], hover: Mapping[str, str]) -> go.Figure:
    """Growth index (x-fold) over years at the sourced rates: demand vs hardware FLOP/s, memory and links."""
    style_of = {
        "compute": (C_COMPUTE, "solid", 3),
        "flops": (C_FLOPS, DASH["conventional"], 2),
        "dram": (C_MEMORY, DASH["neuromorphic"], 2),
        "interconnect": (C_LINKS, DASH["electrical"], 2),
    }
    data = [go.Scatter(x=years, y=series[key], mode="lines", name=names[key],
                       line=dict(color=color, dash=dash, width=width), hovertemplate=_tpl(hover[key]))
            for key, (color, dash, width) in style_of.items()]
    return go.Figure(data=data, layout=_layout(lang, title, x_title, y_title, 500, y_log=True))
