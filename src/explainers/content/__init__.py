"""Content: validated data files, translations, sourced figures and number formatting.

No Streamlit here: a notebook can use the same strings and numbers as the app.
"""

from .i18n import DEFAULT_LANG, has, normalise_lang, t
from .loader import Content, ContentError, content, load_content
from .numbers import fmt_auto, fmt_count, fmt_num, fmt_prefixed, fmt_range, fmt_sci, log_steps, plotly_separators, round_sig
from .units import fmt_distance, fmt_energy, fmt_percent, fmt_pj, fmt_power, fmt_rate, fmt_ratio, fmt_times
from .references import default_values, ref, shown, source_text, value
from .schema import LANGS

__all__ = [
    "DEFAULT_LANG", "LANGS", "Content", "ContentError", "content", "default_values", "fmt_auto",
    "fmt_count", "fmt_distance", "fmt_energy", "fmt_num", "fmt_percent", "fmt_pj", "fmt_power", "fmt_prefixed", "fmt_range",
    "fmt_rate", "fmt_ratio", "fmt_sci", "fmt_times", "has", "log_steps", "round_sig", "load_content", "normalise_lang", "plotly_separators",
    "ref", "shown", "source_text", "t", "value",
]
