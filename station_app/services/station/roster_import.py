"""Importing the commune's roster of residents from CSV or XLSX.

Columns are guessed from Vietnamese or English headers and the chosen mapping is remembered per header
signature (``roster_mappings.json`` in the data folder). Every row is validated; good rows go in by chunks,
matched to existing residents by ID number or insurance number; without them, residents sharing the row's
name, birth year and village are compared on every other fact (core.likeness): never merged when a known fact
disagrees, added as new and counted as possible duplicates when only name, year and village agree. Importing
the same (or an updated) file again finds the same people. Rejected rows go to a report CSV with the row number
and the reason; nothing is dropped silently. The whole import is one transaction: cancelling, or any error,
leaves the database as it was. Logs and the audit event carry counts only.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import collections
import itertools
import json
import logging
import os
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from station_app.core.chunks import chunks
from station_app.core.errors import ImportCancelledError, RosterFileError, StationError, ValidationError
from station_app.core.i18n import QT_TRANSLATE_NOOP
from station_app.core.ids import new_id
from station_app.core.likeness import Identity, Likeness, agreement, likeness
from station_app.core.model import AuditAction, RecordSource, Sex, TargetGroup
from station_app.core.names import clean_display_name, normalise_name
from station_app.core.roles import Permission, require
from station_app.persistence.bulk import bulk_mode
from station_app.persistence.database import Database
from station_app.persistence.residents import ResidentRepository
from station_app.persistence.tables import ResidentRow, RosterImportRow, utcnow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.resources import resource
from station_app.services.common.accounts import SignedInUser
from station_app.services.common.reference import communes
from station_app.services.station.registry import ResidentInput, insurance_keys, resident_identity, validate_resident

log = logging.getLogger(__name__)
CHUNK = 2000
EXACT_LOOK = 64  # residents holding a row's exact facts looked at for one the row leaves unchanged
MAPPINGS_FILE = "roster_mappings.json"
HEADER_SCAN_ROWS = 15  # title lines above the header row are common in exported lists
Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

# Fields a column may map to, and header spellings (normalised) that suggest them.
FIELD_GUESSES: dict[str, tuple[str, ...]] = {
    "full_name": ("ho va ten", "ho ten", "ten", "full name", "name", "ho va ten nguoi dan", "ten nguoi dan"),
    "birth_date": ("ngay sinh", "ngay thang nam sinh", "date of birth", "dob", "birth date", "ngay/thang/nam sinh"),
    "birth_year": ("nam sinh", "year of birth", "birth year"),
    "sex": ("gioi tinh", "gioi", "sex", "gender", "nam/nu"),
    "national_id": ("so cccd", "cccd", "so can cuoc", "can cuoc", "so dinh danh", "so dinh danh ca nhan",
                    "so cccd/dinh danh", "national id", "id number", "cccd/cmnd", "so cccd/cmnd"),
    "old_id_number": ("so cmnd", "cmnd", "so cmnd cu"),
    "insurance_number": ("so the bhyt", "the bhyt", "ma the bhyt", "bhyt", "ma so bhxh", "so bhxh",
                         "insurance", "insurance number", "health insurance"),
    "village": ("thon/ban", "thon", "ban", "thon ban", "thon, ban", "to dan pho", "thon/ban/to dan pho", "village"),
    "commune": ("xa", "xa/phuong", "phuong/xa", "commune"),
    "address": ("dia chi", "noi o", "noi thuong tru", "address"),
    "ethnic": ("dan toc", "ethnic", "ethnicity"),
    "target_groups": ("doi tuong", "nhom doi tuong", "target group", "target groups", "group"),
    "school": ("truong", "truong hoc", "school"),
    "school_class": ("lop", "class"),
    "phone": ("sdt", "so dien thoai", "dien thoai", "phone", "so dt"),
    "household_code": ("ma ho", "so ho", "ma ho gia dinh", "household"),
    "guardian_name": ("nguoi giam ho", "ho ten nguoi giam ho", "ho ten cha/me", "cha/me", "guardian"),
    "guardian_relation": ("quan he", "quan he voi nguoi giam ho", "relation"),
}

_GROUP_NAMES: tuple[tuple[str, TargetGroup], ...] = (
    ("can ngheo", TargetGroup.NEAR_POOR), ("ngheo", TargetGroup.POOR),
    ("cao tuoi", TargetGroup.ELDERLY), ("nct", TargetGroup.ELDERLY),
    ("khuyet tat", TargetGroup.DISABLED), ("nkt", TargetGroup.DISABLED),
    ("dan toc thieu so", TargetGroup.ETHNIC_MINORITY), ("dtts", TargetGroup.ETHNIC_MINORITY),
    ("duoi 6 tuoi", TargetGroup.CHILD_UNDER_6), ("tre em", TargetGroup.CHILD_UNDER_6),
    ("hoc sinh", TargetGroup.PUPIL), ("chinh sach", TargetGroup.POLICY), ("co cong", TargetGroup.POLICY),
    ("thuong binh", TargetGroup.POLICY), ("benh binh", TargetGroup.POLICY), ("liet si", TargetGroup.POLICY),
    ("khac", TargetGroup.OTHER),
)
_SEXES = {"nam": Sex.MALE, "male": Sex.MALE, "m": Sex.MALE, "trai": Sex.MALE,
          "nu": Sex.FEMALE, "female": Sex.FEMALE, "f": Sex.FEMALE, "gai": Sex.FEMALE,
          "khong ro": Sex.UNKNOWN, "": Sex.UNKNOWN}
_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%y", "%Y/%m/%d")


# -- mapping -----------------------------------------------------------------------------------------------------

@dataclass
class ColumnMapping:
    """Which column (by header text) feeds which field; unmapped columns are ignored."""

    columns: dict[str, str] = field(default_factory=dict)  # field -> header

    def to_json(self) -> str:
        return json.dumps({"columns": self.columns}, ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> ColumnMapping:
        raw = json.loads(text)
        columns = raw.get("columns", raw) if isinstance(raw, dict) else {}
        unknown = set(columns) - set(FIELD_GUESSES)
        if unknown:
            raise ValidationError(field=QT_TRANSLATE_NOOP("fields", "Ghép cột"),
                                  reason=QT_TRANSLATE_NOOP("errors", "có trường không biết: {names}").format(
                                      names=", ".join(sorted(unknown))))
        return cls({str(k): str(v) for k, v in columns.items()})


def header_signature(headers: Sequence[str]) -> str:
    """The same header row (whatever its marks or case) gives the same signature."""
    text = "|".join(normalise_name(h) for h in headers)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def guess_mapping(headers: Sequence[str]) -> ColumnMapping:
    columns: dict[str, str] = {}
    normalised = {h: normalise_name(h).strip(" :*") for h in headers if h}
    for field_name, guesses in FIELD_GUESSES.items():
        for header, norm in normalised.items():
            if header not in columns.values() and norm in guesses:
                columns[field_name] = header
                break
    return ColumnMapping(columns)


class MappingStore:
    """Mappings chosen before, per header signature, in ``roster_mappings.json`` (written atomically)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / MAPPINGS_FILE

    def _all(self) -> dict[str, dict]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return raw if isinstance(raw, dict) else {}
        except (OSError, ValueError):
            return {}

    def load(self, signature: str) -> ColumnMapping | None:
        entry = self._all().get(signature)
        return ColumnMapping(dict(entry["columns"])) if isinstance(entry, dict) and "columns" in entry else None

    def save(self, signature: str, mapping: ColumnMapping) -> None:
        entries = self._all()
        entries[signature] = {"columns": mapping.columns}
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(entries, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, self.path)


