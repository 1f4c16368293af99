"""The energy page's parameters and computations: references -> the topic models -> one request's parts.

Every number comes from a reference row (``value()`` / ``default_values()``) or from a model in
``explainers.models`` (``system`` composing ``ai_compute``, ``memory`` and ``interconnect``); nothing
here is worded (see present.py). Results are cached per input; the reference overrides of the
headline harness clear these caches.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from functools import lru_cache

from explainers.content import default_values, ref, value
from explainers.models import ai_compute as ai
from explainers.models import interconnect as ic
from explainers.models import memory as mem
from explainers.models import system as sy
from explainers.topics.ai_compute import setup as aic_setup

from . import MODEL_ROWS

_GB = 1e9
_J_PER_WH = 3600.0
_WH_PER_MWH = 1e6
_H_PER_DAY = 24.0

#: Electrical links a rack's copper can be (the cheapest that reaches the rack's distance is used),
#: in the order a designer prefers them on a tie.
COPPER: tuple[str, ...] = ("dac", "lacc", "board")
#: The baseline bar ("today's cluster"): held in HBM, copper and pluggable optics, the average PUE.
TODAY_MEM, TODAY_LINKS = "hbm", "pluggable"


def _pct(rid: str) -> float:
    return value(rid) / 100.0


# --- hardware, memory, links, overheads -------------------------------------------------------------


@lru_cache(maxsize=1)
def accelerators() -> dict[str, ai.Accelerator]:
    """A100 / H100 / B200 from the references, with their memory (the A100's from this page's rows)."""
    accs = ai.default_accelerators(default_values())
    accs["a100"] = dataclasses.replace(accs["a100"], memory_bytes=value("a100_mem_gb") * _GB)
    return accs


def op_pj(acc: str) -> float:
    """Energy per operation of an accelerator at full load (pJ/FLOP)."""
    return sy.op_energy_pj(accelerators()[acc])


@lru_cache(maxsize=1)
def levels() -> dict[str, mem.MemoryLevel]:
    return mem.default_memory_levels(default_values())


@lru_cache(maxsize=8)
def holding(slug: str) -> sy.Holding:
    lv = levels()
    if slug == "hbm":
        return sy.Holding("hbm", lv["hbm"], lv["hbm"])
    if slug == "stacked":  # small SRAM banks stacked on the chip, one hybrid-bonded hop away (UCIe-3D)
        return sy.Holding("stacked", lv["sram_8kb"], lv["sram_8kb"], hop_pj_per_bit=value("ucie_3d_e"))
    if slug == "analog":  # weights in phase-change cells; the KV cache changes every token and stays in HBM
        analog = mem.default_architectures(default_values())["analog_in_memory"]
        return sy.Holding("analog", None, lv["hbm"], analog=analog)
    raise KeyError(slug)


@lru_cache(maxsize=1)
def links() -> dict[str, ic.LinkSpec]:
    return ic.default_links(default_values())


def copper_in_rack() -> ic.LinkSpec:
    """The cheapest copper link that reaches across a rack at the lane rate."""
    group = [links()[s] for s in COPPER]
    _e, index = ic.cheapest_pj_per_bit(group, value("en_rack_m"), value("ph_lane_rate"))
    return group[int(index)]


@lru_cache(maxsize=4)
def wiring(slug: str) -> sy.Wiring:
    lk = links()
    rack, hall = (copper_in_rack(), lk["pluggable"]) if slug == "pluggable" else (lk["cpo"], lk["cpo"])
    return sy.Wiring(rack, hall, value("en_rack_m"), value("en_hall_m"), value("ph_lane_rate"))


def link_pj(slug: str, tier: str) -> float:
    return wiring(slug).pj_per_bit(tier)


@lru_cache(maxsize=256)
def overheads(pue: float) -> sy.Overheads:
    return sy.Overheads(_pct("goog_share_acc"), _pct("goog_share_host"), _pct("goog_share_idle"), pue)


# --- workloads --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shape:
    layers: int
    d_model: int
    heads: int
    kv_heads: int
    head_dim: int


@lru_cache(maxsize=8)
def shape(model: str) -> Shape:
    """A known model's published shape; the GPT-4o-class model shaped like Chinchilla with 8 K/V heads."""
    rows = MODEL_ROWS[model][2]
    if rows is not None:
        return Shape(*(int(value(r)) for r in rows))
    layers, d_model, heads, head_dim = aic_setup.chinchilla_like(params(model))
    return Shape(layers, d_model, heads, min(heads, aic_setup.gqa_kv_heads()), head_dim)


def params(model: str) -> float:
    return value(MODEL_ROWS[model][0])


def training_tokens(model: str) -> float:
    """The model's published training tokens; for the GPT-4o class, 20 per parameter (the Chinchilla rule)."""
    rid = MODEL_ROWS[model][1]
    return value(rid) if rid else value("hof_ratio") * params(model)


def kv_bytes_per_token(model: str, kv_bytes: float | None = None) -> float:
    s = shape(model)
    b = value("aic_kv_bytes") if kv_bytes is None else kv_bytes
    return float(ai.kv_bytes_per_token(s.layers, s.kv_heads, s.head_dim, b))


