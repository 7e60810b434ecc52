"""Re-judging the steps that follow an appointment or a mapping: the mutation and the 5-year
tenure review (madiun-2021 P25-26), performance counselling (Binjai P27(2)) and the monitoring of
a placed successor (Binjai P33, Balikpapan P25), each run again through its aggregate's command
on a copy of the aggregate as it stood before the step."""

from __future__ import annotations

from typing import Any

from domain.envelope import Envelope
from domain.rules.cycle import MonitoringOutcome
from domain.rules.pack import RulePack
from domain.scouting.mutation import Mutation, TenureReview
from domain.scouting.tpk import TpkSession
from domain.talent.development import DevelopmentRecord
from domain.talent.monitoring import Monitoring
from services.audit.compliance_state import Judge, Shadows


def mutation_recommended(
    event: Mutation.MutationRecommended, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> None:
    mutation = shadows.copy_of(event.originator_id, Mutation)
    if mutation is not None:
        session = TpkSession.model_validate(event.session)
        mutation.recommend(session, event.recommended, event.note, stamp)


def mutation_decided(
    event: Mutation.MutationDecided, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> None:
    mutation = shadows.copy_of(event.originator_id, Mutation)
    if mutation is not None:
        mutation.decide(event.approved, event.decree_number, event.decree_date, stamp)


def tenure_decided(
    event: TenureReview.TenureDecided, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> None:
    review = shadows.copy_of(event.originator_id, TenureReview)
    if review is not None:
        review.decide(event.extend, event.decree_number, event.decree_date, stamp)


def counselled(
    event: DevelopmentRecord.Counselled, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> None:
    """On the box the employee's profile held on the day, as the handler looks it up."""
    record = shadows.copy_of(event.originator_id, DevelopmentRecord)
    if record is not None:
        held = shadows.assessment_on(record.agency, record.nip, stamp.effective)
        record.counsel(held.box if held is not None else None, event.notes, pack, stamp)


def checked_in(
    event: Monitoring.CheckInRecorded, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> None:
    monitoring = shadows.copy_of(event.originator_id, Monitoring)
    if monitoring is not None and pack.cycle is not None:
        monitoring.record_check_in(event.year, event.notes, pack.cycle, stamp)


def evaluated(
    event: Monitoring.Evaluated, shadows: Shadows, pack: RulePack, stamp: Envelope
) -> None:
    monitoring = shadows.copy_of(event.originator_id, Monitoring)
    if monitoring is not None and pack.cycle is not None:
        outcome = MonitoringOutcome(event.outcome)
        monitoring.evaluate(outcome, event.notes, pack.cycle, stamp)


JUDGES: dict[type[Any], tuple[Judge, ...]] = {
    Mutation.MutationRecommended: (mutation_recommended,),
    Mutation.MutationDecided: (mutation_decided,),
    TenureReview.TenureDecided: (tenure_decided,),
    DevelopmentRecord.Counselled: (counselled,),
    Monitoring.CheckInRecorded: (checked_in,),
    Monitoring.Evaluated: (evaluated,),
}
