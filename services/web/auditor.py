"""The auditor's pages: the timeline of a subject, why a pick and a shortlist stand (every rule
run again, the pool as it stood), the compliance replay with its breaches, and the hash chain's
head and its verification. Each list can be downloaded as CSV. What is shown passes the
personal-data filter for the reader's role, and an answer showing an employee's record or
judging it again is a recorded read of it, as in the API."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from typing import Annotated, Any, TypeVar
from urllib.parse import quote, urlencode
from uuid import UUID
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from domain.agencies import get_agency
from domain.envelope import Role
from domain.scouting.vacancy_state import VacancyState
from domain.values import InvalidValue
from projections.chain import Head, head_of, verify
from projections.chain.verify import Problem
from projections.scouting.pool import PoolRow
from projections.scouting.rounds import RoundSummary
from projections.scouting.vacancies import VacancyRow
from projections.talent.projection import TalentProjection
from projections.talent.succession import PlanRow, succession_plans
from services.api.access import AUDITORS
from services.api.context import context, fresh_context
from services.application import Talenta
from services.audit.chain import VERIFIERS, may_verify
from services.audit.compliance import ComplianceQuery, compliance_report
from services.audit.compliance_models import Breach, ComplianceReport
from services.audit.events import AuditEvent
from services.audit.pick import CandidateTrail
from services.audit.timeline import READERS, Subject, timeline
from services.audit.why_scouting import why_pick, why_pool_entry, why_shortlist
from services.permissions import Forbidden
from services.personal_data import shown
from services.personal_data_reads import record_reads
from services.web import kept_reads
from services.web.attempt import refused_read
from services.web.exports import csv_answer
from services.web.frame import lang_of, page
from services.web.kept_reads import kept
from services.web.messages import translator
from services.web.session import SignedIn, WebUser

router = APIRouter(prefix="/auditor", include_in_schema=False)

T = TypeVar("T")
# Which of a page's lists a CSV download holds (``?format=csv&list=...``).
Listed = Annotated[str, Query(alias="list")]


def plans(request: Request, agency: str) -> tuple[PlanRow, ...]:
    """The agency's succession plans, kept per position of the talent read model."""
    models = fresh_context(request)
    found, position = kept(models, TalentProjection)
    return found.answer(
        position, ("plans", agency), lambda: tuple(succession_plans(models.documents, agency))
    )


INDEX_LISTS: dict[str, tuple[Callable[[Request, str], Sequence[Any]], type[BaseModel]]] = {
    "vacancies": (kept_reads.vacancies, VacancyRow),
    "plans": (plans, PlanRow),
    "rounds": (kept_reads.rounds, RoundSummary),
}
WHY = {"pick": why_pick, "shortlist": why_shortlist}
# The decision each why explains, and the states a vacancy has once it is taken.
DECIDED = {
    "shortlist": frozenset({VacancyState.SHORTLISTED, VacancyState.PICKED, VacancyState.FILLED}),
    "pick": frozenset({VacancyState.PICKED, VacancyState.FILLED}),
}


def no_such_list(request: Request, me: WebUser) -> Response:
    t = translator(lang_of(request))
    return page(request, "message.html", 422, me=me, title=t("refused"), text=t("no_such_list"))


def answered(request: Request, me: WebUser, call: Callable[[], T]) -> T | Response:
    """``call()``'s answer, or its refusal shown as a page of its own."""
    try:
        return call()
    except Exception as error:
        refused = refused_read(error)
        if refused is None:
            raise
        return page(request, "message.html", refused.status, me=me, title="", refused=refused)


def day(typed: str) -> date | None:
    """A day from a date field: empty when none was chosen, else YYYY-MM-DD."""
    try:
        return date.fromisoformat(typed) if typed.strip() else None
    except ValueError:
        raise InvalidValue(f"tanggal tidak sah: {typed!r}", f"not a date: {typed!r}") from None


