"""Glue for the AI compute page: parameters from references, control options, number words, summaries.

Every number here comes from a reference row (through `value()` / `default_values()`) or from the
model in `explainers.models.ai_compute`; this module only wires them up and words them.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from explainers.charts.theme import freeze, thaw
from explainers.content import default_values, fmt_count, fmt_num, fmt_sci, ref, t, value
from explainers.models import ai_compute as ai

PAGE = "ai-compute"
ACC_SLUGS: tuple[str, ...] = ("a100", "h100", "b200")
FIT_SLUGS: tuple[str, ...] = ("epoch2024", "hoffmann2022")
CUSTOM = "custom"

#: Known models the calculator offers: slug -> (params row, tokens row, published compute row).
MODEL_ROWS: dict[str, tuple[str, str, str]] = {
    "gpt3": ("gpt3_n", "gpt3_d", "gpt3_c"),
    "chinchilla": ("chin_n", "chin_d", "chin_c"),
    "llama31_405b": ("llama31_n", "llama31_d", "llama31_c"),
}
MODEL_SLUGS: tuple[str, ...] = (*MODEL_ROWS, CUSTOM)

#: Published training compute of notable models for the growth chart: slug -> row (year from the row).
GROWTH_ROWS: dict[str, str] = {
    "gpt3": "gpt3_c",
    "chinchilla": "chin_c",
    "palm_540b": "palm_c",
    "gpt4": "gpt4_c",
    "gemini_ultra": "gemini_ultra_c",
    "llama31_405b": "llama31_c",
}

GROWTH_LABEL_POSITIONS = {"gpt3": "middle left", "chinchilla": "middle left", "palm_540b": "middle left",
                          "gpt4": "middle left", "gemini_ultra": "middle left", "llama31_405b": "bottom center"}

#: Rows behind each accelerator (for the Sources panel; the model maps them in REFERENCE_IDS).
ACC_ROWS: dict[str, tuple[str, ...]] = {
    "a100": ("a100_bf16_dense", "a100_bw", "a100_tdp", "a100_mem_gb"),
    "h100": ("h100_bf16_dense", "h100_bw_tbs", "h100_tdp", "h100_bw_gb"),
    "b200": ("b200_bf16_dense", "b200_bw_tbs", "b200_tdp", "b200_bw_gb"),
}
GAP_ROWS: tuple[str, ...] = ("epoch_growth", "mw_flops", "mw_dram", "mw_ic")
CONTEXT_ROWS: tuple[str, ...] = ("aif_total", "aif_split", "aif_timeline", "epoch_1e25")
ASSUMPTION_ROWS: tuple[str, ...] = ("aic_mfu", "aic_gpus", "aic_bytes_per_param", "pue_uptime")

_GB = 1e9


@dataclass(frozen=True)
class KnownModel:
    slug: str
    params: float
    tokens: float
    published_flops: float
    published_ref: str


@dataclass(frozen=True)
class Setup:
    accelerators: dict[str, ai.Accelerator]
    models: dict[str, KnownModel]
    mfu_pct: float
    gpus: int
    bytes_per_param: float
    pue: float


@lru_cache(maxsize=1)
def setup() -> Setup:
    """Model parameters from the references (once per process); registers the Chinchilla fits."""
    refs = default_values()
    ai.register_fits(ai.chinchilla_fits(refs))
    accs = ai.default_accelerators(refs)
    # The A100 capacity row lives with this page's references; the model has none for it.
    accs["a100"] = dataclasses.replace(accs["a100"], memory_bytes=value("a100_mem_gb") * _GB)
    models = {
        slug: KnownModel(slug, value(n), value(d), value(c), c) for slug, (n, d, c) in MODEL_ROWS.items()
    }
    return Setup(
        accelerators=accs,
        models=models,
        mfu_pct=value("aic_mfu"),
        gpus=int(value("aic_gpus")),
        bytes_per_param=value("aic_bytes_per_param"),
        pue=value("pue_uptime"),
    )


# --- control options ---------------------------------------------------------------------------

_SERIES = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8)


def _log_options(lo_exp: int, hi_exp: int, extra: tuple[float, ...]) -> list[float]:
    base = {float(f"{m}e{k}") for k in range(lo_exp, hi_exp) for m in _SERIES} | {float(f"1e{hi_exp}")}
    return sorted(base | set(extra))


@lru_cache(maxsize=1)
def params_options() -> list[float]:
    """Parameter counts 100 million .. 10 trillion on a 1-1.2-1.5-2-... grid, plus the known models'."""
    return _log_options(8, 13, tuple(m.params for m in setup().models.values()))


