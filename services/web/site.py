"""The site: every page of the web interface mounted on the API's app."""

from __future__ import annotations

from types import ModuleType

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from services.importing.jobs import job_store
from services.web import (
    acquisition,
    audit_lists,
    audit_reports,
    audit_talent,
    auditor,
    coverage,
    development,
    employees,
    expiry,
    home,
    imports,
    mapping,
    monitoring,
    ninebox,
    placement,
    pool,
    retention,
    round_report,
    rounds,
    signin,
    succession,
    talent_search,
    users,
    vacancies,
)
from services.web.frame import HERE, handle_page_errors
from services.web.import_jobs import ImportJobs
from services.web.session import Sessions
from services.web.settings import WebSettings


def mount_web(api: FastAPI, settings: WebSettings | None = None) -> None:
    """Adds the pages to the API's app, which keeps the application context they read."""
    api.state.web_sessions = Sessions(settings or WebSettings.from_env())
    api.state.import_jobs = ImportJobs(job_store(api.state.context.app))
    api.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    modules: tuple[ModuleType, ...] = (signin, home, employees, rounds, pool, vacancies, auditor)
    modules += (users, acquisition, mapping, ninebox, succession, coverage)
    modules += (development, retention, placement, monitoring, expiry, imports)
    modules += (audit_talent, audit_lists, audit_reports, round_report)
    modules += (talent_search,)
    for module in modules:
        api.include_router(module.router)
    handle_page_errors(api, [route for module in modules for route in module.router.routes])
