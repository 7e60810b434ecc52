"""The names binding a clock's milestone to the command that records it: which clock (its type)
and what falls due (its action). The clocks build their milestones from these members, and the
catalog binds each pair to its handler in one table of ``Binding`` rows, so a name misspelt on
either side is a type error or a missing row, not a milestone the activity cannot record."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # A type only: the workflows import this module, and their sandbox must not load the
    # application behind the activities.
    from workflows.activities import MilestoneHandler


class ClockType(StrEnum):
    POOL_ENTRY = "pool-entry"
    SCOUTING_ROUND = "scouting-round"
    TENURE = "tenure"
    PIN = "pin"
    MONITORING = "monitoring"
    YEARLY_EVALUATION = "yearly-evaluation"


class Action(StrEnum):
    REMIND = "remind"
    EXPIRE = "expire"
    CLOSE_REGISTRATION = "close-registration"
    REMIND_POTENTIAL = "remind-potential"
    REMIND_TECHNICAL = "remind-technical"
    REMIND_CHECK_IN = "remind-check-in"
    REMIND_EVALUATION = "remind-evaluation"
    REMIND_OVERDUE = "remind-overdue"
    EVALUATION_DUE = "evaluation-due"
    EVALUATE = "evaluate"


@dataclass(frozen=True)
class Binding:
    clock: ClockType
    action: Action
    handler: MilestoneHandler


def handler_table(bindings: Iterable[Binding]) -> dict[tuple[str, str], MilestoneHandler]:
    """The activity's lookup, keyed as milestones arrive on the wire; a pair bound twice is a
    programming error caught when the table is built."""
    table: dict[tuple[str, str], MilestoneHandler] = {}
    for binding in bindings:
        key = (binding.clock.value, binding.action.value)
        if key in table:
            raise ValueError(f"two handlers for the milestone {key}")
        table[key] = binding.handler
    return table
