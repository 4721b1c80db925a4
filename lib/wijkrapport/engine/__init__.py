"""The run engine: executes report notebooks in worker processes and kernels, and publishes complete reports."""
