"""Pure computations of the reports' world: progress, regimes, measurements, wijken, meldingen, actieplannen."""
