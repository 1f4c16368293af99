"""The energy of one AI request (or one training run), from the chip to the grid, as named parts.

What: a composition of the topic models, not a model of its own. For a described workload, hardware
and choice of levers it returns the energy in joules, split into five parts that add up to the total:

- ``arithmetic``: the operations, at the accelerator's energy per operation (its board power over its
  dense peak rate: what the chip spends per operation at full load, the on-chip data movement that
  feeds the arithmetic included), or, for analog in-memory computing, the crossbar's own energy per
  multiply-accumulate including its converters (``memory.energy_breakdown_pj`` on a
  ``memory.ModelWorkload``);
- ``memory``: bringing the weights and the KV cache to the arithmetic, bits x energy per bit of the
  memory they are held in (``memory.MemoryLevel``); weights once per decoding step, shared by the batch
  (``memory.energy_breakdown_pj``), each request's own KV cache every step;
- ``links``: moving data between chips, bits x energy per bit of the link that carries them
  (``interconnect.energy_pj_per_bit`` of a ``LinkSpec`` at a distance and lane rate): for a chat
  request the tensor-parallel all-reduces of every token (and the activations that cross from one
  pipeline stage to the next), for training the all-reduce of the gradients at every step;
- ``host_idle``: the rest of the serving fleet, in proportion to the accelerators' energy, from a
  measured split (host CPU and memory, machines kept idle in reserve); in training, also the time the
  accelerators wait instead of doing model arithmetic (1 - MFU of it);
- ``facility``: cooling and power conversion, (PUE - 1) x the IT energy.

Equations (chat; N active parameters, b bytes per weight, B requests per batch, O output tokens,
P context tokens per request, m_kv KV bytes per token of context, e_op energy per operation,
e_w / e_kv energy per bit of the memory holding weights / KV cache, e_l energy per bit of a link)::

    E_arith = (O + P) (2 N + 2 L n_ctx d) e_op              [analog: 2 N -> N e_mac,analog]
    E_mem   = (O / B + 1) 8 N b e_w + (O P + P) 8 m_kv e_kv  (weights once per step and per prompt)
    E_link  = (O + P) [a L 2 (t - 1) d b_act 8 e_rack + (s - 1) d b_act 8 e_hall]
    E_host  = (E_arith + E_mem + E_link) (s_host + s_idle) / s_acc
    E_fac   = (PUE - 1) (E_arith + E_mem + E_link + E_host)

with t = min(n_acc, node size) accelerators splitting every layer (tensor parallelism, a all-reduces
per layer, ring all-reduce: each byte is sent 2 (t - 1) / t times by each of t chips) and
s = ceil(n_acc / node size) pipeline stages. Training (C = 6 N D, MFU u, r model copies, G tokens per
step, S bytes of training state per parameter)::

    E_arith = C e_op,   E_wait = E_arith (1 / u - 1)
    E_mem   = (D / G) r 2 N S 8 e_w                          (each copy reads and writes its state)
    E_link  = (D / G) 2 (r - 1) N b 8 e_hall                 (ring all-reduce of the gradients)
    E_host  = E_wait + (E_arith + E_wait + E_mem + E_link) s_host / s_acc

Parameters: no physical constant is a literal here. Every energy per bit comes from a ``LinkSpec`` or
a ``MemoryLevel``, every energy per operation from an ``ai_compute.Accelerator`` or an analog
``memory.Architecture``, and the shares and the PUE from an ``Overheads``; the callers build them from
reference rows. The only numbers written here are definitions (8 bits per byte, 2 FLOP per
multiply-accumulate, the factor 2 (n - 1) of a ring all-reduce).

Left out: the energy of making the hardware, water, networks outside the data centre and the user's
device; the accelerators' static power while they wait for memory in serving (the measured split
stands in for the rest of the fleet), mixture-of-experts routing, speculative decoding, caching of
earlier turns (the whole context is processed once per request), activations' memory traffic and
tensor/pipeline traffic in training, links' power while idle, and any change of speed a lever brings
(a lever changes energy per operation or per bit, not utilisation).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Union

import numpy as np

from . import ai_compute as ai
from . import interconnect as ic
from . import memory as mem

__all__ = [
    "BITS_PER_BYTE",
    "Chat",
    "Cluster",
    "Holding",
    "Overheads",
    "PART_NAMES",
    "Parts",
    "TrainingRun",
    "Wiring",
    "Workload",
    "allreduce_bits",
    "energy_parts",
    "op_energy_pj",
    "pipeline_bits_per_token",
    "tensor_parallel_bits_per_token",
]

#: Definitions, not estimates.
BITS_PER_BYTE = 8.0
_PJ = 1e-12

#: The parts, in the order they are stacked (chip first, grid last).
PART_NAMES: tuple[str, ...] = ("arithmetic", "memory", "links", "host_idle", "facility")


# --------------------------------------------------------------------------------------------------
# What is run, on what, held how, wired how, housed where
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Chat:
    """One chat request: a prompt of ``prompt_tokens`` read once, then ``output_tokens`` generated.

    ``batch`` requests share each read of the weights; every request reads its own KV cache
    (``kv_bytes_per_token`` per token of context, from ``ai_compute.kv_bytes_per_token``) at every
    step: on average the prompt and half the answer. ``layers`` and ``d_model`` set the attention arithmetic and the tensor-parallel traffic
    (``allreduces_per_layer`` all-reduces of one activation vector per layer and token).
    """

    params: float
    output_tokens: float
    prompt_tokens: float
    batch: float
    bytes_per_param: float
    kv_bytes_per_token: float
    layers: float
    d_model: float
    allreduces_per_layer: float

    def __post_init__(self) -> None:
        _check(self, positive=("params", "output_tokens", "batch", "bytes_per_param", "layers", "d_model"),
               non_negative=("prompt_tokens", "kv_bytes_per_token", "allreduces_per_layer"))


@dataclass(frozen=True)
class TrainingRun:
    """Training ``params`` parameters on ``tokens`` tokens, ``tokens_per_step`` per optimiser step.

    ``utilisation`` is the model-FLOPs utilisation (0-1]; ``state_bytes_per_param`` the training state
    each model copy holds and touches every step (weights, gradients, optimiser); the gradients are
    exchanged at ``bytes_per_param``.
    """

    params: float
    tokens: float
    bytes_per_param: float
    tokens_per_step: float
    state_bytes_per_param: float
    utilisation: float

    def __post_init__(self) -> None:
        _check(self, positive=("params", "tokens", "bytes_per_param", "tokens_per_step", "state_bytes_per_param",
                               "utilisation"))
        if self.utilisation > 1:
            raise ValueError("utilisation must be at most 1")


Workload = Union[Chat, TrainingRun]


@dataclass(frozen=True)
class Cluster:
    """``count`` accelerators (``ai_compute.Accelerator``), ``node_size`` of them per server, joined in the rack."""

    accelerator: ai.Accelerator
    count: int
    node_size: int

    def __post_init__(self) -> None:
        if self.count < 1 or self.node_size < 1:
            raise ValueError("count and node_size must be >= 1")
        if not self.accelerator.memory_bytes:
            raise ValueError(f"accelerator {self.accelerator.name!r} needs its memory_bytes")


@dataclass(frozen=True)
class Holding:
    """Where the weights and the KV cache are held.

    ``weights``: the memory level the weights are read from (``memory.MemoryLevel``), or None when
    they stay where they are computed on (``analog``, a ``memory.Architecture`` of kind analog
    in-memory). ``kv``: the level the KV cache is read from. ``hop_pj_per_bit`` is paid on every bit
    read besides the level's own energy (the vertical bond to SRAM stacked on the chip).
    """

    slug: str
    weights: mem.MemoryLevel | None
    kv: mem.MemoryLevel
    hop_pj_per_bit: float = 0.0
    analog: mem.Architecture | None = None

    def __post_init__(self) -> None:
        if (self.weights is None) == (self.analog is None):
            raise ValueError("give exactly one of weights (a memory level) and analog (an architecture)")
        if self.analog is not None and self.analog.kind is not mem.ArchitectureKind.ANALOG_IN_MEMORY:
            raise ValueError("analog must be an analog in-memory architecture")
        if not (math.isfinite(self.hop_pj_per_bit) and self.hop_pj_per_bit >= 0):
            raise ValueError("hop_pj_per_bit must be finite and >= 0")

    @property
    def weights_pj_per_bit(self) -> float:
        return 0.0 if self.weights is None else self.weights.energy_pj_per_bit + self.hop_pj_per_bit

    @property
    def kv_pj_per_bit(self) -> float:
        return self.kv.energy_pj_per_bit + self.hop_pj_per_bit


@dataclass(frozen=True)
class Wiring:
    """The links between chips: ``in_rack`` over ``in_rack_m``, ``between_racks`` over ``between_racks_m``."""

    in_rack: ic.LinkSpec
    between_racks: ic.LinkSpec
    in_rack_m: float
    between_racks_m: float
    lane_rate_gbps: float

    def pj_per_bit(self, tier: str) -> float:
        link, d = ((self.in_rack, self.in_rack_m) if tier == "in_rack" else (self.between_racks, self.between_racks_m))
        e = float(ic.energy_pj_per_bit(link, d, self.lane_rate_gbps))
        if not math.isfinite(e):
            raise ValueError(f"link {link.slug!r} does not reach {d} m at {self.lane_rate_gbps} Gb/s")
        return e


@dataclass(frozen=True)
class Overheads:
    """A serving fleet's measured split (accelerators, host CPU and memory, idle reserve) and the PUE."""

    accelerator_share: float
    host_share: float
    idle_share: float
    pue: float

    def __post_init__(self) -> None:
        _check(self, positive=("accelerator_share", "pue"), non_negative=("host_share", "idle_share"))
        if self.pue < 1:
            raise ValueError("pue must be >= 1")

    @property
    def serving_factor(self) -> float:
        """Energy of the rest of a serving fleet per joule of its accelerators: (host + idle) / accelerators."""
        return (self.host_share + self.idle_share) / self.accelerator_share

    @property
    def host_factor(self) -> float:
        """Host CPU and memory per joule of the accelerators (no idle reserve: training keeps none)."""
        return self.host_share / self.accelerator_share


