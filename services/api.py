"""The HTTP API (OpenAPI at /openapi.json)."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from domain.personnel.facts import PersonnelFacts
from domain.rules.core import Message, RuleRefusal
from domain.rules.ninebox import NineBoxPlacement, Performance, Potential
from domain.rules.registry import pack_for, pack_in_force
from domain.values import InvalidValue, PositionLevel
from projections.directory import DirectoryRow, DirectoryView
from services.application import EmployeeNotFound, Talenta
from services.eligibility import EmployeeEligibility, check_scouting


class ScoutingCheck(BaseModel):
    level: PositionLevel
    on: date
    nips: list[str] = []  # empty: every employee of the agency


def create_api(app: Talenta, directory: DirectoryView) -> FastAPI:
    api = FastAPI(title="Talenta", version="0.1.0")

    @api.exception_handler(EmployeeNotFound)
    async def _not_found(request: Request, error: EmployeeNotFound) -> JSONResponse:
        return refusal(404, "employee-not-found", str(error))

    @api.exception_handler(InvalidValue)
    async def _invalid(request: Request, error: InvalidValue) -> JSONResponse:
        return refusal(422, "invalid-value", str(error))

    @api.exception_handler(RuleRefusal)
    async def _refused(request: Request, error: RuleRefusal) -> JSONResponse:
        return refusal(422, error.code, error.message, error.citation or "")

    @api.get("/health")
    def health() -> dict[str, Any]:
        return {"status": "ok", "events": app.recorder.max_notification_id() or 0}

    @api.get("/agencies/{agency}/employees")
    def employees(agency: str, unit: str | None = None) -> list[DirectoryRow]:
        return directory.rows(agency, unit)

    @api.get("/employees/{nip}")
    def employee(nip: str) -> PersonnelFacts:
        return app.facts(nip)

    @api.post("/agencies/{agency}/scouting-eligibility")
    def scouting_eligibility(agency: str, check: ScoutingCheck) -> list[EmployeeEligibility]:
        nips = check.nips or [row.nip for row in directory.rows(agency)]
        return check_scouting([app.facts(nip) for nip in nips], agency, check.level, check.on)

    @api.get("/packs/{pack}/ninebox")
    def ninebox(
        pack: str, performance: Performance, potential: Potential, on: date | None = None
    ) -> NineBoxPlacement:
        rules = pack_in_force(pack, on) if on else pack_for(pack)
        return rules.place(performance, potential)

    return api


def refusal(status: int, code: str, message: str | Message, citation: str = "") -> JSONResponse:
    """Every refusal: a machine-readable code, the message in Indonesian and English, and the
    rule it rests on."""
    if isinstance(message, Message):
        indonesian, english = message.id, message.en
    else:
        indonesian, _, english = message.partition(" / ")
    body = {
        "code": code,
        "message": indonesian,
        "message_en": english or indonesian,
        "citation": citation,  # empty when the refusal rests on no article (e.g. not found)
    }
    return JSONResponse(status_code=status, content=body)
