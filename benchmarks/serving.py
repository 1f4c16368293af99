"""Serving a whole audience: first-visit bytes in Chromium, capacity of one process and of two behind
HAProxy, and 300 viewers through the proxy.

    python -m benchmarks.serving [--quick] [--output benchmarks/results/serving.json]

(also the last phase of `python -m benchmarks.run`; `--serving` adds it to a --quick run).

1. First visit, in Debian's Chromium (fresh browser profile each time), for the app's Photonics
   page and the reference page (benchmarks/reference_app.py), each served five ways:

       make run              python -m explainers.serve (TCP_NODELAY, precompressed frontend), with the
                             machine's compression cache filled (brotli 11; filled first if it is not)
       make run (new cache)  the same with an empty cache: a new machine's first minute (brotli 9)
       stock                 python -m explainers.serve --stock (Streamlit as installed: no compression)
       proxy                 `make cluster`: 2 tuned processes behind HAProxy (deploy/haproxy/haproxy.cfg)
       stock+proxy           2 stock processes behind the same HAProxy, which gzips on the fly

   Measured: bytes on the wire (the sum of Chrome's encodedDataLength over every response, headers
   included, from the DevTools protocol), responses, time to the first drawn chart on loopback and
   over an emulated phone network (PHONE below: on loopback the bytes cost almost nothing, through
   a shared Wi-Fi they are most of the wait), and what a returning visitor downloads (a reload:
   the hashed bundles come from the browser's cache).

2. Capacity: viewers (the benchmark's websocket client) each change a control once a second; the
   count grows by a fixed factor a step until the p95 round trip passes 150 ms, then up to three
   bisections between the last step held and the first missed narrow the limit to ~6 % (the steps
   alone are 1.2-1.25x apart, so a ratio of two ramps could be off by a step either way). Capacity =
   the most changes per second served with p95 ≤ 150 ms and no error, for one tuned process and for two behind the proxy (goal ≥ 1.7×).
   The client runs on the same 2 cores as the servers, so two processes never get two whole cores.

3. An audience: 300 viewers connect through the proxy (the QR code moment: first loads measured),
   then each changes a control every few seconds for a bounded time; goal 0 errors.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
# The run is over and no page is waiting to render its later sections (ui.progressive).
READY = "[data-testid=stApp][data-test-script-state=notRunning]:not(:has(.st-key-progressive_pending))"
CHART = "[data-testid=stPlotlyChart] .main-svg"
#: A phone sharing a conference Wi-Fi or 4G cell: 20 Mbit/s down, 5 up, 40 ms round trip.
PHONE = {"offline": False, "latency": 40, "downloadThroughput": 20e6 / 8, "uploadThroughput": 5e6 / 8}
P95_LIMIT_S = 0.150
GOAL_FIRST_VISIT_BYTES = 2_500_000
GOAL_RETURNING_BYTES = 100_000
GOAL_CAPACITY_RATIO = 1.7
GOAL_FIRST_CHART_RATIO = 1.1  # a topic page's first chart, against the reference page served the same way
AUDIENCE = 300
TIMEOUT_S = 10.0

# Records when the first chart has drawn (no polling delay in the number).
_FIRST_CHART_JS = """
window.__firstChart = null;
new MutationObserver((_, obs) => {
  if (document.querySelector(%r)) { window.__firstChart = performance.now(); obs.disconnect(); }
}).observe(document, {childList: true, subtree: true});
""" % CHART


def log(text: str) -> None:
    print(f"[serving {time.strftime('%H:%M:%S')}] {text}", flush=True)


def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    s = sorted(values)
    return s[max(0, min(len(s) - 1, math.ceil(q / 100 * len(s)) - 1))]


def _ms(x: float | None) -> float | None:
    return None if x is None else round(x * 1000, 1)


# --- the browser --------------------------------------------------------------------------------------------


@dataclass
class Visit:
    url: str
    wire_bytes: int = 0
    static_wire_bytes: int = 0  # of that, the frontend bundles (/static/): 0 when the browser had them cached
    responses: int = 0
    encoded_responses: int = 0  # with a Content-Encoding
    first_chart_ms: float | None = None
    ready_ms: float | None = None
    error: str = ""
    outside: list[str] = field(default_factory=list)  # requests that left 127.0.0.1


class WireMeter:
    """Every response of one page, as Chrome's network stack saw it (DevTools protocol)."""

    def __init__(self, context: Any, page: Any) -> None:
        self.cdp = context.new_cdp_session(page)
        self.cdp.send("Network.enable")
        self.responses: dict[str, dict[str, Any]] = {}
        self.cdp.on("Network.responseReceived", self._response)
        self.cdp.on("Network.loadingFinished", self._finished)

    def _response(self, event: dict[str, Any]) -> None:
        headers = {k.lower(): v for k, v in event["response"].get("headers", {}).items()}
        self.responses.setdefault(event["requestId"], {}).update(
            url=event["response"]["url"], status=event["response"]["status"],
            encoding=headers.get("content-encoding", ""), headers=headers)

    def _finished(self, event: dict[str, Any]) -> None:
        # encodedDataLength: bytes received for this response, headers and (compressed) body.
        self.responses.setdefault(event["requestId"], {})["wire"] = event["encodedDataLength"]

    def reset(self) -> None:
        self.responses.clear()

    def throttle(self, conditions: dict[str, Any] | None) -> None:
        self.cdp.send("Network.emulateNetworkConditions", conditions or
                      {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})

    @property
    def wire_bytes(self) -> int:
        return sum(int(r.get("wire", 0)) for r in self.responses.values())


