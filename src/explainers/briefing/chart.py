"""A page's Plotly chart redrawn as vector graphics (SVG) with matplotlib, for the briefing PDF.

The briefing must show the chart the page shows, drawn from the same model output, with no browser
at run time. A view's `Figure` recipe builds the page's `go.Figure` (pure, no Streamlit); this module
reads the figure's spec (traces and layout, as Plotly serialises it) and redraws it generically:

- scatter traces: lines (colour, dash, width), markers (symbol, size, colour, open symbols, edge),
  text labels at their `textposition`, error bars, filled bands (`tonexty`, `tozeroy`, `toself`);
- bar traces: vertical or horizontal, stacked, grouped or overlaid, per-bar colours, hatch patterns
  (the house's second channel), edge lines and `outside` text;
- the layout: linear, log and category axes with their ranges (Plotly gives log ranges in decades),
  `tickvals`/`ticktext`, `dtick`, power exponents, reversed axes, `rangemode: tozero`, grids, axis
  titles (with their units), shapes (lines and rectangles in data, paper or domain coordinates),
  annotations (with Plotly's log-axis convention, shifts, arrows and angles) and the legend;
- numbers on the axes with the figure's own `separators` (Dutch decimal comma), never reformatted
  from the view's strings (those are printed by the document, not here).

Text is laid out in matplotlib's bundled DejaVu Sans and stays text in the SVG; Typst sets it with the
same font file (see `render.py`), so the file is the same on every machine and the chart's words
are searchable in the PDF. Anything the redraw cannot express raises `ChartError`, so the caller
can fall back to the next chart of the page rather than print a wrong one.
"""

from __future__ import annotations

import base64
import io
import math
import re
import textwrap
import threading
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

#: Plotly's default colour sequence, used when a trace names no colour and the layout no colorway.
_PLOTLY_COLORWAY = ("#636efa", "#EF553B", "#00cc96", "#ab63fa", "#FFA15A", "#19d3f3", "#FF6692", "#B6E880")

#: Plotly dash names -> matplotlib dash patterns (in line widths, as Plotly scales them).
_DASH = {
    "solid": "-",
    "dot": (0, (1, 1.6)),
    "dash": (0, (4, 2.5)),
    "longdash": (0, (7, 2.5)),
    "dashdot": (0, (4, 1.8, 1, 1.8)),
    "longdashdot": (0, (7, 2, 1, 2)),
}

#: Plotly marker symbols -> matplotlib markers (the "-open" variants are drawn unfilled).
_MARKER = {
    "circle": "o", "square": "s", "diamond": "D", "cross": "P", "x": "X", "triangle-up": "^",
    "triangle-down": "v", "triangle-left": "<", "triangle-right": ">", "pentagon": "p", "hexagon": "h",
    "hexagon2": "H", "octagon": "8", "star": "*", "hexagram": "*", "star-triangle-up": "^",
    "diamond-tall": "d", "diamond-wide": "D", "hourglass": "X", "bowtie": "X", "circle-cross": "o",
    "circle-x": "o", "square-cross": "s", "square-x": "s", "diamond-cross": "D", "diamond-x": "D",
    "cross-thin": "+", "x-thin": "x", "asterisk": "*", "hash": "+", "y-up": "1", "y-down": "2",
    "line-ew": "_", "line-ns": "|", "line-ne": "4", "line-nw": "3", "arrow-up": "^", "arrow-down": "v",
    "arrow-left": "<", "arrow-right": ">", "star-square": "s", "star-diamond": "D",
}
_LINE_MARKERS = {"+", "x", "_", "|", "1", "2", "3", "4"}  # drawn as strokes: no fill

#: Plotly pattern shapes -> matplotlib hatches.
_HATCH = {"/": "////", "\\": "\\\\\\\\", "x": "xxx", "-": "----", "|": "||||", "+": "+++", ".": "..", "": None}

#: Plotly text positions -> (horizontal alignment, vertical alignment, dx, dy) in points.
_TEXTPOS = {
    "top left": ("right", "bottom", -2, 2), "top center": ("center", "bottom", 0, 3),
    "top right": ("left", "bottom", 2, 2), "middle left": ("right", "center", -4, 0),
    "middle center": ("center", "center", 0, 0), "middle right": ("left", "center", 4, 0),
    "bottom left": ("right", "top", -2, -2), "bottom center": ("center", "top", 0, -3),
    "bottom right": ("left", "top", 2, -2),
}

PX = 0.62  # points per Plotly pixel: a ~760 px wide page chart drawn ~470 pt wide in the PDF
FONT_PT = 7.2  # base text size in the chart (axis titles a little larger, tick labels a little smaller)
INK = "#1F2933"
MUTED = "#6B7785"
GRID = "#D9DEE3"

_TAG = re.compile(r"<[^>]*>")

#: matplotlib's rc settings are process-wide: one drawing at a time (two visitors may click at once).
_MPL_LOCK = threading.RLock()


class ChartError(ValueError):
    """The figure has something this redraw cannot show faithfully (a trace type, a colour...)."""


# --- reading the spec ------------------------------------------------------------------------


def decode(value: Any) -> Any:
    """A Plotly data array as a Python sequence: typed arrays ({dtype, bdata, shape}) decoded."""
    if isinstance(value, Mapping) and "bdata" in value and "dtype" in value:
        arr = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        shape = value.get("shape")
        if shape:
            dims = [int(s) for s in str(shape).split(",")] if isinstance(shape, str) else list(shape)
            arr = arr.reshape(dims)
        return arr.astype(float) if arr.dtype.kind in "fiub" else arr
    if isinstance(value, np.ndarray):
        return value.astype(float) if value.dtype.kind in "fiub" else value
    return value


