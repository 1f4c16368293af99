"""The photonics behind optical links: fibre loss, wavelength multiplexing, Mach-Zehnder switches.

What and why:

- Fibre loss in decibels is linear in length: ``P_out[dBm] = P_in[dBm] - alpha L``. A link works
  while the received power stays above the receiver's sensitivity plus a margin.
- Wavelength-division multiplexing (WDM) puts many channels on one fibre: capacity
  ``C = N R``; on the ITU-T G.694.1 grid, channels sit at ``193.1 THz + n * spacing``; a spacing
  in frequency maps to one in wavelength as ``d_lambda = lambda**2 d_nu / c``. Sharing one laser
  budget among ``N`` channels costs ``10 log10 N`` dB per channel.
- A balanced, lossless Mach-Zehnder interferometer (MZI) built from two 50:50 directional couplers
  (or 2x2 MMIs) splits power between its two outputs as ``sin**2(dphi/2)`` (bar) and
  ``cos**2(dphi/2)`` (cross): each coupler gives the crossing wave a 90-degree phase, so at zero
  phase difference the two crossings add up in the cross port and all light leaves there; at
  ``dphi = pi`` it all leaves the bar port. A mesh of ``N(N-1)/2`` MZIs (Reck or Clements layout)
  can realise any ``N x N`` unitary, the basis of photonic matrix multipliers.

Left out: dispersion, nonlinearity, amplifier noise, polarisation, connector and splice losses (lump
them into ``other_losses_db``), coupler imbalance and loss in the MZI, the 6.25 GHz granularity of
the flexible grid.

Constants here are definitions (speed of light, the 193.1 THz grid anchor, the C-band edges), not
estimates. Fibre attenuations come from ``data/references.yaml`` via :func:`default_fibres`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping

import numpy as np

__all__ = [
    "ASSUMPTIONS",
    "C_BAND_NM",
    "ITU_ANCHOR_THZ",
    "ITU_ANCHOR_WAVELENGTH_NM",
    "REFERENCE_IDS",
    "REFERENCE_UNITS",
    "SPEED_OF_LIGHT_M_PER_S",
    "Fibre",
    "SpanPlan",
    "amplified_spans",
    "band_grid_thz",
    "band_width_ghz",
    "dbm_to_mw",
    "default_fibres",
    "fibre_output_power_dbm",
    "ghz_to_nm",
    "itu_grid_thz",
    "link_margin_db",
    "mw_to_dbm",
    "mzi_mesh_size",
    "mzi_outputs",
    "nm_to_ghz",
    "optical_reach_km",
    "per_channel_power_dbm",
    "signal_width_ghz",
    "span_plan",
    "thz_to_nm",
    "wdm_capacity_gbps",
    "wdm_channel_count",
]

#: Speed of light in vacuum (exact, SI definition).
SPEED_OF_LIGHT_M_PER_S = 299_792_458.0
#: Anchor of the ITU-T G.694.1 DWDM grid (definition).
ITU_ANCHOR_THZ = 193.1
#: Vacuum wavelength of the grid anchor, c / 193.1 THz (~1552.52 nm).
ITU_ANCHOR_WAVELENGTH_NM = SPEED_OF_LIGHT_M_PER_S / (ITU_ANCHOR_THZ * 1e12) * 1e9
#: Conventional C-band edges (nm): 1530-1565 nm, about 4.38 THz wide.
C_BAND_NM = (1530.0, 1565.0)

#: fibre slug -> reference id (attenuation, dB/km).
REFERENCE_IDS: dict[str, str] = {
    "g652_1310": "fib_g652_1310",
    "g652_1550": "fib_g652_1550",
    "ull_1310": "fib_ull_1310",
    "ull_1550": "fib_ull_1550",
    "record_1560": "fib_record",
}

REFERENCE_UNITS: dict[str, str] = {slug: "dB/km" for slug in REFERENCE_IDS}

#: The wavelength each fibre figure is quoted at (from its id and context text).
_FIBRE_WAVELENGTH_NM: dict[str, float] = {
    "g652_1310": 1310.0,
    "g652_1550": 1550.0,
    "ull_1310": 1310.0,
    "ull_1550": 1550.0,
    "record_1560": 1560.0,
}

#: Modelling assumptions with no published figure: name -> (value, unit, justification).
ASSUMPTIONS: dict[str, tuple[float, str, str]] = {
    "launch_power_dbm": (
        0.0,
        "dBm",
        "1 mW into the fibre: a round, typical order for one laser line; no published figure used.",
    ),
}


@dataclass(frozen=True)
class Fibre:
    """A fibre type at one wavelength."""

    slug: str
    wavelength_nm: float
    attenuation_db_per_km: float
    reference_id: str


def default_fibres(refs: Mapping[str, float]) -> dict[str, Fibre]:
    """Fibre types from ``{reference_id: value}`` (attenuation in dB/km)."""
    out: dict[str, Fibre] = {}
    for slug, ref_id in REFERENCE_IDS.items():
        try:
            value = refs[ref_id]
        except KeyError:
            msg = f"reference id {ref_id!r} (fibre {slug}) missing from the mapping"
            raise KeyError(msg) from None
        if value is None or not value > 0:
            raise ValueError(f"reference {ref_id!r} needs a positive attenuation, got {value!r}")
        out[slug] = Fibre(slug, _FIBRE_WAVELENGTH_NM[slug], float(value), ref_id)
    return out


# --------------------------------------------------------------------------- power and loss


def fibre_output_power_dbm(launch_power_dbm, distance_km, attenuation_db_per_km):
    """Power (dBm) after ``distance_km`` of fibre: ``P_in - alpha L``."""
    p = np.asarray(launch_power_dbm, dtype=float)
    d = np.asarray(distance_km, dtype=float)
    a = np.asarray(attenuation_db_per_km, dtype=float)
    return (p - a * d)[()]


def dbm_to_mw(power_dbm):
    """Milliwatts from dBm: ``10**(P/10)``."""
    return (10.0 ** (np.asarray(power_dbm, dtype=float) / 10.0))[()]


def mw_to_dbm(power_mw):
    """dBm from milliwatts: ``10 log10 P`` (``-inf`` for zero power)."""
    with np.errstate(divide="ignore"):
        return (10.0 * np.log10(np.asarray(power_mw, dtype=float)))[()]


def optical_reach_km(budget_db, attenuation_db_per_km):
    """Length of fibre (km) that uses up a loss budget: ``budget / alpha`` (0 for no budget)."""
    b = np.asarray(budget_db, dtype=float)
    a = np.asarray(attenuation_db_per_km, dtype=float)
    if np.any(~(a > 0)):
        raise ValueError("attenuation_db_per_km must be > 0")
    return (np.maximum(b, 0.0) / a)[()]


def link_margin_db(
    launch_power_dbm, sensitivity_dbm, distance_km, attenuation_db_per_km, other_losses_db
):
    """Margin (dB) left at the receiver: ``P_in - alpha L - other - S``; the link works if >= 0."""
    p_out = fibre_output_power_dbm(launch_power_dbm, distance_km, attenuation_db_per_km)
    other = np.asarray(other_losses_db, dtype=float)
    return (np.asarray(p_out) - other - np.asarray(sensitivity_dbm, dtype=float))[()]


def amplified_spans(distance_km, attenuation_db_per_km, span_budget_db):
    """Spans a fibre link must be cut into so that no span loses more than its budget.

    ``max(1, ceil(alpha L / budget))``; between spans sit ``spans - 1`` optical amplifiers, each
    assumed to restore the full budget (their noise, gain limits and power are not modelled).
    ``inf`` if the budget is not positive.
    """
    d = np.asarray(distance_km, dtype=float)
    a = np.asarray(attenuation_db_per_km, dtype=float)
    b = np.asarray(span_budget_db, dtype=float)
    if np.any(d < 0) or np.any(~(a > 0)):
        raise ValueError("distance_km must be >= 0 and attenuation_db_per_km > 0")
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(b > 0, a * d / np.where(b > 0, b, 1.0), np.inf)
    # the tiny shrink keeps a loss of exactly k budgets at k spans despite rounding
    return np.maximum(1.0, np.ceil(ratio * (1 - 1e-12)))[()]


@dataclass(frozen=True)
class SpanPlan:
    """One fibre run against a span budget (see :func:`span_plan`); arrays or numpy scalars."""

    loss_db: np.ndarray  # alpha L
    output_power_dbm: np.ndarray  # light left after the whole run, with no amplifier
    fraction_left: np.ndarray  # of the launched power, 10**(-loss/10)
    spans: np.ndarray  # amplified_spans(): 1 when the run fits the budget
    amplifiers: np.ndarray  # spans - 1 (never negative)
    margin_db: np.ndarray  # budget - loss: what is left when it fits in one span (negative if not)
    span_m: np.ndarray  # length of one span, metres


def span_plan(distance_m, attenuation_db_per_km, span_budget_db, launch_power_dbm) -> SpanPlan:
    """What a fibre of ``distance_m`` does to the light, and what it would take to bridge it.

    ``loss = alpha L``, ``P_out = P_in - alpha L``, the fraction of the power left, the spans of
    :func:`amplified_spans` (``spans - 1`` amplifiers between them, each assumed to restore the
    full budget), the margin ``budget - loss`` and the length of one span ``L / spans``. No
    dispersion, amplifier noise or connector loss beyond what the budget already allows for.
    """
    d_m = np.asarray(distance_m, dtype=float)
    a = np.asarray(attenuation_db_per_km, dtype=float)
    b = np.asarray(span_budget_db, dtype=float)
    km = d_m / 1000.0
    loss = a * km
    spans = np.asarray(amplified_spans(km, a, b))
    return SpanPlan(
        loss_db=loss[()],
        output_power_dbm=fibre_output_power_dbm(launch_power_dbm, km, a),
        fraction_left=dbm_to_mw(-loss),
        spans=spans[()],
        amplifiers=np.maximum(spans - 1.0, 0.0)[()],
        margin_db=(b - loss)[()],
        span_m=(d_m / spans)[()],
    )


def per_channel_power_dbm(total_power_dbm, channels):
    """Power per channel when ``channels`` share one total: ``P - 10 log10 N``."""
    n = np.asarray(channels, dtype=float)
    if np.any(~(n >= 1)):
        raise ValueError("channels must be >= 1")
    return (np.asarray(total_power_dbm, dtype=float) - 10.0 * np.log10(n))[()]


# --------------------------------------------------------------------------- WDM


def wdm_capacity_gbps(channels, rate_per_channel_gbps):
    """Aggregate capacity of a WDM fibre: ``N x R`` (Gb/s)."""
    return (np.asarray(channels, dtype=float) * np.asarray(rate_per_channel_gbps, dtype=float))[()]


def wdm_channel_count(band_width_ghz, spacing_ghz):
    """Channels that fit in a band: ``floor(band / spacing)`` (4400 GHz / 100 GHz = 44)."""
    b = np.asarray(band_width_ghz, dtype=float)
    s = np.asarray(spacing_ghz, dtype=float)
    if np.any(~(s > 0)):
        raise ValueError("spacing_ghz must be > 0")
    if np.any(b < 0):
        raise ValueError("band_width_ghz must be >= 0")
    # the relative nudge keeps exact ratios (e.g. 0.3/0.1) from flooring one short
    return np.floor(b / s * (1 + 1e-12)).astype(int)[()]


def band_width_ghz(short_nm, long_nm):
    """Width (GHz) of a band given by its edge wavelengths: ``c/short - c/long``."""
    lo = np.asarray(short_nm, dtype=float)
    hi = np.asarray(long_nm, dtype=float)
    return (SPEED_OF_LIGHT_M_PER_S * (1.0 / lo - 1.0 / hi))[()]  # m/s / nm = GHz


def ghz_to_nm(spacing_ghz, centre_wavelength_nm=ITU_ANCHOR_WAVELENGTH_NM):
    """Wavelength spacing (nm) of a frequency spacing: ``lambda**2 d_nu / c``.

    100 GHz is about 0.8 nm near 1550 nm. Defaults to the grid anchor's wavelength (1552.52 nm).
    """
    lam_m = np.asarray(centre_wavelength_nm, dtype=float) * 1e-9
    dnu_hz = np.asarray(spacing_ghz, dtype=float) * 1e9
    return (lam_m**2 * dnu_hz / SPEED_OF_LIGHT_M_PER_S * 1e9)[()]


def nm_to_ghz(spacing_nm, centre_wavelength_nm=ITU_ANCHOR_WAVELENGTH_NM):
    """Frequency spacing (GHz) of a wavelength spacing: ``c d_lambda / lambda**2``."""
    lam_m = np.asarray(centre_wavelength_nm, dtype=float) * 1e-9
    dlam_m = np.asarray(spacing_nm, dtype=float) * 1e-9
    return (SPEED_OF_LIGHT_M_PER_S * dlam_m / lam_m**2 / 1e9)[()]


def itu_grid_thz(spacing_ghz: float, channels: int, first_index: int | None = None):
    """Centre frequencies (THz) of ``channels`` slots on the G.694.1 grid: ``193.1 + n * spacing``.

    ``n`` runs from ``first_index``; by default the slots are centred on the 193.1 THz anchor
    (``n`` from ``-(channels // 2)``), so the anchor is always one of them.
    """
    if not spacing_ghz > 0:
        raise ValueError("spacing_ghz must be > 0")
    if int(channels) != channels or channels < 0:
        raise ValueError("channels must be a whole number >= 0")
    start = -(int(channels) // 2) if first_index is None else int(first_index)
    n = np.arange(start, start + int(channels))
    return ITU_ANCHOR_THZ + n * (spacing_ghz / 1000.0)


def band_grid_thz(spacing_ghz: float, band_nm: tuple[float, float] = C_BAND_NM):
    """Centre frequencies (THz) of the G.694.1 slots placed in a band (default: the C-band).

    As many slots as :func:`wdm_channel_count` fits in the band's width, on the grid
    ``193.1 THz + n * spacing``, from the first grid index at or above the band's low-frequency
    (long-wavelength) edge upwards.
    """
    band = float(band_width_ghz(*band_nm))
    n = int(wdm_channel_count(band, spacing_ghz))
    f_low_thz = SPEED_OF_LIGHT_M_PER_S / band_nm[1] / 1000.0  # m/s / nm = GHz -> THz
    first = math.ceil((f_low_thz - ITU_ANCHOR_THZ) / (spacing_ghz / 1000.0) - 1e-9)
    return itu_grid_thz(spacing_ghz, n, first_index=first)


def thz_to_nm(freq_thz):
    """Vacuum wavelength (nm) of an optical frequency (THz): ``c / nu``."""
    f = np.asarray(freq_thz, dtype=float)
    return (SPEED_OF_LIGHT_M_PER_S / (f * 1e12) * 1e9)[()]


def signal_width_ghz(rate_gbps, bits_per_symbol):
    """Least spectrum (GHz) a channel occupies: its symbol rate ``R / b`` (Nyquist pulses).

    A PAM4 signal (2 bits per symbol) at R Gb/s runs at R/2 GBd and needs at least R/2 GHz; a
    channel fits its grid slot when this is no wider than the spacing.
    """
    return (np.asarray(rate_gbps, dtype=float) / np.asarray(bits_per_symbol, dtype=float))[()]


# --------------------------------------------------------------------------- MZI


def mzi_outputs(delta_phi_rad):
    """Power fractions ``(bar, cross)`` of a balanced lossless MZI of two 50:50 couplers.

    With the coupler's transfer matrix ``(1/sqrt2) [[1, i], [i, 1]]`` and the arms' phases
    ``diag(exp(i dphi), 1)``: ``bar = sin**2(dphi/2)``, ``cross = cos**2(dphi/2)``; all light
    leaves the cross port at zero phase difference and the bar port at ``dphi = pi``.
    """
    half = np.asarray(delta_phi_rad, dtype=float) / 2.0
    return (np.sin(half) ** 2)[()], (np.cos(half) ** 2)[()]


def mzi_mesh_size(n):
    """MZIs in a mesh that realises any ``n x n`` unitary (Reck or Clements): ``n(n-1)/2``."""
    m = np.asarray(n)
    if np.any(m < 1) or np.any(np.asarray(m, dtype=float) != np.floor(np.asarray(m, dtype=float))):
        raise ValueError("n must be a whole number >= 1")
    m = m.astype(np.int64)
    return (m * (m - 1) // 2)[()]

