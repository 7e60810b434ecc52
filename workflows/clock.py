"""One durable clock: waits for each milestone in turn and has it acted on by an activity.

Every deadline the regulations set (pool expiry, registration closing, tenure, monitoring, pins)
is a list of milestones: reminders ahead of the deadline, then the deadline itself. The activity
records each milestone through an idempotent application command, so a retried activity or a
replayed workflow records nothing twice.

Signals: ``settle(event_id)`` ends the clock early (e.g. a pool entry used for an appointment);
an event id already seen is ignored. Query: ``pending()`` lists the milestones still to come.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from pydantic import BaseModel
from temporalio import workflow
from temporalio.common import RetryPolicy

TASK_QUEUE = "talenta-clocks"
CLOCK = "Clock"


class Milestone(BaseModel):
    at: datetime
    on: date  # the agency's calendar date at ``at``: the date the recorded step carries
    action: str  # e.g. "remind", "expire", "close-registration"
    key: str  # unique within the clock; makes the recorded step idempotent
    lead_days: int = 0  # for a reminder: how many days ahead of its deadline


class ClockInput(BaseModel):
    kind: str  # which subject the clock belongs to, e.g. "pool-entry"
    subject_id: str
    milestones: list[Milestone]


class MilestoneReached(BaseModel):
    kind: str
    subject_id: str
    milestone: Milestone


@workflow.defn(name=CLOCK)
class ClockWorkflow:
    def __init__(self) -> None:
        self.settled_by: set[str] = set()
        self.done: list[str] = []
        self.remaining: list[Milestone] = []

    @workflow.run
    async def run(self, clock: ClockInput) -> list[str]:
        self.remaining = sorted(clock.milestones, key=lambda milestone: milestone.at)
        while self.remaining and not self.settled_by:
            milestone = self.remaining[0]
            wait = (milestone.at - workflow.now()).total_seconds()
            if wait > 0:
                try:
                    await workflow.wait_condition(lambda: bool(self.settled_by), timeout=wait)
                    break  # settled before the milestone
                except TimeoutError:
                    pass
            await workflow.execute_activity(
                "reach_milestone",
                MilestoneReached(kind=clock.kind, subject_id=clock.subject_id, milestone=milestone),
                start_to_close_timeout=timedelta(seconds=30),
                # Keep trying: a milestone must never be lost, and the command is idempotent.
                retry_policy=RetryPolicy(maximum_interval=timedelta(minutes=1)),
            )
            self.done.append(milestone.key)
            self.remaining.pop(0)
        return self.done

    @workflow.signal
    def settle(self, event_id: str) -> None:
        self.settled_by.add(event_id)

    @workflow.query
    def pending(self) -> list[str]:
        return [milestone.key for milestone in self.remaining]
