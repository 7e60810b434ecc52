"""From a critical position to ordered successors through the handlers, for one agency under each
pack, on SQLite and PostgreSQL: critical position, needs and strategy, a unit's mapping campaign
and assessments (one superseded), the group decree (in Balikpapan after the nominations and the
talent team's group), the target, nominations, the successors."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

import pytest

from domain.envelope import Actor, Envelope, Role
from domain.personnel.aggregate import Employee
from domain.rules.core import PackNotInForce
from domain.rules.ninebox import Performance, Potential
from domain.rules.registry import pack_for
from domain.talent.errors import TalentRefusal
from domain.talent.mapping import TalentProfile
from domain.talent.planning import Need
from domain.talent.succession import SuccessionGroup, SuccessionPlan
from domain.talent.succession_values import Successor, TargetStatus
from domain.values import PositionLevel
from services.application import Talenta
from services.auth import OtherAgency
from services.permissions import Forbidden
from services.talent.acquisition import (
    AnalyseNeeds,
    DeclareCriticalPosition,
    ReportCriticalPosition,
    SetStrategy,
    analyse_needs,
    declare_critical_position,
    report_critical_position,
    set_strategy,
)
from services.talent.mapping import (
    AssessEmployee,
    OpenCampaign,
    assess_employee,
    campaign_report,
    open_campaign,
)
from services.talent.succession import (
    DeclareTarget,
    Nominate,
    NominationRef,
    OrderSuccessors,
    SetGroup,
    SetNominatedGroup,
    declare_target,
    nominate,
    order_successors,
    set_group,
    set_nominated_group,
)
from tests.unit.rules_builders import facts, nip_for, spell

A, B, C, D = (nip_for(date(1977, month, 9)) for month in (1, 2, 3, 4))
UNIT = "Bappeda"
CELLS = {
    9: (Performance.ABOVE, Potential.HIGH),
    8: (Performance.MEETS, Potential.HIGH),
    6: (Performance.BELOW, Potential.HIGH),
    5: (Performance.MEETS, Potential.MIDDLE),
}
# The agency under each pack, with who nominates there and who may not.
CITIES = {
    "binjai": ("kota-binjai", Role.PPK, Role.TALENT_TEAM),
    "balikpapan": ("kota-balikpapan", Role.TALENT_TEAM, Role.PPK),
}


def actor(agency: str, role: Role) -> Actor:
    return Actor(id=f"{role}@{agency}", role=role, agency=agency)


def group_defined(agency: str) -> str:
    """The first article defining the succession group as boxes 7-9 in the agency's pack."""
    nine_box = pack_for(agency).nine_box
    assert nine_box is not None
    return nine_box.succession_citations[0]


def staffed(app: Talenta, agency: str) -> None:
    stamp = Envelope(actor=actor(agency, Role.CASEWORKER), effective=date(2025, 1, 2))
    employees = [
        facts(
            nip=nip,
            agency=agency,
            unit=unit,
            positions=(spell(PositionLevel.SUPERVISOR, date(2018, 1, 2)),),
        )
        for nip, unit in ((A, UNIT), (B, UNIT), (C, UNIT), (D, "Dinas Kesehatan"))
    ]
    app.save(*(Employee.enrol(employee, stamp) for employee in employees))


def assess(app: Talenta, agency: str, nip: str, box: int, on: date) -> Any:
    performance, potential = CELLS[box]
    command = AssessEmployee(
        agency=agency,
        nip=nip,
        period="2025",
        assessed_on=on,
        performance=performance,
        potential=potential,
        evidence={"assessment_centre": {"intellectual": 4}, "competency_test": {"technical": 80}},
    )
    return assess_employee(app, command, actor(agency, Role.ASSESSOR))