# -- reading files -----------------------------------------------------------------------------------------------

@dataclass
class RosterTable:
    headers: list[str]
    header_row: int  # 1-based line/row number of the header
    rows: Iterator[tuple[int, list[str]]]  # (1-based row number in the file, cells as text)
    total: int  # rows after the header (an estimate for XLSX)
    encoding: str | None = None


def decode_csv_bytes(data: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM) first; then Windows-1258, then Windows-1252 (older Excel exports)."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1258", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, encoding
    raise RosterFileError(path="", reason=QT_TRANSLATE_NOOP("errors", "không nhận ra bảng mã của tệp"))


def _looks_like_text(text: str) -> bool:
    """Sanity check of a single-byte decoding: few control characters."""
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\r\n\t")
    return controls <= len(text[:20000]) // 1000


def read_roster(path: Path) -> RosterTable:
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            return _read_xlsx(path)
        if suffix in (".csv", ".txt", ""):
            return _read_csv(path)
    except StationError:
        raise
    except (OSError, ValueError, KeyError, csv.Error) as exc:
        raise RosterFileError(path=str(path), reason=type(exc).__name__) from exc
    raise RosterFileError(path=str(path), reason=QT_TRANSLATE_NOOP("errors", "chỉ nhận tệp .csv hoặc .xlsx"))


