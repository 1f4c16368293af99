"""Translated strings: `t("home.title", "nl")`, with `{name}` placeholders filled by keyword."""

from __future__ import annotations

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


def has(key: str) -> bool:
    return key in content().strings[DEFAULT_LANG]


def t(key: str, lang: str, **values: object) -> str:
    """The text for `key` in `lang` (English, then the key itself, if it is missing)."""
    strings = content().strings
    text = strings.get(lang, {}).get(key) or strings[DEFAULT_LANG].get(key) or key
    return text.format_map(_Blank(values)) if values else text
