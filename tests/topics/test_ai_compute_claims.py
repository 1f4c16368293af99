"""The AI compute page's headlines say what their sources allow (issue #11): the growth chart draws one
trend with one band, the gap chart says it compares a total with a per-chip rate, the compute-optimal
ratio and the headline MWh state their ranges, a derived figure equals its arithmetic, and the Dutch
page reads as Dutch."""

from __future__ import annotations

import re

import numpy as np
import pytest
import yaml

from explainers import topics, views
from explainers.content import content, fmt_num, ref, value
from explainers.content.loader import DATA_DIR
from explainers.models import ai_compute as ai
from tests.content.test_dutch_numbers import dutch_fields, english_numbers

LANGS = ("en", "nl")


# --- the growth chart: one fit, one band -----------------------------------------------------------


def test_growth_band_is_one_trend_with_a_band_of_constant_width():
    """The band is the trend times and divided by one factor: parallel lines in log space that never cross
    the trend (two lines of 4x and 5x per year fitted separately cross near the points' mean year)."""
    fig = topics.view("ai-compute", "growth", "en").growth
    years, mid, low, high = fig.args[4], fig.args[6], fig.args[7], fig.args[8]
    up, down = np.log(high / mid), np.log(mid / low)
    assert np.allclose(up, up[0]) and np.allclose(down, up[0]) and up[0] > 0
    per_year = np.exp(np.diff(np.log(mid)) / np.diff(years))
    assert np.allclose(per_year, value("epoch_growth"))  # the trend grows at Epoch AI's central rate


def test_growth_band_is_the_models_scatter_around_the_trend():
    """Its half-width is the rms distance (in log space) of the plotted models from the trend."""
    fig = topics.view("ai-compute", "growth", "en").growth
    years, flops, ty, mid, high = fig.args[0], fig.args[1], fig.args[4], fig.args[6], fig.args[8]
    trend_at_points = np.exp(np.interp(years, ty, np.log(mid)))
    rms = np.sqrt(np.mean(np.log(flops / trend_at_points) ** 2))
    assert np.log(high[0] / mid[0]) == pytest.approx(rms, rel=1e-6)


@pytest.mark.parametrize("lang", LANGS)
def test_growth_factor_is_a_headline_with_epochs_range(lang):
    view = topics.view("ai-compute", "growth", lang)
    row = ref("epoch_growth")
    assert view.factor.claim == "ai_compute.growth_factor"
    assert (view.growth_low, view.growth_factor, view.growth_high) == (row.low, row.value, row.high)
    assert fmt_num(row.low, lang) in view.factor.caption and fmt_num(row.high, lang) in view.factor.caption


@pytest.mark.parametrize("lang", LANGS)
def test_gap_sentence_says_it_compares_a_runs_total_with_a_per_chip_rate(lang):
    summary = topics.view("ai-compute", "growth", lang).gap.summary.lower()
    more_chips = {"en": "more chips", "nl": "meer chips"}[lang]
    assert "per chip" in summary and more_chips in summary


# --- ranges the headlines state --------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fit", ["epoch2024", "hoffmann2022"])
def test_optimal_ratio_readout_states_the_range_of_the_published_constants(lang, fit):
    """At GPT-3's budget the two published fits put the optimum ~5x apart; the unrounded exponents of
    Hoffmann et al.'s TeX source fall in between. The readout gives the range, whichever fit is chosen."""
    c = ai.training_flops(value("gpt3_n"), value("gpt3_d"))
    hof = ai.PUBLISHED_FITS["hoffmann2022"]
    fits = [ai.PUBLISHED_FITS["epoch2024"], hof,
            ai.ChinchillaFit("tex", hof.e, hof.a, hof.b, value("hof_alpha_tex"), value("hof_beta_tex"))]
    ratios = [float(d / n) for n, d in (ai.compute_optimal(c, f) for f in fits)]
    assert max(ratios) / min(ratios) > 4
    view = topics.view("ai-compute", "scaling", lang, {"fit": fit})
    readout = next(r for r in view.readouts if r.claim == "ai_compute.optimal_ratio")
    assert view.ratio_low == pytest.approx(min(ratios)) and view.ratio_high == pytest.approx(max(ratios))
    assert fmt_num(min(ratios), lang, 2) in readout.caption and fmt_num(max(ratios), lang, 2) in readout.caption
    assert view.ratio_low <= view.opt_ratio <= view.ratio_high


