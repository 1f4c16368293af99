"""The shared shape of every topic page: In one minute, charts with summaries, the model, sources."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import plotly.graph_objects as go
import streamlit as st

from explainers.content import ref, shown, source_text, t
from explainers.content.citations import CONFIDENCE_KEYS, confidence_label, md_escape as _md_escape, source_line, sources_line  # noqa: F401
from explainers.views import Figure, Heading, ModelView, Note, OneMinute, Readout

from explainers.charts.phone import for_phone
from explainers.charts.stage import for_stage
from explainers.charts.theme import thaw

from .device import on_phone
from .figures import cached_figure, figure_of  # noqa: F401  (cached_figure: re-exported)

ON_STAGE = "_on_stage"  # set while the presenter's stage renders a section (ui.stage)

def on_stage() -> bool:
    """Whether the presenter's stage is rendering this section: page-only parts (a paragraph the
    speaker says aloud, a link onward) are left out there, so the step fits the screen."""
    return bool(st.session_state.get(ON_STAGE))


PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d", "toggleSpikelines"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


def show_heading(h: Heading, *, page: bool = False) -> None:
    """A heading and its paragraph: the page's title (`page`), else a section's header."""
    (st.title if page else st.header)(h.title)
    st.markdown(h.intro)


def one_minute(lang: str, *, takeaways: Sequence[str], headline_label: str, headline_value: str,
               headline_ref: str, headline_help: str | None = None) -> None:
    """The box for delegates: three takeaways and one headline number with its source."""
    show_one_minute(OneMinute(tuple(takeaways), headline_label, headline_value, headline_ref, headline_help), lang)


def show_one_minute(view: OneMinute, lang: str) -> None:
    """The box for delegates: three takeaways and one headline number with its source."""
    takeaways, headline_label, headline_value = view.takeaways, view.headline_label, view.headline_value
    headline_ref, headline_help = view.headline_ref, view.headline_help
    with st.container(border=True, key="one_minute"):
        st.markdown(f"#### {t('anatomy.one_minute', lang)}")
        left, right = st.columns([3, 2], gap="large")
        with left:
            st.markdown("\n".join(f"- {line}" for line in takeaways))
            page = st.session_state.get("_page", "")
            if page not in ("", "energy") and not st.session_state.get(ON_STAGE):
                # Where this topic's lever sits in the whole story: its rung of the energy ladder.
                st.page_link("app_pages/energy.py", label=t("anatomy.ladder_link", lang),
                             icon=":material/stairs:", query_params={"lang": lang})
        with right:
            readout(headline_label, headline_value, help=headline_help)
            st.caption(source_line(headline_ref, lang))


def readout(label: str, value: str, *, help: str | None = None, delta: str | None = None,
            delta_color: str = "off") -> None:
    """A big number with a label that wraps (the shell's CSS lets st.metric's label wrap, not truncate)."""
    st.metric(label, value, delta=delta, delta_color=delta_color, help=help)


def show_readout(r: Readout) -> None:
    """A readout and, when it has one, the small line under it."""
    readout(r.label, r.value, help=r.help)
    if r.caption:
        st.caption(r.caption)


def readout_row(items: Sequence[Readout], *, gap: str = "medium") -> None:
    """Readouts side by side, one column each."""
    for col, r in zip(st.columns(len(items), gap=gap), items):
        with col:
            show_readout(r)


def chart(fig: go.Figure, summary: str, *, key: str | None = None) -> None:
    """A chart and, under it, its one-sentence text summary (also what a screen reader gets).

    On the presenter's stage the chart takes the height the stage's CSS gives it (it fills the
    projector's screen at any resolution) instead of its own, in larger type (charts.stage). On a
    phone its title, legend and category labels wrap to the screen (charts.phone).
    """
    if st.session_state.get(ON_STAGE):
        fig = thaw(for_stage(fig.to_dict()))
        st.plotly_chart(fig, config=PLOTLY_CONFIG, key=key, width="stretch", height="stretch")
    elif on_phone():
        st.plotly_chart(thaw(for_phone(fig.to_dict())), config=PLOTLY_CONFIG, key=key, width="stretch")
    else:
        st.plotly_chart(fig, config=PLOTLY_CONFIG, key=key, width="stretch")
    st.caption(summary)


def show_figure(view: Figure) -> None:
    """A view's chart (from the one figure cache) and its summary sentence."""
    chart(figure_of(view), view.summary, key=view.key)


def show_note(note: Note | None) -> None:
    """A caption, a Markdown block, or an info or warning box; nothing for None."""
    if note is None:
        return
    if note.kind == "caption":
        st.caption(note.text)
    elif note.kind == "markdown":
        st.markdown(note.text)
    elif note.kind == "info":
        st.info(note.text, icon=note.icon)
    elif note.kind == "warning":
        st.warning(note.text, icon=note.icon)
    else:
        raise ValueError(f"unknown note kind {note.kind!r}")


def show(view: object) -> None:
    """Render one view part by its type: Readout, a row of them, Figure, Note, OneMinute, ModelView."""
    if view is None:
        return
    if isinstance(view, Readout):
        show_readout(view)
    elif isinstance(view, (tuple, list)) and view and all(isinstance(v, Readout) for v in view):
        readout_row(view)
    elif isinstance(view, Figure):
        show_figure(view)
    elif isinstance(view, Note):
        show_note(view)
    elif isinstance(view, str):
        st.markdown(view)
    else:
        raise TypeError(f"ui.show cannot render {type(view).__name__}; use its own function")


def model_panel(lang: str, *, equations: Iterable[str], explanation: str, assumptions: Iterable[str],
                left_out: Iterable[str], expanded: bool = False) -> None:
    """How the model works: the equations (LaTeX), what it assumes and what it leaves out."""
    show_model(ModelView(tuple(equations), explanation, tuple(assumptions), tuple(left_out)), lang, expanded=expanded)


def show_model(view: ModelView, lang: str, *, expanded: bool = False) -> None:
    """How the model works: the equations (LaTeX), what it assumes and what it leaves out."""
    equations, explanation, assumptions, left_out = view.equations, view.explanation, view.assumptions, view.left_out
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
