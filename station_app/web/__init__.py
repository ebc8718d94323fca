"""The office's HTTP service: a thin FastAPI layer over ``services.office.upload`` (like ``ui`` over services)."""
