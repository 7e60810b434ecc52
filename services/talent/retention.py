"""Retention commands (binjai-2023 P28-30, balikpapan-2022 P18, P22): rotation, job enrichment and
enlargement; awards by the mayor's decree to the succession group (box 7-9 on the decree date,
read from the TalentProfile); the pin clock's reminders and expiry, by the system."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from domain.agencies import get_agency
from domain.envelope import Actor, DocumentRef, Evidence, Role
from domain.rules.core import ReadingId
from domain.talent.refusals import RETENTION
from domain.talent.retention import (
    Award,
    AwardKind,
    RetentionKind,
    RetentionRecord,
    award_id,
    retention_id,
)
from services.application import Talenta
from services.auth import same_agency
from services.commands import Command, Days, Name, NipText, Reason, RequiredName, RequiredText
from services.envelopes import envelope
from services.permissions import allowed
from services.talent.boxes import box_on
from services.talent.common import cycle_pack


class RecordRetention(Command):
    agency: Name
    nip: NipText
    kind: RetentionKind
    detail: RequiredText
    effective: date
    reason: Reason = ""


class AwardDecree(Command):
    """The mayoral decree (Keputusan Wali Kota) granting one award (Binjai P30(3))."""

    agency: Name
    nip: NipText
    kind: AwardKind
    decree_number: RequiredName
    decree_date: date
    # When the decree took effect, if known to the minute; a pin's clock counts from it.
    effective_at: datetime | None = None
    detail: Reason = ""
    reason: Reason = ""
    documents: tuple[DocumentRef, ...] = ()


class RemindPin(Command):
    award_id: UUID
    lead_days: Days
    on: date


class ExpirePin(Command):
    """Sent by the pin clock when the expiry day arrives."""

    award_id: UUID
    expired_on: date


@allowed(Role.TALENT_TEAM, Role.CASEWORKER)
def record_retention(app: Talenta, command: RecordRetention, actor: Actor) -> RetentionRecord:
    same_agency(actor, command.agency)
    pack, cycle = cycle_pack(command.agency, command.effective)
    stamp = envelope(
        actor, command.effective, pack, cycle.retention_citation, reason=command.reason
    )
    try:
        record: RetentionRecord = app.repository.get(retention_id(command.agency, command.nip))
    except AggregateNotFoundError:
        record = RetentionRecord.start(command.agency, command.nip, stamp)
    record.record(command.kind, command.detail, pack, stamp)
    app.save(record)
    return record


@allowed(Role.PPK)
def award(app: Talenta, command: AwardDecree, actor: Actor) -> Award:
    """A decree's award of this kind already recorded for the employee is returned as it
    stands, so a retried decree records nothing twice; another kind under the same decree is
    another award."""
    same_agency(actor, command.agency)
    try:
        found: Award = app.repository.get(
            award_id(command.agency, command.nip, command.decree_number, command.kind)
        )
    except AggregateNotFoundError:
        pass
    else:
        return found
    pack, cycle = cycle_pack(command.agency, command.decree_date)
    if (
        command.effective_at
        and get_agency(command.agency).local_date(command.effective_at) != command.decree_date
    ):
        raise RETENTION.refused(
            "decree-moment-mismatch",
            cycle.awards_citation,
            effective_at=command.effective_at,
            decree_date=command.decree_date,
        )
    stamp = envelope(
        actor,
        command.decree_date,
        pack,
        reason=command.reason,
        effective_at=command.effective_at,
        evidence=Evidence(
            decree_number=command.decree_number,
            decree_date=command.decree_date,
            documents=command.documents,
        ),
    )
    granted = Award.grant(
        command.agency,
        command.nip,
        command.kind,
        box_on(app, command.agency, command.nip, command.decree_date),
        command.decree_number,
        command.decree_date,
        pack,
        stamp,
        detail=command.detail,
    )
    app.save(granted)
    return granted


def _award(app: Talenta, award: UUID, actor: Actor) -> Award:
    found: Award = app.find(award, "penghargaan", "award")
    same_agency(actor, found.agency)
    return found


@allowed(Role.SYSTEM)
def remind_pin(app: Talenta, command: RemindPin, actor: Actor) -> bool:
    found = _award(app, command.award_id, actor)
    pack, cycle = cycle_pack(found.agency, command.on)
    pin = (cycle.pin_citation,) if cycle.pin_citation else ()
    stamp = envelope(actor, command.on, pack, *pin, readings=(ReadingId.D7,))
    if found.remind(command.lead_days, stamp):
        app.save(found)
        return True
    return False


@allowed(Role.SYSTEM)
def expire_pin(app: Talenta, command: ExpirePin, actor: Actor) -> bool:
    found = _award(app, command.award_id, actor)
    pack, _ = cycle_pack(found.agency, command.expired_on)
    stamp = envelope(
        actor,
        command.expired_on,
        pack,
        reason="masa berlaku pin berakhir / the pin's validity ended",
    )
    if found.expire(command.expired_on, pack, stamp):
        app.save(found)
        return True
    return False