def wait_ready(page: Any, timeout_ms: int = 60_000) -> None:
    page.wait_for_selector(READY, timeout=timeout_ms)
    page.wait_for_function("() => document.querySelectorAll('[data-testid=stSkeleton]').length === 0",
                           timeout=timeout_ms)


def visit(browser: Any, url: str, *, throttle: dict[str, Any] | None = None, chart: bool = True,
          reload: bool = False) -> tuple[Visit, Visit | None]:
    """A first visit in a fresh profile (empty HTTP cache), and with `reload` the returning visit."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    try:
        context.add_init_script(_FIRST_CHART_JS)
        page = context.new_page()
        meter = WireMeter(context, page)
        meter.throttle(throttle)
        outside: list[str] = []
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("http://127.0.0.1", "ws://127.0.0.1",
                                                                                     "data:", "blob:")) else None)
        first = _load(page, meter, url, chart)
        first.outside = outside[:]
        again = None
        if reload and not first.error:
            meter.reset()
            again = _load(page, meter, url, chart)
        return first, again
    finally:
        context.close()


def _load(page: Any, meter: WireMeter, url: str, chart: bool) -> Visit:
    out = Visit(url)
    try:
        page.goto(url, wait_until="commit")
        wait_ready(page)
        # Streamlit loads Plotly's bundle (the largest) when it draws the first chart, which can be
        # after the run has finished: wait for it, on pages that have a chart.
        if chart and page.locator("[data-testid=stPlotlyChart]").count():
            page.wait_for_selector(CHART, timeout=60_000)
            wait_ready(page)
        page.wait_for_timeout(300)  # late requests (fonts, icons) that the page still makes
        out.first_chart_ms = page.evaluate("window.__firstChart")
        out.ready_ms = page.evaluate("performance.now()")
    except Exception as err:
        out.error = f"{type(err).__name__}: {str(err)[:200]}"
    out.wire_bytes = meter.wire_bytes
    out.static_wire_bytes = sum(int(r.get("wire", 0)) for r in meter.responses.values()
                                if "/static/" in r.get("url", ""))
    out.responses = len(meter.responses)
    out.encoded_responses = sum(1 for r in meter.responses.values() if r.get("encoding"))
    return out


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        raise RuntimeError(f"Chromium not found at {CHROMIUM}")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


# --- the servers ----------------------------------------------------------------------------------------------


@dataclass
class Served:
    """One way of serving one script: its base URL, the PIDs whose CPU counts, and how to stop it."""

    name: str
    url: str
    pids: list[int]
    stop: Any
    port: int


def filled_cache() -> Path:
    """The machine's compression cache (what `make run` uses), filled at the best quality if it is not."""
    from explainers import static_compress as sc

    cache = sc.default_cache_dir() or Path(tempfile.mkdtemp(prefix="bench-static-filled-"))
    store = sc.AssetStore(sc._streamlit_static_dir(), cache, quality=sc.BEST_BROTLI_QUALITY, upgrade=False)
    marker = store._marker()
    if marker is None or not marker.exists():
        log(f"filling the compression cache {cache} (once per machine)")
        store.precompress()
    return cache


