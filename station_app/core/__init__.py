"""Pure domain code: no Qt, no SQLAlchemy, no I/O libraries (a test checks the imports)."""
