"""A browser-like Streamlit client over the websocket, and the servers it talks to.

`Viewer` speaks the same protocol as Streamlit's own frontend (checked against streamlit 1.67's
`static/js` bundle and its widget serdes):

- connect to `ws://HOST:PORT/_stcore/stream` with the `streamlit` subprotocol;
- send a `BackMsg.rerun_script` (`ClientState`): the browser's query string, the page (`page_name` =
  the page's url path on the first run, then the `page_script_hash` the server navigated to), the
  FULL widget state (every widget's current value, as the frontend's WidgetStateManager holds it:
  the value the server set (`set_value`), else the value this client last sent, else the element's
  default), the fragment id when the changed widget lives in an `@st.fragment`, and the hashes of
  the messages it has cached;
- read `ForwardMsg`s until `script_finished` (a run that ends "early for rerun" is followed by the
  next run and the wait goes on), resolving `ref_hash` messages from its cache exactly like the
  frontend's ForwardMsgCache (cacheable messages are kept and expire after
  `max_cached_message_age` finished runs).

Wire values per widget (`WidgetState` oneof field, as the frontend sends them):

  slider (numeric)            double_array_value   the value(s)
  select_slider               string_array_value   the formatted option label(s)
  segmented_control, pills    string_array_value   the option label(s) (icon + " " + content)
  checkbox, toggle            bool_value
  text_input, text_area       string_value
  number_input                int_value (INT) / double_value (FLOAT)
  selectbox, radio            string_value         the option label
  multiselect                 string_array_value   the option labels

Buttons and other trigger widgets send nothing unless clicked; other widget types are listed in
`Viewer.unsupported` and left out (none of this app's pages uses one).

Bytes per interaction = the sum of the sizes of the websocket frames (serialized ForwardMsgs)
received between sending the BackMsg and receiving `script_finished` (`RunResult.bytes`). Large
elements (>= 10 kB) the browser still has cached arrive as small references; when a benchmark
alternates a control between two values, the browser's cache holds both versions of every chart, so
`RunResult.bytes_new` also counts, at full size, each reference to an element whose content differs
from what that position showed in the previous run: what a value never shown before would cost.

    python -m benchmarks.client --script benchmarks/reference_app.py --port 8600 [--stock]

starts a floor app through the same launcher as the app (TCP_NODELAY + the repo's config.toml,
or plain Streamlit defaults with --stock).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.NumberInput_pb2 import NumberInput
from streamlit.proto.Slider_pb2 import Slider
from streamlit.proto.WidgetStates_pb2 import WidgetState

ROOT = Path(__file__).resolve().parents[1]
FINISHED = ForwardMsg.ScriptFinishedStatus
ALERT_ERROR = Alert.Format.ERROR
HOST = "127.0.0.1"

# Element types that are widgets and how their value travels (see the module docstring).
WIDGET_TYPES = {"slider", "button_group", "checkbox", "text_input", "text_area", "number_input", "selectbox",
                "radio", "multiselect"}
# Widgets that only send a value when clicked (trigger values), or that need no state to run.
TRIGGER_TYPES = {"button", "download_button", "link_button", "page_link", "menu_button", "chat_input",
                 "file_uploader", "camera_input", "audio_input", "feedback", "pagination"}
# Elements that are widgets only when they were given on_select / on_change; they then carry an id.
MAYBE_WIDGET_TYPES = {"plotly_chart", "dataframe", "vega_lite_chart", "deck_gl_json_chart", "echarts_chart",
                      "color_picker", "date_input", "time_input", "date_time_input", "bidi_component",
                      "component_instance"}


class ProtocolError(RuntimeError):
    pass


@dataclass
class Widget:
    """One widget as the browser knows it: its id, kind, current wire value and where it lives."""

    id: str
    kind: str  # slider | select_slider | segmented_control | pills | checkbox | toggle | text_input | ...
    value: Any  # wire value (see WIRE)
    fragment_id: str = ""
    options: tuple[str, ...] = ()
    min: float | None = None
    max: float | None = None
    step: float | None = None
    is_int: bool = False
    multi: bool = False
    label: str = ""

    @property
    def user_key(self) -> str | None:
        if not self.id.startswith("$$ID-"):
            return None
        key = self.id.split("-", maxsplit=2)[-1]
        return None if key == "None" else key

    def to_proto(self) -> WidgetState | None:
        ws = WidgetState(id=self.id)
        v = self.value
        if v is None:
            return None  # an empty widget sends no value (the frontend sends an unset state)
        if self.kind == "slider":
            ws.double_array_value.data.extend(float(x) for x in v)
        elif self.kind in ("select_slider", "segmented_control", "pills", "multiselect"):
            ws.string_array_value.data.extend(str(x) for x in v)
        elif self.kind in ("checkbox", "toggle"):
            ws.bool_value = bool(v)
        elif self.kind in ("text_input", "text_area", "selectbox", "radio"):
            ws.string_value = str(v)
        elif self.kind == "number_input":
            if self.is_int:
                ws.int_value = int(v)
            else:
                ws.double_value = float(v)
        else:  # pragma: no cover - guarded by WIDGET_TYPES
            return None
        return ws

    def alternatives(self) -> list[Any]:
        """Valid wire values other than the current one, nearest first (for automatic alternation)."""
        v = self.value
        if self.kind == "select_slider" and self.options:
            cur = self.options.index(v[0]) if v and v[0] in self.options else 0
            order = sorted(range(len(self.options)), key=lambda i: (abs(i - cur - max(1, len(self.options) // 4)), i))
            return [[self.options[i]] for i in order if i != cur]
        if self.kind == "slider" and self.min is not None and self.max is not None:
            cur = float(v[0]) if v else float(self.min)
            step = self.step or (self.max - self.min) / 10 or 1.0
            span = self.max - self.min
            target = cur + max(step, round(span / 4 / step) * step)
            if target > self.max:
                target = cur - max(step, round(span / 4 / step) * step)
            target = min(max(target, self.min), self.max)
            if len(v) == 2:
                return [[float(self.min), float(target)]]
            return [[float(target)]] if target != cur else []
        if self.kind in ("segmented_control", "radio", "selectbox") and self.options:
            cur = (v[0] if isinstance(v, list) and v else v) if v is not None else None
            others = [o for o in self.options if o != cur]
            return [[o] if self.kind == "segmented_control" else o for o in others]
        if self.kind in ("pills", "multiselect") and self.options:
            cur = list(v or [])
            if self.multi or self.kind == "multiselect":
                return [[self.options[0]]] if cur != [self.options[0]] else [list(self.options)]
            return [[o] for o in self.options if [o] != cur]
        if self.kind in ("checkbox", "toggle"):
            return [not bool(v)]
        if self.kind in ("text_input", "text_area"):
            return ["energy" if v != "energy" else ""]
        if self.kind == "number_input":
            cur = v if v is not None else (self.min or 0)
            step = self.step or 1
            nxt = cur + step
            if self.max is not None and nxt > self.max:
                nxt = cur - step
            return [int(nxt) if self.is_int else float(nxt)]
        return []


def widget_from_element(element: Any, etype: str, fragment_id: str, known: Widget | None) -> Widget | None:
    """The widget an element describes, with the value the frontend would hold for it."""
    el = getattr(element, etype)

    def keep(default: Any, server_value: Any, set_value: bool) -> Any:
        if set_value:
            return server_value
        if known is not None:
            return known.value
        return default

    if etype == "slider":
        if el.type == Slider.Type.SELECT_SLIDER:
            options = tuple(el.options)
            default = [options[int(i)] for i in el.default if 0 <= int(i) < len(options)]
            return Widget(el.id, "select_slider", keep(default, list(el.raw_value), el.set_value), fragment_id,
                          options=options, label=el.label)
        return Widget(el.id, "slider", keep(list(el.default), list(el.value), el.set_value), fragment_id,
                      min=el.min, max=el.max, step=el.step, is_int=el.data_type == Slider.DataType.INT,
                      label=el.label)
    if etype == "button_group":
        options = tuple((f"{o.content_icon} {o.content}".strip() if o.content_icon else o.content) for o in el.options)
        default = [options[i] for i in el.default if 0 <= i < len(options)]
        kind = "pills" if el.style == type(el).Style.PILLS else "segmented_control"
        multi = el.click_mode == type(el).ClickMode.MULTI_SELECT
        return Widget(el.id, kind, keep(default, list(el.raw_values), el.set_value), fragment_id, options=options,
                      multi=multi, label=el.label)
    if etype == "checkbox":
        kind = "toggle" if el.type == type(el).StyleType.TOGGLE else "checkbox"
        return Widget(el.id, kind, keep(el.default, el.value, el.set_value), fragment_id, label=el.label)
    if etype in ("text_input", "text_area"):
        default = el.default if el.HasField("default") else None
        value = el.value if el.HasField("value") else None
        return Widget(el.id, etype, keep(default, value, el.set_value), fragment_id, label=el.label)
    if etype == "number_input":
        is_int = el.data_type == NumberInput.DataType.INT
        default = el.default if el.HasField("default") else None
        value = el.value if el.HasField("value") else default
        if is_int:
            default = None if default is None else int(default)
            value = None if value is None else int(value)
        return Widget(el.id, etype, keep(default, value, el.set_value), fragment_id,
                      min=el.min if el.has_min else None, max=el.max if el.has_max else None, step=el.step,
                      is_int=is_int, label=el.label)
    if etype in ("selectbox", "radio"):
        options = tuple(el.options)
        default = options[el.default] if el.HasField("default") and 0 <= el.default < len(options) else None
        raw = el.raw_value if el.HasField("raw_value") else None
        return Widget(el.id, etype, keep(default, raw, el.set_value), fragment_id, options=options, label=el.label)
    if etype == "multiselect":
        options = tuple(el.options)
        default = [options[i] for i in el.default if 0 <= i < len(options)]
        return Widget(el.id, etype, keep(default, list(el.raw_values), el.set_value), fragment_id, options=options,
                      multi=True, label=el.label)
    return None


@dataclass
class RunResult:
    """One interaction: the BackMsg sent and every ForwardMsg until script_finished."""

    ok: bool
    seconds: float
    bytes: int = 0
    messages: int = 0
    deltas: int = 0
    ref_hits: int = 0
    status: str = ""
    fragment: bool = False
    exceptions: list[str] = field(default_factory=list)
    error: str = ""
    page_not_found: bool = False
    bytes_new: int = 0  # the same interaction if the new value had never been shown (see Viewer._run)
    first_s: float = 0.0  # until the first ForwardMsg arrived (queueing + start of the run)
    errors_shown: list[str] = field(default_factory=list)  # st.error boxes on the page


@dataclass
class _CachedMsg:
    raw: bytes
    run_count: int
    fragment_id: str


class Viewer:
    """One browser tab: a websocket, the widget values it holds and its message cache."""

    def __init__(self, port: int, page: str = "", query_string: str = "lang=en", *, host: str = HOST,
                 use_cache: bool = True, timeout_s: float = 10.0) -> None:
        self.url = f"ws://{host}:{port}/_stcore/stream"
        self.http = f"http://{host}:{port}"
        self.page = page
        self.query_string = query_string
        self.use_cache = use_cache
        self.timeout_s = timeout_s
        self.ws: Any = None
        self.widgets: dict[str, Widget] = {}
        self.unsupported: set[str] = set()
        self.page_script_hash = ""
        self.max_cached_message_age = 2
        self._cache: dict[str, _CachedMsg] = {}
        self._run_count = 0
        self._path_hash: dict[tuple[int, ...], str] = {}  # what each position on the page showed last
        self.stray_bytes = 0  # frames received outside any interaction
        self.runs = 0

    # --- connection ------------------------------------------------------------------------------

    async def connect(self) -> float:
        from websockets.asyncio.client import connect

        t0 = time.perf_counter()
        self.ws = await connect(self.url, subprotocols=["streamlit"], max_size=None, proxy=None,
                                open_timeout=self.timeout_s, ping_interval=None, close_timeout=2)
        return time.perf_counter() - t0

    async def close(self) -> None:
        if self.ws is not None:
            try:
                await asyncio.wait_for(self.ws.close(), 5)
            except Exception:
                pass
            self.ws = None

    async def __aenter__(self) -> Viewer:
        await self.connect()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # --- widgets -------------------------------------------------------------------------------

    def find(self, user_key: str) -> Widget | None:
        for w in self.widgets.values():
            if w.user_key == user_key:
                return w
        return None

    def widget_states(self) -> list[WidgetState]:
        out = []
        for w in self.widgets.values():
            proto = w.to_proto()
            if proto is not None:
                out.append(proto)
        return out

    # --- runs ----------------------------------------------------------------------------------

    def _client_state_msg(self, fragment_id: str = "") -> bytes:
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = self.query_string
        if self.page_script_hash:
            cs.page_script_hash = self.page_script_hash
        else:
            cs.page_name = self.page
        cs.widget_states.widgets.extend(self.widget_states())
        if fragment_id:
            cs.fragment_id = fragment_id
        if self.use_cache:
            cs.cached_message_hashes.extend(self._cache.keys())
        ci = cs.context_info
        ci.timezone, ci.timezone_offset, ci.locale = "UTC", 0, "en-US"
        ci.url = f"{self.http}/{self.page}" + (f"?{self.query_string}" if self.query_string else "")
        ci.is_embedded, ci.color_scheme = False, "light"
        return msg.SerializeToString()

    async def load(self) -> RunResult:
        """The first run of a new tab (what the browser sends right after the websocket opens)."""
        return await self._run("")

    async def change(self, widget: Widget, value: Any) -> RunResult:
        """Set one widget to `value` (a wire value) and rerun, as a person moving that control."""
        current = self.widgets.get(widget.id)
        if current is None:
            raise KeyError(f"widget {widget.id!r} is not on the page any more")
        current.value = value
        return await self._run(current.fragment_id)

    async def rerun(self) -> RunResult:
        return await self._run("")

    async def _run(self, fragment_id: str) -> RunResult:
        if self.ws is None:
            raise ProtocolError("not connected")
        payload = self._client_state_msg(fragment_id)
        seen: set[str] = set()
        result = RunResult(ok=False, seconds=0.0, fragment=bool(fragment_id))
        t0 = time.perf_counter()
        deadline = t0 + self.timeout_s
        await self.ws.send(payload)
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                result.error = f"timeout after {self.timeout_s:g} s"
                result.seconds = time.perf_counter() - t0
                return result
            try:
                raw = await asyncio.wait_for(self.ws.recv(), remaining)
            except asyncio.TimeoutError:
                continue
            except Exception as err:  # connection closed
                result.error = f"{type(err).__name__}: {err}"
                result.seconds = time.perf_counter() - t0
                return result
            if not result.messages:
                result.first_s = time.perf_counter() - t0
            result.bytes += len(raw)
            result.messages += 1
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            ref = msg.ref_hash if msg.WhichOneof("type") == "ref_hash" else ""
            msg = self._resolve(msg, raw, result)
            kind = msg.WhichOneof("type")
            result.bytes_new += len(raw)
            if kind == "delta":
                # A reference to an element whose content differs from what this position showed in the
                # previous run: the cache only had it because the value was shown before (alternating
                # a <-> b). For a value never seen before the full element would have come.
                path = tuple(msg.metadata.delta_path)
                digest = ref or msg.hash
                if ref and self._path_hash.get(path) != digest:
                    result.bytes_new += len(self._cache[ref].raw) - len(raw)
                self._path_hash[path] = digest
            if kind == "delta":
                result.deltas += 1
                self._on_delta(msg, seen, result)
            elif kind == "new_session":
                self.max_cached_message_age = msg.new_session.config.max_cached_message_age or 2
            elif kind == "navigation":
                self.page_script_hash = msg.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query_string = msg.page_info_changed.query_string
            elif kind == "page_not_found":
                result.page_not_found = True
            elif kind == "script_finished":
                status = msg.script_finished
                result.status = FINISHED.Name(status)
                if status == FINISHED.FINISHED_EARLY_FOR_RERUN:
                    continue  # st.rerun() or a newer request: the next run follows
                self._finish(msg, seen, fragment_id)
                result.ok = status != FINISHED.FINISHED_WITH_COMPILE_ERROR and not result.exceptions
                if status == FINISHED.FINISHED_WITH_COMPILE_ERROR:
                    result.error = "script compile error"
                elif result.exceptions:
                    result.error = "exception in the page: " + result.exceptions[0]
                result.seconds = time.perf_counter() - t0
                self.runs += 1
                return result

    async def drain(self, timeout_s: float = 10.0) -> bool:
        """After a timed-out interaction: read the late answer up to its script_finished."""
        if self.ws is None:
            return False
        deadline = time.perf_counter() + timeout_s
        while (remaining := deadline - time.perf_counter()) > 0:
            try:
                raw = await asyncio.wait_for(self.ws.recv(), remaining)
            except Exception:
                return False
            self.stray_bytes += len(raw)
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            if msg.WhichOneof("type") == "script_finished" and msg.script_finished != FINISHED.FINISHED_EARLY_FOR_RERUN:
                return True
        return False

    def _resolve(self, msg: ForwardMsg, raw: bytes, result: RunResult) -> ForwardMsg:
        """The frontend's ForwardMsgCache: keep cacheable messages, replace references by them."""
        if msg.WhichOneof("type") == "ref_hash":
            cached = self._cache.get(msg.ref_hash)
            if cached is None:
                raise ProtocolError(f"server referred to a message this client never cached: {msg.ref_hash}")
            cached.run_count = self._run_count
            result.ref_hits += 1
            full = ForwardMsg()
            full.ParseFromString(cached.raw)
            full.metadata.CopyFrom(msg.metadata)
            return full
        if self.use_cache and msg.metadata.cacheable and msg.hash and msg.hash not in self._cache:
            frag = msg.delta.fragment_id if msg.WhichOneof("type") == "delta" else ""
            self._cache[msg.hash] = _CachedMsg(raw, self._run_count, frag)
        elif msg.hash in self._cache:
            self._cache[msg.hash].run_count = self._run_count
        return msg

    def _on_delta(self, msg: ForwardMsg, seen: set[str], result: RunResult) -> None:
        delta = msg.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        etype = element.WhichOneof("type")
        if etype == "exception":
            result.exceptions.append(f"{element.exception.type}: {element.exception.message}"[:300])
            return
        if etype == "alert" and element.alert.format == ALERT_ERROR:
            result.errors_shown.append(element.alert.body[:300])
            return
        if etype in WIDGET_TYPES:
            wid = getattr(element, etype).id
            widget = widget_from_element(element, etype, delta.fragment_id, self.widgets.get(wid))
            if widget is not None:
                self.widgets[wid] = widget
                seen.add(wid)
        elif etype in MAYBE_WIDGET_TYPES:
            el = getattr(element, etype)
            if getattr(el, "id", "") and (getattr(el, "selection_mode", None) or etype not in
                                          ("plotly_chart", "dataframe", "vega_lite_chart", "deck_gl_json_chart",
                                           "echarts_chart")):
                self.unsupported.add(etype)

    def _finish(self, msg: ForwardMsg, seen: set[str], fragment_id: str) -> None:
        """What the frontend does at script_finished: drop stale widgets, age the message cache."""
        fragment_ids = list(msg.metadata.run.fragment_ids) or ([fragment_id] if fragment_id else [])
        if fragment_ids:
            self.widgets = {k: w for k, w in self.widgets.items()
                            if k in seen or w.fragment_id not in fragment_ids}
        else:
            self.widgets = {k: w for k, w in self.widgets.items() if k in seen}
        self._run_count += 1
        for h, cached in list(self._cache.items()):
            if fragment_ids and (not cached.fragment_id or cached.fragment_id not in fragment_ids):
                continue
            if self._run_count - cached.run_count > self.max_cached_message_age:
                del self._cache[h]


