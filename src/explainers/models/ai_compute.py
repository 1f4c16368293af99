"""AI compute: training FLOP, Chinchilla scaling, training time/energy, decode roofline.

What: small closed-form models for the "AI compute" page.

- Training compute C = 6 N D and inference compute 2 N per token (Kaplan et al. 2020).
- Chinchilla loss L(N, D) = E + A/N^alpha + B/D^beta and its compute-optimal allocation under
  C = 6 N D (Hoffmann et al. 2022; refit by Besiroglu et al. 2024).
- Training time T = C / (n * peak * MFU) and facility energy T * n * P * PUE.
- Decode throughput from a roofline: the lower of a memory bound (every step streams all weights
  once, shared by the batch, plus each request's own KV cache: batch x context x 2 x layers x K/V
  heads x head width x bytes) and a compute bound (2 N FLOP per token plus attention over the
  context, at peak); the memory check with the KV cache and a realistic tensor x pipeline split.

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

Left out throughout: attention FLOP in training (6 N D counts the weights only), prefill of the
prompt and requests of different lengths (every request holds the full context), fragmentation of
KV memory, communication and pipeline bubbles, MoE (use active parameters), precision effects on
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
    "KV_VECTORS",
    "ServingLayout",
    "decode_energy_j_per_token",
    "decode_flops_per_token",
    "decode_max_batch",
    "decode_regime",
    "decode_ridge",
    "decode_roofs",
    "decode_ridge_batch",
    "decode_step_bytes",
    "decode_tokens_per_s",
    "micro_batches",
    "default_accelerators",
    "growth_trend",
    "accelerators_to_hold",
    "trend_base_flops",
    "inference_flops_per_token",
    "known_fits",
    "known_models",
    "kv_bytes_per_token",
    "register_fits",
    "serving_layout",
    "training_energy_mwh",
    "training_flops",
    "training_time_s",
    "transformer_shape",
    "trend_scatter",
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
        "typical model-FLOPs utilisation (MFU) of large dense training runs, ~35-50 % (Llama 3 405B "
        "38-43 %, reference row llama3_mfu; PaLM 46 %, recalled); a scenario default",
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
# Decoding (roofline with the KV cache)
# --------------------------------------------------------------------------------------------------

#: K and V: a decoder stores two vectors per layer and per K/V head for every token of context.
KV_VECTORS = 2.0


def accelerators_to_hold(params, bytes_per_param, memory_bytes):
    """Fewest accelerators whose summed memory holds the weights, ceil(N b / M) (>= 1).

    Weights only; `serving_layout` adds the KV cache and says how a real split would look.
    """
    w = _arr("params", params) * _arr("bytes_per_param", bytes_per_param)
    m = _arr("memory_bytes", memory_bytes)
    # tiny relative slack so that an exact fit (e.g. 160 GB on 2 x 80 GB) is not rounded up
    return _out(np.maximum(1.0, np.ceil(w / m * (1 - 1e-12))))


def weights_bytes(params, bytes_per_param):
    """Bytes of weights N * b (compare with Accelerator.memory_bytes)."""
    return _out(_arr("params", params) * _arr("bytes_per_param", bytes_per_param))


def kv_bytes_per_token(layers, kv_heads, head_dim, bytes_per_value):
    """KV-cache bytes one token of context holds: 2 (K and V) x layers x K/V heads x head width x bytes.

    Multi-head attention keeps one K/V head per query head (Chinchilla: 2 x 80 x 64 x 128 x 2 bytes
    = 2.6 MB per token at 16 bits); grouped-query attention (GQA) lets several query heads share
    one K/V head, so `kv_heads` is smaller (8 in Llama 3 70B and 405B: 8x less for a 70B model).
    """
    return _out(KV_VECTORS * _arr("layers", layers) * _arr("kv_heads", kv_heads) * _arr("head_dim", head_dim)
                * _arr("bytes_per_value", bytes_per_value))


def decode_flops_per_token(params, layers=0.0, context=0.0, d_model=0.0):
    """Forward FLOP per generated token: 2 N for the weights plus 2 n_layer n_ctx d_model for attention
    over the context (Kaplan et al. 2020). With no shape given, 2 N."""
    n = _arr("params", params)
    attn = (_arr("layers", layers, lo_open=False) * _arr("context", context, lo_open=False)
            * _arr("d_model", d_model, lo_open=False))
    return _out(INFERENCE_FLOPS_PER_PARAM_TOKEN * n + 2.0 * attn)


def decode_step_bytes(params, bytes_per_param, batch=1, *, kv_bytes_per_token=0.0, context=0.0, copies=1):
    """Bytes read from memory in one decoding step: every copy of the weights once (copies x N b),
    shared by the batch, plus each request's own KV cache (batch x context x KV bytes per token)."""
    n, b = _arr("params", params), _arr("bytes_per_param", bytes_per_param)
    k = _arr("batch", batch)
    kv = _arr("kv_bytes_per_token", kv_bytes_per_token, lo_open=False)
    ctx = _arr("context", context, lo_open=False)
    r = _arr("copies", copies)
    return _out(r * n * b + k * ctx * kv)


