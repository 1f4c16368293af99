"""One-off import of ../shared/reference/figures.yaml into data/references.yaml.

Run once by a developer (the app never reads outside the project). It keeps every row's source
and confidence, turns "a-b" into low/high, "~x" / "<x" into a value with a qualifier, splits the
compound "a / b" rows the pages need into separate ids, and keeps the rest as text facts.
Dutch text is added afterwards by hand (the `nl` fields).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

TOPICS = {
    "1": "energy",
    "2": "interconnect",
    "3": "neuromorphic",
    "4": "ai",
    "5": "photonic_computing",
    "6": "policy",
}

# Compound rows split into parts: id -> [(suffix, value, unit, quantity suffix)]
SPLITS: dict[str, list[tuple[str, float, str, str]]] = {
    "kec_wire_10nm": [("075v", 150, "fJ/bit/mm", "at 0.75 V"), ("065v", 115, "fJ/bit/mm", "at 0.65 V")],
    "kogge_wire": [("full", 110, "fJ/bit/mm", "full swing"), ("reduced", 18, "fJ/bit/mm", "reduced swing")],
    "nv_cpo_pjbit": [("pluggable", 18.8, "pJ/bit", "pluggable"), ("cpo", 5.6, "pJ/bit", "co-packaged optics")],
    "nv_loss": [("pluggable", 22, "dB", "pluggable"), ("cpo", 4, "dB", "co-packaged optics")],
    "bcm_humboldt": [("power", 30, "% less power", "power"), ("cost", 40, "% less cost per bit", "cost per bit")],
    "ucie_3d": [("bw", 4000, "GB/s/mm^2", "bandwidth density"), ("e", 0.05, "pJ/bit", "energy")],
    "fib_g652": [("1310", 0.35, "dB/km", "at 1310 nm (max)"), ("1550", 0.22, "dB/km", "at 1550 nm (max)")],
    "fib_ull": [("1310", 0.31, "dB/km", "at 1310 nm (max)"), ("1550", 0.17, "dB/km", "at 1550 nm (max)")],
    "dwdm_count": [("100ghz", 44, "channels", "at 100 GHz spacing"), ("50ghz", 88, "channels", "at 50 GHz spacing")],
    "loihi_neurons": [("n", 131072, "neurons", "neurons"), ("syn", 130e6, "synapses", "synapses")],
    "loihi2_spec": [("n", 1e6, "neurons", "neurons"), ("syn", 120e6, "synapses", "synapses")],
    "hala_n": [("n", 1.15e9, "neurons", "neurons"), ("syn", 128e9, "synapses", "synapses")],
    "her_1ph": [("tops", 63.1, "TOPS", "throughput"), ("eff", 9.76, "TOPS/W", "efficiency")],
    "her_4ph": [("tops", 16.1, "TOPS", "throughput"), ("eff", 2.48, "TOPS/W", "efficiency")],
    "bipoo_tau": [("plus", 16.8, "ms", "tau+"), ("minus", 33.7, "ms", "tau-")],
    "kap_exp": [("n", 0.076, "-", "alpha_N"), ("d", 0.095, "-", "alpha_D"), ("c", 0.050, "-", "alpha_C")],
    "hof_ab": [("a", 0.46, "-", "a (N)"), ("b", 0.54, "-", "b (D)")],
    "bes_fit": [
        ("E", 1.8172, "nats/token", "E"),
        ("A", 482.01, "-", "A"),
        ("B", 2085.43, "-", "B"),
        ("alpha", 0.3478, "-", "alpha"),
        ("beta", 0.3658, "-", "beta"),
    ],
    "a100_bf16": [("dense", 312, "TFLOP/s", "dense"), ("sparse", 624, "TFLOP/s", "sparse")],
    "h100_bf16": [("dense", 989.4, "TFLOP/s", "dense"), ("sparse", 1978.9, "TFLOP/s", "sparse")],
    "h100_fp8": [("dense", 1978.9, "TFLOP/s", "dense"), ("sparse", 3957.8, "TFLOP/s", "sparse")],
    "h100_bw": [("tbs", 3.35, "TB/s", "bandwidth"), ("gb", 80, "GB", "capacity")],
    "b200_bf16": [("dense", 2250, "TFLOP/s", "dense"), ("sparse", 4500, "TFLOP/s", "sparse")],
    "b200_fp8": [("dense", 4500, "TFLOP/s", "dense"), ("sparse", 9000, "TFLOP/s", "sparse")],
    "b200_bw": [("tbs", 8, "TB/s", "bandwidth"), ("gb", 192, "GB", "capacity")],
    "ridge_b200": [("bf16", 281, "FLOP/byte", "BF16"), ("fp8", 563, "FLOP/byte", "FP8")],
    "shen_acc": [("optical", 76.7, "%", "optical"), ("digital", 91.7, "%", "digital")],
    "lif_params": [
        ("tau", 10, "ms", "membrane time constant"),
        ("vrest", -65, "mV", "resting potential"),
        ("vth", -50, "mV", "threshold"),
        ("r", 10, "MOhm", "membrane resistance"),
    ],
    "lm_power": [("electrical", 78, "W", "electrical"), ("optical", 1.6, "W", "optical")],
    "np_mem": [("mb", 224, "MB", "on-chip memory"), ("mm2", 800, "mm^2", "die area")],
}

# Rows whose text value carries one headline number worth keeping numerically.
RANGES_BY_HAND: dict[str, dict] = {
    "dac_100g": {"value": 2, "low": 0.5, "high": 3},
    "dac_25g": {"value": 5, "low": 3, "high": 7},
    "tn_syn": {"value": 268435456},
    "tn_70mw": {"value": 70, "low": 63, "high": 72},
    "brain_neurons": {"value": 86.1e9, "low": 78.0e9, "high": 94.2e9},
    "brain_glia": {"value": 84.6e9, "low": 74.8e9, "high": 94.4e9},
    "epoch_growth": {"value": 4.6, "low": 4, "high": 5},
    "pohoiki": None,
}

YEAR_BY_HAND = {
    "fib_g652": 2020, "fib_ull": 2014, "dac_100g": 2023, "lacc_100g": 2023, "dac_25g": 2022,
    "pcb_fr4_5g": 2022, "pcb_fr4_14g": 2023, "pcb_m6_14g": 2023, "pcb_m7_14g": 2023,
    "chan_56g": 2023, "chan_112g": 2023, "cwdm": 2003, "dwdm": 2020, "dwdm_count": 2020,
    "serdes112": 2024, "hbm3_bw": 2024, "brain_power": 2008, "brain_per_neuron": 2009,
    "lif_tau": 1907, "lif_params": 2014, "lif_tref": 2014, "a100_bf16": 2020, "a100_bw": 2020,
    "a100_tdp": 2020, "h100_bf16": 2022, "h100_fp8": 2022, "h100_bw": 2022, "h100_tdp": 2022,
    "b200_bf16": 2024, "b200_fp8": 2024, "b200_bw": 2024, "b200_tdp": 2024, "ridge_h100": 2022,
    "ridge_a100": 2020, "ridge_b200": 2024, "spin1": 2018, "spin2": 2021, "mzi_tf": 2023,
    "aif_total": 2025, "aif_split": 2025, "aif_timeline": 2025, "hof_E": 2022, "pd_goal": 2022,
    "nv_eff": 2025, "ddr5_pjbit": 2024, "ayar_e": 2025, "intel_oci_bw": 2024, "intel_oci_e": 2024,
    "pluggable_intel": 2024, "nvlc2c": 2022, "loihi_neurons": 2018, "loihi2_spec": 2021,
    "loihi_sop": 2018, "bss2": 2022, "brain_syn_all": 2005, "brain_syn_ctx": 2003,
    "pohoiki": 2020, "abarbanel_fit": 2002, "song_stdp": 2000, "lm_tops": 2025, "lm_power": 2025,
    "lm_eff": 2025, "gpt4_c": 2023, "llama31_c": 2024, "gemini_ultra_c": 2023, "palm_c": 2022,
    "pue_new": 2024, "pue_google": 2022, "pue_2007": 2007, "uknl_sign": 2025, "uknl_feb": 2025,
    "uknl_mission": 2025, "uknl_neuro": 2025, "uknl_quantum": 2025, "pd_pix": 2024,
    "epoch_1e25": 2025, "np_eff": 2023, "np_spec": 2023, "np_mem": 2023, "shen_acc": 2017,
    "reck": 1994, "clements": 2016, "miller17_target": 2017,
    "dally10_dp": 2010, "dally10_sram": 2010, "dally10_link": 2010, "dally10_dram": 2010,
    "ayar_gen3": 2025, "dac_200g": 2024, "fib_1978": 1978, "epoch_growth": 2024,
}

NUM = r"[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?"


def parse_value(raw) -> dict:
    if isinstance(raw, (int, float)):
        return {"value": float(raw)}
    s = str(raw).strip()
    if m := re.fullmatch(rf"({NUM})\s*-\s*({NUM})", s):
        lo, hi = float(m[1]), float(m[2])
        return {"value": (lo + hi) / 2, "low": lo, "high": hi}
    if m := re.fullmatch(rf"(~|<=|<|>=|>)\s*({NUM})(?:\s*\(vendor\))?", s):
        qual = {"~": "approx", "<": "below", "<=": "at_most", ">": "above", ">=": "at_least"}[m[1]]
        return {"value": float(m[2]), "qualifier": qual}
    return {"text": s}


def year_of(entry: dict) -> int | None:
    if entry["id"] in YEAR_BY_HAND:
        return YEAR_BY_HAND[entry["id"]]
    source = re.sub(r"arXiv:\d{4}\.\d+", "", entry.get("source", "") or "")  # arXiv ids look like years
    years = re.findall(r"\b(19[5-9]\d|20[0-3]\d)\b", source)
    return int(years[0]) if years else None


def convert(entry: dict) -> list[dict]:
    base = {
        "id": entry["id"],
        "topic": TOPICS[entry["topic"].split()[0]],
        "quantity": {"en": entry["quantity"], "nl": ""},
        "unit": entry["unit"],
        "context": {"en": entry.get("context") or "", "nl": ""},
        "source": entry.get("source") or "-",
        "year": year_of(entry),
        "url": (entry.get("url") or "").split(" ")[0] or None,
        "confidence": entry["confidence"],
    }
    if entry["id"] in SPLITS:
        out = []
        for suffix, value, unit, qsuffix in SPLITS[entry["id"]]:
            part = dict(base, id=f"{entry['id']}_{suffix}", unit=unit, value=float(value))
            part["quantity"] = {"en": f"{entry['quantity']}: {qsuffix}", "nl": ""}
            out.append(part)
        return out
    parsed = parse_value(entry["value"])
    if entry["id"] in RANGES_BY_HAND and RANGES_BY_HAND[entry["id"]]:
        parsed = {**{k: float(v) for k, v in RANGES_BY_HAND[entry["id"]].items()}, "text": str(entry["value"])}
    if "text" in parsed:
        parsed["text"] = {"en": parsed["text"], "nl": ""}
    return [{**base, **parsed}]


def main() -> None:
    src = Path(sys.argv[1])
    dst = Path(sys.argv[2])
    data = yaml.safe_load(src.read_text())
    rows = [row for entry in data["entries"] for row in convert(entry)]
    dst.write_text(yaml.safe_dump({"references": rows}, allow_unicode=True, sort_keys=False, width=110))
    print(f"{len(rows)} rows written to {dst}")


if __name__ == "__main__":
    main()
