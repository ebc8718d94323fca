"""Roster import on a real station database, with synthetic residents only."""
import csv
import datetime as dt
import random
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import func, select

from station_app.core.errors import ImportCancelledError, PermissionDeniedError, RosterFileError
from station_app.core.model import RecordSource, Sex, TargetGroup
from station_app.persistence.tables import ResidentRow, RosterImportRow
from station_app.persistence.unit_of_work import UnitOfWork, load_audit_chain
from station_app.services.station.lists import ListFilter
from station_app.services.station.roster_import import (
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


def write_csv(path, rows=ROWS, encoding="utf-8", delimiter=",", headers=HEADERS):
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def write_xlsx(path, rows=ROWS, headers=HEADERS):
    wb = Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH NGƯỜI DÂN KHÁM SỨC KHỎE 2026"])  # a title line above the headers
    ws.append(headers)
    born = headers.index("Ngày sinh")
    for row in rows:
        values = list(row)
        if "/" in values[born]:
            d, m, y = values[born].split("/")
            try:
                values[born] = dt.datetime(int(y), int(m), int(d))
            except ValueError:
                pass
        elif values[born]:
            values[born] = int(values[born])
        ws.append(values)
    wb.save(path)
    return path


def write_cp1258(path, rows, headers=HEADERS):
    text = ";".join(headers) + "\n" + "\n".join(";".join(r) for r in rows) + "\n"
    path.write_bytes(encode_cp1258(text))
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
    changed[1][5] = "DN4010000000022"  # Hoa's new card (another group, the same social insurance number inside):
    changed[1][4] = "012190000022"  # and her ID number is now on the list: found by name, birth date and village
    changed[2][8] = "Khuyết tật"
    changed.append(["10", "Lò Thị Mai", "1999", "Nữ", "", "", "Bản Phiêng", "Thái", "", "", "", ""])
    third = _import(service, write_csv(tmp_path / "ds2.csv", changed))
    assert (third.imported_new, third.updated, third.unchanged) == (1, 2, GOOD - 2)
    people = _residents(ctx)
    assert people["Tòng Thị Hoa"].insurance_number == "DN4010000000022"
    assert people["Tòng Thị Hoa"].national_id == "012190000022" and people["Tòng Thị Hoa"].version == 2
    assert {g.group for g in people["Nguyễn Thị Hồng"].target_groups} == {"disabled"}
    assert _count(ctx) == GOOD + 1


def test_cancelling_leaves_the_database_as_it_was(ctx, service, tmp_path, monkeypatch):
    monkeypatch.setattr("station_app.services.station.roster_import.CHUNK", 2)
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


# -- a roster shaped like a mountain commune's: few names, shared years and villages, mostly without ID numbers --

MOUNTAIN_HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Số CCCD", "Thôn/bản", "Mã hộ", "SĐT",
                    "Người giám hộ", "Địa chỉ"]
NA, PHIENG, NGAP = "Bản Nà Khương", "Bản Phiêng", "Bản Nậm Ngập"
# Each pair shares name, birth year and village and differs in one fact only (the first pair: the issue's).
PAIRS = [
    [("Pờ A Xá", "04/01/1938", "Nam", "Hà Nhì", "", NA, "HK01", "0912000001", ""),
     ("Pờ A Xá", "24/10/1938", "Nam", "Mông", "", NA, "HK02", "0912000002", "")],
    [("Tẩn Láo San", "12/03/1985", "Nam", "Dao", "", PHIENG, "HK03", "", ""),  # birth day
     ("Tẩn Láo San", "13/03/1985", "Nam", "Dao", "", PHIENG, "HK03", "", "")],
    [("Vàng Seo Lử", "1962", "Nam", "Mông", "", NGAP, "HK04", "", ""),  # sex
     ("Vàng Seo Lử", "1962", "Nữ", "Mông", "", NGAP, "HK04", "", "")],
    [("Lò Văn Sơn", "1970", "Nam", "Thái", "", PHIENG, "HK05", "", ""),  # ethnic group
     ("Lò Văn Sơn", "1970", "Nam", "Lự", "", PHIENG, "HK05", "", "")],
    [("Giàng A Sử", "1990", "Nam", "Mông", "", NGAP, "HK06", "", ""),  # household
     ("Giàng A Sử", "1990", "Nam", "Mông", "", NGAP, "HK07", "", "")],
    [("Lý Thị Dung", "01/05/1995", "Nữ", "Dao", "", NA, "HK08", "0912000011", ""),  # phone
     ("Lý Thị Dung", "01/05/1995", "Nữ", "Dao", "", NA, "HK08", "0912000012", "")],
    [("Sùng A Tủa", "03/09/2016", "Nam", "Mông", "", PHIENG, "HK09", "", "Sùng A Páo"),  # guardian
     ("Sùng A Tủa", "2016", "Nam", "Mông", "", PHIENG, "HK10", "", "Giàng Thị Mai")],
    [("Sùng A Páo", "1950", "Nam", "Mông", "", PHIENG, "HK11", "", ""),  # an ID number on one only
     ("Sùng A Páo", "1950", "Nam", "Mông", "012050000014", PHIENG, "HK11", "", "")],
]
_FAMILIES, _GIVEN = ("Sùng", "Giàng", "Pờ", "Lò", "Tẩn", "Vàng", "Lý"), ("A Páo", "A Sử", "Thị Mai", "A Xá", "Thị Dung")


