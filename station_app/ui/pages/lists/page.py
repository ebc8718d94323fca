"""The coordinator's lists: the day's visits, who is not yet examined (village by village), referrals and
possible duplicates, on screen with filters, sorted by a click on a header, printed through the print preview
and saved as PDF, Excel or CSV (a USB stick first).

The page arranges the panels (``choice``: the list and its filters, ``preview``: the table and totals,
``actions``: print, save, follow up) around one table model. Every list is read on the CPU pool and written there
(``operations``); the GUI thread only swaps the finished list into the model.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from station_app.ui.errors import report
from station_app.ui.labels import number
from station_app.ui.pages.lists import operations as ops
from station_app.ui.pages.lists.actions import ListActionsPanel
from station_app.ui.pages.lists.choice import ListChoicePanel
from station_app.ui.pages.lists.preview import ListPreview
from station_app.ui.pages.lists.state import Allowed, ListChoice, Loading
from station_app.ui.table_models import ListTableModel
from station_app.ui.tasks import TaskRunner
from station_app.ui.widgets import Retranslating, heading, load_once, message_label, show_message

if TYPE_CHECKING:
    from station_app.services.common.accounts import SignedInUser
    from station_app.services.station.list_exports import AnyList
    from station_app.services.station.lists import ListKind
    from station_app.ui.context import StationContext


class ListsPage(Retranslating):
    """One list at a time: chosen above the table, filtered, loaded in the background, then printed or saved."""

    import_button: QPushButton | None = None
    roster_dialog: QDialog | None = None  # the open roster import dialog, if any

    def __init__(self, ctx: StationContext, tasks: TaskRunner, site_id: str, user: SignedInUser | None = None) -> None:
        super().__init__()
        self._ctx, self._tasks, self._user = ctx, tasks, user
        self.allowed = Allowed(user.role if user is not None else None)
        self.requests = Loading()  # results of an older request are dropped
        self._villages_loaded = False
        self.model = ListTableModel(self)
        self._reload = load_once(self, self.load)
        self._build(site_id)
        self.retranslate()
        self.choice.kind_chosen()

    @property
    def loading(self) -> bool:
        return self.requests.loading

    def _build(self, site_id: str) -> None:
        self.title = heading()
        if self.allowed.import_roster:  # others get no button
            self.import_button = QPushButton()
            self.import_button.clicked.connect(self.open_roster_import)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.message = message_label()
        self.choice = ListChoicePanel(self.hint, site_id)
        self.choice.changed.connect(self._reload.start)
        self.choice.kind_changed.connect(self._kind_changed)
        self.preview = ListPreview(self.model)
        self.preview.table.selectionModel().selectionChanged.connect(lambda *_: self.enable())
        self.actions = ListActionsPanel(self, self._ctx, self._tasks, self._user, self.allowed)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch()
        if self.import_button is not None:
            top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(top)
        layout.addWidget(self.choice)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.actions)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Danh sách"))
        if self.import_button is not None:
            self.import_button.setText(self.tr("Nhập danh sách người dân…"))
        self.model.retranslate()

    def choose(self, kind: ListKind) -> None:
        """Show ``kind``'s list (as picking it in the selector does)."""
        self.choice.choose(kind)

    def chosen(self) -> ListChoice:
        return self.choice.choice()

    def selected_row(self) -> Any:
        return self.preview.selected_row()

    def _kind_changed(self) -> None:
        self.actions.show_kind(self.choice.current_kind())
        self.preview.clear()
        self._reload.start()

    # -- loading ----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """The page was shown: load the village names once, and the list again (others may have changed it)."""
        if not self._villages_loaded:
            self._tasks.run(ops.villages(self._ctx), parent=self, on_done=self._show_villages)
        self._reload.start()

    def reload(self) -> None:
        self._reload.start()

    def _show_villages(self, names: list[str]) -> None:
        self._villages_loaded = True
        self.choice.show_villages(names)

    def load(self) -> None:
        """Read the chosen list with the filters in the background; the table shows it when it arrives."""
        generation, chosen = self.requests.start(), self.chosen()
        self.hint.setText(self.tr("Đang tải danh sách…"))
        show_message(self.message, "")
        self.enable()
        operation = ops.read_list(self._ctx, user=self._user, kind=chosen.kind, filters=chosen.filters(),
                                  hardest=chosen.hardest)
        self._tasks.run(operation, parent=self, on_done=lambda found: self._loaded(generation, found),
                        on_error=lambda exc: self._failed(generation, exc))

    def _loaded(self, generation: int, the_list: AnyList) -> None:
        if not self.requests.arrived(generation):
            return
        self.preview.show_list(the_list)
        self.hint.setText(self.tr("{n} dòng").format(n=number(len(the_list.rows))))
        self.enable()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if not self.requests.arrived(generation):
            return
        self.hint.setText("")
        self.enable()
        report(self, self.message, exc)

    def enable(self) -> None:
        ready = self.requests.ready(self.model.the_list is not None)
        self.actions.enable(ready, self.selected_row() is not None)

    # -- roster import (kept from the first version of this page) ---------------------------------------
    def open_roster_import(self) -> None:
        from station_app.ui.dialogs.roster_import import RosterImportDialog  # opened rarely: loaded on demand

        dialog = RosterImportDialog(self._ctx, self._tasks, self._user, parent=self)
        dialog.imported.connect(lambda _report: self._roster_changed())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "roster_dialog", None))
        self.roster_dialog = dialog
        dialog.open()

    def _roster_changed(self) -> None:
        self._villages_loaded = False
        self.choice.forget_villages()
        self.refresh()
