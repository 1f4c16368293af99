"""Dutch text writes numbers the Dutch way: a decimal comma and a point between thousands
(0,9 V; 193,1 THz; 1.152 chips; 100.000 wafers). An English '100,000' reads as one hundred to a
Dutch reader, and an English '1.555 TB/s' reads as fifteen hundred.

Every `nl` field of references.yaml and scenes.yaml is checked against its `en` sibling. Version
numbers, standard names, figure and section numbers and verbatim English quotations keep the
form of their source (see ALLOWED)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from explainers.content.loader import DATA_DIR

# Spans of Dutch text whose numbers stay as the source writes them. Keep this list small and
# explicit: anything not covered here is a number in running text and must be Dutch.
ALLOWED = [
    # version numbers after a product or standard name: PCIe 5.0, UCIe 2.0, Llama 3.1, Gemini 1.0
    r"\b(?:PCIe|UCIe|CXL|NVLink|USB|Llama|Gemini|GPT)[ -]?\d+(?:\.\d+)+",
    # ITU-T and IEEE standard numbers: G.652, G.694.1, IEEE 802.3bs
    r"\bG\.\d+(?:\.\d+)*",
    r"\b802\.\d+[a-z]*",
    # figure, table and section numbers: Fig. 1.1.9, Table D.1, § 4.2
    r"(?:\b(?i:fig|figure|figuur|table|tabel|sectie|hoofdstuk)\.?|§)\s?[A-Z]?\d+(?:\.\d+)+",
    # dates written with points: 12.05.2021
    r"\b\d{1,2}\.\d{1,2}\.\d{4}\b",
    # a constant copied from source code: ABSOLUTE_REFRACTORY_PERIOD = 2.0 * b2.ms
    r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+ ?= ?[\w. *]+",
]
ALLOWED_RE = re.compile("|".join(f"(?:{p})" for p in ALLOWED))

# A quotation ('...', "...", ‘...’, “...”) that appears word for word in the English text of the
# same field is a verbatim English quotation (e.g. Horowitz's caption 'Rough energy costs for
# various operations in 45nm 0.9V'): it is reproduced as written.
QUOTE_RE = re.compile(r"""(?<!\w)(?:'([^']+)'|"([^"]+)"|‘([^’]+)’|“([^”]+)”)(?!\w)""")

# A number: digits with points or commas between them. A number glued to a letter on its left is
# part of a name (TF32, x86, HBM3E, b2) and is not a number in running text.
NUMBER_RE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")

ENGLISH_GROUPING = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+")  # 1,152 / 100,000 / 268,435,456
DUTCH_GROUPING = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")  # 1.152 / 100.000 / 268.435.456
ENGLISH_BOTH = re.compile(r"\d{1,3}(?:,\d{3})+\.\d+")  # 1,234.5


def _skipped_spans(nl: str, en: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in ALLOWED_RE.finditer(nl)]
    for m in QUOTE_RE.finditer(nl):
        quoted = next(g for g in m.groups() if g is not None)
        if quoted in en:
            spans.append(m.span())
    return spans


def english_numbers(nl: str, en: str = "") -> list[str]:
    """The numbers in Dutch text `nl` written the English way; `en` is the English text of the same
    field, which settles '2,039' (a Dutch decimal when the English says 2.039) and '1.555' (an
    English decimal copied over when the English says 1.555)."""
    skipped = _skipped_spans(nl, en)
    en_numbers = set(NUMBER_RE.findall(en))
    found = []
    for m in NUMBER_RE.finditer(nl):
        if any(start <= m.start() < end for start, end in skipped):
            continue
        token, after = m.group(), nl[m.end():m.end() + 1]
        if "," in token and "." in token:
            bad = bool(ENGLISH_BOTH.fullmatch(token))
        elif "," in token:
            # 0,775 and 2,5 are Dutch decimals; 1,152 is English grouping unless the English
            # text has the decimal 1.152
            bad = bool(ENGLISH_GROUPING.fullmatch(token)) and not (
                token.count(",") == 1 and token.replace(",", ".") in en_numbers)
        elif "." in token:
            # 16.384 and 1.036.800 are Dutch grouping; 0.9, 193.1, 2.039e12 and a copied 1.555 are not
            bad = not DUTCH_GROUPING.fullmatch(token) or after in ("e", "E") or (
                token.count(".") == 1 and token in en_numbers)
        else:
            bad = False
        if bad:
            found.append(token)
    return found


