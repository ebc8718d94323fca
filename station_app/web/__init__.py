"""The office's HTTP service: a thin FastAPI layer over ``services.office_upload`` (like ``ui`` over services)."""
