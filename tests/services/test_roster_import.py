"""Roster import on a real station database, with synthetic residents only."""
import csv
import datetime as dt
import unicodedata

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from station_app.core.errors import ImportCancelledError, PermissionDeniedError, RosterFileError
from station_app.core.model import RecordSource, Sex, TargetGroup
from station_app.persistence.tables import ResidentRow, RosterImportRow
from station_app.persistence.unit_of_work import UnitOfWork, load_audit_chain
from station_app.services.roster_import import (
    ColumnMapping,
    RosterImportService,
    decode_csv_bytes,
    guess_mapping,
    header_signature,
    parse_target_groups,
)

HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Số thẻ BHYT", "Thôn/bản", "Dân tộc",
           "Đối tượng", "Trường", "Lớp", "SĐT"]
ROWS = [
    ["1", "Lò Văn Đức", "02/04/1958", "Nam", "012058000011", "", "Bản Nà Khương", "Thái", "Người cao tuổi; Hộ nghèo",
     "", "", "0912345678"],
    ["2", "Tòng Thị Hoa", "15/08/1990", "Nữ", "", "HC4010000000022", "Bản Nà Khương", "Thái", "Cận nghèo", "", "",
     ""],
    ["3", "Nguyễn Thị Hồng", "1985", "Nữ", "", "", "Bản Phiêng", "Kinh", "", "", "", ""],
    ["4", "Sùng A Páo", "03/09/2016", "Nam", "", "", "Bản Phiêng", "Mông", "Học sinh, Dân tộc thiểu số",
     "Trường Tiểu học Mường Kim", "4A", ""],
    ["5", "", "01/01/1970", "Nam", "", "", "Bản Phiêng", "Kinh", "", "", "", ""],
    ["6", "Lường Văn Sơn", "31/02/1970", "Nam", "", "", "Bản Phiêng", "Thái", "", "", "", ""],
    ["7", "Lò Thị Đào", "1975", "Nữ", "01207500001", "", "Bản Phiêng", "Thái", "", "", "", ""],
    ["8", "Hà Văn Tư", "1966", "Nam", "", "", "Bản Phiêng", "Thái", "Nhóm lạ", "", "", ""],
    ["9", "Lò Văn Đức (lặp)", "02/04/1958", "Nam", "012058000011", "", "Bản Nà Khương", "Thái", "", "", "", ""],
]
GOOD, BAD = 4, 5


def write_csv(path, rows=ROWS, encoding="utf-8", delimiter=","):
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(HEADERS)
        writer.writerows(rows)
    return path


def write_xlsx(path, rows=ROWS):
    wb = Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH NGƯỜI DÂN KHÁM SỨC KHỎE 2026"])  # a title line above the headers
    ws.append(HEADERS)
    for row in rows:
        values = list(row)
        if "/" in values[2]:
            d, m, y = values[2].split("/")
            try:
                values[2] = dt.datetime(int(y), int(m), int(d))
            except ValueError:
                pass
        elif values[2]:
            values[2] = int(values[2])
        ws.append(values)
    wb.save(path)
    return path