@lru_cache(maxsize=1)
def tokens_options() -> list[float]:
    """Token counts 1 billion .. 100 trillion, plus the known models'."""
    return _log_options(9, 14, tuple(m.tokens for m in setup().models.values()))


GPUS_OPTIONS: list[int] = [2**k for k in range(0, 18)]  # 1 .. 131,072
MFU_OPTIONS: list[int] = list(range(10, 71))  # percent
PUE_OPTIONS: list[float] = [round(1 + i / 100, 2) for i in range(0, 151)]  # 1.00 .. 2.50
BATCH_OPTIONS: list[int] = [2**k for k in range(0, 13)]  # 1 .. 4096


# --- number words -------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def count_words(x: float, lang: str) -> str:
    """175e9 -> '175 billion' / '175 miljard' (cached: slider labels are formatted on every run)."""
    return fmt_count(x, lang)


def round_sig(x: float, sig: int) -> float:
    """x rounded to `sig` significant figures (29,427 -> 29,000 for sig=2), for "about" numbers."""
    if x == 0 or not math.isfinite(x):
        return x
    return round(x, sig - 1 - math.floor(math.log10(abs(x))))


@lru_cache(maxsize=1024)
def option_label(x: float, lang: str, sig: int = 6) -> str:
    """A slider option's label (cached: option labels are formatted on every run)."""
    return fmt_num(x, lang, sig)


@lru_cache(maxsize=1024)
def pct(x: float, lang: str) -> str:
    return t("ai_compute.num.percent", lang, x=fmt_num(x, lang, 3))


def acc_name(slug: str, lang: str) -> str:
    return t(f"ai_compute.acc.{slug}", lang)


def model_name(slug: str, lang: str) -> str:
    return t(f"ai_compute.model.{slug}", lang)


def fit_name(slug: str, lang: str) -> str:
    return t(f"ai_compute.fit.{slug}", lang)


# --- computations the page shows (thin wrappers over the model) ---------------------------------


@dataclass(frozen=True)
class Training:
    flops: float
    time_s: float
    days: float
    acc_hours: float
    mwh: float
    mwh_by_acc: dict[str, float]


def training(n: float, d: float, acc: str, gpus: int, mfu_pct: float, pue: float) -> Training:
    s = setup()
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


_COMPUTE_GRID = np.logspace(19, 27, 97)
#: Where each known model's label sits in the scaling chart, so that neighbours do not overlap.
LABEL_POSITIONS = {"gpt3": "top left", "chinchilla": "bottom right", "llama31_405b": "top center"}


def scaling(n: float, d: float, fit: str) -> Scaling:
    setup()
    rule = value("hof_ratio")
    c = _COMPUTE_GRID
    n_opt, d_opt = ai.compute_optimal(c, fit)
    n_rule = np.sqrt(c / (ai.TRAINING_FLOPS_PER_PARAM_TOKEN * rule))
    user_c = float(ai.training_flops(n, d))
    on, od = ai.compute_optimal(user_c, fit)
    known = {}
    for slug, m in setup().models.items():
        known[slug] = (float(ai.training_flops(m.params, m.tokens)), float(ai.chinchilla_loss(m.params, m.tokens, fit)))
    return Scaling(
        compute=c,
        loss_opt=ai.chinchilla_loss(n_opt, d_opt, fit),
        loss_rule=ai.chinchilla_loss(n_rule, rule * n_rule, fit),
        user_flops=user_c,
        user_loss=float(ai.chinchilla_loss(n, d, fit)),
        user_ratio=d / n,
        opt_params=float(on),
        opt_tokens=float(od),
        opt_loss=float(ai.chinchilla_loss(on, od, fit)),
        known=known,
    )


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


