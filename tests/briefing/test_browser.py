"""A delegate clicks "Briefing (pdf)" on /photonics?lang=nl&scene=rack in Chromium and gets the PDF:
two pages at most, in Dutch, with the page's headline and readouts."""

from __future__ import annotations

import pytest

from tests.browser.conftest import page, server, wait_ready  # noqa: F401 - fixtures (browser: tests/conftest.py)

from .conftest import one_minute, reader, readouts, squeeze, text_of

pytestmark = [pytest.mark.browser]


def test_download_on_the_rack_scene_is_the_dutch_briefing(page, server, tmp_path):  # noqa: F811
    page.goto(f"{server}/photonics?lang=nl&scene=rack")
    wait_ready(page)
    button = page.locator(".st-key-briefing_photonics button").first
    button.scroll_into_view_if_needed()
    assert button.inner_text().strip().endswith("Briefing (pdf)")
    with page.expect_download(timeout=60_000) as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "briefing-photonics-rack-nl.pdf"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    pdf = path.read_bytes()
    assert pdf.startswith(b"%PDF")
    assert 1 <= len(reader(pdf).pages) <= 2
    text = squeeze(text_of(pdf))
    om = one_minute("photonics", "nl", "rack")
    assert squeeze(om.headline_value) in text and squeeze("In één minuut") in text
    for r in readouts("photonics", "nl", "rack"):
        assert squeeze(r.value) in text
    assert squeeze(f"{server}/photonics?lang=nl&scene=rack") in text, "the link back points at this server"
    wait_ready(page)
    assert page.locator("[data-testid=stException]").count() == 0
    assert page.locator("[data-testid=stDownloadButtonError]").count() == 0
