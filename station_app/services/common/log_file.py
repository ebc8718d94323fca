"""The rotating log file of a station's or an office's folder. Log records name ids and counts only, never
personal data."""
from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from station_app.core.errors import is_disk_full


class _LogFileHandler(logging.handlers.RotatingFileHandler):
    """The log file, silent when its disk is full: logging's own complaint is a traceback on stderr, in front of
    the one sentence that says the disk is full."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        if not is_disk_full(sys.exc_info()[1] or Exception()):
            super().handleError(record)


def setup_logging(data_dir: Path, verbose: bool = False) -> Path:
    """Rotating log in ``<data>/logs``. Log records name ids and counts only, never personal data."""
    log_dir = data_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / "station-app.log"
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        if Path(old.baseFilename) == log_file.resolve():
            break
        root.removeHandler(old)  # another data folder opened in this process: its log follows it
        old.close()
    else:
        handler = _LogFileHandler(log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return log_file