def plain(text: Any) -> str:
    """Chart text as matplotlib should draw it: HTML line breaks kept, other tags dropped, `$` literal."""
    if text is None:
        return ""
    s = str(text)
    s = re.sub(r"<br\s*/?>", "\n", s, flags=re.I)
    s = _TAG.sub("", s)
    s = s.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", "\u00a0")
    return s.replace("\\", "\\\\").replace("$", r"\$")


def colour(value: Any, default: Any = INK) -> Any:
    """A Plotly colour ('#RRGGBB', 'rgb(..)', 'rgba(..)', a CSS name) as a matplotlib colour."""
    if value is None or value == "":
        return default
    if not isinstance(value, str):
        raise ChartError(f"colour {value!r}")
    s = value.strip().lower()
    m = re.fullmatch(r"rgba?\(([^)]*)\)", s)
    if m:
        parts = [p.strip() for p in m.group(1).split(",")]
        if len(parts) not in (3, 4):
            raise ChartError(f"colour {value!r}")
        r, g, b = (float(p.rstrip("%")) / (100 if p.endswith("%") else 255) for p in parts[:3])
        a = float(parts[3]) if len(parts) == 4 else 1.0
        return (min(max(r, 0), 1), min(max(g, 0), 1), min(max(b, 0), 1), min(max(a, 0), 1))
    if s == "transparent":
        return (0, 0, 0, 0)
    from matplotlib.colors import is_color_like

    if not is_color_like(s):
        raise ChartError(f"colour {value!r}")
    return s


def _get(d: Mapping | None, path: str, default: Any = None) -> Any:
    cur: Any = d
    for part in path.split("."):
        if not isinstance(cur, Mapping) or part not in cur:
            return default
        cur = cur[part]
    return cur


def _template_layout(spec: Mapping) -> dict:
    """The house template's layout (the spec names it, or embeds it)."""
    tmpl = _get(spec, "layout.template")
    if isinstance(tmpl, str):
        import plotly.io as pio

        try:
            tmpl = pio.templates[tmpl].to_plotly_json()
        except KeyError:
            tmpl = None
    return dict(_get(tmpl, "layout", {}) or {}) if isinstance(tmpl, Mapping) else {}


def _merged(base: Mapping, over: Mapping) -> dict:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merged(out[k], v) if isinstance(v, Mapping) and isinstance(out.get(k), Mapping) else v
    return out


def _per_point(value: Any, n: int) -> list:
    """A trace attribute that may be one value or one per point, as a list of n values."""
    value = decode(value)
    if isinstance(value, (list, tuple, np.ndarray)):
        vals = list(value)
        return (vals + [vals[-1] if vals else None] * n)[:n]
    return [value] * n


# --- numbers on the axes -----------------------------------------------------------------------


def number(x: float, separators: str, *, tickformat: str | None = None, exponentformat: str | None = None) -> str:
    """A tick label as Plotly writes it, with the figure's `separators` (decimal mark, thousands mark).

    Thousands are grouped only where the axis's `tickformat` asks for it (`,`), as in Plotly; large
    numbers on an ungrouped axis get Plotly's suffixes (k, M, G, or B for billion) or a power of ten.
    """
    if not math.isfinite(x):
        return ""
    if abs(x) < 1e-12:
        return "0"
    dec, thou = ((separators or ".,") + ".,")[:2]
    fmt = tickformat or ""
    sign = "\u2212" if x < 0 else ""
    ax_ = abs(x)
    if fmt == "d":
        return sign + f"{round(ax_):d}"
    grouped = "," in fmt
    if not grouped and ax_ >= 1e4 and exponentformat in (None, "B", "SI"):
        for power, suffix in ((12, "T"), (9, "B" if exponentformat in (None, "B") else "G"), (6, "M"), (3, "k")):
            if ax_ >= 10 ** power:
                return sign + f"{ax_ / 10 ** power:.4g}".replace(".", dec) + suffix
    if ax_ >= 1e15 or ax_ < 1e-4 or (not grouped and exponentformat == "power" and ax_ >= 1e4):
        mant, exp = f"{ax_:.3g}".split("e") if "e" in f"{ax_:.3g}" else (f"{ax_ / 10 ** math.floor(math.log10(ax_)):.3g}",
                                                                           str(math.floor(math.log10(ax_))))
        power = f"10^{{{int(exp)}}}"
        return f"${sign}{power}$" if mant == "1" else f"${sign}{mant.replace('.', dec)}\\times{power}$"
    text = f"{ax_:,.6g}" if grouped else f"{ax_:.6g}"
    return sign + text.replace(",", "\x00").replace(".", dec).replace("\x00", thou)


def _log_label(v: float, axis: Mapping, separators: str) -> str:
    exp = math.log10(v) if v > 0 else float("nan")
    if not math.isfinite(exp):
        return ""
    if axis.get("exponentformat") == "power" and abs(exp - round(exp)) < 1e-9:
        return f"$10^{{{int(round(exp))}}}$"
    return number(v, separators, tickformat=axis.get("tickformat"), exponentformat=axis.get("exponentformat"))


# --- the redraw --------------------------------------------------------------------------------


