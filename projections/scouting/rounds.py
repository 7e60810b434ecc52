"""The round board: one document per scouting round, its candidates by NIP with their results."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import singledispatch
from uuid import UUID

from eventsourcing.persistence import Tracking
from eventsourcing.utils import get_topic
from pydantic import BaseModel, computed_field

from domain.rules.madiun_scoring import Category
from domain.scouting.candidate import (
    Candidate,
    Channel,
    FinalResult,
    Stage,
    administrative_failures,
)
from domain.scouting.guards import PoolDecree
from domain.scouting.plan import Schedule
from domain.scouting.round import ScoutingRound
from domain.values import PositionLevel
from projections.documents import DocumentView
from projections.documents.models import find, load, save

ROUNDS = "rounds"


class FailedRequirement(BaseModel):
    code: str
    citation: str


class AdministrativeResult(BaseModel):
    passed: bool
    documents_complete: bool
    failed: list[FailedRequirement]


class PotentialResult(BaseModel):
    score: Decimal
    category: Category
    proceeds: bool


class FinalScore(BaseModel):
    score: Decimal
    category: Category
    passed: bool


class CandidateRow(BaseModel):
    nip: str
    channel: Channel
    registered_on: date
    recommended: bool = False
    verified: bool = False
    administrative: AdministrativeResult | None = None
    potential: PotentialResult | None = None
    technical: Decimal | None = None
    final: FinalScore | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def stage(self) -> Stage:
        """Judged by the domain's own rule, so the board never disagrees with the round."""
        admin, potential, final = self.administrative, self.potential, self.final
        return Candidate(
            nip=self.nip,
            channel=self.channel,
            documents=(),
            registered_on=self.registered_on,
            verified=self.verified,
            administrative_passed=admin.passed if admin else None,
            potential=potential.score if potential else None,
            category=potential.category if potential else None,
            proceeds=potential.proceeds if potential else None,
            technical=self.technical,
            result=FinalResult(final.score, final.category, final.passed) if final else None,
        ).stage


class Publication(BaseModel):
    circular_number: str
    website: str


class RoundHeader(BaseModel):
    round_id: UUID
    agency: str
    level: PositionLevel
    name: str
    schedule: Schedule
    published: Publication | None = None
    registration_closed_on: date | None = None
    administrative_results_announced: bool = False
    finalised: bool = False
    report_number: str = ""
    pool_decree: PoolDecree | None = None


class RoundDocument(RoundHeader):
    candidates: dict[str, CandidateRow] = {}
    # Reminder key -> the NIPs it named.
    reminders: dict[str, list[str]] = {}


class RoundSummary(RoundHeader):
    counts: dict[Stage, int]


class RoundBoard(RoundHeader):
    # Every stage in the order of the procedure, empty ones included, candidates by NIP.
    stages: dict[Stage, list[CandidateRow]]
    reminders: dict[str, list[str]]


def round_board(view: DocumentView, round_id: UUID) -> RoundBoard | None:
    stored = find(view, ROUNDS, round_id, RoundDocument)
    if stored is None:
        return None
    stages: dict[Stage, list[CandidateRow]] = {stage: [] for stage in Stage}
    for nip in sorted(stored.candidates):
        candidate = stored.candidates[nip]
        stages[candidate.stage].append(candidate)
    header = stored.model_dump(exclude={"candidates", "reminders"})
    return RoundBoard(**header, stages=stages, reminders=stored.reminders)


def rounds(view: DocumentView, agency: str) -> list[RoundSummary]:
    summaries = []
    for document in view.list(ROUNDS, agency):
        stored = RoundDocument.model_validate(document)
        counts = {stage: 0 for stage in Stage}
        for candidate in stored.candidates.values():
            counts[candidate.stage] += 1
        header = stored.model_dump(exclude={"candidates", "reminders"})
        summaries.append(RoundSummary(**header, counts=counts))
    return sorted(summaries, key=lambda s: (s.schedule.announcement, s.name))


def project_round(view: DocumentView, event: ScoutingRound.Event, tracking: Tracking) -> None:
    if isinstance(event, ScoutingRound.Opened):
        document = RoundDocument(
            round_id=event.originator_id,
            agency=event.agency,
            level=PositionLevel(event.level),
            name=event.name,
            schedule=Schedule.model_validate(event.schedule),
        )
    else:
        document = load(view, ROUNDS, event.originator_id, RoundDocument)
        _change(event, document)
    save(view, ROUNDS, document.round_id, document.agency, document, tracking)


@singledispatch
def _change(event: ScoutingRound.Event, document: RoundDocument) -> None:
    raise TypeError(f"the round board does not follow {type(event).__qualname__}")


@_change.register
def _(event: ScoutingRound.Published, document: RoundDocument) -> None:
    document.published = Publication(circular_number=event.circular_number, website=event.website)


@_change.register
def _(event: ScoutingRound.Registered, document: RoundDocument) -> None:
    document.candidates[event.nip] = CandidateRow(
        nip=event.nip, channel=Channel(event.channel), registered_on=event.registered_on
    )


@_change.register
def _(event: ScoutingRound.Recommended, document: RoundDocument) -> None:
    document.candidates[event.nip].recommended = True


@_change.register
def _(event: ScoutingRound.DocumentsVerified, document: RoundDocument) -> None:
    document.candidates[event.nip].verified = True


@_change.register
def _(event: ScoutingRound.RegistrationClosed, document: RoundDocument) -> None:
    document.registration_closed_on = event.closed_on


@_change.register
def _(event: ScoutingRound.AdministrativelySelected, document: RoundDocument) -> None:
    # A correction records the selection again: the later event replaces the earlier result.
    document.candidates[event.nip].administrative = AdministrativeResult(
        passed=event.passed,
        documents_complete=event.documents_complete,
        failed=[
            FailedRequirement(code=code, citation=citation)
            for code, citation in administrative_failures(
                event.eligibility, event.documents_complete
            )
        ],
    )


@_change.register
def _(event: ScoutingRound.AdministrativeResultsAnnounced, document: RoundDocument) -> None:
    document.administrative_results_announced = True


@_change.register
def _(event: ScoutingRound.PotentialAssessed, document: RoundDocument) -> None:
    document.candidates[event.nip].potential = PotentialResult(
        score=Decimal(event.score), category=Category(event.category), proceeds=event.proceeds
    )


@_change.register
def _(event: ScoutingRound.TechnicalAssessed, document: RoundDocument) -> None:
    document.candidates[event.nip].technical = Decimal(event.score)


@_change.register
def _(event: ScoutingRound.ResultsFinalised, document: RoundDocument) -> None:
    for nip, result in event.results.items():
        document.candidates[nip].final = FinalScore(
            score=Decimal(result["final"]),
            category=Category(result["category"]),
            passed=result["passed"],
        )
    document.finalised = True


@_change.register
def _(event: ScoutingRound.ReportedToMayor, document: RoundDocument) -> None:
    document.report_number = event.report_number


@_change.register
def _(event: ScoutingRound.PoolDecreed, document: RoundDocument) -> None:
    document.pool_decree = PoolDecree(
        decree_number=event.decree_number, decree_date=event.decree_date
    )


@_change.register
def _(event: ScoutingRound.ReminderSent, document: RoundDocument) -> None:
    document.reminders[event.key] = list(event.nips)


ROUND_TOPICS = (
    get_topic(ScoutingRound.Opened),
    *(get_topic(cls) for cls in _change.registry if cls is not object),
)
