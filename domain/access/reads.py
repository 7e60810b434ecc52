"""One read of a person's full record (NIP, birth date, disciplinary record) by someone who is
not the caseworker keeping it: who, in which role and agency, which NIP, through which route or
command. The event's timestamp says when."""

from __future__ import annotations

from typing import Any

from eventsourcing.domain import Aggregate, event


class PersonalDataRead(Aggregate):
    class Read(Aggregate.Created):
        actor: dict[str, Any]
        agency: str  # the agency whose employee was read
        nip: str
        via: str  # e.g. "GET /employees/{nip}" or "talenta eligibility"

    @event(Read)
    def __init__(self, actor: dict[str, Any], agency: str, nip: str, via: str) -> None:
        self.actor = actor
        self.agency = agency
        self.nip = nip
        self.via = via
