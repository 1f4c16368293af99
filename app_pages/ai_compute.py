"""AI compute: how much computing and energy AI takes, and why the hardware matters."""

import streamlit as st

from explainers.charts import ai_compute as charts
from explainers.content import fmt_num, fmt_sci, ref, shown, t, value
from explainers.ui import (cached_figure, chart, current_lang, model_panel, one_minute, readout, scene_bar, source_line, sources_line,
                           sources_panel, state)
from explainers.ui import ai_compute as aic

lang = current_lang()
S = aic.setup()
LAST = "_aic_last"  # (model, n, d) as rendered in the previous run


def tr(key: str, **values) -> str:
    return t(f"ai_compute.{key}", lang, **values)


def sci(x: float) -> str:
    return fmt_sci(x, lang)


st.title(tr("title"))
st.markdown(tr("intro"))

# --- In one minute ---------------------------------------------------------------------------------
head_mwh, head = aic.headline()
growth_row = ref("epoch_growth")
one_minute(
    lang,
    takeaways=[
        tr("one_minute.growth", low=fmt_num(growth_row.low, lang), high=fmt_num(growth_row.high, lang)),
        tr("one_minute.energy", flops=sci(value("llama31_c")),
           mwh=fmt_num(aic.round_sig(head_mwh, 2), lang)),
        tr("one_minute.limit", flops=fmt_num(value("mw_flops"), lang), dram=fmt_num(value("mw_dram"), lang),
           links=fmt_num(value("mw_ic"), lang)),
    ],
    headline_label=tr("one_minute.headline_label"),
    headline_value=tr("one_minute.headline_value", mwh=fmt_num(aic.round_sig(head_mwh, 2), lang)),
    headline_ref="llama31_c",
    headline_help=tr("one_minute.headline_help", flops=shown("llama31_c", lang),
                     peak=fmt_num(value("h100_bf16_dense"), lang), power=fmt_num(value("h100_tdp"), lang),
                     mfu=aic.pct(S.mfu_pct, lang), pue=fmt_num(S.pue, lang), gpus=fmt_num(S.gpus, lang)),
)

# --- The model and the hardware (shared by every section below) ------------------------------------
st.header(tr("pick.title"))
st.markdown(tr("pick.intro"))

w_model, w_n, w_d = (state.widget_key(k) for k in ("model", "n", "d"))
last = st.session_state.get(LAST)
url_nd = {"n": aic.params_options(), "d": aic.tokens_options()}
for k, opts in url_nd.items():  # a known model overrides N and D below: still report an unusable link value
    if last is None and state.raw_param(k) is not None and state.parse_nearest(opts)(state.raw_param(k)) is None:
        state.notice(k)
if last is None and any(state.parse_nearest(opts)(state.raw_param(k) or "") is not None for k, opts in url_nd.items()):
    st.session_state[w_model] = aic.CUSTOM  # a link that names N or D describes a custom model
if last is not None and st.session_state.get(w_model, aic.CUSTOM) != aic.CUSTOM and (
    st.session_state.get(w_n) != last[1] or st.session_state.get(w_d) != last[2]
):
    st.session_state[w_model] = aic.CUSTOM  # a person moved N or D: the view is no longer that model

with st.container(border=True):
    left, right = st.columns([3, 2], gap="large")
    with left:
        model = state.choice("model", tr("pick.model"), options=aic.MODEL_SLUGS, default="gpt3",
                             format_func=lambda s: aic.model_name(s, lang), help=tr("pick.model_help"))
    with right:
        acc = state.choice("acc", tr("pick.acc"), options=aic.ACC_SLUGS, default="a100",
                           format_func=lambda s: aic.acc_name(s, lang), help=tr("pick.acc_help"))
    known = S.models.get(model)
    if known is not None and (last is None or last[0] != model or st.session_state.get(state.RESET)):
        st.session_state[w_n], st.session_state[w_d] = known.params, known.tokens
    base = known or S.models["gpt3"]
    left, right = st.columns(2, gap="large")
    with left:
        n = state.stepped("n", tr("pick.n"), options=aic.params_options(), default=base.params,
                          format_func=lambda x: aic.count_words(x, lang), help=tr("pick.n_help"))
    with right:
        d = state.stepped("d", tr("pick.d"), options=aic.tokens_options(), default=base.tokens,
                          format_func=lambda x: aic.count_words(x, lang), help=tr("pick.d_help"))
