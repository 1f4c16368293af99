"""A real `streamlit run` (through the project's launcher) and Debian's Chromium, driven by Playwright.

No browser is downloaded: Chromium comes from /usr/bin/chromium (.ci/run installs it). Under CI
(CI=true) a missing Chromium fails the run; on a developer machine it skips with the reason.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
OUTPUT = ROOT / "test-output" / "screenshots"
LAUNCH_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
# The run is over and no page is waiting to render its later sections (ui.progressive).
READY = "[data-testid=stApp][data-test-script-state=notRunning]:not(:has(.st-key-progressive_pending))"
METRIC = "[data-testid=stMetricValue]"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, *extra: str, env: dict | None = None) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "explainers.serve", "--port", str(port), "--address", "127.0.0.1",
           "--client.showErrorDetails=full", *extra]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, **(env or {})})


def wait_healthy(base: str, proc: subprocess.Popen, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited: {proc.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("streamlit did not become healthy in time")


@contextmanager
def running_server(*extra: str, env: dict | None = None):
    """The launcher on a free loopback port, healthy; yields its base URL and stops it afterwards."""
    port = free_port()
    proc = start_server(port, *extra, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, proc)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def server():
    """Base URL of a fresh server; its first request is made by the test that uses it first."""
    with running_server() as base:
        yield base


# `browser` (one Playwright per test process) lives in tests/conftest.py, shared by every folder.


@pytest.fixture()
def page(browser, server):
    """A fresh browser page that records every host it contacts."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB")
    pg = context.new_page()
    pg.requested_urls = []
    pg.on("request", lambda req: pg.requested_urls.append(req.url))
    yield pg
    context.close()


def wait_ready(pg, timeout_ms: int = 30_000) -> None:
    """Streamlit finished running and nothing is still loading."""
    pg.wait_for_selector(READY, timeout=timeout_ms)
    pg.wait_for_function("() => document.querySelectorAll('[data-testid=stSkeleton]').length === 0",
                         timeout=timeout_ms)
    pg.wait_for_timeout(300)  # let charts paint before a screenshot
    pg.wait_for_selector(READY, timeout=timeout_ms)


def screenshot(pg, name: str) -> Path:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    path = OUTPUT / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    return path


def query(url: str) -> dict[str, list[str]]:
    """The URL's query parameters, each as the list of its values."""
    return parse_qs(urlparse(url).query)


def wait_for_url(pg, pattern: str, timeout_ms: int = 15_000) -> None:
    """Until the address bar's query string matches the regular expression `pattern`."""
    pg.wait_for_function("p => new RegExp(p).test(window.location.search)", arg=pattern, timeout=timeout_ms)


def metric_values(pg) -> list[str]:
    """Every readout's big number, in page order."""
    return [text.strip() for text in pg.locator(METRIC).all_inner_texts()]


def metric_value(pg, label: str) -> str:
    """The big number of the readout labelled `label` (a readout is one st.metric)."""
    readout = pg.locator("[data-testid=stMetric]").filter(
        has=pg.locator("[data-testid=stMetricLabel]", has_text=label))
    return readout.first.locator(METRIC).inner_text().strip()
