"""The quiz's answers, computed at run time by the topic pages' own setup functions and models.

`data/quiz.yaml` never holds an answer: a question names a function of this registry and its
parameters (`answer: photonics.crossover_m`, `params: {rate: 200, links: [...]}`), and the figure
is computed from the references every time, through the same code the page's chart reads. When a
reference changes, the quiz changes with it. No Streamlit and no words here (see `present.py`).

    from explainers.quiz import answers
    answers.compute("photonics.crossover_m", {"rate": 200, "links": ["board", "dac", "lacc", "pluggable"]})
    # Estimate(value=2.83, lo=2.12, hi=3.54): the crossover, and its range over the sourced figures

An estimate's answer is an `Estimate`: the page's figure and, where sources disagree, the range the
page states (the quiz scores a guess inside the range as spot on). A choice's answer is an option id.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from explainers import topics
from explainers.content import ref, value
from explainers.topics.controls import canonical


@dataclass(frozen=True)
class Estimate:
    """A figure the models compute, and the range of the sources behind it (None: one figure)."""

    value: float
    lo: float | None = None
    hi: float | None = None

    @property
    def is_range(self) -> bool:
        """The sources disagree by more than a rounding: the quiz shows (and scores against) a range."""
        return (self.lo is not None and self.hi is not None and math.isfinite(self.lo) and math.isfinite(self.hi)
                and self.hi > self.lo * 1.02)

    @property
    def low(self) -> float:
        return min(self.lo, self.value) if self.is_range else self.value

    @property
    def high(self) -> float:
        return max(self.hi, self.value) if self.is_range else self.value

    def is_finite(self) -> bool:
        return all(math.isfinite(x) and x > 0 for x in (self.value, self.low, self.high))


@dataclass(frozen=True)
class Answer:
    """One function of the registry: what it computes, how the figure is written, which page it is on."""

    name: str  # "<topic>.<what>"
    fn: Callable[..., Estimate | str]
    unit: str  # how the quiz writes the figure (quiz.present.UNITS); "" for a choice
    kind: Literal["estimate", "choice"]

    def accepts(self, params: Mapping[str, Any]) -> str | None:
        """None when `params` fit the function's arguments, else what is wrong."""
        try:
            inspect.signature(self.fn).bind(**params)
        except TypeError as exc:
            return str(exc)
        return None


REGISTRY: dict[str, Answer] = {}


def answer(name: str, unit: str = "", kind: Literal["estimate", "choice"] = "estimate"):
    """Register a function under `name` (a question's `answer:`)."""

    def register(fn: Callable[..., Estimate | str]) -> Callable[..., Estimate | str]:
        if name in REGISTRY:
            raise ValueError(f"answer {name} registered twice")
        REGISTRY[name] = Answer(name, fn, unit, kind)
        return fn

    return register


def _freeze(params: Mapping[str, Any]) -> tuple:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))


@lru_cache(maxsize=512)
def _compute(name: str, frozen: tuple) -> Estimate | str:
    params = {k: list(v) if isinstance(v, tuple) else v for k, v in frozen}
    return REGISTRY[name].fn(**params)


def compute(name: str, params: Mapping[str, Any] | None = None) -> Estimate | str:
    """The answer of registry function `name` for a question's `params` (cached per process)."""
    if name not in REGISTRY:
        raise KeyError(f"no answer function '{name}'")
    return _compute(name, _freeze(params or {}))


def page_values(page: str, **params: Any) -> dict[str, Any]:
    """A topic page's control values for these URL values (the rest at their defaults), validated as
    the page validates a link: a value the page would not accept is an error here, not a fallback."""
    values, bad = topics.values_for(page, {k: canonical(v) for k, v in params.items()})
    if bad:
        raise ValueError(f"page '{page}' cannot use {', '.join(bad)} = "
                         + ", ".join(repr(params.get(k)) for k in bad))
    return values


def _by_name(fn: Callable, values: Mapping[str, Any]) -> Any:
    """Call `fn` with the values its parameters are named after (URL keys, as the setup functions take)."""
    names = inspect.signature(fn).parameters
    return fn(**{k: values[k] for k in names if k in values})


