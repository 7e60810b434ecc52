"""Who may check the hash chain: verifying reads every stored event, so it is the auditors' and
administrators' step; its head, a digest of no one's data, any signed-in user may read."""

from __future__ import annotations

from domain.envelope import Actor, Role
from services.permissions import Forbidden

VERIFIERS = frozenset({Role.AUDITOR, Role.ADMINISTRATOR})


def may_verify(actor: Actor) -> None:
    if actor.role not in VERIFIERS:
        raise Forbidden("verify", actor, VERIFIERS)
