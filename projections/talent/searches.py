"""Talent searches (binjai-2023 P23, balikpapan-2022 P19): one document per search, from its
opening through the talents found and the one chosen to the decree that followed.

A projection of its own, with its own tracking position, so that a store whose talent read
models are already built gets the searches from the start of its log without a rebuild."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any
from uuid import UUID

from eventsourcing.dispatch import singledispatchmethod
from eventsourcing.persistence import Tracking
from eventsourcing.projection import Projection
from eventsourcing.utils import get_topic
from pydantic import BaseModel

from domain.envelope import Envelope
from domain.talent.search import TalentSearch
from domain.values import PositionLevel
from projections.documents import DocumentView
from projections.documents.models import find, load, save

SEARCHES = "talent-searches"


class SearchStage(StrEnum):
    OPEN = "open"
    CONCLUDED = "concluded"
    DECIDED = "decided"


class SearchRow(BaseModel):
    search_id: UUID
    agency: str
    position: str
    unit: str
    level: PositionLevel
    grounds: list[str]
    expertise: str
    justification: str
    opened_on: date
    opened_by: str
    found: list[str] = []
    chosen: str = ""  # "" when none fit, or not concluded yet
    result: str = ""
    concluded_on: date | None = None
    follow_up: str = ""
    from_unit: str = ""
    decree_number: str = ""
    decree_date: date | None = None

    @property
    def stage(self) -> SearchStage:
        if self.decree_date is not None:
            return SearchStage.DECIDED
        return SearchStage.OPEN if self.concluded_on is None else SearchStage.CONCLUDED


def talent_searches(view: DocumentView, agency: str) -> list[SearchRow]:
    """The agency's searches, the latest opened first."""
    rows = [SearchRow.model_validate(document) for document in view.list(SEARCHES, agency)]
    return sorted(rows, key=lambda row: (row.opened_on, row.position), reverse=True)


def talent_search(view: DocumentView, search_id: UUID) -> SearchRow | None:
    return find(view, SEARCHES, search_id, SearchRow)


def project_search(view: DocumentView, event: TalentSearch.Event, tracking: Tracking) -> None:
    stamp = Envelope.from_event(event.envelope)  # type: ignore[attr-defined]
    if isinstance(event, TalentSearch.SearchOpened):
        row = SearchRow(
            search_id=event.originator_id,
            agency=event.agency,
            position=event.position,
            unit=event.unit,
            level=PositionLevel(event.level),
            grounds=list(event.grounds),
            expertise=event.expertise,
            justification=event.justification,
            opened_on=stamp.effective,
            opened_by=stamp.actor.id,
        )
    elif isinstance(event, TalentSearch.SearchConcluded):
        row = load(view, SEARCHES, event.originator_id, SearchRow)
        row.found, row.chosen, row.result = list(event.nips), event.nip, event.result
        row.concluded_on = stamp.effective
    elif isinstance(event, TalentSearch.SearchDecided):
        row = load(view, SEARCHES, event.originator_id, SearchRow)
        row.follow_up, row.from_unit = event.follow_up, event.from_unit
        row.decree_number, row.decree_date = event.decree_number, event.decree_date
    else:
        raise TypeError(f"the talent searches do not follow {type(event).__qualname__}")
    save(view, SEARCHES, row.search_id, row.agency, row, tracking)


SEARCH_TOPICS = tuple(
    get_topic(cls)
    for cls in (TalentSearch.SearchOpened, TalentSearch.SearchConcluded, TalentSearch.SearchDecided)
)


class TalentSearchProjection(Projection[DocumentView]):
    name = "talent-search"
    topics = SEARCH_TOPICS
    collections = (SEARCHES,)

    @singledispatchmethod
    def process_event(self, domain_event: Any, tracking: Tracking) -> None:
        self.view.insert_tracking(tracking)

    @process_event.register
    def _(self, domain_event: TalentSearch.Event, tracking: Tracking) -> None:
        project_search(self.view, domain_event, tracking)
