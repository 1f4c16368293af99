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

from . import BATCH_OPTIONS, FIT_SLUGS, GROWTH_ROWS, KV_BYTES_OPTIONS, MODEL_ROWS, SHAPE_ROWS

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


def headline_range() -> tuple[float, float]:
    """The headline MWh over the utilisation Meta reports for the Llama 3 405B runs (38-43 %, with this
    page's round 40 %) and PUEs from Google's fleet and new facilities to the industry average."""
    s = parameters()
    m = s.models["llama31_405b"]
    mfus = [s.mfu_pct, *(x for x in (ref("llama3_mfu").low, value("llama3_mfu"), ref("llama3_mfu").high) if x)]
    pues = [s.pue, value("pue_google"), value("pue_new")]
    out = [training(m.params, m.tokens, "h100", s.gpus, u, q).mwh for u in mfus for q in pues]
    return min(out), max(out)


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


@lru_cache(maxsize=512)
def optimal_ratio_range(compute_flops: float) -> tuple[float, float]:
    """Compute-optimal tokens per parameter at a budget, over the published constants: Epoch AI's refit,
    Hoffmann et al.'s rounded constants, and theirs with the unrounded exponents of the TeX source
    (each and both). The fits disagree by several times; the page states this range."""
    fits = parameters().fits
    hof = fits["hoffmann2022"]
    tex = {"alpha": value("hof_alpha_tex"), "beta": value("hof_beta_tex")}
    variants = [fits["epoch2024"], hof, *(dataclasses.replace(hof, **{k: v}) for k, v in tex.items()),
                dataclasses.replace(hof, **tex)]
    ratios = []
    for f in variants:
        n, d = ai.compute_optimal(compute_flops, f)
        ratios.append(float(d / n))
    return min(ratios), max(ratios)


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
class Shape:
    """What the KV cache and the split of a model depend on: layers, width, heads, K/V heads, head width."""

    layers: int
    d_model: int
    heads: int
    kv_heads: int
    head_dim: int
    known: bool  # from the model's published shape (else shaped like Chinchilla)


@lru_cache(maxsize=256)
def shape(model: str, n: float, kvh: str) -> Shape:
    """The shape of the chosen model; `kvh="gqa8"` lets its query heads share 8 K/V heads (as Llama 3 70B).

    A custom model is shaped like Chinchilla: the same width per layer and head width, and N = 12
    n_layer d_model^2 (Kaplan et al. 2020), with its heads a multiple of one server's accelerators.
    """
    rows = SHAPE_ROWS.get(model) if known(model) is not None else None
    if rows is not None:
        layers, d_model, heads, kv_heads, head_dim = (int(value(r)) for r in rows)
    else:
        layers, d_model, heads, head_dim = chinchilla_like(n)
        kv_heads = heads
    if kvh == "gqa8":
        kv_heads = min(kv_heads, gqa_kv_heads())
    return Shape(layers, d_model, heads, kv_heads, head_dim, rows is not None)


def chinchilla_like(n: float) -> tuple[int, int, int, int]:
    """(layers, d_model, heads, head width) of an N-parameter model shaped like Chinchilla: its width per
    layer and head width, N = 12 n_layer d_model^2 (Kaplan et al. 2020), heads a multiple of one server's
    accelerators. Shared with the energy story's unpublished (GPT-4o-class) model."""
    head_dim = int(value("chin_head_dim"))
    layers, d_model, heads = ai.transformer_shape(
        n, width_per_layer=value("chin_dmodel") / value("chin_layers"), head_dim=head_dim,
        coefficient=value("kap_12ld2"), heads_multiple=int(value("aic_node_gpus")))
    return layers, d_model, heads, head_dim


def gqa_kv_heads() -> int:
    """K/V heads when query heads share them as Llama 3 70B does (grouped-query attention)."""
    return int(value("llama3_70b_kv_heads"))


