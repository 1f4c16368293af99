"""What each section of the AI compute page says: pure functions of the language and the URL keys.

Every sentence, number and caption of the page is built here (no Streamlit); the page (sections.py)
only lays the views out. Charts are recipes (`views.Figure`), built and cached by `ui.figures`.

    from explainers.topics.ai_compute import present
    view = present.running("nl", model="chinchilla", acc="h100", n=70e9, batch=1, ctx=2048, kvb=2.0, kvh="own")
    print(view.readouts[2].value, view.roofline.summary)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from explainers.charts import ai_compute as charts
from explainers.content import fmt_count, fmt_num, fmt_sci, ref, round_sig, shown, t, value
from explainers.content.citations import source_line, sources_line
from explainers.views import Figure, Heading, ModelView, Note, OneMinute, Readout

from . import (ACC_ROWS, ACC_SLUGS, CONTEXT_ROWS, GAP_ROWS, GROWTH_LABEL_POSITIONS, GROWTH_ROWS, LABEL_POSITIONS,
               MODEL_ROWS, setup)

# --- words for slugs and numbers (also the controls' option labels) ---------------------------------


@lru_cache(maxsize=4096)
def count_words(x: float, lang: str) -> str:
    """175e9 -> '175 billion' / '175 miljard'."""
    return fmt_count(x, lang)


@lru_cache(maxsize=1024)
def option_label(x: float, lang: str, sig: int = 6) -> str:
    """A slider option's label."""
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


def _name(model: str, lang: str) -> str:
    """The chosen model as the text names it ("the custom model" when it is not a known one)."""
    return model_name(model, lang) if setup.known(model) else t("ai_compute.custom_model", lang)


# --- the views ------------------------------------------------------------------------------------


#: Section -> the prefix of its heading and intro keys ("page": the page's title and intro).
_HEADINGS = {"pick": "pick", "training": "train", "scaling": "scaling", "running": "run", "growth": "growth"}


def heading(lang: str, section: str = "page") -> Heading:
    """A section's heading and the paragraph under it (shown before its controls, so known first)."""
    if section == "page":
        return Heading(t("ai_compute.title", lang), t("ai_compute.intro", lang))
    prefix = _HEADINGS[section]
    return Heading(t(f"ai_compute.{prefix}.title", lang),
                   t(f"ai_compute.{prefix}.intro", lang, rule=fmt_num(value("hof_ratio"), lang)))


@dataclass(frozen=True)
class OneMinuteView(OneMinute):
    """The one-minute box, with the numbers its headline states (for the robustness harness)."""

    mwh: float = 0.0  # the headline: facility MWh to train Llama 3.1 405B on H100s
    mwh_low: float = 0.0  # over Meta's reported utilisation and the sourced PUEs
    mwh_high: float = 0.0


def one_minute(lang: str) -> OneMinuteView:
    s = setup.parameters()
    head_mwh, _ = setup.headline()
    lo, hi = setup.headline_range()
    growth_row = ref("epoch_growth")
    mwh = fmt_num(round_sig(head_mwh, 2), lang)
    mfu_row = ref("llama3_mfu")
    return OneMinuteView(
        takeaways=(
            t("ai_compute.one_minute.growth", lang, low=fmt_num(growth_row.low, lang),
              high=fmt_num(growth_row.high, lang)),
            t("ai_compute.one_minute.energy", lang, flops=fmt_sci(value("llama31_c"), lang), mwh=mwh),
            t("ai_compute.one_minute.limit", lang, flops=fmt_num(value("mw_flops"), lang),
              dram=fmt_num(value("mw_dram"), lang), links=fmt_num(value("mw_ic"), lang)),
        ),
        headline_label=t("ai_compute.one_minute.headline_label", lang),
        headline_value=t("ai_compute.one_minute.headline_value", lang, mwh=mwh),
        headline_ref="llama31_c",
        headline_help=t("ai_compute.one_minute.headline_help", lang, flops=shown("llama31_c", lang),
                        peak=fmt_num(value("h100_bf16_dense"), lang), power=fmt_num(value("h100_tdp"), lang),
                        mfu=pct(s.mfu_pct, lang), pue=fmt_num(s.pue, lang), gpus=fmt_num(s.gpus, lang),
                        mfu_low=pct(round_sig(mfu_row.low, 2), lang), mfu_high=pct(round_sig(mfu_row.high, 2), lang),
                        pue_low=fmt_num(min(value("pue_google"), value("pue_new")), lang),
                        lo=fmt_num(round_sig(lo, 2), lang), hi=fmt_num(round_sig(hi, 2), lang)),
        claim="ai_compute.train_energy",
        mwh=head_mwh, mwh_low=lo, mwh_high=hi,
    )


