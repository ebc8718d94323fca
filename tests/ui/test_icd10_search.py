"""The doctor finds any ICD-10 code from the keyboard, not only the quick list: by code typed without the dot, or by
its English name when the Vietnamese list has none; the code chosen is the one saved."""
from support.gui import load_form, press_enter, type_text
from station_app.core.model import HealthClass, Specialty
from station_app.ui.exam.doctor_form import DoctorForm


def test_a_code_outside_the_quick_list_is_found_by_code_or_english_name_and_saved(qtbot, desk):
    ctx, tasks, doctor, visit = desk
    form = load_form(qtbot, DoctorForm(ctx, tasks, doctor), visit)
    internal = form.sections[Specialty.INTERNAL]
    type_text(internal.text, "Lao phổi cũ, đã điều trị")
    type_text(internal.icd, "a150")
    assert internal.icd_model.stringList()[0].startswith("A15.0 – Tuberculosis of lung")
    press_enter(internal.icd)
    type_text(internal.icd, "down syndrome")
    assert any(line.startswith("Q90.9 – ") for line in internal.icd_model.stringList())
    internal.icd.clear()
    type_text(internal.icd, "q909")
    press_enter(internal.icd)
    assert [d.code for d in internal.diagnoses] == ["A15.0", "Q90.9"]
    assert "Q90.9 Down syndrome, unspecified" in internal.icd_list.text()
    type_text(internal.icd, "tang huyet ap")
    assert internal.icd_model.stringList()[0] == "I10 – Tăng huyết áp vô căn (nguyên phát)"  # quick list 1st
    internal.classes.set_value(HealthClass.III)
    saved = ctx.findings.save_finding(doctor, visit.id, specialty=Specialty.INTERNAL, no_abnormality=False,
                                      text=internal.text.text(), diagnoses=internal.diagnoses,
                                      health_class=internal.classes.value())
    assert [d.code for d in saved.diagnoses] == ["A15.0", "Q90.9"]
