"""A topic briefing says what the page says: the same formatted strings, the sources, a QR code back.

Expected strings come from the page's own views for the same link (`topics.view`), never typed in.
"""

from __future__ import annotations

import re

import pytest

from explainers import briefing, topics, views
from explainers.briefing.markup import plain_text
from explainers.content import content

from .conftest import (BASE, CASES, LANGS, page_images, page_views, readouts, reader, squeeze, summaries, text_of,
                       topic_pdf, one_minute)

IDS = [f"{p}-{lang}-{scene}" for p, lang, scene in CASES]


@pytest.mark.parametrize(("page", "lang", "scene"), CASES, ids=IDS)
def test_headline_readouts_and_sentences_are_the_pages(page, lang, scene):
    text = squeeze(text_of(topic_pdf(page, lang, scene)))
    om = one_minute(page, lang, scene)
    assert squeeze(plain_text(om.headline_value)) in text
    assert squeeze(plain_text(om.headline_label)) in text
    for takeaway in om.takeaways:
        assert squeeze(plain_text(takeaway)) in text
    found = readouts(page, lang, scene)
    assert found, "the page shows readouts"
    for r in found:
        assert squeeze(plain_text(r.value)) in text, f"readout value {r.value!r} ({r.label})"
        assert squeeze(plain_text(r.label)) in text, f"readout label {r.label!r}"
    for sentence in summaries(page, lang, scene):
        assert squeeze(sentence) in text, f"summary {sentence[:60]!r}…"


@pytest.mark.parametrize(("page", "lang", "scene"), CASES, ids=IDS)
def test_every_reference_id_is_a_source_line(page, lang, scene):
    pkg = topics.package(page)
    values, bad = topics.values_for(page, {}, scene)
    assert not bad
    text = squeeze(text_of(topic_pdf(page, lang, scene)))
    ids = pkg.reference_ids(values)
    assert ids
    for rid in ids:
        assert squeeze(rid) in text, f"reference id {rid} is not in the sources list"


@pytest.mark.parametrize("page", [tp.url_path for tp in topics.TOPICS])
def test_dutch_uses_decimal_commas_where_english_uses_points(page):
    """Same readouts in both languages; every number with a decimal part swaps its separator."""
    scene = next(s for p, _l, s in CASES if p == page)
    en, nl = readouts(page, "en", scene), readouts(page, "nl", scene)
    assert len(en) == len(nl)
    number = re.compile(r"\d[\d,.]*\d|\d")
    swapped = 0
    for r_en, r_nl in zip(en, nl):
        n_en, n_nl = number.findall(r_en.value), number.findall(r_nl.value)
        if len(n_en) != len(n_nl):
            continue
        for a, b in zip(n_en, n_nl):
            assert a.translate(str.maketrans(".,", ",.")) == b, f"{r_en.value!r} vs {r_nl.value!r}"
            swapped += "." in a
        assert not re.search(r"\d\.\d{1,2}(?!\d)", r_nl.value), f"decimal point in Dutch: {r_nl.value!r}"
    nl_text = squeeze(text_of(topic_pdf(page, "nl", scene)))
    for r in nl:
        assert squeeze(r.value) in nl_text
    om_en, om_nl = one_minute(page, "en", scene), one_minute(page, "nl", scene)
    for a, b in zip(number.findall(om_en.headline_value), number.findall(om_nl.headline_value)):
        assert a.translate(str.maketrans(".,", ",.")) == b
    assert swapped or page != "photonics", "photonics shows decimals (16.5 pJ/bit): the check must bite"


def test_the_big_numbers_are_billions_in_dutch_words():
    """Counts are Babel's words in each language ('53 billion' / '53 miljard'): the view's strings."""
    en = [r.value for r in readouts("ai-compute", "en")]
    nl = [r.value for r in readouts("ai-compute", "nl")]
    assert any("billion" in v for v in en) and any("miljard" in v for v in nl)
    text = text_of(topic_pdf("ai-compute", "nl"))
    assert "miljard" in text