@dataclass(frozen=True)
class PickView:
    heading: str
    intro: str
    sources: Note


def pick(lang: str, *, model: str, acc: str, n: float, d: float) -> PickView:
    """The shared choice of model and hardware: its heading and the sources of what is chosen."""
    rows = [*ACC_ROWS[acc], *(MODEL_ROWS[model][:2] if setup.known(model) else ())]
    h = heading(lang, "pick")
    return PickView(h.title, h.intro, Note(sources_line(rows, lang)))


@dataclass(frozen=True)
class TrainingView:
    heading: str
    intro: str
    readouts: tuple[Readout, ...]  # compute (with the published figure under it), days, accelerator-hours, MWh
    arithmetic_title: str
    arithmetic: str
    bars: Figure
    note: Note
    days: float = 0.0  # the numbers its readouts state (for the robustness harness)
    mwh: float = 0.0
    best: str = ""  # the accelerator that uses the least energy for this run


def training(lang: str, *, model: str, acc: str, n: float, d: float, gpus: int, mfu: float,
             pue: float) -> TrainingView:
    s = setup.parameters()
    res = setup.training(n, d, acc, gpus, mfu, pue)
    known = setup.known(model)
    a, acc_label = s.accelerators[acc], acc_name(acc, lang)
    model_label = _name(model, lang)
    sci = lambda x: fmt_sci(x, lang)  # noqa: E731
    if known is not None:
        published = t("ai_compute.train.published", lang, value=shown(known.published_ref, lang),
                      ratio=fmt_num(res.flops / known.published_flops, lang, decimals=3))
    else:
        published = t("ai_compute.train.no_published", lang)
    readouts = (
        Readout(t("ai_compute.train.flops", lang), sci(res.flops), t("ai_compute.train.flops_help", lang), published),
        Readout(t("ai_compute.train.days", lang), fmt_num(res.days, lang, 3), t("ai_compute.train.days_help", lang),
                claim="ai_compute.training_days"),
        Readout(t("ai_compute.train.acc_hours", lang), count_words(res.acc_hours, lang),
                t("ai_compute.train.acc_hours_help", lang)),
        Readout(t("ai_compute.train.mwh", lang), fmt_num(res.mwh, lang, 3), t("ai_compute.train.mwh_help", lang),
                claim="ai_compute.training_mwh"),
    )
    arithmetic = t(
        "ai_compute.train.arithmetic", lang, n=count_words(n, lang), d=count_words(d, lang), c=sci(res.flops),
        gpus=fmt_num(gpus, lang, 6), acc=acc_label, peak=fmt_num(a.peak_flops / 1e12, lang, 4),
        mfu=pct(mfu, lang), s=sci(res.time_s), days=fmt_num(res.days, lang, 3),
        power=fmt_num(a.power_w, lang, 4), pue=fmt_num(pue, lang, 3), mwh=fmt_num(res.mwh, lang, 3),
    )
    slugs = list(ACC_SLUGS)
    names = [acc_name(sl, lang) for sl in slugs]
    mwh = [res.mwh_by_acc[sl] for sl in slugs]
    best, worst = min(slugs, key=res.mwh_by_acc.get), max(slugs, key=res.mwh_by_acc.get)
    summary = t("ai_compute.train.summary", lang, model=model_label, c=sci(res.flops), gpus=fmt_num(gpus, lang, 6),
                acc=acc_label, mfu=pct(mfu, lang), days=fmt_num(res.days, lang, 3), mwh=fmt_num(res.mwh, lang, 3),
                best=acc_name(best, lang), worst=acc_name(worst, lang),
                ratio=fmt_num(res.mwh_by_acc[worst] / res.mwh_by_acc[best], lang, 2))
    bars = Figure(
        charts.energy_by_accelerator,
        (names, mwh, slugs.index(acc),
         [t("ai_compute.train.bar_hover", lang, acc=nm, mwh=fmt_num(m, lang, 3)) for nm, m in zip(names, mwh)], lang),
        dict(title=t("ai_compute.train.bar_title", lang, model=model_label), x_title=t("ai_compute.train.bar_x", lang),
             y_title=t("ai_compute.train.bar_y", lang), selected_label=t("ai_compute.train.bar_selected", lang)),
        summary=summary, key="aic_energy_bars",
    )
    h = heading(lang, "training")
    return TrainingView(h.title, h.intro, readouts,
                        t("ai_compute.train.arithmetic_title", lang), arithmetic, bars,
                        Note(t("ai_compute.train.bar_note", lang)), days=res.days, mwh=res.mwh, best=best)


