"""The energy page's headlines: what it states in big type, and the figures each rests on.

The robustness harness (`tests/topics/test_headlines.py`) recomputes each through the same view the
page shows, with its inputs at their sources' low and high and with the alternative sources swapped
in. The saving of analog in-memory computing moves several-fold between the chip's two read modes,
so the view states that range.
"""

from __future__ import annotations

from explainers.topics.claims import Headline

TOPIC = "energy"

#: Newer facilities and a hyperscale fleet, standing in for the industry-average PUE.
_PUE = {"pue_uptime": ("pue_google", "pue_new")}
#: The two read modes of the HERMES chip: fast (one-phase, the default) and precise (four-phase).
_ANALOG = {"her_1ph_eff": ("her_4ph_eff",)}

HEADLINES: tuple[Headline, ...] = (
    # The one-minute box: the model's default chat request, chip to grid, next to the measurements.
    Headline(
        id="energy.chat_wh", topic=TOPIC, section="one_minute",
        figure=lambda v: v.wh, inputs=("aic_kv_bytes",), alternatives=_PUE,
    ),
    # Follow one request: the same request with the levers of a scene (here, stacked SRAM).
    Headline(
        id="energy.levers", topic=TOPIC, section="follow",
        figure=lambda v: v.yours, inputs=("aic_kv_bytes",), alternatives=_PUE, scene="chat_stacked",
    ),
    # The saving of analog in-memory computing: the chip's two read modes give a range, stated.
    Headline(
        id="energy.saving", topic=TOPIC, section="follow",
        figure=lambda v: v.saving, stated=lambda v: (v.saving_low, v.saving_high),
        inputs=("aic_kv_bytes",), alternatives={**_ANALOG, **_PUE}, scene="chat_analog",
    ),
)
