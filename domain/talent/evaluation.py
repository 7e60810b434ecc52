"""The yearly evaluation of the whole talent programme at the end of the budget year
(binjai-2023 P34(2)): the talent team's report to the PPK, one per agency and year.

Only packs with a ``yearly_evaluation_citation`` have it; the figures are given to it (gathered
by the service), the aggregate only records them once.
"""

from __future__ import annotations

from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event
from pydantic import BaseModel, ConfigDict, Field

from domain.envelope import Envelope
from domain.rules.cycle import CycleRules
from domain.talent.refusals import EVALUATION

_EVALUATION_IDS = uuid5(NAMESPACE_URL, "talenta:programme-evaluation")


def programme_evaluation_id(agency: str, year: int) -> UUID:
    return uuid5(_EVALUATION_IDS, f"{agency}/{year}")


class ProgrammeReport(BaseModel):
    """The year's figures. ``boxes``: unit -> box ("1".."9") -> talents mapped there at year end;
    ``monitoring_due``: monitorings whose evaluation fell due by year end and is still open."""

    model_config = ConfigDict(frozen=True)

    boxes: dict[str, dict[str, int]] = Field(default_factory=dict)
    nominations: int = 0
    placements: int = 0
    valid_pins: int = 0
    monitoring_due: int = 0


class ProgrammeEvaluation(Aggregate):
    class ProgrammeEvaluated(Aggregate.Created):
        agency: str
        year: int
        report: dict[str, Any]
        envelope: dict[str, Any]

    @staticmethod
    def create_id(agency: str, year: int, **_: Any) -> UUID:
        return programme_evaluation_id(agency, year)

    @event(ProgrammeEvaluated)
    def __init__(
        self, agency: str, year: int, report: dict[str, Any], envelope: dict[str, Any]
    ) -> None:
        self.agency = agency
        self.year = year
        self.report = ProgrammeReport.model_validate(report)

    @classmethod
    def evaluate(
        cls,
        agency: str,
        year: int,
        report: ProgrammeReport,
        cycle: CycleRules,
        envelope: Envelope,
    ) -> ProgrammeEvaluation:
        if cycle.yearly_evaluation_citation is None:
            raise EVALUATION.refused("no-yearly-evaluation")
        return cls(
            agency=agency,
            year=year,
            report=report.model_dump(mode="json"),
            envelope=envelope.citing(cycle.yearly_evaluation_citation).to_event(),
        )