@dataclass(frozen=True)
class ScalingView:
    heading: str
    intro: str
    chart: Figure
    readouts: tuple[Readout, ...]  # optimal D/N, this model's D/N, optimal N, loss gap (a column)
    honest: Note
    sources: Note
    opt_ratio: float = 0.0  # compute-optimal tokens per parameter with the chosen constants
    ratio_low: float = 0.0  # ... over the published constants (the range its readout states)
    ratio_high: float = 0.0


@lru_cache(maxsize=4)
def _compute_texts(lang: str) -> tuple[str, ...]:
    """The scaling chart's compute grid formatted for the hover, once per language."""
    return tuple(fmt_sci(c, lang) for c in setup.COMPUTE_GRID)


def scaling(lang: str, *, model: str, n: float, d: float, fit: str) -> ScalingView:
    sc = setup.scaling(n, d, fit)
    sci = lambda x: fmt_sci(x, lang)  # noqa: E731
    rule_text = fmt_num(value("hof_ratio"), lang)
    known_names = {sl: model_name(sl, lang) for sl in sc.known}
    user_name = _name(model, lang)
    opt_name, rule_name = t("ai_compute.scaling.opt", lang), t("ai_compute.scaling.rule", lang, rule=rule_text)

    def point(name: str, c: str, loss: str) -> str:
        return t("ai_compute.scaling.hover_point", lang, name=name, c=c, loss=loss)

    opt_ratio = fmt_num(sc.opt_tokens / sc.opt_params, lang, 2)
    gap = fmt_num(sc.user_loss - sc.opt_loss, lang, 2)
    chart = Figure(
        charts.scaling_law,
        (sc.compute, _compute_texts(lang), sc.loss_opt, sc.loss_rule, (sc.user_flops, sc.user_loss), sc.known, lang),
        dict(
            title=t("ai_compute.scaling.chart_title", lang, fit=fit_name(fit, lang)),
            x_title=t("ai_compute.scaling.x", lang), y_title=t("ai_compute.scaling.y", lang),
            names={"opt": opt_name, "rule": rule_name, "known": t("ai_compute.scaling.known", lang),
                   "user": t("ai_compute.scaling.user", lang), "known_labels": [known_names[sl] for sl in sc.known]},
            hover={"opt": point(opt_name, "%{customdata}", "%{y:.3f}"),
                   "rule": point(rule_name, "%{customdata}", "%{y:.3f}"),
                   "known": [point(known_names[sl], sci(c), fmt_num(lo, lang, 3)) for sl, (c, lo) in sc.known.items()],
                   "user": point(user_name, sci(sc.user_flops), fmt_num(sc.user_loss, lang, 3))},
            label_positions=[LABEL_POSITIONS[sl] for sl in sc.known],
        ),
        summary=t("ai_compute.scaling.summary", lang, fit=t(f"ai_compute.fit_in_text.{fit}", lang), c=sci(sc.user_flops),
                  n_opt=count_words(sc.opt_params, lang), ratio_opt=opt_ratio, name=user_name,
                  ratio=fmt_num(sc.user_ratio, lang, 2), gap=gap),
        key="aic_scaling",
    )
    r_lo, r_hi = setup.optimal_ratio_range(sc.user_flops)
    readouts = (
        Readout(t("ai_compute.scaling.opt_ratio", lang), opt_ratio, t("ai_compute.scaling.opt_ratio_help", lang),
                t("ai_compute.scaling.opt_ratio_range", lang, lo=fmt_num(r_lo, lang, 2), hi=fmt_num(r_hi, lang, 2)),
                claim="ai_compute.optimal_ratio"),
        Readout(t("ai_compute.scaling.user_ratio", lang), fmt_num(sc.user_ratio, lang, 2)),
        Readout(t("ai_compute.scaling.opt_n", lang), count_words(sc.opt_params, lang)),
        Readout(t("ai_compute.scaling.loss_gap", lang), gap, t("ai_compute.scaling.loss_gap_help", lang)),
    )
    ratios = setup.chinchilla_ratios()
    honest = Note(t("ai_compute.scaling.honest", lang, hof=fmt_num(ratios["hoffmann2022"], lang, 2),
                    epoch=fmt_num(ratios["epoch2024"], lang, 2), c=sci(value("chin_c")), rule=rule_text),
                  kind="info", icon=":material/balance:")
    h = heading(lang, "scaling")
    sources = Note(sources_line(["hof_A", "bes_fit_A", "hof_alpha_tex", "hof_ratio"], lang))
    return ScalingView(h.title, h.intro, chart, readouts, honest, sources, opt_ratio=sc.opt_tokens / sc.opt_params,
                       ratio_low=r_lo, ratio_high=r_hi)


