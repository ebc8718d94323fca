"""The quarantine kept within limits (docs/OFFICE.md, "Quarantine limits").

Every refused batch is copied to ``quarantine/`` and listed in ``office_quarantine``; junk uploads or a stick full
of junk files, under a registered station's code, a made-up one or none, would otherwise fill the disk and the
table. After each quarantine the office keeps at most ``files_per_station`` files and ``bytes_per_station`` bytes
per claimed station code, and ``files`` and ``bytes`` in all: the oldest go first (row, copy and reason note), and
are counted per registered station (``""`` for the rest) for the office window and the report. A row without a
copy (an upload refused unread) counts as a file of no bytes.

The limits can be changed in ``office.json``: ``"quarantine_limits": {"files_per_station": 100,
"mib_per_station": 1024, "files": 1000, "mib": 4096}`` (whole numbers from 1; anything else keeps the default).
"""
from __future__ import annotations

import json
import logging
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from station_app.persistence.office.database import OfficeConflictError
from station_app.persistence.office.quarantine import DroppedCount, HeldItem
from station_app.persistence.office.unit_of_work import OfficeUnitOfWork

if TYPE_CHECKING:
    from station_app.persistence.office.database import OfficeDatabase

log = logging.getLogger(__name__)
MIB = 2**20
QUARANTINE = "quarantine"
NOT_REGISTERED = ""  # the key of the dropped counts for codes no station is registered under, and for none


@dataclass(frozen=True)
class QuarantineLimits:
    files_per_station: int = 100
    bytes_per_station: int = 1024 * MIB  # 16 batches of the 64 MiB upload limit
    files: int = 1000
    bytes: int = 4096 * MIB


_SETTINGS = {"files_per_station": ("files_per_station", 1), "mib_per_station": ("bytes_per_station", MIB),
             "files": ("files", 1), "mib": ("bytes", MIB)}


def limits_of(folder: Path) -> QuarantineLimits:
    """The limits ``office.json`` sets, the default for any it does not set or sets wrong."""
    try:
        given = json.loads((Path(folder) / "office.json").read_text(encoding="utf-8")).get("quarantine_limits")
    except (OSError, ValueError, AttributeError):
        given = None
    chosen = {}
    for key, (name, unit) in _SETTINGS.items():
        value = given.get(key) if isinstance(given, dict) else None
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            chosen[name] = value * unit
    return QuarantineLimits(**chosen)


def keep_bounded(folder: Path, db: OfficeDatabase) -> int:
    """After a quarantine: the oldest batches dropped until the limits hold; how many were dropped."""
    limits, root = limits_of(folder), os.path.abspath(Path(folder) / QUARANTINE)
    for _attempt in range(3):  # PostgreSQL: another importer counted the same station's first drop meanwhile
        try:
            dropped = _drop_rows(db, root, limits)
            break
        except OfficeConflictError:
            continue
    else:
        return 0
    for item in dropped:
        _remove_copy(item.stored_path, root)
    if dropped:
        log.warning("quarantine over its limits: %d oldest dropped (ids %s)", len(dropped),
                    ",".join(str(i.id) for i in dropped[:20]))
    return len(dropped)


def dropped_counts(service) -> dict[str, DroppedCount]:  # noqa: ANN001 - OfficeService (no import cycle)
    """Station code (``""``: not registered, or none) → the quarantined batches dropped to keep the limits."""
    with OfficeUnitOfWork(service.db) as uow:
        return uow.quarantine.dropped()


def over_limits(items: list[HeldItem], sizes: dict[int, int], *, limits: QuarantineLimits) -> list[HeldItem]:
    """The items to drop, oldest first (``items`` is oldest first): per station code, then in all."""
    doomed: set[int] = set()
    by_code: dict[str | None, list[HeldItem]] = defaultdict(list)
    for item in items:
        by_code[item.station_code].append(item)
    for group in by_code.values():
        doomed |= _oldest_beyond(group, sizes, limits.files_per_station, limits.bytes_per_station)
    kept = [i for i in items if i.id not in doomed]
    doomed |= _oldest_beyond(kept, sizes, limits.files, limits.bytes)
    return [i for i in items if i.id in doomed]


def _oldest_beyond(items: list[HeldItem], sizes: dict[int, int], files: int, size: int) -> set[int]:
    count, total, doomed = len(items), sum(sizes[i.id] for i in items), set()
    for item in items:
        if count <= files and total <= size:
            break
        doomed.add(item.id)
        count, total = count - 1, total - sizes[item.id]
    return doomed


def _drop_rows(db: OfficeDatabase, root: str, limits: QuarantineLimits) -> list[HeldItem]:
    with OfficeUnitOfWork(db) as uow:
        store = uow.quarantine
        items = store.held()
        sizes = {i.id: _size(i.stored_path, root) for i in items}
        doomed = over_limits(items, sizes, limits=limits)
        if not doomed:
            return []
        registered = store.registered()
        dropped = [i for i in doomed if store.remove(i.id)]
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for item in dropped:
            key = item.station_code if item.station_code in registered else NOT_REGISTERED
            totals[key][0] += 1
            totals[key][1] += sizes[item.id]
        for key, (files, size) in sorted(totals.items()):
            store.count_dropped(key, files, size)
        return dropped


def _inside(stored_path: str | None, root: str) -> str | None:
    """The copy's path when it lies in the office's quarantine folder (nothing else is ever removed). By its
    written form: resolving links cost 0.2 s for 1,000 copies at every quarantine (measured), and the office
    writes these paths itself."""
    if not stored_path:
        return None
    path = os.path.abspath(stored_path)
    return path if path.startswith(root + os.sep) else None


def _size(stored_path: str | None, root: str) -> int:
    path = _inside(stored_path, root)
    try:
        return os.stat(path).st_size if path is not None else 0
    except OSError:
        return 0


def _remove_copy(stored_path: str | None, root: str) -> None:
    """The copy, its reason note, and its folder once empty."""
    path = _inside(stored_path, root)
    if path is None:
        return
    for one in (path, path + ".reason.txt"):
        try:
            os.remove(one)
        except FileNotFoundError:
            pass
        except OSError:
            log.warning("quarantine: a dropped copy could not be removed")
    parent = os.path.dirname(path)
    if parent != root:
        try:
            os.rmdir(parent)
        except OSError:
            pass  # not empty (another copy of the same moment) or already gone

