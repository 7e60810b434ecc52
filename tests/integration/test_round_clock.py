"""A round's clock on a real Temporal dev server: registration closes at its deadline by itself,
and a round never published is left alone rather than retried forever."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from uuid import UUID, uuid4

from domain.envelope import Role
from domain.scouting.round import ScoutingRound
from domain.values import PositionLevel
from infra.temporal import TemporalEnv
from services.application import Talenta
from services.scouting.rounds import OpenRound, open_round
from tests.integration.test_scouting_rounds import ANNOUNCEMENT, OPENING, SCHEDULE, TEAM
from tests.integration.test_scouting_rounds import opened_round as published_round
from workflows.scouting_clocks import HANDLERS, RULES, round_clock
from workflows.worker import running_clocks


def unpublished_round(app: Talenta) -> UUID:
    command = OpenRound(
        agency="kota-madiun",
        level=PositionLevel.SUPERVISOR,
        name="Talent Scouting Pengawas 2024",
        schedule=SCHEDULE,
        announcement=ANNOUNCEMENT,
        effective=OPENING,
    )
    return open_round(app, command, TEAM)


async def test_the_clock_closes_registration_and_skips_what_the_rules_refuse(
    app: Talenta, temporal_env: TemporalEnv
) -> None:
    published, unpublished = published_round(app), unpublished_round(app)
    prefix = f"{uuid4()}/"  # the same round ids recur in the other backend's run

    async with running_clocks(app, temporal_env.client, RULES, HANDLERS, id_prefix=prefix):
        for round_id in (published, unpublished):
            handle = temporal_env.client.get_workflow_handle(prefix + round_clock(round_id))
            async with asyncio.timeout(30):
                while True:
                    try:
                        done = await handle.result()
                        break
                    except Exception:  # not started by the relay yet
                        await asyncio.sleep(0.2)
            assert done == ["close-registration"]

    closed: ScoutingRound = app.repository.get(published)
    assert closed.closed_on == SCHEDULE.registration_closes + timedelta(days=1)
    last = list(app.repository.event_store.get(published))[-1]
    assert isinstance(last, ScoutingRound.RegistrationClosed)
    assert last.envelope["actor"]["role"] == Role.SYSTEM
    still_open: ScoutingRound = app.repository.get(unpublished)
    assert still_open.closed_on is None
