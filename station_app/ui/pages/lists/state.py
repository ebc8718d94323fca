"""What the lists page shows and allows, without widgets: the chosen list and its filters (which filters apply,
what the lists service is asked), the names of the files it makes, who may do what, and the loading under way."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from station_app.core.model import Role, TargetGroup, VisitStatus
from station_app.core.names import file_name_part
from station_app.core.roles import Permission, can
from station_app.services.station.lists import ListFilter, ListKind

LIST_FOLDER = "lists"  # in the data folder: the PDFs made for printing
FILE_STEMS = {ListKind.DAILY: "danh-sach-kham", ListKind.PENDING: "danh-sach-chua-kham",
              ListKind.REFERRALS: "danh-sach-chuyen-tuyen", ListKind.DUPLICATES: "danh-sach-nghi-trung"}
STATUS_CHOICES: dict[ListKind, tuple[str, ...]] = {  # after "all"; the referrals' are open or followed up
    ListKind.DAILY: tuple(status.value for status in VisitStatus), ListKind.REFERRALS: ("open", "followed_up")}


@dataclass(frozen=True)
class ListChoice:
    """The list chosen above the table and what its filters say (the dates, the status and the "hardest to reach"
    box count only where they apply)."""

    kind: ListKind
    date_from: dt.date
    date_to: dt.date
    use_dates: bool = False
    village: str | None = None
    group: TargetGroup | None = None
    status: str | None = None
    hardest: bool = False
    site_id: str | None = None
    national: str | None = None  # the daily list: accepted, refused, waiting or none (no receipt yet)

    @property
    def offers_dates(self) -> bool:
        """The date fields are there (the pending list has no dates)."""
        return self.kind is not ListKind.PENDING

    @property
    def offers_use_dates(self) -> bool:
        """Referrals and duplicates span the campaign unless the box asks for some days."""
        return self.kind in (ListKind.REFERRALS, ListKind.DUPLICATES)

    @property
    def dated(self) -> bool:
        return self.kind is ListKind.DAILY or (self.offers_use_dates and self.use_dates)

    @property
    def offers_status(self) -> bool:
        return self.kind in STATUS_CHOICES

    @property
    def offers_national(self) -> bool:
        return self.kind is ListKind.DAILY

    @property
    def offers_hardest(self) -> bool:
        return self.kind is ListKind.PENDING

    def filters(self) -> ListFilter:
        """The filters as the lists service takes them."""
        start, end = self.date_from, self.date_to
        return ListFilter(date_from=min(start, end) if self.dated else None,
                          date_to=max(start, end) if self.dated else None, village=self.village,
                          target_group=self.group, status=self.status if self.offers_status else None,
                          site_id=self.site_id if self.kind is ListKind.DAILY else None,
                          national=self.national if self.offers_national else None)

    def file_name(self, suffix: str, today: dt.date) -> str:
        """Names the list, the village when filtered, and the day: each village's list is its own file."""
        parts = [FILE_STEMS[self.kind], file_name_part(self.village) if self.village else "", f"{today:%Y-%m-%d}"]
        return "-".join(p for p in parts if p) + suffix

    def print_name(self, now: dt.datetime) -> str:
        """The print copy's name in the data folder's ``lists/``."""
        return f"{FILE_STEMS[self.kind]}-{now:%Y%m%d-%H%M%S}.pdf"


@dataclass(frozen=True)
class Allowed:
    """What the signed-in user may do on the page (no user: the tests' and the command line's full rights)."""

    role: Role | None

    @property
    def print(self) -> bool:
        """Nurses and doctors read the lists; the coordinator prints and saves them."""
        return self.role is None or can(self.role, Permission.PRINT_LISTS)

    @property
    def import_roster(self) -> bool:
        return self.role is not None and can(self.role, Permission.IMPORT_ROSTER)

    @property
    def follow_up(self) -> bool:
        return self.role is None or can(self.role, Permission.PRINT_LISTS) or can(self.role, Permission.CONCLUDE_VISIT)

    def follow_up_shown(self, kind: ListKind) -> bool:
        return kind is ListKind.REFERRALS and self.follow_up


@dataclass
class Loading:
    """The list being read: a newer request makes the answers of older ones stale."""

    generation: int = 0
    loading: bool = False

    def start(self) -> int:
        self.generation += 1
        self.loading = True
        return self.generation

    def arrived(self, generation: int) -> bool:
        """An answer came back; False (and nothing changes) when a newer request was made meanwhile."""
        if generation != self.generation:
            return False
        self.loading = False
        return True

    def ready(self, has_list: bool) -> bool:
        """Printing and saving need a list shown and no newer one on its way."""
        return has_list and not self.loading
