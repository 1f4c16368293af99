"""Every answer the quiz shows is the models' figure: recomputed here independently (closed forms and
the model functions, from the references), compared with what the quiz writes in both languages;
every answer sits inside its slider without the slider giving it away; every link leads somewhere
that exists; and an answer follows its references when they change."""

from __future__ import annotations

import math

import numpy as np
import pytest

from explainers import quiz, topics, views
from explainers.content import content, default_values, ref, value
from explainers.content.references import overridden
from explainers.models import ai_compute as ai
from explainers.models import interconnect as ic
from explainers.models import memory as mem
from explainers.models import neuron as nm
from explainers.models import optics
from explainers.quiz import answers, present
from explainers.quiz.answers import Estimate
from explainers.ui.shell import PAGES

LANGS = ("en", "nl")


def _places():
    qf = content().quiz
    for tp in qf.topics:
        for q in tp.questions:
            yield pytest.param(q, id=f"{tp.id}.{q.id}")
    for page, q in qf.predict.items():
        yield pytest.param(q, id=f"predict.{page}")


QUESTIONS = list(_places())
ESTIMATES = [p for p in QUESTIONS if p.values[0].kind == "estimate"]
CHOICES = [p for p in QUESTIONS if p.values[0].kind == "choice"]


# --- independent recomputations ------------------------------------------------------------------------


def _photonics_links(fibre: str | None):
    from explainers.topics.photonics import DEFAULT_FIBRE
    from explainers.topics.photonics import setup

    return setup.links_for(fibre or DEFAULT_FIBRE)


def _first_optical_win(rate: float, links: list[str], fibre=None) -> float:
    """Scan 1 mm .. 100 km: the first distance where the cheapest optical link is cheaper than the
    cheapest electrical one (or the only one left)."""
    from explainers.topics.photonics import OPTICAL

    spec = _photonics_links(fibre)
    links = links or topics.values_for("photonics", {})[0]["links"]  # the page's default: every product
    d = np.geomspace(1e-3, 1e5, 40001)
    el = [spec[s] for s in links if s not in OPTICAL]
    op = [spec[s] for s in links if s in OPTICAL]

    def best(group):
        e = np.full(d.shape, np.inf)
        for link in group:
            x = np.asarray(ic.energy_pj_per_bit(link, d, rate), dtype=float)
            e = np.fmin(e, np.where(np.isfinite(x), x, np.inf))
        return e

    e_el, e_op = best(el), best(op)
    wins = np.isfinite(e_op) & (e_op < e_el)
    return float(d[np.argmax(wins)]) if wins.any() else math.nan


def _layer_intensity_ridge_batch(rows: int, bits: int) -> float:
    """Batch where 2·MACs / bytes equals the H100's peak over bandwidth (closed form)."""
    machine = mem.default_roofline_machine(default_values(), "fp8" if bits == 8 else "bf16")
    ridge = machine.peak_flops / machine.bandwidth_bytes_per_s
    r = c = rows
    weights_bytes = r * c * bits / 8
    act_bytes_per_input = (r + c) * bits / 8
    return ridge * weights_bytes / (2 * r * c - ridge * act_bytes_per_input)


def _decode(model: str, acc: str, batch: int):
    """Decoding with the AI model's own functions, from the references (the page's default context,
    precision and attention)."""
    from explainers.topics.ai_compute import SHAPE_ROWS

    v, _ = topics.values_for("ai-compute", {"model": model, "acc": acc, "batch": str(batch)})
    refs = default_values()
    a = ai.default_accelerators(refs)[acc]
    n, b, ctx = value(f"{'chin' if model == 'chinchilla' else model}_n"), value("aic_bytes_per_param"), v["ctx"]
    layers, d_model, heads, kv_heads, head_dim = (int(value(r)) for r in SHAPE_ROWS[model])
    kv = float(ai.kv_bytes_per_token(layers, kv_heads, head_dim, v["kvb"]))
    f = float(ai.decode_flops_per_token(n, layers, ctx, d_model))

    def layout(k_batch):
        return ai.serving_layout(ai.weights_bytes(n, b), k_batch * ctx * kv, a.memory_bytes, heads=heads, layers=layers,
                                 node_size=int(value("aic_node_gpus")))

    def at(k_batch):
        lay = layout(k_batch)
        extra = dict(kv_bytes_per_token=kv, context=ctx, flops_per_token=f, copies=lay.copies)
        k = lay.accelerators
        rate = float(ai.decode_tokens_per_s(n, b, k * a.bandwidth_bytes_per_s, k * a.peak_flops, batch=k_batch, **extra))
        energy = float(ai.decode_energy_j_per_token(n, b, a.bandwidth_bytes_per_s, a.peak_flops, a.power_w,
                                                    batch=k_batch, **extra))
        regime = str(ai.decode_regime(n, b, k * a.bandwidth_bytes_per_s, k * a.peak_flops, batch=k_batch, **extra))
        return rate, energy, regime

    return at


