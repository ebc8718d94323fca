"""Marks user-visible core strings for Qt's lupdate without importing Qt.

lupdate recognises ``QT_TRANSLATE_NOOP(context, text)`` in Python sources, so messages defined here land in
the ``.ts`` files; the UI translates them at display time with ``QCoreApplication.translate``. The source
language is Vietnamese, so the CLI can print them as they are.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text