st.session_state[LAST] = (model, n, d)
st.caption(sources_line([*aic.ACC_ROWS[acc], *(aic.MODEL_ROWS[model][:2] if known else ())], lang))


# --- Training calculator -------------------------------------------------------------------------------
@st.fragment
def training_section(n: float, d: float, acc: str, model: str) -> None:
    st.header(tr("train.title"))
    st.markdown(tr("train.intro"))
    acc_label = aic.acc_name(acc, lang)
    c1, c2, c3 = st.columns(3, gap="large")
    with c1:
        gpus = state.stepped("gpus", tr("train.gpus", acc=acc_label), options=aic.GPUS_OPTIONS, default=S.gpus,
                             format_func=lambda x: aic.option_label(x, lang), help=tr("train.gpus_help"))
    with c2:
        mfu = state.stepped("mfu", tr("train.mfu"), options=aic.MFU_OPTIONS, default=int(S.mfu_pct),
                            format_func=lambda x: aic.pct(x, lang), help=tr("train.mfu_help"))
    with c3:
        pue = state.stepped("pue", tr("train.pue"), options=aic.PUE_OPTIONS, default=S.pue,
                            format_func=lambda x: aic.option_label(x, lang, 3), help=tr("train.pue_help"))
    res = aic.training(n, d, acc, gpus, mfu, pue)
    known = S.models.get(model)
    a, acc_label = S.accelerators[acc], aic.acc_name(acc, lang)
    model_label = aic.model_name(model, lang) if known else tr("custom_model")

    r1, r2, r3, r4 = st.columns(4, gap="medium")
    with r1:
        readout(tr("train.flops"), sci(res.flops), help=tr("train.flops_help"))
        if known is not None:
            ratio = res.flops / known.published_flops
            st.caption(tr("train.published", value=shown(known.published_ref, lang),
                          ratio=fmt_num(ratio, lang, decimals=3)))
        else:
            st.caption(tr("train.no_published"))
    with r2:
        readout(tr("train.days"), fmt_num(res.days, lang, 3), help=tr("train.days_help"))
    with r3:
        readout(tr("train.acc_hours"), aic.count_words(res.acc_hours, lang), help=tr("train.acc_hours_help"))
    with r4:
        readout(tr("train.mwh"), fmt_num(res.mwh, lang, 3), help=tr("train.mwh_help"))

    with st.container(border=True):
        st.markdown(tr("train.arithmetic_title"))
        st.markdown(tr(
            "train.arithmetic", n=aic.count_words(n, lang), d=aic.count_words(d, lang), c=sci(res.flops),
            gpus=fmt_num(gpus, lang, 6), acc=acc_label, peak=fmt_num(a.peak_flops / 1e12, lang, 4),
            mfu=aic.pct(mfu, lang), s=sci(res.time_s), days=fmt_num(res.days, lang, 3),
            power=fmt_num(a.power_w, lang, 4), pue=fmt_num(pue, lang, 3), mwh=fmt_num(res.mwh, lang, 3),
        ))

    slugs = list(aic.ACC_SLUGS)
    names = [aic.acc_name(s, lang) for s in slugs]
    mwh = [res.mwh_by_acc[s] for s in slugs]
    fig = cached_figure(
        charts.energy_by_accelerator,
        names, mwh, slugs.index(acc),
        [tr("train.bar_hover", acc=nm, mwh=fmt_num(m, lang, 3)) for nm, m in zip(names, mwh)], lang,
        title=tr("train.bar_title", model=model_label), x_title=tr("train.bar_x"), y_title=tr("train.bar_y"),
        selected_label=tr("train.bar_selected"),
    )
    best, worst = min(slugs, key=res.mwh_by_acc.get), max(slugs, key=res.mwh_by_acc.get)
    chart(fig, tr("train.summary", model=model_label, c=sci(res.flops), gpus=fmt_num(gpus, lang, 6), acc=acc_label,
                  mfu=aic.pct(mfu, lang), days=fmt_num(res.days, lang, 3), mwh=fmt_num(res.mwh, lang, 3),
                  best=aic.acc_name(best, lang), worst=aic.acc_name(worst, lang),
                  ratio=fmt_num(res.mwh_by_acc[worst] / res.mwh_by_acc[best], lang, 2)),
          key="aic_energy_bars")
    st.caption(tr("train.bar_note"))


