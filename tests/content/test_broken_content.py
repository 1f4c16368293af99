"""Each way a content file can be broken gives one clear error naming the file and the key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from explainers.content import ContentError, load_content
from explainers.content.loader import DATA_DIR


@pytest.fixture()
def data(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _edit(path: Path, change) -> None:
    tree = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(tree)
    path.write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _error(data: Path) -> ContentError:
    with pytest.raises(ContentError) as info:
        load_content(data)
    return info.value


def test_the_real_content_loads(data):
    assert load_content(data).references


def test_invalid_yaml_names_the_file_and_line(data):
    (data / "scenes.yaml").write_text("scenes: {photonics: [\n  - id: x\n", encoding="utf-8")
    err = _error(data)
    assert err.file.endswith("scenes.yaml") and "line" in err.key and "YAML" in err.problem


def test_a_missing_translation_names_the_key(data):
    _edit(data / "i18n" / "nl.yaml", lambda tree: tree["home"].pop("title"))
    err = _error(data)
    assert err.file.endswith("nl.yaml") and err.key == "home.title" and "missing" in err.problem


def test_a_missing_language_file(data):
    (data / "i18n" / "nl.yaml").unlink()
    err = _error(data)
    assert err.file.endswith("nl.yaml") and "missing" in err.problem


def test_a_wrong_type_in_strings(data):
    _edit(data / "i18n" / "en.yaml", lambda tree: tree["home"].update(title=42))
    err = _error(data)
    assert err.key == "home.title" and "text" in err.problem


def test_a_reference_without_source(data):
    def drop_source(tree):
        tree["references"][0]["source"] = "-"

    _edit(data / "references.yaml", drop_source)
    first_id = yaml.safe_load((data / "references.yaml").read_text())["references"][0]["id"]
    err = _error(data)
    assert err.file.endswith("references.yaml")
    assert err.key == f"references[{first_id}].source" and "source" in err.problem


def test_a_reference_with_a_non_numeric_value(data):
    def break_value(tree):
        tree["references"][1]["value"] = "lots"

    _edit(data / "references.yaml", break_value)
    second_id = yaml.safe_load((data / "references.yaml").read_text())["references"][1]["id"]
    err = _error(data)
    assert err.key == f"references[{second_id}].value"


def test_a_reference_without_its_dutch_quantity(data):
    def drop_dutch(tree):
        tree["references"][2]["quantity"]["nl"] = ""

    _edit(data / "references.yaml", drop_dutch)
    err = _error(data)
    assert err.key.endswith(".quantity") and "Dutch" in err.problem


def test_a_missing_key_in_the_glossary(data):
    _edit(data / "glossary.yaml", lambda tree: tree["terms"][0].pop("definition"))
    err = _error(data)
    assert err.file.endswith("glossary.yaml") and err.key.endswith(".definition") and "required" in err.problem.lower()


def test_a_duplicate_reference_id(data):
    def duplicate(tree):
        tree["references"].append(dict(tree["references"][0]))

    _edit(data / "references.yaml", duplicate)
    err = _error(data)
    assert "duplicate" in err.problem


def test_an_unreadable_references_file(data):
    (data / "references.yaml").unlink()
    err = _error(data)
    assert err.file.endswith("references.yaml") and "cannot be read" in err.problem
