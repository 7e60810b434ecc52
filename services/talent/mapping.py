"""Assessment and mapping commands (Binjai P17-21, Balikpapan P13-15): record an employee's
assessment on the nine-box, open and close a mapping campaign, read its progress and box-9 talents.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from domain.envelope import Actor, DocumentRef, Evidence, Role
from domain.rules.ninebox import Performance, Potential
from domain.talent.campaign import MappingCampaign, Progress
from domain.talent.mapping import Assessment, TalentProfile
from domain.talent.refusals import CAMPAIGN, MAPPING
from domain.values import PositionLevel
from projections.directory import DirectoryView
from services.application import Talenta
from services.auth import same_agency
from services.commands import Command, FreeForm, Name, NipText, Reason, RequiredName
from services.envelopes import envelope
from services.permissions import allowed
from services.talent.boxes import profile_of
from services.talent.common import cycle_pack

MAPS = (Role.CASEWORKER, Role.TALENT_TEAM)


class ExternalSource(Command):
    """Where an external candidate comes from (Binjai P17: internal or external ASN; Balikpapan
    P13(1)), as the agency's own evidence says: their profile is the agency's own, and no other
    agency's record is read or written for it."""

    origin: RequiredName  # e.g. "Pemerintah Provinsi Sumatera Utara"
    documents: tuple[DocumentRef, ...] = Field(min_length=1)  # e.g. the origin's letter


class AssessEmployee(Command):
    agency: RequiredName
    nip: NipText
    period: Name
    assessed_on: date
    performance: Performance
    potential: Potential
    # Top-level keys: assessment_centre, competency_test, track_record, other; parts free-form.
    evidence: FreeForm
    unit: Name = ""  # default: the employee's unit in the personnel record
    level: PositionLevel | None = None  # default: the position held on the assessment date
    documents: tuple[DocumentRef, ...] = ()
    reason: Reason = ""
    # An external candidate: unit and level are then given, not read from a personnel record.
    external: ExternalSource | None = None


class OpenCampaign(Command):
    agency: RequiredName
    unit: Name = ""  # "" maps the whole agency
    period: Name
    opened_on: date
    # The employees mapped. Each entry point names, for a request naming no one, the active
    # employees the directory lists (``directory_scope``); the handler reads no read model.
    nips: tuple[NipText, ...] = ()
    reason: Reason = ""


class CloseCampaign(Command):
    campaign_id: UUID
    closed_on: date
    reason: Reason = ""


class CampaignReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    campaign_id: UUID
    agency: str
    unit: str
    period: str
    progress: Progress
    top_talents: dict[str, tuple[str, ...]]  # unit -> box-9 NIPs


@allowed(Role.ASSESSOR, Role.TALENT_TEAM)
def assess_employee(app: Talenta, command: AssessEmployee, actor: Actor) -> Assessment:
    same_agency(actor, command.agency)
    on = command.assessed_on
    pack, cycle = cycle_pack(command.agency, on)
    # PNS, CPNS and PPPK alike (Binjai P17, Balikpapan P13(1)): the agency's own employee, active
    # and holding a position, or an external candidate on the agency's own evidence.
    unit, level = (
        _external(app, command, cycle.candidates_citation)
        if command.external
        else _internal(app, command, cycle.candidates_citation)
    )
    grid = pack.nine_box
    stamp = envelope(
        actor,
        on,
        pack,
        cycle.assessment_citation,
        *((grid.grid_citation, grid.recommendations_citation) if grid else ()),
        readings=pack.nine_box_readings,
        reason=command.reason,
        evidence=Evidence(
            documents=command.documents + (command.external.documents if command.external else ())
        ),
    )
    source = command.external.model_dump(mode="json") if command.external else None
    profile = profile_of(app, command.agency, command.nip) or TalentProfile.start(
        command.agency, command.nip, stamp, source
    )
    assessment = profile.assess(
        unit,
        level,
        command.period,
        command.performance,
        command.potential,
        command.evidence,
        pack,
        stamp,
    )
    app.save(profile)
    return assessment


def _internal(app: Talenta, command: AssessEmployee, citation: str) -> tuple[str, PositionLevel]:
    facts = app.facts(command.nip)
    on = command.assessed_on
    held = facts.position_on(on)
    level = command.level or (held.level if held else None)
    if not facts.active or level is None:
        raise MAPPING.refused("not-assessable", citation, nip=command.nip, on=on)
    return command.unit or facts.unit, level


def _external(app: Talenta, command: AssessEmployee, citation: str) -> tuple[str, PositionLevel]:
    """The unit and level an external candidate is assessed for. The agency's own employee is
    assessed from their record, never as external; whether another agency employs the NIP is
    neither asked nor told."""
    try:
        app.employee(command.nip)
    except LookupError:  # not the agency's: another's or nobody's, alike
        pass
    else:
        raise MAPPING.refused("not-external", citation, nip=command.nip)
    if not command.unit or command.level is None:
        raise MAPPING.refused("external-unit-and-level", citation)
    return command.unit, command.level


def directory_scope(command: OpenCampaign, directory: DirectoryView) -> OpenCampaign:
    """``command``, naming, when it names no one, the active employees ``directory`` lists for
    its agency (and unit)."""
    if command.nips:
        return command
    rows = directory.rows(command.agency, command.unit or None)
    return command.model_copy(update={"nips": tuple(row.nip for row in rows if row.active)})


@allowed(*MAPS)
def open_campaign(app: Talenta, command: OpenCampaign, actor: Actor) -> UUID:
    same_agency(actor, command.agency)
    pack, cycle = cycle_pack(command.agency, command.opened_on)
    scope = list(command.nips)
    stamp = envelope(actor, command.opened_on, pack, reason=command.reason)
    campaign = MappingCampaign.open(
        command.agency, command.unit, command.period, scope, pack, stamp
    )
    if campaign.id in app.repository:
        raise CAMPAIGN.refused(
            "campaign-exists",
            cycle.assessment_citation,
            scope=command.unit or command.agency,
            period=command.period,
        )
    app.save(campaign)
    return campaign.id


def _campaign(app: Talenta, campaign_id: UUID, actor: Actor) -> MappingCampaign:
    found: MappingCampaign = app.find(campaign_id, "pemetaan", "mapping campaign")
    same_agency(actor, found.agency)
    return found


@allowed(*MAPS)
def close_campaign(app: Talenta, command: CloseCampaign, actor: Actor) -> None:
    campaign = _campaign(app, command.campaign_id, actor)
    pack, _ = cycle_pack(campaign.agency, command.closed_on)
    stamp = envelope(actor, command.closed_on, pack, reason=command.reason)
    campaign.close(command.closed_on, pack, stamp)
    app.save(campaign)


@allowed(*MAPS, Role.PPK, Role.AUDITOR)
def campaign_report(app: Talenta, campaign_id: UUID, actor: Actor) -> CampaignReport:
    campaign = _campaign(app, campaign_id, actor)
    found: dict[str, Assessment | None] = {}
    for nip in campaign.scope:
        profile = profile_of(app, campaign.agency, nip)
        found[nip] = profile.current_for(campaign.period) if profile else None
    return CampaignReport(
        campaign_id=campaign.id,
        agency=campaign.agency,
        unit=campaign.unit,
        period=campaign.period,
        progress=campaign.progress(found),
        top_talents=campaign.top_talents(found),
    )