def mountain_people(extra: int = 60):
    """The pairs, then people drawn from a few names, years and villages (each with a full birth date and a
    household; one in three with an ID number)."""
    people = [p for pair in PAIRS for p in pair]
    rng, seen = random.Random(15), set()
    while len(people) < len(PAIRS) * 2 + extra:
        name = f"{rng.choice(_FAMILIES)} {rng.choice(_GIVEN)}"
        born = dt.date(rng.choice((1938, 1950, 1985, 1990)), rng.randint(1, 12), rng.randint(1, 28))
        if (name, born) in seen:
            continue
        seen.add((name, born))
        number = f"0120{born.year % 100:02d}{len(people):06d}" if rng.random() < 0.33 else ""
        people.append((name, f"{born:%d/%m/%Y}", "Nữ" if "Thị" in name else "Nam", rng.choice(("Mông", "Dao")),
                       number, rng.choice((NA, PHIENG, NGAP)), f"HK{rng.randint(20, 60)}", "", ""))
    return people


def mountain_rows(people, address="Mường Kim"):
    return [[str(n), *p, address] for n, p in enumerate(people, 1)]


def write_mountain(path, kind, rows):
    if kind == "xlsx":
        return write_xlsx(path.with_suffix(".xlsx"), rows, MOUNTAIN_HEADERS)
    if kind == "cp1258":
        return write_cp1258(path, rows, MOUNTAIN_HEADERS)
    return write_csv(path, rows, encoding="utf-8-sig", headers=MOUNTAIN_HEADERS)


def _people_in_db(ctx):
    """Every resident as (name, birth date or year, sex, ethnic code, ID number, village, household, phone)."""
    with UnitOfWork(ctx.db) as uow:
        return sorted((r.full_name, f"{r.birth_date:%d/%m/%Y}" if r.birth_date else str(r.birth_year), r.sex,
                       r.ethnic_code or "", r.national_id or "", r.village or "", r.household_code or "",
                       r.phone or "") for r in uow.session.scalars(select(ResidentRow)))


def _expected(people):
    sexes, ethnic = {"Nam": "male", "Nữ": "female"}, {"Mông": "08", "Dao": "09", "Thái": "03", "Lự": "42",
                                                      "Hà Nhì": "35"}
    return sorted((p[0], p[1], sexes[p[2]], ethnic[p[3]], *p[4:8]) for p in people)


@pytest.mark.parametrize("chunk", [2000, 3])  # one chunk, and pairs split over chunks
@pytest.mark.parametrize("kind", ["utf-8", "cp1258", "xlsx"])
def test_everyone_of_a_mountain_roster_is_kept_through_re_imports(ctx, service, tmp_path, monkeypatch, kind, chunk):
    monkeypatch.setattr("station_app.services.station.roster_import.CHUNK", chunk)
    people = mountain_people()
    path = write_mountain(tmp_path / "xa-muong-kim.csv", kind, mountain_rows(people))
    first = _import(service, path)
    assert (first.read, first.imported_new, first.updated, first.rejected) == (len(people), len(people), 0, 0)
    assert _people_in_db(ctx) == _expected(people)  # every row is a resident, each as the roster has them
    for _ in range(2):
        again = _import(service, path)
        assert (again.imported_new, again.updated, again.unchanged, again.rejected) == (0, 0, len(people), 0)
        assert again.possible_duplicates == 0
        assert _count(ctx) == len(people)
    assert _people_in_db(ctx) == _expected(people)