class _Axes:
    """What a trace needs to know about its axes: log or not, and the positions of categories."""

    def __init__(self, layout: Mapping, traces: Sequence[Mapping]):
        self.xaxis = dict(layout.get("xaxis") or {})
        self.yaxis = dict(layout.get("yaxis") or {})
        self.xcats: list[str] = []
        self.ycats: list[str] = []
        for tr in traces:
            for attr, cats in (("x", self.xcats), ("y", self.ycats)):
                vals = decode(tr.get(attr))
                if isinstance(vals, (list, tuple)) and any(isinstance(v, str) for v in vals):
                    for v in vals:
                        if str(v) not in cats:
                            cats.append(str(v))
        for name, cats in (("xaxis", self.xcats), ("yaxis", self.ycats)):
            axis = getattr(self, name)
            order = decode(axis.get("categoryarray"))
            if cats and axis.get("categoryorder") == "array" and order is not None:
                ordered = [str(c) for c in order]
                cats[:] = ordered + [c for c in cats if c not in ordered]
            if axis.get("type") == "category" and not cats:
                raise ChartError(f"{name}: category axis without categories")

    def pos(self, attr: str, values: Any) -> np.ndarray:
        vals = decode(values)
        if vals is None:
            return np.array([], dtype=float)
        cats = self.xcats if attr == "x" else self.ycats
        if cats:
            return np.array([cats.index(str(v)) if str(v) in cats else np.nan for v in vals], dtype=float)
        try:
            return np.asarray(vals, dtype=float).ravel()
        except (TypeError, ValueError):
            raise ChartError(f"{attr}: values that are neither numbers nor categories") from None

    def log(self, attr: str) -> bool:
        return (self.xaxis if attr == "x" else self.yaxis).get("type") == "log"


def _scatter(ax, tr: Mapping, i: int, axes: _Axes, colorway: Sequence[str], prev: dict | None,
             legend: list) -> dict:
    """Draw one scatter trace; add its legend entry (a proxy drawn like the trace) to `legend`."""
    from matplotlib.colors import to_rgba
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    x = axes.pos("x", tr.get("x"))
    y = axes.pos("y", tr.get("y"))
    if x.size == 0 and y.size:
        x = np.arange(y.size, dtype=float)
    n = min(x.size, y.size)
    x, y = x[:n], y[:n]
    mode = tr.get("mode") or ("lines+markers" if n < 20 else "lines")
    parts = set(str(mode).split("+"))
    default_colour = colorway[i % len(colorway)]
    line = tr.get("line") or {}
    marker = tr.get("marker") or {}
    line_colour = colour(line.get("color"), colour(marker.get("color") if isinstance(marker.get("color"), str)
                                                     else None, default_colour))
    proxy: dict = {}

    fill = tr.get("fill")
    if fill not in (None, "none"):
        fc = colour(tr.get("fillcolor"), None)
        if fc is None:
            fc = to_rgba(line_colour, 0.3)
        if fill == "toself":
            ax.fill(x, y, color=fc, linewidth=0, zorder=1)
        elif fill == "tonexty" and prev is not None and prev["x"].size:
            order = np.argsort(prev["x"])
            ax.fill_between(x, np.interp(x, prev["x"][order], prev["y"][order]), y, color=fc, linewidth=0, zorder=1)
        elif fill in ("tozeroy", "tonexty"):
            ax.fill_between(x, 0, y, color=fc, linewidth=0, zorder=1)
        else:
            raise ChartError(f"fill {fill}")
        proxy["fill"] = fc

    width = float(line.get("width", 2) if line.get("width") is not None else 2)
    if "lines" in parts and width > 0 and n:
        dash = line.get("dash") or "solid"
        if dash not in _DASH:
            raise ChartError(f"dash {dash}")
        shape = line.get("shape", "linear")
        if shape not in ("linear", "spline", "hv", "vh", "hvh", "vhv"):
            raise ChartError(f"line shape {shape}")
        drawstyle = {"hv": "steps-post", "vh": "steps-pre", "hvh": "steps-mid"}.get(shape, "default")
        style = dict(color=line_colour, linestyle=_DASH[dash], linewidth=max(width * PX, 0.4))
        ax.plot(x, y, drawstyle=drawstyle, zorder=3, solid_capstyle="butt", dash_capstyle="butt", **style)
        proxy["line"] = style

    size0 = 6.0
    if "markers" in parts and n:
        symbols = [str(s) for s in _per_point(marker.get("symbol", "circle"), n)]
        sizes = [float(s) if s is not None else 6.0 for s in _per_point(marker.get("size", 6), n)]
        colours = _per_point(marker.get("color", None), n)
        mline = marker.get("line") or {}
        edge_w = float(mline.get("width", 0) or 0)
        edge_c = mline.get("color") if isinstance(mline.get("color"), str) else None
        size0 = sizes[0]
        for sym in dict.fromkeys(symbols):
            idx = [k for k in range(n) if symbols[k] == sym]
            base = sym.replace("-open-dot", "").replace("-open", "").replace("-dot", "")
            if base not in _MARKER:
                raise ChartError(f"marker {sym}")
            mk = _MARKER[base]
            open_ = "-open" in sym
            stroke = mk in _LINE_MARKERS
            cs = [colour(colours[k], line_colour) if isinstance(colours[k], str) or colours[k] is None
                  else _colour_fail(colours[k]) for k in idx]
            star = 1.3 if mk == "*" else 1.0
            area = [(sizes[k] * PX * star) ** 2 for k in idx]
            if open_ or stroke:
                face, edge, lw = ("none" if not stroke else cs), cs, max(edge_w, 1.0) * PX * 1.2
            else:
                face = cs
                edge = colour(edge_c, "none") if edge_c is not None and edge_w > 0 else "none"
                lw = edge_w * PX if edge_w > 0 else 0.0
            kw = dict(facecolors=face) if stroke else dict(facecolors=face, edgecolors=edge)
            ax.scatter(x[idx], y[idx], s=area, marker=mk, linewidths=lw, zorder=4, clip_on=False, **kw)
            if "marker" not in proxy:
                proxy["marker"] = dict(marker=mk, markersize=sizes[idx[0]] * PX * star,
                                       markerfacecolor="none" if open_ else cs[0],
                                       markeredgecolor=cs[0] if (open_ or stroke or edge == "none") else edge,
                                       markeredgewidth=lw if (open_ or stroke) else (lw or 0.0))

    for attr, err in (("x", tr.get("error_x")), ("y", tr.get("error_y"))):
        if not err or err.get("visible") is False:
            continue
        plus = decode(err.get("array"))
        if plus is None:
            continue
        minus = decode(err.get("arrayminus")) if err.get("symmetric") is False else plus
        plus = np.asarray(_per_point(plus, n), dtype=float)
        minus = np.asarray(_per_point(minus if minus is not None else plus, n), dtype=float)
        if not np.any(plus) and not np.any(minus):
            continue
        ec = colour(err.get("color"), line_colour)
        kw = {"xerr" if attr == "x" else "yerr": np.vstack([minus, plus])}
        ax.errorbar(x, y, fmt="none", ecolor=ec, elinewidth=float(err.get("thickness", 2)) * PX,
                    capsize=float(err.get("width", 4)) * PX, zorder=3, **kw)

    if "text" in parts and n:
        texts = _per_point(tr.get("text"), n)
        positions = _per_point(tr.get("textposition", "middle center"), n)
        font = tr.get("textfont") or {}
        tc = colour(font.get("color") if isinstance(font.get("color"), str) else None, INK)
        size = float(font.get("size", 12) or 12) * PX
        gap = (size0 * PX / 2 if "markers" in parts else 0.0) + 1.0
        for k in range(n):
            if texts[k] in (None, "") or not (math.isfinite(x[k]) and math.isfinite(y[k])):
                continue
            pos = str(positions[k] or "middle center")
            ha, va, dx, dy = _TEXTPOS.get(pos, _TEXTPOS["middle center"])
            dx += math.copysign(gap, dx) if dx else 0.0
            dy += math.copysign(gap, dy) if dy else 0.0
            ax.annotate(plain(texts[k]).strip(), (x[k], y[k]), xytext=(dx, dy), textcoords="offset points",
                        ha=ha, va=va, fontsize=size, color=tc, zorder=5, annotation_clip=False)

    name = plain(tr.get("name"))
    group = tr.get("legendgroup")
    if tr.get("showlegend", True) is not False and name and not any(g == group and group is not None
                                                                     for _i, g, _h, _l in legend):
        if "line" in proxy or "marker" in proxy:
            handle = Line2D([], [], **(proxy.get("line") or {"linestyle": "none"}), **(proxy.get("marker") or {}))
        elif "fill" in proxy:
            handle = Patch(facecolor=proxy["fill"], edgecolor="none")
        else:
            handle = None
        if handle is not None:
            legend.append((i, group, handle, name))
    return {"x": x, "y": y}


