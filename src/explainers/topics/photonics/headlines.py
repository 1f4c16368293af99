"""Photonics: every headline the page states in big type, and the figures it rests on.

The harness (tests/topics/test_headlines.py) moves each input to its sources' low and high and swaps
in each alternative source, recomputes the view, and checks that a verdict does not flip and a
figure stays within 2×, or that the view states a range that covers every case. The views compute
their ranges themselves (setup.spread, over setup.RANGE_IDS and setup.ALTERNATIVES), so the inputs
registered here are the same figures.
"""

from __future__ import annotations

from explainers.topics.claims import Headline

from .setup import ALTERNATIVES, RANGE_IDS

TOPIC = "photonics"
_RANGES = RANGE_IDS
_ALTS = dict(ALTERNATIVES)


def _copper_reaches(v) -> str:
    return "reaches" if v.longest_copper_m >= v.distance_m else "short"


def _only_light(v) -> str:
    return f"{v.winner}/{v.best_opt}"


#: The page's default view, at its default distance (2 m, the published reach of a passive cable: the
#: harness moves that reference too, so the distance is pinned here to the one the page opens at).
_DEFAULT = {"d_m": "2"}


def _winner(scene: str | None) -> Headline:
    return Headline(
        id="photonics.winner", topic=TOPIC, section="links",
        figure=lambda v: v.copper_over_light, verdict=lambda v: v.winner,
        stated=lambda v: (v.ratio_lo, v.ratio_hi), inputs=_RANGES, alternatives=_ALTS, scene=scene,
        params={} if scene else _DEFAULT)


def _crossover(scene: str | None) -> Headline:
    return Headline(
        id="photonics.crossover", topic=TOPIC, section="links",
        figure=lambda v: v.crossover_m, stated=lambda v: (v.crossover_lo, v.crossover_hi),
        inputs=_RANGES, alternatives=_ALTS, scene=scene, params={} if scene else _DEFAULT)


def _only(scene: str) -> Headline:
    # no copper link reaches: the figure is how far the furthest one goes (it must stay short of the distance)
    return Headline(
        id="photonics.only_light", topic=TOPIC, section="links",
        figure=lambda v: v.longest_copper_m, verdict=_only_light, inputs=_RANGES, alternatives=_ALTS, scene=scene)


HEADLINES: tuple[Headline, ...] = (
    # In one minute: NVIDIA's pluggable -> co-packaged optics power per port (30 W -> 9 W, 3.3x)
    Headline(id="photonics.minute_cpo_saving", topic=TOPIC, section="one_minute",
             figure=lambda v: v.saving_x, alternatives={"ph_cpo_saving": ("nv_eff", "ph_intel_cpo_saving")}),
    # ... and the reaches its takeaways state, as ranges
    Headline(id="photonics.minute_dac_reach", topic=TOPIC, section="one_minute",
             figure=lambda v: v.dac_reach_m, stated=lambda v: (v.dac_reach_lo, v.dac_reach_hi),
             inputs=("dac_100g",)),
    Headline(id="photonics.minute_board_reach", topic=TOPIC, section="one_minute",
             figure=lambda v: v.board_reach_m, stated=lambda v: (v.board_reach_lo, v.board_reach_hi),
             inputs=("chan_112g", "ph_pkg_loss", "ph_via_loss", "ph_conn_loss"),
             alternatives={"pcb_m6_14g": _ALTS["pcb_m6_14g"]}),
    # who wins at the chosen distance, and by how much (default view and the scenes where both reach)
    _winner(None), _winner("chip"), _winner("package"), _winner("rack"),
    # where light starts to beat copper
    _crossover(None), _crossover("chip"), _crossover("package"), _crossover("rack"),
    # only light reaches
    _only("hall"), _only("cities"),
    # the rack scene: copper cables still reach 2 m at 200 Gb/s per lane
    Headline(id="photonics.rack_copper_reaches", topic=TOPIC, section="links", scene="rack",
             figure=lambda v: v.longest_copper_m, verdict=_copper_reaches, inputs=_RANGES, alternatives=_ALTS),
    # the cities scene: the O-band 40 km module does not span 80 km, on either fibre type
    Headline(id="photonics.cities_long_reach", topic=TOPIC, section="links", scene="cities",
             figure=lambda v: v.long_reach_m, verdict=lambda v: "short" if v.long_reach_m < v.distance_m else "spans",
             alternatives={"fib_g652_1310": ("fib_ull_1310",)}),
)
