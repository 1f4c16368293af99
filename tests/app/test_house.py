"""The house pages' lists: the Sources table and the Glossary, filtered as a reader filters them."""

from __future__ import annotations

import csv
import io
import re

import pytest

from explainers.content import content, t
from explainers.ui.tables import CSV_COLUMNS, ROWS_PER_PAGE, glossary_html, reference_table

from .conftest import assert_clean, open_page, qp


def _by_hand(lang: str, topics: list[str], confidences: list[str], query: str) -> list[str]:
    """The filter written out plainly with pandas, to check the fast one against."""
    frame = reference_table(lang).frame
    rows = frame[frame["topic_slug"].isin(topics) & frame["confidence_slug"].isin(confidences)]
    text = (rows["id"] + " " + rows["quantity"] + " " + rows["context"] + " " + rows["source"]).str.casefold()
    return list(rows[text.str.contains(query.strip().casefold(), regex=False)]["id"])


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("query", ["", "horowitz", "  DRAM ", "pJ/bit", "no such words at all"])
def test_the_sources_filter_finds_exactly_the_matching_rows(lang, query):
    table = reference_table(lang)
    topics = list(table.topic_slugs[:3])
    confidences = ["primary", "derived", "assumption"]
    found = table.match(topics, confidences, query)
    assert list(table.frame["id"].iloc[found]) == _by_hand(lang, topics, confidences, query)


def test_the_shown_rows_and_the_csv_are_the_rows_found():
    table = reference_table("nl")
    found = table.match(list(table.topic_slugs), ["primary"], "")
    assert 0 < len(found) < len(table)
    shown = table.rows(found[:ROWS_PER_PAGE]).to_pandas()
    assert list(shown["id"]) == list(table.frame["id"].iloc[found[:ROWS_PER_PAGE]])
    rows = list(csv.DictReader(io.StringIO(table.csv(found).decode("utf-8"))))
    assert [r["id"] for r in rows] == list(table.frame["id"].iloc[found])
    assert list(rows[0]) == CSV_COLUMNS
    assert {r["confidence"] for r in rows} == {t("confidence.primary", "nl")}


def test_sources_search_narrows_the_table_and_the_count():
    at = open_page("app_pages/sources.py", "en", {"q": "Horowitz"})
    assert_clean(at)
    ids = list(at.dataframe[0].value["id"])
    assert ids and len(ids) < len(reference_table("en"))
    table = reference_table("en")
    assert all("horowitz" in table.haystack[table.frame.index[table.frame["id"] == rid][0]] for rid in ids)
    assert f" {len(ids)} " in at.caption[0].value


def test_a_shared_sources_search_finds_the_same_figures_in_either_language():
    """?q=fibre from an English reader, opened by a Dutch one (and 'glasvezel' the other way round)."""
    for word in ("fibre", "vezel"):
        en = open_page("app_pages/sources.py", "en", {"q": word})
        nl = open_page("app_pages/sources.py", "nl", {"q": word})
        assert_clean(nl)
        found = list(en.dataframe[0].value["id"])
        assert found and found == list(nl.dataframe[0].value["id"])
        assert len(found) < len(reference_table("en"))


def test_a_sources_search_with_no_match_says_so():
    at = open_page("app_pages/sources.py", "nl", {"q": "zzzzzz"})
    assert_clean(at)
    assert not at.dataframe
    assert at.info[0].value == t("sources.empty", "nl")


def test_the_glossary_shows_matching_terms_in_both_languages():
    at = open_page("app_pages/glossary.py", "nl", {"q": "synaps"})
    assert_clean(at)
    body = "".join(el.proto.body for el in at.get("html"))
    cards = re.findall(r'<div class="gl-card" id="term-([a-z0-9_]+)">', body)
    expected = [term for term in content().glossary
                if "synaps" in " ".join([term.term.en, term.term.nl, term.definition.en, term.definition.nl]).casefold()]
    assert sorted(cards) == sorted(term.id for term in expected) and cards
    for term in expected:
        assert term.term.nl in body and f'<i lang="en">{term.term.en}</i>' in body
    assert at.caption[0].value == t("glossary.count", "nl", shown=len(expected), total=len(content().glossary))
    assert qp(at, "q") == "synaps"


def test_the_glossary_filters_by_topic_and_says_when_nothing_matches():
    at = open_page("app_pages/glossary.py", "en", {"topic": "photonics"})
    assert_clean(at)
    body = "".join(el.proto.body for el in at.get("html"))
    photonics = [term.id for term in content().glossary if term.topic == "photonics"]
    assert sorted(re.findall(r'id="term-([a-z0-9_]+)"', body)) == sorted(photonics)
    empty = open_page("app_pages/glossary.py", "en", {"q": "zzzzzz"})
    assert_clean(empty)
    assert empty.info[0].value == t("glossary.empty", "en")


def test_glossary_cards_escape_their_text():
    from explainers.content.schema import GlossaryTerm

    term = GlossaryTerm.model_validate({"id": "x", "topic": "general", "term": {"en": "<b>A & B</b>", "nl": "A"},
                                        "definition": {"en": "<script>alert(1)</script>", "nl": "d"}})
    html = glossary_html([term], "en")
    assert "<script>alert" not in html and "&lt;script&gt;" in html and "&lt;b&gt;A &amp; B&lt;/b&gt;" in html

