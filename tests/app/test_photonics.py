"""The Photonics page: clean in both languages, readouts agree with the model, URL state, scenes."""

from __future__ import annotations

import base64
import math
import time

import numpy as np
import pytest

from explainers.content import content, fmt_distance, fmt_energy, t
from explainers.models import interconnect as ic
from explainers.topics import photonics as ph
from explainers.topics.photonics import present, setup

from .conftest import assert_clean, open_page, plotly_specs, qp, visible_text, widget_state, wkey

PAGE = "app_pages/photonics.py"
SLIDER = wkey(PAGE, "d_m")


def array(data) -> np.ndarray:
    """A Plotly data array from a figure's JSON (a list, or Plotly's base64 typed array)."""
    if isinstance(data, dict) and "bdata" in data:
        return np.frombuffer(base64.b64decode(data["bdata"]), dtype=np.dtype(data["dtype"]))
    return np.asarray(data, dtype=float)


def metric_values(at) -> list[str]:
    return [str(m.value) for m in at.get("metric")]


def test_page_renders_in_both_languages_with_four_charts(lang):
    at = open_page(PAGE, lang)
    assert_clean(at)
    assert at.title[0].value == t("photonics.title", lang)
    specs = plotly_specs(at)
    assert len(specs) == 4
    text = visible_text(at)
    assert t("photonics.energy.heading", lang) in text
    if lang == "nl":
        assert "5,5 pJ/bit" in metric_values(at)  # decimal comma: one SerDes hop over a copper cable
        assert "Zuinigste elektrische verbinding op 2 m" in text


def test_every_assumption_and_reference_is_shown():
    at = open_page(PAGE, "en")
    text = visible_text(at)
    for name in ic.ASSUMPTIONS:
        assert f"photonics.asm.{name}" not in text
    sources = next(e for e in at.expander if e.label.startswith("Sources"))
    listing = "\n".join(str(m.value) for m in sources.markdown)
    for rid in ph.reference_ids({"fibre": ph.DEFAULT_FIBRE}):
        assert f"`{rid}`" in listing, rid
    for rid in ("shen_mzi", "clements", "reck", "ieee_er4_loss", "er4_pj_per_bit", "ph_asm_optical_budget"):
        assert f"`{rid}`" in listing


def test_model_panel_lists_every_assumption_with_its_value():
    at = open_page(PAGE, "nl")
    panel = next(e for e in at.expander if e.label == t("anatomy.how_model_works", "nl"))
    text = "\n".join(str(m.value) for m in panel.markdown)
    assert len(panel.latex) >= 7
    assert "L^*" in "\n".join(el.value for el in panel.latex)
    # one line per model assumption, in Dutch, with the number in Dutch notation
    assert "hoogstens 30 mm" in text
    assert "4 dB budget" in text
    assert "100GBASE-ER4" in text and "16 dB" in text
    assert "O-band" in text and "C-band" in text and "400ZR" in text  # each link's band, the coherent module
    # the worked example reproduces the closed form: 5 pJ/bit / 0.05 pJ/bit/mm = 100 mm
    assert "**100 mm**" in text


def test_rack_scene_calls_copper_against_co_packaged_optics_too_close_at_two_metres():
    # (was: light wins 3.3x over a board trace with two retimers. Copper cables reach 2 m in a rack,
    # one SerDes hop against co-packaged optics: 5.5 against Intel's 5 or NVIDIA's 5.6 pJ/bit)
    at = open_page(PAGE, "en", {"scene": "rack"})
    assert_clean(at)
    assert widget_state(at, PAGE, "d_m") == pytest.approx(2.0)
    v = setup.verdict(ph.DEFAULT_FIBRE, 200.0, ph.DEFAULT_LINKS, 2.0)
    assert v.best_opt == "cpo" and v.best_el in ("dac", "lacc")
    assert "Too close to call" in metric_values(at)
    summary = [c.value for c in at.caption if str(c.value).startswith("At 2 m and 200 Gb/s")]
    assert summary and "neck and neck" in summary[0]


