"""The AI compute page's parameters and computations: references -> model inputs -> results.

Every number comes from a reference row (through `value()` / `default_values()`) or from the model
in `explainers.models.ai_compute`; nothing here is worded (see present.py). Results are cached per
input (they are small and the controls are stepped), and their arrays are read-only.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from explainers.content import default_values, ref, value
from explainers.models import ai_compute as ai

from . import BATCH_OPTIONS, FIT_SLUGS, GROWTH_ROWS, MODEL_ROWS

_GB = 1e9


def _frozen(a) -> np.ndarray:
    a = np.array(a, dtype=float)
    a.setflags(write=False)
    return a


@dataclass(frozen=True)
class KnownModel:
    slug: str
    params: float
    tokens: float
    published_flops: float
    published_ref: str


@dataclass(frozen=True)
class Parameters:
    accelerators: dict[str, ai.Accelerator]
    models: dict[str, KnownModel]
    fits: dict[str, ai.ChinchillaFit]
    mfu_pct: float
    gpus: int
    bytes_per_param: float
    pue: float


@lru_cache(maxsize=1)
def parameters() -> Parameters:
    """Model parameters from the references (once per process)."""
    refs = default_values()
    accs = ai.default_accelerators(refs)
    # The A100 capacity row lives with this page's references; the model has none for it.
    accs["a100"] = dataclasses.replace(accs["a100"], memory_bytes=value("a100_mem_gb") * _GB)
    models = {
        slug: KnownModel(slug, value(n), value(d), value(c), c) for slug, (n, d, c) in MODEL_ROWS.items()
    }
    return Parameters(
        accelerators=accs,
        models=models,
        fits=ai.chinchilla_fits(refs),
        mfu_pct=value("aic_mfu"),
        gpus=int(value("aic_gpus")),
        bytes_per_param=value("aic_bytes_per_param"),
        pue=value("pue_uptime"),
    )


def known(model: str) -> KnownModel | None:
    """The known model behind a slug, or None for the custom one."""
    return parameters().models.get(model)


# --- training ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Training:
    flops: float
    time_s: float
    days: float
    acc_hours: float
    mwh: float
    mwh_by_acc: dict[str, float]


@lru_cache(maxsize=512)
def training(n: float, d: float, acc: str, gpus: int, mfu_pct: float, pue: float) -> Training:
    s = parameters()
    a = s.accelerators[acc]
    flops = float(ai.training_flops(n, d))
    u = mfu_pct / 100.0
    time_s = float(ai.training_time_s(flops, gpus, a.peak_flops, u))
    by_acc = {}
    for slug, other in s.accelerators.items():
        t_other = ai.training_time_s(flops, gpus, other.peak_flops, u)
        by_acc[slug] = float(ai.training_energy_mwh(t_other, gpus, other.power_w, pue))
    return Training(
        flops=flops,
        time_s=time_s,
        days=time_s / ai.S_PER_DAY,
        acc_hours=time_s * gpus / 3600.0,
        mwh=float(ai.training_energy_mwh(time_s, gpus, a.power_w, pue)),
        mwh_by_acc=by_acc,
    )


def headline() -> tuple[float, Training]:
    """Llama 3.1 405B on H100s at the default utilisation and PUE: facility MWh (model estimate)."""
    s = parameters()
    m = s.models["llama31_405b"]
    tr = training(m.params, m.tokens, "h100", s.gpus, s.mfu_pct, s.pue)
    return tr.mwh, tr


# --- scaling law ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scaling:
    compute: np.ndarray
    loss_opt: np.ndarray
    loss_rule: np.ndarray
    user_flops: float
    user_loss: float
    user_ratio: float
    opt_params: float
    opt_tokens: float
    opt_loss: float
    known: dict[str, tuple[float, float]]  # slug -> (compute, loss)


COMPUTE_GRID = _frozen(np.logspace(19, 27, 97))


@lru_cache(maxsize=512)
def scaling(n: float, d: float, fit: str) -> Scaling:
    s = parameters()
    f = s.fits[fit]
    rule = value("hof_ratio")
    c = COMPUTE_GRID
    n_opt, d_opt = ai.compute_optimal(c, f)
    n_rule = np.sqrt(c / (ai.TRAINING_FLOPS_PER_PARAM_TOKEN * rule))
    user_c = float(ai.training_flops(n, d))
    on, od = ai.compute_optimal(user_c, f)
    known_points = {}
    for slug, m in s.models.items():
        known_points[slug] = (float(ai.training_flops(m.params, m.tokens)),
                              float(ai.chinchilla_loss(m.params, m.tokens, f)))
    return Scaling(
        compute=c,
        loss_opt=_frozen(ai.chinchilla_loss(n_opt, d_opt, f)),
        loss_rule=_frozen(ai.chinchilla_loss(n_rule, rule * n_rule, f)),
        user_flops=user_c,
        user_loss=float(ai.chinchilla_loss(n, d, f)),
        user_ratio=d / n,
        opt_params=float(on),
        opt_tokens=float(od),
        opt_loss=float(ai.chinchilla_loss(on, od, f)),
        known=known_points,
    )


@lru_cache(maxsize=1)
def chinchilla_ratios() -> dict[str, float]:
    """Compute-optimal tokens per parameter at Chinchilla's own budget (chin_c) for each fit."""
    fits = parameters().fits
    c = value("chin_c")
    out = {}
    for fit in FIT_SLUGS:
        n, d = ai.compute_optimal(c, fits[fit])
        out[fit] = float(d / n)
    return out


