"""Copies of the clock workflow with its command sequence changed the way an edit of
``workflows/clock.py`` could change it, each under the clock's own workflow name: replaying a
recorded clock history against them must fail."""

from __future__ import annotations

from datetime import timedelta

from temporalio import workflow

from workflows.clock import CLOCK, ClockInput, MilestoneReached


@workflow.defn(name=CLOCK, sandboxed=False)
class RecordsBeforeWaiting:
    """Records each milestone first and waits afterwards: the activity where the timer was."""

    def __init__(self) -> None:
        self.settled_by: set[str] = set()

    @workflow.run
    async def run(self, clock: ClockInput) -> list[str]:
        done = []
        for milestone in sorted(clock.milestones, key=lambda each: each.at):
            if self.settled_by:
                break
            await workflow.execute_activity(
                "reach_milestone",
                MilestoneReached(kind=clock.kind, subject_id=clock.subject_id, milestone=milestone),
                start_to_close_timeout=timedelta(seconds=30),
            )
            wait = (milestone.at - workflow.now()).total_seconds()
            if wait > 0:
                await workflow.sleep(wait)
            done.append(milestone.key)
        return done

    @workflow.signal
    def settle(self, event_id: str) -> None:
        self.settled_by.add(event_id)


@workflow.defn(name=CLOCK, sandboxed=False)
class GraceTimerAdded:
    """Waits a minute of grace between each milestone's moment and its recording: an extra
    timer. (A timer only made longer is no change of the command sequence, and replays.)"""

    def __init__(self) -> None:
        self.settled_by: set[str] = set()

    @workflow.run
    async def run(self, clock: ClockInput) -> list[str]:
        done = []
        for milestone in sorted(clock.milestones, key=lambda each: each.at):
            wait = (milestone.at - workflow.now()).total_seconds()
            if wait > 0:
                try:
                    await workflow.wait_condition(lambda: bool(self.settled_by), timeout=wait)
                    break
                except TimeoutError:
                    pass
            await workflow.sleep(60)
            await workflow.execute_activity(
                "reach_milestone",
                MilestoneReached(kind=clock.kind, subject_id=clock.subject_id, milestone=milestone),
                start_to_close_timeout=timedelta(seconds=30),
            )
            done.append(milestone.key)
        return done

    @workflow.signal
    def settle(self, event_id: str) -> None:
        self.settled_by.add(event_id)
