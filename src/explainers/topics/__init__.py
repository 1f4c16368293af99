"""The topic pages, as packages: one per topic, each of the same shape (data only here).

    topics/<topic>/__init__.py   PAGE (url path), CONTROLS (the URL keys), SECTIONS (section name ->
                                 the URL keys it takes, in page order), reference_ids(values)  data only
    topics/<topic>/setup.py      references -> model parameters; cached sweeps       no Streamlit
    topics/<topic>/present.py    one pure function per section -> a frozen view      no Streamlit
    topics/<topic>/sections.py   one Streamlit function per section, same names, in page order

`present.<section>(lang, **values)` takes the values of that section's URL keys
(`SECTIONS[name]`), so any section of any page can be printed from a plain Python shell:

    from explainers import topics
    from explainers.topics.photonics import present
    view = topics.view("photonics", "links", "nl", {"d_m": "80000"})    # URL parameters, as a link has them
    print(view.summary)
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True)
class Topic:
    package: str  # explainers.topics.<package>
    url_path: str
    file: str  # the page script
    title_key: str
    icon: str
    section_key: str  # the menu section it is listed under


TOPICS: tuple[Topic, ...] = (
    Topic("energy", "energy", "app_pages/energy.py", "pages.energy", ":material/bolt:", "nav.overview"),
    Topic("photonics", "photonics", "app_pages/photonics.py", "pages.photonics", ":material/lightbulb:", "nav.photonics"),
    Topic("neuromorphic", "neuromorphic", "app_pages/neuromorphic.py", "pages.neuromorphic", ":material/neurology:",
          "nav.neuromorphic"),
    Topic("ai_compute", "ai-compute", "app_pages/ai_compute.py", "pages.ai_compute", ":material/memory:", "nav.ai"),
)


def by_url_path(url_path: str) -> Topic | None:
    return next((topic for topic in TOPICS if topic.url_path == url_path), None)


def package(topic: Topic | str) -> ModuleType:
    """The topic's package (`explainers.topics.photonics`), by Topic, package name or URL path."""
    if isinstance(topic, str):
        found = by_url_path(topic) or next((t for t in TOPICS if t.package == topic), None)
        if found is None:
            raise KeyError(topic)
        topic = found
    return importlib.import_module(f"explainers.topics.{topic.package}")


def module(topic: Topic | str, name: str) -> ModuleType:
    """`present`, `setup` or `sections` of a topic."""
    return importlib.import_module(f"{package(topic).__name__}.{name}")


def section_args(pkg: ModuleType, name: str, values: dict) -> dict:
    """The keyword arguments of `present.<name>`: the values of the section's URL keys."""
    return {key: values[key] for key in pkg.SECTIONS[name]}


def values_for(topic: Topic | str, params: dict | None = None, scene: str | None = None) -> tuple[dict, list[str]]:
    """Control values of a topic page for URL parameters and an optional scene: (values, bad keys).

    The same validation as the page's widgets: a bad value falls back to the default and is named.
    """
    from explainers.content import content

    pkg = package(topic)
    base = None
    bad: list[str] = []
    if scene is not None:
        found = next((s for s in content().scenes.get(pkg.PAGE, ()) if s.id == scene), None)
        if found is None:
            bad.append("scene")
        else:
            base = dict(found.params)
    values, bad_keys = pkg.CONTROLS.values(params or {}, base=base)
    return values, bad + bad_keys


def view(topic: Topic | str, name: str, lang: str, params: dict | None = None, scene: str | None = None):
    """The view of one section for a link's parameters (and scene), in `lang`."""
    pkg = package(topic)
    values, _bad = values_for(pkg.PAGE, params, scene)
    return getattr(module(pkg.PAGE, "present"), name)(lang, **section_args(pkg, name, values))
