"""The robustness harness: every headline, recomputed with its inputs across their sources' range
and with each alternative source, either holds (no flipped verdict, within 2×) or states a range
that covers every case. And every claim a view makes in big type is registered, so none skips it."""

from __future__ import annotations

import pytest

from explainers import topics, views
from explainers.content import content
from explainers.topics import claims

HEADLINES = claims.headlines()


def _view(h: claims.Headline):
    return lambda: topics.view(h.topic, h.section, "en", dict(h.params), h.scene)


@pytest.mark.parametrize("h", HEADLINES, ids=[h.id for h in HEADLINES])
def test_headline_holds_across_its_sources(h):
    base_view = _view(h)()
    base, moved = claims.evaluate(h, _view(h))
    assert h.inputs or h.alternatives, f"{h.id}: a headline rests on some figure"
    assert moved, f"{h.id}: none of its inputs has a range or an alternative to test it with"
    assert not claims.problems(h, base_view, base, moved), claims.problems(h, base_view, base, moved)


def _claims_shown() -> set[tuple[str, str]]:
    """(topic, claim id) of every readout and one-minute box, in every state the tests open."""
    found = set()
    for tp in topics.TOPICS:
        pkg = topics.package(tp)
        scenes = [None, *(s.id for s in content().scenes.get(tp.url_path, ()))]
        for scene in scenes:
            for name in pkg.SECTIONS:
                for lang in ("en", "nl"):
                    for part in views.walk(topics.view(tp, name, lang, scene=scene)):
                        if isinstance(part, (views.Readout, views.OneMinute)) and part.claim:
                            found.add((tp.package, part.claim))
    return found


def test_every_claim_a_view_makes_is_registered_and_every_one_minute_box_makes_one():
    registered = {h.id for h in HEADLINES}
    shown = _claims_shown()
    assert {c for _t, c in shown} <= registered, sorted({c for _t, c in shown} - registered)
    for tp in topics.TOPICS:
        box = topics.view(tp, "one_minute", "en")
        assert box.claim in registered, f"{tp.package}: the one-minute headline is not registered"
        assert any(t == tp.package for t, _c in shown)
