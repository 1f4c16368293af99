"""The views' inline Markdown as data for the Typst template: runs of text with bold, italic, link.

A view's sentences carry the small Markdown the page renders (`**bold lead.**`, `[source](url)`,
`*emphasis*`, backslash escapes from `citations.md_escape`). The briefing never hands that text
to Typst as markup: it is split here into runs, and the template places each run as a string
(`strong(run.t)`, `link(run.u, run.t)`), so no character in a value (`#`, `[`, `*`, `$`, `\\`,
`_`, `<`, `@`) can change the document's structure.
"""

from __future__ import annotations

import re
from typing import Any

_ESCAPABLE = set("\\`*_{}[]()#+-.!<>$|~")
_SAFE_URL = re.compile(r"^(https?://|mailto:)[^\s<>\"]+$", re.I)
_SPACE = re.compile(r"\s+")
#: A number and its unit stay on one line ("4.3 Tb/s", "200 miljard"): the space becomes a no-break space.
_NUMBER_UNIT = re.compile(r"(?<=\d) (?=[^\W\d_]|[%°×€$µΩ])")


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute web or mail link; anything else is printed as text only."""
    if not url:
        return None
    url = url.strip()
    return url if _SAFE_URL.match(url) else None


def _find_closing(text: str, start: int, marker: str) -> int:
    """Index of the next unescaped `marker` at or after `start`, or -1."""
    i = start
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            i += 2
            continue
        if text.startswith(marker, i):
            return i
        i += 1
    return -1


def _find_bracket(text: str, start: int) -> int:
    """Index of the `]` closing the `[` before `start` (nesting and escapes respected), or -1."""
    depth, i = 1, start
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            i += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _find_paren(text: str, start: int) -> int:
    """Index of the `)` closing a link target that starts at `start` (balanced parentheses), or -1."""
    depth = 1
    for i in range(start, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
        elif text[i].isspace():
            return -1
    return -1


def _runs(text: str, bold: bool, italic: bool, url: str | None, out: list[dict[str, Any]]) -> None:
    buf: list[str] = []

    def flush() -> None:
        if buf:
            out.append({"t": "".join(buf), "b": bold, "i": italic, "u": url})
            buf.clear()

    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in _ESCAPABLE:
            buf.append(text[i + 1])
            i += 2
            continue
        if text.startswith("**", i):
            end = _find_closing(text, i + 2, "**")
            if end > i + 2:
                flush()
                _runs(text[i + 2:end], True, italic, url, out)
                i = end + 2
                continue
        elif ch == "*" and not text.startswith("**", i):
            end = _find_closing(text, i + 1, "*")
            if end > i + 1 and not text[i + 1].isspace() and not text[end - 1].isspace():
                flush()
                _runs(text[i + 1:end], bold, True, url, out)
                i = end + 1
                continue
        elif ch == "[" and url is None:
            close = _find_bracket(text, i + 1)
            if close > i and text.startswith("(", close + 1):
                paren = _find_paren(text, close + 2)
                if paren > 0:
                    flush()
                    target = text[close + 2:paren].strip()
                    _runs(text[i + 1:close], bold, italic, safe_url(target) or "", out)
                    i = paren + 1
                    continue
        buf.append(ch)
        i += 1
    flush()


def runs(text: str | None) -> list[dict[str, Any]]:
    """Inline Markdown -> [{"t": text, "b": bold, "i": italic, "u": url or None}], whitespace collapsed."""
    if not text:
        return []
    out: list[dict[str, Any]] = []
    _runs(_SPACE.sub(" ", str(text)).strip(), False, False, None, out)
    for run in out:
        if run["u"] == "":
            run["u"] = None  # a link whose target is not a web address: its text only
        run["t"] = _NUMBER_UNIT.sub("\u00a0", run["t"])
    merged: list[dict[str, Any]] = []
    for run in out:
        if merged and all(merged[-1][k] == run[k] for k in ("b", "i", "u")):
            merged[-1]["t"] += run["t"]
        else:
            merged.append(run)
    return merged


def plain_text(text: str | None) -> str:
    """The text a reader sees (Markdown removed): for alt text, metadata and tests."""
    return "".join(run["t"] for run in runs(text))


def lead(text: str | None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A takeaway split into its bold lead and the rest (no lead: everything is the rest)."""
    parts = runs(text)
    if parts and parts[0]["b"]:
        rest = parts[1:]
        if rest and rest[0]["t"].startswith(" "):
            rest = [{**rest[0], "t": rest[0]["t"][1:]}, *rest[1:]]
        return [parts[0]], rest
    return [], parts
