"""One module per source: read as published, validate, return tidy frames."""