def _read_csv(path: Path) -> RosterTable:
    try:
        text, encoding = decode_csv_bytes(path.read_bytes())
    except RosterFileError as exc:
        raise RosterFileError(path=str(path), reason=exc.data["reason"]) from None
    lines = list(csv.reader(io.StringIO(text), delimiter=_delimiter(text)))
    index = _header_index(lines[:HEADER_SCAN_ROWS])
    headers = [clean_display_name(h) for h in lines[index]] if lines else []
    body = ((n + 1, row) for n, row in enumerate(lines) if n > index)
    return RosterTable(headers, index + 1, body, max(0, len(lines) - index - 1), encoding)


def _delimiter(text: str) -> str:
    """The separator used most on the first lines (Excel writes ';' where the decimal mark is ',')."""
    head = "\n".join(text.splitlines()[:HEADER_SCAN_ROWS])
    return max(",;\t", key=head.count)


def _read_xlsx(path: Path) -> RosterTable:
    from openpyxl import load_workbook  # only when an XLSX is imported

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise RosterFileError(path=str(path), reason=QT_TRANSLATE_NOOP("errors", "tệp Excel bị hỏng")) from exc
    ws = wb.active
    rows = ws.iter_rows(values_only=True)
    head: list[list[str]] = []
    for row in rows:
        head.append([_cell_text(c) for c in row])
        if len(head) >= HEADER_SCAN_ROWS:
            break
    index = _header_index(head)
    headers = [clean_display_name(h) for h in head[index]] if head else []
    total = max(0, (ws.max_row or 0) - index - 1)

    def body() -> Iterator[tuple[int, list[str]]]:
        number = index + 1
        for cells in head[index + 1:]:
            number += 1
            yield number, cells
        for row in rows:
            number += 1
            yield number, [_cell_text(c) for c in row]
        wb.close()

    return RosterTable(headers, index + 1, body(), total, None)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _header_index(rows: Sequence[Sequence[str]]) -> int:
    """The first row in which at least two cells look like known headers (else the first non-empty row)."""
    known = {g for guesses in FIELD_GUESSES.values() for g in guesses}
    for i, row in enumerate(rows):
        if sum(1 for c in row if normalise_name(str(c)).strip(" :*") in known) >= 2:
            return i
    return next((i for i, row in enumerate(rows) if any(str(c).strip() for c in row)), 0)


# -- parsing one row ---------------------------------------------------------------------------------------------

class RowRejected(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def parse_date(text: str) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.split(" ")[0], fmt).date()
        except ValueError:
            continue
    raise RowRejected(f"Ngày sinh không đọc được: '{text}' (dùng dạng ngày/tháng/năm, ví dụ 02/04/1985)")


def parse_target_groups(text: str) -> tuple[TargetGroup, ...]:
    groups: list[TargetGroup] = []
    for part in re.split(r"[;,/+\n]", text):
        norm = normalise_name(part)
        if not norm:
            continue
        found = next((g for key, g in _GROUP_NAMES if key in norm), None)
        if found is None:
            raise RowRejected(f"Đối tượng không rõ: '{part.strip()}'")
        groups.append(found)
    return tuple(dict.fromkeys(groups))


