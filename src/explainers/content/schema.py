"""Schemas of the content files in data/: what a valid file looks like.

Pydantic checks every file at start-up so that a broken file fails with its name, the key and
what is wrong, instead of a traceback somewhere in a page.
"""

from __future__ import annotations

import math
import re
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


# --- the quiz (data/quiz.yaml): questions whose numeric answers the models compute -----------------


def _both_languages(text: LocalText, what: str) -> None:
    if not text.en.strip() or not text.nl.strip():
        raise ValueError(f"{what} needs a text in both languages (en and nl)")


class QuizLink(_Strict):
    """Where a question's answer is shown: a page (url path), optionally at a scene and URL values."""

    page: str = Field(pattern=r"^[a-z0-9-]+$")
    scene: str | None = Field(default=None, pattern=r"^[a-z0-9_]+$")
    params: dict[str, str | int | float | list[str]] = Field(default_factory=dict)


class QuizOption(_Strict):
    """One option of a multiple-choice question, with why it is right or why it tempts."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    text: LocalText
    why: LocalText

    @model_validator(mode="after")
    def _complete(self) -> QuizOption:
        _both_languages(self.text, "an option")
        _both_languages(self.why, "an option's explanation")
        return self


class QuizQuestion(_Strict):
    """A question: an estimate on a log-scale slider (`range`, scored by how many times off) or a
    choice (`options`); its answer named by a function of the quiz's answer registry (`answer`,
    `params`: never the number itself), or, for a choice, by `correct`."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    kind: Literal["estimate", "choice"]
    question: LocalText
    why: LocalText | None = None  # an estimate's one sentence on why ({answer} is the model's figure)
    answer: str | None = Field(default=None, pattern=r"^[a-z_]+\.[a-z0-9_]+$")
    params: dict[str, str | int | float | list[str]] = Field(default_factory=dict)
    range: tuple[float, float] | None = None  # the slider's ends (an estimate)
    options: list[QuizOption] = Field(default_factory=list)
    correct: str | None = None  # a choice's right option, unless `answer` computes it
    link: QuizLink
    refs: list[str] = Field(min_length=1)  # the reference ids the answer uses

    @model_validator(mode="after")
    def _consistent(self) -> QuizQuestion:
        _both_languages(self.question, "a question")
        if self.kind == "estimate":
            if self.answer is None:
                raise ValueError("an estimate needs an 'answer' (a function of the answer registry)")
            if self.range is None:
                raise ValueError("an estimate needs a 'range' [low, high] for its slider")
            lo, hi = self.range
            if not (math.isfinite(lo) and math.isfinite(hi) and 0 < lo and hi >= 10 * lo):
                raise ValueError("'range' must be two positive numbers, the second at least 10 times the first")
            if self.why is None:
                raise ValueError("an estimate needs a 'why' (one sentence)")
            _both_languages(self.why, "a 'why'")
            if self.options or self.correct is not None:
                raise ValueError("an estimate has no 'options' or 'correct'")
        else:
            if len(self.options) < 2:
                raise ValueError("a choice needs at least two options")
            ids = [o.id for o in self.options]
            if len(ids) != len(set(ids)):
                raise ValueError("duplicate option id")
            if (self.correct is None) == (self.answer is None):
                raise ValueError("a choice needs exactly one of 'correct' and 'answer'")
            if self.correct is not None and self.correct not in ids:
                raise ValueError(f"'correct' names no option ({', '.join(ids)})")
            if self.range is not None:
                raise ValueError("a choice has no 'range'")
        return self


class QuizTopic(_Strict):
    """The questions on one topic; `hidden_until_page`: shown only once that page (url path) exists."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    title: LocalText
    page: str = Field(pattern=r"^[a-z0-9-]+$")  # the page the topic is about (url path)
    hidden_until_page: str | None = Field(default=None, pattern=r"^[a-z0-9-]+$")
    questions: list[QuizQuestion] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> QuizTopic:
        _both_languages(self.title, "a topic's title")
        ids = [q.id for q in self.questions]
        if len(ids) != len(set(ids)):
            raise ValueError("duplicate question id")
        return self


class QuizFile(_Strict):
    """data/quiz.yaml: the topics of the quiz page, and one "predict first" question per page."""

    topics: list[QuizTopic] = Field(min_length=1)
    predict: dict[str, QuizQuestion] = Field(default_factory=dict)  # url path -> its question

    @model_validator(mode="after")
    def _unique(self) -> QuizFile:
        ids = [topic.id for topic in self.topics]
        if len(ids) != len(set(ids)):
            raise ValueError("duplicate topic id")
        bad = [page for page in self.predict if not re.fullmatch(r"[a-z0-9-]+", page)]
        if bad:
            raise ValueError(f"'predict' is keyed by a page's url path, not '{bad[0]}'")
        return self
