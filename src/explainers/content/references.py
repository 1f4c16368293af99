"""Look up sourced figures by id: the only way a number reaches a model or the screen."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache

from .loader import content
from .numbers import fmt_auto, fmt_range
from .schema import DEFAULT_OK, Reference


#: How a source bounded its figure ("<5", "~20", ">15") stays visible wherever the figure is shown.
QUALIFIER_MARK = {"approx": "≈ ", "below": "< ", "at_most": "≤ ", "above": "> ", "at_least": "≥ "}


def ref(ref_id: str) -> Reference:
    """The reference row `ref_id` (KeyError names the missing id)."""
    try:
        return content().references[ref_id]
    except KeyError:
        raise KeyError(f"unknown reference id '{ref_id}' (data/references.yaml)") from None


_OVERRIDES: dict[str, float] = {}


def _clear_caches() -> None:
    """Forget every cached result of the app's pure layers (functools caches), so the next call
    reads the references again."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("explainers.") or name.startswith(("explainers.ui", "explainers.content.loader")):
            continue  # (the loaded files themselves do not change)
        for attr in list(vars(module).values()):
            clear = getattr(attr, "cache_clear", None)
            if callable(clear) and getattr(attr, "__module__", None) == name:
                clear()


@contextmanager
def overridden(values: Mapping[str, float]) -> Iterator[None]:
    """Within the block, `value(id)` and `default_values()` give these figures instead of the file's.

    For the robustness harness: move a figure across its sources' range (low/high) or swap in an
    alternative source, and recompute a headline through the same views the page shows. Cached
    results of the pure layers are forgotten on the way in and out. Not for use inside the app.
    """
    for rid in values:
        ref(rid)  # unknown ids fail here, not silently
    saved = dict(_OVERRIDES)
    _OVERRIDES.update({rid: float(v) for rid, v in values.items()})
    _clear_caches()
    try:
        yield
    finally:
        _OVERRIDES.clear()
        _OVERRIDES.update(saved)
        _clear_caches()


def value(ref_id: str) -> float:
    """The numeric value of a reference that may serve as a default."""
    if ref_id in _OVERRIDES:
        return _OVERRIDES[ref_id]
    row = ref(ref_id)
    if row.value is None:
        raise ValueError(f"reference '{ref_id}' has no numeric value")
    if row.confidence not in DEFAULT_OK:
        raise ValueError(f"reference '{ref_id}' is '{row.confidence}' and cannot be a default")
    return row.value


@lru_cache(maxsize=1)
def default_values() -> dict[str, float]:
    """{id: value} of every numeric reference that may be a model default (models take this)."""
    found = {
        rid: row.value
        for rid, row in content().references.items()
        if row.value is not None and row.confidence in DEFAULT_OK
    }
    return {**found, **_OVERRIDES}


def shown(ref_id: str, lang: str, sig: int = 3) -> str:
    """The value as a person should read it: the range where sources disagree, with its unit."""
    row = ref(ref_id)
    if row.low is not None and row.high is not None:
        number = fmt_range(row.low, row.high, lang, sig)
    elif row.value is not None:
        number = QUALIFIER_MARK.get(row.qualifier or "", "") + fmt_auto(row.value, lang, sig)
    else:
        return row.text(lang) if row.text else ""
    unit = unit_label(row.unit, lang)
    if not unit:
        return number
    return f"{number}{unit}" if unit.startswith("×") else f"{number} {unit}"


def unit_label(unit: str, lang: str) -> str:
    """The unit as written in `lang` ('EUR million' -> 'miljoen euro'); most units are universal."""
    if unit in {"-", ""}:
        return ""
    strings = content().strings.get(lang, {})
    return strings.get(f"units.{unit}", unit)


def source_text(ref_id: str, lang: str, *, with_reason: bool = False) -> str:
    """Who says so, in `lang`: the citation, or for our own modelling choices a translated label
    (with the reason, from the row's bilingual context, when asked)."""
    row = ref(ref_id)
    if row.confidence != "assumption":
        return row.source
    label = content().strings.get(lang, {}).get("anatomy.assumption_source", "Modelling assumption")
    reason = row.context(lang)
    return f"{label}: {reason}" if with_reason and reason else label
