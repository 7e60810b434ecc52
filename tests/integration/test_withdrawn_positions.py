"""The critical positions as the page lists them, on SQLite and PostgreSQL: those in force in
their priority order, then those withdrawn by the day asked with their withdrawal's decree; a
withdrawal decreed ahead leaves the position in force until its date."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from domain.envelope import Role
from domain.rules.registry import pack_for
from domain.values import PositionLevel
from projections.documents import document_view
from projections.follower import Follower
from projections.talent import TalentProjection, critical_positions, declared_positions
from services.application import Talenta
from services.talent.acquisition import (
    DeclareCriticalPosition,
    WithdrawCriticalPosition,
    declare_critical_position,
    withdraw_critical_position,
)
from tests.integration.test_talent_succession import actor

DECREED = date(2025, 3, 3)


@pytest.mark.parametrize("agency", ["kota-binjai", "kota-balikpapan"])
def test_a_withdrawn_position_stays_listed_as_withdrawn_from_its_decree(
    app: Talenta, agency: str
) -> None:
    cycle = pack_for(agency).cycle
    assert cycle is not None
    ppk = actor(agency, Role.PPK)

    def declared(position: str, rank: int) -> UUID:
        return declare_critical_position(
            app,
            DeclareCriticalPosition(
                agency=agency,
                position=position,
                unit="Bappeda",
                level=PositionLevel.ADMINISTRATOR,
                characteristics={c.code: "RPJMD" for c in cycle.critical_characteristics},
                priority_rank=rank,
                competency_standard="SKJ-01",
                decree_number=f"800/{rank}/2025",
                decree_date=DECREED,
            ),
            ppk,
        )

    first, _, third = (declared(name, rank) for rank, name in enumerate("ABC", start=1))
    for key, day, number in (
        (first, date(2025, 6, 1), "800/61"),
        (third, date(2025, 9, 1), "800/91"),
    ):
        withdrawn = WithdrawCriticalPosition(
            critical_position_id=key, decree_number=number, decree_date=day
        )
        withdraw_critical_position(app, withdrawn, ppk)
    view = document_view(app)
    Follower(app, TalentProjection(view)).catch_up()

    def listed(on: date) -> list[tuple[str, str]]:
        return [
            (
                row.position,
                row.withdrawal_decree if row.withdrawn_on and row.withdrawn_on <= on else "",
            )
            for row in declared_positions(view, agency, on)
        ]

    assert listed(date(2025, 3, 2)) == []
    assert listed(date(2025, 5, 31)) == [("A", ""), ("B", ""), ("C", "")]
    assert listed(date(2025, 6, 1)) == [("B", ""), ("C", ""), ("A", "800/61")]
    assert listed(date(2025, 9, 1)) == [("B", ""), ("C", "800/91"), ("A", "800/61")]
    # The positions in force, for every other page, leave the withdrawn ones out.
    assert [row.position for row in critical_positions(view, agency, date(2025, 9, 1))] == ["B"]
