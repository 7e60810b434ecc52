"""Development: one document per employee's record (enrolments, counselling, follow-up tasks),
the priority list from the highest box down, and the follow-up tasks still open."""

from __future__ import annotations

from datetime import date
from functools import singledispatch
from uuid import UUID

from eventsourcing.persistence import Tracking
from eventsourcing.utils import get_topic
from pydantic import BaseModel

from domain.envelope import Envelope
from domain.rules.ninebox import Recommendation
from domain.talent.development import (
    DevelopmentRecord,
    Enrolment,
    Method,
    Programme,
    priority,
)
from domain.talent.follow_ups import FollowUp
from projections.documents import DocumentView
from projections.documents.models import load, save
from projections.talent.profiles import profiles

DEVELOPMENT = "development"


class CounsellingRow(BaseModel):
    box: int
    on: date
    notes: str
    by: str  # the assessor's id


class DevelopmentRow(BaseModel):
    record_id: UUID
    agency: str
    nip: str
    enrolments: list[Enrolment] = []
    counselling: list[CounsellingRow] = []
    follow_ups: list[FollowUp] = []


class PriorityRow(BaseModel):
    nip: str
    box: int | None  # on the list's day; None: not mapped by then
    unit: str  # of the assessment in force; "" when not mapped
    enrolments: list[Enrolment]  # those dated by the list's day
    open_follow_ups: int


class FollowUpRow(FollowUp):
    nip: str


def development_priority(view: DocumentView, agency: str, on: date) -> list[PriorityRow]:
    """Everyone mapped by ``on`` or with a development record, ordered by the domain's
    ``priority``: the box in force on ``on`` from the highest down, the unmapped last, ties by
    NIP. The box comes from the profile, not the record, so a re-assessment reorders the list
    from its date."""
    held = {row.nip: row.in_force(on) for row in profiles(view, agency)}
    records = {
        row.nip: row
        for row in (DevelopmentRow.model_validate(d) for d in view.list(DEVELOPMENT, agency))
    }
    rows = []
    for nip in held.keys() | records.keys():
        assessment, record = held.get(nip), records.get(nip)
        if assessment is None and record is None:
            continue
        tasks = record.follow_ups if record else []
        rows.append(
            PriorityRow(
                nip=nip,
                box=assessment.box if assessment else None,
                unit=assessment.unit if assessment else "",
                enrolments=[e for e in (record.enrolments if record else []) if e.on <= on],
                open_follow_ups=sum(1 for task in tasks if _open_on(task, on)),
            )
        )
    return priority(rows)


def open_follow_ups(view: DocumentView, agency: str) -> list[FollowUpRow]:
    """The tasks not yet closed, the oldest first."""
    rows = [
        FollowUpRow(nip=record.nip, **task.model_dump())
        for record in (DevelopmentRow.model_validate(d) for d in view.list(DEVELOPMENT, agency))
        for task in record.follow_ups
        if task.closed_on is None
    ]
    return sorted(rows, key=lambda row: (row.opened_on, row.nip, row.recommendation))


def _open_on(task: FollowUp, day: date) -> bool:
    return task.opened_on <= day and (task.closed_on is None or day < task.closed_on)


def project_development(
    view: DocumentView, event: DevelopmentRecord.Event, tracking: Tracking
) -> None:
    if isinstance(event, DevelopmentRecord.Started):
        row = DevelopmentRow(record_id=event.originator_id, agency=event.agency, nip=event.nip)
    else:
        row = load(view, DEVELOPMENT, event.originator_id, DevelopmentRow)
        _change(event, row)
    save(view, DEVELOPMENT, row.record_id, row.agency, row, tracking)


@singledispatch
def _change(event: DevelopmentRecord.Event, row: DevelopmentRow) -> None:
    raise TypeError(f"the development records do not follow {type(event).__qualname__}")


@_change.register
def _(event: DevelopmentRecord.Enrolled, row: DevelopmentRow) -> None:
    row.enrolments.append(
        Enrolment(
            programme=Programme(event.programme),
            method=Method(event.method) if event.method else None,
            box=event.box,
            on=Envelope.from_event(event.envelope).effective,
        )
    )


@_change.register
def _(event: DevelopmentRecord.Counselled, row: DevelopmentRow) -> None:
    stamp = Envelope.from_event(event.envelope)
    row.counselling.append(
        CounsellingRow(box=event.box, on=stamp.effective, notes=event.notes, by=stamp.actor.id)
    )


@_change.register
def _(event: DevelopmentRecord.FollowUpOpened, row: DevelopmentRow) -> None:
    row.follow_ups.append(
        FollowUp(
            task_id=event.task_id,
            recommendation=Recommendation(event.recommendation),
            assessment_ref=event.assessment_ref,
            opened_on=Envelope.from_event(event.envelope).effective,
        )
    )


@_change.register
def _(event: DevelopmentRecord.FollowUpClosed, row: DevelopmentRow) -> None:
    closed_on = Envelope.from_event(event.envelope).effective
    row.follow_ups = [
        task.model_copy(update={"outcome": event.outcome, "closed_on": closed_on})
        if task.task_id == event.task_id
        else task
        for task in row.follow_ups
    ]


DEVELOPMENT_TOPICS = (
    get_topic(DevelopmentRecord.Started),
    *(get_topic(cls) for cls in _change.registry if cls is not object),
)
