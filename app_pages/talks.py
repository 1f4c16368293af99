"""Talks: the prepared talks, each with its steps, to start on the stage or copy its link."""

from explainers.ui import current_lang
from explainers.ui.stage import talk_index

talk_index(current_lang())