@cache
def _ethnic_lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    with resource("reference", "ethnic_groups_vn.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            table[row["code"]] = row["code"]
            for name in [row["name_official"], *re.split(r"[;,/]", row.get("other_spellings") or "")]:
                if name.strip():
                    table[normalise_name(name)] = row["code"]
    return table


def parse_ethnic(text: str) -> str | None:
    norm = normalise_name(text)
    if not norm:
        return None
    norm = norm.removeprefix("dan toc ").strip()
    code = _ethnic_lookup().get(norm.zfill(2) if norm.isdigit() else norm)
    if code is None:
        raise RowRejected(f"Dân tộc không có trong danh mục: '{text.strip()}'")
    return code


@cache
def _commune_lookup() -> dict[str, str]:
    table = {}
    for c in communes():
        table[c.code] = c.code
        table[normalise_name(c.name)] = c.code
        table[normalise_name(c.name).removeprefix("xa ").removeprefix("phuong ")] = c.code
    return table


def _sex(text: str) -> Sex:
    sex = _SEXES.get(normalise_name(text))
    if sex is None:
        raise RowRejected(f"Giới tính không rõ: '{text.strip()}' (ghi Nam hoặc Nữ)")
    return sex


def row_to_input(values: dict[str, str], default_commune: str | None, *, today: dt.date) -> ResidentInput:
    """One roster row as a validated resident; RowRejected says why not, in Vietnamese."""
    get = lambda key: (values.get(key) or "").strip()  # noqa: E731
    date_text, year_text = get("birth_date"), get("birth_year")
    if re.fullmatch(r"\d{4}", date_text):  # only the year is known, written in the date column
        date_text, year_text = "", year_text or date_text
    birth_date = parse_date(date_text)
    birth_year = None
    if year_text:
        if not re.fullmatch(r"\d{4}", year_text):
            date = parse_date(year_text)  # some lists put the full date under "Năm sinh"
            birth_date, birth_year = birth_date or date, date.year if date else None
        else:
            birth_year = int(year_text)
    if birth_date and not birth_year:
        birth_year = birth_date.year
    commune = default_commune
    if get("commune"):
        commune = _commune_lookup().get(normalise_name(get("commune")).removeprefix("xa "))
        if commune is None:
            raise RowRejected(f"Xã/phường không có trong danh mục Lai Châu: '{get('commune')}'")
    data = ResidentInput(
        full_name=get("full_name"), sex=_sex(get("sex")), birth_year=birth_year, birth_date=birth_date,
        national_id=get("national_id") or None, old_id_number=get("old_id_number") or None,
        insurance_number=get("insurance_number") or None, ethnic_code=parse_ethnic(get("ethnic")),
        address=get("address") or None, commune_code=commune, village=get("village") or None,
        household_code=get("household_code") or None, phone=get("phone") or None, school=get("school") or None,
        school_class=get("school_class") or None, guardian_name=get("guardian_name") or None,
        guardian_relation=get("guardian_relation") or None,
        target_groups=parse_target_groups(get("target_groups")), source=RecordSource.ROSTER_IMPORT,
    )
    if data.guardian_name and not data.guardian_relation:
        data = replace(data, guardian_relation="người giám hộ")
    try:
        return validate_resident(data, today)
    except ValidationError as exc:
        raise RowRejected(f"{exc.data['field']}: {exc.data['reason']}") from None


# -- the import --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportReport:
    read: int
    imported_new: int
    updated: int
    unchanged: int
    rejected: int
    report_path: Path | None
    import_id: str
    seconds: float
    possible_duplicates: int = 0  # of the new ones: look like a resident already there, for a person to decide

    def summary(self) -> str:
        lines = [f"Đã đọc {self.read} dòng: thêm mới {self.imported_new}, cập nhật {self.updated}, "
                 f"không đổi {self.unchanged}, bị từ chối {self.rejected}."]
        if self.possible_duplicates:
            lines.append(f"Trong số người thêm mới, {self.possible_duplicates} người có thể trùng với người đã có "
                         "(cùng họ tên, năm sinh và thôn/bản): xem và quyết định ở Danh sách › Nghi trùng.")
        if self.report_path:
            lines.append(f"Danh sách dòng bị từ chối (kèm lý do): {self.report_path}")
        return "\n".join(lines)


@dataclass(frozen=True)
class RosterPreview:
    headers: tuple[str, ...]
    signature: str
    mapping: ColumnMapping
    remembered: bool
    sample: tuple[tuple[str, ...], ...]
    encoding: str | None


# Columns an import may fill on an existing resident (never erases: empty cells leave stored values alone).
_UPDATABLE = ("full_name", "birth_date", "sex", "national_id", "old_id_number", "insurance_number", "ethnic_code",
              "address", "commune_code", "village", "household_code", "phone", "school", "school_class",
              "guardian_name", "guardian_relation")


class RosterImportService:
    def __init__(self, db: Database, data_dir: Path, clock: Callable[[], dt.date] = dt.date.today) -> None:
        self._db, self._data_dir, self._today = db, data_dir, clock
        self.mappings = MappingStore(data_dir)

    def preview(self, path: Path, rows: int = 5) -> RosterPreview:
        """Headers, the mapping (remembered for this header row, or guessed) and a few rows to show."""
        table = read_roster(path)
        signature = header_signature(table.headers)
        remembered = self.mappings.load(signature)
        sample = []
        for _, cells in table.rows:
            sample.append(tuple(cells))
            if len(sample) >= rows:
                break
        return RosterPreview(tuple(table.headers), signature, remembered or guess_mapping(table.headers),
                             remembered is not None, tuple(sample), table.encoding)

    def import_file(self, user: SignedInUser | None, path: Path, *, mapping: ColumnMapping | None = None,
                    report_path: Path | None = None, default_commune: str | None = None,
                    progress: Progress | None = None, cancel: Cancel | None = None) -> ImportReport:
        """Import the roster in one transaction. ``user`` None is the system (command line).

        Raises ImportCancelledError when ``cancel()`` turns true (nothing is kept), RosterFileError for an
        unreadable file, ValidationError when the mapping lacks the name column.
        """
        if user is not None:
            require(user.role, Permission.IMPORT_ROSTER)
        started = time.perf_counter()
        path = Path(path)
        table = read_roster(path)
        signature = header_signature(table.headers)
        mapping = mapping or self.mappings.load(signature) or guess_mapping(table.headers)
        _check_mapping(mapping, table.headers)
        user_id = user.id if user else None
        run = _ImportRun(table, mapping, default_commune, self._today(), user_id, new_id())
        with bulk_mode(self._db), UnitOfWork(self._db) as uow:
            repo = uow.residents
            for chunk in _chunked(table.rows, CHUNK):
                if cancel and cancel():
                    log.info("roster import cancelled after %d rows; rolled back", run.read)
                    raise ImportCancelledError()
                run.chunk(repo, chunk)
                if progress:
                    progress(run.read, max(table.total, run.read))
            run.finish(repo)
            if cancel and cancel():
                raise ImportCancelledError()
            record = RosterImportRow(id=run.import_id, file_name=path.name[:300], file_sha256=_sha256(path),
                                     counts=run.counts(), imported_by=user_id)
            repo.add_roster_import(record)
            uow.audit(AuditAction.IMPORT, "roster_imports", record.id, user_id,
                      {**run.counts(), "source": "roster", "encoding": table.encoding or "xlsx"})
            uow.commit()
        self.mappings.save(signature, mapping)
        written = self._write_rejects(path, table.headers, run.rejects, report_path)
        log.info("roster import %s: %s", record.id, run.counts())
        return ImportReport(run.read, run.new, run.updated, run.unchanged, len(run.rejects), written, record.id,
                            time.perf_counter() - started, run.possible_duplicates)

    def _write_rejects(self, source: Path, headers: list[str], rejects: list[tuple[int, str, list[str]]],
                       target: Path | None) -> Path | None:
        if not rejects:
            return None
        if target is None:
            folder = self._data_dir / "roster_reports"
            folder.mkdir(exist_ok=True)
            target = folder / f"{source.stem}-tu-choi-{dt.datetime.now():%Y%m%d-%H%M%S}.csv"
        with Path(target).open("w", encoding="utf-8-sig", newline="") as fh:  # BOM: Excel opens it right
            writer = csv.writer(fh)
            writer.writerow(["Dòng", "Lý do", *headers])
            for number, reason, cells in rejects:
                writer.writerow([number, reason, *cells])
        return Path(target)


def _check_mapping(mapping: ColumnMapping, headers: list[str]) -> None:
    missing = [h for h in mapping.columns.values() if h not in headers]
    if missing:
        raise ValidationError(field=QT_TRANSLATE_NOOP("fields", "Ghép cột"),
                              reason=f"không có cột {', '.join(missing)} trong tệp")
    if "full_name" not in mapping.columns or not ({"birth_date", "birth_year"} & set(mapping.columns)):
        raise ValidationError(field=QT_TRANSLATE_NOOP("fields", "Ghép cột"), reason=QT_TRANSLATE_NOOP(
            "errors", "cần chọn cột Họ và tên và cột Ngày sinh hoặc Năm sinh"))


def _chunked(rows: Iterator[tuple[int, list[str]]], size: int) -> Iterator[list[tuple[int, list[str]]]]:
    return chunks((item for item in rows if any(c.strip() for c in item[1])), size)  # blank lines are not rows


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


PersonKey = tuple[str, int, str]


def _person_key(person: ResidentInput | ResidentRow) -> PersonKey:
    """Name, birth year and village: records sharing them are compared fact by fact (core.likeness); records
    that do not are two people."""
    name = person.name_norm if isinstance(person, ResidentRow) else normalise_name(person.full_name)
    return name, person.birth_year or 0, normalise_name(person.village or "")


GoodRow = tuple[int, list[str], ResidentInput, PersonKey]  # (row number, cells, the validated row, its key)


@dataclass
class _Writes:
    """What one chunk writes: new residents and their groups, changed residents and their added groups."""

    inserts: list[dict] = field(default_factory=list)
    groups: list[dict] = field(default_factory=list)
    updates: list[tuple[str, dict]] = field(default_factory=list)
    extra_groups: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)

    def flush(self, repo: ResidentRepository) -> None:
        repo.insert_many(self.inserts, self.groups)
        repo.update_many(self.updates)
        repo.add_groups(self.extra_groups)
        repo.link_roster_rows(self.links)
        repo.forget()


