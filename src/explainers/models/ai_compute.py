"""AI compute: training FLOP, Chinchilla scaling, training time/energy, decode roofline.

What: small closed-form models for the "AI compute" page.

- Training compute C = 6 N D and inference compute 2 N per token (Kaplan et al. 2020).
- Chinchilla loss L(N, D) = E + A/N^alpha + B/D^beta and its compute-optimal allocation under
  C = 6 N D (Hoffmann et al. 2022; refit by Besiroglu et al. 2024).
- Training time T = C / (n * peak * MFU) and facility energy T * n * P * PUE.
- Decode throughput from a roofline: the lower of a memory bound (every step streams all weights
  once, shared by the batch) and a compute bound (2 N FLOP per token at peak).

Why: these are the back-of-envelope numbers behind "how much compute, time and energy does a frontier
model take, and why is chat inference memory-bound".

Parameters: no physical default is a literal here, except the published constants of a paper.
Values come from ``data/references.yaml`` through the content layer as a plain
``{reference_id: value}`` mapping in the reference's own units, and ``chinchilla_fits``,
``default_accelerators`` and ``known_models`` turn it into SI-style parameter sets (TFLOP/s ->
FLOP/s, TB/s -> bytes/s, GB -> bytes). ``REFERENCE_IDS`` lists every id used, ``REFERENCE_UNITS``
the unit each is expected in. The two published Chinchilla fits are also constants here
(``HOFFMANN2022``, ``EPOCH2024``, with their reference ids; a test checks them against
references.yaml), so that a bare import works, as in a notebook::

    from explainers.models import ai_compute
    ai_compute.chinchilla_loss(70e9, 1.4e12)        # Hoffmann et al. 2022 (the default fit)
    ai_compute.compute_optimal(1e24, "epoch2024")   # (N*, D*) with Epoch AI's refit

Model facts with no reference row are in ``MODEL_FACTS``; modelling choices (e.g. MFU) in
``ASSUMPTIONS``.

Left out throughout: attention FLOP (2 n_layer n_ctx d_model per token), KV-cache traffic and
capacity, communication and pipeline bubbles, MoE (use active parameters), precision effects on
quality, host/network power, and the fact that GPUs rarely sit at TDP.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping, Union

import numpy as np

__all__ = [
    "ASSUMPTIONS",
    "Accelerator",
    "ChinchillaFit",
    "EPOCH2024",
    "HOFFMANN2022",
    "PUBLISHED_FITS",
    "FitLike",
    "KnownModel",
    "MODEL_FACTS",
    "REFERENCE_IDS",
    "REFERENCE_UNITS",
    "TRAINING_FLOPS_PER_PARAM_TOKEN",
    "INFERENCE_FLOPS_PER_PARAM_TOKEN",
    "chinchilla_fits",
    "chinchilla_loss",
    "compute_optimal",
    "decode_energy_j_per_token",
    "decode_regime",
    "decode_roofs",
    "decode_ridge_batch",
    "decode_tokens_per_s",
    "default_accelerators",
    "growth_trend",
    "accelerators_to_hold",
    "trend_base_flops",
    "inference_flops_per_token",
    "known_fits",
    "known_models",
    "register_fits",
    "training_energy_mwh",
    "training_flops",
    "training_time_s",
    "weights_bytes",
]

# --------------------------------------------------------------------------------------------------
# Formula constants and reference ids
# --------------------------------------------------------------------------------------------------

#: FLOP per parameter per training token (~2 forward + ~4 backward); reference ``kap_6nd``.
#: A coefficient of the formula itself, not a tunable default; a test checks it against the row.
TRAINING_FLOPS_PER_PARAM_TOKEN = 6.0
#: FLOP per parameter per generated token (one multiply-add per weight); reference ``kap_2n``.
INFERENCE_FLOPS_PER_PARAM_TOKEN = 2.0

#: Unit conversions, not physical values.
_TERA = 1e12
_GIGA = 1e9
J_PER_MWH = 3.6e9
S_PER_DAY = 86_400.0

#: Parameter name -> reference id in data/references.yaml.
REFERENCE_IDS: dict[str, str] = {
    # formula coefficients (checked against the module constants in the tests)
    "training_flops_per_param_token": "kap_6nd",
    "inference_flops_per_param_token": "kap_2n",
    "tokens_per_param_rule": "hof_ratio",
    # Chinchilla fit, paper body (rounded)
    "hoffmann2022.e": "hof_E",
    "hoffmann2022.a": "hof_A",
    "hoffmann2022.b": "hof_B",
    "hoffmann2022.alpha": "hof_alpha",
    "hoffmann2022.beta": "hof_beta",
    # Chinchilla fit, Epoch AI replication
    "epoch2024.e": "bes_fit_E",
    "epoch2024.a": "bes_fit_A",
    "epoch2024.b": "bes_fit_B",
    "epoch2024.alpha": "bes_fit_alpha",
    "epoch2024.beta": "bes_fit_beta",
    # Accelerators: dense BF16 tensor peak (never the 2:4-sparse figure), HBM bandwidth, max power
    "a100.peak_flops": "a100_bf16_dense",
    "a100.bandwidth_bytes_per_s": "a100_bw",
    "a100.power_w": "a100_tdp",
    "h100.peak_flops": "h100_bf16_dense",
    "h100.bandwidth_bytes_per_s": "h100_bw_tbs",
    "h100.power_w": "h100_tdp",
    "h100.memory_bytes": "h100_bw_gb",
    "b200.peak_flops": "b200_bf16_dense",
    "b200.bandwidth_bytes_per_s": "b200_bw_tbs",
    "b200.power_w": "b200_tdp",
    "b200.memory_bytes": "b200_bw_gb",
    # Published (or derived) training compute of known models
    "gpt3.compute_flops": "gpt3_c",
    "chinchilla.compute_flops": "chin_c",
    "palm_540b.compute_flops": "palm_c",
    "gpt4.compute_flops": "gpt4_c",
    "llama31_405b.compute_flops": "llama31_c",
    "gemini_ultra.compute_flops": "gemini_ultra_c",
    # Facility and trend
    "pue": "pue_uptime",
    "growth_factor_per_year": "epoch_growth",
}

#: Reference id -> (unit expected in references.yaml, factor to the unit used here).
REFERENCE_UNITS: dict[str, tuple[str, float]] = {
    "kap_6nd": ("FLOP", 1.0),
    "kap_2n": ("FLOP per parameter", 1.0),
    "hof_ratio": ("tokens/param", 1.0),
    "hof_E": ("nats/token", 1.0),
    "hof_A": ("-", 1.0),
    "hof_B": ("-", 1.0),
    "hof_alpha": ("-", 1.0),
    "hof_beta": ("-", 1.0),
    "bes_fit_E": ("nats/token", 1.0),
    "bes_fit_A": ("-", 1.0),
    "bes_fit_B": ("-", 1.0),
    "bes_fit_alpha": ("-", 1.0),
    "bes_fit_beta": ("-", 1.0),
    "a100_bf16_dense": ("TFLOP/s", _TERA),
    "a100_bw": ("TB/s", _TERA),
    "a100_tdp": ("W", 1.0),
    "h100_bf16_dense": ("TFLOP/s", _TERA),
    "h100_bw_tbs": ("TB/s", _TERA),
    "h100_tdp": ("W", 1.0),
    "h100_bw_gb": ("GB", _GIGA),
    "b200_bf16_dense": ("TFLOP/s", _TERA),
    "b200_bw_tbs": ("TB/s", _TERA),
    "b200_tdp": ("W", 1.0),
    "b200_bw_gb": ("GB", _GIGA),
    "gpt3_c": ("FLOP", 1.0),
    "chin_c": ("FLOP", 1.0),
    "palm_c": ("FLOP", 1.0),
    "gpt4_c": ("FLOP", 1.0),
    "llama31_c": ("FLOP", 1.0),
    "gemini_ultra_c": ("FLOP", 1.0),
    "pue_uptime": ("-", 1.0),
    "epoch_growth": ("x per year", 1.0),
}

#: Known-model facts with no reference row: slug -> (params, tokens, source, year).
#: ``None`` = not disclosed. These should move to references.yaml.
MODEL_FACTS: dict[str, tuple[float | None, float | None, str, int]] = {
    "gpt3": (
        175e9,
        300e9,
        "T. Brown et al., 'Language Models are Few-Shot Learners', arXiv:2005.14165, 2020",
        2020,
    ),
    "chinchilla": (
        70e9,
        1.4e12,
        "J. Hoffmann et al., 'Training Compute-Optimal Large Language Models', arXiv:2203.15556, 2022",
        2022,
    ),
    "palm_540b": (
        540e9,
        780e9,
        "A. Chowdhery et al., 'PaLM: Scaling Language Modeling with Pathways', arXiv:2204.02311, 2022",
        2022,
    ),
    "llama31_405b": (
        405e9,
        15.6e12,
        "Llama Team, AI @ Meta, 'The Llama 3 Herd of Models', arXiv:2407.21783, 2024",
        2024,
    ),
    "gpt4": (
        None,
        None,
        "OpenAI, 'GPT-4 Technical Report', arXiv:2303.08774, 2023 (size not disclosed)",
        2023,
    ),
    "gemini_ultra": (
        None,
        None,
        "Gemini Team, Google, 'Gemini: A Family of Highly Capable Multimodal Models', arXiv:2312.11805, "
        "2023 (size not disclosed)",
        2023,
    ),
}

#: Modelling assumptions: name -> (value, unit, one-line justification).
ASSUMPTIONS: dict[str, tuple[float, str, str]] = {
    "utilisation": (
        0.40,
        "-",
        "typical model-FLOPs utilisation (MFU) of large dense training runs, ~35-50 % (PaLM 46 %, "
        "Llama 3 405B 38-43 %, recalled, no reference row yet); a scenario default",
    ),
    "bytes_per_param": (2.0, "bytes", "BF16 weights, matching the dense BF16 peaks of the accelerators"),
    "accelerators": (1024.0, "accelerators", "example cluster size for the default scene; a scenario choice"),
    "power_fraction_of_tdp": (
        1.0,
        "-",
        "accelerator draws its maximum board power (TDP); ignores host/network share (+) and "
        "average draw below TDP (-)",
    ),
}

# --------------------------------------------------------------------------------------------------
# Parameter sets
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChinchillaFit:
    """Constants of L(N, D) = e + a/N^alpha + b/D^beta (loss in nats/token)."""

    name: str
    e: float
    a: float
    b: float
    alpha: float
    beta: float

    def __post_init__(self) -> None:
        for field in ("e", "a", "b", "alpha", "beta"):
            v = getattr(self, field)
            if not (math.isfinite(v) and v > 0):
                raise ValueError(f"ChinchillaFit {self.name!r}: {field} must be finite and > 0, got {v!r}")

    @property
    def params_exponent(self) -> float:
        """a in N* ~ C^a, = beta / (alpha + beta)."""
        return self.beta / (self.alpha + self.beta)


@dataclass(frozen=True)
class Accelerator:
    """One accelerator: dense BF16 tensor peak, HBM bandwidth, max power, HBM capacity (or None)."""

    name: str
    peak_flops: float
    bandwidth_bytes_per_s: float
    power_w: float
    memory_bytes: float | None = None

    @property
    def ridge_flops_per_byte(self) -> float:
        """Roofline ridge point peak / bandwidth."""
        return self.peak_flops / self.bandwidth_bytes_per_s


@dataclass(frozen=True)
class KnownModel:
    """A published model: params/tokens (None if undisclosed), training compute with its reference id."""

    slug: str
    params: float | None
    tokens: float | None
    compute_flops: float | None
    compute_ref: str | None
    year: int
    source: str


def _ref(refs: Mapping[str, float], key: str) -> float:
    """Value for parameter ``key`` from a {reference_id: value} mapping, converted to model units."""
    rid = REFERENCE_IDS[key]
    if rid not in refs:
        raise KeyError(f"reference id {rid!r} (for {key}) missing from the references mapping")
    return float(refs[rid]) * REFERENCE_UNITS[rid][1]


def chinchilla_fits(refs: Mapping[str, float]) -> dict[str, ChinchillaFit]:
    """Named Chinchilla fits from references: "hoffmann2022" (paper body, rounded) and "epoch2024"."""
    return {
        name: ChinchillaFit(
            name=name,
            e=_ref(refs, f"{name}.e"),
            a=_ref(refs, f"{name}.a"),
            b=_ref(refs, f"{name}.b"),
            alpha=_ref(refs, f"{name}.alpha"),
            beta=_ref(refs, f"{name}.beta"),
        )
        for name in ("hoffmann2022", "epoch2024")
    }


def default_accelerators(refs: Mapping[str, float]) -> dict[str, Accelerator]:
    """A100 / H100 / B200 (SXM/HGX) from references: dense BF16 peak, bandwidth, TDP, capacity."""
    out = {}
    for slug in ("a100", "h100", "b200"):
        mem_key = f"{slug}.memory_bytes"
        out[slug] = Accelerator(
            name=slug,
            peak_flops=_ref(refs, f"{slug}.peak_flops"),
            bandwidth_bytes_per_s=_ref(refs, f"{slug}.bandwidth_bytes_per_s"),
            power_w=_ref(refs, f"{slug}.power_w"),
            memory_bytes=_ref(refs, mem_key) if mem_key in REFERENCE_IDS else None,
        )
    return out


def known_models(refs: Mapping[str, float]) -> dict[str, KnownModel]:
    """Known models: size and tokens from MODEL_FACTS, training compute from references where present."""
    out = {}
    for slug, (params, tokens, source, year) in MODEL_FACTS.items():
        key = f"{slug}.compute_flops"
        rid = REFERENCE_IDS.get(key)
        has = rid is not None and rid in refs
        out[slug] = KnownModel(
            slug=slug,
            params=params,
            tokens=tokens,
            compute_flops=_ref(refs, key) if has else None,
            compute_ref=rid if has else None,
            year=year,
            source=source,
        )
    return out


# --------------------------------------------------------------------------------------------------
# Published constants of the Chinchilla law (available by name on a bare import)
# --------------------------------------------------------------------------------------------------

#: Hoffmann et al. 2022 (arXiv:2203.15556), eq. 10 as printed in the paper body (rounded).
#: Reference ids: e hof_E, a hof_A, b hof_B, alpha hof_alpha, beta hof_beta (REFERENCE_IDS
#: "hoffmann2022.*"); a test checks each constant against its row in data/references.yaml.
HOFFMANN2022 = ChinchillaFit(name="hoffmann2022", e=1.69, a=406.4, b=410.7, alpha=0.34, beta=0.28)
#: Besiroglu et al. 2024 (Epoch AI, arXiv:2404.10102), the refit of the same data.
#: Reference ids: e bes_fit_E, a bes_fit_A, b bes_fit_B, alpha bes_fit_alpha, beta bes_fit_beta
#: (REFERENCE_IDS "epoch2024.*").
EPOCH2024 = ChinchillaFit(name="epoch2024", e=1.8172, a=482.01, b=2085.43, alpha=0.3478, beta=0.3658)
#: The published fits by name; what ``chinchilla_loss`` / ``compute_optimal`` know without any set-up.
PUBLISHED_FITS: Mapping[str, ChinchillaFit] = MappingProxyType({f.name: f for f in (HOFFMANN2022, EPOCH2024)})

# Registry of named fits: the published ones from the start; register_fits() adds or overrides
# (e.g. with chinchilla_fits(refs) for fits read from another references mapping).
_FITS: dict[str, ChinchillaFit] = dict(PUBLISHED_FITS)

FitLike = Union[str, ChinchillaFit]


def register_fits(fits: Mapping[str, ChinchillaFit]) -> None:
    """Make more fits available by name to chinchilla_loss / compute_optimal, or override one.

    Not needed for the published fits ("hoffmann2022", "epoch2024"), known from import.
    Idempotent; a fit registered under an existing name replaces it.
    """
    for name, fit in fits.items():
        if not isinstance(fit, ChinchillaFit):
            raise TypeError(f"fit {name!r} is not a ChinchillaFit")
        _FITS[name] = fit


def known_fits() -> tuple[str, ...]:
    """Names currently registered."""
    return tuple(sorted(_FITS))


def _resolve_fit(fit: FitLike) -> ChinchillaFit:
    if isinstance(fit, ChinchillaFit):
        return fit
    try:
        return _FITS[fit]
    except (KeyError, TypeError):
        known = ", ".join(known_fits()) or "none registered; call register_fits(PUBLISHED_FITS)"
        raise ValueError(f"unknown Chinchilla fit {fit!r}; known fits: {known}") from None


# --------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------


def _arr(name: str, x, *, lo: float = 0.0, hi: float = math.inf, lo_open: bool = True) -> np.ndarray:
    """float array, checked finite and within (lo, hi] (or [lo, hi] if not lo_open)."""
    a = np.asarray(x, dtype=float)
    bad = ~np.isfinite(a) | (a > hi) | ((a <= lo) if lo_open else (a < lo))
    if np.any(bad):
        rng = f"{'(' if lo_open else '['}{lo}, {hi}]"
        raise ValueError(f"{name} must be finite and in {rng}; got {a[bad].ravel()[:3]}")
    return a


def _out(a: np.ndarray):
    """0-d arrays come back as numpy scalars, others as arrays."""
    return a[()] if a.ndim == 0 else a


# --------------------------------------------------------------------------------------------------
# Compute
# --------------------------------------------------------------------------------------------------


def training_flops(params, tokens):
    """Training compute C = 6 N D (FLOP). Dense decoder; attention FLOP left out; MoE: active params."""
    n = _arr("params", params)
    d = _arr("tokens", tokens)
    return _out(TRAINING_FLOPS_PER_PARAM_TOKEN * n * d)


def inference_flops_per_token(params):
    """Forward compute per generated token, 2 N (FLOP). Attention term 2 n_layer n_ctx d_model left out."""
    return _out(INFERENCE_FLOPS_PER_PARAM_TOKEN * _arr("params", params))


def chinchilla_loss(params, tokens, fit: FitLike = "hoffmann2022"):
    """Chinchilla loss L = E + A/N^alpha + B/D^beta (nats/token) for a named or given fit.

    An empirical fit to one data set/tokeniser (MassiveText); extrapolation outside ~1e8-1e10 params
    is an assumption. Losses are not comparable across fits' data sets.
    """
    f = _resolve_fit(fit)
    n = _arr("params", params)
    d = _arr("tokens", tokens)
    return _out(f.e + f.a * n ** (-f.alpha) + f.b * d ** (-f.beta))


def compute_optimal(compute_flops, fit: FitLike = "hoffmann2022"):
    """(params, tokens) minimising the Chinchilla loss under C = 6 N D (closed form).

    G = (alpha A / (beta B))^(1/(alpha+beta)), N* = G (C/6)^(beta/(alpha+beta)), D* = (C/6)/N*.
    E does not move the optimum. Ignores inference cost (which favours smaller, longer-trained models).
    """
    f = _resolve_fit(fit)
    c = _arr("compute_flops", compute_flops)
    c6 = c / TRAINING_FLOPS_PER_PARAM_TOKEN
    g = (f.alpha * f.a / (f.beta * f.b)) ** (1.0 / (f.alpha + f.beta))
    n = g * c6 ** f.params_exponent
    return _out(n), _out(c6 / n)


# --------------------------------------------------------------------------------------------------
# Training time and energy
# --------------------------------------------------------------------------------------------------


def training_time_s(flops, accelerators, peak_flops, utilisation):
    """Wall-clock training time T = C / (n_acc * peak * MFU) in s. No failures/restarts, no warm-up."""
    c = _arr("flops", flops)
    n = _arr("accelerators", accelerators)
    p = _arr("peak_flops", peak_flops)
    u = _arr("utilisation", utilisation, hi=1.0)
    return _out(c / (n * p * u))


def training_energy_mwh(time_s, accelerators, power_w, pue):
    """Facility energy T * n_acc * P * PUE in MWh. P per accelerator (TDP unless given a measured draw)."""
    t = _arr("time_s", time_s, lo_open=False)
    n = _arr("accelerators", accelerators)
    p = _arr("power_w", power_w)
    q = _arr("pue", pue, lo=1.0, lo_open=False)
    return _out(t * n * p * q / J_PER_MWH)


# --------------------------------------------------------------------------------------------------
# Decoding (roofline)
# --------------------------------------------------------------------------------------------------


def accelerators_to_hold(params, bytes_per_param, memory_bytes):
    """Fewest accelerators whose summed memory holds the weights, ceil(N b / M) (>= 1).

    Weights only: KV cache, activations and framework overhead need more room in practice.
    """
    w = _arr("params", params) * _arr("bytes_per_param", bytes_per_param)
    m = _arr("memory_bytes", memory_bytes)
    # tiny relative slack so that an exact fit (e.g. 160 GB on 2 x 80 GB) is not rounded up
    return _out(np.maximum(1.0, np.ceil(w / m * (1 - 1e-12))))


def weights_bytes(params, bytes_per_param):
    """Bytes of weights N * b (compare with Accelerator.memory_bytes; KV cache and activations left out)."""
    return _out(_arr("params", params) * _arr("bytes_per_param", bytes_per_param))


def _decode_bounds(params, bytes_per_param, bandwidth_bytes_per_s, peak_flops, batch):
    n = _arr("params", params)
    b = _arr("bytes_per_param", bytes_per_param)
    bw = _arr("bandwidth_bytes_per_s", bandwidth_bytes_per_s)
    pk = _arr("peak_flops", peak_flops)
    k = _arr("batch", batch)
    memory = k * bw / (n * b)
    compute = pk / (INFERENCE_FLOPS_PER_PARAM_TOKEN * n)
    return np.broadcast_arrays(memory, compute)


def decode_roofs(params, bytes_per_param, bandwidth_bytes_per_s, peak_flops, batch=1):
    """The two roofs of decode throughput (tokens/s): (memory bound batch*bw/(N*b), compute bound peak/(2N))."""
    memory, compute = _decode_bounds(params, bytes_per_param, bandwidth_bytes_per_s, peak_flops, batch)
    return _out(memory), _out(compute)


def decode_tokens_per_s(params, bytes_per_param, bandwidth_bytes_per_s, peak_flops, batch=1):
    """Total generated tokens/s across the batch: min(batch*bw/(N*b), peak/(2N)).

    Each decode step reads every weight once and serves the whole batch. Left out: KV-cache reads
    (grow with batch x context), attention FLOP, kernel overheads, capacity limits, and any
    achieved-vs-peak efficiency (so this is an upper bound). For several accelerators with tensor
    parallelism pass the summed bandwidth and peak.
    """
    memory, compute = _decode_bounds(params, bytes_per_param, bandwidth_bytes_per_s, peak_flops, batch)
    return _out(np.minimum(memory, compute))


def decode_ridge_batch(bytes_per_param, bandwidth_bytes_per_s, peak_flops):
    """Batch at which decoding turns compute-bound: peak * b / (2 * bandwidth)."""
    b = _arr("bytes_per_param", bytes_per_param)
    bw = _arr("bandwidth_bytes_per_s", bandwidth_bytes_per_s)
    pk = _arr("peak_flops", peak_flops)
    return _out(pk * b / (INFERENCE_FLOPS_PER_PARAM_TOKEN * bw))


def decode_regime(params, bytes_per_param, bandwidth_bytes_per_s, peak_flops, batch=1):
    """"memory" if the memory bound is the lower one, else "compute" (ties count as compute).

    Returns a str for scalar inputs, an array of str otherwise.
    """
    memory, compute = _decode_bounds(params, bytes_per_param, bandwidth_bytes_per_s, peak_flops, batch)
    return _out(np.where(memory < compute, "memory", "compute"))


def decode_energy_j_per_token(params, bytes_per_param, bandwidth_bytes_per_s, peak_flops, power_w, batch=1):
    """Energy per generated token, power * time per token (J), IT side only (multiply by PUE for facility).

    Assumes the accelerator draws ``power_w`` whatever the regime; host power left out.
    """
    p = _arr("power_w", power_w)
    rate = decode_tokens_per_s(params, bytes_per_param, bandwidth_bytes_per_s, peak_flops, batch)
    return _out(np.asarray(p / rate))


# --------------------------------------------------------------------------------------------------
# Trend
# --------------------------------------------------------------------------------------------------


def trend_base_flops(years, flops, factor_per_year, base_year):
    """Level at ``base_year`` of the trend with a given growth factor that best fits the points.

    Least squares in log space with the slope fixed: the geometric mean of flops / factor^(year - base).
    """
    y = np.asarray(years, dtype=float)
    c = _arr("flops", flops)
    f = _arr("factor_per_year", factor_per_year)
    if y.shape != c.shape or y.size == 0:
        raise ValueError("years and flops must be non-empty and of the same shape")
    return float(np.exp(np.mean(np.log(c) - (y - float(base_year)) * np.log(f))))


def growth_trend(base_flops, base_year, factor_per_year, years):
    """Exponential trend base_flops * factor^(years - base_year) (FLOP) for the growth chart."""
    c0 = _arr("base_flops", base_flops)
    f = _arr("factor_per_year", factor_per_year)
    y0 = np.asarray(base_year, dtype=float)
    y = np.asarray(years, dtype=float)
    return _out(c0 * f ** (y - y0))
