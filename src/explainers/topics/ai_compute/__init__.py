"""The AI compute page: its URL keys, slugs, control steps, sections and reference ids (data only).

No Streamlit and no content read at import time: the steps of the N and D sliders include the
known models' sizes, read from the references when `CONTROLS` is first asked for.

    from explainers import topics
    view = topics.view("ai-compute", "running", "nl", scene="chat_70b_b1")
    print(view.roofline.summary)
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from explainers.models import ai_compute as _ai
from explainers.topics.controls import Control, Controls, log_steps

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

#: Where each model's label sits in the growth chart and in the scaling chart (no overlaps).
GROWTH_LABEL_POSITIONS = {"gpt3": "middle left", "chinchilla": "middle left", "palm_540b": "middle left",
                          "gpt4": "middle left", "gemini_ultra": "middle left", "llama31_405b": "bottom center"}
LABEL_POSITIONS = {"gpt3": "top left", "chinchilla": "bottom right", "llama31_405b": "top center"}

#: Rows behind each accelerator (for the Sources panel; the model maps them in REFERENCE_IDS).
ACC_ROWS: dict[str, tuple[str, ...]] = {
    "a100": ("a100_bf16_dense", "a100_bw", "a100_tdp", "a100_mem_gb"),
    "h100": ("h100_bf16_dense", "h100_bw_tbs", "h100_tdp", "h100_bw_gb"),
    "b200": ("b200_bf16_dense", "b200_bw_tbs", "b200_tdp", "b200_bw_gb"),
}
#: The shape of each known model behind its KV cache: slug -> rows of (layers, d_model, query heads,
#: K/V heads, width per head). Chinchilla and GPT-3 use multi-head attention (a K/V head per query head).
SHAPE_ROWS: dict[str, tuple[str, str, str, str, str]] = {
    "gpt3": ("gpt3_layers", "gpt3_dmodel", "gpt3_heads", "gpt3_heads", "gpt3_head_dim"),
    "chinchilla": ("chin_layers", "chin_dmodel", "chin_heads", "chin_heads", "chin_head_dim"),
    "llama31_405b": ("llama31_layers", "llama31_dmodel", "llama31_heads", "llama31_kv_heads", "llama31_head_dim"),
}
#: Serving: the rows behind the KV cache, the custom model's shape, the split and the alternatives.
SERVING_ROWS: tuple[str, ...] = ("aic_context", "aic_kv_bytes", "llama3_70b_kv_heads", "kap_12ld2", "aic_node_gpus")
#: Alternatives the headlines are stated over (utilisation of a real run, PUE of newer facilities, the
#: unrounded Chinchilla exponents).
ALTERNATIVE_ROWS: tuple[str, ...] = ("llama3_mfu", "pue_google", "pue_new", "hof_alpha_tex", "hof_beta_tex")
GAP_ROWS: tuple[str, ...] = ("epoch_growth", "mw_flops", "mw_dram", "mw_ic")
CONTEXT_ROWS: tuple[str, ...] = ("aif_total", "aif_split", "aif_timeline", "epoch_1e25")
ASSUMPTION_ROWS: tuple[str, ...] = ("aic_mfu", "aic_gpus", "aic_bytes_per_param", "pue_uptime")
#: The constants of the two Chinchilla fits (Hoffmann et al. 2022, Epoch AI 2024), as the model names them.
FIT_ROWS: tuple[str, ...] = tuple(rid for key, rid in _ai.REFERENCE_IDS.items()
                                  if key.startswith(("hoffmann2022.", "epoch2024.")))

# --- control steps ----------------------------------------------------------------------------------

GPUS_OPTIONS: tuple[int, ...] = tuple(2**k for k in range(0, 18))  # 1 .. 131,072
MFU_OPTIONS: tuple[int, ...] = tuple(range(10, 71))  # percent
PUE_OPTIONS: tuple[float, ...] = tuple(round(1 + i / 100, 2) for i in range(0, 151))  # 1.00 .. 2.50
BATCH_OPTIONS: tuple[int, ...] = tuple(2**k for k in range(0, 13))  # 1 .. 4096
CONTEXT_OPTIONS: tuple[int, ...] = tuple(2**k for k in range(8, 18))  # 256 .. 131,072 tokens
KV_BYTES_OPTIONS: tuple[float, ...] = (1.0, 2.0)  # 8-bit (FP8) or 16-bit keys and values
KV_HEAD_SLUGS: tuple[str, ...] = ("own", "gqa8")  # the model's own attention, or 8 shared K/V heads


def _with_models(grid: tuple[float, ...], column: int) -> tuple[float, ...]:
    from explainers.content import value  # read when first asked for, not at import

    return tuple(sorted(set(grid) | {value(rows[column]) for rows in MODEL_ROWS.values()}))


@lru_cache(maxsize=1)
def params_options() -> tuple[float, ...]:
    """Parameter counts 100 million .. 10 trillion on a 1-1.2-1.5-2-... grid, plus the known models'."""
    return _with_models(log_steps(8, 13), 0)


