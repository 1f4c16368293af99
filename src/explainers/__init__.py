"""Interactive explainers of integrated photonics, neuromorphic computing and AI compute."""