def json_for(model: BaseModel | list[Any], role: Role) -> Any:
    data = (
        [item.model_dump(mode="json") for item in model]
        if isinstance(model, list)
        else model.model_dump(mode="json")
    )
    return shown(data, role)


@router.get("")
def index(
    request: Request, me: SignedIn, format: str = "", listed: Listed = "vacancies"
) -> Response:
    """``?format=csv&list=vacancies|plans|rounds``: one of its lists as CSV, as the API lists
    it."""
    if me.actor.role not in READERS:
        forbidden = refused_read(Forbidden("read-audit-answers", me.actor, READERS))
        assert forbidden is not None
        return page(request, "message.html", 403, me=me, title="", refused=forbidden)
    if format == "csv":
        if listed not in INDEX_LISTS:
            return no_such_list(request, me)
        found, row = INDEX_LISTS[listed]
        rows = json_for(list(found(request, me.actor.agency)), me.actor.role)
        return csv_answer(rows, row, f"auditor-{listed}")
    return page(
        request,
        "auditor.html",
        me=me,
        vacancies=kept_reads.vacancies(request, me.actor.agency),
        rounds=kept_reads.rounds(request, me.actor.agency),
        plans=plans(request, me.actor.agency),
        lists=me.actor.role in AUDITORS,
        decided=DECIDED,
        subjects=list(Subject),
        verifier=me.actor.role in VERIFIERS,
    )


# The latest events of a timeline a page shows, and how many more each "more" shows: an
# employee read every day has a trail of thousands (each read is on it), complete in its CSV.
SHOWN = 200


@router.get("/timeline")
def subject_timeline(
    request: Request,
    me: SignedIn,
    subject: Subject,
    key: str,
    format: str = "",
    latest: Annotated[int, Query(ge=1)] = SHOWN,
) -> Response:
    """``latest``: how many of the latest events the page shows (the CSV holds them all)."""
    app: Talenta = context(request).app
    found = answered(request, me, lambda: timeline(app, subject, key, me.actor))
    if isinstance(found, Response):
        return found
    if found.subject is Subject.EMPLOYEE:
        record_reads(app, me.actor, found.agency, [found.key], "web GET /auditor/timeline/employee")
    if format == "csv":
        return csv_answer(json_for(found.events, me.actor.role), AuditEvent, f"timeline-{subject}")
    address = f"/auditor/timeline?subject={subject}&key={quote(key)}"
    listed = found.events[-latest:]
    more = len(found.events) > len(listed)
    return page(
        request,
        "audit_timeline.html",
        me=me,
        subject=subject,
        key=shown(key, me.actor.role),
        events=json_for(listed, me.actor.role),
        total=len(found.events),
        more=f"{address}&latest={latest + SHOWN}" if more else "",
        csv=f"{address}&format=csv",
    )


@router.get("/why/pool-entry/{entry_id}")
def why_entry(request: Request, me: SignedIn, entry_id: UUID, format: str = "") -> Response:
    app: Talenta = context(request).app
    found = answered(request, me, lambda: why_pool_entry(app, entry_id, me.actor))
    if isinstance(found, Response):
        return found
    via = "web GET /auditor/why/pool-entry"
    record_reads(app, me.actor, found.entry.agency, [found.entry.nip], via)
    answer = json_for(found, me.actor.role)
    if format == "csv":
        return csv_answer(answer["chain"], AuditEvent, "why-pool-entry")
    return page(
        request,
        "why_entry.html",
        me=me,
        why=answer,
        csv=f"/auditor/why/pool-entry/{entry_id}?format=csv",
    )


@router.get("/why/shortlist/{vacancy_id}")
def shortlist(
    request: Request, me: SignedIn, vacancy_id: UUID, format: str = "", listed: Listed = "chain"
) -> Response:
    return _why(request, me, "shortlist", vacancy_id, format, listed)