def micro_batches(batch, copies=1, pipeline=1):
    """Micro-batches each copy keeps in its pipeline: its share of the batch, at least 1, at most one
    per stage, floor(batch / copies) clipped to [1, pipeline]."""
    k, r, p = _arr("batch", batch), _arr("copies", copies), _arr("pipeline", pipeline)
    return _out(np.clip(np.floor(k / r * (1 + 1e-12)), 1.0, p))


def _decode_bounds(params, bytes_per_param, bandwidth_bytes_per_s, peak_flops, batch, kv_bytes_per_token=0.0,
                   context=0.0, flops_per_token=None, copies=1, pipeline=1):
    """The two roofs for a group of `copies` x tensor x `pipeline` accelerators (bw and peak summed).

    With m micro-batches per copy (`micro_batches`), a share m / pipeline of the group is busy at any
    time and the weights are read copies x m times per step: memory roof u k bw / (R m N b + k n_ctx m_kv),
    compute roof u peak / F, u = m / pipeline. With one stage (pipeline 1) u = 1 and m = 1.
    """
    n = _arr("params", params)
    bw = _arr("bandwidth_bytes_per_s", bandwidth_bytes_per_s)
    pk = _arr("peak_flops", peak_flops)
    k = _arr("batch", batch)
    r, p = _arr("copies", copies), _arr("pipeline", pipeline)
    m = micro_batches(k, r, p)
    u = m / p
    step = decode_step_bytes(n, bytes_per_param, k, kv_bytes_per_token=kv_bytes_per_token, context=context,
                             copies=r * m)
    f = INFERENCE_FLOPS_PER_PARAM_TOKEN * n if flops_per_token is None else _arr("flops_per_token", flops_per_token)
    memory = u * k * bw / step
    compute = u * pk / f
    return np.broadcast_arrays(memory, compute)


def decode_roofs(params, bytes_per_param, bandwidth_bytes_per_s, peak_flops, batch=1, *, kv_bytes_per_token=0.0,
                 context=0.0, flops_per_token=None, copies=1, pipeline=1):
    """The two roofs of decode throughput (tokens/s): memory, batch x bw / (copies N b + batch n_ctx m_kv),
    and compute, peak / (FLOP per token; 2 N unless given). With no KV cache: batch bw / (N b), peak / (2 N).
    Pipeline stages (`pipeline` > 1): see `_decode_bounds`."""
    memory, compute = _decode_bounds(params, bytes_per_param, bandwidth_bytes_per_s, peak_flops, batch,
                                     kv_bytes_per_token, context, flops_per_token, copies, pipeline)
    return _out(memory), _out(compute)


def decode_tokens_per_s(params, bytes_per_param, bandwidth_bytes_per_s, peak_flops, batch=1, *,
                        kv_bytes_per_token=0.0, context=0.0, flops_per_token=None, copies=1, pipeline=1):
    """Total generated tokens/s across the batch: the lower of the memory roof and the compute roof.

    Each decode step reads every weight once for the whole batch, and each request's KV cache for
    that request alone (pass `kv_bytes_per_token` and `context`; 0 leaves the cache out, the old
    weights-only roofline). For a group of accelerators pass the summed bandwidth and peak; with
    tensor parallelism alone they all stream their memory at once. With `pipeline` stages a copy keeps
    up to one micro-batch per stage: fewer micro-batches leave stages waiting, and each micro-batch
    reads the weights of its stage again. Left out: kernel overheads, communication, prefill of the
    prompt and any achieved-vs-peak efficiency (an upper bound).
    """
    memory, compute = _decode_bounds(params, bytes_per_param, bandwidth_bytes_per_s, peak_flops, batch,
                                     kv_bytes_per_token, context, flops_per_token, copies, pipeline)
    return _out(np.minimum(memory, compute))


