"""Dialogs opened from the pages: each does one job and reports back by signal."""