@router.get("/why/pick/{vacancy_id}")
def pick(
    request: Request, me: SignedIn, vacancy_id: UUID, format: str = "", listed: Listed = "chain"
) -> Response:
    """``?format=csv&list=chain|candidates|pool``: the events, the candidates or the pool as
    it stood, as CSV."""
    return _why(request, me, "pick", vacancy_id, format, listed)


def _why(
    request: Request, me: WebUser, kind: str, vacancy_id: UUID, format: str, listed: str
) -> Response:
    app: Talenta = context(request).app
    explain = WHY[kind]
    found = answered(request, me, lambda: explain(app, vacancy_id, me.actor))
    if isinstance(found, Response):
        return found
    nips = [candidate.nip for candidate in found.audit.candidates]
    record_reads(app, me.actor, found.audit.agency, nips, f"web GET /auditor/why/{kind}")
    answer = json_for(found, me.actor.role)
    if format == "csv":
        if listed == "candidates":
            return csv_answer(answer["audit"]["candidates"], CandidateTrail, f"{kind}-candidates")
        if listed == "pool":
            return csv_answer(answer["pool_before"], PoolRow, f"{kind}-pool-then")
        if listed != "chain":
            return no_such_list(request, me)
        return csv_answer(answer["chain"], AuditEvent, f"why-{kind}")
    csv = f"/auditor/why/{kind}/{vacancy_id}?format=csv"
    return page(request, "why.html", me=me, kind=kind, why=answer, csv=csv)


@router.get("/compliance")
def compliance(request: Request, me: SignedIn, on: str = "", format: str = "") -> Response:
    """``on``: the day whose end the clocks' deadlines are judged at (default: now). The
    breaches are the kept replay's (services/audit/compliance_kept.py), as far as it has read
    the log: the page says how far and when."""
    ctx = context(request)
    zone = ZoneInfo(get_agency(me.actor.agency).time_zone)

    def replayed() -> ComplianceReport:
        chosen = day(on)
        as_of = datetime.combine(chosen, time(23, 59, 59), zone) if chosen else None
        query = ComplianceQuery(agency=me.actor.agency, as_of=as_of)
        return compliance_report(ctx.app, query, me.actor, ctx.compliance, fresh=False)

    found = answered(request, me, replayed)
    if isinstance(found, Response):
        return found
    breaches = json_for(found.breaches, me.actor.role)
    if format == "csv":
        return csv_answer(breaches, Breach, "compliance")
    return page(
        request,
        "compliance.html",
        me=me,
        report=found,
        on=on,
        as_of=found.as_of.astimezone(zone).replace(microsecond=0),
        replayed_at=found.replayed_at.astimezone(zone).replace(microsecond=0),
        head=ctx.app.recorder.max_notification_id() or 0,
        reading=ctx.compliance.reading,
        breaches=breaches,
        csv="/auditor/compliance?" + urlencode({"on": on, "format": "csv"}),
    )


@router.get("/chain")
def chain(
    request: Request, me: SignedIn, check: str = "", published: str = "", format: str = ""
) -> Response:
    """``check``: verify the chain against the ``published`` heads; with ``format=csv`` the
    verification's problems as CSV."""
    ctx = fresh_context(request)
    head = head_of(ctx.chain)
    verified: Any = None
    if check:
        verified = answered(request, me, lambda: _verify(ctx.app, ctx.chain, me, published))
        if isinstance(verified, Response):
            return verified
        if format == "csv":
            return csv_answer(json_for(verified.problems, me.actor.role), Problem, "chain-problems")
    return page(
        request,
        "chain.html",
        me=me,
        head=head,
        verified=verified,
        published=published,
        verifier=me.actor.role in VERIFIERS,
        csv="/auditor/chain?" + urlencode({"check": "1", "published": published, "format": "csv"}),
    )


def _verify(app: Talenta, view: Any, me: WebUser, published: str) -> Any:
    may_verify(me.actor)
    heads = [Head.parse(line) for line in published.split() if line.strip()]
    return verify(app, view, heads)
