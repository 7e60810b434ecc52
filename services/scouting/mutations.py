"""Mutation through the board to the mayor (madiun-2021 P25-26) and the 5-year tenure review
(P25(3))."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from domain.envelope import Actor, Evidence, Role
from domain.rules.core import ReadingId
from domain.scouting.mutation import Mutation, MutationGrounds, TenureReview, tenure_review_due
from domain.scouting.tpk import TpkMember, TpkSession
from domain.values import PositionLevel
from services.application import Talenta
from services.auth import same_agency
from services.commands import Command, Days, NipText, Reason, RequiredName, RequiredText, Years
from services.permissions import allowed
from services.scouting.common import envelope


class ProposeMutation(Command):
    agency: RequiredName
    nip: NipText
    level: PositionLevel
    from_position: RequiredName
    to_position: RequiredName
    unit: RequiredName
    qualification: RequiredText
    competence: RequiredText
    performance: RequiredText
    years_in_position: Years
    proposed_on: date
    reason: Reason = ""


class RecommendMutation(Command):
    mutation_id: UUID
    tpk_decree: RequiredName
    members: tuple[TpkMember, ...]
    minutes_number: RequiredName
    minutes_date: date
    recommended: bool
    note: Reason = ""


class Decree(Command):
    decree_number: RequiredName
    decree_date: date
    reason: Reason = ""


class DecideMutation(Decree):
    mutation_id: UUID
    approved: bool


class RemindTenure(Command):
    review_id: UUID
    lead_days: Days
    on: date


class DecideTenure(Decree):
    review_id: UUID
    extend: bool


def _mutation(app: Talenta, mutation_id: UUID, actor: Actor) -> Mutation:
    found: Mutation = app.find(mutation_id, "usulan mutasi", "mutation proposal")
    same_agency(actor, found.agency)
    return found


def _review(app: Talenta, review_id: UUID, actor: Actor) -> TenureReview:
    found: TenureReview = app.find(review_id, "telaah masa jabatan", "tenure review")
    same_agency(actor, found.agency)
    return found


@allowed(Role.HEAD_OF_UNIT)
def propose_mutation(app: Talenta, command: ProposeMutation, actor: Actor) -> UUID:
    same_agency(actor, command.agency)
    grounds = MutationGrounds(
        qualification=command.qualification,
        competence=command.competence,
        performance=command.performance,
        years_in_position=command.years_in_position,
    )
    mutation = Mutation.propose(
        command.agency,
        command.nip,
        command.level,
        command.from_position,
        command.to_position,
        command.unit,
        grounds,
        envelope(actor, command.proposed_on, reason=command.reason),
    )
    app.save(mutation)
    return mutation.id


@allowed(Role.TPK_MEMBER)
def recommend_mutation(app: Talenta, command: RecommendMutation, actor: Actor) -> None:
    mutation = _mutation(app, command.mutation_id, actor)
    session = TpkSession(
        minutes_number=command.minutes_number,
        minutes_date=command.minutes_date,
        decree_number=command.tpk_decree,
        members=command.members,
    )
    stamp = envelope(
        actor,
        command.minutes_date,
        reason=command.note,
        evidence=Evidence(minutes_number=command.minutes_number, minutes_date=command.minutes_date),
    )
    mutation.recommend(session, command.recommended, command.note, stamp)
    app.save(mutation)


@allowed(Role.PPK)
def decide_mutation(app: Talenta, command: DecideMutation, actor: Actor) -> None:
    mutation = _mutation(app, command.mutation_id, actor)
    stamp = envelope(
        actor,
        command.decree_date,
        reason=command.reason,
        evidence=Evidence(decree_number=command.decree_number, decree_date=command.decree_date),
    )
    mutation.decide(command.approved, command.decree_number, command.decree_date, stamp)
    app.save(mutation, *_tenure_of_mutation(app, mutation, command, actor))


def _tenure_of_mutation(
    app: Talenta, mutation: Mutation, command: DecideMutation, actor: Actor
) -> list[TenureReview]:
    """An approved mutation starts the holder's 5 years in the new position from its decree
    (P25(3)), saved with the decision."""
    due = tenure_review_due(mutation.nip, mutation.to_position, command.decree_date)
    if not command.approved or due.review_id in app.repository:
        return []
    stamp = envelope(
        actor,
        command.decree_date,
        "P25(3)",
        "P26(4)",
        reason=command.reason,
        readings=(ReadingId.D7,),
        evidence=Evidence(decree_number=command.decree_number, decree_date=command.decree_date),
    )
    start = TenureReview.start
    return [start(mutation.nip, mutation.agency, mutation.to_position, command.decree_date, stamp)]


@allowed(Role.SYSTEM)
def remind_tenure(app: Talenta, command: RemindTenure, actor: Actor) -> bool:
    review = _review(app, command.review_id, actor)
    stamp = envelope(actor, command.on)
    if review.remind(command.lead_days, stamp):
        app.save(review)
        return True
    return False


@allowed(Role.PPK)
def decide_tenure(app: Talenta, command: DecideTenure, actor: Actor) -> None:
    review = _review(app, command.review_id, actor)
    stamp = envelope(
        actor,
        command.decree_date,
        reason=command.reason,
        evidence=Evidence(decree_number=command.decree_number, decree_date=command.decree_date),
    )
    review.decide(command.extend, command.decree_number, command.decree_date, stamp)
    app.save(review)
