"""Interface language: Vietnamese is the source language; English comes from the bundled .qm file."""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from station_app.resources import resource

log = logging.getLogger(__name__)
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
_installed: list[QTranslator] = []


def set_language(language: str) -> None:
    """Swap the application's translators; open widgets retranslate on the LanguageChange event."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_base = QTranslator(app)
    if qt_base.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    if language != "vi":
        ours = QTranslator(app)
        qm = resource("translations", f"station_app_{language}.qm")
        if ours.load(str(qm)):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("translation file for %s missing; showing Vietnamese", language)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English))
