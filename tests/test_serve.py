"""The launcher: tuned by default, and it never makes Streamlit look up an external IP."""

from __future__ import annotations

import socket

from explainers import serve


def test_default_flags_name_localhost_so_streamlit_makes_no_outside_request():
    flags = serve.streamlit_flags(8501, None)
    assert "--server.port=8501" in flags
    assert "--browser.serverAddress=localhost" in flags
    assert not any(flag in flags for flag in serve.STOCK_FLAGS)


def test_an_explicit_address_or_browser_address_is_kept():
    assert "--server.address=127.0.0.1" in serve.streamlit_flags(9000, "127.0.0.1")
    custom = serve.streamlit_flags(9000, None, extra=["--browser.serverAddress=explainer.example"])
    assert "--browser.serverAddress=localhost" not in custom


def test_stock_restores_streamlit_defaults():
    flags = serve.streamlit_flags(9000, None, stock=True)
    assert "--runner.postScriptGC=true" in flags and "--server.fileWatcherType=auto" in flags
    assert "--runner.magicEnabled=true" in flags


def test_the_listening_socket_gets_tcp_nodelay():
    from streamlit.web.server.starlette import starlette_server

    serve.patch_nodelay()
    sock = starlette_server._bind_socket("127.0.0.1", 0, 8)
    try:
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    finally:
        sock.close()



def test_plotly_turns_charts_into_json_with_orjson(monkeypatch):
    """Plotly picks orjson ("auto") only when it is installed; the standard library is ~6x slower per chart."""
    import json

    import numpy as np
    import orjson
    import plotly.graph_objects as go
    import plotly.io as pio

    calls = []
    real = orjson.dumps
    monkeypatch.setattr(orjson, "dumps", lambda *a, **k: calls.append(1) or real(*a, **k))
    fig = go.Figure(go.Scatter(x=np.arange(3.0), y=np.array([1.0, np.nan, 2.0])))
    fast = pio.to_json(fig, validate=False)
    assert calls, "plotly did not use orjson"
    assert json.loads(fast) == json.loads(pio.to_json(fig, validate=False, engine="json"))  # same chart


# --- the precompressed frontend (explainers.static_compress), at the ASGI level ---------------------


import asyncio  # noqa: E402
import gzip  # noqa: E402
import os  # noqa: E402
import threading  # noqa: E402

import pytest  # noqa: E402

from explainers import static_compress as sc  # noqa: E402

BUNDLE = ("function f(x){return x*2}\n" * 4000).encode()  # 104 kB of compressible JavaScript


@pytest.fixture()
def static_dir(tmp_path):
    root = tmp_path / "static"
    (root / "static" / "js").mkdir(parents=True)
    (root / "static" / "media").mkdir()
    (root / "static" / "js" / "main.abc123.js").write_bytes(BUNDLE)
    (root / "static" / "js" / "tiny.js").write_bytes(b"x=1")
    (root / "static" / "media" / "font.woff2").write_bytes(bytes(range(256)) * 40)
    (root / "index.html").write_bytes(b"<!doctype html><html>" + b"<p>streamlit</p>" * 200 + b"</html>")
    (tmp_path / "secret.js").write_bytes(BUNDLE)  # outside the static root
    return root


class Inner:
    """Stands in for Streamlit: answers every request with a marker, records what it was asked."""

    def __init__(self):
        self.calls = []

    async def __call__(self, scope, receive, send):
        self.calls.append(scope["path"])
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": b"from streamlit"})


def request(app, path, headers=(), method="GET"):
    """One HTTP request through the ASGI app: (status, headers dict, body)."""
    scope = {"type": "http", "method": method, "path": path, "root_path": "", "query_string": b"",
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers]}
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    # In a thread of its own: a Playwright test in this process may hold the main thread's event loop.
    runner = threading.Thread(target=lambda: asyncio.run(app(scope, receive, send)))
    runner.start()
    runner.join()
    start = sent[0]
    return (start["status"], {k.decode(): v.decode() for k, v in start["headers"]},
            b"".join(m.get("body", b"") for m in sent[1:]))


def make(static_dir, inner=None, cache=None, upgrade=False, **store_kw):
    """The middleware over `static_dir`; no background work unless asked (it would outlive the test)."""
    store = sc.AssetStore(static_dir, cache, version="test", upgrade=upgrade, **store_kw)
    return sc.PrecompressedStatic(inner or Inner(), base_url="", store=store), store


