"""Scenes: named presets of URL parameters for a page, for presenters and "try this" prompts."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from explainers.content import content, t

from .briefing import briefing_button
from .state import PENDING, RESET, raw_param

KEY = "scene"
_APPLIED = "_scene_applied"


def scenes_for(page: str):
    return content().scenes.get(page, ())


def _apply(page: str, scene_id: str) -> None:
    scene = next(s for s in scenes_for(page) if s.id == scene_id)
    st.session_state[PENDING] = dict(scene.params)
    st.session_state[_APPLIED] = (page, scene_id)
    st.query_params[KEY] = scene_id


def _reset() -> None:
    st.session_state[RESET] = True
    if KEY in st.query_params:
        del st.query_params[KEY]


def apply_from_url(page: str) -> None:
    """On arrival with `?scene=`, load the scene once; explicit URL values still win over it."""
    raw = raw_param(KEY)
    if raw is None:
        return
    valid = {s.id for s in scenes_for(page)}
    if raw not in valid:
        from .state import notice

        notice(KEY)
        if KEY in st.query_params:
            del st.query_params[KEY]
        return
    if st.session_state.get(_APPLIED) == (page, raw):
        return
    scene = next(s for s in scenes_for(page) if s.id == raw)
    explicit = set(st.query_params.keys())
    st.session_state[PENDING] = {k: v for k, v in scene.params.items() if k not in explicit}
    st.session_state[_APPLIED] = (page, raw)


def scene_bar(page: str, lang: str | None = None) -> None:
    """Buttons for the page's scenes, the active one marked, and Reset."""
    if lang is None:
        from .lang import current_lang

        lang = current_lang()
    scenes = scenes_for(page)
    active = st.query_params.get(KEY)
    st.markdown(f"#### {t('anatomy.scenes', lang)}")
    st.caption(t("anatomy.scenes_hint", lang))
    with st.container(horizontal=True, gap="small", key=f"scene_bar_{page}"):  # wraps onto more rows
        for scene in scenes:
            st.button(
                scene.title(lang),
                key=f"scene_{page}_{scene.id}",
                on_click=_apply,
                args=(page, scene.id),
                help=scene.caption(lang),
                type="primary" if scene.id == active else "secondary",
            )
        st.button(t("anatomy.reset", lang), key=f"reset_{page}", on_click=_reset, icon=":material/restart_alt:")
    current = next((s for s in scenes if s.id == active), None)
    if current is not None:
        st.info(current.caption(lang), icon=":material/slideshow:")
        # The same scene full-screen, for a projector (the stage's one-scene form).
        st.link_button(t("stage.present_this", lang), "stage?" + urlencode({"page": page, "scene": current.id, "lang": lang}),
                       icon=":material/co_present:", help=t("stage.present_this_help", lang))
    briefing_button(page, lang)  # this view as the delegate's PDF (its controls or scene, its language)
