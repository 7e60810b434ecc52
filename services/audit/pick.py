"""The audit answer for a pick (madiun-2021 P23-24): from the vacancy to the proposals, the
board's shortlist with its minutes, and the mayor's decree, with each candidate's pool entry,
eligibility and scores and the rules in force on each decision's date."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.application import project_aggregate
from pydantic import BaseModel

from domain.envelope import Actor
from domain.rules.registry import pack_in_force
from domain.scouting.pool import PoolEntry, PoolMembership, membership_id
from domain.scouting.round import ScoutingRound
from domain.scouting.vacancy import Vacancy
from projections.audit import Row
from services.agency_bounds import bounded
from services.application import NotFound, Talenta
from services.audit.events import AuditEvent, audited
from services.audit.timeline import ensure_reader, followed_index
from services.auth import same_agency
from services.stored_events import events_at, streams


class CandidateTrail(BaseModel):
    nip: str
    shortlisted: bool
    picked: bool
    pool_entry: PoolEntry
    entry_valid_when_proposed: bool
    eligibility: dict[str, Any] | None  # the administrative selection's stored result
    result: dict[str, Any] | None  # final score, category, passed
    events: list[AuditEvent]  # the candidate's own steps, in the round, the pool and here


class PickAudit(BaseModel):
    vacancy_id: UUID
    agency: str
    position: str
    unit: str
    level: str
    pack: str
    regulation: str
    timeline: list[AuditEvent]
    candidates: list[CandidateTrail]
    flags: list[str]  # what an inspector should look at, e.g. a short shortlist


@bounded
def audit_pick(app: Talenta, vacancy_id: UUID, actor: Actor) -> PickAudit:
    ensure_reader(actor)
    return pick_audit(app, vacancy_id, list(app.repository.event_store.get(vacancy_id)), actor)


def pick_audit(app: Talenta, vacancy_id: UUID, events: list[Any], actor: Actor) -> PickAudit:
    """The answer from the vacancy's stored ``events``, read once by the caller; each stream
    is read once and its aggregate projected from it, not read again."""
    vacancy: Vacancy | None = project_aggregate(None, events)
    if vacancy is None:
        raise NotFound.of(vacancy_id, "lowongan", "vacancy")
    same_agency(actor, vacancy.agency)
    pack = pack_in_force(vacancy.agency, vacancy.opened_on)
    shortlisted = vacancy.shortlisted.nips if vacancy.shortlisted else ()
    picked = vacancy.picked.nip if vacancy.picked else None
    candidates = _trails(app, vacancy, events, shortlisted, picked)
    flags = []
    if vacancy.shortlisted and vacancy.shortlisted.short:
        flags.append(
            f"daftar pendek kurang dari 3 ({len(shortlisted)}) dengan alasan / shortlist of "
            f"fewer than 3 ({len(shortlisted)}) with justification: "
            f"{vacancy.shortlisted.justification} [madiun-2021:P24 angka 4]"
        )
    for lapse in vacancy.lapses:
        flags.append(
            f"pilihan NIP {lapse.nip} gugur {lapse.lapsed_on}: entri Talent Pool berakhir "
            f"{lapse.expired_on} sebelum pelantikan / the pick of NIP {lapse.nip} lapsed on "
            f"{lapse.lapsed_on}: the pool entry expired on {lapse.expired_on} before the "
            "inauguration [madiun-2021:P22(1)]"
        )
    return PickAudit(
        vacancy_id=vacancy.id,
        agency=vacancy.agency,
        position=vacancy.position,
        unit=vacancy.unit,
        level=str(vacancy.level),
        pack=pack.id,
        regulation=pack.regulation,
        timeline=audited(app, events),
        candidates=candidates,
        flags=flags,
    )


def _trails(
    app: Talenta,
    vacancy: Vacancy,
    vacancy_events: list[Any],
    shortlisted: tuple[str, ...],
    picked: str | None,
) -> list[CandidateTrail]:
    """Every proposed candidate's trail, the memberships and the round's events about the
    candidates each read in one query."""
    memberships = streams(app, (membership_id(nip, vacancy.level) for nip in vacancy.proposals))
    index = followed_index(app)
    found: list[tuple[str, list[Any], PoolEntry, set[Row]]] = []
    for nip, proposal in vacancy.proposals.items():
        pool_stream = memberships.get(membership_id(nip, vacancy.level), [])
        membership: PoolMembership | None = project_aggregate(None, pool_stream)
        if membership is None:  # a proposal is only ever made with an entry of this membership
            raise NotFound.of(nip, "keanggotaan Talent Pool", "pool membership")
        entry = membership.entry(proposal.entry_id)
        # The round's events naming the candidate, through the subject index: a round of
        # hundreds of candidates is not read whole for each of them.
        named = set(index.rows_in(nip, entry.round_id))
        found.append((nip, pool_stream, entry, named))
    read = events_at(app, (row for *_, named in found for row in named))
    return [
        _trail(
            app,
            vacancy,
            vacancy_events,
            nip,
            pool_stream,
            entry,
            [e for e in read if (e.originator_id, e.originator_version) in named],
            nip in shortlisted,
            nip == picked,
        )
        for nip, pool_stream, entry, named in found
    ]


def _trail(
    app: Talenta,
    vacancy: Vacancy,
    vacancy_events: list[Any],
    nip: str,
    pool_stream: list[Any],
    entry: PoolEntry,
    named: list[Any],
    shortlisted: bool,
    picked: bool,
) -> CandidateTrail:
    proposal = vacancy.proposals[nip]
    round_events = [
        e
        for e in named
        if getattr(e, "nip", None) == nip or isinstance(e, ScoutingRound.ResultsFinalised)
    ]
    selection = next(
        (
            e
            for e in reversed(round_events)
            if isinstance(e, ScoutingRound.AdministrativelySelected)
        ),
        None,
    )
    finalised = next(
        (e for e in round_events if isinstance(e, ScoutingRound.ResultsFinalised)), None
    )
    pool_events = [e for e in pool_stream if getattr(e, "entry_id", None) == proposal.entry_id]
    own = [e for e in vacancy_events if getattr(e, "nip", None) == nip]
    return CandidateTrail(
        nip=nip,
        shortlisted=shortlisted,
        picked=picked,
        pool_entry=entry,
        entry_valid_when_proposed=entry.decree_date <= proposal.proposed_on < entry.expires_on,
        eligibility=selection.eligibility if selection else None,
        result=finalised.results.get(nip) if finalised else None,
        events=audited(app, (*round_events, *pool_events, *own)),
    )
