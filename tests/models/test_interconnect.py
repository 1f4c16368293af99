"""Tests for explainers.models.interconnect: closed forms, published figures and properties."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import numpy as np
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from explainers.models import interconnect as ic

DATA = Path(__file__).resolve().parents[2] / "data"
REFERENCES = DATA / "references.yaml"
_FILES = [REFERENCES, *sorted((DATA / "references").glob("*.yaml"))]  # the loader merges these
ROWS = {row["id"]: row for f in _FILES for row in yaml.safe_load(f.read_text(encoding="utf-8"))["references"]}
REFS = {ref_id: row.get("value") for ref_id, row in ROWS.items()}

FAST = settings(max_examples=40, deadline=None)
RATES = st.floats(min_value=1.0, max_value=400.0, allow_nan=False)


@pytest.fixture(scope="module")
def links() -> dict[str, ic.LinkSpec]:
    return ic.default_links(REFS)


def _all_links():
    return ic.default_links(REFS)


# --------------------------------------------------------------------------- sources


def _all_ids() -> list[tuple[str, str]]:
    pairs = list(ic.REFERENCE_IDS.items())
    for param, alts in ic.ALTERNATIVE_IDS.items():
        pairs += [(param, alt) for alt in alts]
    return pairs


@pytest.mark.parametrize(("param", "ref_id"), _all_ids())
def test_every_id_exists_with_a_number_and_the_expected_unit(param, ref_id):
    assert ref_id in ROWS, ref_id
    row = ROWS[ref_id]
    assert isinstance(row.get("value"), (int, float)) and math.isfinite(row["value"])
    assert row["unit"] == ic.REFERENCE_UNITS[param]


@pytest.mark.parametrize(("param", "ref_id"), _all_ids())
def test_no_default_or_choice_comes_from_an_unconfirmed_row(param, ref_id):
    assert ROWS[ref_id]["confidence"] != "recalled, unconfirmed", (param, ref_id)


def test_reference_tables_cover_the_same_parameters():
    assert set(ic.REFERENCE_UNITS) == set(ic.REFERENCE_IDS)
    assert set(ic.ALTERNATIVE_IDS) <= set(ic.REFERENCE_IDS)
    assert not set(ic.ASSUMPTIONS) & set(ic.REFERENCE_IDS)


def test_assumptions_are_labelled_numbers():
    for name, entry in ic.ASSUMPTIONS.items():
        value, unit, why = entry
        assert isinstance(value, float) and math.isfinite(value), name
        assert isinstance(unit, str) and unit, name
        assert isinstance(why, str) and len(why) > 15, name


@pytest.mark.parametrize(
    ("param", "ref_id"), [(p, a) for p, alts in ic.ALTERNATIVE_IDS.items() for a in alts]
)
def test_every_alternative_builds_working_links(param, ref_id):
    links = ic.default_links(REFS, ids={param: ref_id})
    for link in links.values():
        e = ic.energy_pj_per_bit(link, 0.001, 100.0)
        assert np.isfinite(e) and e > 0


def test_unknown_override_and_missing_reference_are_clear_errors():
    with pytest.raises(KeyError):
        ic.default_links(REFS, ids={"no_such_parameter": "serdes112"})
    with pytest.raises(KeyError):
        ic.default_links(REFS, assumptions={"no_such_assumption": 1.0})
    partial = {k: v for k, v in REFS.items() if k != ic.REFERENCE_IDS["serdes_pj_per_bit"]}
    with pytest.raises(KeyError, match="serdes"):
        ic.default_links(partial)


# --------------------------------------------------------------------------- defaults match sources


def test_links_have_the_stable_slugs_and_flags(links):
    assert tuple(links) == ic.LINK_SLUGS
    assert {s for s, link in links.items() if link.is_optical} == {"pluggable", "cpo", "research"}
    assert {s for s, link in links.items() if link.medium is ic.Medium.ELECTRICAL} == {
        "on_chip",
        "chiplet",
        "c2c",
        "board",
        "dac",
        "lacc",
    }
    assert links["research"].is_research_target and not links["research"].is_vendor_claim
    assert links["cpo"].is_vendor_claim and links["pluggable"].is_vendor_claim
    assert links["c2c"].is_vendor_claim  # NVLink-C2C's 1.3 pJ/bit is NVIDIA's figure
    assert not any(links[s].is_vendor_claim for s in ("on_chip", "chiplet", "board", "dac", "lacc"))
    # every optical link says which band its transceiver works in; electrical links have none
    assert {s: link.band for s, link in links.items() if link.is_optical} == {"pluggable": "O", "cpo": "O", "research": "O"}
    assert all(link.band is None for link in links.values() if not link.is_optical)
    for link in links.values():
        assert link.reference_ids and set(link.reference_ids) <= set(ROWS)


def test_fixed_costs_are_the_published_figures(links):
    assert links["chiplet"].fixed_pj_per_bit == REFS["ucie_std_e"]
    assert links["board"].fixed_pj_per_bit == REFS["serdes112"]
    assert links["pluggable"].fixed_pj_per_bit == REFS["pluggable_intel"]
    assert links["cpo"].fixed_pj_per_bit == REFS["intel_oci_e"]
    assert links["research"].fixed_pj_per_bit == pytest.approx(REFS["miller17_target"] / 1000)
    assert links["on_chip"].wire_pj_per_bit_per_mm == pytest.approx(REFS["dally22_noc"] / 1000)


def test_two_mm_on_chip_matches_dallys_logic_link(links):
    # Dally (Hot Interconnects 2023): a 2 mm logic-to-logic link costs 0.1 pJ/bit.
    e = ic.energy_pj_per_bit(links["on_chip"], 0.002, 16.0)
    assert e == pytest.approx(REFS["dally23_logiclink"])


def test_48_mm_at_100_fj_matches_dallys_gpu_die_round_trip():
    links = ic.default_links(
        REFS,
        ids={"on_chip_wire_fj_per_bit_per_mm": "dally20_wire"},
        assumptions={"on_chip_max_distance_m": 0.1},
    )
    e = ic.energy_pj_per_bit(links["on_chip"], 0.048, 16.0)
    assert e == pytest.approx(REFS["dally23_gpudie"])


def test_nvidia_per_bit_figures_give_back_the_port_powers():
    # 18.8 and 5.6 pJ/bit were derived from 30 W and 9 W at an assumed 1.6 Tb/s port.
    pluggable_w = ic.link_power_w(REFS["nv_cpo_pjbit_pluggable"], 1600)
    cpo_w = ic.link_power_w(REFS["nv_cpo_pjbit_cpo"], 1600)
    assert pluggable_w == pytest.approx(REFS["nv_pluggable_w"], rel=0.01)
    assert cpo_w == pytest.approx(REFS["nv_cpo_w"], rel=0.01)


def test_dac_reach_at_its_anchor_rate_is_the_published_reach(links):
    row = ROWS["dac_100g"]
    reach = ic.max_reach_m(links["dac"], 100.0)
    assert reach == pytest.approx(row["value"])
    assert row["low"] <= reach <= row["high"]


def test_board_loss_model_passes_through_the_published_points(links):
    inch = 0.0254
    ch = links["board"].reach
    k_c, k_d = ch.conductor_db_per_m_per_sqrt_ghz, ch.dielectric_db_per_m_per_ghz
    assert ic.channel_loss_db_per_m(14.0, k_c, k_d) * inch == pytest.approx(REFS["pcb_m6_14g"])
    fr4_links = ic.default_links(REFS, ids={"board_loss_db_per_inch_high_f": "pcb_fr4_14g"})
    fr4 = fr4_links["board"].reach
    kc4, kd4 = fr4.conductor_db_per_m_per_sqrt_ghz, fr4.dielectric_db_per_m_per_ghz
    assert ic.channel_loss_db_per_m(5.0, kc4, kd4) * inch == pytest.approx(REFS["pcb_fr4_5g"])
    assert ic.channel_loss_db_per_m(14.0, kc4, kd4) * inch == pytest.approx(REFS["pcb_fr4_14g"])


def test_lower_loss_laminate_reaches_further():
    def board(ref_id):
        return ic.default_links(REFS, ids={"board_loss_db_per_inch_high_f": ref_id})["board"]

    for rate in (25.0, 112.0, 224.0):
        laminates = ("pcb_fr4_14g", "pcb_m6_14g", "pcb_m7_14g")
        fr4, m6, m7 = (ic.segment_reach_m(board(r), rate) for r in laminates)
        assert fr4 < m6 < m7


def test_optical_reach_is_budget_over_attenuation(links):
    budget = ic.ASSUMPTIONS["optical_budget_db"][0]
    alpha = REFS[ic.REFERENCE_IDS["fibre_attenuation_db_per_km"]]
    assert ic.max_reach_m(links["pluggable"], 100.0) == pytest.approx(budget / alpha * 1000)
    cap = ic.ASSUMPTIONS["cpo_max_distance_m"][0]
    assert ic.max_reach_m(links["cpo"], 100.0) == pytest.approx(cap)
    bigger = ic.default_links(REFS, assumptions={"optical_budget_db": 2 * budget})
    assert ic.max_reach_m(bigger["pluggable"], 100.0) == pytest.approx(2 * budget / alpha * 1000)


# --------------------------------------------------------------------------- closed forms


def test_link_power_one_pj_per_bit_at_one_terabit_is_one_watt():
    assert ic.link_power_w(1.0, 1000.0) == pytest.approx(1.0)
    watts = ic.link_power_w(np.array([1.0, 5.0]), np.array([1000.0, 1600.0]))
    np.testing.assert_allclose(watts, [1.0, 8.0])


@FAST
@given(st.floats(0, 1e3), st.floats(0, 1e6))
def test_link_power_is_energy_times_rate(e_pj, rate_gbps):
    expected = e_pj * 1e-12 * rate_gbps * 1e9
    assert ic.link_power_w(e_pj, rate_gbps) == pytest.approx(expected, rel=1e-12, abs=1e-300)


@pytest.mark.parametrize(
    ("e0_el", "e_w", "e0_opt", "expected_m"),
    [
        (0.0, 0.1, 1.0, 0.010),  # figures.md example: 10 mm
        (0.5, 0.05, 5.0, 0.090),
        (0.0, 0.121, 0.01, 0.01 / 0.121 / 1000),
        (2.0, 0.1, 1.0, -0.010),  # optics never worse
        (1.0, 0.1, 1.0, 0.0),
    ],
)
def test_crossover_closed_form(e0_el, e_w, e0_opt, expected_m):
    assert ic.crossover_distance_m(e0_el, e_w, e0_opt) == pytest.approx(expected_m, abs=1e-15)


@pytest.mark.parametrize("bad", [0.0, -0.1, float("nan")])
def test_crossover_rejects_non_positive_per_mm_cost(bad):
    with pytest.raises(ValueError, match="per_mm"):
        ic.crossover_distance_m(0.5, bad, 5.0)
    with pytest.raises(ValueError):
        ic.crossover_distance_m(0.5, np.array([0.1, bad]), 5.0)


@FAST
@given(st.floats(0, 20), st.floats(1e-3, 1.0), st.floats(0, 20))
def test_crossover_is_where_the_two_lines_meet(e0_el, e_w, e0_opt):
    length_m = ic.crossover_distance_m(e0_el, e_w, e0_opt)
    assert e0_el + e_w * length_m * 1000 == pytest.approx(e0_opt, abs=1e-9)
    assert (length_m <= 0) == (e0_opt <= e0_el)


def test_numerical_crossover_agrees_with_closed_form_for_a_straight_wire(links):
    on_chip = ic.default_links(REFS, assumptions={"on_chip_max_distance_m": 1.0})["on_chip"]
    grid = np.linspace(1e-4, 0.5, 5000)
    closed = ic.crossover_distance_m(
        on_chip.fixed_pj_per_bit, on_chip.wire_pj_per_bit_per_mm, links["cpo"].fixed_pj_per_bit
    )
    numeric = ic.crossover_between(on_chip, links["cpo"], 100.0, grid)
    assert closed > 0
    assert abs(numeric - closed) <= grid[1] - grid[0]


def test_crossover_between_counts_running_out_of_reach(links):
    grid = np.geomspace(1e-4, 1e3, 3000)
    d = ic.crossover_between(links["chiplet"], links["cpo"], 32.0, grid)
    reach = ic.max_reach_m(links["chiplet"], 32.0)
    i = int(np.searchsorted(grid, d))
    assert d > reach and grid[i - 1] <= reach


def test_crossover_between_nan_when_never_cheaper_and_rejects_bad_grid(links):
    grid = np.geomspace(1e-4, 10, 200)
    assert math.isnan(ic.crossover_between(links["research"], links["pluggable"], 100.0, grid))
    with pytest.raises(ValueError):
        ic.crossover_between(links["board"], links["cpo"], 100.0, grid[::-1])


def test_nyquist_of_pam4_lanes():
    assert ic.nyquist_ghz(56.0, 2) == pytest.approx(14.0)
    assert ic.nyquist_ghz(112.0, 2) == pytest.approx(28.0)
    assert ic.nyquist_ghz(224.0, 2) == pytest.approx(56.0)  # not 28 GHz (popular error 6)


@FAST
@given(st.floats(0.1, 50), st.floats(0.1, 50), st.floats(0.01, 0.5), st.floats(0.0, 0.2))
def test_two_point_fit_reproduces_its_points(f1, f2, k_c, k_d):
    if abs(f1 - f2) < 0.5:
        return
    l1 = k_c * math.sqrt(f1) + k_d * f1
    l2 = k_c * math.sqrt(f2) + k_d * f2
    fc, fd = ic.fit_conductor_dielectric(f1, l1, f2, l2)
    assert fc == pytest.approx(k_c, rel=1e-6, abs=1e-9)
    assert fd == pytest.approx(k_d, rel=1e-6, abs=1e-9)


def test_lanes_needed():
    assert ic.copper_lanes_needed(800.0, 100.0) == 8
    assert ic.copper_lanes_needed(801.0, 100.0) == 9
    assert ic.copper_lanes_needed(0.0, 100.0) == 0
    np.testing.assert_array_equal(ic.copper_lanes_needed(np.array([1600.0, 100.0]), 200.0), [8, 1])
    with pytest.raises(ValueError):
        ic.copper_lanes_needed(100.0, 0.0)


@FAST
@given(st.floats(1.0, 1e5), st.floats(1.0, 400.0))
def test_lanes_needed_is_the_smallest_sufficient_count(throughput, lane_rate):
    n = ic.copper_lanes_needed(throughput, lane_rate)
    assert n * lane_rate >= throughput * (1 - 1e-9)
    assert (n - 1) * lane_rate < throughput


# --------------------------------------------------------------------------- properties


@FAST
@given(
    slug=st.sampled_from(ic.LINK_SLUGS),
    rate=RATES,
    fractions=st.lists(st.floats(0, 1), min_size=1, max_size=30),
)
def test_energy_finite_positive_and_non_decreasing_within_reach(slug, rate, fractions):
    link = _all_links()[slug]
    reach = ic.max_reach_m(link, rate)
    assert reach > 0
    d = np.sort(np.asarray(fractions)) * reach
    e = ic.energy_pj_per_bit(link, d, rate)
    assert np.all(np.isfinite(e)) and np.all(e >= 0)
    assert np.all(e[d > 0] > 0)  # zero only for a wire with no fixed cost at zero length
    assert np.all(np.diff(e) >= 0)


@FAST
@given(slug=st.sampled_from(ic.LINK_SLUGS), rate=RATES, factor=st.floats(1.0001, 100))
def test_beyond_maximum_reach_is_not_possible(slug, rate, factor):
    link = _all_links()[slug]
    reach = ic.max_reach_m(link, rate)
    assert np.isnan(ic.energy_pj_per_bit(link, reach * factor, rate))
    assert np.isnan(ic.segments_needed(link, reach * factor, rate))
    assert np.isfinite(ic.energy_pj_per_bit(link, reach, rate))


@FAST
@given(slug=st.sampled_from(ic.LINK_SLUGS), r1=RATES, r2=RATES)
def test_reach_does_not_grow_with_rate(slug, r1, r2):
    link = _all_links()[slug]
    lo, hi = sorted((r1, r2))
    assert ic.max_reach_m(link, hi) <= ic.max_reach_m(link, lo) * (1 + 1e-12)
    assert ic.segment_reach_m(link, hi) <= ic.segment_reach_m(link, lo) * (1 + 1e-12)


@FAST
@given(rate=RATES)
def test_copper_reach_falls_between_sqrt_and_linear_when_rate_doubles(rate):
    for slug in ("board", "dac"):
        link = _all_links()[slug]
        ratio = ic.segment_reach_m(link, rate) / ic.segment_reach_m(link, 2 * rate)
        assert math.sqrt(2) * (1 - 1e-9) <= ratio <= 2 * (1 + 1e-9)


@FAST
@given(rate=RATES, k=st.integers(1, 2), u=st.floats(0.01, 0.99), v=st.floats(0.01, 0.99))
def test_staircase_adds_one_fixed_cost_per_extra_segment(rate, k, u, v):
    board = _all_links()["board"]
    seg = ic.segment_reach_m(board, rate)
    d_before = (k - 1 + u) * seg  # k segments
    d_after = (k + v) * seg  # k + 1 segments
    n = ic.segments_needed(board, np.array([d_before, d_after]), rate)
    np.testing.assert_array_equal(n, [k, k + 1])
    e = ic.energy_pj_per_bit(board, np.array([d_before, d_after]), rate)
    assert e[1] - e[0] == pytest.approx(board.fixed_pj_per_bit)


@FAST
@given(k=st.integers(1, 5), u=st.floats(0.01, 0.99), v=st.floats(0.01, 0.99), rate=RATES)
def test_staircase_with_a_wire_term(k, u, v, rate):
    link = ic.LinkSpec(
        slug="test",
        medium=ic.Medium.ELECTRICAL,
        basis=ic.Basis.PUBLISHED,
        fixed_pj_per_bit=0.7,
        wire_pj_per_bit_per_mm=0.03,
        reach=ic.FixedReach(0.002),
        max_segments=10,
        max_distance_m=math.inf,
    )
    d1, d2 = (k - 1 + u) * 0.002, (k + v) * 0.002
    e1, e2 = ic.energy_pj_per_bit(link, np.array([d1, d2]), rate)
    assert e1 == pytest.approx(k * 0.7 + 0.03 * d1 * 1000)
    assert e2 - e1 == pytest.approx(0.7 + 0.03 * (d2 - d1) * 1000)


def test_exact_multiples_of_the_reach_need_no_extra_segment(links):
    seg = ic.segment_reach_m(links["board"], 100.0)
    n = ic.segments_needed(links["board"], np.array([0.0, seg, 2 * seg, 3 * seg]), 100.0)
    np.testing.assert_array_equal(n, [1, 1, 2, 3])


def test_optical_links_stay_flat_until_they_run_out(links):
    for slug in ("pluggable", "cpo", "research"):
        reach = ic.max_reach_m(links[slug], 100.0)
        e = ic.energy_pj_per_bit(links[slug], np.linspace(0, reach, 50), 100.0)
        np.testing.assert_allclose(e, links[slug].fixed_pj_per_bit)


def test_broadcasting_distance_against_rate(links):
    d = np.geomspace(1e-3, 1e4, 300)
    rates = np.array([25.0, 100.0, 200.0])
    e = ic.energy_pj_per_bit(links["board"], d[:, None], rates[None, :])
    assert e.shape == (300, 3)
    np.testing.assert_array_equal(e[:, 1], ic.energy_pj_per_bit(links["board"], d, 100.0))
    assert np.ndim(ic.energy_pj_per_bit(links["board"], 0.1, 100.0)) == 0


def test_bad_inputs_raise(links):
    with pytest.raises(ValueError):
        ic.energy_pj_per_bit(links["board"], -1.0, 100.0)
    with pytest.raises(ValueError):
        ic.max_reach_m(links["board"], 0.0)
    with pytest.raises(ValueError):
        dataclasses.replace(links["board"], max_segments=0)
    with pytest.raises(ValueError):
        dataclasses.replace(links["board"], fixed_pj_per_bit=-1.0)


def test_a_link_whose_budget_is_spent_elsewhere_reaches_nowhere():
    # a package that alone loses more than the channel's whole budget leaves nothing for the trace
    board = ic.default_links({**REFS, ic.REFERENCE_IDS["package_loss_db"]: 1e3})["board"]
    assert ic.max_reach_m(board, 100.0) == 0.0
    assert np.isnan(ic.energy_pj_per_bit(board, 0.01, 100.0))


# --------------------------------------------------------------------------- envelopes and long reach

_PAGE_ROWS = ROWS
ALL_REFS = {**REFS, **{rid: row.get("value") for rid, row in _PAGE_ROWS.items()}}


def test_cheapest_picks_the_lowest_and_marks_where_none_reaches(links):
    group = [links["board"], links["dac"], links["cpo"]]
    d = np.array([0.5, 2.0, 50.0, 1000.0])
    energy, index = ic.cheapest_pj_per_bit(group, d, 100.0)
    singles = np.stack([ic.energy_pj_per_bit(link, d, 100.0) for link in group])
    assert np.allclose(energy[:3], np.nanmin(singles[:, :3], axis=0))
    assert list(index) == [2, 2, 2, -1]
    assert math.isnan(energy[3])


def test_crossover_between_groups_is_the_envelope_crossover(links):
    grid = np.geomspace(1e-3, 1e5, 2001)
    el = [links[s] for s in ("on_chip", "chiplet", "board", "dac")]
    opt = [links[s] for s in ("pluggable", "cpo")]
    d = ic.crossover_between(el, opt, 200.0, grid)
    # the on-chip wire ends at 30 mm; beyond it co-packaged optics (5 pJ/bit) beats SerDes (5.5)
    assert d == pytest.approx(ic.ASSUMPTIONS["on_chip_max_distance_m"][0], rel=0.01)
    # a single link is a group of one
    assert ic.crossover_between(links["dac"], links["pluggable"], 100.0, grid) == ic.crossover_between(
        [links["dac"]], [links["pluggable"]], 100.0, grid)
    with pytest.raises(ValueError):
        ic.crossover_between([], opt, 200.0, grid)


def test_long_reach_link_uses_the_er4_budget_and_costs_more():
    for param, rid in ic.LONG_REACH_REFERENCE_IDS.items():
        assert _PAGE_ROWS[rid]["unit"] == ic.LONG_REACH_REFERENCE_UNITS[param]
        assert _PAGE_ROWS[rid]["confidence"] != "recalled, unconfirmed"
    link = ic.long_reach_link(ALL_REFS)
    budget = ALL_REFS["ieee_er4_loss"] - ALL_REFS["ieee_er4_conn"]
    assert ic.max_reach_m(link, 100.0) == pytest.approx(budget / ALL_REFS["fib_g652_1310"] * 1000)
    # (18 - 2) dB at 0.4 dB/km is the 40 km of the standard
    assert budget / 0.4 == pytest.approx(40.0)
    ull = ic.long_reach_link(ALL_REFS, ids={"fibre_attenuation_db_per_km": "fib_ull_1550"})
    assert ic.max_reach_m(ull, 100.0) > 80_000 > ic.max_reach_m(link, 100.0)
    short = ic.default_links(ALL_REFS)["pluggable"]
    assert link.fixed_pj_per_bit > short.fixed_pj_per_bit
    assert link.is_optical and link.is_vendor_claim
    with pytest.raises(KeyError):
        ic.long_reach_link(ALL_REFS, ids={"nonsense": "x"})


def test_fibre_budget_is_channel_loss_minus_connections():
    assert ic.fibre_budget_db(18.0, 2.0) == pytest.approx(16.0)  # 100GBASE-ER4
    budget = ic.fibre_budget_db(ALL_REFS["ieee_er4_loss"], ALL_REFS["ieee_er4_conn"])
    link = ic.long_reach_link(ALL_REFS)
    assert link.reach.optical_budget_db == budget
    np.testing.assert_allclose(ic.fibre_budget_db(np.array([18.0, 10.0]), 2.0), [16.0, 8.0])


def test_page_assumption_rows_match_the_model_assumptions():
    from explainers.models import optics

    by_source = {row["source"]: row for row in _PAGE_ROWS.values() if row["confidence"] == "assumption"}
    for name, (value, _unit, why) in ic.ASSUMPTIONS.items():
        row = by_source["Modelling assumption of this explainer: " + why]
        assert row["value"] == pytest.approx(value), name
    value, _unit, why = optics.ASSUMPTIONS["launch_power_dbm"]
    assert by_source["Modelling assumption of this explainer: " + why]["value"] == value


# --------------------------------------------------------------------------- issue 11: what racks really use


def test_board_segment_budgets_its_packages_vias_and_connector():
    # (budget - 2 packages - 2 vias - 1 connector) / loss per metre at f_N: the trace gets what is left
    links = ic.default_links(REFS)
    board = links["board"].reach
    other = 2 * REFS["ph_pkg_loss"] + 2 * REFS["ph_via_loss"] + 1 * REFS["ph_conn_loss"]
    assert board.other_losses_db == pytest.approx(other)
    assert ic.board_other_losses_db(2.0, 1.25, 1.75) == pytest.approx(2 * 2.0 + 2 * 1.25 + 1.75)
    f = 200.0 / 4  # PAM4 Nyquist, GHz
    per_m = board.conductor_db_per_m_per_sqrt_ghz * math.sqrt(f) + board.dielectric_db_per_m_per_ghz * f
    assert ic.segment_reach_m(links["board"], 200.0) == pytest.approx((REFS["chan_112g"] - other) / per_m)
    # so the reach is shorter than if the whole budget went to the trace, in the ratio of what is left
    whole = dataclasses.replace(links["board"], reach=dataclasses.replace(board, other_losses_db=0.0))
    ratio = ic.segment_reach_m(links["board"], 200.0) / ic.segment_reach_m(whole, 200.0)
    assert ratio == pytest.approx((REFS["chan_112g"] - other) / REFS["chan_112g"])


@pytest.mark.parametrize("rate", [25.0, 50.0, 100.0, 200.0, 400.0])
def test_linear_active_copper_reaches_its_published_length_and_falls_as_one_over_root_rate(rate):
    lacc = ic.default_links(REFS)["lacc"]
    assert ic.max_reach_m(lacc, rate) == pytest.approx(REFS["lacc_100g"] * math.sqrt(100.0 / rate))
    assert lacc.fixed_pj_per_bit == REFS["serdes112"]  # the host SerDes; the redriver is not sourced


def test_chip_to_chip_link_is_nvlink_c2c_over_a_very_short_reach():
    c2c = ic.default_links(REFS)["c2c"]
    assert c2c.fixed_pj_per_bit == REFS["nvlc2c"]
    assert ic.max_reach_m(c2c, 200.0) == pytest.approx(REFS["ph_vsr_reach"])
    assert np.isnan(ic.energy_pj_per_bit(c2c, REFS["ph_vsr_reach"] * 1.01, 200.0))


def test_long_reach_module_is_o_band_and_does_not_span_80_km_on_any_fibre():
    for o_band in ("fib_g652_1310", "fib_ull_1310"):
        link = ic.long_reach_link(ALL_REFS, ids={"fibre_attenuation_db_per_km": o_band})
        assert link.band == "O"
        budget = ALL_REFS["ieee_er4_loss"] - ALL_REFS["ieee_er4_conn"]
        assert ic.max_reach_m(link, 100.0) == pytest.approx(budget / ALL_REFS[o_band] * 1000)
        # at its own wavelengths 80 km loses 24.8-28 dB, more than the 16 dB budget
        assert ALL_REFS[o_band] * 80 > budget
        assert np.isnan(ic.energy_pj_per_bit(link, 80_000.0, 100.0))


def test_coherent_module_is_c_band_and_spans_its_specified_amplified_reach():
    link = ic.coherent_link(ALL_REFS)
    assert link.band == "C" and link.is_optical and link.is_vendor_claim
    assert link.fixed_pj_per_bit == ALL_REFS["zr_pj_per_bit"] == pytest.approx(ALL_REFS["zr_module_w"] / 400 * 1000)
    assert ic.max_reach_m(link, 200.0) == pytest.approx(ALL_REFS["oif_400zr_reach"] * 1000)
    assert ic.energy_pj_per_bit(link, 80_000.0, 200.0) == ALL_REFS["zr_pj_per_bit"]


def test_a_tie_goes_to_the_fewer_retimers_then_to_the_link_listed_first():
    links = ic.default_links(REFS)
    dac, board = links["dac"], links["board"]
    # where a board trace needs no retimer and a passive cable still reaches, the two cost the same
    # (one SerDes each): the one listed first wins, so a page lists the cable first
    d = 0.9 * min(float(ic.segment_reach_m(board, 100.0)), float(ic.max_reach_m(dac, 100.0)))
    assert ic.energy_pj_per_bit(dac, d, 100.0) == ic.energy_pj_per_bit(board, d, 100.0)
    assert ic.cheapest_pj_per_bit([dac, board], d, 100.0)[1] == 0
    assert ic.cheapest_pj_per_bit([board, dac], d, 100.0)[1] == 0
    # a trace with retimers against a cable of the same total energy: the one with fewer segments wins
    cheap_board = dataclasses.replace(board, fixed_pj_per_bit=dac.fixed_pj_per_bit / 3)
    d = 1.9 * float(ic.segment_reach_m(board, 200.0))  # two segments on the trace ...
    assert ic.segments_needed(cheap_board, d, 200.0) == 2
    long_dac = dataclasses.replace(dac, fixed_pj_per_bit=2 * cheap_board.fixed_pj_per_bit, max_distance_m=math.inf,
                                   reach=ic.FixedReach(10.0))  # ... against one cable segment of equal energy
    _e, index = ic.cheapest_pj_per_bit([cheap_board, long_dac], d, 200.0)
    assert index == 1


@FAST
@given(d=st.floats(0.001, 10.0), rate=st.sampled_from([25.0, 50.0, 100.0, 200.0, 400.0]))
def test_the_cheapest_link_is_never_beaten_and_ties_go_to_fewer_segments(d, rate):
    group = [link for link in _all_links().values() if not link.is_optical]
    energy, index = ic.cheapest_pj_per_bit(group, d, rate)
    singles = np.array([float(ic.energy_pj_per_bit(link, d, rate)) for link in group])
    if index < 0:
        assert np.all(np.isnan(singles))
        return
    assert energy == pytest.approx(np.nanmin(singles))
    tied = [i for i, e in enumerate(singles) if np.isfinite(e) and e <= np.nanmin(singles) * (1 + 1e-9)]
    segs = [float(ic.segments_needed(group[i], d, rate)) for i in tied]
    assert float(ic.segments_needed(group[int(index)], d, rate)) == min(segs)
