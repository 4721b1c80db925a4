"""One subpackage per report type: its planning, the views its notebooks call and its generated texts."""