training_section(n, d, acc, model)


# --- Scaling law -----------------------------------------------------------------------------------------
@st.fragment
def scaling_section(n: float, d: float, model: str) -> None:
    st.header(tr("scaling.title"))
    st.markdown(tr("scaling.intro", rule=fmt_num(value("hof_ratio"), lang)))
    fit = state.choice("fit", tr("scaling.fit"), options=aic.FIT_SLUGS, default="epoch2024",
                       format_func=lambda s: aic.fit_name(s, lang), help=tr("scaling.fit_help"))
    sc = aic.scaling(n, d, fit)
    known_names = {s: aic.model_name(s, lang) for s in sc.known}
    user_name = aic.model_name(model, lang) if model in S.models else tr("custom_model")
    fig = cached_figure(
        charts.scaling_law,
        sc.compute, aic.compute_texts(lang), sc.loss_opt, sc.loss_rule, (sc.user_flops, sc.user_loss), sc.known, lang,
        title=tr("scaling.chart_title", fit=aic.fit_name(fit, lang)), x_title=tr("scaling.x"), y_title=tr("scaling.y"),
        names={"opt": tr("scaling.opt"), "rule": tr("scaling.rule", rule=fmt_num(value("hof_ratio"), lang)),
               "known": tr("scaling.known"), "user": tr("scaling.user"),
               "known_labels": [known_names[s] for s in sc.known]},
        hover={"opt": tr("scaling.hover_point", name=tr("scaling.opt"), c="%{customdata}", loss="%{y:.3f}"),
               "rule": tr("scaling.hover_point", name=tr("scaling.rule", rule=fmt_num(value("hof_ratio"), lang)),
                          c="%{customdata}", loss="%{y:.3f}"),
               "known": [tr("scaling.hover_point", name=known_names[s], c=sci(c), loss=fmt_num(lo, lang, 3))
                         for s, (c, lo) in sc.known.items()],
               "user": tr("scaling.hover_point", name=user_name, c=sci(sc.user_flops),
                          loss=fmt_num(sc.user_loss, lang, 3))},
        label_positions=[aic.LABEL_POSITIONS[s] for s in sc.known],
    )
    left, right = st.columns([3, 1], gap="large")
    with left:
        chart(fig, tr("scaling.summary", fit=tr(f"fit_in_text.{fit}"), c=sci(sc.user_flops),
                      n_opt=aic.count_words(sc.opt_params, lang),
                      ratio_opt=fmt_num(sc.opt_tokens / sc.opt_params, lang, 2), name=user_name,
                      ratio=fmt_num(sc.user_ratio, lang, 2), gap=fmt_num(sc.user_loss - sc.opt_loss, lang, 2)),
              key="aic_scaling")
    with right:
        readout(tr("scaling.opt_ratio"), fmt_num(sc.opt_tokens / sc.opt_params, lang, 2),
                help=tr("scaling.opt_ratio_help"))
        readout(tr("scaling.user_ratio"), fmt_num(sc.user_ratio, lang, 2))
        readout(tr("scaling.opt_n"), aic.count_words(sc.opt_params, lang))
        readout(tr("scaling.loss_gap"), fmt_num(sc.user_loss - sc.opt_loss, lang, 2),
                help=tr("scaling.loss_gap_help"))
    ratios = aic.chinchilla_ratios()
    st.info(tr("scaling.honest", hof=fmt_num(ratios["hoffmann2022"], lang, 2),
               epoch=fmt_num(ratios["epoch2024"], lang, 2), c=sci(value("chin_c")),
               rule=fmt_num(value("hof_ratio"), lang)), icon=":material/balance:")
    st.caption(sources_line(["hof_A", "bes_fit_A", "hof_ratio"], lang))


scaling_section(n, d, model)


