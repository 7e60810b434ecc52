"""Signing in and out, the role a user acts in, and the language of the pages."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from services.accounts import SignInOutcome, sign_in, sign_out
from services.web.frame import page, safe_next, see_other
from services.web.messages import LANGUAGES
from services.web.session import LANG_COOKIE, PostedForm, Session, SignedIn, sessions

router = APIRouter(include_in_schema=False)

REFUSED = {
    SignInOutcome.WRONG: "wrong_password",
    SignInOutcome.LOCKED: "locked",
    SignInOutcome.DISABLED: "disabled",
}


@router.get("/signin")
def signin_form(request: Request, next: str = "/") -> Response:
    return page(request, "signin.html", next=safe_next(next), error=None, username="")


@router.post("/signin")
async def signin(request: Request, form: PostedForm) -> Response:
    username = str(form.get("username", "")).strip()
    password = str(form.get("password", ""))
    target = safe_next(str(form.get("next", "/")))
    web = sessions(request)
    outcome, user = await run_in_threadpool(
        sign_in, request.app.state.context.app, username, password, web.settings.lockout
    )
    if outcome is not SignInOutcome.SIGNED_IN or user is None:
        return page(
            request,
            "signin.html",
            401,
            here="/signin",
            next=target,
            error=REFUSED[outcome],
            username=username,
        )
    session = web.read(request).signed_in(user.username, min(user.role_set))
    return see_other(request, target, session)


@router.post("/signout")
async def signout(request: Request, me: SignedIn, form: PostedForm) -> Response:
    await run_in_threadpool(sign_out, request.app.state.context.app, me.user.username)
    return see_other(request, "/signin", Session.anonymous())


@router.post("/role")
def switch_role(request: Request, me: SignedIn, form: PostedForm) -> Response:
    wanted = str(form.get("role", ""))
    roles = {str(role): role for role in me.user.role_set}
    session = me.session.acting_as(roles[wanted]) if wanted in roles else me.session
    return see_other(request, "/", session)


@router.get("/lang/{code}")
def switch_language(request: Request, code: str, next: str = "/") -> Response:
    response = see_other(request, safe_next(next))
    if code in LANGUAGES:
        response.set_cookie(LANG_COOKIE, code, max_age=365 * 86400, samesite="lax", path="/")
    return response
