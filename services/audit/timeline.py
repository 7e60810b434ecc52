"""Timelines: every event about a subject (an employee, a vacancy, a target position, a scouting
round, a critical position, a talent search), with actor, role, reason, citations, readings,
evidence, effective and recorded times, in recorded order.

The events are found through the auditors' subject index (projections/audit), caught up with the
log first, and read by aggregate and version: a timeline never scans the log."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable
from enum import StrEnum
from typing import Any
from uuid import UUID

from pydantic import BaseModel

from domain.envelope import Actor, Role
from domain.scouting.round import ScoutingRound
from domain.scouting.vacancy import Vacancy
from domain.talent.critical import CriticalPosition
from domain.talent.search import TalentSearch
from domain.talent.succession import SuccessionPlan
from domain.values import Nip
from projections.audit import IndexFollower, SubjectIndex, subject_index
from services.agency_bounds import bounded, held_among
from services.application import NotFound, Talenta
from services.audit.events import AuditEvent, audited
from services.auth import same_agency
from services.permissions import Forbidden
from services.stored_events import events_at, streams

# Who reads the auditors' answers: auditors and administrators, and the teams and decision
# makers whose own steps the answers explain.
READERS = frozenset(
    {
        Role.AUDITOR,
        Role.ADMINISTRATOR,
        Role.PPK,
        Role.CASEWORKER,
        Role.TALENT_TEAM,
        Role.SCOUTING_TEAM,
    }
)


def ensure_reader(actor: Actor) -> None:
    if actor.role not in READERS:
        raise Forbidden("read-audit-answers", actor, READERS)


class Subject(StrEnum):
    EMPLOYEE = "employee"
    VACANCY = "vacancy"
    TARGET = "target"  # a target position: its succession plan
    ROUND = "round"
    CRITICAL_POSITION = "critical-position"
    SEARCH = "search"  # a talent search


class Timeline(BaseModel):
    subject: Subject
    key: str  # the NIP or the aggregate id
    agency: str
    events: list[AuditEvent]


_INDEXES: weakref.WeakKeyDictionary[Talenta, tuple[threading.Lock, SubjectIndex]] = (
    weakref.WeakKeyDictionary()
)
_INDEXES_LOCK = threading.Lock()


def followed_index(app: Talenta) -> SubjectIndex:
    """The application's subject index, caught up with the log (so an answer includes the
    asker's own last write). The index is opened once per application, and its answers catch it
    up one at a time from its tracked position: what the read models' own follower (under
    ``talenta serve``) or another answer has just indexed is not indexed again. Another
    process's follower catching up at the same time is harmless: each carries on from the
    other's tracking position."""
    with _INDEXES_LOCK:
        found = _INDEXES.get(app)
        if found is None:
            found = _INDEXES[app] = (threading.Lock(), subject_index(app))
    lock, index = found
    with lock:
        IndexFollower(app, index).catch_up()
    return index


@bounded
def timeline(app: Talenta, subject: Subject | str, key: str, actor: Actor) -> Timeline:
    """One entry point for the API and the command line: only events of records the reader's
    agency holds (another agency's profile of the same NIP is not its to read)."""
    kind = Subject(subject)
    if kind is Subject.EMPLOYEE:
        answer = employee_timeline(app, key, actor)
    else:
        answer = {
            Subject.VACANCY: vacancy_timeline,
            Subject.TARGET: target_timeline,
            Subject.ROUND: round_timeline,
            Subject.CRITICAL_POSITION: critical_position_timeline,
            Subject.SEARCH: search_timeline,
        }[kind](app, _id(key), actor)
    visible = held_among(app, {e.aggregate for e in answer.events})
    answer.events = [event for event in answer.events if event.aggregate in visible]
    return answer


def employee_timeline(app: Talenta, nip: str, actor: Actor) -> Timeline:
    """The employee's own record and every personal aggregate (profile, memberships,
    development, retention, awards, placements, monitoring, tenure), and every event elsewhere
    naming the NIP (rounds, shortlists, picks, campaigns, groups, plans)."""
    ensure_reader(actor)
    nip = str(Nip(nip))
    agency = app.facts(nip).agency
    same_agency(actor, agency)
    rows = followed_index(app).rows(nip)
    return Timeline(
        subject=Subject.EMPLOYEE, key=nip, agency=agency, events=_ordered(app, events_at(app, rows))
    )


