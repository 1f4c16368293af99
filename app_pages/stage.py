"""The presenter's stage: one section per step of a talk (?talk=&step=), or its speaker notes (&notes=1)."""

from explainers.ui import stage

stage.run()