@pytest.mark.parametrize("city", ["binjai", "balikpapan"])
def test_a_critical_position_gets_ordered_successors(app: Talenta, city: str) -> None:
    agency, nominator, other = CITIES[city]
    cycle = pack_for(agency).cycle
    assert cycle is not None
    ppk, team = actor(agency, Role.PPK), actor(agency, Role.TALENT_TEAM)
    staffed(app, agency)

    critical = declare_critical_position(
        app,
        DeclareCriticalPosition(
            agency=agency,
            position="Kepala Bappeda",
            unit=UNIT,
            level=PositionLevel.JPT_PRATAMA,
            characteristics={c.code: "karena RPJMD" for c in cycle.critical_characteristics},
            priority_rank=1,
            competency_standard="SKJ-01",
            decree_number="800/1/2025",
            decree_date=date(2025, 2, 3),
        ),
        ppk,
    )
    report = ReportCriticalPosition(
        critical_position_id=critical, letter_number="B/7", letter_date=date(2025, 2, 10)
    )
    report_critical_position(app, report, actor(agency, Role.CASEWORKER))
    needs = AnalyseNeeds(
        agency=agency,
        period="2025-2029",
        analysed_on=date(2025, 2, 12),
        basis=("RPJMD 2025-2029",),
        needs=(Need(critical_position_id=critical, count=1),),
    )
    analyse_needs(app, needs, team)
    strategy = SetStrategy(
        agency=agency,
        period="2025-2029",
        mechanisms=("build-internal",),
        decree_number="800/2/2025",
        decree_date=date(2025, 2, 14),
    )
    set_strategy(app, strategy, ppk)

    campaign = open_campaign(
        app,
        OpenCampaign(
            agency=agency, unit=UNIT, period="2025", opened_on=date(2025, 3, 1), nips=(A, B, C)
        ),
        actor(agency, Role.CASEWORKER),
    )
    first = assess(app, agency, B, 5, date(2025, 3, 3))
    for nip, box in ((A, 9), (B, 8), (C, 6)):
        assess(app, agency, nip, box, date(2025, 3, 10))
    # an unknown NIP is refused as another agency's employee is: nothing tells them apart
    with pytest.raises(OtherAgency):
        assess(app, agency, nip_for(date(1977, 5, 9)), 9, date(2025, 3, 10))

    progress = campaign_report(app, campaign, actor(agency, Role.TALENT_TEAM))
    assert (progress.progress.assessed, progress.progress.scope) == (3, 3)
    assert progress.top_talents == {UNIT: (A,)}
    profile: TalentProfile = app.repository.get(TalentProfile.create_id(agency, B))
    assert [a.supersedes for a in profile.assessments] == ["", first.ref]

    decree = {"agency": agency, "period": "2025", "decree_number": "800/3/2025"}
    target = DeclareTarget(
        agency=agency,
        position="Kepala Bappeda",
        unit=UNIT,
        level=PositionLevel.JPT_PRATAMA,
        status=TargetStatus.TO_BE_VACANT,
        declared_on=date(2025, 4, 2),
        critical_position_id=critical,
    )
    plan_id = declare_target(app, target, team)

    def nomination(nip: str) -> Nominate:
        return Nominate(
            plan_id=plan_id, nip=nip, nominated_on=date(2025, 4, 7), justification="kinerja"
        )

    def decree_group() -> UUID:
        with pytest.raises(TalentRefusal) as refused:
            set_group(app, SetGroup(nips=(A, C), decree_date=date(2025, 4, 8), **decree), ppk)
        # Boxes 7-9 by the group's definition (Binjai P21, Balikpapan P15), not its setter's.
        assert refused.value.citation == group_defined(agency)
        return set_group(app, SetGroup(nips=(A, B), decree_date=date(2025, 4, 8), **decree), ppk)

    if city == "binjai":
        # P22: the PPK nominates from the group it decreed (P29(3)); none decreed yet.
        with pytest.raises(TalentRefusal) as refused:
            nominate(app, nomination(A), ppk)
        assert (refused.value.code, refused.value.citation) == (
            "no-decreed-group",
            "binjai-2023:P22",
        )
        group_id = decree_group()
    with pytest.raises(TalentRefusal) as refused:
        nominate(app, nomination(A), actor(agency, other))
    assert (refused.value.code, refused.value.citation) == (
        "wrong-nominator",
        cycle.nomination_citation,
    )
    with pytest.raises(TalentRefusal) as refused:
        nominate(app, nomination(C), actor(agency, nominator))
    assert refused.value.citation == group_defined(agency)
    for nip in (A, B):
        nominate(app, nomination(nip), actor(agency, nominator))
    if city == "balikpapan":
        # P16(2): the team sets the group from its nominations before the PPK's decree (P17(3)).
        with pytest.raises(TalentRefusal) as refused:
            set_group(app, SetGroup(nips=(A, B), decree_date=date(2025, 4, 8), **decree), ppk)
        assert (refused.value.code, refused.value.citation) == (
            "no-decreed-group",
            "balikpapan-2022:P16(2)",
        )
        team_group = SetNominatedGroup(
            agency=agency,
            period="2025",
            nominations=tuple(NominationRef(plan_id=plan_id, nip=nip) for nip in (A, B)),
            decided_on=date(2025, 4, 7),
            reference="BA/TMT/1/2025",
        )
        with pytest.raises(Forbidden):
            set_nominated_group(app, team_group, ppk)
        set_nominated_group(app, team_group, team)
        group_id = decree_group()

    successors = tuple(
        Successor(nip=nip, projected_position="Kepala Bappeda", projected_date=date(2026, 1, 5))
        for nip in (B, A)
    )
    ordered = order_successors(
        app,
        OrderSuccessors(plan_id=plan_id, ordered_on=date(2025, 4, 9), successors=successors),
        ppk,
    )

    plan: SuccessionPlan = app.repository.get(plan_id)
    group: SuccessionGroup = app.repository.get(group_id)
    assert group.members == {A: 9, B: 8}
    assert [(s.nip, s.order) for s in ordered] == [(B, 1), (A, 2)]
    assert plan.successors == ordered
    assert {nip: n.box for nip, n in plan.nominations.items()} == {A: 9, B: 8}
    assert plan.critical_position_id == critical


