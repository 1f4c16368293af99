"""The content files: schema, both languages complete, every reference sourced, every id and key
that the code uses exists, and nothing unconfirmed serves as a default."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import explainers.models
from explainers.content import content, default_values
from explainers.content.schema import DEFAULT_OK, LANGS

ROOT = Path(__file__).resolve().parents[2]
CODE = [*ROOT.glob("app.py"), *ROOT.glob("app_pages/*.py"), *(ROOT / "src" / "explainers").rglob("*.py")]


def code_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in CODE)


def test_content_loads_and_is_not_trivial():
    c = content()
    assert len(c.references) > 150
    assert len(c.glossary) >= 40
    assert set(c.strings) == set(LANGS)


def test_both_languages_have_the_same_keys_and_no_empty_text():
    strings = content().strings
    assert set(strings["en"]) == set(strings["nl"])
    for lang in LANGS:
        assert all(text.strip() for text in strings[lang].values())


def test_dutch_is_not_a_copy_of_english():
    strings = content().strings
    same = [k for k in strings["en"] if strings["en"][k] == strings["nl"][k] and len(strings["en"][k]) > 25]
    assert not same, f"untranslated: {same[:5]}"


def test_every_reference_is_sourced_and_complete():
    for rid, row in content().references.items():
        assert row.value is not None or row.text is not None, rid
        assert row.unit is not None, rid
        assert row.source.strip() and row.source.strip() != "-", rid
        assert 1800 <= row.year <= 2100, rid
        assert row.confidence, rid
        assert row.quantity.en.strip() and row.quantity.nl.strip(), rid
        if row.low is not None and row.high is not None:
            assert row.low <= row.high, rid


def test_unconfirmed_figures_are_never_defaults():
    c = content()
    recalled = {rid for rid, row in c.references.items() if row.confidence not in DEFAULT_OK}
    assert recalled, "the reference set keeps its unconfirmed rows, labelled"
    assert not recalled & set(default_values())


def _model_reference_ids() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for info in pkgutil.iter_modules(explainers.models.__path__):
        module = importlib.import_module(f"explainers.models.{info.name}")
        ids = getattr(module, "REFERENCE_IDS", None)
        if ids:
            flat: set[str] = set()
            stack = list(ids.values())
            while stack:
                item = stack.pop()
                if isinstance(item, str):
                    flat.add(item)
                elif isinstance(item, dict):
                    stack.extend(item.values())
                elif isinstance(item, (list, tuple, set)):
                    stack.extend(item)
            found[info.name] = flat
    return found


def test_model_defaults_exist_and_may_be_defaults():
    refs = content().references
    for module, ids in _model_reference_ids().items():
        for rid in ids:
            assert rid in refs, f"{module} uses unknown reference '{rid}'"
            assert refs[rid].confidence in DEFAULT_OK, f"{module} defaults to unconfirmed '{rid}'"


REF_CALL = re.compile(r"""\b(?:value|ref|shown|source_line)\(\s*["']([A-Za-z0-9_]+)["']""")


def test_every_reference_id_the_code_names_exists():
    refs = content().references
    named = set(REF_CALL.findall(code_text()))
    assert named, "the pattern finds the calls"
    assert not named - set(refs), sorted(named - set(refs))


T_CALL = re.compile(r"""\bt\(\s*(f?)(["'])(.+?)\2""")


def test_every_string_key_the_code_uses_exists():
    keys = set(content().strings["en"])
    missing = []
    for is_f, _quote, key in T_CALL.findall(code_text()):
        if is_f:
            pattern = re.compile("^" + re.sub(r"\\\{[^}]*\\\}", r"[^.]+(?:\\.[^.]+)*", re.escape(key)) + "$")
            if not any(pattern.match(k) for k in keys):
                missing.append(key)
        elif key not in keys:
            missing.append(key)
    assert not missing, missing


def test_every_scene_belongs_to_a_page_and_has_both_languages():
    from explainers.ui.shell import PAGES

    paths = {entry.url_path for entry in PAGES}
    for page, scenes in content().scenes.items():
        assert page in paths, page
        for scene in scenes:
            assert scene.title.en and scene.title.nl and scene.caption.en and scene.caption.nl
            assert "lang" not in scene.params and "scene" not in scene.params


def test_glossary_ids_unique_and_terms_in_both_languages():
    ids = [term.id for term in content().glossary]
    assert len(ids) == len(set(ids))
    for term in content().glossary:
        assert term.term.en and term.term.nl and term.definition.en and term.definition.nl


def test_prose_exists_in_both_languages():
    prose = content().prose
    assert set(prose["en"]) == set(prose["nl"])


@pytest.mark.parametrize("path", CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_unsafe_html_and_only_safe_yaml(path):
    text = path.read_text(encoding="utf-8")
    assert "unsafe_allow_html" + "=True" not in text  # (split so this line is not a hit itself)
    assert not re.search(r"yaml\.load\((?![^)]*SafeLoader)", text)


def test_layer_rule_models_and_charts_do_not_import_streamlit():
    for folder, banned in (("models", r"streamlit|plotly|pandas|yaml"), ("charts", r"streamlit")):
        for path in (ROOT / "src" / "explainers" / folder).glob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert not re.search(rf"^\s*(import|from)\s+({banned})\b", text, re.M), path


def test_no_legacy_pages_folder():
    assert not (ROOT / "pages").exists(), "a folder named pages/ switches on Streamlit's legacy router"
