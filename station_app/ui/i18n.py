"""Interface language: Vietnamese is the source language; English comes from the bundled .qm file."""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from station_app.resources import resource, resources_dir

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
    if _load_qt_base(qt_base, language):
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


def _load_qt_base(translator: QTranslator, language: str) -> bool:
    """The texts of Qt's own dialogs (file, print, preview, message box buttons): ours where Qt ships none
    (Vietnamese: ``resources/translations/qtbase_vi.ts``), else the one Qt ships."""
    ours = resources_dir() / "translations" / f"qtbase_{language}.qm"
    if ours.is_file():
        return translator.load(str(ours))
    shipped = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return translator.load(QLocale(language), "qtbase", "_", shipped)
