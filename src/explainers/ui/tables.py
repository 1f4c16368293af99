"""Tables for the house pages: the references as a filterable frame, the glossary as a list."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from explainers.content import LANGS, content, shown, source_text, t
from explainers.content.citations import md_escape
from explainers.content.schema import GlossaryTerm

from .anatomy import CONFIDENCE_KEYS, confidence_label


def references_frame(lang: str) -> pd.DataFrame:
    """Every reference, in `lang`, as a table (`reference_table` keeps it, once per language)."""
    rows = []
    for rid, row in content().references.items():
        rows.append({
            "id": rid,
            "topic_slug": row.topic,
            "topic": t(f"topics.{row.topic}", lang),
            "quantity": row.quantity(lang),
            "value": shown(rid, lang),
            "context": row.context(lang),
            "source": source_text(rid, lang, with_reason=True),
            "year": row.year,
            "url": row.url,
            "confidence_slug": CONFIDENCE_KEYS[row.confidence],
            "confidence": confidence_label(row.confidence, lang),
            "value_number": row.value,
            "low": row.low,
            "high": row.high,
            "unit": row.unit,
        })
    return pd.DataFrame(rows)


#: The columns of the Sources table, in the order shown.
SHOWN_COLUMNS = ["quantity", "value", "confidence", "source", "year", "url", "topic", "context", "id"]
CSV_COLUMNS = ["id", "topic", "quantity", "value_number", "low", "high", "unit", "value", "context", "source", "year",
               "url", "confidence"]


@dataclass(frozen=True)
class ReferenceTable:
    """The references of one language, ready to filter on every keystroke without pandas."""

    frame: pd.DataFrame  # every column (the CSV is cut from it)
    shown: pa.Table  # the columns shown, converted to Arrow once (st.dataframe sends Arrow)
    topic: np.ndarray  # slug per row
    confidence: np.ndarray  # slug per row
    haystack: tuple[str, ...]  # what the search box looks in, case-folded
    topic_slugs: tuple[str, ...]  # every topic, in order of first appearance

    def __len__(self) -> int:
        return len(self.frame)

    def match(self, topics: list[str], confidences: list[str], query: str) -> np.ndarray:
        """Indices of the rows in one of `topics` and `confidences` whose text contains `query`."""
        mask = np.isin(self.topic, topics) & np.isin(self.confidence, confidences)
        needle = query.strip().casefold()
        if needle:
            mask &= np.fromiter((needle in text for text in self.haystack), dtype=bool, count=len(self.haystack))
        return np.flatnonzero(mask)

    def rows(self, indices: np.ndarray) -> pa.Table:
        return self.shown.take(pa.array(indices, type=pa.int64()))

    def csv(self, indices: np.ndarray) -> bytes:
        """The rows at `indices` as the CSV the Sources page offers for download."""
        return self.frame.iloc[indices][CSV_COLUMNS].to_csv(index=False).encode("utf-8")


@st.cache_resource(show_spinner=False)
def reference_table(lang: str) -> ReferenceTable:
    frame = references_frame(lang)
    # The search looks in every language, as the glossary's does: a link with ?q=fibre finds the same
    # rows for a Dutch reader as for the English one who shared it.
    text = frame["id"] + " " + frame["source"]
    for each in LANGS:
        words = frame if each == lang else references_frame(each).set_index("id").reindex(frame["id"])
        text = text + " " + words["quantity"].fillna("").to_numpy() + " " + words["context"].fillna("").to_numpy()
    haystack = text.str.casefold()
    return ReferenceTable(
        frame=frame,
        shown=pa.Table.from_pandas(frame[SHOWN_COLUMNS], preserve_index=False),
        topic=frame["topic_slug"].to_numpy(dtype=object),
        confidence=frame["confidence_slug"].to_numpy(dtype=object),
        haystack=tuple(haystack),
        topic_slugs=tuple(dict.fromkeys(frame["topic_slug"])),
    )


#: What Markdown reads at the start of a line as a heading, quote, list item or rule.
_LINE_MARKER = re.compile(r"^(\s*)([#>+=-]|\d{1,9}(?=[.)](?:\s|$)))", re.MULTILINE)  # "1. x", not "1.152"


def markdown_cell(text: str) -> str:
    """`text` escaped so that a cell of `st.table`, which renders every cell as Markdown, shows it as written."""
    text = md_escape(text).replace("&", "\\&").replace("~", "\\~").replace("|", "\\|")
    return _LINE_MARKER.sub(lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit() else "\\" + m.group(2)),
                            text)


def text_table(headings: Sequence[str], rows: Sequence[Sequence[str]], alt: str) -> None:
    """A table of finished text as a static table: it wraps, prints and reads on a phone, and a first
    visit does not fetch st.dataframe's grid (~200 kB compressed) for a handful of rows."""
    frame = pd.DataFrame([[markdown_cell(cell) for cell in row] for row in rows],
                         columns=[markdown_cell(h) for h in headings])
    st.table(frame, hide_index=True, border="horizontal", alt=alt)


#: Rows of the Sources table sent at once: the whole table is ~110 kB per change, a page ~25 kB.
ROWS_PER_PAGE = 50


def page_count(rows: int) -> int:
    return max(1, -(-rows // ROWS_PER_PAGE))


def page_slice(indices: np.ndarray, page: int) -> np.ndarray:
    start = (page - 1) * ROWS_PER_PAGE
    return indices[start:start + ROWS_PER_PAGE]


def match_terms(terms: tuple[GlossaryTerm, ...], topics: list[str], query: str, lang: str) -> list[GlossaryTerm]:
    """The terms in one of `topics` whose text (either language) contains `query`, alphabetical in `lang`."""
    needle = query.strip().casefold()
    found = []
    for term in terms:
        if term.topic not in topics:
            continue
        text = " ".join([term.term.en, term.term.nl, term.definition.en, term.definition.nl]).casefold()
        if needle and needle not in text:
            continue
        found.append(term)
    return sorted(found, key=lambda term: term.term(lang).casefold())


#: The glossary's cards: one HTML block for the whole list (a bordered container per term cost ~5
#: elements each, ~150 per rerun). Colours are the theme's: text, caption grey and border.
GLOSSARY_CSS = """
<style>
  .stHtml dl.gl-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1rem;
                       margin: 0; padding: 0; }
  .gl-card { border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; padding: 1rem; margin: 0;
             line-height: 1.6; }
  .gl-card dt { margin: 0 0 0.5rem 0; }
  .gl-card dd { margin: 0 0 0.75rem 0; }
  .gl-card dd.gl-other { margin: 0; font-size: 0.875rem; color: #5A6169; }
</style>
"""


def glossary_html(terms: list[GlossaryTerm], lang: str) -> str:
    """The terms as cards (term and topic, definition, the term in the other language), escaped."""
    other = "nl" if lang == "en" else "en"
    other_label = escape(t("glossary.other_lang", lang))
    cards = []
    for term in terms:
        topic = escape(t(f"glossary.topics.{term.topic}", lang))
        cards.append(
            f'<div class="gl-card" id="term-{escape(term.id)}"><dt><strong>{escape(term.term(lang))}</strong> · {topic}</dt>'
            f"<dd>{escape(term.definition(lang))}</dd>"
            f'<dd class="gl-other">{other_label}: <i lang="{other}">{escape(term.term(other))}</i></dd></div>'
        )
    return GLOSSARY_CSS + f'<dl class="gl-list">{"".join(cards)}</dl>'