@dataclass(frozen=True)
class Parts:
    """The energy of one request or run (J), in five parts that sum to ``total_j``, and what it moved."""

    arithmetic_j: float
    memory_j: float
    links_j: float
    host_idle_j: float
    facility_j: float
    flops: float  # model arithmetic done (FLOP)
    memory_bits: float  # bits read from (or written to) memory
    link_bits: float  # bits sent over links between chips
    accelerators: int  # accelerators the work ran on
    wait_j: float = 0.0  # of host_idle_j: the accelerators waiting (training: 1 - MFU of their time)

    @property
    def total_j(self) -> float:
        return self.arithmetic_j + self.memory_j + self.links_j + self.host_idle_j + self.facility_j

    @property
    def accelerator_j(self) -> float:
        """What the accelerators' work costs: arithmetic, memory and links (and, in training, their waiting)."""
        return self.arithmetic_j + self.memory_j + self.links_j + self.wait_j

    @property
    def data_movement_j(self) -> float:
        return self.memory_j + self.links_j

    def as_dict(self) -> dict[str, float]:
        """{part name: joules}, in PART_NAMES order."""
        return {name: getattr(self, f"{name}_j") for name in PART_NAMES}


# --------------------------------------------------------------------------------------------------
# Formulas
# --------------------------------------------------------------------------------------------------