def _spread(s) -> Estimate:
    return Estimate(float(s.value), float(s.lo), float(s.hi))


# --- photonics ---------------------------------------------------------------------------------------


@answer("photonics.crossover_m", unit="distance")
def photonics_crossover_m(rate: float, links: list[str] | None = None, fibre: str | None = None) -> Estimate:
    """Where the cheapest chosen optical link starts beating the cheapest chosen copper one, over the
    sourced figures (the page's crossover readout and its range)."""
    from explainers.topics.photonics import setup

    params = {"rate": rate, **({"links": links} if links else {}), **({"fibre": fibre} if fibre else {})}
    v = page_values("photonics", **params)
    return _spread(setup.crossover_spread(v["fibre"], v["rate"], tuple(v["links"])))


@answer("photonics.reach_m", unit="distance")
def photonics_reach_m(link: str, rate: float, fibre: str | None = None) -> Estimate:
    """How far one link reaches at a lane rate (where its line ends on the energy chart)."""
    from explainers.topics.photonics import setup

    v = page_values("photonics", rate=rate, **({"fibre": fibre} if fibre else {}))
    return _spread(setup.reach_spread(v["fibre"], link, v["rate"]))


@answer("photonics.half_light_m", unit="distance")
def photonics_half_light_m(fibre: str | None = None, band: str = "O") -> Estimate:
    """Length of fibre that loses half the light (3 dB) at the fibre's attenuation in a band."""
    from explainers.models import optics
    from explainers.topics.photonics import setup

    v = page_values("photonics", **({"fibre": fibre} if fibre else {}))
    half_db = 10 * math.log10(2)
    return Estimate(1000 * float(optics.optical_reach_km(half_db, setup.fibre_attenuation(v["fibre"], band))))


@answer("photonics.link_power_w", unit="power")
def photonics_link_power_w(link: str, d_m: float, tbps: float, rate: float, fibre: str | None = None) -> Estimate:
    """Watts to move `tbps` over `d_m` with one link (the power chart's bar): energy per bit x rate."""
    from explainers.models import interconnect as ic
    from explainers.topics.photonics import setup

    v = page_values("photonics", d_m=d_m, tbps=tbps, rate=rate, **({"fibre": fibre} if fibre else {}))
    spec = setup.links_for(v["fibre"])[link]
    e = float(ic.energy_pj_per_bit(spec, v["d_m"], v["rate"]))
    return Estimate(float(ic.link_power_w(e, v["tbps"] * 1000.0)))


@answer("photonics.wdm_channels", unit="count")
def photonics_wdm_channels(grid: str, chrate: float) -> Estimate:
    """Channels of the ITU grid at this spacing that fit in the C-band (the WDM readout)."""
    from explainers.topics.photonics import setup

    v = page_values("photonics", grid=grid, chrate=chrate)
    return Estimate(float(setup.wdm(float(v["grid"]), v["chrate"]).channels))


@answer("photonics.mesh_mzis", unit="count")
def photonics_mesh_mzis(n: int) -> Estimate:
    """Mach-Zehnder interferometers in an n x n mesh (the mesh readout)."""
    from explainers.topics.photonics import setup

    v = page_values("photonics", n=n)
    return Estimate(float(setup.mesh_size(v["n"])))


@answer("photonics.mzi_port", kind="choice")
def photonics_mzi_port(phi: float) -> str:
    """Where the light leaves an MZI at a phase difference of phi x pi: 'bar', 'cross' or 'split'."""
    from explainers.topics.photonics import setup

    v = page_values("photonics", phi=phi)
    bar, cross = setup.mzi_split(v["phi"])
    if math.isclose(bar, cross, abs_tol=0.02):
        return "split"
    return "bar" if bar > cross else "cross"


# --- neuromorphic ------------------------------------------------------------------------------------


