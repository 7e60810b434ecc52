"""The audit answer for a nomination (binjai-2023 P22, balikpapan-2022 P16): who nominated whom
to which target position, when, why, on what evidence, under which rule and reading, and the
nominee's nine-box state at that moment."""

from __future__ import annotations

from uuid import UUID

from pydantic import BaseModel

from domain.envelope import Actor
from domain.rules.registry import pack_in_force
from domain.talent.mapping import Assessment, TalentProfile, profile_id
from domain.talent.succession import SuccessionPlan
from services.agency_bounds import bounded
from services.application import NotFound, Talenta
from services.audit.events import AuditEvent
from services.audit.timeline import ensure_reader
from services.auth import same_agency


class NominationAudit(BaseModel):
    plan_id: UUID
    agency: str
    target_position: str
    target_unit: str
    pack: str
    regulation: str
    nip: str
    nomination: AuditEvent
    assessment_at_the_time: Assessment  # the nine-box placement the nomination rested on
    assessment_events: list[AuditEvent]  # every assessment of the nominee, superseded ones too
    plan_timeline: list[AuditEvent]


@bounded
def audit_nomination(app: Talenta, plan_id: UUID, nip: str, actor: Actor) -> NominationAudit:
    ensure_reader(actor)
    plan: SuccessionPlan = app.find(plan_id, "rencana suksesi", "succession plan")
    same_agency(actor, plan.agency)
    timeline = list(app.repository.event_store.get(plan.id))
    nominated = next(
        (e for e in timeline if isinstance(e, SuccessionPlan.Nominated) and e.nip == nip), None
    )
    if nominated is None:
        raise NotFound(f"NIP {nip} tidak dinominasikan", f"NIP {nip} was not nominated")
    profile: TalentProfile = app.find(
        profile_id(plan.agency, nip), "profil talenta", "talent profile"
    )
    at_the_time = next(a for a in profile.assessments if a.ref == nominated.assessment)
    pack = pack_in_force(plan.agency, plan.nominations[nip].nominated_on)
    return NominationAudit(
        plan_id=plan.id,
        agency=plan.agency,
        target_position=plan.position,
        target_unit=plan.unit,
        pack=pack.id,
        regulation=pack.regulation,
        nip=nip,
        nomination=AuditEvent.of(nominated),
        assessment_at_the_time=at_the_time,
        assessment_events=[
            AuditEvent.of(e)
            for e in app.repository.event_store.get(profile.id)
            if isinstance(e, TalentProfile.Assessed)
        ],
        plan_timeline=[AuditEvent.of(e) for e in timeline],
    )
