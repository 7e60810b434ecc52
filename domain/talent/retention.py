"""Retention (binjai-2023 P28-30, balikpapan-2022 P18, P22): rotation, job enrichment and job
enlargement per employee, and awards by decree to the succession group, among them the Binjai
box-9 pin that holds 2 years (P30(2)(a), reading D7)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.envelope import Envelope
from domain.rules.calendar import expiry
from domain.rules.core import ReadingId
from domain.rules.cycle import CycleRules
from domain.rules.ninebox import SUCCESSION_BOXES
from domain.rules.pack import RulePack
from domain.talent.refusals import RETENTION
from domain.talent.stamps import stamped
from domain.values import Nip

_RETENTION_IDS = uuid5(NAMESPACE_URL, "talenta:retention-record")
_AWARD_IDS = uuid5(NAMESPACE_URL, "talenta:award")
# The pin with its 2-year term is box 9's (Binjai P30(2)(a)); the certificate and development
# priority are awards of the whole group (P30(1)), which P30(2) lists as what box 9's may be.
TOP_BOX = 9


class RetentionKind(StrEnum):
    ROTATION = "rotation"  # rotasi jabatan
    JOB_ENRICHMENT = "job-enrichment"  # pengayaan jabatan
    JOB_ENLARGEMENT = "job-enlargement"  # perluasan jabatan


class AwardKind(StrEnum):
    PIN = "pin"  # pin/lencana (Binjai P30(2)(a))
    CERTIFICATE = "certificate"  # sertifikat/piagam (P30(2)(b))
    DEVELOPMENT_PRIORITY = "development-priority"  # P30(2)(c)
    OTHER = "other"  # Balikpapan P18(2-3): awards fitting the agency, which may differ


def retention_id(agency: str, nip: str) -> UUID:
    return uuid5(_RETENTION_IDS, f"{agency}/{Nip(nip)}")


def award_id(agency: str, nip: str, decree_number: str, kind: AwardKind | str) -> UUID:
    """One award per employee, decree and kind: a decree may grant one employee several kinds
    (a pin and a certificate), and a retried decree names the same award."""
    return uuid5(_AWARD_IDS, f"{agency}/{Nip(nip)}/{decree_number}/{AwardKind(kind)}")


class RetentionRecord(Aggregate):
    """The retention measures taken for one employee of one agency."""

    class Started(Aggregate.Created):
        agency: str
        nip: str
        envelope: dict[str, Any]

    class RetentionRecorded(Aggregate.Event):
        kind: str
        detail: str
        envelope: dict[str, Any]

    @staticmethod
    def create_id(agency: str, nip: str, **_: Any) -> UUID:
        return retention_id(agency, nip)

    @event(Started)
    def __init__(self, agency: str, nip: str, envelope: dict[str, Any]) -> None:
        self.agency = agency
        self.nip = nip
        self.measures: list[tuple[RetentionKind, str, date]] = []

    @classmethod
    def start(cls, agency: str, nip: str, envelope: Envelope) -> RetentionRecord:
        return cls(agency=agency, nip=str(Nip(nip)), envelope=envelope.to_event())

    def record(self, kind: RetentionKind, detail: str, pack: RulePack, envelope: Envelope) -> None:
        if not detail.strip():
            raise RETENTION.refused("retention-detail-missing", _cycle(pack).retention_citation)
        self._recorded(kind=str(RetentionKind(kind)), detail=detail, envelope=envelope.to_event())

    @event(RetentionRecorded)
    def _recorded(self, kind: str, detail: str, envelope: dict[str, Any]) -> None:
        self.measures.append((RetentionKind(kind), detail, Envelope.from_event(envelope).effective))


class Award(Aggregate):
    """One award decree (Keputusan Wali Kota) for one member of the succession group."""

    class Awarded(Aggregate.Created):
        agency: str
        nip: str
        kind: str
        box: int
        detail: str
        decree_number: str
        decree_date: date
        expires_on: date | None
        envelope: dict[str, Any]

    class PinReminderSent(Aggregate.Event):
        lead_days: int
        envelope: dict[str, Any]

    class PinExpired(Aggregate.Event):
        expired_on: date
        envelope: dict[str, Any]

    @staticmethod
    def create_id(agency: str, nip: str, decree_number: str, kind: str, **_: Any) -> UUID:
        return award_id(agency, nip, decree_number, kind)

    @event(Awarded)
    def __init__(
        self,
        agency: str,
        nip: str,
        kind: str,
        box: int,
        detail: str,
        decree_number: str,
        decree_date: date,
        expires_on: date | None,
        envelope: dict[str, Any],
    ) -> None:
        self.agency = agency
        self.nip = nip
        self.kind = AwardKind(kind)
        self.box = box
        self.detail = detail
        self.decree_number = decree_number
        self.decree_date = decree_date
        self.expires_on = expires_on
        self.expired_on: date | None = None
        self.reminded: set[int] = set()

    @classmethod
    def grant(
        cls,
        agency: str,
        nip: str,
        kind: AwardKind,
        box: int | None,
        decree_number: str,
        decree_date: date,
        pack: RulePack,
        envelope: Envelope,
        detail: str = "",
    ) -> Award:
        """Awards ``kind`` to an employee in ``box`` on the decree date; a pin expires on the
        ``pin_years``-th anniversary of the decree (D7: 29 Feb → 28 Feb)."""
        member = succession_box(pack, box, decree_date)
        expires_on = pin_expiry(pack, kind, member, decree_date)
        cycle = _cycle(pack)
        pin = kind is AwardKind.PIN and cycle.pin_years is not None
        return cls(
            agency=agency,
            nip=str(Nip(nip)),
            kind=str(kind),
            box=member,
            detail=detail,
            decree_number=decree_number,
            decree_date=decree_date,
            expires_on=expires_on,
            envelope=stamped(
                envelope,
                pack,
                cycle.awards_citation,
                *(_pin_citations(cycle) if pin else ()),
                readings=pack.uses(ReadingId.D7) if pin else (),
            ),
        )

    # Commands of the pin clock

    def remind(self, lead_days: int, envelope: Envelope) -> bool:
        """Once per lead time; nothing to remind of an award without expiry or already expired.
        The pin clock's handler stamps the pin's article: the reminder is not given the pack."""
        if self.expires_on is None or self.expired_on or lead_days in self.reminded:
            return False
        self._reminder_sent(lead_days=lead_days, envelope=envelope.to_event())
        return True

    def expire(self, expired_on: date, pack: RulePack, envelope: Envelope) -> bool:
        """Idempotent, so a retried clock activity records the expiry once."""
        if self.expires_on is None:
            cycle = _cycle(pack)
            raise RETENTION.refused(
                "award-does-not-expire",
                cycle.pin_citation or cycle.awards_citation,
                kind=self.kind,
                decree_number=self.decree_number,
            )
        if self.expired_on is not None:
            return False
        if expired_on < self.expires_on:
            raise RETENTION.refused(
                "pin-not-yet-expired",
                _cycle(pack).pin_citation,
                expires_on=self.expires_on,
                expired_on=expired_on,
            )
        self._expired(
            expired_on=expired_on,
            envelope=stamped(
                envelope, pack, *_pin_citations(_cycle(pack)), readings=pack.uses(ReadingId.D7)
            ),
        )
        return True

    # Queries

    def valid_on(self, day: date) -> bool:
        """From the decree date; a pin through the day before its expiry (D7)."""
        return self.decree_date <= day and (self.expires_on is None or day < self.expires_on)

    # Events

    @event(PinReminderSent)
    def _reminder_sent(self, lead_days: int, envelope: dict[str, Any]) -> None:
        self.reminded.add(lead_days)

    @event(PinExpired)
    def _expired(self, expired_on: date, envelope: dict[str, Any]) -> None:
        self.expired_on = expired_on


def _pin_citations(cycle: CycleRules) -> tuple[str, ...]:
    return (cycle.pin_citation,) if cycle.pin_citation else ()


def _cycle(pack: RulePack) -> CycleRules:
    if pack.cycle is None:
        raise RETENTION.refused("no-talent-cycle-in-pack", regulation=pack.regulation)
    return pack.cycle


def succession_box(pack: RulePack, box: int | None, decree_date: date) -> int:
    """The box of a member of the succession group on the decree date; refused below box 7."""
    pack.ensure_in_force(decree_date)
    if box is None or box not in SUCCESSION_BOXES:
        raise RETENTION.refused(
            "award-outside-succession-group",
            _cycle(pack).awards_citation,
            decree_date=decree_date,
            box=box or "-",
        )
    return box


def pin_expiry(pack: RulePack, kind: AwardKind, box: int, decree_date: date) -> date | None:
    """The first day a pin no longer holds (None for other kinds, and for a pin where the pack
    sets no term); refuses a pin with a term to anyone but box 9."""
    cycle = _cycle(pack)
    if kind is not AwardKind.PIN or cycle.pin_years is None or cycle.pin_citation is None:
        # Balikpapan P18(3): awards "dapat dibuat berbeda", so a pin there is an award of the
        # group like any other, with no term.
        return None
    if box != TOP_BOX:
        raise RETENTION.refused(
            "pin-box-9-only", cycle.pin_citation, decree_date=decree_date, box=box
        )
    return expiry(decree_date, cycle.pin_years)