# --- decoding ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Decode:
    batch: np.ndarray
    rate: np.ndarray
    memory_roof: np.ndarray
    compute_roof: float
    energy_j: np.ndarray
    ridge: float
    n_acc: int
    weights_gb: float
    memory_gb: float
    at_batch: float
    rate_at: float
    energy_at: float
    regime: str


BATCH_GRID = _frozen(np.logspace(0, math.log10(BATCH_OPTIONS[-1]), 121))


@lru_cache(maxsize=512)
def decode(n: float, acc: str, batch: int) -> Decode:
    s = parameters()
    a = s.accelerators[acc]
    b = s.bytes_per_param
    k = int(ai.accelerators_to_hold(n, b, a.memory_bytes))
    bw, peak, power = k * a.bandwidth_bytes_per_s, k * a.peak_flops, k * a.power_w
    grid = BATCH_GRID
    args = (n, b, bw, peak)
    memory_roof, compute_roof = ai.decode_roofs(*args, batch=grid)
    return Decode(
        batch=grid,
        rate=_frozen(ai.decode_tokens_per_s(*args, batch=grid)),
        memory_roof=_frozen(memory_roof),
        compute_roof=float(compute_roof[0]),
        energy_j=_frozen(ai.decode_energy_j_per_token(*args, power, batch=grid)),
        ridge=float(ai.decode_ridge_batch(b, bw, peak)),
        n_acc=k,
        weights_gb=float(ai.weights_bytes(n, b)) / _GB,
        memory_gb=a.memory_bytes / _GB,
        at_batch=float(batch),
        rate_at=float(ai.decode_tokens_per_s(*args, batch=batch)),
        energy_at=float(ai.decode_energy_j_per_token(*args, power, batch=batch)),
        regime=str(ai.decode_regime(*args, batch=batch)),
    )


# --- growth --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Growth:
    names: tuple[str, ...]
    years: np.ndarray
    flops: np.ndarray
    trend_years: np.ndarray
    trend_mid: np.ndarray
    trend_low: np.ndarray
    trend_high: np.ndarray


@lru_cache(maxsize=1)
def growth() -> Growth:
    slugs = tuple(GROWTH_ROWS)
    years = np.array([ref(GROWTH_ROWS[s]).year for s in slugs], dtype=float)
    flops = np.array([value(GROWTH_ROWS[s]) for s in slugs])
    row = ref("epoch_growth")
    ty = np.linspace(years.min() - 1, years.max() + 1, 25)
    base = int(years.min())

    def line(factor: float) -> np.ndarray:
        return _frozen(ai.growth_trend(ai.trend_base_flops(years, flops, factor, base), base, factor, ty))

    return Growth(slugs, _frozen(years), _frozen(flops), _frozen(ty), line(row.value), line(row.low), line(row.high))


GAP_YEARS = 10
GAP_KEYS: tuple[str, ...] = ("compute", "flops", "dram", "interconnect")


@lru_cache(maxsize=1)
def gap() -> dict[str, np.ndarray]:
    """Growth index over GAP_YEARS years from the sourced rates (x per year, or x per 2 years)."""
    y = np.linspace(0, GAP_YEARS, 41)
    per_year = {"compute": value("epoch_growth"), "flops": value("mw_flops") ** 0.5,
                "dram": value("mw_dram") ** 0.5, "interconnect": value("mw_ic") ** 0.5}
    return {"years": _frozen(y), **{k: _frozen(f**y) for k, f in per_year.items()}}


@lru_cache(maxsize=1)
def flops_per_watt() -> dict[str, float]:
    """Dense BF16 peak per watt of maximum board power (TFLOP/s per W = TFLOP per J)."""
    return {slug: a.peak_flops / a.power_w / 1e12 for slug, a in parameters().accelerators.items()}
