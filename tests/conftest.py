"""Shared test setup: AppTest shows full error details (visitors get none, see .streamlit/config.toml)."""

from streamlit import config

config.set_option("client.showErrorDetails", "full")
