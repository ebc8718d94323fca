"""The receiving office's use cases: import, queries, report, quarantine, chain decisions, TLS, uploads; ``service.OfficeService`` is its facade."""
