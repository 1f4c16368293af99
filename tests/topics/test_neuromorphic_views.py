"""The Neuromorphic views say what the models compute, in each language (fast: no AppTest, no Streamlit)."""

from __future__ import annotations

import numpy as np
import pytest

from explainers import views
from explainers.content import default_values, fmt_num, fmt_power, t, value
from explainers.models import memory as mem
from explainers.models import neuron as nm
from explainers.topics import neuromorphic as nx
from explainers.topics.neuromorphic import present, setup

REFS = default_values()
LIF = nm.default_lif_params(REFS)


def test_declared_controls_keep_the_page_defaults():
    d = nx.CONTROLS.defaults()
    assert d == {"rows": int(value("ndx_layer_dim")), "cols": int(value("ndx_layer_dim")),
                 "batch": int(value("ndx_batch")), "bits": str(int(value("ndx_weight_bits"))), "mem": "dram",
                 "i_na": value("ndx_i_default"), "act": value("ndx_act_default"), "chip": "loihi", "fetch": "sram"}
    assert nx.CONTROLS["i_na"].hi == nx.I_MAX_NA == value("ndx_i_max")
    assert isinstance(d["rows"], int) and isinstance(d["batch"], int)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_below_the_rheobase_the_neuron_is_silent_and_says_so(lang):
    i = 1.0
    assert i < LIF.rheobase_na
    view = present.neuron(lang, i_na=i)
    assert view.rate.value == f"{fmt_num(0.0, lang)} Hz"
    assert view.spikes.value == "0"
    v_inf = LIF.v_rest_mv + LIF.r_mohm * i
    assert view.membrane.summary == t("neuromorphic.neuron.summary_silent", lang, i=fmt_num(i, lang),
                                      vinf=fmt_num(v_inf, lang), vth=fmt_num(LIF.v_th_mv, lang),
                                      rh=fmt_num(LIF.rheobase_na, lang))
    assert fmt_num(LIF.rheobase_na, lang) in view.membrane.summary


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_above_the_rheobase_the_rate_and_spike_count_come_from_the_model(lang):
    i = 3.0
    view = present.neuron(lang, i_na=i)
    rate = nm.lif_rate_hz(i, **LIF.as_kwargs())
    sim = nm.simulate_lif(i, value("ndx_sim_ms"), value("ndx_dt_ms"), **LIF.as_kwargs())
    assert view.rate.value == f"{fmt_num(rate, lang)} Hz"  # '112 Hz'
    assert view.spikes.value == fmt_num(sim.spike_counts, lang)
    assert f"{sim.spike_counts} " in view.membrane.summary and fmt_num(rate, lang) in view.membrane.summary
    # the trace drawn is that simulation, shared read-only between sessions
    tr = setup.trace(i)
    assert np.array_equal(tr.spikes_ms, sim.spike_times_ms)
    assert not tr.t_ms.flags.writeable and not tr.spikes_ms.flags.writeable
    # the f-I chart's sentence names the refractory ceiling 1 / t_ref
    assert fmt_num(1000.0 / LIF.t_ref_ms, lang) in view.fi.summary


