"""Photonics: light vs copper, from inside a chip to between cities."""

from explainers.topics.photonics import PAGE, sections
from explainers.ui import scene_bar

sections.one_minute()
sections.links()
sections.wdm()
sections.mzi()
scene_bar(PAGE)
sections.model()
sections.sources()