@contextmanager
def serve(config: str, script: Path | None = None, processes: int = 2, cache: Path | None = None) -> Iterator[Served]:
    """`config` in make-run | stock | proxy | stock+proxy; `cache` None: an empty compression cache."""
    from benchmarks.client import Server, free_port
    from explainers.cluster import Cluster, free_ports

    fresh = cache is None
    cache = Path(tempfile.mkdtemp(prefix="bench-static-")) if fresh else cache
    extra = ["--script", str(script)] if script else []
    stock = config.startswith("stock")
    try:
        if config in ("make-run", "stock"):
            old = os.environ.get("EXPLAINERS_STATIC_CACHE")
            os.environ["EXPLAINERS_STATIC_CACHE"] = str(cache)
            try:
                server = Server(stock=stock, port=free_port(), extra=extra).start()
            finally:
                os.environ.pop("EXPLAINERS_STATIC_CACHE") if old is None else os.environ.update(
                    EXPLAINERS_STATIC_CACHE=old)
            try:
                server.wait_healthy(90)
                yield Served(config, server.base, [server.pid], server.stop, server.port)
            finally:
                server.stop()
        else:
            ports = free_ports(processes + 1)
            cluster = Cluster(processes, port=ports[0], app_ports=ports[1:], extra=extra + (["--stock"] if stock else []),
                              env={"EXPLAINERS_STATIC_CACHE": str(cache)})
            with cluster:
                pids = [p.pid for p in cluster.apps if p is not None]
                yield Served(config, cluster.url, pids, cluster.stop, cluster.port)
    finally:
        if fresh:
            shutil.rmtree(cache, ignore_errors=True)


# --- 1. first visits ----------------------------------------------------------------------------------------


def first_visits(configs: tuple[str, ...], pages: list[tuple[str, Path | None, str]], with_phone: bool) -> list[dict]:
    """`configs`: as `serve` takes them; "make-run (new cache)" is make run with an empty cache."""
    rows = []
    cache = filled_cache()
    with chromium() as browser:
        for label, script, path in pages:
            for config in configs:
                log(f"first visit: {label} via {config}")
                try:
                    base = config.split(" ")[0]
                    with serve(base, script, cache=None if "new cache" in config else cache) as served:
                        url = f"{served.url}/{path}"
                        first, again = visit(browser, url, reload=True)
                        second, _ = visit(browser, url)  # another viewer, compressed copies made already
                        third, _ = visit(browser, url)
                        phone = visit(browser, url, throttle=PHONE)[0] if with_phone else None
                except Exception as err:
                    rows.append({"page": label, "config": config, "error": f"{type(err).__name__}: {err}"[:300]})
                    log(f"  failed: {rows[-1]['error']}")
                    continue
                # One visit's time to its first chart moves by ±20 % on this 2-core machine: the goal is
                # judged on the median of three fresh profiles (the first on a just-started server).
                charts = [v.first_chart_ms for v in (first, second, third) if v.first_chart_ms and not v.error]
                row = {"page": label, "config": config, "first": asdict(first), "second": asdict(second),
                       "third": asdict(third), "first_chart_median_ms": statistics.median(charts) if charts else None,
                       "first_chart_ms_all": charts,
                       "returning": asdict(again) if again else None, "phone": asdict(phone) if phone else None}
                rows.append(row)
                log(f"  {first.wire_bytes / 1e6:.2f} MB in {first.responses} responses ({first.encoded_responses} "
                    f"compressed), first chart {first.first_chart_ms and round(first.first_chart_ms)} ms "
                    f"(median of 3 viewers {row['first_chart_median_ms'] and round(row['first_chart_median_ms'])} ms)"
                    f"{f', on a phone network {round(phone.first_chart_ms or 0)} ms' if phone else ''}; "
                    f"returning visit {again.wire_bytes / 1e3 if again else 0:.1f} kB"
                    + (f"; ERROR {first.error}" if first.error else ""))
    return rows


