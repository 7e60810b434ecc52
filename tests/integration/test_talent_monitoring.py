"""Monitoring and the yearly evaluation on a real Temporal dev server and a real store: a Binjai
placement inaugurated 3 years ago less a few seconds has its evaluation fall due during the test,
recorded by the system; the PPK's evaluation settles the clock; a replayed log records nothing
twice. The yearly schedule exists at 23:59 on 31 December in the agency's time zone, and
triggering it records the year's programme evaluation once."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

from temporalio.client import ScheduleActionStartWorkflow
from temporalio.worker import Worker

from domain.envelope import Actor, Envelope, Role
from domain.personnel.aggregate import Employee
from domain.personnel.facts import EmploymentStatus, PersonnelFacts
from domain.rules.binjai import PACK
from domain.rules.calendar import add_years
from domain.rules.cycle import MonitoringOutcome
from domain.rules.ninebox import Performance, Potential
from domain.talent.evaluation import ProgrammeEvaluation, programme_evaluation_id
from domain.talent.mapping import TalentProfile
from domain.talent.monitoring import Monitoring, monitoring_id
from domain.talent.succession import SuccessionPlan
from domain.talent.succession_values import Successor, TargetStatus
from domain.values import Nip, PositionLevel
from infra.temporal import TemporalEnv
from services.application import Talenta
from services.settings import Settings
from services.talent.monitoring import EvaluateMonitoring, evaluate_monitoring
from services.talent.placement import PlaceTalent, place_talent
from tests.e2e.talent_support import nominated_alone
from workflows.activities import ClockActivities
from workflows.clock import TASK_QUEUE, ClockWorkflow
from workflows.talent_monitoring import HANDLERS, monitoring_clock, rules
from workflows.worker import running_clocks
from workflows.yearly_schedule import HANDLERS as YEARLY_HANDLERS
from workflows.yearly_schedule import WORKFLOWS, ensure_yearly_schedules

RULES = rules(Settings())  # the default lead times
AGENCY = "kota-binjai"
WIB = ZoneInfo("Asia/Jakarta")
MAYOR = Actor(id="walikota", role=Role.PPK, agency=AGENCY)
NIP = "198001012005011001"


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


def successor_plan(app: Talenta, inaugurated: date) -> UUID:
    """An employee mapped in box 9, decreed into the group, nominated and ordered first in a
    critical position's plan."""
    before = inaugurated - timedelta(days=30)
    stamp = Envelope(actor=MAYOR, effective=before)
    facts = PersonnelFacts(
        nip=Nip(NIP),
        name="Siti Aminah",
        status=EmploymentStatus.PNS,
        active=True,
        agency=AGENCY,
        unit="Dinas Kesehatan",
    )
    employee = Employee.enrol(facts, stamp)
    profile = TalentProfile.start(AGENCY, NIP, stamp)
    assessment = profile.assess(
        "Dinas Kesehatan",
        PositionLevel.SUPERVISOR,
        str(before.year),
        Performance.ABOVE,
        Potential.HIGH,
        {"assessment_centre": {"score": 88}},
        PACK,
        stamp,
    )
    plan = SuccessionPlan.declare(
        AGENCY,
        f"Kepala Bidang Anggaran {uuid4().hex[:6]}",
        "Dinas Kesehatan",
        PositionLevel.ADMINISTRATOR,
        uuid4(),
        TargetStatus.VACANT,
        PACK,
        stamp,
    )
    groups = nominated_alone(plan, assessment, facts, PACK, before)
    successor = Successor(nip=NIP, projected_position=plan.position, projected_date=inaugurated)
    plan.order_successors([successor], PACK, stamp)
    app.save(employee, profile, plan, *groups)
    return plan.id


def monitoring(app: Talenta, placement: UUID) -> Monitoring:
    found: Monitoring = app.repository.get(monitoring_id(placement))
    return found


