"""What each section of the energy page says: pure functions of the language and the URL keys.

Every sentence, number and caption of the page is built here (no Streamlit); the page (sections.py)
only lays the views out. Charts are recipes (`views.Figure`), built and cached by `ui.figures`.

    from explainers.topics.energy import present
    view = present.follow("nl", work="chat", model="gpt4o", tokens=500.0, acc="h100", gpus=8, batch=16,
                          mem="stacked", links="pluggable", pue=1.58, mfu=40)
    print(view.bars.summary)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlencode

from explainers.charts import energy as charts
from explainers.content import fmt_count, fmt_num, fmt_prefixed, ref, round_sig, shown, t, value
from explainers.content.citations import sources_line
from explainers.models import system as sy
from explainers.views import Figure, Heading, ModelView, Note, OneMinute, Readout

from . import HARDWARE_ROWS, LINK_ROWS, MEASURED_ROWS, MEMORY_ROWS, MODEL_ROWS, SCALE_ROWS, SHARE_ROWS, setup

#: Where each rung of the ladder (and the two asides) is explained: slug -> (page url path, URL values).
RUNG_LINKS: dict[str, tuple[str, dict[str, str]]] = {
    "on_chip": ("photonics", {"scene": "chip"}),
    "chiplet": ("photonics", {"scene": "package"}),
    "stacked": ("neuromorphic", {"scene": "sram_layer"}),
    "hbm": ("neuromorphic", {"mem": "hbm"}),
    "dram": ("neuromorphic", {"scene": "dram_stream"}),
    "board": ("photonics", {"scene": "rack"}),
    "dac": ("photonics", {"scene": "rack"}),
    "cpo": ("photonics", {"scene": "hall"}),
    "pluggable": ("photonics", {"scene": "hall"}),
    "op": ("ai-compute", {"scene": "chat_70b_b1"}),
    "analog": ("neuromorphic", {"scene": "analog_tile"}),
}
#: Where each lever is explained.
LEVER_LINKS: dict[str, tuple[str, dict[str, str]]] = {
    "hbm": RUNG_LINKS["hbm"], "stacked": RUNG_LINKS["stacked"], "analog": RUNG_LINKS["analog"],
    "pluggable": RUNG_LINKS["pluggable"], "cpo": RUNG_LINKS["cpo"],
    "pue": ("ai-compute", {"scene": "llama405_h100"}),
}
PARTS: tuple[str, ...] = sy.PART_NAMES


def link(slug: str, lang: str, table: dict = RUNG_LINKS) -> str:
    """The relative URL of the page and scene that explains `slug`, in `lang`."""
    page, params = table[slug]
    return f"{page}?{urlencode({**params, 'lang': lang})}"


# --- words for slugs and numbers (also the controls' option labels) ---------------------------------


def work_name(slug: str, lang: str) -> str:
    return t(f"energy.work.{slug}", lang)


def model_name(slug: str, lang: str) -> str:
    return t(f"energy.model.{slug}", lang)


def acc_name(slug: str, lang: str) -> str:
    return t(f"energy.acc.{slug}", lang)


def mem_name(slug: str, lang: str) -> str:
    return t(f"energy.mem.{slug}", lang)


def links_name(slug: str, lang: str) -> str:
    return t(f"energy.links.{slug}", lang)


@lru_cache(maxsize=1024)
def option_label(x: float, lang: str, sig: int = 6) -> str:
    return fmt_num(x, lang, sig)


@lru_cache(maxsize=1024)
def count_label(x: float, lang: str) -> str:
    return fmt_count(x, lang, 2)


@lru_cache(maxsize=256)
def pct(x: float, lang: str, sig: int = 2) -> str:
    return t("energy.num.percent", lang, x=fmt_num(x, lang, sig))


def times(x: float, lang: str, sig: int = 2) -> str:
    return t("energy.num.times", lang, x=fmt_num(x, lang, sig))


def energy_text(x: float, unit: str, lang: str, sig: int = 2) -> str:
    """An energy in the request's unit: '0,34 Wh', '12 mWh' / '42.000 MWh', '4,2 GWh'."""
    if unit == "Wh":
        return f"{fmt_num(x, lang, sig)} Wh"
    return fmt_prefixed(x * 1e6, "Wh", lang, sig)


def mwh_text(x: float, lang: str, sig: int = 2) -> str:
    return fmt_prefixed(x * 1e6, "Wh", lang, sig)


