"""The acting step of one `talenta` invocation: its common options (who acts, for which agency,
on which store, when and why) resolved into an actor and a date, and noted when the step names
its actor (``remember``), so that a refusal of it is recorded like the API's
(services/cli/refusals.py) and its JSON answer shows only the personal data the actor's role may
see (``shown_to_step``)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property, wraps
from typing import Any

import click

from domain.agencies import get_agency
from domain.envelope import Actor, Role
from services.application import Talenta
from services.bootstrap import store_opened
from services.cli.options import STORE, date_option
from services.cli.session import (
    EMBEDDED_ENV,
    EMBEDDED_NEEDS_AGENCY,
    cli_actor,
    embedded_requested,
    signed_in,
)
from services.permissions import roles_of
from services.personal_data import shown

_STEP = "talenta.step"
# Options that say who acts and where, not what was asked.
NOT_ASKED = frozenset({"store", "role", "actor_id", "actor_agency", "actor_unit", "embedded"})
# A person at a shell may speak for any role but the clock's.
HUMAN_ROLES = [role.value for role in Role if role is not Role.SYSTEM]


@dataclass(frozen=True)
class Step:
    """The common options of one invocation, resolved into an actor and a date on demand. The
    actor is the signed-in user (services/cli/session.py), or the embedded mode's shell user."""

    store: str
    actor_id: str | None
    role: Role | None
    asked_agency: str | None
    effective: date | None
    reason: str
    unit: str = ""
    embedded: bool = False

    def actor(self, default: Role) -> Actor:
        actor = cli_actor(
            self.store,
            self.role or default,
            self.asked_agency,
            embedded=self.embedded,
            actor_id=self.actor_id,
            unit=self.unit,
        )
        remember(actor)  # so that a refusal of this step is recorded with who asked
        return actor

    def on(self) -> date:
        """``--effective``, else today in the agency's own time zone (Madiun is UTC+7)."""
        return self.effective or get_agency(self.agency).local_date(datetime.now(UTC))

    @cached_property
    def agency(self) -> str:
        """``--agency``, else the signed-in user's."""
        if self.asked_agency:
            return self.asked_agency
        if embedded_requested(self.embedded):
            raise click.UsageError(EMBEDDED_NEEDS_AGENCY)
        return signed_in(self.store).agency

    def app(self) -> AbstractContextManager[Talenta]:
        return store_opened(self.store)


def remember(actor: Actor) -> None:
    """Notes the acting step (its command, options and actor) in the invocation's shared meta."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.meta[_STEP] = (ctx.command_path, dict(ctx.params), actor)


def acting_step(ctx: click.Context) -> tuple[str, dict[str, Any], Actor] | None:
    """The remembered step of the invocation: its command path, options and actor."""
    found: tuple[str, dict[str, Any], Actor] | None = ctx.meta.get(_STEP)
    return found


def shown_to_step(data: Any) -> Any:
    """``data`` (JSON-ready) as the step's actor may see it; a command that names no actor runs
    as the shell's user, a caseworker of the personnel agency (services/cli/personnel.py)."""
    ctx = click.get_current_context(silent=True)
    step = acting_step(ctx) if ctx is not None else None
    return shown(data, step[2].role) if step else data


def role_for(handler: Callable[..., Any]) -> Role:
    """The role a command acts in when `--as` is not given: the caseworker where the handler
    allows one, else the one role it allows (the head of unit recommends, the mayor decrees)."""
    roles = roles_of(handler)
    return Role.CASEWORKER if Role.CASEWORKER in roles else sorted(roles)[0]


def step_options(
    *, with_effective: bool = True, with_reason: bool = True
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Adds --store, --as, --agency, --actor (and --reason, --effective) and hands the command
    one ``step: Step`` instead of six loose arguments. A step dated by its own document (a
    decree, minutes) takes that date rather than --effective."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(command)
        def wrapper(
            *args: Any,
            store: str,
            role: str | None,
            actor_agency: str | None,
            actor_id: str | None,
            actor_unit: str,
            embedded: bool,
            reason: str = "",
            effective: date | None = None,
            **kwargs: Any,
        ) -> Any:
            step = Step(
                store=store,
                actor_id=actor_id,
                role=Role(role) if role else None,
                asked_agency=actor_agency,
                effective=effective,
                reason=reason,
                unit=actor_unit.strip(),
                embedded=embedded,
            )
            return command(*args, step=step, **kwargs)

        options = [
            STORE,
            click.option(
                "--as",
                "role",
                type=click.Choice(HUMAN_ROLES),
                envvar="TALENTA_ROLE",
                default=None,
                help="Act in this role (TALENTA_ROLE); default: the role that takes this step.",
            ),
            click.option(
                "--agency",
                "actor_agency",
                envvar="TALENTA_AGENCY",
                default=None,
                help="The agency the actor acts for (TALENTA_AGENCY); default: the signed-in "
                "user's, the only one it may name.",
            ),
            click.option(
                "--actor",
                "actor_id",
                envvar="TALENTA_ACTOR",
                default=None,
                help="Who acts in the embedded mode (TALENTA_ACTOR); default: the shell user.",
            ),
            click.option(
                "--embedded",
                is_flag=True,
                envvar=EMBEDDED_ENV,
                help=f"Act without sign-in, as embedded:<shell user> ({EMBEDDED_ENV}=1): one "
                "user's demo store.",
            ),
            click.option(
                "--actor-unit",
                "actor_unit",
                envvar="TALENTA_UNIT",
                default="",
                help="The unit a head of unit heads (TALENTA_UNIT; madiun-2021:P24 angka 1).",
            ),
        ]
        if with_reason:
            options.append(
                click.option("--reason", default="", help="Why, recorded with the decision.")
            )
        if with_effective:
            options.append(
                date_option(
                    "--effective",
                    default=None,
                    help="The decision's date (default: today in the agency's time zone).",
                )
            )
        for option in reversed(options):
            wrapper = option(wrapper)
        return wrapper

    return decorate
