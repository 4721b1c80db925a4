"""Commands beside the report run: CBS StatLine import and scaffolding a new year."""