def test_an_updated_roster_updates_the_same_people(ctx, service, tmp_path):
    people = mountain_people()
    _import(service, write_mountain(tmp_path / "ds.csv", "utf-8", mountain_rows(people)))
    with UnitOfWork(ctx.db) as uow:
        ids = {(r.full_name, r.birth_date, r.birth_year, r.sex, r.ethnic_code, r.household_code): r.id
               for r in uow.session.scalars(select(ResidentRow))}
    # new phones for everybody but the second of the pair told apart by the phone alone (were both to change,
    # nothing would tell the two apart any more), and a new address for everybody
    moved = [p if p == PAIRS[5][1] else (*p[:7], f"09780{n:05d}", p[8]) for n, p in enumerate(people)]
    report = _import(service, write_mountain(tmp_path / "ds-moi.csv", "utf-8",
                                             mountain_rows(moved, address="Bản mới, Mường Kim")))
    assert (report.imported_new, report.updated, report.unchanged, report.rejected) == (0, len(people), 0, 0)
    assert _people_in_db(ctx) == _expected(moved)
    with UnitOfWork(ctx.db) as uow:
        after = {(r.full_name, r.birth_date, r.birth_year, r.sex, r.ethnic_code, r.household_code): r.id
                 for r in uow.session.scalars(select(ResidentRow))}
        assert {r.address for r in uow.session.scalars(select(ResidentRow))} == {"Bản mới, Mường Kim"}
    assert after == ids  # the same residents, not new ones


def test_a_weak_match_is_added_and_listed_as_a_possible_duplicate(ctx, service, tmp_path):
    # last year's list had only the name, the year and the village
    old = [["1", "Pờ A Xá", "1938", "Nam", "", "", NA, "", "", "", ""]]
    _import(service, write_mountain(tmp_path / "ds-2025.csv", "utf-8", old))
    report = _import(service, write_mountain(tmp_path / "ds-2026.csv", "utf-8", mountain_rows(PAIRS[0])))
    assert (report.imported_new, report.updated, report.possible_duplicates) == (2, 0, 2)
    assert "có thể trùng" in report.summary()
    assert _count(ctx) == 3
    duplicates = ctx.lists.duplicates(None, ListFilter())
    xa = [r for r in duplicates.rows if r.full_name == "Pờ A Xá"]
    assert len(xa) == 3 and len({r.group for r in xa}) == 1  # one group for the coordinator to decide
    again = _import(service, write_mountain(tmp_path / "ds-2026.csv", "utf-8", mountain_rows(PAIRS[0])))
    assert (again.imported_new, again.updated, again.unchanged, again.possible_duplicates) == (0, 0, 2, 0)


def test_a_phone_the_household_shares_never_merges_two_people(ctx, service, tmp_path):
    old = [["1", "Giàng A Sử", "1990", "Nam", "Mông", "", PHIENG, "", "0912000077", "", ""]]
    _import(service, write_mountain(tmp_path / "ds-2025.csv", "utf-8", old))
    # this year's list: a Giàng A Sử of the same year whose sex was not written, with the household's one phone
    new = [["1", "Giàng A Sử", "1990", "", "Mông", "", PHIENG, "", "0912 000 077", "", ""]]
    report = _import(service, write_mountain(tmp_path / "ds-2026.csv", "utf-8", new))
    assert (report.imported_new, report.updated, report.possible_duplicates) == (1, 0, 1)
    assert _count(ctx) == 2


def test_a_weak_match_with_no_commune_on_record_is_listed_too(ctx, service, tmp_path):
    old = [["1", "Pờ A Xá", "1938", "Nam", "", "", NA, "", "", "", ""]]  # registered before the commune was known
    service.import_file(None, write_mountain(tmp_path / "ds-cu.csv", "utf-8", old), default_commune=None)
    report = _import(service, write_mountain(tmp_path / "ds.csv", "utf-8", mountain_rows(PAIRS[0][:1])))
    assert (report.imported_new, report.possible_duplicates) == (1, 1)
    xa = [r for r in ctx.lists.duplicates(None, ListFilter()).rows if r.full_name == "Pờ A Xá"]
    assert len(xa) == 2 and len({r.group for r in xa}) == 1