def test_accept_encoding_is_negotiated_like_rfc_9110():
    offered = ("br", "gzip")
    assert sc.negotiate("gzip, deflate, br, zstd", offered) == "br"
    assert sc.negotiate("gzip, deflate", offered) == "gzip"
    assert sc.negotiate("br;q=0, gzip;q=0.5", offered) == "gzip"
    assert sc.negotiate("*", offered) == "br"
    assert sc.negotiate("*;q=0, gzip", offered) == "gzip"
    assert sc.negotiate("identity", offered) is None
    assert sc.negotiate("", offered) is None
    assert sc.negotiate("br;q=0, gzip;q=0", offered) is None


def test_a_bundle_goes_out_brotli_with_streamlits_headers_and_vary(static_dir):
    from starlette.responses import FileResponse

    app, _ = make(static_dir)
    status, headers, body = request(app, "/static/js/main.abc123.js", [("Accept-Encoding", "gzip, deflate, br")])
    assert status == 200 and headers["content-encoding"] == "br"
    assert sc.brotli.decompress(body) == BUNDLE and len(body) < len(BUNDLE) / 5
    assert headers["content-length"] == str(len(body))
    assert headers["vary"] == "Accept-Encoding"
    assert headers["cache-control"] == "public, immutable, max-age=31536000"  # Streamlit's hashed-bundle rule
    path = static_dir / "static" / "js" / "main.abc123.js"
    reference = FileResponse(path, stat_result=path.stat())  # what Streamlit's static handler would send
    assert headers["content-type"] == reference.headers["content-type"]
    assert headers["last-modified"] == reference.headers["last-modified"]
    assert headers["etag"] == f'W/{reference.headers["etag"][:-1]}-br"'  # its ETag, marked per encoding

    status, headers, body = request(app, "/static/js/main.abc123.js", [("Accept-Encoding", "gzip")])
    assert headers["content-encoding"] == "gzip" and gzip.decompress(body) == BUNDLE


def test_the_root_document_is_compressed_and_revalidated(static_dir):
    app, _ = make(static_dir)
    status, headers, body = request(app, "/", [("Accept-Encoding", "br")])
    assert status == 200 and headers["content-encoding"] == "br" and headers["cache-control"] == "no-cache"
    assert sc.brotli.decompress(body) == (static_dir / "index.html").read_bytes()