def _training_days(model: str, acc: str, gpus: int) -> float:
    peak = value(f"{acc}_bf16_dense") * 1e12
    return 6 * value(f"{model}_n") * value(f"{model}_d") / (gpus * peak * value("aic_mfu") / 100) / 86400


def _lif():
    return nm.default_lif_params(default_values())


def _closed_form_rate(i_na: float) -> float:
    p = _lif()
    v_inf = p.v_rest_mv + p.r_mohm * i_na
    return 1000.0 / (p.t_ref_ms + p.tau_ms * math.log((v_inf - p.v_reset_mv) / (v_inf - p.v_th_mv)))


def _break_even_pct(chip: str, fetch: str) -> float:
    from explainers.topics.neuromorphic import FETCH_LEVELS

    e = nm.default_synaptic_energy(default_values(), chip, FETCH_LEVELS[fetch][0])
    return 100 * (e.energy_per_mac_pj + e.energy_per_fetch_pj) / e.energy_per_synaptic_event_pj


def _analog_gain(mem_slug: str, batch: int, rows: int) -> float:
    from explainers.topics.neuromorphic import MEM_LEVELS

    archs = mem.default_architectures(default_values(), "int8")
    work = mem.MatVecWorkload(rows=rows, cols=rows, weight_bits=8, activation_bits=8, batch=batch)
    vn = mem.energy_breakdown_pj(work, archs[MEM_LEVELS[mem_slug][0]]).per_mac_pj
    return float(vn / mem.energy_breakdown_pj(work, archs["analog_in_memory"]).per_mac_pj)


def _llama_mwh() -> float:
    flops = 6 * value("llama31_n") * value("llama31_d")
    seconds_on_one = flops / (value("h100_bf16_dense") * 1e12 * value("aic_mfu") / 100)
    return seconds_on_one * value("h100_tdp") * value("pue_uptime") / 3.6e9


INDEPENDENT = {
    "photonics.crossover_m": lambda rate, links=None, fibre=None: _first_optical_win(rate, links, fibre),
    "photonics.reach_m": lambda link, rate, fibre=None: float(ic.max_reach_m(_photonics_links(fibre)[link], rate)),
    "photonics.half_light_m": lambda fibre=None, band="O": 1000 * 10 * math.log10(2) / value(
        {"g652": "fib_g652_1310", "ull": "fib_ull_1310"}[fibre or "g652"]),
    "photonics.link_power_w": lambda link, d_m, tbps, rate, fibre=None: float(
        ic.energy_pj_per_bit(_photonics_links(fibre)[link], d_m, rate)) * tbps,  # pJ/bit x Tb/s = W
    "photonics.wdm_channels": lambda grid, chrate: float(np.asarray(optics.band_grid_thz(float(grid))).size),
    "photonics.mesh_mzis": lambda n: n * (n - 1) / 2,
    "neuromorphic.fetch_vs_add": lambda: value("han_dram32") / value("hz_int_add32"),
    "neuromorphic.analog_gain": lambda mem, batch, rows=4096, bits="8": _analog_gain(mem, batch, rows),
    "neuromorphic.ridge_batch": lambda rows=4096, bits="8": _layer_intensity_ridge_batch(rows, int(bits)),
    "neuromorphic.firing_rate_hz": _closed_form_rate,
    "neuromorphic.rheobase_na": lambda: (_lif().v_th_mv - _lif().v_rest_mv) / _lif().r_mohm,
    "neuromorphic.break_even_pct": _break_even_pct,
    "neuromorphic.truenorth_vs_brain": lambda: (value("tn_63mw") * 1e-3 / value("tn_neurons"))
    / (value("brain_power") / value("brain_neurons")),
    "neuromorphic.wall_gap": lambda: (value("mw_flops") / value("mw_dram")) ** 10,
    "ai_compute.training_days": _training_days,
    "ai_compute.training_flops": lambda model: 6 * value(f"{model}_n") * value(f"{model}_d"),
    "ai_compute.headline_mwh": _llama_mwh,
    "ai_compute.optimal_tokens_per_param": lambda: float(
        np.divide(*reversed(ai.compute_optimal(value("chin_c"), ai.chinchilla_fits(default_values())["epoch2024"])))),
    "ai_compute.decode_tokens_per_s": lambda model, acc, batch: _decode(model, acc, batch)(batch)[0],
    "ai_compute.token_energy_j": lambda model, acc, batch: _decode(model, acc, batch)(batch)[1],
    "ai_compute.batching_saving": lambda model, acc, batch: _decode(model, acc, batch)(1)[1]
    / _decode(model, acc, batch)(batch)[1],
    "ai_compute.compute_growth": lambda: value("epoch_growth"),
    "ai_compute.efficiency_ratio": lambda newer, older: (value(f"{newer}_bf16_dense") / value(f"{newer}_tdp"))
    / (value(f"{older}_bf16_dense") / value(f"{older}_tdp")),
    "energy.fetch_vs_multiply": lambda: value("hz_dram_32bit") / value("hz_fp_mul32"),
    "energy.port_saving_w": lambda: value("nv_pluggable_w") - value("nv_cpo_w"),
    "energy.overhead_pct": lambda pue: 100 * (1 - 1 / value(pue)),
    # the page's two readouts (two significant figures each) divided: within rounding of the answer
    "energy.batch_factor": lambda batch, alone=1, **request: _page_wh(batch=alone, **request)
    / _page_wh(batch=batch, **request),
}
ROUNDED = {"energy.batch_factor": 0.05}

