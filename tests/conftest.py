"""Shared test setup: strict strings (a missing key raises) and full error details in AppTest.

Visitors get neither: a missing string shows its key and errors show no details there
(see content.i18n and .streamlit/config.toml). Servers the browser tests start inherit the
environment, so they run strict too.
"""

import os

os.environ["EXPLAINERS_STRICT_STRINGS"] = "1"

from streamlit import config  # noqa: E402

from explainers.content import i18n  # noqa: E402

i18n.set_strict(True)
config.set_option("client.showErrorDetails", "full")


# --- one Chromium per test process, for every folder that drives one (browser, cluster, briefing) ---
# Two sync_playwright() instances in one process fail ("Sync API inside the asyncio loop"), so the
# session browser is defined once, here.

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        yield chromium
        chromium.close()


UNGROUPED = pytest.StashKey[str]()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Under `--dist loadgroup` (make test) a module marked with an xdist_group runs on one worker and
    starts its servers once, because xdist appends the group to each test's node id. pytest 9.2 took
    that away silently (node ids come from `Node._id`, xdist 3.8 still sets `_nodeid`): both workers
    then started a cluster of their own and ran its tests half each. Such a test fails instead."""
    if getattr(config.option, "loadgroup", False):
        for item in items:
            if item.get_closest_marker("xdist_group") and "@" not in item.nodeid:
                item.stash[UNGROUPED] = ("--dist loadgroup did not put this test in its xdist_group: this pytest "
                                         "and pytest-xdist do not work together (see the bound in pyproject.toml)")


def pytest_runtest_setup(item):
    if UNGROUPED in item.stash:
        pytest.fail(item.stash[UNGROUPED], pytrace=False)
