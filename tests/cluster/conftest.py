"""Real processes on loopback: the tuned launcher alone, and `make cluster` (2 processes + HAProxy).

Under CI (CI set) a missing HAProxy or Chromium fails the run (.ci/run installs both); on a
developer machine the tests that need one skip with the reason. Each module here is an xdist group
of its own (`make test` runs with --dist loadgroup): one worker runs its tests in order, so the
module starts its servers once; the other worker meanwhile runs other tests.
"""

from __future__ import annotations

import os
import shutil
import urllib.request
from pathlib import Path

import pytest

from explainers.cluster import Cluster, find_haproxy, free_ports
from tests.browser.conftest import CHROMIUM, LAUNCH_ARGS

NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def pytest_configure(config):
    config.addinivalue_line("markers", "cluster: starts app processes (and HAProxy) on loopback")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/cluster/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.cluster)


def need(what: str, found: object) -> None:
    if found:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing under CI (.ci/run installs it)")
    pytest.skip(f"{what} not found (apt-get install {what.split()[0].lower()})")


def fetch(url: str, headers: dict[str, str] | None = None, method: str = "GET", timeout: float = 10):
    """(status, headers as a list of (name, value), body): Set-Cookie may come more than once."""
    req = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with NO_PROXY.open(req, timeout=timeout) as resp:
            return resp.status, list(resp.headers.items()), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, list(err.headers.items()), err.read()


def header(headers, name: str) -> str | None:
    return next((v for k, v in headers if k.lower() == name.lower()), None)


def set_cookies(headers) -> dict[str, str]:
    out = {}
    for k, v in headers:
        if k.lower() == "set-cookie":
            name, _, rest = v.partition("=")
            out[name.strip()] = rest.split(";", 1)[0]
    return out


@pytest.fixture(scope="module")
def haproxy():
    path = find_haproxy()
    need("HAProxy (/usr/sbin/haproxy)", path)
    return path


@pytest.fixture(scope="module")
def cluster(haproxy, tmp_path_factory):
    """`make cluster` with two processes, on ports the kernel picks, with an empty compression cache
    (and no background fill of it: these tests do not weigh first visits, test_compression does)."""
    ports = free_ports(3)
    cache = tmp_path_factory.mktemp("static-cache")
    c = Cluster(2, port=ports[0], app_ports=ports[1:], haproxy=haproxy, log_dir=tmp_path_factory.mktemp("cluster"),
                env={"EXPLAINERS_STATIC_CACHE": str(cache), "EXPLAINERS_STATIC_PRECOMPRESS": "0"},
                extra=["--client.showErrorDetails=full"])
    try:
        c.start(timeout_s=90)
    except RuntimeError as err:
        c.stop()
        pytest.fail(f"the cluster did not start: {err}")
    yield c
    c.stop()


# One Playwright per test process: the browser suite's session browser (a second sync_playwright in
# the same process fails, and its event loop would break asyncio.run in later tests).
# (the `browser` fixture: tests/conftest.py, one per test process)