#: KV precision (bytes per key or value) -> the slug of its label.
KV_PRECISION = {1.0: "fp8", 2.0: "bf16"}


def kv_precision_name(kvb: float, lang: str) -> str:
    return t(f"ai_compute.run.kvb_option.{KV_PRECISION[float(kvb)]}", lang)


def kv_heads_name(slug: str, lang: str) -> str:
    return t(f"ai_compute.run.kvh_option.{slug}", lang)


@dataclass(frozen=True)
class RunningView:
    heading: str
    intro: str
    fits: Note  # the memory check: a caption when one accelerator holds everything, else an info box
    readouts: tuple[Readout, ...]  # tokens/s, per request, limited by, energy per token, saving by batching
    roofline: Figure
    energy: Figure
    why: str
    link_neuro: str
    rate: float = 0.0  # the numbers its readouts state (for the robustness harness)
    regime: str = ""
    saving: float = 1.0  # energy per token at batch 1 / at this batch, with the KV cache
    saving_low: float = 1.0  # ... over the KV precisions offered (the range its readout states)
    saving_high: float = 1.0
    accelerators: int = 1  # the realistic group
    memory_accelerators: int = 1  # the memory check alone


def _split_text(dec: setup.Decode, lang: str) -> str:
    """What a real split of the group looks like, from the model's shape and one server's size."""
    lay, sh = dec.layout, dec.shape
    common = dict(k=fmt_num(lay.accelerators, lang), tp=fmt_num(lay.tensor, lang), pp=fmt_num(lay.pipeline, lang),
                  copies=fmt_num(lay.copies, lang), heads=fmt_num(sh.heads, lang), layers=fmt_num(sh.layers, lang),
                  node=fmt_num(value("aic_node_gpus"), lang))
    if lay.copies > 1:
        return t("ai_compute.run.split_copies", lang, **common)
    if lay.pipeline > 1:
        return t("ai_compute.run.split_pp", lang, **common)
    if lay.tensor > lay.memory_accelerators:
        return t("ai_compute.run.split_tp_round", lang, **common)
    return t("ai_compute.run.split_tp", lang, **common)


