"""The office imports the PL01 answers (QĐ 1551) a real station exports, on SQLite and on a real PostgreSQL server:
each answer is kept under its visit and PL01 code, a later batch replaces the visit's answers (a cleared answer
goes to history), the visit keeps its form number, and the report counts visits per form and per DOI_TUONG code."""
from __future__ import annotations

import pytest

from station_app.core.pl01_answers import Answer, AnswerStatus
from station_app.persistence.office.store import VisitFact
from station_app.persistence.office.tables import OfficeHistoryRow, OfficeResourceRow, OfficeVisitRow
from station_app.persistence.office.unit_of_work import OfficeUnitOfWork
from station_app.services.office.report import build_report, FORM_TITLE, NO_FORM, NOT_RECORDED, TARGET_CODE_TITLE
from support.office import export
from support.postgres import postgres_server  # noqa: F401 - the session fixture
from support.visits import open_visit

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return None
    return request.getfixturevalue("postgres_server").new_database()


def answers_held(office):
    with OfficeUnitOfWork(office.service.db) as uow:
        rows = uow.session.query(OfficeResourceRow).filter(OfficeResourceRow.part == "answers").all()
        return {(r.visit_id, r.code): r.resource for r in rows}


def visit_row(office, visit_id):
    with OfficeUnitOfWork(office.service.db) as uow:
        row = uow.session.get(OfficeVisitRow, visit_id)
        return row.pl01_form, row.before_1551, row.doi_tuong


def adult_with_answers(station, nurse, doctor, name="Tòng Thị Hoa", target="6"):
    visit = open_visit(station, nurse, name=name, year=1980)
    station.answers.save(nurse, visit.id, desk="reception", answers=[Answer("NHOM_MAU", "O"),
                                                                     Answer("DOI_TUONG", target)])
    station.answers.save(doctor, visit.id, desk="doctor:ent", answers=[
        Answer("TAI_TRAI_NOI_THAM", "0.5"),
        Answer("TAI_PHAI_NOI_THAM", status=AnswerStatus.REFUSED, reason="Không muốn đo")])
    station.answers.save(nurse, visit.id, desk="laboratory", answers=[
        Answer("MA_DICH_VU", "XN01"), Answer("GIA_TRI", "6.1")])
    return visit


def test_the_office_keeps_each_answer_under_its_visit_and_pl01_code_and_the_visits_form(
        station, nurse, doctor, office, data_dir, tmp_path):
    visit = adult_with_answers(station, nurse, doctor)
    [outcome] = office.service.import_paths([export(station, data_dir, tmp_path / "usb")]).outcomes
    assert outcome.status == "imported"
    held = answers_held(office)
    assert set(held) == {(visit.id, code) for code in ("NHOM_MAU", "DOI_TUONG", "TAI_TRAI_NOI_THAM",
                                                        "TAI_PHAI_NOI_THAM", "pl01-laboratory-row")}
    assert held[(visit.id, "NHOM_MAU")]["valueCodeableConcept"]["coding"][0]["code"] == "O"
    assert held[(visit.id, "TAI_PHAI_NOI_THAM")]["dataAbsentReason"]["coding"][0]["code"] == "asked-declined"
    assert visit_row(office, visit.id) == (2, False, "6")


def test_a_later_batch_replaces_the_visits_answers_and_a_cleared_one_goes_to_history(
        station, nurse, doctor, office, data_dir, tmp_path):
    visit = adult_with_answers(station, nurse, doctor)
    office.service.import_paths([export(station, data_dir, tmp_path / "d1")])
    station.answers.save(doctor, visit.id, desk="doctor:ent", answers=[Answer("TAI_TRAI_NOI_THAM", "1")],
                         cleared=[("TAI_PHAI_NOI_THAM", 0)])
    [outcome] = office.service.import_paths([export(station, data_dir, tmp_path / "d2")]).outcomes
    assert (outcome.status, outcome.sequence) == ("imported", 2)
    held = answers_held(office)
    assert held[(visit.id, "TAI_TRAI_NOI_THAM")]["valueQuantity"]["value"] == 1
    assert (visit.id, "TAI_PHAI_NOI_THAM") not in held
    assert (visit.id, "NHOM_MAU") in held  # the answers not changed stay
    with OfficeUnitOfWork(office.service.db) as uow:
        removed = uow.session.query(OfficeHistoryRow).filter(OfficeHistoryRow.removed.is_(True)).all()
        assert [h.resource["code"]["coding"][0]["code"] for h in removed] == ["TAI_PHAI_NOI_THAM"]


