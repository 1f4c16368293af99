"""Entry point: `streamlit run app.py` (or `make run`). The frame lives in explainers.ui.shell."""

from explainers.ui.shell import run

run()
