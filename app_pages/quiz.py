"""Test yourself: a quiz per topic (?topic=), its answers computed by the models, kept in the session only."""

from explainers.ui.quiz import quiz_page

quiz_page()