def running(lang: str, *, model: str, acc: str, n: float, batch: int, ctx: float, kvb: float,
            kvh: str) -> RunningView:
    dec = setup.decode(model, n, acc, batch, ctx, kvb, kvh)
    lo, hi = setup.saving_range(model, n, acc, batch, ctx, kvh)
    acc_label = acc_name(acc, lang)
    name = _name(model, lang)
    group = t("ai_compute.run.group", lang, k=fmt_num(dec.n_acc, lang), acc=acc_label)
    b_text, ctx_text = fmt_num(batch, lang, 6), fmt_num(ctx, lang, 6)
    check = dict(name=name, w=fmt_num(dec.weights_gb, lang, 3), acc=acc_label, m=fmt_num(dec.memory_gb, lang, 3),
                 reqs=t(f"ai_compute.run.requests_{'one' if batch == 1 else 'many'}", lang, b=b_text, ctx=ctx_text),
                 kv=fmt_num(dec.kv_gb, lang, 3), kvt=fmt_num(dec.kv_mb_per_token, lang, 3),
                 precision=t(f"ai_compute.run.kvb_in_text.{KV_PRECISION[float(kvb)]}", lang),
                 total=fmt_num(dec.total_gb, lang, 3),
                 k_mem=fmt_num(dec.layout.memory_accelerators, lang))
    if dec.n_acc > 1:
        fits = Note(t("ai_compute.run.check_split", lang, **check, split=_split_text(dec, lang)),
                    kind="info", icon=":material/memory:")
    else:
        fits = Note(t("ai_compute.run.check_fits", lang, **check))
    r_text, e_text = fmt_num(dec.rate_at, lang, 3), fmt_num(dec.energy_at, lang, 3)
    per = fmt_num(dec.rate_at / batch, lang, 3)
    never = not math.isfinite(dec.ridge)
    ridge = "" if never else fmt_num(dec.ridge, lang, 3)
    regime_help = (t("ai_compute.run.regime_help_never", lang, ctx=ctx_text) if never
                   else t("ai_compute.run.regime_help", lang, ridge=ridge))
    regime = Readout(t("ai_compute.run.regime_label", lang), t(f"ai_compute.run.regime.{dec.regime}", lang),
                     regime_help, claim="ai_compute.decode_regime")
    saving_text = t("ai_compute.run.saving_value", lang, x=fmt_num(dec.saving, lang, 2))
    if batch == 1:
        saving_caption = t("ai_compute.run.saving_one", lang)
    else:
        saving_caption = t("ai_compute.run.saving_caption", lang, lo=fmt_num(lo, lang, 2), hi=fmt_num(hi, lang, 2),
                           free=fmt_num(dec.saving_free, lang, 2))
    readouts = (
        Readout(t("ai_compute.run.rate", lang), r_text, t("ai_compute.run.rate_help", lang, group=group)),
        Readout(t("ai_compute.run.per_request", lang), per, t("ai_compute.run.per_request_help", lang)),
        regime,
        Readout(t("ai_compute.run.energy", lang), e_text, t("ai_compute.run.energy_help", lang)),
        Readout(t("ai_compute.run.saving", lang), saving_text, t("ai_compute.run.saving_help", lang), saving_caption,
                claim="ai_compute.decode_saving"),
    )

    def hover(line: str, b: str, r: str) -> str:
        return t("ai_compute.run.hover", lang, name=t(f"ai_compute.run.{line}", lang), b=b, r=r)

    cap = dec.capacity if math.isfinite(dec.capacity) else None
    cap_text = fmt_num(dec.capacity, lang, 6) if cap is not None else ""
    limit = t("ai_compute.run.limit_never", lang, ctx=ctx_text) if never else t("ai_compute.run.limit_ridge", lang,
                                                                                 ridge=ridge)
    if cap is not None:
        limit += " " + t("ai_compute.run.limit_capacity", lang, cap=cap_text, group=group, ctx=ctx_text)
    roofline = Figure(
        charts.decode_roofline,
        (dec.batch, dec.rate_batch, dec.rate, dec.memory_roof, dec.free_roof, dec.compute_roof,
         None if never else dec.ridge, cap, (batch, dec.rate_at), lang),
        dict(
            title=t("ai_compute.run.roof_title", lang, name=name, group=group), x_title=t("ai_compute.run.x", lang),
            y_title=t("ai_compute.run.y", lang),
            names={"memory": t("ai_compute.run.memory_roof", lang), "compute": t("ai_compute.run.compute_roof", lang),
                   "rate": t("ai_compute.run.rate_line", lang), "at": t("ai_compute.run.at", lang),
                   "free": t("ai_compute.run.free_roof", lang)},
            hover={k: hover(line, "%{x:.0f}", "%{y:,.3~r}")
                   for k, line in (("memory", "memory_roof"), ("compute", "compute_roof"), ("rate", "rate_line"),
                                   ("free", "free_roof"))}
            | {"at": hover("at", b_text, r_text)},
            ridge_label=t("ai_compute.run.ridge_label", lang, ridge=ridge),
            capacity_label=t("ai_compute.run.capacity_label", lang, cap=cap_text),
        ),
        summary=t(f"ai_compute.run.summary_{dec.regime}", lang, b=b_text, name=name, group=group, r=r_text, per=per,
                  ridge=ridge, limit=limit),
        key="aic_roofline",
    )

    def hover_energy(line: str, b: str, e: str) -> str:
        return t("ai_compute.run.hover_energy", lang, name=t(f"ai_compute.run.{line}", lang), b=b, e=e)

    steps = t("ai_compute.run.energy_steps", lang) if dec.energy_steps else ""
    if batch == 1:
        energy_summary = t("ai_compute.run.energy_summary_one", lang, e=e_text, steps=steps).strip()
    else:
        energy_summary = t("ai_compute.run.energy_summary", lang, e1=fmt_num(dec.energy_one, lang, 3), b=b_text,
                           e=e_text, ratio=fmt_num(dec.saving, lang, 2), free=fmt_num(dec.saving_free, lang, 2),
                           steps=steps).strip()
    energy = Figure(
        charts.energy_per_token,
        (dec.batch, dec.energy_j, dec.energy_free_j, (batch, dec.energy_at), lang),
        dict(
            title=t("ai_compute.run.energy_title", lang, acc=acc_label), x_title=t("ai_compute.run.x", lang),
            y_title=t("ai_compute.run.energy_y", lang),
            names={"energy": t("ai_compute.run.energy_line", lang), "at": t("ai_compute.run.at", lang),
                   "free": t("ai_compute.run.energy_free_line", lang)},
            hover={"energy": hover_energy("energy_line", "%{x:.0f}", "%{y:.3~r}"),
                   "free": hover_energy("energy_free_line", "%{x:.0f}", "%{y:.3~r}"),
                   "at": hover_energy("at", b_text, e_text)},
        ),
        summary=energy_summary, key="aic_energy_token",
    )
    h = heading(lang, "running")
    return RunningView(h.title, h.intro, fits, readouts, roofline, energy, t("ai_compute.run.why", lang),
                       t("ai_compute.run.link_neuro", lang), rate=dec.rate_at, regime=dec.regime, saving=dec.saving,
                       saving_low=lo, saving_high=hi, accelerators=dec.n_acc,
                       memory_accelerators=dec.layout.memory_accelerators)