# --- 2. and 3. viewers over the websocket -----------------------------------------------------------------


@dataclass
class LoadResult:
    viewers: int
    period_s: float
    seconds: float
    connected: int = 0
    changes: int = 0
    errors: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)
    p50_ms: float | None = None
    p95_ms: float | None = None
    changes_per_s: float = 0.0
    first_load_p50_ms: float | None = None
    first_load_max_ms: float | None = None
    connect_s: float = 0.0
    server_cpu_pct: float | None = None
    by_server: dict[str, int] = field(default_factory=dict)


def _rows() -> list[tuple[Any, Any]]:
    """(page, control) pairs the viewers use: each topic page's first primary control."""
    from benchmarks.pages import app_pages

    rows = [(p, p.controls[0]) for p in app_pages() if p.controls and p.url_path and p.url_path not in ("sources",
                                                                                                          "glossary")]
    return rows or [(p, None) for p in app_pages()[:1]]


async def load(port: int, n: int, seconds: float, period_s: float, pids: list[int], seed: int = 1,
               connect_deadline_s: float = 90.0) -> LoadResult:
    """`n` viewers, each changing its control every `period_s` (random phase) for `seconds`."""
    import psutil

    from benchmarks.client import Viewer
    from benchmarks.run import find_control, interact, pick_values

    rows = _rows()
    rng = random.Random(seed)
    res = LoadResult(n, period_s, seconds)
    times: list[float] = []
    loads: list[float] = []
    errors: list[str] = []
    gate = asyncio.Semaphore(8)  # browsers arriving: a few handshakes at a time, as in benchmarks.run
    go = asyncio.Event()
    start_at = [0.0]
    deadline = time.perf_counter() + connect_deadline_s
    connected = [0]

    async def one(i: int) -> Viewer | None:
        page, control = rows[i % len(rows)]
        viewer = Viewer(port, page.url_path, timeout_s=TIMEOUT_S)
        try:
            async with gate:
                if time.perf_counter() > deadline:
                    errors.append("not connected before the deadline")
                    return None
                t0 = time.perf_counter()
                await asyncio.wait_for(viewer.connect(), TIMEOUT_S)
                r = await viewer.load()
            if not r.ok:
                errors.append(r.error or "load failed")
                return viewer
            loads.append(time.perf_counter() - t0)
            server = (viewer.ws.response.headers.get("x-explainers-server") if viewer.ws.response else None) or "-"
            res.by_server[server] = res.by_server.get(server, 0) + 1
        except Exception as err:
            errors.append(f"load: {type(err).__name__}: {err}")
            return viewer
        finally:
            connected[0] += 1
        widget = find_control(viewer, page, control)
        values = pick_values(widget, control) if widget else None
        if values is None:
            errors.append("control not found")
            return viewer
        await go.wait()
        t_start, offset, k = start_at[0], rng.random() * period_s, 0
        while True:
            tick = t_start + offset + k * period_s
            now = time.perf_counter()
            if tick < now:  # a slow answer: the person acts again at their next turn
                k += math.ceil((now - tick) / period_s)
                continue
            if tick >= t_start + seconds:
                break
            await asyncio.sleep(tick - now)
            k += 1
            r, problem = await interact(viewer, page, control, values)
            if problem:
                errors.append(problem)
                break
            if r.ok:
                times.append(r.seconds)
            else:
                errors.append(r.error)
                if "timeout" not in r.error or not await viewer.drain(TIMEOUT_S):
                    break
        return viewer

    t_connect = time.perf_counter()
    tasks = [asyncio.create_task(one(i)) for i in range(n)]
    while connected[0] < n and time.perf_counter() < deadline + TIMEOUT_S:
        await asyncio.sleep(0.05)
    res.connect_s = round(time.perf_counter() - t_connect, 2)
    procs = [psutil.Process(pid) for pid in pids]
    cpu0 = sum(p.cpu_times().user + p.cpu_times().system for p in procs)
    t0 = time.perf_counter()
    start_at[0] = t0 + 0.2
    go.set()
    viewers = await asyncio.gather(*tasks, return_exceptions=True)
    wall = time.perf_counter() - t0
    cpu = sum(p.cpu_times().user + p.cpu_times().system for p in procs) - cpu0
    for v in viewers:
        if isinstance(v, Viewer):
            await v.close()
        elif isinstance(v, BaseException):
            errors.append(f"{type(v).__name__}: {v}")
    res.connected = len(loads)
    res.changes = len(times)
    res.errors = len(errors)
    for e in errors:
        key = "".join("#" if c.isdigit() else c for c in e)[:80]
        res.error_kinds[key] = res.error_kinds.get(key, 0) + 1
    res.p50_ms, res.p95_ms = _ms(pct(times, 50)), _ms(pct(times, 95))
    res.changes_per_s = round(len(times) / seconds, 1)
    res.first_load_p50_ms, res.first_load_max_ms = _ms(pct(loads, 50)), _ms(max(loads, default=None))
    res.server_cpu_pct = round(100 * cpu / wall, 1) if wall else None
    return res