# --- servers -------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def http_ok(url: str, timeout: float = 2.0) -> bool:
    try:
        with _NO_PROXY.open(url, timeout=timeout) as resp:
            return resp.status == 200
    except OSError:
        return False


class Server:
    """A Streamlit server process: the app through its own launcher, or a floor script through ours."""

    def __init__(self, *, script: Path | None = None, stock: bool = False, port: int | None = None,
                 extra: list[str] | None = None) -> None:
        self.script = script
        self.stock = stock
        self.port = port or free_port()
        self.extra = list(extra or [])
        self.proc: subprocess.Popen | None = None
        self.log_path = Path(tempfile.mkdtemp(prefix="bench-")) / f"server-{self.port}.log"
        self.spawned_at = 0.0
        self.healthy_after_s: float | None = None

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    def command(self) -> list[str]:
        common = ["--port", str(self.port), "--address", HOST]
        if self.script is None:
            cmd = [sys.executable, "-m", "explainers.serve", *common]
        else:
            cmd = [sys.executable, "-m", "benchmarks.client", "--script", str(self.script), *common]
        if self.stock:
            cmd.append("--stock")
        return cmd + self.extra

    def start(self) -> Server:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), str(ROOT / "src"), env.get("PYTHONPATH", "")) if p)
        self._log = open(self.log_path, "wb")
        self.spawned_at = time.perf_counter()
        self.proc = subprocess.Popen(self.command(), cwd=ROOT, stdout=self._log, stderr=subprocess.STDOUT, env=env)
        return self

    def wait_healthy(self, timeout_s: float = 60.0) -> float:
        deadline = time.perf_counter() + timeout_s
        assert self.proc is not None
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited ({self.proc.returncode}): {self.log_tail()}")
            if http_ok(f"{self.base}/_stcore/health", timeout=1.0):
                self.healthy_after_s = time.perf_counter() - self.spawned_at
                return self.healthy_after_s
            time.sleep(0.02)
        raise RuntimeError(f"server not healthy after {timeout_s:g} s: {self.log_tail()}")

    def log_tail(self, n: int = 3000) -> str:
        try:
            return self.log_path.read_bytes()[-n:].decode(errors="replace")
        except OSError:
            return ""

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._log.close()
        self.proc = None

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve_script(argv: list[str] | None = None) -> None:
    """`streamlit run SCRIPT` through the app's launcher mechanism (tuned: TCP_NODELAY + config.toml)."""
    parser = argparse.ArgumentParser(description="Serve a floor script like the app is served.")
    parser.add_argument("--script", required=True, type=Path)
    parser.add_argument("--port", type=int, default=8600)
    parser.add_argument("--address", default=HOST)
    parser.add_argument("--stock", action="store_true", help="plain Streamlit defaults, no TCP_NODELAY")
    args, extra = parser.parse_known_args(argv)

    from explainers import serve

    os.chdir(serve.ROOT)  # the repo's .streamlit/config.toml, like the app
    flags = [f"--server.port={args.port}", f"--server.address={args.address}"]
    if args.stock:
        flags += serve.STOCK_FLAGS
    else:
        serve.patch_nodelay()

    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(args.script.resolve()), *flags, *extra]
    cli.main()


if __name__ == "__main__":
    serve_script()
