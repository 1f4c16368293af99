"""Every chart laid out for a phone (charts.phone): its words wrap to the screen and its data do not
change. Checked on every section's default figures in both languages, and `wrap` on any text."""

from __future__ import annotations

import copy
import json

import plotly.graph_objects as go
from plotly.utils import PlotlyJSONEncoder
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainers import topics, views
from explainers.charts import phone
from explainers.charts.phone import for_phone, line_count, visible_len, wrap

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéëï0123456789,.()–", min_size=1, max_size=30)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(WORD, max_size=25), chars=st.integers(min_value=8, max_value=60))
def test_wrap_breaks_only_between_words_and_keeps_every_word(words, chars):
    text = " ".join(words)
    wrapped = wrap(text, chars)
    lines = wrapped.split("<br>")
    assert " ".join(lines).split() == words
    for line in lines:
        assert visible_len(line) <= chars or " " not in line, line  # only a single long word is longer


def test_wrap_keeps_existing_breaks_and_does_not_count_tags():
    assert wrap("<b>Energy</b> per bit<br>log scale", 15) == "<b>Energy</b> per bit<br>log scale"
    assert wrap("one two three four", 9) == "one two<br>three<br>four"
    assert line_count(wrap("a b c d e f", 3)) == 3


def _figures(lang):
    for tp in topics.TOPICS:
        for name in topics.package(tp).SECTIONS:
            view = topics.view(tp, name, lang)
            for fig in views.figures(view):
                yield f"{tp.url_path}/{name}/{fig.key}", fig.build().to_dict()


FIGURES = {lang: dict(_figures(lang)) for lang in ("en", "nl")}
CASES = [(lang, key) for lang, figs in FIGURES.items() for key in figs]


def test_every_topic_has_charts_to_lay_out():
    assert {key.split("/")[0] for key in FIGURES["en"]} == {tp.url_path for tp in topics.TOPICS}


def _fits(text: str, chars: int) -> bool:
    """Every line of `text` is at most `chars` long, or a single word (which cannot be broken)."""
    return all(visible_len(line) <= chars or " " not in line for line in str(text).split("<br>"))


def _json(value) -> str:
    return json.dumps(value, sort_keys=True, cls=PlotlyJSONEncoder)


def _plot_px(layout):
    return layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]


@pytest.mark.parametrize(("lang", "key"), CASES, ids=[f"{lang}-{key}" for lang, key in CASES])
def test_a_phone_chart_wraps_its_words_and_keeps_its_data(lang, key):
    spec = FIGURES[lang][key]
    before = _json(spec)
    original = copy.deepcopy(spec)
    out = for_phone(spec)
    assert _json(spec) == before, "the input spec was changed"

    layout = out["layout"]
    title = layout.get("title", {}).get("text")
    if title:
        assert _fits(title, phone.TITLE_CHARS), title

    for note in layout.get("annotations", ()):
        assert _fits(note.get("text", ""), phone.ANNOTATION_CHARS), note["text"]
        rng = layout.get("xaxis", {}).get("range")
        if note.get("xanchor") == "left" and note.get("xref", "x") == "x" and rng:  # runs rightwards from x
            room_px = (rng[1] - note["x"]) / (rng[1] - rng[0]) * phone.PHONE_PLOT_PX
            chars = max(int(room_px / phone.NOTE_CHAR_PX), phone.MIN_ANNOTATION_CHARS)
            assert _fits(note["text"], chars), note["text"]

    x_title = layout.get("xaxis", {}).get("title", {}).get("text")
    if x_title:
        beside_labels = layout.get("yaxis", {}).get("type") in (None, "category", "-") and any(
            isinstance(tr.get("y"), (list, tuple)) and tr["y"] and all(isinstance(v, str) for v in tr["y"])
            for tr in out["data"])
        chars = phone.AXIS_TITLE_BESIDE_LABELS_CHARS if beside_labels else phone.AXIS_TITLE_CHARS
        assert _fits(x_title, chars), x_title

    named = [tr for tr in out["data"] if tr.get("name") and tr.get("showlegend", True) is not False]
    # plotly.js draws a legend for two or more traces, counting those given showlegend False
    drawn = len(out["data"]) >= 2 or layout.get("showlegend") is True
    if named and drawn and layout.get("showlegend") is not False:
        legend = layout["legend"]
        assert (legend["xref"], legend["yref"], legend["yanchor"], legend["y"]) == ("container", "container", "bottom", 0)
        for tr in named:
            assert _fits(tr["name"], phone.LEGEND_CHARS), tr["name"]
        # the legend's rows are under the plot, not taken from it
        assert layout["margin"]["b"] >= len(named) * phone.LEGEND_ENTRY_PX

    for axis_name, chars in (("yaxis", phone.CATEGORY_CHARS), ("xaxis", phone.X_CATEGORY_CHARS)):
        for text in layout.get(axis_name, {}).get("ticktext", ()) or ():
            if layout[axis_name].get("tickmode") == "array":
                assert _fits(text, chars), text

    # the data are untouched: same traces, same values, in the same order
    assert len(out["data"]) == len(original["data"])
    for new, old in zip(out["data"], original["data"], strict=True):
        for attr in ("x", "y", "z", "type", "mode"):
            assert _json(new.get(attr)) == _json(old.get(attr)), (attr, new.get("name"))
    if original["layout"].get("height"):
        assert _plot_px(layout) >= _plot_px({**original["layout"], "margin": {
            "t": original["layout"].get("margin", {}).get("t", 56), "b": original["layout"].get("margin", {}).get("b", 56)}})
    go.Figure(out)  # still a figure Plotly accepts, property by property