# --- the views ------------------------------------------------------------------------------------


def heading(lang: str, section: str = "page") -> Heading:
    """A section's heading and the paragraph under it (shown before its controls)."""
    if section == "page":
        return Heading(t("energy.title", lang), t("energy.intro", lang))
    return Heading(t(f"energy.{section}.title", lang), t(f"energy.{section}.intro", lang))


@dataclass(frozen=True)
class OneMinuteView(OneMinute):
    wh: float = 0.0  # the model's default chat request, chip to grid (Wh)


def _lever_factors() -> dict[str, float]:
    """Per bit, how many times less: co-packaged optics than pluggable, stacked SRAM than HBM."""
    rungs = {r.slug: r for r in setup.ladder()}
    return {"cpo": rungs["pluggable"].pj / rungs["cpo"].pj, "stacked": rungs["hbm"].pj / rungs["stacked"].pj}


def one_minute(lang: str) -> OneMinuteView:
    req = setup.default_request()
    parts = req.parts("today")
    chips = req.today.arithmetic_j + req.today.memory_j + req.today.links_j
    f = _lever_factors()
    defaults = _defaults()
    lo, hi = setup.analog_saving_range(defaults["model"], defaults["tokens"], defaults["acc"], defaults["gpus"],
                                       defaults["batch"], defaults["links"], defaults["pue"])
    wh = req.total("today")
    share = lambda rid: fmt_num(value(rid), lang, 2)  # noqa: E731
    return OneMinuteView(
        takeaways=(
            t("energy.one_minute.world", lang, twh=fmt_num(value("iea_dc_2024"), lang), share=share("iea_dc_share"),
              twh30=fmt_num(value("iea_dc_2030"), lang), nl=share("cbs_dc_share")),
            t("energy.one_minute.request", lang, g=fmt_num(value("goog_prompt_wh"), lang),
              ga=fmt_num(value("goog_active_wh"), lang), e=fmt_num(value("epoch_q_wh"), lang),
              acc=share("goog_share_acc"), host=share("goog_share_host"), idle=share("goog_share_idle"),
              dc=share("goog_share_dc")),
            t("energy.one_minute.levers", lang, move=pct(100 * (req.today.memory_j + req.today.links_j) / chips, lang),
              arith=pct(100 * req.today.arithmetic_j / chips, lang), cpo=fmt_num(f["cpo"], lang, 2),
              stk=fmt_num(round_sig(f["stacked"], 2), lang), lo=fmt_num(lo, lang, 2), hi=fmt_num(hi, lang, 2)),
        ),
        headline_label=t("energy.one_minute.headline_label", lang),
        headline_value=t("energy.one_minute.headline_value", lang, wh=fmt_num(wh, lang, 2)),
        headline_ref=setup.MIRROR,
        headline_help=t("energy.one_minute.headline_help", lang, model=model_name(defaults["model"], lang),
                        tokens=fmt_num(defaults["tokens"], lang), gpus=fmt_num(defaults["gpus"], lang),
                        acc=acc_name(defaults["acc"], lang), batch=fmt_num(defaults["batch"], lang),
                        pue=fmt_num(defaults["pue"], lang, 3), g=fmt_num(value("goog_prompt_wh"), lang),
                        e=fmt_num(value("epoch_q_wh"), lang), ratio=fmt_num(wh / value(setup.MIRROR), lang, 2),
                        chips=fmt_num(parts["arithmetic"] + parts["memory"] + parts["links"], lang, 2)),
        claim="energy.chat_wh",
        wh=wh,
    )


def _defaults() -> dict:
    from . import CONTROLS

    return CONTROLS.defaults()


# --- the ladder ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LadderView:
    heading: str
    intro: str
    chart: Figure
    links_title: str
    links: Note  # one line per rung: its energy and a link to the scene that explains it
    sources: Note
    hbm_ratio: float  # a 16-bit number from HBM, in operations


def _pj(x: float, lang: str) -> str:
    return f"{fmt_num(x, lang, 2)} pJ"


