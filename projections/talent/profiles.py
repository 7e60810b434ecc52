"""Talent profiles: one document per employee and agency with every assessment recorded, superseded
ones included, each with its date, so the nine-box reads as of any day."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from eventsourcing.persistence import Tracking
from eventsourcing.utils import get_topic
from pydantic import BaseModel

from domain.envelope import Envelope
from domain.rules.ninebox import Performance, Potential
from domain.talent.mapping import TalentProfile, profile_id
from domain.values import PositionLevel
from projections.documents import DocumentView
from projections.documents.models import find, load, save

PROFILES = "profiles"


class AssessmentRow(BaseModel):
    ref: str  # "<profile id>/<version>", as nominations and follow-up tasks cite it
    period: str
    unit: str
    level: PositionLevel
    assessed_on: date
    performance: Performance
    potential: Potential
    box: int
    supersedes: str = ""


class ProfileRow(BaseModel):
    profile_id: UUID
    agency: str
    nip: str
    # Of the latest assessment recorded: where the employee was last mapped.
    unit: str = ""
    level: PositionLevel | None = None
    assessments: list[AssessmentRow] = []

    def in_force(self, day: date, period: str | None = None) -> AssessmentRow | None:
        """The assessment in force on ``day`` (of ``period`` when given), by the rule of
        ``TalentProfile.assessment_on``: the latest dated on or before the day, a same-day
        re-assessment winning. A superseded assessment is thus never in force once its
        replacement is dated, and still is on the days before."""
        held = [
            a
            for a in reversed(self.assessments)
            if a.assessed_on <= day and (period is None or a.period == period)
        ]
        return max(held, key=lambda a: a.assessed_on) if held else None


def profile(view: DocumentView, agency: str, nip: str) -> ProfileRow | None:
    return find(view, PROFILES, profile_id(agency, nip), ProfileRow)


def profiles(view: DocumentView, agency: str) -> list[ProfileRow]:
    return [ProfileRow.model_validate(document) for document in view.list(PROFILES, agency)]


def project_profile(view: DocumentView, event: TalentProfile.Event, tracking: Tracking) -> None:
    if isinstance(event, TalentProfile.Started):
        row = ProfileRow(profile_id=event.originator_id, agency=event.agency, nip=event.nip)
    elif isinstance(event, TalentProfile.Assessed):
        row = load(view, PROFILES, event.originator_id, ProfileRow)
        row.unit, row.level = event.unit, PositionLevel(event.level)
        row.assessments.append(
            AssessmentRow(
                # The aggregate names an assessment by the version of its event.
                ref=f"{event.originator_id}/{event.originator_version}",
                period=event.period,
                unit=event.unit,
                level=PositionLevel(event.level),
                assessed_on=Envelope.from_event(event.envelope).effective,
                performance=Performance(event.performance),
                potential=Potential(event.potential),
                box=event.box,
                supersedes=event.supersedes,
            )
        )
    else:
        raise TypeError(f"the profiles do not follow {type(event).__qualname__}")
    save(view, PROFILES, row.profile_id, row.agency, row, tracking)


PROFILE_TOPICS = (get_topic(TalentProfile.Started), get_topic(TalentProfile.Assessed))
