"""AI compute: how much computing and energy AI takes, and why the hardware matters."""

from explainers.topics.ai_compute import PAGE, sections
from explainers.ui import rest_of_page, scene_bar
from explainers.ui.predict import predict_box

sections.one_minute()
predict_box(PAGE)
choice = sections.pick()  # the model and the hardware, shared by the three sections below
sections.training(choice)
if rest_of_page(PAGE):  # on a first visit, once the first chart is on screen
    sections.scaling(choice)
    sections.running(choice)
    sections.growth()
    sections.context()
    scene_bar(PAGE)
    sections.model()
    sections.sources()
