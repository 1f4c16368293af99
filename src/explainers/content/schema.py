"""Schemas of the content files in data/: what a valid file looks like.

Pydantic checks every file at start-up so that a broken file fails with its name, the key and
what is wrong, instead of a traceback somewhere in a page.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

LANGS: tuple[str, ...] = ("en", "nl")

Confidence = Literal[
    "seen: primary",
    "seen: secondary quote",
    "seen: secondary summary",
    "derived",
    "recalled, unconfirmed",
    "assumption",
]

#: Confidence levels a model default may use ("recalled, unconfirmed" never may).
DEFAULT_OK: frozenset[str] = frozenset(
    {"seen: primary", "seen: secondary quote", "seen: secondary summary", "derived", "assumption"}
)

Topic = Literal["energy", "interconnect", "neuromorphic", "ai", "photonic_computing", "policy"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalText(_Strict):
    """A text in both languages; `nl` may be empty only where `en` is empty too."""

    en: str
    nl: str

    @model_validator(mode="after")
    def _both_or_neither(self) -> LocalText:
        if self.en.strip() and not self.nl.strip():
            raise ValueError("Dutch text (nl) is missing")
        if self.nl.strip() and not self.en.strip():
            raise ValueError("English text (en) is missing")
        return self

    def __call__(self, lang: str) -> str:
        return getattr(self, lang)


class Reference(_Strict):
    """One sourced figure: the value a person sees or a model defaults to."""

    id: str = Field(pattern=r"^[A-Za-z0-9_]+$")
    topic: Topic
    quantity: LocalText
    unit: str
    context: LocalText
    source: str = Field(min_length=1)
    year: int = Field(ge=1800, le=2100)
    url: str | None = None
    confidence: Confidence
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: Literal["approx", "below", "at_most", "above", "at_least"] | None = None
    text: LocalText | None = None
    vendor_claim: bool = False

    @field_validator("value", "low", "high")
    @classmethod
    def _finite(cls, v: float | None) -> float | None:
        if v is not None and not math.isfinite(v):
            raise ValueError("must be a finite number")
        return v

    @field_validator("source")
    @classmethod
    def _real_source(cls, v: str) -> str:
        if v.strip() in {"", "-"}:
            raise ValueError("a reference needs a source")
        return v

    @model_validator(mode="after")
    def _has_content(self) -> Reference:
        if self.value is None and self.text is None:
            raise ValueError("needs a numeric 'value' or a 'text'")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError("'low' is greater than 'high'")
        return self


class ReferencesFile(_Strict):
    references: list[Reference]

    @model_validator(mode="after")
    def _unique(self) -> ReferencesFile:
        seen: set[str] = set()
        for ref in self.references:
            if ref.id in seen:
                raise ValueError(f"duplicate id '{ref.id}'")
            seen.add(ref.id)
        return self


class GlossaryTerm(_Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    topic: Literal["general", "photonics", "neuromorphic", "ai"]
    term: LocalText
    definition: LocalText


class GlossaryFile(_Strict):
    terms: list[GlossaryTerm]


class Scene(_Strict):
    """A named preset: URL parameters for one page plus a caption in both languages."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    title: LocalText
    caption: LocalText
    params: dict[str, str | int | float | list[str]]


class ScenesFile(_Strict):
    scenes: dict[str, list[Scene]]


class TalkStep(_Strict):
    """One step of a talk: a page at a scene (or explicit URL values), the section shown, the notes."""

    page: str = Field(pattern=r"^[a-z0-9-]+$")  # a url path
    section: str = Field(pattern=r"^[a-z0-9_]+$")
    scene: str | None = Field(default=None, pattern=r"^[a-z0-9_]+$")
    params: dict[str, str | int | float | list[str]] = Field(default_factory=dict)
    title: LocalText | None = None
    notes: LocalText
    predict: bool = False  # the step asks the room (the prediction box opens on stage)

    @model_validator(mode="after")
    def _notes_in_both(self) -> TalkStep:
        if not self.notes.en.strip():
            raise ValueError("speaker notes are missing")
        return self


class Talk(_Strict):
    """A talk: an ordered list of steps across pages, with a title and description in both languages."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    title: LocalText
    description: LocalText
    minutes: int = Field(ge=1, le=240)
    steps: list[TalkStep] = Field(min_length=1)


class TalksFile(_Strict):
    talks: list[Talk]

    @model_validator(mode="after")
    def _unique(self) -> TalksFile:
        ids = [talk.id for talk in self.talks]
        if len(ids) != len(set(ids)):
            raise ValueError("duplicate talk id")
        return self