@dataclass(frozen=True)
class Decode:
    batch: np.ndarray  # the batch grid of the charts
    rate: np.ndarray  # achievable tokens/s on this group, up to the batch its memory holds
    rate_batch: np.ndarray  # the part of the grid `rate` covers
    memory_roof: np.ndarray  # this group, weights + KV cache read every step (the whole grid)
    free_roof: np.ndarray  # this group with the KV cache left out (the whole grid)
    compute_roof: float  # this group, 2 N + attention FLOP per token at peak
    energy_j: np.ndarray  # per token vs batch with the KV cache (the group grows with the batch)
    energy_free_j: np.ndarray  # per token vs batch, the KV cache left out (the weights' own split)
    energy_steps: bool  # whether the group needs pipeline stages or copies somewhere on the grid
    ridge: float  # batch above which decoding is compute-bound (inf: never, at this context)
    capacity: float  # most requests this group holds next to the weights
    layout: ai.ServingLayout
    shape: Shape
    n_acc: int
    kv_mb_per_token: float
    kv_gb: float  # the KV cache of the whole batch
    weights_gb: float
    total_gb: float  # what the memory check asks for: every copy of the weights + the KV cache
    memory_gb: float  # of one accelerator
    at_batch: float
    rate_at: float
    energy_at: float
    energy_one: float  # at batch 1, same context and precision
    energy_free_at: float
    regime: str
    saving: float  # energy per token at batch 1 / at this batch
    saving_free: float  # the same with the KV cache left out (the batch size, while memory-bound)


BATCH_GRID = _frozen(np.logspace(0, math.log10(BATCH_OPTIONS[-1]), 121))


@lru_cache(maxsize=256)
def _split_inputs(sh: Shape, n: float, acc: str, kvb: float) -> tuple[float, float, float, int]:
    """(weight bytes, KV bytes per token, memory per accelerator, server size) for `_layout`."""
    s = parameters()
    return (float(ai.weights_bytes(n, s.bytes_per_param)),
            float(ai.kv_bytes_per_token(sh.layers, sh.kv_heads, sh.head_dim, kvb)),
            float(s.accelerators[acc].memory_bytes), int(value("aic_node_gpus")))


def _layout(sh: Shape, n: float, acc: str, batch: float, ctx: float, kvb: float) -> ai.ServingLayout:
    w, kv, m, node = _split_inputs(sh, n, acc, kvb)
    return ai.serving_layout(w, batch * ctx * kv, m, heads=sh.heads, layers=sh.layers, node_size=node)


def _free_split(sh: Shape, n: float, acc: str) -> dict[str, int]:
    """The split of the weights alone: what the page computed before it counted the KV cache."""
    lay = _layout(sh, n, acc, 1, 0.0, 1.0)  # no context: no cache
    return {"copies": lay.copies, "pipeline": lay.pipeline}


@lru_cache(maxsize=256)
def _energy_curves(model: str, n: float, acc: str, ctx: float, kvb: float,
                   kvh: str) -> tuple[np.ndarray, np.ndarray, bool]:
    """Energy per token over the batch grid, with and without the KV cache (the group at each batch is
    the realistic split that holds it; with tensor parallelism alone its size does not matter)."""
    s = parameters()
    a, b = s.accelerators[acc], s.bytes_per_param
    sh = shape(model, n, kvh)
    kv = float(ai.kv_bytes_per_token(sh.layers, sh.kv_heads, sh.head_dim, kvb))
    f = float(ai.decode_flops_per_token(n, sh.layers, ctx, sh.d_model))
    layouts = [_layout(sh, n, acc, float(k), ctx, kvb) for k in BATCH_GRID]
    copies = np.array([lay.copies for lay in layouts], dtype=float)
    stages = np.array([lay.pipeline for lay in layouts], dtype=float)
    args = (n, b, a.bandwidth_bytes_per_s, a.peak_flops, a.power_w)
    with_kv = ai.decode_energy_j_per_token(*args, batch=BATCH_GRID, kv_bytes_per_token=kv, context=ctx,
                                           flops_per_token=f, copies=copies, pipeline=stages)
    free = ai.decode_energy_j_per_token(*args, batch=BATCH_GRID, **_free_split(sh, n, acc))
    steps = bool(np.any(stages > 1) or np.any(copies > 1))  # the curve jumps where a server is added
    return _frozen(with_kv), _frozen(free), steps


