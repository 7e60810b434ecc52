"""The HTTP API (OpenAPI at /openapi.json)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from domain.personnel.facts import PersonnelFacts
from projections.directory import DirectoryRow, DirectoryView
from services.application import EmployeeNotFound, Talenta


def create_api(app: Talenta, directory: DirectoryView) -> FastAPI:
    api = FastAPI(title="Talenta", version="0.1.0")

    @api.exception_handler(EmployeeNotFound)
    async def _not_found(request: Request, error: EmployeeNotFound) -> JSONResponse:
        return refusal(404, "employee-not-found", str(error))

    @api.get("/health")
    def health() -> dict[str, Any]:
        return {"status": "ok", "events": app.recorder.max_notification_id() or 0}

    @api.get("/agencies/{agency}/employees")
    def employees(agency: str, unit: str | None = None) -> list[DirectoryRow]:
        return directory.rows(agency, unit)

    @api.get("/employees/{nip}")
    def employee(nip: str) -> PersonnelFacts:
        return app.facts(nip)

    return api


def refusal(status: int, code: str, message: str, citation: str = "") -> JSONResponse:
    """Every refusal: a machine-readable code, the bilingual message and the rule it rests on."""
    indonesian, _, english = message.partition(" / ")
    body = {"code": code, "message": indonesian, "message_en": english or indonesian}
    if citation:
        body["citation"] = citation
    return JSONResponse(status_code=status, content=body)
