"""The laboratory desk ("Xét nghiệm") of forms 1 and 2: a table of tests, one row each (service code, index code,
result, unit, description, conclusion), kept as answers (``services.station.pl01_laboratory``).

Keyboard first: Ctrl+N adds a row with its test's name focused; typing part of a common test's name (marks not
needed: "glu", "protein") shows the best match, and Enter takes it (service, index and unit filled) and moves to
the result. Enter moves on along the row (result, then description and conclusion) and from the last row's
conclusion saves; Ctrl+S saves too. Ctrl+Delete asks for a second Ctrl+Delete before a row goes. The capillary
glucose is measured at the vital-signs desk and shown here read-only, as the record's first laboratory row.
What is typed is kept as a draft and offered again; a completed visit needs a reason to change.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from station_app.core.pl01_laboratory import LabRow, LabTest, desk_tests, find_tests, test_of
from station_app.core.roles import Permission, can
from station_app.services.station.pl01_laboratory import LABORATORY_DESK, LabSheet
from station_app.ui.exam import pl01_operations as ops
from station_app.ui.exam.desk_form import DeskForm
from station_app.ui.widgets import heading, message_label, show_message

log = logging.getLogger(__name__)
_PARTS = ("name", "service", "index", "value", "unit", "description", "conclusion")
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_WIDTHS = {"service": 110, "index": 90, "value": 90, "unit": 80}  # codes and figures are short: the texts get the room


def _tr_lab(text: str) -> str:
    return QCoreApplication.translate("laboratory", text)


def _test_names() -> dict[str, str]:
    """Each common test's Vietnamese name with the name shown (type-ahead finds either)."""
    return {t.name: _tr_lab(t.name) for t in desk_tests()}


@dataclass
class RowEditors:
    """The inputs of one row of the table."""

    name: QLineEdit
    service: QLineEdit
    index: QLineEdit
    value: QLineEdit
    unit: QLineEdit
    description: QLineEdit
    conclusion: QLineEdit

    def edits(self) -> list[QLineEdit]:
        return [getattr(self, part) for part in _PARTS]

    def row(self) -> LabRow:
        return LabRow(self.service.text().strip(), self.index.text().strip(), self.value.text().strip(),
                      self.unit.text().strip(), self.description.text().strip(), self.conclusion.text().strip())

    def texts(self) -> dict[str, str]:
        return {part: getattr(self, part).text() for part in _PARTS}


