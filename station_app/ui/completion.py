"""Suggestions that match as the resident search does: without marks or case, đ as d ("muong kim" finds
"Mường Kim"), anywhere in the text. Used by the editable combo boxes that pick a commune or a village."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QIdentityProxyModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QCompleter

from station_app.core.names import normalise_name

FOLDED_ROLE = Qt.ItemDataRole.UserRole + 101


class FoldedTextModel(QIdentityProxyModel):
    """The source model as it is, plus each item's text folded by ``normalise_name`` under ``FOLDED_ROLE``."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == FOLDED_ROLE:
            return normalise_name(str(super().data(index, Qt.ItemDataRole.DisplayRole) or ""))
        return super().data(index, role)


class FoldedCompleter(QCompleter):
    """Matches the folded typed text inside the folded item texts; picking one puts the item's own text back."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setCompletionRole(FOLDED_ROLE)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)  # both sides are folded already
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt's name
        return [normalise_name(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802 - Qt's name
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class _SelectAllOnClick(QObject):
    """Clicking into the field selects its text, so what is typed replaces "Tất cả thôn/bản" instead of following
    it (Tab selects it already). Qt places the cursor once the focus has arrived: the selection waits for that.
    The focus coming back from the suggestions popup, between two keys, must not select anything."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.Type.FocusIn and isinstance(event, QFocusEvent) and isinstance(watched, QComboBox)
                and event.reason() == Qt.FocusReason.MouseFocusReason):
            field = watched.lineEdit()
            QTimer.singleShot(0, field, field.selectAll)
        return False


def fold_completion(combo: QComboBox) -> None:
    """Make ``combo`` typed into, suggesting its items (also those added later) by folded text."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = FoldedCompleter(combo)
    folded = FoldedTextModel(completer)
    folded.setSourceModel(combo.model())
    completer.setModel(folded)
    combo.setCompleter(completer)
    combo.installEventFilter(_SelectAllOnClick(combo))  # the combo takes the focus for its field


def folded_match(combo: QComboBox) -> int:
    """The item whose text is the typed text, or failing that the only item whose folded text contains it; -1
    when none or several do."""
    text = combo.currentText()
    exact = combo.findText(text)
    if exact >= 0 or not text.strip():
        return exact
    typed = normalise_name(text)
    found = [row for row in range(combo.count()) if typed in normalise_name(combo.itemText(row))]
    return found[0] if len(found) == 1 else -1
