"""The HTTP API (OpenAPI at /openapi.json): one router per area, refusals in one shape."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import Depends, FastAPI

from services.api import access, chain, compliance, personnel, reports, scouting, talent
from services.api.audit import router as audit_router
from services.api.auth import use_authenticator
from services.api.characters import refuse_unstorable
from services.api.context import Context, ReadYourWrites
from services.api.coverage import router as coverage_router
from services.api.docs import serve_docs
from services.api.exports import shape_answers
from services.api.inbox import router as inbox_router
from services.api.limits import BoundedBody
from services.api.refusals import handle_refusals
from services.auth import Authenticator, token_store
from services.idempotency import idempotency_store

if TYPE_CHECKING:
    from services.web.settings import WebSettings


def create_api(
    context: Context,
    authenticator: Authenticator | None = None,
    web: WebSettings | None = None,
) -> FastAPI:
    app = context.app
    api = FastAPI(
        title="Talenta",
        version="0.1.0",
        dependencies=[Depends(refuse_unstorable)],
        docs_url=None,  # served from the product's own files (services/api/docs.py)
        redoc_url=None,  # ReDoc would load its script from a CDN
    )
    serve_docs(api)
    api.state.context = context
    api.state.idempotency = idempotency_store(app)
    api.add_middleware(BoundedBody)
    api.add_middleware(ReadYourWrites, context=context)
    use_authenticator(api, authenticator or token_store(app))
    handle_refusals(api)
    shape_answers(api)

    @api.get("/health")
    def health() -> dict[str, Any]:
        return {"status": "ok", "events": app.recorder.max_notification_id() or 0}

    api.include_router(chain.router)
    api.include_router(compliance.router)
    api.include_router(personnel.router)
    api.include_router(scouting.router)
    api.include_router(talent.router)
    api.include_router(coverage_router)
    api.include_router(audit_router)
    api.include_router(inbox_router)
    api.include_router(access.router)
    api.include_router(reports.router)
    from services.web.site import mount_web  # the pages import the API's parts: imported last

    mount_web(api, web)  # the pages for people, at /
    return api
