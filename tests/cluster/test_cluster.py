"""`make cluster` on loopback: two app processes behind HAProxy with deploy/haproxy/haproxy.cfg.

One cluster for the whole module (module-scoped fixture). The tests read which process answered
from the proxy's `X-Explainers-Server` header and which one a browser is pinned to from its sticky
cookie; nothing here assumes which process gets the first viewer. The last test kills a process.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import re
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from explainers import static_compress
from explainers.cluster import HAPROXY_CFG, SERVED_BY, render_config
from tests.browser.conftest import READY, query, wait_ready

from .conftest import fetch, header, set_cookies

pytestmark = [pytest.mark.xdist_group("cluster")]  # one worker runs the module, in order, on one cluster

COOKIE = "EXPLAINERS_SERVER"
# Streamlit 1.67's frontend finds its base path by asking `<page>/_stcore/health` and
# `<page>/_stcore/host-config` first and then the parent path; on a page URL (/photonics) the first
# two answer 404 with or without a proxy, and Chromium logs each as "Failed to load resource".
BASE_PATH_PROBE = re.compile(r"^http://127\.0\.0\.1:\d+/[^/?#]+/_stcore/(health|host-config)$")


@pytest.fixture(scope="module")
def pins(cluster):
    """Each process's sticky-cookie value, learnt from cookie-less requests (round robin of ties)."""
    seen: dict[str, set[str]] = {}
    for _ in range(12):
        status, headers, _ = fetch(f"{cluster.url}/_stcore/health")
        assert status == 200
        seen.setdefault(header(headers, SERVED_BY), set()).add(set_cookies(headers).get(COOKIE))
    assert set(seen) == {cluster.server_name(0), cluster.server_name(1)}, seen
    assert all(len(v) == 1 and None not in v for v in seen.values()), seen  # one stable cookie per process
    return {name: values.pop() for name, values in seen.items()}


# --- HTTP through the proxy ------------------------------------------------------------------------------


def test_health_answers_through_the_proxy(cluster):
    status, headers, body = fetch(f"{cluster.url}/_stcore/health")
    assert status == 200 and body == b"ok"
    assert header(headers, SERVED_BY) in {"app1", "app2"}


def test_the_sticky_cookie_keeps_a_browser_on_one_process(cluster, pins):
    assert pins["app1"] != pins["app2"]
    _, headers, _ = fetch(f"{cluster.url}/_stcore/health")
    attributes = next(v for k, v in headers if k.lower() == "set-cookie" and v.startswith(COOKIE)).lower()
    assert "httponly" in attributes and "samesite=lax" in attributes and "path=/" in attributes
    for name, value in pins.items():
        for path in ("/_stcore/health", "/_stcore/host-config", "/", "/photonics?lang=nl"):
            status, headers, _ = fetch(f"{cluster.url}{path}", {"Cookie": f"{COOKIE}={value}"})
            assert status == 200 and header(headers, SERVED_BY) == name, path
            assert COOKIE not in set_cookies(headers)  # a valid cookie is not set again


def test_security_headers_are_on_the_pages_and_nosniff_on_everything(cluster):
    _, _, index = fetch(f"{cluster.url}/", {"Accept-Encoding": "identity"})
    bundle = re.search(rb'src="\./(static/js/[^"]+\.js)"', index).group(1).decode()
    for path in ("/", "/photonics", "/sources?lang=nl"):
        status, headers, _ = fetch(f"{cluster.url}{path}")
        assert status == 200 and header(headers, "Content-Type").startswith("text/html")
        csp = header(headers, "Content-Security-Policy")
        assert csp and "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
        assert "'unsafe-eval'" not in csp  # WebAssembly only ('wasm-unsafe-eval'), never JS eval
        assert header(headers, "Referrer-Policy") == "no-referrer"
        assert header(headers, "X-Frame-Options") == "DENY"
        assert header(headers, "X-Content-Type-Options") == "nosniff"
        assert header(headers, "Server") is None
    for path in ("/_stcore/health", f"/{bundle}"):
        status, headers, _ = fetch(f"{cluster.url}{path}")
        assert status == 200 and header(headers, "X-Content-Type-Options") == "nosniff"
        assert header(headers, "Content-Security-Policy") is None  # a policy for documents: ~0.5 kB saved per file
        assert header(headers, "Server") is None