@pytest.mark.parametrize(("page", "lang", "scene"), CASES, ids=IDS)
def test_qr_code_decodes_to_the_live_link(page, lang, scene, tmp_path):
    import zxingcpp

    pdf = topic_pdf(page, lang, scene)
    first = page_images(pdf, tmp_path)[0]
    decoded = [r.text for r in zxingcpp.read_barcodes(first) if r.format == zxingcpp.BarcodeFormat.QRCode]
    link = briefing.live_link(page, lang, topics.values_for(page, {}, scene)[0], scene, BASE)
    assert decoded == [link]
    assert link == f"{BASE}/{page}?lang={lang}" + (f"&scene={scene}" if scene else "")
    assert squeeze(link) in squeeze(text_of(pdf)), "the link is printed too"


def test_link_carries_the_values_that_differ_from_the_scene():
    values, _ = topics.values_for("photonics", {"d_m": "3", "rate": "100"}, "rack")
    link = briefing.live_link("photonics", "nl", values, "rack", BASE)
    assert link == f"{BASE}/photonics?lang=nl&scene=rack&d_m=3&rate=100"
    values, _ = topics.values_for("photonics", {}, "rack")
    assert briefing.live_link("photonics", "nl", values, "rack", BASE) == f"{BASE}/photonics?lang=nl&scene=rack"


def test_base_url_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(briefing.ENV_BASE_URL, "https://explain.example.org/")
    assert briefing.base_url() == "https://explain.example.org"
    assert briefing.live_link("neuromorphic", "en").startswith("https://explain.example.org/neuromorphic?lang=en")
    monkeypatch.delenv(briefing.ENV_BASE_URL)
    assert briefing.base_url() == briefing.DEFAULT_BASE_URL


@pytest.mark.parametrize("page", [tp.url_path for tp in topics.TOPICS])
@pytest.mark.parametrize("lang", LANGS)
def test_at_most_two_pages_and_500_kb_for_the_default_and_every_scene(page, lang):
    scenes = [None] + [s.id for s in content().scenes.get(page, ())]
    for scene in scenes:
        pdf = topic_pdf(page, lang, scene)
        pages = len(reader(pdf).pages)
        assert 1 <= pages <= 2, f"{page} {lang} {scene}: {pages} pages"
        assert briefing.page_count(pdf) == pages
        assert len(pdf) <= 500 * 1024, f"{page} {lang} {scene}: {len(pdf) // 1024} kB"


@pytest.mark.parametrize(("page", "lang", "scene"), CASES, ids=IDS)
def test_scene_title_and_chart_are_there(page, lang, scene):
    pdf = topic_pdf(page, lang, scene)
    text = squeeze(text_of(pdf))
    found = next(s for s in content().scenes[page] if s.id == scene)
    assert squeeze(found.title(lang)) in text
    assert squeeze(plain_text(found.caption(lang))) in text
    first = next(f for v in page_views(page, lang, scene) for f in views.figures(v))
    title, _svg = briefing.document.chart_of(first)
    assert squeeze(title) in text, "the chart's title is printed above it"


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_is_tagged_with_its_language_and_alt_texts(lang):
    pdf = topic_pdf("photonics", lang, "rack")
    root = reader(pdf).trailer["/Root"]
    assert root["/Lang"].lower().startswith(lang)
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert reader(pdf).metadata.title.startswith("Briefing")
    alts = _alt_texts(root["/StructTreeRoot"])
    assert any(a.startswith(("Chart:", "Grafiek:")) for a in alts), alts
    assert any("QR" in a for a in alts), alts
    if briefing.render.pdf_standards() == ["ua-1"]:
        assert b"pdfuaid" in pdf, "PDF/UA-1 identification in the XMP metadata"


def _alt_texts(node, depth: int = 0) -> list[str]:
    out: list[str] = []
    if depth > 60:
        return out
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, dict):
        if "/Alt" in node:
            out.append(str(node["/Alt"]))
        kids = node.get("/K")
        if kids is not None:
            out += _alt_texts(kids, depth + 1)
    elif isinstance(node, list):
        for kid in node:
            out += _alt_texts(kid, depth + 1)
    return out


def test_bad_url_values_fall_back_and_are_named():
    pdf = briefing.topic_pdf("photonics", "en", {"d_m": "banana", "rate": "1e999"}, base=BASE)
    text = squeeze(text_of(pdf))
    assert squeeze("Some values in the link could not be used") in text
    assert "banana" not in text and "1e999" not in text
    default = readouts("photonics", "en")
    assert all(squeeze(r.value) in text for r in default), "the defaults are shown, as on the page"


def test_unknown_page_is_a_briefing_error():
    with pytest.raises(briefing.BriefingError):
        briefing.topic_pdf("no-such-page", "en")
