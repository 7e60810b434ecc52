"""The personnel record of one employee, as an event-sourced aggregate keyed by NIP."""

from __future__ import annotations

from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.envelope import Envelope
from domain.personnel.facts import PersonnelFacts
from domain.values import Nip

_EMPLOYEE_IDS = uuid5(NAMESPACE_URL, "talenta:employee")


def employee_id(nip: str) -> UUID:
    """The same NIP, however it is spaced, always names the same record, so an import never
    creates a twin."""
    return uuid5(_EMPLOYEE_IDS, Nip(nip))


class Employee(Aggregate):
    """Holds the record as JSON-ready sections of :class:`PersonnelFacts`; each change records
    only the sections that changed, so the log shows what each import or correction altered."""

    class Enrolled(Aggregate.Created):
        nip: str
        record: dict[str, Any]
        envelope: dict[str, Any]

    class RecordUpdated(Aggregate.Event):
        changes: dict[str, Any]
        envelope: dict[str, Any]

    @staticmethod
    def create_id(nip: str, **_: Any) -> UUID:
        return employee_id(nip)

    @event(Enrolled)
    def __init__(self, nip: str, record: dict[str, Any], envelope: dict[str, Any]) -> None:
        self.nip = nip
        self.record = record

    @classmethod
    def enrol(cls, facts: PersonnelFacts, envelope: Envelope) -> Employee:
        return cls(nip=str(facts.nip), record=_sections(facts), envelope=envelope.to_event())

    def update(self, facts: PersonnelFacts, envelope: Envelope) -> bool:
        """Records the sections of ``facts`` that differ; returns False when nothing differs."""
        if str(facts.nip) != self.nip:
            raise ValueError(f"record {self.nip} cannot take the data of NIP {facts.nip}")
        new = _sections(facts)
        changes = {key: value for key, value in new.items() if self.record.get(key) != value}
        if not changes:
            return False
        self._record_updated(changes=changes, envelope=envelope.to_event())
        return True

    @event(RecordUpdated)
    def _record_updated(self, changes: dict[str, Any], envelope: dict[str, Any]) -> None:
        self.record = {**self.record, **changes}

    @property
    def facts(self) -> PersonnelFacts:
        return PersonnelFacts.model_validate(self.record)


def _sections(facts: PersonnelFacts) -> dict[str, Any]:
    return facts.model_dump(mode="json")
