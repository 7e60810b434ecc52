"""A mapping campaign (Binjai P19, Balikpapan P14): the talent team maps every employee of a unit,
or of the whole agency, for a period; it shows how far it got and gathers the box-9 talents per
unit. The campaign reads no profile itself: the caller gives it the assessments found.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event
from pydantic import BaseModel, ConfigDict

from domain.envelope import Envelope
from domain.rules.pack import RulePack
from domain.talent.critical import cycle_on
from domain.talent.mapping import Assessment
from domain.talent.planning import ensure_period
from domain.talent.refusals import CAMPAIGN
from domain.talent.stamps import stamped
from domain.values import Nip

_CAMPAIGN_IDS = uuid5(NAMESPACE_URL, "talenta:mapping-campaign")
TOP_BOX = 9


def campaign_id(agency: str, unit: str, period: str) -> UUID:
    return uuid5(_CAMPAIGN_IDS, f"{agency}/{unit}/{period}")


class Progress(BaseModel):
    model_config = ConfigDict(frozen=True)

    assessed: int
    scope: int
    missing: tuple[str, ...]  # NIPs in scope still without an assessment for the period

    @property
    def ratio(self) -> float:
        return self.assessed / self.scope if self.scope else 0.0


class MappingCampaign(Aggregate):
    class CampaignOpened(Aggregate.Created):
        agency: str
        unit: str
        period: str
        scope: list[str]
        envelope: dict[str, Any]

    class CampaignClosed(Aggregate.Event):
        closed_on: date
        envelope: dict[str, Any]

    @staticmethod
    def create_id(agency: str, unit: str, period: str, **_: Any) -> UUID:
        return campaign_id(agency, unit, period)

    @event(CampaignOpened)
    def __init__(
        self, agency: str, unit: str, period: str, scope: list[str], envelope: dict[str, Any]
    ) -> None:
        self.agency = agency
        self.unit = unit
        self.period = period
        self.scope = tuple(scope)
        self.opened_on = Envelope.from_event(envelope).effective
        self.closed_on: date | None = None

    @classmethod
    def open(
        cls,
        agency: str,
        unit: str,
        period: str,
        scope: Sequence[str],
        pack: RulePack,
        envelope: Envelope,
    ) -> MappingCampaign:
        """``unit`` "" maps the whole agency."""
        cycle = cycle_on(pack, envelope.effective)
        nips = list(dict.fromkeys(str(Nip(nip)) for nip in scope))
        if not nips:
            raise CAMPAIGN.refused("empty-scope", cycle.mapping_citation)
        return cls(
            agency=agency,
            unit=unit,
            period=ensure_period(period),
            scope=nips,
            envelope=stamped(envelope, pack, cycle.assessment_citation),
        )

    def close(self, closed_on: date, pack: RulePack, envelope: Envelope) -> None:
        cycle = cycle_on(pack, closed_on)
        if self.closed_on is not None or closed_on < self.opened_on:
            raise CAMPAIGN.refused(
                "campaign-not-open",
                cycle.mapping_citation,
                opened_on=self.opened_on,
                closed=self.closed_on or "-",
                closed_on=closed_on,
            )
        self._closed(closed_on=closed_on, envelope=stamped(envelope, pack, cycle.mapping_citation))

    # Queries: ``found`` maps a NIP to its current assessment for the campaign's period.

    def progress(self, found: Mapping[str, Assessment | None]) -> Progress:
        done = [nip for nip in self.scope if self._for_period(found.get(nip))]
        missing = tuple(nip for nip in self.scope if nip not in done)
        return Progress(assessed=len(done), scope=len(self.scope), missing=missing)

    def top_talents(self, found: Mapping[str, Assessment | None]) -> dict[str, tuple[str, ...]]:
        """Box-9 talents per unit (the unit of their assessment), as P19(2)/P14(2) gather them."""
        by_unit: dict[str, list[str]] = {}
        for nip in self.scope:
            assessment = self._for_period(found.get(nip))
            if assessment is not None and assessment.box == TOP_BOX:
                by_unit.setdefault(assessment.unit, []).append(nip)
        return {unit: tuple(nips) for unit, nips in sorted(by_unit.items())}

    def _for_period(self, assessment: Assessment | None) -> Assessment | None:
        return assessment if assessment is not None and assessment.period == self.period else None

    @event(CampaignClosed)
    def _closed(self, closed_on: date, envelope: dict[str, Any]) -> None:
        self.closed_on = closed_on