#: Answers checked against what their page itself shows instead (a readout of the section's view, in
#: both languages): answer -> (page, section, the question's params as that section's URL values).
ON_THE_PAGE = {
    "energy.request_wh": ("energy", "follow"),
}

def _page_wh(**params) -> float:
    """The energy page's own readout of one request on today's cluster (its first readout), read back."""
    view = topics.view("energy", "follow", "en", {k: str(v) for k, v in params.items()})
    text = views.readouts(view)[0].value
    return float(text.replace(",", "").split()[-2] if text.split()[-1] == "Wh" else text.split()[0])


INDEPENDENT_CHOICE = {
    "photonics.mzi_port": lambda phi: ("bar", "cross")[int(np.argmax(optics.mzi_outputs(phi * math.pi)))],
    "neuromorphic.biggest_cost": lambda mem, batch, rows=4096: "moving" if _analog_share(mem, batch, rows) > 0.5
    else "computing",
    "ai_compute.decode_regime": lambda model, acc, batch: _decode(model, acc, batch)(batch)[2],
}


def _analog_share(mem_slug: str, batch: int, rows: int) -> float:
    from explainers.topics.neuromorphic import MEM_LEVELS

    archs = mem.default_architectures(default_values(), "int8")
    work = mem.MatVecWorkload(rows=rows, cols=rows, weight_bits=8, activation_bits=8, batch=batch)
    return float(mem.energy_breakdown_pj(work, archs[MEM_LEVELS[mem_slug][0]]).data_movement_share)


def test_every_answer_function_has_an_independent_recomputation():
    used = {p.values[0].answer for p in QUESTIONS if p.values[0].answer}
    known = set(INDEPENDENT) | set(INDEPENDENT_CHOICE) | set(ON_THE_PAGE)
    assert used <= known, sorted(used - known)
    assert used <= set(answers.REGISTRY)


