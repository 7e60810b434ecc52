"""The auditor's answers for the talent cycle (binjai-2023, balikpapan-2022), on SQLite and
PostgreSQL: the timelines of a target position, a critical position and an employee; why a
nomination and a placement stand; a succession group, a nine-box grid and a succession plan as
of a past moment, which differ from today's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from uuid import UUID

import pytest

from domain.envelope import Role
from domain.rules.registry import pack_for
from domain.talent.succession_values import Successor, TargetStatus
from domain.values import PositionLevel
from services.application import NotFound, Talenta
from services.audit.asof import asof_grid, asof_group, asof_plan
from services.audit.timeline import (
    critical_position_timeline,
    employee_timeline,
    target_timeline,
)
from services.audit.why import why_nomination, why_placement
from services.auth import OtherAgency
from services.permissions import Forbidden
from services.talent.acquisition import DeclareCriticalPosition, declare_critical_position
from services.talent.mapping import OpenCampaign, open_campaign
from services.talent.placement import PlaceTalent, place_talent
from services.talent.succession import (
    DeclareTarget,
    OrderSuccessors,
    declare_target,
    order_successors,
)
from tests.integration.test_talent_succession import (
    CITIES,
    UNIT,
    A,
    B,
    C,
    actor,
    assess,
    nominated_in_group,
    staffed,
)

POSITION = "Kepala Bidang Perencanaan"


@dataclass
class Cycle:
    agency: str
    critical: UUID
    campaign: UUID
    plan: UUID
    placement: UUID
    before_group: datetime  # the group not yet decreed
    before_order: datetime  # nominated, not yet ordered
    before_reassessed: datetime  # placed; A still in box 9


def cycle(app: Talenta, city: str) -> Cycle:
    """A critical position; a campaign mapping A 9, B 8, C 6; the group A, B; a target for the
    critical position with A and B nominated and ordered B, A; B placed; then A re-assessed
    into box 6 from 2025-09-01."""
    agency, _, _ = CITIES[city]
    cycle_rules = pack_for(agency).cycle
    assert cycle_rules is not None
    ppk, team = actor(agency, Role.PPK), actor(agency, Role.TALENT_TEAM)
    staffed(app, agency)
    critical = declare_critical_position(
        app,
        DeclareCriticalPosition(
            agency=agency,
            position=POSITION,
            unit=UNIT,
            level=PositionLevel.ADMINISTRATOR,
            characteristics={c.code: "RPJMD" for c in cycle_rules.critical_characteristics},
            priority_rank=1,
            competency_standard="SKJ-01",
            decree_number="800/1/2025",
            decree_date=date(2025, 2, 3),
        ),
        ppk,
    )
    campaign = open_campaign(
        app,
        OpenCampaign(
            agency=agency, unit=UNIT, period="2025", opened_on=date(2025, 3, 1), nips=(A, B, C)
        ),
        actor(agency, Role.CASEWORKER),
    )
    for nip, box in ((A, 9), (B, 8), (C, 6)):
        assess(app, agency, nip, box, date(2025, 3, 10))
    before_group = datetime.now(UTC)
    target = DeclareTarget(
        agency=agency,
        position=POSITION,
        unit=UNIT,
        level=PositionLevel.ADMINISTRATOR,
        status=TargetStatus.VACANT,
        declared_on=date(2025, 4, 2),
        critical_position_id=critical,
    )
    plan = declare_target(app, target, team)
    nominated_in_group(app, plan, (A, B), date(2025, 4, 7))
    before_order = datetime.now(UTC)
    successors = tuple(
        Successor(nip=nip, projected_position=POSITION, projected_date=date(2026, 1, 2))
        for nip in (B, A)
    )
    order = OrderSuccessors(plan_id=plan, ordered_on=date(2025, 4, 8), successors=successors)
    order_successors(app, order, ppk)
    decree = PlaceTalent(
        plan_id=plan,
        nip=B,
        decree_number="821/1",
        decree_date=date(2025, 6, 2),
        inaugurated_on=date(2025, 6, 5),
    )
    placement = place_talent(app, decree, ppk)
    before_reassessed = datetime.now(UTC)
    assess(app, agency, A, 6, date(2025, 9, 1))
    return Cycle(
        agency, critical, campaign, plan, placement, before_group, before_order, before_reassessed
    )


def test_the_timelines_of_a_target_a_critical_position_and_an_employee(app: Talenta) -> None:
    run = cycle(app, "binjai")
    audit = actor(run.agency, Role.AUDITOR)

    target = [e.what for e in target_timeline(app, run.plan, audit).events]
    critical = critical_position_timeline(app, run.critical, audit)
    employee = employee_timeline(app, A, audit)

    # The placement and the plan's Filled are one save, the placement triggered first.
    assert target == [
        "TargetDeclared",
        "Nominated",
        "Nominated",
        "SuccessorsOrdered",
        "Placed",
        "Filled",
    ]
    steps = [e.what for e in critical.events]
    assert steps[0] == "Declared"
    assert {"TargetDeclared", "Nominated", "SuccessorsOrdered", "Placed", "Filled"} <= set(steps)
    assert [e.recorded_at for e in critical.events] == sorted(
        e.recorded_at for e in critical.events
    )
    mine = [e.what for e in employee.events]
    assert mine[0] == "Enrolled"
    for step in ("CampaignOpened", "Assessed", "GroupSet", "Nominated", "SuccessorsOrdered"):
        assert step in mine, step
    assert mine.count("Assessed") == 2
    assert "Placed" not in mine  # B was placed, not A
    nominated = next(e for e in employee.events if e.what == "Nominated")
    assert nominated.actor is not None and nominated.actor.role is Role.PPK
    assert nominated.effective == date(2025, 4, 7)
    assert "binjai-2023:P22" in nominated.citations
    with pytest.raises(NotFound):
        target_timeline(app, run.critical, audit)
    with pytest.raises(OtherAgency):
        critical_position_timeline(app, run.critical, actor("kota-balikpapan", Role.AUDITOR))


@pytest.mark.parametrize("city", ["binjai", "balikpapan"])
def test_a_nomination_and_a_placement_are_explained(app: Talenta, city: str) -> None:
    run = cycle(app, city)
    audit = actor(run.agency, Role.AUDITOR)

    nominated = why_nomination(app, run.plan, A, audit)
    placed = why_placement(app, run.placement, audit)

    assert nominated.audit.assessment_at_the_time.box == 9
    # The plan's own nomination, taken again on the plan as it stood: held, under the
    # nominating article; and the group's boxes 7-9 alone.
    again, in_group = nominated.rules
    assert (again.rule, again.held) == ("nomination", True)
    assert again.detail["result"]["box"] == 9
    assert again.citations == nominated.audit.nomination.citations
    assert (in_group.rule, in_group.held, in_group.detail) == (
        "in-succession-group",
        True,
        {"result": 9},
    )
    assert nominated.pack.on == date(2025, 4, 7)
    assert nominated.pack.id == pack_for(run.agency).id
    assert nominated.plan_before is not None
    assert nominated.plan_before.nominations == []  # A was nominated first
    assert [e.what for e in nominated.chain][-1] == "Nominated"
    assert "SuccessorsOrdered" not in [e.what for e in nominated.chain]

    assert placed.audit.nip == B
    assert [(r.rule, r.held) for r in placed.rules] == [
        ("placement", True),
        ("in-succession-group", True),
    ]
    assert placed.rules[0].detail["result"] == {"box": 8, "direct": False, "recorded_direct": False}
    assert placed.pack.on == date(2025, 6, 2)
    assert placed.plan_before is not None
    assert [s.nip for s in placed.plan_before.successors] == [B, A]
    assert placed.plan_before.filled_by is None
    assert [e.what for e in placed.chain][-1] == "Placed"
    with pytest.raises(NotFound):
        why_nomination(app, run.plan, C, audit)
    with pytest.raises(Forbidden):
        why_placement(app, run.placement, actor(run.agency, Role.ASSESSOR))


def test_a_group_a_grid_and_a_plan_as_of_a_past_moment_differ_from_todays(app: Talenta) -> None:
    run = cycle(app, "binjai")
    audit = actor(run.agency, Role.AUDITOR)
    later = date(2025, 10, 1)

    group_then = asof_group(app, run.agency, "2025", audit, at=run.before_group)
    group_now = asof_group(app, run.agency, "2025", audit)
    grid_then = asof_grid(app, run.campaign, audit, at=run.before_reassessed, on=later)
    grid_now = asof_grid(app, run.campaign, audit, on=later)
    grid_earlier_day = asof_grid(app, run.campaign, audit, on=date(2025, 8, 31))
    plan_then = asof_plan(app, run.plan, audit, at=run.before_order)
    plan_now = asof_plan(app, run.plan, audit)

    assert group_then.group is None
    assert group_now.group is not None
    assert [m.nip for m in group_now.group.members] == [A, B]
    # What the system showed before the re-assessment was recorded: A still in box 9.
    assert grid_then.grid.boxes[9].nips == [A]
    assert grid_now.grid.boxes[9].nips == []
    assert grid_now.grid.boxes[6].nips == [A, C]
    # Today's knowledge of an earlier day: the re-assessment holds only from its own date.
    assert grid_earlier_day.grid.boxes[9].nips == [A]
    assert plan_then.plan is not None and plan_now.plan is not None
    assert plan_then.plan.successors == [] and plan_then.plan.filled_by is None
    assert [s.nip for s in plan_now.plan.successors] == [B, A]
    assert plan_now.plan.filled_by == B
    with pytest.raises(NotFound):
        asof_group(app, run.agency, "2030", audit)
    with pytest.raises(OtherAgency):
        asof_plan(app, run.plan, actor("kota-madiun", Role.AUDITOR))
