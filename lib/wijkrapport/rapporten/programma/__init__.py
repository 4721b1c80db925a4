"""The report of any programme (a YAML file plus tidy data): planning and views."""
