"""Placement through the handler, for one agency under each pack, on SQLite and PostgreSQL: only
the agency's own employees, a successor still in boxes 7-9 on the decree date, one placement per
target (the plan records it as filled in the same save); a target linked to a critical position
must be that position."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

import pytest

from domain.envelope import Envelope, Role
from domain.personnel.aggregate import Employee
from domain.rules.registry import pack_for
from domain.talent.errors import TalentRefusal
from domain.talent.placement import placement_id
from domain.talent.succession import SuccessionPlan
from domain.talent.succession_values import Successor, TargetStatus
from domain.values import PositionLevel
from services.application import NotFound, Talenta
from services.talent.acquisition import (
    DeclareCriticalPosition,
    critical_position,
    declare_critical_position,
)
from services.talent.mapping import campaign_report
from services.talent.placement import PlaceTalent, place_talent
from services.talent.succession import (
    DeclareTarget,
    OrderSuccessors,
    declare_target,
    order_successors,
    succession_plan,
)
from tests.integration.test_talent_succession import (
    CITIES,
    UNIT,
    A,
    B,
    actor,
    assess,
    group_defined,
    nominated_in_group,
    staffed,
)
from tests.unit.rules_builders import facts, nip_for, spell

STRANGER = nip_for(date(1979, 6, 9))
POSITION = "Kepala Bidang Perencanaan"


def planned(app: Talenta, agency: str) -> UUID:
    """A and B (boxes 9 and 8) in the decreed group, nominated and ordered B, A for a target in
    their unit."""
    assess(app, agency, A, 9, date(2025, 3, 10))
    assess(app, agency, B, 8, date(2025, 3, 10))
    target = DeclareTarget(
        agency=agency,
        position=POSITION,
        unit=UNIT,
        level=PositionLevel.ADMINISTRATOR,
        status=TargetStatus.VACANT,
        declared_on=date(2025, 4, 2),
    )
    plan_id = declare_target(app, target, actor(agency, Role.TALENT_TEAM))
    nominated_in_group(app, plan_id, (B, A), date(2025, 4, 7))
    successors = tuple(
        Successor(nip=nip, projected_position=POSITION, projected_date=date(2026, 1, 2))
        for nip in (B, A)
    )
    order = OrderSuccessors(plan_id=plan_id, ordered_on=date(2025, 4, 8), successors=successors)
    order_successors(app, order, actor(agency, Role.PPK))
    return plan_id


def decree(plan_id: UUID, nip: str, number: str = "821/1") -> PlaceTalent:
    return PlaceTalent(
        plan_id=plan_id,
        nip=nip,
        decree_number=number,
        decree_date=date(2026, 1, 2),
        inaugurated_on=date(2026, 1, 5),
    )


@pytest.mark.parametrize("city", ["binjai", "balikpapan"])
def test_another_agencys_employee_is_not_placed(app: Talenta, city: str) -> None:
    agency, _, _ = CITIES[city]
    other = next(a for a, _, _ in CITIES.values() if a != agency)
    staffed(app, agency)
    plan_id = planned(app, agency)
    stranger = facts(
        nip=STRANGER,
        agency=other,
        unit=UNIT,
        positions=(spell(PositionLevel.SUPERVISOR, date(2018, 1, 2)),),
    )
    stamp = Envelope(actor=actor(other, Role.CASEWORKER), effective=date(2025, 1, 2))
    app.save(Employee.enrol(stranger, stamp))
    # Mapped in box 9 under the plan's agency: Balikpapan would otherwise place them directly.
    assess(app, agency, STRANGER, 9, date(2025, 3, 10))
    before = app.employee(STRANGER).version

    with pytest.raises(TalentRefusal) as refused:
        place_talent(app, decree(plan_id, STRANGER), actor(agency, Role.PPK))

    cycle = pack_for(agency).cycle
    assert cycle is not None
    assert (refused.value.code, refused.value.citation) == (
        "other-agency-employee",
        cycle.placement_citation,
    )
    after = app.employee(STRANGER)
    assert (after.version, after.facts.agency, after.facts.positions) == (
        before,
        other,
        stranger.positions,
    )
    assert placement_id(plan_id, STRANGER) not in app.repository


@pytest.mark.parametrize("city", ["binjai", "balikpapan"])
def test_a_successor_below_box_7_and_a_second_placement_are_refused(
    app: Talenta, city: str
) -> None:
    agency, _, _ = CITIES[city]
    cycle = pack_for(agency).cycle
    assert cycle is not None
    ppk = actor(agency, Role.PPK)
    staffed(app, agency)
    plan_id = planned(app, agency)

    assess(app, agency, B, 5, date(2025, 12, 1))  # B, first in the order, fell to box 5
    with pytest.raises(TalentRefusal) as refused:
        place_talent(app, decree(plan_id, B), ppk)
    assert (refused.value.code, refused.value.citation) == (
        "not-in-succession-boxes",
        group_defined(agency),
    )

    placed = place_talent(app, decree(plan_id, A), ppk)
    plan: SuccessionPlan = app.repository.get(plan_id)
    assert (plan.filled_by, plan.placement_id) == (A, placed)
    filled = list(app.repository.event_store.get(plan_id))[-1]
    assert isinstance(filled, SuccessionPlan.Filled)
    assert filled.envelope["basis"]["citations"] == [cycle.placement_citation]

    assess(app, agency, B, 8, date(2026, 1, 1))  # back in the group: the target is still filled
    with pytest.raises(TalentRefusal) as refused:
        place_talent(app, decree(plan_id, B, "821/2"), ppk)
    assert (refused.value.code, refused.value.citation) == (
        "target-filled",
        cycle.placement_citation,
    )
    assert placement_id(plan_id, B) not in app.repository
    assert app.facts(B).positions[-1].title != POSITION


@pytest.mark.parametrize("city", ["binjai", "balikpapan"])
def test_a_target_is_the_critical_position_it_names(app: Talenta, city: str) -> None:
    agency, _, _ = CITIES[city]
    cycle = pack_for(agency).cycle
    assert cycle is not None
    critical = declare_critical_position(
        app,
        DeclareCriticalPosition(
            agency=agency,
            position=POSITION,
            unit=UNIT,
            level=PositionLevel.ADMINISTRATOR,
            characteristics={c.code: "karena RPJMD" for c in cycle.critical_characteristics},
            priority_rank=1,
            competency_standard="SKJ-01",
            decree_number="800/1/2025",
            decree_date=date(2025, 2, 3),
        ),
        actor(agency, Role.PPK),
    )
    team = actor(agency, Role.TALENT_TEAM)
    target = {
        "agency": agency,
        "position": POSITION,
        "unit": UNIT,
        "level": PositionLevel.ADMINISTRATOR,
        "status": TargetStatus.VACANT,
        "declared_on": date(2025, 4, 2),
        "critical_position_id": critical,
    }
    for wrong in (
        {"unit": "Dinas Kesehatan"},
        {"position": "Kepala Bidang Anggaran"},
        {"level": PositionLevel.SUPERVISOR},
    ):
        with pytest.raises(TalentRefusal) as refused:
            declare_target(app, DeclareTarget.model_validate({**target, **wrong}), team)
        assert (refused.value.code, refused.value.citation) == (
            "critical-position-mismatch",
            cycle.critical_decree_citation,
        )

    # The same title in another unit is another target, with its own plan.
    here = declare_target(app, DeclareTarget.model_validate(target), team)
    elsewhere = DeclareTarget.model_validate(
        {**target, "unit": "Dinas Kesehatan", "critical_position_id": None}
    )
    assert declare_target(app, elsewhere, team) != here


def test_unknown_talent_ids_read_well_in_both_languages(app: Talenta) -> None:
    """Each half of the bilingual NotFound names its kind once (no " / " inside a kind)."""
    agency = CITIES["binjai"][0]
    missing = uuid4()
    lookups = (
        (lambda: succession_plan(app, missing, actor(agency, Role.PPK)), "succession plan"),
        (lambda: critical_position(app, missing, actor(agency, Role.PPK)), "critical position"),
        (lambda: campaign_report(app, missing, actor(agency, Role.PPK)), "mapping campaign"),
    )
    for lookup, kind in lookups:
        with pytest.raises(NotFound) as found:
            lookup()
        indonesian, english = str(found.value).split(" / ")
        assert english == f"no {kind} {missing}"
        assert "no " not in indonesian and str(missing) in indonesian
