"""POST routes generated from command handlers: one per handler, its body the handler's command
model, its actor from authentication, its roles those the handler declares (``@allowed``)."""

# No postponed annotations here: the generated endpoints carry real classes, which FastAPI
# needs to read the body model of each route.

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, get_type_hints

from fastapi import APIRouter, Depends, Request
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel

from domain.envelope import Actor
from services.api.auth import CurrentActor
from services.api.context import Context, Ctx
from services.api.idempotency import idempotent, settle
from services.permissions import Forbidden, roles_of

Handler = Callable[..., Any]
# Completes a command from the read models before its handler runs (e.g. a default the product
# reads), which no handler does itself: a handler reads the event store only.
Prepare = Callable[[Context, Any, Actor], Any]


class CommandResult(BaseModel):
    result: Any = None


def route_name(handler: Handler) -> str:
    return handler.__name__.replace("_", "-")


def add_command_routes(
    router: APIRouter,
    prefix: str,
    handlers: list[Handler],
    prepare: Mapping[str, Prepare] | None = None,
) -> None:
    """``prepare``: by handler name, what completes its command first."""
    for handler in handlers:
        body = get_type_hints(handler)["command"]
        roles = ", ".join(sorted(roles_of(handler)))
        router.add_api_route(
            f"{prefix}/{route_name(handler)}",
            _endpoint(handler, body, (prepare or {}).get(handler.__name__)),
            methods=["POST"],
            response_model=CommandResult,
            name=handler.__name__,
            summary=f"{handler.__name__.replace('_', ' ')} (roles: {roles})",
            description=handler.__doc__ or "",
            # Checked before the body is read, so a role that may not act learns that first;
            # then the idempotency key is claimed, or answers the outcome it holds.
            dependencies=[Depends(_role_check(handler)), Depends(idempotent)],
        )


def _role_check(handler: Handler) -> Callable[[Actor], Awaitable[None]]:
    async def check(actor: CurrentActor) -> None:  # on the event loop: it waits on nothing
        allowed = roles_of(handler)
        if actor.role not in allowed:
            raise Forbidden(handler.__name__, actor, allowed)

    return check


def _endpoint(
    handler: Handler, body: type[BaseModel], prepare: Prepare | None
) -> Callable[..., CommandResult]:
    def endpoint(
        command: body,  # type: ignore[valid-type]
        ctx: Ctx,
        actor: CurrentActor,
        request: Request,
    ) -> CommandResult:
        if prepare is not None:
            command = prepare(ctx, command, actor)
        answer = CommandResult(result=jsonable_encoder(handler(ctx.app, command, actor)))
        settle(request, 200, answer.model_dump(mode="json"))
        return answer

    return endpoint
