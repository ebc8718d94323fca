"""USB sticks and memory cards: which are plugged in, and noticing when one comes or goes.

``removable_drives`` is pure: it picks the removable, writable, mounted volumes out of a list of ``Volume``s.
``qt_volumes`` makes that list from ``QStorageInfo.mountedVolumes()`` (on Windows a drive is removable when
``GetDriveTypeW`` says so; on Linux and macOS when it is mounted under ``/media``, ``/run/media`` or
``/Volumes``). ``DriveWatcher`` polls a volume source every two seconds and says when the list changed; tests
give it a fake source.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

POLL_MS = 2000
REMOVABLE_ROOTS = ("/media/", "/run/media/", "/Volumes/")
_DRIVE_REMOVABLE = 2  # GetDriveTypeW


@dataclass(frozen=True)
class Volume:
    """A mounted volume as the system reports it."""

    root: str
    label: str
    removable: bool
    ready: bool = True
    read_only: bool = False
    free_bytes: int = 0
    total_bytes: int = 0


@dataclass(frozen=True)
class Drive:
    """A removable drive the export can write to."""

    root: str
    label: str
    free_bytes: int
    total_bytes: int


def removable_drives(volumes: Iterable[Volume]) -> list[Drive]:
    """The removable volumes that are ready and writable, sorted by where they are mounted."""
    drives = [Drive(v.root, v.label or _last_part(v.root), v.free_bytes, v.total_bytes)
              for v in volumes if v.removable and v.ready and not v.read_only]
    return sorted(drives, key=lambda d: d.root)


def is_removable_root(root: str, platform: str = sys.platform) -> bool:
    """Linux and macOS mount sticks under these folders; Windows asks the drive itself."""
    if platform.startswith("win"):
        return _windows_drive_type(root) == _DRIVE_REMOVABLE
    return root.startswith(REMOVABLE_ROOTS)


def _windows_drive_type(root: str) -> int:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return int(kernel32.GetDriveTypeW(ctypes.c_wchar_p(root.replace("/", "\\"))))


def qt_volumes() -> list[Volume]:
    """The mounted volumes from Qt (a few milliseconds: it reads the mount table and each volume's sizes)."""
    from PySide6.QtCore import QStorageInfo

    volumes = []
    for info in QStorageInfo.mountedVolumes():
        if not info.isValid():
            continue
        root = info.rootPath()
        volumes.append(Volume(root, info.displayName() or info.name(), is_removable_root(_slashed(root)),
                              info.isReady(), info.isReadOnly(), max(info.bytesAvailable(), 0),
                              max(info.bytesTotal(), 0)))
    return volumes


def _slashed(root: str) -> str:
    return root if root.endswith(("/", "\\")) else root + "/"


def _last_part(root: str) -> str:
    return os.path.basename(root.rstrip("/\\")) or root


def size_text(n: int) -> str:
    """Bytes for people: 1,5 GB, 700 MB (Vietnamese decimal comma)."""
    for unit, size in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("KB", 1024)):
        if n >= size:
            return f"{n / size:.1f} {unit}".replace(".", ",")
    return f"{n} B"


class DriveWatcher(QObject):
    """Polls the volumes; ``changed`` when a removable drive is plugged in or pulled out.

    ``plugged`` holds the drives that appeared at the last change (empty when one was pulled out).
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None, source: Callable[[], Iterable[Volume]] = qt_volumes,
                 interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._source = source
        self.drives: list[Drive] = removable_drives(source())
        self.plugged: list[Drive] = []
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def poll(self) -> None:
        """Read the volumes again; emit ``changed`` if the set of drives (or their free space) differs."""
        drives = removable_drives(self._source())
        if drives == self.drives:
            return
        before = {d.root for d in self.drives}
        self.plugged = [d for d in drives if d.root not in before]
        self.drives = drives
        self.changed.emit()
