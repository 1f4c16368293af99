"""One Plotly template and one palette with fixed meaning across pages (Okabe–Ito, colour-blind safe).

Importing Streamlit replaces Plotly's process-wide default template, so every builder passes
`template=TEMPLATE` explicitly through `style()` instead of relying on the default.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go
import plotly.io as pio

from explainers.content import plotly_separators

#: Meaning -> colour. Okabe & Ito (2008), "Color Universal Design".
PALETTE = {
    "optical": "#0072B2",  # blue: light, photonics
    "electrical": "#D55E00",  # vermillion: copper, electrical
    "neuromorphic": "#009E73",  # bluish green: in-memory, neuromorphic
    "conventional": "#E69F00",  # orange: von Neumann, conventional
    "sky": "#56B4E9",
    "yellow": "#F0E442",
    "purple": "#CC79A7",
    "ink": "#1F2933",
    "grid": "#D9DEE3",
    "muted": "#6B7785",
}

#: A second visual channel so colour is never the only cue.
DASH = {"optical": "solid", "electrical": "dash", "neuromorphic": "dot", "conventional": "dashdot"}
SYMBOL = {"optical": "circle", "electrical": "square", "neuromorphic": "diamond", "conventional": "triangle-up"}

FONT = "Source Sans Pro, Source Sans 3, Helvetica Neue, Arial, sans-serif"

TEMPLATE = go.layout.Template(
    layout=go.Layout(
        font=dict(family=FONT, size=14, color=PALETTE["ink"]),
        colorway=[PALETTE[k] for k in ("optical", "electrical", "neuromorphic", "conventional", "sky", "purple", "yellow")],
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="#FFFFFF",
        margin=dict(l=64, r=24, t=56, b=56),
        hoverlabel=dict(font=dict(family=FONT, size=13)),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0, bgcolor="rgba(255,255,255,0.6)"),
        xaxis=dict(showgrid=True, gridcolor=PALETTE["grid"], zeroline=False, linecolor=PALETTE["muted"], ticks="outside"),
        yaxis=dict(showgrid=True, gridcolor=PALETTE["grid"], zeroline=False, linecolor=PALETTE["muted"], ticks="outside"),
        title=dict(x=0, xanchor="left", font=dict(size=17)),
    )
)


#: Registered with Plotly so a figure can name it; the JSON sent to the browser embeds it in full,
#: so Streamlit's process-wide default template never applies.
TEMPLATE_NAME = "explainers"
pio.templates[TEMPLATE_NAME] = TEMPLATE


def style(fig: go.Figure, lang: str, *, title: str, x_title: str, y_title: str, height: int = 420) -> go.Figure:
    """Apply the house template, the language's number separators and the axis titles (with units).

    Attribute assignment with the template registered by name costs about half of one
    `update_layout` call (Plotly validates every keyword path), which matters at ~10 ms per chart.
    """
    layout = fig.layout
    layout.template = TEMPLATE_NAME
    layout.separators = plotly_separators(lang)
    layout.height = height
    layout.title.text = title
    layout.xaxis.title.text = x_title
    layout.yaxis.title.text = y_title
    return fig


def freeze(fig: go.Figure) -> dict:
    """The figure as a plain dict, for caching: Plotly validated it once when it was built."""
    return fig.to_dict()


class FrozenFigure(go.Figure):
    """A figure that is only its frozen spec: `to_dict()` returns it as is.

    Streamlit turns a figure into JSON through `to_dict()`; rebuilding a `go.Figure` from the spec,
    even unvalidated, parses the whole embedded template again (several ms per chart).
    """

    def __init__(self, spec: dict):  # noqa: D107 - deliberately skips go.Figure.__init__
        # go.Figure() would build the default template (Streamlit's) just to be discarded; nothing but
        # to_dict() is ever asked of this object (st.plotly_chart and plotly.io.to_json use only that).
        self._frozen_spec = spec

    def to_dict(self) -> dict:
        return self._frozen_spec

    def to_plotly_json(self) -> dict:
        return self._frozen_spec


def thaw(spec: dict) -> go.Figure:
    """A figure from a frozen spec, without building Plotly objects from it again.

    Only for specs made by `freeze()` plus small additions built here, never for outside data.
    """
    return FrozenFigure(spec)


def with_vline(spec: dict, x: float, label: str, *, log_x: bool, color: str = PALETTE["ink"]) -> dict:
    """A copy of `spec` with a labelled vertical line at `x` (the figure itself is not copied deeply)."""
    layout = dict(spec.get("layout", {}))
    layout["shapes"] = [*layout.get("shapes", ()), {
        "type": "line", "x0": x, "x1": x, "xref": "x", "y0": 0, "y1": 1, "yref": "paper",
        "line": {"color": color, "width": 1.5},
    }]
    # Annotations on a log axis take log10 of the position; shapes take the value itself.
    layout["annotations"] = [*layout.get("annotations", ()), {
        "x": math.log10(x) if log_x else x, "xref": "x", "y": 1.0, "yref": "paper", "yanchor": "bottom",
        "text": label, "showarrow": False, "font": {"size": 13, "color": color},
        "bgcolor": "rgba(255,255,255,0.85)",
    }]
    return {**spec, "layout": layout}
