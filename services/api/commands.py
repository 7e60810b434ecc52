"""POST routes generated from command handlers: one per handler, its body the handler's command
model, its actor from authentication, its roles those the handler declares (``@allowed``)."""

# No postponed annotations here: the generated endpoints carry real classes, which FastAPI
# needs to read the body model of each route.

from collections.abc import Callable
from typing import Any, get_type_hints

from fastapi import APIRouter, Depends, Request
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel

from domain.envelope import Actor
from services.api.context import Ctx
from services.api.idempotency import idempotent, settle
from services.auth import CurrentActor
from services.permissions import Forbidden, roles_of

Handler = Callable[..., Any]


class CommandResult(BaseModel):
    result: Any = None


def route_name(handler: Handler) -> str:
    return handler.__name__.replace("_", "-")


def add_command_routes(router: APIRouter, prefix: str, handlers: list[Handler]) -> None:
    for handler in handlers:
        body = get_type_hints(handler)["command"]
        roles = ", ".join(sorted(roles_of(handler)))
        router.add_api_route(
            f"{prefix}/{route_name(handler)}",
            _endpoint(handler, body),
            methods=["POST"],
            response_model=CommandResult,
            name=handler.__name__,
            summary=f"{handler.__name__.replace('_', ' ')} (roles: {roles})",
            description=handler.__doc__ or "",
            # Checked before the body is read, so a role that may not act learns that first;
            # then the idempotency key is claimed, or answers the outcome it holds.
            dependencies=[Depends(_role_check(handler)), Depends(idempotent)],
        )


def _role_check(handler: Handler) -> Callable[[Actor], None]:
    def check(actor: CurrentActor) -> None:
        allowed = roles_of(handler)
        if actor.role not in allowed:
            raise Forbidden(handler.__name__, actor, allowed)

    return check


def _endpoint(handler: Handler, body: type[BaseModel]) -> Callable[..., CommandResult]:
    def endpoint(
        command: body,  # type: ignore[valid-type]
        ctx: Ctx,
        actor: CurrentActor,
        request: Request,
    ) -> CommandResult:
        answer = CommandResult(result=jsonable_encoder(handler(ctx.app, command, actor)))
        settle(request, 200, answer.model_dump(mode="json"))
        return answer

    return endpoint