# --- Running a model -----------------------------------------------------------------------------------
@st.fragment
def running_section(n: float, acc: str, model: str) -> None:
    st.header(tr("run.title"))
    st.markdown(tr("run.intro"))
    batch = state.stepped("batch", tr("run.batch"), options=aic.BATCH_OPTIONS, default=aic.BATCH_OPTIONS[0],
                          format_func=lambda x: aic.option_label(x, lang), help=tr("run.batch_help"))
    dec = aic.decode(n, acc, batch)
    acc_label = aic.acc_name(acc, lang)
    name = aic.model_name(model, lang) if model in S.models else tr("custom_model")
    group = tr("run.group", k=fmt_num(dec.n_acc, lang), acc=acc_label)
    if dec.n_acc > 1:
        st.info(tr("run.no_fit", name=name, w=fmt_num(dec.weights_gb, lang, 3), acc=acc_label,
                   m=fmt_num(dec.memory_gb, lang, 3), k=fmt_num(dec.n_acc, lang)), icon=":material/memory:")
    else:
        st.caption(tr("run.fits", name=name, w=fmt_num(dec.weights_gb, lang, 3), acc=acc_label,
                      m=fmt_num(dec.memory_gb, lang, 3)))
    regime = tr(f"run.regime.{dec.regime}")
    r1, r2, r3, r4 = st.columns(4, gap="medium")
    with r1:
        readout(tr("run.rate"), fmt_num(dec.rate_at, lang, 3), help=tr("run.rate_help", group=group))
    with r2:
        readout(tr("run.per_request"), fmt_num(dec.rate_at / batch, lang, 3), help=tr("run.per_request_help"))
    with r3:
        readout(tr("run.regime_label"), regime, help=tr("run.regime_help", ridge=fmt_num(dec.ridge, lang, 3)))
    with r4:
        readout(tr("run.energy"), fmt_num(dec.energy_at, lang, 3), help=tr("run.energy_help"))

    left, right = st.columns(2, gap="large")
    with left:
        fig = cached_figure(
            charts.decode_roofline,
            dec.batch, dec.rate, dec.memory_roof, dec.compute_roof, dec.ridge, (batch, dec.rate_at), lang,
            title=tr("run.roof_title", name=name, group=group), x_title=tr("run.x"), y_title=tr("run.y"),
            names={"memory": tr("run.memory_roof"), "compute": tr("run.compute_roof"), "rate": tr("run.rate_line"),
                   "at": tr("run.at")},
            hover={k: tr("run.hover", name=tr(f"run.{line}"), b="%{x:.0f}", r="%{y:,.3~r}")
                   for k, line in (("memory", "memory_roof"), ("compute", "compute_roof"), ("rate", "rate_line"))}
            | {"at": tr("run.hover", name=tr("run.at"), b=fmt_num(batch, lang, 6), r=fmt_num(dec.rate_at, lang, 3))},
            ridge_label=tr("run.ridge_label", ridge=fmt_num(dec.ridge, lang, 3)),
        )
        chart(fig, tr(f"run.summary_{dec.regime}", b=fmt_num(batch, lang, 6), name=name, group=group,
                      r=fmt_num(dec.rate_at, lang, 3), per=fmt_num(dec.rate_at / batch, lang, 3),
                      ridge=fmt_num(dec.ridge, lang, 3)), key="aic_roofline")
    with right:
        fig = cached_figure(
            charts.energy_per_token,
            dec.batch, dec.energy_j, dec.ridge, (batch, dec.energy_at), lang,
            title=tr("run.energy_title", group=group), x_title=tr("run.x"), y_title=tr("run.energy_y"),
            names={"energy": tr("run.energy_line"), "at": tr("run.at")},
            hover={"energy": tr("run.hover_energy", name=tr("run.energy_line"), b="%{x:.0f}", e="%{y:.3~r}"),
                   "at": tr("run.hover_energy", name=tr("run.at"), b=fmt_num(batch, lang, 6),
                            e=fmt_num(dec.energy_at, lang, 3))},
        )
        e1 = float(dec.energy_j[0])
        summary = (tr("run.energy_summary_one", e=fmt_num(dec.energy_at, lang, 3)) if batch == 1 else
                   tr("run.energy_summary", e1=fmt_num(e1, lang, 3), b=fmt_num(batch, lang, 6),
                      e=fmt_num(dec.energy_at, lang, 3), ratio=fmt_num(e1 / dec.energy_at, lang, 2)))
        chart(fig, summary, key="aic_energy_token")
    st.markdown(tr("run.why"))
    st.page_link("app_pages/neuromorphic.py", label=tr("run.link_neuro"), icon=":material/arrow_forward:",
                 query_params={"lang": lang})