def encode_cp1258(text: str) -> bytes:
    """What a Vietnamese Windows export writes: precomposed where the code page has the letter, else the base
    letter and a combining tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        tones = "\u0300\u0301\u0303\u0309\u0323"
        parts = unicodedata.normalize("NFD", ch)
        letter = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out += (letter + "".join(c for c in parts if c in tones)).encode("cp1258")
    return bytes(out)


@pytest.fixture
def service(ctx, data_dir):
    return RosterImportService(ctx.db, data_dir, clock=lambda: dt.date(2026, 6, 1))


def _residents(ctx):
    with UnitOfWork(ctx.db) as uow:
        rows = {r.full_name: r for r in uow.session.scalars(select(ResidentRow))}
        uow.session.expunge_all()  # keep the loaded values readable after the session closes
        return rows


def _count(ctx):
    with UnitOfWork(ctx.db) as uow:
        return uow.session.scalar(select(func.count()).select_from(ResidentRow))


def _import(service, path, **kw):
    return service.import_file(None, path, default_commune="03637", **kw)


def test_a_utf8_csv_imports_good_rows_and_reports_the_rest(ctx, service, tmp_path):
    report = _import(service, write_csv(tmp_path / "ds.csv"))
    assert (report.read, report.imported_new, report.updated, report.unchanged, report.rejected) == (
        len(ROWS), GOOD, 0, 0, BAD)
    people = _residents(ctx)
    duc = people["Lò Văn Đức"]
    assert (duc.national_id, duc.birth_date, duc.sex, duc.ethnic_code, duc.village, duc.commune_code) == (
        "012058000011", dt.date(1958, 4, 2), Sex.MALE.value, "03", "Bản Nà Khương", "03637")
    assert {g.group for g in duc.target_groups} == {TargetGroup.ELDERLY.value, TargetGroup.POOR.value}
    assert duc.source == RecordSource.ROSTER_IMPORT.value
    pao = people["Sùng A Páo"]
    assert (pao.school, pao.school_class, pao.ethnic_code) == ("Trường Tiểu học Mường Kim", "4A", "08")
    assert {g.group for g in pao.target_groups} == {"pupil", "ethnic_minority"}
    assert people["Nguyễn Thị Hồng"].birth_year == 1985 and people["Nguyễn Thị Hồng"].birth_date is None
    with report.report_path.open(encoding="utf-8-sig", newline="") as fh:
        rejected = list(csv.reader(fh))
    assert rejected[0][:3] == ["Dòng", "Lý do", "STT"]
    reasons = {int(r[0]): r[1] for r in rejected[1:]}
    assert set(reasons) == {6, 7, 8, 9, 10}
    assert "Họ và tên" in reasons[6] and "Ngày sinh" in reasons[7] and "12 chữ số" in reasons[8]
    assert "Nhóm lạ" in reasons[9] and "dòng 2" in reasons[10]
    assert rejected[1][2:] == ROWS[4]  # the original values, as they were


def test_names_of_groups_are_understood():
    assert parse_target_groups("Người cao tuổi, Hộ nghèo; Khuyết tật") == (
        TargetGroup.ELDERLY, TargetGroup.POOR, TargetGroup.DISABLED)
    assert parse_target_groups("Hộ cận nghèo") == (TargetGroup.NEAR_POOR,)
    assert parse_target_groups("Trẻ em dưới 6 tuổi;Chính sách") == (TargetGroup.CHILD_UNDER_6, TargetGroup.POLICY)
    assert parse_target_groups("") == ()


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1258", "cp1252-safe"])
def test_bom_and_windows_encodings_are_read(ctx, service, tmp_path, encoding):
    rows = ROWS[:4]
    path = tmp_path / "ds.csv"
    if encoding == "cp1252-safe":  # a Western export that lost the marks: headers and names without them
        path.write_bytes("Ho va ten;Ngay sinh;Gioi tinh;So CCCD;Thon/ban\n"
                         "Lo Van Duc;02/04/1958;Nam;012058000011;Ban Na Khuong\n".encode("cp1252"))
        assert _import(service, path).imported_new == 1
        return
    if encoding == "cp1258":  # Windows-1258 writes most tone marks as combining characters
        text = ";".join(HEADERS) + "\n" + "\n".join(";".join(r) for r in rows) + "\n"
        path.write_bytes(encode_cp1258(text))
        assert decode_csv_bytes(path.read_bytes())[1] == "cp1258"
    else:
        write_csv(path, rows, encoding=encoding, delimiter=";")
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    report = _import(service, path)
    assert report.imported_new == 4 and report.rejected == 0
    assert {"Lò Văn Đức", "Tòng Thị Hoa", "Nguyễn Thị Hồng", "Sùng A Páo"} == set(_residents(ctx))


def test_an_xlsx_with_a_title_line_imports_like_the_csv(ctx, service, tmp_path):
    report = _import(service, write_xlsx(tmp_path / "ds.xlsx"))
    assert (report.imported_new, report.rejected) == (GOOD, BAD)
    assert _residents(ctx)["Lò Văn Đức"].birth_date == dt.date(1958, 4, 2)
    assert _residents(ctx)["Nguyễn Thị Hồng"].birth_year == 1985


def test_importing_again_makes_no_duplicates_and_updates_changes(ctx, service, tmp_path):
    path = write_csv(tmp_path / "ds.csv")
    _import(service, path)
    again = _import(service, path)
    assert (again.imported_new, again.updated, again.unchanged) == (0, 0, GOOD)
    assert _count(ctx) == GOOD
    changed = [list(r) for r in ROWS]
    changed[1][5] = "HC4010000000099"  # Hoa's new card: she is found by name, birth year and village
    changed[1][4] = "012190000022"  # and her ID number is now on the list
    changed[2][8] = "Khuyết tật"
    changed.append(["10", "Lò Thị Mai", "1999", "Nữ", "", "", "Bản Phiêng", "Thái", "", "", "", ""])
    third = _import(service, write_csv(tmp_path / "ds2.csv", changed))
    assert (third.imported_new, third.updated, third.unchanged) == (1, 2, GOOD - 2)
    people = _residents(ctx)
    assert people["Tòng Thị Hoa"].insurance_number == "HC4010000000099"
    assert people["Tòng Thị Hoa"].national_id == "012190000022" and people["Tòng Thị Hoa"].version == 2
    assert {g.group for g in people["Nguyễn Thị Hồng"].target_groups} == {"disabled"}
    assert _count(ctx) == GOOD + 1


def test_cancelling_leaves_the_database_as_it_was(ctx, service, tmp_path, monkeypatch):
    monkeypatch.setattr("station_app.services.roster_import.CHUNK", 2)
    before = _count(ctx)
    with UnitOfWork(ctx.db) as uow:
        events_before = len(load_audit_chain(uow.session)[0])
    seen = []

    def cancel():
        return len(seen) >= 2  # after two chunks were written inside the transaction

    with pytest.raises(ImportCancelledError):
        _import(service, write_csv(tmp_path / "ds.csv"), progress=lambda d, t: seen.append((d, t)), cancel=cancel)
    assert seen[:2] == [(2, len(ROWS)), (4, len(ROWS))]
    assert _count(ctx) == before
    with UnitOfWork(ctx.db) as uow:
        assert len(load_audit_chain(uow.session)[0]) == events_before
        assert uow.session.scalar(select(func.count()).select_from(RosterImportRow)) == 0
    assert ctx.audit.verify().ok


def test_one_audit_event_per_import_with_counts_only(ctx, service, tmp_path):
    report = _import(service, write_csv(tmp_path / "ds.csv"))
    with UnitOfWork(ctx.db) as uow:
        event = load_audit_chain(uow.session)[0][-1]
    assert (event.action, event.entity, event.entity_id, event.user_id) == ("import", "roster_imports",
                                                                            report.import_id, None)
    assert event.details["new"] == GOOD and event.details["rejected"] == BAD
    assert "Đức" not in str(event.details) and "012058000011" not in str(event.details)
    assert ctx.audit.verify().ok


def test_the_mapping_is_guessed_saved_and_reused(ctx, service, tmp_path, data_dir):
    mapping = guess_mapping(HEADERS)
    assert mapping.columns["full_name"] == "Họ và tên" and mapping.columns["national_id"] == "Số CCCD"
    assert mapping.columns["village"] == "Thôn/bản" and mapping.columns["phone"] == "SĐT"
    assert "STT" not in mapping.columns.values()
    odd = ["Tên người dân", "Sinh ngày", "Phái", "Thôn"]
    path = tmp_path / "odd.csv"
    path.write_text(",".join(odd) + "\nLò Văn Đức,02/04/1958,Nam,Bản Nà Khương\n", encoding="utf-8")
    chosen = ColumnMapping({"full_name": "Tên người dân", "birth_date": "Sinh ngày", "sex": "Phái",
                            "village": "Thôn"})
    assert _import(service, path, mapping=chosen).imported_new == 1
    saved = (data_dir / "roster_mappings.json").read_text(encoding="utf-8")
    assert header_signature(odd) in saved
    preview = service.preview(path)
    assert preview.remembered and preview.mapping.columns == chosen.columns
    assert ColumnMapping.from_json(chosen.to_json()).columns == chosen.columns


def test_bad_files_and_roles_are_refused(ctx, service, tmp_path, nurse):
    junk = tmp_path / "ds.xlsx"
    junk.write_bytes(b"not a workbook")
    with pytest.raises(RosterFileError):
        _import(service, junk)
    with pytest.raises(RosterFileError):
        _import(service, tmp_path / "ds.pdf")
    with pytest.raises(PermissionDeniedError):
        service.import_file(nurse, write_csv(tmp_path / "ds.csv"))
