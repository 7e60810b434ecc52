"""People who sign in: created, disabled and given a new password by an administrator of their
agency; a sign-in checks the argon2 hash, refuses a locked or disabled user, and is recorded."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from uuid import UUID

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError
from pydantic import BaseModel, ConfigDict, Field

from domain.access.users import (
    SignInDay,
    UnknownSignIn,
    User,
    UserError,
    check_grant,
    locked,
    sign_in_day_id,
    user_id,
)
from domain.agencies import get_agency
from domain.bilingual import Message
from domain.envelope import Actor, Role
from projections.access import Asker
from services.application import NotFound, Talenta
from services.audit.refusals import record_refusal
from services.auth import same_agency
from services.permissions import allowed

HASHER = PasswordHasher()
MIN_PASSWORD = 10


class NewUser(BaseModel):
    model_config = ConfigDict(frozen=True)

    username: str = Field(min_length=1, max_length=64)
    agency: str = Field(min_length=1)
    roles: frozenset[Role] = Field(min_length=1)
    unit: str = ""
    password: str


class UserNotFound(NotFound):
    def __init__(self, username: str) -> None:
        super().__init__(f"pengguna {username} tidak ada", f"no user {username}")


def _hash(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise UserError(
            f"kata sandi minimal {MIN_PASSWORD} karakter",
            f"a password needs at least {MIN_PASSWORD} characters",
        )
    return HASHER.hash(password)


def find_user(app: Talenta, username: str) -> User | None:
    try:
        found: User = app.repository.get(user_id(username))
    except AggregateNotFoundError:
        return None
    return found


def _existing(app: Talenta, username: str, actor: Actor) -> User:
    found = find_user(app, username)
    if found is None:
        raise UserNotFound(username)
    same_agency(actor, found.agency)
    return found


@allowed(Role.ADMINISTRATOR)
def create_user(app: Talenta, command: NewUser, actor: Actor) -> User:
    same_agency(actor, command.agency)
    get_agency(command.agency)  # InvalidValue naming the known agencies
    check_grant(command.username, command.agency, command.roles, command.unit)
    if find_user(app, command.username) is not None:
        raise UserError(
            f"pengguna {command.username} sudah ada", f"user {command.username} exists already"
        )
    user = User(
        username=command.username,
        agency=command.agency,
        roles=sorted(command.roles),
        unit=command.unit.strip(),
        password_hash=_hash(command.password),
        by=actor.id,
        at=datetime.now(UTC),
    )
    app.save(user)
    return user


@allowed(Role.ADMINISTRATOR)
def disable_user(app: Talenta, username: str, actor: Actor) -> None:
    user = _existing(app, username, actor)
    if not user.disabled:
        user.disable(by=actor.id, at=datetime.now(UTC))
        app.save(user)


@allowed(Role.ADMINISTRATOR)
def reset_password(app: Talenta, username: str, password: str, actor: Actor) -> None:
    user = _existing(app, username, actor)
    user.reset_password(password_hash=_hash(password), by=actor.id, at=datetime.now(UTC))
    app.save(user)


class SignInOutcome(StrEnum):
    SIGNED_IN = "signed-in"
    WRONG = "wrong-password"  # also an unknown user name: the answer must not tell them apart
    LOCKED = "locked"
    DISABLED = "disabled"


# A known user turned away by the lock-out or because an administrator disabled them is a refusal
# of their agency's, listed with the others; a wrong password (or an unknown name) is kept in the
# sign-in record only, since anyone can type a user's name.
REFUSED_SIGN_INS = {
    SignInOutcome.LOCKED: Message(
        id="pengguna terkunci setelah terlalu banyak percobaan masuk yang gagal",
        en="the user is locked after too many failed sign-ins",
    ),
    SignInOutcome.DISABLED: Message(id="pengguna dinonaktifkan", en="the user is disabled"),
}


@dataclass(frozen=True)
class LockOut:
    attempts: int = 5
    window: timedelta = timedelta(minutes=15)


def sign_in_days(app: Talenta, username: str, first: date, last: date) -> list[SignInDay]:
    """The user's sign-in records from ``first`` to ``last`` (UTC days), those that exist."""
    days = []
    for offset in range((last - first).days + 1):
        try:
            day: SignInDay = app.repository.get(sign_in_day_id(username, first + timedelta(offset)))
        except AggregateNotFoundError:
            continue
        days.append(day)
    return days


