"""USB sticks and memory cards: which are plugged in, and noticing when one comes or goes.

``removable_drives`` is pure: it picks the removable, writable, mounted volumes out of a list of ``Volume``s.
``qt_volumes`` makes that list with ``QStorageInfo`` (on Windows only the drive letters ``GetDriveTypeW`` calls
removable are looked at, so a mapped network drive that is away is never asked for its size; on Linux and macOS
the mounts under ``/media``, ``/run/media`` or ``/Volumes`` are removable). ``DriveWatcher`` polls a volume
source every two seconds, on the CPU pool when given a ``TaskRunner`` (a hung network mount must not freeze the
window), and says when the list changed; tests give it a fake source.
"""
from __future__ import annotations

import logging
import re
import string
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QObject, QTimer, Signal

from station_app.ui import operations as ops
from station_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

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
    drives = [Drive(v.root, _label(v), v.free_bytes, v.total_bytes)
              for v in volumes if v.removable and v.ready and not v.read_only]
    return sorted(drives, key=lambda d: d.root)


def is_removable_root(root: str, platform: str = sys.platform,
                      drive_type: Callable[[str], int] | None = None) -> bool:
    """Linux and macOS mount sticks under these folders; Windows asks the drive itself (``GetDriveTypeW``, or
    ``drive_type`` in tests)."""
    if platform.startswith("win"):
        return (drive_type or _windows_drive_type)(_windows_root(root)) == _DRIVE_REMOVABLE
    return root.startswith(REMOVABLE_ROOTS)


def windows_removable_roots(mask: int, drive_type: Callable[[str], int]) -> list[str]:
    """The roots (``"E:\\"``) of the drive letters set in ``mask`` (``GetLogicalDrives``: bit 0 is A:) whose
    ``drive_type`` is DRIVE_REMOVABLE: USB sticks and card readers, not fixed disks, CD drives or network shares."""
    roots = [f"{letter}:\\" for i, letter in enumerate(string.ascii_uppercase) if mask >> i & 1]
    return [root for root in roots if drive_type(root) == _DRIVE_REMOVABLE]


def _windows_root(root: str) -> str:
    """``E:/`` or ``E:`` as Qt writes it, to ``E:\\`` as GetDriveTypeW wants it (with the trailing backslash)."""
    root = root.replace("/", "\\")
    return root if root.endswith("\\") else root + "\\"


def _windows_drive_type(root: str) -> int:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return int(kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))


def qt_volumes() -> list[Volume]:
    """The mounted volumes from Qt (a few milliseconds: it reads the mount table and each volume's sizes)."""
    from PySide6.QtCore import QStorageInfo

    infos = ([QStorageInfo(root) for root in _windows_removable_roots()] if sys.platform.startswith("win")
             else QStorageInfo.mountedVolumes())
    volumes = []
    for info in infos:
        if not info.isValid():
            continue
        root = info.rootPath()
        volumes.append(Volume(root, info.displayName() or info.name(), is_removable_root(_slashed(root)),
                              info.isReady(), info.isReadOnly(), max(info.bytesAvailable(), 0),
                              max(info.bytesTotal(), 0)))
    return volumes


def _windows_removable_roots() -> list[str]:
    import ctypes

    return windows_removable_roots(int(ctypes.windll.kernel32.GetLogicalDrives()),  # type: ignore[attr-defined]
                                   _windows_drive_type)


def _slashed(root: str) -> str:
    return root if root.endswith(("/", "\\")) else root + "/"


def _label(volume: Volume) -> str:
    """The volume's label; a stick without one is named by its drive or folder, not by its whole root again (Qt on
    Windows gives the root "E:/" as an unlabelled stick's name, which read "USB E:/ (E:/)" under Wine)."""
    unnamed = not volume.label or volume.label.rstrip("/\\") == volume.root.rstrip("/\\")
    return _last_part(volume.root) if unnamed else volume.label


def _last_part(root: str) -> str:
    """The last part of a mount point or drive root, the same on every system: "E:" of "E:/" (Windows' own basename
    of "E:" is empty), "3A1F-22C0" of "/media/u/3A1F-22C0"."""
    return re.split(r"[/\\]", root.rstrip("/\\"))[-1] or root


def size_text(n: int) -> str:
    """Bytes for people: 1,5 GB, 700 MB (the language's decimal mark)."""
    for unit, size in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("KB", 1024)):
        if n >= size:
            return f"{QLocale().toString(n / size, 'f', 1)} {unit}"
    return f"{n} B"


class DriveWatcher(QObject):
    """Polls the volumes; ``changed`` when a removable drive is plugged in or pulled out (or its free space changed).

    ``plugged`` holds the drives that appeared at the last change (empty when one was pulled out). Without
    ``tasks`` the source is read at once on the calling thread (tests); with it, on the CPU pool, one read at a
    time.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None, source: Callable[[], Iterable[Volume]] = qt_volumes,
                 interval_ms: int = POLL_MS, tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self._source, self._tasks = source, tasks
        self._reading = False
        self.drives: list[Drive] = [] if tasks else removable_drives(source())
        self.plugged: list[Drive] = []
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def poll(self) -> None:
        """Read the volumes again (in the background if there is a runner)."""
        if self._tasks is None:
            self.update(list(self._source()))
            return
        if self._reading:
            return  # the last read has not come back (a slow network mount): do not pile up more
        self._reading = True
        self._tasks.run(ops.list_volumes(source=self._source), parent=self, on_done=self._read_done,
                        on_error=self._read_failed)

    def _read_done(self, volumes: list[Volume]) -> None:
        self._reading = False
        self.update(volumes)

    def _read_failed(self, exc: BaseException) -> None:
        self._reading = False
        log.warning("listing the drives failed: %s", type(exc).__name__)

    def update(self, volumes: Iterable[Volume]) -> None:
        """Take a fresh volume list; emit ``changed`` if the drives differ from the last ones."""
        drives = removable_drives(volumes)
        if drives == self.drives:
            return
        before = {d.root for d in self.drives}
        self.plugged = [d for d in drives if d.root not in before]
        self.drives = drives
        self.changed.emit()
