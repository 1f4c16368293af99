"""Issue #11 on the Photonics page: the headlines a delegate repeats, checked against the physics.

- the crossover is a range over the sourced optical and electrical figures, and names what decides it;
- in a rack copper (cables of 1-3 m, as NVL72 racks use) and co-packaged optics are neck and neck;
- the band belongs to the transceiver: the O-band 40 km module does not span 80 km, coherent C-band does;
- a board trace budgets its packages, vias and connector, and its reach is a range;
- a tie between links goes to the one a designer would pick.
"""

from __future__ import annotations

import math

import pytest

from explainers import topics
from explainers.content import fmt_num, shown, t, value
from explainers.models import interconnect as ic
from explainers.topics import photonics as ph
from explainers.topics.photonics import present, setup


def links_view(lang: str = "en", scene: str | None = None, **params):
    return topics.view("photonics", "links", lang, {k: str(v) for k, v in params.items()}, scene)


def readout(view, index: int):
    return view.readouts[index]


# --- 1. the crossover: a range, and what decides it ------------------------------------------------


def test_crossover_spans_intels_and_nvidias_co_packaged_figures():
    view = links_view(d_m=2)
    rate = value("ph_lane_rate")
    links = setup.links_for(ph.DEFAULT_FIBRE)
    # closed forms. Intel's 5 pJ/bit is below a SerDes hop (5.5): light wins once the links cheaper than
    # 5 pJ/bit (on-chip wire, chiplet, NVLink-C2C class at 1.3 pJ/bit over a very short reach) run out.
    short = max(float(ic.max_reach_m(links[s], rate)) for s in ("on_chip", "chiplet", "c2c"))
    assert value("intel_oci_e") < value("serdes112") < value("nv_cpo_pjbit_cpo")
    assert view.crossover_lo <= short * (1 + 1e-6)
    # NVIDIA's 5.6 pJ/bit is above it: copper holds until its furthest cable runs out (LACC ~ 1/sqrt(rate))
    lacc = value("lacc_100g") * math.sqrt(100.0 / rate)
    assert view.crossover_hi >= lacc * (1 - 1e-6)
    assert view.crossover_hi / view.crossover_lo > 10  # far more than 2x: the readout must give the range


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_crossover_readout_states_the_range_and_names_the_figures_that_decide_it(lang):
    cross = readout(links_view(lang, d_m=2), 3)
    assert cross.claim == "photonics.crossover"
    assert "–" in cross.value  # a range, not one distance
    # it names the co-packaged-optics figures of both vendors
    assert shown("intel_oci_e", lang) in cross.caption and shown("nv_cpo_pjbit_cpo", lang) in cross.caption


@pytest.mark.parametrize("scene", [None, "rack"])
def test_at_two_metres_in_a_rack_copper_and_co_packaged_optics_are_too_close_to_call(scene):
    view = links_view(scene=scene) if scene else links_view(d_m=2)
    won = readout(view, 2)
    assert won.claim == "photonics.winner"
    assert won.value == t("photonics.energy.win_close", "en")
    # copper at 2 m and 200 Gb/s is one SerDes hop over a cable (LACC reaches ~2.8 m); light is co-packaged
    assert view.best_el in ("dac", "lacc") and view.best_opt == "cpo"
    serdes = value("serdes112")
    assert view.ratio_lo == pytest.approx(serdes / value("nv_cpo_pjbit_cpo"))  # NVIDIA: copper 2 % cheaper
    assert view.ratio_hi == pytest.approx(serdes / value("intel_oci_e"))  # Intel: light 10 % cheaper
    assert view.ratio_lo < 1 < view.ratio_hi


def test_the_rack_scene_does_not_promise_copper_back_at_a_lower_lane_rate():
    # at 100 Gb/s the cable is still one SerDes hop (5.5 pJ/bit) against the same optics: nothing comes back
    for rate in (100, 200):
        v = links_view(scene="rack", rate=rate)
        assert v.best_el in ("dac", "lacc") and v.winner == links_view(scene="rack").winner
    from explainers.content import content
    rack = next(s for s in content().scenes["photonics"] if s.id == "rack")
    assert "lane rate" not in rack.caption.en and "snelheid per lane" not in rack.caption.nl


# --- 2. bands: the transceiver's, not the fibre's ---------------------------------------------------------


