"""The machine's settings as one typed object, with explicit upgrade steps between versions.

Stored as JSON in the data folder. A newer field gets a default here and, when its meaning changes,
an upgrade step; unknown keys from a newer app are kept untouched in ``extra``.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Callable

CURRENT_VERSION = 2
SLIP_PRINTING = ("direct", "dialog", "pdf")  # print at once to the default printer, ask every time, only save


@dataclass
class Settings:
    version: int = CURRENT_VERSION
    language: str = "vi"  # "vi" or "en"
    idle_lock_minutes: int = 5  # 0 turns the idle lock off
    camera_id: str | None = None
    serial_port: str | None = None
    serial_baud: int = 9600
    scanner_mode: str = "keyboard"  # "keyboard", "serial" or "camera"
    printer_name: str | None = None
    slip_size: str = "a6"  # services.common.slip_pdf.LAYOUTS: "a6", "label_62x100" or "label_50x80"
    slip_printing: str = "direct"  # SLIP_PRINTING; without any printer a slip is saved as a PDF whatever it says
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(data.pop("extra"))
        return data


def _v1_to_v2(raw: dict[str, Any]) -> dict[str, Any]:
    # Version 1 kept the idle lock in seconds under "lock_after_s".
    seconds = raw.pop("lock_after_s", None)
    if seconds is not None:
        raw["idle_lock_minutes"] = max(0, round(int(seconds) / 60))
    return raw


UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


def settings_from_dict(raw: dict[str, Any]) -> Settings:
    """Upgrade step by step, then keep known fields (type-checked) and park the rest in ``extra``."""
    raw = dict(raw)
    version = int(raw.get("version", 1))
    while version < CURRENT_VERSION:
        raw = UPGRADES[version](raw)
        version += 1
    raw["version"] = max(version, CURRENT_VERSION)
    defaults = Settings()
    known = {f.name for f in fields(Settings)} - {"extra"}
    values: dict[str, Any] = {}
    for name in known:
        value = raw.pop(name, getattr(defaults, name))
        default = getattr(defaults, name)
        if default is not None and value is not None and not isinstance(value, type(default)):
            value = default
        values[name] = value
    if values["language"] not in ("vi", "en"):
        values["language"] = "vi"
    if values["slip_printing"] not in SLIP_PRINTING:
        values["slip_printing"] = "direct"
    values["idle_lock_minutes"] = min(max(int(values["idle_lock_minutes"]), 0), 240)
    return Settings(**values, extra=raw)