def _break_even(chip: str, fetch: str) -> tuple[float, float]:
    e = nm.default_synaptic_energy(REFS, chip, {"sram": "sram_8kb", "dram": "dram"}[fetch])
    n, k = value("tn_neurons"), value("tn_syn") / value("tn_neurons")
    u = 1000.0 / value("ndx_step_ms")
    r = nm.break_even_rate_hz(n, k, e.energy_per_synaptic_event_pj, k, u, e.energy_per_mac_pj, e.energy_per_fetch_pj)
    return r / u * 100.0, float(nm.event_driven_energy_j(n, 0.3 * u, k, e.energy_per_synaptic_event_pj, 1.0))


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(("chip", "fetch"), [("loihi", "sram"), ("loihi", "dram"), ("truenorth", "sram")])
def test_break_even_readout_and_summary_follow_the_model(chip, fetch, lang):
    pct, event_w = _break_even(chip, fetch)
    view = present.events(lang, act=30.0, chip=chip, fetch=fetch)
    event, _dense, be = view.readouts
    assert event.value == fmt_power(event_w, lang)
    if pct <= 100:
        assert be.value == f"{fmt_num(pct, lang, 2)} %"
        # at 30 % activity, above the break-even point, the clocked design wins: the summary says dearer
        assert pct < 30
        assert view.figure.summary.startswith(t("neuromorphic.events.summary_dearer", lang, act=fmt_num(30, lang),
                                                rate=fmt_num(300, lang), chip="", ev="", dense="", x="", be="",
                                                behz="")[:15])
    else:
        assert be.value == t("neuromorphic.events.never", lang)
        assert fmt_num(pct, lang, 2) in view.figure.summary


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_dram_layer_summary_states_the_share_and_the_sources_range(lang):
    view = present.joules(lang, rows=4096, cols=4096, batch=1, bits="8", mem="dram")
    work = mem.MatVecWorkload(rows=4096, cols=4096, weight_bits=8, activation_bits=8, batch=1)
    e = mem.energy_breakdown_pj(work, mem.default_architectures(REFS, "int8")["von_neumann_dram"])
    share = f"{fmt_num(100 * e.data_movement_share, lang)} %"
    vn, share_readout, _gain, bound = view.readouts
    assert vn.value == f"{fmt_num(e.per_mac_pj, lang)} pJ" and share_readout.value == share
    assert bound.value == t("neuromorphic.joules.bound_short_memory", lang)
    assert share in view.energy.summary and t("neuromorphic.mem.dram", lang) in view.energy.summary
    assert fmt_num(4096, lang, 5) in view.energy.summary  # '4,096' / '4.096'
    lo, hi = setup.layer(4096, 4096, 8, 1, "dram").dram_total_range
    assert fmt_num(lo, lang) in view.energy.summary and fmt_num(hi, lang) in view.energy.summary
    # on-chip SRAM has no sourced range, so no range sentence
    sram = present.joules(lang, rows=4096, cols=4096, batch=1, bits="8", mem="sram")
    assert t("neuromorphic.joules.summary_range", lang, lo="", hi="")[:10] not in sram.energy.summary


def test_chips_table_has_one_row_per_system_and_lists_its_sources():
    view = present.chips("nl")
    assert len(view.table.rows) == len(nx.SYSTEM_SLUGS)
    assert all(len(row) == len(view.table.headings) for row in view.table.rows)
    assert view.table.rows[1][-1] == ", ".join(nx.SYSTEM_ROWS["truenorth"])
    ids = nx.reference_ids()
    assert len(ids) == len(set(ids)) and "ndx_lif_tref" in ids and "lif_tref" not in ids


# --- in-memory computing is not neuromorphic (issue #11) -------------------------------------------


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_in_memory_designs_are_never_called_or_coloured_neuromorphic(lang):
    """Near-memory and analog in-memory designs are in-memory computing, not spiking hardware: the
    joules section (words and chart) never calls them neuromorphic, their bars carry the house
    in-memory colour and the von Neumann bar the conventional one; memory bandwidth in the memory-wall
    chart is data movement, not in-memory computing."""
    from explainers.charts.theme import PALETTE

    assert nx.ARCH_KIND == {"von_neumann": "conventional", "near_memory": "in_memory", "analog_in_memory": "in_memory"}
    for mem_slug, batch in (("dram", 1), ("sram", 1), ("hbm", 64)):
        view = present.joules(lang, rows=4096, cols=4096, batch=batch, bits="8", mem=mem_slug)
        fig = view.energy.build()
        labels = [str(tr.name or "") for tr in fig.data] + [str(y) for tr in fig.data for y in (tr.y or ())]
        claims = {r.claim for r in view.readouts}  # claim ids ("neuromorphic.analog_gain") are not words
        words = [*(x for x in views.texts(view) if x not in claims), *labels, str(fig.layout.title.text)]
        assert not [w for w in words if "neuromorf" in w.lower() or "neuromorph" in w.lower()]
        outline = list(fig.data[0].marker.line.color)
        assert outline == [PALETTE["conventional"], PALETTE["neuromorphic"], PALETTE["neuromorphic"]]
    wall = present.wall(lang).figure.build()
    dram = [tr for tr in wall.data if tr.name == t("neuromorphic.wall.dram_bandwidth", lang)][0]
    assert dram.line.color != PALETTE["neuromorphic"]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_model_panel_attributes_the_lif_set_to_dayan_and_abbott(lang):
    view = present.model(lang)
    lif = [a for a in view.assumptions if "Dayan" in a]
    text = t("neuromorphic.model.a_lif", lang, tau=fmt_num(LIF.tau_ms, lang), r=fmt_num(LIF.r_mohm, lang),
             el=fmt_num(LIF.v_rest_mv, lang), vth=fmt_num(LIF.v_th_mv, lang))
    assert text in lif
    assert "Abbott" in text and "Neuronal Dynamics" in text  # names the set, and the one it is not
    tref = t("neuromorphic.model.a_tref", lang, x=fmt_num(LIF.t_ref_ms, lang))
    assert tref in view.assumptions and "Neuronal Dynamics" in tref
