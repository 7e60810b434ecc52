"""Replay tests: every long-lived workflow (the clock, a reminder's delivery, the yearly
evaluation) replays the histories recorded from real runs. A clock started by a pool decree runs
for three years; a worker running changed code must replay its history command for command, or
every clock in flight stops with a nondeterminism error. Re-record with
``python -m tests.workflows.recording`` (see the module)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from temporalio.client import WorkflowHistory
from temporalio.contrib.pydantic import pydantic_data_converter
from temporalio.worker import Replayer
from temporalio.workflow import NondeterminismError

from infra.temporal import TemporalEnv
from tests.workflows.altered import GraceTimerAdded, RecordsBeforeWaiting
from tests.workflows.recording import HISTORIES, WORKFLOWS, record

FIXTURES = sorted(HISTORIES.glob("*.json"))
CLOCK_FIXTURES = [path for path in FIXTURES if path.name.startswith("clock_")]


def history(name: str, text: str) -> WorkflowHistory:
    return WorkflowHistory.from_json(f"replay/{name}", text)


# The events a workflow's own commands make: what replay checks, and what a run of the same
# code repeats whatever the server's timing (task timeouts, signals batched or not).
COMMAND_EVENTS = {
    "EVENT_TYPE_TIMER_STARTED",
    "EVENT_TYPE_TIMER_CANCELED",
    "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED",
    "EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED",
}


def event_types(text: str) -> list[str]:
    return [event["eventType"] for event in json.loads(text)["events"]]


def commands(text: str) -> list[str]:
    return [each for each in event_types(text) if each in COMMAND_EVENTS]


def test_every_long_lived_workflow_has_a_recorded_history() -> None:
    recorded = {path.stem: event_types(path.read_text()) for path in FIXTURES}
    assert set(recorded) >= {
        "clock_pool_entry_expires",
        "clock_pool_entry_in_flight",
        "clock_pool_entry_used",
        "delivery_reminder",
        "yearly_evaluation",
    }
    # The clock histories hold what a clock in flight meets: timers, and a settle signal.
    assert "EVENT_TYPE_TIMER_FIRED" in recorded["clock_pool_entry_expires"]
    in_flight = recorded["clock_pool_entry_in_flight"]
    assert in_flight[-1] == "EVENT_TYPE_TIMER_STARTED"  # waiting out the 3 years
    assert "EVENT_TYPE_ACTIVITY_TASK_COMPLETED" in in_flight
    used = recorded["clock_pool_entry_used"]
    assert "EVENT_TYPE_TIMER_FIRED" in used
    assert used.count("EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED") == 2
    assert "EVENT_TYPE_TIMER_CANCELED" in used
    assert recorded["delivery_reminder"].count("EVENT_TYPE_ACTIVITY_TASK_COMPLETED") == 3
    assert recorded["yearly_evaluation"].count("EVENT_TYPE_ACTIVITY_TASK_COMPLETED") == 1


@pytest.mark.parametrize("path", FIXTURES, ids=[path.stem for path in FIXTURES])
async def test_todays_workflows_replay_every_recorded_history(path: Path) -> None:
    replayer = Replayer(workflows=list(WORKFLOWS), data_converter=pydantic_data_converter)
    await replayer.replay_workflow(history(path.stem, path.read_text()))


@pytest.mark.parametrize(
    "altered", [RecordsBeforeWaiting, GraceTimerAdded], ids=["activity-before-timer", "extra-timer"]
)
@pytest.mark.parametrize("path", CLOCK_FIXTURES, ids=[path.stem for path in CLOCK_FIXTURES])
async def test_a_clock_whose_command_sequence_changed_fails_replay(
    path: Path, altered: type
) -> None:
    replayer = Replayer(workflows=[altered], data_converter=pydantic_data_converter)
    with pytest.raises(NondeterminismError):
        await replayer.replay_workflow(history(path.stem, path.read_text()))


async def test_histories_recorded_now_replay_and_match_the_fixtures(
    temporal_env: TemporalEnv,
) -> None:
    """The recorder still runs every workflow, and today's runs take the same steps as the kept
    histories: a fixture out of date with the code shows here."""
    recorded = await record(temporal_env.client)
    replayer = Replayer(workflows=list(WORKFLOWS), data_converter=pydantic_data_converter)
    for name, text in recorded.items():
        await replayer.replay_workflow(history(name, text))
        assert commands(text) == commands((HISTORIES / f"{name}.json").read_text()), name
