"""Re-judging a scouting round's six stages (madiun-2021 P11-19): each recorded step run again
through the round's own command on a copy of the round as it stood before it; the selection
judged again by the pack's eligibility check on the personnel record as it stood then, with the
readings the step recorded. Each judge returns the copy, so what the command would have recorded
can be compared with what was recorded (``compliance_derived``)."""

from __future__ import annotations

from typing import Any

from domain.envelope import DocumentRef, Envelope
from domain.rules.pack import RulePack
from domain.scouting.plan import Announcement, Schedule
from domain.scouting.pool import PoolMembership, membership_id
from domain.scouting.round import ScoutingRound
from services.audit.compliance_state import Judge, Shadows
from services.eligibility import SCOUTING


def _round(event: Any, shadows: Shadows) -> ScoutingRound | None:
    return shadows.copy_of(event.originator_id, ScoutingRound)


def opened(
    event: ScoutingRound.Opened, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> ScoutingRound:
    return ScoutingRound.open(
        event.agency,
        event.level,
        event.name,
        Schedule.model_validate(event.schedule),
        Announcement.model_validate(event.announcement),
        stamp,
    )


def published(
    event: ScoutingRound.Published, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> ScoutingRound | None:
    scouting = _round(event, shadows)
    if scouting is not None:
        scouting.publish(event.circular_number, event.website, stamp)
    return scouting


def registered(
    event: ScoutingRound.Registered, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> ScoutingRound | None:
    scouting = _round(event, shadows)
    if scouting is None:
        return None
    membership = shadows.get(membership_id(event.nip, scouting.level), PoolMembership)
    in_pool = membership is not None and membership.valid_on(stamp.effective)
    documents = [DocumentRef.model_validate(each) for each in event.documents]
    scouting.register(event.nip, event.channel, documents, in_pool, stamp)
    return scouting


def recommended(
    event: ScoutingRound.Recommended, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> ScoutingRound | None:
    scouting = _round(event, shadows)
    if scouting is not None:
        scouting.recommend(event.nip, stamp)
    return scouting


def verified(
    event: ScoutingRound.DocumentsVerified, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> ScoutingRound | None:
    scouting = _round(event, shadows)
    if scouting is not None:
        scouting.verify_documents(event.nip, stamp)
    return scouting


def closed(
    event: ScoutingRound.RegistrationClosed, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> ScoutingRound | None:
    scouting = _round(event, shadows)
    if scouting is not None:
        scouting.close_registration(event.closed_on, stamp)
    return scouting


def selected(
    event: ScoutingRound.AdministrativelySelected,
    shadows: Shadows,
    pack: RulePack,
    stamp: Envelope,
) -> ScoutingRound | None:
    """On the round's registration closing date (reading D4), as the handler judges it."""
    scouting = _round(event, shadows)
    facts = shadows.facts(event.nip)
    check = SCOUTING.get(pack.id)
    if scouting is None or facts is None or check is None:
        return None
    on = scouting.registration_closes
    result = check(facts, scouting.level, on, scouting.agency, pack=pack)
    scouting.select_administratively(event.nip, result, event.documents_complete, stamp)
    return scouting


def announced(
    event: ScoutingRound.AdministrativeResultsAnnounced,
    shadows: Shadows,
    pack: RulePack,
    stamp: Envelope,
) -> ScoutingRound | None:
    scouting = _round(event, shadows)
    if scouting is not None:
        scouting.announce_administrative_results(stamp)
    return scouting


def potential(
    event: ScoutingRound.PotentialAssessed, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> ScoutingRound | None:
    scouting = _round(event, shadows)
    if scouting is not None:
        scouting.record_potential(event.nip, event.score, stamp)
    return scouting


def technical(
    event: ScoutingRound.TechnicalAssessed, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> ScoutingRound | None:
    scouting = _round(event, shadows)
    if scouting is not None:
        scouting.record_technical(event.nip, event.score, stamp)
    return scouting


def finalised(
    event: ScoutingRound.ResultsFinalised, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> ScoutingRound | None:
    scouting = _round(event, shadows)
    if scouting is not None:
        scouting.finalise(stamp)
    return scouting


def reported(
    event: ScoutingRound.ReportedToMayor, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> ScoutingRound | None:
    scouting = _round(event, shadows)
    if scouting is not None:
        scouting.report_to_mayor(event.report_number, stamp)
    return scouting


JUDGES: dict[type[Any], tuple[Judge, ...]] = {
    ScoutingRound.Opened: (opened,),
    ScoutingRound.Published: (published,),
    ScoutingRound.Registered: (registered,),
    ScoutingRound.Recommended: (recommended,),
    ScoutingRound.DocumentsVerified: (verified,),
    ScoutingRound.RegistrationClosed: (closed,),
    ScoutingRound.AdministrativelySelected: (selected,),
    ScoutingRound.AdministrativeResultsAnnounced: (announced,),
    ScoutingRound.PotentialAssessed: (potential,),
    ScoutingRound.TechnicalAssessed: (technical,),
    ScoutingRound.ResultsFinalised: (finalised,),
    ScoutingRound.ReportedToMayor: (reported,),
}
