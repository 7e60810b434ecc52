"""Bulk score entry: an assessor's sheet of ``nip,score`` rows for one stage of one round.

Good rows are recorded, every bad row is reported with its line, code, bilingual message and
citation. Saves are bounded (MAX_EVENTS_PER_SAVE), so a long sheet is saved in parts: a failure
of a later part (e.g. a concurrent change) leaves the earlier parts recorded.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from itertools import chain
from uuid import UUID

from pydantic import BaseModel, ConfigDict

from domain.envelope import Actor, Evidence, Role
from domain.rules.core import Message, RuleRefusal
from domain.scouting.candidate import AssessmentStage
from domain.values import InvalidValue, Nip
from services.application import MAX_EVENTS_PER_SAVE, Talenta
from services.audit.refusals import record_refusal
from services.permissions import Forbidden, allowed
from services.scouting.rounds import Decision, decision_envelope, load_round

# P15(1): potential by the (independent) assessors; P16(3): the written test by external ones.
SCORERS = {
    AssessmentStage.POTENTIAL: Role.ASSESSOR,
    AssessmentStage.TECHNICAL: Role.EXTERNAL_ASSESSOR,
}
COLUMNS = 2  # nip, score


class RowError(BaseModel):
    model_config = ConfigDict(frozen=True)

    line: int
    nip: str
    code: str
    message: Message
    citation: str = ""


class ScoreSheetReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    stage: AssessmentStage
    recorded: tuple[str, ...]
    errors: tuple[RowError, ...]


@allowed(*SCORERS.values())
def record_scores_from_csv(
    app: Talenta,
    round_id: UUID,
    stage: AssessmentStage | str,
    rows: Iterable[str],
    actor: Actor,
    *,
    effective: date | None = None,
    reason: str = "",
    evidence: Evidence | None = None,
    via: str = "cli",
) -> ScoreSheetReport:
    """``rows`` are the sheet's lines (a text file will do), comma- or semicolon-separated, with
    an optional header (``nip,score`` or ``nip;nilai``); a decimal comma is read as a point.
    ``effective`` defaults to the stage's date in the round's schedule. Each refused row is
    recorded as a refusal of its own (``via`` the sheet came through), after the good rows."""
    stage = AssessmentStage(stage)
    if actor.role is not SCORERS[stage]:
        raise Forbidden(f"record_scores_from_csv ({stage})", actor, frozenset({SCORERS[stage]}))
    scouting = load_round(app, round_id, actor)
    potential = stage is AssessmentStage.POTENTIAL
    planned = (
        scouting.schedule.potential_assessment
        if potential
        else scouting.schedule.technical_assessment
    )
    stamp = decision_envelope(
        actor,
        Decision(effective=effective or planned, reason=reason, evidence=evidence or Evidence()),
    )
    record = scouting.record_potential if potential else scouting.record_technical
    recorded: list[str] = []
    errors: list[RowError] = []
    for line, cells in _rows(rows):
        nip = cells[0] if cells else ""
        try:
            nip, raw = _nip_and_score(cells)
            record(nip, raw, stamp)
        except RuleRefusal as refused:
            errors.append(
                RowError(
                    line=line,
                    nip=nip,
                    code=refused.code,
                    message=refused.message,
                    citation=refused.citation or "",
                )
            )
        except InvalidValue as invalid:
            errors.append(RowError(line=line, nip=nip, code="invalid-row", message=invalid.message))
        else:
            recorded.append(nip)
            if len(scouting.pending_events) >= MAX_EVENTS_PER_SAVE:
                app.save(scouting)
    app.save(scouting)
    for error in errors:
        _record_refused_row(app, actor, round_id, stage, error, via)
    return ScoreSheetReport(stage=stage, recorded=tuple(recorded), errors=tuple(errors))


def _record_refused_row(
    app: Talenta, actor: Actor, round_id: UUID, stage: AssessmentStage, row: RowError, via: str
) -> None:
    body = {"round_id": str(round_id), "stage": str(stage), "line": row.line, "nip": row.nip}
    record_refusal(
        app,
        actor,
        "record_scores_from_csv",
        via,
        body,
        422,
        row.code,
        row.citation,
        row.message.id,
        row.message.en,
    )


def _rows(lines: Iterable[str]) -> Iterable[tuple[int, list[str]]]:
    """Non-blank rows with their line numbers, the header skipped."""
    iterator = iter(lines)
    first = next(iterator, "")
    delimiter = ";" if ";" in first else ","
    reader = csv.reader(chain([first], iterator), delimiter=delimiter)
    for cells in reader:
        stripped = [cell.strip() for cell in cells]
        if not any(stripped):
            continue
        # A header names its first column "nip" (then "score" or "nilai").
        if reader.line_num == 1 and stripped[0].lower() == "nip":
            continue
        yield reader.line_num, stripped


def _nip_and_score(cells: list[str]) -> tuple[str, str]:
    if len(cells) != COLUMNS:
        raise InvalidValue(
            f"baris harus berisi nip,nilai ({len(cells)} kolom)",
            f"a row must read nip,score ({len(cells)} columns)",
        )
    return str(Nip(cells[0])), cells[1].replace(",", ".")
