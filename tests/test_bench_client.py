"""The benchmark's websocket client against a real tuned server: one round trip on the Sources page."""

from __future__ import annotations

import asyncio
import concurrent.futures

import pytest

pytest.importorskip("websockets")

from benchmarks.client import Server, Viewer  # noqa: E402


@pytest.fixture(scope="module")
def server():
    srv = Server().start()  # python -m explainers.serve: TCP_NODELAY + .streamlit/config.toml
    try:
        srv.wait_healthy(30)
        yield srv
    finally:
        srv.stop()


def test_round_trip_on_sources(server):
    async def scenario():
        async with Viewer(server.port, "sources", timeout_s=15) as viewer:
            first = await viewer.load()
            search = viewer.find("_w_sources.q")
            assert search is not None, f"no search box on Sources; widgets: {[w.user_key for w in viewer.widgets.values()]}"
            changed = await viewer.change(search, "energy")
            return first, changed, viewer.query_string

    # Its own thread and event loop: a Playwright test in the same worker may hold this thread's loop.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        first, changed, query_string = pool.submit(asyncio.run, asyncio.wait_for(scenario(), 30)).result()
    assert first.status == "FINISHED_SUCCESSFULLY" and first.ok, first
    # The search box lives in a fragment: the browser (and this client) rerun only that fragment.
    assert changed.fragment and changed.status == "FINISHED_FRAGMENT_RUN_SUCCESSFULLY" and changed.ok, changed
    assert first.bytes > 0 and changed.bytes > 0
    # The app wrote the new value back to the URL: the server read the widget state we sent.
    assert "q=energy" in query_string
