"""The edition per wijk- en dorpsraad: its wijken side by side, its stukken and the toezeggingen."""
