"""Any ICD-10 code of the WHO list is taken where the doctor records one (a finding's diagnoses, the PL01 history
codes), written as the list writes it; a code that is not in the list is refused with a message naming it, and
nothing is stored."""
import pytest

from station_app.core.icd10 import UnknownIcd10CodeError
from station_app.core.model import HealthClass, Specialty
from station_app.core.pl01_answers import Answer
from station_app.services.common.reference import icd10_codes
from station_app.services.station.findings import Diagnosis
from support.visits import open_visit


@pytest.fixture
def visit(ctx, nurse):
    return open_visit(ctx, nurse, year=1980)


def test_a_code_outside_the_quick_list_is_accepted_in_a_findings_diagnoses(ctx, doctor, visit):
    assert "Q90.9" not in {c.code for c in icd10_codes()}
    saved = ctx.findings.save_finding(doctor, visit.id, specialty=Specialty.INTERNAL, no_abnormality=False,
                                      text="Lao phổi cũ", diagnoses=[Diagnosis("a150"), Diagnosis("Q90.9", "")],
                                      health_class=HealthClass.III)
    assert [d.code for d in saved.diagnoses] == ["A15.0", "Q90.9"]
    (internal,) = [f for f in ctx.findings.state(visit.id).findings if f.specialty == Specialty.INTERNAL]
    assert [d.code for d in internal.diagnoses] == ["A15.0", "Q90.9"]


def test_an_unknown_code_in_a_finding_is_refused_with_its_code_named_and_nothing_is_stored(ctx, doctor, visit):
    with pytest.raises(UnknownIcd10CodeError) as refused:
        ctx.findings.save_finding(doctor, visit.id, specialty=Specialty.INTERNAL, no_abnormality=False, text="Trĩ",
                                  diagnoses=[Diagnosis("I10"), Diagnosis("I84")], health_class=HealthClass.II)
    assert "'I84'" in str(refused.value) and "danh mục ICD-10" in str(refused.value)
    assert not [f for f in ctx.findings.state(visit.id).findings if f.specialty == Specialty.INTERNAL]


def test_pl01_history_codes_take_any_who_code_joined_with_semicolons(ctx, doctor, visit):
    ctx.answers.save(doctor, visit.id, desk="doctor:internal", answers=[Answer("TSBT_MA_BENH", "i10; a150")])
    (stored,) = [s.answer for s in ctx.answers.answers(visit.id) if s.answer.code == "TSBT_MA_BENH"]
    assert stored.value == "I10;A15.0"
    with pytest.raises(UnknownIcd10CodeError) as refused:
        ctx.answers.save(doctor, visit.id, desk="doctor:internal", answers=[Answer("TSBT_MA_BENH", "E11.9;X99.99")])
    assert "'X99.99'" in str(refused.value)
    assert [s.answer.value for s in ctx.answers.answers(visit.id)] == ["I10;A15.0"]
