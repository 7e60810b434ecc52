"""A Binjai agency whose coverage forecast, on 2026-01-05 over 24 months, holds one position of
each kind: the head of Bappeda (JPT, BUP 60) retiring in 2026 with no plan, flagged; its
secretary (administrator, BUP 58) retiring in 2026 with a ready successor from box 9 in the
decreed group, not flagged; a head of division retiring in 2033, beyond the horizon."""

from __future__ import annotations

from datetime import date

from domain.envelope import Envelope, Role
from domain.personnel.aggregate import Employee
from domain.personnel.facts import PositionSpell
from domain.rules.registry import pack_for
from domain.talent.succession_values import Successor, TargetStatus
from domain.values import PositionLevel
from services.application import Talenta
from services.talent.acquisition import DeclareCriticalPosition, declare_critical_position
from services.talent.mapping import OpenCampaign, open_campaign
from services.talent.succession import (
    DeclareTarget,
    OrderSuccessors,
    declare_target,
    order_successors,
)
from tests.integration.test_talent_succession import actor, assess, nominated_in_group
from tests.unit.rules_builders import facts, nip_for

AGENCY = "kota-binjai"
UNIT = "Bappeda"
ON = date(2026, 1, 5)
HEAD, SECRETARY, DIVISION = "Kepala Bappeda", "Sekretaris Bappeda", "Kepala Bidang Perencanaan"
# Holders: 60 on 2026-06-15 (vacant 2026-07-01), 58 on 2026-09-20 (vacant 2026-10-01), 58 in 2033.
HEAD_NIP = nip_for(date(1966, 6, 15))
SECRETARY_NIP = nip_for(date(1968, 9, 20))
DIVISION_NIP = nip_for(date(1975, 3, 3))
SUCCESSOR = nip_for(date(1980, 4, 4))  # a supervisor in box 9
POSITIONS = {
    HEAD: (HEAD_NIP, PositionLevel.JPT_PRATAMA),
    SECRETARY: (SECRETARY_NIP, PositionLevel.ADMINISTRATOR),
    DIVISION: (DIVISION_NIP, PositionLevel.ADMINISTRATOR),
}


def held(level: PositionLevel, title: str) -> PositionSpell:
    return PositionSpell(level=level, title=title, start=date(2020, 1, 2), unit=UNIT)


def coverage_agency(app: Talenta) -> None:
    stamp = Envelope(actor=actor(AGENCY, Role.CASEWORKER), effective=date(2025, 1, 2))
    staff = [
        facts(nip=nip, name=title, agency=AGENCY, unit=UNIT, positions=(held(level, title),))
        for title, (nip, level) in POSITIONS.items()
    ]
    staff.append(
        facts(
            nip=SUCCESSOR,
            name="Rina Suksesor",
            agency=AGENCY,
            unit=UNIT,
            positions=(held(PositionLevel.SUPERVISOR, "Kepala Subbagian Umum"),),
        )
    )
    app.save(*(Employee.enrol(employee, stamp) for employee in staff))
    cycle = pack_for(AGENCY).cycle
    assert cycle is not None
    ppk, team = actor(AGENCY, Role.PPK), actor(AGENCY, Role.TALENT_TEAM)
    for rank, title in enumerate((HEAD, SECRETARY, DIVISION), start=1):
        declare_critical_position(
            app,
            DeclareCriticalPosition(
                agency=AGENCY,
                position=title,
                unit=UNIT,
                level=POSITIONS[title][1],
                characteristics={c.code: "RPJMD" for c in cycle.critical_characteristics},
                priority_rank=rank,
                competency_standard=f"SKJ-{rank}",
                decree_number=f"800/{rank}/2025",
                decree_date=date(2025, 2, 3),
            ),
            ppk,
        )
    campaign = OpenCampaign(
        agency=AGENCY,
        unit=UNIT,
        period="2025",
        opened_on=date(2025, 3, 1),
        nips=tuple(employee.nip for employee in staff),
    )
    open_campaign(app, campaign, actor(AGENCY, Role.CASEWORKER))
    assess(app, AGENCY, SUCCESSOR, 9, date(2025, 3, 10))
    target = DeclareTarget(
        agency=AGENCY,
        position=SECRETARY,
        unit=UNIT,
        level=PositionLevel.ADMINISTRATOR,
        status=TargetStatus.TO_BE_VACANT,
        declared_on=date(2025, 4, 2),
    )
    plan_id = declare_target(app, target, team)
    nominated_in_group(app, plan_id, (SUCCESSOR,), date(2025, 4, 8))
    successor = Successor(
        nip=SUCCESSOR, projected_position=SECRETARY, projected_date=date(2026, 10, 1)
    )
    ordered = OrderSuccessors(plan_id=plan_id, ordered_on=date(2025, 4, 9), successors=(successor,))
    order_successors(app, ordered, ppk)