async def test_the_evaluation_falls_due_by_the_clock_and_the_evaluation_settles_it(
    app: Talenta, temporal_env: TemporalEnv
) -> None:
    inaugurated_at = three_years_before(datetime.now(UTC) + timedelta(seconds=6))
    on = inaugurated_at.date()
    command = PlaceTalent(
        plan_id=successor_plan(app, on),
        nip=NIP,
        decree_number=f"821/{uuid4().hex[:6]}/BKPSDM",
        decree_date=on,
        inaugurated_on=on,
        effective_at=inaugurated_at,
    )
    placement = place_talent(app, command, MAYOR)
    assert monitoring(app, placement).evaluation_due == add_years(on, 3)
    placed = app.facts(NIP).positions[-1]
    assert (placed.unit, placed.inauguration) == ("Dinas Kesehatan", on)
    prefix = f"{uuid4()}/"  # the same ids recur in the other backend's run

    async with running_clocks(app, temporal_env.client, RULES, HANDLERS, id_prefix=prefix):
        await wait_until(lambda: monitoring(app, placement).due_on is not None, 40)
        evaluate_monitoring(
            app,
            EvaluateMonitoring(
                monitoring_id=monitoring_id(placement),
                outcome=MonitoringOutcome.PROMOTION,
                notes="siap promosi",
                effective=datetime.now(WIB).date(),
            ),
            MAYOR,
        )
        clock = prefix + monitoring_clock(monitoring_id(placement))
        handle = temporal_env.client.get_workflow_handle(clock)
        # The 7-day reminder fell due before the clock started: sent at once, then the due date;
        # the evaluation came before the first overdue reminder.
        assert await asyncio.wait_for(handle.result(), 30) == ["evaluation-7d", "evaluation-due"]

    events = list(app.repository.event_store.get(monitoring_id(placement)))
    kinds = [type(event).__name__ for event in events]
    assert kinds == ["MonitoringStarted", "EvaluationReminderSent", "EvaluationDue", "Evaluated"]
    due = events[2]
    assert isinstance(due, Monitoring.EvaluationDue)
    assert due.due_on == add_years(on, 3)
    assert due.envelope["actor"]["role"] == Role.SYSTEM
    assert due.envelope["basis"]["citations"] == ["binjai-2023:P33(2)"]

    # Following the log from 0 again starts no clock and records nothing.
    recorded = app.recorder.max_notification_id()
    async with running_clocks(app, temporal_env.client, RULES, HANDLERS, "replay", prefix):
        view = app.factory.tracking_recorder()
        await wait_until(lambda: view.max_tracking_id(f"replay@{app.name}") == recorded, 20)
        await asyncio.sleep(1)
    assert app.recorder.max_notification_id() == recorded


async def test_the_yearly_schedule_fires_at_the_budget_year_end_and_records_once(
    app: Talenta, temporal_env: TemporalEnv
) -> None:
    client = temporal_env.client
    prefix = f"{uuid4()}/"
    agencies = ["kota-binjai", "kota-balikpapan", "kota-madiun"]
    assert await ensure_yearly_schedules(client, agencies, prefix) == [
        f"{prefix}yearly-evaluation/kota-binjai"
    ]
    # Ensuring again updates rather than fails.
    (name,) = await ensure_yearly_schedules(client, agencies, prefix)
    handle = client.get_schedule_handle(name)
    described = await handle.describe()
    spec = described.schedule.spec
    assert spec.time_zone_name == "Asia/Jakarta"
    (calendar,) = spec.calendars
    assert [(r.start, r.end) for r in calendar.month] == [(12, 12)]
    assert [(r.start, r.end) for r in calendar.day_of_month] == [(31, 31)]
    assert [(r.start, r.end) for r in calendar.hour] == [(23, 23)]
    assert [(r.start, r.end) for r in calendar.minute] == [(59, 59)]
    fires = described.info.next_action_times[0].astimezone(WIB)
    assert (fires.month, fires.day, fires.hour, fires.minute) == (12, 31, 23, 59)
    action = described.schedule.action
    assert isinstance(action, ScheduleActionStartWorkflow)
    assert (action.workflow, action.task_queue) == ("YearlyEvaluation", TASK_QUEUE)

    year = datetime.now(WIB).year
    successor_plan(app, date(year, 12, 1))  # box 9 in Dinas Kesehatan, nominated on 1 November
    activities = ClockActivities(app, YEARLY_HANDLERS)
    try:
        with ThreadPoolExecutor(max_workers=2) as executor:
            async with Worker(
                client,
                task_queue=TASK_QUEUE,
                workflows=[ClockWorkflow, *WORKFLOWS],
                activities=[activities.reach_milestone],
                activity_executor=executor,
            ):
                for fired in (1, 2):
                    await handle.trigger()
                    async with asyncio.timeout(30):
                        while len((await handle.describe()).info.recent_actions) < fired:
                            await asyncio.sleep(0.2)
                    started = (await handle.describe()).info.recent_actions[-1].action
                    run = client.get_workflow_handle(started.workflow_id)  # type: ignore[attr-defined]
                    await asyncio.wait_for(run.result(), 30)
    finally:
        await handle.delete()

    evaluated = list(app.repository.event_store.get(programme_evaluation_id(AGENCY, year)))
    assert len(evaluated) == 1
    (recorded,) = evaluated
    assert isinstance(recorded, ProgrammeEvaluation.ProgrammeEvaluated)
    assert recorded.envelope["basis"]["citations"] == ["binjai-2023:P34(2)"]
    assert recorded.envelope["actor"]["role"] == Role.SYSTEM
    assert recorded.envelope["effective"] == f"{year}-12-31"
    assert recorded.report["boxes"] == {"Dinas Kesehatan": {"9": 1}}
    assert recorded.report["nominations"] == 1