def test_the_csp_allows_exactly_the_inline_scripts_of_the_installed_streamlit(cluster):
    """The policy names Streamlit's inline script by its hash: a Streamlit upgrade that changes it
    must fail here, not in a visitor's console."""
    index = (static_compress._streamlit_static_dir() / "index.html").read_text(encoding="utf-8")
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", index, re.S)
    assert inline, "Streamlit's index.html has no inline script any more: drop the hash from the CSP"
    _, headers, _ = fetch(f"{cluster.url}/")
    script_src = next(d for d in header(headers, "Content-Security-Policy").split(";")
                      if d.strip().startswith("script-src"))
    hashes = set(re.findall(r"'(sha256-[^']+)'", script_src))
    assert hashes == {"sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in inline}


def test_static_files_reach_the_browser_compressed_through_the_proxy(cluster):
    _, _, body = fetch(f"{cluster.url}/", {"Accept-Encoding": "identity"})
    bundle = re.search(rb'src="\./(static/js/[^"]+\.js)"', body).group(1).decode()
    status, headers, body = fetch(f"{cluster.url}/{bundle}", {"Accept-Encoding": "gzip, deflate, br"})
    assert status == 200 and header(headers, "Content-Encoding") == "br"  # the process's own brotli copy
    assert "Accept-Encoding" in header(headers, "Vary")
    _, _, plain = fetch(f"{cluster.app_url(0)}/{bundle}", {"Accept-Encoding": "identity"})
    assert static_compress.brotli.decompress(body) == plain  # passed through as is, not compressed again


def test_the_rendered_config_is_the_deployed_one_with_only_the_servers_replaced(cluster):
    deployed = HAPROXY_CFG.read_text(encoding="utf-8")
    rendered = Path(cluster.config_path).read_text(encoding="utf-8")
    assert rendered == render_config([(cluster.server_name(i), "127.0.0.1", p) for i, p in enumerate(cluster.app_ports)])
    strip = re.compile(r"(?ms)^[ \t]*# --- servers: begin.*?# --- servers: end ---\n")
    assert strip.sub("", deployed) == strip.sub("", rendered)
    assert "server-template" in deployed and "server-template" not in rendered
    assert rendered.count("\n    server app") == 2


# --- the websocket ---------------------------------------------------------------------------------------


async def open_viewer(port: int, page: str, cookie: str | None = None):
    """The benchmark's browser-like client, connected with (or without) a sticky cookie."""
    from websockets.asyncio.client import connect

    from benchmarks.client import Viewer

    viewer = Viewer(port, page, timeout_s=15)
    viewer.ws = await connect(viewer.url, subprotocols=["streamlit"], max_size=None, proxy=None, open_timeout=15,
                              ping_interval=None, close_timeout=2,
                              additional_headers={"Cookie": f"{COOKIE}={cookie}"} if cookie else None)
    return viewer, viewer.ws.response.headers.get(SERVED_BY)


def a_slider(viewer):
    """A control of the page itself (a slider: its wire value is a number, whatever the language)."""
    return next(w for w in viewer.widgets.values() if w.kind == "slider" and w.alternatives())


def test_a_websocket_upgrades_through_the_proxy_and_a_rerun_completes(cluster, pins):
    async def scenario():
        for name, cookie in [(None, None), *pins.items()]:
            viewer, served = await open_viewer(cluster.port, "photonics", cookie)
            try:
                assert served in pins and (name is None or served == name)
                loaded = await viewer.load()
                assert loaded.ok and loaded.deltas > 0, loaded.error
                widget = a_slider(viewer)
                changed = await viewer.change(widget, widget.alternatives()[0])
                assert changed.ok and changed.status.endswith("SUCCESSFULLY"), changed.error  # a fragment rerun, or the page
            finally:
                await viewer.close()

    run_in_own_loop(scenario)


def run_in_own_loop(coro_fn) -> None:
    """asyncio.run in a thread of its own (Playwright holds this process's main-thread loop); the
    scenario's assertion errors are raised here."""
    failure: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(coro_fn())
        except BaseException as err:  # noqa: BLE001 - re-raised in the test's thread
            failure.append(err)

    runner = threading.Thread(target=target)
    runner.start()
    runner.join()
    if failure:
        raise failure[0]


# --- in Chromium -----------------------------------------------------------------------------------------


class Watch:
    """What a page did that a visitor would not want: errors, CSP violations, requests elsewhere."""

    def __init__(self, page, base: str) -> None:
        self.console: list[tuple[str, str]] = []
        self.page_errors: list[str] = []
        self.outside: list[str] = []
        self.closed_sockets: list[str] = []
        page.on("console", lambda m: self.console.append((m.text, (m.location or {}).get("url", "")))
                if m.type == "error" else None)
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        page.on("request", lambda r: None if r.url.startswith((base, base.replace("http", "ws"), "data:", "blob:"))
                else self.outside.append(r.url))
        page.on("websocket", lambda ws: ws.on("close", lambda w: self.closed_sockets.append(w.url)))
        self.page = page

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__csp || []")

    def unexpected_console_errors(self) -> list[tuple[str, str]]:
        return [(text, url) for text, url in self.console
                if not (text.startswith("Failed to load resource") and "404" in text and BASE_PATH_PROBE.match(url))]


def new_page(browser, base: str, cookie: str | None = None):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB", accept_downloads=True)
    context.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation', "
                            "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")
    if cookie:
        context.add_cookies([{"name": COOKIE, "value": cookie, "url": base}])
    page = context.new_page()
    return context, page, Watch(page, base)


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "photonics?lang=nl", "stage?talk=delegate_briefing&step=2&lang=nl"])
def test_a_page_loads_through_the_proxy_with_no_console_error(cluster, browser, path):
    context, page, watch = new_page(browser, cluster.url)
    try:
        response = page.goto(f"{cluster.url}/{path}")
        assert response.status == 200 and response.headers.get("content-security-policy")
        wait_ready(page)
        assert page.locator("[data-testid=stException]").count() == 0
        assert page.locator("[data-testid=stMarkdown], [data-testid=stHeading]").count() > 0  # it did render
        assert watch.csp_violations() == []
        assert watch.page_errors == []
        assert watch.unexpected_console_errors() == [], watch.console
        assert watch.outside == []
        if not path:
            assert watch.console == []  # the root URL needs no base-path probe at all
    finally:
        context.close()