def search_capacity(measure: Callable[[int], dict[str, Any]], start: int, growth: float, max_viewers: int,
                    resolution: float = 0.06, max_probes: int = 3) -> tuple[list[dict], dict | None]:
    """The audience that a server holds: grow it by `growth` a step until a level fails, then bisect.

    `measure(n)` runs n viewers and returns their level with "ok" (p95 ≤ 150 ms and no error) and
    "changes_per_s". The ramp alone brackets the limit between two steps (1.25× apart: two ramps'
    ratio could then be off by a step either way); up to `max_probes` bisections narrow the bracket
    to `resolution` of the last level held. Returns every level measured, in order (bisection
    probes are marked), and the level with the most changes/s that held, or None.
    """
    levels: list[dict] = []
    best: dict | None = None

    def run(n: int, step: str) -> bool:
        nonlocal best
        level = {**measure(n), "step": step}
        levels.append(level)
        if level["ok"] and (best is None or level["changes_per_s"] > best["changes_per_s"]):
            best = level
        return bool(level["ok"])

    held, failed, n = None, None, start
    while n <= max_viewers:
        if not run(n, "ramp"):
            failed = n
            break
        held, n = n, int(math.ceil(n * growth))
    if held is None or failed is None:  # the first level failed, or the ramp ran out of viewers
        return levels, best
    for _ in range(max_probes):
        if failed - held <= max(1, math.ceil(resolution * held)):
            break
        mid = (held + failed) // 2
        if run(mid, "bisect"):
            held = mid
        else:
            failed = mid
    return levels, best


