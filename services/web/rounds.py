"""The Madiun round in the browser: the list of rounds, opening one, its board (every candidate's
stage and results) with the steps the user's role may take, and score entry as a table for a
whole stage. A refused step is shown beside its form with its citation, in both languages."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import partial
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.datastructures import UploadFile

from domain.envelope import Actor, Role
from domain.scouting.candidate import AssessmentStage, Channel, Stage
from domain.scouting.plan import Announcement, Schedule
from domain.values import InvalidValue, PositionLevel
from projections.scouting import RoundBoard
from projections.scouting.pool import PoolRow
from services.application import NotFound, Talenta
from services.auth import OtherAgency, same_agency
from services.permissions import roles_of
from services.personal_data import PersonalField, mask_nip, needs
from services.refusals import Refusal
from services.scouting import rounds
from services.scouting.score_sheets import ScoreSheetReport, record_scores_from_csv
from services.web import kept_reads
from services.web.attempt import Refused, attempt, fields_of
from services.web.charts import Funnel, funnel
from services.web.frame import lang_of, not_found_page, page, see_other
from services.web.messages import translator
from services.web.names import staff
from services.web.round_lines import ScoreLine, Wording, board_lines
from services.web.round_steps import BY_NAME, SCORES, STEPS, Handler, Step
from services.web.session import PostedForm, SignedIn, WebUser

router = APIRouter(include_in_schema=False)

BOARD_STAGES = tuple(Stage)


def score_key(round_id: UUID, nip: str) -> str:
    """A score field's name that does not show the NIP to whom may not see it."""
    return "s-" + hashlib.sha256(f"{round_id}:{nip}".encode()).hexdigest()[:16]


def nip_shown(nip: str, role: Role) -> str:
    return nip if PersonalField.NIP in needs(role) else mask_nip(nip)


@router.get("/rounds")
def round_list(request: Request, me: SignedIn) -> Response:
    return page(
        request,
        "rounds.html",
        me=me,
        rounds=kept_reads.rounds(request, me.actor.agency),
        may_open=me.actor.role in roles_of(rounds.open_round),
        levels=list(PositionLevel),
        refused=None,
        values={},
    )


@router.post("/rounds")
def open_round(request: Request, me: SignedIn, form: PostedForm) -> Response:
    app = request.app.state.context.app
    body = fields_of(form)

    def command() -> UUID:
        opened = rounds.OpenRound(
            agency=me.actor.agency,
            level=body.get("level"),
            name=body.get("name"),
            effective=body.get("announcement"),
            reason=body.get("reason", ""),
            schedule=Schedule(**{key: body.get(key) for key in Schedule.model_fields}),
            announcement=Announcement(
                **{key: body.get(key, "") for key in Announcement.model_fields}
            ),
        )
        opened_id: UUID = rounds.open_round(app, opened, me.actor)
        return opened_id

    outcome = attempt(app, me.actor, "open_round", body, command)
    if isinstance(outcome, Refused):
        return page(
            request,
            "rounds.html",
            outcome.status,
            here="/rounds",
            me=me,
            rounds=kept_reads.rounds(request, me.actor.agency),
            may_open=True,
            levels=list(PositionLevel),
            refused=outcome,
            values=body,
        )
    return see_other(request, f"/rounds/{outcome}")


def _board(request: Request, me: WebUser, round_id: UUID) -> RoundBoard:
    found = kept_reads.board(request, round_id)
    if found is None:
        raise rounds.RoundNotFound(round_id)
    same_agency(me.actor, found.agency)
    return found


