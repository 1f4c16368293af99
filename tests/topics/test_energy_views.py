"""The energy page's views, without Streamlit: sentences and readouts checked against numbers
computed here from the models and the references directly (never typed in), the ladder's rungs
against the topic models, and every rung's link against the scene it names."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from explainers import topics, views
from explainers.content import content, default_values, fmt_num, t, value
from explainers.models import interconnect as ic
from explainers.models import memory as mem
from explainers.models import system as sy
from explainers.topics.energy import present, setup

LANGS = ("en", "nl")


def request_wh(scene: str | None = None) -> tuple[float, float]:
    """(today, with the levers) of a scene's request, computed from the models here."""
    values, _bad = topics.values_for("energy", {}, scene)
    r = setup.request(*(values[k] for k in ("work", "model", "tokens", "acc", "gpus", "batch", "mem", "links",
                                            "pue", "mfu")))
    return r.today.total_j / r.scale, r.levers.total_j / r.scale


@pytest.mark.parametrize("lang", LANGS)
def test_one_minute_headline_is_the_model_default_next_to_the_measurements(lang):
    box = topics.view("energy", "one_minute", lang)
    today, _ = request_wh()
    assert box.wh == pytest.approx(today)
    assert box.headline_value == t("energy.one_minute.headline_value", lang, wh=fmt_num(today, lang, 2))
    assert box.claim == "energy.chat_wh" and box.headline_ref == "epoch_q_wh"
    text = " ".join(box.takeaways)
    for rid in ("iea_dc_2024", "iea_dc_2030", "goog_prompt_wh", "goog_active_wh", "epoch_q_wh"):
        assert fmt_num(value(rid), lang) in text, rid
    if lang == "nl":
        assert "0,24 Wh" in text and "1,5\u00a0%" in text  # Dutch decimal comma (a space that does not break)


def test_the_default_lands_within_2x_of_the_measurement_it_mirrors():
    today, yours = request_wh()
    assert today == yours  # no lever moved
    assert 0.5 <= today / value(setup.MIRROR) <= 2.0
    view = topics.view("energy", "follow", "en")
    assert fmt_num(today / value(setup.MIRROR), "en", 2) + "×" in view.mirror.text
    assert "16 requests" in view.mirror.text and "1,000-token prompt" in view.mirror.text


@pytest.mark.parametrize("lang", LANGS)
def test_follow_readouts_and_bars_equal_the_model(lang):
    view = topics.view("energy", "follow", lang, scene="chat_stacked")
    today, yours = request_wh("chat_stacked")
    r_today, r_yours, r_saving, r_move = view.readouts
    assert r_today.value == f"{fmt_num(today, lang, 2)} Wh"
    assert r_yours.value == f"{fmt_num(yours, lang, 2)} Wh"
    assert r_saving.value == f"{fmt_num(today / yours, lang, 2)}×"
    fig = view.bars
    bar_labels, parts, _names, _hover, totals, _texts, measured, _lang = fig.args
    assert totals == pytest.approx([today, yours])
    for i, total in enumerate(totals):
        assert sum(parts[p][i] for p in sy.PART_NAMES) == pytest.approx(total)
    # the published figures are drawn beside the bars, at their sourced values
    assert [m[1] for m in measured] == [value(rid) for rid in ("goog_prompt_wh", "goog_active_wh", "epoch_q_wh")]
    assert fmt_num(yours, lang, 2) in fig.summary
    built = fig.build()
    assert built.layout.barmode == "stack"
    assert all(tr.marker.pattern.shape is not None for tr in built.data if tr.type == "bar")  # greyscale channel


def test_each_lever_scene_moves_its_part():
    base = setup.default_request().today
    for scene, part in (("chat_stacked", "memory_j"), ("chat_analog", "memory_j"), ("chat_cpo", "links_j")):
        values, _ = topics.values_for("energy", {}, scene)
        r = setup.request(*(values[k] for k in ("work", "model", "tokens", "acc", "gpus", "batch", "mem", "links",
                                                "pue", "mfu")))
        assert getattr(r.levers, part) < getattr(base, part), scene
        assert r.levers.total_j < base.total_j, scene


def test_analog_scene_states_the_range_of_its_saving_and_its_caveat():
    view = topics.view("energy", "follow", "en", scene="chat_analog")
    assert view.saving_low < view.saving < view.saving_high * (1 + 1e-9)
    caveat = next(n for n in view.notes if "Research stage" in n.text)
    chips = value("epoch_q_params") / (value("her_cores") * value("her_tile") ** 2)
    assert present.count_label(chips, "en") in caveat.text
    assert view.readouts[2].value == t("energy.follow.saving_range", "en", lo=fmt_num(view.saving_low, "en", 2),
                                       hi=fmt_num(view.saving_high, "en", 2))


