"""Photonics: light vs copper, from inside a chip to between cities."""

from explainers.topics.photonics import PAGE, sections
from explainers.ui import rest_of_page, scene_bar
from explainers.ui.predict import predict_box

sections.one_minute()
predict_box(PAGE)
sections.links()
if rest_of_page(PAGE):  # on a first visit, once the first chart is on screen
    sections.wdm()
    sections.mzi()
    scene_bar(PAGE)
    sections.model()
    sections.sources()
