"""FastAPI dependencies: the principal from `Authorization: Bearer <secret>`, the actor from the
role named in `X-Talenta-Role`, and the JSON refusals for both.

The authenticator is kept on the FastAPI app (`use_authenticator`) rather than closed over by a
dependency factory: routes are declared inside `create_api` under postponed annotations, and
FastAPI resolves those against module globals only, so a dependency made there and named in
`Annotated[...]` silently turns into a query parameter. Module-level dependencies avoid that."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, Header, Request
from fastapi.responses import JSONResponse

from domain.envelope import Actor
from services.auth.errors import AuthError, Unauthenticated
from services.auth.principal import Authenticator, Principal, actor_for

ROLE_HEADER = "X-Talenta-Role"

AuthorizationHeader = Annotated[str | None, Header(alias="Authorization")]
RoleHeader = Annotated[str | None, Header(alias=ROLE_HEADER)]


def use_authenticator(api: FastAPI, authenticator: Authenticator) -> None:
    """Authenticates the API's requests with `authenticator` and answers every AuthError with its
    status and {code, message, message_en, citation}, as every API refusal."""
    api.state.authenticator = authenticator
    api.add_exception_handler(AuthError, _refused)


def current_principal(request: Request, authorization: AuthorizationHeader = None) -> Principal:
    authenticator: Authenticator = request.app.state.authenticator
    scheme, _, credential = (authorization or "").strip().partition(" ")
    credential = credential.strip()
    found = (
        authenticator.authenticate(credential)
        if scheme.lower() == "bearer" and credential  # RFC 7235: the scheme ignores case
        else None
    )
    if found is None:
        raise Unauthenticated()
    return found


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


# Async, as every dependency that waits on nothing: FastAPI runs a plain function in a worker
# thread, a hop per dependency per request.
async def current_actor(
    request: Request, principal: CurrentPrincipal, role: RoleHeader = None
) -> Actor:
    actor = actor_for(principal, role)
    # Kept on the request for what answers after the route: the personal-data filter and the
    # record of a refused command (services/api/exports.py, services/api/refusals.py).
    request.state.actor = actor
    return actor


CurrentActor = Annotated[Actor, Depends(current_actor)]


async def _refused(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, AuthError)  # registered for AuthError only
    return JSONResponse(
        status_code=error.status,
        content={
            "code": error.code,
            "message": error.message.id,
            "message_en": error.message.en,
            "citation": "",  # the API's refusal shape; access rests on no regulation article
        },
        headers=error.headers,
    )
