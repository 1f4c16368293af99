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
