"""Use cases. Each opens its own unit of work, returns plain dataclasses and raises typed errors."""
