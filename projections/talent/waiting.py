"""What waits in the talent cycle, kept so that the home page counts it with one small read:
mapping campaigns (binjai-2023 P19, balikpapan-2022 P14), one document per campaign with its unit,
period, the size of its scope and when it opened and closed; and the number of follow-up tasks
open in each agency (binjai-2023 P27(1), balikpapan-2022 P15), one document per agency, so that
counting them reads no employee's development record.

A projection of its own, with its own name and tracking position: added to a store whose talent
read models are already up to the log, it reads everything it keeps from the start of the log."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.dispatch import singledispatchmethod
from eventsourcing.persistence import Tracking
from eventsourcing.projection import Projection
from eventsourcing.utils import get_topic
from pydantic import BaseModel

from domain.envelope import Envelope
from domain.talent.campaign import MappingCampaign
from domain.talent.development import DevelopmentRecord
from projections.documents import DocumentView
from projections.documents.models import load, save

CAMPAIGNS = "mapping-campaigns"
OPEN_TASKS = "open-follow-up-counts"  # keyed by agency
RECORDS = "development-agencies"  # a development record's agency, which its later events omit


class CampaignRow(BaseModel):
    campaign_id: UUID
    agency: str
    unit: str  # "" for the whole agency
    period: str
    scope: int  # the employees it maps
    opened_on: date
    closed_on: date | None = None

    def open_on(self, day: date) -> bool:
        """From its opening until the day it is closed."""
        return self.opened_on <= day and (self.closed_on is None or day < self.closed_on)


class OpenTasks(BaseModel):
    agency: str
    count: int = 0


class RecordAgency(BaseModel):
    record_id: UUID
    agency: str


def open_campaigns(view: DocumentView, agency: str, on: date) -> list[CampaignRow]:
    """The campaigns open on ``on``, the latest period first."""
    rows = (CampaignRow.model_validate(document) for document in view.list(CAMPAIGNS, agency))
    listed = [row for row in rows if row.open_on(on)]
    return sorted(listed, key=lambda row: (row.period, row.unit), reverse=True)


def open_follow_up_count(view: DocumentView, agency: str) -> int:
    """How many follow-up tasks of the agency are open now."""
    found = view.get(OPEN_TASKS, agency)
    return OpenTasks.model_validate(found).count if found else 0


class WaitingProjection(Projection[DocumentView]):
    name = "cycle-waiting"
    topics = (
        get_topic(MappingCampaign.CampaignOpened),
        get_topic(MappingCampaign.CampaignClosed),
        get_topic(DevelopmentRecord.Started),
        get_topic(DevelopmentRecord.FollowUpOpened),
        get_topic(DevelopmentRecord.FollowUpClosed),
    )
    collections = (CAMPAIGNS, OPEN_TASKS, RECORDS)

    @singledispatchmethod
    def process_event(self, domain_event: Any, tracking: Tracking) -> None:
        self.view.insert_tracking(tracking)

    @process_event.register
    def _(self, domain_event: MappingCampaign.CampaignOpened, tracking: Tracking) -> None:
        row = CampaignRow(
            campaign_id=domain_event.originator_id,
            agency=domain_event.agency,
            unit=domain_event.unit,
            period=domain_event.period,
            scope=len(domain_event.scope),
            opened_on=Envelope.from_event(domain_event.envelope).effective,
        )
        save(self.view, CAMPAIGNS, row.campaign_id, row.agency, row, tracking)

    @process_event.register
    def _(self, domain_event: MappingCampaign.CampaignClosed, tracking: Tracking) -> None:
        row = load(self.view, CAMPAIGNS, domain_event.originator_id, CampaignRow)
        row.closed_on = domain_event.closed_on
        save(self.view, CAMPAIGNS, row.campaign_id, row.agency, row, tracking)

    @process_event.register
    def _(self, domain_event: DevelopmentRecord.Started, tracking: Tracking) -> None:
        row = RecordAgency(record_id=domain_event.originator_id, agency=domain_event.agency)
        save(self.view, RECORDS, row.record_id, row.agency, row, tracking)

    @process_event.register
    def _(self, domain_event: DevelopmentRecord.FollowUpOpened, tracking: Tracking) -> None:
        self._count(domain_event.originator_id, 1, tracking)

    @process_event.register
    def _(self, domain_event: DevelopmentRecord.FollowUpClosed, tracking: Tracking) -> None:
        # A task is closed once (the record refuses a second closing): one less open.
        self._count(domain_event.originator_id, -1, tracking)

    def _count(self, record: UUID, change: int, tracking: Tracking) -> None:
        agency = load(self.view, RECORDS, record, RecordAgency).agency
        found = self.view.get(OPEN_TASKS, agency)
        counted = OpenTasks.model_validate(found) if found else OpenTasks(agency=agency)
        counted.count += change
        self.view.put(OPEN_TASKS, agency, agency, counted.model_dump(mode="json"), tracking)
