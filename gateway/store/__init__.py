"""Storage: what the gateway keeps about parties, messages and the Wmo domain, in SQLite or PostgreSQL."""