def _colour_fail(value: Any):
    raise ChartError(f"numeric marker colours ({value!r}) need a colour scale")


def _bars(ax, bars: list[tuple[int, Mapping]], layout: Mapping, axes: _Axes, colorway: Sequence[str],
          legend: list) -> None:
    from matplotlib.patches import Patch

    mode = layout.get("barmode") or "group"
    gap = float(layout.get("bargap", 0.2) if layout.get("bargap") is not None else 0.2)
    groupgap = float(layout.get("bargroupgap", 0) or 0)
    stack_pos: dict[float, float] = {}
    stack_neg: dict[float, float] = {}
    n_group = len(bars) if mode == "group" else 1
    for j, (i, tr) in enumerate(bars):
        horizontal = tr.get("orientation") == "h"
        cat_attr, val_attr = ("y", "x") if horizontal else ("x", "y")
        pos = axes.pos(cat_attr, tr.get(cat_attr))
        vals = axes.pos(val_attr, tr.get(val_attr))
        if pos.size == 0:
            pos = np.arange(vals.size, dtype=float)
        n = min(pos.size, vals.size)
        pos, vals = pos[:n], vals[:n]
        if n == 0:
            continue
        uniq = np.unique(pos[np.isfinite(pos)])
        spacing = float(np.min(np.diff(uniq))) if uniq.size > 1 else 1.0
        widths = tr.get("width")
        if widths is not None:
            w = np.asarray(_per_point(widths, n), dtype=float)
        else:
            w = np.full(n, spacing * (1 - gap) * (1 - groupgap) / n_group)
        centre = pos + ((j - (n_group - 1) / 2) * w if mode == "group" and widths is None else 0.0)
        base = np.zeros(n)
        if mode in ("stack", "relative"):
            for k in range(n):
                book = stack_pos if vals[k] >= 0 else stack_neg
                base[k] = book.get(pos[k], 0.0)
                book[pos[k]] = base[k] + vals[k]
        marker = tr.get("marker") or {}
        default = colorway[i % len(colorway)]
        face = [colour(c, default) if (c is None or isinstance(c, str)) else _colour_fail(c)
                for c in _per_point(marker.get("color"), n)]
        mline = marker.get("line") or {}
        edge = [colour(c, "none") if (c is None or isinstance(c, str)) else _colour_fail(c)
                for c in _per_point(mline.get("color"), n)]
        edge_w = [float(v or 0) * PX for v in _per_point(mline.get("width", 0), n)]
        pattern = marker.get("pattern") or {}
        shapes = [str(v or "") for v in _per_point(pattern.get("shape", ""), n)]
        fg = pattern.get("fgcolor")
        hatch_c = colour(fg, INK) if isinstance(fg, str) or fg is None else INK
        for k in range(n):
            if shapes[k] not in _HATCH:
                raise ChartError(f"pattern {shapes[k]}")
            if not (math.isfinite(vals[k]) and math.isfinite(centre[k])):
                continue
            common = dict(color=face[k], edgecolor=edge[k] if edge_w[k] > 0 else "none", linewidth=edge_w[k],
                          hatch=_HATCH[shapes[k]], zorder=2)
            if horizontal:
                patches = ax.barh(centre[k], vals[k], height=w[k], left=base[k], **common)
            else:
                patches = ax.bar(centre[k], vals[k], width=w[k], bottom=base[k], **common)
            if _HATCH[shapes[k]]:
                for p in patches:  # hatches in the pattern's colour, not the edge's (matplotlib >= 3.10)
                    p.set_hatchcolor(hatch_c)
        texts = tr.get("text")
        if texts is not None:
            texts = _per_point(texts, n)
            inside = tr.get("textposition", "auto") == "inside"
            font = tr.get("textfont") or {}
            tc = colour(font.get("color") if isinstance(font.get("color"), str) else None, INK)
            size = float(font.get("size", 12) or 12) * PX
            for k in range(n):
                if texts[k] in (None, "") or not math.isfinite(vals[k]):
                    continue
                end = base[k] + vals[k]
                if horizontal:
                    ax.annotate(plain(texts[k]), (end, centre[k]), xytext=(-3 if inside else 3, 0),
                                textcoords="offset points", ha="right" if inside else "left", va="center",
                                fontsize=size, color=tc, zorder=5, annotation_clip=False)
                else:
                    ax.annotate(plain(texts[k]), (centre[k], end), xytext=(0, -3 if inside else 3),
                                textcoords="offset points", ha="center", va="top" if inside else "bottom",
                                fontsize=size, color=tc, zorder=5, annotation_clip=False)
        name = plain(tr.get("name"))
        if tr.get("showlegend", True) is not False and name:
            handle = Patch(facecolor=face[0], edgecolor=edge[0] if edge_w[0] > 0 else "none", linewidth=edge_w[0],
                           hatch=_HATCH[shapes[0]])
            if _HATCH[shapes[0]]:
                handle.set_hatchcolor(hatch_c)
            legend.append((i, tr.get("legendgroup"), handle, name))


