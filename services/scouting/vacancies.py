"""Promotion commands (madiun-2021 P23-28): open a vacancy, propose, shortlist, pick, inaugurate."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from uuid import UUID

from domain.envelope import Actor, DocumentRef, Evidence, Role
from domain.personnel.facts import PositionSpell
from domain.rules.madiun_promotion import (
    CamatQualification,
    check_camat_qualification,
    check_promotion_consideration,
)
from domain.rules.pack import RulePack
from domain.scouting.mutation import TenureReview
from domain.scouting.pool import PoolEntry
from domain.scouting.tpk import TpkMember, TpkSession
from domain.scouting.vacancy import LEVELS, Vacancy
from domain.scouting.vacancy_state import Standing
from domain.values import Nip, PositionLevel
from services.application import Talenta
from services.auth import same_agency
from services.commands import Command, NipText, Reason, RequiredName
from services.eligibility import scouting_pack
from services.permissions import allowed
from services.scouting.common import envelope
from services.scouting.pool import membership_of


class OpenVacancy(Command):
    agency: RequiredName
    position: RequiredName
    unit: RequiredName
    level: PositionLevel
    camat: bool = False
    opened_on: date
    reason: Reason = ""


class ProposeCandidate(Command):
    vacancy_id: UUID
    nip: NipText
    proposed_on: date
    # P30(2): for a Camat, the diploma or certificate the appointment rests on, with its scan.
    camat_qualification: CamatQualification | None = None
    reason: Reason = ""


class ShortlistCandidates(Command):
    vacancy_id: UUID
    # The mayor's decree constituting the board (P8(1)) and who sat for each of its offices.
    tpk_decree: RequiredName
    members: tuple[TpkMember, ...]
    minutes_number: RequiredName
    minutes_date: date
    nips: tuple[NipText, ...]
    justification: Reason = ""
    documents: tuple[DocumentRef, ...] = ()


class PickCandidate(Command):
    vacancy_id: UUID
    nip: NipText
    decree_number: RequiredName
    decree_date: date
    reason: Reason = ""


class LapsePick(Command):
    """The picked candidate's pool entry expired before the inauguration (P22(1))."""

    vacancy_id: UUID
    lapsed_on: date
    reason: Reason = ""


class Inaugurate(Command):
    vacancy_id: UUID
    inaugurated_on: date
    reason: Reason = ""


def _vacancy(app: Talenta, vacancy_id: UUID, actor: Actor) -> Vacancy:
    found: Vacancy = app.find(vacancy_id, "lowongan", "vacancy")
    same_agency(actor, found.agency)
    return found


def _proposed_entry(app: Talenta, vacancy: Vacancy, nip: str) -> PoolEntry:
    """The entry ``nip`` was proposed with (proposals are refused for another level)."""
    membership = membership_of(app, nip, vacancy.level)
    assert membership is not None  # the proposal was made with an entry of this membership
    return membership.entry(vacancy.proposals[nip].entry_id)


def _standing(app: Talenta, vacancy: Vacancy, nips: Iterable[str], on: date) -> dict[str, Standing]:
    """For each proposed NIP among ``nips``: the proposed entry and P30(5) on ``on``; the
    vacancy refuses the others by itself."""
    proposed = [str(Nip(nip)) for nip in nips if Nip(nip) in vacancy.proposals]
    return {
        nip: Standing(
            entry=_proposed_entry(app, vacancy, nip),
            consideration=check_promotion_consideration(app.facts(nip), on),
        )
        for nip in dict.fromkeys(proposed)
    }


@allowed(Role.CASEWORKER)
def open_vacancy(app: Talenta, command: OpenVacancy, actor: Actor) -> UUID:
    same_agency(actor, command.agency)
    scouting_pack(command.agency, command.opened_on)  # refuses agencies without a talent pool
    vacancy = Vacancy.open(
        command.agency,
        command.position,
        command.unit,
        command.level,
        command.camat,
        command.opened_on,
        envelope(actor, command.opened_on, reason=command.reason),
    )
    app.save(vacancy)
    return vacancy.id


@allowed(Role.HEAD_OF_UNIT)
def propose_candidate(app: Talenta, command: ProposeCandidate, actor: Actor) -> None:
    vacancy = _vacancy(app, command.vacancy_id, actor)
    on = command.proposed_on
    facts = app.facts(command.nip)
    qualification = command.camat_qualification
    camat = check_camat_qualification(qualification, on) if vacancy.camat else None
    stamp = envelope(
        actor,
        on,
        reason=command.reason,
        evidence=Evidence(documents=(qualification.document,) if qualification else ()),
    )
    vacancy.propose(
        command.nip,
        _pool_entry(app, command.nip, vacancy.level, on),
        check_promotion_consideration(facts, on),
        camat,
        stamp,
    )
    app.save(vacancy)


