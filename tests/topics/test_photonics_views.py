"""The Photonics views, without Streamlit: their sentences and numbers against the models directly."""

from __future__ import annotations

import pickle

import pytest

from explainers import topics, views
from explainers.content import fmt_distance, fmt_energy, fmt_num, fmt_rate, t, value
from explainers.models import interconnect as ic
from explainers.models import optics
from explainers.topics import photonics as ph
from explainers.topics.photonics import present, setup

OPTICS_ONLY = ("pluggable", "long_reach", "cpo")


def links_view(lang: str, **values):
    base, _bad = topics.values_for(ph.PAGE)
    base.update(values)
    return present.links(lang, **topics.section_args(ph, "links", base))


@pytest.mark.parametrize(("lang", "words"), [("en", "not possible"), ("nl", "niet mogelijk")])
def test_at_80_km_with_no_copper_chosen_the_electrical_readout_says_not_possible(lang, words):
    view = links_view(lang, d_m=80_000.0, links=OPTICS_ONLY, fibre="ull_1550")
    electrical, optical, winner, crossover = view.readouts
    assert electrical.value == t("photonics.not_possible", lang) == words
    assert electrical.caption == t("photonics.energy.none_chosen", lang)
    assert fmt_distance(80_000.0, lang) in electrical.label
    # the long-reach module is the only chosen link that spans 80 km of ultra-low-loss fibre
    long_reach = setup.links_for("ull_1550")["long_reach"]
    assert optical.value == fmt_energy(float(ic.energy_pj_per_bit(long_reach, 80_000.0, 200.0)), lang)
    assert winner.value == t("photonics.energy.win_optical", lang)
    assert crossover.value == t("photonics.not_possible", lang)  # it needs both kinds chosen


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_summary_names_the_distance_and_rate_in_the_language(lang):
    view = links_view(lang, d_m=1.5, rate=100.0)
    summary = view.energy.summary
    assert fmt_distance(1.5, lang) in summary and fmt_rate(100.0, lang) in summary
    assert ("1,5 m" if lang == "nl" else "1.5 m") in summary
    # the cheapest electrical link at 1.5 m and 100 Gb/s, from the model: the board trace
    links = setup.links_for(ph.DEFAULT_FIBRE)
    el = [links[s] for s in ph.DEFAULT_LINKS if s in ph.ELECTRICAL]
    energy, index = ic.cheapest_pj_per_bit(el, 1.5, 100.0)
    assert view.readouts[0].value == fmt_energy(float(energy), lang)
    assert view.readouts[0].caption.startswith(present.link_name(el[int(index)].slug, lang))


def test_the_energy_chart_is_cached_for_every_distance_and_marked_where_chosen():
    near, far = links_view("en", d_m=2.0), links_view("en", d_m=100.0)
    assert pickle.dumps((near.energy.args, near.energy.kwargs)) == pickle.dumps((far.energy.args, far.energy.kwargs))
    assert near.energy.vline == views.VLine(2.0, "2 m", log_x=True)
    assert far.energy.vline.x == 100.0
    assert near.fibre_box is None and far.fibre_box is None  # the fibre box is for 1 km and beyond


def test_fibre_box_loss_and_amplifiers_follow_the_fibre_model():
    view = links_view("en", d_m=80_000.0, fibre="ull_1550")
    assert view.fibre_box is not None and view.fibre_box.kind == "info"
    text = view.fibre_box.text
    att = value("fib_ull_1550")
    assert f"{fmt_num(att * 80, 'en', 3)} dB" in text  # 13.6 dB over 80 km
    standard = optics.span_plan(80_000.0, value("fib_g652_1310"), setup.long_reach_budget_db(), 0.0)
    assert int(standard.amplifiers) >= 1
    assert "amplifier" in text and "dispersion" in text


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_wdm_and_mzi_readouts_come_from_the_optics_model(lang):
    wdm = present.wdm(lang, grid="50", chrate=25.0)
    band = optics.band_width_ghz(*optics.C_BAND_NM)
    channels = int(optics.wdm_channel_count(band, 50.0))
    assert wdm.readouts[0].value == fmt_num(channels, lang)
    assert wdm.readouts[1].value == fmt_rate(channels * 25.0, lang)
    assert wdm.no_fit is None
    assert present.wdm(lang, grid="12.5", chrate=800.0).no_fit.kind == "warning"
    mzi = present.mzi(lang, phi=0.5, n=8)
    assert mzi.bar.value == mzi.cross.value == "50 %"
    assert mzi.mesh_count.value == fmt_num(int(optics.mzi_mesh_size(8)), lang) == "28"