def test_chip_scene_names_copper_as_the_winner():
    at = open_page(PAGE, "nl", {"scene": "chip"})
    assert_clean(at)
    assert "Koper" in metric_values(at)


def test_cities_scene_shows_what_reaches_80_km_and_what_it_would_take():
    # (was: the O-band ER4 module closing 80 km on C-band ultra-low-loss fibre; the band is the module's)
    at = open_page(PAGE, "en", {"scene": "cities"})
    assert_clean(at)
    assert widget_state(at, PAGE, "fibre") == "g652"
    values = metric_values(at)
    coherent = setup.links_for("g652")["coherent"]
    assert fmt_energy(coherent.fixed_pj_per_bit, "en") in values  # coherent C-band optics spans 80 km
    assert t("photonics.not_possible", "en") in values  # no copper link does
    info = "\n".join(str(i.value) for i in at.info)
    assert "28 dB in the O-band" in info and "17.6 dB" in info and "C and L bands" in info
    assert "at least" not in info
    # the energy chart is not blank: the coherent line runs past 80 km
    energy = plotly_specs(at)[0]
    xs = [array(tr["x"]).max() for tr in energy["data"] if tr.get("x") is not None]
    assert max(xs) > 80_000


@pytest.mark.parametrize("rate", [25.0, 100.0, 200.0, 400.0])
def test_crossover_readout_matches_the_model(rate):
    at = open_page(PAGE, "en", {"rate": str(int(rate))})
    assert_clean(at)
    links = setup.links_for(ph.DEFAULT_FIBRE)
    el = [links[s] for s in setup.preferred(ph.DEFAULT_LINKS, ph.ELECTRICAL)]
    opt = [links[s] for s in setup.preferred(ph.DEFAULT_LINKS, ph.OPTICAL)]
    expected = ic.crossover_between(el, opt, rate, setup.distance_grid(ph.DEFAULT_FIBRE, rate))
    assert math.isfinite(expected)
    spread = setup.crossover_spread(ph.DEFAULT_FIBRE, rate, ph.DEFAULT_LINKS)
    assert spread.value == expected and spread.lo <= expected <= spread.hi
    # the sourced figures move it far more than 2x, so the readout gives the range
    assert present.distance_range(spread.lo, spread.hi, "en") in metric_values(at)


def test_crossover_without_co_packaged_optics_is_where_copper_runs_out():
    at = open_page(PAGE, "en", {"links": "board,dac,pluggable", "rate": "100"})
    assert_clean(at)
    links = setup.links_for(ph.DEFAULT_FIBRE)
    expected = ic.crossover_between([links["dac"], links["board"]], [links["pluggable"]], 100.0,
                                    setup.distance_grid(ph.DEFAULT_FIBRE, 100.0))
    # pluggable optics (15 pJ/bit) is dearer than one or two SerDes hops (5.5, 11 pJ/bit), so light wins
    # where the board link needs its third segment (16.5 pJ/bit): the retimer staircase sets the crossover
    seg = float(ic.segment_reach_m(links["board"], 100.0))
    assert expected == pytest.approx(2 * seg, rel=1e-6)
    assert float(ic.energy_pj_per_bit(links["board"], expected, 100.0)) == pytest.approx(3 * 5.5)
    spread = setup.crossover_spread(ph.DEFAULT_FIBRE, 100.0, ("board", "dac", "pluggable"))
    assert spread.value == expected
    assert present.distance_range(spread.lo, spread.hi, "en") in metric_values(at)


