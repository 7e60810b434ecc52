"""Who a request comes from, as authentication established it, and the role it acts in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from domain.envelope import Actor, Role
from services.auth.errors import OtherAgency, RoleNotHeld


@dataclass(frozen=True)
class Principal:
    user_id: str
    agency: str
    roles: frozenset[Role]
    unit: str = ""  # the unit the user heads, for the head-of-unit role

    def __post_init__(self) -> None:
        if not (self.user_id and self.agency and self.roles):
            raise ValueError(
                "pengguna memerlukan id, instansi dan sedikitnya satu peran / "
                "a user needs an id, an agency and at least one role"
            )
        # The system role belongs to the product's own clocks; no credential may claim it, which
        # is what lets same_agency trust it.
        if Role.SYSTEM in self.roles:
            raise ValueError(
                "peran system tidak dapat diberikan kepada pengguna / "
                "the system role cannot be granted to a user"
            )

    def actor(self, role: Role) -> Actor:
        """The actor recorded in events: a user acts in one role at a time, one it holds."""
        if role not in self.roles:
            raise RoleNotHeld(self.user_id, role)
        unit = self.unit if role is Role.HEAD_OF_UNIT else ""
        return Actor(id=self.user_id, role=role, agency=self.agency, unit=unit)


class Authenticator(Protocol):
    """The seam an OIDC verifier plugs into beside API tokens: a bearer credential in, a principal
    (or None when it proves nothing) out."""

    def authenticate(self, bearer: str, /) -> Principal | None: ...


def same_agency(actor: Actor, agency: str) -> None:
    """Refuses access to another agency's data. Only the system actor, which keeps every agency's
    clocks and never comes from a credential, is not bound to one agency."""
    if actor.role is not Role.SYSTEM and actor.agency != agency:
        raise OtherAgency(actor, agency)
