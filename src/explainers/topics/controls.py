"""A topic's URL keys, declared once: key, kind, range or choices, default (no Streamlit).

The page's widgets (`ui.state.control`), the fuzz tests, the briefing and the presenter's stage all
read a link's parameters through the same declaration, so a value is validated in one place:

    from explainers.topics import photonics
    values, bad = photonics.CONTROLS.values({"d_m": "3", "rate": "banana"})   # rate falls back, bad == ["rate"]

Defaults may name a reference row (`default_ref`), read when first asked for, so importing a topic
package reads no content file (the frame must be able to report a broken file first).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from explainers.content.numbers import log_steps  # noqa: F401  (re-exported: the one log-steps helper)

MAX_RAW = 200  # longer URL values are rejected without parsing
REPEATED = "\x00repeated"  # stands for `?k=a&k=b`: ambiguous, so never a valid value

KINDS = ("stepped", "int", "float", "choice", "multi", "toggle", "text")


# --- parsers: str -> value or None ---------------------------------------------------------


def parse_float(lo: float, hi: float) -> Callable[[str], float | None]:
    def parse(raw: str) -> float | None:
        try:
            x = float(raw)
        except (TypeError, ValueError):
            return None
        if not math.isfinite(x) or not lo <= x <= hi:
            return None
        return x

    return parse


def parse_int(lo: int, hi: int) -> Callable[[str], int | None]:
    def parse(raw: str) -> int | None:
        try:
            x = float(raw)
        except (TypeError, ValueError):
            return None
        if not math.isfinite(x) or x != int(x) or not lo <= x <= hi:
            return None
        return int(x)

    return parse


def parse_choice(options: Sequence[str]) -> Callable[[str], str | None]:
    allowed = set(options)
    return lambda raw: raw if raw in allowed else None


def parse_multi(options: Sequence[str]) -> Callable[[str], list[str] | None]:
    allowed = list(options)

    def parse(raw: str) -> list[str] | None:
        parts = [p for p in raw.split(",") if p] if raw else []
        if any(p not in allowed for p in parts):
            return None
        return [o for o in allowed if o in parts]  # canonical order, no repeats

    return parse


def parse_nearest(options: Sequence[float]) -> Callable[[str], float | None]:
    """A number in range snaps to the nearest option (so 1.9 m on a 1-2-5 grid becomes 2 m)."""
    lo, hi = min(options), max(options)

    def parse(raw: str) -> float | None:
        x = parse_float(lo, hi)(raw)
        if x is None:
            return None
        return min(options, key=lambda o: abs(math.log(o / x)) if o > 0 and x > 0 else abs(o - x))

    return parse


def parse_toggle(raw: str) -> bool | None:
    return {"1": True, "0": False, "true": True, "false": False}.get(raw)


def parse_text(max_chars: int) -> Callable[[str], str | None]:
    return lambda raw: raw if len(raw) <= max_chars and raw.isprintable() else None


def canonical(value: Any) -> str:
    """A value as the URL holds it (`a,b` for several slugs, `1`/`0` for a toggle, `%g` for floats)."""
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return f"{value:g}" if math.isfinite(value) else str(value)
    return str(value)


# --- one control ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Control:
    """One URL key of a page.

    kind: `stepped` (a number snapped to `options`), `int`/`float` (within `lo`..`hi`), `choice`
    (one slug of `options`), `multi` (several slugs), `toggle`, `text` (at most `max_chars`).
    The default is `default`, or the value of reference row `default_ref` (cast to the kind).
    """

    key: str
    kind: str
    default: Any = None
    default_ref: str | None = None
    options: tuple = ()
    lo: float | None = None
    hi: float | None = None
    step: float | None = None
    max_chars: int = 80

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"control {self.key}: unknown kind {self.kind!r}")
        if (self.default is None) == (self.default_ref is None) and self.kind != "text":
            raise ValueError(f"control {self.key}: give exactly one of default and default_ref")

    def default_value(self) -> Any:
        if self.default_ref is None:
            return list(self.default) if self.kind == "multi" else self.default
        from explainers.content import value

        x = value(self.default_ref)
        if self.kind == "int":
            return int(x)
        if self.kind == "stepped":  # the option nearest the sourced value
            return self.parser()(canonical(float(x)))
        return float(x)

    def parser(self) -> Callable[[str], Any | None]:
        if self.kind == "stepped":
            return parse_nearest(self.options)
        if self.kind == "int":
            return parse_int(int(self.lo), int(self.hi))
        if self.kind == "float":
            return parse_float(self.lo, self.hi)
        if self.kind == "choice":
            return parse_choice(self.options)
        if self.kind == "multi":
            return parse_multi(self.options)
        if self.kind == "toggle":
            return parse_toggle
        return parse_text(self.max_chars)

    def parse(self, raw: str | None) -> Any | None:
        """The value a URL string stands for, or None when it cannot be used."""
        if raw is None or len(raw) > MAX_RAW or raw == REPEATED:
            return None
        return self.parser()(raw)


# --- a page's controls ----------------------------------------------------------------------


class Controls(tuple):
    """The declared controls of a page, in page order, with lookup by URL key."""

    def __new__(cls, items: Iterable[Control]):
        items = tuple(items)
        keys = [c.key for c in items]
        if len(keys) != len(set(keys)):
            raise ValueError(f"repeated URL keys: {keys}")
        return super().__new__(cls, items)

    def __getitem__(self, item):  # controls["d_m"] or controls[0]
        if isinstance(item, str):
            for c in self:
                if c.key == item:
                    return c
            raise KeyError(item)
        return super().__getitem__(item)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self)

    def defaults(self) -> dict[str, Any]:
        return {c.key: c.default_value() for c in self}

    def values(self, params: Mapping[str, str | None], base: Mapping[str, Any] | None = None
               ) -> tuple[dict[str, Any], list[str]]:
        """The controls' values for URL parameters: (values, keys whose value could not be used).

        `base` (a scene's values, say) replaces defaults; explicit parameters win over both.
        """
        out = self.defaults()
        if base:
            for key, raw in base.items():
                if key in out:
                    parsed = self[key].parse(canonical(raw))
                    if parsed is not None:
                        out[key] = parsed
        bad: list[str] = []
        for c in self:
            if c.key not in params:
                continue
            parsed = c.parse(params[c.key])
            if parsed is None:
                bad.append(c.key)
            else:
                out[c.key] = parsed
        return out, bad
