"""`talenta scouting` steps that judge candidates: administrative selection, scores, the result,
the report to the mayor and the pool decree (madiun-2021 P14-22)."""

from __future__ import annotations

import sys
from datetime import date
from typing import Any
from uuid import UUID

import click

from domain.envelope import Actor
from domain.rules.core import RuleRefusal
from domain.rules.madiun import PACK
from domain.scouting.candidate import AssessmentStage
from domain.scouting.round import ScoutingRound
from services.application import Talenta
from services.cli.options import ROUND, date_option, document_option, document_refs, json_option
from services.cli.render import echo_candidate, echo_json
from services.cli.step import Step, role_for, step_options
from services.scouting import rounds
from services.scouting.pool import DecreePool, decree_pool
from services.scouting.rounds import load_round
from services.scouting.score_sheets import SCORERS, record_scores_from_csv

STAGES = click.Choice([stage.value for stage in AssessmentStage])


@click.command()
@ROUND
@click.argument("nips", nargs=-1, metavar="[NIP]...")
@click.option(
    "--documents-complete/--documents-incomplete",
    "documents_complete",
    default=None,
    help="The caseworker's finding on the registrants' documents (required).",
)
@json_option
@step_options()
def select(
    step: Step,
    round_id: UUID,
    nips: tuple[str, ...],
    documents_complete: bool | None,
    as_json: bool,
) -> None:
    """Administrative selection (P14) of the given registrants, or of every registrant not yet
    selected. Select those with incomplete documents first, then the rest with
    --documents-complete. A refused candidate is reported and the others go on (exit 1)."""
    if documents_complete is None:
        raise click.UsageError("state --documents-complete or --documents-incomplete")
    actor = step.actor(role_for(rounds.select_administratively))
    results: list[dict[str, Any]] = []
    refused = 0
    with step.app() as app:
        for nip in nips or unselected(app, round_id, actor):
            command = rounds.SelectAdministratively(
                round_id=round_id,
                nip=nip,
                documents_complete=documents_complete,
                effective=step.on(),
                reason=step.reason,
            )
            try:
                rounds.select_administratively(app, command, actor)
            except (RuleRefusal, LookupError) as error:
                refused += 1
                click.echo(f"{nip}: {error}", err=True)
                continue
            results.append(selection(app, round_id, nip))
    if as_json:
        echo_json(results)
    else:
        for result in results:
            click.echo("\n".join(selection_lines(result)))
    if refused:
        sys.exit(1)


def unselected(app: Talenta, round_id: UUID, actor: Actor) -> list[str]:
    scouting_round = load_round(app, round_id, actor)
    return [c.nip for c in scouting_round.candidates.values() if c.administrative_passed is None]


def selection(app: Talenta, round_id: UUID, nip: str) -> dict[str, Any]:
    """The selection just recorded, read back from its event: the candidate keeps only the
    failed codes, the event keeps each requirement's citation and message."""
    for event in app.events.get(round_id, desc=True):
        if isinstance(event, ScoutingRound.AdministrativelySelected) and event.nip == nip:
            failed = [
                {key: r[key] for key in ("code", "citation", "message")}
                for r in event.eligibility["requirements"]
                if r["part_of"] is None and r["outcome"] != "met"
            ]
            if not event.documents_complete:
                failed.append(
                    {
                        "code": "documents-incomplete",
                        "citation": PACK.cite("P14"),
                        "message": {"id": "berkas tidak lengkap", "en": "documents incomplete"},
                    }
                )
            return {"nip": nip, "passed": event.passed, "failed": failed}
    raise LookupError(f"no selection of {nip} in round {round_id}")


def selection_lines(result: dict[str, Any]) -> list[str]:
    verdict = "LULUS / PASSED" if result["passed"] else "TIDAK LULUS / FAILED"
    lines = [f"{result['nip']}  {verdict}"]
    for failure in result["failed"]:
        message = failure["message"]
        lines.append(
            f"    {failure['code']:20} [{failure['citation']}] {message['id']} / {message['en']}"
        )
    return lines


