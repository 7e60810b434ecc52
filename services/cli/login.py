"""`talenta login`, `talenta logout`, `talenta whoami`: a command-line session of the same users
as the web interface. Signing in checks the password like the web's sign-in (and is recorded
with it), then issues an API token for the user's roles, kept in the user's config folder."""

from __future__ import annotations

import os
import sys
from contextlib import suppress
from datetime import timedelta

import click

from services.accounts import LockOut, SignInOutcome, sign_in
from services.auth.store import token_store
from services.auth.tokens import TokenNotFound, utc_now
from services.bootstrap import store_opened
from services.cli.options import store_option
from services.cli.session import (
    NotSignedIn,
    Session,
    load_session,
    save_session,
    session_file,
    signed_in,
)

REFUSED = {
    SignInOutcome.WRONG: (
        "nama pengguna atau kata sandi salah",
        "wrong user name or password",
    ),
    SignInOutcome.LOCKED: (
        "pengguna terkunci setelah terlalu banyak percobaan; coba lagi nanti",
        "the user is locked after too many attempts; try again later",
    ),
    SignInOutcome.DISABLED: ("pengguna dinonaktifkan", "the user is disabled"),
}


def lockout() -> LockOut:
    """The web interface's lock-out (TALENTA_LOCKOUT_ATTEMPTS, TALENTA_LOCKOUT_MINUTES)."""
    return LockOut(
        attempts=int(os.environ.get("TALENTA_LOCKOUT_ATTEMPTS", "5")),
        window=timedelta(minutes=int(os.environ.get("TALENTA_LOCKOUT_MINUTES", "15"))),
    )


def replaced_session() -> Session | None:
    try:
        return load_session()
    except NotSignedIn:  # a damaged file: overwritten
        return None


@click.command()
@store_option
@click.argument("username")
@click.option(
    "--password-stdin", is_flag=True, help="Read the password from the first line of stdin."
)
@click.option(
    "--hours",
    type=click.IntRange(min=1, max=24 * 30),
    default=12,
    show_default=True,
    help="How long the session lasts.",
)
def login(store: str, username: str, password_stdin: bool, hours: int) -> None:
    """Sign in as USERNAME (a user made with `talenta user create`): every later step acts as
    this user, in a role it holds, for its agency."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Kata sandi / Password", hide_input=True)
    with store_opened(store) as app:
        outcome, user = sign_in(app, username, password, lockout(), via="cli")
        if user is None:
            message, message_en = REFUSED.get(outcome, REFUSED[SignInOutcome.WRONG])
            raise click.ClickException(f"{message} / {message_en}")
        try:
            token_id, secret = token_store(app).create_token(
                user.username,
                user.agency,
                user.role_set,
                utc_now() + timedelta(hours=hours),
                by=user.username,
                unit=user.unit,
            )
        except ValueError as error:  # an API user of the same name, in another agency or roles
            raise click.ClickException(str(error)) from None
        previous = replaced_session()
        if previous is not None and previous.store == store:
            with suppress(TokenNotFound):  # the session this one replaces ends with it
                token_store(app).revoke(previous.token_id, by=previous.username)
    path = save_session(Session(store, user.username, token_id, secret))
    roles = ", ".join(sorted(user.roles))
    click.echo(
        f"masuk sebagai / signed in as {user.username} ({user.agency}: {roles}) "
        f"selama / for {hours} jam/hours; sesi / session: {path}"
    )


@click.command()
def logout() -> None:
    """End the session: its token is revoked and the session file removed."""
    session = load_session()
    if session is None:
        click.echo("belum masuk / not signed in")
        return
    try:
        with store_opened(session.store) as app:
            token_store(app).revoke(session.token_id, by=session.username)
    except TokenNotFound:
        pass  # a store rebuilt without it: nothing left to revoke
    finally:
        session_file().unlink(missing_ok=True)
    click.echo(f"keluar / signed out: {session.username}")


@click.command()
@store_option
def whoami(store: str) -> None:
    """Who the command line acts as on this store."""
    principal = signed_in(store)
    roles = ", ".join(sorted(principal.roles))
    unit = f", unit {principal.unit}" if principal.unit else ""
    click.echo(f"{principal.user_id} ({principal.agency}: {roles}{unit})")
