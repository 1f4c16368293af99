"""The presenter's stage in the bench: how long one step of a talk takes, as a clicker press.

A press of PageDown on the stage is one click of its "Next" button (a trigger value), one rerun
that draws the next step's section, whatever page it is on. This drives the stage the way the
browser does and times each step change of the delegate briefing, forwards and back.

    python -m benchmarks.stage [--port 8765] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
import urllib.request

from streamlit.proto.WidgetStates_pb2 import WidgetState

from .client import Viewer

TALK = "delegate_briefing"


class StageViewer(Viewer):
    """A viewer that also knows the page's buttons, and can click one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.buttons: dict[str, str] = {}  # user key -> widget id
        self._click: str | None = None

    def _on_delta(self, msg, seen, result):  # noqa: D102
        super()._on_delta(msg, seen, result)
        delta = msg.delta
        if delta.WhichOneof("type") == "new_element" and delta.new_element.WhichOneof("type") == "button":
            wid = delta.new_element.button.id
            if wid.startswith("$$ID-"):
                self.buttons[wid.split("-", maxsplit=2)[-1]] = wid

    def widget_states(self):  # noqa: D102
        states = super().widget_states()
        if self._click:
            ws = WidgetState(id=self._click)
            ws.trigger_value = True
            states.append(ws)
        return states

    async def click(self, key: str):
        self._click = self.buttons[key]
        try:
            return await self._run("")
        finally:
            self._click = None


async def measure(port: int, rounds: int) -> dict:
    times: list[float] = []
    errors: list[str] = []
    async with StageViewer(port, "stage", f"talk={TALK}&step=1&lang=en") as viewer:
        first = await viewer.load()
        if not first.ok:
            return {"error": first.error}
        for _ in range(rounds):
            for key in ["stage_next"] * 5 + ["stage_prev"] * 5:
                res = await viewer.click(key)
                (times if res.ok else errors).append(res.seconds if res.ok else res.error)
    times.sort()
    return {"steps": len(times), "errors": len(errors), "first_errors": errors[:2],
            "p50_ms": round(1000 * statistics.median(times), 1) if times else None,
            "p95_ms": round(1000 * times[int(0.95 * (len(times) - 1))], 1) if times else None}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--external", action="store_true", help="measure a server already running on --port")
    a = p.parse_args(argv)
    proc = None
    if not a.external:
        proc = subprocess.Popen([sys.executable, "-m", "explainers.serve", "--port", str(a.port), "--address",
                                 "127.0.0.1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{a.port}/_stcore/health", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
    try:
        print(asyncio.run(measure(a.port, a.rounds)))
    finally:
        if proc:
            proc.terminate()
            proc.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
