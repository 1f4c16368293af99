"""The presenter's stage: one section of a page per step, stepped with a clicker, with speaker notes.

`/stage?talk=<id>&step=<n>` shows step n of a talk; `&notes=1` is the speaker-notes window of the
same step; `/stage?page=<url path>&scene=<id>` presents one scene on its own ("present this").

Design, and why:
- The URL is the state: the step is `?step=`, so reloading, or opening the link on another
  machine, shows the same step. Moving to a step resets the page's controls to the step's scene.
- One small component (Streamlit components v2, trusted inline JS, no network) listens for the keys
  a clicker sends (PageDown/PageUp, also →/←, Home/End, and B to blank) on the whole document in the
  capture phase, so a focused slider cannot swallow PageDown/PageUp; → and ← move a focused slider
  and step only when no control has the focus. It sends the new step to Python as a trigger value:
  one rerun, no reload.
- The stage and its notes window are two browser sessions. They keep in step through the browser's
  BroadcastChannel (same origin, same machine): the window where the presenter steps announces the
  step, the other follows it with the same one rerun. No server-side shared session is needed, and a
  notes window opened on another machine simply shows its own URL's step.
- Blanking is client-side (a black layer over the page): instant, and no rerun.
"""

from __future__ import annotations

import html
import inspect
import os
from urllib.parse import urlsplit

import streamlit as st

from explainers import talks, topics
from explainers.content import t

from . import state
from . import inline_js, predict
from .anatomy import ON_STAGE
from .lang import current_lang

PUBLIC_URL_ENV = "EXPLAINERS_PUBLIC_URL"  # set by `python -m explainers.serve --public-url ...`
_APPLIED = "_stage_applied"  # (talk id, step index) whose scene the controls were last set to

