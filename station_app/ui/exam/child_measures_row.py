"""The vital-signs desk's extra row for the children's forms 6–13: arm and head circumference where the form asks
them, the ratings of temperature, pulse and breathing (proposed from the vital signs, which the nurse may change),
and the WHO z-scores worked out when the vital signs are saved. Hidden for every other form, so an adult's visit
takes no extra key. The vital-signs form owns it: it puts the inputs in its Enter order, checks them before its own
save and saves them right after (``services.station.pl01_child_measures``).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QWidget

from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.pl01 import FieldDefinition
from station_app.services.station.pl01_child_measures import ChildMeasures
from station_app.ui.exam import pl01_operations as ops
from station_app.ui.labels import decimal
from station_app.ui.widgets import RetranslatedMixin

# The row's own short names of the PL01 fields and their codes' labels (the definitions hold PL01's Vietnamese text)
LABELS = {
    "CHU_VI_VONG_CANH_TAY": QT_TRANSLATE_NOOP("ChildMeasuresRow", "Vòng cánh tay"),
    "VONG_DAU": QT_TRANSLATE_NOOP("ChildMeasuresRow", "Vòng đầu"),
    "DGDHST_NHIET_DO": QT_TRANSLATE_NOOP("ChildMeasuresRow", "Đánh giá nhiệt độ"),
    "DGDHST_MACH": QT_TRANSLATE_NOOP("ChildMeasuresRow", "Đánh giá mạch"),
    "DGDHST_NHIP_THO": QT_TRANSLATE_NOOP("ChildMeasuresRow", "Đánh giá nhịp thở"),
    "DG_VONG_DAU": QT_TRANSLATE_NOOP("ChildMeasuresRow", "Đánh giá vòng đầu"),
    "CHIEU_DAI_TUOI_SD": QT_TRANSLATE_NOOP("ChildMeasuresRow", "Chiều dài/tuổi"),
    "CHIEU_CAO_TUOI_SD": QT_TRANSLATE_NOOP("ChildMeasuresRow", "Chiều cao/tuổi"),
    "CAN_NANG_TUOI_SD": QT_TRANSLATE_NOOP("ChildMeasuresRow", "Cân nặng/tuổi"),
}
RATINGS = (QT_TRANSLATE_NOOP("ChildMeasuresRow", "Bình thường"), QT_TRANSLATE_NOOP("ChildMeasuresRow", "Không bình thường"),
           QT_TRANSLATE_NOOP("ChildMeasuresRow", "Sốt"), QT_TRANSLATE_NOOP("ChildMeasuresRow", "Hạ thân nhiệt"),
           QT_TRANSLATE_NOOP("ChildMeasuresRow", "Nhanh"), QT_TRANSLATE_NOOP("ChildMeasuresRow", "Thở nhanh"),
           QT_TRANSLATE_NOOP("ChildMeasuresRow", "Thở chậm"), QT_TRANSLATE_NOOP("ChildMeasuresRow", "Đầu to"),
           QT_TRANSLATE_NOOP("ChildMeasuresRow", "Đầu nhỏ"))
_NUMBER = QRegularExpression(r"^\d{0,3}([.,]\d{0,1})?$")
AUTO = ""  # the combo's first item: the rating the rules propose from the vital signs


class ChildMeasuresRow(RetranslatedMixin, QGroupBox):
    """``load(visit_id, draft)`` shows the row for a children's form (hidden otherwise); ``inputs()`` are its
    widgets in Enter order; ``problem()`` names a circumference outside its limits; ``save(...)`` stores it.
    Signals: ``stored()`` once saved, ``failed(object)`` with the error, ``edited()`` on the nurse's changes."""

    stored = Signal()
    failed = Signal(object)
    edited = Signal()  # the nurse typed or chose something (the desk's draft follows)

    def __init__(self, ctx: Any, tasks: Any, keys: QObject, parent: QWidget | None = None) -> None:
        """``keys`` filters the inputs' key events (the vital-signs form: Enter moves on)."""
        super().__init__(parent)
        self.ctx, self.tasks, self.keys = ctx, tasks, keys
        self.measures: ChildMeasures | None = None
        self.edits: dict[str, QLineEdit] = {}
        self.combos: dict[str, QComboBox] = {}
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(3, 1)  # the units beside their fields, the room to the right
        self.zscores = QLabel()
        self.zscores.setWordWrap(True)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Trẻ em: vòng cánh tay, vòng đầu, đánh giá dấu hiệu sinh tồn"))
        if self.measures is not None and self.measures.applies:
            self._loaded(self.measures, self.texts())  # the names and ratings in the new language
        self._show_zscores()

    # -- showing ---------------------------------------------------------------------------------------------

    def load(self, visit_id: str, draft: Mapping[str, Any] | None = None) -> None:
        self.measures = None
        self.tasks.run(ops.child_measures(self.ctx, visit_id=visit_id), parent=self,
                       on_done=lambda measures: self._loaded(measures, draft or {}))

    def _loaded(self, measures: ChildMeasures, draft: Mapping[str, Any]) -> None:
        self.measures = measures
        self._clear()
        self.setVisible(measures.applies)
        if not measures.applies:
            return
        row = 0
        for f in measures.typed_fields:
            edit = QLineEdit(str(draft.get(f.code, _shown(measures.stored.get(f.code, "")))))
            edit.setObjectName(f.code)
            edit.setValidator(QRegularExpressionValidator(_NUMBER, edit))
            edit.setMaximumWidth(90)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.textEdited.connect(lambda _t: self.edited.emit())
            self.edits[f.code] = edit
            row = self._add(row, f, edit, f.unit)
        for f in measures.rating_fields:
            combo = QComboBox()
            combo.setObjectName(f.code)
            proposed = measures.proposed.get(f.code)
            combo.addItem(self.tr("Theo sinh hiệu: {rating}").format(rating=_label(f, proposed))
                          if proposed else self.tr("Chưa đánh giá (chọn bằng mũi tên)"), AUTO)
            for code in f.codes or ():
                combo.addItem(f"{code.code} · {_tr(code.label)}", code.code)
            chosen = str(draft.get(f.code, measures.stored.get(f.code, AUTO)))
            if chosen == proposed:
                chosen = AUTO  # the rule's rating stays the rule's: it follows corrected vital signs
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.activated.connect(lambda _i: self.edited.emit())
            self.combos[f.code] = combo
            row = self._add(row, f, combo, "")
        self.grid.addWidget(self.zscores, row, 0, 1, 3)
        self._show_zscores()

    def _add(self, row: int, f: FieldDefinition, widget: QWidget, unit: str) -> int:
        widget.installEventFilter(self.keys)
        self.grid.addWidget(QLabel(_tr(LABELS.get(f.code, f.label))), row, 0)
        self.grid.addWidget(widget, row, 1)
        self.grid.addWidget(QLabel(unit), row, 2)
        return row + 1

    def _clear(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget()
            if widget is not None and widget is not self.zscores:
                widget.deleteLater()
        self.edits, self.combos = {}, {}

    def _show_zscores(self) -> None:
        m = self.measures
        if m is None or not m.zscore_fields:
            self.zscores.setText("")
            return
        parts = [f"{_tr(LABELS.get(f.code, f.label))}: {m.stored.get(f.code) or '–'}" for f in m.zscore_fields]
        self.zscores.setText(self.tr("Z-score theo WHO (tính khi lưu sinh hiệu): {values}").format(
            values=" · ".join(parts)))

    # -- the vital-signs form's side -------------------------------------------------------------------------

    def inputs(self) -> list[QWidget]:
        return [*self.edits.values(), *self.combos.values()] if self.isVisibleTo(self.parentWidget()) else []

    def texts(self) -> dict[str, str]:
        """What is typed and chosen, for the desk's draft."""
        return {**{c: e.text() for c, e in self.edits.items()}, **{c: str(b.currentData()) for c, b in
                                                                    self.combos.items()}}

    def problem(self) -> QLineEdit | None:
        """The first circumference its field refuses (outside its limits), or None."""
        if self.measures is None:
            return None
        for f in self.measures.typed_fields:
            text = self.edits[f.code].text().strip().replace(",", ".")
            if text and not f.accepts(text):
                return self.edits[f.code]
        return None

    def limits_text(self, edit: QLineEdit) -> str:
        f = next(f for f in self.measures.typed_fields if f.code == edit.objectName())  # type: ignore[union-attr]
        low, high = f.limits
        return self.tr("{field}: giá trị phải từ {low} đến {high} {unit}. Đo lại rồi nhập lại.").format(
            field=_tr(LABELS.get(f.code, f.label)), low=decimal(low), high=decimal(high), unit=f.unit)

    def save(self, user: Any, visit_id: str, reason: str | None) -> None:
        if self.measures is None or not self.measures.applies or self.measures.visit_id != visit_id:
            return
        typed = {c: e.text() for c, e in self.edits.items()}
        ratings = {c: str(b.currentData() or "") for c, b in self.combos.items()}
        self.tasks.run(ops.save_child_measures(self.ctx, user=user, visit_id=visit_id, typed=typed, ratings=ratings,
                                               reason=reason or None),
                       parent=self, on_done=self._saved, on_error=self.failed.emit)

    def _saved(self, measures: ChildMeasures) -> None:
        self._loaded(measures, {})
        self.stored.emit()


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChildMeasuresRow", text)


def _label(f: FieldDefinition, code: str | None) -> str:
    found = f.codes.label(code) if f.codes is not None and code else None
    return f"{code} · {_tr(found)}" if found else str(code or "")


def _shown(value: str) -> str:
    """A stored number as the nurse writes it (the language's decimal mark)."""
    try:
        return decimal(float(value)) if value else ""
    except ValueError:
        return value
