"""A chart laid out again for the presenter's stage, from its frozen spec.

On the stage (ui.stage) a chart fills the part of the projector's screen that the stage's CSS gives
it, at any resolution, and is read from the back of the room. `for_stage(spec)` keeps the data and
changes only the layout:

- the figure's own height goes and it autosizes to its frame (Streamlit's `height="stretch"`);
- its font grows to `FONT_PX` (legible from the back row), a legend's to `LEGEND_FONT_PX`;
- a legend under the plot is pinned to the figure's bottom edge: the stage makes charts shorter,
  and a legend placed as a fraction of the plot's height would run into the axis title.

A pure function of the spec, the stage's sibling of charts.phone: the ui layer decides when a
chart is on the stage (ui.anatomy.chart).
"""

from __future__ import annotations

from typing import Any

FONT_PX = 15
LEGEND_FONT_PX = 13


def for_stage(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with its layout for the stage; the input is not changed."""
    layout = {k: v for k, v in spec.get("layout", {}).items() if k != "height"}
    layout["font"] = {**layout.get("font", {}), "size": FONT_PX}
    legend = layout.get("legend", {})
    if legend.get("y", 1) < 0:
        layout["legend"] = {**legend, "yref": "container", "y": 0, "yanchor": "bottom",
                            "font": {**legend.get("font", {}), "size": LEGEND_FONT_PX}}
    layout["autosize"] = True
    return {**spec, "layout": layout}
