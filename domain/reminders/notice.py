"""A reminder notice: what a recorded reminder asks of whom, by when, under which rule.

One notice per reminder event, its id derived from that event's id, so issuing it again (a
retried activity, a replayed log) records nothing twice. Each user of an addressed role
acknowledges it at most once.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.envelope import Envelope
from domain.rules.core import Message, RuleRefusal

_NOTICE_IDS = uuid5(NAMESPACE_URL, "talenta:reminder-notice")


class NoticeRefusal(RuleRefusal):
    """A step on a notice its rules do not allow."""


def notice_id(reminder_id: UUID, reminder_version: int) -> UUID:
    return uuid5(_NOTICE_IDS, f"{reminder_id}/{reminder_version}")


class Notice(Aggregate):
    class Issued(Aggregate.Created):
        agency: str
        kind: str  # the clock: pool-entry, tenure, pin, check-in, evaluation, assessment
        reminder: str  # <aggregate id>/<version> of the reminder event
        subject: str  # whom or what the deadline concerns (a NIP, a round)
        deadline: date
        lead_days: int  # negative when reminding of a deadline already passed
        roles: list[str]  # who must act
        citations: list[str]  # the rules that make it their task
        text_id: str
        text_en: str
        envelope: dict[str, Any]

    class Acknowledged(Aggregate.Event):
        envelope: dict[str, Any]  # its actor is the user who acknowledged

    @staticmethod
    def create_id(reminder: str, **_: Any) -> UUID:
        aggregate, version = reminder.rsplit("/", 1)
        return notice_id(UUID(aggregate), int(version))

    @event(Issued)
    def __init__(
        self,
        agency: str,
        kind: str,
        reminder: str,
        subject: str,
        deadline: date,
        lead_days: int,
        roles: list[str],
        citations: list[str],
        text_id: str,
        text_en: str,
        envelope: dict[str, Any],
    ) -> None:
        self.agency = agency
        self.kind = kind
        self.reminder = reminder
        self.subject = subject
        self.deadline = deadline
        self.lead_days = lead_days
        self.roles = tuple(roles)
        self.citations = tuple(citations)
        self.text_id = text_id
        self.text_en = text_en
        self.acknowledged_by: set[str] = set()

    def acknowledge(self, envelope: Envelope) -> bool:
        """Once per user; False when this user acknowledged it already. Only a user of a role
        the notice is addressed to may acknowledge it."""
        actor = envelope.actor
        if actor.role not in self.roles:
            raise NoticeRefusal(
                "notice-not-addressed",
                Message(
                    id=f"pemberitahuan ini untuk {', '.join(self.roles)}, bukan {actor.role}",
                    en=f"this notice is for {', '.join(self.roles)}, not {actor.role}",
                ),
                self.citations[0] if self.citations else None,
            )
        if actor.id in self.acknowledged_by:
            return False
        self._acknowledged(envelope=envelope.to_event())
        return True

    @event(Acknowledged)
    def _acknowledged(self, envelope: dict[str, Any]) -> None:
        self.acknowledged_by.add(Envelope.from_event(envelope).actor.id)
