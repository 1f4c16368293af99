"""Shared test setup: strict strings (a missing key raises) and full error details in AppTest.

Visitors get neither: a missing string shows its key and errors show no details there
(see content.i18n and .streamlit/config.toml). Servers the browser tests start inherit the
environment, so they run strict too.
"""

import os

os.environ["EXPLAINERS_STRICT_STRINGS"] = "1"

from streamlit import config  # noqa: E402

from explainers.content import i18n  # noqa: E402

i18n.set_strict(True)
config.set_option("client.showErrorDetails", "full")
