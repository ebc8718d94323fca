"""The laboratory desk of forms 1 and 2 on a real station database: rows saved as answers and read back in order,
a row removed leaves nothing behind, an incomplete row is refused with its number, a completed visit needs a
reason, the capillary glucose of the vital signs is the first row, and a child's form has no laboratory desk."""
import datetime as dt

import pytest

from station_app.core.checkup_book import AmendmentReasonRequiredError
from station_app.core.model import VisitStatus
from station_app.core.pl01_laboratory import LAB_CODES, LabRow, LabRowIncompleteError
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.common.pl01_forms import form
from support.visits import open_visit

HB = LabRow("XN.HB", "718-7", "118", "g/L", "test nhanh", "Thiếu máu nhẹ")
URINE = LabRow("XN.NT_PRO", "20454-5", "âm tính", "", "", "Bình thường")


@pytest.fixture
def visit(ctx, nurse):
    return open_visit(ctx, nurse, year=1980)


def test_rows_are_saved_and_read_back_in_the_order_typed(ctx, nurse, visit):
    sheet = ctx.laboratory.save(nurse, visit.id, rows=[HB, LabRow("", "", ""), URINE])
    assert [(r.service, r.value, r.conclusion, r.item) for r in sheet.rows] == [
        ("XN.HB", "118", "Thiếu máu nhẹ", 1), ("XN.NT_PRO", "âm tính", "Bình thường", 2)]
    stored = {(s.answer.code, s.answer.item): s for s in ctx.answers.answers(visit.id)}
    assert stored[("GIA_TRI", 1)].answer.value == "118" and stored[("GIA_TRI", 1)].desk == "laboratory"
    assert ctx.laboratory.sheet(visit.id).rows == sheet.rows


def test_a_removed_row_leaves_no_answer_behind(ctx, nurse, visit):
    ctx.laboratory.save(nurse, visit.id, rows=[HB, URINE])
    sheet = ctx.laboratory.save(nurse, visit.id, rows=[URINE])
    assert [(r.service, r.item) for r in sheet.rows] == [("XN.NT_PRO", 1)]
    items = {(s.answer.code, s.answer.item) for s in ctx.answers.answers(visit.id)}
    assert all(item == 1 for _code, item in items) and ("DON_VI_DO", 1) not in items
    assert ctx.laboratory.save(nurse, visit.id, rows=[]).rows == ()
    assert [s for s in ctx.answers.answers(visit.id) if s.answer.code in LAB_CODES] == []


def test_a_row_without_its_value_is_refused_by_number_and_nothing_is_stored(ctx, nurse, visit):
    with pytest.raises(LabRowIncompleteError) as refused:
        ctx.laboratory.save(nurse, visit.id, rows=[HB, LabRow("XN.HCG", "2106-3", "")])
    assert refused.value.data["row"] == 2
    assert "Dòng xét nghiệm 2" in str(refused.value)
    assert ctx.laboratory.sheet(visit.id).rows == ()


def test_after_completion_a_change_needs_a_reason(ctx, nurse, visit):
    ctx.laboratory.save(nurse, visit.id, rows=[HB])
    with UnitOfWork(ctx.db) as uow:
        uow.answers.visit(visit.id).status = VisitStatus.COMPLETED.value
        uow.commit()
    assert ctx.laboratory.sheet(visit.id).completed
    with pytest.raises(AmendmentReasonRequiredError):
        ctx.laboratory.save(nurse, visit.id, rows=[HB, URINE])
    sheet = ctx.laboratory.save(nurse, visit.id, rows=[HB, URINE], reason="Kết quả nước tiểu về muộn")
    assert len(sheet.rows) == 2


def test_capillary_glucose_from_the_vital_signs_is_the_first_row_and_not_typed_again(ctx, nurse, visit):
    assert ctx.laboratory.sheet(visit.id).glucose is None
    ctx.exam.save_vitals(nurse, visit.id, entries={"glucose_mmol": 8.4}, fasting=False,
                         confirmed_warnings=["glucose_mmol"])
    sheet = ctx.laboratory.save(nurse, visit.id, rows=[HB])
    assert (sheet.glucose.value, sheet.glucose.unit, sheet.glucose.item) == ("8.4", "mmol/L", 0)
    assert sheet.glucose.conclusion.startswith("Tăng")
    assert [r.service for r in sheet.rows] == ["XN.HB"]  # the glucose is not an answer: one place, the vital signs


def test_only_forms_one_and_two_have_a_laboratory_desk(ctx, nurse, visit):
    assert ctx.laboratory.applies(visit.id)
    today = dt.date.today()
    child = open_visit(ctx, nurse, "Lò Văn Bình", year=today.year - 3, birth_date=dt.date(today.year - 3, 1, 1))
    assert not ctx.laboratory.sheet(child.id).applies


def test_the_six_codes_are_the_laboratory_fields_of_forms_one_and_two():
    for number in (1, 2):
        assert {f.code for f in form(number).fields if f.desk == "laboratory"} == set(LAB_CODES)
