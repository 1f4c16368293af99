"""Plotly figures for the Neuromorphic page: model results and translated labels in, go.Figure out.

Colours keep their house meaning (charts.theme.PALETTE): von Neumann / conventional orange,
in-memory / neuromorphic bluish green (in-memory computing and spiking hardware share the family; the
labels say which is which, and an in-memory design is never called neuromorphic), data movement and
memory bandwidth vermillion (with a hatch pattern or its own dash). Every series also differs by dash,
marker or pattern, so colour is never the only cue. Labels and hover texts
arrive translated; numbers in hover templates use d3 formats, which follow the layout's separators.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from .theme import DASH, PALETTE, SYMBOL, style

C_VN = PALETTE["conventional"]
C_NEURO = PALETTE["neuromorphic"]  # spiking hardware and neurons
C_INMEM = PALETTE["neuromorphic"]  # in-memory computing: the same colour family in the house palette
C_MOVE = PALETTE["electrical"]
C_COMPUTE = PALETTE["sky"]
C_CONV = PALETTE["purple"]
C_LINKS = PALETTE["optical"]
C_INK = PALETTE["ink"]
C_MUTED = PALETTE["muted"]

_LOG = dict(type="log", exponentformat="power", showexponent="all", dtick=1)
#: Legend under the plot (several entries would otherwise wrap into the title).
_LEGEND_BELOW = dict(legend=dict(orientation="h", x=0, xanchor="left", y=-0.22, yanchor="top"),
                     margin=dict(b=130))

#: Energy parts: colour, hatch pattern.
PART_STYLE: dict[str, tuple[str, str]] = {
    "compute": (C_COMPUTE, ""),
    "weights": (C_MOVE, "/"),
    "activations": (C_MOVE, "x"),
    "converters": (C_CONV, "."),
}


def _vline(x: float, color: str, dash: str) -> dict:
    """A vertical line across the plot as a plain layout shape (add_vline is slow: ~15 ms each)."""
    return dict(type="line", xref="x", yref="paper", x0=x, x1=x, y0=0, y1=1, line=dict(color=color, dash=dash,
                                                                                        width=1.5))


def _esc(text: str) -> str:
    """Literal text inside a Plotly hover template (a '%' or brace must not start a field)."""
    return text.replace("%", "%%").replace("{", "(").replace("}", ")")


def energy_bars(arch_names: Sequence[str], arch_kinds: Sequence[str], parts: Mapping[str, np.ndarray],
                part_names: Mapping[str, str], totals: np.ndarray, total_text: Sequence[str],
                total_range: tuple[float, float] | None, lang: str, *, title: str, x_title: str, y_title: str,
                unit: str, range_name: str, range_text: str = "") -> go.Figure:
    """Horizontal stacked bars: energy per MAC split into compute, data movement and converters.

    `arch_kinds` ("conventional" | "in_memory") sets each bar's outline colour; `total_range`
    (low, high) of the first bar is drawn as an error bar where sources disagree (DRAM)."""
    fig = go.Figure()
    colours = {"conventional": C_VN, "in_memory": C_INMEM}
    outline = [colours[k] for k in arch_kinds]
    for key, values in parts.items():
        color, pattern = PART_STYLE[key]
        fig.add_trace(go.Bar(
            y=list(arch_names), x=np.asarray(values, dtype=float), orientation="h", name=part_names[key],
            marker=dict(color=color, line=dict(color=outline, width=2),
                        pattern=dict(shape=pattern, fgcolor=C_INK, size=7, solidity=0.25)),
            hovertemplate=f"%{{y}}<br>{_esc(part_names[key])}: %{{x:,.3~g}} {_esc(unit)}<extra></extra>",
        ))
    label_x = np.asarray(totals, dtype=float).copy()
    if total_range is not None:
        label_x[0] = max(label_x[0], total_range[1])
    fig.add_trace(go.Scatter(
        y=list(arch_names), x=label_x, mode="text", text=[f"  {s}" for s in total_text],
        textposition="middle right", textfont=dict(color=C_INK, size=14), showlegend=False, hoverinfo="skip",
    ))
    xmax = float(np.max(totals))
    if total_range is not None:
        lo, hi = total_range
        fig.add_trace(go.Scatter(
            y=[arch_names[0]], x=[float(totals[0])], mode="markers", name=range_name,
            marker=dict(color=C_INK, size=8, symbol="line-ns-open"),
            error_x=dict(type="data", symmetric=False, array=[hi - float(totals[0])],
                         arrayminus=[float(totals[0]) - lo], color=C_INK, thickness=2, width=8),
            hovertemplate=f"{_esc(range_text)}<extra></extra>",
        ))
        xmax = max(xmax, hi)
    style(fig, lang, title=title, x_title=x_title, y_title=y_title, height=470)
    fig.update_layout(barmode="stack", bargap=0.35, **_LEGEND_BELOW)
    fig.update_layout(legend=dict(traceorder="normal"))
    fig.update_xaxes(rangemode="tozero", range=[0, xmax * 1.5])
    fig.update_yaxes(autorange="reversed", showgrid=False)
    return fig


def roofline(peak_tflops: float, bandwidth_tbs: float, ridge: float, point: tuple[float, float],
             batch_points: tuple[np.ndarray, np.ndarray, Sequence[str]], lang: str, *, title: str, x_title: str,
             y_title: str, names: Mapping[str, str]) -> go.Figure:
    """Roofline (log-log): attainable TFLOP/s = min(peak, bandwidth x intensity), the ridge point, the
    workload at its batch size and, faintly, the same layer at every other batch size."""
    x = np.geomspace(0.1, 1e5, 4)
    x = np.unique(np.concatenate([x, [ridge]]))
    roof = np.minimum(peak_tflops, bandwidth_tbs * x)
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=x, y=roof, mode="lines", name=names["roof"], line=dict(color=C_VN, width=3,
                                                                                      dash=DASH["conventional"]),
                             hovertemplate=f"{_esc(names['x'])}: %{{x:,.3~g}}<br>{_esc(names['y'])}: "
                                           f"%{{y:,.3~g}}<extra></extra>"))
    bx, by, btext = batch_points
    fig.add_trace(go.Scatter(x=np.asarray(bx), y=np.asarray(by), mode="markers", name=names["batches"],
                             marker=dict(color=C_MUTED, size=7, symbol="circle-open"), text=list(btext),
                             hovertemplate=f"%{{text}}<br>{_esc(names['x'])}: %{{x:,.3~g}}<br>{_esc(names['y'])}: "
                                           f"%{{y:,.3~g}}<extra></extra>"))
    fig.add_trace(go.Scatter(x=[point[0]], y=[point[1]], mode="markers+text", name=names["point"],
                             text=[names["point_label"]], textposition="top left",
                             marker=dict(color=C_INK, size=16, symbol="star", line=dict(color="white", width=1)),
                             hovertemplate=f"{_esc(names['point'])}<br>{_esc(names['x'])}: %{{x:,.3~g}}<br>"
                                           f"{_esc(names['y'])}: %{{y:,.3~g}}<extra></extra>"))
    fig.update_layout(shapes=[_vline(ridge, C_MUTED, "dot")], annotations=[
        dict(x=np.log10(ridge), y=np.log10(peak_tflops), text=names["ridge"], showarrow=False, yshift=14,
             xanchor="left", xshift=4, font=dict(color=C_MUTED, size=12)),
        dict(x=np.log10(0.3), y=np.log10(bandwidth_tbs * 0.3), text=names["memory_bound"], showarrow=False,
             yshift=22, textangle=-32, font=dict(color=C_MUTED, size=12)),
        dict(x=np.log10(ridge * 1.3), y=np.log10(peak_tflops), text=names["compute_bound"], showarrow=False,
             yshift=-14, xanchor="left", font=dict(color=C_MUTED, size=12)),
    ])
    style(fig, lang, title=title, x_title=x_title, y_title=y_title, height=470)
    fig.update_layout(**_LEGEND_BELOW)
    fig.update_xaxes(**_LOG, range=[-1, 5])
    fig.update_yaxes(**_LOG, range=[np.log10(bandwidth_tbs * 0.1) - 0.3, np.log10(peak_tflops) + 0.6])
    return fig


def memory_wall(years: np.ndarray, curves: Mapping[str, np.ndarray], names: Mapping[str, str],
                end_labels: Mapping[str, str], lang: str, *, title: str, x_title: str, y_title: str,
                hover_x: str, hover_y: str) -> go.Figure:
    """Relative growth over twenty years (log y): compute vs DRAM bandwidth vs interconnect bandwidth."""
    looks = {
        "compute": (C_VN, "solid", SYMBOL["conventional"]),
        "dram_bandwidth": (C_MOVE, "dot", SYMBOL["electrical"]),
        "interconnect_bandwidth": (C_LINKS, DASH["electrical"], SYMBOL["optical"]),
    }
    fig = go.Figure()
    notes = []
    for key, y in curves.items():
        color, dash, symbol = looks[key]
        fig.add_trace(go.Scatter(
            x=np.asarray(years), y=np.asarray(y), mode="lines+markers", name=names[key],
            line=dict(color=color, width=3, dash=dash), marker=dict(symbol=symbol, size=9, color=color),
            hovertemplate=f"{_esc(names[key])}<br>{_esc(hover_x)}: %{{x:.0f}}<br>{_esc(hover_y)}: "
                          f"%{{y:,.3~g}}×<extra></extra>",
        ))
        notes.append(dict(x=float(years[-1]), y=float(np.log10(y[-1])), text=end_labels[key], showarrow=False,
                          xanchor="left", xshift=8, font=dict(color=color, size=13)))
    fig.update_layout(annotations=notes)
    style(fig, lang, title=title, x_title=x_title, y_title=y_title, height=380)
    fig.update_yaxes(**_LOG)
    fig.update_xaxes(range=[-0.5, float(years[-1]) + 4.5], dtick=5)
    fig.update_layout(margin=dict(r=24))
    return fig


class AnimatedFigure(go.Figure):
    """A figure whose animation frames and controls are kept as plain dicts, added when serialised.

    Plotly validates every frame trace and every slider step when they are assigned (about 2 ms per
    frame here, too slow for a slider that must answer in well under 0.1 s); the frames built by
    ``membrane`` are simple scatter updates of known-good data, so they skip that step.
    ``to_dict()`` (what Streamlit and ``to_json`` use) returns the full figure."""

    def __init__(self, base: go.Figure, frames: list[dict], layout_extra: dict):
        super().__init__(base)
        self._plain_frames = frames
        self._layout_extra = layout_extra

    def to_dict(self):
        out = super().to_dict()
        out["frames"] = self._plain_frames
        out.setdefault("layout", {}).update(self._layout_extra)
        return out

    def to_plotly_json(self):
        return self.to_dict()


def membrane(t_ms: np.ndarray, v_mv: np.ndarray, spikes_ms: np.ndarray, v_th: float, v_rest: float,
             duration_ms: float, frames_t: np.ndarray, lang: str, *, title: str, x_title: str,
             y_title: str, names: Mapping[str, str], buttons: Mapping[str, str], frame_labels: Sequence[str],
             frame_ms: int) -> go.Figure:
    """Membrane potential with spikes, and client-side play / pause / step through time (Plotly frames).

    The figure opens with the whole trace; Play reveals it from t = 0 frame by frame (a growing line,
    nothing blinks); the slider under the chart steps to any frame. The trace is sent once: each frame
    only moves a white mask that covers the part of the trace still "in the future" (a few bytes per
    frame instead of a copy of the trace)."""
    hover = "t: %{x:,.1f} ms<br>V: %{y:,.1f} mV<extra></extra>"
    lo = min(float(np.min(v_mv)), v_rest) - 3.0
    hi = v_th + 6.0
    fig = go.Figure()
    # float32 is ample for a drawn trace and halves its size on the wire (Plotly sends typed arrays).
    fig.add_trace(go.Scatter(x=np.asarray(t_ms, dtype=np.float32), y=np.asarray(v_mv, dtype=np.float32),
                             mode="lines", name=names["v"], line=dict(color=C_NEURO, width=2.5), hovertemplate=hover))
    fig.add_trace(go.Scatter(x=spikes_ms, y=np.full(len(spikes_ms), v_th), mode="markers", name=names["spikes"],
                             marker=dict(color=C_INK, size=11, symbol="triangle-up"),
                             hovertemplate=f"{_esc(names['spike'])}: %{{x:,.1f}} ms<extra></extra>"))
    mask_index = len(fig.data)
    end = float(duration_ms) * 1.01
    fig.add_trace(go.Scatter(x=[end, end, end, end], y=[lo, lo, hi, hi], fill="toself", mode="lines",
                             line=dict(width=0), fillcolor="white", showlegend=False, hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=[0.0, duration_ms], y=[v_th, v_th], mode="lines", name=names["threshold"],
                             line=dict(color=C_INK, width=2, dash="dash"), hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=[0.0, duration_ms], y=[v_rest, v_rest], mode="lines", name=names["rest"],
                             line=dict(color=C_MUTED, width=1.5, dash="dot"), hoverinfo="skip"))
    frames = [dict(name=str(i), traces=[mask_index],
                   data=[dict(type="scatter", x=[float(tk), end, end, float(tk)], y=[lo, lo, hi, hi])])
              for i, tk in enumerate(frames_t)]
    play = dict(frame=dict(duration=frame_ms, redraw=False), fromcurrent=True, transition=dict(duration=0),
                mode="immediate")
    pause = dict(frame=dict(duration=0, redraw=False), transition=dict(duration=0), mode="immediate")
    controls = dict(
        updatemenus=[dict(type="buttons", direction="left", showactive=False, x=0, xanchor="left", y=-0.2,
                          yanchor="top", pad=dict(t=0, r=8),
                          buttons=[dict(label=f"▶ {buttons['play']}", method="animate", args=[None, play]),
                                   dict(label=f"❚❚ {buttons['pause']}", method="animate", args=[[None], pause]),
                                   dict(label=f"⟲ {buttons['restart']}", method="animate",
                                        args=[[str(i) for i in range(len(frames_t))], {**play, "fromcurrent": False}])])],
        sliders=[dict(active=len(frames_t) - 1, x=0, len=1.0, y=-0.34, yanchor="top", pad=dict(t=0),
                      font=dict(color="rgba(0,0,0,0)", size=1), ticklen=3, minorticklen=0,
                      currentvalue=dict(prefix=f"{buttons['time']}: ", suffix=" ms", xanchor="right",
                                        font=dict(size=13, color=C_INK)),
                      steps=[dict(label=lab, method="animate",
                                  args=[[str(i)], dict(frame=dict(duration=0, redraw=False), mode="immediate",
                                                       transition=dict(duration=0))])
                             for i, lab in enumerate(frame_labels)])],
    )
    style(fig, lang, title=title, x_title=x_title, y_title=y_title, height=540)
    fig.update_layout(margin=dict(b=190), xaxis=dict(range=[0, duration_ms]), yaxis=dict(range=[lo, hi]))
    return AnimatedFigure(fig, frames, controls)


def fi_curve(i_line: np.ndarray, f_line: np.ndarray, i_sim: np.ndarray, f_sim: np.ndarray, point: tuple[float, float],
             rheobase: float, f_max: float, lang: str, *, title: str, x_title: str, y_title: str,
             names: Mapping[str, str]) -> go.Figure:
    """Firing rate vs input current: the formula as a line, the simulation as markers, the operating
    point and the rheobase marked."""
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=i_line, y=f_line, mode="lines", name=names["formula"],
                             line=dict(color=C_NEURO, width=3),
                             hovertemplate=f"{_esc(names['formula'])}<br>I: %{{x:,.2f}} nA<br>f: %{{y:,.1f}} Hz"
                                           f"<extra></extra>"))
    fig.add_trace(go.Scatter(x=i_sim, y=f_sim, mode="markers", name=names["simulation"],
                             marker=dict(color=C_INK, size=7, symbol="diamond-open", line=dict(width=1.5)),
                             hovertemplate=f"{_esc(names['simulation'])}<br>I: %{{x:,.2f}} nA<br>f: %{{y:,.1f}} Hz"
                                           f"<extra></extra>"))
    fig.add_trace(go.Scatter(x=[point[0]], y=[point[1]], mode="markers", name=names["point"],
                             marker=dict(color=C_INK, size=16, symbol="star", line=dict(color="white", width=1)),
                             hovertemplate=f"{_esc(names['point'])}<br>I: %{{x:,.2f}} nA<br>f: %{{y:,.1f}} Hz"
                                           f"<extra></extra>"))
    fig.update_layout(shapes=[_vline(rheobase, C_MUTED, "dash")], annotations=[
        dict(x=rheobase, y=f_max * 0.92, text=names["rheobase"], showarrow=False, xanchor="right", xshift=-4,
             font=dict(color=C_MUTED, size=12))])
    style(fig, lang, title=title, x_title=x_title, y_title=y_title, height=400)
    fig.update_xaxes(range=[0, float(i_line[-1]) * 1.02])
    fig.update_yaxes(rangemode="tozero")
    return fig


def spiking_energy(act_pct: np.ndarray, event_w: np.ndarray, dense_w: float, dense_range: tuple[float, float] | None,
                   at: tuple[float, float], break_even_pct: float, lang: str, *, title: str, x_title: str,
                   y_title: str, names: Mapping[str, str]) -> go.Figure:
    """Power of an event-driven vs a dense (clocked) network against activity (log-log), break-even marked."""
    fig = go.Figure()
    x0, x1 = float(act_pct[0]), float(act_pct[-1])
    if dense_range is not None:
        lo, hi = dense_range
        fig.add_trace(go.Scatter(x=[x0, x1, x1, x0], y=[lo, lo, hi, hi], fill="toself", mode="lines",
                                 line=dict(width=0), fillcolor="rgba(230,159,0,0.18)", name=names["dense_range"],
                                 hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=[x0, x1], y=[dense_w, dense_w], mode="lines", name=names["dense"],
                             line=dict(color=C_VN, width=3, dash=DASH["conventional"]),
                             hovertemplate=f"{_esc(names['dense'])}: %{{y:,.3~g}} W<extra></extra>"))
    fig.add_trace(go.Scatter(x=act_pct, y=event_w, mode="lines", name=names["event"],
                             line=dict(color=C_NEURO, width=3, dash="solid"),
                             hovertemplate=f"{_esc(names['event'])}<br>{_esc(names['x'])}: %{{x:,.3~g}} %%"
                                           f"<br>%{{y:,.3~g}} W<extra></extra>"))
    fig.add_trace(go.Scatter(x=[at[0]], y=[at[1]], mode="markers", name=names["point"],
                             marker=dict(color=C_INK, size=16, symbol="star", line=dict(color="white", width=1)),
                             hovertemplate=f"{_esc(names['point'])}: %{{x:,.3~g}} %%, %{{y:,.3~g}} W<extra></extra>"))
    if x0 <= break_even_pct <= x1:
        fig.update_layout(shapes=[_vline(break_even_pct, C_INK, "dot")], annotations=[
            dict(x=np.log10(break_even_pct), y=np.log10(dense_w), text=names["break_even"], showarrow=True,
                 arrowhead=0, ax=-60, ay=-40, font=dict(color=C_INK, size=12), bgcolor="rgba(255,255,255,0.8)")])
    style(fig, lang, title=title, x_title=x_title, y_title=y_title, height=400)
    fig.update_xaxes(**_LOG)
    fig.update_yaxes(**_LOG)
    return fig


def brains_chips(points: Sequence[tuple[str, float, float, float, float, float, float, str]], brain_w_per_neuron: float,
                 lang: str, *, title: str, x_title: str, y_title: str, names: Mapping[str, str]) -> go.Figure:
    """Neurons vs power (log-log) for the systems with both figures; a dotted line at the brain's
    power per neuron. Each point: (label, neurons, neurons low, neurons high, power, power low, power high,
    kind); error bars show the ranges where sources disagree."""
    fig = go.Figure()
    xs = np.geomspace(1e5, 2e11, 3)
    fig.add_trace(go.Scatter(x=xs, y=xs * brain_w_per_neuron, mode="lines", name=names["brain_line"],
                             line=dict(color=C_MUTED, dash="dot", width=1.5), hoverinfo="skip"))
    for label, n, n_lo, n_hi, p, lo, hi, kind in points:
        brain = kind == "brain"
        color = PALETTE["purple"] if brain else C_NEURO
        fig.add_trace(go.Scatter(
            x=[n], y=[p], mode="markers+text", name=label, text=[label],
            textposition="middle left" if brain else "middle right",
            textfont=dict(color=C_INK, size=13), showlegend=False,
            marker=dict(color=color, size=14, symbol="circle" if brain else SYMBOL["neuromorphic"],
                        line=dict(color="white", width=1)),
            error_y=dict(type="data", symmetric=False, array=[hi - p], arrayminus=[p - lo], color=C_INK,
                         visible=hi > lo),
            error_x=dict(type="data", symmetric=False, array=[n_hi - n], arrayminus=[n - n_lo], color=C_INK,
                         visible=n_hi > n_lo),
            hovertemplate=f"{_esc(label)}<br>{_esc(names['x'])}: %{{x:,.3~g}}<br>{_esc(names['y'])}: "
                          f"%{{y:,.3~g}} W<extra></extra>",
        ))
    style(fig, lang, title=title, x_title=x_title, y_title=y_title, height=420)
    fig.update_xaxes(**_LOG, range=[5, 11.6])
    fig.update_yaxes(**_LOG, range=[-2.5, 4])
    return fig
