"""Helpers the tests share (importable because pyproject puts tests/ on the path). The synthetic station itself
lives in devkit.station, shared with the benchmarks."""
from __future__ import annotations

from devkit.station import ADMIN_PASSWORD, CAMPAIGN_END, COMMUNE_MUONG_KIM, NURSE_PASSWORD, station_setup

__all__ = ["ADMIN_PASSWORD", "CAMPAIGN_END", "COMMUNE_MUONG_KIM", "NURSE_PASSWORD", "station_setup"]
