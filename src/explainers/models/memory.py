"""Data movement: von Neumann vs near-memory vs analog in-memory computing, roofline, memory wall.

What: energy and time of a matrix-vector layer (or a whole model's weights) on three kinds of machine.

- Von Neumann: weights live in a memory level (register file, SRAM, HBM, DRAM) and are carried to
  the arithmetic. E = MACs * E_MAC + weight bits * E_bit(level) + activation bits * E_bit(SRAM).
  Batching reuses fetched weights: weights are fetched once per batch, activations once per input.
- Near-memory: the same digital arithmetic, but each MAC unit sits beside a small local SRAM bank
  that holds its weights, so a weight read is a small-bank access (no long wires, no off-chip I/O).
- Analog in-memory (crossbar): weights stay in the cells as conductances; a matrix-vector product is
  one analog read. E = MACs * E_cell + DAC conversions * E_DAC + ADC conversions * E_ADC
  + activation bits * E_bit(SRAM). One array of R x C cells needs R DAC and C ADC conversions per
  input, so converter cost grows with the edges (R + C), not the area (R * C). A layer larger than
  one tile is split over tiles, and every tile needs its own converters, which brings the area back:
  conversions = R * ceil(C / c_t) + C * ceil(R / r_t).
- Time from the roofline: attainable FLOP/s = min(peak, bandwidth * intensity).
- Memory wall: growth factor^(years / 2) for compute, DRAM bandwidth and interconnect bandwidth.
- Chip against chip: the ratio of two chips' published operations per joule (``ops_per_joule_ratio``),
  the like-for-like check on the model's per-MAC gain.

Why: moving a weight from DRAM costs thousands of times more energy than the arithmetic done with it;
that, not the arithmetic, is what in- and near-memory designs attack.

Conventions: ``rows`` is the input length (crossbar word lines, one DAC each), ``cols`` the output
length (bit lines, one ADC each); one MAC = 2 FLOP; outputs are written back at the activation width.

Parameters: no physical default is a literal here. ``default_memory_levels``,
``default_architectures``, ``default_roofline_machine`` and ``default_growth_rates`` build parameter
sets from a plain ``{reference_id: value}`` mapping (values in the reference's own units; per-word
figures are divided by the word width stated in the reference's quantity). ``REFERENCE_IDS`` lists
every id used, ``REFERENCE_UNITS`` the unit each is expected in. Choices with no published figure
are in ``ASSUMPTIONS``.

Left out: caches and reuse inside the layer beyond "weights once per batch", instruction/control
overhead, leakage, wire energy as a function of distance, partial-sum adds between tiles, ADC vs DAC
cost differences, analog noise and accuracy, weight-programming energy, and process-node
differences: the digital figures are Horowitz's 45 nm set, the HBM figure is Dally's 2023 rule of
thumb and the analog figure is a 14 nm chip, so the comparison is indicative, not like for like.
The analog figure is the chip's 8-bit (in and out) efficiency; the model also uses it at 16 bit,
which flatters the analog design there. The per-MAC gain over a von Neumann design is largest
where that design streams every weight from its memory for every input (batch 1, DRAM); chip
against chip (``ops_per_joule_ratio``) the published figures give a gain of a few times at most.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from typing import Mapping, Union

import numpy as np

__all__ = [
    "ASSUMPTIONS",
    "Architecture",
    "ArchitectureKind",
    "EnergyBreakdown",
    "FLOP_PER_MAC",
    "MAC_FORMATS",
    "MatVecWorkload",
    "MemoryLevel",
    "ModelWorkload",
    "REFERENCE_IDS",
    "REFERENCE_UNITS",
    "RooflineMachine",
    "Workload",
    "analog_in_memory",
    "arithmetic_intensity_flop_per_byte",
    "converter_conversions",
    "default_architectures",
    "default_growth_rates",
    "default_mac_energy_pj",
    "default_memory_levels",
    "default_roofline_machine",
    "energy_breakdown_pj",
    "fetch_to_op_energy_ratio",
    "growth_curve",
    "near_memory",
    "ops_per_joule_ratio",
    "ridge_point_flop_per_byte",
    "roofline_attainable_flops",
    "roofline_time_s",
    "von_neumann",
    "workload_bytes",
    "workload_flops",
    "workload_macs",
]

# --------------------------------------------------------------------------------------------------
# Constants, reference ids, assumptions
# --------------------------------------------------------------------------------------------------

#: FLOP per multiply-accumulate (one multiply + one add): a convention, not a tunable value.
FLOP_PER_MAC = 2.0
#: Unit conversions, not physical values.
_BITS_PER_BYTE = 8.0
_TERA = 1e12

#: Parameter name -> reference id in data/references.yaml.
REFERENCE_IDS: dict[str, str] = {
    # arithmetic (45 nm, 0.9 V)
    "int8_multiply_pj": "hz_int_mul8",
    "int32_add_pj": "hz_int_add32",
    "fp16_multiply_pj": "hz_fp_mul16",
    "fp32_multiply_pj": "hz_fp_mul32",
    "fp32_add_pj": "hz_fp_add32",
    # memory levels, energy per bit
    "register.energy_pj_per_bit": "han_rf32",
    "sram_8kb.energy_pj_per_bit": "hz_sram_8k",
    "sram_1mb.energy_pj_per_bit": "hz_sram_1m",
    "hbm.energy_pj_per_bit": "dally23_hbm",
    "lpddr4.energy_pj_per_bit": "dally20_lpddr4",
    "dram.energy_pj_per_bit": "hz_dram_64",
    # analog in-memory: chip-level efficiency of the IBM HERMES PCM chip, 8-bit in/out
    "analog_efficiency_tops_per_w": "her_1ph_eff",
    # crossbar size of that chip (64 cores of 256 x 256): rows = columns
    "crossbar_tile_rows": "her_tile",
    "crossbar_tile_cols": "her_tile",
    # roofline machine (H100 SXM, dense tensor peaks)
    "peak_flops.bf16": "h100_bf16_dense",
    "peak_flops.fp8": "h100_fp8_dense",
    "bandwidth_bytes_per_s": "h100_bw_tbs",
    # memory wall (Gholami et al. 2024)
    "growth.compute": "mw_flops",
    "growth.dram_bandwidth": "mw_dram",
    "growth.interconnect_bandwidth": "mw_ic",
}

#: Reference id -> (unit expected in references.yaml, factor to the unit used here).
#: Per-word energies become pJ per bit (word width from the reference's quantity: "64-bit word",
#: "32-bit register-file access").
REFERENCE_UNITS: dict[str, tuple[str, float]] = {
    "hz_int_mul8": ("pJ", 1.0),
    "hz_int_add32": ("pJ", 1.0),
    "hz_fp_mul16": ("pJ", 1.0),
    "hz_fp_mul32": ("pJ", 1.0),
    "hz_fp_add32": ("pJ", 1.0),
    "han_rf32": ("pJ", 1.0 / 32.0),
    "hz_sram_8k": ("pJ", 1.0 / 64.0),
    "hz_sram_1m": ("pJ", 1.0 / 64.0),
    "dally23_hbm": ("pJ/bit", 1.0),
    "dally20_lpddr4": ("pJ/bit", 1.0),
    "hz_dram_64": ("pJ", 1.0 / 64.0),
    "her_1ph_eff": ("TOPS/W", 1.0),
    "her_tile": ("-", 1.0),
    "h100_bf16_dense": ("TFLOP/s", _TERA),
    "h100_fp8_dense": ("TFLOP/s", _TERA),
    "h100_bw_tbs": ("TB/s", _TERA),
    "mw_flops": ("x per 2 years", 1.0),
    "mw_dram": ("x per 2 years", 1.0),
    "mw_ic": ("x per 2 years", 1.0),
}

#: Modelling assumptions: name -> (value, unit, one-line justification).
ASSUMPTIONS: dict[str, tuple[float, str, str]] = {
    "converter_energy_share": (
        0.5,
        "-",
        "unsourced round split of the chip-level energy per 256x256 tile (her_1ph_eff) between the "
        "DAC/ADC periphery and the array; it changes how cost scales with shape, not the total at 256x256",
    ),
}

#: Digital MAC formats: name -> (multiply parameter, accumulate parameter). 8-bit integers
#: accumulate in 32 bits and 16/32-bit floats in FP32, as accelerators do.
MAC_FORMATS: dict[str, tuple[str, str]] = {
    "int8": ("int8_multiply_pj", "int32_add_pj"),
    "fp16": ("fp16_multiply_pj", "fp32_add_pj"),
    "fp32": ("fp32_multiply_pj", "fp32_add_pj"),
}

# --------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------


def _arr(name: str, x, *, lo: float = 0.0, lo_open: bool = True) -> np.ndarray:
    """float array, checked finite and > lo (or >= lo)."""
    a = np.asarray(x, dtype=float)
    bad = ~np.isfinite(a) | ((a <= lo) if lo_open else (a < lo))
    if np.any(bad):
        raise ValueError(f"{name} must be finite and {'>' if lo_open else '>='} {lo}; got {a[bad].ravel()[:3]}")
    return a


def _out(a):
    """0-d arrays come back as Python floats, others as arrays."""
    a = np.asarray(a, dtype=float)
    return float(a) if a.ndim == 0 else a


def _ref(refs: Mapping[str, float], key: str) -> float:
    """Value for parameter ``key`` from a {reference_id: value} mapping, converted to model units."""
    rid = REFERENCE_IDS[key]
    if rid not in refs:
        raise KeyError(f"reference id {rid!r} (for {key}) missing from the references mapping")
    return float(refs[rid]) * REFERENCE_UNITS[rid][1]


def _assumption(name: str) -> float:
    return float(ASSUMPTIONS[name][0])


# --------------------------------------------------------------------------------------------------
# Workloads
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class MatVecWorkload:
    """A matrix-vector layer y = W x applied to ``batch`` inputs.

    ``rows`` = input length, ``cols`` = output length (W holds rows * cols weights). Fields may be
    numpy arrays (broadcast together) to sweep a parameter.
    """

    rows: float
    cols: float
    weight_bits: float
    activation_bits: float
    batch: float


@dataclass(frozen=True, eq=False)
class ModelWorkload:
    """A whole model's weights used once per pass: ``parameters`` weights of ``bits_per_weight``,
    applied to ``tokens`` tokens (inputs) that share one pass over the weights (the batch).

    One MAC per parameter per token. Activation and KV-cache traffic and attention FLOP are left out:
    the layer shapes are unknown, and for weight-streaming inference they are small next to weights.
    """

    parameters: float
    bits_per_weight: float
    tokens: float


Workload = Union[MatVecWorkload, ModelWorkload]


def _shape(w: Workload):
    """(macs, weight_bits_per_batch, activation_bits_total, inputs) as float arrays."""
    if isinstance(w, MatVecWorkload):
        r = _arr("rows", w.rows)
        c = _arr("cols", w.cols)
        wb = _arr("weight_bits", w.weight_bits)
        ab = _arr("activation_bits", w.activation_bits)
        b = _arr("batch", w.batch)
        return r * c * b, r * c * wb, (r + c) * ab * b, b
    if isinstance(w, ModelWorkload):
        p = _arr("parameters", w.parameters)
        wb = _arr("bits_per_weight", w.bits_per_weight)
        t = _arr("tokens", w.tokens)
        return p * t, p * wb, np.zeros(np.broadcast(p, wb, t).shape), t
    raise TypeError(f"unknown workload type {type(w).__name__}")


def workload_macs(workload: Workload):
    """Multiply-accumulates: rows * cols * batch, or parameters * tokens."""
    return _out(_shape(workload)[0])


def workload_flops(workload: Workload):
    """FLOP = 2 * MACs."""
    return _out(FLOP_PER_MAC * _shape(workload)[0])


def workload_bytes(workload: Workload):
    """Bytes moved on a von Neumann machine: weights once per batch + activations in and out per input."""
    _, wbits, abits, _ = _shape(workload)
    return _out((wbits + abits) / _BITS_PER_BYTE)


def arithmetic_intensity_flop_per_byte(workload: Workload):
    """FLOP per byte moved. Batch 1 of an 8-bit layer: ~2 FLOP/B; grows with the batch (weight reuse)."""
    macs, wbits, abits, _ = _shape(workload)
    return _out(FLOP_PER_MAC * macs * _BITS_PER_BYTE / (wbits + abits))


# --------------------------------------------------------------------------------------------------
# Roofline and memory wall
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RooflineMachine:
    """Peak arithmetic rate and memory bandwidth of one machine."""

    name: str
    peak_flops: float
    bandwidth_bytes_per_s: float

    @property
    def ridge_point_flop_per_byte(self) -> float:
        return self.peak_flops / self.bandwidth_bytes_per_s


def roofline_attainable_flops(peak_flops, bandwidth_bytes_per_s, intensity_flop_per_byte):
    """Attainable FLOP/s = min(peak, bandwidth * intensity) (Williams et al. 2009), vectorised.

    Below the ridge point a kernel is memory-bound, above it compute-bound. Left out: caches,
    latency, overlap inefficiency.
    """
    p = _arr("peak_flops", peak_flops)
    bw = _arr("bandwidth_bytes_per_s", bandwidth_bytes_per_s)
    i = _arr("intensity_flop_per_byte", intensity_flop_per_byte, lo_open=False)
    return _out(np.minimum(p, bw * i))


def ridge_point_flop_per_byte(peak_flops, bandwidth_bytes_per_s):
    """Intensity where the two roofs meet: peak / bandwidth (FLOP/byte)."""
    return _out(_arr("peak_flops", peak_flops) / _arr("bandwidth_bytes_per_s", bandwidth_bytes_per_s))


def roofline_time_s(workload: Workload, peak_flops, bandwidth_bytes_per_s):
    """Time = FLOP / attainable = max(FLOP / peak, bytes / bandwidth) (perfect overlap assumed)."""
    p = _arr("peak_flops", peak_flops)
    bw = _arr("bandwidth_bytes_per_s", bandwidth_bytes_per_s)
    macs, wbits, abits, _ = _shape(workload)
    return _out(np.maximum(FLOP_PER_MAC * macs / p, (wbits + abits) / _BITS_PER_BYTE / bw))


def growth_curve(factor_per_2_years, years):
    """Relative growth factor^(years / 2) (1 at year 0), for the 20-year memory-wall chart."""
    f = _arr("factor_per_2_years", factor_per_2_years)
    y = np.asarray(years, dtype=float)
    return _out(f ** (y / 2.0))


# --------------------------------------------------------------------------------------------------
# Architectures
# --------------------------------------------------------------------------------------------------


class ArchitectureKind(str, Enum):
    VON_NEUMANN = "von_neumann"
    NEAR_MEMORY = "near_memory"
    ANALOG_IN_MEMORY = "analog_in_memory"


@dataclass(frozen=True)
class MemoryLevel:
    """Where data lives, and what reading or writing one bit there costs."""

    slug: str
    energy_pj_per_bit: float


@dataclass(frozen=True)
class Architecture:
    """Energy parameters of one machine.

    ``mac_energy_pj``: a digital MAC, or for analog the in-array share per weight cell.
    ``weight_energy_pj_per_bit``: bringing a weight bit to the arithmetic (0 for analog).
    ``activation_energy_pj_per_bit``: reading an input or writing an output activation bit.
    ``dac_energy_pj`` / ``adc_energy_pj``: per conversion (analog only, else 0).
    ``tile_rows`` / ``tile_cols``: largest crossbar; None = one array as large as the layer.
    Build with ``von_neumann``, ``near_memory`` or ``analog_in_memory``.
    """

    kind: ArchitectureKind
    label: str
    mac_energy_pj: float
    weight_energy_pj_per_bit: float
    activation_energy_pj_per_bit: float
    dac_energy_pj: float
    adc_energy_pj: float
    tile_rows: int | None
    tile_cols: int | None

    def __post_init__(self) -> None:
        for f in ("mac_energy_pj", "weight_energy_pj_per_bit", "activation_energy_pj_per_bit",
                  "dac_energy_pj", "adc_energy_pj"):
            v = getattr(self, f)
            if not (math.isfinite(v) and v >= 0):
                raise ValueError(f"Architecture {self.label!r}: {f} must be finite and >= 0, got {v!r}")
        for f in ("tile_rows", "tile_cols"):
            v = getattr(self, f)
            if v is not None and not v >= 1:
                raise ValueError(f"Architecture {self.label!r}: {f} must be >= 1 or None, got {v!r}")


def von_neumann(weight_level: MemoryLevel, activation_level: MemoryLevel, mac_energy_pj: float) -> Architecture:
    """Digital arithmetic fed from ``weight_level`` (weights) and ``activation_level`` (activations)."""
    return Architecture(ArchitectureKind.VON_NEUMANN, f"von_neumann_{weight_level.slug}", float(mac_energy_pj),
                        weight_level.energy_pj_per_bit, activation_level.energy_pj_per_bit, 0.0, 0.0, None, None)


def near_memory(local_level: MemoryLevel, activation_level: MemoryLevel, mac_energy_pj: float) -> Architecture:
    """Digital arithmetic beside small local banks that hold the weights (NorthPole-like)."""
    return Architecture(ArchitectureKind.NEAR_MEMORY, f"near_memory_{local_level.slug}", float(mac_energy_pj),
                        local_level.energy_pj_per_bit, activation_level.energy_pj_per_bit, 0.0, 0.0, None, None)


def analog_in_memory(cell_mac_energy_pj: float, dac_energy_pj: float, adc_energy_pj: float,
                     activation_level: MemoryLevel, tile_rows: int | None, tile_cols: int | None) -> Architecture:
    """Crossbar: weights stay in the cells; pay the in-array MAC, converters and activation I/O."""
    return Architecture(ArchitectureKind.ANALOG_IN_MEMORY, "analog_in_memory", float(cell_mac_energy_pj), 0.0,
                        activation_level.energy_pj_per_bit, float(dac_energy_pj), float(adc_energy_pj),
                        tile_rows, tile_cols)


def default_memory_levels(refs: Mapping[str, float]) -> dict[str, MemoryLevel]:
    """Memory levels from references, in pJ per bit: register, sram_8kb, sram_1mb, hbm, lpddr4, dram.

    register/SRAM/DRAM are the 45 nm Horowitz/Han set; hbm (Dally 2023) and lpddr4 (Dally et al. 2020)
    are newer rules of thumb. The DRAM row is a range (1.3-2.6 nJ per 64 bits): pass its low/high
    values in ``refs`` to show the spread.
    """
    return {
        slug: MemoryLevel(slug, _ref(refs, f"{slug}.energy_pj_per_bit"))
        for slug in ("register", "sram_8kb", "sram_1mb", "hbm", "lpddr4", "dram")
    }


def default_mac_energy_pj(refs: Mapping[str, float], number_format: str = "int8") -> float:
    """Digital MAC = multiply + accumulate-add (45 nm): int8 (8-bit mul + 32-bit add), fp16, fp32."""
    if number_format not in MAC_FORMATS:
        raise ValueError(f"number_format must be one of {sorted(MAC_FORMATS)}, got {number_format!r}")
    mul, add = MAC_FORMATS[number_format]
    return _ref(refs, mul) + _ref(refs, add)


def default_architectures(refs: Mapping[str, float], number_format: str = "int8") -> dict[str, Architecture]:
    """Default machines: von_neumann_{dram,lpddr4,hbm,sram}, near_memory, analog_in_memory.

    Activations live in small SRAM (sram_8kb) everywhere. Von Neumann "sram" is a 1 MB-class cache;
    near-memory reads from 8 KB local banks. Analog: the HERMES chip's 8-bit efficiency her_1ph_eff
    gives the energy of one 256x256 tile read, E_tile = 2 r c / eff (pJ, with eff in TOPS/W);
    ASSUMPTIONS["converter_energy_share"] of it goes to the r + c conversions (DAC and ADC alike),
    the rest to the r * c cells. Tiled at the chip's crossbar size (her_tile x her_tile).
    """
    levels = default_memory_levels(refs)
    mac = default_mac_energy_pj(refs, number_format)
    act = levels["sram_8kb"]
    out = {
        f"von_neumann_{slug}": von_neumann(levels[lvl], act, mac)
        for slug, lvl in (("dram", "dram"), ("lpddr4", "lpddr4"), ("hbm", "hbm"), ("sram", "sram_1mb"))
    }
    out["near_memory"] = near_memory(levels["sram_8kb"], act, mac)
    tr = int(_ref(refs, "crossbar_tile_rows"))
    tc = int(_ref(refs, "crossbar_tile_cols"))
    share = _assumption("converter_energy_share")
    pj_per_op = 1.0 / _ref(refs, "analog_efficiency_tops_per_w")  # 1 TOPS/W = 1 op/pJ
    tile_pj = FLOP_PER_MAC * tr * tc * pj_per_op
    conv_pj = share * tile_pj / (tr + tc)
    cell_pj = (1.0 - share) * tile_pj / (tr * tc)
    out["analog_in_memory"] = analog_in_memory(cell_pj, conv_pj, conv_pj, act, tr, tc)
    return out


def default_roofline_machine(refs: Mapping[str, float], number_format: str = "bf16") -> RooflineMachine:
    """H100 SXM roofline: dense tensor peak ("bf16" or "fp8", never the sparse figure) and HBM bandwidth."""
    key = f"peak_flops.{number_format}"
    if key not in REFERENCE_IDS:
        raise ValueError(f"number_format must be 'bf16' or 'fp8', got {number_format!r}")
    return RooflineMachine(f"h100_{number_format}", _ref(refs, key), _ref(refs, "bandwidth_bytes_per_s"))


def default_growth_rates(refs: Mapping[str, float]) -> dict[str, float]:
    """Growth factor per 2 years: compute, dram_bandwidth, interconnect_bandwidth (Gholami et al. 2024)."""
    return {k: _ref(refs, f"growth.{k}") for k in ("compute", "dram_bandwidth", "interconnect_bandwidth")}


def ops_per_joule_ratio(efficiency_tops_per_w, peak_tops, power_w):
    """How many times more operations per joule chip A does than chip B, from published figures:
    A's efficiency (TOPS/W = operations per pJ) over B's peak rate divided by its power.

    Both count one MAC as 2 operations. B at its peak rate and its maximum power is B at its best
    only if it reaches that peak at that power; it is the published, like-for-like figure."""
    eff = _arr("efficiency_tops_per_w", efficiency_tops_per_w)
    return _out(eff / (_arr("peak_tops", peak_tops) / _arr("power_w", power_w)))


def fetch_to_op_energy_ratio(energy_pj_per_bit, word_bits, op_energy_pj):
    """How many operations one word fetch costs: energy_pj_per_bit * word_bits / op_energy_pj."""
    return _out(_arr("energy_pj_per_bit", energy_pj_per_bit) * _arr("word_bits", word_bits)
                / _arr("op_energy_pj", op_energy_pj))


# --------------------------------------------------------------------------------------------------
# Energy
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class EnergyBreakdown:
    """Energy of one workload on one architecture, in pJ (floats, or arrays when sweeping).

    data_movement_pj = weight_movement_pj + activation_movement_pj;
    total_pj = compute_pj + data_movement_pj + converters_pj (converters are 0 for digital designs).
    """

    architecture: str
    kind: ArchitectureKind
    macs: object
    compute_pj: object
    weight_movement_pj: object
    activation_movement_pj: object
    data_movement_pj: object
    converters_pj: object
    total_pj: object

    @property
    def per_mac_pj(self):
        return _out(np.asarray(self.total_pj) / np.asarray(self.macs))

    @property
    def data_movement_share(self):
        """Fraction of the total spent moving data (weights and activations)."""
        return _out(np.asarray(self.data_movement_pj) / np.asarray(self.total_pj))


def converter_conversions(workload: Workload, architecture: Architecture):
    """(DAC conversions, ADC conversions) for the workload on an analog crossbar.

    One array: ``rows`` DAC and ``cols`` ADC conversions per input. Tiled into r_t x c_t arrays:
    rows * ceil(cols / c_t) DAC and cols * ceil(rows / r_t) ADC conversions per input. A whole model
    needs tiles: parameters / c_t DAC and parameters / r_t ADC conversions per token (full tiles).
    """
    tr, tc = architecture.tile_rows, architecture.tile_cols
    if isinstance(workload, MatVecWorkload):
        _, _, _, b = _shape(workload)
        r = np.asarray(workload.rows, dtype=float)
        c = np.asarray(workload.cols, dtype=float)
        col_tiles = 1.0 if tc is None else np.ceil(c / tc)
        row_tiles = 1.0 if tr is None else np.ceil(r / tr)
        return _out(r * col_tiles * b), _out(c * row_tiles * b)
    if isinstance(workload, ModelWorkload):
        if tr is None or tc is None:
            raise ValueError("a ModelWorkload on an analog crossbar needs tile_rows and tile_cols (shapes unknown)")
        macs, _, _, _ = _shape(workload)
        return _out(macs / tc), _out(macs / tr)
    raise TypeError(f"unknown workload type {type(workload).__name__}")


def energy_breakdown_pj(workload: Workload, architecture: Architecture) -> EnergyBreakdown:
    """Energy (pJ) of ``workload`` on ``architecture``: compute, data movement, converters, total.

    Von Neumann / near-memory: compute = MACs * E_MAC; weights = weight bits (once per batch) *
    E_bit(weight level); activations = (rows + cols) * activation bits * batch * E_bit(SRAM).
    Analog: compute = MACs * E_cell; weights do not move; converters = DAC * E_DAC + ADC * E_ADC
    (see ``converter_conversions``); activations as above. Vectorised over array-valued workloads.
    """
    macs, wbits, abits, _ = _shape(workload)
    a = architecture
    compute = macs * a.mac_energy_pj
    act = abits * a.activation_energy_pj_per_bit
    if a.kind is ArchitectureKind.ANALOG_IN_MEMORY:
        weights = np.zeros_like(compute)
        dac, adc = converter_conversions(workload, a)
        conv = np.asarray(dac) * a.dac_energy_pj + np.asarray(adc) * a.adc_energy_pj
    else:
        weights = wbits * a.weight_energy_pj_per_bit * np.ones_like(compute)
        conv = np.zeros_like(compute)
    moved = weights + act
    total = compute + moved + conv
    return EnergyBreakdown(
        architecture=a.label,
        kind=a.kind,
        macs=_out(macs),
        compute_pj=_out(compute),
        weight_movement_pj=_out(weights),
        activation_movement_pj=_out(act),
        data_movement_pj=_out(moved),
        converters_pj=_out(conv),
        total_pj=_out(total),
    )
