"""The receiving office's database (SQLite or PostgreSQL): opening and migrations, tables, the unit of work and its
repositories (store, chain decisions, quarantine, reads)."""