def chat(model: str, tokens: float, batch: float, kv_bytes: float | None = None) -> sy.Chat:
    s = shape(model)
    return sy.Chat(params(model), tokens, value("en_prompt_tokens"), float(batch), value("aic_bytes_per_param"),
                   kv_bytes_per_token(model, kv_bytes), s.layers, s.d_model, value("vllm_tp_allreduce"))


def training(model: str, mfu: float) -> sy.TrainingRun:
    return sy.TrainingRun(params(model), training_tokens(model), value("aic_bytes_per_param"),
                          value("llama3_tokens_step"), value("zero_state_bytes"), mfu / 100.0)


# --- one request (or run): today and with the chosen levers -----------------------------------------


@dataclass(frozen=True)
class Request:
    work: str
    today: sy.Parts  # HBM, copper and pluggable optics, the average PUE
    levers: sy.Parts  # the chosen memory, links and PUE
    mem: str  # the memory actually used (analog falls back to HBM for training)
    analog_refused: bool  # training was asked to run on analog cells
    pue_today: float
    accelerators_needed: int  # more than asked for, when the weights need them (else 0)
    unit: str  # "Wh" (a chat request) or "MWh" (a training run)
    scale: float  # joules per unit

    def total(self, which: str) -> float:
        return getattr(self, which).total_j / self.scale

    def parts(self, which: str) -> dict[str, float]:
        return {k: v / self.scale for k, v in getattr(self, which).as_dict().items()}


@lru_cache(maxsize=512)
def request(work: str, model: str, tokens: float, acc: str, gpus: int, batch: int, mem_slug: str, links_slug: str,
            pue: float, mfu: float) -> Request:
    a = accelerators()[acc]
    cluster = sy.Cluster(a, int(gpus), int(value("aic_node_gpus")))
    refused = work == "train" and mem_slug == "analog"
    used = TODAY_MEM if refused else mem_slug
    load = chat(model, tokens, batch) if work == "chat" else training(model, mfu)
    pue_today = value("pue_uptime")
    today = sy.energy_parts(load, cluster, holding(TODAY_MEM), wiring(TODAY_LINKS), overheads(pue_today))
    levers = sy.energy_parts(load, cluster, holding(used), wiring(links_slug), overheads(pue))
    needed = today.accelerators if today.accelerators > gpus else 0
    unit, scale = ("Wh", _J_PER_WH) if work == "chat" else ("MWh", _J_PER_WH * _WH_PER_MWH)
    return Request(work, today, levers, used, refused, pue_today, needed, unit, scale)


@lru_cache(maxsize=64)
def analog_saving_range(model: str, tokens: float, acc: str, gpus: int, batch: int, links_slug: str,
                        pue: float) -> tuple[float, float]:
    """How many times less a chat request costs on analog cells than today: (lower, higher) over the
    chip's precise (four-phase) and fast (one-phase) read modes and over 8- and 16-bit KV caches."""
    out = []
    row = ref("aic_kv_bytes")
    kv_values = {value("aic_kv_bytes"), *(x for x in (row.low, row.high) if x is not None)}
    cluster = sy.Cluster(accelerators()[acc], int(gpus), int(value("aic_node_gpus")))
    for rid in ("her_4ph_eff", "her_1ph_eff"):
        refs = {**default_values(), "her_1ph_eff": value(rid)}
        analog = mem.default_architectures(refs)["analog_in_memory"]
        held = sy.Holding("analog", None, levels()["hbm"], analog=analog)
        for kvb in sorted(kv_values):
            load = chat(model, tokens, batch, kvb)
            base = sy.energy_parts(load, cluster, holding(TODAY_MEM), wiring(TODAY_LINKS),
                                   overheads(value("pue_uptime")))
            mine = sy.energy_parts(load, cluster, held, wiring(links_slug), overheads(pue))
            out.append(base.total_j / mine.total_j)
    return min(out), max(out)


def analog_chips(model: str) -> float:
    """HERMES-sized chips (64 crossbars of 256 x 256 cells) needed to hold the model's weights."""
    return params(model) / (value("her_cores") * value("her_tile") ** 2)


def sram_gb(model: str) -> float:
    """Gigabytes of SRAM the weights would fill if they were all stacked on the chips."""
    return params(model) * value("aic_bytes_per_param") / _GB


# --- the headline request and its measurements ------------------------------------------------------


def default_request() -> Request:
    """The page's default chat request (the one the measurements are drawn next to)."""
    from . import CONTROLS

    d = CONTROLS.defaults()
    return request(*(d[k] for k in ("work", "model", "tokens", "acc", "gpus", "batch", "mem", "links", "pue",
                                    "mfu")))


#: The measurement the default chat request is set up to mirror (same workload: Epoch AI's).
MIRROR = "epoch_q_wh"


def measured_wh() -> dict[str, float]:
    return {rid: value(rid) for rid in ("goog_prompt_wh", "goog_active_wh", "epoch_q_wh")}


