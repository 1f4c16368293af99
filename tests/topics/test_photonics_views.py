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

OPTICS_ONLY = ("pluggable", "long_reach", "coherent", "cpo")


def links_view(lang: str, **values):
    base, _bad = topics.values_for(ph.PAGE)
    base.update(values)
    return present.links(lang, **topics.section_args(ph, "links", base))


@pytest.mark.parametrize(("lang", "words"), [("en", "not possible"), ("nl", "niet mogelijk")])
def test_at_80_km_with_no_copper_chosen_the_electrical_readout_says_not_possible(lang, words):
    view = links_view(lang, d_m=80_000.0, links=OPTICS_ONLY, fibre="ull")
    electrical, optical, winner, crossover = view.readouts
    assert electrical.value == t("photonics.not_possible", lang) == words
    assert electrical.caption == t("photonics.energy.none_chosen", lang)
    assert fmt_distance(80_000.0, lang) in electrical.label
    # 80 km is beyond the O-band 40 km module even on ultra-low-loss fibre (16 dB / 0.31 dB/km = 52 km):
    # the coherent C-band module on an amplified line is the only chosen link that spans it
    coherent = setup.links_for("ull")["coherent"]
    assert float(ic.max_reach_m(setup.links_for("ull")["long_reach"], 200.0)) < 80_000.0
    assert optical.value == fmt_energy(float(ic.energy_pj_per_bit(coherent, 80_000.0, 200.0)), lang)
    assert winner.value == t("photonics.energy.win_optical", lang)
    assert crossover.value == t("photonics.not_possible", lang)  # it needs both kinds chosen


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_summary_names_the_distance_and_rate_in_the_language(lang):
    view = links_view(lang, d_m=1.5, rate=100.0)
    summary = view.energy.summary
    assert fmt_distance(1.5, lang) in summary and fmt_rate(100.0, lang) in summary
    assert ("1,5 m" if lang == "nl" else "1.5 m") in summary
    # the cheapest electrical link at 1.5 m and 100 Gb/s, from the model (a cable, not a board trace)
    links = setup.links_for(ph.DEFAULT_FIBRE)
    el = [links[s] for s in setup.preferred(ph.DEFAULT_LINKS, ph.ELECTRICAL)]
    energy, index = ic.cheapest_pj_per_bit(el, 1.5, 100.0)
    assert view.readouts[0].value == fmt_energy(float(energy), lang)
    assert view.readouts[0].caption.startswith(present.link_name(el[int(index)].slug, lang))


def test_the_energy_chart_is_cached_for_every_distance_and_marked_where_chosen():
    near, far = links_view("en", d_m=2.0), links_view("en", d_m=100.0)
    assert pickle.dumps((near.energy.args, near.energy.kwargs)) == pickle.dumps((far.energy.args, far.energy.kwargs))
    assert near.energy.vline == views.VLine(2.0, "2 m", log_x=True)
    assert far.energy.vline.x == 100.0
    assert near.fibre_box is None and far.fibre_box is None  # the fibre box is for 1 km and beyond


@pytest.mark.parametrize("fibre", ph.FIBRES)
def test_fibre_box_gives_the_loss_at_each_links_band(fibre):
    view = links_view("en", d_m=80_000.0, fibre=fibre)
    assert view.fibre_box is not None and view.fibre_box.kind == "info"
    text = view.fibre_box.text
    o_band, c_band = (value(optics.REFERENCE_IDS[ph.FIBRE_BANDS[fibre][b]]) for b in ("O", "C"))
    # 80 km at the O-band modules' own wavelengths: 28 dB (G.652) or 24.8 dB (ultra-low-loss), over the 16 dB budget
    assert f"{fmt_num(o_band * 80, 'en', 3)} dB in the O-band" in text
    assert o_band * 80 > setup.long_reach_budget_db()
    assert f"{fmt_num(c_band * 80, 'en', 3)} dB" in text  # and in the C-band, where coherent modules work
    assert "C and L bands" in text and "400ZR" in text


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
    # two 50:50 couplers: with no phase difference all light leaves the cross port, at pi the bar port
    at_zero, at_pi = present.mzi(lang, phi=0.0, n=8), present.mzi(lang, phi=1.0, n=8)
    assert (at_zero.bar.value, at_zero.cross.value) == ("0 %", "100 %")
    assert (at_pi.bar.value, at_pi.cross.value) == ("100 %", "0 %")
    assert mzi.mesh_count.value == fmt_num(int(optics.mzi_mesh_size(8)), lang) == "28"


# --- the energy chart sends the points a line needs ---------------------------------------------------------


def test_a_thinned_log_log_line_stays_on_the_original_and_keeps_its_ends():
    import numpy as np

    from explainers.charts.photonics import thin_log_log

    x = np.geomspace(1e-3, 1e5, 80)
    for y in (np.full_like(x, 5.0), 0.1 + np.sqrt(x), 2.0 * x, np.where(x < 1, 1.0, x ** 2)):
        tx, ty = thin_log_log(x, y)
        assert tx[0] == np.float32(x[0]) and tx[-1] == np.float32(x[-1])
        redrawn = np.interp(np.log10(x), np.log10(tx), np.log10(ty))
        assert np.max(np.abs(redrawn - np.log10(y))) < 0.0021  # a fifth of a percent of a decade
    assert thin_log_log(x, np.full_like(x, 5.0))[0].size == 2  # a flat link: two points


def test_a_distance_change_sends_a_small_energy_chart():
    import json

    from explainers import topics, views

    for params in ({}, {"d_m": "2"}, {"rate": "400"}):
        view = topics.view("photonics", "links", "en", params)
        fig = views.figures(view)[0]
        spec = fig.builder(*fig.args, **dict(fig.kwargs))
        spec = spec if isinstance(spec, dict) else spec.to_dict()
        size = len(json.dumps(spec, default=lambda o: o.tolist() if hasattr(o, "tolist") else str(o)))
        assert size < 20_000, f"{params}: the energy chart is {size} bytes of JSON"
