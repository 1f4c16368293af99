"""Typst, through the `typst` wheel: the document's data in, a tagged PDF (PDF/UA-1) out.

The template (`templates/briefing.typ`) gets the data as one JSON string in `sys.inputs`, so no
text is ever parsed as Typst markup. Only fonts that ship inside the wheels are used: Typst's own
(Libertinus Serif for text, DejaVu Sans Mono for ids and links) and matplotlib's DejaVu Sans for the
charts' words; system fonts are ignored, so CI, a laptop and a cloud host make the same file. A part that would run past its page limit is set again in a
smaller size, down to a floor; the tests check the limits for every topic, language and scene.
"""

from __future__ import annotations

import json
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

TEMPLATE = Path(__file__).with_name("templates") / "briefing.typ"

#: Page limits and the text sizes tried, largest first.
TOPIC_PAGES = 2
CHEAT_PAGES = 1
TOPIC_SIZES = (10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0, 6.6)
CHEAT_SIZES = (10.5, 10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0)

_LOCK = threading.Lock()  # one compile at a time per process (the compiler keeps its fonts loaded)
_PAGES = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", re.S)


class RenderError(RuntimeError):
    """Typst could not make the PDF (the message is Typst's first line)."""


def chart_font_dir() -> Path:
    """matplotlib's own font folder (DejaVu Sans): the charts' text is set in these very files."""
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@lru_cache(maxsize=1)
def _compiler():
    import typst

    return typst.Compiler(input=str(TEMPLATE), root=str(TEMPLATE.parent), ignore_system_fonts=True,
                          font_paths=[str(chart_font_dir())])


@lru_cache(maxsize=1)
def pdf_standards() -> list[str]:
    """PDF/UA-1 (tagged, accessible) where the installed Typst can write it, else plain PDF 1.7."""
    import typst

    try:
        typst.compile(b"#set document(title: [t])\nx", format="pdf", pdf_standards=["ua-1"], ignore_system_fonts=True)
        return ["ua-1"]
    except Exception:  # noqa: BLE001 - an older wheel: still a tagged PDF, without the UA claim
        return []


def compile_pdf(doc: dict[str, Any]) -> bytes:
    """The document data as PDF bytes."""
    payload = json.dumps(doc, ensure_ascii=False, allow_nan=False)
    try:
        with _LOCK:
            pdf = _compiler().compile(format="pdf", sys_inputs={"data": payload}, pdf_standards=pdf_standards())
    except Exception as exc:  # noqa: BLE001 - TypstError and friends: one line for the person
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        raise RenderError(str(message).strip().splitlines()[0]) from None
    if not isinstance(pdf, (bytes, bytearray)):
        raise RenderError("no PDF was produced")
    return bytes(pdf)


def page_count(pdf: bytes) -> int:
    """Pages of a PDF that Typst wrote (its page tree's /Count)."""
    found = _PAGES.search(pdf)
    if found:
        return int(found.group(1))
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def fitted(part: dict[str, Any], doc_of, limit: int, sizes: tuple[float, ...]) -> tuple[dict[str, Any], bytes]:
    """The part at the largest of `sizes` whose PDF keeps within `limit` pages, and that PDF.

    `doc_of(parts)` makes the document data around a list of parts. If no size fits, the smallest.
    """
    pdf = b""
    candidate = part
    for size in sizes:
        candidate = {**part, "size": size}
        pdf = compile_pdf(doc_of([candidate]))
        if page_count(pdf) <= limit:
            break
    return candidate, pdf