@lru_cache(maxsize=1)
def tokens_options() -> tuple[float, ...]:
    """Token counts 1 billion .. 100 trillion, plus the known models'."""
    return _with_models(log_steps(9, 14), 1)


class ModelControls(Controls):
    """The page's controls, where model, N and D are tied as on the page.

    A known model dictates N and D; a link that names a usable N or D describes a custom model.
    """

    def values(self, params: Mapping[str, str | None], base: Mapping[str, Any] | None = None
               ) -> tuple[dict[str, Any], list[str]]:
        out, bad = super().values(params, base)
        if any(key in params and self[key].parse(params[key]) is not None for key in ("n", "d")):
            out["model"] = CUSTOM
        rows = MODEL_ROWS.get(out["model"])
        if rows is not None:
            from explainers.content import value

            out["n"], out["d"] = value(rows[0]), value(rows[1])
        return out, bad


@lru_cache(maxsize=1)
def _controls() -> ModelControls:
    return ModelControls([
        Control("model", "choice", default="gpt3", options=MODEL_SLUGS),
        Control("acc", "choice", default="a100", options=ACC_SLUGS),
        Control("n", "stepped", default_ref="gpt3_n", options=params_options()),
        Control("d", "stepped", default_ref="gpt3_d", options=tokens_options()),
        Control("gpus", "stepped", default_ref="aic_gpus", options=GPUS_OPTIONS),
        Control("mfu", "stepped", default_ref="aic_mfu", options=MFU_OPTIONS),
        Control("pue", "stepped", default_ref="pue_uptime", options=PUE_OPTIONS),
        Control("fit", "choice", default="epoch2024", options=FIT_SLUGS),
        Control("batch", "stepped", default=BATCH_OPTIONS[0], options=BATCH_OPTIONS),
        Control("ctx", "stepped", default_ref="aic_context", options=CONTEXT_OPTIONS),
        Control("kvb", "stepped", default_ref="aic_kv_bytes", options=KV_BYTES_OPTIONS),
        Control("kvh", "choice", default="own", options=KV_HEAD_SLUGS),
    ])


def __getattr__(name: str):
    """`CONTROLS`, built when first asked for (the N and D steps are read from the references)."""
    if name == "CONTROLS":
        return _controls()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: Section -> the URL keys its present function takes, in page order.
SECTIONS: dict[str, tuple[str, ...]] = {
    "one_minute": (),
    "pick": ("model", "acc", "n", "d"),
    "training": ("model", "acc", "n", "d", "gpus", "mfu", "pue"),
    "scaling": ("model", "n", "d", "fit"),
    "running": ("model", "acc", "n", "batch", "ctx", "kvb", "kvh"),
    "growth": (),
    "context": (),
    "model": (),
}


def reference_ids(values: dict | None = None) -> list[str]:
    """Every reference id the page uses (the same list whatever the controls say)."""
    ids: list[str] = ["kap_6nd", "kap_2n", "hof_ratio", *FIT_ROWS, "hof_alpha_tex", "hof_beta_tex"]
    for rows in MODEL_ROWS.values():
        ids += list(rows)
    ids += list(GROWTH_ROWS.values())
    for rows in ACC_ROWS.values():
        ids += list(rows)
    for rows in SHAPE_ROWS.values():
        ids += list(rows)
    ids += list(ASSUMPTION_ROWS) + list(SERVING_ROWS) + list(ALTERNATIVE_ROWS) + list(GAP_ROWS) + list(CONTEXT_ROWS)
    return list(dict.fromkeys(ids))
