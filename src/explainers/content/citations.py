"""Source lines: how a figure's source, year and confidence are written (Markdown, no Streamlit)."""

from __future__ import annotations

from collections.abc import Iterable

from .i18n import t
from .references import ref, source_text

CONFIDENCE_KEYS = {
    "seen: primary": "primary",
    "seen: secondary quote": "secondary_quote",
    "seen: secondary summary": "secondary_summary",
    "derived": "derived",
    "recalled, unconfirmed": "recalled",
    "assumption": "assumption",
}


def confidence_label(confidence: str, lang: str) -> str:
    return t(f"confidence.{CONFIDENCE_KEYS[confidence]}", lang)


def source_line(ref_id: str, lang: str) -> str:
    """'Source: Horowitz, ISSCC 2014 (seen: secondary quote)' as Markdown with a link."""
    row = ref(ref_id)
    src = md_escape(source_text(ref_id, lang))
    linked = f"[{src}]({row.url})" if row.url else src
    vendor = f", {t('anatomy.vendor_claim', lang)}" if row.vendor_claim else ""
    return t("anatomy.source_line", lang, source=linked, year=row.year,
             confidence=confidence_label(row.confidence, lang) + vendor)


def sources_line(ref_ids: Iterable[str], lang: str) -> str:
    """One caption for several figures: each distinct source once, with year and confidence."""
    seen: dict[str, str] = {}
    for rid in ref_ids:
        row = ref(rid)
        text = source_text(rid, lang)
        if text in seen:
            continue
        src = md_escape(text)
        linked = f"[{src}]({row.url})" if row.url else src
        vendor = f", {t('anatomy.vendor_claim', lang)}" if row.vendor_claim else ""
        year = f", {row.year}" if row.confidence != "assumption" else ""
        seen[text] = f"{linked}{year} ({confidence_label(row.confidence, lang)}{vendor})"
    return t("anatomy.sources_line", lang, sources="; ".join(seen.values()))


def md_escape(text: str) -> str:
    for ch in "\\`*_[]<>$":
        text = text.replace(ch, "\\" + ch)
    return text