class _ImportRun:
    """State of one import: counts, rejects, which residents the file's rows have taken so far.

    A resident is taken by at most one row of a file, so two rows are never one resident, and a row never
    matches a resident another row of the same file created. Rows matched by ID or insurance number, rows
    placed on a resident by an earlier import (the same values, linked by their hash), or rows holding exactly
    a resident's facts, are placed as they are read; rows that are only SAME as a resident (core.likeness:
    facts missing on one side) wait until the whole file is read, so a row further down that holds exactly
    that resident's facts takes it first. Every placed row is linked to its resident, so importing the same
    file again finds everybody where they were, whatever ties the namesakes' facts leave.
    """

    def __init__(self, table: RosterTable, mapping: ColumnMapping, default_commune: str | None, today: dt.date,
                 user_id: str | None, import_id: str) -> None:
        self.import_id = import_id
        self._index = {f: table.headers.index(h) for f, h in mapping.columns.items()}
        self._commune, self._today, self._user = default_commune, today, user_id
        self.read = self.new = self.updated = self.unchanged = self.possible_duplicates = 0
        self.rejects: list[tuple[int, str, list[str]]] = []
        self._seen: dict[tuple[str, str], int] = {}  # ID or insurance key of a row of this file -> its row number
        self._taken: dict[str, int] = {}  # resident id -> the row number that took it in this import
        self._waiting: list[GoodRow] = []
        self._now = utcnow()

    def counts(self) -> dict[str, int]:
        return {"read": self.read, "new": self.new, "updated": self.updated, "unchanged": self.unchanged,
                "possible_duplicates": self.possible_duplicates, "rejected": len(self.rejects)}

    def chunk(self, repo: ResidentRepository, rows: list[tuple[int, list[str]]]) -> None:
        good: list[GoodRow] = []
        for number, cells in rows:
            self.read += 1
            values = {f: (cells[i] if i < len(cells) else "") for f, i in self._index.items()}
            try:
                data = row_to_input(values, self._commune, today=self._today)
                self._check_repeat(number, data)
            except RowRejected as exc:
                self.rejects.append((number, exc.reason, cells))
                continue
            good.append((number, cells, data, _person_key(data)))
        self._now = utcnow()
        links = repo.roster_links([_row_hash(d) for _, _, d, _ in good])
        index, writes = _ExistingIndex(_existing(repo, good, links), self._taken, links), _Writes()
        for item in good:
            self._place(item, index, writes)
        writes.flush(repo)

    def finish(self, repo: ResidentRepository) -> None:
        """Place the rows that waited: each takes the closest resident still free, or is added as new."""
        waiting, self._waiting = self._waiting, []
        for part in chunks(iter(waiting), CHUNK):
            index, writes = _ExistingIndex(_existing(repo, part), self._taken), _Writes()
            for number, _, data, key in part:
                person = resident_identity(data)
                same = [((agreement(person, index.identity(r)), _changes(r, data) == ({}, set())), r)
                        for r in index.free(key) if likeness(person, index.identity(r)) is Likeness.SAME]
                best = max((score for score, _ in same), default=None)
                closest = [r for score, r in same if score == best]
                if len(closest) == 1:
                    self._match(number, data, closest[0], writes)
                else:  # none left, or two equally close: a person decides
                    self._add(number, data, key, writes, index, possible_duplicate=True)
            writes.flush(repo)

    def _place(self, item: GoodRow, index: _ExistingIndex, writes: _Writes) -> None:
        number, cells, data, key = item
        row = index.by_number(data)
        if row is not None:
            if row.id in self._taken:
                self.rejects.append((number, f"Trùng với dòng {self._taken[row.id]} của cùng tệp", cells))
            elif data.national_id and row.national_id and row.national_id != data.national_id:
                self.rejects.append((number, "Số CCCD khác với người dân đã có cùng số thẻ BHYT", cells))
            else:
                self._match(number, data, row, writes)
            return
        person = resident_identity(data)
        row = index.linked(_row_hash(data), person)
        if row is not None:
            self._match(number, data, row, writes)
            return
        exact = index.exact(key, person)
        first = next(exact, None)
        if first is not None:  # the one this row leaves as it is, when two residents hold the same facts
            unchanged = (r for r in itertools.chain((first,), exact) if _changes(r, data) == ({}, set()))
            self._match(number, data, next(unchanged, first), writes)
        elif any(likeness(person, index.identity(r)) is Likeness.SAME for r in index.free(key)):
            self._waiting.append(item)
        else:
            self._add(number, data, key, writes, index)

    def _match(self, number: int, data: ResidentInput, row: ResidentRow, writes: _Writes) -> None:
        self._taken[row.id] = number
        writes.links.append(self._link(data, row.id))
        changed, missing_groups = _changes(row, data)
        if changed or missing_groups:
            writes.updates.append((row.id, {**changed, "updated_at": self._now, "updated_by": self._user}))
            writes.extra_groups.extend({"resident_id": row.id, "group": g} for g in sorted(missing_groups))
            self.updated += 1
        else:
            self.unchanged += 1

    def _add(self, number: int, data: ResidentInput, key: PersonKey, writes: _Writes, index: _ExistingIndex,
             possible_duplicate: bool = False) -> None:
        resident_id = new_id()
        writes.inserts.append(_insert_values(resident_id, data, key[0], self._now, self._user))
        writes.groups.extend({"resident_id": resident_id, "group": g.value} for g in data.target_groups)
        self._taken[resident_id] = number
        writes.links.append(self._link(data, resident_id))
        person = resident_identity(data)
        alike = possible_duplicate or index.may_be_someone(key, person)  # most keys hold nobody: nothing to compare
        index.added(key, person)
        self.new += 1
        self.possible_duplicates += alike

    def _link(self, data: ResidentInput, resident_id: str) -> dict:
        return {"row_hash": _row_hash(data), "resident_id": resident_id, "import_id": self.import_id,
                "linked_at": self._now}

    def _check_repeat(self, number: int, data: ResidentInput) -> None:
        """Two rows with one ID or insurance number are one person written twice: the second is rejected.
        Rows without them are never rejected for their name: many people share a name, a year and a village."""
        keys = [("id", data.national_id)] if data.national_id else []
        keys += [("card", k) for k in insurance_keys(data.insurance_number)[:1]]
        for key in keys:
            if key in self._seen:
                raise RowRejected(f"Trùng với dòng {self._seen[key]} của cùng tệp")
        for key in keys:
            self._seen[key] = number