running_section(n, acc, model)

# --- The growth ------------------------------------------------------------------------------------------
st.header(tr("growth.title"))
st.markdown(tr("growth.intro"))
left, right = st.columns(2, gap="large")
with left:
    fig, summary = aic.growth_figure(lang)
    chart(fig, summary, key="aic_growth")
with right:
    fig, summary = aic.gap_figure(lang)
    chart(fig, summary, key="aic_gap")
st.markdown(f"**{tr('growth.eff_title')}**")
eff = aic.flops_per_watt()
cols = st.columns(len(eff), gap="medium")
for col, (slug, x) in zip(cols, eff.items()):
    with col:
        readout(aic.acc_name(slug, lang), tr("growth.eff_value", x=fmt_num(x, lang, 3)),
                help=tr("growth.eff_help", peak=fmt_num(value(aic.ACC_ROWS[slug][0]), lang, 4),
                        power=fmt_num(value(aic.ACC_ROWS[slug][2]), lang, 4)))
        st.caption(tr("growth.eff_year", year=ref(aic.ACC_ROWS[slug][0]).year))
st.caption(tr("growth.eff_note", ratio=fmt_num(eff["b200"] / eff["a100"], lang, 2)))
st.markdown(tr("growth.links"))
st.page_link("app_pages/photonics.py", label=tr("growth.link_photonics"), icon=":material/arrow_forward:",
             query_params={"lang": lang})
st.caption(sources_line([*aic.GROWTH_ROWS.values(), *aic.GAP_ROWS], lang))

# --- Context ---------------------------------------------------------------------------------------------
st.header(tr("context.title"))
left, right = st.columns([3, 2], gap="large")
with left:
    st.markdown(tr("context.text", total=shown("aif_total", lang), split=ref("aif_split").text(lang),
                   timeline=ref("aif_timeline").text(lang), n=fmt_num(value("epoch_1e25"), lang)))
    st.caption(sources_line(aic.CONTEXT_ROWS, lang))
with right, st.container(border=True):
    readout(tr("context.aif_label"), shown("aif_total", lang), help=ref("aif_total").context(lang))
    st.caption(source_line("aif_total", lang))

st.divider()
scene_bar(aic.PAGE, lang)

model_panel(
    lang,
    equations=[
        r"C \approx 6\,N\,D",
        r"C_\text{token} \approx 2\,N",
        r"L(N,D) = E + \frac{A}{N^{\alpha}} + \frac{B}{D^{\beta}}",
        r"N^* = G\left(\frac{C}{6}\right)^{\beta/(\alpha+\beta)},\quad D^* = \frac{C/6}{N^*},\quad "
        r"G = \left(\frac{\alpha A}{\beta B}\right)^{1/(\alpha+\beta)}",
        r"T = \frac{C}{n\,\Pi\,\text{MFU}}, \qquad E = T\,n\,P\,\text{PUE}",
        r"\text{tokens/s} = \min\!\left(\frac{k\,B_\text{mem}}{N\,b},\ \frac{\Pi}{2N}\right),\qquad "
        r"k^* = \frac{\Pi\,b}{2\,B_\text{mem}}",
    ],
    explanation=tr("how.explanation"),
    assumptions=[
        tr("how.a_mfu", mfu=aic.pct(value("aic_mfu"), lang)),
        tr("how.a_pue", pue=shown("pue_uptime", lang)),
        tr("how.a_peak"),
        tr("how.a_power"),
        tr("how.a_bytes", b=fmt_num(value("aic_bytes_per_param"), lang)),
        tr("how.a_gpus", gpus=fmt_num(S.gpus, lang)),
        tr("how.a_split"),
        tr("how.a_fit"),
    ],
    left_out=[tr(f"how.out_{k}") for k in ("attention", "kv", "comm", "host", "failures", "moe", "inference")],
)
sources_panel(lang, aic.page_ref_ids())