@click.command()
@ROUND
@click.option("--stage", type=STAGES, required=True)
@click.argument("sheet", metavar="FILE.csv", type=click.Path(exists=True, dir_okay=False))
@json_option
@step_options()
def score(step: Step, round_id: UUID, stage: str, sheet: str, as_json: bool) -> None:
    """Record a sheet of nip,score rows for one stage (header optional, ';' and a decimal
    comma accepted). Without --effective the stage's scheduled date applies. Good rows are
    recorded; each bad row is printed with its line, and the exit code is 1."""
    assessment = AssessmentStage(stage)
    # Excel saves UTF-8 with a byte-order mark; utf-8-sig reads both.
    with open(sheet, encoding="utf-8-sig") as rows, step.app() as app:
        sheet_report = record_scores_from_csv(
            app,
            round_id,
            assessment,
            rows,
            step.actor(SCORERS[assessment]),
            effective=step.effective,
            reason=step.reason,
        )
    if as_json:
        echo_json(sheet_report)
    for error in sheet_report.errors:
        cited = f" [{error.citation}]" if error.citation else ""
        click.echo(
            f"baris/line {error.line}: {error.nip or '-'}: {error.code}: {error.message.id} / "
            f"{error.message.en}{cited}",
            err=True,
        )
    if not as_json:
        recorded, refused = len(sheet_report.recorded), len(sheet_report.errors)
        click.echo(f"{recorded} dicatat/recorded, {refused} ditolak/refused")
    if sheet_report.errors:
        sys.exit(1)


@click.command(name="score-one")
@ROUND
@click.argument("nip")
@click.option("--stage", type=STAGES, required=True)
@click.option("--score", "value", required=True, help="0-100, a decimal point.")
@click.option("--corrects", default="", help="The reference of the score this one corrects.")
@json_option
@step_options()
def score_one(
    step: Step, round_id: UUID, nip: str, stage: str, value: str, corrects: str, as_json: bool
) -> None:
    """Record one candidate's potential (P15) or technical (P16) score."""
    assessment = AssessmentStage(stage)
    handler = (
        rounds.record_potential
        if assessment is AssessmentStage.POTENTIAL
        else rounds.record_technical
    )
    command = rounds.RecordScore.model_validate(
        {
            "round_id": round_id,
            "nip": nip,
            "score": value,
            "corrects": corrects,
            "effective": step.on(),
            "reason": step.reason,
        }
    )
    with step.app() as app:
        candidate = handler(app, command, step.actor(SCORERS[assessment]))
    echo_candidate(candidate, as_json)


@click.command()
@ROUND
@json_option
@step_options()
def finalise(step: Step, round_id: UUID, as_json: bool) -> None:
    """Compute every candidate's final score, category and result (P18-19)."""
    command = rounds.RoundStep(round_id=round_id, effective=step.on(), reason=step.reason)
    actor = step.actor(role_for(rounds.finalise_round))
    with step.app() as app:
        rounds.finalise_round(app, command, actor)
        finalised = load_round(app, round_id, actor)
    results = {n: c.result for n, c in finalised.candidates.items() if c.result is not None}
    if as_json:
        echo_json({"passed": finalised.passed_nips, "results": results})
        return
    for nip, result in results.items():
        verdict = "LULUS / PASSED" if result.passed else "TIDAK LULUS / FAILED"
        click.echo(f"{nip}  {result.final:>6} {result.category:24} {verdict}")
    click.echo(f"{len(finalised.passed_nips)} lulus / passed")


@click.command()
@ROUND
@click.option("--number", required=True, help="The report's letter number.")
@step_options()
def report(step: Step, round_id: UUID, number: str) -> None:
    """The scouting team's report of ROUND's results to the mayor (P19(4))."""
    command = rounds.ReportToMayor(
        round_id=round_id, report_number=number, effective=step.on(), reason=step.reason
    )
    with step.app() as app:
        rounds.report_to_mayor(app, command, step.actor(role_for(rounds.report_to_mayor)))
    click.echo(f"dilaporkan / reported: {number}")


@click.command()
@ROUND
@click.option("--number", required=True, help="The mayor's decree number.")
@date_option("--date", "decree_date", required=True, help="The decree's date.")
@document_option("The signed decree, as NAME=PATH.")
@json_option
@step_options(with_effective=False)
def decree(
    step: Step,
    round_id: UUID,
    number: str,
    decree_date: date,
    documents: tuple[str, ...],
    as_json: bool,
) -> None:
    """The mayor's decree putting everyone who passed ROUND into the talent pool (P20-22)."""
    command = DecreePool(
        round_id=round_id,
        decree_number=number,
        decree_date=decree_date,
        reason=step.reason,
        documents=document_refs(documents),
    )
    with step.app() as app:
        entries = decree_pool(app, command, step.actor(role_for(decree_pool)))
    if as_json:
        echo_json(entries)
        return
    for entry in entries:
        click.echo(f"{entry.nip}  {entry.level}  berlaku s.d./valid until {entry.expires_on}")
    click.echo(f"{len(entries)} masuk Talent Pool / entered the talent pool")