def op_energy_pj(accelerator: ai.Accelerator) -> float:
    """Energy per operation of an accelerator at full load (pJ/FLOP): board power / dense peak rate."""
    return accelerator.power_w / accelerator.peak_flops / _PJ


def tensor_parallel_bits_per_token(layers, d_model, bytes_per_value, degree, allreduces_per_layer):
    """Bits sent over links per token when ``degree`` chips split every layer (Megatron-style).

    Each layer all-reduces one activation vector of d_model values ``allreduces_per_layer`` times; a
    ring all-reduce of M bytes over t chips has each chip send 2 (t - 1) / t M, so all of them send
    2 (t - 1) M: a L 2 (t - 1) d b 8 bits. Zero on one chip.
    """
    t = np.asarray(degree, dtype=float)
    return (np.asarray(allreduces_per_layer, dtype=float) * np.asarray(layers, dtype=float) * 2.0 * (t - 1.0)
            * np.asarray(d_model, dtype=float) * np.asarray(bytes_per_value, dtype=float) * BITS_PER_BYTE)[()]


def pipeline_bits_per_token(stages, d_model, bytes_per_value):
    """Bits per token that cross from one pipeline stage to the next: (s - 1) d b 8."""
    s = np.asarray(stages, dtype=float)
    return ((s - 1.0) * np.asarray(d_model, dtype=float) * np.asarray(bytes_per_value, dtype=float)
            * BITS_PER_BYTE)[()]


