"""The Neuromorphic page: renders cleanly in both languages, URL parameters set the controls, bad ones
fall back with one notice, and the readouts agree with the models they come from."""

from __future__ import annotations

import numpy as np
import pytest

from explainers.content import content, default_values, fmt_num, t, value
from explainers.models import memory as mem
from explainers.models import neuron as nm
from explainers.topics import neuromorphic as nx

from .conftest import assert_clean, open_page, plotly_specs, qp, visible_text, widget_state, wkey

PAGE = "app_pages/neuromorphic.py"
REFS = default_values()


def T(key: str, lang: str, **kw) -> str:
    return t(f"neuromorphic.{key}", lang, **kw)


def arr(v) -> np.ndarray:
    """A Plotly data array from the spec (plain list, or Plotly's base64 typed array)."""
    if isinstance(v, dict) and "bdata" in v:
        import base64

        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"]))
    return np.asarray(v)


def metric(at, label: str) -> str:
    """The value of the readout whose (collapsed) label is `label`."""
    found = [m.value for m in at.metric if m.label == label]
    assert len(found) == 1, (label, [m.label for m in at.metric])
    return found[0]


def test_renders_cleanly_in_both_languages(lang):
    at = open_page(PAGE, lang)
    assert_clean(at)
    assert at.title[0].value == T("title", lang)
    assert not at.warning
    text = visible_text(at)
    # every section is there, in the chosen language
    for key in ("joules.title", "wall.title", "neuron.title", "events.title", "chips.title"):
        assert T(key, lang) in [s.value for s in at.subheader]
    # the headline is the range Han et al. (32-bit access) and Horowitz (his 64-bit access, per 32 bits)
    # span against one 32-bit add: both counted per 32 bits moved, never a 64-bit word against a 32-bit add
    add, dram = value("hz_int_add32"), content().references["hz_dram_64"]
    han, hz_lo, hz_hi = value("han_dram32") / add, dram.low / 2 / add, dram.high / 2 / add
    assert f"{fmt_num(min(han, hz_lo), lang, 2)}–{fmt_num(max(han, hz_hi), lang, 2)}×" in text
    assert fmt_num(han, lang) in text
    assert fmt_num(2 * hz_hi, lang) not in text  # 26,000: a 64-bit word against a 32-bit add
    assert len(plotly_specs(at)) == 7


def test_sources_panel_lists_every_id_the_page_uses():
    at = open_page(PAGE, "en")
    ids = nx.reference_ids()
    refs = content().references
    assert not set(ids) - set(refs)
    panel = [e for e in at.expander if "Sources" in e.label][0]
    listed = "\n".join(str(m.value) for m in panel.markdown)
    for rid in ids:
        assert f"`{rid}`" in listed, rid
    # the refractory period comes from the primary source, never from the recalled row
    assert "ndx_lif_tref" in ids and "lif_tref" not in ids


def test_model_panel_lists_every_assumption_with_its_value(lang):
    at = open_page(PAGE, lang)
    panel = [e for e in at.expander if e.label == t("anatomy.how_model_works", lang)][0]
    text = "\n".join(str(m.value) for m in panel.markdown)
    assert len(panel.get("latex")) >= 6
    assert T("model.a_converter", lang, x=fmt_num(mem.ASSUMPTIONS["converter_energy_share"][0], lang)) in text
    assert T("model.a_reset", lang, x=fmt_num(nm.ASSUMPTIONS["v_reset_minus_v_rest_mv"][0], lang)) in text
    assert T("model.a_dense_bits", lang, x=fmt_num(nm.ASSUMPTIONS["dense_weight_bits"][0], lang)) in text


def test_assumption_rows_match_the_models():
    assert value("ndx_converter_energy_share") == mem.ASSUMPTIONS["converter_energy_share"][0]
    assert value("ndx_v_reset_offset") == nm.ASSUMPTIONS["v_reset_minus_v_rest_mv"][0]
    assert value("ndx_dense_weight_bits") == nm.ASSUMPTIONS["dense_weight_bits"][0]
    arch = mem.default_architectures(REFS)["analog_in_memory"]
    assert arch.tile_rows == arch.tile_cols == value("her_tile") == 256
    assert nm.default_lif_params(REFS).t_ref_ms == value("ndx_lif_tref") == 2.0


def test_dram_batch1_scene_shows_data_movement_dominating(lang):
    at = open_page(PAGE, lang, {"scene": "dram_stream"})
    assert_clean(at)
    assert not at.warning
    work = mem.MatVecWorkload(rows=4096, cols=4096, weight_bits=8, activation_bits=8, batch=1)
    e = mem.energy_breakdown_pj(work, mem.default_architectures(REFS, "int8")["von_neumann_dram"])
    assert e.data_movement_share > 0.99
    assert metric(at, T("joules.r_share", lang)) == f"{fmt_num(100 * e.data_movement_share, lang)} %"
    assert metric(at, T("joules.r_vn", lang)) == f"{fmt_num(e.per_mac_pj, lang)} pJ"
    assert metric(at, T("joules.r_bound", lang)) == T("joules.bound_short_memory", lang)
    summaries = [c.value for c in at.caption]
    assert any(fmt_num(100 * e.data_movement_share, lang) + " %" in s and T("mem.dram", lang) in s for s in summaries)
    # the DRAM range where sources disagree is stated too (Horowitz 1.3-2.6 nJ per 64 bits)
    dram = content().references["hz_dram_64"]
    lo = mem.energy_breakdown_pj(work, mem.default_architectures({**REFS, "hz_dram_64": dram.low})["von_neumann_dram"])
    assert any(fmt_num(lo.per_mac_pj, lang) in s for s in summaries)


