"""Streamlit glue: URL-bound widgets, language, scenes, page anatomy, the app's frame."""

from . import state
from .anatomy import (cached_figure, chart, model_panel, on_stage, one_minute, readout, readout_row, show, show_figure, show_heading, show_model,
                      show_note, show_one_minute, show_readout, source_line, sources_line, sources_panel)
from .lang import current_lang
from .progressive import rest_of_page
from .scenes import apply_from_url, scene_bar
from .tables import text_table

__all__ = ["apply_from_url", "cached_figure", "chart", "current_lang", "model_panel", "on_stage", "one_minute", "readout", "readout_row",
           "rest_of_page", "scene_bar", "show", "show_figure", "show_heading", "show_model", "show_note", "show_one_minute", "show_readout", "source_line",
           "sources_line", "sources_panel", "state", "text_table"]
