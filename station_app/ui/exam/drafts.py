"""A desk's form left half-filled is kept as a draft and offered again: the mechanics every desk shares.

A form owns one ``DeskDraft``, puts its ``note`` and ``discard_button`` in its layout (or ``row()``, both on a line)
and calls it at four points (the form's load operation, ``ui.exam.operations``, reads the draft left at ``desk``
with the visit's records):

- ``leave()`` when a visit starts loading (the pending draft of the visit on screen is written first);
- ``offer(visit_id, draft)`` once the visit (or its draft) is on screen: from then on edits are kept;
- ``changed()`` on every edit: the draft is written one second after the last one;
- ``save_now()`` before a save is sent (a refused save keeps the last keys), ``stored()`` once it went through.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from station_app.ui.exam import operations as ops

if TYPE_CHECKING:
    from station_app.services.station.examination import Draft
    from station_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
DRAFT_AFTER_MS = 1000


class DeskDraft(QObject):
    """The draft of one desk (``desk`` as in the drafts table) for the visit a form shows.

    ``fields()`` returns what the form holds as plain JSON values (read on the GUI thread when the draft is
    written); ``reopen()`` shows the visit again after the draft was discarded. Every method runs on the GUI
    thread; the draft is written and discarded on the database lane, and what comes back is dropped once the form
    is gone.
    """

    def __init__(self, form: QWidget, ctx: Any, tasks: TaskRunner, user: Any, desk: str,
                 fields: Callable[[], dict[str, object]], reopen: Callable[[], None]) -> None:
        super().__init__(form)
        self._form, self._ctx, self._tasks, self._user, self.desk = form, ctx, tasks, user, desk
        self._fields, self._reopen = fields, reopen
        self.visit_id: str | None = None  # None while a visit loads: the form filling itself is not typing
        self._saved_at: dt.datetime | None = None
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.discard_button = QPushButton()
        self.discard_button.clicked.connect(self.discard)
        self.discard_button.hide()
        self.note.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DRAFT_AFTER_MS)
        self._timer.timeout.connect(self._write)

    def row(self) -> QHBoxLayout:
        """The note and the discard button on a line of their own (a form with a crowded button row uses it)."""
        line = QHBoxLayout()
        line.addWidget(self.note, 1)
        line.addWidget(self.discard_button)
        return line

    def retranslate(self) -> None:
        self.discard_button.setText(self.tr("Bỏ bản nháp"))
        self.note.setText(self.tr("Đã mở lại phiếu đang nhập dở (lưu nháp lúc {time}).").format(
            time=_local_hhmm(self._saved_at)) if self._saved_at is not None else "")

    # -- the visit on screen ---------------------------------------------------------------------------------

    def leave(self) -> None:
        """Another visit (or the same one again) is being loaded: keep what was typed for the one on screen."""
        self.save_now()
        self.visit_id = None

    def offer(self, visit_id: str, draft: Draft | None) -> None:
        """The visit is on screen (with ``draft``'s values when there is one): say so, and keep edits from now."""
        self.visit_id = visit_id
        self._show(draft.saved_at if draft is not None else None)

    def stored(self) -> None:
        """The desk's record was saved (and the draft removed with it): the note goes."""
        self._show(None)

    def _show(self, saved_at: dt.datetime | None) -> None:
        self._saved_at = saved_at
        self.discard_button.setVisible(saved_at is not None)
        self.note.setVisible(saved_at is not None)  # no empty line under a form without a draft
        self.retranslate()

    # -- writing ---------------------------------------------------------------------------------------------

    def changed(self) -> None:
        """An edit: the draft is written one second after the last one."""
        if self.visit_id is not None:
            self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def save_now(self, wait: bool = False) -> None:
        """Write the pending draft at once (a save sent, another visit picked, the page hidden or closing).

        ``wait`` blocks until it is stored (a few ms, only when a draft was pending): the window may be closing,
        and the application may end right after.
        """
        if self._timer.isActive():
            self._timer.stop()
            self._write()
            if wait:
                self._tasks.wait(3000)

    def _write(self) -> None:
        if self.visit_id is None or self._user is None:
            return
        self._tasks.run(ops.save_draft(self._ctx, user=self._user, visit_id=self.visit_id, desk=self.desk,
                                       fields=self._fields()),
                        parent=self._form, on_error=lambda exc: log.warning("draft of desk %s not kept: %s",
                                                                            self.desk, type(exc).__name__))

    def discard(self) -> None:
        """Throw the draft away and show the visit as it was saved."""
        if self.visit_id is None:
            return
        self._timer.stop()
        self._tasks.run(ops.discard_draft(self._ctx, visit_id=self.visit_id, desk=self.desk), parent=self._form,
                        on_done=lambda _none: self._reopen())


def _local_hhmm(at: dt.datetime) -> str:
    """Drafts are stamped in UTC; the nurse reads the laptop's clock."""
    return at.replace(tzinfo=dt.UTC).astimezone().strftime("%H:%M")