def _existing(repo: ResidentRepository, good: Sequence[GoodRow],
              links: dict[str, list[str]] | None = None) -> list[ResidentRow]:
    return repo.keys_for_import([d.national_id for _, _, d, _ in good if d.national_id],
                                [k for _, _, d, _ in good for k in insurance_keys(d.insurance_number)],
                                [(key[0], key[1]) for _, _, _, key in good],
                                [i for ids in (links or {}).values() for i in ids])


def _row_hash(d: ResidentInput) -> str:
    """The row's values as read (whatever the file's encoding or format): the same row gives the same hash."""
    values = [str(getattr(d, column) or "") for column in _UPDATABLE]
    values += [str(d.birth_year or ""), ",".join(sorted(g.value for g in d.target_groups))]
    return hashlib.sha256("\x1f".join(values).encode("utf-8")).hexdigest()[:32]


class _ExistingIndex:
    """Residents that may match the rows of one chunk, by ID, by insurance number, by the links of earlier
    imports and by person key; plus the rows this chunk adds, to tell when a new row looks like one of them.

    Residents already taken by a row of this import are left out by person key, and whatever a row takes
    leaves the index (``taken`` is the import's own dict, filled as rows are placed): a roster of thousands
    of namesakes finds each row's resident without looking at those taken before it."""

    def __init__(self, rows: list[ResidentRow], taken: dict[str, int],
                 links: dict[str, list[str]] | None = None) -> None:
        self._taken = taken
        self.by_id = {r.national_id: r for r in rows if r.national_id}
        self.by_card: dict[str, ResidentRow] = {}
        self.by_person: dict[PersonKey, dict[str, ResidentRow]] = {}
        self._rows = {r.id: r for r in rows}
        self._links = {h: collections.deque(ids) for h, ids in (links or {}).items()}
        self._exact: dict[PersonKey, dict[Identity, collections.deque[ResidentRow]]] = {}
        self._people: dict[PersonKey, list[ResidentRow]] = {}
        self._distinct: dict[PersonKey, dict[Identity, None]] = {}  # each set of facts under a key once, in order
        self._identity: dict[str, Identity] = {}  # resident id -> its facts, worked out once per chunk
        for r in rows:
            if r.insurance_number:
                self.by_card.setdefault(r.insurance_number, r)
            self._people.setdefault(_person_key(r), []).append(r)
            if r.id not in taken:
                self.by_person.setdefault(_person_key(r), {})[r.id] = r

    def by_number(self, data: ResidentInput) -> ResidentRow | None:
        if data.national_id and data.national_id in self.by_id:
            return self.by_id[data.national_id]
        return next((self.by_card[k] for k in insurance_keys(data.insurance_number) if k in self.by_card), None)

    def free(self, key: PersonKey) -> list[ResidentRow]:
        """The residents under the key no row of this import has taken yet."""
        people = self.by_person.get(key, {})
        for resident_id in [i for i in people if i in self._taken]:  # taken since: by ID, link or likeness
            del people[resident_id]
        return list(people.values())

    def linked(self, row_hash: str, person: Identity) -> ResidentRow | None:
        """The resident an earlier import placed this very row on, if still free and not now another person
        (a nurse may have corrected a fact since); rows with one hash are one person's, so the queue is
        shared by the file's copies of the row and walked once."""
        queue = self._links.get(row_hash)
        while queue:
            row = self._rows.get(queue[0])
            if row is not None and row.id not in self._taken and \
                    likeness(person, self.identity(row)) is not Likeness.DIFFERENT:
                return row
            queue.popleft()
        return None

    def exact(self, key: PersonKey, person: Identity) -> Iterator[ResidentRow]:
        """Free residents under the key holding exactly these facts (grouped once per key and chunk; those
        taken meanwhile leave the front of their group as it is asked for, so each is passed over once)."""
        if key not in self._exact:
            groups: dict[Identity, collections.deque[ResidentRow]] = {}
            for r in self.free(key):
                groups.setdefault(self.identity(r), collections.deque()).append(r)
            self._exact[key] = groups
        group = self._exact[key].get(person) or collections.deque()
        while group and group[0].id in self._taken:
            group.popleft()
        return (r for r in itertools.islice(group, EXACT_LOOK) if r.id not in self._taken)

    def identity(self, row: ResidentRow) -> Identity:
        if row.id not in self._identity:
            self._identity[row.id] = resident_identity(row)
        return self._identity[row.id]

    def may_be_someone(self, key: PersonKey, person: Identity) -> bool:
        """Whether a resident, or a row added by this chunk, under the key may be this person (the facts do not
        tell them apart). Each distinct set of facts is compared once: 2,000 namesakes born on 365 days cost
        66,000 comparisons instead of 349,000."""
        distinct = self._distinct_of(key)
        return person in distinct or any(likeness(person, other) is not Likeness.DIFFERENT for other in distinct)

    def added(self, key: PersonKey, person: Identity) -> None:
        self._distinct_of(key)[person] = None

    def _distinct_of(self, key: PersonKey) -> dict[Identity, None]:
        if key not in self._distinct:
            self._distinct[key] = dict.fromkeys(map(self.identity, self._people.get(key, [])))
        return self._distinct[key]