@lru_cache(maxsize=4)
def ladder(lang: str) -> LadderView:
    rungs = setup.ladder()
    op = setup.op_pj("h100")
    labels = [t(f"energy.ladder.rung.{r.slug}", lang) for r in rungs]

    def value_text(r) -> str:
        if r.high > r.low * (1 + 1e-9):
            return t("energy.ladder.range", lang, low=fmt_num(r.low, lang, 2), high=fmt_num(r.high, lang, 2))
        return fmt_num(r.pj, lang, 2)

    hover = [t("energy.ladder.hover", lang, rung=lab, pj=value_text(r)) for lab, r in zip(labels, rungs)]
    by = {r.slug: r for r in rungs}
    hbm_ratio = setup.word_over_op(by["hbm"].pj)
    summary = t("energy.ladder.summary", lang, wire=_pj(by["on_chip"].pj, lang), hbm=_pj(by["hbm"].pj, lang),
                ratio=fmt_num(round_sig(hbm_ratio, 2), lang), op=_pj(op, lang),
                pluggable=_pj(by["pluggable"].pj, lang), cpo=_pj(by["cpo"].pj, lang),
                span=fmt_num(round_sig(by["pluggable"].pj / by["on_chip"].pj, 2), lang))
    chart = Figure(
        charts.energy_ladder,
        (labels, [r.pj for r in rungs], [r.low for r in rungs], [r.high for r in rungs], [r.kind for r in rungs],
         hover, op, lang),
        dict(title=t("energy.ladder.chart_title", lang), x_title=t("energy.ladder.x", lang),
             y_title=t("energy.ladder.y", lang),
             kind_names={k: t(f"energy.ladder.kind.{k}", lang) for k in charts.KIND_STYLE},
             op_label=t("energy.ladder.op_label", lang, op=_pj(op, lang))),
        summary=summary, key="energy_ladder",
    )
    lines = [t("energy.ladder.link_item", lang, rung=lab, pj=value_text(r), url=link(r.slug, lang))
             for lab, r in zip(labels, rungs)]
    lines.append(t("energy.ladder.link_op", lang, op=_pj(op, lang), url=link("op", lang)))
    lines.append(t("energy.ladder.link_analog", lang, url=link("analog", lang)))
    h = heading(lang, "ladder")
    rows = [rid for r in rungs for rid in r.rows]
    links_note = Note("\n".join(f"- {line}" for line in lines), kind="markdown")
    return LadderView(h.title, h.intro, chart, t("energy.ladder.links_title", lang), links_note,
                      Note(sources_line([*rows, "h100_bf16_dense", "h100_tdp"], lang)), hbm_ratio)


# --- follow one request --------------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowView:
    heading: str
    intro: str
    levers_title: str
    notes: tuple[Note, ...]  # more accelerators than asked for; analog refused for training; caveats
    readouts: tuple[Readout, ...]  # today, with your levers, saving, share of the chips' energy moving data
    bars: Figure
    split: str  # the parts of the "with your levers" bar, one line each
    links_title: str
    link_formula: str  # LaTeX
    link_text: str
    levers: tuple[str, ...]  # one line per lever: why it saves, and a link to the scene that explains it
    mirror: Note  # where the model lands next to the published figures, and why
    sources: Note
    today: float  # in the request's unit (Wh or MWh)
    yours: float
    saving: float
    saving_low: float  # the stated range of the saving (the analog read modes), else = saving
    saving_high: float
    move_share: float  # percent of the chips' energy (with your levers) moving data


def _request(work, model, tokens, acc, gpus, batch, mem, links, pue, mfu) -> setup.Request:
    return setup.request(work, model, float(tokens), acc, int(gpus), int(batch), mem, links, float(pue), float(mfu))