_BATCH_GRID = np.logspace(0, math.log10(BATCH_OPTIONS[-1]), 121)


def decode(n: float, acc: str, batch: int) -> Decode:
    s = setup()
    a = s.accelerators[acc]
    b = s.bytes_per_param
    k = int(ai.accelerators_to_hold(n, b, a.memory_bytes))
    bw, peak, power = k * a.bandwidth_bytes_per_s, k * a.peak_flops, k * a.power_w
    grid = _BATCH_GRID
    args = (n, b, bw, peak)
    memory_roof, compute_roof = ai.decode_roofs(*args, batch=grid)
    return Decode(
        batch=grid,
        rate=ai.decode_tokens_per_s(*args, batch=grid),
        memory_roof=memory_roof,
        compute_roof=float(compute_roof[0]),
        energy_j=ai.decode_energy_j_per_token(*args, power, batch=grid),
        ridge=float(ai.decode_ridge_batch(b, bw, peak)),
        n_acc=k,
        weights_gb=float(ai.weights_bytes(n, b)) / _GB,
        memory_gb=a.memory_bytes / _GB,
        at_batch=float(batch),
        rate_at=float(ai.decode_tokens_per_s(*args, batch=batch)),
        energy_at=float(ai.decode_energy_j_per_token(*args, power, batch=batch)),
        regime=str(ai.decode_regime(*args, batch=batch)),
    )


@dataclass(frozen=True)
class Growth:
    names: list[str]
    years: np.ndarray
    flops: np.ndarray
    trend_years: np.ndarray
    trend_mid: np.ndarray
    trend_low: np.ndarray
    trend_high: np.ndarray


@lru_cache(maxsize=1)
def growth() -> Growth:
    slugs = list(GROWTH_ROWS)
    years = np.array([ref(GROWTH_ROWS[s]).year for s in slugs], dtype=float)
    flops = np.array([value(GROWTH_ROWS[s]) for s in slugs])
    row = ref("epoch_growth")
    ty = np.linspace(years.min() - 1, years.max() + 1, 25)
    base = int(years.min())

    def line(factor: float) -> np.ndarray:
        return ai.growth_trend(ai.trend_base_flops(years, flops, factor, base), base, factor, ty)

    return Growth(slugs, years, flops, ty, line(row.value), line(row.low), line(row.high))


GAP_YEARS = 10


@lru_cache(maxsize=1)
def gap() -> dict[str, np.ndarray]:
    """Growth index over GAP_YEARS years from the sourced rates (x per year, or x per 2 years)."""
    y = np.linspace(0, GAP_YEARS, 41)
    per_year = {"compute": value("epoch_growth"), "flops": value("mw_flops") ** 0.5,
                "dram": value("mw_dram") ** 0.5, "interconnect": value("mw_ic") ** 0.5}
    return {"years": y, **{k: f**y for k, f in per_year.items()}}


def flops_per_watt() -> dict[str, float]:
    """Dense BF16 peak per watt of maximum board power (TFLOP/s per W = TFLOP per J)."""
    return {slug: a.peak_flops / a.power_w / 1e12 for slug, a in setup().accelerators.items()}


def headline() -> tuple[float, Training]:
    """Llama 3.1 405B on H100s at the default utilisation and PUE: facility MWh (model estimate)."""
    s = setup()
    m = s.models["llama31_405b"]
    tr = training(m.params, m.tokens, "h100", s.gpus, s.mfu_pct, s.pue)
    return tr.mwh, tr


# --- which ids the page uses ----------------------------------------------------------------------


def page_ref_ids() -> list[str]:
    ids: list[str] = ["kap_6nd", "kap_2n", "hof_ratio"]
    ids += [ai.REFERENCE_IDS[k] for k in ai.REFERENCE_IDS if k.startswith(("hoffmann2022.", "epoch2024."))]
    for rows in MODEL_ROWS.values():
        ids += list(rows)
    ids += list(GROWTH_ROWS.values())
    for rows in ACC_ROWS.values():
        ids += list(rows)
    ids += list(ASSUMPTION_ROWS) + list(GAP_ROWS) + list(CONTEXT_ROWS)
    return list(dict.fromkeys(ids))