def _configure_axis(ax, which: str, axis: Mapping, axes: _Axes, separators: str) -> None:
    from matplotlib.ticker import FixedLocator, FuncFormatter, LogLocator, MaxNLocator, MultipleLocator, NullLocator

    log = axis.get("type") == "log"
    cats = axes.xcats if which == "x" else axes.ycats
    mpl_axis = ax.xaxis if which == "x" else ax.yaxis
    set_scale = ax.set_xscale if which == "x" else ax.set_yscale
    set_lim = ax.set_xlim if which == "x" else ax.set_ylim
    get_lim = ax.get_xlim if which == "x" else ax.get_ylim
    if log:
        set_scale("log")
    rng = axis.get("range")
    if isinstance(rng, (list, tuple)) and len(rng) == 2 and all(isinstance(r, (int, float)) for r in rng):
        lo, hi = (10.0 ** float(r) for r in rng) if log else (float(rng[0]), float(rng[1]))
        if cats and not log:
            lo, hi = float(rng[0]), float(rng[1])
        set_lim(lo, hi)
    elif axis.get("rangemode") == "tozero" and not log:
        lo, hi = get_lim()
        set_lim(min(lo, 0.0), max(hi, 0.0))
    elif cats:
        set_lim(-0.5 - 0.1, len(cats) - 0.5 + 0.1)
    if axis.get("autorange") == "reversed":
        if which == "x":
            ax.invert_xaxis()
        else:
            ax.invert_yaxis()

    tickvals = decode(axis.get("tickvals"))
    ticktext = decode(axis.get("ticktext"))
    if cats:
        mpl_axis.set_major_locator(FixedLocator(range(len(cats))))
        wrap = 30 if which == "y" else 16
        labels = ["\n".join(textwrap.wrap(plain(c), wrap)) or plain(c) for c in cats]
        mpl_axis.set_major_formatter(FuncFormatter(lambda v, _p, labels=labels: labels[int(round(v))]
                                                   if 0 <= int(round(v)) < len(labels) else ""))
        mpl_axis.set_minor_locator(NullLocator())
    elif tickvals is not None and len(tickvals):
        vals = [float(v) for v in tickvals]
        mpl_axis.set_major_locator(FixedLocator(vals))
        if ticktext is not None and len(ticktext) == len(vals):
            texts = [plain(t) for t in ticktext]
            lookup = dict(zip(vals, texts))
            mpl_axis.set_major_formatter(FuncFormatter(
                lambda v, _p, lookup=lookup: next((s for k, s in lookup.items() if math.isclose(k, v, rel_tol=1e-9)), "")))
        mpl_axis.set_minor_locator(NullLocator())
    elif log:
        dtick = axis.get("dtick")
        step = float(dtick) if isinstance(dtick, (int, float)) and float(dtick) >= 1 else 1.0
        lo, hi = sorted(get_lim())
        decades = max(math.log10(hi) - math.log10(lo), 1e-9) if lo > 0 else 1.0
        while decades / step > 7:  # keep the labels apart in the small print of a briefing
            step *= 2
        mpl_axis.set_major_locator(LogLocator(base=10.0 ** step, numticks=30))
        mpl_axis.set_minor_locator(NullLocator())
        mpl_axis.set_major_formatter(FuncFormatter(lambda v, _p: _log_label(v, axis, separators)))
    else:
        dtick = axis.get("dtick")
        if isinstance(dtick, (int, float)) and float(dtick) > 0:
            lo, hi = sorted(get_lim())
            step = float(dtick)
            while (hi - lo) / step > 10:
                step *= 2
            mpl_axis.set_major_locator(MultipleLocator(step))
        else:
            mpl_axis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))
        fmt, expf = axis.get("tickformat"), axis.get("exponentformat")
        mpl_axis.set_major_formatter(FuncFormatter(lambda v, _p: number(v, separators, tickformat=fmt,
                                                                        exponentformat=expf)))

    title = plain(_get(axis, "title.text"))
    if title:
        fig_w, fig_h = (ax.figure.get_size_inches() * 25.4)
        room = fig_w * 1.1 if which == "x" else fig_h * 0.5  # characters that fit along the axis
        title = "\n".join(textwrap.wrap(title, max(int(room), 12))) or title
        (ax.set_xlabel if which == "x" else ax.set_ylabel)(title, fontsize=FONT_PT, color=INK, labelpad=3)
    grid = axis.get("showgrid", True)
    if grid and not cats:
        mpl_axis.grid(True, which="major", color=GRID, linewidth=0.5, zorder=0)
    else:
        mpl_axis.grid(False)


