"""Users and sign-ins as events: who may create a user, what a grant needs, the lock-out window
(a setting), disabling and a new password ending sessions; and `talenta user`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from domain.access.users import UnknownSignIn, User, UserError, sign_in_day_id, user_id
from domain.envelope import Actor, Role
from domain.values import InvalidValue
from services.accounts import (
    LockOut,
    NewUser,
    SessionChecks,
    SignInOutcome,
    create_user,
    disable_user,
    reset_password,
    session_holds,
    sign_in,
    sign_out,
)
from services.application import Talenta
from services.auth import OtherAgency
from services.cli.main import main
from services.config import StoreConfig
from services.permissions import Forbidden

ADMIN = Actor(id="admin", role=Role.ADMINISTRATOR, agency="kota-madiun")
PASSWORD = "kata-sandi-panjang"
# Sign-ins after the users' creation (now): tomorrow at 8, and the midnight after it.
TOMORROW = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
T0 = TOMORROW + timedelta(hours=8)
MIDNIGHT = TOMORROW + timedelta(days=1)


def new(
    username: str = "siti", roles: frozenset[Role] = frozenset({Role.CASEWORKER}), **extra: str
) -> NewUser:
    fields = {"agency": "kota-madiun", "unit": "", "password": PASSWORD, **extra}
    return NewUser(username=username, roles=roles, **fields)


def test_only_an_administrator_of_the_same_agency_creates_a_user(app: Talenta) -> None:
    with pytest.raises(Forbidden):
        create_user(app, new(), ADMIN.model_copy(update={"role": Role.CASEWORKER}))
    with pytest.raises(OtherAgency):
        create_user(app, new(agency="kota-binjai"), ADMIN)
    created = create_user(app, new(), ADMIN)
    stored: User = app.repository.get(user_id("siti"))
    assert (stored.agency, stored.roles, stored.disabled) == ("kota-madiun", ["caseworker"], False)
    assert stored.password_hash.startswith("$argon2") and PASSWORD not in stored.password_hash
    assert created.id == stored.id


@pytest.mark.parametrize(
    ("grant", "message_en"),
    [
        (new(roles=frozenset({Role.HEAD_OF_UNIT})), "the head-of-unit role needs a unit"),
        (new(password="pendek"), "a password needs at least 10 characters"),
        (new(username="nama dengan spasi"), "invalid user name: 'nama dengan spasi'"),
    ],
)
def test_a_grant_missing_what_it_needs_is_refused(
    app: Talenta, grant: NewUser, message_en: str
) -> None:
    with pytest.raises(UserError) as refused:
        create_user(app, grant, ADMIN)
    assert refused.value.message.en == message_en
    assert app.recorder.max_notification_id() in (None, 0), "nothing written"


def test_a_user_of_an_agency_the_product_does_not_know_is_refused(app: Talenta) -> None:
    stranger = ADMIN.model_copy(update={"agency": "kota-antah"})
    with pytest.raises(InvalidValue, match="unknown agency: 'kota-antah'"):
        create_user(app, new(agency="kota-antah"), stranger)


def test_the_system_role_and_a_second_user_of_the_same_name_are_refused(app: Talenta) -> None:
    with pytest.raises(UserError):
        create_user(app, new(roles=frozenset({Role.SYSTEM})), ADMIN)
    create_user(app, new(roles=frozenset({Role.HEAD_OF_UNIT}), unit="Bagian Umum"), ADMIN)
    with pytest.raises(UserError, match="exists already"):
        create_user(app, new(), ADMIN)


def test_failures_within_the_window_lock_and_the_window_passing_unlocks(app: Talenta) -> None:
    create_user(app, new(), ADMIN)
    lockout = LockOut(attempts=3, window=timedelta(minutes=15))
    for minute in range(3):
        outcome, _ = sign_in(app, "siti", "salah", lockout, T0 + timedelta(minutes=minute))
        assert outcome is SignInOutcome.WRONG
    locked, user = sign_in(app, "siti", PASSWORD, lockout, T0 + timedelta(minutes=10))
    assert (locked, user) == (SignInOutcome.LOCKED, None)
    # 15 minutes after the second failure only one failure is inside the window.
    outcome, user = sign_in(app, "siti", PASSWORD, lockout, T0 + timedelta(minutes=16))
    assert outcome is SignInOutcome.SIGNED_IN and user is not None
    day = app.repository.event_store.get(sign_in_day_id("siti", T0.date()))
    kinds = [type(e).__name__ for e in day]
    assert kinds == ["Started", *["SignInFailed"] * 4, "SignedIn"]
    assert [type(e).__name__ for e in app.repository.event_store.get(user_id("siti"))] == [
        "Created"
    ], "the account itself is not touched by signing in"


def test_failures_of_yesterday_count_across_midnight_until_a_success(app: Talenta) -> None:
    create_user(app, new(), ADMIN)
    lockout = LockOut(attempts=3, window=timedelta(minutes=15))
    midnight = MIDNIGHT
    for minutes in (-5, -3):
        sign_in(app, "siti", "salah", lockout, midnight + timedelta(minutes=minutes))
    sign_in(app, "siti", "salah", lockout, midnight + timedelta(minutes=1))
    assert sign_in(app, "siti", PASSWORD, lockout, midnight + timedelta(minutes=2))[0] is (
        SignInOutcome.LOCKED
    )
    # A success resets the count: the failures before it no longer add up.
    sign_in(app, "siti", PASSWORD, lockout, midnight + timedelta(minutes=30))
    for minutes in (31, 32):
        sign_in(app, "siti", "salah", lockout, midnight + timedelta(minutes=minutes))
    assert sign_in(app, "siti", PASSWORD, lockout, midnight + timedelta(minutes=33))[0] is (
        SignInOutcome.SIGNED_IN
    )


def test_failures_spread_wider_than_the_window_never_lock(app: Talenta) -> None:
    create_user(app, new(), ADMIN)
    lockout = LockOut(attempts=3, window=timedelta(minutes=15))
    for attempt in range(6):
        sign_in(app, "siti", "salah", lockout, T0 + timedelta(minutes=8 * attempt))
    outcome, _ = sign_in(app, "siti", PASSWORD, lockout, T0 + timedelta(minutes=48))
    assert outcome is SignInOutcome.SIGNED_IN


def test_an_unknown_name_is_answered_as_a_wrong_password_and_recorded(app: Talenta) -> None:
    outcome, user = sign_in(app, "siapa", "apa-saja", LockOut(), T0)
    assert (outcome, user) == (SignInOutcome.WRONG, None)
    recorded = [n.topic for n in app.recorder.select_notifications(start=1, limit=10)]
    assert any(topic.endswith(UnknownSignIn.Attempted.__qualname__) for topic in recorded)


def test_disabling_and_a_new_password_end_earlier_sessions(app: Talenta) -> None:
    create_user(app, new(), ADMIN)
    issued = datetime.now(UTC)
    assert sign_in(app, "siti", PASSWORD, LockOut())[0] is SignInOutcome.SIGNED_IN
    reset_password(app, "siti", "kata-sandi-baru-1", ADMIN)
    user: User = app.repository.get(user_id("siti"))
    assert not session_holds(app, user, issued, datetime.now(UTC)), "issued before the reset"
    fresh = datetime.now(UTC)
    assert session_holds(app, user, fresh, fresh + timedelta(minutes=1))
    sign_out(app, "siti")
    assert not session_holds(app, user, fresh, datetime.now(UTC)), "signed out since"
    assert sign_in(app, "siti", PASSWORD, LockOut())[0] is SignInOutcome.WRONG
    assert sign_in(app, "siti", "kata-sandi-baru-1", LockOut())[0] is SignInOutcome.SIGNED_IN
    disable_user(app, "siti", ADMIN)
    assert sign_in(app, "siti", "kata-sandi-baru-1", LockOut())[0] is SignInOutcome.DISABLED


def test_a_session_found_holding_ends_at_the_next_check_after_a_reset_sign_out_or_disable(
    app: Talenta,
) -> None:
    checks = SessionChecks()
    create_user(app, new(), ADMIN)
    issued = datetime.now(UTC)
    assert sign_in(app, "siti", PASSWORD, LockOut())[0] is SignInOutcome.SIGNED_IN
    for _ in range(2):  # the second check answers from what the first found
        found = checks.user_of(app, "siti", issued, datetime.now(UTC))
        assert found is not None and found.username == "siti"
    reset_password(app, "siti", "kata-sandi-baru-1", ADMIN)
    assert checks.user_of(app, "siti", issued, datetime.now(UTC)) is None, "issued before reset"
    fresh = datetime.now(UTC)
    assert checks.user_of(app, "siti", fresh, datetime.now(UTC)) is not None
    sign_out(app, "siti")
    assert checks.user_of(app, "siti", fresh, datetime.now(UTC)) is None, "signed out since"
    later = datetime.now(UTC)
    assert sign_in(app, "siti", "kata-sandi-baru-1", LockOut())[0] is SignInOutcome.SIGNED_IN
    assert checks.user_of(app, "siti", later, datetime.now(UTC)) is not None
    disable_user(app, "siti", ADMIN)
    assert checks.user_of(app, "siti", later, datetime.now(UTC)) is None, "disabled since"
    assert checks.user_of(app, "nobody", later, datetime.now(UTC)) is None


def test_the_command_line_creates_disables_and_resets(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    runner = CliRunner()

    def talenta(*args: str, password: str | None = None) -> str:
        # --init: the first administrator may be created before the product ever ran.
        result = runner.invoke(main, ["--init", "user", *args, "--store", store], input=password)
        assert result.exit_code == 0, result.output
        return result.output

    created = talenta(
        "create", "admin", "--agency", "kota-madiun", "--role", "administrator",
        "--role", "auditor", password=f"{PASSWORD}\n{PASSWORD}\n",
    )  # fmt: skip
    assert "user admin created" in created
    refused = runner.invoke(
        main,
        ["user", "create", "kabag", "--agency", "kota-madiun", "--role", "head-of-unit",
         "--password-stdin", "--store", store],
        input=f"{PASSWORD}\n",
    )  # fmt: skip
    assert refused.exit_code == 1
    assert "the head-of-unit role needs a unit" in refused.output
    talenta("reset-password", "admin", "--password-stdin", password="kata-sandi-baru-2\n")
    talenta("disable", "admin")
    app = Talenta(StoreConfig(store))
    try:
        user: User = app.repository.get(user_id("admin"))
        assert user.disabled and user.role_set == {Role.ADMINISTRATOR, Role.AUDITOR}
        assert sign_in(app, "admin", "kata-sandi-baru-2", LockOut())[0] is SignInOutcome.DISABLED
    finally:
        app.close()