@pytest.mark.parametrize("lang", LANGS)
def test_one_minute_mwh_states_its_range_over_utilisation_and_pue(lang):
    """E = C / (peak x MFU) x P x PUE with C = 6 N D (3.79e25, the published 3.8e25 to two digits): lowest at
    Meta's best utilisation and Google's PUE, highest at Meta's lowest utilisation and the industry-average PUE."""
    c = ai.training_flops(value("llama31_n"), value("llama31_d"))
    peak, power = value("h100_bf16_dense") * 1e12, value("h100_tdp")
    assert c == pytest.approx(value("llama31_c"), rel=0.01)
    mfu = ref("llama3_mfu")

    def mwh(u_pct: float, pue: float) -> float:
        return c / (peak * u_pct / 100) * power * pue / 3.6e9

    lo = mwh(mfu.high, min(value("pue_google"), value("pue_new")))
    hi = mwh(min(mfu.low, value("aic_mfu")), value("pue_uptime"))
    box = topics.view("ai-compute", "one_minute", lang)
    assert box.claim == "ai_compute.train_energy"
    assert box.mwh == pytest.approx(mwh(value("aic_mfu"), value("pue_uptime")))
    assert (box.mwh_low, box.mwh_high) == pytest.approx((lo, hi))
    assert hi / lo < 2  # within 2x: the plain "≈" headline stands
    two_digits = lambda x: float(f"{x:.2g}")  # noqa: E731  (the box rounds to two significant digits)
    assert fmt_num(two_digits(lo), lang) in box.headline_help and fmt_num(two_digits(hi), lang) in box.headline_help


# --- a derived figure equals its arithmetic --------------------------------------------------------


def test_lightmatter_efficiency_is_its_own_arithmetic():
    """lm_eff is derived: 65.5 TOPS / (78 W + 1.6 W) = 0.8229 TOPS/W, 0.82 to two digits (not 0.83)."""
    eff = value("lm_tops") / (value("lm_power_electrical") + value("lm_power_optical"))
    assert ref("lm_eff").confidence == "derived"
    assert value("lm_eff") == pytest.approx(round(eff, 2), abs=1e-9)
    assert fmt_num(value("lm_eff"), "en") in ref("lm_eff").context("en")
    assert fmt_num(value("lm_eff"), "nl") in ref("lm_eff").context("nl")


# --- Dutch -----------------------------------------------------------------------------------------

NL_PAGE = DATA_DIR / "i18n" / "ai_compute" / "nl.yaml"
NL_REFS = DATA_DIR / "references" / "ai_compute.yaml"


def _flat(tree, prefix=""):
    if isinstance(tree, dict):
        for k, v in tree.items():
            yield from _flat(v, f"{prefix}.{k}" if prefix else str(k))
    else:
        yield prefix, str(tree)


def test_dutch_page_calls_its_estimates_simple_formulas_not_exact_ones():
    nl = dict(_flat(yaml.safe_load(NL_PAGE.read_text(encoding="utf-8"))))
    assert not [k for k, v in nl.items() if re.search(r"\bexact", v, re.I)]
    assert "eenvoudige formules" in nl["how.explanation"]


def test_dutch_page_and_its_reference_rows_say_e_a_and_write_dutch_numbers():
    en = dict(_flat(yaml.safe_load((DATA_DIR / "i18n" / "ai_compute" / "en.yaml").read_text(encoding="utf-8"))))
    nl = dict(_flat(yaml.safe_load(NL_PAGE.read_text(encoding="utf-8"))))
    bad = [(k, v) for k, v in nl.items() if re.search(r"\bet al\b", v) or english_numbers(v, en.get(k, ""))]
    rows = yaml.safe_load(NL_REFS.read_text(encoding="utf-8"))
    bad += [(k, v) for k, v, e in dutch_fields(rows) if re.search(r"\bet al\b", v) or english_numbers(v, e)]
    assert not bad, bad


LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")  # a citation: the source's own title, as published


@pytest.mark.parametrize("scene", [None, *(s.id for s in content().scenes["ai-compute"])])
def test_every_dutch_sentence_of_the_page_writes_numbers_the_dutch_way(scene):
    pkg = topics.package("ai_compute")
    for name in pkg.SECTIONS:
        nl_texts = views.texts(topics.view("ai-compute", name, "nl", scene=scene))
        en_texts = views.texts(topics.view("ai-compute", name, "en", scene=scene))
        for nl, en in zip(nl_texts, en_texts):
            if name == "model" and "\\" in nl:  # LaTeX equations
                continue
            nl, en = LINK.sub("", nl), LINK.sub("", en)
            assert not re.search(r"\bet al\b", nl), (name, nl)
            assert not english_numbers(nl, en), (name, english_numbers(nl, en), nl)


def test_scene_captions_state_no_computed_number():
    """The serving scenes say what happens in words; the readouts give the numbers (a caption that typed
    '140 GB' would not follow the model)."""
    for scene in content().scenes["ai-compute"]:
        if scene.id in ("chat_70b_b1", "serve_70b_b64"):
            for lang in LANGS:
                assert not re.search(r"\d+\s?GB|\d+\s?J\b|\d+\s?×", scene.caption(lang)), scene.caption(lang)
