"""The words and numbers shown on many pages, in the interface's language (words: translation context "labels";
numbers: the default QLocale, which ``ui.i18n.set_language`` sets: 1.234 and 12,5 in Vietnamese, 1,234 and 12.5 in
English). Printed lists and the CLI keep Vietnamese ``core.text``."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from station_app.core.model import VISIT_STATUS_LABELS, VisitStatus


def status_label(status: VisitStatus | str) -> str:
    """A visit's state, in the same words on the reception and exam queues, the lists and their filters."""
    return QCoreApplication.translate("labels", VISIT_STATUS_LABELS[VisitStatus(status)])


def number(n: int) -> str:
    """A count with the language's thousands separator."""
    return QLocale().toString(n)


def percent(rate: float) -> str:
    """A rate (0.125) as a percentage with one decimal: "12,5 %" in Vietnamese, "12.5 %" in English."""
    return f"{QLocale().toString(rate * 100, 'f', 1)} %"


def decimal(value: float) -> str:
    """A measured value as a nurse writes it: no trailing zeros, the language's decimal mark."""
    return f"{value:g}".replace(".", QLocale().decimalPoint())
