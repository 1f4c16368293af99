"""Talks: ordered steps of scenes across pages, with speaker notes (no Streamlit).

A talk lives in `data/talks.yaml` (validated by `content.schema.Talk`). This module checks that
each step names a page, a scene and a section that exist, resolves `?talk=&step=` from a link
(falling back with a notice, never failing), and builds each step's audience link: the step's
ordinary page view with its parameters, which a phone opens from the QR code.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from explainers import topics
from explainers.content import ContentError, content


@dataclass(frozen=True)
class Position:
    """Where a link puts the stage: the talk, the step (0-based), and what had to be corrected."""

    talk: object | None  # schema.Talk; None: unknown talk (show the talk index)
    step: int
    bad: tuple[str, ...] = ()


def talks() -> tuple:
    return content().talks


def find(talk_id: str | None):
    return next((t for t in talks() if t.id == talk_id), None)


def check(data_dir_content=None) -> None:
    """Raise ContentError (file, talk and step, problem) for a step that names something missing."""
    c = data_dir_content or content()
    path = c.data_dir / "talks.yaml"
    for talk in c.talks:
        for i, step in enumerate(talk.steps):
            where = f"talks[{talk.id}].steps[{i + 1}]"
            topic = topics.by_url_path(step.page)
            if topic is None:
                known = ", ".join(t.url_path for t in topics.TOPICS)
                raise ContentError(path, where, f"page '{step.page}' is not a topic page ({known})")
            pkg = topics.package(topic)
            if step.section not in pkg.SECTIONS:
                raise ContentError(path, where, f"page '{step.page}' has no section '{step.section}' "
                                                f"({', '.join(pkg.SECTIONS)})")
            if step.scene is not None and step.scene not in {s.id for s in c.scenes.get(step.page, ())}:
                raise ContentError(path, where, f"page '{step.page}' has no scene '{step.scene}'")
            _values, bad = pkg.CONTROLS.values({k: str(v) if not isinstance(v, list) else ",".join(v)
                                                for k, v in step.params.items()})
            unknown = sorted(set(step.params) - set(pkg.CONTROLS.keys))
            if unknown or bad:
                raise ContentError(path, where, f"unusable parameters: {', '.join(unknown + bad)}")


def position(talk_id: str | None, step_raw: str | None) -> Position:
    """The stage's position for `?talk=&step=` (step counted from 1 in links, from 0 here)."""
    talk = find(talk_id)
    if talk is None:
        return Position(None, 0, ("talk",))
    n = len(talk.steps)
    if step_raw is None:
        return Position(talk, 0)
    try:
        k = int(step_raw)
    except (TypeError, ValueError):
        return Position(talk, 0, ("step",))
    if k < 1:
        return Position(talk, 0, ("step",))
    if k > n:
        return Position(talk, n - 1, ("step",))
    return Position(talk, k - 1)


def step_params(step) -> dict[str, str]:
    """The URL values a step stands for: its scene, then its explicit parameters."""
    out: dict[str, str] = {}
    if step.scene:
        out["scene"] = step.scene
    for k, v in step.params.items():
        out[k] = ",".join(v) if isinstance(v, list) else str(v)
    return out


def audience_query(step, lang: str) -> str:
    """`lang=nl&scene=rack`: the step's page view as a phone opens it (no talk, no step)."""
    return urlencode({"lang": lang, **step_params(step)})


def audience_link(base_url: str, step, lang: str) -> str:
    base = base_url.rstrip("/")
    return f"{base}/{step.page}?{audience_query(step, lang)}"


def stage_query(talk_id: str, step_index: int, lang: str, *, notes: bool = False) -> str:
    q = {"talk": talk_id, "step": str(step_index + 1), "lang": lang}
    if notes:
        q["notes"] = "1"
    return urlencode(q)
