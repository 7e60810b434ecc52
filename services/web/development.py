"""Development in the browser (binjai-2023 P24-27, balikpapan-2022 P20-21): the priority list
from the highest box down, enrolment in the Sekolah Kader, the corporate university or a study
assignment, an employee's Sekolah Kader eligibility requirement by requirement (Binjai P25 under
reading D1), the assessors' performance counselling for the boxes the pack names (Binjai
P27(2): boxes 3 and 6), and the follow-up tasks of an assessment's recommendations (Binjai P27(1),
Balikpapan P15 with Lampiran II), opened for an employee and closed one by one with their
outcome. Each form is offered to the roles its handler allows; a refusal is shown
beside it, with its article, and nothing is written."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from domain.envelope import Actor
from domain.rules.core import EligibilityResult
from domain.rules.registry import pack_for
from domain.talent.development import Method, Programme
from domain.talent.sekolah_kader import (
    SekolahKaderIneligible,
    judges_sekolah_kader,
    sekolah_kader_eligibility,
)
from projections import talent as read
from services.agency_bounds import acting_as
from services.api.context import fresh_context
from services.application import Talenta
from services.personal_data import shown
from services.talent import development
from services.talent.boxes import assessment_centre_on, box_on
from services.talent.common import cycle_pack
from services.web import kept_reads
from services.web.attempt import (
    Refused,
    Steps,
    fields_of,
    read_or_refused,
    refused_read,
    steps_offered,
    take_step_of,
)
from services.web.cycle import cycle_of, exported, no_cycle_page, steps_page, today
from services.web.frame import see_other
from services.web.session import PostedForm, SignedIn, WebUser

router = APIRouter(include_in_schema=False)

TESTS = {"": None, "passed": True, "failed": False}  # P25(3): still to be held, passed, failed


def _enrol(agency: str, f: dict[str, Any]) -> development.Enrol:
    return development.Enrol(
        agency=agency,
        nip=f.get("nip"),
        effective=f.get("effective"),
        programme=f.get("programme"),
        method=f.get("method") or None,
        institution_test=TESTS.get(str(f.get("institution_test", ""))),
        reason=f.get("reason", ""),
    )


def _counsel(agency: str, f: dict[str, Any]) -> development.Counsel:
    return development.Counsel(
        agency=agency,
        nip=f.get("nip"),
        effective=f.get("effective"),
        notes=f.get("notes"),
        reason=f.get("reason", ""),
    )


def _open_follow_ups(agency: str, f: dict[str, Any]) -> development.OpenFollowUps:
    return development.OpenFollowUps(
        agency=agency, nip=f.get("nip"), effective=f.get("effective"), reason=f.get("reason", "")
    )


def _close_follow_up(agency: str, f: dict[str, Any]) -> development.CloseFollowUp:
    return development.CloseFollowUp(
        agency=agency,
        nip=f.get("nip"),
        effective=f.get("effective"),
        task_id=f.get("task_id"),
        outcome=f.get("outcome", ""),
        reason=f.get("reason", ""),
    )


STEPS: Steps = {
    "enrol": (development.enrol, _enrol),
    "counsel": (development.counsel, _counsel),
    "open_follow_ups": (development.open_follow_ups, _open_follow_ups),
    "close_follow_up": (development.close_follow_up, _close_follow_up),
}
# The follow-up forms keep what a refused one held apart from the enrolment's fields, which
# share their names; a task's own form is told apart by the task.
FOLLOW_UP_STEPS = frozenset({"open_follow_ups", "close_follow_up"})


def sekolah_kader_check(
    app: Talenta, actor: Actor, nip: str, on: date, institution_test: bool | None
) -> EligibilityResult | None:
    """Every Sekolah Kader requirement of the pack in force on ``on``, judged on what the
    enrolment would be judged on; None where the pack sets none (Balikpapan)."""
    pack, _ = cycle_pack(actor.agency, on)
    if not judges_sekolah_kader(pack):
        return None
    with acting_as(actor):
        facts = app.facts(nip)
    try:
        return sekolah_kader_eligibility(
            pack,
            facts,
            on=on,
            assessment_centre=assessment_centre_on(app, actor.agency, nip, on),
            box=box_on(app, actor.agency, nip, on),
            institution_test=institution_test,
        )
    except SekolahKaderIneligible as unmet:
        return unmet.result


def _checked(
    app: Talenta, me: WebUser, nip: str, on: date, test: str
) -> dict[str, Any] | Refused | None:
    """The check as the role may see it, or the refusal of the check itself."""
    if not nip:
        return None
    try:
        result = sekolah_kader_check(app, me.actor, nip, on, TESTS.get(test))
    except Exception as error:
        refused = refused_read(error)
        if refused is None:
            raise
        return refused
    if result is None:
        return None
    answer: dict[str, Any] = shown(result.model_dump(mode="json"), me.actor.role)
    answer["eligible"] = result.eligible
    pack, _ = cycle_pack(me.actor.agency, on)
    # Each reading with the words of the option applied, as the pack documents it.
    answer["readings"] = [
        (use.id, pack.reading(use.id).options[use.option]) for use in result.readings_used
    ]
    return answer


def _page(
    request: Request,
    me: WebUser,
    day: date,
    nip: str = "",
    test: str = "",
    status: int = 200,
    refusals: dict[str, Refused] | None = None,
    done: str = "",
    values: dict[str, Any] | None = None,
    opened: int | None = None,
) -> Response:
    agency = me.actor.agency
    cycle = cycle_of(agency)
    if cycle is None:
        return no_cycle_page(request, me)
    rows = kept_reads.talent(request, read.development_priority, agency, day)
    follow_ups = kept_reads.talent(request, read.open_follow_ups, agency)
    app: Talenta = request.app.state.context.app
    return steps_page(
        request,
        me,
        "development.html",
        status,
        f"/development?on={day}",
        agency,
        steps_offered(me, STEPS),
        _beside_its_task(refusals or {}, follow_ups),
        done,
        values,
        day=day,
        rows=rows,
        counselled=[row for row in rows if row.box in cycle.counselling_boxes],
        cycle=cycle,
        follow_ups=follow_ups,
        programmes=list(Programme),
        methods=list(Method),
        judged=judges_sekolah_kader(pack_for(agency)),
        nip=nip,
        test=test,
        checked=_checked(app, me, nip, day, test),
        opened=opened,
    )


def _beside_its_task(
    refusals: dict[str, Refused], follow_ups: list[read.FollowUpRow]
) -> dict[str, Refused]:
    """A refused closing beside its task's form, or above the tasks when the task is not
    listed open (closed meanwhile in another window, or no such task)."""
    listed = {f"close_follow_up-{task.task_id}" for task in follow_ups}
    return {
        "close_follow_up" if key.startswith("close_follow_up-") and key not in listed else key: r
        for key, r in refusals.items()
    }


@router.get("/development")
def development_page(
    request: Request,
    me: SignedIn,
    on: date | None = None,
    nip: str = "",
    test: str = "",
    done: str = "",
    format: str = "",
    opened: int | None = None,
) -> Response:
    day = on or today(me.actor.agency)
    if format == "csv":
        rows = read.development_priority(fresh_context(request).documents, me.actor.agency, day)
        return exported(me, rows, read.PriorityRow, f"development-priority-{day}")
    # Refused where the pack is not yet in force on the day asked.
    return read_or_refused(
        request,
        me,
        lambda: _page(request, me, day, nip.replace(" ", ""), test, done=done, opened=opened),
    )


@router.post("/development/{name}")
def take_step(request: Request, me: SignedIn, form: PostedForm, name: str) -> Response:
    body = fields_of(form)
    outcome = take_step_of(request, me, STEPS, name, me.actor.agency, body)
    if isinstance(outcome, Response):
        return outcome
    nip = str(body.get("nip", "")).replace(" ", "")
    test = str(body.get("institution_test", ""))
    sekolah_kader = name == "enrol" and body.get("programme") == Programme.SEKOLAH_KADER
    try:
        # The follow-up tasks are listed whatever the day, and the employees to open them for
        # are today's, so a refused date can be put right in the same form.
        shown_on = None if name in FOLLOW_UP_STEPS else str(body.get("effective"))
        day = date.fromisoformat(shown_on) if shown_on else today(me.actor.agency)
    except ValueError:
        day = today(me.actor.agency)
    if isinstance(outcome, Refused):
        shown_nip = nip if sekolah_kader else ""
        key = f"{name}-{body.get('task_id', '')}" if name == "close_follow_up" else name
        held = {name: body} if name in FOLLOW_UP_STEPS else body
        return _page(request, me, day, shown_nip, test, outcome.status, {key: outcome}, values=held)
    if name in FOLLOW_UP_STEPS:
        # Opening again opens nothing twice: how many were opened tells the user which it was.
        if name == "open_follow_ups":
            query = f"?on={day}&done={name}&opened={len(outcome)}#step-{name}"
        else:
            query = f"?on={day}&done={name}#follow-ups"
        return see_other(request, f"/development{query}")
    # A Sekolah Kader enrolment comes back with the requirements it was judged on.
    query = f"?on={day}&done={name}" + (f"&nip={nip}&test={test}" if sekolah_kader else "")
    return see_other(request, f"/development{query}#step-{name}")
