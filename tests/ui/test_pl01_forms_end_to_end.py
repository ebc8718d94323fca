"""Every QĐ 1551 form of the campaign with its real desks: a synthetic resident of the form's age (a pupil with a
class for the school forms) goes through reception and every desk of the exam page in the real main window with the
keyboard only (devkit.pl01_keyboard), the visit completes, its PL01 record has no problem, the FHIR bundle of the
exported batch validates with fhir.resources, and the office imports the batch and counts the visit under its form."""
from __future__ import annotations

import datetime as dt

import pytest
from fhir.resources.R4B import get_fhir_model_class

from devkit.pl01_keyboard import VisitDriver
from station_app.core.model import Sex, TargetGroup, VisitStatus
from station_app.core.pl01 import CAMPAIGN_FORMS, completed_months
from station_app.services.exchange.batch_verify import decrypt_payload, read_batch
from station_app.services.office.report import FORM_TITLE
from station_app.services.station.registry import ResidentInput
from support.office import export
from support.visits import DOCTOR_PASSWORD, make_doctor
from support.window import sign_in

FACILITY_CODE, FACILITY_GLN = "12001", "6291041500213"  # MA_CSKCB, a GLN with its check digit

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _back(today: dt.date, *, years: int = 0, months: int = 0, days: int = 0) -> dt.date:
    """A birth date ``years``, ``months`` and ``days`` before today (the day of the month kept at 28 at most)."""
    month_index = today.year * 12 + today.month - 1 - years * 12 - months
    born = dt.date(month_index // 12, month_index % 12 + 1, min(today.day, 28))
    return born - dt.timedelta(days=days)


# form → (name typed at reception, full name, sex, birth date from today, school class)
def _residents(today: dt.date) -> dict[int, tuple[str, str, Sex, dt.date, str | None]]:
    return {
        1: ("lo van binh", "Lò Văn Bình", Sex.MALE, _back(today, years=10, months=2), None),
        2: ("tong thi hoa", "Tòng Thị Hoa", Sex.FEMALE, _back(today, years=46, months=3), None),
        6: ("lo bao an", "Lò Bảo An", Sex.MALE, _back(today, days=20), None),
        7: ("lo thi mai", "Lò Thị Mai", Sex.FEMALE, _back(today, months=2, days=10), None),
        8: ("lo van khanh", "Lò Văn Khánh", Sex.MALE, _back(today, months=5, days=5), None),
        9: ("vang thi lan", "Vàng Thị Lan", Sex.FEMALE, _back(today, months=8, days=3), None),
        10: ("vang a pao", "Vàng A Páo", Sex.MALE, _back(today, months=11, days=2), None),
        11: ("giang thi hue", "Giàng Thị Huế", Sex.FEMALE, _back(today, months=15), None),
        12: ("giang a su", "Giàng A Sử", Sex.MALE, _back(today, months=21), None),
        13: ("lo thi nga", "Lò Thị Ngà", Sex.FEMALE, _back(today, years=4, months=2), None),
        14: ("tong van la", "Tòng Văn Lả", Sex.MALE, _back(today, years=5, months=1), "Lá"),
        15: ("lo thi tham", "Lò Thị Thắm", Sex.FEMALE, _back(today, years=8, months=4), "3A"),
        16: ("quang van tu", "Quàng Văn Tú", Sex.MALE, _back(today, years=12, months=6), "7B"),
        17: ("ha thi thu", "Hà Thị Thu", Sex.FEMALE, _back(today, years=16, months=5), "11A1"),
    }


def register(ctx, nurse, form: int, today: dt.date):
    """The resident as a roster (or an earlier card scan) registered them: ID number, ethnic group, address, the
    class for a pupil, the parent who consents for a minor."""
    search, name, sex, born, school_class = _residents(today)[form]
    months = completed_months(born, today)
    child, minor = months < 72, months < 18 * 12
    groups = (TargetGroup.PUPIL,) if school_class else ((TargetGroup.OTHER,) if not child else ())
    ctx.registry.register_new(nurse, ResidentInput(
        full_name=name, sex=sex, birth_year=born.year, birth_date=born, national_id=_card_number(sex, born, form),
        ethnic_code="03", address="Bản Nà Khương, xã Mường Kim", commune_code="03637",
        village="Bản Nà Khương",
        school="Trường xã Mường Kim" if school_class else None, school_class=school_class,
        guardian_name="Lò Thị Xuân" if minor else None, guardian_relation="Mẹ" if minor else None,
        target_groups=groups))
    return search, born


def _card_number(sex: Sex, born: dt.date, n: int) -> str:
    """A CCCD number of Lai Châu (012): the century-and-sex digit, the birth year's last two digits, six more."""
    century = (0 if born.year < 2000 else 2) + (1 if sex == Sex.FEMALE else 0)
    return f"012{century}{born:%y}{n:06d}"


def expected_desks(form: int) -> list[str]:
    """The desks a visit on ``form`` goes through: reception (no F6: a complete roster row leaves it nothing the
    form requires, the visit's codes take their defaults), the laboratory tab for forms 1 and 2, the child's tab
    for the milestones (6–13) and the pupils' vaccination history (1, 14–17), counselling where the form asks for
    it (6–13)."""
    return ["reception", "vitals",
            *(["laboratory"] if form in (1, 2) else []), *(["child_development"] if form != 2 else []), "doctor",
            "doctor_pl01", *(["counselling"] if 6 <= form <= 13 else []), "completion"]


def validate(bundle: dict) -> None:
    get_fhir_model_class("Bundle").model_validate(bundle)
    for entry in bundle["entry"]:
        get_fhir_model_class(entry["resource"]["resourceType"]).model_validate(entry["resource"])


@pytest.mark.parametrize("form", CAMPAIGN_FORMS)
def test_a_visit_on_each_form_goes_through_every_desk_by_keyboard_and_reaches_the_office(
        form, qtbot, make_controller, station, admin, nurse, office, data_dir, tmp_path, no_unexpected_errors):
    ctx = station
    ctx.station.set_facility_codes(admin, facility_code=FACILITY_CODE, facility_gln=FACILITY_GLN)
    make_doctor(ctx, admin)
    today = dt.date.today()
    search, born = register(ctx, nurse, form, today)
    controller = make_controller(ctx)
    window = controller.window
    sign_in(qtbot, controller, "bs.lan", DOCTOR_PASSWORD)
    qtbot.waitUntil(lambda: window.user is not None and "exam" in window.pages, timeout=5000)
    window.activateWindow()

    driver = VisitDriver(window)
    visit_id = driver.visit(search=search, birth_date=born)

    assert ctx.answers.visit_form(visit_id).number == form
    assert ctx.registry.visit_by_id(visit_id).status in (VisitStatus.COMPLETED, VisitStatus.REFERRED)
    record = ctx.pl01_records.of_visit(window.user, visit_id)
    assert record.problems == (), [p.message_vi for p in record.problems]
    assert driver.visited == expected_desks(form)

    batch = export(ctx, data_dir, tmp_path / "usb")
    bundle = decrypt_payload(read_batch(batch), [(office.folder / "keys/office-age.key").read_text().strip()])
    validate(bundle)
    encounters = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Encounter"]
    assert len(encounters) == 1

    [outcome] = office.service.import_paths([batch]).outcomes
    assert outcome.status == "imported"
    forms = {row[0].split(":")[0]: row[1] for row in office.service.report().section(FORM_TITLE).rows}
    assert forms == {f"Mẫu {form}": 1}
