"""Reading and writing the machine's settings file; a damaged file falls back to defaults and is kept aside."""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from station_app.core.settings import Settings, settings_from_dict

log = logging.getLogger(__name__)
FILE_NAME = "settings.json"


class SettingsStore:
    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME

    def load(self) -> Settings:
        if not self.path.exists():
            return Settings()
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("settings is not an object")
            return settings_from_dict(raw)
        except (ValueError, OSError):
            broken = self.path.with_suffix(".broken.json")
            os.replace(self.path, broken)
            log.warning("settings file unreadable; defaults used, old file kept as %s", broken.name)
            return Settings()

    def save(self, settings: Settings) -> None:
        """Write atomically: a crash or a full disk never leaves half a file."""
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(settings.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, self.path)
