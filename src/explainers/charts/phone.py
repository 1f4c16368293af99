"""A chart laid out again for a phone's screen, from its frozen spec.

The QR code on a presenter's screen brings most of an audience on phones, about 390 px wide. Plotly
does not wrap text: a desktop chart's title, legend entries and category labels run off a phone's
screen, and a legend above the plot that needs several rows grows into the title. `for_phone(spec)`
keeps the data and the plot's own height and changes only where the words go:

- the title wraps at `TITLE_CHARS` (a line break between words, never inside one), the x axis's
  title at `AXIS_TITLE_CHARS` (`AXIS_TITLE_BESIDE_LABELS_CHARS` beside a column of category labels,
  which leave the plot, and so the title centred on it, less of the screen's width);
- the legend goes under the plot, one entry per row, each wrapped at `LEGEND_CHARS`, and the figure
  grows by the legend's height instead of squeezing the plot;
- a note on the chart (an annotation, such as a marker's label) wraps at `ANNOTATION_CHARS`, or
  narrower when it starts far to the right and would run off the screen; one above the plot gets
  the height of its new lines in the top margin;
- category labels (text on an axis: bars, a ladder of rungs) wrap at `CATEGORY_CHARS`, by tick
  text, so the data are untouched, and a plot with labels stacked on its y axis grows to hold them.

A pure function of the spec: the ui layer decides when a screen is a phone's (ui.device).
"""

from __future__ import annotations

import re

TITLE_CHARS = 40
LEGEND_CHARS = 46
CATEGORY_CHARS = 18
AXIS_TITLE_CHARS = 46
AXIS_TITLE_BESIDE_LABELS_CHARS = 30
ANNOTATION_CHARS = 22
ANNOTATION_LINE_PX = 16  # each more line of a note above the plot
MIN_ANNOTATION_CHARS = 8
PHONE_PLOT_PX = 290  # a phone's plot area, about: 390 px less the page's padding and the axes
NOTE_CHAR_PX = 7  # a character of a 12-13 px note, about
#: Category labels on the x axis sit side by side: a narrower wrap.
X_CATEGORY_CHARS = 11

TITLE_SIZE_PX = 15
TITLE_LINE_PX = 20
LEGEND_SIZE_PX = 12
LEGEND_ENTRY_PX = 22  # one legend row of one line, with Plotly's gap between rows
LEGEND_LINE_PX = 15  # each more line of a wrapped entry
LEGEND_ENTRY_WIDTH_PX = 300  # wider than half a phone's chart: one entry per row
AXIS_TITLE_LINE_PX = 18  # each more line of the x axis's title
BOTTOM_AXIS_PX = 72  # the x axis's ticks and its title, under the plot
CATEGORY_LINE_PX = 15  # one line of a wrapped category label
CATEGORY_GAP_PX = 10  # between two categories' labels

_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def visible_len(text: str) -> int:
    """Characters a reader sees: Plotly's tags (<b>, <sup>, ...) take no room."""
    return len(_TAG.sub("", text))


def wrap(text: str, chars: int) -> str:
    """`text` with line breaks (<br>) between words so no line is longer than `chars` where a
    word allows it; existing breaks stay, a word longer than a line keeps its own line."""
    lines: list[str] = []
    for paragraph in _BREAK.split(text):
        line = ""
        for word in paragraph.split():
            if line and visible_len(line) + 1 + visible_len(word) > chars:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
    return "<br>".join(lines)


def line_count(text: str) -> int:
    return len(_BREAK.split(text))


def _legend_entries(spec: dict) -> list[dict]:
    """The traces the legend lists, if Plotly draws one. Plotly draws it for two or more traces that
    would be listed by default, even where some are given `showlegend: False` (plotly.js counts them,
    "because this can still help disambiguate"), so a chart of one listed line and labelled markers
    has a legend of that one line."""
    layout = spec.get("layout", {})
    if layout.get("showlegend") is False:
        return []
    visible = [tr for tr in spec.get("data", ()) if tr.get("visible", True) is not False]
    entries = [tr for tr in visible if tr.get("showlegend", True) is not False and tr.get("name")]
    if len(visible) < 2 and layout.get("showlegend") is not True:
        return []
    return entries


def _categories(values) -> list[str] | None:
    """The distinct labels of a category axis, in order; None if the values are not all text.

    Numbers in a frozen spec may be a typed array ({"dtype": ..., "bdata": ...}): not labels."""
    if not isinstance(values, (list, tuple)):
        return None
    values = list(values)
    if not values or not all(isinstance(v, str) for v in values):
        return None
    return list(dict.fromkeys(values))


def _wrapped_axis(axis: dict, categories: list[str], chars: int) -> dict:
    if "ticktext" in axis and "tickvals" in axis:
        return {**axis, "ticktext": [wrap(str(s), chars) for s in axis["ticktext"]], "automargin": True}
    if not any(visible_len(c) > chars for c in categories):
        return {**axis, "automargin": True}
    return {**axis, "tickmode": "array", "tickvals": categories,
            "ticktext": [wrap(c, chars) for c in categories], "automargin": True}