STAGE_CSS = """
<style>
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
  .stMainBlockContainer { max-width: 100% !important; padding: 0.5rem 1.6rem 0.2rem 1.6rem !important; }
  .stMain { background: #FFFFFF; }
  .stMainBlockContainer, .stMainBlockContainer p, .stMainBlockContainer li { color: #000000; }
  .stMainBlockContainer [data-testid="stMarkdownContainer"] p,
  .stMainBlockContainer [data-testid="stMarkdownContainer"] li { font-size: 1.2rem; line-height: 1.4; }
  .stMainBlockContainer [data-testid="stCaptionContainer"] p { font-size: 0.98rem; line-height: 1.35;
    color: #1A1A1A !important; }
  [data-testid="stMetricValue"], [data-testid="stMetricValue"] * { font-size: 2.1rem !important; }
  [data-testid="stMetricLabel"] p { font-size: 1rem !important; line-height: 1.3 !important; }
  .st-key-stage_body h2, .st-key-stage_body h3 { font-size: 1.9rem !important; padding: 0 0 0.2rem 0 !important; }
  .st-key-stage_body h4 { font-size: 1.35rem !important; }
  .st-key-stage_body [data-testid="stVerticalBlock"] { gap: 0.4rem; }
  /* Only the step's section: its first part (heading, chart, readouts, summary); a second part of
     the same section (a sub-heading and what follows) and the lead paragraph step aside. */
  .st-key-stage_body [data-testid="stElementContainer"]:has([data-testid="stHeading"]) ~
    [data-testid="stElementContainer"]:has([data-testid="stHeading"]),
  .st-key-stage_body [data-testid="stElementContainer"]:has([data-testid="stHeading"]) ~
    [data-testid="stElementContainer"]:has([data-testid="stHeading"]) ~ *,
  .st-key-stage_body [data-testid="stElementContainer"]:has([data-testid="stHeading"]) +
    [data-testid="stElementContainer"]:has(.stMarkdown),
  .st-key-stage_body > div > [data-testid="stVerticalBlock"] > *:has(.stPlotlyChart) ~ *:has(.stPlotlyChart),
  .st-key-stage_body > div > [data-testid="stVerticalBlock"] > *:has(.stPlotlyChart) ~ *:has(.stPlotlyChart) ~ * {
    display: none !important; }
  .st-key-stage_body [data-testid="stElementContainer"]:has(.stDataFrame, .stTable) { display: none !important; }
  /* The section's source lines stay on the page and in the audience's view; the stage keeps the chart. */
  .st-key-stage_body [data-testid="stElementContainer"]:has([data-testid="stCaptionContainer"] a) { display: none !important; }
  .st-key-stage_body [data-testid="stElementContainer"]:has(.stPlotlyChart) { height: var(--stage-chart, calc(100vh - 445px)); }
  .st-key-stage_bar { border-bottom: 2px solid #0072B2; padding-bottom: 0.25rem; margin-bottom: 0.2rem; }
  .st-key-stage_bar p { margin: 0; font-size: 1.05rem !important; white-space: nowrap; overflow: hidden;
    text-overflow: ellipsis; }
  .st-key-stage_bar > [data-testid="stElementContainer"]:first-child { flex: 1 1 0 !important; min-width: 0; }
  .st-key-stage_bar button { min-height: 2.1rem; padding: 0.1rem 0.7rem; }
  .st-key-stage_qr svg { width: 100%; height: auto; display: block; }
  .st-key-stage_hidden, .st-key-stage_hidden_nav { display: none !important; }
  /* The room is asked first: the question alone, in large type; its chart is the answer. */
  .st-key-stage_predict { padding: 1.2rem 1.6rem !important; margin-top: 1.5rem; }
  .st-key-stage_predict [data-testid="stMarkdownContainer"] p { font-size: 1.75rem !important; line-height: 1.35 !important; }
  .st-key-stage_predict h4 { font-size: 1.35rem !important; }
  .st-key-stage_predict [data-testid="stWidgetLabel"] p { font-size: 1.2rem !important; }
  .st-key-stage_predict [data-testid="stSliderThumbValue"] p { font-size: 1.1rem !important; }
  .st-key-stage_predict_result p { font-size: 1.15rem !important; margin: 0; }
  .st-key-stage_body [data-testid="stAlert"] p { font-size: 1rem !important; line-height: 1.35 !important; }
  /* Boxed notes (a memory check, a caveat) are for the page; on the stage the speaker says them. */
  .st-key-stage_body [data-testid="stElementContainer"]:has([data-testid="stAlert"]) { display: none !important; }
  /* The bar names the step: the page's own title steps aside; the one-minute box is read, not scanned. */
  .st-key-stage_body [data-testid="stElementContainer"]:has(h1) { display: none !important; }
  .st-key-stage_body .st-key-one_minute [data-testid="stMarkdownContainer"] li { font-size: 1.02rem !important;
    line-height: 1.35 !important; }
  /* Lists of links under a chart (where each rung is explained) are for the page, not the projector. */
  .st-key-stage_body [data-testid="stElementContainer"]:has(.stPlotlyChart) ~
    [data-testid="stElementContainer"]:has(li a) { display: none !important; }
  /* A readout's small print (its caption) stays on the page; on the stage the number and the chart's
     summary carry the step. */
  .st-key-stage_body [data-testid="stColumn"]:has([data-testid="stMetric"])
    [data-testid="stElementContainer"]:has([data-testid="stCaptionContainer"]) { display: none !important; }
</style>
"""

# Controls step aside on the stage; with the toggle on they are shown, blocks of controls under the chart.
HIDE_CONTROLS_CSS = """
<style>
  .st-key-stage_body [data-testid="stElementContainer"][class*="st-key-_w_"] { display: none !important; }
</style>
"""

SHOW_CONTROLS_CSS = """
<style>
  .st-key-stage_body [data-testid="stVerticalBlock"] > [data-testid="stLayoutWrapper"]:not(:has(.stPlotlyChart)):has([class*="st-key-_w_"]) { order: 50; }
  .st-key-stage_body { --stage-chart: calc(100vh - 500px); }
</style>
"""

