"""The one refusal path: what the command line, the API and the web pages tell a user whose
request was refused, from the error that refused it: the HTTP status, a machine-readable code,
the citation of the rule broken (empty when none is) and the message in both languages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from eventsourcing.persistence import IntegrityError
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from domain.access.users import UserError
from domain.bilingual import Message
from domain.rules.core import RuleRefusal
from domain.values import InvalidValue
from services.application import EmployeeNotFound, NotFound
from services.auth import AuthError
from services.commands import CONFLICT, invalid_request
from services.permissions import Forbidden

# The very step recorded already. For whoever sends it that is the same as losing the race to
# save it (two caseworkers at once: one wins, the other reloads), so it answers 409 as that
# conflict does, keeping the article that allows the step once.
ALREADY_RECORDED = frozenset(
    {
        "already-analysed",
        "already-announced",
        "already-declared",
        "already-evaluated",
        "already-nominated",
        "already-placed",
        "already-proposed",
        "already-published",
        "already-recommended",
        "already-recorded",
        "already-registered",
        "already-reported",
        "already-selected",
        "check-in-already-recorded",
        "entry-already-decreed",
        "follow-up-already-closed",
        "nominated-group-exists",
        "pool-already-decreed",
        "search-already-concluded",
        "search-already-decided",
    }
)


@dataclass(frozen=True)
class Refusal:
    status: int
    code: str
    message: Message
    citation: str = ""
    # Refused by a rule, a check of access or the input; not by what the store holds (a record
    # that is not there, or one that changed meanwhile), which the record of refusals leaves out.
    judged: bool = True


def refusal_of(error: BaseException) -> Refusal | None:
    """The refusal ``error`` stands for, or None when it is no refusal (a failure)."""
    if isinstance(error, RuleRefusal):
        status = 409 if error.code in ALREADY_RECORDED else 422
        return Refusal(status, error.code, error.message, error.citation or "")
    if isinstance(error, AuthError):  # another agency, a role not held, another user
        return Refusal(error.status, error.code, error.message)
    if isinstance(error, Forbidden):
        return Refusal(403, "forbidden", error.message)
    if isinstance(error, InvalidValue | UserError):
        return Refusal(422, "invalid-value", error.message)
    if isinstance(error, ValidationError):
        return invalid(error.errors())
    if isinstance(error, NotFound):
        code = "employee-not-found" if isinstance(error, EmployeeNotFound) else "not-found"
        return Refusal(404, code, error.message, judged=False)
    if isinstance(error, IntegrityError):
        return Refusal(409, "conflict", CONFLICT, judged=False)
    return None


def invalid(errors: Sequence[ErrorDetails]) -> Refusal:
    """An invalid request, each field and why on one line."""
    return Refusal(422, "invalid-request", invalid_request(errors))
