"""wijkrapport: reproducible progress reports for Dutch neighbourhood programmes.

The package holds every computation behind the reports: loading and validating
the data in ``data/``, the indicator registry of a programme, the progress
engine (% ingelopen, trajectories, status), Dutch formatting, charts, tables,
rendering to HTML/PDF and the papermill runner.
"""

__version__ = "0.1.0"