def follow(lang: str, *, work: str, model: str, tokens: float, acc: str, gpus: int, batch: int, mem: str,
           links: str, pue: float, mfu: float) -> FollowView:
    req = _request(work, model, tokens, acc, gpus, batch, mem, links, pue, mfu)
    unit = req.unit
    chat = work == "chat"
    today, yours = req.total("today"), req.total("levers")
    saving = today / yours
    if chat and req.mem == "analog":
        lo, hi = setup.analog_saving_range(model, float(tokens), acc, int(gpus), int(batch), links, float(pue))
    else:
        lo = hi = saving
    lv = req.levers
    chips = lv.arithmetic_j + lv.memory_j + lv.links_j
    unmoved = req.mem == setup.TODAY_MEM and links == setup.TODAY_LINKS and abs(pue - req.pue_today) < 1e-9
    if hi > lo * (1 + 1e-9):
        saving_text = t("energy.follow.saving_range", lang, lo=fmt_num(lo, lang, 2), hi=fmt_num(hi, lang, 2))
    elif unmoved:
        saving_text = t("energy.follow.no_saving", lang)
    elif saving < 1.1:  # a few per cent (or less) reads better than "1×"
        saving_text = t("energy.follow.saving_pct", lang, x=pct(100 * (1 - 1 / saving), lang))
    else:
        saving_text = times(saving, lang)
    move = 100 * (lv.memory_j + lv.links_j) / chips
    et = lambda x: energy_text(x, unit, lang)  # noqa: E731

    notes: list[Note] = []
    if req.accelerators_needed:
        notes.append(Note(t("energy.follow.more_acc", lang, asked=fmt_num(gpus, lang), n=fmt_num(req.accelerators_needed, lang),
                            acc=acc_name(acc, lang), model=model_name(model, lang)), kind="info", icon=":material/memory:"))
    if req.analog_refused:
        notes.append(Note(t("energy.follow.analog_refused", lang), kind="info", icon=":material/block:"))
    if chat and req.mem == "analog":
        notes.append(Note(t("energy.follow.analog_caveat", lang, chips=count_label(setup.analog_chips(model), lang),
                            cores=fmt_num(value("her_cores"), lang), tile=fmt_num(value("her_tile"), lang),
                            lo=fmt_num(lo, lang, 2), hi=fmt_num(hi, lang, 2)), kind="info",
                          icon=":material/science:"))
    if req.mem == "stacked":
        notes.append(Note(t("energy.follow.stacked_caveat", lang, gb=fmt_num(setup.sram_gb(model), lang, 3)),
                          kind="info", icon=":material/layers:"))

    readouts = (
        Readout(t("energy.follow.r_today", lang), et(today), t(f"energy.follow.r_today_help_{work}", lang,
                                                                pue=fmt_num(req.pue_today, lang, 3))),
        Readout(t("energy.follow.r_levers", lang), et(yours), t("energy.follow.r_levers_help", lang),
                claim="energy.levers" if chat else None),
        Readout(t("energy.follow.r_saving", lang), saving_text, t("energy.follow.r_saving_help", lang),
                claim="energy.saving" if chat else None),
        Readout(t("energy.follow.r_move", lang), pct(move, lang), t("energy.follow.r_move_help", lang)),
    )

    bar_labels = [t("energy.follow.bar_today", lang), t("energy.follow.bar_levers", lang)]
    part_names = {p: t(f"energy.part.{p}", lang) for p in PARTS}
    vals = {p: [req.parts("today")[p], req.parts("levers")[p]] for p in PARTS}
    part_hover = {p: [t("energy.follow.part_hover", lang, bar=b, part=part_names[p], e=et(v),
                        share=pct(100 * v / tot, lang)) for b, v, tot in zip(bar_labels, vals[p], (today, yours))]
                  for p in PARTS}
    measured = []
    if chat:
        for rid, key in zip(MEASURED_ROWS, ("goog", "goog_active", "epoch")):
            measured.append((t(f"energy.follow.measured.{key}", lang), value(rid), et(value(rid))))
    elif setup.published_mwh(model) is not None:
        pub = setup.published_mwh(model)
        measured.append((t("energy.follow.measured.llama", lang), pub, et(pub)))
    same = "_same" if unmoved else ""
    summary = t(f"energy.follow.summary_{work}{same}", lang, model=model_name(model, lang),
                tokens=fmt_num(tokens, lang), gpus=fmt_num(lv.accelerators, lang), acc=acc_name(acc, lang),
                today=et(today), yours=et(yours), saving=saving_text, move=pct(move, lang),
                biggest=part_names[max(PARTS, key=lambda p: vals[p][1])].lower())
    bars = Figure(
        charts.request_bars,
        (bar_labels, vals, part_names, part_hover, [today, yours], [et(today), et(yours)], measured, lang),
        dict(title=t(f"energy.follow.chart_title_{work}", lang, model=model_name(model, lang)),
             x_title=t("energy.follow.x", lang), y_title=t(f"energy.follow.y_{work}", lang),
             measured_name=t("energy.follow.measured_name", lang)),
        summary=summary, key="energy_bars",
    )
    lines = []
    for p in PARTS:
        line = t("energy.follow.split_item", lang, part=part_names[p], e=et(vals[p][1]),
                 share=pct(100 * vals[p][1] / yours, lang))
        if p == "host_idle" and lv.wait_j:
            line += t("energy.follow.split_wait", lang, e=et(lv.wait_j / req.scale), mfu=pct(mfu, lang))
        lines.append(f"- {line}")
    split = "\n".join(lines)

    s = setup.shape(model)
    if chat:
        formula = (r"b_\mathrm{Link} = (O + P)\left[a\,L\,2(t-1)\,d\,b + (s-1)\,d\,b\right]\cdot 8")
        tp = min(lv.accelerators, int(value("aic_node_gpus")))
        stages = -(-lv.accelerators // int(value("aic_node_gpus")))
        link_text = t("energy.follow.link_text_chat", lang, o=fmt_num(tokens, lang),
                      p=fmt_num(value("en_prompt_tokens"), lang), a=fmt_num(value("vllm_tp_allreduce"), lang),
                      layers=fmt_num(s.layers, lang), t=fmt_num(tp, lang), d=fmt_num(s.d_model, lang),
                      b=fmt_num(value("aic_bytes_per_param"), lang), bits=fmt_count(lv.link_bits, lang),
                      rack=_pj(setup.link_pj(links, "in_rack"), lang), e=et(lv.links_j / req.scale),
                      tpu=shown("tpuv4_optics_power", lang))
        if stages > 1:
            link_text += " " + t("energy.follow.link_text_stages", lang, s=fmt_num(stages, lang),
                                 crossings=fmt_num(stages - 1, lang), hall=_pj(setup.link_pj(links, "between_racks"), lang))
    else:
        formula = r"b_\mathrm{Link} = \frac{D}{G}\;2(r-1)\,N\,b\cdot 8"
        run = setup.training(model, mfu)
        per_copy = -(-int(run.params * run.state_bytes_per_param) // int(setup.accelerators()[acc].memory_bytes))
        link_text = t("energy.follow.link_text_train", lang, d=fmt_count(run.tokens, lang),
                      g=fmt_count(run.tokens_per_step, lang), r=fmt_num(max(1, lv.accelerators // per_copy), lang),
                      k=fmt_num(per_copy, lang), n=fmt_count(run.params, lang), b=fmt_num(run.bytes_per_param, lang),
                      bits=fmt_count(lv.link_bits, lang), hall=_pj(setup.link_pj(links, "between_racks"), lang),
                      e=et(lv.links_j / req.scale), tpu=shown("tpuv4_optics_power", lang))

    f = _lever_factors()
    levers = (
        t(f"energy.follow.lever.mem_{req.mem}", lang, url=link(req.mem, lang, LEVER_LINKS),
          stk=fmt_num(round_sig(f["stacked"], 2), lang)),
        t(f"energy.follow.lever.links_{links}", lang, url=link(links, lang, LEVER_LINKS), cpo=fmt_num(f["cpo"], lang, 2),
          rack=_pj(setup.link_pj(links, "in_rack"), lang), hall=_pj(setup.link_pj(links, "between_racks"), lang)),
        t("energy.follow.lever.pue", lang, url=link("pue", lang, LEVER_LINKS), pue=fmt_num(pue, lang, 3),
          today=fmt_num(req.pue_today, lang, 3), g=fmt_num(value("pue_google"), lang, 3)),
    )

    if chat:
        mirror_value = value(setup.MIRROR)
        mirror = Note(t("energy.follow.mirror_chat", lang, today=et(today), e=et(mirror_value),
                        ratio=fmt_num(today / mirror_value, lang, 2), g=et(value("goog_prompt_wh")),
                        gratio=fmt_num(today / value("goog_prompt_wh"), lang, 2),
                        chips=et(req.today.accelerator_j / req.scale), ga=et(value("goog_active_wh")),
                        batch=fmt_num(batch, lang), p=fmt_num(value("en_prompt_tokens"), lang)),
                      kind="info", icon=":material/straighten:")
    elif setup.published_mwh(model) is not None:
        pub = setup.published_mwh(model)
        mirror = Note(t("energy.follow.mirror_train", lang, gpu=et(req.today.accelerator_j / req.scale), pub=et(pub),
                        ratio=fmt_num(req.today.accelerator_j / req.scale / pub, lang, 2), mfu=pct(mfu, lang),
                        hours=fmt_count(value("llama31_gpu_hours"), lang), tdp=fmt_num(value("h100_tdp"), lang)),
                      kind="info", icon=":material/straighten:")
    else:
        mirror = Note(t("energy.follow.mirror_train_none", lang, model=model_name(model, lang)), kind="info",
                      icon=":material/straighten:")

    rows = [*(MEASURED_ROWS if chat else ("llama31_gpu_hours",)), *SHARE_ROWS, *HARDWARE_ROWS[acc],
            *MEMORY_ROWS[req.mem], *LINK_ROWS[links], "tpuv4_optics_power", MODEL_ROWS[model][0]]
    h = heading(lang, "follow")
    return FollowView(h.title, h.intro, t("energy.follow.levers_title", lang), tuple(notes), readouts, bars, split,
                      t("energy.follow.links_title", lang), formula, link_text, levers, mirror,
                      Note(sources_line(rows, lang)), today, yours, saving, lo, hi, move)


# --- scale it up --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScaleView:
    heading: str
    intro: str
    readouts: tuple[Readout, ...]
    chart: Figure
    aif: Note  # the Dutch AI factory: what is published about it, and what is not
    sources: Note


def scale(lang: str, *, work: str, model: str, tokens: float, acc: str, gpus: int, batch: int, mem: str,
          links: str, pue: float, mfu: float, req: float) -> ScaleView:
    r = _request(work, model, tokens, acc, gpus, batch, mem, links, pue, mfu)
    sc = setup.scale(r, float(req))
    h = heading(lang, "scale")
    homes = fmt_count(round_sig(sc.homes, 2), lang)
    if work == "chat":
        readouts = (
            Readout(t("energy.scale.r_day", lang), mwh_text(sc.day_mwh, lang), t("energy.scale.r_day_help", lang,
                                                                                  n=count_label(req, lang))),
            Readout(t("energy.scale.r_power", lang), fmt_prefixed(sc.power_mw * 1e6, "W", lang, 2),
                    t("energy.scale.r_power_help", lang, pod=fmt_num(value("ironwood_pod_mw"), lang),
                      pods=fmt_num(sc.pods, lang, 2))),
            Readout(t("energy.scale.r_homes", lang), homes, t("energy.scale.r_homes_help", lang,
                                                              kwh=fmt_num(value("cbs_home_kwh"), lang))),
            Readout(t("energy.scale.r_nl", lang), pct(100 * sc.nl_share, lang),
                    t("energy.scale.r_nl_help", lang, gwh=fmt_num(value("cbs_dc_gwh"), lang),
                      share=fmt_num(value("cbs_dc_share"), lang))),
        )
        keys = ("service_today", "service", "pod", "nl", "world")
        kinds = ("today", "levers", "compare", "compare", "compare")
        summary = t("energy.scale.summary_chat", lang, n=count_label(req, lang), day=mwh_text(sc.day_mwh, lang),
                    power=fmt_prefixed(sc.power_mw * 1e6, "W", lang, 2), homes=homes,
                    nl=pct(100 * sc.nl_share, lang, 2), world=pct(100 * sc.world_share, lang, 2))
        x_title = t("energy.scale.x_chat", lang)
    else:
        readouts = (
            Readout(t("energy.scale.r_run", lang), mwh_text(sc.day_mwh, lang), t("energy.scale.r_run_help", lang)),
            Readout(t("energy.scale.r_homes_run", lang), homes, t("energy.scale.r_homes_help", lang,
                                                                  kwh=fmt_num(value("cbs_home_kwh"), lang))),
            Readout(t("energy.scale.r_nl_run", lang), pct(100 * sc.nl_share, lang),
                    t("energy.scale.r_nl_help", lang, gwh=fmt_num(value("cbs_dc_gwh"), lang),
                      share=fmt_num(value("cbs_dc_share"), lang))),
            Readout(t("energy.scale.r_world_run", lang), pct(100 * sc.world_share, lang, 2),
                    t("energy.scale.r_world_help", lang, twh=fmt_num(value("iea_dc_2024"), lang))),
        )
        keys = ("run_today", "run", "nl", "world")
        kinds = ("today", "levers", "compare", "compare")
        summary = t("energy.scale.summary_train", lang, model=model_name(model, lang), run=mwh_text(sc.day_mwh, lang),
                    homes=homes, nl=pct(100 * sc.nl_share, lang, 2), world=pct(100 * sc.world_share, lang, 2))
        x_title = t("energy.scale.x_train", lang)
    labels = [t(f"energy.scale.bar.{k}", lang, n=count_label(req, lang), model=model_name(model, lang),
                pod=fmt_num(value("ironwood_pod_mw"), lang)) for k in keys]
    vals = [sc.compare_mwh[k] for k in keys]
    chart = Figure(
        charts.scale_bars, (labels, vals, kinds, [mwh_text(v, lang) for v in vals], lang),
        dict(title=t(f"energy.scale.chart_title_{work}", lang), x_title=x_title, y_title=t("energy.scale.y", lang)),
        summary=summary, key="energy_scale",
    )
    aif = Note(t("energy.scale.aif", lang, total=shown("aif_total", lang), timeline=ref("aif_timeline").text(lang),
                 pod=fmt_num(value("ironwood_pod_mw"), lang)),
               kind="info", icon=":material/factory:")
    rows = [r for r in SCALE_ROWS if r != "tpuv4_optics_power"]
    return ScaleView(h.title, h.intro, readouts, chart, aif, Note(sources_line(rows, lang)))


# --- how the model works -------------------------------------------------------------------------------


def model(lang: str) -> ModelView:
    d = _defaults()
    return ModelView(
        equations=(
            r"E = E_\text{arith} + E_\text{mem} + E_\text{link} + E_\text{host,idle} + E_\text{fac}",
            r"E_\text{arith} = \left[2N(O + P) + 2\,L\,d\left(O\,n_\text{ctx} + \tfrac{P^2}{2}\right)\right] e_\text{op},"
            r"\quad n_\text{ctx} = P + \tfrac{O}{2},\qquad "
            r"e_\text{op} = \frac{P_\text{board}}{\Pi_\text{peak}}",
            r"E_\text{mem} = \left(\frac{O}{B} + 1\right) 8\,N\,b\;e_w + (O\,n_\text{ctx} + O + P)\;8\,m_\text{kv}\;e_\text{kv}",
            r"E_\text{link} = (O + P)\left[a\,L\,2(t-1)\,d\,b\;e_\text{rack} + (s-1)\,d\,b\;e_\text{hall}\right] 8",
            r"E_\text{host,idle} = \frac{s_\text{host} + s_\text{idle}}{s_\text{acc}}\,"
            r"(E_\text{arith} + E_\text{mem} + E_\text{link}),\qquad "
            r"E_\text{fac} = (\text{PUE} - 1)\,(E - E_\text{fac})",
            r"\text{training: } E_\text{arith} = 6ND\,e_\text{op},\quad E_\text{wait} = E_\text{arith}\left(\tfrac{1}{u} - 1\right),"
            r"\quad E_\text{link} = \tfrac{D}{G}\,2(r-1)\,N\,b\cdot 8\,e_\text{hall}",
        ),
        explanation=t("energy.how.explanation", lang),
        assumptions=(
            t("energy.how.a_op", lang, op=_pj(setup.op_pj("h100"), lang)),
            t("energy.how.a_mem", lang, hbm=_pj(setup.levels()["hbm"].energy_pj_per_bit, lang),
              sram=_pj(setup.levels()["sram_8kb"].energy_pj_per_bit, lang), hop=_pj(value("ucie_3d_e"), lang)),
            t("energy.how.a_analog", lang, eff=shown("her_1ph_eff", lang), eff4=shown("her_4ph_eff", lang)),
            t("energy.how.a_links", lang, rack=fmt_num(value("en_rack_m"), lang), hall=fmt_num(value("en_hall_m"), lang),
              rate=fmt_num(value("ph_lane_rate"), lang), a=fmt_num(value("vllm_tp_allreduce"), lang),
              node=fmt_num(value("aic_node_gpus"), lang)),
            t("energy.how.a_batch", lang, batch=fmt_num(d["batch"], lang), p=fmt_num(value("en_prompt_tokens"), lang),
              model=model_name("gpt4o", lang), tokens=fmt_num(value("epoch_q_tokens"), lang)),
            t("energy.how.a_shares", lang, acc=fmt_num(value("goog_share_acc"), lang),
              host=fmt_num(value("goog_share_host"), lang), idle=fmt_num(value("goog_share_idle"), lang)),
            t("energy.how.a_train", lang, s=fmt_num(value("zero_state_bytes"), lang),
              g=fmt_count(value("llama3_tokens_step"), lang), mfu=pct(value("aic_mfu"), lang)),
            t("energy.how.a_pue", lang, pue=shown("pue_uptime", lang), g=shown("pue_google", lang)),
        ),
        left_out=tuple(t(f"energy.how.out_{k}", lang)
                       for k in ("embodied", "water", "network", "device", "static", "moe", "activations", "speed")),
    )