def decode_ridge_batch(bytes_per_param, bandwidth_bytes_per_s, peak_flops):
    """Batch at which decoding turns compute-bound with the KV cache left out: peak * b / (2 * bandwidth)."""
    b = _arr("bytes_per_param", bytes_per_param)
    bw = _arr("bandwidth_bytes_per_s", bandwidth_bytes_per_s)
    pk = _arr("peak_flops", peak_flops)
    return _out(pk * b / (INFERENCE_FLOPS_PER_PARAM_TOKEN * bw))


def decode_ridge(params, bytes_per_param, bandwidth_bytes_per_s, peak_flops, *, kv_bytes_per_token=0.0, context=0.0,
                 flops_per_token=None, copies=1, pipeline=1):
    """Batch above which decoding is compute-bound, with the KV cache: where the two roofs meet,

        k* = (copies x pipeline x N b / bw) / (F / peak - n_ctx m_kv / bw),

    (with a full pipeline, one micro-batch per stage) and inf where each request's KV reads alone
    take longer than its arithmetic (F / peak <= n_ctx m_kv / bw): then no batch makes decoding
    compute-bound. With no KV cache, F = 2 N and one stage this is `decode_ridge_batch`.
    """
    n, b = _arr("params", params), _arr("bytes_per_param", bytes_per_param)
    bw, pk = _arr("bandwidth_bytes_per_s", bandwidth_bytes_per_s), _arr("peak_flops", peak_flops)
    kv = _arr("kv_bytes_per_token", kv_bytes_per_token, lo_open=False)
    ctx = _arr("context", context, lo_open=False)
    r = _arr("copies", copies) * _arr("pipeline", pipeline)
    f = INFERENCE_FLOPS_PER_PARAM_TOKEN * n if flops_per_token is None else _arr("flops_per_token", flops_per_token)
    margin = f / pk - ctx * kv / bw
    with np.errstate(divide="ignore"):
        ridge = np.where(margin > 0, (r * n * b / bw) / np.where(margin > 0, margin, 1.0), np.inf)
    return _out(ridge)


def decode_regime(params, bytes_per_param, bandwidth_bytes_per_s, peak_flops, batch=1, *, kv_bytes_per_token=0.0,
                  context=0.0, flops_per_token=None, copies=1, pipeline=1):
    """"memory" if the memory bound is the lower one, else "compute" (ties count as compute).

    Returns a str for scalar inputs, an array of str otherwise.
    """
    memory, compute = _decode_bounds(params, bytes_per_param, bandwidth_bytes_per_s, peak_flops, batch,
                                     kv_bytes_per_token, context, flops_per_token, copies, pipeline)
    return _out(np.where(memory < compute, "memory", "compute"))


def decode_energy_j_per_token(params, bytes_per_param, bandwidth_bytes_per_s, peak_flops, power_w, batch=1, *,
                              kv_bytes_per_token=0.0, context=0.0, flops_per_token=None, copies=1, pipeline=1):
    """Energy per generated token, power * time per token (J), IT side only (multiply by PUE for facility).

    Assumes the accelerators draw ``power_w`` whatever the regime, waiting ones too; host power left
    out. Since power, bandwidth and peak all add up over a group, with tensor parallelism alone the
    energy per token does not depend on how many accelerators share the work: memory-bound it is
    P/bw x bytes per step / batch. Pipeline stages add idle time or repeated weight reads.
    """
    p = _arr("power_w", power_w)
    rate = decode_tokens_per_s(params, bytes_per_param, bandwidth_bytes_per_s, peak_flops, batch,
                               kv_bytes_per_token=kv_bytes_per_token, context=context,
                               flops_per_token=flops_per_token, copies=copies, pipeline=pipeline)
    return _out(np.asarray(p / rate))


def decode_max_batch(memory_bytes, params, bytes_per_param, *, kv_bytes_per_token, context, copies=1):
    """Most requests whose KV caches fit next to the weights: floor((M - copies N b) / (n_ctx m_kv)),
    0 if the weights alone do not fit, inf with no KV cache."""
    m = _arr("memory_bytes", memory_bytes)
    room = m - decode_step_bytes(params, bytes_per_param, 1, copies=copies) * 1.0
    per = _arr("kv_bytes_per_token", kv_bytes_per_token, lo_open=False) * _arr("context", context, lo_open=False)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(per > 0, np.floor(np.maximum(room, 0.0) / np.where(per > 0, per, 1.0) * (1 + 1e-12)), np.inf)
    return _out(out)


