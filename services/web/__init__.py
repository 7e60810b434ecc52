"""The web interface: server-rendered pages in Indonesian (English on request) over the same
handlers, permissions and refusals as the API, for people signed in with a password."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from services.web import auditor, employees, home, pool, rounds, signin, users, vacancies
from services.web.audit_lists import router as audit_lists_router
from services.web.audit_reports import router as audit_reports_router
from services.web.audit_talent import router as audit_talent_router
from services.web.frame import HERE, handle_page_errors
from services.web.import_jobs import ImportJobs
from services.web.imports import router as imports_router
from services.web.round_report import router as round_report_router
from services.web.session import Sessions
from services.web.settings import WebSettings

__all__ = ["WebSettings", "mount_web"]


def mount_web(api: FastAPI, settings: WebSettings | None = None) -> None:
    """Adds the pages to the API's app, which keeps the application context they read."""
    api.state.web_sessions = Sessions(settings or WebSettings.from_env())
    api.state.import_jobs = ImportJobs()
    api.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    modules = (signin, home, employees, rounds, pool, vacancies, auditor, users)
    routers = [module.router for module in modules]
    routers.append(imports_router)
    routers += [audit_talent_router, audit_lists_router, audit_reports_router, round_report_router]
    for router in routers:
        api.include_router(router)
    handle_page_errors(api, [route for router in routers for route in router.routes])
