"""The message layer: safe parsing, the release registry, schema validation and locations."""
