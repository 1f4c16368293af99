"""Floor: a Streamlit page that writes nothing (the cost of one round trip through Streamlit itself)."""
