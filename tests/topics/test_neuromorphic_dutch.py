"""The Dutch of the Neuromorphic page: 'e.a.' (not 'et al.'), compounds such as '32-bitsgetallen',
and 'neuron' as a het-word ('het neuron', 'een spikend neuron', 'elk neuron'; 'het' and not 'hij'
for it). Checked over every Dutch string of the page and its scene captions, and over the views."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from explainers import topics, views
from explainers.topics import neuromorphic as nx

DATA = Path(__file__).resolve().parents[2] / "data"

#: (what is wrong, pattern). Plural 'de neuronen' is right, and so is 'per neuron'.
MISTAKES: tuple[tuple[str, str], ...] = (
    ("'et al.' is 'e.a.' in Dutch", r"\bet al\b"),
    ("a number of bits before a noun is one compound word ('32-bitsgetallen', '8-bitsgewichten')",
     r"\b\d+-bits? (?:getal|getallen|gewicht|gewichten|ontwerp)\b"),
    ("'neuron' is a het-word: 'het neuron'", r"\bde (?:\w+e )?neuron\b"),
    ("'neuron' is a het-word: 'elk neuron', 'dit neuron'", r"\b(?:elke|deze|die) (?:\w+e )?neuron\b"),
    ("'neuron' is a het-word: 'een spikend neuron' (no -e after 'een')", r"\been \w+ende neuron\b"),
    ("'neuron' is a het-word: 'vuurt het', not 'vuurt hij'", r"\bneuron\b[^.;:]*\bvuurt hij\b"),
)


def _strings(tree, path=""):
    if isinstance(tree, dict):
        for k, v in tree.items():
            yield from _strings(v, f"{path}.{k}" if path else str(k))
    elif isinstance(tree, str):
        yield path, tree


def _dutch_texts():
    nl = yaml.safe_load((DATA / "i18n" / "neuromorphic" / "nl.yaml").read_text(encoding="utf-8"))
    yield from _strings(nl, "nl.yaml")
    scenes = yaml.safe_load((DATA / "scenes.yaml").read_text(encoding="utf-8"))["scenes"][nx.PAGE]
    for scene in scenes:
        yield f"scenes.{scene['id']}.caption", scene["caption"]["nl"]
        yield f"scenes.{scene['id']}.title", scene["title"]["nl"]


@pytest.mark.parametrize(("why", "pattern"), MISTAKES, ids=[w.split(":")[0][:40] for w, _ in MISTAKES])
def test_dutch_strings_of_the_page(why, pattern):
    rx = re.compile(pattern, re.IGNORECASE)
    bad = [f"{where}: {rx.search(text).group()!r}" for where, text in _dutch_texts() if rx.search(text)]
    assert not bad, f"{why}:\n" + "\n".join(bad)


def _page_texts(view) -> list[str]:
    """The view's Dutch sentences; the sources line quotes each citation as published ('Le Gallo et al.')."""
    citations = getattr(getattr(view, "sources", None), "text", None)
    return [x for x in views.texts(view) if x != citations]


def test_dutch_views_in_every_state_are_free_of_the_same_mistakes():
    scenes = [None, *(s for s in ("dram_stream", "sram_layer", "analog_tile", "quiet_sensor", "busy_network"))]
    texts = [text for scene in scenes for name in nx.SECTIONS
             for text in _page_texts(topics.view("neuromorphic", name, "nl", scene=scene))]
    for why, pattern in MISTAKES:
        rx = re.compile(pattern, re.IGNORECASE)
        assert not [x for x in texts if rx.search(x)], why


def test_the_neuron_section_speaks_of_het_neuron():
    view = topics.view("neuromorphic", "neuron", "nl", {"i_na": "1"})  # below the rheobase: silent
    assert "het neuron blijft stil" in view.membrane.summary
    assert "vuurt het nooit" in topics.view("neuromorphic", "neuron", "nl").fi.summary