def published_mwh(model: str) -> float | None:
    """The published GPU energy of a training run, where one is known (Llama 3.1 405B)."""
    return value("en_llama31_gpu_mwh") if model == "llama31_405b" else None


# --- the ladder ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rung:
    slug: str
    kind: str  # palette meaning: electrical, optical, neuromorphic (in-memory), conventional (memory)
    pj: float
    low: float
    high: float
    rows: tuple[str, ...]


def _range_of(rows: tuple[str, ...], fn) -> tuple[float, float, float]:
    """(value, low, high) of fn(refs) over the rows' low/high and the alternatives given as rows."""
    base = fn(default_values())
    found = [base]
    for rid in rows:
        row = ref(rid)
        for x in (row.low, row.high):
            if x is not None:
                found.append(fn({**default_values(), rid: x}))
    return base, min(found), max(found)


@lru_cache(maxsize=1)
def ladder() -> tuple[Rung, ...]:
    """Energy to move one bit, from a wire across a chip to optics between racks (pJ/bit)."""
    rate = value("ph_lane_rate")
    lk = links()

    def link_at(slug: str, d: float) -> float:
        return float(ic.energy_pj_per_bit(lk[slug], d, rate))

    def level(slug: str, refs) -> float:
        return mem.default_memory_levels(refs)[slug].energy_pj_per_bit

    pluggable = (link_at("pluggable", 0.0), value("pluggable_intel"), value("nv_cpo_pjbit_pluggable"))
    cpo = (link_at("cpo", 0.0), value("intel_oci_e"), value("nv_cpo_pjbit_cpo"))
    dram = _range_of(("hz_dram_64",), lambda r: level("dram", r))
    stacked = level("sram_8kb", default_values()) + value("ucie_3d_e")
    rungs = (
        Rung("on_chip", "electrical", link_at("on_chip", value("en_chip_m")), *(2 * (link_at("on_chip", value("en_chip_m")),)),
             ("dally22_noc", "en_chip_m")),
        Rung("chiplet", "electrical", link_at("chiplet", 0.0), link_at("chiplet", 0.0), link_at("chiplet", 0.0),
             ("ucie_std_e",)),
        Rung("stacked", "neuromorphic", stacked, stacked, stacked, ("hz_sram_8k", "ucie_3d_e")),
        Rung("hbm", "conventional", levels()["hbm"].energy_pj_per_bit, levels()["hbm"].energy_pj_per_bit,
             levels()["hbm"].energy_pj_per_bit, ("dally23_hbm",)),
        Rung("dram", "conventional", dram[0], dram[1], dram[2], ("hz_dram_64",)),
        Rung("board", "electrical", link_at("board", 0.0), link_at("board", 0.0), link_at("board", 0.0), ("serdes112",)),
        Rung("dac", "electrical", link_at("dac", 0.0), link_at("dac", 0.0), link_at("dac", 0.0),
             ("serdes112", "dac_100g")),
        Rung("cpo", "optical", cpo[0], min(cpo), max(cpo), ("intel_oci_e", "nv_cpo_pjbit_cpo")),
        Rung("pluggable", "optical", pluggable[0], min(pluggable), max(pluggable),
             ("pluggable_intel", "nv_cpo_pjbit_pluggable")),
    )
    return rungs


def word_over_op(pj_per_bit: float, acc: str = "h100", bits: float = 16.0) -> float:
    """How many operations' energy moving one 16-bit number costs."""
    return pj_per_bit * bits / op_pj(acc)


# --- scale -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scale:
    day_mwh: float  # the requests of one day (or the whole run, for training)
    power_mw: float  # its average power over a day (chat)
    homes: float  # Dutch homes' yearly electricity it equals (training: the run; chat: a year of days)
    nl_share: float  # of the Dutch data centres' yearly electricity (training: the run; chat: a year of days)
    world_share: float  # of the world's data centres' 2024 electricity (a year of days / the run)
    pods: float  # Ironwood-sized AI machines (10 MW) it would keep busy (chat)
    compare_mwh: dict[str, float]  # bar chart: item -> MWh per day (chat) or MWh (training)


@lru_cache(maxsize=512)
def scale(req: Request, per_day: float) -> Scale:
    nl_mwh = value("cbs_dc_gwh") * 1e3
    world_mwh = value("iea_dc_2024") * 1e6
    home_mwh = value("cbs_home_kwh") / 1e3
    if req.work == "chat":
        day = req.total("levers") * per_day / _WH_PER_MWH
        year = day * 365.0
        power = day / _H_PER_DAY
        compare = {"service": day, "service_today": req.total("today") * per_day / _WH_PER_MWH,
                   "pod": value("ironwood_pod_mw") * _H_PER_DAY, "nl": nl_mwh / 365.0, "world": world_mwh / 365.0}
        return Scale(day, power, year / home_mwh, year / nl_mwh, year / world_mwh,
                     power / value("ironwood_pod_mw"), compare)
    run = req.total("levers")
    compare = {"run": run, "run_today": req.total("today"), "nl": nl_mwh, "world": world_mwh}
    return Scale(run, math.nan, run / home_mwh, run / nl_mwh, run / world_mwh, math.nan, compare)
