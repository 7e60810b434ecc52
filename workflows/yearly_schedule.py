"""The yearly programme evaluation at the end of the budget year (binjai-2023 P34(2)): one
Temporal Schedule per agency whose pack sets it, ``yearly-evaluation/<agency>``, firing at 23:59 on
31 December in the agency's time zone.

Each firing starts ``YearlyEvaluationWorkflow`` on the clocks' task queue; it has the clocks'
``reach_milestone`` activity record the evaluation through ``HANDLERS`` (kind
``yearly-evaluation``), so the worker needs only this workflow added (``WORKFLOWS``). The year is
the agency's calendar year at the scheduled moment, not at the start: a firing caught up after an
outage still evaluates the year that ended. The command records one evaluation per agency and
year, so a second firing or a manual trigger records nothing twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from temporalio import workflow
from temporalio.client import (
    Client,
    Schedule,
    ScheduleActionStartWorkflow,
    ScheduleAlreadyRunningError,
    ScheduleCalendarSpec,
    ScheduleRange,
    ScheduleSpec,
    ScheduleUpdate,
    ScheduleUpdateInput,
)
from temporalio.common import RetryPolicy, SearchAttributeKey

from workflows.clock import TASK_QUEUE, Milestone, MilestoneReached
from workflows.milestones import Action, Binding, ClockType, handler_table

# The application is used by the activity only; passed through so the workflow sandbox does not
# re-import it (its configuration reads the file system at import).
with workflow.unsafe.imports_passed_through():
    from domain.agencies import get_agency
    from domain.envelope import Actor, Role
    from domain.rules.registry import pack_for
    from services.application import Talenta
    from services.talent.evaluation import EvaluateProgramme, evaluate_programme

SYSTEM = Actor(id="talenta-clock", role=Role.SYSTEM)
KIND = ClockType.YEARLY_EVALUATION
# Set by the Temporal server on every workflow a schedule starts (triggered ones included).
SCHEDULED_AT = SearchAttributeKey.for_datetime("TemporalScheduledStartTime")


def schedule_id(agency: str) -> str:
    return f"yearly-evaluation/{agency}"


@workflow.defn(name="YearlyEvaluation")
class YearlyEvaluationWorkflow:
    @workflow.run
    async def run(self, agency: str) -> None:
        at = workflow.info().typed_search_attributes.get(SCHEDULED_AT) or workflow.now()
        # The sandbox hands out time zones only as proxies ``astimezone`` refuses, so the
        # milestone carries the UTC date and the handler takes the agency's date from ``at``.
        reached = Milestone(at=at, on=at.date(), action=Action.EVALUATE, key=at.isoformat())
        await workflow.execute_activity(
            "reach_milestone",
            MilestoneReached(kind=KIND, subject_id=agency, milestone=reached),
            start_to_close_timeout=timedelta(minutes=2),
            retry_policy=RetryPolicy(maximum_interval=timedelta(minutes=1)),
        )


WORKFLOWS = (YearlyEvaluationWorkflow,)


def year_end_schedule(agency: str, workflow_id: str, citation: str) -> Schedule:
    """At 23:59:00 on 31 December, agency time; the comment names the article."""
    zone = get_agency(agency).time_zone
    return Schedule(
        action=ScheduleActionStartWorkflow(
            YearlyEvaluationWorkflow.run,
            agency,
            id=workflow_id,
            task_queue=TASK_QUEUE,
        ),
        spec=ScheduleSpec(
            calendars=[
                ScheduleCalendarSpec(
                    second=(ScheduleRange(0),),
                    minute=(ScheduleRange(59),),
                    hour=(ScheduleRange(23),),
                    day_of_month=(ScheduleRange(31),),
                    month=(ScheduleRange(12),),
                    comment=f"akhir tahun anggaran / end of budget year ({citation})",
                )
            ],
            time_zone_name=zone,
        ),
    )


async def ensure_yearly_schedules(
    client: Client, agencies: Iterable[str], id_prefix: str = ""
) -> list[str]:
    """Creates, or brings up to date, the schedule of every agency whose pack evaluates the
    programme yearly; others are skipped. Returns the schedule ids. ``id_prefix`` keeps stores
    sharing one Temporal namespace apart, as for the clocks."""
    ensured: list[str] = []
    for agency in agencies:
        cycle = pack_for(agency).cycle
        citation = cycle.yearly_evaluation_citation if cycle else None
        if citation is None:
            continue
        name = id_prefix + schedule_id(agency)
        wanted = year_end_schedule(agency, name, citation)
        try:
            await client.create_schedule(name, wanted)
        except ScheduleAlreadyRunningError:

            def replace(_: ScheduleUpdateInput, schedule: Schedule = wanted) -> ScheduleUpdate:
                return ScheduleUpdate(schedule=schedule)

            await client.get_schedule_handle(name).update(replace)
        ensured.append(name)
    return ensured


def _evaluate(app: Talenta, subject_id: str, reached: Milestone) -> None:
    year = get_agency(subject_id).local_date(reached.at).year
    evaluate_programme(app, EvaluateProgramme(agency=subject_id, year=year), SYSTEM)


BINDINGS = (Binding(KIND, Action.EVALUATE, _evaluate),)
HANDLERS = handler_table(BINDINGS)
