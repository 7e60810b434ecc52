"""The session cookie: who signed in, the role they act in and the form token (CSRF), signed
with the installation's secret; HttpOnly, SameSite=Lax, Secure when served over TLS. A session
holds only while its user is enabled and has not signed out or been given a new password since
it was issued."""

from __future__ import annotations

import hmac
import secrets
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.datastructures import FormData

from domain.access.users import User
from domain.envelope import Actor, Role
from services.accounts import SessionChecks, sign_in_vouched
from services.auth import Principal
from services.web.settings import WebSettings

COOKIE = "talenta_session"
LANG_COOKIE = "talenta_lang"
CSRF_FIELD = "csrf"


class SignInRequired(Exception):
    """No valid session: the page answers with the sign-in form."""


class CsrfRefused(Exception):
    """A form posted without this session's token: refused before anything is read."""


@dataclass(frozen=True)
class Session:
    csrf: str
    username: str | None = None
    role: Role | None = None
    issued: float = 0.0

    @classmethod
    def anonymous(cls) -> Session:
        return cls(csrf=secrets.token_urlsafe(32))

    def signed_in(self, username: str, role: Role) -> Session:
        # A new token at sign-in: a token seen before it cannot ride on the new session.
        return Session(secrets.token_urlsafe(32), username, role, time.time())

    def acting_as(self, role: Role) -> Session:
        return replace(self, role=role)


class Sessions:
    def __init__(self, settings: WebSettings) -> None:
        self.settings = settings
        self._signer = URLSafeTimedSerializer(settings.secret, salt="talenta-web-session")
        self.checks = SessionChecks()

    def read(self, request: Request) -> Session:
        cached = getattr(request.state, "web_session", None)
        if isinstance(cached, Session):
            return cached
        session = self._decode(request.cookies.get(COOKIE, ""))
        request.state.web_session = session
        return session

    def _decode(self, cookie: str) -> Session:
        if not cookie:
            return Session.anonymous()
        try:
            data = self._signer.loads(cookie, max_age=int(self.settings.session.total_seconds()))
            role = Role(data["r"]) if data.get("r") else None
            return Session(str(data["c"]), data.get("u"), role, float(data.get("i", 0.0)))
        except (BadSignature, KeyError, TypeError, ValueError):
            return Session.anonymous()

    def write(self, response: Response, request: Request, session: Session) -> None:
        request.state.web_session = session
        value = self._signer.dumps(
            {"c": session.csrf, "u": session.username, "r": session.role, "i": session.issued}
        )
        response.set_cookie(
            COOKIE,
            value,
            max_age=int(self.settings.session.total_seconds()),
            httponly=True,
            samesite="lax",
            secure=request.url.scheme == "https",
            path="/",
        )


def sessions(request: Request) -> Sessions:
    found: Sessions = request.app.state.web_sessions
    return found


@dataclass(frozen=True)
class WebUser:
    user: User
    actor: Actor
    session: Session

    @property
    def roles(self) -> list[Role]:
        return sorted(self.user.role_set)


def signed_in(request: Request) -> WebUser:
    session = sessions(request).read(request)
    app = request.app.state.context.app
    proxy = sessions(request).settings.proxy
    vouched = proxy.username(_peer(request), request.headers) if proxy else None
    if vouched is not None and vouched != session.username:
        # The single sign-on names who is at the browser: a session of anyone else ends.
        user = sign_in_vouched(app, vouched)
        if user is None:
            raise SignInRequired()
        session = session.signed_in(user.username, min(user.role_set))
        request.state.web_session = session  # the page's answer carries the new cookie
    if session.username is None:
        raise SignInRequired()
    issued = datetime.fromtimestamp(session.issued, UTC)
    user = sessions(request).checks.user_of(app, session.username, issued, datetime.now(UTC))
    if user is None:
        raise SignInRequired()
    roles = user.role_set
    role = session.role if session.role in roles else min(roles)
    actor = Principal(user.username, user.agency, roles, user.unit).actor(role)
    return WebUser(user, actor, session)


def _peer(request: Request) -> str | None:
    return request.client.host if request.client else None


async def posted_form(request: Request) -> FormData:
    """The posted form, once its CSRF token matches the session's."""
    form = await request.form()
    token = form.get(CSRF_FIELD)
    expected = sessions(request).read(request).csrf
    if not isinstance(token, str) or not hmac.compare_digest(token, expected):
        raise CsrfRefused()
    return form


SignedIn = Annotated[WebUser, Depends(signed_in)]
PostedForm = Annotated[FormData, Depends(posted_form)]
