"""What a briefing says, as plain data for the Typst template (no Streamlit, no Typst here).

Everything comes from the page's own views, read generically by their parts, never by a topic's
field names, so a section that gains a readout or a sentence shows up in the briefing unchanged:

- `views.OneMinute`: the takeaways and the headline number with its source;
- `views.Readout`, `views.Figure.summary`, `views.Note`: what each section shows, in page order
  (a note that only lists sources is left to the sources list, which names every id);
- one `views.Figure`, redrawn as vector graphics (`chart.py`), with its summary under it;
- `views.ModelView`: the key (first) equation and what the model leaves out;
- the page's `reference_ids(values)`: one line per source, with its ids, year and confidence.

Values come from URL parameters through `topics.values_for`, the page's own validation; every
string is a view's, already translated and formatted for the language (Babel): nothing is
reformatted here. Texts travel as runs (`markup.runs`), never as markup.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from explainers import topics, views
from explainers.content import content, ref, source_text, t
from explainers.content.citations import confidence_label
from explainers.topics.controls import canonical

from .markup import lead, plain_text, runs

_LOG = logging.getLogger(__name__)

DEFAULT_BASE_URL = "http://localhost:8501"
ENV_BASE_URL = "EXPLAINERS_PUBLIC_URL"

#: Chart width in the PDF (mm): the text width of an A4 page with the template's margins. Its height
#: follows the page's chart (its Plotly height, scaled), between 46 and 80 mm.
CHART_WIDTH_MM = 180.0


class BriefingError(Exception):
    """A briefing cannot be made: an unknown page or scene, or a render that failed (one line)."""


# --- the link back -----------------------------------------------------------------------------


def base_url(explicit: str | None = None) -> str:
    """Where links point: the given address, else $EXPLAINERS_PUBLIC_URL, else the local app."""
    url = explicit or os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL
    return url.strip().rstrip("/")


def topic_of(page: str) -> topics.Topic:
    """The topic of a URL path (or package name); BriefingError names the known ones."""
    found = topics.by_url_path(page) or next((tp for tp in topics.TOPICS if tp.package == page), None)
    if found is None:
        raise BriefingError(f"unknown page {page!r}")
    return found


def url_params(page: str, values: Mapping[str, Any], scene: str | None) -> list[tuple[str, str]]:
    """The URL values that differ from what the scene (or the page's defaults) gives, in page order."""
    pkg = topics.package(topic_of(page))
    start, _bad = topics.values_for(pkg.PAGE, {}, scene)
    out = []
    for control in pkg.CONTROLS:
        if control.key in values and canonical(values[control.key]) != canonical(start[control.key]):
            out.append((control.key, canonical(values[control.key])))
    return out


def live_link(page: str, lang: str, values: Mapping[str, Any] | None = None, scene: str | None = None,
              base: str | None = None) -> str:
    """The live view's address: `<base>/<url path>?lang=..&scene=..&key=value` (values that differ)."""
    topic = topic_of(page)
    query = [("lang", lang)]
    if scene:
        query.append(("scene", scene))
    query += url_params(page, values or {}, scene)
    return f"{base_url(base)}/{topic.url_path}?{urlencode(query, safe=',')}"


def qr_svg(link: str) -> str:
    """The link as a QR code (SVG, medium error correction, a quiet zone of four modules)."""
    import io

    import segno

    buf = io.BytesIO()
    segno.make(link, error="m", micro=False).save(buf, kind="svg", scale=4, border=4, dark="#1F2933",
                                                  light="#FFFFFF", xmldecl=False)
    return buf.getvalue().decode("utf-8")


# --- words shared by every part ----------------------------------------------------------------


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("explainers")
    except PackageNotFoundError:
        return "dev"


def long_date(day: date, lang: str) -> str:
    from babel.dates import format_date

    return format_date(day, format="long", locale=lang)


def labels(lang: str) -> dict[str, str]:
    """The template's fixed words in `lang` (the page's own where the page has them)."""
    return {
        "one_minute": t("anatomy.one_minute", lang),
        "view": t("briefing.view", lang),
        "how_model_works": t("anatomy.how_model_works", lang),
        "key_equation": t("briefing.key_equation", lang),
        "left_out": t("anatomy.left_out", lang),
        "sources_hint": t("briefing.sources_hint", lang),
        "vendor_claim": t("briefing.vendor_claim", lang),
        "live": t("briefing.live", lang),
        "live_hint": t("briefing.live_hint", lang),
        "kicker": t("briefing.kicker", lang),
        "cheat_kicker": t("briefing.cheat_kicker", lang),
        "page": t("briefing.page", lang, n="{n}", total="{total}"),
    }


def _source(ref_id: str, lang: str) -> dict[str, Any]:
    """One reference as the headline's source line wants it: who, year, confidence, vendor claim."""
    row = ref(ref_id)
    confidence = confidence_label(row.confidence, lang)
    if row.vendor_claim:
        confidence = f"{confidence}, {t('anatomy.vendor_claim', lang)}"
    who = source_text(ref_id, lang)
    if row.confidence == "assumption":
        text = t("briefing.headline_source_no_year", lang, source=who, confidence=confidence)
    else:
        text = t("briefing.headline_source", lang, source=who, year=row.year, confidence=confidence)
    return {"id": ref_id, "text": text, "vendor": bool(row.vendor_claim)}


def sources(ref_ids: list[str], lang: str) -> list[dict[str, Any]]:
    """One line per distinct source, in the page's order: its ids, who, years, confidence, vendor claim."""
    groups: OrderedDict[str, dict[str, Any]] = OrderedDict()
    for rid in dict.fromkeys(ref_ids):
        row = ref(rid)
        who = source_text(rid, lang)
        group = groups.setdefault(who, {"ids": [], "source": who, "years": [], "confidence": [], "vendor": False})
        group["ids"].append(rid)
        if row.confidence != "assumption" and str(row.year) not in group["years"]:
            group["years"].append(str(row.year))
        label = confidence_label(row.confidence, lang)
        if label not in group["confidence"]:
            group["confidence"].append(label)
        group["vendor"] = group["vendor"] or bool(row.vendor_claim)
    return [{**g, "years": ", ".join(g["years"]), "confidence": " / ".join(g["confidence"])} for g in groups.values()]


# --- a topic page --------------------------------------------------------------------------------


def _views_of(topic: topics.Topic, lang: str, values: Mapping[str, Any]) -> list[tuple[str, Any]]:
    pkg = topics.package(topic)
    present = topics.module(topic, "present")
    return [(name, getattr(present, name)(lang, **topics.section_args(pkg, name, dict(values))))
            for name in pkg.SECTIONS]


def _parts(view: Any) -> list[Any]:
    """The Readouts, Figures and Notes of a view, in page order (not inside a one-minute or model view)."""
    found: list[Any] = []

    def visit(node: Any) -> None:
        if isinstance(node, (views.Readout, views.Figure, views.Note)):
            found.append(node)
            return
        if isinstance(node, (views.OneMinute, views.ModelView)) or isinstance(node, (str, bytes)):
            return
        if is_dataclass(node) and not isinstance(node, type):
            for f in fields(node):
                visit(getattr(node, f.name))
        elif isinstance(node, (tuple, list)):
            for child in node:
                visit(child)
        elif isinstance(node, Mapping):
            for child in node.values():
                visit(child)

    visit(view)
    return found


def _first(all_views: list[tuple[str, Any]], kind: type) -> Any:
    for _name, view in all_views:
        for node in views.walk(view):
            if isinstance(node, kind):
                return node
    return None


def _readout(r: views.Readout) -> dict[str, Any]:
    return {"label": runs(r.label), "value": plain_text(r.value), "caption": runs(r.caption)}


def _figure_key(fig: views.Figure) -> str:
    name = f"{fig.builder.__module__}.{fig.builder.__qualname__}"
    try:
        blob = pickle.dumps((name, fig.args, dict(fig.kwargs), fig.vline), protocol=5)
    except Exception:  # noqa: BLE001 - an unpicklable recipe is simply not cached
        return ""
    return hashlib.blake2b(blob, digest_size=20).hexdigest()


_CHARTS: OrderedDict[str, tuple[str, str]] = OrderedDict()  # recipe digest -> (title, SVG), most recent last
_CHARTS_MAX = 48
_CHARTS_LOCK = threading.Lock()


def chart_of(fig: views.Figure) -> tuple[str, str]:
    """(title, SVG) of a view's chart: built as the page builds it, then redrawn (kept per recipe)."""
    from .chart import figure_svg

    key = _figure_key(fig)
    with _CHARTS_LOCK:
        hit = _CHARTS.get(key) if key else None
        if hit is not None:
            _CHARTS.move_to_end(key)
            return hit
    made = figure_svg(fig, width_mm=CHART_WIDTH_MM)
    if key:
        with _CHARTS_LOCK:
            _CHARTS[key] = made
            while len(_CHARTS) > _CHARTS_MAX:
                _CHARTS.popitem(last=False)
    return made


def _equation(model: views.ModelView | None, lang: str) -> dict[str, Any] | None:
    if model is None or not model.equations:
        return None
    tex = model.equations[0]
    out: dict[str, Any] = {"tex": tex, "alt": t("briefing.equation_alt", lang, tex=tex), "svg": None}
    try:
        out["svg"] = _equation_cached(tex)
    except Exception:  # noqa: BLE001 - mathtext could not parse it: the source is printed instead
        out["svg"] = None
    return out


@lru_cache(maxsize=64)
def _equation_cached(tex: str) -> str:
    from .chart import equation_svg

    return equation_svg(tex, size_pt=11.0)


def topic_part(page: str, lang: str, params: Mapping[str, str] | None = None, scene: str | None = None, *,
               base: str | None = None) -> dict[str, Any]:
    """A topic page's briefing, as data: what the page says for this link, in `lang`."""
    topic = topic_of(page)
    pkg = topics.package(topic)
    values, bad = topics.values_for(pkg.PAGE, dict(params or {}), scene)
    scene_row = None
    if scene is not None and "scene" not in bad:
        scene_row = next(s for s in content().scenes.get(pkg.PAGE, ()) if s.id == scene)
    all_views = _views_of(topic, lang, values)
    minute: views.OneMinute | None = _first(all_views, views.OneMinute)
    model: views.ModelView | None = _first(all_views, views.ModelView)
    sources_prefix = t("anatomy.sources_line", lang, sources="")

    link = live_link(topic.url_path, lang, values, scene_row.id if scene_row else None, base)
    title = t(topic.title_key, lang)
    sections: list[dict[str, Any]] = []
    chart_done = False
    for _name, view in all_views:
        items: list[dict[str, Any]] = []
        for node in _parts(view):
            if isinstance(node, views.Readout):
                if items and items[-1]["type"] == "readouts":
                    items[-1]["items"].append(_readout(node))
                else:
                    items.append({"type": "readouts", "items": [_readout(node)]})
            elif isinstance(node, views.Figure):
                chart = None
                if not chart_done:
                    try:
                        chart_title, svg = chart_of(node)
                        summary = plain_text(node.summary)
                        chart = {"type": "chart", "title": chart_title, "svg": svg, "summary": runs(node.summary),
                                 "alt": t("briefing.chart_alt", lang, title=chart_title, summary=summary)}
                    except Exception:  # noqa: BLE001 - a chart the redraw cannot show: its sentence, and the next chart
                        _LOG.warning("briefing: chart %s of %s not redrawn", node.builder.__qualname__, topic.url_path,
                                     exc_info=True)
                        chart = None
                if chart is not None:
                    items.append(chart)
                    chart_done = True
                elif node.summary:
                    items.append({"type": "sentence", "text": runs(node.summary)})
            elif isinstance(node, views.Note):
                if node.text and not plain_text(node.text).startswith(plain_text(sources_prefix).strip()):
                    items.append({"type": "note", "kind": node.kind, "text": runs(node.text)})
        if items:
            sections.append({"items": items})

    headline = None
    takeaways: list[dict[str, Any]] = []
    if minute is not None:
        for text in minute.takeaways:
            head, rest = lead(text)
            takeaways.append({"lead": head, "rest": rest})
        headline = {"label": runs(minute.headline_label), "value": plain_text(minute.headline_value),
                    "help": runs(minute.headline_help), "source": _source(minute.headline_ref, lang)}

    ref_ids = list(pkg.reference_ids(values))
    fallback = [k for k in bad]
    return {
        "kind": "topic",
        "page": topic.url_path,
        "title": title,
        "scene": (t("briefing.scene", lang, title=scene_row.title(lang)) if scene_row
                  else t("briefing.custom_view", lang) if url_params(topic.url_path, values, None)
                  else t("briefing.default_view", lang)),
        "scene_caption": runs(scene_row.caption(lang)) if scene_row else [],
        "fallback": t("briefing.fallback", lang, keys=", ".join(fallback)) if fallback else None,
        "link": link,
        "qr": qr_svg(link),
        "qr_alt": t("briefing.scan_alt", lang, link=link),
        "takeaways": takeaways,
        "headline": headline,
        "sections": sections,
        "equation": _equation(model, lang),
        "left_out": [runs(x) for x in (model.left_out if model else ())],
        "sources_title": t("briefing.sources", lang, n=len(dict.fromkeys(ref_ids))),
        "sources": sources(ref_ids, lang),
        "ref_ids": list(dict.fromkeys(ref_ids)),
        "size": 10.0,  # pt; render.fitted sets the size that keeps the part within its pages
    }


# --- the cheat sheet -----------------------------------------------------------------------------


def cheat_part(lang: str, *, base: str | None = None) -> dict[str, Any]:
    """Every topic of `topics.TOPICS` in three lines and one headline number with its source."""
    entries = []
    for topic in topics.TOPICS:
        pkg = topics.package(topic)
        values, _bad = topics.values_for(pkg.PAGE, {}, None)
        minute = None
        present = topics.module(topic, "present")
        for name in pkg.SECTIONS:  # the first section that states the one-minute box (one_minute by convention)
            view = getattr(present, name)(lang, **topics.section_args(pkg, name, values))
            minute = next((n for n in views.walk(view) if isinstance(n, views.OneMinute)), None)
            if minute is not None:
                break
        if minute is None:
            continue
        lines = []
        for text in minute.takeaways[:3]:
            head, rest = lead(text)
            lines.append({"lead": head, "rest": rest})
        link = live_link(topic.url_path, lang, None, None, base)
        entries.append({
            "title": t(topic.title_key, lang),
            "lines": lines,
            "headline": {"label": runs(minute.headline_label), "value": plain_text(minute.headline_value),
                         "help": runs(minute.headline_help), "source": _source(minute.headline_ref, lang)},
            "link": link,
        })
    home = f"{base_url(base)}/?{urlencode([('lang', lang)])}"
    return {
        "kind": "cheat",
        "title": t("briefing.cheat_title", lang),
        "lead": runs(t("briefing.cheat_lead", lang)),
        "topics": entries,
        "more": t("briefing.cheat_more", lang),
        "link": home,
        "size": 10.5,
    }


def topic_titles(lang: str) -> str:
    """'Photonics, Neuromorphic computing and AI compute' in `lang`, from `topics.TOPICS`."""
    names = [t(tp.title_key, lang) for tp in topics.TOPICS]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t('briefing.and', lang)} {names[-1]}"


def make_document(parts: list[dict[str, Any]], lang: str, *, title: str, today: date | None = None) -> dict[str, Any]:
    """The whole document's data: its parts, the fixed words, date and version, PDF metadata."""
    day = today or date.today()
    return {
        "lang": lang,
        "region": "GB" if lang == "en" else "NL",
        "title": title,
        "date": {"year": day.year, "month": day.month, "day": day.day},
        "made": t("briefing.made", lang, date=long_date(day, lang), version=version()),
        "labels": labels(lang),
        "parts": parts,
    }
