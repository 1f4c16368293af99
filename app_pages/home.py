"""Home: what this is, the three technologies in a minute each, the context, how to use it."""

import streamlit as st

from explainers.content import fmt_num, ref, shown, t, value
from explainers.ui import current_lang, readout, sources_line

lang = current_lang()

# Each block of text is one element: every element costs server time on each rerun (language switch).
st.title(t("home.title", lang))
st.markdown(f"##### {t('home.subtitle', lang)}\n\n{t('home.intro', lang)}")

# The three technologies, one card each: what, why, one number with its source, a link.
cards = [
    {
        "key": "photonics",
        "page": "app_pages/photonics.py",
        "metric": t("home.photonics.metric", lang,
                    ratio=fmt_num(value("nv_pluggable_w") / value("nv_cpo_w"), lang, 2)),
        "metric_help": t("home.photonics.metric_help", lang, pluggable=shown("nv_pluggable_w", lang),
                         cpo=shown("nv_cpo_w", lang)),
        "refs": ["nv_pluggable_w", "nv_cpo_w"],
    },
    {
        "key": "neuromorphic",
        "page": "app_pages/neuromorphic.py",
        "metric": t("home.neuromorphic.metric", lang,
                    ratio=fmt_num(value("han_dram32") / value("hz_int_add32"), lang, 2)),
        "metric_help": t("home.neuromorphic.metric_help", lang, dram=shown("han_dram32", lang),
                         add=shown("hz_int_add32", lang)),
        "refs": ["han_dram32", "hz_int_add32"],
    },
    {
        "key": "ai",
        "page": "app_pages/ai_compute.py",
        "metric": t("home.ai.metric", lang, low=fmt_num(ref("epoch_growth").low, lang),
                    high=fmt_num(ref("epoch_growth").high, lang)),
        "metric_help": t("home.ai.metric_help", lang),
        "refs": ["epoch_growth"],
    },
]
st.markdown(f"### {t('home.cards_title', lang)}")
for col, card in zip(st.columns(3, gap="medium"), cards):
    with col, st.container(border=True, height="stretch"):
        key = card["key"]
        st.markdown(f"#### {t(f'home.{key}.title', lang)}\n\n"
                    f"**{t('home.what', lang)}** {t(f'home.{key}.what', lang)}\n\n"
                    f"**{t('home.why', lang)}** {t(f'home.{key}.why', lang)}")
        readout(t(f"home.{key}.metric_label", lang), card["metric"], help=card["metric_help"])
        st.caption(sources_line(card["refs"], lang))
        st.page_link(card["page"], label=t(f"home.{key}.link", lang), icon=":material/arrow_forward:",
                     query_params={"lang": lang})
# How they fit together: the energy story, which every card's lever is a part of.
st.page_link("app_pages/energy.py", label=t("home.fit_together", lang), icon=":material/bolt:",
             query_params={"lang": lang})

st.markdown(f"### {t('home.context_title', lang)}")
ctx_left, ctx_right = st.columns([3, 2], gap="large")
with ctx_left:
    st.markdown(t("home.context", lang, aif=shown("aif_total", lang), photondelta=shown("pd_total", lang)))
    st.caption(sources_line(("uknl_feb", "uknl_mission", "uknl_sign", "aif_total", "aif_timeline", "pd_total"), lang))
with ctx_right, st.container(border=True):
    items = [f"- **{ref(rid).text(lang) if ref(rid).text else shown(rid, lang)}** — {ref(rid).quantity(lang)}"
             for rid in ("uknl_feb", "uknl_neuro", "uknl_mission", "aif_timeline")]
    st.markdown(f"**{t('home.timeline_title', lang)}**\n\n" + "\n".join(items))

# Who it is for and how each uses it: one list (three cards in columns were twelve elements).
st.markdown(f"### {t('home.howto_title', lang)}\n\n" + "\n".join(
    f"- **{t(f'home.howto.{who}.title', lang)}.** {t(f'home.howto.{who}.text', lang)}"
    for who in ("delegates", "students", "presenters")))

st.caption(t("home.footer", lang))
