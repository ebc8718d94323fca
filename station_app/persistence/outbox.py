"""The change log (outbox) that export batches are made from, the batches made, and the reads an export needs.

Triggers (migration 0006) append to ``outbox`` in the same transaction as every insert, update or delete of a
resident, a visit or a part of a visit, whatever code path made it (the ORM, Core executemany, bulk imports).
Each row names one changed thing: ``resident`` (a resident's details or target groups), or a part of one visit
keyed by the visit's id: ``visit``, ``consent``, ``vitals`` (the measurement set), ``history``, ``findings`` (with
diagnoses), ``conclusion``, ``counselling``, ``answers`` (the visit's PL01 answers, triggers of migration 0009), ``signatures`` (examiners' signatures, migration 0010).
A thing changed again moves to a new, higher sequence (AUTOINCREMENT never reuses one), so the table holds one row
per thing and a batch takes every row above the last batch's ``covers_to``. A resident is logged only once they
have a visit (a roster import logs nothing): residents go upstream with their visits, and a visit's batch always
carries its resident.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, UniqueConstraint, delete, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from station_app.persistence.tables import (AnswerRow, Base, CampaignRow, ConclusionRow, ConsentRow,
                                            CounsellingNoteRow, ExportBatchRow, FindingRow, HistoryItemRow,
                                            MeasurementRow, RecordVersionRow, ResidentRow, ResidentTargetGroupRow,
                                            SignatureRow, SiteRow, UserRow, VisitRow)

CUT = "cut"  # written by an export after it has read the log: later changes land above it
KINDS = ("resident", "visit", "consent", "vitals", "history", "findings", "conclusion", "counselling", "answers",
         "signatures")
VISIT_PARTS = KINDS[2:]


class OutboxRow(Base):
    """One changed thing at the sequence of its latest change (written by triggers only)."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(20))
    ref_id: Mapped[str] = mapped_column(String(36))
    changed_at: Mapped[str] = mapped_column(String(32))  # UTC ISO 8601, set by SQLite
    __table_args__ = (UniqueConstraint("kind", "ref_id", name="uq_outbox_kind"), {"sqlite_autoincrement": True})


class ExportBatchFileRow(Base):
    """The exact bytes of a batch made, so a batch not yet acknowledged is written again byte for byte."""

    __tablename__ = "export_batch_files"
    batch_id: Mapped[str] = mapped_column(String(36), ForeignKey("export_batches.id"), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)


@dataclass(frozen=True)
class Change:
    seq: int
    kind: str
    ref_id: str
    changed_at: str


@dataclass
class VisitParts:
    """Everything of one visit that a batch may carry (rows, read in one transaction)."""

    visit: VisitRow
    consents: list[ConsentRow]
    measurements: list[MeasurementRow]
    history: list[HistoryItemRow]
    findings: list[FindingRow]
    conclusion: ConclusionRow | None
    counselling: list[CounsellingNoteRow]
    answers: list[AnswerRow] = field(default_factory=list)  # the visit's PL01 answers, by code and item
    signatures: list[SignatureRow] = field(default_factory=list)  # the newest signature of each part, oldest first


class OutboxRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def changes_after(self, seq: int) -> list[Change]:
        rows = self._s.execute(select(OutboxRow.seq, OutboxRow.kind, OutboxRow.ref_id, OutboxRow.changed_at)
                               .where(OutboxRow.seq > seq, OutboxRow.kind != CUT).order_by(OutboxRow.seq))
        return [Change(*r) for r in rows]

    def pending_summary(self, seq: int) -> tuple[int, str | None]:
        """How many things changed after ``seq`` and when the oldest of them changed."""
        count, oldest = self._s.execute(select(func.count(), func.min(OutboxRow.changed_at))
                                        .where(OutboxRow.seq > seq, OutboxRow.kind != CUT)).one()
        return count or 0, oldest

    def cut(self) -> None:
        """Mark the log as read: a thing changed after this moves above the cut even if it was the newest row.

        Without it, the triggers' shortcut (a thing already newest is not moved) would lose a change made
        between an export's reading and its record."""
        self._s.execute(delete(OutboxRow).where(OutboxRow.kind == CUT))
        self._s.add(OutboxRow(kind=CUT, ref_id=CUT, changed_at=""))
        self._s.flush()

    def batches(self, station_id: str) -> Sequence[ExportBatchRow]:
        return self._s.scalars(select(ExportBatchRow).where(ExportBatchRow.station_id == station_id)
                               .order_by(ExportBatchRow.sequence)).all()

    def last_batch(self, station_id: str) -> ExportBatchRow | None:
        return self._s.scalar(select(ExportBatchRow).where(ExportBatchRow.station_id == station_id)
                              .order_by(ExportBatchRow.sequence.desc()).limit(1))

    def batch(self, station_id: str, sequence: int) -> ExportBatchRow | None:
        return self._s.scalar(select(ExportBatchRow).where(ExportBatchRow.station_id == station_id,
                                                           ExportBatchRow.sequence == sequence))

    def add_batch(self, row: ExportBatchRow, content: bytes) -> None:
        self._s.add(row)
        self._s.flush()
        self._s.add(ExportBatchFileRow(batch_id=row.id, content=content))
        self._s.flush()

    def content(self, batch_id: str) -> bytes | None:
        return self._s.scalar(select(ExportBatchFileRow.content).where(ExportBatchFileRow.batch_id == batch_id))


