"""Plotly figures for the AI compute page: model results and translated labels in, go.Figure out.

Colours keep their house meaning (charts.theme.PALETTE) and every series also differs by dash or
marker. Hover texts are passed in already translated and formatted for the language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from .theme import DASH, PALETTE, SYMBOL, style

#: Series colours on this page: von Neumann hardware is "conventional", the memory wall is
#: in-memory/neuromorphic's subject, links between chips are photonics' subject.
C_COMPUTE = PALETTE["purple"]
C_MEMORY = PALETTE["neuromorphic"]
C_FLOPS = PALETTE["conventional"]
C_LINKS = PALETTE["optical"]
C_INK = PALETTE["ink"]
C_MUTED = PALETTE["muted"]
C_SKY = PALETTE["sky"]

def _tpl(text: str) -> str:
    """A Plotly hover template without the secondary trace-name box."""
    return text + "<extra></extra>"


def _legend_below(fig: go.Figure) -> go.Figure:
    """Legend under the plot, so it never collides with the title."""
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.2, xanchor="left", x=0),
                      margin=dict(b=110))
    return fig


_LOG_TICKS = dict(type="log", dtick=1, exponentformat="power", showexponent="all")  # one tick per decade


def energy_by_accelerator(names: Sequence[str], mwh: np.ndarray, selected: int, hover: Sequence[str],
                          lang: str, *, title: str, x_title: str, y_title: str, selected_label: str) -> go.Figure:
    """Horizontal bars: facility energy of the same training run on each accelerator."""
    colors = [C_FLOPS if i == selected else PALETTE["grid"] for i in range(len(names))]
    lines = [C_INK if i == selected else C_MUTED for i in range(len(names))]
    patterns = ["/" if i == selected else "" for i in range(len(names))]
    fig = go.Figure(go.Bar(
        x=np.asarray(mwh, dtype=float), y=list(names), orientation="h",
        marker=dict(color=colors, line=dict(color=lines, width=[2 if i == selected else 1 for i in range(len(names))]),
                    pattern=dict(shape=patterns, fgcolor=C_INK, size=6)),
        hovertext=list(hover), hoverinfo="text", showlegend=False,
    ))
    fig.add_annotation(x=float(mwh[selected]), y=names[selected], text=selected_label, showarrow=False,
                       xanchor="left", xshift=8, font=dict(color=C_INK))
    style(fig, lang, title=title, x_title=x_title, y_title=y_title, height=300)
    fig.update_xaxes(rangemode="tozero", range=[0, float(np.max(mwh)) * 1.35])
    fig.update_yaxes(autorange="reversed", showgrid=False)
    return fig


def scaling_law(compute: np.ndarray, compute_text: Sequence[str], loss_opt: np.ndarray, loss_rule: np.ndarray,
                user: tuple[float, float], known: Mapping[str, tuple[float, float]], lang: str, *, title: str,
                x_title: str, y_title: str, names: Mapping[str, str], hover: Mapping[str, str],
                label_positions: Sequence[str]) -> go.Figure:
    """Loss vs training compute: compute-optimal frontier, the 20-tokens-per-parameter rule, models.

    `compute_text` is the compute grid already formatted for the language (used in the hover)."""
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=compute, y=loss_opt, mode="lines", name=names["opt"], customdata=list(compute_text),
                             line=dict(color=C_COMPUTE, width=3, dash="solid"), hovertemplate=_tpl(hover["opt"])))
    fig.add_trace(go.Scatter(x=compute, y=loss_rule, mode="lines", name=names["rule"], customdata=list(compute_text),
                             line=dict(color=C_FLOPS, width=2, dash=DASH["electrical"]), hovertemplate=_tpl(hover["rule"])))
    kx = np.array([v[0] for v in known.values()])
    ky = np.array([v[1] for v in known.values()])
    fig.add_trace(go.Scatter(x=kx, y=ky, mode="markers+text", name=names["known"], text=list(names["known_labels"]),
                             textposition=list(label_positions), textfont=dict(size=12, color=C_MUTED),
                             marker=dict(color=C_MUTED, size=9, symbol=SYMBOL["electrical"]),
                             hovertext=list(hover["known"]), hoverinfo="text"))
    fig.add_trace(go.Scatter(x=[user[0]], y=[user[1]], mode="markers", name=names["user"],
                             marker=dict(color=C_INK, size=15, symbol="star", line=dict(color="white", width=1)),
                             hovertext=[hover["user"]], hoverinfo="text"))
    style(fig, lang, title=title, x_title=x_title, y_title=y_title, height=480)
    _legend_below(fig)
    fig.update_xaxes(**_LOG_TICKS)
    lo = float(min(np.min(loss_opt), user[1]))
    hi = float(np.max(loss_opt[:1]))
    fig.update_yaxes(range=[lo - 0.05, max(hi, user[1]) + 0.1])
    return fig


def decode_roofline(batch: np.ndarray, rate: np.ndarray, memory_roof: np.ndarray, compute_roof: float, ridge: float,
                    at: tuple[float, float], lang: str, *, title: str, x_title: str, y_title: str,
                    names: Mapping[str, str], hover: Mapping[str, str], ridge_label: str) -> go.Figure:
    """Tokens per second vs batch size (log-log): memory roof, compute roof, the achievable rate, the ridge."""
    fig = go.Figure()
    mem_vis = memory_roof <= compute_roof * 3
    fig.add_trace(go.Scatter(x=batch[mem_vis], y=memory_roof[mem_vis], mode="lines", name=names["memory"],
                             line=dict(color=C_MEMORY, width=2, dash=DASH["neuromorphic"]), hovertemplate=_tpl(hover["memory"])))
    fig.add_trace(go.Scatter(x=np.array([batch[0], batch[-1]]), y=np.array([compute_roof, compute_roof]), mode="lines",
                             name=names["compute"], line=dict(color=C_FLOPS, width=2, dash=DASH["conventional"]),
                             hovertemplate=_tpl(hover["compute"])))
    fig.add_trace(go.Scatter(x=batch, y=rate, mode="lines", name=names["rate"], line=dict(color=C_INK, width=3),
                             hovertemplate=_tpl(hover["rate"])))
    fig.add_trace(go.Scatter(x=[at[0]], y=[at[1]], mode="markers", name=names["at"],
                             marker=dict(color=C_INK, size=14, symbol="star", line=dict(color="white", width=1)),
                             hovertext=[hover["at"]], hoverinfo="text"))
    fig.add_vline(x=ridge, line=dict(color=C_MUTED, width=1, dash="dot"))
    fig.add_annotation(x=np.log10(ridge), y=1, yref="paper", text=ridge_label, showarrow=False, xanchor="right",
                       yanchor="top", xshift=-4, font=dict(color=C_MUTED, size=12))
    style(fig, lang, title=title, x_title=x_title, y_title=y_title, height=480)
    _legend_below(fig)
    fig.update_xaxes(**_LOG_TICKS)
    fig.update_yaxes(**_LOG_TICKS)
    return fig


def energy_per_token(batch: np.ndarray, energy_j: np.ndarray, ridge: float, at: tuple[float, float], lang: str, *,
                     title: str, x_title: str, y_title: str, names: Mapping[str, str],
                     hover: Mapping[str, str]) -> go.Figure:
    """Accelerator energy per generated token vs batch size (log-log)."""
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=batch, y=energy_j, mode="lines", name=names["energy"],
                             line=dict(color=C_FLOPS, width=3, dash="solid"), hovertemplate=_tpl(hover["energy"])))
    fig.add_trace(go.Scatter(x=[at[0]], y=[at[1]], mode="markers", name=names["at"],
                             marker=dict(color=C_INK, size=14, symbol="star", line=dict(color="white", width=1)),
                             hovertext=[hover["at"]], hoverinfo="text"))
    fig.add_vline(x=ridge, line=dict(color=C_MUTED, width=1, dash="dot"))
    style(fig, lang, title=title, x_title=x_title, y_title=y_title, height=480)
    _legend_below(fig)
    fig.update_xaxes(**_LOG_TICKS)
    fig.update_yaxes(**_LOG_TICKS)
    return fig


def compute_growth(years: np.ndarray, flops: np.ndarray, labels: Sequence[str], hover: Sequence[str],
                   trend_years: np.ndarray, trend_text: Sequence[str], mid: np.ndarray, low: np.ndarray, high: np.ndarray, lang: str, *,
                   title: str, x_title: str, y_title: str, names: Mapping[str, str],
                   trend_hover: str, label_positions: Sequence[str]) -> go.Figure:
    """Published training compute of notable models by year, with the sourced growth trend and its band."""
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=trend_years, y=low, mode="lines", line=dict(width=0, color=C_COMPUTE),
                             hoverinfo="skip", showlegend=False))
    fig.add_trace(go.Scatter(x=trend_years, y=high, mode="lines", line=dict(width=0, color=C_COMPUTE), fill="tonexty",
                             fillcolor="rgba(204,121,167,0.18)", name=names["band"], hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=trend_years, y=mid, mode="lines", name=names["trend"], customdata=list(trend_text),
                             line=dict(color=C_COMPUTE, width=2, dash=DASH["electrical"]), hovertemplate=_tpl(trend_hover)))
    fig.add_trace(go.Scatter(x=years, y=flops, mode="markers+text", name=names["models"], text=list(labels),
                             textposition=list(label_positions), textfont=dict(size=12, color=C_INK),
                             marker=dict(color=C_INK, size=11, symbol=SYMBOL["optical"]),
                             hovertext=list(hover), hoverinfo="text"))
    style(fig, lang, title=title, x_title=x_title, y_title=y_title, height=500)
    _legend_below(fig)
    fig.update_yaxes(**_LOG_TICKS)
    fig.update_xaxes(dtick=1, tickformat="d", range=[float(trend_years[0]) - 0.6, float(trend_years[-1]) + 0.2])
    return fig


def growth_gap(years: np.ndarray, series: Mapping[str, np.ndarray], lang: str, *, title: str, x_title: str,
               y_title: str, names: Mapping[str, str], hover: Mapping[str, str]) -> go.Figure:
    """Growth index (x-fold) over years at the sourced rates: demand vs hardware FLOP/s, memory and links."""
    style_of = {
        "compute": (C_COMPUTE, "solid", 3),
        "flops": (C_FLOPS, DASH["conventional"], 2),
        "dram": (C_MEMORY, DASH["neuromorphic"], 2),
        "interconnect": (C_LINKS, DASH["electrical"], 2),
    }
    fig = go.Figure()
    for key, (color, dash, width) in style_of.items():
        fig.add_trace(go.Scatter(x=years, y=series[key], mode="lines", name=names[key],
                                 line=dict(color=color, dash=dash, width=width), hovertemplate=_tpl(hover[key])))
    style(fig, lang, title=title, x_title=x_title, y_title=y_title, height=500)
    _legend_below(fig)
    fig.update_yaxes(**_LOG_TICKS)
    return fig