def allreduce_bits(replicas, params, bytes_per_param):
    """Bits sent over links to all-reduce the gradients of ``params`` once over ``replicas`` copies.

    Ring all-reduce: every copy sends 2 (r - 1) / r of the gradients, so all of them 2 (r - 1) N b 8 bits
    (each copy may hold its share of the model on several chips; the total is the same). Zero for one copy.
    """
    r = np.asarray(replicas, dtype=float)
    return (2.0 * (r - 1.0) * np.asarray(params, dtype=float) * np.asarray(bytes_per_param, dtype=float)
            * BITS_PER_BYTE)[()]


# --------------------------------------------------------------------------------------------------
# The one function
# --------------------------------------------------------------------------------------------------


def energy_parts(workload: Workload, cluster: Cluster, holding: Holding, wiring: Wiring,
                 overheads: Overheads) -> Parts:
    """The energy (J) of one chat request or one training run, as five named parts (see the module)."""
    if isinstance(workload, Chat):
        return _chat(workload, cluster, holding, wiring, overheads)
    if isinstance(workload, TrainingRun):
        return _training(workload, cluster, holding, wiring, overheads)
    raise TypeError(f"unknown workload {type(workload).__name__}")


def _chat(w: Chat, cluster: Cluster, holding: Holding, wiring: Wiring, o: Overheads) -> Parts:
    acc = cluster.accelerator
    e_op = op_energy_pj(acc)
    weight_bits = w.params * w.bytes_per_param * BITS_PER_BYTE
    # Enough accelerators to hold the weights and the batch's KV caches (at least the chosen count).
    out, prompt = w.output_tokens, w.prompt_tokens
    ctx = prompt + out / 2.0  # the context an answer token attends to, on average
    held = w.params * w.bytes_per_param + w.batch * (prompt + out) * w.kv_bytes_per_token
    n = max(int(cluster.count), int(ai.accelerators_to_hold(held, 1.0, acc.memory_bytes)))
    tp = min(n, cluster.node_size)
    stages = math.ceil(n / cluster.node_size)

    tokens = out + prompt  # every token of the prompt is processed once, every answer token once
    # Attention over the context: decode_flops_per_token minus its 2 N for the weights.
    attn_out = float(ai.decode_flops_per_token(w.params, w.layers, ctx, w.d_model)) - 2.0 * w.params
    attn_prompt = float(ai.decode_flops_per_token(w.params, w.layers, prompt / 2.0, w.d_model)) - 2.0 * w.params
    attention_flops = out * attn_out + prompt * attn_prompt
    model_flops = mem.FLOP_PER_MAC * w.params * tokens

    # Weights: one read per decoding step shared by the batch, plus one read for this request's prompt.
    if holding.analog is not None:
        per_token = mem.energy_breakdown_pj(mem.ModelWorkload(w.params, w.bytes_per_param * BITS_PER_BYTE, 1.0),
                                            holding.analog)
        arithmetic_pj = tokens * (float(per_token.compute_pj) + float(per_token.converters_pj))
        weights_pj = 0.0
        weight_reads = 0.0
    else:
        level = mem.MemoryLevel(holding.slug, holding.weights_pj_per_bit)
        arch = mem.von_neumann(level, level, mem.FLOP_PER_MAC * e_op)
        step = mem.energy_breakdown_pj(mem.ModelWorkload(w.params, w.bytes_per_param * BITS_PER_BYTE, w.batch), arch)
        first = (mem.energy_breakdown_pj(mem.ModelWorkload(w.params, w.bytes_per_param * BITS_PER_BYTE, prompt), arch)
                 if prompt > 0 else None)  # the whole prompt in one pass over the weights
        arithmetic_pj = out * float(step.compute_pj) / w.batch + (float(first.compute_pj) if first else 0.0)
        weight_reads = out / w.batch + (1.0 if first else 0.0)
        weights_pj = out * float(step.weight_movement_pj) / w.batch + (float(first.weight_movement_pj) if first else 0.0)
    arithmetic_pj += attention_flops * e_op
    # KV cache: each answer token reads the context so far; every token's keys and values are written once.
    kv_bits = (out * ctx + tokens) * w.kv_bytes_per_token * BITS_PER_BYTE
    memory_pj = weights_pj + kv_bits * holding.kv_pj_per_bit
    memory_bits = weight_reads * weight_bits + kv_bits

    rack_bits = tokens * float(tensor_parallel_bits_per_token(w.layers, w.d_model, w.bytes_per_param, tp,
                                                              w.allreduces_per_layer))
    hall_bits = tokens * float(pipeline_bits_per_token(stages, w.d_model, w.bytes_per_param))
    links_pj = (rack_bits * wiring.pj_per_bit("in_rack") if rack_bits else 0.0) + (
        hall_bits * wiring.pj_per_bit("between_racks") if hall_bits else 0.0)

    arithmetic, memory, links = arithmetic_pj * _PJ, memory_pj * _PJ, links_pj * _PJ
    chips = arithmetic + memory + links
    host_idle = chips * o.serving_factor
    facility = (o.pue - 1.0) * (chips + host_idle)
    return Parts(arithmetic, memory, links, host_idle, facility, model_flops + attention_flops, memory_bits,
                 rack_bits + hall_bits, n)


