"""The delegate's briefing: the page's views as a PDF to carry into the meeting, in English or Dutch.

    from explainers import briefing
    pdf = briefing.topic_pdf("photonics", "nl", scene="rack")      # two A4 pages at most
    pdf = briefing.cheat_sheet_pdf("en")                             # one page: every topic
    pdf = briefing.full_pdf("nl")                                    # the cheat sheet, then every topic

A topic briefing says what the page says for the same link: it reads the page's views through
their generic parts (`views.OneMinute`, `Readout`, `Figure.summary`, `Note`, `ModelView`) and the
page's `reference_ids(values)`, after the page's own URL validation (`topics.values_for`). One chart
is redrawn as vector graphics (matplotlib, SVG, text as paths) from the same recipe as the page's
Plotly chart; Typst (the `typst` wheel, its own fonts) sets the pages as a tagged PDF (PDF/UA-1).
Command line: `python -m explainers.briefing --help`. No Streamlit here (the button is `ui/briefing.py`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache

from .document import (DEFAULT_BASE_URL, ENV_BASE_URL, BriefingError, base_url, cheat_part, live_link, make_document,
                       topic_of, topic_part, topic_titles)
from .render import CHEAT_PAGES, CHEAT_SIZES, TOPIC_PAGES, TOPIC_SIZES, RenderError, compile_pdf, fitted, page_count

__all__ = ["DEFAULT_BASE_URL", "ENV_BASE_URL", "BriefingError", "RenderError", "base_url", "cheat_sheet_pdf",
           "file_name", "full_pdf", "live_link", "page_count", "page_size", "topic_pdf"]


def _doc_of(lang: str, title: str, today: date | None):
    return lambda parts: make_document(parts, lang, title=title, today=today)


def _topic_title(part: dict, lang: str) -> str:
    from explainers.content import t

    return f"{t('briefing.kicker', lang)}: {part['title']}"


@lru_cache(maxsize=32)
def page_size(page: str, lang: str) -> float:
    """The text size of a page's briefings in `lang`: the largest at which its default view fits.

    Every view of a page starts from it (and steps down only if it needs more room), so one page's
    briefings look alike and a warm briefing is one Typst compile. A pure function of the content.
    """
    part = topic_part(page, lang)
    fitted_part, _pdf = fitted(part, _doc_of(lang, _topic_title(part, lang), None), TOPIC_PAGES, TOPIC_SIZES)
    return fitted_part["size"]


def topic_pdf(page: str, lang: str, params: Mapping[str, str] | None = None, scene: str | None = None, *,
              base: str | None = None, today: date | None = None) -> bytes:
    """One topic page's briefing (≤ 2 A4 pages) for a link's parameters, scene and language."""
    part = topic_part(page, lang, params, scene, base=base)
    start = page_size(topic_of(page).url_path, lang)
    sizes = tuple(s for s in TOPIC_SIZES if s <= start) or TOPIC_SIZES[-1:]
    _part, pdf = fitted(part, _doc_of(lang, _topic_title(part, lang), today), TOPIC_PAGES, sizes)
    return pdf


def cheat_sheet_pdf(lang: str, *, base: str | None = None, today: date | None = None) -> bytes:
    """One A4 page: every topic of `topics.TOPICS` in three lines and one headline number with its source."""
    part = cheat_part(lang, base=base)
    _part, pdf = fitted(part, _doc_of(lang, part["title"], today), CHEAT_PAGES, CHEAT_SIZES)
    return pdf


def full_pdf(lang: str, *, base: str | None = None, today: date | None = None) -> bytes:
    """The cheat sheet, then every topic's pages at its default view, as one PDF."""
    from explainers import topics
    from explainers.content import t

    title = t("briefing.full_title", lang, topics=topic_titles(lang))
    cheat, _pdf = fitted(cheat_part(lang, base=base), _doc_of(lang, title, today), CHEAT_PAGES, CHEAT_SIZES)
    parts = [cheat]
    for topic in topics.TOPICS:
        part = topic_part(topic.url_path, lang, base=base)
        start = page_size(topic.url_path, lang)
        sizes = tuple(s for s in TOPIC_SIZES if s <= start) or TOPIC_SIZES[-1:]
        fitted_part, _pdf = fitted(part, _doc_of(lang, title, today), TOPIC_PAGES, sizes)
        parts.append(fitted_part)
    return compile_pdf(make_document(parts, lang, title=title, today=today))


def file_name(lang: str, page: str | None = None, scene: str | None = None, *, cheat_sheet: bool = False) -> str:
    """briefing-photonics-rack-nl.pdf, briefing-cheat-sheet-en.pdf, briefing-nl.pdf."""
    if cheat_sheet:
        return f"briefing-cheat-sheet-{lang}.pdf"
    parts = ["briefing"] + ([topic_of(page).url_path] if page else []) + ([scene] if scene else []) + [lang]
    return "-".join(parts) + ".pdf"
