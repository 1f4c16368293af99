"""The AI compute page's headlines: what it states in big type, and the figures each rests on.

The robustness harness (`tests/topics/test_headlines.py`) recomputes each through the same view the
page shows, with its inputs at their sources' low and high and with the alternative sources
swapped in. Where a figure moves far (the compute-optimal ratio across the published Chinchilla
constants, the saving of batching across KV-cache precisions), the view states the range.
"""

from __future__ import annotations

from explainers.topics.claims import Headline

TOPIC = "ai_compute"

#: Newer facilities and a hyperscale fleet, standing in for the industry-average PUE.
_PUE = {"pue_uptime": ("pue_google", "pue_new")}
#: The utilisation Meta reports for its Llama 3 405B runs, standing in for this page's round 40 %.
_MFU = {"aic_mfu": ("llama3_mfu",)}

HEADLINES: tuple[Headline, ...] = (
    # The one-minute box: facility energy to train Llama 3.1 405B on H100s, with its range over the
    # reported utilisation and the sourced PUEs.
    Headline(
        id="ai_compute.train_energy", topic=TOPIC, section="one_minute",
        figure=lambda v: v.mwh, stated=lambda v: (v.mwh_low, v.mwh_high),
        inputs=("llama31_c",), alternatives={**_MFU, **_PUE},
    ),
    # The training calculator (GPT-3 on 1,024 A100s by default): days and MWh, and which
    # accelerator uses the least energy for the run.
    Headline(
        id="ai_compute.training_days", topic=TOPIC, section="training",
        figure=lambda v: v.days, inputs=("gpt3_n", "gpt3_d"), alternatives=_MFU,
    ),
    Headline(
        id="ai_compute.training_mwh", topic=TOPIC, section="training",
        figure=lambda v: v.mwh, verdict=lambda v: v.best, inputs=("gpt3_n", "gpt3_d"),
        alternatives={**_MFU, **_PUE},
    ),
    # Compute-optimal tokens per parameter: the published constants disagree several-fold, so the
    # readout states the range; tested where it is most sensitive (Hoffmann et al.'s rounded
    # exponents against those of their TeX source).
    Headline(
        id="ai_compute.optimal_ratio", topic=TOPIC, section="scaling",
        figure=lambda v: v.opt_ratio, stated=lambda v: (v.ratio_low, v.ratio_high),
        alternatives={"hof_alpha": ("hof_alpha_tex",), "hof_beta": ("hof_beta_tex",)},
        params={"fit": "hoffmann2022"},
    ),
    # Decoding: one chat is memory-bound; serving 64 conversations saves far less than 64x energy
    # per token once the KV cache is counted (the range over 8- and 16-bit caches).
    Headline(
        id="ai_compute.decode_regime", topic=TOPIC, section="running",
        figure=lambda v: v.rate, verdict=lambda v: v.regime, inputs=("aic_kv_bytes",), scene="chat_70b_b1",
    ),
    Headline(
        id="ai_compute.decode_saving", topic=TOPIC, section="running",
        figure=lambda v: v.saving, stated=lambda v: (v.saving_low, v.saving_high),
        inputs=("aic_kv_bytes",), scene="serve_70b_b64",
    ),
    # The growth of training compute, 4-5x per year (Epoch AI).
    Headline(
        id="ai_compute.growth_factor", topic=TOPIC, section="growth",
        figure=lambda v: v.growth_factor, stated=lambda v: (v.growth_low, v.growth_high),
        inputs=("epoch_growth",),
    ),
)