def vacancy_timeline(app: Talenta, vacancy_id: UUID, actor: Actor) -> Timeline:
    """The vacancy's steps and the pool entry used for its inauguration."""
    vacancy: Vacancy = _subject(app, vacancy_id, Vacancy, "lowongan", "vacancy")
    return _around(app, Subject.VACANCY, vacancy.id, vacancy.agency, actor)


def target_timeline(app: Talenta, plan_id: UUID, actor: Actor) -> Timeline:
    """The target position's plan (declaration, nominations, successor orders, filling) and
    the placement into it."""
    plan: SuccessionPlan = _subject(app, plan_id, SuccessionPlan, "rencana suksesi", "target plan")
    return _around(app, Subject.TARGET, plan.id, plan.agency, actor)


def round_timeline(app: Talenta, round_id: UUID, actor: Actor) -> Timeline:
    """The round's stages and the pool entries it decreed."""
    scouting: ScoutingRound = _subject(app, round_id, ScoutingRound, "ronde", "scouting round")
    return _around(app, Subject.ROUND, scouting.id, scouting.agency, actor)


def critical_position_timeline(app: Talenta, position_id: UUID, actor: Actor) -> Timeline:
    """The critical position's decree, report and withdrawal, the needs analyses naming it, and
    the whole timeline of each target plan declared for it."""
    critical: CriticalPosition = _subject(
        app, position_id, CriticalPosition, "jabatan kritikal", "critical position"
    )
    answer = _around(app, Subject.CRITICAL_POSITION, critical.id, critical.agency, actor)
    plans = {e.aggregate for e in answer.events if e.what == "TargetDeclared"}
    index = followed_index(app)
    named = [row for plan in plans for row in index.rows(str(plan))]
    more = [*(e for stream in streams(app, plans).values() for e in stream), *events_at(app, named)]
    seen = {(e.aggregate, e.version) for e in answer.events}
    extra = [e for e in _audited(app, more) if (e.aggregate, e.version) not in seen]
    answer.events = sorted((*answer.events, *extra), key=_recorded)
    return answer


def search_timeline(app: Talenta, search_id: UUID, actor: Actor) -> Timeline:
    """The talent search: who was needed and why, its result, the decree that followed."""
    search: TalentSearch = _subject(app, search_id, TalentSearch, "pencarian Talenta", "search")
    return _around(app, Subject.SEARCH, search.id, search.agency, actor)


def _around(app: Talenta, kind: Subject, aggregate: UUID, agency: str, actor: Actor) -> Timeline:
    """The aggregate's own events and every event elsewhere naming it."""
    ensure_reader(actor)
    same_agency(actor, agency)
    rows = followed_index(app).rows(str(aggregate))
    own = app.repository.event_store.get(aggregate)
    return Timeline(
        subject=kind,
        key=str(aggregate),
        agency=agency,
        events=_ordered(app, (*own, *events_at(app, rows))),
    )


def _subject(app: Talenta, aggregate: UUID, kind: type[Any], kind_id: str, kind_en: str) -> Any:
    found = app.find(aggregate, kind_id, kind_en)
    if not isinstance(found, kind):
        raise NotFound.of(aggregate, kind_id, kind_en)
    return found


def _id(key: str) -> UUID:
    try:
        return UUID(key)
    except ValueError:
        raise NotFound(f"{key} bukan pengenal", f"{key} is not an id") from None


def _ordered(app: Talenta, events: Iterable[Any]) -> list[AuditEvent]:
    return sorted(_audited(app, events), key=_recorded)


def _audited(app: Talenta, events: Iterable[Any]) -> list[AuditEvent]:
    unique = {(e.originator_id, e.originator_version): e for e in events}
    return audited(app, unique.values())


def _recorded(event: AuditEvent) -> tuple[Any, ...]:
    return (event.recorded_at, str(event.aggregate), event.version)
