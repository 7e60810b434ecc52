"""Who may issue which command: each command handler declares its roles with ``@allowed``."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from domain.bilingual import Bilingual, Message
from domain.envelope import Actor, Role
from services.agency_bounds import acting_as, check_named
from services.aggregate_cache import reading_once

P = ParamSpec("P")
R = TypeVar("R")

# Handler (module.name) -> roles allowed to issue it; the API's role table is generated from it.
PERMISSIONS: dict[str, frozenset[Role]] = {}


def handler_key(handler: Callable[..., Any]) -> str:
    return f"{handler.__module__}.{handler.__qualname__}"


def roles_of(handler: Callable[..., Any]) -> frozenset[Role]:
    """The roles declared for a handler (decorated or not) with ``@allowed``."""
    return PERMISSIONS[handler_key(handler)]


class Forbidden(Bilingual, PermissionError):
    def __init__(self, command: str, actor: Actor, allowed: frozenset[Role]) -> None:
        roles = ", ".join(sorted(allowed))
        super().__init__(
            Message(
                id=f"peran {actor.role} tidak boleh {command}; yang boleh: {roles}",
                en=f"role {actor.role} may not {command}; allowed: {roles}",
            )
        )
        self.command = command


def allowed(*roles: Role) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Declares the roles that may call a handler whose arguments include ``actor: Actor``; the
    handler runs bounded to the actor's agency (services/agency_bounds.py)."""

    def declare(handler: Callable[P, R]) -> Callable[P, R]:
        name, key = handler.__name__, handler_key(handler)
        if key in PERMISSIONS:
            raise TypeError(f"roles of {key} declared twice")
        PERMISSIONS[key] = frozenset(roles)

        @wraps(handler)
        def checked(*args: P.args, **kwargs: P.kwargs) -> R:
            actor = _actor_of(args, kwargs)
            if actor.role not in PERMISSIONS[key]:
                raise Forbidden(name, actor, PERMISSIONS[key])
            with acting_as(actor), reading_once():
                if args and len(args) > 1:
                    check_named(args[0], args[1])
                return handler(*args, **kwargs)

        return checked

    return declare


def _actor_of(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Actor:
    for value in (*args, *kwargs.values()):
        if isinstance(value, Actor):
            return value
    raise TypeError("a handler declared with @allowed must take an Actor")