def test_a_long_legend_moves_under_the_plot_and_the_figure_grows_by_it():
    spec = {"data": [{"type": "scatter", "x": [1, 2], "y": [1, 2], "name": "a rather long name for a series " * 3},
                     {"type": "scatter", "x": [1, 2], "y": [2, 1], "name": "short"}],
            "layout": {"height": 420, "margin": {"t": 60, "b": 60}, "title": {"text": "A title of the chart that is longer than a phone allows"}}}
    out = for_phone(spec)
    assert out["layout"]["height"] - out["layout"]["margin"]["t"] - out["layout"]["margin"]["b"] == 420 - 60 - 60
    assert out["layout"]["margin"]["t"] == 60 + phone.TITLE_LINE_PX  # one more title line
    lines = line_count(out["data"][0]["name"])
    assert lines >= 3
    assert out["layout"]["margin"]["b"] == phone.BOTTOM_AXIS_PX + 2 * phone.LEGEND_ENTRY_PX + (lines - 1) * phone.LEGEND_LINE_PX


def test_one_listed_line_among_labelled_markers_still_has_its_legend_moved():
    """plotly.js counts traces hidden from the legend towards the two it needs to draw one."""
    spec = {"data": [{"type": "scatter", "x": [1, 2], "y": [1, 2], "name": "the brain's power per neuron", "mode": "lines"},
                     {"type": "scatter", "x": [1], "y": [1], "name": "a chip", "showlegend": False}],
            "layout": {"height": 420, "margin": {"t": 56, "b": 56}}}
    legend = for_phone(spec)["layout"]["legend"]
    assert (legend["yref"], legend["y"], legend["yanchor"]) == ("container", 0, "bottom")
    alone = for_phone({**spec, "data": spec["data"][:1]})["layout"]
    assert "legend" not in alone  # one trace: Plotly draws no legend, so there is nothing to move


def test_numbers_as_a_typed_array_are_not_category_labels():
    spec = {"data": [{"type": "scatter", "x": {"dtype": "f8", "bdata": "AAAAAAAA8D8="}, "y": {"dtype": "f8", "bdata": "AAAAAAAA8D8="}}],
            "layout": {"height": 400, "margin": {"t": 50, "b": 50}, "xaxis": {"title": {"text": "a title of thirty-five characters"}}}}
    out = for_phone(spec)["layout"]
    assert "tickvals" not in out.get("xaxis", {}) and "tickvals" not in out.get("yaxis", {})
    assert "<br>" not in out["xaxis"]["title"]["text"]  # under 46 characters, and no labels beside the plot


def test_a_note_above_the_plot_gets_the_room_of_its_new_lines():
    note = {"x": 1, "xref": "x", "y": 1.0, "yref": "paper", "yanchor": "bottom", "text": "one operation on an H100: 0.71 pJ"}
    spec = {"data": [{"type": "scatter", "x": [1, 2], "y": [1, 2]}],
            "layout": {"height": 400, "margin": {"t": 50, "b": 50}, "annotations": [note]}}
    out = for_phone(spec)["layout"]
    assert out["annotations"][0]["text"] == "one operation on an<br>H100: 0.71 pJ"
    assert out["margin"]["t"] == 50 + phone.ANNOTATION_LINE_PX
    assert _plot_px(out) == 300


def test_a_note_far_to_the_right_wraps_narrower():
    note = {"x": 2.77, "xref": "x", "y": 1, "xanchor": "left", "text": "ridge point 591 FLOP/B"}
    spec = {"data": [{"type": "scatter", "x": [0.1, 1e5], "y": [1, 2]}],
            "layout": {"height": 400, "margin": {"t": 50, "b": 50}, "xaxis": {"type": "log", "range": [-1, 5]}, "annotations": [note]}}
    text = for_phone(spec)["layout"]["annotations"][0]["text"]
    assert text == "ridge point 591<br>FLOP/B"  # 0.37 of a 290 px plot: 15 characters of 7 px
    at_left = for_phone({**spec, "layout": {**spec["layout"], "annotations": [{**note, "x": -1}]}})
    assert at_left["layout"]["annotations"][0]["text"] == "ridge point 591 FLOP/B"


def test_stacked_category_labels_get_the_height_they_need():
    labels = [f"rung number {i} with a long label" for i in range(12)]
    spec = {"data": [{"type": "bar", "orientation": "h", "x": list(range(12)), "y": labels}],
            "layout": {"height": 300, "margin": {"t": 50, "b": 50}}}
    out = for_phone(spec)
    axis = out["layout"]["yaxis"]
    assert axis["tickvals"] == labels and out["data"][0]["y"] == labels
    lines = max(line_count(text) for text in axis["ticktext"])
    assert lines == 2
    assert _plot_px(out["layout"]) == 12 * (2 * phone.CATEGORY_LINE_PX + phone.CATEGORY_GAP_PX)