def capacity(served: Served, start: int, growth: float, seconds: float, max_viewers: int) -> dict[str, Any]:
    """Grow the audience until p95 > 150 ms (or errors), then bisect; capacity = best changes/s within the limit."""
    # Every page once on every process first: a page's first run on a process (imports, caches) is
    # seconds, and the ramp measures a warm server.
    asyncio.run(load(served.port, 2 * len(_rows()) * len(served.pids), 1.0, 1.0, served.pids))

    def measure(n: int) -> dict[str, Any]:
        r = asdict(asyncio.run(load(served.port, n, seconds, 1.0, served.pids, seed=n)))
        r["ok"] = r["p95_ms"] is not None and r["p95_ms"] <= P95_LIMIT_S * 1000 and r["errors"] == 0
        log(f"  {served.name}: {n} viewers -> {r['changes_per_s']} changes/s, p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms, "
            f"{r['errors']} errors, server CPU {r['server_cpu_pct']}%{' ' + str(r['by_server']) if len(r['by_server']) > 1 else ''}")
        time.sleep(1.5)  # let the sessions of this level go
        return r

    levels, best = search_capacity(measure, start, growth, max_viewers)
    return {"config": served.name, "levels": levels, "capacity_changes_per_s": best["changes_per_s"] if best else None,
            "at_viewers": best["viewers"] if best else None, "p95_ms_there": best["p95_ms"] if best else None}


# --- the whole phase ---------------------------------------------------------------------------------------------


def bench(quick: bool = False, skip_browser: bool = False) -> dict[str, Any]:
    from benchmarks.pages import REFERENCE_APP

    t0 = time.perf_counter()
    out: dict[str, Any] = {"mode": "quick" if quick else "full", "phone": PHONE, "p95_limit_ms": P95_LIMIT_S * 1000,
                           "audience": AUDIENCE, "loadavg_before": [round(x, 2) for x in os.getloadavg()]}
    if not skip_browser:
        pages = [("photonics", None, "photonics?lang=nl"), ("reference", REFERENCE_APP, "")]
        out["first_visit"] = first_visits(("make-run", "make-run (new cache)", "stock", "proxy", "stock+proxy"), pages,
                                          with_phone=True)
    seconds = 5.0 if quick else 10.0
    log("capacity: one tuned process")
    with serve("make-run", cache=filled_cache()) as one:
        out["capacity_one"] = capacity(one, 40 if quick else 30, 1.25, seconds, 400)
    log("capacity: two tuned processes behind HAProxy, then an audience of 300")
    with serve("proxy", cache=filled_cache()) as two:
        out["capacity_two"] = capacity(two, 80 if quick else 60, 1.2, seconds, 600)
        time.sleep(2)
        period = 3.0  # each viewer changes something every 3 s: ~100 changes/s for the whole room
        audience_s = 15.0 if quick else 30.0
        log(f"audience: {AUDIENCE} viewers through the proxy, a change every {period:g} s each, {audience_s:g} s")
        r = asyncio.run(load(two.port, AUDIENCE, audience_s, period, two.pids, seed=300, connect_deadline_s=120))
        out["audience_run"] = asdict(r)
        log(f"  {r.connected}/{AUDIENCE} connected in {r.connect_s} s (first load p50 {r.first_load_p50_ms} ms, max "
            f"{r.first_load_max_ms} ms, {r.by_server}); {r.changes} changes ({r.changes_per_s}/s), p50 {r.p50_ms} ms, "
            f"p95 {r.p95_ms} ms, {r.errors} errors {r.error_kinds or ''}")
    out["elapsed_s"] = round(time.perf_counter() - t0, 1)
    out["loadavg_after"] = [round(x, 2) for x in os.getloadavg()]
    return out


def _fv(res: dict, page: str, config: str) -> dict | None:
    return next((r for r in res.get("first_visit") or [] if r["page"] == page and r["config"] == config and
                 "first" in r), None)


