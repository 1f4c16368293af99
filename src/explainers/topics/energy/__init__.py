"""Where the energy goes: one AI request from the chip to the grid (data only: slugs, steps, URL keys).

No Streamlit and no content read at import time.

    from explainers import topics
    view = topics.view("energy", "follow", "nl", scene="chat_stacked")
    print(view.bars.summary)
"""

from __future__ import annotations

from explainers.topics.controls import Control, Controls, log_steps

PAGE = "energy"

WORK_SLUGS: tuple[str, ...] = ("chat", "train")
#: Models a request can run on: slug -> (parameters row, training tokens row or None, shape rows or None).
#: Shape rows: (layers, d_model, query heads, K/V heads, width per head). "gpt4o" is Epoch AI's assumption
#: for GPT-4o (100 billion active parameters, size not published): shaped like Chinchilla, with the 8 shared
#: K/V heads of Llama 3, and trained on 20 tokens per parameter (the Chinchilla rule) for a training run.
MODEL_ROWS: dict[str, tuple[str, str | None, tuple[str, str, str, str, str] | None]] = {
    "gpt4o": ("epoch_q_params", None, None),
    "chinchilla": ("chin_n", "chin_d", ("chin_layers", "chin_dmodel", "chin_heads", "chin_heads", "chin_head_dim")),
    "gpt3": ("gpt3_n", "gpt3_d", ("gpt3_layers", "gpt3_dmodel", "gpt3_heads", "gpt3_heads", "gpt3_head_dim")),
    "llama31_405b": ("llama31_n", "llama31_d", ("llama31_layers", "llama31_dmodel", "llama31_heads",
                                                  "llama31_kv_heads", "llama31_head_dim")),
}
MODEL_SLUGS: tuple[str, ...] = tuple(MODEL_ROWS)
ACC_SLUGS: tuple[str, ...] = ("a100", "h100", "b200")
#: How weights and the KV cache are held: HBM beside the chip (today), SRAM stacked on the chip
#: (near-memory), or the weights in analog in-memory cells (the KV cache stays in HBM).
MEM_SLUGS: tuple[str, ...] = ("hbm", "stacked", "analog")
#: How chips talk: copper in the rack and pluggable optics between racks (today), or co-packaged optics.
LINK_SLUGS: tuple[str, ...] = ("pluggable", "cpo")

#: The page's rows behind each part (the Sources panel and the captions).
MEASURED_ROWS: tuple[str, ...] = ("goog_prompt_wh", "goog_active_wh", "epoch_q_wh")
SHARE_ROWS: tuple[str, ...] = ("goog_share_acc", "goog_share_host", "goog_share_idle", "goog_share_dc")
WORLD_ROWS: tuple[str, ...] = ("iea_dc_2024", "iea_dc_share", "iea_dc_2030")
WORKLOAD_ROWS: tuple[str, ...] = ("epoch_q_params", "epoch_q_tokens", "en_prompt_tokens", "en_batch",
                                  "aic_bytes_per_param", "aic_kv_bytes", "llama3_70b_kv_heads", "kap_12ld2",
                                  "aic_node_gpus", "vllm_tp_allreduce", "hof_ratio")
TRAINING_ROWS: tuple[str, ...] = ("zero_state_bytes", "llama3_tokens_step", "aic_mfu", "llama3_mfu",
                                  "llama31_gpu_hours", "en_llama31_gpu_mwh")
HARDWARE_ROWS: dict[str, tuple[str, ...]] = {
    "a100": ("a100_bf16_dense", "a100_tdp", "a100_mem_gb"),
    "h100": ("h100_bf16_dense", "h100_tdp", "h100_bw_gb"),
    "b200": ("b200_bf16_dense", "b200_tdp", "b200_bw_gb"),
}
MEMORY_ROWS: dict[str, tuple[str, ...]] = {
    "hbm": ("dally23_hbm",),
    "stacked": ("hz_sram_8k", "ucie_3d_e"),
    "analog": ("her_1ph_eff", "her_4ph_eff", "her_tile", "her_cores", "ndx_converter_energy_share"),
}
LINK_ROWS: dict[str, tuple[str, ...]] = {
    "pluggable": ("serdes112", "lacc_100g", "pluggable_intel", "nv_cpo_pjbit_pluggable"),
    "cpo": ("intel_oci_e", "nv_cpo_pjbit_cpo", "ph_cpo_saving"),
}
DISTANCE_ROWS: tuple[str, ...] = ("en_chip_m", "en_rack_m", "en_hall_m", "ph_lane_rate")
PUE_ROWS: tuple[str, ...] = ("pue_uptime", "pue_google", "pue_new")
SCALE_ROWS: tuple[str, ...] = ("oai_prompts_us", "oai_prompts_day", "cbs_dc_gwh", "cbs_dc_share", "cbs_home_kwh",
                               "ironwood_pod_mw", "aif_total", "aif_timeline", "tpuv4_optics_power")