def _coord_transform(ax, xref: str, yref: str):
    from matplotlib.transforms import blended_transform_factory

    xt = ax.transAxes if xref in ("paper",) or xref.endswith(" domain") else ax.transData
    yt = ax.transAxes if yref in ("paper",) or yref.endswith(" domain") else ax.transData
    return blended_transform_factory(xt, yt)


def _shapes(ax, layout: Mapping, axes: _Axes) -> None:
    from matplotlib.patches import Rectangle

    for sh in layout.get("shapes") or ():
        kind = sh.get("type", "rect")
        xref, yref = str(sh.get("xref", "x")), str(sh.get("yref", "y"))
        if xref not in ("x", "paper", "x domain") or yref not in ("y", "paper", "y domain"):
            raise ChartError(f"shape on axes {xref}/{yref}")
        tr = _coord_transform(ax, xref, yref)

        def px(v, ref, attr):
            if ref == "x" and attr == "x" or ref == "y" and attr == "y":
                return float(axes.pos(attr, [v])[0])
            return float(v)

        x0, x1 = px(sh.get("x0", 0), xref, "x"), px(sh.get("x1", 0), xref, "x")
        y0, y1 = px(sh.get("y0", 0), yref, "y"), px(sh.get("y1", 0), yref, "y")
        line = sh.get("line") or {}
        lw = float(line.get("width", 2) if line.get("width") is not None else 2) * PX
        lc = colour(line.get("color"), MUTED)
        dash = _DASH.get(line.get("dash") or "solid", "-")
        opacity = float(sh.get("opacity", 1) if sh.get("opacity") is not None else 1)
        if kind == "line":
            ax.plot([x0, x1], [y0, y1], transform=tr, color=lc, linewidth=max(lw, 0.4), linestyle=dash,
                    alpha=opacity, zorder=2.5, clip_on=False)
        elif kind == "rect":
            fc = colour(sh.get("fillcolor"), (0, 0, 0, 0))
            ax.add_patch(Rectangle((min(x0, x1), min(y0, y1)), abs(x1 - x0), abs(y1 - y0), transform=tr,
                                   facecolor=fc, edgecolor=lc if lw > 0 else "none", linewidth=lw, alpha=opacity,
                                   zorder=0.5))
        else:
            raise ChartError(f"shape {kind}")


def _annotations(ax, layout: Mapping, axes: _Axes) -> None:
    for an in layout.get("annotations") or ():
        if an.get("visible") is False or not an.get("text"):
            continue
        xref, yref = str(an.get("xref", "x")), str(an.get("yref", "y"))
        if xref not in ("x", "paper", "x domain") or yref not in ("y", "paper", "y domain"):
            raise ChartError(f"annotation on axes {xref}/{yref}")

        def coord(v, ref, attr):
            if ref in ("paper", f"{attr} domain"):
                return float(v if v is not None else 0.5)
            if isinstance(v, str) and (axes.xcats if attr == "x" else axes.ycats):
                return float(axes.pos(attr, [v])[0])
            value = float(v if v is not None else 0)
            return 10.0 ** value if axes.log(attr) else value  # Plotly: annotations on a log axis in decades

        x = coord(an.get("x"), xref, "x")
        y = coord(an.get("y"), yref, "y")
        tr = _coord_transform(ax, xref, yref)
        font = an.get("font") or {}
        size = float(font.get("size", 12) or 12) * PX
        tc = colour(font.get("color"), INK)
        ha = {"left": "left", "right": "right", "center": "center"}.get(an.get("xanchor", "auto"), "center")
        va = {"top": "top", "bottom": "bottom", "middle": "center"}.get(an.get("yanchor", "auto"), "center")
        dx = float(an.get("xshift", 0) or 0) * PX
        dy = float(an.get("yshift", 0) or 0) * PX
        bbox = None
        if an.get("bgcolor"):
            bbox = dict(boxstyle="square,pad=0.15", facecolor=colour(an["bgcolor"]), edgecolor="none")
        kwargs = dict(xycoords=tr, textcoords="offset points", fontsize=size, color=tc, ha=ha, va=va,
                      rotation=-float(an.get("textangle", 0) or 0), zorder=6, bbox=bbox, annotation_clip=False)
        if an.get("showarrow", True):
            ax_, ay_ = float(an.get("ax", -10) or 0) * PX, float(an.get("ay", -30) or 0) * PX
            if an.get("axref", "pixel") != "pixel" or an.get("ayref", "pixel") != "pixel":
                raise ChartError("annotation arrow in data coordinates")
            kwargs.update(ha="center", va="center")
            ax.annotate(plain(an["text"]), (x, y), xytext=(ax_ + dx, -ay_ + dy),
                        arrowprops=dict(arrowstyle="-", color=tc, linewidth=0.6, shrinkA=0, shrinkB=0), **kwargs)
        else:
            ax.annotate(plain(an["text"]), (x, y), xytext=(dx, dy), **kwargs)


