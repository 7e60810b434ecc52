"""Scouting round commands (madiun-2021 P11-19): validated at the edge, then get, call, save.

Each handler takes the application, one command model and the authenticated actor; ``@allowed``
checks the actor's role and the round's agency must be the actor's. A concurrent change of the
same round makes ``app.save`` raise eventsourcing's IntegrityError: the caller reloads.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from domain.envelope import Actor, Basis, DocumentRef, Envelope, Evidence, Role
from domain.rules.core import EligibilityResult
from domain.rules.madiun import PACK
from domain.scouting.candidate import Candidate, Channel
from domain.scouting.plan import Announcement, Schedule
from domain.scouting.pool import PoolMembership
from domain.scouting.round import ScoutingRound
from domain.values import PositionLevel
from services.application import NotFound, Talenta
from services.auth import same_agency
from services.commands import Command, Name, Reason, RequiredName, Score, StrictNip
from services.eligibility import scouting_pack
from services.envelopes import envelope
from services.permissions import allowed

# Roles of madiun-2021 P7: the scouting team and its secretariat (BKPSDM caseworkers) run a round.
RUNS_ROUNDS = (Role.CASEWORKER, Role.SCOUTING_TEAM)


class RoundNotFound(NotFound):
    def __init__(self, round_id: UUID) -> None:
        super().__init__(
            f"putaran Talent Scouting {round_id} tidak ada", f"no scouting round {round_id}"
        )
        self.round_id = round_id


class Decision(Command):
    """What every command states besides its own fields: when it takes effect, why, on what."""

    effective: date
    reason: Reason = ""
    evidence: Evidence = Evidence()


class OpenRound(Decision):
    agency: RequiredName
    level: PositionLevel
    name: RequiredName
    schedule: Schedule
    announcement: Announcement


class RoundStep(Decision):
    round_id: UUID


class PublishRound(RoundStep):
    circular_number: Name
    website: Name


class RegisterCandidate(RoundStep):
    nip: StrictNip
    channel: Channel
    documents: tuple[DocumentRef, ...] = ()


class CandidateStep(RoundStep):
    """Recommendation (P13(2)) and document verification (P13(3)) of one registrant."""

    nip: StrictNip


class CloseRegistration(RoundStep):
    closed_on: date


class SelectAdministratively(RoundStep):
    nip: StrictNip
    documents_complete: bool
    corrects: Reason = ""


class RecordScore(RoundStep):
    nip: StrictNip
    score: Score
    corrects: Reason = ""


class ReportToMayor(RoundStep):
    report_number: Name


class SendReminder(RoundStep):
    key: RequiredName
    nips: tuple[StrictNip, ...]


def decision_envelope(actor: Actor, command: Decision, corrects: str = "") -> Envelope:
    """The round adds the articles each step applies to this basis."""
    return envelope(
        actor,
        command.effective,
        PACK,
        reason=command.reason,
        evidence=command.evidence,
        corrects=corrects,
    )


def load_round(app: Talenta, round_id: UUID, actor: Actor) -> ScoutingRound:
    try:
        found: ScoutingRound = app.repository.get(round_id)
    except AggregateNotFoundError:
        raise RoundNotFound(round_id) from None
    same_agency(actor, found.agency)
    return found


@allowed(*RUNS_ROUNDS)
def open_round(app: Talenta, command: OpenRound, actor: Actor) -> UUID:
    same_agency(actor, command.agency)
    scouting = ScoutingRound.open(
        command.agency,
        command.level,
        command.name,
        command.schedule,
        command.announcement,
        decision_envelope(actor, command),
    )
    app.save(scouting)
    return scouting.id


@allowed(*RUNS_ROUNDS)
def publish_round(app: Talenta, command: PublishRound, actor: Actor) -> None:
    scouting = load_round(app, command.round_id, actor)
    scouting.publish(command.circular_number, command.website, decision_envelope(actor, command))
    app.save(scouting)


def pool_holds_valid_entry(app: Talenta, nip: str, level: str, day: date) -> bool:
    """P22(2): does the employee hold a pool entry for ``level`` still valid on ``day``?"""
    try:
        membership: PoolMembership = app.repository.get(PoolMembership.create_id(nip, level))
    except AggregateNotFoundError:
        return False
    return membership.valid_on(day)


@allowed(Role.CASEWORKER)
def register_candidate(
    app: Talenta,
    command: RegisterCandidate,
    actor: Actor,
    holds_valid_entry: Callable[[str, str, date], bool] | None = None,
) -> Candidate:
    """The secretariat records a registration handed in or made on the website (P13(1))."""
    scouting = load_round(app, command.round_id, actor)
    app.employee(command.nip)  # EmployeeNotFound: only a known employee registers
    in_pool = holds_valid_entry or partial(pool_holds_valid_entry, app)
    scouting.register(
        command.nip,
        command.channel,
        command.documents,
        in_pool(command.nip, str(scouting.level), command.effective),
        decision_envelope(actor, command),
    )
    app.save(scouting)
    return scouting.candidates[command.nip]


@allowed(Role.HEAD_OF_UNIT)
def recommend_candidate(app: Talenta, command: CandidateStep, actor: Actor) -> Candidate:
    scouting = load_round(app, command.round_id, actor)
    scouting.recommend(command.nip, decision_envelope(actor, command))
    app.save(scouting)
    return scouting.candidates[command.nip]


@allowed(*RUNS_ROUNDS)
def verify_documents(app: Talenta, command: CandidateStep, actor: Actor) -> Candidate:
    scouting = load_round(app, command.round_id, actor)
    pack, _ = scouting_pack(scouting.agency, command.effective)
    scouting.verify_documents(command.nip, decision_envelope(actor, command), pack)
    app.save(scouting)
    return scouting.candidates[command.nip]


# The round's clock closes registration at the deadline by itself (P13).
@allowed(*RUNS_ROUNDS, Role.SYSTEM)
def close_registration(app: Talenta, command: CloseRegistration, actor: Actor) -> bool:
    """False when the registration was closed already, so a retried close is harmless."""
    scouting = load_round(app, command.round_id, actor)
    closed = scouting.close_registration(command.closed_on, decision_envelope(actor, command))
    app.save(scouting)
    return closed


@allowed(*RUNS_ROUNDS)
def select_administratively(
    app: Talenta, command: SelectAdministratively, actor: Actor
) -> Candidate:
    """P14: the pack's eligibility check on the personnel data, judged on the round's scheduled
    registration closing date (reading D4), and the completeness of the documents."""
    scouting = load_round(app, command.round_id, actor)
    stamp = decision_envelope(actor, command, command.corrects)
    # Refuse a step out of order before reading anyone's personnel data.
    on = scouting.registration_closes
    pack, check = scouting_pack(scouting.agency, on)
    scouting.ensure_selectable(command.nip, stamp, pack)
    result: EligibilityResult = check(
        app.facts(command.nip),
        scouting.level,
        on,
        scouting.agency,
        pack=pack,
        announced=scouting.schedule.announcement,
    )
    basis = Basis(
        pack=pack.id,
        citations=tuple(dict.fromkeys(r.citation for r in result.requirements)),
        readings={str(use.id): use.option for use in result.readings_used},
    )
    scouting.select_administratively(
        command.nip,
        result,
        command.documents_complete,
        stamp.model_copy(update={"basis": basis}),
        pack,
    )
    app.save(scouting)
    return scouting.candidates[command.nip]


@allowed(*RUNS_ROUNDS)
def announce_administrative_results(app: Talenta, command: RoundStep, actor: Actor) -> None:
    scouting = load_round(app, command.round_id, actor)
    scouting.announce_administrative_results(decision_envelope(actor, command))
    app.save(scouting)


@allowed(Role.ASSESSOR)
def record_potential(app: Talenta, command: RecordScore, actor: Actor) -> Candidate:
    """P15: by the independent assessor or assessment centre."""
    scouting = load_round(app, command.round_id, actor)
    stamp = decision_envelope(actor, command, command.corrects)
    scouting.record_potential(command.nip, command.score, stamp)
    app.save(scouting)
    return scouting.candidates[command.nip]


@allowed(Role.EXTERNAL_ASSESSOR)
def record_technical(app: Talenta, command: RecordScore, actor: Actor) -> Candidate:
    """P16(3): the written test is scored by the external assessors."""
    scouting = load_round(app, command.round_id, actor)
    stamp = decision_envelope(actor, command, command.corrects)
    scouting.record_technical(command.nip, command.score, stamp)
    app.save(scouting)
    return scouting.candidates[command.nip]


@allowed(*RUNS_ROUNDS)
def finalise_round(app: Talenta, command: RoundStep, actor: Actor) -> tuple[str, ...]:
    """Returns the NIPs that passed (P19(3))."""
    scouting = load_round(app, command.round_id, actor)
    scouting.finalise(decision_envelope(actor, command))
    app.save(scouting)
    return scouting.passed_nips


@allowed(Role.SCOUTING_TEAM)
def report_to_mayor(app: Talenta, command: ReportToMayor, actor: Actor) -> None:
    """P19(4): the chair of the scouting team reports the results to the mayor."""
    scouting = load_round(app, command.round_id, actor)
    scouting.report_to_mayor(command.report_number, decision_envelope(actor, command))
    app.save(scouting)


@allowed(Role.SYSTEM)
def send_reminder(app: Talenta, command: SendReminder, actor: Actor) -> bool:
    """Recorded by the workflow that reminds assessors; False when ``key`` was recorded."""
    scouting = load_round(app, command.round_id, actor)
    sent = scouting.remind(command.key, command.nips, decision_envelope(actor, command))
    app.save(scouting)
    return sent
