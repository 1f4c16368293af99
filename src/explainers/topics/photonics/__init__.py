"""Photonics: light vs copper, from inside a chip to between cities (data only: slugs, steps, URL keys).

    from explainers.topics.photonics import present
    view = present.links("nl", d_m=2.0, links=("board", "dac", "cpo"), rate=200.0, fibre="g652", tbps=1.6)
    print(view.energy.summary)
"""

from __future__ import annotations

from explainers.models import interconnect as ic
from explainers.models import optics
from explainers.topics.controls import Control, Controls

PAGE = "photonics"

#: Link slugs in the order the page shows them (short to long, electrical before optical).
LINKS: tuple[str, ...] = ("on_chip", "chiplet", "c2c", "board", "dac", "lacc",
                          "pluggable", "long_reach", "coherent", "cpo", "research")
ELECTRICAL: tuple[str, ...] = ("on_chip", "chiplet", "c2c", "board", "dac", "lacc")
OPTICAL: tuple[str, ...] = ("pluggable", "long_reach", "coherent", "cpo", "research")
#: The order a designer prefers links in when two cost the same energy per bit (after fewer
#: retimers): a purpose-made cable before a metre-long board trace, a smaller module before a bigger.
PREFERENCE: tuple[str, ...] = ("on_chip", "chiplet", "c2c", "dac", "lacc", "board",
                               "cpo", "pluggable", "long_reach", "coherent", "research")
#: Shown unless the reader picks otherwise: every product, not the research goal.
DEFAULT_LINKS: tuple[str, ...] = tuple(s for s in LINKS if s != "research")
#: Links in the "power of a link" comparison (copper = the cheapest electrical link that reaches).
POWER_ROWS: tuple[str, ...] = ("copper", "pluggable", "long_reach", "coherent", "cpo")
#: Links whose figure is a vendor's claim (labelled where they are named).
VENDOR_CLAIMS: tuple[str, ...] = ("c2c", "pluggable", "long_reach", "coherent", "cpo")

#: Fibre types; the band each link works in (O or C) comes from its transceiver, not from the fibre.
FIBRES: tuple[str, ...] = ("g652", "ull")
#: Fibre type -> band -> slug of optics.REFERENCE_IDS (its attenuation at that band).
FIBRE_BANDS: dict[str, dict[str, str]] = {
    "g652": {"O": "g652_1310", "C": "g652_1550"},
    "ull": {"O": "ull_1310", "C": "ull_1550"},
}
DEFAULT_FIBRE = next(f for f, bands in FIBRE_BANDS.items()
                     if optics.REFERENCE_IDS[bands["O"]] == ic.REFERENCE_IDS["fibre_attenuation_db_per_km"])

#: Model assumption name -> reference row that carries its value (and its reason) on this page.
ASSUMPTION_REFS: dict[str, str] = {
    "on_chip_fixed_pj_per_bit": "ph_asm_on_chip_fixed",
    "on_chip_max_distance_m": "ph_asm_on_chip_max",
    "chiplet_reach_m": "ph_asm_chiplet_reach",
    "chiplet_max_segments": "ph_asm_chiplet_segments",
    "serdes_bits_per_symbol": "ph_asm_bits_per_symbol",
    "board_packages": "ph_asm_board_packages",
    "board_vias": "ph_asm_board_vias",
    "board_connectors": "ph_asm_board_connectors",
    "board_max_segments": "ph_asm_board_segments",
    "dac_dielectric_share": "ph_asm_dac_dielectric",
    "dac_max_segments": "ph_asm_dac_segments",
    "lacc_max_segments": "ph_asm_lacc_segments",
    "optical_budget_db": "ph_asm_optical_budget",
    "cpo_max_distance_m": "ph_asm_cpo_max",
    "research_max_distance_m": "ph_asm_research_max",
    "optical_max_segments": "ph_asm_optical_segments",
}
LAUNCH_REF = "ph_asm_launch_power"
PAGE_DEFAULT_REFS = ("ph_lane_rate", "ph_port_tbps", "ph_channel_rate", "ph_mesh_n")

