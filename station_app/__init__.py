"""Exam station app for the free periodic health check-up campaign."""

__version__ = "0.2.0"  # the one place the version is written; pyproject.toml reads it from here
