"""The target groups as tick boxes, as the resident form and the opening of a visit show them."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox

from station_app.core.model import TARGET_GROUP_LABELS, TargetGroup


def target_group_boxes(box: QGroupBox, columns: int) -> dict[TargetGroup, QCheckBox]:
    """One tick box per target group, in ``columns`` columns inside ``box`` (titled by the dialog)."""
    ticks = {g: QCheckBox(QCoreApplication.translate("labels", TARGET_GROUP_LABELS[g])) for g in TargetGroup}
    grid = QGridLayout(box)
    for i, tick in enumerate(ticks.values()):
        grid.addWidget(tick, i // columns, i % columns)
    return ticks
