"""Talent-pool commands: the mayor's pool decree (madiun-2021 P20, P22) and the clock's steps."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.domain import Aggregate

from domain.agencies import get_agency
from domain.envelope import Actor, DocumentRef, Envelope, Evidence, Role
from domain.rules.core import ReadingId
from domain.scouting.pool import PoolEntry, PoolMembership, membership_id
from domain.scouting.refusals import POOL
from domain.values import PositionLevel
from services.application import Talenta
from services.auth import same_agency
from services.commands import Command, Days, Reason, RequiredName
from services.permissions import allowed
from services.scouting.common import envelope
from services.scouting.rounds import load_round


class PoolDecree(Command):
    """The mayoral decree (Keputusan Walikota) that lists a round's passed candidates."""

    decree_number: RequiredName
    decree_date: date
    # When the decree took effect, if known to the minute; the entries' clocks count from it.
    effective_at: datetime | None = None
    reason: Reason = ""
    documents: tuple[DocumentRef, ...] = ()


class DecreePool(PoolDecree):
    round_id: UUID


class ExpireEntry(Command):
    """Sent by the pool-entry clock when the expiry day arrives."""

    membership_id: UUID
    entry_id: UUID
    expired_on: date


class RemindExpiry(Command):
    membership_id: UUID
    entry_id: UUID
    lead_days: Days
    on: date


def membership_of(app: Talenta, nip: str, level: PositionLevel) -> PoolMembership | None:
    try:
        found: PoolMembership = app.repository.get(membership_id(nip, level))
    except AggregateNotFoundError:
        return None
    return found


@allowed(Role.PPK)
def decree_pool(app: Talenta, command: DecreePool, actor: Actor) -> list[PoolEntry]:
    """Lists every candidate who passed the round (P19(3)) in the pool by one decree (P20(2)),
    recorded on the round as ``PoolDecreed`` once: a second, different decree is refused; the
    same decree again returns its entries and writes nothing."""
    scouting_round = load_round(app, command.round_id, actor)
    stamp = _decree_envelope(actor, command)
    if not scouting_round.decree_pool(command.decree_number, command.decree_date, stamp):
        return [
            entry
            for nip in scouting_round.passed_nips
            for entry in _entries_of(app, nip, scouting_round.level, command.decree_number)
        ]
    return decree_entries(
        app,
        scouting_round.passed_nips,
        scouting_round.level,
        scouting_round.agency,
        scouting_round.id,
        command,
        actor,
        with_round=scouting_round,
    )


def _entries_of(
    app: Talenta, nip: str, level: PositionLevel, decree_number: str
) -> list[PoolEntry]:
    membership = membership_of(app, nip, level)
    entries = membership.entries if membership else ()
    return [e for e in entries if e.decree_number == decree_number]


def _decree_envelope(actor: Actor, decree: PoolDecree) -> Envelope:
    return envelope(
        actor,
        decree.decree_date,
        "P20(2)",
        "P22(1)",
        reason=decree.reason,
        readings=(ReadingId.D7,),
        effective_at=decree.effective_at,
        evidence=Evidence(
            decree_number=decree.decree_number,
            decree_date=decree.decree_date,
            documents=decree.documents,
        ),
    )


def decree_entries(
    app: Talenta,
    nips: Iterable[str],
    level: PositionLevel,
    agency: str,
    round_id: UUID,
    decree: PoolDecree,
    actor: Actor,
    with_round: Aggregate | None = None,
) -> list[PoolEntry]:
    """Every entry is decided before anything is saved, so a refusal writes nothing. A decree
    already recorded for a NIP is skipped, so a retried decree completes what a crash cut off.

    ``with_round``: the round with its pending ``PoolDecreed``, saved with the memberships and
    last. Up to MAX_EVENTS_PER_SAVE events (a city's round is far below: two per new member)
    that is one atomic save. Beyond it the memberships go in bounded batches and the round in
    the last one, so the round says "decreed" only once every entry is written; should a batch
    fail, the entries saved before it stay, the round is not marked, and the same decree run
    again skips those entries and completes the rest (a different decree is refused for them by
    P22(2), as their terms would overlap)."""
    same_agency(actor, agency)
    if (
        decree.effective_at
        and get_agency(agency).local_date(decree.effective_at) != decree.decree_date
    ):
        raise POOL.refused(
            "decree-moment-mismatch",
            effective_at=decree.effective_at,
            decree_date=decree.decree_date,
        )
    listed = sorted(set(nips))
    if not listed:
        raise POOL.refused("no-passed-candidates")
    stamp = _decree_envelope(actor, decree)
    memberships: list[PoolMembership] = []
    entries: list[PoolEntry] = []
    for nip in listed:
        membership = membership_of(app, nip, level) or PoolMembership.start(nip, level, stamp)
        already = [e for e in membership.entries if e.decree_number == decree.decree_number]
        if already:
            entries.extend(already)
            continue
        entries.append(
            membership.decree_entry(
                nip, level, agency, round_id, decree.decree_number, decree.decree_date, stamp
            )
        )
        memberships.append(membership)
    app.save_bounded([*memberships, *((with_round,) if with_round is not None else ())])
    return entries


def _membership(app: Talenta, membership: UUID, entry_id: UUID, actor: Actor) -> PoolMembership:
    found: PoolMembership = app.find(membership, "keanggotaan Talent Pool", "pool membership")
    same_agency(actor, found.entry(entry_id).agency)
    return found


@allowed(Role.SYSTEM)
def expire_entry(app: Talenta, command: ExpireEntry, actor: Actor) -> bool:
    membership = _membership(app, command.membership_id, command.entry_id, actor)
    stamp = envelope(
        actor,
        command.expired_on,
        reason="masa berlaku 3 tahun berakhir; boleh mengikuti Talent Scouting kembali / the "
        "3-year term ended; may take part in scouting again",
    )
    if membership.expire(command.entry_id, command.expired_on, stamp):
        app.save(membership)
        return True
    return False


@allowed(Role.SYSTEM)
def remind_expiry(app: Talenta, command: RemindExpiry, actor: Actor) -> bool:
    membership = _membership(app, command.membership_id, command.entry_id, actor)
    stamp = envelope(actor, command.on)
    if membership.remind_expiry(command.entry_id, command.lead_days, stamp):
        app.save(membership)
        return True
    return False