SUPPORTED_TRACES = ("scatter", "scattergl", "bar")

#: Text stays text (`svg.fonttype: none`): Typst sets it with the very font file matplotlib measured it
#: with (its bundled DejaVu Sans, handed to Typst by render.py), with hinting off so that both use the
#: font's own advances. In the PDF the chart's words can then be searched, copied and read aloud.
FONT_FAMILY = "DejaVu Sans"

_RC = {
    "svg.fonttype": "none", "text.hinting": "no_hinting",
    "svg.hashsalt": "explainers-briefing", "font.family": FONT_FAMILY,
    "font.size": FONT_PT, "axes.edgecolor": MUTED, "axes.linewidth": 0.6, "xtick.color": MUTED,
    "ytick.color": MUTED, "xtick.labelcolor": INK, "ytick.labelcolor": INK, "xtick.labelsize": FONT_PT - 0.6,
    "ytick.labelsize": FONT_PT - 0.6, "xtick.major.size": 2.5, "ytick.major.size": 2.5,
    "xtick.major.width": 0.5, "ytick.major.width": 0.5, "hatch.linewidth": 0.5, "mathtext.fontset": "dejavusans",
    "axes.unicode_minus": True, "legend.fontsize": FONT_PT - 0.4, "path.simplify": True,
    "path.simplify_threshold": 0.05, "axes.labelcolor": INK, "figure.constrained_layout.h_pad": 0.02,
    "figure.constrained_layout.w_pad": 0.02,
}
_SVG_META = {"Date": None, "Creator": None, "Format": None, "Type": None}


def _width_pt(text: str, size: float) -> float:
    """The printed width of a label in DejaVu Sans, estimated (≈ 0.62 em a character; a power of ten
    written as mathtext counts as its digits)."""
    text = re.sub(r"\$(\\u2212|−)?10\^\{(-?\d+)\}\$", lambda m: "10" + m.group(2), text)
    text = text.replace("$", "").replace("\\times", "×")
    return max((len(line) for line in text.split("\n")), default=0) * 0.62 * size


def _tick_labels(axis) -> list[str]:
    lo, hi = sorted(axis.get_view_interval())
    locs = [v for v in axis.get_major_locator()() if lo - 1e-12 * abs(lo) <= v <= hi + 1e-12 * abs(hi)]
    formatter = axis.get_major_formatter()
    formatter.set_locs(locs)
    return [str(formatter(v, i)) for i, v in enumerate(locs)]


def _lines(text: str) -> int:
    return text.count("\n") + 1 if text else 0


MAX_HEIGHT_MM = 110.0
MIN_PLOT_PT = 105.0  # the plot area keeps at least this height; a long legend makes the figure taller


def _layout(fig, ax, legend_labels: list[str], ncol: int, *, y_categories: bool = False,
            y_title: str = "") -> tuple[float, float]:
    """Margins from the labels' estimated sizes (one drawing pass instead of a layout engine's two).

    The figure grows (up to MAX_HEIGHT_MM) when categories or a long legend need the room; the y
    title is wrapped to the plot's height. Returns the legend's anchor (figure fraction).
    """
    width_pt, height_pt = (v * 72 for v in fig.get_size_inches())
    tick = _RC["ytick.labelsize"]
    ylabels = _tick_labels(ax.yaxis)
    xlabels = _tick_labels(ax.xaxis)
    xtitle_lines = _lines(ax.get_xlabel())
    x_tick_h = max((_lines(lab) for lab in xlabels), default=1) * tick * 1.25
    legend_h = 0.0
    if legend_labels:
        # matplotlib fills a legend column by column (the first ones one entry longer), each column
        # a stack of its own entries: the legend is as tall as its tallest column.
        size = _RC["legend.fontsize"]
        per_col, longer = divmod(len(legend_labels), ncol)
        heights, start = [], 0
        for c in range(ncol):
            count = per_col + (1 if c < longer else 0)
            column = legend_labels[start:start + count]
            start += count
            heights.append(sum(_lines(lab) * size * 1.2 + size * 0.3 for lab in column))
        legend_h = max(heights) + 4
    bottom = 3 + x_tick_h + 2 + xtitle_lines * FONT_PT * 1.22 + (3 if xtitle_lines else 0) + legend_h + 2
    top = 12.0  # room for labels set just above the plot (a marker's label, "2 m")
    need = MIN_PLOT_PT
    if y_categories and ylabels:  # categories on the y axis: as tall as their (wrapped) labels need
        need = max(need, sum(_lines(lab) for lab in ylabels) * tick * 1.32 + len(ylabels) * 5.0)
    if need > height_pt - bottom - top:
        height_pt = min(need + bottom + top, MAX_HEIGHT_MM / 25.4 * 72)
        fig.set_size_inches(width_pt / 72, height_pt / 72)
    if y_title:  # wrapped to the plot's height, so it never runs past it
        room = max(int((height_pt - bottom - top) / (0.6 * FONT_PT)), 12)
        ax.set_ylabel("\n".join(textwrap.wrap(y_title, room)) or y_title)
    ytitle_lines = _lines(ax.get_ylabel())
    y_tick_w = max((_width_pt(lab, tick) for lab in ylabels), default=0.0)
    left = 4 + ytitle_lines * FONT_PT * 1.22 + (4 if ytitle_lines else 0) + y_tick_w + 6
    last = _width_pt(xlabels[-1], tick) / 2 if xlabels else 0.0
    right = max(last + 3, 8.0)
    fig.subplots_adjust(left=left / width_pt, right=1 - right / width_pt, bottom=bottom / height_pt,
                        top=1 - top / height_pt)
    return 2.0 / width_pt, 2.0 / height_pt


