"""The cheat sheet (one page, every topic of topics.TOPICS) and the full briefing (it, then each topic)."""

from __future__ import annotations

import pytest

from explainers import briefing, topics
from explainers.briefing.markup import plain_text
from explainers.content import t

from .conftest import BASE, LANGS, TODAY, cheat_pdf, one_minute, reader, squeeze, text_of


@pytest.mark.parametrize("lang", LANGS)
def test_cheat_sheet_is_one_page_with_every_topic_and_its_number(lang):
    pdf = cheat_pdf(lang)
    assert len(reader(pdf).pages) == 1
    text = squeeze(text_of(pdf))
    for tp in topics.TOPICS:
        om = one_minute(tp.url_path, lang)
        assert squeeze(t(tp.title_key, lang)) in text
        assert squeeze(om.headline_value) in text
        assert squeeze(om.headline_ref) in text, "the headline's source id"
        assert len(om.takeaways) >= 3
        for line in om.takeaways[:3]:
            assert squeeze(plain_text(line)) in text
    assert reader(pdf).trailer["/Root"]["/Lang"].lower().startswith(lang)


def test_a_new_topic_joins_the_cheat_sheet(monkeypatch):
    """The list of topics is topics.TOPICS: a fourth entry (here a second copy of one) is listed too."""
    extra = topics.TOPICS + (topics.TOPICS[0],)
    monkeypatch.setattr(topics, "TOPICS", extra)
    part = briefing.document.cheat_part("en", base=BASE)
    assert len(part["topics"]) == len(extra)
    pdf = briefing.cheat_sheet_pdf("en", base=BASE, today=TODAY)
    assert len(reader(pdf).pages) == 1, "four topics still fit one page"


@pytest.mark.parametrize("lang", LANGS)
def test_full_briefing_is_the_cheat_sheet_then_every_topic(lang):
    pdf = briefing.full_pdf(lang, base=BASE, today=TODAY)
    pages = reader(pdf).pages
    assert len(topics.TOPICS) * 1 + 1 <= len(pages) <= 1 + 2 * len(topics.TOPICS)
    first = squeeze(pages[0].extract_text())
    assert squeeze(t("briefing.cheat_title", lang)) in first
    rest = squeeze("".join(p.extract_text() for p in pages[1:]))
    positions = [rest.find(squeeze(t(tp.title_key, lang))) for tp in topics.TOPICS]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), "topics in menu order"
