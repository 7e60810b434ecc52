"""One employee's talent-pool entries for one level (madiun-2021 P20-23), each valid 3 years."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event
from pydantic import BaseModel, ConfigDict

from domain.envelope import Envelope
from domain.rules.calendar import ClockId
from domain.rules.core import ReadingId
from domain.rules.madiun import PACK
from domain.scouting.refusals import POOL
from domain.scouting.stamps import stamped
from domain.values import Nip, PositionLevel

_POOL_IDS = uuid5(NAMESPACE_URL, "talenta:pool-membership")


def membership_id(nip: str, level: PositionLevel | str) -> UUID:
    """``uuid5(nip/level)``: however the NIP is spaced, one membership per employee and level."""
    return uuid5(_POOL_IDS, f"{Nip(nip)}/{PositionLevel(level)}")


def entry_id(membership: UUID, decree_number: str) -> UUID:
    """``uuid5(membership id / decree number)``: a replayed decree names the same entry."""
    return uuid5(membership, decree_number)


class EntryUse(BaseModel):
    model_config = ConfigDict(frozen=True)

    vacancy_id: UUID
    inaugurated_on: date


class PoolEntry(BaseModel):
    """One decree's listing; ``expires_on`` is the first day it no longer holds (reading D7)."""

    model_config = ConfigDict(frozen=True)

    entry_id: UUID
    nip: str
    level: PositionLevel
    agency: str
    round_id: UUID
    decree_number: str
    decree_date: date
    expires_on: date
    expired_on: date | None = None
    used: EntryUse | None = None

    def valid_on(self, day: date) -> bool:
        """Listed from the decree through the day before expiry, until the inauguration it
        was used for (from then on the employee holds the position, P28)."""
        in_term = self.decree_date <= day < self.expires_on
        return in_term and (self.used is None or day < self.used.inaugurated_on)

    @property
    def held_until(self) -> date:
        """The first day the entry no longer holds: its expiry, or the inauguration it was
        used for if that came first."""
        if self.used is not None and self.used.inaugurated_on < self.expires_on:
            return self.used.inaugurated_on
        return self.expires_on

    def overlaps(self, start: date, end: date) -> bool:
        """Does the term from ``start`` until before ``end`` share a day with this entry's?"""
        return start < self.held_until and self.decree_date < end

    def ensure_unused(self) -> None:
        if self.used is not None:
            raise POOL.refused("entry-already-used", inaugurated_on=self.used.inaugurated_on)

    def ensure_valid_on(self, day: date) -> None:
        if self.used is not None and day >= self.used.inaugurated_on:
            self.ensure_unused()
        if day < self.decree_date:
            raise POOL.refused("entry-not-yet-decreed", decree_date=self.decree_date, day=day)
        if day >= self.expires_on:
            raise POOL.refused(
                "entry-expired",
                decree_number=self.decree_number,
                expires_on=self.expires_on,
                day=day,
            )


