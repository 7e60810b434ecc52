"""An agency's talent plan for a period: the needs analysis (Binjai P15, Balikpapan P11) drafted by
the talent team, then the acquisition strategy set by the PPK from it (Binjai P16, Balikpapan P12).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event
from pydantic import BaseModel, ConfigDict, Field, model_validator

from domain.envelope import Envelope
from domain.rules.pack import RulePack
from domain.talent.critical import ayat, cycle_on, head
from domain.talent.errors import TalentRefusal
from domain.talent.refusals import PLANNING
from domain.talent.stamps import stamped
from domain.values import InvalidValue

_PLAN_IDS = uuid5(NAMESPACE_URL, "talenta:talent-plan")
# A year or a span of years, e.g. "2025" or "2025-2029" (an RPJMD period).
PERIOD = re.compile(r"\d{4}(-\d{4})?")


def talent_plan_id(agency: str, period: str) -> UUID:
    return uuid5(_PLAN_IDS, f"{agency}/{period}")


class Need(BaseModel):
    """Talent needed per critical position or per function (tugas dan fungsi, P15(2), P11(2))."""

    model_config = ConfigDict(frozen=True)

    critical_position_id: UUID | None = None
    function: str = ""
    count: int = Field(ge=1)
    note: str = ""

    @model_validator(mode="after")
    def _names_what_is_needed(self) -> Need:
        if self.critical_position_id is None and not self.function.strip():
            raise InvalidValue(
                "kebutuhan menyebut jabatan kritikal atau fungsi",
                "a need names a critical position or a function",
            )
        return self


def ensure_period(period: str) -> str:
    if not PERIOD.fullmatch(period):
        raise PLANNING.refused("bad-period", period=period)
    return period


def strategy_before_analysis(pack: RulePack, on: date, period: str) -> TalentRefusal:
    """The refusal of a strategy for a period whose needs were never analysed."""
    cycle = cycle_on(pack, on)
    return PLANNING.refused(
        "needs-analysis-first", ayat(cycle.strategy_mechanisms[0].citation, 1), period=period
    )


class TalentPlan(Aggregate):
    class NeedsAnalysed(Aggregate.Created):
        agency: str
        period: str
        basis: list[str]
        needs: list[dict[str, Any]]
        envelope: dict[str, Any]

    class StrategySet(Aggregate.Event):
        mechanisms: list[str]
        decree_number: str
        decree_date: date
        envelope: dict[str, Any]

    @staticmethod
    def create_id(agency: str, period: str, **_: Any) -> UUID:
        return talent_plan_id(agency, period)

    @event(NeedsAnalysed)
    def __init__(
        self,
        agency: str,
        period: str,
        basis: list[str],
        needs: list[dict[str, Any]],
        envelope: dict[str, Any],
    ) -> None:
        self.agency = agency
        self.period = period
        self.basis = tuple(basis)
        self.needs = tuple(Need.model_validate(need) for need in needs)
        self.analysed_on = Envelope.from_event(envelope).effective
        self.mechanisms: tuple[str, ...] = ()
        self.strategy_decree: tuple[str, date] | None = None

    @classmethod
    def analyse(
        cls,
        agency: str,
        period: str,
        basis: Sequence[str],
        needs: Sequence[Need],
        pack: RulePack,
        envelope: Envelope,
    ) -> TalentPlan:
        cycle = cycle_on(pack, envelope.effective)
        plans = [ref.strip() for ref in basis if ref.strip()]
        if not plans or not needs:
            raise PLANNING.refused("needs-analysis-incomplete", cycle.needs_analysis_citation)
        return cls(
            agency=agency,
            period=ensure_period(period),
            basis=plans,
            needs=[need.model_dump(mode="json") for need in needs],
            envelope=stamped(envelope, pack, cycle.needs_analysis_citation),
        )

    def set_strategy(
        self,
        mechanisms: Sequence[str],
        decree_number: str,
        decree_date: date,
        pack: RulePack,
        envelope: Envelope,
    ) -> None:
        cycle = cycle_on(pack, decree_date)
        listed = [item.code for item in cycle.strategy_mechanisms]
        chosen = list(dict.fromkeys(mechanisms))
        strangers = [code for code in chosen if code not in listed]
        if not chosen or strangers:
            raise PLANNING.refused(
                "strategy-mechanisms",
                head(cycle.strategy_mechanisms[0].citation),
                listed=", ".join(listed),
                chosen=", ".join(chosen) or "-",
            )
        if decree_date < self.analysed_on:
            raise PLANNING.refused(
                "needs-analysis-first-2",
                ayat(cycle.strategy_mechanisms[0].citation, 1),
                decree_date=decree_date,
                analysed_on=self.analysed_on,
            )
        mechanism = cycle.strategy_mechanisms[0].citation
        self._strategy_set(
            mechanisms=chosen,
            decree_number=decree_number,
            decree_date=decree_date,
            envelope=stamped(
                envelope, pack, ayat(mechanism, 1), head(mechanism), ayat(mechanism, 3)
            ),
        )

    @event(StrategySet)
    def _strategy_set(
        self, mechanisms: list[str], decree_number: str, decree_date: date, envelope: dict[str, Any]
    ) -> None:
        # A later decree replaces the strategy; the earlier one stays in the log.
        self.mechanisms = tuple(mechanisms)
        self.strategy_decree = (decree_number, decree_date)