def test_url_parameters_set_the_controls():
    at = open_page(PAGE, "en", {"d_m": "100", "rate": "50", "links": "dac,cpo", "fibre": "ull",
                                "tbps": "3.2", "grid": "50", "chrate": "25", "phi": "0.5", "n": "8"})
    assert_clean(at)
    assert widget_state(at, PAGE, "d_m") == pytest.approx(100.0)
    assert widget_state(at, PAGE, "rate") == pytest.approx(50.0)
    assert widget_state(at, PAGE, "links") == ["dac", "cpo"]
    assert widget_state(at, PAGE, "fibre") == "ull"
    assert widget_state(at, PAGE, "tbps") == pytest.approx(3.2)
    assert widget_state(at, PAGE, "grid") == "50"
    assert widget_state(at, PAGE, "phi") == pytest.approx(0.5)
    assert widget_state(at, PAGE, "n") == 8
    values = metric_values(at)
    assert "87" in values  # channels at 50 GHz
    assert "50 %" in values  # MZI at pi/2
    assert "28" in values  # 8 x 8 mesh
    assert not at.warning


def test_a_bad_distance_falls_back_with_one_notice():
    at = open_page(PAGE, "nl", {"d_m": "banana"})
    assert_clean(at)
    assert widget_state(at, PAGE, "d_m") == pytest.approx(2.0)
    assert len(at.warning) == 1 and "d_m" in at.warning[0].value
    at = open_page(PAGE, "en", {"d_m": "1e9"})
    assert len(at.warning) == 1 and widget_state(at, PAGE, "d_m") == pytest.approx(2.0)


def test_moving_the_distance_changes_the_readout_and_the_url():
    at = open_page(PAGE, "en")
    before = metric_values(at)
    assert "5.5 pJ/bit" in before  # one SerDes hop over a copper cable
    at.select_slider(key=SLIDER).set_value(100.0).run()
    assert_clean(at)
    assert qp(at, "d_m") == "100"
    after = metric_values(at)
    assert after != before
    assert t("photonics.not_possible", "en") in after  # copper cannot span 100 m
    assert "5 pJ/bit" in after


def test_a_slider_change_is_cheap():
    at = open_page(PAGE, "en")
    at.select_slider(key=SLIDER).set_value(20.0).run()
    start = time.perf_counter()
    for d in (0.5, 5.0, 50.0, 500.0):
        setup.verdict(ph.DEFAULT_FIBRE, 200.0, ph.DEFAULT_LINKS, d)
        setup.curves(ph.DEFAULT_FIBRE, 200.0, ph.DEFAULT_LINKS)
    assert (time.perf_counter() - start) / 4 < 0.05


def test_energy_chart_lines_are_short_and_end_where_the_link_ends():
    lines = setup.curves(ph.DEFAULT_FIBRE, 200.0, ph.LINKS)
    for c in lines:
        assert c.x.size <= 300
        assert np.all(np.isfinite(c.y))
        if math.isfinite(c.reach_m) and c.reach_m < ph.D_MAX:
            assert c.x[-1] == pytest.approx(c.reach_m)


def test_hover_and_legend_are_translated_and_say_not_possible():
    at = open_page(PAGE, "nl")
    energy = plotly_specs(at)[0]
    names = [tr.get("name", "") for tr in energy["data"]]
    assert any("stopt bij 11 km" in n for n in names)
    hovers = [tr.get("hovertemplate", "") for tr in energy["data"]]
    assert any("niet mogelijk" in h for h in hovers)
    assert any("Afstand" in h for h in hovers)
    # optical lines blue and solid, electrical vermillion and not solid
    for tr in energy["data"]:
        if tr.get("mode") == "lines":
            colour, dash = tr["line"]["color"], tr["line"].get("dash", "solid")
            assert (colour in ("#0072B2", "#56B4E9")) == (dash == "solid")


def test_scenes_cover_the_five_distances():
    scenes = {s.id: s for s in content().scenes["photonics"]}
    assert {k: float(s.params["d_m"]) for k, s in scenes.items()} == {
        "chip": 0.005, "package": 0.02, "rack": 2.0, "hall": 100.0, "cities": 80_000.0}
    for scene in scenes.values():
        assert float(scene.params["d_m"]) in ph.DISTANCE_STEPS