def _training(w: TrainingRun, cluster: Cluster, holding: Holding, wiring: Wiring, o: Overheads) -> Parts:
    if holding.analog is not None:
        raise ValueError("analog in-memory computing runs inference only: trained weights change every step")
    acc = cluster.accelerator
    flops = float(ai.training_flops(w.params, w.tokens))
    arithmetic = flops * op_energy_pj(acc) * _PJ
    wait = arithmetic * (1.0 / w.utilisation - 1.0)
    per_copy = int(ai.accelerators_to_hold(w.params, w.state_bytes_per_param, acc.memory_bytes))
    n = max(int(cluster.count), per_copy)
    replicas = max(1, n // per_copy)
    steps = w.tokens / w.tokens_per_step
    memory_bits = steps * replicas * 2.0 * w.params * w.state_bytes_per_param * BITS_PER_BYTE
    memory = memory_bits * holding.weights_pj_per_bit * _PJ
    link_bits = steps * float(allreduce_bits(replicas, w.params, w.bytes_per_param))
    links = link_bits * wiring.pj_per_bit("between_racks") * _PJ if link_bits else 0.0
    chips = arithmetic + wait + memory + links
    host_idle = wait + chips * o.host_factor
    facility = (o.pue - 1.0) * (arithmetic + memory + links + host_idle)
    return Parts(arithmetic, memory, links, host_idle, facility, flops, memory_bits, link_bits, n, wait_j=wait)


# --------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------


def _check(obj, positive=(), non_negative=()) -> None:
    for f in fields(obj):
        v = getattr(obj, f.name)
        if f.name in positive and not (isinstance(v, (int, float)) and math.isfinite(v) and v > 0):
            raise ValueError(f"{type(obj).__name__}.{f.name} must be finite and > 0, got {v!r}")
        if f.name in non_negative and not (isinstance(v, (int, float)) and math.isfinite(v) and v >= 0):
            raise ValueError(f"{type(obj).__name__}.{f.name} must be finite and >= 0, got {v!r}")