@dataclass(frozen=True)
class ServingLayout:
    """How a model and its KV cache are split over accelerators to serve one batch.

    ``copies`` copies of the model share the batch (data parallelism), each split over
    ``tensor`` x ``pipeline`` accelerators: tensor parallelism within a server, pipeline stages
    across servers. ``memory_accelerators`` is the memory check alone: ceil((weights + KV) / M).
    """

    copies: int
    tensor: int
    pipeline: int
    memory_accelerators: int

    @property
    def accelerators(self) -> int:
        return self.copies * self.tensor * self.pipeline


def serving_layout(weights_bytes, kv_bytes, memory_bytes, *, heads: int, layers: int, node_size: int) -> ServingLayout:
    """A realistic split of weights plus KV cache over accelerators of ``memory_bytes`` each.

    The memory check asks for ceil((W + KV) / M) accelerators' worth of memory; a real split is
    coarser. Tensor parallelism (TP) cuts every layer by attention heads, so its degree divides the
    number of heads; it needs the fast links inside one server, so it is at most ``node_size``; and
    serving frameworks use powers of two. Pipeline parallelism (PP) puts groups of layers on the
    next servers, at most one stage per layer. So: the smallest such TP that holds everything in one
    server; else the largest TP times as many stages as the memory needs; and past one stage per
    layer, the batch is split over several copies of the model (each holding all the weights).
    """
    w, kv, m = float(weights_bytes), float(kv_bytes), float(memory_bytes)
    if not (w > 0 and kv >= 0 and m > 0 and heads >= 1 and layers >= 1 and node_size >= 1):
        raise ValueError("serving_layout needs weights > 0, KV >= 0, memory > 0, heads, layers, node_size >= 1")

    def worth(total: float) -> int:
        return max(1, math.ceil(total / m * (1 - 1e-12)))

    need = worth(w + kv)
    tps = [t for t in (2**i for i in range(31)) if t <= node_size and heads % t == 0]
    for t in tps:
        if t >= need:
            return ServingLayout(1, t, 1, need)
    tp = tps[-1]
    if math.ceil(worth(w) / tp) > layers:
        raise ValueError("the weights do not fit even with one pipeline stage per layer")
    room = layers * tp * m - w  # the KV cache one copy can hold at one stage per layer
    copies = 1 if worth(w + kv) <= layers * tp else max(1, math.ceil(kv / room) - 1) if room > 0 else 1
    while math.ceil(worth(w + kv / copies) / tp) > layers:  # at most a step or two from the estimate
        copies += 1
    return ServingLayout(copies, tp, math.ceil(worth(w + kv / copies) / tp), need)


def transformer_shape(params, *, width_per_layer: float, head_dim: float, coefficient: float = 12.0,
                      heads_multiple: int = 8) -> tuple[int, int, int]:
    """(layers, d_model, heads) of a dense decoder of ``params`` parameters with a given shape.

    Uses N = coefficient x n_layer x d_model^2 (Kaplan et al. 2020: 12, with d_attn = d_model and
    d_ff = 4 d_model) and d_model / n_layer = ``width_per_layer``; heads of ``head_dim`` each, a
    multiple of ``heads_multiple`` so that tensor parallelism can split them.
    """
    n = float(_arr("params", params))
    d = (n * width_per_layer / coefficient) ** (1.0 / 3.0)
    heads = heads_multiple * max(1, round(d / (heads_multiple * head_dim)))
    d_model = int(heads * head_dim)
    layers = max(1, round(n / (coefficient * d_model**2)))
    return layers, d_model, int(heads)


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


def trend_scatter(years, flops, factor_per_year, base_year):
    """How far the points lie from their fixed-slope trend: exp(rms of ln(flops / trend)), a factor >= 1.

    The growth chart's band is the trend times and divided by this factor: one fit, one band of
    constant width around it (the points' typical scatter), not two lines of different slopes.
    """
    y = np.asarray(years, dtype=float)
    c = _arr("flops", flops)
    base = trend_base_flops(y, c, factor_per_year, base_year)
    resid = np.log(c) - np.log(growth_trend(base, base_year, factor_per_year, y))
    return float(np.exp(np.sqrt(np.mean(resid**2))))
