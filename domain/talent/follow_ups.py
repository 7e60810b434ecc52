"""Follow-up tasks (binjai-2023 P27(1); balikpapan-2022 P15(1), P15(3) with Lampiran II): each
recommendation an assessment gives its box (Lampiran 2 / II) becomes a task of the employee's
DevelopmentRecord, closed with an outcome. The record holds the events; the rules of opening and
closing are here."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from uuid import UUID, uuid5

from pydantic import BaseModel, ConfigDict

from domain.rules.cycle import CycleRules
from domain.rules.ninebox import Recommendation
from domain.talent.errors import TalentRefusal
from domain.talent.refusals import FOLLOW_UPS


class FollowUp(BaseModel):
    model_config = ConfigDict(frozen=True)

    task_id: UUID
    recommendation: Recommendation
    assessment_ref: str
    opened_on: date
    outcome: str = ""
    closed_on: date | None = None


def task_id(record: UUID, assessment_ref: str, recommendation: Recommendation) -> UUID:
    """One task per recommendation of one assessment: reopening them opens nothing twice."""
    return uuid5(record, f"{assessment_ref}/{recommendation}")


def to_open(
    record: UUID, assessment_ref: str, recommendations: Sequence[str], opened: Collection[UUID]
) -> list[tuple[UUID, Recommendation]]:
    """The tasks of the assessment ``<profile id>/<version>`` not yet in ``opened``, in the
    recommendations' order, each once."""
    tasks = []
    for value in dict.fromkeys(recommendations):
        recommendation = Recommendation(value)
        new = task_id(record, assessment_ref, recommendation)
        if new not in opened:
            tasks.append((new, recommendation))
    return tasks


def ensure_closable(found: FollowUp, outcome: str, closed_on: date, cycle: CycleRules) -> None:
    """Closed once, with its outcome, not before it was opened."""
    if found.closed_on is not None:
        raise FOLLOW_UPS.refused(
            "follow-up-already-closed",
            cycle.follow_up_citation,
            task_id=found.task_id,
            closed_on=found.closed_on,
        )
    if not outcome.strip():
        raise FOLLOW_UPS.refused("follow-up-outcome-missing", cycle.follow_up_citation)
    if closed_on < found.opened_on:
        raise FOLLOW_UPS.refused(
            "follow-up-closed-before-opened",
            cycle.follow_up_citation,
            task_id=found.task_id,
            opened_on=found.opened_on,
        )


def unknown_follow_up(nip: str, task: UUID, cycle: CycleRules | None) -> TalentRefusal:
    return FOLLOW_UPS.refused(
        "unknown-follow-up", cycle.follow_up_citation if cycle else None, nip=nip, task=task
    )
