"""The talent searches' read model on SQLite and PostgreSQL (binjai-2023 P23, balikpapan-2022
P19): a search followed into its document at each stage, listed per agency, and rebuilt from the
log with the same documents; its own tracking position, so a store whose other talent read
models are built gets its searches from the start of the log."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from domain.envelope import Role
from domain.talent.search import SearchFollowUp, SearchGround
from domain.values import PositionLevel
from projections.documents import DocumentView, document_view
from projections.follower import Follower
from projections.talent import TalentProjection
from projections.talent.searches import (
    SearchStage,
    TalentSearchProjection,
    talent_search,
    talent_searches,
)
from services.application import Talenta
from services.talent.search import (
    ConcludeTalentSearch,
    DecideTalentSearch,
    OpenTalentSearch,
    conclude_talent_search,
    decide_talent_search,
    open_talent_search,
)
from tests.integration.test_talent_succession import UNIT, A, B, actor, staffed

AGENCY = "kota-binjai"


@pytest.fixture
def view(app: Talenta) -> DocumentView:
    return document_view(app)


def opened(app: Talenta, position: str) -> UUID:
    command = OpenTalentSearch(
        agency=AGENCY,
        position=position,
        unit="Dinas PUPR",
        level=PositionLevel.ADMINISTRATOR,
        grounds=(SearchGround.URGENT,),
        justification="pejabat pensiun mendadak",
        opened_on=date(2025, 3, 3),
    )
    return open_talent_search(app, command, actor(AGENCY, Role.TALENT_TEAM))


def test_a_search_is_followed_through_its_stages_and_rebuilt(
    app: Talenta, view: DocumentView
) -> None:
    staffed(app, AGENCY)
    Follower(app, TalentProjection(view)).catch_up()  # the other talent models built first
    search = opened(app, "Kepala Bidang Tata Ruang")
    other = opened(app, "Sekretaris Dinas")
    follower = Follower(app, TalentSearchProjection(view))
    follower.catch_up()
    found = talent_search(view, search)
    assert found is not None and found.stage is SearchStage.OPEN
    assert (found.grounds, found.opened_by) == (["urgent"], f"{Role.TALENT_TEAM}@{AGENCY}")

    team = actor(AGENCY, Role.TALENT_TEAM)
    concluded = ConcludeTalentSearch(
        search_id=search, found=(A, B), chosen=A, result="A sesuai", concluded_on=date(2025, 3, 20)
    )
    conclude_talent_search(app, concluded, team)
    follower.catch_up()
    found = talent_search(view, search)
    assert found is not None and found.stage is SearchStage.CONCLUDED
    assert (found.found, found.chosen) == ([A, B], A)

    decided = DecideTalentSearch(
        search_id=search,
        nip=A,
        follow_up=SearchFollowUp.MUTATION_ROTATION,
        decree_number="821/7/2025",
        decree_date=date(2025, 4, 1),
    )
    decide_talent_search(app, decided, actor(AGENCY, Role.PPK))
    assert follower.catch_up() == 1
    found = talent_search(view, search)
    assert found is not None and found.stage is SearchStage.DECIDED
    assert (found.from_unit, found.decree_number) == (UNIT, "821/7/2025")
    listed = talent_searches(view, AGENCY)
    assert {row.search_id: row.stage for row in listed} == {
        search: SearchStage.DECIDED,
        other: SearchStage.OPEN,
    }
    assert talent_searches(view, "kota-balikpapan") == []

    built = [row.model_dump() for row in listed]
    view.reset(TalentSearchProjection.collections, follower.tracking_key)
    assert talent_searches(view, AGENCY) == [] and follower.position == 0
    assert Follower(app, TalentSearchProjection(view)).catch_up() == 4
    assert [row.model_dump() for row in talent_searches(view, AGENCY)] == built
