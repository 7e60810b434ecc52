"""The Binjai box-9 pin clock (binjai-2023 P30(2)(a)) on a real Temporal dev server and a real
store: a pin decreed two years ago less a few seconds expires during the test, recorded by the
system; a pin a week from its expiry is reminded once; replaying the log records nothing twice."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

from temporalio.service import RPCError

from domain.envelope import Actor, Envelope, Role
from domain.rules import binjai
from domain.rules.calendar import add_years
from domain.rules.ninebox import Performance, Potential
from domain.talent.mapping import TalentProfile
from domain.talent.retention import Award, AwardKind
from domain.values import PositionLevel
from infra.temporal import TemporalEnv
from services.application import Talenta
from services.settings import Settings
from services.talent.retention import AwardDecree, award
from workflows.talent_clocks import HANDLERS, pin_clock, rules
from workflows.worker import running_clocks

RULES = rules(Settings())  # the default lead times
AGENCY = "kota-binjai"
MAYOR = Actor(id="walikota", role=Role.PPK, agency=AGENCY)
ASSESSOR = Actor(id="asesor", role=Role.ASSESSOR, agency=AGENCY)
WIB = ZoneInfo("Asia/Jakarta")
EXPIRING, REMINDED = "197503122000031004", "198307252006042011"


def two_years_before(moment: datetime) -> datetime:
    local = moment.astimezone(WIB)
    return datetime.combine(add_years(local.date(), -2), local.timetz())


def mapped_in_box_9(app: Talenta, nip: str, on: date) -> None:
    profile = TalentProfile.start(AGENCY, nip, Envelope(actor=ASSESSOR, effective=on))
    profile.assess(
        "Bappeda",
        PositionLevel.ADMINISTRATOR,
        str(on.year),
        Performance.ABOVE,
        Potential.HIGH,
        {"assessment_centre": {"intellectual": 5}},
        binjai.PACK,
        Envelope(actor=ASSESSOR, effective=on),
    )
    app.save(profile)


def pin(app: Talenta, nip: str, effective_at: datetime) -> Award:
    decreed = effective_at.astimezone(WIB).date()
    mapped_in_box_9(app, nip, decreed - timedelta(days=30))
    command = AwardDecree(
        agency=AGENCY,
        nip=nip,
        kind=AwardKind.PIN,
        decree_number=f"800/{uuid4().hex[:6]}/{decreed.year}",
        decree_date=decreed,
        effective_at=effective_at,
    )
    return award(app, command, MAYOR)


def events(app: Talenta, award_id: UUID) -> list[object]:
    return list(app.repository.event_store.get(award_id))


async def wait_until(condition: Callable[[], bool], timeout: float) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.2)


async def test_a_pin_expires_on_its_clock_and_is_reminded_once(
    app: Talenta, temporal_env: TemporalEnv
) -> None:
    now = datetime.now(UTC)
    expiring = pin(app, EXPIRING, two_years_before(now + timedelta(seconds=5)))
    reminded = pin(app, REMINDED, two_years_before(now + timedelta(days=7, seconds=4)))
    prefix = f"{uuid4()}/"  # the same NIPs recur in the other backend's run
    client = temporal_env.client

    try:
        async with running_clocks(app, client, RULES, HANDLERS, id_prefix=prefix):
            await wait_until(lambda: isinstance(events(app, expiring.id)[-1], Award.PinExpired), 40)
            handle = client.get_workflow_handle(prefix + pin_clock(expiring.id))
            # The reminders fell due before the clock started: the last one went out at once.
            assert await asyncio.wait_for(handle.result(), 30) == ["remind-7d", "expire"]
            await wait_until(lambda: len(events(app, reminded.id)) == 2, 20)

        late, expired = events(app, expiring.id)[1:]
        assert isinstance(late, Award.PinReminderSent) and late.lead_days == 7
        assert isinstance(expired, Award.PinExpired)
        assert expired.expired_on == expiring.expires_on
        assert expired.envelope["actor"]["role"] == Role.SYSTEM
        assert expired.envelope["basis"]["citations"] == ["binjai-2023:P30(2)(a)"]
        assert expired.envelope["basis"]["readings"] == {"D7": "calendar-years"}
        found: Award = app.repository.get(expiring.id)
        assert expiring.expires_on is not None
        assert not found.valid_on(expiring.expires_on)
        assert found.valid_on(expiring.expires_on - timedelta(days=1))
        reminder = events(app, reminded.id)[-1]
        assert isinstance(reminder, Award.PinReminderSent) and reminder.lead_days == 7

        # Following the log from 0 again starts no clock and records nothing.
        recorded = app.recorder.max_notification_id()
        view = app.factory.tracking_recorder()
        # The relay follows the awards only, so it tracks up to the last of them.
        relayed = view.max_tracking_id(f"relay@{app.name}")
        async with running_clocks(app, client, RULES, HANDLERS, "replay", id_prefix=prefix):
            await wait_until(lambda: view.max_tracking_id(f"replay@{app.name}") == relayed, 20)
            await asyncio.sleep(1)
        assert app.recorder.max_notification_id() == recorded
        for award_id in (expiring.id, reminded.id):
            assert sum(isinstance(e, Award.PinReminderSent) for e in events(app, award_id)) == 1
    finally:
        # The week-long clock would outlive the test on the shared server.
        with contextlib.suppress(RPCError):
            await client.get_workflow_handle(prefix + pin_clock(reminded.id)).terminate()