KEYS_JS = r"""
export default function (component) {
  const { data, setTriggerValue } = component;
  const w = window;
  const st = (w.__explainersStage = w.__explainersStage || { blank: false });
  st.data = data;
  st.send = setTriggerValue;
  st.revealed = st.revealed || {};  // "talk:step" of the held steps whose answer the stage has shown
  const announce = (m) => { if (st.channel) st.channel.postMessage(m); };
  // The step asks the room first: "next" checks the guess set on the slider (or reveals the answer
  // when nothing was picked), like a reveal.js fragment; the next "next" steps on. A slider always
  // has a value, so it counts as the room's guess only once someone has moved it on this step.
  st.moved = st.moved || {};  // "talk:step" of the held steps whose slider was moved
  const checkOf = (d) => document.querySelector(".st-key-" + d.hold + "_check button");
  const formOf = (d) => { const check = checkOf(d); return check && check.closest("[data-testid=stForm]"); };
  if (!st.watchesSliders) {  // (the slider moves by its own key and pointer handlers: no "input" event)
    st.watchesSliders = true;
    const moves = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"];
    const touched = (e) => {
      const d = st.data;
      const slider = d && d.hold && e.target.closest && e.target.closest("[data-testid=stSlider]");
      if (slider && slider.closest("[data-testid=stForm]") === formOf(d)
          && (e.type === "pointerdown" || moves.includes(e.key))) st.moved[d.talk + ":" + d.step] = true;
    };
    document.addEventListener("pointerdown", touched, true);
    document.addEventListener("keydown", touched, true);
  }
  const reveal = () => {
    const d = st.data;
    if (!d.hold) return false;
    const check = checkOf(d);
    const form = formOf(d);
    const picked = form && (form.querySelector("input:checked")
                            || (form.querySelector('input[type="range"]') && st.moved[d.talk + ":" + d.step]));
    const button = picked ? check : document.querySelector(".st-key-" + d.hold + "_skip button");
    if (!button) return false;
    button.click();
    announce({ kind: "revealed", talk: d.talk, step: d.step });
    return true;
  };
  // In the notes window, a step whose answer the stage has not shown yet: its first "next" shows it.
  const heldOnStage = (d) => d.role === "notes" && d.asks && st.channel && !st.revealed[d.talk + ":" + d.step];
  const go = (k, local) => {
    const d = st.data;
    const next = Math.max(0, Math.min(d.n - 1, k));
    if (next === d.step) return;
    if (local !== false && next === d.step + 1 && heldOnStage(d)) {
      st.revealed[d.talk + ":" + d.step] = true;
      announce({ kind: "reveal", talk: d.talk, step: d.step });
      return;
    }
    if (local !== false && next === d.step + 1 && reveal()) return;
    st.data = { ...d, step: next };
    // Step by pressing the bar's own buttons (next, previous, first, last): an ordinary Streamlit
    // click, one rerun. Any other jump (from the other window) goes as a trigger value.
    const key = next === d.step + 1 ? "stage_next" : next === d.step - 1 ? "stage_prev" : null;
    const button = key && document.querySelector(".st-key-" + key + " button");
    if (button) button.click();
    else {  // a jump (Home, End, the other window): the step's link, loaded afresh
      const url = new URL(window.location.href);
      url.searchParams.set("step", String(next + 1));
      window.location.assign(url.toString());
    }
    if (local !== false && st.channel) st.channel.postMessage({ kind: "step", talk: d.talk, step: next });
  };
  const blank = (on) => {
    st.blank = on === undefined ? !st.blank : on;
    let layer = document.getElementById("stage-blank");
    if (!layer) {
      layer = document.createElement("div");
      layer.id = "stage-blank";
      layer.setAttribute("aria-hidden", "true");
      layer.style.cssText = "position:fixed;inset:0;background:#000;z-index:2147483647;display:none;cursor:none";
      document.body.appendChild(layer);
    }
    layer.style.display = st.blank ? "block" : "none";
  };
  st.go = go;
  st.blankToggle = blank;
  if (!st.channel && "BroadcastChannel" in w) {
    st.channel = new BroadcastChannel("explainers-stage");
    st.channel.onmessage = (ev) => {
      const m = ev.data || {};
      const d = st.data;
      if (m.talk !== d.talk) return;
      if (m.kind === "step" && m.step !== d.step) go(m.step, false);
      if (m.kind === "reveal" && d.role === "stage" && m.step === d.step) reveal();
      if (m.kind === "revealed") st.revealed[m.talk + ":" + m.step] = true;
      if (m.kind === "blank" && d.role === "stage") blank(m.on);
    };
  }
  if (st.channel && st.announced !== data.talk + ":" + data.step) {
    st.announced = data.talk + ":" + data.step;
    st.channel.postMessage({ kind: "step", talk: data.talk, step: data.step });
  }
  if (!st.keys) {
    st.keys = true;
    document.addEventListener("keydown", (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const el = document.activeElement;
      // Typing into a field keeps every key but the clicker's; a focused slider, radio or list keeps
      // its arrows (and a slider its Home / End). A Streamlit slider is an <input type="range">.
      const choosing = el && el.tagName === "INPUT" && /^(range|radio|checkbox)$/i.test(el.type || "");
      const typing = el && !choosing && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.isContentEditable);
      const inControl = typing || choosing || (el && el.closest &&
        el.closest('[role="slider"], [role="radiogroup"], [role="listbox"], [role="combobox"]'));
      const d = st.data;
      let handled = true;
      if (e.key === "PageDown") go(d.step + 1);
      else if (e.key === "PageUp") go(d.step - 1);
      else if (e.key === "ArrowRight" && !inControl) go(d.step + 1);
      else if (e.key === "ArrowLeft" && !inControl) go(d.step - 1);
      else if (e.key === "Home" && !inControl) go(0);
      else if (e.key === "End" && !inControl) go(d.n - 1);
      else if ((e.key === "b" || e.key === "B") && !typing) {
        if (d.role === "stage") blank();
        else if (st.channel) {
          st.remoteBlank = !st.remoteBlank;
          st.channel.postMessage({ kind: "blank", talk: d.talk, on: st.remoteBlank });
        }
      }
      else handled = false;
      if (handled) { e.preventDefault(); e.stopPropagation(); }
    }, true);
    // The notes window's "blank" button blanks the stage window (no rerun needed for that); its
    // "next" button, on a held step, first shows the answer on the stage (as its keys do).
    document.addEventListener("click", (e) => {
      const d = st.data;
      if (heldOnStage(d) && e.target.closest && e.target.closest(".st-key-stage_next")) {
        e.preventDefault(); e.stopPropagation();
        go(d.step + 1);
        return;
      }
      if (d.role === "notes" && e.target.closest && e.target.closest(".st-key-stage_blank") && st.channel) {
        st.remoteBlank = !st.remoteBlank;
        st.channel.postMessage({ kind: "blank", talk: d.talk, on: st.remoteBlank });
      }
    }, true);
  }
  // The stage fills the screen: the step's chart takes the height the rest of the step leaves, at any
  // screen size and whatever the section shows above and below it (its readouts, a worked sum, the
  // controls when they are shown), so nothing scrolls. Refitted whenever the content changes size.
  if (data.role === "stage" && !st.fitter && "ResizeObserver" in w) {
    const fit = () => {
      st.fitPending = false;
      const main = document.querySelector("[data-testid=stMain]");
      const block = main && main.querySelector(".stMainBlockContainer");
      const body = document.querySelector(".st-key-stage_body");
      if (!main || !block || !body) return;
      const charts = Array.from(body.querySelectorAll("[data-testid=stElementContainer]"))
        .filter((e) => e.querySelector(".stPlotlyChart") && e.offsetParent !== null);
      if (!charts.length) return;
      const h = charts[0].getBoundingClientRect().height;
      // Where the content really ends (a summary under a chart can spill out of its flex row).
      let bottom = block.getBoundingClientRect().top;
      for (const e of block.querySelectorAll("[data-testid]")) {
        const r = e.getBoundingClientRect();
        if (r.height > 0 && r.bottom > bottom) bottom = r.bottom;
      }
      const slack = main.getBoundingClientRect().top + main.clientHeight - bottom - 8;
      const target = Math.round(Math.max(150, Math.min(0.8 * main.clientHeight, h + slack)));
      if (Math.abs(target - h) > 3) body.style.setProperty("--stage-chart", target + "px");
    };
    st.fit = fit;
    const later = () => { if (!st.fitPending) { st.fitPending = true; requestAnimationFrame(fit); } };
    st.fitter = new ResizeObserver(later);
  }
  if (st.fitter) {  // (observing again is harmless; a new step may bring a new container)
    const main = document.querySelector("[data-testid=stMain]");
    const block = main && main.querySelector(".stMainBlockContainer");
    if (main) st.fitter.observe(main);
    if (block) st.fitter.observe(block);
    requestAnimationFrame(st.fit);
  }
  if (data.role === "notes") {
    const key = "explainers-stage-start:" + data.talk;
    let start = Number(sessionStorage.getItem(key));
    if (!start) { start = Date.now(); sessionStorage.setItem(key, String(start)); }
    const tick = () => {
      const el = document.getElementById("stage-elapsed");
      if (el) {
        const s = Math.floor((Date.now() - start) / 1000);
        el.textContent = String(Math.floor(s / 60)).padStart(2, "0") + ":" + String(s % 60).padStart(2, "0");
      }
    };
    tick();
    if (!st.timer) st.timer = setInterval(tick, 1000);
  }
}
"""


