"""Helpers of the export batch tests (devkit.station): a whole synthetic visit through the real services, and an
office's keys."""
from __future__ import annotations

from devkit.station import VITALS, OfficeKeys, full_visit, make_doctor, office_keys
from devkit.station import open_mapped_visit as open_visit

__all__ = ["VITALS", "OfficeKeys", "full_visit", "make_doctor", "office_keys", "open_visit"]
