"""Start (`app_pages/home.py`): what this is, the three technologies in a minute each, the context,
and who it is for. Each block of text is one element: every element costs server time on each
rerun (a language switch reruns the whole page)."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from explainers.content import fmt_num, ref, shown, t, value

from .anatomy import readout, sources_line
from .lang import current_lang


@dataclass(frozen=True)
class Card:
    """One technology: its text keys (`home.<key>.*`), its page, one sourced number."""

    key: str
    page: str
    metric: str
    metric_help: str
    refs: tuple[str, ...]


def cards(lang: str) -> tuple[Card, ...]:
    """The three cards, each headline number computed from its references."""
    growth = ref("epoch_growth")
    return (
        Card("photonics", "app_pages/photonics.py",
             t("home.photonics.metric", lang, ratio=fmt_num(value("nv_pluggable_w") / value("nv_cpo_w"), lang, 2)),
             t("home.photonics.metric_help", lang, pluggable=shown("nv_pluggable_w", lang), cpo=shown("nv_cpo_w", lang)),
             ("nv_pluggable_w", "nv_cpo_w")),
        Card("neuromorphic", "app_pages/neuromorphic.py",
             t("home.neuromorphic.metric", lang, ratio=fmt_num(value("han_dram32") / value("hz_int_add32"), lang, 2)),
             t("home.neuromorphic.metric_help", lang, dram=shown("han_dram32", lang), add=shown("hz_int_add32", lang)),
             ("han_dram32", "hz_int_add32")),
        Card("ai", "app_pages/ai_compute.py",
             t("home.ai.metric", lang, low=fmt_num(growth.low, lang), high=fmt_num(growth.high, lang)),
             t("home.ai.metric_help", lang), ("epoch_growth",)),
    )


def heading() -> None:
    lang = current_lang()
    st.title(t("home.title", lang))
    st.markdown(f"##### {t('home.subtitle', lang)}\n\n{t('home.intro', lang)}")


def technologies() -> None:
    """One card per technology (what, why, one number with its source, a link), then the energy story
    that every card's lever is a part of."""
    lang = current_lang()
    st.markdown(f"### {t('home.cards_title', lang)}")
    for col, card in zip(st.columns(3, gap="medium"), cards(lang)):
        with col, st.container(border=True, height="stretch"):
            key = card.key
            st.markdown(f"#### {t(f'home.{key}.title', lang)}\n\n"
                        f"**{t('home.what', lang)}** {t(f'home.{key}.what', lang)}\n\n"
                        f"**{t('home.why', lang)}** {t(f'home.{key}.why', lang)}")
            readout(t(f"home.{key}.metric_label", lang), card.metric, help=card.metric_help)
            st.caption(sources_line(card.refs, lang))
            st.page_link(card.page, label=t(f"home.{key}.link", lang), icon=":material/arrow_forward:",
                         query_params={"lang": lang})
    st.page_link("app_pages/energy.py", label=t("home.fit_together", lang), icon=":material/bolt:",
                 query_params={"lang": lang})


def context() -> None:
    """The UK–Netherlands partnership and the Dutch investments, with a short timeline."""
    lang = current_lang()
    st.markdown(f"### {t('home.context_title', lang)}")
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.markdown(t("home.context", lang, aif=shown("aif_total", lang), photondelta=shown("pd_total", lang)))
        st.caption(sources_line(("uknl_feb", "uknl_mission", "uknl_sign", "aif_total", "aif_timeline", "pd_total"),
                                lang))
    with right, st.container(border=True):
        items = [f"- **{ref(rid).text(lang) if ref(rid).text else shown(rid, lang)}** — {ref(rid).quantity(lang)}"
                 for rid in ("uknl_feb", "uknl_neuro", "uknl_mission", "aif_timeline")]
        st.markdown(f"**{t('home.timeline_title', lang)}**\n\n" + "\n".join(items))


def audiences() -> None:
    """Who it is for and how each uses it: one list (three cards in columns were twelve elements)."""
    lang = current_lang()
    st.markdown(f"### {t('home.howto_title', lang)}\n\n" + "\n".join(
        f"- **{t(f'home.howto.{who}.title', lang)}.** {t(f'home.howto.{who}.text', lang)}"
        for who in ("delegates", "students", "presenters")))
    st.caption(t("home.footer", lang))