def _keys_component():
    return inline_js.component("explainers_stage_keys", KEYS_JS)


def public_base_url() -> str:
    """The address phones reach this server by: `--public-url`, else the address the browser used."""
    configured = os.environ.get(PUBLIC_URL_ENV, "").strip()
    if configured:
        return configured.rstrip("/")
    try:
        parts = urlsplit(st.context.url or "")
        if parts.scheme and parts.netloc:
            return f"{parts.scheme}://{parts.netloc}"
    except Exception:  # no browser context (AppTest)
        pass
    return "http://localhost:8501"


def qr_svg(link: str, title: str) -> str:
    """The link as a QR code (segno, SVG, made here: no request leaves the machine)."""
    import segno

    qr = segno.make(link, error="m")
    return qr.svg_inline(scale=4, border=2, dark="#000000", light="#FFFFFF", title=html.escape(title))


def _adhoc(page: str | None, scene: str | None):
    """A one-step talk for "present this" (`?page=&scene=`): the scene's section of its page."""
    from types import SimpleNamespace

    from explainers.content import content

    topic = topics.by_url_path(page or "")
    if topic is None:
        return None
    found = next((s for s in content().scenes.get(topic.url_path, ()) if s.id == scene), None)
    if found is None:
        return None
    pkg = topics.package(topic)
    section = next((name for name, keys in pkg.SECTIONS.items() if set(keys) & set(found.params)), None)
    section = section or next(iter(n for n in pkg.SECTIONS if n not in ("one_minute", "model")))
    step = SimpleNamespace(page=topic.url_path, section=section, scene=found.id, params={}, title=found.title,
                           notes=found.caption, predict=False)
    return SimpleNamespace(id=f"{topic.url_path}.{found.id}", title=found.title, description=found.caption,
                           minutes=5, steps=[step])


