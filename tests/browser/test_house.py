"""The whole app in a real browser: every page in both languages, language switch keeps the URL,
deep links on a fresh server, no request leaves the machine, no serious accessibility violation
(axe, on each page's Dutch visit)."""

from __future__ import annotations

from urllib.parse import urlparse


import pytest

from explainers.ui.shell import PAGES

from .conftest import free_port, query, screenshot, start_server, wait_healthy, wait_ready

PATHS = [entry.url_path if not entry.default else "" for entry in PAGES]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def assert_only_local(pg) -> None:
    foreign = [u for u in pg.requested_urls
               if urlparse(u).scheme in {"http", "https", "ws", "wss"} and urlparse(u).hostname not in LOCAL_HOSTS]
    assert not foreign, foreign[:5]


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("path", PATHS)
def test_every_page_loads_without_exception_and_in_dutch_passes_axe(page, server, path, lang):
    page.goto(f"{server}/{path}?lang={lang}")
    wait_ready(page)
    assert page.locator("[data-testid=stException]").count() == 0
    assert page.locator("[data-testid=stAlertContentError]").count() == 0
    assert page.locator("h1").count() >= 1
    assert query(page.url).get("lang") == [lang]
    screenshot(page, f"{path or 'home'}-{lang}")
    assert_only_local(page)
    if lang == "nl":  # accessibility, on the same visit: no serious or critical violation
        from axe_playwright_python.sync_playwright import Axe

        results = Axe().run(page)
        serious = [v for v in results.response["violations"] if v.get("impact") in {"serious", "critical"}]
        summary = [(v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["target"]) for v in serious]
        assert not serious, summary


def test_language_switch_keeps_the_other_url_parameters(page, server):
    page.goto(f"{server}/sources?lang=en&conf=primary,derived&q=DRAM")
    wait_ready(page)
    page.get_by_role("radio", name="Nederlands").click()
    page.wait_for_function("() => location.search.includes('lang=nl')")
    wait_ready(page)
    params = query(page.url)
    assert params["lang"] == ["nl"]
    assert params["conf"] == ["primary,derived"] and params["q"] == ["DRAM"]
    assert page.locator("h1", has_text="Bronnen").count() == 1
    assert_only_local(page)


def test_language_survives_navigation(page, server):
    page.goto(f"{server}/?lang=nl")
    wait_ready(page)
    page.get_by_role("link", name="Woordenlijst").first.click()
    page.wait_for_function("() => location.pathname.endsWith('/glossary')")
    wait_ready(page)
    assert query(page.url).get("lang") == ["nl"]
    assert page.locator("h1", has_text="Woordenlijst").count() == 1


def test_a_deep_link_is_the_first_request_to_a_fresh_server(browser):
    port = free_port()
    proc = start_server(port)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, proc)
        context = browser.new_context(viewport={"width": 1300, "height": 900})
        pg = context.new_page()
        pg.goto(f"{base}/sources?lang=nl&q=fibre")
        wait_ready(pg)
        assert pg.locator("h1", has_text="Bronnen").count() == 1
        assert query(pg.url).get("q") == ["fibre"]
        assert pg.locator("[data-testid=stException]").count() == 0
        context.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_bad_parameter_shows_one_line_and_no_html(page, server):
    page.goto(f"{server}/glossary?lang=%3Cscript%3Ealert(1)%3C/script%3E&topic=zzz")
    wait_ready(page)
    alerts = page.locator("[data-testid=stAlertContentWarning]")
    assert alerts.count() == 1
    assert "lang" in alerts.inner_text() and "topic" in alerts.inner_text()
    assert page.locator("script", has_text="alert(1)").count() == 0
    assert query(page.url).get("lang") == ["en"]


def test_first_visit_follows_the_browser_language(browser, server):
    context = browser.new_context(viewport={"width": 1300, "height": 900}, locale="nl-NL")
    pg = context.new_page()
    try:
        pg.goto(f"{server}/glossary")
        wait_ready(pg)
        assert pg.locator("h1", has_text="Woordenlijst").count() == 1
        pg.wait_for_function("() => location.search.includes('lang=nl')")
    finally:
        context.close()