LADDER_ROWS: tuple[str, ...] = ("dally22_noc", "ucie_std_e", "hz_sram_8k", "ucie_3d_e", "dally23_hbm", "hz_dram_64",
                                "serdes112", "dac_100g", "intel_oci_e", "nv_cpo_pjbit_cpo", "pluggable_intel",
                                "nv_cpo_pjbit_pluggable", "h100_bf16_dense", "h100_tdp")

# --- control steps (positions of a control, not figures) -------------------------------------------

TOKEN_OPTIONS: tuple[float, ...] = (50.0, 100.0, 200.0, 300.0, 500.0, 1000.0, 2000.0, 5000.0, 10000.0)
GPUS_OPTIONS: tuple[int, ...] = tuple(2**k for k in range(0, 18))  # 1 .. 131,072
BATCH_OPTIONS: tuple[int, ...] = tuple(2**k for k in range(0, 9))  # 1 .. 256
PUE_OPTIONS: tuple[float, ...] = tuple(round(1 + i / 100, 2) for i in range(0, 151))  # 1.00 .. 2.50
MFU_OPTIONS: tuple[int, ...] = tuple(range(10, 71))  # percent
REQ_OPTIONS: tuple[float, ...] = tuple(sorted(set(log_steps(5, 10, (1, 2, 3, 5))) | {3.3e8, 2.5e9}))

CONTROLS = Controls([
    Control("work", "choice", default="chat", options=WORK_SLUGS),
    Control("model", "choice", default="gpt4o", options=MODEL_SLUGS),
    Control("tokens", "stepped", default_ref="epoch_q_tokens", options=TOKEN_OPTIONS),
    Control("acc", "choice", default="h100", options=ACC_SLUGS),
    Control("gpus", "stepped", default_ref="aic_node_gpus", options=GPUS_OPTIONS),
    Control("batch", "stepped", default_ref="en_batch", options=BATCH_OPTIONS),
    Control("mem", "choice", default="hbm", options=MEM_SLUGS),
    Control("links", "choice", default="pluggable", options=LINK_SLUGS),
    Control("pue", "stepped", default_ref="pue_uptime", options=PUE_OPTIONS),
    Control("mfu", "stepped", default_ref="aic_mfu", options=MFU_OPTIONS),
    Control("req", "stepped", default_ref="oai_prompts_us", options=REQ_OPTIONS),
])

#: The keys that describe one request (or run), shared by the sections that show it.
REQUEST_KEYS: tuple[str, ...] = ("work", "model", "tokens", "acc", "gpus", "batch", "mem", "links", "pue", "mfu")

#: Section -> the URL keys its present function takes, in page order.
SECTIONS: dict[str, tuple[str, ...]] = {
    "one_minute": (),
    "ladder": (),
    "follow": REQUEST_KEYS,
    "scale": (*REQUEST_KEYS, "req"),
    "model": (),
}

#: Sections that share a choice run as one fragment, which the page script calls by its group name:
#: a change of the request reruns the request and its day at scale, not the whole page.
GROUPS: dict[str, tuple[str, ...]] = {"request": ("follow", "scale")}


def reference_ids(values: dict | None = None) -> list[str]:
    """Every reference row the page uses (the same list whatever the controls say)."""
    ids: list[str] = [*MEASURED_ROWS, *SHARE_ROWS, *WORLD_ROWS, *WORKLOAD_ROWS, *TRAINING_ROWS]
    for model_rows in MODEL_ROWS.values():
        ids += [r for r in (model_rows[0], model_rows[1]) if r] + list(model_rows[2] or ())
    ids += ["chin_layers", "chin_dmodel", "chin_head_dim"]  # the shape the GPT-4o-class model borrows
    for rows in (*HARDWARE_ROWS.values(), *MEMORY_ROWS.values(), *LINK_ROWS.values()):
        ids += list(rows)
    ids += [*DISTANCE_ROWS, *PUE_ROWS, *SCALE_ROWS, *LADDER_ROWS]
    return list(dict.fromkeys(ids))
