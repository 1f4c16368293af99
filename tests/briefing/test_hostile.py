"""Text from content files or a link never changes the document's structure: hostile strings in
every kind of view text are printed as themselves, and the briefing keeps its shape and page limit."""

from __future__ import annotations

import dataclasses
import re

import pytest

from explainers import briefing, topics, views
from explainers.briefing.markup import plain_text, runs
from explainers.content import content

from .conftest import BASE, reader, squeeze, text_of

#: Typst markup, code, math, labels, references and escapes, plus Markdown the page itself renders.
HOSTILE = ('#set page(width: 1cm) #pagebreak() #import "x.typ" $x^2$ \\ <lab> @ref _u_ ] ) } '
           '#{panic("boom")} [x](javascript:alert(1)) `raw`')
LITERAL = ['#set page(width: 1cm)', '#pagebreak()', '#import "x.typ"', '$x^2$', '<lab>', '@ref', '#{panic("boom")}']


def _poison(node, bad: str = HOSTILE):
    """The view with `bad` prepended to every text a person reads (recipes left alone)."""
    if isinstance(node, views.Figure):
        return dataclasses.replace(node, summary=bad + " " + node.summary)
    if isinstance(node, str):
        return bad + " " + node
    if isinstance(node, tuple):
        return tuple(_poison(x, bad) for x in node)
    if isinstance(node, list):
        return [_poison(x, bad) for x in node]
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        changes = {}
        for f in dataclasses.fields(node):
            value = getattr(node, f.name)
            if f.name in ("claim", "key", "icon", "kind", "headline_ref"):
                continue
            if isinstance(node, views.VLine) and f.name != "label":
                continue
            if isinstance(node, views.ModelView) and f.name == "equations":
                changes[f.name] = tuple(bad for _ in value)  # not LaTeX mathtext can read: printed as source
                continue
            changes[f.name] = _poison(value, bad)
        return dataclasses.replace(node, **changes)
    return node


class _Poisoned:
    def __init__(self, module, bad: str = HOSTILE):
        self._module, self._bad = module, bad

    def __getattr__(self, name):
        fn = getattr(self._module, name)
        return (lambda *a, **kw: _poison(fn(*a, **kw), self._bad)) if callable(fn) else fn


@pytest.fixture()
def poisoned(monkeypatch):
    real = topics.module

    def module(topic, name):
        mod = real(topic, name)
        return _Poisoned(mod) if name == "present" else mod

    monkeypatch.setattr(topics, "module", module)
    strings = content().strings
    for lang in ("en", "nl"):
        for tp in topics.TOPICS:
            monkeypatch.setitem(strings[lang], tp.title_key, HOSTILE + " " + strings[lang][tp.title_key])
    _forget()
    yield
    _forget()


def _forget() -> None:
    """Drop what the briefing keeps between calls (charts per recipe, text size per page)."""
    briefing.document._CHARTS.clear()
    briefing.page_size.cache_clear()


A4 = (595.28, 841.89)


def _a4(pdf: bytes) -> bool:
    return all(abs(float(p.mediabox.width) - A4[0]) < 1 and abs(float(p.mediabox.height) - A4[1]) < 1
               for p in reader(pdf).pages)


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("page", [tp.url_path for tp in topics.TOPICS])
def test_hostile_view_texts_are_printed_as_text(poisoned, page, lang):
    """Every text is twice as long here, so a third page may be needed; a `#pagebreak()` that ran
    would add one page per text, and `#set page(width: 1cm)` would change the paper."""
    pdf = briefing.topic_pdf(page, lang, base=BASE)
    pages = len(reader(pdf).pages)
    assert 1 <= pages <= 3, f"{pages} pages"
    assert _a4(pdf)
    text = squeeze(text_of(pdf))
    for literal in LITERAL:
        assert squeeze(literal) in text, f"{literal!r} was not printed as itself"
    targets = re.findall(rb"/URI\s*\(([^)]*)\)", pdf)
    assert targets and all(t.startswith((b"http://", b"https://")) for t in targets), targets


def test_hostile_cheat_sheet_keeps_its_shape(poisoned):
    for lang in ("en", "nl"):
        pdf = briefing.cheat_sheet_pdf(lang, base=BASE)
        assert len(reader(pdf).pages) <= 2 and _a4(pdf)
        assert squeeze("#set page(width: 1cm)") in squeeze(text_of(pdf))


SHORT = "#[*]$\\<@_"


@pytest.mark.parametrize("page", [tp.url_path for tp in topics.TOPICS])
def test_markup_characters_in_every_text_keep_the_page_limit(monkeypatch, page):
    """A few markup characters in every text: still two pages, all printed as themselves."""
    real = topics.module
    monkeypatch.setattr(topics, "module", lambda tp, name: _Poisoned(real(tp, name), SHORT) if name == "present"
                        else real(tp, name))
    _forget()
    try:
        pdf = briefing.topic_pdf(page, "nl", base=BASE)
    finally:
        _forget()
    assert 1 <= len(reader(pdf).pages) <= 2 and _a4(pdf)
    assert squeeze(plain_text(SHORT)) in squeeze(text_of(pdf))  # as the page shows it (Markdown escapes)


def test_links_only_to_web_addresses():
    assert runs("[a](javascript:alert(1)) and [b](https://example.org/x)") == [
        {"t": "a and ", "b": False, "i": False, "u": None},
        {"t": "b", "b": False, "i": False, "u": "https://example.org/x"},
    ]


def test_markdown_runs():
    assert runs("**Lead.** rest \\*not bold\\* and *em*") == [
        {"t": "Lead.", "b": True, "i": False, "u": None},
        {"t": " rest *not bold* and ", "b": False, "i": False, "u": None},
        {"t": "em", "b": False, "i": True, "u": None},
    ]
    assert runs("unclosed **bold and [link(") == [{"t": "unclosed **bold and [link(", "b": False, "i": False, "u": None}]


def test_hostile_url_values_never_reach_the_pdf():
    pdf = briefing.topic_pdf("photonics", "en", {"d_m": "#set page(width: 1cm)", "links": "<x>,$y$", "n": "@ref"},
                             base=BASE)
    text = text_of(pdf)
    assert "#set" not in text and "$y$" not in text and "@ref" not in text
    assert len(reader(pdf).pages) <= 2