@lru_cache(maxsize=512)
def decode(model: str, n: float, acc: str, batch: int, ctx: float, kvb: float, kvh: str) -> Decode:
    """Decoding `batch` requests of `ctx` tokens each, with `kvb` bytes per key or value.

    The group is the realistic split that holds the weights and this batch's KV cache. With tensor
    parallelism alone the energy per token does not depend on the size of the group (power,
    bandwidth and peak add up alike); pipeline stages add waiting or repeated weight reads.
    """
    s = parameters()
    a, b = s.accelerators[acc], s.bytes_per_param
    sh = shape(model, n, kvh)
    kv = float(ai.kv_bytes_per_token(sh.layers, sh.kv_heads, sh.head_dim, kvb))
    f = float(ai.decode_flops_per_token(n, sh.layers, ctx, sh.d_model))
    lay = _layout(sh, n, acc, batch, ctx, kvb)
    k, r = lay.accelerators, lay.copies
    bw, peak, power = k * a.bandwidth_bytes_per_s, k * a.peak_flops, k * a.power_w
    extra = dict(kv_bytes_per_token=kv, context=ctx, flops_per_token=f, copies=r, pipeline=lay.pipeline)
    capacity = float(ai.decode_max_batch(k * a.memory_bytes, n, b, kv_bytes_per_token=kv, context=ctx, copies=r))
    grid = BATCH_GRID
    held = grid[grid <= capacity * (1 + 1e-9)]
    memory_roof, compute_roof = ai.decode_roofs(n, b, bw, peak, batch=grid, **extra)
    free_roof, _ = ai.decode_roofs(n, b, bw, peak, batch=grid, copies=r, pipeline=lay.pipeline)
    energy_j, energy_free_j, energy_steps = _energy_curves(model, n, acc, ctx, kvb, kvh)
    one = _layout(sh, n, acc, 1, ctx, kvb)
    per_acc = (n, b, a.bandwidth_bytes_per_s, a.peak_flops, a.power_w)
    energy_at = float(ai.decode_energy_j_per_token(*per_acc, batch=batch, **extra))
    energy_one = float(ai.decode_energy_j_per_token(*per_acc, batch=1,
                                                    **(extra | {"copies": one.copies, "pipeline": one.pipeline})))
    free = _free_split(sh, n, acc)
    free_at = float(ai.decode_energy_j_per_token(*per_acc, batch=batch, **free))
    free_one = float(ai.decode_energy_j_per_token(*per_acc, batch=1, **free))
    weights = float(ai.weights_bytes(n, b))
    return Decode(
        batch=grid,
        rate=_frozen(ai.decode_tokens_per_s(n, b, bw, peak, batch=held, **extra)),
        rate_batch=_frozen(held),
        memory_roof=_frozen(memory_roof),
        free_roof=_frozen(free_roof),
        compute_roof=float(np.ravel(compute_roof)[0]),
        energy_j=energy_j,
        energy_free_j=energy_free_j,
        energy_steps=energy_steps,
        ridge=float(ai.decode_ridge(n, b, bw, peak, **extra)),
        capacity=capacity,
        layout=lay,
        shape=sh,
        n_acc=k,
        kv_mb_per_token=kv / 1e6,
        kv_gb=batch * ctx * kv / _GB,
        weights_gb=weights / _GB,
        total_gb=(r * weights + batch * ctx * kv) / _GB,
        memory_gb=a.memory_bytes / _GB,
        at_batch=float(batch),
        rate_at=float(ai.decode_tokens_per_s(n, b, bw, peak, batch=batch, **extra)),
        energy_at=energy_at,
        energy_one=energy_one,
        energy_free_at=free_at,
        regime=str(ai.decode_regime(n, b, bw, peak, batch=batch, **extra)),
        saving=energy_one / energy_at,
        saving_free=free_one / free_at,
    )


def saving_range(model: str, n: float, acc: str, batch: int, ctx: float, kvh: str) -> tuple[float, float]:
    """The saving of batching (energy per token at batch 1 / at `batch`) over the KV precisions offered
    (8-bit and 16-bit keys and values): the range the page states with the saving."""
    savings = [decode(model, n, acc, batch, ctx, kvb, kvh).saving for kvb in KV_BYTES_OPTIONS]
    return min(savings), max(savings)


# --- growth --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Growth:
    names: tuple[str, ...]
    years: np.ndarray
    flops: np.ndarray
    trend_years: np.ndarray
    trend_mid: np.ndarray  # one trend: Epoch AI's growth rate, its level fitted to these models
    band_low: np.ndarray  # the trend divided and multiplied by the models' typical scatter around it
    band_high: np.ndarray
    factor: float  # x per year of the trend
    scatter: float  # the band's half-width, as a factor (exp of the rms log residual)


@lru_cache(maxsize=1)
def growth() -> Growth:
    slugs = tuple(GROWTH_ROWS)
    years = np.array([ref(GROWTH_ROWS[s]).year for s in slugs], dtype=float)
    flops = np.array([value(GROWTH_ROWS[s]) for s in slugs])
    factor = value("epoch_growth")
    ty = np.linspace(years.min() - 1, years.max() + 1, 25)
    base = int(years.min())
    mid = ai.growth_trend(ai.trend_base_flops(years, flops, factor, base), base, factor, ty)
    scatter = ai.trend_scatter(years, flops, factor, base)
    return Growth(slugs, _frozen(years), _frozen(flops), _frozen(ty), _frozen(mid), _frozen(mid / scatter),
                  _frozen(mid * scatter), factor, scatter)


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