def _go(k: int) -> None:
    st.query_params["step"] = str(k + 1)


def _apply_step(talk, index: int) -> None:
    """Set the page's controls to the step's values, once per step arrival; drop stale URL values."""
    step = talk.steps[index]
    if st.session_state.get(_APPLIED) == (talk.id, index):
        return
    values, _bad = topics.values_for(step.page, {k: v for k, v in talks.step_params(step).items() if k != "scene"},
                                     step.scene)
    for key, v in values.items():
        st.session_state[state.widget_key_for(step.page, key)] = v
    keep = {"talk", "step", "lang", "notes", "page", "scene"}
    for key in list(st.query_params.keys()):
        if key not in keep:
            del st.query_params[key]
    st.session_state[_APPLIED] = (talk.id, index)


def run() -> None:
    """The stage page (`app_pages/stage.py`)."""
    lang = current_lang()
    raw_talk = state.raw_param("talk")
    notes = state.raw_param("notes") == "1"
    if raw_talk is None and state.raw_param("page") is None and state.raw_param("scene") is not None:
        state.notice("scene")  # a scene belongs to a page: `?page=&scene=` (or a talk)
    if raw_talk is None and state.raw_param("page") is not None:
        talk = _adhoc(state.raw_param("page"), state.raw_param("scene"))
        pos = talks.Position(talk, 0, () if talk else ("scene",))
    else:
        pos = talks.position(raw_talk, state.raw_param("step"))
        talk = pos.talk
    for key in pos.bad:
        state.notice(key)
    if talk is None:
        talk_index(lang)
        return
    if "step" in pos.bad or (raw_talk and state.raw_param("step") is None):
        st.query_params["step"] = str(pos.step + 1)

    n = len(talk.steps)
    asks = _holds(talk.steps[pos.step])
    hold = predict.form_key(talk.steps[pos.step].page) if asks and not notes else None
    keys = _keys_component()(key="stage_keys", data={"talk": talk.id, "step": pos.step, "n": n, "hold": hold,
                                                     "asks": asks, "role": "notes" if notes else "stage"},
                             on_go_change=lambda: None, height=0)
    index = pos.step
    go = getattr(keys, "go", None)
    go = go.get("step") if isinstance(go, dict) else go  # {"step": k, "at": ms}
    if isinstance(go, int) and 0 <= go < n and go != index:
        index = go
        _go(index)

    if notes:
        _notes(talk, index, lang)
    else:
        _stage(talk, index, lang)


