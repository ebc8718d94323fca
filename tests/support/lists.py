"""A small station with known residents, visits and conclusions, for the lists' tests (see test_lists.py), and the
text of the PDFs the lists and reports print."""
from __future__ import annotations

import datetime as dt
import re

import pypdfium2

from station_app.app import AppContext
from station_app.core.ids import new_id
from station_app.core.model import AuditAction
from station_app.persistence.bulk import BulkChunk, insert_chunk
from station_app.persistence.tables import SiteRow, utcnow
from station_app.persistence.unit_of_work import UnitOfWork

DAY = dt.date(2026, 6, 10)
NA_PHAT, HUA_PHAT = "Bản Nà Phát", "Bản Hua Phát"
DISTRICT = "Trung tâm Y tế huyện Than Uyên"
# key: (name, sex, birth year, village, household, phone, groups, insurance)
PEOPLE = {
    "diem1": ("Nguyễn Thị Diễm", "female", 1950, NA_PHAT, "H1", None, ("elderly",), None),
    "duc": ("Lường Văn Đức", "male", 1980, NA_PHAT, "H2", "0912000001", ("ethnic_minority",), None),
    "huong": ("Phạm Thị Hương", "female", 1990, HUA_PHAT, "H3", "0912000002", (), None),
    "anh": ("Lò Văn Ạnh", "male", 2022, HUA_PHAT, "H3", None, ("child_under_6", "ethnic_minority"), None),
    "ung": ("Đỗ Thị Ưng", "female", 1975, HUA_PHAT, "H4", "0912000003", (), "DN4121234567890"),
    "diem6": ("Nguyễn Thị Diễm", "female", 1950, HUA_PHAT, "H5", "0912000004", ("elderly", "poor"), None),
    "on": ("Hà Văn Ơn", "male", 1960, NA_PHAT, "H7", "0912000005", ("policy",), None),
    "merged": ("Phạm Thị Hương", "female", 1990, HUA_PHAT, "H8", None, (), None),
    "en": ("Tòng Thị Én", "female", 2001, NA_PHAT, "H6", "0912000006", (), "DN4121234567890"),
    "child": ("Lường Thị Ơn", "female", 2021, NA_PHAT, "H2", None, ("child_under_6",), None),  # Đức's daughter
}


def build(ctx: AppContext, admin_id: str) -> dict[str, str]:
    """Insert the residents and visits; returns key → resident id, and "visit:<key>" → that visit's id."""
    info = ctx.station.info()
    ids = {key: new_id() for key in PEOPLE}
    chunk = BulkChunk()
    now = utcnow()
    for n, (key, (name, sex, year, village, household, phone, groups, card)) in enumerate(PEOPLE.items()):
        chunk.residents.append(_resident(ids[key], name, sex, year, village, household, phone, card, now, admin_id,
                                         ids["huong"] if key == "merged" else None))
        chunk.residents[-1]["national_id"] = f"0120{year}{n:04d}"
        chunk.target_groups += [{"resident_id": ids[key], "group": g} for g in groups]
    other_site = _other_site(ctx, info.id)
    visits = [("duc", info.site_id, DAY, 1, "referred"), ("huong", info.site_id, DAY, 2, "completed"),
              ("anh", info.site_id, DAY, 3, "registered"), ("on", info.site_id, DAY, 4, "completed"),
              ("ung", info.site_id, DAY, 5, "cancelled"), ("on", other_site, DAY - dt.timedelta(days=1), 1, "completed")]
    for key, site, day, queue, status in visits:
        visit_id = new_id()
        ids.setdefault(f"visit:{key}", visit_id)
        chunk.visits.append(_visit(visit_id, ids[key], site, info.campaign_id, day, queue, status, now))
    _results(chunk, ids, now)
    insert_chunk(ctx.db, chunk, AuditAction.IMPORT, admin_id, {"source": "test"})
    return ids


def _resident(rid, name, sex, year, village, household, phone, card, now, admin_id, merged):  # noqa: ANN001, ANN202
    from station_app.core.names import normalise_name

    return {"id": rid, "national_id": None, "old_id_number": None, "insurance_number": card, "full_name": name,
            "name_norm": normalise_name(name), "birth_date": None, "birth_year": year, "sex": sex,
            "ethnic_code": None, "address": f"{village}, Xã Mường Kim", "commune_code": "03637", "village": village,
            "household_code": household, "phone": phone, "school": None, "school_class": None,
            "guardian_name": None, "guardian_relation": None, "guardian_id_number": None, "guardian_phone": None,
            "source": "manual", "merged_into_id": merged, "version": 1, "created_at": now, "created_by": admin_id,
            "updated_at": now, "updated_by": admin_id}


def _visit(vid, rid, site, campaign, day, queue, status, now):  # noqa: ANN001, ANN202
    done = now if status in ("completed", "referred") else None
    return {"id": vid, "resident_id": rid, "site_id": site, "campaign_id": campaign, "visit_date": day,
            "queue_number": queue, "status": status, "funding_source": "state_budget", "registered_at": now,
            "registered_by": None, "started_at": now if status != "registered" else None, "started_by": None,
            "completed_at": done, "completed_by": None, "cancelled_at": now if status == "cancelled" else None,
            "cancelled_by": None, "cancel_reason": None, "updated_at": now}


def _results(chunk: BulkChunk, ids: dict[str, str], now: dt.datetime) -> None:
    def measure(key: str, code: str, reading: int, value: float) -> None:
        chunk.measurements.append({"id": new_id(), "visit_id": ids[f"visit:{key}"], "code": code, "reading": reading,
                                   "value": value, "unit": "", "context": {}, "flags": {}, "confirmed_warning": False,
                                   "version": 1, "recorded_at": now, "recorded_by": None})

    for code, reading, value in (("systolic", 1, 150), ("diastolic", 1, 96), ("systolic", 2, 140),
                                 ("diastolic", 2, 90)):
        measure("duc", code, reading, value)
    measure("huong", "height_cm", 1, 160.0)
    measure("huong", "weight_kg", 1, 56.3)
    for key, cls, referral in (("duc", "III", (DISTRICT, "Huyết áp cao, cần điều trị", "soon")),
                               ("huong", "II", None), ("on", "I", None)):
        to, why, urgency = referral or (None, None, None)
        chunk.conclusions.append({"id": new_id(), "visit_id": ids[f"visit:{key}"], "computed_class": cls,
                                  "overall_class": cls, "override_reason": None, "advice": None, "referral_to": to,
                                  "referral_reason": why, "referral_urgency": urgency,
                                  "referral_followed_up_at": None, "referral_followed_up_by": None,
                                  "referral_follow_up_note": None, "version": 1, "concluded_at": now,
                                  "concluded_by": None})


def _other_site(ctx: AppContext, station_id: str) -> str:
    with UnitOfWork(ctx.db) as uow:
        row = SiteRow(id=new_id(), station_id=station_id, name="Điểm khám lưu động Bản Nà Phát", kind="mobile",
                      commune_code="03637", village=NA_PHAT)
        uow.stations.add_site(row)
        uow.commit()
        return row.id


def pages_text(path) -> list[str]:
    """The text of each page of a PDF, as a reader's search finds it."""
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def flat(text: str) -> str:
    """The text with every run of white space (line breaks of the layout included) made one space."""
    return re.sub(r"\s+", " ", text)
