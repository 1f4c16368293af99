"""The shared shape of every topic page: In one minute, charts with summaries, the model, sources."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable, Sequence

import plotly.graph_objects as go
import streamlit as st

from explainers.charts.theme import freeze, thaw
from explainers.content import ref, shown, source_text, t

CONFIDENCE_KEYS = {
    "seen: primary": "primary",
    "seen: secondary quote": "secondary_quote",
    "seen: secondary summary": "secondary_summary",
    "derived": "derived",
    "recalled, unconfirmed": "recalled",
    "assumption": "assumption",
}

PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d", "toggleSpikelines"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


def confidence_label(confidence: str, lang: str) -> str:
    return t(f"confidence.{CONFIDENCE_KEYS[confidence]}", lang)


def source_line(ref_id: str, lang: str) -> str:
    """'Source: Horowitz, ISSCC 2014 (seen: secondary quote)' as Markdown with a link."""
    row = ref(ref_id)
    src = _md_escape(source_text(ref_id, lang))
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
        src = _md_escape(text)
        linked = f"[{src}]({row.url})" if row.url else src
        vendor = f", {t('anatomy.vendor_claim', lang)}" if row.vendor_claim else ""
        year = f", {row.year}" if row.confidence != "assumption" else ""
        seen[text] = f"{linked}{year} ({confidence_label(row.confidence, lang)}{vendor})"
    return t("anatomy.sources_line", lang, sources="; ".join(seen.values()))


def _md_escape(text: str) -> str:
    for ch in "\\`*_[]<>$":
        text = text.replace(ch, "\\" + ch)
    return text


def one_minute(lang: str, *, takeaways: Sequence[str], headline_label: str, headline_value: str,
               headline_ref: str, headline_help: str | None = None) -> None:
    """The box for delegates: three takeaways and one headline number with its source."""
    with st.container(border=True, key="one_minute"):
        st.markdown(f"#### {t('anatomy.one_minute', lang)}")
        left, right = st.columns([3, 2], gap="large")
        with left:
            st.markdown("\n".join(f"- {line}" for line in takeaways))
        with right:
            readout(headline_label, headline_value, help=headline_help)
            st.caption(source_line(headline_ref, lang))


def readout(label: str, value: str, *, help: str | None = None, delta: str | None = None,
            delta_color: str = "off") -> None:
    """A big number with a label that wraps (the shell's CSS lets st.metric's label wrap, not truncate)."""
    st.metric(label, value, delta=delta, delta_color=delta_color, help=help)


@st.cache_resource(max_entries=512, show_spinner=False)
def _frozen_figure(key: str, _builder, _args: tuple, _kwargs: dict) -> dict:
    return freeze(_builder(*_args, **_kwargs))


def figure_key(builder, args: tuple, kwargs: dict) -> str:
    """A digest of the builder and everything it is given (arrays by their bytes, dtype and shape)."""
    name = f"{builder.__module__}.{builder.__qualname__}"
    return hashlib.blake2b(pickle.dumps((name, args, kwargs), protocol=5), digest_size=20).hexdigest()


def cached_figure(builder, *args, **kwargs) -> go.Figure:
    """`builder(*args, **kwargs)`, built once per distinct input and then reused.

    Plotly validates every property as a figure is built (about 1 ms per trace), which dominated
    the server time of a rerun; a cached frozen spec is thawed without validating it again. The
    cache is keyed on a pickle digest of the inputs: Streamlit's own argument hashing walks them in
    Python and cost about 1 ms per chart.
    """
    return thaw(_frozen_figure(figure_key(builder, args, kwargs), builder, args, kwargs))


def chart(fig: go.Figure, summary: str, *, key: str | None = None) -> None:
    """A chart and, under it, its one-sentence text summary (also what a screen reader gets)."""
    st.plotly_chart(fig, config=PLOTLY_CONFIG, key=key, width="stretch")
    st.caption(summary)


def model_panel(lang: str, *, equations: Iterable[str], explanation: str, assumptions: Iterable[str],
                left_out: Iterable[str], expanded: bool = False) -> None:
    """How the model works: the equations (LaTeX), what it assumes and what it leaves out."""
    with st.expander(t("anatomy.how_model_works", lang), expanded=expanded, icon=":material/functions:"):
        st.markdown(explanation)
        for eq in equations:
            st.latex(eq)
        cols = st.columns(2, gap="large")
        with cols[0]:
            st.markdown(f"**{t('anatomy.assumptions', lang)}**")
            st.markdown("\n".join(f"- {a}" for a in assumptions))
        with cols[1]:
            st.markdown(f"**{t('anatomy.left_out', lang)}**")
            st.markdown("\n".join(f"- {a}" for a in left_out))


def sources_panel(lang: str, ref_ids: Iterable[str], *, expanded: bool = False) -> None:
    """The reference ids this page used, each with value, source, year and confidence."""
    ids = list(dict.fromkeys(ref_ids))
    with st.expander(t("anatomy.sources", lang, n=len(ids)), expanded=expanded, icon=":material/menu_book:"):
        lines = []
        for rid in ids:
            row = ref(rid)
            src = _md_escape(source_text(rid, lang, with_reason=True))
            linked = f"[{src}]({row.url})" if row.url else src
            vendor = f" · {t('anatomy.vendor_claim', lang)}" if row.vendor_claim else ""
            lines.append(
                f"- **{_md_escape(row.quantity(lang))}**: {_md_escape(shown(rid, lang))} — {linked}, {row.year} "
                f"· _{confidence_label(row.confidence, lang)}_{vendor} · `{rid}`"
            )
        st.markdown("\n".join(lines))
        st.caption(t("anatomy.sources_hint", lang))
