"""Neuromorphic: the cost of moving data, and neurons that compute only when they spike (data only).

The page's URL keys, their steps and slugs, its sections in page order and the reference rows each
part of the page shows. No Streamlit here, and no content read at import time.

    from explainers.topics import neuromorphic
    values, bad = neuromorphic.CONTROLS.values({"i_na": "3", "mem": "hbm"})
"""

from __future__ import annotations

from explainers.topics.controls import Control, Controls

PAGE = "neuromorphic"

# --- controls: slugs and steps ---------------------------------------------------------------------

#: Where a von Neumann machine keeps the weights: slug -> (architecture in memory.py, reference row).
MEM_LEVELS: dict[str, tuple[str, str]] = {
    "sram": ("von_neumann_sram", "hz_sram_1m"),
    "hbm": ("von_neumann_hbm", "dally23_hbm"),
    "lpddr4": ("von_neumann_lpddr4", "dally20_lpddr4"),
    "dram": ("von_neumann_dram", "hz_dram_64"),
}
MEM_SLUGS: tuple[str, ...] = tuple(MEM_LEVELS)
#: Bits per weight -> (digital MAC format, H100 dense peak used in the roofline).
BIT_FORMATS: dict[int, tuple[str, str]] = {8: ("int8", "fp8"), 16: ("fp16", "bf16")}
BIT_OPTIONS: tuple[int, ...] = tuple(BIT_FORMATS)
BIT_SLUGS: tuple[str, ...] = tuple(str(b) for b in BIT_OPTIONS)  # the URL holds "8" / "16"
DIM_OPTIONS: tuple[int, ...] = tuple(2**k for k in range(6, 15))  # 64 .. 16,384
BATCH_OPTIONS: tuple[int, ...] = tuple(2**k for k in range(0, 13))  # 1 .. 4,096
ARCH_SLUGS: tuple[str, ...] = ("von_neumann", "near_memory", "analog_in_memory")
#: Outline colour family of each architecture's bar (charts.theme meaning). Near-memory and analog
#: in-memory designs are in-memory computing, not spiking (neuromorphic) hardware.
ARCH_KIND: dict[str, str] = {"von_neumann": "conventional", "near_memory": "in_memory",
                             "analog_in_memory": "in_memory"}
#: HERMES's two published read modes (both 8-bit in and out): slug -> its efficiency row.
#: "fast" (one-phase, low precision) is the model's default; "precise" (four-phase) bounds the gain.
ANALOG_MODES: dict[str, str] = {"fast": "her_1ph_eff", "precise": "her_4ph_eff"}
#: The cases the one-minute box quotes from the model, for the default layer at 8 bit:
#: case -> (where the von Neumann design keeps its weights, batch).
GAIN_CASES: dict[str, tuple[str, int]] = {"dram1": ("dram", 1), "hbm1": ("hbm", 1), "hbm64": ("hbm", 64)}

CHIP_SLUGS: tuple[str, ...] = ("loihi", "truenorth")
CHIP_ROWS: dict[str, str] = {"loihi": "loihi_sop", "truenorth": "tn_26pj"}
FETCH_SLUGS: tuple[str, ...] = ("sram", "dram")
FETCH_LEVELS: dict[str, tuple[str, str]] = {"sram": ("sram_8kb", "hz_sram_8k"), "dram": ("dram", "hz_dram_64")}
_SERIES = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8)
ACT_OPTIONS: tuple[float, ...] = tuple(sorted({round(m * 10.0**k, 6) for k in (-1, 0, 1) for m in _SERIES} | {100.0}))

#: The current slider (nA): 0 to ndx_i_max (5 nA; tests check the row) in steps of 0.05 nA.
I_MAX_NA = 5.0
I_STEP_NA = 0.05

CONTROLS = Controls([
    Control("rows", "stepped", default_ref="ndx_layer_dim", options=DIM_OPTIONS),
    Control("cols", "stepped", default_ref="ndx_layer_dim", options=DIM_OPTIONS),
    Control("batch", "stepped", default_ref="ndx_batch", options=BATCH_OPTIONS),
    Control("bits", "choice", default="8", options=BIT_SLUGS),  # = ndx_weight_bits (tests check)
    Control("mem", "choice", default="dram", options=MEM_SLUGS),
    Control("i_na", "float", default_ref="ndx_i_default", lo=0.0, hi=I_MAX_NA, step=I_STEP_NA),
    Control("act", "stepped", default_ref="ndx_act_default", options=ACT_OPTIONS),
    Control("chip", "choice", default="loihi", options=CHIP_SLUGS),
    Control("fetch", "choice", default="sram", options=FETCH_SLUGS),
])