@pytest.mark.browser
def test_the_sources_csv_download_completes_through_the_proxy(cluster, browser):
    context, page, watch = new_page(browser, cluster.url)
    media = []
    page.on("response", lambda r: media.append(r) if "/media/" in r.url and r.url.endswith(".csv") else None)
    try:
        served = page.goto(f"{cluster.url}/sources?lang=en").headers.get(SERVED_BY.lower())
        page.wait_for_selector(READY)
        button = page.locator("[data-testid=stDownloadButton] button").first
        with page.expect_download(timeout=20_000) as download:
            button.click()
        path = download.value.path()
        text = Path(path).read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if line.strip()]
        assert len(lines) > 1 and "," in lines[0]  # a header row and data
        assert download.value.url.startswith(f"{cluster.url}/media/")
        # The CSV was made on the click, by the process that holds this browser's session, and it
        # exists only there: the other process does not know it.
        for _ in range(50):  # (the download's response event can come after the download itself)
            if media:
                break
            page.wait_for_timeout(100)
        assert media and media[-1].headers.get(SERVED_BY.lower()) == served
        other = next(i for i in range(2) if cluster.server_name(i) != served)
        status, _, _ = fetch(cluster.app_url(other) + download.value.url[len(cluster.url):])
        assert status == 404
        assert watch.csp_violations() == [] and watch.page_errors == []
        assert watch.unexpected_console_errors() == [], watch.console
    finally:
        context.close()


# --- a process dies while viewers are using both -------------------------------------------------------


# Getting ready may be slow on a busy machine (first runs of a page); what is measured is not.
SETUP_MS = 90_000
RESTORE_MS = 5_000  # a viewer of the dead process: reload -> the same view, from the other one


# What a viewer sees of a view: every control's value, every readout and every table's row count.
VIEW_JS = """() => [...document.querySelectorAll('input')].map(e => e.type + '=' + (e.type === 'checkbox' ? e.checked : e.value))
  .concat([...document.querySelectorAll('[data-testid=stMetricValue]')].map(e => e.innerText.trim()))
  .concat([...document.querySelectorAll('[aria-rowcount]')].map(e => 'rows ' + e.getAttribute('aria-rowcount')))"""
SHOWS_VIEW = f"v => JSON.stringify(({VIEW_JS})()) === JSON.stringify(v)"


def shown(page) -> list[str]:
    return page.evaluate(VIEW_JS)


def settled(page, timeout_s: float = 30) -> list[str]:
    """The view once the run is over and the page has stopped changing (tables draw after the run)."""
    wait_ready(page, SETUP_MS)
    deadline = time.monotonic() + timeout_s
    last = shown(page)
    while time.monotonic() < deadline:
        page.wait_for_timeout(300)
        now = shown(page)
        if now == last:
            return now
        last = now
    return last


