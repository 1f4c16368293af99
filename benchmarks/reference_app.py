"""Floor: the issue's reference page: 3 sliders, 3 metrics and a 500-point Plotly line chart from numpy.

The benchmark moves the first slider; every page of the app is compared with this page's numbers
from the same run.
"""

import numpy as np
import plotly.graph_objects as go
import streamlit as st

st.title("Reference page")
freq = st.slider("Frequency (Hz)", min_value=0.5, max_value=5.0, value=1.0, step=0.1, key="freq")
amp = st.slider("Amplitude", min_value=0.1, max_value=2.0, value=1.0, step=0.1, key="amp")
phase = st.slider("Phase (rad)", min_value=0.0, max_value=3.14, value=0.0, step=0.01, key="phase")

x = np.linspace(0.0, 2.0, 500)
y = amp * np.sin(2 * np.pi * freq * x + phase)

c1, c2, c3 = st.columns(3)
c1.metric("Peak", f"{y.max():.3f}")
c2.metric("Mean", f"{y.mean():.3f}")
c3.metric("RMS", f"{np.sqrt(np.mean(y ** 2)):.3f}")

fig = go.Figure(go.Scatter(x=x, y=y, mode="lines", name="signal"))
fig.update_layout(xaxis_title="Time (s)", yaxis_title="Signal", height=360, margin=dict(l=40, r=10, t=30, b=40))
st.plotly_chart(fig, key="chart")
