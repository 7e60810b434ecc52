"""The Temporal server and the clocks' worker both killed mid-test and started again (issue 4):
on PostgreSQL, a dev server of the test's own keeping its state in a db file, and `talenta worker`
as a process of its own. Binjai pins whose expiry and monitorings whose 3-year evaluation fall due
every two seconds are each recorded exactly once (with their one late reminder), whether they fell
due before the kill, while neither server nor worker ran, or after the restart; awards and
placements decreed during the outage get their clocks after it."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID, uuid4

from domain.envelope import Role
from domain.talent.monitoring import Monitoring, monitoring_id
from domain.talent.retention import Award, AwardKind
from infra.temporal import DevServer, start_dev_server
from services.application import Talenta
from services.config import StoreConfig
from services.talent.placement import PlaceTalent, place_talent
from services.talent.retention import AwardDecree, award
from tests.e2e.support import wait_until
from tests.e2e.talent_support import actor, box9_successor, years_before
from tests.e2e.test_worker_restart import WorkerProcess

AGENCY = "kota-binjai"
MAYOR = actor(AGENCY, Role.PPK)
# Seconds within which the server and the worker are back, even on a busy machine: the clocks
# decreed during the outage fall due after it.
RESTART = 35


@dataclass(frozen=True)
class Clocked:
    """A pin whose expiry, or a monitoring whose evaluation, falls due at ``due``."""

    pin: bool
    subject: UUID  # the award, or the monitoring
    due: datetime


def nip(sequence: int) -> str:
    return f"198205172008012{sequence + 1:03d}"


def clocked(app: Talenta, sequence: int, pin: bool, due: datetime) -> Clocked:
    """A box-9 employee, then a pin decreed two years before ``due``, or a placement into a
    critical position inaugurated three years before it."""
    effective_at = years_before(due, 2 if pin else 3, AGENCY)
    on = effective_at.date()
    plan = box9_successor(app, AGENCY, nip(sequence), on - timedelta(days=30))
    decree = f"{uuid4().hex[:8]}/{on.year}"
    if pin:
        command = AwardDecree(
            agency=AGENCY,
            nip=nip(sequence),
            kind=AwardKind.PIN,
            decree_number=f"800/{decree}",
            decree_date=on,
            effective_at=effective_at,
        )
        return Clocked(True, award(app, command, MAYOR).id, due)
    placement = place_talent(
        app,
        PlaceTalent(
            plan_id=plan,
            nip=nip(sequence),
            decree_number=f"821/{decree}",
            decree_date=on,
            inaugurated_on=on,
            effective_at=effective_at,
        ),
        MAYOR,
    )
    return Clocked(False, monitoring_id(placement), due)


def recorded(app: Talenta, item: Clocked) -> tuple[list[str], int]:
    """The reminders sent (keyed by lead) and how many expiries / due dates were recorded."""
    found = list(app.repository.event_store.get(item.subject))
    if item.pin:
        reminders = [f"{e.lead_days}d" for e in found if isinstance(e, Award.PinReminderSent)]
        return reminders, sum(isinstance(e, Award.PinExpired) for e in found)
    keys = [e.key for e in found if isinstance(e, Monitoring.EvaluationReminderSent)]
    reminders = [key.removeprefix("evaluation-") for key in keys]
    return reminders, sum(isinstance(e, Monitoring.EvaluationDue) for e in found)


def done(app: Talenta, item: Clocked) -> bool:
    return recorded(app, item)[1] > 0


async def test_killing_the_temporal_server_and_the_worker_loses_no_timer_and_doubles_none(
    pg_app: Talenta, pg_store: StoreConfig, tmp_path: Path
) -> None:
    app = pg_app
    workers: list[WorkerProcess] = []
    server: DevServer | None = None

    def start_worker(target: str) -> WorkerProcess:
        log = tmp_path / f"worker-{len(workers) + 1}.log"
        worker = WorkerProcess(pg_store, target, log)
        workers.append(worker)
        return worker

    try:
        async with asyncio.timeout(130):
            server = await start_dev_server(tmp_path / "temporal.db")
            first = start_worker(server.target)
            await first.ready()
            # Pins and monitorings alternating, one falling due every two seconds from 8 s on.
            now = datetime.now(UTC)
            plan = [
                clocked(app, index, index % 2 == 0, now + timedelta(seconds=8 + 2 * index))
                for index in range(10)
            ]
            await wait_until(
                lambda: sum(done(app, item) for item in plan) >= 2, 30, "the first milestones"
            )

            # A crash of both: no shutdown, the server's db file left as it was.
            await server.kill()
            first.kill()
            down = datetime.now(UTC)
            at_kill = sum(done(app, item) for item in plan)
            assert at_kill < len(plan) - 2, "killed too late to be in the middle"
            # Decreed while nothing runs: their clocks start only after the restart.
            late = [
                clocked(
                    app, 20 + index, index % 2 == 1, down + timedelta(seconds=RESTART + 2 * index)
                )
                for index in range(2)
            ]
            await asyncio.sleep(3)
            missed = [item for item in plan if item.due < datetime.now(UTC) and not done(app, item)]

            await server.start()  # the same db file and port
            second = start_worker(server.target)
            await second.ready()
            restarted = datetime.now(UTC)
            everything = plan + late
            await wait_until(
                lambda: all(done(app, item) for item in everything),
                45,
                "every milestone after the restart",
            )
            await asyncio.sleep(3)  # a doubled milestone would be recorded by now

        assert missed, "no milestone fell due while the server and the worker were down"
        assert restarted < min(item.due for item in late), "restarted too slowly for the test"
        for item in everything:
            # Each clock started within a week of its deadline: its 7-day reminder went out at
            # once, then the deadline itself, each once.
            assert recorded(app, item) == (["7d"], 1), item
    finally:
        for worker in workers:
            with contextlib.suppress(Exception):
                worker.stop()
        if server is not None:
            await server.stop()