def chinchilla_ratios() -> dict[str, float]:
    """Compute-optimal tokens per parameter at Chinchilla's own budget (chin_c) for each fit."""
    setup()
    c = value("chin_c")
    out = {}
    for fit in FIT_SLUGS:
        n, d = ai.compute_optimal(c, fit)
        out[fit] = float(d / n)
    return out


@lru_cache(maxsize=4)
def compute_texts(lang: str) -> tuple[str, ...]:
    """The scaling chart's compute grid formatted for the hover, once per language."""
    return tuple(fmt_sci(c, lang) for c in _COMPUTE_GRID)


# --- the two static growth charts (depend on the language only) -------------------------------------


@lru_cache(maxsize=4)
def _growth_spec(lang: str) -> tuple:
    from explainers.charts import ai_compute as charts

    g = growth()
    row = ref("epoch_growth")
    names = [model_name(s, lang) for s in g.names]
    hover = [t("ai_compute.growth.hover_model", lang, name=nm, year=int(y), c=fmt_sci(c, lang))
             for nm, y, c in zip(names, g.years, g.flops)]
    fig = charts.compute_growth(
        g.years, g.flops, names, hover, g.trend_years, tuple(fmt_sci(c, lang) for c in g.trend_mid),
        g.trend_mid, g.trend_low, g.trend_high, lang,
        title=t("ai_compute.growth.chart_title", lang), x_title=t("ai_compute.growth.x", lang),
        y_title=t("ai_compute.growth.y", lang),
        names={"band": t("ai_compute.growth.band", lang, low=fmt_num(row.low, lang), high=fmt_num(row.high, lang)),
               "trend": t("ai_compute.growth.trend", lang, g=fmt_num(row.value, lang)),
               "models": t("ai_compute.growth.models", lang)},
        label_positions=[GROWTH_LABEL_POSITIONS[s] for s in g.names],
        trend_hover=t("ai_compute.growth.hover_model", lang,
                      name=t("ai_compute.growth.trend", lang, g=fmt_num(row.value, lang)), year="%{x:.1f}",
                      c="%{customdata}"),
    )
    first = int(np.argmin(g.years))
    top = int(np.argmax(g.flops))
    summary = t("ai_compute.growth.summary", lang, first=names[first], y0=int(g.years[first]),
                c0=fmt_sci(g.flops[first], lang), top=names[top], y1=int(g.years[top]), c1=fmt_sci(g.flops[top], lang),
                ratio=fmt_num(g.flops[top] / g.flops[first], lang, 2), low=fmt_num(row.low, lang),
                high=fmt_num(row.high, lang))
    return freeze(fig), summary


@lru_cache(maxsize=4)
def _gap_spec(lang: str) -> tuple:
    from explainers.charts import ai_compute as charts

    s = gap()
    keys = ("compute", "flops", "dram", "interconnect")
    fig = charts.growth_gap(
        s["years"], s, lang, title=t("ai_compute.gap.chart_title", lang), x_title=t("ai_compute.gap.x", lang),
        y_title=t("ai_compute.gap.y", lang),
        names={k: t(f"ai_compute.gap.{k}", lang) for k in keys},
        hover={k: t("ai_compute.gap.hover", lang, name=t(f"ai_compute.gap.{k}", lang), x="%{x:.1f}", y="%{y:,.3~r}")
               for k in keys},
    )
    end = {k: float(s[k][-1]) for k in keys}
    summary = t("ai_compute.gap.summary", lang, years=GAP_YEARS, compute=fmt_sci(end["compute"], lang),
                flops=fmt_num(end["flops"], lang, 2), dram=fmt_num(end["dram"], lang, 2),
                links=fmt_num(end["interconnect"], lang, 2))
    return freeze(fig), summary


def growth_figure(lang: str):
    """The growth chart (built once per language, kept as a frozen spec) and its summary sentence."""
    spec, summary = _growth_spec(lang)
    return thaw(spec), summary


def gap_figure(lang: str):
    """The growth-gap chart (built once per language, kept as a frozen spec) and its summary sentence."""
    spec, summary = _gap_spec(lang)
    return thaw(spec), summary
