"""The compliance replay over HTTP: every breach among an agency's recorded decisions, for its
auditors and administrators."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import AwareDatetime

from services.api.auth import CurrentActor
from services.api.context import Ctx
from services.audit.compliance import ComplianceQuery, compliance_report
from services.audit.compliance_models import ComplianceReport

router = APIRouter(prefix="/audit", tags=["audit"])


@router.get("/compliance")
def compliance(
    ctx: Ctx,
    actor: CurrentActor,
    agency: str | None = None,
    as_of: AwareDatetime | None = None,
) -> ComplianceReport:
    """Replays the whole log and re-judges each of the agency's decisions (default: the
    reader's own) under the pack in force on its effective date; ``as_of`` (default now) is
    the moment the clocks' deadlines are judged against (roles: auditor, administrator). The
    process's kept replay is brought up to the log's head first, so the answer is a fresh
    replay's."""
    query = ComplianceQuery(agency=agency or actor.agency, as_of=as_of)
    return compliance_report(ctx.app, query, actor, ctx.compliance, fresh=True)