class ExportReader:
    """Reads the rows a batch is made of, a few queries per kind of row, never one per visit."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def residents(self, ids: Iterable[str]) -> dict[str, ResidentRow]:
        return {r.id: r for r in self._in(ResidentRow, ResidentRow.id, ids)}

    def target_groups(self, resident_ids: Iterable[str]) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        for row in self._in(ResidentTargetGroupRow, ResidentTargetGroupRow.resident_id, resident_ids):
            groups.setdefault(row.resident_id, []).append(row.group)
        return groups

    def visits(self, ids: Iterable[str]) -> dict[str, VisitRow]:
        return {r.id: r for r in self._in(VisitRow, VisitRow.id, ids)}

    def visits_of_residents(self, resident_ids: Iterable[str]) -> list[VisitRow]:
        return list(self._in(VisitRow, VisitRow.resident_id, resident_ids))

    def visit_parts(self, visits: Iterable[VisitRow]) -> dict[str, VisitParts]:
        parts = {v.id: VisitParts(v, [], [], [], [], None, []) for v in visits}
        ids = list(parts)
        for attr, table in (("consents", ConsentRow), ("measurements", MeasurementRow), ("history", HistoryItemRow),
                            ("findings", FindingRow), ("counselling", CounsellingNoteRow), ("answers", AnswerRow)):
            for row in self._in(table, table.visit_id, ids):
                getattr(parts[row.visit_id], attr).append(row)
        for row in self._in(ConclusionRow, ConclusionRow.visit_id, ids):
            parts[row.visit_id].conclusion = row
        for p in parts.values():
            p.answers.sort(key=lambda a: (a.code, a.item))
        self._newest_signatures(parts)
        return parts

    def _newest_signatures(self, parts: dict[str, VisitParts]) -> None:
        """Each part's newest signature (an amended part signed again replaces the old one upstream)."""
        newest: dict[tuple[str, str], SignatureRow] = {}
        for row in self._in(SignatureRow, SignatureRow.visit_id, list(parts)):
            key = (row.visit_id, row.part)
            if key not in newest or (row.signed_at, row.id) > (newest[key].signed_at, newest[key].id):
                newest[key] = row
        for row in sorted(newest.values(), key=lambda r: (r.signed_at, r.id)):
            parts[row.visit_id].signatures.append(row)

    def sites(self, ids: Iterable[str]) -> dict[str, SiteRow]:
        return {r.id: r for r in self._in(SiteRow, SiteRow.id, ids)}

    def campaigns(self, ids: Iterable[str]) -> dict[str, CampaignRow]:
        return {r.id: r for r in self._in(CampaignRow, CampaignRow.id, ids)}

    def user_names(self, ids: Iterable[str | None]) -> dict[str, str]:
        wanted = {i for i in ids if i}
        return {r.id: r.full_name for r in self._in(UserRow, UserRow.id, wanted)}

    def amendment_reasons(self, visit_ids: Iterable[str]) -> dict[tuple[str, str, int], str]:
        """(entity, id, version replaced) → why, for the parts of these visits amended after completion; each
        reason is under the visit's id and under the record's own id."""
        ids = list(visit_ids)
        reasons: dict[tuple[str, str, int], str] = {}
        for chunk in _chunks(ids):
            rows = self._s.scalars(select(RecordVersionRow).where(
                RecordVersionRow.entity_id.in_(chunk) | RecordVersionRow.data["visit_id"].as_string().in_(chunk)))
            for row in rows:
                visit_id = row.entity_id if row.entity_id in chunk else str((row.data or {}).get("visit_id"))
                reasons[(row.entity, visit_id, row.version)] = row.reason or ""
                reasons[(row.entity, row.entity_id, row.version)] = row.reason or ""
        return reasons

    def _in(self, table: type, column: object, ids: Iterable[str]) -> list:
        found: list = []
        for chunk in _chunks(list(dict.fromkeys(ids))):
            found.extend(self._s.scalars(select(table).where(column.in_(chunk))).all())  # type: ignore[attr-defined]
        return found


def _chunks(ids: list[str], size: int = 500) -> Iterable[list[str]]:
    """SQLite limits the parameters of one statement; 500 ids keep far below it."""
    for start in range(0, len(ids), size):
        yield ids[start:start + size]
