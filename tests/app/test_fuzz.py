"""Hostile links: for every page, generated URL parameter sets (wrong types, huge numbers, NaN,
empty, unicode, 10 kB strings, markup, unknown and repeated keys) never raise; unusable values fall
back to the default and are named in a single notice; nothing from the URL reaches the page as text."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from .conftest import FUZZ_EXAMPLES, PAGE_FILES, URL_PATHS, open_page, visible_text

MARKUP = "<script>alert('x')</script>"
JUNK = [
    "abc", "nan", "NaN", "inf", "-inf", "1e999", "-1e999", "", MARKUP, "<b>bold</b>", "1,5", "0x10",
    "💡🧠", "ẞ" * 3, "x" * 10_000, "%00", "None", "[]", "{}", "-0", "1e-400", "9" * 400,
]


def _controls(page_file: str) -> dict[str, object]:
    """URL key -> default value of every control on the page (from a clean run)."""
    at = open_page(page_file, "en")
    prefix = f"_w_{URL_PATHS[page_file]}."
    controls = {}
    for key in list(at.session_state):
        if key.startswith(prefix):
            controls[key[len(prefix):]] = at.session_state[key]
    text_keys = {el.key[len(prefix):] for el in at.text_input if el.key and el.key.startswith(prefix)}
    return {"defaults": controls, "text": text_keys}


CONTROLS = {page_file: _controls(page_file) for page_file in PAGE_FILES}


def _must_fall_back(key: str, raw, info) -> bool:
    if isinstance(raw, list):
        return True  # a repeated key is ambiguous
    if len(raw) > 200:
        return True
    default = info["defaults"][key]
    if key in info["text"]:
        return not (len(raw) <= 80 and raw.isprintable())
    if isinstance(default, bool):
        return raw not in {"1", "0", "true", "false"}
    if isinstance(default, (int, float)):
        try:
            return not math.isfinite(float(raw)) or raw.strip() != raw
        except ValueError:
            return True
    if isinstance(default, list):
        return raw != "" and True  # junk is never a list of valid slugs
    return True  # junk is never a valid slug


@pytest.mark.parametrize("page_file", PAGE_FILES)
def test_hostile_links_never_break_a_page(page_file):
    info = CONTROLS[page_file]
    keys = url_keys(page_file)
    value = st.one_of(st.sampled_from(JUNK), st.lists(st.sampled_from(JUNK[:6]), min_size=2, max_size=3))
    params_strategy = st.dictionaries(st.sampled_from(keys), value, min_size=1, max_size=4)

    @settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(params_strategy)
    def check(params):
        lang = params.pop("lang", "en")
        at = open_page(page_file, lang if isinstance(lang, str) else lang[0], params)
        assert not at.exception, [e.value for e in at.exception]
        assert not at.error, [e.value for e in at.error]
        assert len(at.warning) <= 1 or all("link" not in w.value for w in at.warning[1:])
        notice = at.warning[0].value if at.warning else ""
        prefix = f"_w_{URL_PATHS[page_file]}."
        for key, raw in params.items():
            if key in info["defaults"] and _must_fall_back(key, raw, info):
                assert at.session_state[prefix + key] == info["defaults"][key], (key, raw)
                assert f"`{key}`" in notice, (key, raw, notice)
        text = visible_text(at)
        assert MARKUP not in text and "<b>bold</b>" not in text
        assert "x" * 300 not in text

    for params in sweep(keys):
        check = example(params)(check)
    check()


def url_keys(page_file: str) -> list[str]:
    """The page's controls, and the keys every page reads or must ignore."""
    return sorted(CONTROLS[page_file]["defaults"]) + ["lang", "scene", "present", "unknown_key", "d_m"]


def sweep(keys: list[str]) -> list[dict[str, str]]:
    """Every junk value at least once and every key with several: link i sets four keys, rotating,
    to JUNK[i] (the generated links then add mixtures, repeats and other counts)."""
    return [{keys[(4 * i + j) % len(keys)]: junk for j in range(4)} for i, junk in enumerate(JUNK)]


@pytest.mark.parametrize("page_file", PAGE_FILES)
def test_the_sweep_reaches_every_key_and_every_junk_value(page_file):
    keys = url_keys(page_file)
    links = sweep(keys)
    assert {k for link in links for k in link} == set(keys)
    assert [v for link in links for v in set(link.values())] == JUNK