def _insert_values(resident_id: str, d: ResidentInput, name_norm: str, now: dt.datetime, user_id: str | None) -> dict:
    return {
        "id": resident_id, "national_id": d.national_id, "old_id_number": d.old_id_number,
        "insurance_number": d.insurance_number, "full_name": d.full_name, "name_norm": name_norm,
        "birth_date": d.birth_date, "birth_year": d.birth_year, "sex": Sex(d.sex).value,
        "ethnic_code": d.ethnic_code, "address": d.address, "commune_code": d.commune_code, "village": d.village,
        "household_code": d.household_code, "phone": d.phone, "school": d.school, "school_class": d.school_class,
        "guardian_name": d.guardian_name, "guardian_relation": d.guardian_relation,
        "guardian_id_number": d.guardian_id_number, "guardian_phone": d.guardian_phone,
        "source": RecordSource.ROSTER_IMPORT.value, "merged_into_id": None, "version": 1,
        "created_at": now, "created_by": user_id, "updated_at": now, "updated_by": user_id,
    }


def _changes(row: ResidentRow, d: ResidentInput) -> tuple[dict, set[str]]:
    """The columns the row would change, and the target groups it would add."""
    return _changed_values(row, d), {g.value for g in d.target_groups} - {g.group for g in row.target_groups}


def _changed_values(row: ResidentRow, d: ResidentInput) -> dict:
    changed = {}
    for column in _UPDATABLE:
        value = getattr(d, column)
        if isinstance(value, Sex):
            value = None if value is Sex.UNKNOWN else value.value
        if value in (None, "") or getattr(row, column) == value:
            continue
        changed[column] = value
    if "full_name" in changed:
        changed["name_norm"] = normalise_name(changed["full_name"])
    if "birth_date" in changed:
        changed["birth_year"] = changed["birth_date"].year
    return changed
