"""The administrator's page: creating a user of the administrator's agency, disabling one and
giving one a new password, through the same commands as `talenta user`."""

from __future__ import annotations

from functools import partial
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from domain.access.users import UserError
from domain.envelope import Actor, Role
from services.accounts import NewUser, create_user, disable_user, reset_password
from services.application import Talenta
from services.web.attempt import Refused, attempt, fields_of
from services.web.frame import page, see_other
from services.web.session import PostedForm, SignedIn, WebUser

router = APIRouter(include_in_schema=False)

GRANTABLE = [role for role in Role if role is not Role.SYSTEM]
FORMS = ("create_user", "disable_user", "reset_password")


def _page(
    request: Request,
    me: WebUser,
    status: int = 200,
    refused: dict[str, Refused] | None = None,
    done: str = "",
) -> Response:
    return page(
        request,
        "users.html",
        status,
        here="/users",
        me=me,
        roles=GRANTABLE,
        refused=refused or {},
        done=done,
    )


@router.get("/users")
def users(request: Request, me: SignedIn, done: str = "") -> Response:
    return _page(request, me, done=done if done in FORMS else "")


def _create(app: Talenta, body: dict[str, Any], roles: list[str], actor: Actor) -> None:
    unknown = [role for role in roles if role not in set(Role)]
    if unknown:
        raise UserError(f"peran tidak dikenal: {unknown}", f"unknown roles: {unknown}")
    command = NewUser(
        username=str(body.get("username", "")).strip(),
        agency=actor.agency,
        roles=frozenset(Role(role) for role in roles),
        unit=str(body.get("unit", "")),
        password=str(body.get("password", "")),
    )
    create_user(app, command, actor)


@router.post("/users/{form_name}")
def change_user(request: Request, me: SignedIn, form: PostedForm, form_name: str) -> Response:
    app = request.app.state.context.app
    body = fields_of(form)
    username = str(body.get("username", "")).strip()
    steps = {
        "create_user": partial(
            _create, app, body, [str(role) for role in form.getlist("roles")], me.actor
        ),
        "disable_user": partial(disable_user, app, username, me.actor),
        "reset_password": partial(
            reset_password, app, username, str(body.get("password", "")), me.actor
        ),
    }
    if form_name not in steps:
        return _page(request, me, 404)
    # A password is never kept in a refusal's record.
    recorded = {key: value for key, value in body.items() if key != "password"}
    outcome = attempt(app, me.actor, form_name, recorded, steps[form_name])
    if isinstance(outcome, Refused):
        return _page(request, me, outcome.status, {form_name: outcome})
    return see_other(request, f"/users?done={form_name}#{form_name}")
