"""What every talent-cycle command shares: the pack in force for the decision and its envelope."""

from __future__ import annotations

from datetime import date

from domain.agencies import get_agency
from domain.envelope import Envelope
from domain.personnel.aggregate import Employee
from domain.personnel.facts import PositionSpell
from domain.rules.cycle import CycleRules
from domain.rules.pack import RulePack
from domain.rules.registry import pack_in_force
from domain.talent.refusals import CRITICAL
from services.application import Talenta
from services.talent.refusals import CYCLE


def cycle_pack(agency: str, effective: date) -> tuple[RulePack, CycleRules]:
    """The pack in force for ``agency`` on ``effective`` (refused before it is in force), which
    must run the talent-management cycle."""
    pack = pack_in_force(get_agency(agency).id, effective)
    if pack.cycle is None:
        # The words of the aggregates' own check (``cycle_on``).
        raise CRITICAL.refused("no-talent-cycle-in-pack", regulation=pack.regulation)
    return pack, pack.cycle


def agency_employee(app: Talenta, nip: str, agency: str, citation: str) -> Employee:
    """The record of ``nip``, an employee of ``agency``: moving an employee between agencies is
    the other agency's record, out of this cycle's scope."""
    employee = app.employee(nip)
    if employee.facts.agency != agency:
        raise CYCLE.refused(
            "other-agency-employee",
            citation,
            nip=nip,
            employer=employee.facts.agency,
            agency=agency,
        )
    return employee


def take_post(employee: Employee, spell: PositionSpell, envelope: Envelope) -> None:
    """The employee's record holding ``spell`` as its latest position, in its unit."""
    facts = employee.facts
    employee.update(
        facts.model_copy(update={"positions": (*facts.positions, spell), "unit": spell.unit}),
        envelope,
    )
