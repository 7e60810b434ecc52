"""What waits in the talent cycle, as its read model keeps it, on SQLite and PostgreSQL: the
mapping campaigns open on a day, from their opening until the day they close; the follow-up
tasks open in each agency, counted as they open and close; followed from the start of the log
even where the talent read models are already up to it, and rebuilt from the log to the same
documents."""

from __future__ import annotations

from datetime import date

import pytest

from domain.envelope import Role
from projections.documents import document_view
from projections.follower import Follower
from projections.talent import TalentProjection
from projections.talent.waiting import (
    CAMPAIGNS,
    OPEN_TASKS,
    WaitingProjection,
    open_campaigns,
    open_follow_up_count,
)
from services.application import Talenta
from services.talent.development import (
    CloseFollowUp,
    OpenFollowUps,
    close_follow_up,
    open_follow_ups,
)
from services.talent.mapping import CloseCampaign, OpenCampaign, close_campaign, open_campaign
from tests.integration.test_talent_succession import A, B, actor, assess, staffed
from tests.unit.rules_builders import nip_for

NIPS = (nip_for(date(1980, 1, 1)), nip_for(date(1981, 1, 1)))


@pytest.mark.parametrize("agency", ["kota-binjai", "kota-balikpapan"])
def test_a_campaign_is_open_from_its_opening_until_its_closing_day(
    app: Talenta, agency: str
) -> None:
    clerk = actor(agency, Role.CASEWORKER)
    opened = [
        open_campaign(
            app,
            OpenCampaign(
                agency=agency, unit=unit, period="2025", opened_on=date(2025, 2, 1), nips=NIPS
            ),
            clerk,
        )
        for unit in ("Bappeda", "")
    ]
    closed = CloseCampaign(campaign_id=opened[0], closed_on=date(2025, 5, 1))
    close_campaign(app, closed, clerk)
    view = document_view(app)
    # The talent read models up to the log first: the campaigns' own position starts at 0.
    Follower(app, TalentProjection(view)).catch_up()
    follower = Follower(app, WaitingProjection(view))
    applied = follower.catch_up()
    assert applied == 3

    def units(on: date) -> list[str]:
        return [row.unit for row in open_campaigns(view, agency, on)]

    assert units(date(2025, 1, 31)) == []
    assert units(date(2025, 4, 30)) == ["Bappeda", ""]
    assert units(date(2025, 5, 1)) == [""]
    (row,) = open_campaigns(view, agency, date(2025, 5, 1))
    assert (row.scope, row.period, row.closed_on) == (2, "2025", None)
    assert open_campaigns(view, "kota-madiun", date(2025, 4, 30)) == []

    built = view.list(CAMPAIGNS, agency)
    view.reset(WaitingProjection.collections, follower.tracking_key)
    assert view.list(CAMPAIGNS, agency) == []
    assert Follower(app, WaitingProjection(view)).catch_up() == applied
    assert view.list(CAMPAIGNS, agency) == built


@pytest.mark.parametrize("agency", ["kota-binjai", "kota-balikpapan"])
def test_the_open_follow_ups_of_an_agency_are_counted_as_they_open_and_close(
    app: Talenta, agency: str
) -> None:
    view = document_view(app)
    follower = Follower(app, WaitingProjection(view))
    assert open_follow_up_count(view, agency) == 0
    staffed(app, agency)
    clerk = actor(agency, Role.CASEWORKER)
    opened = [
        task
        for nip, box in ((A, 9), (B, 5))
        if assess(app, agency, nip, box, date(2025, 3, 1))
        for task in open_follow_ups(
            app, OpenFollowUps(agency=agency, nip=nip, effective=date(2025, 3, 2)), clerk
        )
    ]
    follower.catch_up()
    assert open_follow_up_count(view, agency) == len(opened) > 3
    closed = CloseFollowUp(agency=agency, nip=A, effective=date(2025, 4, 1),
                           task_id=opened[0].task_id, outcome="Dipromosikan")  # fmt: skip
    close_follow_up(app, closed, clerk)
    # Opening again opens nothing twice, so counts nothing twice.
    assert not open_follow_ups(
        app, OpenFollowUps(agency=agency, nip=B, effective=date(2025, 4, 2)), clerk
    )
    follower.catch_up()
    assert open_follow_up_count(view, agency) == len(opened) - 1
    assert open_follow_up_count(view, "kota-madiun") == 0
    built = view.list(OPEN_TASKS, agency)
    view.reset(WaitingProjection.collections, follower.tracking_key)
    Follower(app, WaitingProjection(view)).catch_up()
    assert view.list(OPEN_TASKS, agency) == built