@dataclass(frozen=True)
class GrowthView:
    heading: str
    intro: str
    factor: Readout  # the growth of training compute per year, with its sourced range
    growth: Figure
    gap: Figure
    eff_title: str
    efficiency: tuple[Readout, ...]  # one per accelerator, the datasheet year under it
    eff_note: Note
    links: str
    link_photonics: str
    sources: Note
    growth_factor: float = 0.0  # x per year (for the robustness harness)
    growth_low: float = 0.0
    growth_high: float = 0.0


def _growth_chart(lang: str) -> Figure:
    g = setup.growth()
    row = ref("epoch_growth")
    names = [model_name(sl, lang) for sl in g.names]
    hover = [t("ai_compute.growth.hover_model", lang, name=nm, year=int(y), c=fmt_sci(c, lang))
             for nm, y, c in zip(names, g.years, g.flops)]
    trend = t("ai_compute.growth.trend", lang, g=fmt_num(g.factor, lang))
    scatter = fmt_num(g.scatter, lang, 2)
    first, top = int(np.argmin(g.years)), int(np.argmax(g.flops))
    summary = t("ai_compute.growth.summary", lang, first=names[first], y0=int(g.years[first]),
                c0=fmt_sci(g.flops[first], lang), top=names[top], y1=int(g.years[top]),
                c1=fmt_sci(g.flops[top], lang), ratio=fmt_num(g.flops[top] / g.flops[first], lang, 2),
                g=fmt_num(g.factor, lang), low=fmt_num(row.low, lang), high=fmt_num(row.high, lang), s=scatter)
    return Figure(
        charts.compute_growth,
        (g.years, g.flops, names, hover, g.trend_years, tuple(fmt_sci(c, lang) for c in g.trend_mid),
         g.trend_mid, g.band_low, g.band_high, lang),
        dict(
            title=t("ai_compute.growth.chart_title", lang), x_title=t("ai_compute.growth.x", lang),
            y_title=t("ai_compute.growth.y", lang),
            names={"band": t("ai_compute.growth.band", lang, s=scatter),
                   "trend": trend, "models": t("ai_compute.growth.models", lang)},
            label_positions=[GROWTH_LABEL_POSITIONS[sl] for sl in g.names],
            trend_hover=t("ai_compute.growth.hover_model", lang, name=trend, year="%{x:.1f}", c="%{customdata}"),
        ),
        summary=summary, key="aic_growth",
    )


