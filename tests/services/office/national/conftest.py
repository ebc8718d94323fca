"""The national link's tests share the stand-in hub and the office's client on loopback (tests/support/hub.py)."""
from support.hub import link  # noqa: F401 - the fixture