def test_analog_tile_scene_has_no_weight_movement():
    at = open_page(PAGE, "en", {"scene": "analog_tile"})
    assert_clean(at)
    assert widget_state(at, PAGE, "rows") == 256 and widget_state(at, PAGE, "cols") == 256
    bars = [s for s in plotly_specs(at) if s["data"] and s["data"][0].get("type") == "bar"][0]
    weights = [tr for tr in bars["data"] if tr.get("name") == T("part.weights", "en")][0]
    assert arr(weights["x"])[2] == 0  # analog in-memory: the weights stay in the cells


def test_url_parameters_set_the_controls():
    params = {"rows": "1024", "cols": "256", "bits": "16", "batch": "64", "mem": "hbm", "i_na": "3.5",
              "act": "10", "chip": "truenorth", "fetch": "dram"}
    at = open_page(PAGE, "nl", params)
    assert_clean(at)
    assert not at.warning
    assert widget_state(at, PAGE, "rows") == 1024
    assert widget_state(at, PAGE, "cols") == 256
    assert widget_state(at, PAGE, "bits") == "16"
    assert widget_state(at, PAGE, "batch") == 64
    assert widget_state(at, PAGE, "mem") == "hbm"
    assert widget_state(at, PAGE, "i_na") == pytest.approx(3.5)
    assert widget_state(at, PAGE, "act") == pytest.approx(10)
    assert widget_state(at, PAGE, "chip") == "truenorth"
    assert widget_state(at, PAGE, "fetch") == "dram"
    for key, raw in params.items():
        assert qp(at, key) == raw, key


@pytest.mark.parametrize("bad", ["banana", "99", "-1", "nan", "inf"])
def test_bad_current_falls_back_with_one_notice(bad):
    at = open_page(PAGE, "en", {"i_na": bad})
    assert_clean(at)
    assert len(at.warning) == 1
    assert "i_na" in at.warning[0].value
    assert widget_state(at, PAGE, "i_na") == pytest.approx(value("ndx_i_default"))
    assert qp(at, "i_na") is None


def test_changing_the_current_changes_the_rate_and_the_url(lang):
    at = open_page(PAGE, lang)
    p = nm.default_lif_params(REFS)
    label = T("neuron.r_rate", lang)
    before = metric(at, label)
    assert before == f"{fmt_num(nm.lif_rate_hz(value('ndx_i_default'), **p.as_kwargs()), lang)} Hz"
    at.slider(key=wkey("neuromorphic", "i_na")).set_value(3.0).run()
    assert_clean(at)
    after = metric(at, label)
    assert after != before
    assert after == f"{fmt_num(nm.lif_rate_hz(3.0, **p.as_kwargs()), lang)} Hz"
    assert qp(at, "i_na") == "3"
    # below the rheobase the neuron is silent, and the summary says so
    at.slider(key=wkey("neuromorphic", "i_na")).set_value(1.0).run()
    assert metric(at, label) == "0 Hz"
    assert any(T("neuron.summary_silent", lang, i=fmt_num(1.0, lang), vinf=fmt_num(-55.0, lang),
                 vth=fmt_num(p.v_th_mv, lang), rh=fmt_num(p.rheobase_na, lang)) == c.value for c in at.caption)


def test_membrane_trace_is_downsampled_and_animated():
    at = open_page(PAGE, "en")
    spec = [s for s in plotly_specs(at) if s["layout"].get("updatemenus")][0]
    assert 100 <= len(arr(spec["data"][0]["x"])) <= 1000
    assert len(spec["frames"]) >= 20
    labels = [b["label"] for b in spec["layout"]["updatemenus"][0]["buttons"]]
    assert any(T("neuron.play", "en") in s for s in labels) and any(T("neuron.pause", "en") in s for s in labels)
    # frames advance slowly: never more than three new frames a second
    play = spec["layout"]["updatemenus"][0]["buttons"][0]["args"][1]
    assert play["frame"]["duration"] >= 1000 / 3 / 3  # < 10 frames/s; spikes appear at most a few per second


@pytest.mark.parametrize(("chip", "fetch"), [("loihi", "sram"), ("truenorth", "sram"), ("loihi", "dram")])
def test_break_even_readout_matches_the_model(chip, fetch, lang):
    at = open_page(PAGE, lang, {"chip": chip, "fetch": fetch})
    assert_clean(at)
    e = nm.default_synaptic_energy(REFS, chip, {"sram": "sram_8kb", "dram": "dram"}[fetch])
    n, k = value("tn_neurons"), value("tn_syn") / value("tn_neurons")
    u = 1000.0 / value("ndx_step_ms")
    r = nm.break_even_rate_hz(n, k, e.energy_per_synaptic_event_pj, k, u, e.energy_per_mac_pj,
                              e.energy_per_fetch_pj)
    pct = r / u * 100
    shown = metric(at, T("events.r_break_even", lang))
    if pct <= 100:
        assert shown == f"{fmt_num(pct, lang, 2)} %"
    else:
        assert shown == T("events.never", lang)
    assert np.isfinite(r) and r > 0


def test_activity_slider_moves_the_event_power(lang):
    at = open_page(PAGE, lang, {"scene": "quiet_sensor"})
    quiet = metric(at, T("events.r_event", lang))
    at.select_slider(key=wkey("neuromorphic", "act")).set_value(30.0).run()
    assert_clean(at)
    busy = metric(at, T("events.r_event", lang))
    assert busy != quiet
    assert qp(at, "act") == "30"
    assert any(T("events.summary_dearer", lang, act=fmt_num(30, lang), rate=fmt_num(300, lang),
                 chip="", ev="", dense="", x="", be="", behz="")[:20] in c.value for c in at.caption)
