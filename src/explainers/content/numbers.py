"""Locale-aware number formatting (Babel): Dutch 1.234,5 and English 1,234.5.

Everything on screen goes through here so that a page never prints NaN, infinity or a raw float.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from functools import lru_cache

from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

LOCALES = {"en": "en_GB", "nl": "nl_NL"}
DASH = "–"  # shown for a value that is not a finite number
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["en"])


@lru_cache(maxsize=8)
def _symbols(lang: str) -> tuple[str, str, str]:
    """Decimal mark, group separator and minus sign of the language, from Babel's CLDR data.

    Digits are laid out by Python (grouping by three, as both locales do); asking Babel to format
    every number cost ~25 µs a call, and a page formats hundreds of numbers per change.
    """
    locale = _locale(lang)
    return get_decimal_symbol(locale), get_group_symbol(locale), get_minus_sign_symbol(locale)


def _finite(x: object) -> float | None:
    """`x` as a finite float, or None for NaN, infinity and anything that is not a number."""
    try:
        value = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def decimals_for(x: float, sig: int) -> int:
    """Decimals needed to show `x` with `sig` significant figures (never negative)."""
    if x == 0 or not math.isfinite(x):
        return 0
    return max(0, sig - 1 - math.floor(math.log10(abs(x))))


def fmt_num(x: float, lang: str, sig: int = 3, decimals: int | None = None) -> str:
    """A number with grouping for the language: `fmt_num(1234.5, "nl")` -> '1.234,5' (sig=5)."""
    x = _finite(x)
    if x is None:
        return DASH
    if abs(x) >= 1e15:  # beyond this, a row of digits is noise: use scientific notation
        return fmt_sci(x, lang, sig)
    places = decimals_for(x, sig) if decimals is None else max(0, decimals)
    x = round(x, places)
    if x == 0:
        x = 0.0  # no "-0"
    decimal, group, minus = _symbols(lang)
    text = f"{x:,.{places}f}".translate({ord(","): "\0", ord("."): decimal, ord("-"): minus}).replace("\0", group)
    if places and decimals is None:
        # Trim trailing zeros a significant-figure format adds ("2,50" -> "2,5"), keep the comma form.
        if decimal in text:
            text = text.rstrip("0").rstrip(decimal)
    return text


def fmt_sci(x: float, lang: str, sig: int = 3) -> str:
    """Scientific notation with a real superscript: '3,14 × 10²³'."""
    x = _finite(x)
    if x is None:
        return DASH
    if x == 0:
        return "0"
    # Let Python round in decimal (f"{x:.2e}"), which handles carries (9.996e5 -> 1.00e+06) and
    # subnormal numbers that 10**exp arithmetic would turn into a division by zero.
    mantissa_text, exp_text = f"{x:.{max(sig, 1) - 1}e}".split("e")
    mantissa, exp = float(mantissa_text), int(exp_text)
    if exp == 0:
        return fmt_num(mantissa, lang, sig)
    return f"{fmt_num(mantissa, lang, sig)} × 10{str(exp).translate(_SUPERSCRIPT)}"


def fmt_auto(x: float, lang: str, sig: int = 3) -> str:
    """Plain digits between 0.001 and a million, scientific notation outside."""
    x = _finite(x)
    if x is None:
        return DASH
    if x == 0 or 1e-3 <= abs(x) < 1e6:
        return fmt_num(x, lang, sig)
    return fmt_sci(x, lang, sig)


def fmt_count(x: float, lang: str, sig: int = 3) -> str:
    """Large counts in words, as people say them: '175 billion' / '175 miljard'; beyond that, 10ⁿ."""
    from .i18n import t  # (numbers are formatted before any text is needed; import when used)

    value = _finite(x)
    if value is None:
        return DASH
    if abs(value) >= 1e15:
        return fmt_sci(value, lang, sig)
    for scale, key in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return t(f"num.{key}", lang, x=fmt_num(value / scale, lang, sig))
    return fmt_num(value, lang, sig)


_PREFIXES = ((1e9, "G"), (1e6, "M"), (1e3, "k"), (1.0, ""), (1e-3, "m"), (1e-6, "µ"), (1e-9, "n"))  # stops at n: the brain is "0.23 nW per neuron"


def fmt_prefixed(x: float, unit: str, lang: str, sig: int = 3) -> str:
    """A quantity with an SI prefix that keeps 1–999 in front: 0.063 W -> '63 mW', 2600 W -> '2.6 kW'."""
    value = _finite(x)
    if value is None:
        return f"{DASH} {unit}"
    for factor, prefix in _PREFIXES:
        if abs(value) >= factor:
            return f"{fmt_num(value / factor, lang, sig)} {prefix}{unit}"
    factor, prefix = _PREFIXES[-1]
    return f"{fmt_num(value / factor, lang, sig)} {prefix}{unit}"


def fmt_range(low: float, high: float, lang: str, sig: int = 3) -> str:
    """'1.300–2.600' for a range where sources disagree."""
    return f"{fmt_auto(low, lang, sig)}{DASH}{fmt_auto(high, lang, sig)}"


def plotly_separators(lang: str) -> str:
    """Plotly's `separators`: decimal mark then thousands mark, matching `fmt_num`."""
    return ",." if lang == "nl" else ".,"


def log_steps(lo_exp: int, hi_exp: int, mantissas: Sequence[float] = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8),
              *, top: bool = True) -> tuple[float, ...]:
    """Positions of a log-scale slider: each mantissa × 10^e for e in lo_exp..hi_exp-1, then 10^hi_exp.

    log_steps(-3, 5) runs 1 mm, 1,2 mm, … 80 km, 100 km (in metres); positions, not figures.
    """
    steps = [float(f"{m * 10.0 ** e:.6g}") for e in range(lo_exp, hi_exp) for m in mantissas]
    if top:
        steps.append(float(f"{10.0 ** hi_exp:.6g}"))
    return tuple(steps)


def round_sig(x: float, sig: int) -> float:
    """x rounded to `sig` significant figures (29,427 -> 29,000 for sig=2), for "about" numbers."""
    if x == 0 or not math.isfinite(x):
        return x
    return round(x, sig - 1 - math.floor(math.log10(abs(x))))