@answer("neuromorphic.fetch_vs_add", unit="times")
def neuromorphic_fetch_vs_add() -> Estimate:
    """Reading 32 bits from DRAM over one 32-bit add, over Han et al. and Horowitz (the page's headline)."""
    from explainers.topics.neuromorphic import setup

    h = setup.headline()
    return Estimate(float(h.han_ratio), float(h.lo), float(h.hi))


@answer("neuromorphic.analog_gain", unit="times")
def neuromorphic_analog_gain(mem: str, batch: int, rows: int | None = None, bits: str | None = None) -> Estimate:
    """Von Neumann over analog in-memory energy per MAC for a square layer (the gain readout and range)."""
    from explainers.topics.neuromorphic import setup

    v = page_values("neuromorphic", mem=mem, batch=batch, **({"rows": rows, "cols": rows} if rows else {}),
                    **({"bits": bits} if bits else {}))
    res = setup.layer(int(v["rows"]), int(v["cols"]), int(v["bits"]), int(v["batch"]), v["mem"])
    lo, hi = res.analog_gain_range
    return Estimate(float(res.analog_gain), float(lo), float(hi))


@answer("neuromorphic.ridge_batch", unit="count")
def neuromorphic_ridge_batch(rows: int | None = None, bits: str | None = None) -> Estimate:
    """The batch at which a square layer's arithmetic intensity reaches the H100's ridge point: from
    there on the roofline, the layer is limited by arithmetic, no longer by memory bandwidth."""
    from explainers.models import memory as mem
    from explainers.topics.neuromorphic import setup

    v = page_values("neuromorphic", **({"rows": rows, "cols": rows} if rows else {}), **({"bits": bits} if bits else {}))
    r, c, b = int(v["rows"]), int(v["cols"]), int(v["bits"])
    ridge = setup.layer(r, c, b, 1, v["mem"]).ridge

    def intensity(batch: float) -> float:
        work = mem.MatVecWorkload(rows=r, cols=c, weight_bits=b, activation_bits=b, batch=batch)
        return float(mem.arithmetic_intensity_flop_per_byte(work))

    lo, hi = 1e-3, 1e9
    if not intensity(lo) < ridge < intensity(hi):
        return Estimate(float("nan"))
    for _ in range(200):  # bisection in log space: intensity grows with the batch
        mid = math.sqrt(lo * hi)
        lo, hi = (mid, hi) if intensity(mid) < ridge else (lo, mid)
    return Estimate(math.sqrt(lo * hi))


@answer("neuromorphic.firing_rate_hz", unit="hz")
def neuromorphic_firing_rate_hz(i_na: float) -> Estimate:
    """The model neuron's firing rate at a constant current (the rate readout, closed form)."""
    from explainers.topics.neuromorphic import setup

    v = page_values("neuromorphic", i_na=i_na)
    return Estimate(float(setup.trace(v["i_na"]).rate_hz))


@answer("neuromorphic.rheobase_na", unit="na")
def neuromorphic_rheobase_na() -> Estimate:
    """The smallest constant current that makes the model neuron fire."""
    from explainers.topics.neuromorphic import setup

    return Estimate(float(setup.setup().lif.rheobase_na))


@answer("neuromorphic.break_even_pct", unit="percent")
def neuromorphic_break_even_pct(chip: str, fetch: str) -> Estimate:
    """The share of neurons spiking per step below which the spiking chip uses less power (the readout)."""
    from explainers.topics.neuromorphic import setup

    v = page_values("neuromorphic", chip=chip, fetch=fetch)
    return Estimate(float(setup.spiking(v["act"], v["chip"], v["fetch"]).break_even_pct))


@answer("neuromorphic.truenorth_vs_brain", unit="times")
def neuromorphic_truenorth_vs_brain() -> Estimate:
    """TrueNorth's power per neuron over the brain's (the brains-and-chips chart)."""
    from explainers.topics.neuromorphic import setup

    tn = next(s for s in setup.systems() if s.slug == "truenorth")
    return Estimate(float(setup.per_neuron_w(tn) / setup.brain_w_per_neuron()))


