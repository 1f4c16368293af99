"""The URL is the state: widgets whose values live under short, stable, language-neutral keys.

Each control reads its first value from (in order) a pending scene or reset, the URL, its default;
after it renders, its value is written back to the URL (and removed when it equals the default).
Choices store a stable slug, never the translated label. A value that cannot be used (wrong type,
out of range, not finite, unknown slug, repeated key) falls back to the default and is reported in
one line by `show_notices`; nothing from the URL is ever rendered.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from explainers.topics.controls import (MAX_RAW, REPEATED, Control, canonical, parse_choice, parse_float, parse_int,
                                        parse_multi, parse_nearest, parse_text, parse_toggle)

PENDING = "_pending_values"  # {url key: value} set by a scene, consumed by the control
RESET = "_reset_controls"  # True while a Reset rerun restores every control to its default
NOTICES = "_url_notices"  # url keys whose values were ignored in this run


PAGE = "_page"  # url_path of the page being run ("" while the frame runs)
RAN = "_page_ran"  # url_path of the page the navigation chose in this run
LANG = "_lang_last"  # the language of this run (set by the language switch)
PARTIAL = "_partial_run"  # this run rendered only the page's first screen (ui.progressive)


def set_page(url_path: str) -> None:
    st.session_state[PAGE] = url_path


def widget_key_for(page: str, key: str) -> str:
    """Session key of the control bound to `?key=` on `page` (url path; "" for the frame's own)."""
    return f"_w_{page}.{key}"


def widget_key(key: str) -> str:
    """Session key of the control bound to `?key=`: per page, so pages may reuse short URL keys."""
    return widget_key_for(st.session_state.get(PAGE, ""), key)




def raw_param(key: str) -> str | None:
    """The URL value of `key`, None when absent, or REPEATED when the key appears more than once."""
    values = st.query_params.get_all(key)
    if not values:
        return None
    if len(values) > 1:
        return REPEATED
    return values[0]


def notice(key: str) -> None:
    found = st.session_state.setdefault(NOTICES, [])
    if key not in found:
        found.append(key)


def clear_scene_marker() -> None:
    """A person moved a control: the view is no longer the named scene."""
    if "scene" in st.query_params:
        del st.query_params["scene"]


_LABELS: dict[tuple, dict[Any, str]] = {}  # (page, key, language, options) -> option labels


def _labels(key: str, options: list, format_func: Callable[[Any], str]) -> Callable[[Any], str]:
    """`format_func`, remembered per language: a widget formats every option several times per run.

    A control's labels must depend only on the option and the language (true of every control here).
    """
    memo_key = (st.session_state.get(PAGE, ""), key, st.session_state.get(LANG, ""), tuple(options))
    labels = _LABELS.get(memo_key)
    if labels is None:
        labels = {option: format_func(option) for option in options}
        if len(_LABELS) < 2000:  # bounded: pages x controls x languages, plus options that change
            _LABELS[memo_key] = labels
    return labels.__getitem__


def _seed(key: str, default: Any, parse: Callable[[str], Any | None]) -> None:
    """Put the control's starting value in session state before the widget is created."""
    wkey = widget_key(key)
    if st.session_state.get(RESET) and st.session_state.get(PAGE, ""):
        # Reset restores the page's controls; the frame's own (presenter view) are not the scene's.
        st.session_state[wkey] = default
        return
    pending = st.session_state.get(PENDING) or {}
    if key in pending:
        value = parse(canonical(pending.pop(key)))
        st.session_state[wkey] = default if value is None else value
        return
    if wkey in st.session_state:
        return
    raw = raw_param(key)
    if raw is None:
        st.session_state[wkey] = default
        return
    value = parse(raw) if len(raw) <= MAX_RAW and raw != REPEATED else None
    if value is None:
        notice(key)
        st.session_state[wkey] = default
    else:
        st.session_state[wkey] = value


def _sync(key: str, value: Any, default: Any) -> None:
    """Write the value to the URL (only when it changed), or drop it when it is the default."""
    if value == default:
        if key in st.query_params:
            del st.query_params[key]
        return
    text = canonical(value)
    if st.query_params.get(key) != text:
        st.query_params[key] = text


# --- controls ----------------------------------------------------------------------------


def slider(key: str, label: str, *, min_value: float, max_value: float, default: float, step: float,
           fmt: str | None = None, help: str | None = None) -> float:
    """A float slider bound to `?key=`."""
    _seed(key, default, parse_float(min_value, max_value))
    value = st.slider(label, min_value=min_value, max_value=max_value, step=step, format=fmt, help=help,
                      key=widget_key(key), on_change=clear_scene_marker, persist_state="session")
    _sync(key, value, default)
    return value


def int_slider(key: str, label: str, *, min_value: int, max_value: int, default: int, step: int = 1,
               help: str | None = None) -> int:
    _seed(key, default, parse_int(min_value, max_value))
    value = st.slider(label, min_value=min_value, max_value=max_value, step=step, help=help,
                      key=widget_key(key), on_change=clear_scene_marker, persist_state="session")
    _sync(key, value, default)
    return value


def number(key: str, label: str, *, min_value: int, max_value: int, default: int, step: int = 1,
           help: str | None = None) -> int:
    """An integer input bound to `?key=`."""
    _seed(key, default, parse_int(min_value, max_value))
    value = st.number_input(label, min_value=min_value, max_value=max_value, step=step, help=help,
                            key=widget_key(key), on_change=clear_scene_marker, persist_state="session")
    _sync(key, int(value), default)
    return int(value)


def stepped(key: str, label: str, *, options: Sequence[float], default: float,
            format_func: Callable[[float], str], help: str | None = None) -> float:
    """A slider over fixed (e.g. logarithmic) steps; the URL holds the number, the label is localised."""
    options = list(options)
    _seed(key, default, parse_nearest(options))
    value = st.select_slider(label, options=options, format_func=_labels(key, options, format_func), help=help,
                             key=widget_key(key), on_change=clear_scene_marker, persist_state="session")
    _sync(key, value, default)
    return value


def _unlabel(wkey: str, options: list, format_func: Callable[[Any], str], default: Any) -> None:
    """Put back the slug when the browser handed back a choice's *label* instead of its value.

    Streamlit sends a selectbox's formatted label; after a language switch that label may belong to
    the other language, and Streamlit then returns the bare label. A label of this language maps back
    to its slug; anything else (the other language's label) becomes the slug the link holds (the
    last run wrote it there), else the default: before the widget is made, so the page never sees a
    label where a slug belongs.
    """
    current = st.session_state.get(wkey)
    if current is None or current in options:
        return
    labels = {format_func(o): o for o in options}
    in_url = st.query_params.get(wkey.split(".", 1)[-1])  # the slug the last run wrote to the link
    st.session_state[wkey] = labels.get(current, in_url if in_url in options else default)


def choice(key: str, label: str, *, options: Sequence[str], default: str, format_func: Callable[[str], str],
           kind: str = "segmented", help: str | None = None) -> str:
    """One of several slugs; the label shown is translated, the URL keeps the slug."""
    options = list(options)
    _seed(key, default, parse_choice(options))
    wkey = widget_key(key)
    _unlabel(wkey, options, format_func, default)
    common = dict(format_func=_labels(key, options, format_func), help=help, key=wkey, on_change=clear_scene_marker,
                  persist_state="session")
    if kind == "selectbox":
        value = st.selectbox(label, options, **common)
    elif kind == "radio":
        value = st.radio(label, options, horizontal=True, **common)
    else:
        value = st.segmented_control(label, options, selection_mode="single", required=True, **common)
        value = default if value is None else value
    _sync(key, value, default)
    return value


def multi(key: str, label: str, *, options: Sequence[str], default: Sequence[str],
          format_func: Callable[[str], str], help: str | None = None) -> list[str]:
    """Several slugs (pills); stored in the URL as `a,b,c`."""
    options, default = list(options), list(default)
    _seed(key, default, parse_multi(options))
    value = st.pills(label, options, selection_mode="multi", format_func=_labels(key, options, format_func),
                     help=help, wrap=True,
                     key=widget_key(key), on_change=clear_scene_marker, persist_state="session")
    value = [o for o in options if o in (value or [])]
    _sync(key, value, default)
    return value


def toggle(key: str, label: str, *, default: bool, help: str | None = None,
           on_change: Callable[[], None] | None = clear_scene_marker) -> bool:
    """On/off bound to `?key=1`. Moving it leaves the named scene, unless `on_change` says otherwise."""
    _seed(key, default, parse_toggle)
    value = st.toggle(label, help=help, key=widget_key(key), on_change=on_change, persist_state="session")
    _sync(key, value, default)
    return value


def text(key: str, label: str, *, default: str = "", max_chars: int = 80, placeholder: str | None = None) -> str:
    """Free text (a search box) bound to `?key=`; only ever shown inside the input, never as HTML."""
    _seed(key, default, parse_text(max_chars))
    value = st.text_input(label, max_chars=max_chars, placeholder=placeholder, key=widget_key(key),
                          on_change=clear_scene_marker, persist_state="session")
    _sync(key, value, default)
    return value


def control(c: Control, label: str, *, format_func: Callable[[Any], str] | None = None, help: str | None = None,
            kind: str | None = None, default: Any = None) -> Any:
    """The widget for a declared control (`topics.<topic>.CONTROLS`): its kind, range and default.

    `kind` picks the widget of a `choice` (segmented, selectbox, radio); `default` overrides the
    declared one (a default that depends on another control's value).
    """
    d = c.default_value() if default is None else default
    if c.kind == "stepped":
        return stepped(c.key, label, options=c.options, default=d, format_func=format_func or str, help=help)
    if c.kind == "int":
        return int_slider(c.key, label, min_value=int(c.lo), max_value=int(c.hi), default=int(d),
                          step=int(c.step or 1), help=help)
    if c.kind == "float":
        return slider(c.key, label, min_value=c.lo, max_value=c.hi, default=d, step=c.step, help=help)
    if c.kind == "choice":
        return choice(c.key, label, options=c.options, default=d, format_func=format_func or str,
                      kind=kind or "segmented", help=help)
    if c.kind == "multi":
        return multi(c.key, label, options=c.options, default=d, format_func=format_func or str, help=help)
    if c.kind == "toggle":
        return toggle(c.key, label, default=bool(d), help=help)
    return text(c.key, label, default=d or "", max_chars=c.max_chars)


def clamp(key: str, maximum: int) -> None:
    """Keep an integer control within a maximum that depends on other controls (before it renders)."""
    wkey = widget_key(key)
    if isinstance(st.session_state.get(wkey), int) and st.session_state[wkey] > maximum:
        st.session_state[wkey] = maximum


def end_of_run() -> None:
    """Called once after the page ran: scenes and resets have been applied.

    Unless the run rendered only the page's first screen (`ui.progressive`): then a scene's values
    for the later sections wait for the next run, which renders them.
    """
    if st.session_state.pop(PARTIAL, False):
        return
    st.session_state.pop(RESET, None)
    st.session_state.pop(PENDING, None)


def take_notices() -> list[str]:
    return st.session_state.pop(NOTICES, [])
