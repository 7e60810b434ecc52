"""Development commands (binjai-2023 P24-27, balikpapan-2022 P20-21): enrolments, performance
counselling by an assessor, and the follow-up tasks of an assessment's recommendations. The box and
the assessment a step is judged on are read from the employee's TalentProfile on its date."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from domain.envelope import Actor, Role
from domain.rules.core import ReadingId
from domain.rules.pack import RulePack
from domain.talent.development import (
    DevelopmentRecord,
    Enrolment,
    Method,
    Programme,
    development_id,
)
from domain.talent.follow_ups import FollowUp, unknown_follow_up
from domain.talent.refusals import DEVELOPMENT
from domain.talent.sekolah_kader import judges_sekolah_kader, sekolah_kader_eligibility
from domain.values import Nip
from services.application import Talenta
from services.auth import same_agency
from services.commands import Command, Name, NipText, Reason, RequiredText
from services.envelopes import envelope
from services.permissions import allowed
from services.talent.boxes import assessment_centre_on, assessment_on, box_on
from services.talent.common import cycle_pack


class EmployeeStep(Command):
    agency: Name
    nip: NipText
    effective: date
    reason: Reason = ""


class Enrol(EmployeeStep):
    programme: Programme
    method: Method | None = None  # corporate university only (Binjai P26)
    # Binjai P25(3): the institution's test; None while it is still to be held.
    institution_test: bool | None = None


class Counsel(EmployeeStep):
    notes: RequiredText


class OpenFollowUps(EmployeeStep):
    """Opens a task for each recommendation of the assessment in force on ``effective``."""


class CloseFollowUp(EmployeeStep):
    task_id: UUID
    outcome: RequiredText


def record_of(app: Talenta, agency: str, nip: str) -> DevelopmentRecord | None:
    try:
        found: DevelopmentRecord = app.repository.get(development_id(agency, nip))
    except AggregateNotFoundError:
        return None
    return found


@allowed(Role.CASEWORKER, Role.TALENT_TEAM)
def enrol(app: Talenta, command: Enrol, actor: Actor) -> Enrolment:
    same_agency(actor, command.agency)
    pack, cycle = cycle_pack(command.agency, command.effective)
    box = box_on(app, command.agency, command.nip, command.effective)
    citations: list[str] = [cycle.development_priority_citation]
    readings: tuple[ReadingId, ...] = ()
    judged = command.programme is Programme.SEKOLAH_KADER and judges_sekolah_kader(pack)
    facts = app.facts(command.nip) if judged else None
    taken = assessment_centre_on(app, command.agency, command.nip, command.effective)
    if facts is not None:
        # Judged here first so the envelope names every article and reading the decision used;
        # the record judges again on the same facts, so it never holds an unjudged enrolment.
        result = sekolah_kader_eligibility(
            pack,
            facts,
            on=command.effective,
            assessment_centre=taken,
            box=box,
            institution_test=command.institution_test,
        )
        citations += dict.fromkeys(r.citation for r in result.deciding)
        readings = tuple(use.id for use in result.readings_used)
    stamp = envelope(
        actor, command.effective, pack, *citations, reason=command.reason, readings=readings
    )
    record = record_of(app, command.agency, command.nip) or DevelopmentRecord.start(
        command.agency, command.nip, stamp
    )
    record.enrol(
        command.programme,
        box,
        pack,
        stamp,
        method=command.method,
        facts=facts,
        assessment_centre=taken,
        institution_test=command.institution_test,
    )
    app.save(record)
    return record.enrolments[-1]


@allowed(Role.ASSESSOR)
def counsel(app: Talenta, command: Counsel, actor: Actor) -> DevelopmentRecord:
    same_agency(actor, command.agency)
    pack, cycle = cycle_pack(command.agency, command.effective)
    box = box_on(app, command.agency, command.nip, command.effective)
    stamp = envelope(
        actor,
        command.effective,
        pack,
        cycle.counselling_citation,
        _recommendations_citation(pack),
        reason=command.reason,
    )
    record = record_of(app, command.agency, command.nip) or DevelopmentRecord.start(
        command.agency, command.nip, stamp
    )
    record.counsel(box, command.notes, pack, stamp)
    app.save(record)
    return record


@allowed(Role.CASEWORKER, Role.TALENT_TEAM)
def open_follow_ups(app: Talenta, command: OpenFollowUps, actor: Actor) -> list[FollowUp]:
    """Idempotent: the tasks of an assessment already opened are not opened again."""
    same_agency(actor, command.agency)
    pack, cycle = cycle_pack(command.agency, command.effective)
    assessment = assessment_on(app, command.agency, command.nip, command.effective)
    if assessment is None:
        raise DEVELOPMENT.refused(
            "not-assessed", cycle.assessment_citation, nip=Nip(command.nip), on=command.effective
        )
    stamp = envelope(
        actor, command.effective, pack, _recommendations_citation(pack), reason=command.reason
    )
    record = record_of(app, command.agency, command.nip) or DevelopmentRecord.start(
        command.agency, command.nip, stamp
    )
    opened = record.open_follow_ups(assessment.ref, assessment.recommendations, stamp)
    if opened:
        app.save(record)
    return opened


@allowed(Role.CASEWORKER, Role.TALENT_TEAM)
def close_follow_up(app: Talenta, command: CloseFollowUp, actor: Actor) -> FollowUp:
    same_agency(actor, command.agency)
    pack, cycle = cycle_pack(command.agency, command.effective)
    record = record_of(app, command.agency, command.nip)
    if record is None:
        raise unknown_follow_up(str(Nip(command.nip)), command.task_id, cycle)
    stamp = envelope(
        actor, command.effective, pack, _recommendations_citation(pack), reason=command.reason
    )
    closed = record.close_follow_up(command.task_id, command.outcome, pack, stamp)
    app.save(record)
    return closed


def _recommendations_citation(pack: RulePack) -> str:
    """The Lampiran listing each box's recommendations, which the tasks carry out."""
    if pack.nine_box is None:
        raise ValueError(f"{pack.id} runs the talent cycle without a nine-box")
    return pack.nine_box.recommendations_citation
