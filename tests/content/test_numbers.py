"""Numbers are formatted for the language: Dutch 1.234,5 and English 1,234.5, never NaN on screen."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explainers.content import fmt_auto, fmt_num, fmt_range, fmt_sci, plotly_separators
from explainers.content.numbers import DASH


@pytest.mark.parametrize(("x", "lang", "sig", "expected"), [
    (1234.5, "en", 5, "1,234.5"),
    (1234.5, "nl", 5, "1.234,5"),
    (0.0312, "nl", 3, "0,0312"),
    (2.5, "nl", 3, "2,5"),
    (1e6, "nl", 3, "1.000.000"),
    (-0.00001, "en", 1, "-0.00001"),
])
def test_grouping_and_decimal_mark(x, lang, sig, expected):
    assert fmt_num(x, lang, sig) == expected


def test_scientific_uses_the_language_and_a_real_superscript():
    assert fmt_sci(3.14e23, "nl") == "3,14 × 10²³"
    assert fmt_sci(3.14e23, "en") == "3.14 × 10²³"
    assert fmt_sci(9.996e5, "en") == "1 × 10⁶"
    assert fmt_sci(2.5e-12, "nl") == "2,5 × 10⁻¹²"


def test_range_and_separators():
    assert fmt_range(1300, 2600, "nl") == "1.300–2.600"
    assert plotly_separators("nl") == ",." and plotly_separators("en") == ".,"


@given(st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.none(), st.text(max_size=5)),
       st.sampled_from(["en", "nl"]))
def test_nothing_prints_nan_or_inf(x, lang):
    for fmt in (fmt_num, fmt_sci, fmt_auto):
        text = fmt(x, lang)
        assert "nan" not in text.lower() and "inf" not in text.lower()
        if isinstance(x, float) and not math.isfinite(x):
            assert text == DASH


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), st.integers(1, 6))
def test_dutch_and_english_differ_only_in_marks(x, sig):
    en, nl = fmt_num(x, "en", sig), fmt_num(x, "nl", sig)
    swapped = en.replace(",", "\0").replace(".", ",").replace("\0", ".")
    assert nl == swapped


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(0, 4), st.sampled_from(["en", "nl"]))
def test_fast_path_agrees_with_babel(x, decimals, lang):
    """fmt_num lays out digits itself with Babel's symbols; Babel's own formatter must agree
    (within 14 significant digits, where a float and its decimal repr say the same number)."""
    from babel.numbers import format_decimal

    from explainers.content.numbers import LOCALES

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    rounded = round(x, decimals) or 0.0
    assert fmt_num(x, lang, decimals=decimals) == format_decimal(rounded, format=pattern, locale=LOCALES[lang],
                                                                 decimal_quantization=True)


def test_a_bounded_figure_keeps_its_bound_on_screen():
    from explainers.content import content, shown

    bounded = [rid for rid, row in content().references.items() if row.qualifier == "below"]
    assert bounded, "the reference set has figures given as an upper bound"
    for lang in ("en", "nl"):
        assert all(shown(rid, lang).startswith("< ") for rid in bounded)


@pytest.mark.parametrize(("x", "lang", "expected"), [
    (175e9, "en", "175 billion"), (175e9, "nl", "175 miljard"), (1.05e6, "nl", "1,05 miljoen"),
    (15.6e12, "nl", "15,6 biljoen"), (950, "en", "950"), (3.8e25, "nl", "3,8 × 10²⁵"),
])
def test_large_counts_in_words(x, lang, expected):
    from explainers.content import fmt_count

    assert fmt_count(x, lang) == expected


@pytest.mark.parametrize(("x", "lang", "expected"), [
    (0.063, "en", "63 mW"), (2600, "nl", "2,6 kW"), (0.23e-9, "en", "0.23 nW"), (20, "nl", "20 W"),
    (float("nan"), "en", "– W"),
])
def test_power_with_an_si_prefix(x, lang, expected):
    from explainers.content import fmt_prefixed

    assert fmt_prefixed(x, "W", lang) == expected
