"""Plotly figure builders: model results in, `go.Figure` out. No Streamlit here."""