def goals(serving: dict | None) -> list[dict[str, Any]]:
    """Goals in benchmarks.run's format (PASS/FAIL/n/a)."""
    out: list[dict[str, Any]] = []
    if not serving:
        return out

    def add(name: str, ok: bool | None, detail: str) -> None:
        out.append({"goal": name, "result": "n/a" if ok is None else ("PASS" if ok else "FAIL"), "detail": detail,
                    "row": None})

    for config in ("make-run", "proxy"):
        r = _fv(serving, "photonics", config)
        first = r and r["first"]
        add(f"first visit to photonics via {config}: ≤ {GOAL_FIRST_VISIT_BYTES / 1e6:g} MB on the wire",
            None if not first or first["error"] else first["wire_bytes"] <= GOAL_FIRST_VISIT_BYTES,
            "not measured" if not first else f"{first['wire_bytes'] / 1e6:.2f} MB in {first['responses']} responses")
        ref = _fv(serving, "reference", config)
        mine, theirs = r and r.get("first_chart_median_ms"), ref and ref.get("first_chart_median_ms")
        add(f"first chart of photonics via {config} (median of 3 viewers): ≤ {GOAL_FIRST_CHART_RATIO:g}× the "
            "reference page's",
            None if not mine or not theirs else mine <= GOAL_FIRST_CHART_RATIO * theirs,
            "not measured" if not mine or not theirs else f"{mine / 1000:.2f} s vs {theirs / 1000:.2f} s "
                                                          f"({mine / theirs:.2f}×)")
        again = r and r.get("returning")
        add(f"returning visit to photonics via {config}: ≤ {GOAL_RETURNING_BYTES / 1e3:g} kB",
            None if not again or again["error"] else again["wire_bytes"] <= GOAL_RETURNING_BYTES,
            "not measured" if not again else f"{again['wire_bytes'] / 1e3:.1f} kB")
    one = (serving.get("capacity_one") or {}).get("capacity_changes_per_s")
    two = (serving.get("capacity_two") or {}).get("capacity_changes_per_s")
    add(f"two processes behind the proxy: ≥ {GOAL_CAPACITY_RATIO:g}× the changes/s of one at p95 ≤ 150 ms",
        None if not one or not two else two >= GOAL_CAPACITY_RATIO * one,
        "not measured" if not one or not two else f"{two} vs {one} changes/s ({two / one:.2f}×)")
    a = serving.get("audience_run")
    add(f"{AUDIENCE} viewers through the proxy: 0 errors", None if not a else a["errors"] == 0 and a["connected"] == AUDIENCE,
        "not measured" if not a else f"{a['connected']} connected, {a['changes']} changes, {a['errors']} errors, "
                                     f"p95 {a['p95_ms']} ms")
    return out


def _mb(x: int | None) -> str:
    return "–" if x is None else f"{x / 1e6:.2f} MB"


def _t(x: float | None) -> str:
    return "–" if x is None else (f"{x / 1000:.2f} s" if x >= 1000 else f"{x:.0f} ms")