def test_training_scene_sits_next_to_meta_published_gpu_hours_and_refuses_analog():
    view = topics.view("energy", "follow", "en", scene="train_frontier")
    r = setup.request("train", "llama31_405b", 500.0, "h100", 16384, 16, "hbm", "pluggable", value("pue_uptime"),
                      value("aic_mfu"))
    gpu_mwh = r.today.accelerator_j / r.scale
    assert 0.5 <= gpu_mwh / value("en_llama31_gpu_mwh") <= 2.0
    assert fmt_num(gpu_mwh / value("en_llama31_gpu_mwh"), "en", 2) + "×" in view.mirror.text
    assert view.bars.args[6][0][1] == value("en_llama31_gpu_mwh")
    refused = topics.view("energy", "follow", "en", {"mem": "analog"}, scene="train_frontier")
    assert any("inference only" in n.text for n in refused.notes)
    assert refused.yours == pytest.approx(view.yours)  # computed with HBM


def test_ladder_rungs_are_the_topic_models_figures():
    refs = default_values()
    links = ic.default_links(refs)
    levels = mem.default_memory_levels(refs)
    rate = value("ph_lane_rate")
    by = {r.slug: r for r in setup.ladder()}
    assert by["on_chip"].pj == pytest.approx(float(ic.energy_pj_per_bit(links["on_chip"], value("en_chip_m"), rate)))
    assert by["chiplet"].pj == links["chiplet"].fixed_pj_per_bit
    assert by["hbm"].pj == levels["hbm"].energy_pj_per_bit
    assert by["stacked"].pj == pytest.approx(levels["sram_8kb"].energy_pj_per_bit + value("ucie_3d_e"))
    dram_row = content().references["hz_dram_64"]
    assert by["dram"].low == pytest.approx(dram_row.low / 64) and by["dram"].high == pytest.approx(dram_row.high / 64)
    assert by["pluggable"].pj == links["pluggable"].fixed_pj_per_bit
    assert (by["pluggable"].low, by["pluggable"].high) == (value("pluggable_intel"), value("nv_cpo_pjbit_pluggable"))
    assert by["cpo"].pj == links["cpo"].fixed_pj_per_bit
    view = topics.view("energy", "ladder", "en")
    op = value("h100_tdp") / value("h100_bf16_dense")
    assert view.chart.args[6] == pytest.approx(op)
    assert view.hbm_ratio == pytest.approx(16 * levels["hbm"].energy_pj_per_bit / op)


def test_every_rung_links_to_a_scene_that_exists():
    scenes = content().scenes
    pages = {tp.url_path for tp in topics.TOPICS}
    for slug in (*(r.slug for r in setup.ladder()), "op", "analog"):
        url = present.link(slug, "nl")
        parts = urlsplit(url)
        assert parts.path in pages, url
        q = parse_qs(parts.query)
        assert q["lang"] == ["nl"]
        if "scene" in q:
            assert q["scene"][0] in {s.id for s in scenes.get(parts.path, ())}, url
        else:
            values, bad = topics.values_for(parts.path, {k: v[0] for k, v in q.items() if k != "lang"})
            assert not bad, url
    links_text = topics.view("energy", "ladder", "en").links.text
    assert links_text.count("](") == len(setup.ladder()) + 2


@pytest.mark.parametrize("lang", LANGS)
def test_scale_multiplies_the_same_request_by_a_day(lang):
    view = topics.view("energy", "scale", lang, scene="aif_day")
    _today, yours = request_wh("aif_day")
    per_day = 1e9
    day_mwh = yours * per_day / 1e6
    labels, vals, kinds, _texts, _lang = view.chart.args
    assert vals[1] == pytest.approx(day_mwh)
    assert vals[2] == pytest.approx(value("ironwood_pod_mw") * 24)
    assert vals[3] == pytest.approx(value("cbs_dc_gwh") * 1e3 / 365)
    homes = day_mwh * 365 / (value("cbs_home_kwh") / 1e3)
    assert view.readouts[2].value == present.fmt_count(present.round_sig(homes, 2), lang)
    assert "AI" in view.aif.text and fmt_num(value("ironwood_pod_mw"), lang) in view.aif.text


def test_views_are_finite_and_worded_in_every_scene():
    for scene in [None, *(s.id for s in content().scenes["energy"])]:
        for name in topics.package("energy").SECTIONS:
            for lang in LANGS:
                v = topics.view("energy", name, lang, scene=scene)
                assert views.is_finite_view(v)
                for tx in views.texts(v):  # no string key left untranslated (claims have one dot)
                    assert not re.fullmatch(r"energy\.[a-z_]+\.[a-z_.]+", tx), tx