# --- control steps (positions of a control, not figures) ------------------------------------

_MANTISSAS = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8)
DISTANCE_STEPS: tuple[float, ...] = tuple(
    [float(f"{m * 10.0 ** e:.6g}") for e in range(-3, 5) for m in _MANTISSAS] + [1e5]
)
RATE_STEPS: tuple[float, ...] = (25.0, 50.0, 100.0, 200.0, 400.0)
TBPS_STEPS: tuple[float, ...] = (0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8, 25.6, 51.2, 102.4)
GRID_SLUGS: tuple[str, ...] = ("100", "50", "25", "12.5")  # ITU-T G.694.1 spacings, GHz
CHANNEL_RATE_STEPS: tuple[float, ...] = (10.0, 25.0, 50.0, 100.0, 200.0, 400.0, 800.0)
PHI_STEPS: tuple[float, ...] = tuple(round(0.05 * k, 2) for k in range(41))  # phase difference, units of pi
MESH_RANGE = (2, 64)

D_MIN, D_MAX = DISTANCE_STEPS[0], DISTANCE_STEPS[-1]

#: Every URL key of the page, in page order.
CONTROLS = Controls([
    Control("d_m", "stepped", default_ref="dac_100g", options=DISTANCE_STEPS),
    Control("links", "multi", default=DEFAULT_LINKS, options=LINKS),
    Control("rate", "stepped", default_ref="ph_lane_rate", options=RATE_STEPS),
    Control("fibre", "choice", default=DEFAULT_FIBRE, options=FIBRES),
    Control("tbps", "stepped", default_ref="ph_port_tbps", options=TBPS_STEPS),
    Control("grid", "choice", default=GRID_SLUGS[0], options=GRID_SLUGS),
    Control("chrate", "stepped", default_ref="ph_channel_rate", options=CHANNEL_RATE_STEPS),
    Control("phi", "stepped", default=PHI_STEPS[0], options=PHI_STEPS),
    Control("n", "int", default_ref="ph_mesh_n", lo=MESH_RANGE[0], hi=MESH_RANGE[1], step=1),
])

#: Section -> the URL keys its present function takes, in page order.
SECTIONS: dict[str, tuple[str, ...]] = {
    "one_minute": (),
    "links": ("d_m", "links", "rate", "fibre", "tbps"),
    "wdm": ("grid", "chrate"),
    "mzi": ("phi", "n"),
    "model": (),
}


def reference_ids(values: dict | None = None) -> list[str]:
    """Every reference id the page uses (for the Sources panel); the links' ids follow the fibre."""
    from . import setup

    fibre = (values or {}).get("fibre", DEFAULT_FIBRE)
    ids: list[str] = []
    for link in setup.links_for(fibre).values():
        ids += list(link.reference_ids)
    ids += list(ic.REFERENCE_IDS.values())
    ids += ["dac_100g", "lacc_100g", *ic.LONG_REACH_REFERENCE_IDS.values(), "er4_module_w", "er4_lanwdm_nm",
            *ic.COHERENT_REFERENCE_IDS.values(), "zr_module_w", "zr_plus_w_lanode", "edfa_bands", "ph_asm_sr_band",
            "ph_nvl72_copper"]
    ids += [optics.REFERENCE_IDS[slug] for bands in FIBRE_BANDS.values() for slug in bands.values()]
    ids += ["nv_pluggable_w", "nv_cpo_w", "ph_cpo_saving", "nv_eff", "ph_intel_cpo_saving", "nv_cpo_pjbit_cpo",
            "nv_cpo_pjbit_pluggable", "nv_loss_pluggable", "dwdm", "dwdm_count_100ghz", "dwdm_count_50ghz",
            "mzi_tf", "shen_mzi", "clements", "reck"]
    ids += list(ASSUMPTION_REFS.values()) + [LAUNCH_REF, *PAGE_DEFAULT_REFS]
    return list(dict.fromkeys(ids))
