"""Exam station app for the free periodic health check-up campaign."""
from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("station-app")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.1.0"