def _bar(talk, index: int, lang: str, *, notes: bool) -> None:
    n = len(talk.steps)
    step = talk.steps[index]
    title = step.title(lang) if step.title else t(f"pages.{topics.by_url_path(step.page).package}", lang)
    with st.container(horizontal=True, vertical_alignment="center", gap="small", key="stage_bar"):
        st.markdown(f"{t('stage.step_of', lang, n=index + 1, total=n)} · **{html.escape(title)}** · "
                    f"{html.escape(talk.title(lang))}", width="stretch")
        st.button(t("stage.prev", lang), key="stage_prev", on_click=_go, args=(max(index - 1, 0),),
                  disabled=index == 0, icon=":material/arrow_back:", shortcut="PageUp", width="content")
        st.button(t("stage.next", lang), key="stage_next", on_click=_go, args=(min(index + 1, n - 1),),
                  disabled=index == n - 1, icon=":material/arrow_forward:", shortcut="PageDown", type="primary",
                  width="content")
        if not notes:
            st.toggle(t("stage.controls", lang), key="stage_controls", help=t("stage.controls_help", lang),
                      width="content")
            if "." not in talk.id:  # (a one-scene stage has no notes)
                st.link_button(t("stage.open_notes", lang), "?" + talks.stage_query(talk.id, index, lang, notes=True),
                               icon=":material/speaker_notes:", width="content")