def markdown_lines(serving: dict | None) -> list[str]:
    if not serving:
        return []
    lines = ["### Serving: first visit, two processes behind HAProxy, an audience", ""]
    if serving.get("error"):
        return lines + [f"Not measured: {serving['error']}", ""]
    fv = serving.get("first_visit") or []
    if fv:
        ph = serving["phone"]
        lines += [
            "A first visit in a fresh Chromium profile: bytes on the wire (every response, headers included, as "
            "Chrome's network stack counted them), responses, time from navigation to the first drawn chart on "
            f"loopback and over an emulated phone network ({ph['downloadThroughput'] * 8 / 1e6:g} Mbit/s down, "
            f"{ph['latency']} ms), and a returning visit (reload: the hashed bundles stay cached). The goal on the "
            "first chart takes the median of three viewers in fresh profiles (one visit moves by ±20 % here). "
            "*make run* = "
            "`python -m explainers.serve` with the machine's compression cache filled (brotli 11: after the "
            "first minute of `make run` on a machine, or built into the image); *new cache*: the same on a machine "
            "whose cache is still empty (brotli 9, made while this visit asks); *stock* = `--stock`; *proxy* = "
            "`make cluster` (2 processes, HAProxy); *stock+proxy* = 2 stock processes behind the same HAProxy, "
            "which gzips on the fly.", "",
            "| page | served by | first visit | responses (compressed) | first chart | first chart, median of 3 | "
            "first chart, phone | returning visit |", "|---|---|--:|--:|--:|--:|--:|--:|"]
        for r in fv:
            if "first" not in r:
                lines.append(f"| {r['page']} | {r['config']} | {r.get('error', '')} | | | | | |")
                continue
            f, a, p = r["first"], r.get("returning") or {}, r.get("phone") or {}
            lines.append(f"| {r['page']} | {r['config']} | {_mb(f['wire_bytes'])} | {f['responses']} "
                         f"({f['encoded_responses']}) | {_t(f['first_chart_ms'])} | {_t(r.get('first_chart_median_ms'))} | "
                         f"{_t(p.get('first_chart_ms'))} | "
                         f"{(a.get('wire_bytes') or 0) / 1e3:.1f} kB |")
        lines.append("")
    c1, c2 = serving.get("capacity_one"), serving.get("capacity_two")
    if c1 or c2:
        lines += ["Capacity: viewers each change a Photonics / Neuromorphic / AI compute control once a second; "
                  "the audience grows step by step until the p95 round trip passes 150 ms, then bisections (marked *) "
                  "narrow the limit between the last step held and the first missed. The load client shares the 2 cores.",
                  "",
                  "| served by | changes/s at p95 ≤ 150 ms | viewers | p95 there | levels (viewers: changes/s, p95) |",
                  "|---|--:|--:|--:|---|"]
        for c, label in ((c1, "one process (make run)"), (c2, "two processes behind HAProxy")):
            if not c:
                continue
            levels = "; ".join(f"{lv['viewers']}{'*' if lv.get('step') == 'bisect' else ''}: {lv['changes_per_s']:g}/s, {lv['p95_ms']} ms"
                               + (f", {lv['errors']} err" if lv["errors"] else "") for lv in c["levels"])
            lines.append(f"| {label} | {c['capacity_changes_per_s'] or '–'} | {c['at_viewers'] or '–'} | "
                         f"{_t(c['p95_ms_there'])} | {levels} |")
        lines.append("")
    a = serving.get("audience_run")
    if a:
        lines += [f"Audience: {a['viewers']} viewers connect through the proxy ({a['connected']} connected in "
                  f"{a['connect_s']} s; first page p50 {_t(a['first_load_p50_ms'])}, slowest {_t(a['first_load_max_ms'])}; "
                  f"per process {a['by_server']}), then each changes a control every {a['period_s']:g} s for "
                  f"{a['seconds']:g} s: {a['changes']} changes ({a['changes_per_s']}/s), p50 {_t(a['p50_ms'])}, "
                  f"p95 {_t(a['p95_ms'])}, {a['errors']} errors.", ""]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.serving", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="shorter load phases (~3 min in all)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium first visits")
    parser.add_argument("--output", type=Path, default=RESULTS / "serving.json")
    args = parser.parse_args(argv)
    # Stopped from outside (SIGTERM, or SIGINT that a background shell job would ignore): unwind,
    # so that every server this benchmark started is stopped by its `finally`.
    signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))
    signal.signal(signal.SIGINT, signal.default_int_handler)
    res = bench(quick=args.quick, skip_browser=args.no_browser)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(res, indent=1, default=str), encoding="utf-8")
    print("\n".join(markdown_lines(res)))
    for g in goals(res):
        print(f"{g['result']:5} {g['goal']}  {g['detail']}")
    print(f"JSON: {args.output} ({res['elapsed_s']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
