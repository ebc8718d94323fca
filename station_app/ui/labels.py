"""The words for values shown on many pages, translated at display time (context "labels")."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from station_app.core.model import VISIT_STATUS_LABELS, VisitStatus


def status_label(status: VisitStatus | str) -> str:
    """A visit's state, in the same words on the reception and exam queues, the lists and their filters."""
    return QCoreApplication.translate("labels", VISIT_STATUS_LABELS[VisitStatus(status)])
