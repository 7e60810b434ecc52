"""A placement into a position declared critical is monitored for 3 years (binjai-2023:P33(2),
balikpapan-2022:P25(3)) whether or not its succession plan was linked to the critical position:
the same unit and position title are enough; a position not declared there, or withdrawn before
the inauguration, is not monitored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from domain.envelope import Role
from domain.rules.calendar import add_years
from domain.rules.registry import pack_for
from domain.talent.critical import critical_position_id
from domain.talent.monitoring import Monitoring, monitoring_id
from domain.talent.placement import Placement
from domain.values import PositionLevel
from services.application import Talenta
from services.talent.acquisition import (
    DeclareCriticalPosition,
    WithdrawCriticalPosition,
    declare_critical_position,
    withdraw_critical_position,
)
from services.talent.placement import place_talent
from tests.integration.test_talent_placement import POSITION, decree, planned
from tests.integration.test_talent_succession import CITIES, UNIT, A, actor, staffed


@dataclass(frozen=True)
class Row:
    case: str
    city: str
    declared_unit: str | None  # None: no critical position declared
    withdrawn_on: date | None
    monitored: bool


ROWS = [
    Row("binjai-2023:P33(2) declared, plan not linked", "binjai", UNIT, None, True),
    Row("balikpapan-2022:P25(3) declared, plan not linked", "balikpapan", UNIT, None, True),
    Row("binjai-2023:P33(2) same title, other unit", "binjai", "Dinas Kesehatan", None, False),
    Row("balikpapan-2022:P25(3) nothing declared", "balikpapan", None, None, False),
    Row(
        "binjai-2023:P33(2) withdrawn before the inauguration",
        "binjai",
        UNIT,
        date(2025, 12, 1),
        False,
    ),
    Row(
        "balikpapan-2022:P25(3) withdrawn after the inauguration",
        "balikpapan",
        UNIT,
        date(2026, 2, 1),
        True,
    ),
]


def declare(app: Talenta, agency: str, unit: str) -> None:
    cycle = pack_for(agency).cycle
    assert cycle is not None
    declare_critical_position(
        app,
        DeclareCriticalPosition(
            agency=agency,
            position=POSITION,
            unit=unit,
            level=PositionLevel.ADMINISTRATOR,
            characteristics={c.code: "karena RPJMD" for c in cycle.critical_characteristics},
            priority_rank=1,
            competency_standard="SKJ-01",
            decree_number="800/1/2025",
            decree_date=date(2025, 2, 3),
        ),
        actor(agency, Role.PPK),
    )


@pytest.mark.parametrize("row", ROWS, ids=[row.case for row in ROWS])
def test_a_placement_into_a_declared_critical_position_is_monitored(app: Talenta, row: Row) -> None:
    agency, _, _ = CITIES[row.city]
    ppk = actor(agency, Role.PPK)
    staffed(app, agency)
    if row.declared_unit is not None:
        declare(app, agency, row.declared_unit)
    plan_id = planned(app, agency)  # the plan names no critical position
    if row.withdrawn_on is not None:
        withdraw = WithdrawCriticalPosition(
            critical_position_id=critical_position_id(agency, UNIT, POSITION),
            decree_number="800/9/2025",
            decree_date=row.withdrawn_on,
        )
        withdraw_critical_position(app, withdraw, ppk)

    placed = place_talent(app, decree(plan_id, A), ppk)

    placement: Placement = app.repository.get(placed)
    assert placement.critical is row.monitored, row.case
    assert (monitoring_id(placed) in app.repository) is row.monitored, row.case
    if row.monitored:
        monitoring: Monitoring = app.repository.get(monitoring_id(placed))
        inaugurated = decree(plan_id, A).inaugurated_on
        assert monitoring.evaluation_due == add_years(inaugurated, 3), row.case