def test_each_file_is_compressed_once_however_many_ask_at_once(static_dir, monkeypatch):
    calls = []
    real = sc.compress
    monkeypatch.setattr(sc, "compress", lambda data, enc, **kw: calls.append(enc) or real(data, enc, **kw))
    app, store = make(static_dir, upgrade=False)
    path = static_dir / "static" / "js" / "main.abc123.js"
    st = path.stat()
    barrier = threading.Barrier(16)

    def ask():
        barrier.wait()
        return store.encoded("static/js/main.abc123.js", path, st, "br")

    threads = [threading.Thread(target=ask) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for _ in range(5):  # and later requests, through the middleware
        assert request(app, "/static/js/main.abc123.js", [("Accept-Encoding", "br")])[0] == 200
    assert calls == ["br"]


def test_the_disk_cache_serves_the_next_start_without_compressing(static_dir, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    app, store = make(static_dir, cache=cache, upgrade=False)
    first = request(app, "/static/js/main.abc123.js", [("Accept-Encoding", "br")])[2]
    assert store.stats["compressed"] == 1 and list(cache.rglob("main.abc123.js.*.br9"))

    monkeypatch.setattr(sc, "compress", lambda *a, **k: pytest.fail("compressed again"))
    app2, store2 = make(static_dir, cache=cache, upgrade=False)
    assert request(app2, "/static/js/main.abc123.js", [("Accept-Encoding", "br")])[2] == first
    assert store2.stats == {**store2.stats, "compressed": 0, "from_disk": 1}


def test_a_quick_copy_is_replaced_by_the_best_one_in_the_background(static_dir, tmp_path, monkeypatch):
    # Without the whole-cache fill a new middleware starts: it could make the best copy before the
    # first request, which would then get that copy (as CI once saw) and there would be no quick one.
    monkeypatch.setenv("EXPLAINERS_STATIC_PRECOMPRESS", "0")
    cache = tmp_path / "cache"
    app, store = make(static_dir, cache=cache, upgrade=True, quality=1, best_quality=11)
    quick = request(app, "/static/js/main.abc123.js", [("Accept-Encoding", "br")])
    assert quick[2] == sc.compress(BUNDLE, "br", brotli_quality=1)  # the quick copy, made for this request
    assert store.wait_upgrades(30)
    best = request(app, "/static/js/main.abc123.js", [("Accept-Encoding", "br")])
    assert len(best[2]) < len(quick[2]) and sc.brotli.decompress(best[2]) == BUNDLE
    assert best[1]["etag"] == quick[1]["etag"]  # same content: a browser's cached copy stays valid
    assert list(cache.rglob("*.br11")) and not list(cache.rglob("*.br1"))  # the disk keeps the best copy only


def test_conditional_head_and_range_requests(static_dir):
    inner = Inner()
    app, _ = make(static_dir, inner)
    url = "/static/js/main.abc123.js"
    _, headers, _ = request(app, url, [("Accept-Encoding", "br")])
    status, again, body = request(app, url, [("Accept-Encoding", "br"), ("If-None-Match", headers["etag"])])
    assert status == 304 and body == b"" and again["etag"] == headers["etag"]
    status, head, body = request(app, url, [("Accept-Encoding", "br")], method="HEAD")
    assert status == 200 and body == b"" and head["content-length"] == headers["content-length"]
    # A byte range of the compressed bytes would be useless to the browser: Streamlit serves it.
    status, ranged, body = request(app, url, [("Accept-Encoding", "br"), ("Range", "bytes=0-9")])
    assert body == b"from streamlit" and ranged["vary"] == "Accept-Encoding"
    assert inner.calls == [url]


def test_everything_else_goes_to_streamlit_untouched(static_dir):
    inner = Inner()
    app, _ = make(static_dir, inner)
    br = [("Accept-Encoding", "br")]
    cases = {
        "/static/js/main.abc123.js": [],  # no Accept-Encoding: identity, from Streamlit (with Vary)
        "/static/js/tiny.js": br,  # too small to gain
        "/static/media/font.woff2": br,  # compressed already
        "/static/js/missing.js": br,  # not a file: Streamlit's answer (its SPA fallback)
        "/static/../secret.js": br,  # outside the static root: never read
        "/static/js/../../../secret.js": br,
        "/photonics": br,  # a page: Streamlit's gzip middleware handles it
        "/_stcore/health": br,
        "/media/abc.csv": br,
    }
    for path, headers in cases.items():
        status, out, body = request(app, path, headers)
        assert body == b"from streamlit", path
    assert inner.calls == list(cases)
    assert request(app, "/static/js/main.abc123.js")[1]["vary"] == "Accept-Encoding"
    status, _, body = request(app, "/static/js/main.abc123.js", br, method="POST")
    assert body == b"from streamlit"


def test_a_base_url_path_moves_the_routes(static_dir):
    store = sc.AssetStore(static_dir, None, version="test", upgrade=False)
    app = sc.PrecompressedStatic(Inner(), base_url="/explain/", store=store)
    assert request(app, "/explain/static/js/main.abc123.js", [("Accept-Encoding", "br")])[1]["content-encoding"] == "br"
    assert request(app, "/explain/", [("Accept-Encoding", "br")])[1]["content-encoding"] == "br"
    assert request(app, "/static/js/main.abc123.js", [("Accept-Encoding", "br")])[2] == b"from streamlit"


def test_a_read_only_cache_dir_falls_back_to_memory(static_dir, tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    app, store = make(static_dir, cache=blocker, upgrade=False)
    status, headers, body = request(app, "/static/js/main.abc123.js", [("Accept-Encoding", "br")])
    assert status == 200 and sc.brotli.decompress(body) == BUNDLE
    assert request(app, "/static/js/main.abc123.js", [("Accept-Encoding", "br")])[2] == body


def test_the_launcher_puts_the_middleware_after_streamlits_path_security(monkeypatch):
    from streamlit.web.server.starlette import starlette_app

    monkeypatch.setattr(starlette_app, "create_streamlit_middleware", starlette_app.create_streamlit_middleware)
    serve.patch_static_compression()
    serve.patch_static_compression()  # idempotent
    names = [m.cls.__name__ for m in starlette_app.create_streamlit_middleware()]
    assert names.count("PrecompressedStatic") == 1
    assert names.index("PrecompressedStatic") == names.index("PathSecurityMiddleware") + 1


def test_the_cache_is_filled_once_per_machine_in_the_background(static_dir, tmp_path):
    cache = tmp_path / "cache"
    store = sc.AssetStore(static_dir, cache, version="test", quality=1, best_quality=4)
    assert store.fill()
    assert store.wait_upgrades(30)
    assert len(list((cache / "streamlit-test").glob(".complete-br4-*"))) == 1
    names = sorted(p.name.split(".")[-1] for p in (cache / "streamlit-test").rglob("main.abc123.js.*"))
    assert names == ["br4", "gz9"]
    index = [p.name for p in (cache / "streamlit-test").rglob("index.html.*")]
    assert len(index) == 2
    # done: a second process (or the next start) does nothing
    assert not sc.AssetStore(static_dir, cache, version="test", quality=1, best_quality=4).fill()


def test_a_reinstall_of_the_same_version_fills_the_cache_again_and_old_copies_go(static_dir, tmp_path):
    """A new virtualenv (CI's clean clone) writes Streamlit's files anew: same version, other times."""
    cache = tmp_path / "cache"
    first = sc.AssetStore(static_dir, cache, version="test", quality=1, best_quality=4)
    assert first.fill() and first.wait_upgrades(30)
    old = sorted(p.name for p in (cache / "streamlit-test").rglob("main.abc123.js.*"))

    bundle = static_dir / "static" / "js" / "main.abc123.js"
    os.utime(bundle, ns=(bundle.stat().st_atime_ns, bundle.stat().st_mtime_ns + 10**9))  # reinstalled
    again = sc.AssetStore(static_dir, cache, version="test", quality=1, best_quality=4)
    assert again.fill(), "the marker of the old install counted for the new one"
    assert again.wait_upgrades(30)
    copies = sorted(p.name for p in (cache / "streamlit-test").rglob("main.abc123.js.*"))
    assert len(copies) == 4 and set(old) < set(copies)  # the old install's copies are recent: kept

    assert again.prune(older_than_s=0) == 2 + 1  # now they are old: its two copies and its marker go
    assert sorted(p.name for p in (cache / "streamlit-test").rglob("main.abc123.js.*")) == sorted(set(copies) - set(old))
    assert len(list((cache / "streamlit-test").glob(".complete-*"))) == 1
    assert not sc.AssetStore(static_dir, cache, version="test", quality=1, best_quality=4).fill()  # complete


def test_only_one_process_fills_a_cache_at_a_time(static_dir, tmp_path):
    import fcntl

    cache = tmp_path / "cache"
    (cache / "streamlit-test").mkdir(parents=True)
    with open(cache / "streamlit-test" / ".fill.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # another process is filling it
        assert not sc.AssetStore(static_dir, cache, version="test", quality=1, best_quality=4).fill()


def test_cached_copies_are_readable_by_other_users(static_dir, tmp_path):
    """The Docker build fills the cache as root; the app runs as another user and must read it."""
    app, _ = make(static_dir, cache=tmp_path / "cache")
    request(app, "/static/js/main.abc123.js", [("Accept-Encoding", "br")])
    (copy,) = (tmp_path / "cache").rglob("main.abc123.js.*.br9")
    assert copy.stat().st_mode & 0o044 == 0o044


def test_public_url_reaches_the_app_and_the_server_warms_its_views(monkeypatch):
    """`--public-url` becomes the address the stage's QR codes and the briefing's links use."""
    import os

    from explainers import serve
    from streamlit.web import cli

    monkeypatch.delenv("EXPLAINERS_PUBLIC_URL", raising=False)
    monkeypatch.delenv("EXPLAINERS_WARM", raising=False)
    monkeypatch.setattr(cli, "main", lambda: None)
    monkeypatch.setattr(serve, "patch_nodelay", lambda: None)
    monkeypatch.setattr(serve, "patch_static_compression", lambda: None)
    monkeypatch.chdir(os.getcwd())
    monkeypatch.setattr("sys.argv", ["pytest"])
    serve.main(["--port", "8999", "--public-url", "https://light.example.org/"])
    assert os.environ["EXPLAINERS_PUBLIC_URL"] == "https://light.example.org"
    assert os.environ["EXPLAINERS_WARM"] == "1"
