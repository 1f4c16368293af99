"""Content: validated data files, translations, sourced figures and number formatting.

No Streamlit here: a notebook can use the same strings and numbers as the app.
"""

from .i18n import DEFAULT_LANG, has, normalise_lang, t
from .loader import Content, ContentError, content, load_content
from .numbers import fmt_auto, fmt_count, fmt_num, fmt_prefixed, fmt_range, fmt_sci, plotly_separators
from .references import default_values, ref, shown, source_text, value
from .schema import LANGS

__all__ = [
    "DEFAULT_LANG", "LANGS", "Content", "ContentError", "content", "default_values", "fmt_auto",
    "fmt_count", "fmt_num", "fmt_prefixed", "fmt_range", "fmt_sci", "has", "load_content", "normalise_lang", "plotly_separators",
    "ref", "shown", "source_text", "t", "value",
]
