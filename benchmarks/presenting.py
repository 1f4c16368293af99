"""The presenter's tools in the bench: a step of a talk on the stage, and a briefing PDF.

    (a phase of `python -m benchmarks.run`, quick and full runs alike)

1. Stage: one press of the clicker is one click of the bar's "Next" (or "Previous") button, one
   rerun that draws the next step's section, whatever page it is on (benchmarks/stage.py drives it
   as a browser does). Goal: p95 well under a second (≤ 500 ms) on this machine.
2. Briefing: `python -m explainers.briefing.bench --json` in a fresh process: the first briefing
   (imports, fonts and content included; goal ≤ 3 s), every topic × language × scene with its chart
   redrawn (median goal ≤ 300 ms), and the largest topic PDF (goal ≤ 500 kB).
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from . import stage
from .client import Server, free_port

ROOT = Path(__file__).resolve().parents[1]
GOAL_STEP_P95_MS = 500
GOAL_BRIEFING_COLD_MS = 3000
GOAL_BRIEFING_WARM_MS = 300
GOAL_BRIEFING_KB = 500


def bench_stage(rounds: int) -> dict[str, Any]:
    server = Server(port=free_port()).start()  # the tuned launcher, as `make run` starts it
    try:
        server.wait_healthy(60)
        return asyncio.run(stage.measure(server.port, rounds))
    except RuntimeError as err:
        return {"error": str(err)[:300]}
    finally:
        server.stop()


def bench_briefing() -> dict[str, Any]:
    run = subprocess.run([sys.executable, "-m", "explainers.briefing.bench", "--json"], cwd=ROOT,
                         capture_output=True, text=True, timeout=900)
    last = (run.stdout.strip().splitlines() or [""])[-1]
    try:
        return json.loads(last)
    except json.JSONDecodeError:
        return {"error": (run.stderr or run.stdout)[-300:]}


def bench(quick: bool) -> dict[str, Any]:
    return {"stage": bench_stage(rounds=1 if quick else 3), "briefing": bench_briefing()}


def goals(res: dict | None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if not res:
        return out

    def add(name: str, ok: bool | None, detail: str) -> None:
        out.append({"goal": name, "result": "n/a" if ok is None else ("PASS" if ok else "FAIL"), "detail": detail,
                    "row": None})

    s = res.get("stage") or {}
    add(f"a step of a talk on the stage: p95 ≤ {GOAL_STEP_P95_MS} ms, no error",
        None if s.get("p95_ms") is None else s["p95_ms"] <= GOAL_STEP_P95_MS and not s.get("errors"),
        s.get("error") or f"p50 {s.get('p50_ms')} ms, p95 {s.get('p95_ms')} ms, {s.get('steps')} steps, "
                          f"{s.get('errors')} errors")
    b = res.get("briefing") or {}
    add(f"the first briefing in a process ≤ {GOAL_BRIEFING_COLD_MS / 1000:g} s",
        None if "cold_ms" not in b else b["cold_ms"] <= GOAL_BRIEFING_COLD_MS, b.get("error") or f"{b.get('cold_ms')} ms")
    add(f"a briefing, chart redrawn: median ≤ {GOAL_BRIEFING_WARM_MS} ms",
        None if "warm_median_ms" not in b else b["warm_median_ms"] <= GOAL_BRIEFING_WARM_MS,
        b.get("error") or f"median {b.get('warm_median_ms')} ms, p95 {b.get('warm_p95_ms')} ms over {b.get('briefings')}")
    add(f"the largest topic briefing ≤ {GOAL_BRIEFING_KB} kB",
        None if "largest_kb" not in b else b["largest_kb"] <= GOAL_BRIEFING_KB, b.get("error") or f"{b.get('largest_kb')} kB")
    return out


def markdown_lines(res: dict | None) -> list[str]:
    if not res:
        return []
    s, b = res.get("stage") or {}, res.get("briefing") or {}
    lines = ["### Presenting: a step on the stage, a briefing PDF", ""]
    if s.get("error"):
        lines.append(f"Stage: not measured ({s['error']}).")
    else:
        lines.append(f"A clicker press on the stage (the delegate briefing, {s.get('steps')} steps forwards and back, "
                     f"one rerun each): p50 **{s.get('p50_ms')} ms**, p95 **{s.get('p95_ms')} ms**, "
                     f"{s.get('errors')} errors.")
    lines.append("")
    if b.get("error"):
        lines.append(f"Briefing: not measured ({b['error']}).")
    else:
        lines.append(f"Briefing PDFs (Typst, in a fresh process): the first **{b['cold_ms']} ms** (imports and fonts "
                     f"included), then median **{b['warm_median_ms']} ms** (p95 {b['warm_p95_ms']} ms) over "
                     f"{b['briefings']} topic × language × scene briefings with the chart redrawn, "
                     f"{b['again_median_ms']} ms for the same view again; largest topic PDF {b['largest_kb']} kB; "
                     f"cheat sheet {b['cheat_ms']} ms ({b['cheat_kb']} kB); full briefing {b['full_ms']} ms "
                     f"({b['full_kb']} kB, {b['full_pages']} pages).")
    return lines + [""]
