"""What the doctor's and the counselling forms share: a visit loaded with the draft left at the desk, shown once
both come back from the database lane, an amendment reason asked for once the visit is completed.

The texts stay in the forms (their ``tr()`` context is the form's class).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QWidget

from station_app.services.station.examination import Draft
from station_app.services.station.findings import DeskState
from station_app.ui.errors import report
from station_app.ui.exam import operations as ops
from station_app.ui.exam.drafts import DeskDraft
from station_app.ui.widgets import Retranslating, show_message


class FocusFollower(QObject):
    """Keeps the focused field of a scroll area's body in view: Enter, K and Tab move the focus without scrolling
    by themselves. Made with the area as parent, it is dropped with it."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self.area = area
        QApplication.instance().focusChanged.connect(self.follow)

    def follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        body = self.area.widget() if shiboken6.isValid(self.area) else None
        if new is not None and body is not None and body.isAncestorOf(new):
            self.area.ensureWidgetVisible(new, 0, 24)


def scrolling(body: QWidget) -> QScrollArea:
    """``body`` in a frameless scroll area that keeps the focused field in view (a desk taller than a
    1366×768 screen)."""
    area = QScrollArea()
    area.setWidget(body)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    FocusFollower(area)
    return area


class DeskForm(Retranslating):
    """A desk's form of the exam page: ``Form(ctx, tasks, user)`` then ``load(visit)``.

    A form makes ``title``, ``message``, ``amend_label``, ``amend_reason`` and ``drafts`` (``_desk_draft``) and
    implements ``_title``, ``_show_state``, ``draft_fields`` and ``_apply_draft``.
    """

    saved = Signal(str)  # the visit id, as the vitals form

    def __init__(self, ctx: Any, tasks: Any, user: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.user = ctx, tasks, user
        self.visit: Any = None
        self.state: DeskState | None = None

    def _desk_draft(self, desk: str) -> DeskDraft:
        """The form's draft at ``desk``; discarding it shows the visit again as it was saved."""
        return DeskDraft(self, self.ctx, self.tasks, self.user, desk, self.draft_fields, lambda: self.load(self.visit))

    def _save_row(self, *leading: QWidget) -> QHBoxLayout:
        """``leading`` buttons, then the amendment reason (shown once the visit is completed) and Save: the row
        every desk ends with. Makes ``amend_label``, ``amend_reason`` and ``save_button``."""
        self.amend_label = QLabel()
        self.amend_reason = QLineEdit()
        self.save_button = QPushButton()
        row = QHBoxLayout()
        for widget in leading:
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.amend_label)
        row.addWidget(self.amend_reason, 1)
        row.addWidget(self.save_button)
        return row

    # -- loading ---------------------------------------------------------------------------------------------

    def load(self, visit: Any) -> None:
        """Show ``visit`` (a registry VisitInfo), or its draft; its records are read on the database lane."""
        self.drafts.leave()
        self.visit, self.state = visit, None  # no save until this visit is on screen
        self.title.setText(self._title(visit))
        self.tasks.run(ops.load_desk(self.ctx, visit_id=visit.id, desk=self.drafts.desk), parent=self,
                       on_done=self._loaded)

    def _loaded(self, loaded: tuple[str, DeskState, Draft | None]) -> None:
        visit_id, state, draft = loaded
        if self.visit is None or visit_id != self.visit.id:
            return  # another visit was picked meanwhile
        self.state = state
        self._show_state(state)
        show_message(self.message, "")
        self._show_amendment(state.completed)
        if draft is not None and not self._apply_draft(draft.fields):
            draft = None
        self.drafts.offer(visit_id, draft)

    def _show_amendment(self, completed: bool) -> None:
        self.amend_label.setVisible(completed)
        self.amend_reason.setVisible(completed)

    def save_draft_now(self, wait: bool = False) -> None:
        """Write the pending draft at once (the page hidden or closing); ``wait`` blocks until it is stored."""
        self.drafts.save_now(wait)

    def _failed(self, exc: BaseException) -> None:
        report(self, self.message, exc)

    # -- what each desk shows --------------------------------------------------------------------------------

    def _title(self, visit: Any) -> str:
        raise NotImplementedError

    def _show_state(self, state: DeskState) -> None:
        """Show the visit's saved records (a draft, if any, is applied over them next)."""
        raise NotImplementedError

    def draft_fields(self) -> dict[str, object]:
        raise NotImplementedError

    def _apply_draft(self, fields: Mapping[str, Any]) -> bool:
        raise NotImplementedError