def _pool_entry(app: Talenta, nip: str, level: PositionLevel, on: date) -> PoolEntry | None:
    """The entry valid on ``on`` at the vacancy's level; failing that the latest entry at any
    scouted level, so the refusal can say "expired" or "other level" rather than "not listed"."""
    ordered = (level, *(other for other in LEVELS if other is not level))
    memberships = [m for m in (membership_of(app, nip, lvl) for lvl in ordered) if m is not None]
    for membership in memberships:
        valid = membership.entry_valid_on(on)
        if valid is not None:
            return valid
    latest = [m.entries[-1] for m in memberships if m.entries]
    return latest[0] if latest else None


@allowed(Role.TPK_MEMBER)
def shortlist(
    app: Talenta, command: ShortlistCandidates, actor: Actor, pack: RulePack | None = None
) -> None:
    """Judged under the pack in force on the minutes' date with its readings (M1 the board's
    quorum, M2 the shortlist's size), or under ``pack`` for an agency that chose others."""
    vacancy = _vacancy(app, command.vacancy_id, actor)
    session = TpkSession(
        minutes_number=command.minutes_number,
        minutes_date=command.minutes_date,
        decree_number=command.tpk_decree,
        members=command.members,
    )
    pack = pack or scouting_pack(vacancy.agency, command.minutes_date)[0]
    stamp = envelope(
        actor,
        command.minutes_date,
        reason=command.justification,
        evidence=Evidence(
            minutes_number=command.minutes_number,
            minutes_date=command.minutes_date,
            documents=command.documents,
        ),
    )
    vacancy.shortlist(
        session,
        list(command.nips),
        command.justification,
        _standing(app, vacancy, command.nips, command.minutes_date),
        stamp,
        pack,
    )
    app.save(vacancy)


@allowed(Role.PPK)
def pick(app: Talenta, command: PickCandidate, actor: Actor) -> None:
    vacancy = _vacancy(app, command.vacancy_id, actor)
    stamp = envelope(
        actor,
        command.decree_date,
        reason=command.reason,
        evidence=Evidence(decree_number=command.decree_number, decree_date=command.decree_date),
    )
    vacancy.pick(
        command.nip,
        command.decree_number,
        command.decree_date,
        _standing(app, vacancy, (command.nip,), command.decree_date),
        stamp,
    )
    app.save(vacancy)


@allowed(Role.PPK)
def lapse_pick(app: Talenta, command: LapsePick, actor: Actor) -> None:
    """The pick lapses when the picked candidate's entry expired before the inauguration; the
    vacancy goes back to its shortlist for another pick (P22(1), P24 angka 5)."""
    vacancy = _vacancy(app, command.vacancy_id, actor)
    stamp = envelope(actor, command.lapsed_on, reason=command.reason)
    picked = vacancy.picked
    entry = _proposed_entry(app, vacancy, picked.nip) if picked else None
    vacancy.lapse_pick(entry, stamp)  # without a pick: refused as the wrong stage
    app.save(vacancy)


@allowed(Role.CASEWORKER)
def inaugurate(app: Talenta, command: Inaugurate, actor: Actor) -> None:
    """The vacancy filled, the pool entry used, the new position in the personnel record and
    the tenure clock started: one save, so none is written without the others."""
    vacancy = _vacancy(app, command.vacancy_id, actor)
    on = command.inaugurated_on
    stamp = envelope(actor, on, "P27", "P28", "P23(2)", reason=command.reason)
    vacancy.inaugurate(on, stamp)
    picked = vacancy.picked
    assert picked is not None  # inaugurate() refuses a vacancy without a pick
    membership = membership_of(app, picked.nip, vacancy.level)
    assert membership is not None  # the pick was proposed with an entry of this membership
    membership.use(vacancy.proposals[picked.nip].entry_id, vacancy.id, on, stamp)
    employee = app.employee(picked.nip)
    facts = employee.facts
    spell = PositionSpell(
        level=vacancy.level,
        title=vacancy.position,
        start=on,
        unit=vacancy.unit,
        inauguration=on,
        decree_number=picked.decree_number,
    )
    employee.update(
        facts.model_copy(update={"positions": (*facts.positions, spell), "unit": vacancy.unit}),
        stamp,
    )
    tenure = TenureReview.start(picked.nip, vacancy.agency, vacancy.position, on, stamp)
    app.save(vacancy, membership, employee, tenure)
