"""One refused command, recorded apart from the command itself (which wrote nothing): who asked,
what, with which request, and the refusal's code, citation and message. ``subjects`` pins each
aggregate the request named at the version it had then, so an auditor can replay up to that
moment. The event's timestamp says when."""

from __future__ import annotations

from typing import Any

from eventsourcing.domain import Aggregate, event


class Refusal(Aggregate):
    class Refused(Aggregate.Created):
        actor: dict[str, Any]
        agency: str  # the actor's agency: the refusal belongs to whoever asked
        command: str
        via: str  # "api", "cli" or "clock"
        body: dict[str, Any]
        status: int
        code: str
        citation: str
        message: str
        message_en: str
        subjects: dict[str, int]  # aggregate id -> version when refused (0: did not exist)

    @event(Refused)
    def __init__(
        self,
        actor: dict[str, Any],
        agency: str,
        command: str,
        via: str,
        body: dict[str, Any],
        status: int,
        code: str,
        citation: str,
        message: str,
        message_en: str,
        subjects: dict[str, int],
    ) -> None:
        self.actor = actor
        self.agency = agency
        self.command = command
        self.via = via
        self.body = body
        self.status = status
        self.code = code
        self.citation = citation
        self.message = message
        self.message_en = message_en
        self.subjects = subjects
