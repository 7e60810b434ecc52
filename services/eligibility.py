"""The caseworker's scouting eligibility check: employees against their agency's pack."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from pydantic import BaseModel

from domain.agencies import get_agency
from domain.personnel.facts import PersonnelFacts
from domain.rules import madiun, madiun_eligibility
from domain.rules.core import EligibilityResult
from domain.rules.pack import RulePack
from domain.rules.registry import pack_in_force
from domain.scouting.refusals import PLAN
from domain.values import PositionLevel

ScoutingCheck = Callable[..., EligibilityResult]

# The packs that run talent scouting, and the function that judges a candidate under each.
SCOUTING: dict[str, ScoutingCheck] = {madiun.PACK.id: madiun_eligibility.check_scouting_eligibility}


class EmployeeEligibility(BaseModel):
    nip: str
    name: str
    result: EligibilityResult

    @property
    def eligible(self) -> bool:
        return self.result.eligible


def scouting_pack(agency: str, on: date) -> tuple[RulePack, ScoutingCheck]:
    """The pack in force for ``agency`` on ``on``; refused if it has no talent scouting."""
    pack = pack_in_force(get_agency(agency).id, on)
    check = SCOUTING.get(pack.id)
    if check is None:
        raise PLAN.refused("no-scouting-in-pack", regulation=pack.regulation)
    return pack, check


def check_scouting(
    employees: Iterable[PersonnelFacts], agency: str, level: PositionLevel, on: date
) -> list[EmployeeEligibility]:
    pack, check = scouting_pack(agency, on)
    return [
        EmployeeEligibility(
            nip=str(facts.nip),
            name=facts.name,
            result=check(facts, level, on, agency, pack=pack),
        )
        for facts in employees
    ]