@answer("neuromorphic.wall_gap", unit="times")
def neuromorphic_wall_gap() -> Estimate:
    """How many times faster peak compute grew than DRAM bandwidth over the memory-wall chart's years."""
    from explainers.topics.neuromorphic import setup

    _years, curves = setup.memory_wall()
    return Estimate(float(curves["compute"][-1] / curves["dram_bandwidth"][-1]))


# --- AI compute --------------------------------------------------------------------------------------


def _ai_values(**params: Any) -> dict[str, Any]:
    return page_values("ai-compute", **params)


@answer("ai_compute.training_days", unit="days")
def ai_training_days(model: str, acc: str, gpus: int) -> Estimate:
    """Days to train a known model on `gpus` accelerators at the page's utilisation (the days readout)."""
    from explainers.topics.ai_compute import setup

    v = _ai_values(model=model, acc=acc, gpus=gpus)
    return Estimate(float(setup.training(v["n"], v["d"], v["acc"], v["gpus"], v["mfu"], v["pue"]).days))


@answer("ai_compute.training_flops", unit="flop")
def ai_training_flops(model: str) -> Estimate:
    """Training compute of a known model, 6 N D (the compute readout)."""
    from explainers.topics.ai_compute import setup

    v = _ai_values(model=model)
    return Estimate(float(setup.training(v["n"], v["d"], v["acc"], v["gpus"], v["mfu"], v["pue"]).flops))


@answer("ai_compute.headline_mwh", unit="mwh")
def ai_headline_mwh() -> Estimate:
    """Llama 3.1 405B on H100s: facility energy, and its range over utilisation and PUE (the headline)."""
    from explainers.topics.ai_compute import setup

    mwh, _tr = setup.headline()
    lo, hi = setup.headline_range()
    return Estimate(float(mwh), float(lo), float(hi))


@answer("ai_compute.optimal_tokens_per_param", unit="count")
def ai_optimal_tokens_per_param() -> Estimate:
    """Compute-optimal tokens per parameter at Chinchilla's budget, over the published fits."""
    from explainers.topics.ai_compute import setup

    ratio = setup.chinchilla_ratios()[_ai_values()["fit"]]
    lo, hi = setup.optimal_ratio_range(value("chin_c"))
    return Estimate(float(ratio), float(lo), float(hi))


def _decode(model: str, acc: str, batch: int):
    from explainers.topics.ai_compute import setup

    return _by_name(setup.decode, _ai_values(model=model, acc=acc, batch=batch))


@answer("ai_compute.decode_tokens_per_s", unit="tokens_s")
def ai_decode_tokens_per_s(model: str, acc: str, batch: int) -> Estimate:
    """Tokens per second the serving group generates at this batch (the rate readout)."""
    return Estimate(float(_decode(model, acc, batch).rate_at))


@answer("ai_compute.token_energy_j", unit="joules")
def ai_token_energy_j(model: str, acc: str, batch: int) -> Estimate:
    """Energy per generated token at this batch (the energy-per-token chart)."""
    return Estimate(float(_decode(model, acc, batch).energy_at))


@answer("ai_compute.batching_saving", unit="times")
def ai_batching_saving(model: str, acc: str, batch: int) -> Estimate:
    """Energy per token at batch 1 over that at `batch`, over the KV-cache precisions the page offers."""
    from explainers.topics.ai_compute import setup

    dec = _decode(model, acc, batch)
    rng = getattr(setup, "saving_range", None)
    if rng is None:
        return Estimate(float(dec.saving))
    lo, hi = _by_name(rng, _ai_values(model=model, acc=acc, batch=batch))
    return Estimate(float(dec.saving), float(lo), float(hi))


@answer("ai_compute.decode_regime", kind="choice")
def ai_decode_regime(model: str, acc: str, batch: int) -> str:
    """What limits decoding at this batch: 'memory' (bandwidth) or 'compute' (arithmetic)."""
    return str(_decode(model, acc, batch).regime)


