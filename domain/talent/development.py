"""Development (binjai-2023 P24-27, balikpapan-2022 P20-21): enrolments in the Sekolah Kader, the
corporate university and study assignments, performance counselling by an assessor, and the
follow-up tasks an assessment's recommendations open. The Sekolah Kader's requirements are in
``domain/talent/sekolah_kader.py``, the follow-up rules in ``domain/talent/follow_ups.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from enum import StrEnum
from typing import Any, Protocol, TypeVar
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event
from pydantic import BaseModel, ConfigDict

from domain.envelope import Envelope, Role
from domain.personnel.facts import PersonnelFacts
from domain.rules.cycle import CycleRules
from domain.rules.ninebox import Recommendation
from domain.rules.pack import RulePack
from domain.talent.follow_ups import FollowUp, ensure_closable, to_open, unknown_follow_up
from domain.talent.refusals import DEVELOPMENT
from domain.talent.sekolah_kader import judges_sekolah_kader, sekolah_kader_eligibility
from domain.values import Nip

_DEVELOPMENT_IDS = uuid5(NAMESPACE_URL, "talenta:development-record")


class Programme(StrEnum):
    SEKOLAH_KADER = "sekolah-kader"  # akselerasi karier
    CORPORATE_UNIVERSITY = "corporate-university"  # pengembangan kompetensi
    STUDY_ASSIGNMENT = "study-assignment"  # tugas belajar: peningkatan kualifikasi


class Method(StrEnum):
    """Corporate-university learning methods (Binjai P26)."""

    TRAINING = "training"  # pelatihan
    COACHING_MENTORING = "coaching-mentoring"  # pembimbingan
    FIELD_PRACTICE = "field-practice"  # praktek kerja lapangan


def development_id(agency: str, nip: str) -> UUID:
    return uuid5(_DEVELOPMENT_IDS, f"{agency}/{Nip(nip)}")


class Enrolment(BaseModel):
    model_config = ConfigDict(frozen=True)

    programme: Programme
    method: Method | None
    box: int | None
    on: date


class Ranked(Protocol):
    @property
    def nip(self) -> str: ...

    @property
    def box(self) -> int | None: ...


R = TypeVar("R", bound=Ranked)


def priority(records: Iterable[R]) -> list[R]:
    """Development priority from the highest box down (Binjai P24(5), Balikpapan P20(2)); those
    not mapped come last; ties by NIP so the list reads the same every time."""
    return sorted(records, key=lambda r: (-(r.box or 0), r.nip))


def _cycle(pack: RulePack) -> CycleRules:
    if pack.cycle is None:
        raise DEVELOPMENT.refused("no-talent-cycle-in-pack", regulation=pack.regulation)
    return pack.cycle


class DevelopmentRecord(Aggregate):
    """One employee's development in one agency: enrolments, counselling, follow-up tasks."""

    class Started(Aggregate.Created):
        agency: str
        nip: str
        envelope: dict[str, Any]

    class Enrolled(Aggregate.Event):
        programme: str
        method: str | None
        box: int | None
        eligibility: dict[str, Any] | None
        institution_test: bool | None
        envelope: dict[str, Any]

    class Counselled(Aggregate.Event):
        box: int
        notes: str
        envelope: dict[str, Any]

    class FollowUpOpened(Aggregate.Event):
        task_id: UUID
        recommendation: str
        assessment_ref: str
        envelope: dict[str, Any]

    class FollowUpClosed(Aggregate.Event):
        task_id: UUID
        outcome: str
        envelope: dict[str, Any]

    @staticmethod
    def create_id(agency: str, nip: str, **_: Any) -> UUID:
        return development_id(agency, nip)

    @event(Started)
    def __init__(self, agency: str, nip: str, envelope: dict[str, Any]) -> None:
        self.agency = agency
        self.nip = nip
        self.enrolments: list[Enrolment] = []
        self.counselled: list[tuple[int, date]] = []
        self._tasks: dict[UUID, FollowUp] = {}

    @classmethod
    def start(cls, agency: str, nip: str, envelope: Envelope) -> DevelopmentRecord:
        return cls(agency=agency, nip=str(Nip(nip)), envelope=envelope.to_event())

    # Commands

    def enrol(
        self,
        programme: Programme,
        box: int | None,
        pack: RulePack,
        envelope: Envelope,
        *,
        method: Method | None = None,
        facts: PersonnelFacts | None = None,
        assessment_centre: date | bool = False,
        institution_test: bool | None = None,
    ) -> None:
        """``box``: the employee's box on ``envelope.effective``; ``method`` for the corporate
        university; ``facts``, ``assessment_centre`` and ``institution_test`` (P25(3)) judge the
        Sekolah Kader where the pack sets requirements."""
        cycle = _cycle(pack)
        if (programme is Programme.CORPORATE_UNIVERSITY) != (method is not None):
            raise DEVELOPMENT.refused(
                "method-for-corporate-university",
                cycle.corporate_university_citation,
                programme=programme,
            )
        eligibility = None
        if programme is Programme.SEKOLAH_KADER and judges_sekolah_kader(pack):
            if facts is None:
                raise ValueError(f"{pack.id} judges the Sekolah Kader on the personnel facts")
            eligibility = sekolah_kader_eligibility(
                pack,
                facts,
                on=envelope.effective,
                assessment_centre=assessment_centre,
                box=box,
                institution_test=institution_test,
            )
        self._enrolled(
            programme=str(programme),
            method=str(method) if method else None,
            box=box,
            eligibility=eligibility.model_dump(mode="json") if eligibility else None,
            institution_test=institution_test if programme is Programme.SEKOLAH_KADER else None,
            envelope=envelope.to_event(),
        )

    def counsel(self, box: int | None, notes: str, pack: RulePack, envelope: Envelope) -> None:
        """Performance counselling by the talent team's assessors, for the pack's boxes only
        (Binjai P27(2): boxes 3 and 6; Balikpapan Lampiran II: box 3)."""
        cycle = _cycle(pack)
        boxes = ", ".join(str(b) for b in cycle.counselling_boxes)
        if box is None or box not in cycle.counselling_boxes:
            raise DEVELOPMENT.refused(
                "counselling-box",
                cycle.counselling_citation,
                regulation=pack.regulation,
                boxes=boxes,
                box=box or "-",
            )
        if envelope.actor.role is not Role.ASSESSOR:
            raise DEVELOPMENT.refused("counselling-by-assessor", cycle.counselling_citation)
        if not notes.strip():
            raise DEVELOPMENT.refused("counselling-notes-missing", cycle.counselling_citation)
        self._counselled(box=box, notes=notes, envelope=envelope.to_event())

    def open_follow_ups(
        self, assessment_ref: str, recommendations: Sequence[str], envelope: Envelope
    ) -> list[FollowUp]:
        """A task per recommendation of the assessment ``<profile id>/<version>``; those already
        opened for it are kept, so a retried call opens nothing twice. Returns the new tasks."""
        opened: list[FollowUp] = []
        for new, recommendation in to_open(self.id, assessment_ref, recommendations, self._tasks):
            self._follow_up_opened(
                task_id=new,
                recommendation=str(recommendation),
                assessment_ref=assessment_ref,
                envelope=envelope.to_event(),
            )
            opened.append(self._tasks[new])
        return opened

    def close_follow_up(
        self, task: UUID, outcome: str, pack: RulePack, envelope: Envelope
    ) -> FollowUp:
        cycle = _cycle(pack)
        found = self.follow_up(task, cycle)
        ensure_closable(found, outcome, envelope.effective, cycle)
        self._follow_up_closed(task_id=task, outcome=outcome, envelope=envelope.to_event())
        return self._tasks[task]

    # Queries

    @property
    def box(self) -> int | None:
        """The box last recorded here (enrolment or counselling), for the priority list."""
        dated = [(e.on, e.box) for e in self.enrolments if e.box is not None]
        dated += [(on, box) for box, on in self.counselled]
        return max(dated)[1] if dated else None

    @property
    def follow_ups(self) -> tuple[FollowUp, ...]:
        return tuple(self._tasks.values())

    @property
    def open_tasks(self) -> tuple[FollowUp, ...]:
        return tuple(t for t in self._tasks.values() if t.closed_on is None)

    def follow_up(self, task: UUID, cycle: CycleRules | None = None) -> FollowUp:
        """The task, refused when unknown (citing ``cycle.follow_up_citation`` when given)."""
        try:
            return self._tasks[task]
        except KeyError:
            raise unknown_follow_up(self.nip, task, cycle) from None

    # Events

    @event(Enrolled)
    def _enrolled(
        self,
        programme: str,
        method: str | None,
        box: int | None,
        eligibility: dict[str, Any] | None,
        institution_test: bool | None,
        envelope: dict[str, Any],
    ) -> None:
        self.enrolments.append(
            Enrolment(
                programme=Programme(programme),
                method=Method(method) if method else None,
                box=box,
                on=Envelope.from_event(envelope).effective,
            )
        )

    @event(Counselled)
    def _counselled(self, box: int, notes: str, envelope: dict[str, Any]) -> None:
        self.counselled.append((box, Envelope.from_event(envelope).effective))

    @event(FollowUpOpened)
    def _follow_up_opened(
        self, task_id: UUID, recommendation: str, assessment_ref: str, envelope: dict[str, Any]
    ) -> None:
        self._tasks[task_id] = FollowUp(
            task_id=task_id,
            recommendation=Recommendation(recommendation),
            assessment_ref=assessment_ref,
            opened_on=Envelope.from_event(envelope).effective,
        )

    @event(FollowUpClosed)
    def _follow_up_closed(self, task_id: UUID, outcome: str, envelope: dict[str, Any]) -> None:
        self._tasks[task_id] = self._tasks[task_id].model_copy(
            update={"outcome": outcome, "closed_on": Envelope.from_event(envelope).effective}
        )
