"""A person who signs in to the web interface: created by an administrator with an agency, roles
and, where a role needs one, a unit; disabled or given a new password by an administrator. Every
sign-in, failed or not, and every sign-out is an event, so the log says who entered when and the
lock-out is judged from the same record. Only the password's argon2 hash is kept."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.bilingual import Bilingual, Message
from domain.envelope import Role

# Roles that act for one unit: the head of a unit recommends that unit's registrants.
NEEDS_UNIT = frozenset({Role.HEAD_OF_UNIT})


def user_id(username: str) -> UUID:
    return uuid5(NAMESPACE_URL, f"talenta:user:{username}")


class UserError(Bilingual, ValueError):
    """A user that may not be created or changed so, in Indonesian and English."""

    def __init__(self, message: str, message_en: str) -> None:
        super().__init__(Message(id=message, en=message_en))


def check_grant(username: str, agency: str, roles: frozenset[Role], unit: str) -> None:
    if not username or not username.isascii() or any(c.isspace() for c in username):
        raise UserError(
            f"nama pengguna tidak sah: {username!r}", f"invalid user name: {username!r}"
        )
    if not agency or not roles:
        raise UserError(
            "pengguna memerlukan instansi dan sedikitnya satu peran",
            "a user needs an agency and at least one role",
        )
    if Role.SYSTEM in roles:
        raise UserError(
            "peran system tidak dapat diberikan kepada pengguna",
            "the system role cannot be granted to a user",
        )
    if roles & NEEDS_UNIT and not unit.strip():
        raise UserError(
            "peran kepala unit kerja memerlukan unit kerja", "the head-of-unit role needs a unit"
        )


class User(Aggregate):
    """The account: who, of which agency, in which roles, with which password, enabled or not.
    Sign-ins are kept apart, one ``SignInDay`` per user and day, so reading the account on every
    request stays short however long the user has been signing in."""

    class Created(Aggregate.Created):
        username: str
        agency: str
        roles: list[str]
        unit: str
        password_hash: str
        by: str
        at: datetime

    # ``at`` on every event: the moment the state depends on, known inside the event's method.
    class PasswordReset(Aggregate.Event):
        password_hash: str
        by: str
        at: datetime

    class Disabled(Aggregate.Event):
        by: str
        at: datetime

    @staticmethod
    def create_id(username: str, **_: Any) -> UUID:
        return user_id(username)

    @event(Created)
    def __init__(
        self,
        username: str,
        agency: str,
        roles: list[str],
        unit: str,
        password_hash: str,
        by: str,
        at: datetime,
    ) -> None:
        self.username = username
        self.agency = agency
        self.roles = roles
        self.unit = unit
        self.password_hash = password_hash
        self.disabled = False
        # A session issued before this moment no longer holds (new password, disabled); failed
        # sign-ins before it no longer count towards a lock-out.
        self.sessions_valid_after = at

    @property
    def role_set(self) -> frozenset[Role]:
        return frozenset(Role(role) for role in self.roles)

    @event(PasswordReset)
    def reset_password(self, password_hash: str, by: str, at: datetime) -> None:
        self.password_hash = password_hash
        self.sessions_valid_after = at

    @event(Disabled)
    def disable(self, by: str, at: datetime) -> None:
        self.disabled = True
        self.sessions_valid_after = at


def sign_in_day_id(username: str, day: date) -> UUID:
    return uuid5(NAMESPACE_URL, f"talenta:sign-ins:{username}:{day.isoformat()}")


class SignInDay(Aggregate):
    """One user's sign-ins, failed sign-ins and sign-outs on one day (UTC)."""

    class Started(Aggregate.Created):
        username: str
        day: date

    class SignedIn(Aggregate.Event):
        at: datetime

    class SignInFailed(Aggregate.Event):
        reason: str  # "wrong-password", "locked" or "disabled"
        at: datetime

    class SignedOut(Aggregate.Event):
        at: datetime

    @staticmethod
    def create_id(username: str, day: date, **_: Any) -> UUID:
        return sign_in_day_id(username, day)

    @event(Started)
    def __init__(self, username: str, day: date) -> None:
        self.username = username
        self.day = day
        self.failures: list[datetime] = []  # wrong passwords
        self.successes: list[datetime] = []
        self.sign_outs: list[datetime] = []

    @event(SignedIn)
    def signed_in(self, at: datetime) -> None:
        self.successes = [*self.successes, at]

    @event(SignInFailed)
    def sign_in_failed(self, reason: str, at: datetime) -> None:
        if reason == "wrong-password":
            self.failures = [*self.failures, at]

    @event(SignedOut)
    def signed_out(self, at: datetime) -> None:
        self.sign_outs = [*self.sign_outs, at]


def locked(
    days: list[SignInDay], since: datetime, now: datetime, attempts: int, window: timedelta
) -> bool:
    """``attempts`` wrong passwords within ``window`` before ``now``, none followed by a
    successful sign-in, and none before ``since`` (the password last set)."""
    floor = max([since, *(at for day in days for at in day.successes)])
    recent = [at for day in days for at in day.failures if at > floor and now - at < window]
    return len(recent) >= attempts


class UnknownSignIn(Aggregate):
    """A sign-in under a user name no user has: recorded too, as a guessed name may be an attack."""

    class Attempted(Aggregate.Created):
        username: str
        at: datetime

    @event(Attempted)
    def __init__(self, username: str, at: datetime) -> None:
        self.username = username
        self.at = at