def spec_svg(spec: Mapping, *, width_mm: float = 178.0, height_mm: float = 70.0) -> str:
    """The figure spec (`go.Figure.to_dict()`) drawn as an SVG document, its text as paths.

    The page's title is not drawn (the document prints it as text, so it can be read and searched).
    """
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure as MplFigure

    layout = _merged(_template_layout(spec), {k: v for k, v in (spec.get("layout") or {}).items() if k != "template"})
    traces = [dict(t) for t in spec.get("data") or () if t.get("visible", True) not in (False, "legendonly")]
    for tr in traces:
        if tr.get("type", "scatter") not in SUPPORTED_TRACES:
            raise ChartError(f"trace type {tr.get('type')}")
    if not traces:
        raise ChartError("no traces")
    for name in ("xaxis2", "yaxis2"):
        if name in layout:
            raise ChartError(f"second axis {name}")
    separators = layout.get("separators") or ".,"
    colorway = list(layout.get("colorway") or _PLOTLY_COLORWAY)

    with _MPL_LOCK, matplotlib.rc_context(_RC):
        fig = MplFigure(figsize=(width_mm / 25.4, height_mm / 25.4), facecolor="white")
        FigureCanvasSVG(fig)
        ax = fig.add_subplot()
        ax.set_facecolor("white")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        axes = _Axes(layout, traces)
        legend: list = []
        bars = [(i, tr) for i, tr in enumerate(traces) if tr.get("type") == "bar"]
        if bars:
            _bars(ax, bars, layout, axes, colorway, legend)
        prev = None
        for i, tr in enumerate(traces):
            if tr.get("type", "scatter") != "bar":
                prev = _scatter(ax, tr, i, axes, colorway, prev, legend)
        _configure_axis(ax, "x", axes.xaxis, axes, separators)
        _configure_axis(ax, "y", axes.yaxis, axes, separators)
        _shapes(ax, layout, axes)
        _annotations(ax, layout, axes)

        show_legend = layout.get("showlegend")
        if show_legend is None:  # Plotly's default: a legend once there is more than one named trace
            show_legend = len([tr for tr in traces if tr.get("showlegend", True) is not False and tr.get("name")]) > 1
        labels: list[str] = []
        ncol = 1
        if show_legend and legend:
            legend.sort(key=lambda e: e[0])
            longest = max(len(e[3]) for e in legend)
            ncol = 2 if longest > 34 or len(legend) <= 2 else 3
            labels = ["\n".join(textwrap.wrap(e[3], 58 if ncol == 2 else 36)) for e in legend]
        anchor = _layout(fig, ax, labels, ncol, y_categories=bool(axes.ycats),
                         y_title=plain(_get(axes.yaxis, "title.text")))
        if labels:
            fig.legend([e[2] for e in legend], labels, loc="lower left", bbox_to_anchor=anchor, ncol=ncol,
                       frameon=False, handlelength=2.6, columnspacing=1.6, handletextpad=0.5, labelspacing=0.3,
                       borderaxespad=0.0, borderpad=0.0)
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata=_SVG_META)
    return buf.getvalue()


def figure_svg(figure: Any, *, width_mm: float = 178.0, height_mm: float | None = None) -> tuple[str, str]:
    """A view's chart recipe (`views.Figure`) as (title, SVG): built as the page builds it, then redrawn.

    Without `height_mm`, the chart keeps the page's proportions: its Plotly height, scaled to print.
    """
    from explainers.charts.theme import freeze, with_vline

    spec = freeze(figure.builder(*figure.args, **dict(figure.kwargs)))
    if figure.vline is not None:
        v = figure.vline
        spec = with_vline(spec, v.x, v.label, log_x=v.log_x)
    title = _TAG.sub("", str(_get(spec, "layout.title.text") or ""))
    if height_mm is None:
        px = _get(spec, "layout.height")
        height_mm = min(max(0.13 * float(px), 46.0), 80.0) if isinstance(px, (int, float)) else 62.0
    return title, spec_svg(spec, width_mm=width_mm, height_mm=height_mm)


def equation_svg(latex: str, *, size_pt: float = 10.0) -> str:
    """A LaTeX equation (the model panel's) as SVG with matplotlib's mathtext, text as paths.

    mathtext knows most of what the panels use; a few spellings it lacks are rewritten first.
    Raises ChartError when it still cannot parse the equation (the caller prints the source).
    """
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure as MplFigure

    tex = latex.strip()
    for a, b in ((r"\ge ", r"\geq "), (r"\le ", r"\leq "), (r"\ne ", r"\neq "), (r"\!", ""), (r"\;", r"\ "),
                 (r"\qquad", r"\quad\quad")):
        tex = tex.replace(a, b)
    tex = re.sub(r"\\ge(?![a-z])", r"\\geq", tex)
    tex = re.sub(r"\\le(?![a-z])", r"\\leq", tex)
    tex = re.sub(r"\\text\{([^{}]*)\}", lambda m: r"\mathrm{" + m.group(1).replace(" ", r"\ ") + "}", tex)
    rc = {"svg.fonttype": "path", "svg.hashsalt": "explainers-briefing", "mathtext.fontset": "stix"}
    with _MPL_LOCK, matplotlib.rc_context(rc):
        fig = MplFigure(figsize=(0.01, 0.01))
        FigureCanvasSVG(fig)
        fig.text(0, 0, f"${tex}$", fontsize=size_pt, color=INK)
        buf = io.StringIO()
        try:
            fig.savefig(buf, format="svg", metadata=_SVG_META, bbox_inches="tight", pad_inches=0.01, transparent=True)
        except ValueError as exc:
            raise ChartError(f"equation: {str(exc).splitlines()[0] if str(exc) else exc}") from None
    return buf.getvalue()
