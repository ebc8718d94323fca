"""The receiving office's database (SQLite or PostgreSQL): tables, reads, chain decisions, quarantine."""
