"""Queries by name, so services ask for what they need and never build SQL themselves."""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.persistence.tables import StationRow, UserRow


class UserRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def by_username(self, username: str) -> UserRow | None:
        return self._s.scalar(select(UserRow).where(UserRow.username == username))

    def all(self) -> Sequence[UserRow]:
        return self._s.scalars(select(UserRow).order_by(UserRow.username)).all()

    def add(self, row: UserRow) -> UserRow:
        self._s.add(row)
        self._s.flush()
        return row


class StationRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def current(self) -> StationRow | None:
        return self._s.scalar(select(StationRow).limit(1))

    def exists(self) -> bool:
        return self._s.scalar(select(StationRow.id).limit(1)) is not None