def _board_page(
    request: Request,
    me: WebUser,
    board: RoundBoard,
    status: int = 200,
    refusals: dict[str, list[tuple[str, Refused]]] | None = None,
    done: str = "",
    recorded: dict[str, int] | None = None,
) -> Response:
    role = me.actor.role
    lang = lang_of(request)
    listed = staff(request, board.agency)
    wording = Wording(
        t=translator(lang),
        said=lambda message: message.en if lang == "en" else message.id,
        shown=lambda nip: nip_shown(nip, role),
        names=listed.names,
    )
    candidates = [row for stage in BOARD_STAGES for row in board.stages[stage]]
    # A head of unit recommends the registrants of their own unit (P13(2)).
    unit = me.user.unit if role is Role.HEAD_OF_UNIT else ""
    choices = [c for c in candidates if not unit or listed.unit_of(c.nip) == unit]
    return page(
        request,
        "round.html",
        status,
        here=f"/rounds/{board.round_id}",
        me=me,
        board=board,
        lines=board_lines(board, BOARD_STAGES, wording),
        choices=[wording.choice(c) for c in choices],
        steps=[step for step in STEPS if step.offered_to(role)],
        channels=list(Channel),
        score_tables=_score_tables(board, role, wording),
        refusals=refusals or {},
        done=done,
        recorded=recorded or {},
        funnel=round_funnel(board, kept_reads.pool_entries(request, board.agency)),
    )


def round_funnel(board: RoundBoard, entries: Iterable[PoolRow]) -> Funnel:
    """Registered → selected (administrative) → assessed (both assessments) → passed → in the
    pool by the round's decree."""
    rows = [row for stage in BOARD_STAGES for row in board.stages[stage]]
    pooled = sum(1 for e in entries if e.round_id == board.round_id)
    return funnel(
        [
            ("registered", len(rows)),
            ("selected", sum(1 for r in rows if r.administrative and r.administrative.passed)),
            ("assessed", sum(1 for r in rows if r.final is not None)),
            ("passed", sum(1 for r in rows if r.final and r.final.passed)),
            ("pool", pooled),
        ]
    )


def _score_tables(
    board: RoundBoard, role: Role, wording: Wording
) -> list[tuple[str, list[ScoreLine]]]:
    return [
        (
            stage_name,
            [
                wording.score_line(board.round_id, row, score_key)
                for row in board.stages[Stage(stage)]
            ],
        )
        for stage_name, (handler, stage) in SCORES.items()
        if role in roles_of(handler)
    ]


@router.get("/rounds/{round_id}")
def board(request: Request, me: SignedIn, round_id: UUID, done: str = "") -> Response:
    try:
        found = _board(request, me, round_id)
    except NotFound as missing:
        return not_found_page(request, missing)
    except OtherAgency as other:
        refused = Refused.of(Refusal(other.status, other.code, other.message))
        return page(request, "message.html", other.status, me=me, title="", refused=refused)
    return _board_page(request, me, found, done=done)


@router.post("/rounds/{round_id}/steps/{name}")
def take_step(
    request: Request, me: SignedIn, form: PostedForm, round_id: UUID, name: str
) -> Response:
    app = request.app.state.context.app
    step = BY_NAME.get(name)
    body = fields_of(form)
    found = attempt(app, me.actor, name, body, partial(_board, request, me, round_id))
    if isinstance(found, Refused):
        return page(request, "message.html", found.status, me=me, title="", refused=found)
    if step is None:
        return not_found_page(request, NotFound(f"langkah {name} tidak ada", f"no step {name}"))
    each = [body]
    if step.per_candidate and body.get("nip") == "*":
        each = [{**body, "nip": row.nip} for row in found.stages[Stage.REGISTERED]]
    refused: list[tuple[str, Refused]] = []
    for fields in each:
        outcome = attempt(
            app, me.actor, step.name, fields, partial(_take, step, app, round_id, fields, me.actor)
        )
        if isinstance(outcome, Refused):
            refused.append((nip_shown(str(fields.get("nip", "")), me.actor.role), outcome))
    if refused:
        now = _board(request, me, round_id)
        return _board_page(request, me, now, refused[0][1].status, {step.name: refused})
    return see_other(request, f"/rounds/{round_id}?done={step.name}#step-{step.name}")


