"""Vacancies: one document per vacancy with its proposals, the board's shortlist and the pick."""

from __future__ import annotations

from datetime import date
from functools import singledispatch
from uuid import UUID

from eventsourcing.persistence import Tracking
from eventsourcing.utils import get_topic
from pydantic import BaseModel

from domain.envelope import Envelope
from domain.scouting.tpk import TpkMember
from domain.scouting.vacancy import Vacancy
from domain.scouting.vacancy_state import VacancyState
from domain.values import PositionLevel
from projections.documents import DocumentView
from projections.documents.models import find, load, save

VACANCIES = "vacancies"


class ProposalRow(BaseModel):
    nip: str
    entry_id: UUID
    by: str
    proposed_on: date


class ShortlistRow(BaseModel):
    nips: list[str]
    minutes_number: str
    minutes_date: date
    members: list[TpkMember]
    # Fewer than three: only under reading M2 "relaxed", with a justification; audits look for it.
    short: bool
    justification: str


class PickRow(BaseModel):
    nip: str
    decree_number: str
    decree_date: date


class LapseRow(BaseModel):
    nip: str
    reason: str
    expired_on: date
    lapsed_on: date


class VacancyRow(BaseModel):
    vacancy_id: UUID
    agency: str
    position: str
    unit: str
    level: PositionLevel
    camat: bool
    opened_on: date
    state: VacancyState = VacancyState.OPEN
    proposals: list[ProposalRow] = []
    shortlist: ShortlistRow | None = None
    pick: PickRow | None = None
    # Picks that lapsed because the entry expired before the inauguration (P22(1)), in order.
    lapsed: list[LapseRow] = []
    inaugurated_on: date | None = None


def vacancy(view: DocumentView, vacancy_id: UUID) -> VacancyRow | None:
    return find(view, VACANCIES, vacancy_id, VacancyRow)


def vacancies(view: DocumentView, agency: str) -> list[VacancyRow]:
    rows = [VacancyRow.model_validate(document) for document in view.list(VACANCIES, agency)]
    return sorted(rows, key=lambda row: (row.opened_on, row.position))


def project_vacancy(view: DocumentView, event: Vacancy.Event, tracking: Tracking) -> None:
    if isinstance(event, Vacancy.VacancyOpened):
        row = VacancyRow(
            vacancy_id=event.originator_id,
            agency=event.agency,
            position=event.position,
            unit=event.unit,
            level=PositionLevel(event.level),
            camat=event.camat,
            opened_on=event.opened_on,
        )
    else:
        row = load(view, VACANCIES, event.originator_id, VacancyRow)
        _change(event, row)
    save(view, VACANCIES, row.vacancy_id, row.agency, row, tracking)


@singledispatch
def _change(event: Vacancy.Event, row: VacancyRow) -> None:
    raise TypeError(f"the vacancy view does not follow {type(event).__qualname__}")


@_change.register
def _(event: Vacancy.CandidateProposed, row: VacancyRow) -> None:
    # The proposal date is the decision's effective date, as the aggregate keeps it.
    proposed_on = Envelope.from_event(event.envelope).effective
    row.proposals.append(
        ProposalRow(nip=event.nip, entry_id=event.entry_id, by=event.by, proposed_on=proposed_on)
    )


@_change.register
def _(event: Vacancy.Shortlisted, row: VacancyRow) -> None:
    session = event.session
    row.shortlist = ShortlistRow(
        nips=list(event.nips),
        minutes_number=session["minutes_number"],
        minutes_date=session["minutes_date"],
        members=session["members"],
        short=event.short,
        justification=event.justification,
    )
    row.state = VacancyState.SHORTLISTED


@_change.register
def _(event: Vacancy.Picked, row: VacancyRow) -> None:
    row.pick = PickRow(
        nip=event.nip, decree_number=event.decree_number, decree_date=event.decree_date
    )
    row.state = VacancyState.PICKED


@_change.register
def _(event: Vacancy.PickLapsed, row: VacancyRow) -> None:
    lapsed_on = Envelope.from_event(event.envelope).effective
    row.lapsed.append(
        LapseRow(
            nip=event.nip, reason=event.reason, expired_on=event.expired_on, lapsed_on=lapsed_on
        )
    )
    row.pick = None
    row.state = VacancyState.SHORTLISTED


@_change.register
def _(event: Vacancy.Inaugurated, row: VacancyRow) -> None:
    row.inaugurated_on = event.inaugurated_on
    row.state = VacancyState.FILLED


VACANCY_TOPICS = (
    get_topic(Vacancy.VacancyOpened),
    *(get_topic(cls) for cls in _change.registry if cls is not object),
)
