"""Reading a file that came from outside (a USB stick, a shared folder, a file picked by mistake) within bounds."""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class FileTooLargeError(OSError):
    """The file's size is over the limit: it was not read."""


def _open_regular(path: Path, limit: int):  # noqa: ANN202 - a binary file object
    """``path`` opened without blocking, if it is a regular file of at most ``limit`` bytes (see below)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    fh = os.fdopen(fd, "rb")
    info = os.fstat(fh.fileno())
    if not stat.S_ISREG(info.st_mode):
        fh.close()
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    if info.st_size > limit:
        fh.close()
        raise FileTooLargeError(errno.EFBIG, "file too large", str(path))
    return fh


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (read with a cap of ``limit`` + 1, so a file that grew
    meanwhile shows as longer than ``limit``). A larger file raises ``FileTooLargeError`` unread; a FIFO, a device, a
    folder or a link to one raises ``OSError``: it is opened without blocking and never read, so a FIFO or
    ``/dev/zero`` named like a batch on a hostile stick neither hangs the reader nor fills its memory."""
    with _open_regular(path, limit) as fh:
        return fh.read(limit + 1)


def copy_regular_file(path: Path, target: Path, *, limit: int) -> None:
    """A copy of a regular file of at most ``limit`` bytes, never overwriting ``target``; the same refusals as
    ``read_regular_file`` (a link to ``/dev/zero`` copied without them filled the office's disk), and a file that
    grows past ``limit`` while it is copied leaves no copy."""
    with _open_regular(path, limit) as fh, open(target, "xb") as out:
        copied = 0
        while chunk := fh.read(1 << 20):
            copied += len(chunk)
            if copied > limit:
                break
            out.write(chunk)
    if copied > limit:
        target.unlink(missing_ok=True)
        raise FileTooLargeError(errno.EFBIG, "file grew too large", str(path))


def files_named(folder: Path, suffix: str) -> list[Path]:
    """The files in ``folder`` (not below it) whose name ends with ``suffix``, sorted: what the user's stick or folder
    holds of one kind. Listed with ``iterdir`` rather than ``glob``: under Wine, ``Path("E:\\").glob(…)`` on a drive's
    root (a USB stick chosen as it is) fails with "file not found" while listing the same folder works."""
    return sorted(p for p in folder.iterdir() if p.name.endswith(suffix))
