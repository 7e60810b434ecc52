"""The roles a user holds in its agency, each change a decision of its own: granted with the
user's first token, then changed only by an explicit change of roles. A token carries the roles
it was issued for; it acts in those of them the user still holds, so taking a role away takes
it from every token at once, and issuing a token never changes another."""

from __future__ import annotations

from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

_USER_IDS = uuid5(NAMESPACE_URL, "talenta:user-roles")


def user_roles_id(user_id: str) -> UUID:
    return uuid5(_USER_IDS, user_id)


class UserRoles(Aggregate):
    class Granted(Aggregate.Created):
        user_id: str
        agency: str  # a user never changes agency
        roles: list[str]
        by: str
        reason: str

    class Changed(Aggregate.Event):
        roles: list[str]
        by: str
        reason: str

    @staticmethod
    def create_id(user_id: str, **_: Any) -> UUID:
        return user_roles_id(user_id)

    @event(Granted)
    def __init__(self, user_id: str, agency: str, roles: list[str], by: str, reason: str) -> None:
        self.user_id = user_id
        self.agency = agency
        self.roles = sorted(roles)

    def change(self, roles: list[str], by: str, reason: str) -> bool:
        """False, recording nothing, when the user holds exactly these roles already."""
        if sorted(roles) == self.roles:
            return False
        self._change(roles=sorted(roles), by=by, reason=reason)
        return True

    @event(Changed)
    def _change(self, roles: list[str], by: str, reason: str) -> None:
        self.roles = list(roles)