#: Section name -> the URL keys its present function takes, in page order.
SECTIONS: dict[str, tuple[str, ...]] = {
    "one_minute": (),
    "joules": ("rows", "cols", "batch", "bits", "mem"),
    "wall": (),
    "neuron": ("i_na",),
    "events": ("act", "chip", "fetch"),
    "chips": (),
    "model": (),
}

# --- reference rows behind each part of the page (the Sources panel and the captions) --------------

ENERGY_ROWS: tuple[str, ...] = ("hz_int_mul8", "hz_int_add32", "hz_fp_mul16", "hz_fp_add32", "hz_sram_8k",
                                "hz_sram_1m", "dally23_hbm", "dally20_lpddr4", "hz_dram_64", "her_1ph_eff",
                                "her_4ph_eff", "her_tile", "ndx_converter_energy_share")
#: Chip against chip: HERMES's published efficiencies against an H100 at its FP8 dense peak and full power.
CHIP_GAIN_ROWS: tuple[str, ...] = ("her_1ph_eff", "her_4ph_eff", "h100_fp8_dense", "h100_tdp")
ROOFLINE_ROWS: tuple[str, ...] = ("h100_fp8_dense", "h100_bf16_dense", "h100_bw_tbs")
WALL_ROWS: tuple[str, ...] = ("mw_flops", "mw_dram", "mw_ic")
NEURON_ROWS: tuple[str, ...] = ("lif_params_tau", "lif_params_r", "lif_params_vrest", "lif_params_vth",
                                "ndx_lif_tref", "ndx_v_reset_offset")
SPIKE_ROWS: tuple[str, ...] = ("loihi_sop", "tn_26pj", "hz_int_mul8", "hz_int_add32", "hz_sram_8k", "hz_dram_64",
                               "tn_neurons", "tn_syn", "ndx_dense_weight_bits", "ndx_step_ms")
HEADLINE_ROWS: tuple[str, ...] = ("han_dram32", "hz_int_add32", "hz_dram_64", "hz_dram_32bit", *CHIP_GAIN_ROWS)
ASSUMPTION_ROWS: tuple[str, ...] = ("ndx_converter_energy_share", "ndx_v_reset_offset", "ndx_dense_weight_bits",
                                    "ndx_layer_dim", "ndx_weight_bits", "ndx_batch", "ndx_i_default", "ndx_i_max",
                                    "ndx_sim_ms", "ndx_fi_ms", "ndx_dt_ms", "ndx_step_ms", "ndx_act_default")

#: The brains-and-chips table: system slug -> the reference rows of its row, in table order.
SYSTEM_ROWS: dict[str, tuple[str, ...]] = {
    "brain": ("brain_neurons", "brain_syn_ctx", "brain_syn_all", "brain_power"),
    "truenorth": ("tn_neurons", "tn_syn", "tn_70mw", "tn_63mw", "tn_26pj"),
    "loihi": ("loihi_neurons_n", "loihi_neurons_syn", "loihi_sop", "loihi_node"),
    "loihi2": ("loihi2_spec_n", "loihi2_spec_syn", "ndx_loihi2_p"),
    "hala_point": ("hala_n_n", "hala_n_syn", "hala_p"),
    "spinnaker2": ("spin2",),
    "northpole": ("np_spec", "np_eff"),
    "hermes": ("her_spec", "her_cores", "her_tile", "her_1ph_tops", "her_1ph_eff"),
}
SYSTEM_SLUGS: tuple[str, ...] = tuple(SYSTEM_ROWS)
CHIP_TABLE_ROWS: tuple[str, ...] = tuple(rid for rows in SYSTEM_ROWS.values() for rid in rows)


def reference_ids(values: dict | None = None) -> list[str]:
    """Every reference row the page shows (the same for every state of its controls)."""
    ids = (*HEADLINE_ROWS, *ENERGY_ROWS, *ROOFLINE_ROWS, *WALL_ROWS, *NEURON_ROWS, *SPIKE_ROWS, *CHIP_TABLE_ROWS,
           *ASSUMPTION_ROWS)
    return list(dict.fromkeys(ids))
