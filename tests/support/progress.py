"""A small station whose progress figures are known by hand: eight residents of two villages and a school, with
visits in May 2026 at two sites (one resident merged away, one visit cancelled, a second visit with a later
referral)."""
from __future__ import annotations

import datetime as dt

from station_app.core.model import SiteKind, TargetGroup, VisitStatus
from station_app.persistence.tables import ConclusionRow, ResidentRow, ResidentTargetGroupRow, SiteRow, VisitRow
from station_app.persistence.unit_of_work import UnitOfWork
from station_app.services.station.progress import ProgressService

TODAY = dt.date(2026, 11, 23)
MUONG_KIM, NA_KHUONG = "Bản Mường Kim", "Bản Nà Khương"
SCHOOL = "Trường Tiểu học Mường Kim"
G = TargetGroup
S = VisitStatus


def _resident(uow: UnitOfWork, name: str, village: str | None, groups: tuple[TargetGroup, ...] = (),
              school_class: str | None = None, merged_into: str | None = None) -> str:
    row = ResidentRow(full_name=name, name_norm=name.lower(), birth_year=1960, sex="female", source="manual",
                      commune_code="03637", village=village, school=SCHOOL if school_class else None,
                      school_class=school_class, merged_into_id=merged_into,
                      target_groups=[ResidentTargetGroupRow(group=g.value) for g in groups])
    uow.session.add(row)
    uow.session.flush()
    return row.id


class _Visits:
    def __init__(self, uow: UnitOfWork, campaign_id: str) -> None:
        self._uow, self._campaign, self._queue = uow, campaign_id, 0

    def add(self, resident: str, site: str, day: int, status: VisitStatus, health_class: str | None = None,
            referral: str | None = None) -> None:
        self._queue += 1
        visit = VisitRow(resident_id=resident, site_id=site, campaign_id=self._campaign,
                         visit_date=dt.date(2026, 5, day), queue_number=self._queue, status=status.value,
                         funding_source="state_budget")
        self._uow.session.add(visit)
        self._uow.session.flush()
        if health_class:
            self._uow.session.add(ConclusionRow(visit_id=visit.id, overall_class=health_class, referral_to=referral))



def build_station(ctx) -> tuple[ProgressService, str]:
    """Eight residents of the roster (and one merged away) with visits at two sites in May 2026; returns the
    service and the second site's id."""
    info = ctx.station.info()
    with UnitOfWork(ctx.db) as uow:
        site2 = SiteRow(station_id=info.id, name="Điểm khám lưu động Bản Nà Khương", kind=SiteKind.MOBILE.value,
                        commune_code="03637", village=NA_KHUONG)
        uow.session.add(site2)
        uow.session.flush()
        a = _resident(uow, "Lò Thị Ánh", MUONG_KIM, (G.ELDERLY, G.POLICY))
        b = _resident(uow, "Tòng Văn Bình", MUONG_KIM, (G.POOR,))
        c = _resident(uow, "Lường Thị Chiến", MUONG_KIM, (G.ELDERLY,))
        _resident(uow, "Quàng Văn Dũng", MUONG_KIM)  # no visit
        e = _resident(uow, "Cà Thị Én", NA_KHUONG, (G.PUPIL,), "3A")
        f = _resident(uow, "Vì Văn Phúc", NA_KHUONG, (G.PUPIL,), "3A")
        g = _resident(uow, "Hoàng Thị Giang", NA_KHUONG, (G.PUPIL,), "4B")  # cancelled only
        h = _resident(uow, "Lò Văn Hùng", None, (G.CHILD_UNDER_6,))
        m = _resident(uow, "Lò Thi Anh", MUONG_KIM, (G.ELDERLY,), merged_into=a)
        v = _Visits(uow, info.campaign_id)
        v.add(a, info.site_id, 4, S.COMPLETED, "II")
        v.add(h, info.site_id, 4, S.COMPLETED)
        v.add(m, info.site_id, 4, S.COMPLETED)
        v.add(b, info.site_id, 5, S.REFERRED, "III", "Bệnh viện đa khoa tỉnh Lai Châu")
        v.add(c, info.site_id, 5, S.IN_PROGRESS)
        v.add(e, site2.id, 11, S.COMPLETED)
        v.add(f, site2.id, 11, S.REGISTERED)
        v.add(g, site2.id, 11, S.CANCELLED)
        # a second visit: the resident still counts once; its referral came with a later amendment, so the
        # status says completed and the conclusion says referred
        v.add(h, site2.id, 12, S.COMPLETED, "I", "Trung tâm Y tế huyện Than Uyên")
        uow.commit()
        return ProgressService(ctx.db), site2.id
