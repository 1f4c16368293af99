"""Where the energy goes: one AI request from the chip to the grid, and what photonics, chip stacking
and in-memory computing each save."""

from explainers.topics.energy import PAGE, sections
from explainers.ui import rest_of_page, scene_bar
from explainers.ui.predict import predict_box

sections.one_minute()
predict_box(PAGE)
sections.ladder()
if rest_of_page(PAGE):  # on a first visit, once the first chart is on screen
    sections.request()  # follow one request (workload, hardware, levers), then a day of it at scale
    scene_bar(PAGE)
    sections.model()
    sections.sources()