class LaboratoryForm(DeskForm):
    """The laboratory tab of the exam page: ``LaboratoryForm(ctx, tasks, user)`` then ``load(visit)``;
    ``rows`` holds each row's inputs in the order shown. The exam page shows the tab only for a visit whose form
    has fields at the desk ``KIND`` (forms 1 and 2)."""

    KIND = "laboratory"

    def __init__(self, ctx: Any, tasks: Any, user: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, tasks, user, parent)
        self.rows: list[RowEditors] = []
        self.sheet: LabSheet | None = None
        self._removing: RowEditors | None = None  # the row a first Ctrl+Delete asked about
        self.may = user is not None and can(user.role, Permission.RECORD_VITALS)
        self._keys = {Qt.Key.Key_S: self.save, Qt.Key.Key_N: self.add_row}
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.title = heading(2)
        self.glucose = QLabel()
        self.glucose.setWordWrap(True)
        self.headers = [QLabel() for _part in _PARTS]
        self.grid = QGridLayout()
        for column, label in enumerate(self.headers):
            label.setObjectName("hint")
            self.grid.addWidget(label, 0, column)
        for column, stretch in ((0, 3), (5, 2), (6, 3)):
            self.grid.setColumnStretch(column, stretch)
        self.suggestion = QLabel()
        self.suggestion.setObjectName("hint")
        self.keys_hint = QLabel()
        self.keys_hint.setObjectName("hint")
        self.keys_hint.setWordWrap(True)
        self.add_button = QPushButton()
        buttons = self._save_row(self.add_button)
        self.message = message_label()
        self.drafts = self._desk_draft(LABORATORY_DESK)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.keys_hint)
        layout.addWidget(self.glucose)
        layout.addLayout(self.grid)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(self.drafts.row())
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_row)
        self.save_button.clicked.connect(self.save)
        for key, slot in (("Ctrl+N", self.add_row), ("Ctrl+S", self.save), ("Ctrl+Delete", self.remove_current)):
            shortcut = QShortcut(QKeySequence(key), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.amend_reason.textEdited.connect(lambda _t: self.drafts.changed())
        self._show_amendment(False)
        for w in (self.add_button, self.save_button):
            w.setEnabled(self.may)

    def retranslate(self) -> None:
        for label, text in zip(self.headers, (
                self.tr("Xét nghiệm"), self.tr("Mã dịch vụ"), self.tr("Mã chỉ số"), self.tr("Kết quả"),
                self.tr("Đơn vị"), self.tr("Mô tả"), self.tr("Kết luận")), strict=True):
            label.setText(text)
        self.keys_hint.setText(self.tr("Ctrl+N thêm dòng; gõ vài chữ của tên xét nghiệm rồi Enter để chọn; Enter sang ô "
                                       "sau; Ctrl+Delete hai lần để xoá dòng; Ctrl+S lưu."))
        self.add_button.setText(self.tr("Thêm dòng (Ctrl+N)"))
        self.save_button.setText(self.tr("Lưu xét nghiệm (Ctrl+S)"))
        self.amend_label.setText(self.tr("Lý do sửa:"))
        self.amend_reason.setPlaceholderText(self.tr("Lượt khám đã hoàn thành: ghi lý do sửa"))
        for editors in self.rows:
            editors.name.setPlaceholderText(self.tr("Gõ tên xét nghiệm, Enter để chọn"))
        self.drafts.retranslate()
        self._show_glucose()
        self._suggest()

    # -- loading ---------------------------------------------------------------------------------------------

    def _title(self, visit: Any) -> str:
        return self.tr("Xét nghiệm: {name} ({year})").format(name=visit.resident_name, year=visit.birth_year)

    def load(self, visit: Any) -> None:
        """Show ``visit``'s rows (or its draft), read on the database lane."""
        self.drafts.leave()
        self.visit, self.state, self.sheet = visit, None, None
        self.title.setText(self._title(visit))
        self.tasks.run(ops.load_laboratory(self.ctx, visit_id=visit.id, desk=self.drafts.desk), parent=self,
                       on_done=self._sheet_loaded)

    def _sheet_loaded(self, loaded: tuple[LabSheet, Any]) -> None:
        sheet, draft = loaded
        if self.visit is None or sheet.visit_id != self.visit.id:
            return  # another visit was picked meanwhile
        self._show_sheet(sheet)
        show_message(self.message, "")
        if draft is not None and not self._apply_draft(draft.fields):
            draft = None
        self.drafts.offer(sheet.visit_id, draft)
        self.first_field().setFocus()

    def _show_sheet(self, sheet: LabSheet) -> None:
        self.sheet = self.state = sheet  # type: ignore[assignment] - the desk's state: the visit is on screen
        self._show_amendment(sheet.completed)
        self._show_rows([_row_texts(r) for r in sheet.rows])
        self._show_glucose()
        for w in (self.add_button, self.save_button):
            w.setEnabled(self.may and sheet.applies)

    def _show_glucose(self) -> None:
        sheet = self.sheet
        if sheet is not None and not sheet.applies:
            text = self.tr("Mẫu khám của lượt này không có phần xét nghiệm.")
        elif sheet is None or sheet.glucose is None:
            text = self.tr("Đường huyết mao mạch: chưa đo (đo và ghi ở bàn sinh hiệu).")
        else:
            g = sheet.glucose
            text = self.tr("Đường huyết mao mạch (ghi ở bàn sinh hiệu): {value} {unit} · {description} · "
                           "{conclusion}").format(value=g.value.replace(".", self.locale().decimalPoint()),
                                                  unit=g.unit, description=_tr_lab(g.description),
                                                  conclusion=_tr_lab(g.conclusion))
        self.glucose.setText(text)

    def _show_rows(self, rows: list[Mapping[str, str]]) -> None:
        while self.rows:
            self._drop(self.rows[-1])
        for texts in rows:
            self._append(texts)
        if not self.rows and self.may:
            self._append({})  # a first empty row, ready for typing

    def first_field(self) -> QWidget:
        return self.rows[0].name if self.rows else self.add_button

    # -- rows ------------------------------------------------------------------------------------------------

    def add_row(self) -> None:
        """A new row at the end (or the last row, when it is still empty), its test's name focused."""
        if not self.may or (self.sheet is not None and not self.sheet.applies):
            return
        if not self.rows or not self.rows[-1].row().empty or self.rows[-1].name.text().strip():
            self._append({})
        self.rows[-1].name.setFocus()

    def _append(self, texts: Mapping[str, str]) -> RowEditors:
        edits = [QLineEdit(str(texts.get(part, ""))) for part in _PARTS]
        editors = RowEditors(*edits)
        line = len(self.rows) + 1
        for column, edit in enumerate(edits):
            edit.setObjectName(f"lab_{_PARTS[column]}")
            if _PARTS[column] in _WIDTHS:
                edit.setMaximumWidth(_WIDTHS[_PARTS[column]])
            else:
                edit.setMinimumWidth(140)
            edit.setEnabled(self.may)
            edit.installEventFilter(self)
            edit.textEdited.connect(lambda _t: self.drafts.changed())
            self.grid.addWidget(edit, line, column)
        editors.name.setPlaceholderText(self.tr("Gõ tên xét nghiệm, Enter để chọn"))
        editors.name.textEdited.connect(lambda _t: self._suggest())
        self.rows.append(editors)
        return editors

    def _drop(self, editors: RowEditors) -> None:
        for edit in editors.edits():
            self.grid.removeWidget(edit)
            edit.deleteLater()
        self.rows.remove(editors)

    def _regrid(self) -> None:
        for line, editors in enumerate(self.rows, 1):
            for column, edit in enumerate(editors.edits()):
                self.grid.addWidget(edit, line, column)

    def _row_of(self, widget: QWidget | None) -> RowEditors | None:
        return next((r for r in self.rows if widget in r.edits()), None)

    def remove_current(self) -> None:
        """Ctrl+Delete: the focused row goes after a second Ctrl+Delete (an empty row goes at once)."""
        editors = self._row_of(self.focusWidget())
        if editors is None:
            return
        number = self.rows.index(editors) + 1
        if editors.row().empty and not editors.name.text().strip() or self._removing is editors:
            self._removing = None
            self._drop(editors)
            self._regrid()
            self.drafts.changed()
            show_message(self.message, self.tr("Đã xoá dòng {row}. Bấm Lưu để ghi lại.").format(row=number), ok=True)
            target = self.rows[min(number - 1, len(self.rows) - 1)].name if self.rows else self.add_button
            target.setFocus()
            return
        self._removing = editors
        show_message(self.message, self.tr("Xoá dòng {row} ({name})? Bấm Ctrl+Delete lần nữa để xoá; phím khác để "
                                           "giữ lại.").format(row=number, name=_row_name(editors)))

    # -- type-ahead ------------------------------------------------------------------------------------------

    def _match(self, editors: RowEditors) -> LabTest | None:
        text = editors.name.text().strip()
        if not text:
            return None
        found = find_tests(text, _test_names())
        return found[0] if found else None

    def _suggest(self) -> None:
        editors = self._row_of(self.focusWidget())
        test = self._match(editors) if editors is not None and self.focusWidget() is editors.name else None
        self.suggestion.setText(self.tr("Gợi ý: {test} (Enter để chọn)").format(test=_tr_lab(test.name))
                                if test is not None and _tr_lab(test.name) != editors.name.text() else "")

    def _pick(self, editors: RowEditors) -> bool:
        """Enter on a test's name: the best match fills the row's codes and unit. False when nothing matches."""
        test = self._match(editors)
        if test is None:
            return False
        editors.name.setText(_tr_lab(test.name))
        editors.service.setText(test.service)
        editors.index.setText(test.index)
        editors.unit.setText(test.unit)
        self.suggestion.setText("")
        self.drafts.changed()
        return True

    # -- keys ------------------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            is_delete = (event.key() == Qt.Key.Key_Delete
                         and event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            if self._removing is not None and not is_delete and event.key() not in (
                    Qt.Key.Key_Control, Qt.Key.Key_Shift):
                self._removing = None
                show_message(self.message, "")
            if is_delete:  # a line edit takes Ctrl+Delete (delete a word) before any shortcut sees it
                self.remove_current()
                return True
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() in self._keys:
                self._keys[event.key()]()  # a key given back by the scanner filter reaches the field, not the shortcut
                return True
            if event.key() in _ENTER and isinstance(watched, QLineEdit):
                self.enter_pressed(watched)
                return True
        if event.type() == QEvent.Type.FocusIn:
            self._suggest()
        return super().eventFilter(watched, event)

    def enter_pressed(self, edit: QLineEdit) -> None:
        """Enter moves on along the row: a test picked by its name goes to its result; a test outside the list
        to its codes; the result to the unit when there is none, else to the description; the last row's
        conclusion saves."""
        editors = self._row_of(edit)
        if editors is None:
            return
        part = _PARTS[editors.edits().index(edit)]
        if part == "name":
            nxt = editors.value if self._pick(editors) else editors.service
        elif part == "value":
            nxt = editors.description if editors.unit.text().strip() else editors.unit
        elif part == "conclusion":
            following = self.rows.index(editors) + 1
            if following >= len(self.rows):
                self.save()
                return
            nxt = self.rows[following].name
        else:
            nxt = getattr(editors, _PARTS[_PARTS.index(part) + 1])
        nxt.setFocus()
        nxt.selectAll()

    # -- drafts ----------------------------------------------------------------------------------------------

    def draft_fields(self) -> dict[str, object]:
        return {"rows": [r.texts() for r in self.rows], "amend_reason": self.amend_reason.text()}

    def _apply_draft(self, fields: Mapping[str, Any]) -> bool:
        rows = fields.get("rows")
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            log.warning("laboratory draft of visit %s not readable", self.visit.id)
            return False
        self._show_rows(rows)
        self.amend_reason.setText(str(fields.get("amend_reason") or ""))
        return True

    # -- saving ----------------------------------------------------------------------------------------------

    def save(self) -> None:
        if self.visit is None or self.sheet is None or not self.may or not self.sheet.applies:
            return
        rows = [r.row() for r in self.rows]
        self.drafts.save_now()  # a refused save keeps the last keys too; a save that goes through removes it
        self.tasks.run(ops.save_laboratory(self.ctx, user=self.user, visit_id=self.visit.id, rows=rows,
                                           reason=self.amend_reason.text().strip() or None,
                                           draft_desk=LABORATORY_DESK),
                       parent=self, on_done=self._saved, on_error=self._failed)

    def _saved(self, sheet: LabSheet) -> None:
        self._show_sheet(sheet)
        self.amend_reason.clear()
        self.drafts.stored()
        show_message(self.message, self.tr("Đã lưu {count} dòng xét nghiệm.").format(count=len(sheet.rows)), ok=True)
        self.saved.emit(self.visit.id)


def _row_texts(row: LabRow) -> dict[str, str]:
    test = test_of(row.service, row.index)
    return {"name": _tr_lab(test.name) if test is not None else "", "service": row.service, "index": row.index,
            "value": row.value, "unit": row.unit, "description": row.description, "conclusion": row.conclusion}


def _row_name(editors: RowEditors) -> str:
    return editors.name.text().strip() or editors.index.text().strip() or editors.service.text().strip()
