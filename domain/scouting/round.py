"""One madiun-2021 talent scouting round: the six stages of P11-19 for one level of one agency.

Each command checks the stage order and either records one event or raises a ScoutingRefusal
citing the article it would break. Every event carries the caller's envelope with the articles
the step applies added to its basis, so the log cites the rule whoever built the envelope.
Scores are recorded as strings of Decimals; judging them is ``madiun_scoring``'s job.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.envelope import DocumentRef, Envelope
from domain.rules.core import EligibilityResult, ReadingId
from domain.rules.madiun import PACK
from domain.rules.madiun_scoring import Category, stage_four
from domain.rules.madiun_scoring import score as valid_score
from domain.rules.pack import RulePack
from domain.scouting.candidate import (
    AssessmentStage,
    Candidate,
    Channel,
    FinalResult,
    administrative_failures,
)
from domain.scouting.guards import PoolDecree
from domain.scouting.plan import Announcement, Schedule, ensure_openable
from domain.scouting.round_registration import Registration
from domain.scouting.round_result import Result
from domain.scouting.round_scoring import Scoring
from domain.scouting.round_selection import Selection
from domain.scouting.stamps import stamped
from domain.values import Nip, PositionLevel

_ROUND_IDS = uuid5(NAMESPACE_URL, "talenta:scouting-round")


def round_id(agency: str, level: str, name: str) -> UUID:
    return uuid5(_ROUND_IDS, f"{agency}/{level}/{name}")


class ScoutingRound(Registration, Selection, Scoring, Result, Aggregate):
    """The stages' checks and queries come from one class per stage, on the state the events
    below set (``domain.scouting.guards.RoundState``)."""

    class Opened(Aggregate.Created):
        agency: str
        level: str
        name: str
        schedule: dict[str, Any]
        announcement: dict[str, Any]
        envelope: dict[str, Any]

    class Published(Aggregate.Event):
        circular_number: str
        website: str
        envelope: dict[str, Any]

    class Registered(Aggregate.Event):
        nip: str
        channel: str
        documents: list[dict[str, Any]]
        registered_on: date
        envelope: dict[str, Any]

    class Recommended(Aggregate.Event):
        nip: str
        envelope: dict[str, Any]

    class DocumentsVerified(Aggregate.Event):
        nip: str
        envelope: dict[str, Any]

    class RegistrationClosed(Aggregate.Event):
        closed_on: date
        envelope: dict[str, Any]

    class AdministrativelySelected(Aggregate.Event):
        nip: str
        passed: bool
        eligibility: dict[str, Any]
        documents_complete: bool
        envelope: dict[str, Any]

    class AdministrativeResultsAnnounced(Aggregate.Event):
        passed_nips: list[str]
        envelope: dict[str, Any]

    class PotentialAssessed(Aggregate.Event):
        nip: str
        score: str
        category: str
        proceeds: bool
        envelope: dict[str, Any]

    class TechnicalAssessed(Aggregate.Event):
        nip: str
        score: str
        envelope: dict[str, Any]

    class ResultsFinalised(Aggregate.Event):
        results: dict[str, dict[str, Any]]
        envelope: dict[str, Any]

    class ReportedToMayor(Aggregate.Event):
        report_number: str
        envelope: dict[str, Any]

    class PoolDecreed(Aggregate.Event):
        decree_number: str
        decree_date: date
        envelope: dict[str, Any]

    class ReminderSent(Aggregate.Event):
        key: str
        nips: list[str]
        envelope: dict[str, Any]

    @staticmethod
    def create_id(agency: str, level: str, name: str, **_: Any) -> UUID:
        return round_id(agency, level, name)

    # Stage 1: announcement (P11-12).

    @classmethod
    def open(
        cls,
        agency: str,
        level: PositionLevel | str,
        name: str,
        schedule: Schedule,
        announcement: Announcement,
        envelope: Envelope,
    ) -> ScoutingRound:
        ensure_openable(agency, level, schedule, announcement, envelope.effective)
        return cls(
            agency=agency,
            level=str(level),
            name=name,
            schedule=schedule.model_dump(mode="json"),
            announcement=announcement.model_dump(mode="json"),
            envelope=stamped(envelope, "P11", "P12(3)"),
        )

    @event(Opened)
    def __init__(
        self,
        agency: str,
        level: str,
        name: str,
        schedule: dict[str, Any],
        announcement: dict[str, Any],
        envelope: dict[str, Any],
    ) -> None:
        self.agency = agency
        self.level = PositionLevel(level)
        self.name = name
        self._schedule = Schedule.model_validate(schedule)
        self.announcement = Announcement.model_validate(announcement)
        self.circular_number = ""
        self.website = ""
        self._candidates: dict[str, Candidate] = {}
        self.closed_on: date | None = None
        self.announced = False
        self.finalised = False
        self.finalised_on: date | None = None
        self.report_number = ""
        self.reported_on: date | None = None
        self.pool_decree: PoolDecree | None = None
        self.reminders: dict[str, tuple[str, ...]] = {}

    def publish(self, circular_number: str, website: str, envelope: Envelope) -> None:
        self._ensure_publishable(circular_number, website)
        self._published(circular_number, website, stamped(envelope, "P12(2)"))

    @event(Published)
    def _published(self, circular_number: str, website: str, envelope: dict[str, Any]) -> None:
        self.circular_number, self.website = circular_number, website

    # Stage 2: registration (P13).

    def register(
        self,
        nip: str,
        channel: Channel | str,
        documents: Iterable[DocumentRef],
        already_in_pool: bool,
        envelope: Envelope,
    ) -> None:
        key = str(Nip(nip))
        self._ensure_registrable(key, envelope.effective, already_in_pool)
        self._registered(
            key,
            str(Channel(channel)),
            [document.model_dump(mode="json") for document in documents],
            envelope.effective,
            stamped(envelope, "P13(1)", "P22(2)", readings=PACK.uses(ReadingId.M6)),
        )

    @event(Registered)
    def _registered(
        self,
        nip: str,
        channel: str,
        documents: list[dict[str, Any]],
        registered_on: date,
        envelope: dict[str, Any],
    ) -> None:
        self._candidates[nip] = Candidate(
            nip=nip,
            channel=Channel(channel),
            documents=tuple(DocumentRef.model_validate(d) for d in documents),
            registered_on=registered_on,
        )

    def recommend(self, nip: str, envelope: Envelope) -> None:
        candidate = self._ensure_recommendable(nip)
        self._recommended(candidate.nip, stamped(envelope, "P13(2)"))

    @event(Recommended)
    def _recommended(self, nip: str, envelope: dict[str, Any]) -> None:
        self._candidates[nip] = replace(self._candidates[nip], recommended=True)

    def verify_documents(self, nip: str, envelope: Envelope, pack: RulePack = PACK) -> None:
        candidate = self._ensure_verifiable(nip, pack)
        self._documents_verified(
            candidate.nip, stamped(envelope, "P13(2)", "P13(3)", readings=pack.uses(ReadingId.M3))
        )

    @event(DocumentsVerified)
    def _documents_verified(self, nip: str, envelope: dict[str, Any]) -> None:
        self._candidates[nip] = replace(self._candidates[nip], verified=True)

    def close_registration(self, closed_on: date, envelope: Envelope) -> bool:
        """Records the closing once; False when it was closed already (the workflow may retry)."""
        if self.closed_on is not None:
            return False
        self._ensure_closable(closed_on)
        self._registration_closed(closed_on, stamped(envelope, "P13(1)"))
        return True

    @event(RegistrationClosed)
    def _registration_closed(self, closed_on: date, envelope: dict[str, Any]) -> None:
        self.closed_on = closed_on

    # Stage 3: administrative selection (P14).

    def select_administratively(
        self,
        nip: str,
        eligibility: EligibilityResult,
        documents_complete: bool,
        envelope: Envelope,
        pack: RulePack = PACK,
    ) -> None:
        candidate = self.ensure_selectable(nip, envelope, pack)
        self._selected(
            candidate.nip,
            eligibility.eligible and documents_complete,
            eligibility.model_dump(mode="json"),
            documents_complete,
            stamped(
                envelope,
                "P13(2)",
                "P14(1)",
                "P14(2)",
                readings=(*eligibility.readings_used, *pack.uses(ReadingId.M3)),
            ),
        )

    @event(AdministrativelySelected)
    def _selected(
        self,
        nip: str,
        passed: bool,
        eligibility: dict[str, Any],
        documents_complete: bool,
        envelope: dict[str, Any],
    ) -> None:
        failures = tuple(
            code for code, _ in administrative_failures(eligibility, documents_complete)
        )
        self._candidates[nip] = replace(
            self._candidates[nip],
            administrative_passed=passed,
            administrative_failures=failures,
            selection_ref=self._next_ref(),
        )

    def announce_administrative_results(self, envelope: Envelope) -> None:
        self._ensure_announceable()
        passed = sorted(n for n, c in self._candidates.items() if c.administrative_passed)
        self._announced(passed, stamped(envelope, "P14(3)", "P14(4)"))

    @event(AdministrativeResultsAnnounced)
    def _announced(self, passed_nips: list[str], envelope: dict[str, Any]) -> None:
        self.announced = True

    # Stages 4 and 5: potential and technical assessment (P15-17).

    def record_potential(self, nip: str, score: Decimal | str, envelope: Envelope) -> None:
        candidate = self._assessable(nip, AssessmentStage.POTENTIAL, envelope)
        judged = stage_four(score)
        self._potential_assessed(
            candidate.nip,
            str(judged.score),
            str(judged.category),
            judged.proceeds,
            stamped(envelope, *judged.citations, readings=judged.readings_used),
        )

    @event(PotentialAssessed)
    def _potential_assessed(
        self, nip: str, score: str, category: str, proceeds: bool, envelope: dict[str, Any]
    ) -> None:
        self._candidates[nip] = replace(
            self._candidates[nip],
            potential=Decimal(score),
            category=Category(category),
            proceeds=proceeds,
            potential_ref=self._next_ref(),
        )

    def record_technical(self, nip: str, score: Decimal | str, envelope: Envelope) -> None:
        candidate = self._assessable(nip, AssessmentStage.TECHNICAL, envelope)
        self._technical_assessed(
            candidate.nip, str(valid_score(score)), stamped(envelope, "P16(3)", "P16(5)")
        )

    @event(TechnicalAssessed)
    def _technical_assessed(self, nip: str, score: str, envelope: dict[str, Any]) -> None:
        self._candidates[nip] = replace(
            self._candidates[nip], technical=Decimal(score), technical_ref=self._next_ref()
        )

    # Stage 6: result and report (P18-19).

    def finalise(self, envelope: Envelope) -> None:
        self._ensure_finalisable()
        self._results_finalised(
            self._final_results(),
            stamped(envelope, "P18", "P19(2)", "P19(3)", readings=PACK.uses(ReadingId.D3)),
        )

    @event(ResultsFinalised)
    def _results_finalised(
        self, results: dict[str, dict[str, Any]], envelope: dict[str, Any]
    ) -> None:
        for nip, r in results.items():
            outcome = FinalResult(Decimal(r["final"]), Category(r["category"]), r["passed"])
            self._candidates[nip] = replace(self._candidates[nip], result=outcome)
        self.finalised = True
        self.finalised_on = Envelope.from_event(envelope).effective

    def report_to_mayor(self, report_number: str, envelope: Envelope) -> None:
        self._ensure_reportable(report_number)
        self._reported(report_number, stamped(envelope, "P19(4)"))

    @event(ReportedToMayor)
    def _reported(self, report_number: str, envelope: dict[str, Any]) -> None:
        self.report_number = report_number
        self.reported_on = Envelope.from_event(envelope).effective

    # The mayor's pool decree (P20): once per round.

    def decree_pool(self, decree_number: str, decree_date: date, envelope: Envelope) -> bool:
        """Records the decree that lists the round's passed candidates in the talent pool.
        False when this very decree (number and date) is recorded already, so a retried command
        writes nothing twice; any other second decree is refused."""
        if self._decreed_already(decree_number, decree_date):
            return False
        self._ensure_decreeable(decree_number, decree_date)
        self._pool_decreed(decree_number, decree_date, stamped(envelope, "P20(2)"))
        return True

    @event(PoolDecreed)
    def _pool_decreed(
        self, decree_number: str, decree_date: date, envelope: dict[str, Any]
    ) -> None:
        self.pool_decree = PoolDecree(decree_number=decree_number, decree_date=decree_date)

    def remind(self, key: str, nips: Iterable[str], envelope: Envelope) -> bool:
        """Records a reminder once per ``key``; False when that key was recorded already."""
        if key in self.reminders:
            return False
        named = sorted({self._candidate(nip).nip for nip in nips})
        self._reminder_sent(key, named, stamped(envelope))
        return True

    @event(ReminderSent)
    def _reminder_sent(self, key: str, nips: list[str], envelope: dict[str, Any]) -> None:
        self.reminders[key] = tuple(nips)

    def _next_ref(self) -> str:
        # Called while applying an event: the aggregate still has the previous version.
        return f"{self.id}/{self.version + 1}"
