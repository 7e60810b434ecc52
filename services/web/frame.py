"""Rendering a page: the template with the language's labels, the session's form token and the
signed-in user, the session cookie renewed; and the pages for a missing session, a form without
its token and something not found."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.routing import BaseRoute

from domain.rules.registry import pack_for
from services.api.limits import RequestTooLarge
from services.application import NotFound
from services.audit.timeline import READERS
from services.web.messages import language, translator
from services.web.session import LANG_COOKIE, CsrfRefused, Session, SignInRequired, sessions

HERE = Path(__file__).parent
# Scripts, styles and forms of this site only, never inside another site's frame: what a page
# shows cannot be overlaid by another site or pull in anything from elsewhere.
PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
TEMPLATES = Jinja2Templates(directory=HERE / "templates")
# The templates ship with the product: compiled once per process, not checked on disk at every
# page (Jinja's default looks at each file's time of change on each render).
TEMPLATES.env.auto_reload = False


def runs_talent_cycle(agency: str) -> bool:
    """Whether the agency's pack runs the talent-management cycle (Binjai, Balikpapan): its
    pages are offered there only."""
    return pack_for(agency).cycle is not None


TEMPLATES.env.globals["runs_talent_cycle"] = runs_talent_cycle


def lang_of(request: Request) -> str:
    return language(request.cookies.get(LANG_COOKIE))


def page(
    request: Request,
    name: str,
    status: int = 200,
    session: Session | None = None,
    here: str = "",
    **values: Any,
) -> HTMLResponse:
    """``here``: the address this page is read at again (the language switch returns to it); a
    page answering a form names its own, as the form's address takes posts only."""
    lang = lang_of(request)
    current = session or sessions(request).read(request)
    response = TEMPLATES.TemplateResponse(
        request,
        name,
        {
            "t": translator(lang),
            "lang": lang,
            "csrf": current.csrf,
            "path": here or (_read_again(request) if request.method == "GET" else "/"),
            "audit_readers": READERS,
            "said": lambda message: message.en if lang == "en" else message.id,
            **values,
        },
        status_code=status,
    )
    sessions(request).write(response, request, current)
    response.headers.update(PAGE_HEADERS)
    return response


def _read_again(request: Request) -> str:
    """The page's path with its query: a checked date or a search survives the language switch."""
    query = request.url.query
    return request.url.path + ("?" + query if query else "")


def see_other(request: Request, to: str, session: Session | None = None) -> Response:
    response = RedirectResponse(to, status_code=303)
    sessions(request).write(response, request, session or sessions(request).read(request))
    return response


def safe_next(target: str | None) -> str:
    """Only a path of this site: an absolute or scheme-relative address would send the user away."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def handle_page_errors(api: FastAPI, pages: Collection[BaseRoute]) -> None:
    """A missing session, a form without its token, and a malformed address of a page (the API's
    own answer to a malformed request stays as it is for the API's routes)."""
    api_answer = api.exception_handlers[RequestValidationError]

    async def malformed(request: Request, error: Exception) -> Response:
        if request.scope.get("route") not in pages:
            answered = api_answer(request, error)
            return answered if isinstance(answered, Response) else await answered
        t = translator(lang_of(request))
        return page(request, "message.html", 422, title=t("refused"), text=t("malformed"))

    async def sign_in_first(request: Request, error: Exception) -> Response:
        return see_other(request, "/signin?next=" + safe_next(request.url.path))

    async def csrf_refused(request: Request, error: Exception) -> Response:
        t = translator(lang_of(request))
        return page(request, "message.html", 403, title=t("refused"), text=t("csrf_refused"))

    api_too_large = api.exception_handlers[RequestTooLarge]

    async def too_large(request: Request, error: Exception) -> Response:
        answered = api_too_large(request, error)  # recorded as the API records it
        answered = answered if isinstance(answered, Response) else await answered
        if request.scope.get("route") not in pages or not isinstance(error, RequestTooLarge):
            return answered
        t = translator(lang_of(request))
        text = f"{t('too_large')} {error.limit // 1_000_000} MB."
        return page(request, "message.html", 413, title=t("refused"), text=text)

    api.add_exception_handler(RequestValidationError, malformed)
    api.add_exception_handler(RequestTooLarge, too_large)
    api.add_exception_handler(SignInRequired, sign_in_first)
    api.add_exception_handler(CsrfRefused, csrf_refused)


def not_found_page(request: Request, error: NotFound) -> HTMLResponse:
    t = translator(lang_of(request))
    text = error.message.en if lang_of(request) == "en" else error.message.id
    return page(request, "message.html", 404, title=t("not_found"), text=text)
