"""Briefing test helpers: make each PDF once per session, read its text with pypdf, render its
pages with poppler's pdftoppm, and say what the page's own views say for the same link."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import os

import pytest

from explainers import briefing, topics, views
from explainers.briefing.markup import plain_text
from explainers.content import content

TODAY = date(2026, 12, 1)
BASE = "http://briefing.test:8501"
LANGS = ("en", "nl")
OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "briefing"

#: One scene per topic (its first), plus each topic's default view; scenes come from data/scenes.yaml.
CASES = [(tp.url_path, lang, scene) for tp in topics.TOPICS for lang in LANGS
         for scene in [next(iter(s.id for s in content().scenes.get(tp.url_path, ())), None)]]

_PDFS: dict[tuple, bytes] = {}


def topic_pdf(page: str, lang: str, scene: str | None = None, params: dict | None = None) -> bytes:
    key = (page, lang, scene, tuple(sorted((params or {}).items())))
    if key not in _PDFS:
        _PDFS[key] = briefing.topic_pdf(page, lang, params, scene, base=BASE, today=TODAY)
        OUTPUT.mkdir(parents=True, exist_ok=True)
        (OUTPUT / briefing.file_name(lang, page, scene)).write_bytes(_PDFS[key])
    return _PDFS[key]


def cheat_pdf(lang: str) -> bytes:
    key = ("cheat", lang)
    if key not in _PDFS:
        _PDFS[key] = briefing.cheat_sheet_pdf(lang, base=BASE, today=TODAY)
    return _PDFS[key]


def reader(pdf: bytes):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(pdf))


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in reader(pdf).pages)


_SQUEEZE = re.compile(r"[\s\u00ad\u200b\-‐]+")


def squeeze(text: str) -> str:
    """Text with whitespace, zero-width spaces and hyphens removed: line breaks and hyphenation vanish."""
    return _SQUEEZE.sub("", text)


def page_views(page: str, lang: str, scene: str | None = None, params: dict | None = None) -> list:
    """Every section's view of the page for this link (the page's own validation and present functions)."""
    pkg = topics.package(page)
    return [topics.view(page, name, lang, params or {}, scene) for name in pkg.SECTIONS]


def readouts(page: str, lang: str, scene: str | None = None) -> list[views.Readout]:
    return [r for v in page_views(page, lang, scene) for r in views.readouts(v)]


def summaries(page: str, lang: str, scene: str | None = None) -> list[str]:
    return [plain_text(f.summary) for v in page_views(page, lang, scene) for f in views.figures(v)]


def one_minute(page: str, lang: str, scene: str | None = None) -> views.OneMinute:
    return next(n for v in page_views(page, lang, scene) for n in views.walk(v) if isinstance(n, views.OneMinute))


def has_pdftoppm() -> bool:
    return shutil.which("pdftoppm") is not None


def page_images(pdf: bytes, tmp_path: Path, dpi: int = 150):
    """Each page as a PIL image (poppler's pdftoppm)."""
    from PIL import Image

    if not has_pdftoppm():
        message = "pdftoppm not found (apt-get install poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(message)  # in CI the QR check must really run (.ci/run installs it)
        pytest.skip(message)
    src = tmp_path / "in.pdf"
    src.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(src), str(tmp_path / "p")], check=True, timeout=60)
    return [Image.open(p) for p in sorted(tmp_path.glob("p-*.png"))]
