"""The one refusal path of the command line: every refusal (a rule's, a missing record, a role
or agency not allowed, invalid input, a conflicting save) reaches the user as one line with exit
code 1, never a traceback, and a refusal of an acting step is recorded like the API's before the
user reads the line."""

from __future__ import annotations

import re
from typing import Any

import click
from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError
from pydantic import ValidationError

from domain.rules.core import RuleRefusal
from services.audit.refusals import record_refusal
from services.auth import AuthError
from services.bootstrap import store_opened
from services.cli.step import NOT_ASKED, acting_step
from services.commands import CONFLICT, invalid_request
from services.importing import ImportInterrupted
from services.jsonable import jsonable_encoder
from services.refusals import refusal_of


class RefusingGroup(click.Group):
    """Answers every refusal of the invocation with its one line. Only the outermost group of an
    invocation answers (`talenta`, or a group invoked on its own, as the tests do), so that a
    refusal is recorded once, however deep the command sits."""

    def invoke(self, ctx: click.Context) -> object:
        if ctx.parent is not None:
            return super().invoke(ctx)
        try:
            return super().invoke(ctx)
        except click.ClickException as refused:
            record(ctx, cause(refused))  # recorded apart from the step, which wrote nothing
            raise
        except IntegrityError:
            raise click.ClickException(str(CONFLICT)) from None
        except ValidationError as invalid:
            record(ctx, invalid)
            raise click.ClickException(one_line(invalid)) from None
        except AggregateNotFoundError as missing:
            # eventsourcing's message is "Aggregate UUID('...') version None not found."
            found = re.search(r"[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}", str(missing))
            raise click.ClickException(
                f"tidak ada / not found: {found.group() if found else missing}"
            ) from None
        except (
            RuleRefusal,
            AuthError,
            PermissionError,
            LookupError,
            ValueError,
            ImportInterrupted,
        ) as error:
            record(ctx, error)
            raise click.ClickException(str(error)) from None


def one_line(invalid: ValidationError) -> str:
    """pydantic's report spans several lines; a script's log wants one, in both languages."""
    return str(invalid_request(invalid.errors()))


def record(ctx: click.Context, error: BaseException | None) -> None:
    """Records ``error`` when it refuses an acting step; other failures are not refusals."""
    step = acting_step(ctx)
    refused = refusal_of(error) if error is not None else None
    if step is None or refused is None or not refused.judged:
        return
    command, params, actor = step
    body = jsonable_encoder({k: v for k, v in params.items() if k not in NOT_ASKED})
    with store_opened(params["store"]) as app:
        record_refusal(
            app,
            actor,
            command,
            "cli",
            body,
            refused.status,
            refused.code,
            refused.citation,
            refused.message.id,
            refused.message.en,
        )


def cause(error: Any) -> BaseException | None:
    """What a command turned into a one-line ClickException itself, or the error itself."""
    if isinstance(error, click.ClickException):
        found: BaseException | None = error.__context__
        return found
    return error if isinstance(error, BaseException) else None
