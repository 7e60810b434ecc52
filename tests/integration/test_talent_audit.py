"""Audit answers of the talent cycle, on SQLite and PostgreSQL: a nomination explained by who,
when, why, under which rule and reading, and the nine-box state it rested on."""

from __future__ import annotations

from datetime import date

import pytest

from domain.envelope import Role
from domain.talent.succession_values import TargetStatus
from domain.values import PositionLevel
from services.application import NotFound, Talenta
from services.audit.nomination import audit_nomination
from services.auth import OtherAgency
from services.talent.succession import DeclareTarget, declare_target
from tests.integration.test_talent_succession import (
    CITIES,
    UNIT,
    A,
    B,
    actor,
    assess,
    nominated_in_group,
    staffed,
)


@pytest.mark.parametrize("city", ["binjai", "balikpapan"])
def test_a_nomination_is_explained_with_the_nine_box_state_it_rested_on(
    app: Talenta, city: str
) -> None:
    agency, nominator, _ = CITIES[city]
    staffed(app, agency)
    assess(app, agency, A, 5, date(2025, 3, 3))
    assess(app, agency, A, 9, date(2025, 3, 10))  # supersedes the first
    assess(app, agency, B, 8, date(2025, 3, 10))
    target = DeclareTarget(
        agency=agency,
        position="Kepala Bidang Perencanaan",
        unit=UNIT,
        level=PositionLevel.ADMINISTRATOR,
        status=TargetStatus.VACANT,
        declared_on=date(2025, 4, 2),
    )
    plan_id = declare_target(app, target, actor(agency, Role.TALENT_TEAM))
    nominated_in_group(app, plan_id, (A,), date(2025, 4, 7))
    assess(app, agency, A, 6, date(2025, 9, 1))  # a later assessment does not rewrite history

    answer = audit_nomination(app, plan_id, A, actor(agency, Role.AUDITOR))

    assert answer.assessment_at_the_time.box == 9
    assert [e.details["box"] for e in answer.assessment_events] == [5, 9, 6]
    assert answer.nomination.actor is not None
    assert answer.nomination.actor.role == nominator
    assert answer.nomination.reason == "kinerja"
    cycle_citation = {"binjai": "binjai-2023:P22", "balikpapan": "balikpapan-2022:P16(1)"}[city]
    assert cycle_citation in answer.nomination.citations
    assert answer.pack == agency.replace("kota-", "") + ("-2023" if city == "binjai" else "-2022")
    assert [e.what for e in answer.plan_timeline] == ["TargetDeclared", "Nominated"]

    with pytest.raises(NotFound):
        audit_nomination(app, plan_id, B, actor(agency, Role.AUDITOR))
    with pytest.raises(OtherAgency):
        audit_nomination(app, plan_id, A, actor("kota-madiun", Role.AUDITOR))