def test_the_handlers_check_roles_and_the_balikpapan_start(app: Talenta) -> None:
    agency = "kota-balikpapan"
    cycle = pack_for(agency).cycle
    assert cycle is not None
    command = DeclareCriticalPosition(
        agency=agency,
        position="Kepala Bappeda",
        unit=UNIT,
        level=PositionLevel.JPT_PRATAMA,
        characteristics={c.code: "alasan" for c in cycle.critical_characteristics},
        priority_rank=1,
        competency_standard="SKJ-01",
        decree_number="800/1/2024",
        decree_date=date(2024, 12, 31),
    )
    with pytest.raises(Forbidden):
        declare_critical_position(app, command, actor(agency, Role.TALENT_TEAM))
    with pytest.raises(PackNotInForce) as refused:
        declare_critical_position(app, command, actor(agency, Role.PPK))
    assert refused.value.citation == "balikpapan-2022:P28"

    strategy = SetStrategy(
        agency=agency,
        period="2025-2029",
        mechanisms=("recruit",),
        decree_number="800/2/2025",
        decree_date=date(2025, 2, 14),
    )
    with pytest.raises(TalentRefusal) as early:
        set_strategy(app, strategy, actor(agency, Role.PPK))
    assert (early.value.code, early.value.citation) == (
        "needs-analysis-first",
        "balikpapan-2022:P12(1)",
    )


def nominated_in_group(
    app: Talenta,
    plan_id: UUID,
    nips: tuple[str, ...],
    on: date,
    period: str = "2025",
    decree_number: str = "800/3/2025",
) -> None:
    """``nips`` nominated to the plan on ``on`` by the pack's order: in Binjai from the group the
    PPK decrees first (P29(3), P22); in Balikpapan the talent team nominates, sets the group from
    its nominations (P16(1)-(2)) and the PPK decrees it (P17(3))."""
    plan: SuccessionPlan = app.repository.get(plan_id)
    agency = plan.agency
    cycle = pack_for(agency).cycle
    assert cycle is not None
    ppk = actor(agency, Role.PPK)
    decree = SetGroup(
        agency=agency, period=period, nips=nips, decree_number=decree_number, decree_date=on
    )
    if cycle.nomination_needs_decreed_group:
        set_group(app, decree, ppk)
    for nip in nips:
        made = Nominate(plan_id=plan_id, nip=nip, nominated_on=on, justification="kinerja")
        nominate(app, made, actor(agency, cycle.nominator))
    if not cycle.nomination_needs_decreed_group:
        team = SetNominatedGroup(
            agency=agency,
            period=period,
            nominations=tuple(NominationRef(plan_id=plan_id, nip=nip) for nip in nips),
            decided_on=on,
            reference=f"BA/{period}",
        )
        set_nominated_group(app, team, actor(agency, Role.TALENT_TEAM))
        set_group(app, decree, ppk)
