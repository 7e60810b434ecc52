"""The one place that turns each reminder event into a notice: the agency, the clock, whom it
concerns, the deadline and lead, the roles who must act with the citation that makes it their
task, and the text in Indonesian and English.

A composer reads the reminder event and its aggregate as of that event, so a notice composed
again later (a retried activity) says the same.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.utils import get_topic
from pydantic import BaseModel

from domain.envelope import Envelope, Role
from domain.rules.madiun import PACK as MADIUN
from domain.scouting.candidate import AssessmentStage
from domain.scouting.mutation import TenureReview
from domain.scouting.pool import PoolMembership
from domain.scouting.round import ScoutingRound
from domain.talent.monitoring import Monitoring
from domain.talent.retention import Award
from services.application import Talenta
from services.permissions import roles_of
from services.scouting import rounds, vacancies
from services.scouting.mutations import decide_tenure
from services.settings import ClockKind
from services.talent.monitoring import evaluate_monitoring, record_check_in
from services.talent.retention import award


class NoticeDraft(BaseModel):
    agency: str
    kind: ClockKind
    subject: str
    deadline: date
    lead_days: int
    roles: list[Role]
    citations: list[str]
    text_id: str
    text_en: str


Composer = Callable[[Any, Any], NoticeDraft]


def _roles(*handlers: Callable[..., Any]) -> list[Role]:
    """Who must act: the roles that may take the step the deadline waits for."""
    return sorted({role for handler in handlers for role in roles_of(handler)})


def _citations(event: Any, *fallback: str) -> list[str]:
    cited = Envelope.from_event(event.envelope).basis.citations
    return list(cited or fallback)


def _lead(key: str) -> int:
    """``…-<n>d`` ahead of the deadline; an overdue reminder (``overdue-<n>d``) is after it."""
    days = int(key.rsplit("-", 1)[1].removesuffix("d"))
    return -days if key.startswith("overdue-") else days


def _when(lead: int) -> tuple[str, str]:
    if lead > 0:
        return f"{lead} hari lagi", f"in {lead} days"
    if lead < 0:
        return f"lewat {-lead} hari", f"{-lead} days overdue"
    return "hari ini", "today"


def pool_entry(event: PoolMembership.ExpiryReminderSent, pool: PoolMembership) -> NoticeDraft:
    entry = pool.entry(event.entry_id)
    when_id, when_en = _when(event.lead_days)
    return NoticeDraft(
        agency=entry.agency,
        kind=ClockKind.POOL_ENTRY,
        subject=entry.nip,
        deadline=entry.expires_on,
        lead_days=event.lead_days,
        roles=_roles(vacancies.propose_candidate, vacancies.pick),
        citations=_citations(event, MADIUN.cite("P22(1)")),
        text_id=f"Entri Talent Pool NIP {entry.nip} ({entry.level}, keputusan "
        f"{entry.decree_number}) berakhir {entry.expires_on} ({when_id}).",
        text_en=f"The talent pool entry of NIP {entry.nip} ({entry.level}, decree "
        f"{entry.decree_number}) expires on {entry.expires_on} ({when_en}).",
    )


def tenure(event: TenureReview.TenureReminderSent, review: TenureReview) -> NoticeDraft:
    when_id, when_en = _when(event.lead_days)
    return NoticeDraft(
        agency=review.agency,
        kind=ClockKind.TENURE,
        subject=review.nip,
        deadline=review.due_on,
        lead_days=event.lead_days,
        roles=_roles(decide_tenure),
        citations=_citations(event, MADIUN.cite("P25(3)")),
        text_id=f"Peninjauan 5 tahun jabatan {review.position} NIP {review.nip} jatuh tempo "
        f"{review.due_on} ({when_id}): perpanjangan diputuskan Wali Kota.",
        text_en=f"The 5-year tenure review of NIP {review.nip} in {review.position} falls due on "
        f"{review.due_on} ({when_en}): the mayor decides the extension.",
    )


def pin(event: Award.PinReminderSent, found: Award) -> NoticeDraft:
    when_id, when_en = _when(event.lead_days)
    expires = found.expires_on or found.decree_date
    return NoticeDraft(
        agency=found.agency,
        kind=ClockKind.PIN,
        subject=found.nip,
        deadline=expires,
        lead_days=event.lead_days,
        roles=_roles(award),
        citations=_citations(event),
        text_id=f"Pin NIP {found.nip} (keputusan {found.decree_number}) berakhir {expires} "
        f"({when_id}).",
        text_en=f"The pin of NIP {found.nip} (decree {found.decree_number}) expires on "
        f"{expires} ({when_en}).",
    )


def check_in(event: Monitoring.CheckInReminderSent, monitoring: Monitoring) -> NoticeDraft:
    year = int(event.key.split("-")[2])  # check-in-<year>-<lead>d
    lead = _lead(event.key)
    due = monitoring.check_ins[year - 1]
    when_id, when_en = _when(lead)
    return NoticeDraft(
        agency=monitoring.agency,
        kind=ClockKind.CHECK_IN,
        subject=monitoring.nip,
        deadline=due,
        lead_days=lead,
        roles=_roles(record_check_in),
        citations=_citations(event),
        text_id=f"Pemantauan tahun ke-{year} NIP {monitoring.nip} jatuh tempo {due} ({when_id}).",
        text_en=f"The year-{year} monitoring check-in of NIP {monitoring.nip} falls due on "
        f"{due} ({when_en}).",
    )


def evaluation(event: Monitoring.EvaluationReminderSent, monitoring: Monitoring) -> NoticeDraft:
    lead = _lead(event.key)
    due = monitoring.evaluation_due
    when_id, when_en = _when(lead)
    return NoticeDraft(
        agency=monitoring.agency,
        kind=ClockKind.EVALUATION,
        subject=monitoring.nip,
        deadline=due,
        lead_days=lead,
        roles=_roles(evaluate_monitoring),
        citations=_citations(event),
        text_id=f"Evaluasi akhir pemantauan NIP {monitoring.nip} jatuh tempo {due} ({when_id}).",
        text_en=f"The final monitoring evaluation of NIP {monitoring.nip} falls due on {due} "
        f"({when_en}).",
    )


def assessment(event: ScoutingRound.ReminderSent, scouting: ScoutingRound) -> NoticeDraft:
    stage = AssessmentStage(event.key.removeprefix("remind-").rsplit("-", 1)[0])
    potential = stage is AssessmentStage.POTENTIAL
    day = (
        scouting.schedule.potential_assessment
        if potential
        else (scouting.schedule.technical_assessment)
    )
    lead = _lead(event.key)
    when_id, when_en = _when(lead)
    nips = ", ".join(event.nips)
    stage_id = "potensi" if potential else "kompetensi teknis"
    return NoticeDraft(
        agency=scouting.agency,
        kind=ClockKind.ASSESSMENT,
        subject=scouting.name,
        deadline=day,
        lead_days=lead,
        roles=_roles(rounds.record_potential if potential else rounds.record_technical),
        citations=_citations(event, MADIUN.cite("P15" if potential else "P16")),
        text_id=f"Penilaian {stage_id} {scouting.name} pada {day} ({when_id}); belum ada nilai "
        f"untuk NIP {nips}.",
        text_en=f"The {stage} assessment of {scouting.name} is on {day} ({when_en}); still "
        f"without a score: NIP {nips}.",
    )


COMPOSERS: dict[str, Composer] = {
    get_topic(PoolMembership.ExpiryReminderSent): pool_entry,
    get_topic(TenureReview.TenureReminderSent): tenure,
    get_topic(Award.PinReminderSent): pin,
    get_topic(Monitoring.CheckInReminderSent): check_in,
    get_topic(Monitoring.EvaluationReminderSent): evaluation,
    get_topic(ScoutingRound.ReminderSent): assessment,
}
# Every reminder event the clocks record: the relay starts a delivery for each.
REMINDER_TOPICS = tuple(COMPOSERS)


def compose(app: Talenta, reminder_id: UUID, version: int) -> NoticeDraft:
    """The notice of the reminder event ``reminder_id`` recorded at ``version``."""
    (found,) = app.events.get(reminder_id, gt=version - 1, lte=version)
    composer = COMPOSERS.get(get_topic(type(found)))
    if composer is None:
        raise LookupError(f"{reminder_id}/{version} is not a reminder")
    return composer(found, app.repository.get(reminder_id, version=version))
