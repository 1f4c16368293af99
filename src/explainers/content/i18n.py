"""Translated strings: `t("home.title", "nl")`, with `{name}` placeholders filled by keyword."""

from __future__ import annotations

import os

from .loader import content
from .schema import LANGS

DEFAULT_LANG = "en"


def normalise_lang(value: object) -> str | None:
    """'nl', 'NL', 'nl-BE', 'nl_NL' -> 'nl'; anything we do not speak -> None."""
    if not isinstance(value, str):
        return None
    head = value.strip().lower().replace("_", "-").split("-")[0]
    return head if head in LANGS else None


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class MissingString(KeyError):
    """A string key that exists in no language (raised only in strict mode)."""


#: Strict mode (the test suite sets EXPLAINERS_STRICT_STRINGS=1): a missing key raises instead of
#: showing the key itself. Visitors never get an exception for a missing string.
STRICT = os.environ.get("EXPLAINERS_STRICT_STRINGS", "") not in ("", "0")


def set_strict(on: bool) -> None:
    global STRICT
    STRICT = bool(on)


def has(key: str) -> bool:
    return key in content().strings[DEFAULT_LANG]


def t(key: str, lang: str, **values: object) -> str:
    """The text for `key` in `lang` (English, then the key itself, if it is missing; strict: raise).

    The one translator: every key is written out in full (`t("photonics.energy.heading", lang)`),
    so the string-key test sees each one in the code.
    """
    strings = content().strings
    text = strings.get(lang, {}).get(key) or strings[DEFAULT_LANG].get(key)
    if text is None:
        if STRICT:
            raise MissingString(key)
        text = key
    return text.format_map(_Blank(values)) if values else text