@router.post("/rounds/{round_id}/scores/{stage}")
def enter_scores(
    request: Request, me: SignedIn, form: PostedForm, round_id: UUID, stage: str
) -> Response:
    app = request.app.state.context.app
    body = fields_of(form)
    found = attempt(app, me.actor, stage, body, partial(_board, request, me, round_id))
    if isinstance(found, Refused):
        return page(request, "message.html", found.status, me=me, title="", refused=found)
    if stage not in SCORES:
        return not_found_page(request, NotFound(f"tahap {stage} tidak ada", f"no stage {stage}"))
    handler, waiting = SCORES[stage]
    refused: list[tuple[str, Refused]] = []
    for row in found.stages[Stage(waiting)]:
        typed = str(body.get(score_key(round_id, row.nip), "")).strip()
        if not typed:
            continue
        fields = {"nip": row.nip, "score": typed, "effective": body.get("effective")}
        outcome = attempt(
            app,
            me.actor,
            handler.__name__,
            fields,
            partial(_score, handler, app, round_id, fields, me.actor),
        )
        if isinstance(outcome, Refused):
            refused.append((nip_shown(row.nip, me.actor.role), outcome))
    key = f"scores-{stage}"
    if refused:
        now = _board(request, me, round_id)
        return _board_page(request, me, now, refused[0][1].status, {key: refused})
    return see_other(request, f"/rounds/{round_id}?done={key}#{key}")


@router.post("/rounds/{round_id}/score-sheets/{stage}")
def upload_score_sheet(
    request: Request, me: SignedIn, form: PostedForm, round_id: UUID, stage: str
) -> Response:
    """An assessor's sheet of nip,score rows: good rows recorded, each bad row reported with its
    line, reason and citation."""
    app = request.app.state.context.app
    body = fields_of(form)
    sheet = form.get("sheet")
    text = sheet.file.read().decode("utf-8-sig", "replace") if isinstance(sheet, UploadFile) else ""
    key = f"sheet-{stage}"
    found = attempt(app, me.actor, key, body, partial(_board, request, me, round_id))
    if isinstance(found, Refused):
        return page(request, "message.html", found.status, me=me, title="", refused=found)
    if stage not in SCORES:
        return not_found_page(request, NotFound(f"tahap {stage} tidak ada", f"no stage {stage}"))
    outcome = attempt(
        app,
        me.actor,
        "record_scores_from_csv",
        {**body, "stage": stage},
        partial(_sheet, app, round_id, stage, text, me.actor, str(body.get("effective", ""))),
    )
    if isinstance(outcome, Refused):
        return _board_page(request, me, found, outcome.status, {key: [("", outcome)]})
    rows = [
        (
            f"{error.line}: {nip_shown(error.nip, me.actor.role)}",
            Refused(422, error.code, error.message.id, error.message.en, error.citation),
        )
        for error in outcome.errors
    ]
    return _board_page(
        request,
        me,
        found,
        422 if rows else 200,
        {key: rows},
        done="" if rows else key,
        recorded={key: len(outcome.recorded)},
    )


def _sheet(
    app: Talenta,
    round_id: UUID,
    stage: str,
    text: str,
    actor: Actor,
    effective: str,
) -> ScoreSheetReport:
    """``effective`` empty: the stage's date in the round's schedule."""
    try:
        day = date.fromisoformat(effective) if effective else None
    except ValueError:
        raise InvalidValue(
            f"tanggal tidak sah: {effective!r}", f"not a date: {effective!r}"
        ) from None
    return record_scores_from_csv(
        app, round_id, AssessmentStage(stage), text.splitlines(), actor, effective=day
    )


def _take(step: Step, app: Talenta, round_id: UUID, fields: dict[str, Any], actor: Actor) -> Any:
    return step.handler(app, step.build(round_id, fields), actor)


def _score(
    handler: Handler, app: Talenta, round_id: UUID, fields: dict[str, Any], actor: Actor
) -> Any:
    command = rounds.RecordScore(
        round_id=round_id,
        nip=fields["nip"],
        score=_decimal(fields["score"]),
        effective=fields["effective"],
    )
    return handler(app, command, actor)


def _decimal(typed: str) -> Decimal | str:
    """A score typed with a decimal comma (Indonesian) or point; anything else is left to the
    command's own validation, which names the field."""
    try:
        return Decimal(typed.replace(",", "."))
    except InvalidOperation:
        return typed
