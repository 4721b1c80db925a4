"""The wijkdocument, one per wijk: planning, views and plain-language texts."""