def _stage(talk, index: int, lang: str) -> None:
    step = talk.steps[index]
    _apply_step(talk, index)
    show_controls = bool(st.session_state.get("stage_controls"))
    st.html(STAGE_CSS + (SHOW_CONTROLS_CSS if show_controls else HIDE_CONTROLS_CSS))
    _bar(talk, index, lang, notes=False)
    link = talks.audience_link(public_base_url(), step, lang)
    body, side = st.columns([6, 1], gap="medium")
    sections = topics.module(step.page, "sections")
    # The section runs as on its own page (its widget keys, its URL keys), and stays so for the
    # fragment reruns of its controls, which do not run the frame again; the frame resets both on
    # the next full run.
    state.set_page(step.page)
    st.session_state[ON_STAGE] = True
    with body, st.container(key="stage_body"):
        if _holds(step):  # the step asks the room first: the question alone; its chart is the answer
            predict.stage_question(step.page)
        else:
            if step.predict:
                predict.stage_result(step.page)
            _section(step, sections)
    with side:
        with st.container(key="stage_qr"):
            st.image(qr_svg(link, t("stage.qr_title", lang)), width="stretch")
        st.caption(t("stage.qr_caption", lang))


def _holds(step) -> bool:
    """Whether the step waits for the room's prediction before it shows its section."""
    return bool(step.predict) and predict.has_question(step.page) and not predict.answered(step.page)


def _section(step, sections) -> None:
    section = getattr(sections, step.section)
    first = next(iter(inspect.signature(section).parameters.values()), None)
    if first is not None and first.default is inspect.Parameter.empty:
        # A section that shares a choice made above it on its page (AI compute's model and hardware):
        # the choice is made, out of sight, by the page's `pick` section, from the step's values.
        with st.container(key="stage_hidden"):
            choice = sections.pick()
        section(choice)
    else:
        section()


def _notes(talk, index: int, lang: str) -> None:
    step = talk.steps[index]
    st.html(STAGE_CSS)
    _bar(talk, index, lang, notes=True)
    left, right = st.columns([3, 1], gap="large")
    with left:
        st.markdown(f"### {t('stage.notes', lang)}\n\n{step.notes(lang)}")
        if _holds(step):
            st.info(t("stage.asks_first", lang), icon=":material/quiz:")
        if index + 1 < len(talk.steps):
            nxt = talk.steps[index + 1]
            nxt_title = nxt.title(lang) if nxt.title else t(f"pages.{topics.by_url_path(nxt.page).package}", lang)
            st.markdown(f"**{t('stage.next_up', lang)}:** {html.escape(nxt_title)}")
        else:
            st.markdown(f"**{t('stage.last', lang)}**")
    with right:
        st.markdown(f"**{t('stage.elapsed', lang)}**")
        st.html('<div id="stage-elapsed" style="font-size:2.6rem;font-variant-numeric:tabular-nums">00:00</div>')
        st.caption(t("stage.minutes", lang, n=talk.minutes))
        st.button(t("stage.blank", lang), key="stage_blank", icon=":material/visibility_off:",
                  help=t("stage.blank_help", lang), on_click=None)
        link = talks.audience_link(public_base_url(), step, lang)
        with st.container(key="stage_qr"):
            st.image(qr_svg(link, t("stage.qr_title", lang)), width="stretch")
        st.caption(link)


def talk_index(lang: str) -> None:
    """The talks, each with its steps, a link to start it and one to copy."""
    st.title(t("talks.title", lang))
    st.markdown(t("talks.intro", lang))
    base = public_base_url()
    for talk in talks.talks():
        with st.container(border=True):
            st.markdown(f"#### {html.escape(talk.title(lang))}\n\n{talk.description(lang)} "
                        f"({t('talks.minutes', lang, n=talk.minutes)}, {t('talks.steps', lang, n=len(talk.steps))})")
            lines = []
            for i, step in enumerate(talk.steps):
                title = step.title(lang) if step.title else t(f"pages.{topics.by_url_path(step.page).package}", lang)
                lines.append(f"{i + 1}. {html.escape(title)}")
            st.markdown("\n".join(lines))
            link = f"{base}/stage?{talks.stage_query(talk.id, 0, lang)}"
            with st.container(horizontal=True, gap="small"):
                st.link_button(t("talks.start", lang), link, icon=":material/slideshow:", type="primary")
            st.code(link, language=None)
