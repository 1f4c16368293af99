"""Load and validate everything under data/ once: i18n strings, references, glossary, scenes.

Every failure becomes a `ContentError` that names the file, the key and what is wrong, so the app
can show one clear message instead of a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .schema import (LANGS, GlossaryFile, GlossaryTerm, QuizFile, Reference, ReferencesFile, Scene, ScenesFile,
                     TalksFile)

import os

#: The project's data folder; EXPLAINERS_DATA_DIR points elsewhere (tests of broken content).
DATA_DIR = Path(os.environ.get("EXPLAINERS_DATA_DIR") or Path(__file__).resolve().parents[3] / "data")


class ContentError(Exception):
    """A content file is missing, unreadable or does not match its schema."""

    def __init__(self, file: Path | str, key: str, problem: str):
        self.file = str(file)
        self.key = key
        self.problem = problem
        super().__init__(f"{self.file}: {key}: {problem}")


@dataclass(frozen=True)
class Content:
    """Everything the app says and every number it shows, validated."""

    strings: dict[str, dict[str, str]]  # lang -> dotted key -> text
    references: dict[str, Reference]
    glossary: tuple[GlossaryTerm, ...]
    scenes: dict[str, tuple[Scene, ...]]  # page slug -> scenes
    prose: dict[str, dict[str, str]]  # lang -> name -> markdown
    data_dir: Path
    talks: tuple = ()  # schema.Talk, in file order
    quiz: QuizFile | None = None  # data/quiz.yaml (None when the file is absent)


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ContentError(path, "-", f"cannot be read ({exc.strerror or exc})") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "-"
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ContentError(path, where, f"invalid YAML: {problem}") from None


def _validate(model: type[BaseModel], data: Any, path: Path) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = _key_path(data, err["loc"])
        more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
        raise ContentError(path, key, f"{err['msg']}{more}") from None


def _key_path(data: Any, loc: tuple) -> str:
    """Turn a pydantic location into a readable key, naming list items by their id."""
    parts: list[str] = []
    node = data
    for step in loc:
        if isinstance(step, int) and isinstance(node, list) and 0 <= step < len(node):
            item = node[step]
            ident = item.get("id") if isinstance(item, dict) else None
            parts.append(f"[{ident}]" if ident else f"[{step}]")
            node = item
        else:
            parts.append(f".{step}" if parts else str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return "".join(parts) or "-"


def _flatten(tree: Any, path: Path, prefix: str = "") -> dict[str, str]:
    if not isinstance(tree, dict):
        raise ContentError(path, prefix or "-", "expected a mapping of keys to texts")
    flat: dict[str, str] = {}
    for key, value in tree.items():
        full = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, dict):
            flat.update(_flatten(value, path, full))
        elif isinstance(value, str):
            flat[full] = value
        else:
            raise ContentError(path, full, f"expected text, got {type(value).__name__}")
    return flat


def _load_strings(data_dir: Path) -> dict[str, dict[str, str]]:
    """data/i18n/{lang}.yaml, plus data/i18n/<topic>/{lang}.yaml namespaced under <topic>."""
    i18n = data_dir / "i18n"
    strings: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        core = i18n / f"{lang}.yaml"
        if not core.exists():
            raise ContentError(core, "-", f"missing: the {lang} strings file is required")
        flat = _flatten(_read_yaml(core) or {}, core)
        for sub in sorted(p for p in i18n.iterdir() if p.is_dir()):
            path = sub / f"{lang}.yaml"
            if not path.exists():
                raise ContentError(path, "-", f"missing: {sub.name} has no {lang} strings")
            for key, text in _flatten(_read_yaml(path) or {}, path, sub.name).items():
                if key in flat:
                    raise ContentError(path, key, "defined twice")
                flat[key] = text
        strings[lang] = flat
    base_lang, *others = LANGS
    for lang in others:
        missing = sorted(set(strings[base_lang]) - set(strings[lang]))
        extra = sorted(set(strings[lang]) - set(strings[base_lang]))
        if missing:
            raise ContentError(i18n / f"{lang}.yaml", missing[0], f"missing in {lang} ({len(missing)} keys)")
        if extra:
            raise ContentError(i18n / f"{base_lang}.yaml", extra[0], f"missing in {base_lang} ({len(extra)} keys)")
    for lang in LANGS:
        for key, text in strings[lang].items():
            if not text.strip():
                raise ContentError(i18n / f"{lang}.yaml", key, "empty text")
    return strings


def _load_prose(data_dir: Path) -> dict[str, dict[str, str]]:
    root = data_dir / "content"
    prose: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    for lang in LANGS:
        folder = root / lang
        if folder.is_dir():
            for md in sorted(folder.glob("*.md")):
                prose[lang][md.stem] = md.read_text(encoding="utf-8")
    for lang in LANGS:
        for other in LANGS:
            missing = sorted(set(prose[lang]) - set(prose[other]))
            if missing:
                raise ContentError(root / other / f"{missing[0]}.md", "-", f"missing: exists in {lang} only")
    return prose


def load_content(data_dir: Path | str = DATA_DIR) -> Content:
    """Read and validate every content file; raise ContentError on the first problem."""
    data_dir = Path(data_dir)
    strings = _load_strings(data_dir)

    ref_path = data_dir / "references.yaml"
    refs_file: ReferencesFile = _validate(ReferencesFile, _read_yaml(ref_path), ref_path)
    references = {ref.id: ref for ref in refs_file.references}
    for extra in sorted((data_dir / "references").glob("*.yaml")):
        for ref in _validate(ReferencesFile, _read_yaml(extra), extra).references:
            if ref.id in references:
                raise ContentError(extra, f"references[{ref.id}]", "id already defined in references.yaml")
            references[ref.id] = ref

    glossary_path = data_dir / "glossary.yaml"
    glossary: GlossaryFile = _validate(GlossaryFile, _read_yaml(glossary_path), glossary_path)

    scenes_path = data_dir / "scenes.yaml"
    scenes = dict(_validate(ScenesFile, _read_yaml(scenes_path), scenes_path).scenes)
    for extra in sorted((data_dir / "scenes").glob("*.yaml")):
        for page, items in _validate(ScenesFile, _read_yaml(extra), extra).scenes.items():
            if page in scenes:
                raise ContentError(extra, f"scenes.{page}", "page already has scenes in scenes.yaml")
            scenes[page] = items
    for page, items in scenes.items():
        ids = [scene.id for scene in items]
        if len(ids) != len(set(ids)):
            raise ContentError(scenes_path, f"scenes.{page}", "duplicate scene id")

    talks_path = data_dir / "talks.yaml"
    talks = _validate(TalksFile, _read_yaml(talks_path), talks_path).talks if talks_path.exists() else []

    quiz_path = data_dir / "quiz.yaml"
    quiz = _load_quiz(quiz_path, references, scenes) if quiz_path.exists() else None

    return Content(
        quiz=quiz,
        talks=tuple(talks),
        strings=strings,
        references=references,
        glossary=tuple(glossary.terms),
        scenes={page: tuple(items) for page, items in scenes.items()},
        prose=_load_prose(data_dir),
        data_dir=data_dir,
    )


def _load_quiz(path: Path, references: dict, scenes: dict) -> QuizFile:
    """data/quiz.yaml, validated, with every reference id and scene it names known.

    (That each answer function exists and each link's page and values are usable is checked by
    `explainers.quiz.check()`, which knows the answer registry and the pages.)
    """
    quiz: QuizFile = _validate(QuizFile, _read_yaml(path), path)
    places = [(f"topics[{topic.id}].questions[{q.id}]", q) for topic in quiz.topics for q in topic.questions]
    places += [(f"predict.{page}", q) for page, q in quiz.predict.items()]
    for where, q in places:
        unknown = [rid for rid in q.refs if rid not in references]
        if unknown:
            raise ContentError(path, f"{where}.refs", f"unknown reference '{unknown[0]}'")
        link = q.link
        if link.scene is not None and link.scene not in {s.id for s in scenes.get(link.page, ())}:
            raise ContentError(path, f"{where}.link.scene", f"page '{link.page}' has no scene '{link.scene}'")
    return quiz


@lru_cache(maxsize=1)
def content() -> Content:
    """The app's content, loaded once per process."""
    return load_content(DATA_DIR)