def _gap_chart(lang: str) -> Figure:
    s = setup.gap()
    keys = setup.GAP_KEYS
    label = {k: t(f"ai_compute.gap.{k}", lang) for k in keys}
    end = {k: float(s[k][-1]) for k in keys}
    summary = t("ai_compute.gap.summary", lang, years=setup.GAP_YEARS, compute=fmt_sci(end["compute"], lang),
                flops=fmt_num(end["flops"], lang, 2), dram=fmt_num(end["dram"], lang, 2),
                links=fmt_num(end["interconnect"], lang, 2))
    return Figure(
        charts.growth_gap,
        (s["years"], s, lang),
        dict(title=t("ai_compute.gap.chart_title", lang), x_title=t("ai_compute.gap.x", lang),
             y_title=t("ai_compute.gap.y", lang), names=label,
             hover={k: t("ai_compute.gap.hover", lang, name=label[k], x="%{x:.1f}", y="%{y:,.3~r}") for k in keys}),
        summary=summary, key="aic_gap",
    )


@lru_cache(maxsize=4)
def growth(lang: str) -> GrowthView:
    """The growth section depends on the language only: built once per language (the same recipes,
    so the figure cache hits every time)."""
    eff = setup.flops_per_watt()
    efficiency = tuple(
        Readout(acc_name(sl, lang), t("ai_compute.growth.eff_value", lang, x=fmt_num(x, lang, 3)),
                t("ai_compute.growth.eff_help", lang, peak=fmt_num(value(ACC_ROWS[sl][0]), lang, 4),
                  power=fmt_num(value(ACC_ROWS[sl][2]), lang, 4)),
                t("ai_compute.growth.eff_year", lang, year=ref(ACC_ROWS[sl][0]).year))
        for sl, x in eff.items()
    )
    h = heading(lang, "growth")
    row = ref("epoch_growth")
    g = value("epoch_growth")
    factor = Readout(t("ai_compute.growth.factor_label", lang), t("ai_compute.growth.factor_value", lang,
                                                                    g=fmt_num(g, lang)),
                     t("ai_compute.growth.factor_help", lang),
                     t("ai_compute.growth.factor_caption", lang, low=fmt_num(row.low, lang),
                       high=fmt_num(row.high, lang)),
                     claim="ai_compute.growth_factor")
    return GrowthView(
        h.title, h.intro, factor, _growth_chart(lang), _gap_chart(lang),
        f"**{t('ai_compute.growth.eff_title', lang)}**", efficiency,
        Note(t("ai_compute.growth.eff_note", lang, ratio=fmt_num(eff["b200"] / eff["a100"], lang, 2))),
        t("ai_compute.growth.links", lang), t("ai_compute.growth.link_photonics", lang),
        Note(sources_line([*GROWTH_ROWS.values(), *GAP_ROWS], lang)),
        growth_factor=g, growth_low=min(row.low, g), growth_high=max(row.high, g),
    )


