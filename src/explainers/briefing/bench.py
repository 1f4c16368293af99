"""How long a briefing takes and how big it is: `python -m explainers.briefing.bench [--repeat 3]`.

Run in a fresh process, so the first briefing pays for everything a server's first click pays for
(importing matplotlib and Typst, loading fonts and content, the first views and charts):

- cold: the first topic briefing in the process (target ≤ 3 s);
- warm: every topic × language × scene (default view included), its chart redrawn each time
  (target ≤ 300 ms), and the same view again (the chart kept per recipe);
- size: every topic PDF (target ≤ 500 kB), the cheat sheet and the full briefing.

Prints one line per measurement (wall clock, and the process's CPU time, which a busy machine
inflates less) and a summary; exits 1 if a target is missed (judged on the wall clock).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainers.briefing.bench")
    parser.add_argument("--repeat", type=int, default=1, help="warm passes over every view (default 1)")
    parser.add_argument("--json", action="store_true", help="end with one line of JSON (for benchmarks.run)")
    args = parser.parse_args(argv)

    t0, c0 = time.perf_counter(), time.process_time()
    from explainers import briefing, topics
    from explainers.content import content

    pdf = briefing.topic_pdf("photonics", "nl", scene="rack")
    cold, cold_cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"cold  photonics nl rack (first in the process, imports included): {_ms(cold)} "
          f"(cpu {_ms(cold_cpu)}), {len(pdf) // 1024} kB")

    warm, warm_cpu, again, sizes = [], [], [], []
    for _rep in range(args.repeat):
        for tp in topics.TOPICS:
            scenes = [None] + [s.id for s in content().scenes.get(tp.url_path, ())]
            for lang in ("en", "nl"):
                for scene in scenes:
                    briefing.document._CHARTS.clear()  # every chart is redrawn: nothing kept from before
                    t, c = time.perf_counter(), time.process_time()
                    pdf = briefing.topic_pdf(tp.url_path, lang, scene=scene)
                    warm.append(time.perf_counter() - t)
                    warm_cpu.append(time.process_time() - c)
                    sizes.append(len(pdf))
                    t = time.perf_counter()
                    briefing.topic_pdf(tp.url_path, lang, scene=scene)
                    again.append(time.perf_counter() - t)
                    print(f"warm  {tp.url_path:13s} {lang} {scene or '-':15s} {_ms(warm[-1]):>7s} "
                          f"(cpu {_ms(warm_cpu[-1]):>7s})  "
                          f"again {_ms(again[-1]):>7s}  {len(pdf) // 1024:4d} kB  {briefing.page_count(pdf)} pages")

    t = time.perf_counter()
    cheat = briefing.cheat_sheet_pdf("nl")
    t_cheat = time.perf_counter() - t
    t = time.perf_counter()
    full = briefing.full_pdf("nl")
    t_full = time.perf_counter() - t
    print(f"cheat sheet nl: {_ms(t_cheat)}, {len(cheat) // 1024} kB; full briefing nl: {_ms(t_full)}, "
          f"{len(full) // 1024} kB, {briefing.page_count(full)} pages")

    p95 = sorted(warm)[max(0, round(0.95 * len(warm)) - 1)]
    print(f"summary: cold {_ms(cold)} (cpu {_ms(cold_cpu)}); warm median {_ms(statistics.median(warm))} "
          f"(cpu {_ms(statistics.median(warm_cpu))}), p95 {_ms(p95)}, "
          f"max {_ms(max(warm))}; same view again median {_ms(statistics.median(again))}; "
          f"largest topic PDF {max(sizes) // 1024} kB ({len(warm)} briefings)")
    ok = cold <= 3.0 and statistics.median(warm) <= 0.3 and max(sizes) <= 500 * 1024
    print("targets (cold ≤ 3 s, warm median ≤ 300 ms, ≤ 500 kB):", "met" if ok else "MISSED")
    if args.json:
        print(json.dumps({"cold_ms": round(cold * 1000), "cold_cpu_ms": round(cold_cpu * 1000),
                          "warm_median_ms": round(statistics.median(warm) * 1000), "warm_p95_ms": round(p95 * 1000),
                          "warm_max_ms": round(max(warm) * 1000), "again_median_ms": round(statistics.median(again) * 1000),
                          "largest_kb": max(sizes) // 1024, "briefings": len(warm), "cheat_ms": round(t_cheat * 1000),
                          "cheat_kb": len(cheat) // 1024, "full_ms": round(t_full * 1000), "full_kb": len(full) // 1024,
                          "full_pages": briefing.page_count(full)}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