class Audience(threading.Thread):
    """Websocket viewers spread over both processes, each changing a control every 0.5 s."""

    def __init__(self, port: int, viewers: int = 6) -> None:
        super().__init__(daemon=True)
        self.port, self.n = port, viewers
        self.stop = threading.Event()
        self.ready = threading.Event()
        self.changes: Counter = Counter()
        self.errors: dict[str, list[str]] = {}

    def run(self) -> None:
        asyncio.run(self._main())

    async def _main(self) -> None:
        opened = await asyncio.gather(*(open_viewer(self.port, "photonics") for _ in range(self.n)))
        await asyncio.gather(*(viewer.load() for viewer, _ in opened))
        self.ready.set()
        await asyncio.gather(*(self._use(v, served) for v, served in opened))

    async def _use(self, viewer, served: str) -> None:
        widget = a_slider(viewer)
        values = [widget.value, widget.alternatives()[0]]
        k = 0
        try:
            while not self.stop.is_set():
                k += 1
                result = await viewer.change(widget, values[k % 2])
                if not result.ok:
                    self.errors.setdefault(served, []).append(result.error)
                    return
                self.changes[served] += 1
                await asyncio.sleep(0.5)
        except Exception as err:  # a closed socket: this viewer's process died
            self.errors.setdefault(served, []).append(f"{type(err).__name__}: {err}")
        finally:
            await viewer.close()


@pytest.mark.browser
def test_killing_a_process_under_load_moves_its_viewers_and_spares_the_others(cluster, browser, pins):
    victim, survivor = cluster.server_name(0), cluster.server_name(1)
    ctx_a, page_a, _ = new_page(browser, cluster.url, pins[victim])
    ctx_b, page_b, watch_b = new_page(browser, cluster.url, pins[survivor])
    audience = Audience(cluster.port)
    try:
        # A view that only its URL describes: the Sources table searched for a word. (A light page:
        # what is timed is the failover, not Chromium drawing a dozen charts on a busy machine.)
        response = page_a.goto(f"{cluster.url}/sources?lang=nl")
        assert response.headers.get(SERVED_BY.lower()) == victim
        default_view = settled(page_a)
        search = page_a.evaluate("location.search")
        page_a.locator("input[type=text]").first.fill("energy")
        page_a.keyboard.press("Enter")
        page_a.wait_for_function("s => location.search !== s", arg=search, timeout=SETUP_MS)
        url = page_a.url
        view = settled(page_a)
        assert view != default_view, "the search changed nothing"

        assert page_b.goto(url).headers.get(SERVED_BY.lower()) == survivor
        wait_ready(page_b, SETUP_MS)
        page_b.wait_for_function(SHOWS_VIEW, arg=view, timeout=SETUP_MS)  # the same URL, the same view

        audience.start()
        assert audience.ready.wait(SETUP_MS / 1000), "the audience did not connect"
        deadline = time.monotonic() + 15  # (each viewer's first change, however busy the machine)
        while set(audience.changes) != {victim, survivor} and time.monotonic() < deadline:
            time.sleep(0.1)
        assert set(audience.changes) == {victim, survivor}, audience.changes  # both are under load

        cluster.kill_app(0)  # SIGKILL: no goodbye to anyone
        t0 = time.monotonic()
        response = page_a.reload()
        served_after_s = time.monotonic() - t0
        assert response.headers.get(SERVED_BY.lower()) == survivor
        try:  # the view is back: the run on the survivor finished and shows what the URL says
            page_a.wait_for_selector(READY, timeout=RESTORE_MS)
            page_a.wait_for_function(SHOWS_VIEW, arg=view, timeout=max(1, RESTORE_MS - 1000 * (time.monotonic() - t0)))
        except Exception:
            pass  # reported by the assertion below, with what the page shows
        restored_after_s = time.monotonic() - t0
        assert shown(page_a) == view and restored_after_s <= RESTORE_MS / 1000, (
            f"page served after {served_after_s:.1f} s, view {'back' if shown(page_a) == view else 'not back'} "
            f"after {restored_after_s:.1f} s (limit {RESTORE_MS / 1000:g} s)")
        assert query(page_a.url) == query(url)
        print(f"failover: page after {served_after_s:.2f} s, the same view after {restored_after_s:.2f} s")
        assert page_a.locator("[data-testid=stException]").count() == 0

        time.sleep(0.5)  # the survivor keeps serving its audience meanwhile
        before = audience.changes[survivor]
        time.sleep(1.0)
        assert audience.changes[survivor] > before
        audience.stop.set()
        audience.join(20)
        assert victim in audience.errors  # the kill did hit viewers...
        assert survivor not in audience.errors, audience.errors[survivor][:3]  # ...and none of the survivor's

        # The survivor's browser saw nothing: the same socket, no error.
        assert watch_b.closed_sockets == []
        assert page_b.locator("[data-testid=stException]").count() == 0
        assert shown(page_b) == view
        assert watch_b.page_errors == [] and watch_b.csp_violations() == []
    finally:
        audience.stop.set()
        ctx_a.close()
        ctx_b.close()
        if cluster.apps[0] is None or cluster.apps[0].poll() is not None:
            cluster.start_app(0)  # heal the cluster: the proxy takes it back once it is healthy
