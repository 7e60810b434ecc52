"""Re-judging a scouting round's six stages (madiun-2021 P11-19): each recorded step run again
through the round's own command on a copy of the round as it stood before it; the selection
judged again by the pack's eligibility check on the personnel record as it stood then, with the
readings the step recorded. Each judge returns the copy, so what the command would have recorded
can be compared with what was recorded (``compliance_derived``)."""

from __future__ import annotations

from collections.abc import Callable
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


def _rerun(step: Callable[[ScoutingRound, Any, Envelope], object]) -> Judge:
    """A judge running one of the round's commands again on the copy, with the event's data."""

    def judge(
        event: Any, shadows: Shadows, pack: RulePack, stamp: Envelope
    ) -> ScoutingRound | None:
        scouting = _round(event, shadows)
        if scouting is not None:
            step(scouting, event, stamp)
        return scouting

    return judge


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
    announced = scouting.schedule.announcement
    result = check(facts, scouting.level, on, scouting.agency, pack=pack, announced=announced)
    scouting.select_administratively(event.nip, result, event.documents_complete, stamp, pack)
    return scouting


def verified(
    event: ScoutingRound.DocumentsVerified, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> ScoutingRound | None:
    scouting = _round(event, shadows)
    if scouting is not None:
        scouting.verify_documents(event.nip, stamp, pack)
    return scouting


JUDGES: dict[type[Any], tuple[Judge, ...]] = {
    ScoutingRound.Opened: (opened,),
    ScoutingRound.Published: (_rerun(lambda r, e, s: r.publish(e.circular_number, e.website, s)),),
    ScoutingRound.Registered: (registered,),
    ScoutingRound.Recommended: (_rerun(lambda r, e, s: r.recommend(e.nip, s)),),
    ScoutingRound.DocumentsVerified: (verified,),
    ScoutingRound.RegistrationClosed: (
        _rerun(lambda r, e, s: r.close_registration(e.closed_on, s)),
    ),
    ScoutingRound.AdministrativelySelected: (selected,),
    ScoutingRound.AdministrativeResultsAnnounced: (
        _rerun(lambda r, e, s: r.announce_administrative_results(s)),
    ),
    ScoutingRound.PotentialAssessed: (
        _rerun(lambda r, e, s: r.record_potential(e.nip, e.score, s)),
    ),
    ScoutingRound.TechnicalAssessed: (
        _rerun(lambda r, e, s: r.record_technical(e.nip, e.score, s)),
    ),
    ScoutingRound.ResultsFinalised: (_rerun(lambda r, e, s: r.finalise(s)),),
    ScoutingRound.ReportedToMayor: (_rerun(lambda r, e, s: r.report_to_mayor(e.report_number, s)),),
}
