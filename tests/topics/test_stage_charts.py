"""Every chart laid out for the stage (charts.stage): it fills its frame in larger type, and its data
do not change. Checked on every section's default figures."""

from __future__ import annotations

import copy
import json

import plotly.graph_objects as go
import pytest
from plotly.utils import PlotlyJSONEncoder

from explainers import topics, views
from explainers.charts.stage import FONT_PX, LEGEND_FONT_PX, for_stage


def _figures():
    for tp in topics.TOPICS:
        for name in topics.package(tp).SECTIONS:
            for fig in views.figures(topics.view(tp, name, "en")):
                yield f"{tp.url_path}/{name}/{fig.key}", fig.build().to_dict()


FIGURES = dict(_figures())


def _json(value) -> str:
    return json.dumps(value, cls=PlotlyJSONEncoder, sort_keys=True)


@pytest.mark.parametrize("key", sorted(FIGURES))
def test_a_stage_chart_fills_its_frame_in_larger_type_with_the_same_data(key):
    spec = FIGURES[key]
    before = copy.deepcopy(spec)
    out = for_stage(spec)
    assert _json(spec) == _json(before)  # the input is not changed
    layout = out["layout"]
    assert "height" not in layout and layout["autosize"] is True
    assert layout["font"]["size"] == FONT_PX
    assert _json(out["data"]) == _json(spec["data"])
    go.Figure(out)  # Plotly accepts it


def test_a_legend_under_the_plot_is_pinned_to_the_figures_bottom_edge():
    spec = {"data": [], "layout": {"height": 420, "legend": {"y": -0.3, "orientation": "h", "font": {"color": "#333"}}}}
    legend = for_stage(spec)["layout"]["legend"]
    assert (legend["yref"], legend["y"], legend["yanchor"]) == ("container", 0, "bottom")
    assert legend["font"] == {"color": "#333", "size": LEGEND_FONT_PX} and legend["orientation"] == "h"


def test_a_legend_beside_or_above_the_plot_stays_where_it_is():
    spec = {"data": [], "layout": {"legend": {"y": 1.02, "x": 1}, "font": {"family": "serif"}}}
    out = for_stage(spec)["layout"]
    assert out["legend"] == {"y": 1.02, "x": 1}
    assert out["font"] == {"family": "serif", "size": FONT_PX}  # the family is kept
