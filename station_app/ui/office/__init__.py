"""The office window (``station-app office``): stations, batches, importing, the report. See docs/OFFICE.md."""
