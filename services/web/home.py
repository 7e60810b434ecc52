"""The home page: what waits for the signed-in user in their role (the reminder inbox, with
acknowledge), rounds in progress, pool entries expiring in the next 90 days, vacancies awaiting
a shortlist or a pick, and counts at a glance, all from the read models."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response

from domain.agencies import get_agency
from domain.envelope import Role
from domain.scouting.vacancy_state import VacancyState
from projections.reminders import inbox
from services.api.context import fresh_context
from services.permissions import roles_of
from services.reminders.commands import AcknowledgeNotice, acknowledge_notice
from services.scouting import vacancies
from services.web import kept_reads
from services.web.attempt import Refused, attempt
from services.web.frame import page, see_other
from services.web.home_cycle import waiting as cycle_waiting
from services.web.names import staff
from services.web.session import PostedForm, SignedIn

router = APIRouter(include_in_schema=False)

EXPIRING = timedelta(days=90)
# A vacancy waits for whoever takes its next step: the shortlist, then the pick; the
# caseworkers who prepare both and the administrators see either.
WATCHING = frozenset({Role.CASEWORKER, Role.ADMINISTRATOR})
WAITING_FOR: dict[VacancyState, frozenset[Role]] = {
    VacancyState.OPEN: roles_of(vacancies.shortlist) | WATCHING,
    VacancyState.SHORTLISTED: roles_of(vacancies.pick) | WATCHING,
}


@router.get("/")
def home(request: Request, me: SignedIn) -> Response:
    ctx = fresh_context(request)
    actor = me.actor
    today = get_agency(actor.agency).local_date(datetime.now(UTC))
    rounds = [r for r in kept_reads.rounds(request, actor.agency) if r.pool_decree is None]
    pool = kept_reads.pool_on(request, actor.agency, today)
    expiring = [row for row in pool if row.expires_on - today <= EXPIRING]
    listed = kept_reads.vacancies(request, actor.agency)
    waiting = [v for v in listed if actor.role in WAITING_FOR.get(v.state, frozenset())]
    counts = {
        "employees": len(staff(request, actor.agency).rows),
        "rounds_in_progress": len(rounds),
        "pool_entries": len(pool),
        "open_vacancies": sum(1 for v in listed if v.state is not VacancyState.FILLED),
    }
    return page(
        request,
        "home.html",
        me=me,
        notices=inbox(ctx.documents, actor.agency, actor.role, actor.id),
        rounds=rounds,
        expiring=expiring,
        waiting=waiting,
        counts=counts,
        cycle_waiting=cycle_waiting(ctx.documents, actor, today),
    )


@router.post("/notices/{notice_id}/acknowledge")
def acknowledge(request: Request, me: SignedIn, form: PostedForm, notice_id: UUID) -> Response:
    app = request.app.state.context.app
    outcome = attempt(
        app,
        me.actor,
        "acknowledge_notice",
        {"notice_id": str(notice_id)},
        lambda: acknowledge_notice(app, AcknowledgeNotice(notice_id=notice_id), me.actor),
    )
    if isinstance(outcome, Refused):
        return page(request, "message.html", outcome.status, me=me, title="", refused=outcome)
    if request.headers.get("HX-Request") == "true":  # htmx swaps in the acknowledged notice
        ctx = fresh_context(request)
        notices = inbox(ctx.documents, me.actor.agency, me.actor.role, me.actor.id, True)
        (notice,) = [each for each in notices if each.notice_id == notice_id]
        return page(request, "notice.html", notice=notice)
    return see_other(request, "/")