@pytest.mark.parametrize("fibre", ph.FIBRES)
def test_each_optical_link_takes_the_fibres_loss_at_its_own_band(fibre):
    links = setup.links_for(fibre)
    for slug in ph.OPTICAL:
        link = links[slug]
        assert link.band == ic.LINK_BANDS[slug]
        if isinstance(link.reach, ic.FibreBudget):
            assert link.reach.attenuation_db_per_km == setup.fibre_attenuation(fibre, link.band)
    assert links["long_reach"].band == "O" and links["coherent"].band == "C"


@pytest.mark.parametrize("fibre", ph.FIBRES)
def test_at_80_km_only_coherent_c_band_optics_spans_the_distance(fibre):
    view = links_view(d_m=80000, fibre=fibre)
    assert view.best_opt == "coherent" and view.winner == "optical"
    assert view.long_reach_m < 80_000  # 16 dB / (0.31-0.35 dB/km) = 46-52 km
    budget = value("ieee_er4_loss") - value("ieee_er4_conn")
    assert view.long_reach_m == pytest.approx(budget / setup.fibre_attenuation(fibre, "O") * 1000)


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("fibre", ph.FIBRES)
@pytest.mark.parametrize("d_m", [1000, 10000, 40000, 80000, 100000])
def test_the_fibre_box_never_counts_amplifiers_for_an_o_band_link(lang, fibre, d_m):
    text = links_view(lang, d_m=d_m, fibre=fibre).fibre_box.text
    assert "0 amplifier" not in text and "amplifier(s)" not in text and "versterker(s)" not in text
    assert "at least" not in text and "minstens" not in text
    loss_o = setup.fibre_attenuation(fibre, "O") * d_m / 1000
    assert fmt_num(loss_o, lang, 3) in text  # the loss at the O-band, where the 40 km module works


def test_an_old_fibre_url_value_falls_back_with_the_notice():
    values, bad = topics.values_for("photonics", {"fibre": "ull_1550"})
    assert values["fibre"] == ph.DEFAULT_FIBRE and bad == ["fibre"]
    values, bad = topics.values_for("photonics", {"fibre": "ull"})
    assert values["fibre"] == "ull" and not bad


# --- 5. the board trace: packages, vias, connector; reach as a range -----------------------------------


def test_board_reach_is_stated_as_a_range_that_holds_the_model_figure():
    box = topics.view("photonics", "one_minute", "en")
    rate = value("ph_lane_rate")
    board = setup.links_for(ph.DEFAULT_FIBRE)["board"]
    reach = float(ic.max_reach_m(board, rate))
    assert box.board_reach_m == pytest.approx(reach)
    assert box.board_reach_lo < reach < box.board_reach_hi
    # with the whole budget on the trace (the old model) the reach would be longer by B / (B - other)
    other = board.reach.other_losses_db
    assert other > 0
    assert reach == pytest.approx(3 * (value("chan_112g") - other) / value("chan_112g")
                                  * float(ic.segment_reach_m(
                                      ic.LinkSpec(**{**board.__dict__,
                                                     "reach": ic.CopperChannel(**{**board.reach.__dict__,
                                                                                  "other_losses_db": 0.0})}),
                                      rate)))
    assert present.distance_range(box.board_reach_lo, box.board_reach_hi, "en") in box.takeaways[0]


# --- 8. ties go to the link a designer would pick ---------------------------------------------------------


def test_a_tie_between_a_board_trace_and_a_cable_goes_to_the_cable():
    rate = 100.0
    links = setup.links_for(ph.DEFAULT_FIBRE)
    d = 0.9 * min(float(ic.segment_reach_m(links["board"], rate)), float(ic.max_reach_m(links["dac"], rate)))
    d = min(ph.DISTANCE_STEPS, key=lambda x: abs(x - d) if x <= d else math.inf)
    assert ic.energy_pj_per_bit(links["board"], d, rate) == ic.energy_pj_per_bit(links["dac"], d, rate)
    view = links_view(d_m=d, rate=int(rate), links="board,dac,cpo")
    assert view.best_el == "dac"
    assert readout(view, 0).caption.startswith(present.link_name("dac", "en"))


# --- the one-minute headline ----------------------------------------------------------------------------------


def test_the_one_minute_headline_is_nvidias_port_power_with_its_saving():
    box = topics.view("photonics", "one_minute", "nl")
    assert box.claim == "photonics.minute_cpo_saving"
    assert box.saving_x == pytest.approx(value("nv_pluggable_w") / value("nv_cpo_w"), rel=0.01)
    assert fmt_num(value("ph_cpo_saving"), "nl", 2) in box.headline_help  # 3,3
