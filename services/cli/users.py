"""`talenta user`: the people who sign in (to the web interface and with `talenta login`),
created, disabled and given a new password by a signed-in administrator of their agency. The
first administrator of an installation is created in the embedded mode
(``TALENTA_EMBEDDED=1``), which the log records as ``embedded:<shell user>``."""

from __future__ import annotations

import os
import sys

import click

from domain.envelope import Actor, Role
from services.accounts import (
    NewUser,
    UserNotFound,
    create_user,
    disable_user,
    find_user,
    reset_password,
)
from services.application import Talenta
from services.bootstrap import store_opened
from services.cli.options import store_option
from services.cli.session import cli_actor
from services.cli.step import remember

ROLES = [str(role) for role in Role if role is not Role.SYSTEM]


def _administrator(store: str, agency: str) -> Actor:
    actor = cli_actor(store, Role.ADMINISTRATOR, agency, actor_id=os.environ.get("TALENTA_ACTOR"))
    remember(actor)
    return actor


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    entered: str = click.prompt("Kata sandi / Password", hide_input=True, confirmation_prompt=True)
    return entered


def _agency_of(app: Talenta, username: str, agency: str | None) -> str:
    if agency:
        return agency
    found = find_user(app, username)
    if found is None:
        raise UserNotFound(username)
    return found.agency


PASSWORD_STDIN = click.option(
    "--password-stdin", is_flag=True, help="Read the password from the first line of stdin."
)


@click.group(name="user")
def user() -> None:
    """People who sign in to the web interface."""


@user.command()
@store_option
@click.argument("username")
@click.option("--agency", required=True)
@click.option("--role", "roles", multiple=True, required=True, type=click.Choice(ROLES))
@click.option("--unit", default="", help="The unit, for a role that acts for one (head-of-unit).")
@PASSWORD_STDIN
def create(
    store: str, username: str, agency: str, roles: tuple[str, ...], unit: str, password_stdin: bool
) -> None:
    """Creates a user of AGENCY with one or more roles; asks for the password twice."""
    actor = _administrator(store, agency)
    password = _password(password_stdin)
    command = NewUser(
        username=username,
        agency=agency,
        roles=frozenset(Role(role) for role in roles),
        unit=unit,
        password=password,
    )
    with store_opened(store) as app:
        create_user(app, command, actor)
    click.echo(f"pengguna {username} dibuat / user {username} created")


@user.command()
@store_option
@click.argument("username")
@click.option("--agency", default=None, help="The administrator's agency (default: the user's).")
def disable(store: str, username: str, agency: str | None) -> None:
    """Disables a user: their sessions end and they can no longer sign in."""
    with store_opened(store) as app:
        disable_user(app, username, _administrator(store, _agency_of(app, username, agency)))
    click.echo(f"pengguna {username} dinonaktifkan / user {username} disabled")


@user.command(name="reset-password")
@store_option
@click.argument("username")
@click.option("--agency", default=None, help="The administrator's agency (default: the user's).")
@PASSWORD_STDIN
def reset_password_command(
    store: str, username: str, agency: str | None, password_stdin: bool
) -> None:
    """Gives a user a new password (and lifts a lock-out); their sessions end."""
    with store_opened(store) as app:
        actor = _administrator(store, _agency_of(app, username, agency))
        reset_password(app, username, _password(password_stdin), actor)
    click.echo(f"kata sandi {username} diganti / password of {username} reset")