@dataclass(frozen=True)
class ContextView:
    heading: str
    text: str
    sources: Note
    aif: Readout  # the investment, its source line under it


def context(lang: str) -> ContextView:
    text = t("ai_compute.context.text", lang, total=shown("aif_total", lang), split=ref("aif_split").text(lang),
             timeline=ref("aif_timeline").text(lang), n=fmt_num(value("epoch_1e25"), lang))
    aif = Readout(t("ai_compute.context.aif_label", lang), shown("aif_total", lang), ref("aif_total").context(lang),
                  source_line("aif_total", lang))
    return ContextView(t("ai_compute.context.title", lang), text, Note(sources_line(CONTEXT_ROWS, lang)), aif)


def model(lang: str) -> ModelView:
    s = setup.parameters()
    return ModelView(
        equations=(
            r"C \approx 6\,N\,D",
            r"C_\text{token} \approx 2\,N + 2\,n_\text{layer}\,n_\text{ctx}\,d_\text{model}",
            r"L(N,D) = E + \frac{A}{N^{\alpha}} + \frac{B}{D^{\beta}}",
            r"N^* = G\left(\frac{C}{6}\right)^{\beta/(\alpha+\beta)},\quad D^* = \frac{C/6}{N^*},\quad "
            r"G = \left(\frac{\alpha A}{\beta B}\right)^{1/(\alpha+\beta)}",
            r"T = \frac{C}{n\,\Pi\,\text{MFU}}, \qquad E = T\,n\,P\,\text{PUE}",
            r"m_\text{kv} = 2\,n_\text{layer}\,n_\text{kv}\,d_\text{head}\,b_\text{kv}, \qquad "
            r"a \ge \frac{N\,b + k\,n_\text{ctx}\,m_\text{kv}}{M}",
            r"\text{tokens/s} = \min\!\left(\frac{a\,B_\text{mem}\,k}{N\,b + k\,n_\text{ctx}\,m_\text{kv}},\ "
            r"\frac{a\,\Pi}{C_\text{token}}\right)",
            r"E_\text{token} = \frac{a\,P}{\text{tokens/s}} = \frac{P}{B_\text{mem}}\cdot"
            r"\frac{N\,b + k\,n_\text{ctx}\,m_\text{kv}}{k}",
        ),
        explanation=t("ai_compute.how.explanation", lang),
        assumptions=(
            t("ai_compute.how.a_mfu", lang, mfu=pct(value("aic_mfu"), lang)),
            t("ai_compute.how.a_pue", lang, pue=shown("pue_uptime", lang)),
            t("ai_compute.how.a_peak", lang),
            t("ai_compute.how.a_power", lang),
            t("ai_compute.how.a_bytes", lang, b=fmt_num(value("aic_bytes_per_param"), lang)),
            t("ai_compute.how.a_gpus", lang, gpus=fmt_num(s.gpus, lang)),
            t("ai_compute.how.a_kv", lang, b=fmt_num(value("aic_kv_bytes"), lang),
              ctx=fmt_num(value("aic_context"), lang)),
            t("ai_compute.how.a_split", lang, node=fmt_num(value("aic_node_gpus"), lang)),
            t("ai_compute.how.a_stream", lang),
            t("ai_compute.how.a_shape", lang, ratio=fmt_num(value("chin_dmodel") / value("chin_layers"), lang, 4),
              head=fmt_num(value("chin_head_dim"), lang), c=fmt_num(value("kap_12ld2"), lang)),
            t("ai_compute.how.a_fit", lang),
        ),
        left_out=tuple(t(f"ai_compute.how.out_{k}", lang)
                       for k in ("attention", "kv", "comm", "host", "failures", "moe", "inference")),
    )
