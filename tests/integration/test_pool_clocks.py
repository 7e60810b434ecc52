"""Pool-entry clocks on a real Temporal dev server and a real store: an entry decreed three years
ago less a few seconds expires during the test; a reminder falls due; using an entry settles its
clock; a replayed log records nothing twice."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from uuid import uuid4
from zoneinfo import ZoneInfo

from domain.envelope import Actor, Envelope, Role
from domain.scouting.pool import PoolMembership, entry_id, membership_id
from domain.values import PositionLevel
from infra.temporal import TemporalEnv
from services.application import Talenta
from services.scouting.pool import PoolDecree, decree_entries
from services.settings import Settings
from workflows.scouting_clocks import HANDLERS, pool_entry_clock, rules
from workflows.worker import running_clocks

RULES = rules(Settings())  # the default lead times
MAYOR = Actor(id="walikota", role=Role.PPK, agency="kota-madiun")
WIB = ZoneInfo("Asia/Jakarta")
EXPIRING, REMINDED = "197503122000031004", "198307252006042011"
LEVEL = PositionLevel.ADMINISTRATOR


def decree(app: Talenta, nip: str, number: str, effective_at: datetime) -> None:
    command = PoolDecree(
        decree_number=number,
        decree_date=effective_at.astimezone(WIB).date(),
        effective_at=effective_at,
    )
    decree_entries(app, [nip], LEVEL, "kota-madiun", uuid4(), command, MAYOR)


def membership(app: Talenta, nip: str) -> PoolMembership:
    found: PoolMembership = app.repository.get(membership_id(nip, LEVEL))
    return found


async def wait_until(condition: Callable[[], bool], timeout: float) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.2)


def three_years_before(moment: datetime) -> datetime:
    local = moment.astimezone(WIB)
    try:
        return local.replace(year=local.year - 3)
    except ValueError:  # 29 February
        return local.replace(year=local.year - 3, day=28)


async def test_pool_entries_expire_remind_and_settle_on_their_clocks(
    app: Talenta, temporal_env: TemporalEnv
) -> None:
    now = datetime.now(UTC)
    decree(
        app, EXPIRING, f"800/{uuid4().hex[:6]}/2023", three_years_before(now + timedelta(seconds=5))
    )
    reminded_number = f"800/{uuid4().hex[:6]}/2023"
    decree(app, REMINDED, reminded_number, three_years_before(now + timedelta(days=7, seconds=4)))
    expiring_entry = membership(app, EXPIRING).entries[0]
    reminded_entry = entry_id(membership_id(REMINDED, LEVEL), reminded_number)

    async with running_clocks(app, temporal_env.client, RULES, HANDLERS):
        await wait_until(lambda: membership(app, EXPIRING).entries[0].expired_on is not None, 40)
        await wait_until(lambda: membership(app, REMINDED).version == 3, 20)

        # The appointment settles the second clock before its expiry.
        member = membership(app, REMINDED)
        stamp = Envelope(actor=MAYOR, effective=date.today())
        member.use(reminded_entry, uuid4(), member.entries[0].decree_date, stamp)
        app.save(member)
        handle = temporal_env.client.get_workflow_handle(pool_entry_clock(reminded_entry))
        assert await asyncio.wait_for(handle.result(), 30) == ["remind-7d"]

    expired = membership(app, EXPIRING).entries[0]
    expiry = list(app.repository.event_store.get(membership_id(EXPIRING, LEVEL)))[-1]
    assert isinstance(expiry, PoolMembership.EntryExpired)
    assert expiry.envelope["basis"]["citations"] == ["madiun-2021:P22(1)", "madiun-2021:P22(2)"]
    assert "may take part in scouting again" in expiry.envelope["reason"]
    assert expiry.envelope["actor"]["role"] == Role.SYSTEM
    assert expired.expired_on == expiring_entry.expires_on
    assert not membership(app, EXPIRING).valid_on(expired.expires_on)
    assert membership(app, EXPIRING).valid_on(expired.expires_on - timedelta(days=1))
    events = app.repository.event_store.get(membership_id(REMINDED, LEVEL))
    reminders = [e for e in events if isinstance(e, PoolMembership.ExpiryReminderSent)]
    assert [(r.entry_id, r.lead_days) for r in reminders] == [(reminded_entry, 7)]

    # Following the log from 0 again starts no clock and records nothing.
    recorded = app.recorder.max_notification_id()
    async with running_clocks(app, temporal_env.client, RULES, HANDLERS, "replay"):
        view = app.factory.tracking_recorder()
        await wait_until(lambda: view.max_tracking_id(f"replay@{app.name}") == recorded, 20)
        await asyncio.sleep(1)
    assert app.recorder.max_notification_id() == recorded