def dutch_fields(tree, path: str = "") -> Iterator[tuple[str, str, str]]:
    """(key, Dutch text, English text) for every {en, nl} pair in a parsed content file."""
    if isinstance(tree, dict):
        if isinstance(tree.get("nl"), str):
            yield path, tree["nl"], str(tree.get("en") or "")
        for key, value in tree.items():
            if key not in ("en", "nl"):
                yield from dutch_fields(value, f"{path}.{key}" if path else str(key))
    elif isinstance(tree, list):
        for i, item in enumerate(tree):
            name = item.get("id", i) if isinstance(item, dict) else i
            yield from dutch_fields(item, f"{path}[{name}]")


def violations(path: Path) -> list[str]:
    """'key: numbers | text' for every Dutch field of a content file with English numbers."""
    tree = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for key, nl, en in dutch_fields(tree):
        bad = english_numbers(nl, en)
        if bad:
            out.append(f"{key}: {', '.join(bad)} | {nl}")
    return out


FILES = ["references.yaml", "scenes.yaml"]


@pytest.mark.parametrize("name", FILES)
def test_dutch_fields_write_numbers_the_dutch_way(name):
    bad = violations(DATA_DIR / name)
    assert not bad, f"{name}: {len(bad)} Dutch field(s) with English numbers:\n" + "\n".join(bad)


@pytest.mark.parametrize("name", FILES)
def test_dutch_fields_say_e_a_not_et_al(name):
    tree = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
    bad = []
    for key, nl, en in dutch_fields(tree):
        text = nl
        for start, end in sorted(_skipped_spans(nl, en), reverse=True):
            text = text[:start] + text[end:]
        if re.search(r"\bet al\b", text):
            bad.append(f"{key}: {nl}")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize(("nl", "en", "expected"), [
    ("100,000+ wafers per jaar", "100,000+ wafers per year", ["100,000"]),
    ("verankerd op 193.1 THz", "anchored at 193.1 THz", ["193.1"]),
    ("1,152 Loihi 2-chips, 140,544 kernen", "1,152 Loihi 2 chips, 140,544 cores", ["1,152", "140,544"]),
    ("256 miljoen (268,435,456)", "", ["268,435,456"]),
    ("40GB-versie 1.555 TB/s", "40GB version 1.555 TB/s", ["1.555"]),
    ("6ND geeft 3.15e23; 2.039e12", "", ["3.15", "2.039"]),
    ("4.5x", "", ["4.5"]),
    ("100.000+ wafers, 1.152 chips, 1.036.800 kernen", "1,152 chips", []),
    ("0,9 V; 193,1 THz; ~0,775 V; 2,039 TB/s", "0.9 V; 193.1 THz; ~0.775 V; 2.039 TB/s", []),
    ("op 1.024 A100's, 4096 × 4096", "on 1,024 A100s", []),
    ("PCIe 5.0, UCIe 1.1, IEEE 802.3bs, G.652, G.694.1, DDR5, HBM3e, TF32, x86", "", []),
    ("ISSCC 2014, pp. 10-14, Fig. 1.1.9, § 4.2, Table D.1, Llama 3.1 405B", "", []),
    ("bijschrift: 'Rough energy costs for various operations in 45nm 0.9V'",
     "caption 'Rough energy costs for various operations in 45nm 0.9V'", []),
    ("een eigen citaat: 'bij 0.9V'", "own words at 0.9 V", ["0.9"]),
    ("ABSOLUTE_REFRACTORY_PERIOD = 2.0 * b2.ms in de oefencode", "", []),
])
def test_the_checker(nl, en, expected):
    assert english_numbers(nl, en) == expected
