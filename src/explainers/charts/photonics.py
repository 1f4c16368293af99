"""Plotly figures for the Photonics page: model results and translated labels in, go.Figure out.

Fixed meaning of colour (optical blue, electrical vermillion) with a second cue: electrical lines
are dashed, optical lines solid, and each link has its own marker symbol.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from .theme import DASH, PALETTE, style

#: Per link: colour, dash, end-marker symbol. Colour and dash = medium (electrical dashed in
#: several patterns, optical solid); the marker symbol and the line width tell links apart.
LINK_STYLE: dict[str, tuple[str, str, str]] = {
    "on_chip": (PALETTE["electrical"], "dot", "square"),
    "chiplet": (PALETTE["electrical"], "dashdot", "diamond"),
    "c2c": (PALETTE["electrical"], "dot", "pentagon"),
    "board": (PALETTE["electrical"], DASH["electrical"], "triangle-up"),
    "dac": (PALETTE["electrical"], "longdash", "x"),
    "lacc": (PALETTE["electrical"], "longdashdot", "triangle-down"),
    "pluggable": (PALETTE["optical"], DASH["optical"], "circle"),
    "long_reach": (PALETTE["optical"], DASH["optical"], "star"),
    "coherent": (PALETTE["optical"], DASH["optical"], "star-diamond"),
    "cpo": (PALETTE["sky"], DASH["optical"], "hexagon"),
    "research": (PALETTE["sky"], DASH["optical"], "cross"),
}

LINE_WIDTH = {"long_reach": 5, "coherent": 4, "research": 2, "c2c": 2}

#: Tick marks of the distance axis: 1 mm ... 100 km.
DISTANCE_TICKS = (1e-3, 1e-2, 1e-1, 1.0, 10.0, 100.0, 1e3, 1e4, 1e5)
DISTANCE_TICK_TEXT = ("1 mm", "1 cm", "10 cm", "1 m", "10 m", "100 m", "1 km", "10 km", "100 km")



def thin_log_log(x: np.ndarray, y: np.ndarray, tol_decades: float = 0.002) -> tuple[np.ndarray, np.ndarray]:
    """The points a log-log line needs: a point on the straight segment between its neighbours (within
    `tol_decades` of a decade, far below a pixel) is dropped; float32 is plenty for a chart. A flat
    link needs 2 points instead of ~50, which keeps a distance change under 50 kB on the wire."""
    lx, ly = np.log10(np.asarray(x, dtype=float)), np.log10(np.asarray(y, dtype=float))
    keep = [0]
    for i in range(1, lx.size - 1):
        a, b = keep[-1], i + 1  # may the points after `a` up to `i` go, the segment running a -> b?
        span = lx[b] - lx[a]
        between = slice(a + 1, i + 1)
        expected = ly[a] + (ly[b] - ly[a]) * ((lx[between] - lx[a]) / span if span else 0.0)
        if np.any(np.abs(ly[between] - expected) > tol_decades):
            keep.append(i)
    if lx.size > 1:
        keep.append(lx.size - 1)
    idx = np.asarray(keep)
    return np.asarray(x, dtype=np.float32)[idx], np.asarray(y, dtype=np.float32)[idx]

def energy_vs_distance(
    curves: Sequence,
    *,
    names: Mapping[str, str],
    end_hover: Mapping[str, str],
    line_hover: str,
    distance_m: float | None,
    distance_label: str,
    crossover_m: float,
    crossover_label: str,
    lang: str,
    title: str,
    x_title: str,
    y_title: str,
) -> go.Figure:
    """Log-log energy per bit against distance; each line ends with a marker where its reach ends.

    ``curves``: objects with ``slug``, ``x``, ``y`` (finite only), ``reach_m``. ``names``: legend
    names (they say where the line ends); ``end_hover``: hover text of the end marker;
    ``line_hover``: hovertemplate of the lines (uses %{x}, %{y}).
    """
    fig = go.Figure()
    for c in curves:
        colour, dash, symbol = LINK_STYLE[c.slug]
        if c.x.size == 0:
            continue
        x, y = thin_log_log(c.x, c.y)
        fig.add_trace(go.Scatter(
            x=x, y=y, mode="lines", name=names[c.slug], legendgroup=c.slug,
            line=dict(color=colour, dash=dash, width=LINE_WIDTH.get(c.slug, 3)), hovertemplate=line_hover,
        ))
        ends_on_chart = np.isfinite(c.reach_m) and c.reach_m < DISTANCE_TICKS[-1]
        fig.add_trace(go.Scatter(
            x=c.x[-1:], y=c.y[-1:], mode="markers", legendgroup=c.slug, showlegend=False,
            marker=dict(symbol=symbol, size=13, color=colour if ends_on_chart else "white",
                        line=dict(color=colour, width=2)),
            hovertemplate=end_hover[c.slug] + "<extra></extra>",
        ))
    # Annotations on a log axis take log10 of the position; shapes take the value itself.
    if distance_m is not None:  # (or add it later to a cached spec with theme.with_vline)
        fig.add_vline(x=distance_m, line=dict(color=PALETTE["ink"], width=1.5))
        fig.add_annotation(x=float(np.log10(distance_m)), xref="x", y=1.0, yref="paper", yanchor="bottom",
                           text=distance_label, showarrow=False, font=dict(size=13, color=PALETTE["ink"]),
                           bgcolor="rgba(255,255,255,0.85)")
    if np.isfinite(crossover_m):
        fig.add_vline(x=crossover_m, line=dict(color=PALETTE["muted"], width=1.5, dash="dot"))
        fig.add_annotation(x=float(np.log10(crossover_m)), xref="x", y=0.0, yref="paper", yanchor="bottom",
                           xanchor="left", text=crossover_label, showarrow=False,
                           font=dict(size=12, color=PALETTE["muted"]), bgcolor="rgba(255,255,255,0.85)")
    style(fig, lang, title=title, x_title=x_title, y_title=y_title, height=600)
    fig.update_xaxes(type="log", range=[np.log10(DISTANCE_TICKS[0]) - 0.08, np.log10(DISTANCE_TICKS[-1]) + 0.08],
                     tickvals=list(DISTANCE_TICKS), ticktext=list(DISTANCE_TICK_TEXT))
    fig.update_yaxes(type="log", dtick=1, tickformat=",~g")
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.16, xanchor="left", x=0),
                      margin=dict(r=16, t=72, b=150), hovermode="closest")
    return fig


def power_bars(
    labels: Sequence[str],
    watts: np.ndarray,
    optical: Sequence[bool],
    texts: Sequence[str],
    hover: Sequence[str],
    *,
    lang: str,
    title: str,
    x_title: str,
    y_title: str,
) -> go.Figure:
    """Horizontal bars of link power; a link that cannot reach gets no bar, only its text."""
    watts = np.asarray(watts, dtype=float)
    shown = np.where(np.isfinite(watts), watts, 0.0)
    colours = [PALETTE["optical"] if o else PALETTE["electrical"] for o in optical]
    patterns = ["" if o else "/" for o in optical]  # copper hatched: colour is not the only cue
    fig = go.Figure(go.Bar(
        x=shown, y=list(labels), orientation="h", marker=dict(color=colours, pattern=dict(shape=patterns)),
        text=list(texts), textposition="outside", cliponaxis=False, hovertext=list(hover),
        hovertemplate="%{hovertext}<extra></extra>",
    ))
    style(fig, lang, title=title, x_title=x_title, y_title=y_title, height=320)
    top = float(np.nanmax(watts)) if np.isfinite(watts).any() else 1.0
    fig.update_xaxes(range=[0, top * 1.35], rangemode="tozero")
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(showlegend=False, margin=dict(l=16, r=24))
    return fig


def wdm_spectrum(
    wavelengths_nm: np.ndarray,
    freqs_thz: np.ndarray,
    rate_gbps: float,
    width_nm: float,
    band_nm: tuple[float, float],
    *,
    hover: str,
    band_label: str,
    lang: str,
    title: str,
    x_title: str,
    y_title: str,
) -> go.Figure:
    """One bar per WDM channel on the ITU grid: position = wavelength, height = its data rate."""
    n = wavelengths_nm.size
    fig = go.Figure(go.Bar(
        x=wavelengths_nm, y=np.full(n, rate_gbps), width=np.full(n, width_nm),
        marker=dict(color=PALETTE["optical"], line=dict(width=0)), customdata=freqs_thz,
        hovertemplate=hover, name="",
    ))
    fig.add_vrect(x0=band_nm[0], x1=band_nm[1], fillcolor=PALETTE["sky"], opacity=0.08, line_width=0,
                  annotation=dict(text=band_label, font=dict(size=12, color=PALETTE["muted"])),
                  annotation_position="top left")
    style(fig, lang, title=title, x_title=x_title, y_title=y_title, height=340)
    fig.update_xaxes(range=[band_nm[0] - 2, band_nm[1] + 2])
    fig.update_yaxes(range=[0, rate_gbps * 1.25], rangemode="tozero")
    fig.update_layout(showlegend=False, bargap=0)
    return fig


def mzi_outputs_chart(
    phi_pi: np.ndarray,
    bar: np.ndarray,
    cross: np.ndarray,
    current_phi_pi: float,
    current: tuple[float, float],
    *,
    names: tuple[str, str],
    hover: tuple[str, str],
    lang: str,
    title: str,
    x_title: str,
    y_title: str,
) -> go.Figure:
    """The two MZI outputs against the phase difference, with the current setting marked."""
    fig = go.Figure()
    for y, name, dash, symbol, colour, hov, now in (
        (bar, names[0], "solid", "circle", PALETTE["optical"], hover[0], current[0]),
        (cross, names[1], "dash", "square", PALETTE["sky"], hover[1], current[1]),
    ):
        fig.add_trace(go.Scatter(x=phi_pi, y=100 * y, mode="lines", name=name, legendgroup=name,
                                 line=dict(color=colour, dash=dash, width=3), hovertemplate=hov))
        fig.add_trace(go.Scatter(x=[current_phi_pi], y=[100 * now], mode="markers", legendgroup=name,
                                 showlegend=False, marker=dict(symbol=symbol, size=14, color=colour,
                                                               line=dict(color="white", width=2)),
                                 hovertemplate=hov))
    fig.add_vline(x=current_phi_pi, line=dict(color=PALETTE["ink"], width=1, dash="dot"))
    style(fig, lang, title=title, x_title=x_title, y_title=y_title, height=340)
    fig.update_xaxes(range=[0, 2], dtick=0.25)
    fig.update_yaxes(range=[-3, 103])
    return fig