@pytest.mark.parametrize("q", ESTIMATES)
def test_the_answer_is_the_models_figure(q):
    est = present.answer_of(q)
    assert isinstance(est, Estimate) and est.is_finite()
    if q.answer in ON_THE_PAGE:
        page, section = ON_THE_PAGE[q.answer]
        params = {k: ",".join(v) if isinstance(v, list) else str(v) for k, v in q.params.items()}
        for lang in LANGS:
            view = topics.view(page, section, lang, params)
            said = present.fmt_estimate(present.unit_of(q), est, lang)
            assert said in [r.value for r in views.readouts(view)], (q.id, said)
        return
    expected = INDEPENDENT[q.answer](**q.params)
    # The crossover is found on a scanned grid (40,001 points over 8 decades: 0.05 % apart).
    tol = 2e-3 if q.answer == "photonics.crossover_m" else ROUNDED.get(q.answer, 1e-9)
    assert est.value == pytest.approx(expected, rel=tol), (q.answer, est.value, expected)
    if est.is_range:
        assert est.low <= est.value <= est.high


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("q", ESTIMATES)
def test_the_quiz_writes_that_figure(q, lang):
    """What the quiz shows (the reveal's readout and its 'why') is the recomputed figure, formatted."""
    est = present.answer_of(q)
    unit = present.unit_of(q)
    shown = present.fmt_estimate(unit, est, lang)
    expected = INDEPENDENT[q.answer](**q.params) if q.answer in INDEPENDENT and q.answer not in ROUNDED else est.value
    if not est.is_range:
        assert shown == present.fmt_value(unit, expected, lang)
    r = present.reveal(q, est.value, lang)
    assert r.answer.value == shown
    assert shown in r.why


@pytest.mark.parametrize("q", CHOICES)
def test_a_computed_choice_is_the_models_answer_and_its_explanation_says_so(q):
    right = present.correct_option(q)
    assert right in {o.id for o in q.options}
    if q.answer is not None:
        assert right == INDEPENDENT_CHOICE[q.answer](**q.params)
    why = next(o.why for o in q.options if o.id == right)
    assert why.en.startswith("Right") and why.nl.startswith("Juist"), q.id
    others = [o.why for o in q.options if o.id != right]
    assert not any(w.en.startswith("Right") or w.nl.startswith("Juist") for w in others), q.id


@pytest.mark.parametrize("q", ESTIMATES)
def test_the_answer_is_on_the_slider_and_the_slider_gives_nothing_away(q):
    est = present.answer_of(q)
    lo, hi = q.range
    assert lo <= est.low and est.high <= hi, f"{q.id}: the answer left its slider range {q.range}: {est}"
    options = present.slider_options(lo, hi)
    start = present.start_position(options)
    assert quiz.scoring.grade(start, est).points <= 0.25, f"{q.id}: the slider starts within 3× of the answer"
    best = present.nearest(options, est.value)
    assert quiz.scoring.grade(best, est).full, "a right answer can be set on the slider"


@pytest.mark.parametrize("q", QUESTIONS)
def test_every_link_leads_to_a_page_and_scene_that_exist(q):
    paths = {entry.url_path: entry.file for entry in PAGES}
    assert q.link.page in paths
    if q.link.scene:
        assert q.link.scene in {s.id for s in content().scenes[q.link.page]}
    params = {k: ",".join(v) if isinstance(v, list) else str(v) for k, v in q.link.params.items()}
    _values, bad = topics.values_for(q.link.page, params, q.link.scene)
    assert not bad
    for lang in LANGS:
        link = present.link(q, lang)
        assert link.file == paths[q.link.page] and link.query["lang"] == lang
        assert link.label.strip()


@pytest.mark.parametrize("q", QUESTIONS)
def test_every_reference_the_question_names_exists(q):
    assert set(q.refs) <= set(content().references)


def test_an_answer_follows_its_reference():
    q = present.question("ai_compute", "gpt3_flop")
    before = present.answer_of(q).value
    with overridden({"gpt3_n": 2 * value("gpt3_n")}):
        after = present.answer_of(q).value
        assert after == pytest.approx(2 * before)
        assert present.fmt_estimate("flop", present.answer_of(q), "en") != present.fmt_estimate(
            "flop", Estimate(before), "en")
    assert present.answer_of(q).value == pytest.approx(before)


def test_the_check_passes_on_the_real_content():
    quiz.check_content(content())


def test_the_energy_topic_is_hidden_until_its_page_exists():
    ids = [tp.id for tp in present.visible_topics()]
    assert ids[:3] == ["photonics", "neuromorphic", "ai_compute"]
    assert ("energy" in ids) == (topics.by_url_path("energy") is not None)


def test_ranges_are_stated_where_the_sources_disagree():
    crossover = present.answer_of(present.question("photonics", "crossover"))
    assert crossover.is_range
    text = present.fmt_estimate("distance", crossover, "nl")
    assert " tot " in text and "," in text  # '2,1 m tot 3,5 m'
    fetch = present.answer_of(present.question("neuromorphic", "fetch_add"))
    assert fetch.is_range and fetch.low == pytest.approx(min(value("han_dram32"), ref("hz_dram_32bit").low)
                                                         / value("hz_int_add32"))
