"""The state the compliance replay keeps while it reads the log: the aggregates whose rules it
re-judges (rebuilt event by event, so each decision is judged on the state its command saw) and
the agency of every aggregate."""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain.envelope import Envelope
from domain.personnel.aggregate import Employee, employee_id
from domain.personnel.facts import PersonnelFacts
from domain.rules.pack import RulePack
from domain.scouting.mutation import Mutation, TenureReview
from domain.scouting.pool import PoolEntry, PoolMembership, membership_id
from domain.scouting.round import ScoutingRound
from domain.scouting.vacancy import LEVELS, Vacancy
from domain.talent.development import DevelopmentRecord
from domain.talent.mapping import Assessment, TalentProfile, profile_id
from domain.talent.monitoring import Monitoring
from domain.talent.nominated_group import NominatedGroup, nominated_group_id
from domain.talent.retention import Award
from domain.talent.search import TalentSearch
from domain.talent.succession import SuccessionGroup, SuccessionPlan, group_id
from domain.talent.succession_values import DecreedGroup, TalentFacts

A = TypeVar("A", bound=Aggregate)
# Runs a recorded step again on the replayed state (raising the rule's refusal) and returns the
# aggregate holding the event the step would record, where there is one to compare.
Judge = Callable[[Any, "Shadows", RulePack, Envelope], Aggregate | None]
log = logging.getLogger(__name__)

# Only these are rebuilt: the others' decisions are judged on their own events and envelopes.
KEPT = (
    Employee,
    ScoutingRound,
    PoolMembership,
    Vacancy,
    Mutation,
    TenureReview,
    TalentProfile,
    SuccessionPlan,
    SuccessionGroup,
    NominatedGroup,
    TalentSearch,
    Award,
    DevelopmentRecord,
    Monitoring,
)


class Shadows:
    def __init__(self) -> None:
        self._aggregates: dict[UUID, Aggregate] = {}
        self._agencies: dict[UUID, str] = {}

    def apply(self, event: Any) -> None:
        """Takes ``event`` into the state, after its decision was judged on the state before."""
        if not self._agencies.get(event.originator_id):
            self._agencies[event.originator_id] = self.agency_of(event)
        if not _kept(event):
            return
        try:
            self._aggregates[event.originator_id] = event.mutate(
                self._aggregates.get(event.originator_id)
            )
        except Exception:
            # A record the aggregate cannot take (possible only when written past the commands)
            # leaves the state as it was; its own breach is reported where it is judged.
            log.warning("compliance replay: %s not applied", type(event).__qualname__)

    def agency_of(self, event: Any) -> str:
        """The agency an event belongs to: its own field, its aggregate's, or its employee's."""
        own = getattr(event, "agency", None) or self._agencies.get(event.originator_id)
        if own:
            return str(own)
        record = getattr(event, "record", None)
        if isinstance(record, dict) and record.get("agency"):
            return str(record["agency"])
        nip = getattr(event, "nip", None)
        return self._agencies.get(employee_id(nip), "") if nip else ""

    def get(self, aggregate_id: UUID, kind: type[A]) -> A | None:
        found = self._aggregates.get(aggregate_id)
        return found if isinstance(found, kind) else None

    def copy_of(self, aggregate_id: UUID, kind: type[A]) -> A | None:
        """A copy to run a command on, so the state keeps only what the log recorded."""
        found = self.get(aggregate_id, kind)
        return copy.deepcopy(found) if found is not None else None

    def of_kind(self, kind: type[A]) -> list[A]:
        return [found for found in self._aggregates.values() if isinstance(found, kind)]

    def facts(self, nip: str) -> PersonnelFacts | None:
        employee = self.get(employee_id(nip), Employee)
        return employee.facts if employee is not None else None

    def pool_entry(self, nip: str, entry_id: UUID) -> PoolEntry | None:
        """The entry ``entry_id`` of ``nip`` at any scouted level."""
        for level in LEVELS:
            membership = self.get(membership_id(nip, level), PoolMembership)
            for entry in membership.entries if membership is not None else ():
                if entry.entry_id == entry_id:
                    return entry
        return None

    def talent(self, nip: str, day: date) -> TalentFacts:
        """What the succession rules read of the employee's record as replayed so far; refused
        as not judgeable when the log holds no record of them."""
        facts = self.facts(nip)
        if facts is None:
            raise LookupError(f"no personnel record of NIP {nip} in the log")
        return TalentFacts.of(facts, day)

    def decreed_group(self, agency: str, period: str) -> DecreedGroup | None:
        found = self.get(group_id(agency, period), SuccessionGroup) if period else None
        if found is None:
            return None
        return DecreedGroup(
            period=found.period, reference=found.decree_number, members=frozenset(found.members)
        )

    def nominated_group(self, agency: str, period: str) -> DecreedGroup | None:
        found = self.get(nominated_group_id(agency, period), NominatedGroup)
        return found.as_group if found is not None else None

    def assessment_on(self, agency: str, nip: str, day: date) -> Assessment | None:
        profile = self.get(profile_id(agency, nip), TalentProfile)
        return profile.assessment_on(day) if profile is not None else None


def _kept(event: Any) -> bool:
    return isinstance(event, tuple(kind.Event for kind in KEPT))
