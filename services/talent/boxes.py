"""An employee's nine-box state on a day, read from their TalentProfile (domain/talent/mapping.py):
the box a command is judged on is looked up, never taken from the request."""

from __future__ import annotations

from datetime import date

from eventsourcing.application import AggregateNotFoundError

from domain.talent.mapping import Assessment, TalentProfile, profile_id
from services.application import Talenta


def profile_of(app: Talenta, agency: str, nip: str) -> TalentProfile | None:
    try:
        found: TalentProfile = app.repository.get(profile_id(agency, nip))
    except AggregateNotFoundError:
        return None
    return found


def assessment_on(app: Talenta, agency: str, nip: str, day: date) -> Assessment | None:
    """The assessment in force on ``day``; None when the employee was not mapped by then."""
    profile = profile_of(app, agency, nip)
    return profile.assessment_on(day) if profile else None


def box_on(app: Talenta, agency: str, nip: str, day: date) -> int | None:
    found = assessment_on(app, agency, nip, day)
    return found.box if found else None


def assessment_centre_on(app: Talenta, agency: str, nip: str, day: date) -> date | bool:
    """When the employee first took an assessment centre by ``day`` (Binjai P25(2)(a)), read
    from the assessments' evidence; False when none records one."""
    profile = profile_of(app, agency, nip)
    taken = [
        a.assessed_on
        for a in (profile.assessments if profile else ())
        if a.assessed_on <= day and a.evidence.get("assessment_centre")
    ]
    return min(taken) if taken else False
