"""`talenta token create|revoke|list`: API tokens are issued and withdrawn from the command line
by a signed-in administrator of the token's agency (or the embedded mode's, named as such)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import click
from eventsourcing.application import AggregateNotFoundError

from domain.access.roles import UserRoles, user_roles_id
from domain.envelope import Role
from services.auth.store import token_store
from services.auth.tokens import TokenNotFound, TokenStore, UserNotFound, utc_now
from services.bootstrap import store_opened
from services.cli.options import store_option
from services.cli.session import cli_actor

GRANTABLE = [role.value for role in Role if role is not Role.SYSTEM]


def issuer(store: str, agency: str) -> str:
    """Who is recorded as issuing, revoking or changing roles: the signed-in administrator of
    ``agency``, or the embedded mode's."""
    actor_id = os.environ.get("TALENTA_ACTOR")
    return cli_actor(store, Role.ADMINISTRATOR, agency, actor_id=actor_id).id


@contextmanager
def opened(store: str) -> Iterator[TokenStore]:
    with store_opened(store) as app:
        yield token_store(app)


@click.group()
def token() -> None:
    """API tokens: create, revoke, list; users' roles; the table rebuilt from the log."""


@token.command()
@store_option
@click.option("--user", "user_id", required=True, help="User id recorded as the actor.")
@click.option("--agency", required=True, help="The only agency whose data the user may touch.")
@click.option(
    "--role", "roles", multiple=True, required=True, type=click.Choice(GRANTABLE), help="Repeatable"
)
@click.option("--expires-days", type=click.IntRange(min=1), default=None, help="Default: never.")
@click.option("--unit", default="", help="The unit a head of unit heads (madiun-2021:P24 angka 1).")
def create(
    store: str,
    user_id: str,
    agency: str,
    roles: tuple[str, ...],
    expires_days: int | None,
    unit: str,
) -> None:
    """Create a token for a user, for these roles for its whole life. A user's first token grants
    it the roles in the agency; a later one carries only roles the user holds. The secret is
    printed once and cannot be shown again."""
    expires = utc_now() + timedelta(days=expires_days) if expires_days else None
    try:
        by = issuer(store, agency)
        with opened(store) as tokens:
            token_id, secret = tokens.create_token(
                user_id, agency, map(Role, roles), expires, by=by, unit=unit
            )
    except ValueError as error:  # UserInOtherAgency, RolesNotGranted, an empty user or agency
        raise click.ClickException(str(error)) from None
    click.echo(f"token_id: {token_id}")
    click.echo(f"secret:   {secret}")
    click.echo(
        "Simpan rahasia ini sekarang; tidak dapat ditampilkan lagi. / "
        "Keep this secret now; it cannot be shown again.",
        err=True,
    )


@token.command()
@store_option
@click.argument("token_id")
def revoke(store: str, token_id: str) -> None:
    """Revoke TOKEN_ID at once."""
    try:
        with opened(store) as tokens:
            found = [info for info in tokens.list_tokens() if info.token_id == token_id]
            if not found:
                raise TokenNotFound(token_id)
            tokens.revoke(token_id, by=issuer(store, found[0].agency))
    except TokenNotFound as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"dicabut / revoked: {token_id}")


@token.command(name="list")
@store_option
def list_(store: str) -> None:
    """List every token (never its secret) with the roles it was issued for; a row the log does
    not back is marked forged."""
    with opened(store) as tokens:
        listed = tokens.list_tokens()
        forged = {info.token_id for info in tokens.forged()}
    now = utc_now()
    for info in listed:
        if info.token_id in forged:
            state = "PALSU, tidak sesuai log/FORGED, not as the log says"
        elif info.revoked_at:
            state = f"dicabut/revoked {info.revoked_at:%Y-%m-%d}"
        elif not info.live(now):
            state = "kedaluwarsa/expired"
        else:
            state = "aktif/active"
        expires = f"{info.expires_at:%Y-%m-%d}" if info.expires_at else "-"
        roles = ",".join(sorted(info.roles))
        click.echo(
            f"{info.token_id}  {info.user_id:20.20} {info.agency:20.20} {roles:30.30} "
            f"{info.created_at:%Y-%m-%d} {expires:10} {state}"
        )
    click.echo(f"{len(listed)} token")


@token.command()
@store_option
@click.argument("user_id")
@click.option(
    "--role", "roles", multiple=True, required=True, type=click.Choice(GRANTABLE), help="Repeatable"
)
@click.option("--reason", required=True, help="Why the user's roles change (recorded).")
def roles(store: str, user_id: str, roles: tuple[str, ...], reason: str) -> None:
    """Record the roles USER_ID holds from now on. Each of its tokens keeps the roles it was
    issued for and acts in those the user still holds."""
    try:
        with opened(store) as tokens:
            try:
                account: UserRoles = tokens.app.repository.get(user_roles_id(user_id))
            except AggregateNotFoundError:
                raise UserNotFound(user_id) from None
            by = issuer(store, account.agency)
            changed = tokens.change_roles(user_id, map(Role, roles), reason, by=by)
    except (ValueError, UserNotFound) as error:
        raise click.ClickException(str(error)) from None
    held = ",".join(sorted(roles))
    click.echo(f"{'dicatat/recorded' if changed else 'tetap/unchanged'}: {user_id} {held}")


@token.command()
@store_option
def rebuild(store: str) -> None:
    """Rebuild the token table from the log alone, dropping any row written straight into it."""
    with opened(store) as tokens:
        dropped = tokens.forged()
        count = tokens.rebuild()
    for info in dropped:
        click.echo(
            f"dibuang/dropped {info.token_id} {info.user_id}: tidak sesuai log/not as the log says"
        )
    click.echo(f"{count} token")
