"""A cell of a static table shows its text as written: st.table renders every cell as Markdown, so
`markdown_cell` escapes what Markdown (and Streamlit's math) would read as markup."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainers.ui.tables import markdown_cell

#: The characters Markdown, GFM and Streamlit's $math$ act on anywhere in a line.
ACTIVE = set("\\`*_[]<>$~|&")
#: What Markdown reads at the start of a line: heading, quote, list item, setext rule.
LINE_START = re.compile(r"^\s*([#>+=-]|\d+[.)](\s|$))", re.MULTILINE)

HOSTILE = ["**bold** and _it_", "<script>alert(1)</script>", "<b>x</b>", "$x^2$ costs $5", "~~gone~~ ~one~",
           "- item", "+ item", "1. one\n2) two", "# heading", "> quote", "[link](javascript:alert(1))",
           "![img](http://example.org/x.png)", "a | b", "&lt;b&gt; &amp;", "\\*", "===", "`code`", "x<sup>2</sup>"]


def unescape(cell: str) -> str:
    return re.sub(r"\\(.)", r"\1", cell, flags=re.DOTALL)


def bare(cell: str) -> str:
    """The cell with every escaped character taken out: what Markdown may still act on."""
    return re.sub(r"\\.", "", cell, flags=re.DOTALL)


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_cell_is_shown_as_its_text(text):
    cell = markdown_cell(text)
    assert unescape(cell) == text
    assert not ACTIVE & set(bare(cell)), cell
    assert not LINE_START.search(cell), cell


def test_plain_text_and_numbers_pass_unchanged():
    for text in ["86.1 billion (78 billion–94.2 billion)", "131,072", "≈ 1 × 10¹⁵", "63 mW–72 mW", "1.152 chips"]:
        assert markdown_cell(text) == text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(sorted(ACTIVE) + list("#>+=-.)1 a\n")), max_size=40))
def test_any_mix_of_markup_characters_is_escaped(text):
    cell = markdown_cell(text)
    assert unescape(cell) == text
    assert not ACTIVE & set(bare(cell))
    assert not LINE_START.search(cell)
