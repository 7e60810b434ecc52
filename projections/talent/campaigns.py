"""Mapping campaigns (binjai-2023 P19, balikpapan-2022 P14): one document per campaign, its unit,
period, the size of its scope and when it opened and closed; the campaigns open on a day.

A projection of its own, with its own name and tracking position: added to a store whose talent
read models are already up to the log, it reads every campaign from the start of the log."""

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
from projections.documents import DocumentView
from projections.documents.models import load, save

CAMPAIGNS = "mapping-campaigns"


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


def open_campaigns(view: DocumentView, agency: str, on: date) -> list[CampaignRow]:
    """The campaigns open on ``on``, the latest period first."""
    rows = (CampaignRow.model_validate(document) for document in view.list(CAMPAIGNS, agency))
    listed = [row for row in rows if row.open_on(on)]
    return sorted(listed, key=lambda row: (row.period, row.unit), reverse=True)


class CampaignProjection(Projection[DocumentView]):
    name = "mapping-campaigns"
    topics = (
        get_topic(MappingCampaign.CampaignOpened),
        get_topic(MappingCampaign.CampaignClosed),
    )
    collections = (CAMPAIGNS,)

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
