"""Which pages the benchmark drives and which controls on them ("primary interactions").

Pages come from the app's own page list (`explainers.ui.shell.PAGES`), so a page added there joins
the bench by itself. Controls are found at run time by their session key: the app keeps a control
bound to `?<url_key>=` under the widget key `_w_<url_path>.<url_key>` (`explainers.ui.state`); the
default page runs with url path "", so its keys (and the sidebar's "present" toggle) are `_w_.<key>`.

`values` are two wire values to alternate between (the same representation the browser sends:
a list of option labels for select_slider / pills / segmented_control, a list of floats for a
slider, a string for a text box, a bool for a toggle). Leave it None and the harness alternates
between the control's current value and another valid one it picks from the widget itself, so a
page that changes its options or formats does not break the bench. A control that is not on the
page is reported as "not found"; a page that is not listed here is benched with the first control
it turns out to have.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Control:
    url_key: str
    values: tuple[Any, Any] | None = None
    widget_key: str | None = None  # full session key when it is not `_w_<url_path>.<url_key>`
    note: str = ""

    def key_on(self, url_path: str) -> str:
        return self.widget_key or f"_w_{url_path}.{self.url_key}"


@dataclass(frozen=True)
class BenchPage:
    url_path: str  # "" = the default page, as the browser asks for it at "/"
    name: str
    controls: tuple[Control, ...]
    auto: bool = False  # not listed below: bench its first discovered control


# Primary controls per url path (of `shell.PAGES`; the default page is "").
PRIMARY: dict[str, tuple[Control, ...]] = {
    # Home has no control of its own: the sidebar's presenter toggle and language switch rerun it.
    "": (Control("present", note="sidebar toggle"), Control("lang", widget_key="_w_lang", note="language switch")),
    "photonics": (Control("d_m"), Control("rate")),
    "neuromorphic": (Control("i_na"), Control("batch")),
    "ai-compute": (Control("batch"), Control("gpus")),
    "energy": (Control("req"), Control("mem")),
    "sources": (Control("q", values=("energy", "")), Control("topic")),
    "glossary": (Control("q", values=("photon", "")), Control("topic")),
}

FALLBACK_PAGES: tuple[tuple[str, str], ...] = (
    ("", "home"), ("photonics", "photonics"), ("neuromorphic", "neuromorphic"), ("ai-compute", "ai-compute"),
    ("sources", "sources"), ("glossary", "glossary"),
)


def app_pages() -> list[BenchPage]:
    """Every page of the app, in menu order, with its primary controls."""
    try:
        from explainers.ui.shell import PAGES

        listed = [("" if p.default else p.url_path, p.url_path) for p in PAGES]
    except Exception:  # the shell is being edited: fall back to the known list
        listed = list(FALLBACK_PAGES)
    out = []
    for url_path, name in listed:
        controls = PRIMARY.get(url_path)
        out.append(BenchPage(url_path, name, controls or (), auto=controls is None))
    return out


# --- floors: the same measurements on a page with nothing on it and on the reference page ---

EMPTY_APP = HERE / "empty_app.py"
REFERENCE_APP = HERE / "reference_app.py"

EMPTY_PAGE = BenchPage("", "empty", ())  # no control: the interaction is a plain rerun
REFERENCE_PAGE = BenchPage("", "reference", (Control("freq", widget_key="freq"),))
