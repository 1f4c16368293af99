"""Plotly figures for the energy page: model results and translated labels in, go.Figure out.

Colours keep their house meaning (charts.theme.PALETTE): optics blue, copper and wires vermillion,
memory on or in the chip (near-memory, in-memory) bluish green, conventional memory and arithmetic
orange. A second channel always goes with the colour: a marker symbol on the ladder, a hatch pattern
on the stacked bars (readable in greyscale), a symbol per published figure. Labels and hover texts
arrive translated and formatted for the language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from .theme import PALETTE, SYMBOL, style

C_INK = PALETTE["ink"]
C_MUTED = PALETTE["muted"]

#: Ladder rungs by kind: colour and marker symbol.
KIND_STYLE: dict[str, tuple[str, str]] = {
    "electrical": (PALETTE["electrical"], SYMBOL["electrical"]),
    "optical": (PALETTE["optical"], SYMBOL["optical"]),
    "neuromorphic": (PALETTE["neuromorphic"], SYMBOL["neuromorphic"]),
    "conventional": (PALETTE["conventional"], SYMBOL["conventional"]),
}

#: Energy parts of a request: colour and hatch pattern (the greyscale channel), stacked in this order.
PART_STYLE: dict[str, tuple[str, str]] = {
    "arithmetic": (PALETTE["conventional"], ""),
    "memory": (PALETTE["neuromorphic"], "/"),
    "links": (PALETTE["optical"], "x"),
    "host_idle": (PALETTE["purple"], "."),
    "facility": (PALETTE["sky"], "-"),
}

#: The published figures drawn next to the bars: marker symbols.
MEASURED_SYMBOL: tuple[str, ...] = ("diamond", "diamond-open", "triangle-up", "star")

_LOG = dict(type="log", exponentformat="power", showexponent="all", dtick=1)


def _tpl(text: str) -> str:
    return text.replace("%", "%%") + "<extra></extra>"


def energy_ladder(labels: Sequence[str], pj: Sequence[float], low: Sequence[float], high: Sequence[float],
                  kinds: Sequence[str], hover: Sequence[str], op_pj: float, lang: str, *, title: str,
                  x_title: str, y_title: str, kind_names: Mapping[str, str], op_label: str) -> go.Figure:
    """Energy to move one bit, rung by rung (nearest at the top), on a log axis, with the energy of one
    operation as a dashed reference line. Ranges where sources disagree are error bars."""
    data = []
    for kind, (color, symbol) in KIND_STYLE.items():
        idx = [i for i, k in enumerate(kinds) if k == kind]
        if not idx:
            continue
        data.append(go.Scatter(
            x=[pj[i] for i in idx], y=[labels[i] for i in idx], mode="markers", name=kind_names[kind],
            marker=dict(color=color, symbol=symbol, size=13, line=dict(color=C_INK, width=1)),
            error_x=dict(type="data", symmetric=False, array=[high[i] - pj[i] for i in idx],
                         arrayminus=[pj[i] - low[i] for i in idx], color=color, thickness=2, width=6),
            hovertext=[hover[i] for i in idx], hoverinfo="text",
        ))
    fig = style(go.Figure(data=data), lang, title=title, x_title=x_title, y_title=y_title, height=430)
    lo = min(min(low), op_pj) / 3
    hi = max(max(high), op_pj) * 3
    fig.update_layout(
        xaxis=dict(**_LOG, range=[_log10(lo), _log10(hi)]),
        yaxis=dict(type="category", categoryorder="array", categoryarray=list(labels), autorange="reversed",
                   showgrid=False),
        legend=dict(orientation="v", yanchor="top", y=1, xanchor="left", x=1.02),
        margin=dict(l=24, r=24),
        shapes=[dict(type="line", xref="x", yref="paper", x0=op_pj, x1=op_pj, y0=0, y1=1,
                     line=dict(color=C_INK, width=2, dash="dash"))],
        annotations=[dict(x=_log10(op_pj), xref="x", y=1.0, yref="paper", yanchor="bottom", xanchor="left",
                          text=op_label, showarrow=False, font=dict(size=12, color=C_INK),
                          bgcolor="rgba(255,255,255,0.85)")],
    )
    return fig


def request_bars(bar_labels: Sequence[str], parts: Mapping[str, Sequence[float]], part_names: Mapping[str, str],
                 part_hover: Mapping[str, Sequence[str]], totals: Sequence[float], total_text: Sequence[str],
                 measured: Sequence[tuple[str, float, str]], lang: str, *, title: str, x_title: str,
                 y_title: str, measured_name: str) -> go.Figure:
    """Two stacked bars (today's cluster, with the chosen levers), each part hatched in its own pattern,
    and the published figures as markers beside them, each with its value."""
    data = []
    for name, (color, pattern) in PART_STYLE.items():
        data.append(go.Bar(
            x=list(bar_labels), y=list(parts[name]), name=part_names[name],
            marker=dict(color=color, line=dict(color=C_INK, width=1),
                        pattern=dict(shape=pattern, fillmode="overlay", bgcolor=color, fgcolor=C_INK, size=8,
                                     solidity=0.3)),
            hovertext=list(part_hover[name]), hoverinfo="text",
        ))
    for i, (label, val, text) in enumerate(measured):
        data.append(go.Scatter(
            x=[label], y=[val], mode="markers+text", text=[text], textposition="top center",
            name=measured_name if i == 0 else label, showlegend=False,
            marker=dict(symbol=MEASURED_SYMBOL[i % len(MEASURED_SYMBOL)], size=16, color=C_INK,
                        line=dict(color=C_INK, width=2)),
            textfont=dict(size=13, color=C_INK), hovertext=[f"{label}: {text}"], hoverinfo="text",
        ))
    top = max([*totals, *(m[1] for m in measured)] or [1.0])
    fig = style(go.Figure(data=data), lang, title=title, x_title=x_title, y_title=y_title, height=460)
    fig.update_layout(
        barmode="stack", bargap=0.3,
        yaxis=dict(rangemode="tozero", range=[0, top * 1.22], tickformat=",~r"),
        xaxis=dict(type="category", categoryorder="array", tickangle=0,
                   categoryarray=[*bar_labels, *(m[0] for m in measured)]),
        legend=dict(orientation="v", yanchor="top", y=1, xanchor="left", x=1.02, traceorder="reversed"),
        margin=dict(r=24),
        annotations=[dict(x=lab, y=tot, text=txt, showarrow=False, yanchor="bottom", yshift=4,
                          font=dict(size=13, color=C_INK)) for lab, tot, txt in zip(bar_labels, totals, total_text)],
    )
    return fig


def scale_bars(labels: Sequence[str], values: Sequence[float], kinds: Sequence[str], texts: Sequence[str],
               lang: str, *, title: str, x_title: str, y_title: str) -> go.Figure:
    """Horizontal bars on a log axis: the service (today and with the levers) next to the comparisons."""
    colors = {"today": PALETTE["conventional"], "levers": PALETTE["neuromorphic"], "compare": PALETTE["grid"]}
    patterns = {"today": "", "levers": "/", "compare": "."}
    fills = [colors[k] for k in kinds]
    bar = go.Bar(
        x=list(values), y=list(labels), orientation="h", text=list(texts), textposition="outside",
        cliponaxis=False, showlegend=False, hoverinfo="text", hovertext=[f"{lab}: {t}" for lab, t in zip(labels, texts)],
        marker=dict(color=[colors[k] for k in kinds], line=dict(color=C_INK, width=1),
                    pattern=dict(shape=[patterns[k] for k in kinds], fillmode="overlay", bgcolor=fills, fgcolor=C_INK,
                                 size=7, solidity=0.25)),
    )
    fig = style(go.Figure(data=[bar]), lang, title=title, x_title=x_title, y_title=y_title, height=380)
    lo, hi = min(values), max(values)
    fig.update_layout(
        xaxis=dict(**_LOG, range=[_log10(lo) - 1.0, _log10(hi) + 1.3]),
        yaxis=dict(autorange="reversed", showgrid=False),
        margin=dict(l=24, r=40),
    )
    return fig


def _log10(x: float) -> float:
    import math

    return math.log10(x)