def test_the_report_counts_visits_per_form_and_per_target_code(station, nurse, doctor, office, data_dir, tmp_path):
    adult_with_answers(station, nurse, doctor)
    adult_with_answers(station, nurse, doctor, name="Lò Văn Páo", target="13")
    open_visit(station, nurse, name="Lò Thị Mai", year=2016)  # a child of 10: form 1, the default code (14)
    office.service.import_paths([export(station, data_dir, tmp_path / "usb")])
    report = office.service.report()
    forms = {row[0].split(":")[0]: row[1:] for row in report.section(FORM_TITLE).rows}
    assert forms == {"Mẫu 1": (1, 0, 0), "Mẫu 2": (2, 0, 0)}
    codes = report.section(TARGET_CODE_TITLE).rows
    assert [(row[0], row[1]) for row in codes] == [
        ("6 – Người sống tại vùng đồng bào dân tộc thiểu số và miền núi", 1), ("13 – Người lao động", 1),
        ("14 – Các đối tượng khác", 1)]
    assert NO_FORM not in [row[0] for row in report.section(FORM_TITLE).rows]


def test_visits_from_batches_without_a_form_are_counted_apart_and_those_before_qd_1551_are_said():
    facts = [VisitFact("v1", "TYT-MK", "finished", "state_budget", "Đợt 1", None, None, "03637", [], None),
             VisitFact("v2", "TYT-MK", "finished", "state_budget", "Đợt 1", None, None, "03637", [], None,
                       pl01_form=2, before_1551=True, doi_tuong="99")]
    report = build_report("TTKSBT", facts, stations=[], quarantined=[])
    assert report.section(FORM_TITLE).rows == [
        ("Mẫu 2: Người lớn từ đủ 18 tuổi trở lên", 1, 1, 1), (NO_FORM, 1, 1, 0)]
    assert [row[0] for row in report.section(TARGET_CODE_TITLE).rows] == ["99", NOT_RECORDED]


def test_a_hostile_stations_pl01_codes_cannot_break_or_bloat_the_import(station, nurse, doctor, office, data_dir,
                                                                         tmp_path):
    """A signed batch whose answers carry a code that is no code (a very long string, an object) and an Encounter
    with a DOI_TUONG far beyond its list: the visit is imported, nothing of the bad codes is kept as a code."""
    from support.office import rebuild

    from station_app.services.exchange import fhir_bundle as fhir

    visit = adult_with_answers(station, nurse, doctor)
    batch = export(station, data_dir, tmp_path / "usb")

    def spoil(bundle):
        for entry in bundle["entry"]:
            res = entry["resource"]
            if res["resourceType"] == "Encounter":
                for e in res.get("extension", []):
                    if e.get("url") == fhir.EXT_TARGET_GROUP:
                        e["valueCoding"]["code"] = "9" * 5000
            for coding in (res.get("code") or {}).get("coding") or []:
                if coding.get("code") == "NHOM_MAU":
                    coding["code"] = "X" * 100_000
                elif coding.get("code") == "TAI_TRAI_NOI_THAM":
                    coding["code"] = {"nested": ["object"]}

    hostile = rebuild(batch, data_dir, office, spoil, tmp_path / "hostile")
    [outcome] = office.service.import_paths([hostile]).outcomes
    assert outcome.status == "imported"
    codes = {code for (_visit, code) in answers_held(office)}
    assert all(isinstance(c, str) and len(c) <= 80 for c in codes)
    assert "TAI_PHAI_NOI_THAM" in codes  # the honest answers of the visit are kept
    assert visit_row(office, visit.id)[2] is None  # no such DOI_TUONG code
