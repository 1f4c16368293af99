"""Home: what this is, the three technologies in a minute each, the context, how to use it."""

from explainers.ui import home

home.heading()
home.technologies()
home.context()
home.audiences()
