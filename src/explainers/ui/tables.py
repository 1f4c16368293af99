"""Tables for the house pages: the references as a filterable frame, the glossary as a list."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from explainers.content import content, shown, source_text, t
from explainers.content.schema import GlossaryTerm

from .anatomy import CONFIDENCE_KEYS, confidence_label


@st.cache_data(show_spinner=False)
def references_frame(lang: str) -> pd.DataFrame:
    """Every reference, in `lang`, as a table (cached: it never changes while the app runs)."""
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


def filter_references(frame: pd.DataFrame, topics: list[str], confidences: list[str], query: str) -> pd.DataFrame:
    mask = frame["topic_slug"].isin(topics) & frame["confidence_slug"].isin(confidences)
    if query.strip():
        needle = query.strip().casefold()
        haystack = (frame["id"] + " " + frame["quantity"] + " " + frame["context"] + " " + frame["source"]).str.casefold()
        mask &= haystack.str.contains(needle, regex=False)
    return frame[mask]


#: Rows of the Sources table sent at once: the whole table is ~110 kB per change, a page ~25 kB.
ROWS_PER_PAGE = 50


def page_count(rows: int) -> int:
    return max(1, -(-rows // ROWS_PER_PAGE))


def page_rows(frame: pd.DataFrame, page: int) -> pd.DataFrame:
    start = (page - 1) * ROWS_PER_PAGE
    return frame.iloc[start:start + ROWS_PER_PAGE]


def match_terms(terms: tuple[GlossaryTerm, ...], topics: list[str], query: str) -> list[GlossaryTerm]:
    needle = query.strip().casefold()
    found = []
    for term in terms:
        if term.topic not in topics:
            continue
        text = " ".join([term.term.en, term.term.nl, term.definition.en, term.definition.nl]).casefold()
        if needle and needle not in text:
            continue
        found.append(term)
    return sorted(found, key=lambda term: term.term.en.casefold())
