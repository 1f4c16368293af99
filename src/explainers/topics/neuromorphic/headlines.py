"""Neuromorphic: every headline the page states in big type, and the figures it rests on.

The robustness harness (`tests/topics/test_headlines.py`, `topics.claims`) moves each input across its
sources' range and swaps in each alternative source, recomputes the headline through the same view the
page shows, and checks that the verdict holds and the figure stays within 2×, or that the range the
view states covers every case. Where a headline states a range, `present` computes it itself (over
HERMES's two read modes, Horowitz's DRAM range, Han et al. against Horowitz).
"""

from __future__ import annotations

from explainers.topics.claims import Headline

TOPIC = "neuromorphic"

#: HERMES's precise (four-phase) read stands in for its fast (one-phase) read: same chip, same 8-bit MVM.
_ANALOG_MODES = {"her_1ph_eff": ("her_4ph_eff",)}
#: TrueNorth's energy per synaptic event stands in for Loihi's.
_EVENT = {"loihi_sop": ("tn_26pj",)}
#: The digital arithmetic of the dense / von Neumann designs (45 nm).
_MAC = ("hz_int_mul8", "hz_int_add32")


def _movement(share: float) -> str:
    return "movement dominates" if share > 50.0 else "arithmetic dominates"


def _gain_case(case: str) -> Headline:
    return Headline(
        id=f"{TOPIC}.box_gain_{case}", topic=TOPIC, section="one_minute",
        figure=lambda v: v.gains[case][0], stated=lambda v: v.gains[case][1:],
        inputs=("hz_dram_64", "dally23_hbm", "her_1ph_eff", *_MAC), alternatives=_ANALOG_MODES,
        verdict=lambda v: "analog" if v.gains[case][0] > 1 else "von Neumann",
    )


def _analog_gain(scene: str | None = None) -> Headline:
    return Headline(
        id=f"{TOPIC}.analog_gain" + (f".{scene}" if scene else ""), topic=TOPIC, section="joules", scene=scene,
        figure=lambda v: v.gain, stated=lambda v: (v.gain_lo, v.gain_hi),
        inputs=("hz_dram_64", "dally23_hbm", "her_1ph_eff", *_MAC), alternatives=_ANALOG_MODES,
    )


def _share(scene: str | None = None, alternatives: dict | None = None) -> Headline:
    return Headline(
        id=f"{TOPIC}.movement_share" + (f".{scene}" if scene else ""), topic=TOPIC, section="joules", scene=scene,
        figure=lambda v: v.share, verdict=lambda v: _movement(v.share),
        inputs=("hz_dram_64", "hz_sram_1m", "hz_sram_8k", *_MAC), alternatives=alternatives or {},
    )


def _bound(scene: str | None = None) -> Headline:
    return Headline(
        id=f"{TOPIC}.bound" + (f".{scene}" if scene else ""), topic=TOPIC, section="joules", scene=scene,
        figure=lambda v: v.attainable_tflops, verdict=lambda v: v.bound,
        inputs=("h100_fp8_dense", "h100_bw_tbs"), alternatives={"h100_fp8_dense": ("h100_fp8_sparse",)},
    )


def _events(name: str, scene: str | None = None) -> Headline:
    return Headline(
        id=f"{TOPIC}.{name}", topic=TOPIC, section="events", scene=scene,
        figure=lambda v: v.factor, verdict=lambda v: v.cheaper,
        inputs=("loihi_sop", "hz_sram_8k", "hz_dram_64", *_MAC), alternatives=_EVENT,
    )


HEADLINES: tuple[Headline, ...] = (
    # --- in one minute ---------------------------------------------------------------------------
    # the box: reading 32 bits from DRAM against a 32-bit add, Han et al. against Horowitz's range
    Headline(
        id=f"{TOPIC}.fetch_vs_add", topic=TOPIC, section="one_minute",
        figure=lambda v: v.fetch_ratio, stated=lambda v: (v.fetch_lo, v.fetch_hi),
        inputs=("han_dram32", "hz_int_add32", "hz_dram_32bit"), alternatives={"han_dram32": ("hz_dram_32bit",)},
    ),
    Headline(
        id=f"{TOPIC}.box_share", topic=TOPIC, section="one_minute",
        figure=lambda v: v.share, verdict=lambda v: _movement(v.share), inputs=("hz_dram_64", *_MAC),
    ),
    # chip against chip: HERMES's published efficiency over an H100's at its FP8 peak and full power
    Headline(
        id=f"{TOPIC}.chip_gain", topic=TOPIC, section="one_minute",
        figure=lambda v: v.chip_gain, stated=lambda v: (v.chip_lo, v.chip_hi),
        verdict=lambda v: "analog" if v.chip_gain > 1 else "GPU",
        inputs=("her_1ph_eff", "h100_fp8_dense", "h100_tdp"), alternatives=_ANALOG_MODES,
    ),
    _gain_case("dram1"),
    _gain_case("hbm1"),
    _gain_case("hbm64"),
    Headline(
        id=f"{TOPIC}.box_break_even", topic=TOPIC, section="one_minute",
        figure=lambda v: v.break_even_pct, inputs=("loihi_sop", "hz_sram_8k", *_MAC), alternatives=_EVENT,
    ),
    Headline(
        id=f"{TOPIC}.box_break_even_dram", topic=TOPIC, section="one_minute",
        figure=lambda v: v.break_even_dram_pct,
        verdict=lambda v: "event-driven at any activity" if v.break_even_dram_pct > 100.0 else "break-even",
        inputs=("loihi_sop", "hz_dram_64", *_MAC), alternatives=_EVENT,
    ),
    # --- where the joules go (default state, and the scenes' captions) -------------------------------
    Headline(
        id=f"{TOPIC}.vn_energy", topic=TOPIC, section="joules", figure=lambda v: v.vn_pj,
        inputs=("hz_dram_64", *_MAC),
    ),
    _share(),
    _analog_gain(),
    _bound(),
    _share("dram_stream"),
    _bound("dram_stream"),
    # on-chip SRAM: a 1 MB array's read, or a small (8 KB) one's, still leaves data movement on top
    _share("sram_layer", {"hz_sram_1m": ("hz_sram_8k",)}),
    _analog_gain("sram_layer"),
    _analog_gain("analog_tile"),
    _share("analog_tile"),
    # --- compute only when something happens -------------------------------------------------------
    Headline(
        id=f"{TOPIC}.break_even", topic=TOPIC, section="events", figure=lambda v: v.break_even_pct,
        inputs=("loihi_sop", "hz_sram_8k", *_MAC), alternatives=_EVENT,
    ),
    _events("event_saving"),
    _events("quiet_sensor", "quiet_sensor"),
    _events("busy_network", "busy_network"),
    # --- brains and chips: power per neuron against the brain's ------------------------------------
    Headline(
        id=f"{TOPIC}.chips_truenorth", topic=TOPIC, section="chips", figure=lambda v: v.truenorth_per_brain,
        inputs=("brain_neurons", "brain_power", "tn_neurons"), alternatives={"tn_63mw": ("tn_70mw",)},
    ),
    Headline(
        id=f"{TOPIC}.chips_hala_point", topic=TOPIC, section="chips", figure=lambda v: v.hala_per_brain,
        inputs=("brain_neurons", "brain_power", "hala_p", "hala_n_n"),
    ),
)
