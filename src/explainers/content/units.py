"""Quantities with their units, formatted for a language: one place for every page and document.

Unit symbols are the same in English and Dutch (SI); only the numbers change (Babel, `numbers`).
A value that is not a finite number prints `–`, never NaN.
"""

from __future__ import annotations

import math

from .numbers import fmt_num, fmt_prefixed, round_sig


def fmt_distance(m: float, lang: str, sig: int = 3) -> str:
    """'5 mm', '1,5 m', '80 km'."""
    if not math.isfinite(m):
        return fmt_num(m, lang)
    if m < 1:
        return f"{fmt_num(m * 1000, lang, sig)} mm"
    if m < 1000:
        return f"{fmt_num(m, lang, sig)} m"
    return f"{fmt_num(m / 1000, lang, sig)} km"


def fmt_rate(gbps: float, lang: str, sig: int = 3) -> str:
    """A data rate from Gb/s: '200 Gb/s', '1,6 Tb/s'."""
    if math.isfinite(gbps) and gbps >= 1000:
        return f"{fmt_num(gbps / 1000, lang, sig)} Tb/s"
    return f"{fmt_num(gbps, lang, sig)} Gb/s"


def fmt_energy(pj_per_bit: float, lang: str, sig: int = 3) -> str:
    """Energy per bit: '5,6 pJ/bit'."""
    return f"{fmt_num(pj_per_bit, lang, sig)} pJ/bit"


def fmt_pj(pj: float, lang: str, sig: int = 3) -> str:
    """Energy of one operation: '3,7 pJ'."""
    return f"{fmt_num(pj, lang, sig)} pJ"


def fmt_power(w: float, lang: str, sig: int = 3) -> str:
    """Power with a readable SI prefix: '63 mW', '2,6 kW'."""
    return fmt_prefixed(w, "W", lang, sig)


def fmt_times(x: float, lang: str, sig: int = 2) -> str:
    """A factor: '4,5×'."""
    return f"{fmt_num(x, lang, sig)}×"


def fmt_ratio(x: float, lang: str) -> str:
    """A ratio rounded as people say it (two significant figures from 100 up): 6,400 / 1,200 / 3.45."""
    if math.isfinite(x) and x >= 100:
        x = round_sig(x, 2)
    return fmt_num(x, lang, 3)


def fmt_percent(x: float, lang: str, sig: int = 3) -> str:
    """A percentage from a number of percent: '58 %' (a space before % in both languages)."""
    return f"{fmt_num(x, lang, sig)} %"
