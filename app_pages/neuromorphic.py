"""Neuromorphic: the cost of moving data, and neurons that compute only when they spike.

The page's table of contents: each section is in explainers.topics.neuromorphic (words in present,
widgets and layout in sections).
"""

from explainers.topics.neuromorphic import PAGE, sections
from explainers.ui import scene_bar
from explainers.ui.predict import predict_box

sections.one_minute()
predict_box(PAGE)
sections.joules()
sections.wall()
sections.neuron()
sections.events()
sections.chips()
scene_bar(PAGE)
sections.model()
sections.sources()