def _note_chars(note: dict, xaxis: dict) -> int:
    """How wide a note may be: a note that starts at a data x and runs rightwards has the room between
    that x and the plot's right edge (on a log axis a note's x is already in decades, like the range)."""
    rng = xaxis.get("range")
    x = note.get("x")
    if (note.get("xanchor") != "left" or note.get("xref", "x") != "x" or not isinstance(x, (int, float))
            or not (isinstance(rng, (list, tuple)) and len(rng) == 2) or rng[1] == rng[0]):
        return ANNOTATION_CHARS
    room = 1.0 - (x - rng[0]) / (rng[1] - rng[0])
    chars = int(room * PHONE_PLOT_PX / NOTE_CHAR_PX)
    return max(MIN_ANNOTATION_CHARS, min(ANNOTATION_CHARS, chars))


def for_phone(spec: dict) -> dict:
    """A copy of the frozen `spec` laid out for a phone-width screen (the input is not changed)."""
    layout = dict(spec.get("layout", {}))
    data = list(spec.get("data", ()))
    margin = dict(layout.get("margin", {}))
    template_margin = layout.get("template", {}) if isinstance(layout.get("template"), dict) else {}
    template_margin = template_margin.get("layout", {}).get("margin", {})
    top = margin.get("t", template_margin.get("t", 56))
    bottom = margin.get("b", template_margin.get("b", 56))
    height = layout.get("height")
    plot_px = (height - top - bottom) if height else None

    title = layout.get("title")
    if isinstance(title, dict) and title.get("text"):
        text = wrap(title["text"], TITLE_CHARS)
        extra_lines = line_count(text) - line_count(title["text"])
        layout["title"] = {**title, "text": text, "font": {**title.get("font", {}), "size": TITLE_SIZE_PX}}
        top += TITLE_LINE_PX * max(extra_lines, 0)

    notes = layout.get("annotations")
    if notes:
        wrapped_notes, above_px = [], 0
        for note in notes:
            text = note.get("text")
            if isinstance(text, str) and text:
                wrapped = wrap(text, _note_chars(note, layout.get("xaxis", {})))
                extra_px = ANNOTATION_LINE_PX * (line_count(wrapped) - line_count(text))
                if note.get("yref") == "paper" and (note.get("y") or 0) >= 1 and note.get("yanchor") == "bottom":
                    above_px = max(above_px, extra_px)  # it grows upwards, into the top margin
                note = {**note, "text": wrapped}
                if wrapped != text and note.get("xanchor") in ("left", "right") and "align" not in note:
                    note["align"] = note["xanchor"]  # its lines line up on the side it hangs from
            wrapped_notes.append(note)
        layout["annotations"] = wrapped_notes
        top += above_px

    entries = _legend_entries(spec)
    legend_px = 0
    if entries:
        listed = {id(trace) for trace in entries}
        wrapped_data = []
        for trace in data:
            if id(trace) in listed:
                trace = {**trace, "name": wrap(str(trace["name"]), LEGEND_CHARS)}
                legend_px += LEGEND_ENTRY_PX + LEGEND_LINE_PX * (line_count(trace["name"]) - 1)
            wrapped_data.append(trace)
        data = wrapped_data
        legend = layout.get("legend", {})
        # Horizontal with each entry the legend's full width: one entry per row, and (unlike a
        # vertical legend) it takes no width from the plot.
        layout["legend"] = {**legend, "orientation": "h", "entrywidth": LEGEND_ENTRY_WIDTH_PX, "entrywidthmode": "pixels",
                            "x": 0, "xanchor": "left", "xref": "container",
                            "y": 0, "yanchor": "bottom", "yref": "container",
                            "font": {**legend.get("font", {}), "size": LEGEND_SIZE_PX}}

    min_plot_px = 200
    y_labels = False  # a column of category labels beside the plot
    for axis_name, attr, chars in (("yaxis", "y", CATEGORY_CHARS), ("xaxis", "x", X_CATEGORY_CHARS)):
        axis = layout.get(axis_name, {})
        if axis.get("type") not in (None, "category", "-"):
            continue
        found: list[str] = []
        for trace in data:
            cats = _categories(trace.get(attr))
            if cats:
                found.extend(c for c in cats if c not in found)
        if found:
            layout[axis_name] = _wrapped_axis(axis, found, chars)
            if attr == "y":  # labels stacked on the y axis need the height of their lines
                y_labels = True
                lines = max(line_count(text) for text in layout[axis_name].get("ticktext", found))
                min_plot_px = max(min_plot_px, len(found) * (lines * CATEGORY_LINE_PX + CATEGORY_GAP_PX))

    axis_title_px = 0
    x_title = layout.get("xaxis", {}).get("title")
    if isinstance(x_title, dict) and x_title.get("text"):
        chars = AXIS_TITLE_BESIDE_LABELS_CHARS if y_labels else AXIS_TITLE_CHARS
        text = wrap(x_title["text"], chars)
        axis_title_px = AXIS_TITLE_LINE_PX * (line_count(text) - line_count(x_title["text"]))
        layout["xaxis"] = {**layout["xaxis"], "title": {**x_title, "text": text}}

    if entries:  # the legend gets rows of its own under the x axis (and any play buttons or slider)
        controls = layout.get("updatemenus") or layout.get("sliders")
        bottom = (bottom if controls else BOTTOM_AXIS_PX) + legend_px
    bottom += axis_title_px
    if plot_px:  # the plot keeps its own height, or more for stacked category labels
        layout["height"] = max(plot_px, min_plot_px) + top + bottom
    layout["margin"] = {**margin, "t": top, "b": bottom}
    return {**spec, "data": data, "layout": layout}
