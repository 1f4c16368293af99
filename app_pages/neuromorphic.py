"""Neuromorphic: the cost of moving data, and neurons that compute only when they spike.

The page's table of contents: each section is in explainers.topics.neuromorphic (words in present,
widgets and layout in sections).
"""

from explainers.topics.neuromorphic import PAGE, sections
from explainers.ui import rest_of_page, scene_bar
from explainers.ui.predict import predict_box

sections.one_minute()
predict_box(PAGE)
sections.joules()
if rest_of_page(PAGE):  # on a first visit, once the first chart is on screen
    sections.wall()
    sections.neuron()
    sections.events()
    sections.chips()
    scene_bar(PAGE)
    sections.model()
    sections.sources()
