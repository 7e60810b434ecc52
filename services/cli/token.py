"""`talenta token create|revoke|list`: API tokens are issued and withdrawn from the command line,
by whoever can reach the store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import click

from domain.envelope import Role
from services.auth.store import token_store
from services.auth.tokens import TokenNotFound, TokenStore, utc_now
from services.bootstrap import store_opened
from services.cli.options import store_option

GRANTABLE = [role.value for role in Role if role is not Role.SYSTEM]


@contextmanager
def opened(store: str) -> Iterator[TokenStore]:
    with store_opened(store) as app:
        yield token_store(app)


@click.group()
def token() -> None:
    """API tokens: create, revoke, list."""


@token.command()
@store_option
@click.option("--user", "user_id", required=True, help="User id recorded as the actor.")
@click.option("--agency", required=True, help="The only agency whose data the user may touch.")
@click.option(
    "--role", "roles", multiple=True, required=True, type=click.Choice(GRANTABLE), help="Repeatable"
)
@click.option("--expires-days", type=click.IntRange(min=1), default=None, help="Default: never.")
def create(
    store: str, user_id: str, agency: str, roles: tuple[str, ...], expires_days: int | None
) -> None:
    """Create a token for a user, recording the user's agency and roles. The secret is printed
    once and cannot be shown again."""
    expires = utc_now() + timedelta(days=expires_days) if expires_days else None
    try:
        with opened(store) as tokens:
            token_id, secret = tokens.create_token(user_id, agency, map(Role, roles), expires)
    except ValueError as error:  # UserInOtherAgency, or an empty user or agency
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
            tokens.revoke(token_id)
    except TokenNotFound as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"dicabut / revoked: {token_id}")


@token.command(name="list")
@store_option
def list_(store: str) -> None:
    """List every token (never its secret)."""
    with opened(store) as tokens:
        listed = tokens.list_tokens()
    now = utc_now()
    for info in listed:
        if info.revoked_at:
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