def test_the_csv_download_holds_the_filtered_rows(page, server):
    page.goto(f"{server}/sources?lang=nl&q=Horowitz")
    wait_ready(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Downloaden als CSV", exact=True).click()
    download = info.value
    assert download.suggested_filename == "references-nl.csv"
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(open(download.path(), encoding="utf-8").read())))
    assert rows and all("horowitz" in " ".join(r.values()).casefold() for r in rows)
    shown = page.locator(".stMainBlockContainer [data-testid=stCaptionContainer]").first.inner_text()
    assert f" {len(rows)} " in shown  # the count above the table is the number of rows downloaded


def test_presenter_view_switches_without_reloading_the_page(page, server):
    page.goto(f"{server}/glossary?lang=en")
    wait_ready(page)
    h1 = page.locator("h1").first
    normal = float(h1.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
    page.get_by_text("Presenter view").click()
    page.wait_for_function("() => location.search.includes('present=1')")
    page.wait_for_function(f"() => parseFloat(getComputedStyle(document.querySelector('h1')).fontSize) > {normal}")
    card = page.locator(".gl-card").first
    assert float(card.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) > 20
    page.get_by_text("Presenter view").click()
    page.wait_for_function("() => !location.search.includes('present=1')")
    page.wait_for_function(f"() => parseFloat(getComputedStyle(document.querySelector('h1')).fontSize) == {normal}")


def test_typing_in_the_glossary_search_filters_the_cards(page, server):
    page.goto(f"{server}/glossary?lang=nl")
    wait_ready(page)
    total = page.locator(".gl-card").count()
    box = page.get_by_label("Zoeken")
    box.fill("synaps")
    box.press("Enter")
    page.wait_for_function("() => location.search.includes('q=synaps')")
    wait_ready(page)
    assert 0 < page.locator(".gl-card").count() < total
    assert all("synaps" in text.casefold() for text in page.locator(".gl-card").all_inner_texts())


_WORDS_CUT = r"""() => {
  const cut = [];
  for (const h of document.querySelectorAll('[data-testid=stMain] h4')) {
    const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // A word's pieces up to and with a hyphen or soft hyphen: a line may end after one, not inside.
      for (const m of node.data.matchAll(/[^\s\-\u00ad]+[\-\u00ad]?/g)) {
        const top = (i) => {  // the line of one letter (its widest box: a soft hyphen adds a sliver)
          const r = document.createRange();
          r.setStart(node, i); r.setEnd(node, i + 1);
          const boxes = [...r.getClientRects()].sort((a, b) => b.width - a.width);
          return boxes.length ? Math.round(boxes[0].top) : null;
        };
        const letters = m[0].replace(/[\-\u00ad]$/, "").length;
        const lines = new Set([top(m.index), top(m.index + letters - 1)]);
        if (lines.size > 1) cut.push(m[0]);
      }
    }
  }
  return cut;
}"""


def test_a_start_card_title_breaks_between_words_or_at_a_hyphen(page, server):
    """Dutch compounds are longer than a card is wide: 'computertechnologie' used to end in a lone 'e'."""
    for lang in ("en", "nl"):
        page.goto(f"{server}/?lang={lang}")
        for width in (1280, 1024):
            page.set_viewport_size({"width": width, "height": 900})
            wait_ready(page)
            page.wait_for_timeout(300)  # (the cards' columns take the new width)
            assert page.evaluate(_WORDS_CUT) == [], (lang, width)


@pytest.mark.parametrize(("width", "collapsed"), [(390, "true"), (1280, "false")])
def test_a_phone_opens_on_the_page_and_a_laptop_on_page_and_menu(browser, server, width, collapsed):
    """What the audience's phones get from the QR code: the page itself, with the menu one tap away."""
    context = browser.new_context(viewport={"width": width, "height": 844}, locale="en-GB")
    pg = context.new_page()
    try:
        pg.goto(f"{server}/photonics?lang=nl")
        wait_ready(pg)
        assert pg.locator("[data-testid=stSidebar]").get_attribute("data-collapsed") == collapsed
        title = pg.locator("h1").first.bounding_box()
        assert title is not None and title["x"] < width / 2  # the title is on screen, not under the menu
    finally:
        context.close()