class PoolMembership(Aggregate):
    class Started(Aggregate.Created):
        nip: str
        level: str
        envelope: dict[str, Any]

    class EntryDecreed(Aggregate.Event):
        entry_id: UUID
        nip: str
        level: str
        agency: str
        round_id: UUID
        decree_number: str
        decree_date: date
        expires_on: date
        envelope: dict[str, Any]

    class ExpiryReminderSent(Aggregate.Event):
        entry_id: UUID
        lead_days: int
        envelope: dict[str, Any]

    class EntryExpired(Aggregate.Event):
        entry_id: UUID
        expired_on: date
        envelope: dict[str, Any]

    class EntryUsed(Aggregate.Event):
        entry_id: UUID
        vacancy_id: UUID
        inaugurated_on: date
        envelope: dict[str, Any]

    @staticmethod
    def create_id(nip: str, level: str, **_: Any) -> UUID:
        return membership_id(nip, level)

    @event(Started)
    def __init__(self, nip: str, level: str, envelope: dict[str, Any]) -> None:
        self.nip = nip
        self.level = PositionLevel(level)
        self._entries: dict[UUID, PoolEntry] = {}
        self._reminders: set[tuple[UUID, int]] = set()

    @classmethod
    def start(cls, nip: str, level: PositionLevel, envelope: Envelope) -> PoolMembership:
        return cls(nip=str(Nip(nip)), level=str(level), envelope=envelope.to_event())

    # Commands

    def decree_entry(
        self,
        nip: str,
        level: PositionLevel,
        agency: str,
        round_id: UUID,
        decree_number: str,
        decree_date: date,
        envelope: Envelope,
    ) -> PoolEntry:
        if Nip(nip) != self.nip or PositionLevel(level) is not self.level:
            raise ValueError(f"membership {self.nip}/{self.level} cannot take {nip}/{level}")
        PACK.ensure_in_force(decree_date)
        new_id = entry_id(self.id, decree_number)
        if new_id in self._entries:
            raise POOL.refused("entry-already-decreed", nip=self.nip, decree_number=decree_number)
        expires_on = PACK.clock(ClockId.POOL_ENTRY).deadline(decree_date)
        current = self.entry_valid_on(decree_date)
        if current is not None:
            raise POOL.refused(
                "already-in-pool",
                nip=self.nip,
                decree_number=current.decree_number,
                expires_on=current.expires_on,
            )
        # Not only the entry valid on the decree date: a decree dated before an existing entry
        # would hold two entries at once for part of its term.
        overlapping = next((e for e in self.entries if e.overlaps(decree_date, expires_on)), None)
        if overlapping is not None:
            raise POOL.refused(
                "pool-term-overlap",
                decree_date=decree_date,
                expires_on=expires_on,
                nip=self.nip,
                decree_number=overlapping.decree_number,
                held_from=overlapping.decree_date,
                held_until=overlapping.held_until,
            )
        self._entry_decreed(
            entry_id=new_id,
            nip=self.nip,
            level=str(self.level),
            agency=agency,
            round_id=round_id,
            decree_number=decree_number,
            decree_date=decree_date,
            expires_on=expires_on,
            envelope=envelope.to_event(),
        )
        return self._entries[new_id]

    def remind_expiry(self, entry_id: UUID, lead_days: int, envelope: Envelope) -> bool:
        """Once per (entry, lead time); nothing to remind of an entry expired or used."""
        entry = self.entry(entry_id)
        if (entry_id, lead_days) in self._reminders or entry.expired_on or entry.used:
            return False
        self._expiry_reminder_sent(
            entry_id=entry_id,
            lead_days=lead_days,
            envelope=stamped(envelope, "P22(1)", readings=PACK.uses(ReadingId.D7)),
        )
        return True

    def expire(self, entry_id: UUID, expired_on: date, envelope: Envelope) -> bool:
        """Idempotent, so a retried workflow activity records the deadline once."""
        entry = self.entry(entry_id)
        if entry.expired_on is not None or entry.used is not None:
            return False
        if expired_on < entry.expires_on:
            raise POOL.refused(
                "entry-not-yet-expired", expires_on=entry.expires_on, expired_on=expired_on
            )
        # The expiry is also the notice of P22(2): not appointed, the employee may be scouted
        # again.
        self._entry_expired(
            entry_id=entry_id,
            expired_on=expired_on,
            envelope=stamped(envelope, "P22(1)", "P22(2)", readings=PACK.uses(ReadingId.D7)),
        )
        return True

    def use(
        self, entry_id: UUID, vacancy_id: UUID, inaugurated_on: date, envelope: Envelope
    ) -> None:
        entry = self.entry(entry_id)
        # A used entry is refused whatever the date, so it never fills two positions; validity
        # is judged on the inauguration, when the appointment takes effect (P28).
        entry.ensure_unused()
        entry.ensure_valid_on(inaugurated_on)
        self._entry_used(
            entry_id=entry_id,
            vacancy_id=vacancy_id,
            inaugurated_on=inaugurated_on,
            envelope=envelope.to_event(),
        )

    # Queries

    @property
    def entries(self) -> tuple[PoolEntry, ...]:
        return tuple(sorted(self._entries.values(), key=lambda e: e.decree_date))

    def entry(self, entry_id: UUID) -> PoolEntry:
        try:
            return self._entries[entry_id]
        except KeyError:
            raise POOL.refused("unknown-entry", nip=self.nip, entry_id=entry_id) from None

    def entry_valid_on(self, day: date) -> PoolEntry | None:
        return next((e for e in self._entries.values() if e.valid_on(day)), None)

    def valid_on(self, day: date) -> bool:
        return self.entry_valid_on(day) is not None

    # Events

    @event(EntryDecreed)
    def _entry_decreed(
        self,
        entry_id: UUID,
        nip: str,
        level: str,
        agency: str,
        round_id: UUID,
        decree_number: str,
        decree_date: date,
        expires_on: date,
        envelope: dict[str, Any],
    ) -> None:
        self._entries[entry_id] = PoolEntry(
            entry_id=entry_id,
            nip=nip,
            level=PositionLevel(level),
            agency=agency,
            round_id=round_id,
            decree_number=decree_number,
            decree_date=decree_date,
            expires_on=expires_on,
        )

    @event(ExpiryReminderSent)
    def _expiry_reminder_sent(
        self, entry_id: UUID, lead_days: int, envelope: dict[str, Any]
    ) -> None:
        self._reminders.add((entry_id, lead_days))

    @event(EntryExpired)
    def _entry_expired(self, entry_id: UUID, expired_on: date, envelope: dict[str, Any]) -> None:
        self._entries[entry_id] = self._entries[entry_id].model_copy(
            update={"expired_on": expired_on}
        )

    @event(EntryUsed)
    def _entry_used(
        self, entry_id: UUID, vacancy_id: UUID, inaugurated_on: date, envelope: dict[str, Any]
    ) -> None:
        used = EntryUse(vacancy_id=vacancy_id, inaugurated_on=inaugurated_on)
        self._entries[entry_id] = self._entries[entry_id].model_copy(update={"used": used})