@answer("ai_compute.compute_growth", unit="per_year")
def ai_compute_growth() -> Estimate:
    """Growth of the compute used to train notable models, per year (Epoch AI), with its range."""
    row = ref("epoch_growth")
    return Estimate(float(value("epoch_growth")), row.low, row.high)


@answer("ai_compute.efficiency_ratio", unit="times")
def ai_efficiency_ratio(newer: str, older: str) -> Estimate:
    """Dense peak FLOP per joule of one accelerator over another's (the efficiency readouts)."""
    from explainers.topics.ai_compute import setup

    eff = setup.flops_per_watt()
    return Estimate(float(eff[newer] / eff[older]))


# --- the energy story (figures of the three pages, joined up) -----------------------------------------


@answer("energy.fetch_vs_multiply", unit="times")
def energy_fetch_vs_multiply() -> Estimate:
    """Reading 32 bits from DRAM over one 32-bit floating-point multiply (Horowitz, 45 nm), with his range."""
    from explainers.models import memory as mem

    row = ref("hz_dram_32bit")
    mul = value("hz_fp_mul32")

    def ratio(pj: float) -> float:
        return float(mem.fetch_to_op_energy_ratio(pj / 32.0, 32.0, mul))

    return Estimate(ratio(value("hz_dram_32bit")), ratio(row.low) if row.low else None,
                    ratio(row.high) if row.high else None)


@answer("energy.port_saving_w", unit="power")
def energy_port_saving_w() -> Estimate:
    """Watts saved per switch port by co-packaged optics instead of pluggable modules (NVIDIA's figures)."""
    return Estimate(float(value("nv_pluggable_w") - value("nv_cpo_w")))


@answer("energy.overhead_pct", unit="percent")
def energy_overhead_pct(pue: str) -> Estimate:
    """Share of a facility's electricity that does not reach the computers at a PUE (reference id)."""
    return Estimate(float(100.0 * (1.0 - 1.0 / value(pue))))


@answer("neuromorphic.biggest_cost", kind="choice")
def neuromorphic_biggest_cost(mem: str, batch: int, rows: int | None = None) -> str:
    """Where most of a conventional layer's energy goes: 'moving' data or 'computing' (the energy bars)."""
    from explainers.topics.neuromorphic import setup

    v = page_values("neuromorphic", mem=mem, batch=batch, **({"rows": rows, "cols": rows} if rows else {}))
    res = setup.layer(int(v["rows"]), int(v["cols"]), int(v["bits"]), int(v["batch"]), v["mem"])
    return "moving" if float(res.breakdown["von_neumann"].data_movement_share) > 0.5 else "computing"


@answer("energy.request_wh", unit="wh")
def energy_request_wh(work: str = "chat", model: str | None = None, tokens: float | None = None,
                      acc: str | None = None, gpus: int | None = None, batch: int | None = None) -> Estimate:
    """Energy of one request on today's cluster (HBM, pluggable optics, the average PUE), data centre
    included: the total of the energy page's "follow one request" chart, in Wh."""
    from explainers.topics.energy import setup

    given = {"work": work, "model": model, "tokens": tokens, "acc": acc, "gpus": gpus, "batch": batch}
    v = page_values("energy", **{k: x for k, x in given.items() if x is not None})
    req = setup.request(v["work"], v["model"], v["tokens"], v["acc"], v["gpus"], v["batch"], v["mem"], v["links"],
                        v["pue"], v["mfu"])
    return Estimate(float(req.total("today")))


@answer("energy.batch_factor", unit="times")
def energy_batch_factor(batch: int, alone: int = 1, model: str | None = None, tokens: float | None = None,
                        acc: str | None = None, gpus: int | None = None) -> Estimate:
    """How many times more one chat request costs served `alone` than in a batch of `batch` (today's
    cluster, data centre included): the energy page's request at two batch sizes."""
    shared = dict(model=model, tokens=tokens, acc=acc, gpus=gpus)
    one = energy_request_wh(work="chat", batch=alone, **shared).value
    many = energy_request_wh(work="chat", batch=batch, **shared).value
    return Estimate(one / many)