def sign_in(
    app: Talenta,
    username: str,
    password: str,
    lockout: LockOut,
    now: datetime | None = None,
    via: str = "web",
) -> tuple[SignInOutcome, User | None]:
    """Judges and records one sign-in (made ``via`` the web or the command line). A locked user
    is refused even with the right password, until the window has passed since the failures that
    locked it."""
    moment = now or datetime.now(UTC)
    for _ in range(3):  # another sign-in of the same user saved meanwhile: judge again
        user = find_user(app, username)
        if user is None:
            HASHER.hash(password)  # as slow as a real check, so timing does not tell
            app.save(UnknownSignIn(username=username[:64], at=moment))
            return SignInOutcome.WRONG, None
        days = sign_in_days(app, username, (moment - lockout.window).date(), moment.date())
        outcome = _judge(user, password, lockout, moment, days)
        today = next((d for d in days if d.day == moment.date()), None)
        record = today or SignInDay(username=username, day=moment.date())
        if outcome is SignInOutcome.SIGNED_IN:
            record.signed_in(at=moment)
        else:
            record.sign_in_failed(reason=str(outcome), at=moment)
        try:
            app.save(record)
        except IntegrityError:
            continue
        if outcome in REFUSED_SIGN_INS:
            _record_refused(app, user, outcome, via)
        return outcome, user if outcome is SignInOutcome.SIGNED_IN else None
    return SignInOutcome.LOCKED, None


def _record_refused(app: Talenta, user: User, outcome: SignInOutcome, via: str) -> None:
    message = REFUSED_SIGN_INS[outcome]
    asker = Asker(id=user.username, role="", agency=user.agency)  # signed in as no role yet
    body = {"username": user.username}
    record_refusal(app, asker, "sign_in", via, body, 401, str(outcome), "", message.id, message.en)


def _judge(
    user: User, password: str, lockout: LockOut, moment: datetime, days: list[SignInDay]
) -> SignInOutcome:
    if user.disabled:
        return SignInOutcome.DISABLED
    if locked(days, user.sessions_valid_after, moment, lockout.attempts, lockout.window):
        return SignInOutcome.LOCKED
    try:
        HASHER.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return SignInOutcome.WRONG
    return SignInOutcome.SIGNED_IN


def sign_in_vouched(app: Talenta, username: str) -> User | None:
    """A sign-in the agency's single sign-on vouched for: recorded like a password's, for an
    enabled user only (Talenta still says which agency, roles and unit the user has)."""
    moment = datetime.now(UTC)
    for _ in range(3):
        user = find_user(app, username)
        if user is None or user.disabled:
            return None
        (today,) = sign_in_days(app, username, moment.date(), moment.date()) or [
            SignInDay(username=username, day=moment.date())
        ]
        today.signed_in(at=moment)
        try:
            app.save(today)
        except IntegrityError:
            continue
        return user
    return None


def session_holds(app: Talenta, user: User, issued: datetime, now: datetime) -> bool:
    """A session issued at ``issued`` holds while the user is enabled, their password unchanged
    and they have not signed out since."""
    if user.disabled or issued < user.sessions_valid_after:
        return False
    days = sign_in_days(app, user.username, issued.date(), now.date())
    return not any(at >= issued for day in days for at in day.sign_outs)


def sign_out(app: Talenta, username: str) -> None:
    moment = datetime.now(UTC)
    for _ in range(3):
        (today,) = sign_in_days(app, username, moment.date(), moment.date()) or [
            SignInDay(username=username, day=moment.date())
        ]
        today.signed_out(at=moment)
        try:
            app.save(today)
        except IntegrityError:
            continue
        return


class SessionChecks:
    """The sessions a process has found holding, each with the versions of the records its
    verdict rests on (the user's and their sign-in days' since it was issued). A check asks the
    store for those versions in one query and judges again only when one has moved, so a
    disable, a new password or a sign-out saved by any process ends the session at the next
    request, as without this."""

    def __init__(self, maxsize: int = 1_000) -> None:
        self._maxsize = maxsize
        self._held: OrderedDict[tuple[str, datetime], tuple[dict[UUID, int], User]] = OrderedDict()
        self._lock = threading.Lock()

    def user_of(self, app: Talenta, username: str, issued: datetime, now: datetime) -> User | None:
        """The user of a session issued at ``issued``, while it holds; else None."""
        days = range((now.date() - issued.date()).days + 1)
        ids = [user_id(username)] + [
            sign_in_day_id(username, issued.date() + timedelta(offset)) for offset in days
        ]
        # Read before judging: a record saved in between makes the next check judge again.
        versions = app.recorder.versions_of(ids)  # type: ignore[attr-defined]
        key = (username, issued)
        with self._lock:
            held = self._held.get(key)
            if held is not None and held[0] == versions:
                self._held.move_to_end(key)
                return held[1]
        user = find_user(app, username)
        if user is None or not session_holds(app, user, issued, now):
            with self._lock:
                self._held.pop(key, None)
            return None
        with self._lock:
            self._held[key] = (versions, user)
            self._held.move_to_end(key)
            while len(self._held) > self._maxsize:
                self._held.popitem(last=False)
        return user