def test_facts_that_agree_find_the_resident_and_facts_that_disagree_never_merge(ctx, service, tmp_path):
    old = [["1", "Lò Thị Ón", "12/12/1960", "Nữ", "Thái", "", PHIENG, "", "", "", ""],
           ["2", "Lò Văn Pâng", "1961", "Nam", "Thái", "", PHIENG, "HK30", "", "", ""]]
    _import(service, write_mountain(tmp_path / "ds-2025.csv", "utf-8", old))
    new = [["1", "Lò Thị Ón", "12/12/1960", "Nữ", "Thái", "", PHIENG, "HK31", "0912000031", "", ""],  # same day
           ["2", "Lò Văn Pâng", "1961", "Nam", "Kinh", "", PHIENG, "HK30", "", "", ""]]  # another ethnic group
    report = _import(service, write_mountain(tmp_path / "ds-2026.csv", "utf-8", new))
    assert (report.imported_new, report.updated, report.possible_duplicates) == (1, 1, 0)
    people = {(p[0], p[3]): p for p in _people_in_db(ctx)}
    assert people[("Lò Thị Ón", "03")][6:] == ("HK31", "0912000031")
    assert ("Lò Văn Pâng", "01") in people and ("Lò Văn Pâng", "03") in people


_rng_ids = iter(range(10**6))
LOOK_ALIKES = st.lists(st.tuples(
    st.sampled_from(["Pờ A Xá", "Sùng A Páo"]), st.sampled_from(["1938", "04/01/1938", "24/10/1938"]),
    st.sampled_from(["Nam", "Nữ", ""]), st.sampled_from(["", "Mông", "Hà Nhì"]), st.booleans(),
    st.sampled_from(["A", "B"]), st.sampled_from(["", "HK1", "HK2"]), st.sampled_from(["", "0912000001", "0912000002"]),
    st.sampled_from(["", "Bản cũ", "Bản mới"])), min_size=1, max_size=20)


def look_alike_roster(folder, rows, example):
    """The rows in a village of the example's own: examples never meet in the one database."""
    table = [[str(n), name, born, sex, ethnic, f"0120380{next(_rng_ids):05d}" if has_id else "",
              f"Bản {example}-{village}", household, phone, "", address]
             for n, (name, born, sex, ethnic, has_id, village, household, phone, address) in enumerate(rows, 1)]
    return write_mountain(folder / "ds.csv", "utf-8", table)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=LOOK_ALIKES, chunk=st.integers(1, 8))
def test_any_roster_of_look_alikes_keeps_every_row_and_re_imports_change_nothing(ctx, service, tmp_path_factory,
                                                                                  rows, chunk):
    path = look_alike_roster(tmp_path_factory.mktemp("ds"), rows, next(_rng_ids))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("station_app.services.station.roster_import.CHUNK", chunk)
        first = _import(service, path)
        assert (first.imported_new, first.rejected) == (len(rows), 0)
        for _ in range(2):
            again = _import(service, path)
            assert (again.imported_new, again.updated, again.unchanged) == (0, 0, len(rows))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(earlier=LOOK_ALIKES, rows=LOOK_ALIKES, chunk=st.integers(1, 8))
def test_over_an_earlier_roster_a_second_import_of_the_same_file_changes_nothing(ctx, service, tmp_path_factory,
                                                                                 earlier, rows, chunk):
    example = next(_rng_ids)
    _import(service, look_alike_roster(tmp_path_factory.mktemp("ds"), earlier, example))
    path = look_alike_roster(tmp_path_factory.mktemp("ds"), rows, example)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("station_app.services.station.roster_import.CHUNK", chunk)
        first = _import(service, path)
        assert first.rejected == 0 and first.imported_new + first.updated + first.unchanged == len(rows)
        again = _import(service, path)
        assert (again.imported_new, again.updated, again.unchanged) == (0, 0, len(rows))
