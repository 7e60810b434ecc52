"""What every `talenta scouting` command shares: who acts, on which store, when and why.

Kept apart from services/cli.py on purpose: cli.py attaches the `scouting` group, so importing
cli.py from here would make the two modules import each other.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError
from pydantic import TypeAdapter, ValidationError

from domain.agencies import get_agency
from domain.envelope import Actor, DocumentRef, Role
from domain.rules.core import RuleRefusal
from domain.scouting.candidate import Candidate
from services.application import Talenta
from services.cli_options import STORE
from services.cli_step import remember, shown_to_step
from services.commands import CONFLICT, invalid_request
from services.config import StoreConfig
from services.permissions import Forbidden, roles_of

FC = TypeVar("FC", bound=Callable[..., Any])

# A person at a shell may speak for any role but the clock's.
HUMAN_ROLES = [role.value for role in Role if role is not Role.SYSTEM]


class ScoutingGroup(click.Group):
    """Every refusal reaches the user as one line with its citation and exit code 1, both when
    attached to `talenta` and when invoked on its own (as the tests do)."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except IntegrityError:
            raise click.ClickException(str(CONFLICT)) from None
        except ValidationError as invalid:
            raise click.ClickException(one_line(invalid)) from None
        except AggregateNotFoundError as missing:
            # eventsourcing's message is "Aggregate UUID('...') version None not found."
            found = re.search(r"[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}", str(missing))
            raise click.ClickException(
                f"tidak ada / not found: {found.group() if found else missing}"
            ) from None
        except (RuleRefusal, Forbidden, LookupError, ValueError) as error:
            raise click.ClickException(str(error)) from None


def one_line(invalid: ValidationError) -> str:
    """pydantic's report spans several lines; a script's log wants one, in both languages."""
    return str(invalid_request(invalid.errors()))


def _as_date(ctx: click.Context, param: click.Parameter, value: datetime | None) -> date | None:
    return value.date() if value is not None else None


def date_option(*declarations: str, **attributes: Any) -> Callable[[FC], FC]:
    """An ISO date option whose value reaches the command as a ``date``, not a midnight."""
    return click.option(
        *declarations, type=click.DateTime(["%Y-%m-%d"]), callback=_as_date, **attributes
    )


@dataclass(frozen=True)
class Step:
    """The common options of one invocation, resolved into an actor and a date on demand."""

    store: str
    actor_id: str
    role: Role | None
    agency: str
    effective: date | None
    reason: str
    unit: str = ""

    def actor(self, default: Role) -> Actor:
        role = self.role or default
        unit = self.unit if role is Role.HEAD_OF_UNIT else ""
        actor = Actor(id=self.actor_id, role=role, agency=self.agency, unit=unit)
        remember(actor)  # so that a refusal of this step is recorded with who asked
        return actor

    def on(self) -> date:
        """``--effective``, else today in the agency's own time zone (Madiun is UTC+7)."""
        return self.effective or get_agency(self.agency).local_date(datetime.now(UTC))

    @contextmanager
    def app(self) -> Iterator[Talenta]:
        application = Talenta(StoreConfig(self.store))
        try:
            yield application
        finally:
            application.close()


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
            actor_agency: str,
            actor_id: str | None,
            actor_unit: str,
            reason: str = "",
            effective: date | None = None,
            **kwargs: Any,
        ) -> Any:
            step = Step(
                store=store,
                actor_id=actor_id or getpass.getuser(),
                role=Role(role) if role else None,
                agency=actor_agency,
                effective=effective,
                reason=reason,
                unit=actor_unit.strip(),
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
                required=True,
                help="The agency the actor acts for (TALENTA_AGENCY).",
            ),
            click.option(
                "--actor",
                "actor_id",
                envvar="TALENTA_ACTOR",
                default=None,
                help="Who acts (TALENTA_ACTOR); default: the shell user.",
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


ROUND = click.argument("round_id", metavar="ROUND", type=click.UUID)


def echo_candidate(candidate: Candidate, as_json: bool) -> None:
    if as_json:
        echo_json(candidate)
    else:
        click.echo(f"{candidate.nip}  {candidate.stage}")


def json_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON.")(function)


def document_option(help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option(
        "--document",
        "documents",
        multiple=True,
        metavar="NAME=PATH",
        help=f"{help_text} The file's SHA-256 is recorded (repeatable).",
    )


def document_refs(specs: tuple[str, ...]) -> tuple[DocumentRef, ...]:
    """``NAME=PATH`` -> a reference pinned by the file's content hash; the file stays where it
    is, its URI recorded so an auditor can find it and check the hash."""
    refs = []
    for spec in specs:
        name, separator, raw_path = spec.partition("=")
        path = Path(raw_path)
        if not separator or not name.strip() or not path.is_file():
            raise click.BadParameter(
                f"{spec!r}: harus NAMA=BERKAS yang ada / must be NAME=PATH of an existing file",
                param_hint="--document",
            )
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        refs.append(DocumentRef(name=name.strip(), sha256=digest, uri=path.resolve().as_uri()))
    return tuple(refs)


def echo_json(value: Any) -> None:
    """Dataclasses and pydantic models alike, as the API would render them."""
    data = shown_to_step(TypeAdapter(Any).dump_python(value, mode="json"))
    click.echo(json.dumps(data, indent=2))
