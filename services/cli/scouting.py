"""`talenta scouting`: a scouting round (madiun-2021 P11-22) step by step, as a caseworker would
script it. Each command calls one handler of services/scouting; the role defaults to the one
that takes the step (see `role_for`), the agency comes from --agency or TALENTA_AGENCY."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import click

from domain.scouting.candidate import Channel
from domain.scouting.plan import Announcement, Schedule
from domain.values import PositionLevel
from services.cli.options import ROUND, date_option, document_option, document_refs, json_option
from services.cli.refusals import RefusingGroup
from services.cli.render import echo_candidate, echo_json
from services.cli.scouting_reads import board, pool, vacancies_
from services.cli.scouting_results import decree, finalise, report, score, score_one, select
from services.cli.scouting_vacancies import vacancy
from services.cli.step import Step, role_for, step_options
from services.scouting import rounds


@click.group(cls=RefusingGroup)
def scouting() -> None:
    """Talent scouting (madiun-2021): rounds, scores, the pool decree and vacancies."""


# In the order a round runs; the later steps live in scouting_results.
for later in (select, score, score_one, finalise, report, decree, vacancy):
    scouting.add_command(later)
for read in (board, pool, vacancies_):
    scouting.add_command(read)


@scouting.command(name="open")
@click.argument("agency")
@click.option("--level", type=click.Choice(["administrator", "supervisor"]), required=True)
@click.option("--name", required=True, help="The round's name, unique in the agency and level.")
@date_option("--announcement-date", required=True)
@date_option("--registration-opens", required=True)
@date_option("--registration-closes", required=True)
@date_option("--potential-date", required=True, help="Potential assessment (P15).")
@date_option("--technical-date", required=True, help="Technical test (P16).")
@date_option("--result-date", required=True)
@click.option("--requirements", default="", help="Announcement: the requirements (P12(3)(a)).")
@click.option("--procedure", default="", help="Announcement: timing and procedure (P12(3)(a)).")
@click.option("--stages", default="", help="Announcement: the selection stages (P12(3)(b)).")
@click.option("--other", default="", help="Announcement: other information (P12(3)(c)).")
@json_option
@step_options()
def open_(step: Step, agency: str, level: str, name: str, as_json: bool, **content: Any) -> None:
    """Open a scouting round of AGENCY for one LEVEL; prints the round's id."""
    schedule = Schedule(
        announcement=content["announcement_date"],
        registration_opens=content["registration_opens"],
        registration_closes=content["registration_closes"],
        potential_assessment=content["potential_date"],
        technical_assessment=content["technical_date"],
        result=content["result_date"],
    )
    announcement = Announcement(
        requirements=content["requirements"],
        timing_and_procedure=content["procedure"],
        stages=content["stages"],
        other=content["other"],
    )
    command = rounds.OpenRound(
        agency=agency,
        level=PositionLevel(level),
        name=name,
        schedule=schedule,
        announcement=announcement,
        effective=step.on(),
        reason=step.reason,
    )
    with step.app() as app:
        round_id = rounds.open_round(app, command, step.actor(role_for(rounds.open_round)))
    echo_json({"round_id": round_id}) if as_json else click.echo(str(round_id))


@scouting.command()
@ROUND
@click.option("--circular", required=True, help="The circular letter's number (P12(2)).")
@click.option("--website", required=True, help="Where the round is announced.")
@step_options()
def publish(step: Step, round_id: UUID, circular: str, website: str) -> None:
    """Publish ROUND: the circular and the website announcement."""
    command = rounds.PublishRound(
        round_id=round_id,
        circular_number=circular,
        website=website,
        effective=step.on(),
        reason=step.reason,
    )
    with step.app() as app:
        rounds.publish_round(app, command, step.actor(role_for(rounds.publish_round)))
    click.echo(f"diumumkan / published: {circular}")


@scouting.command()
@ROUND
@click.argument("nip")
@click.option("--channel", type=click.Choice([c.value for c in Channel]), default="direct")
@document_option("A registration document, as NAME=PATH.")
@json_option
@step_options()
def register(
    step: Step, round_id: UUID, nip: str, channel: str, documents: tuple[str, ...], as_json: bool
) -> None:
    """Register employee NIP in ROUND (P13(1)); web registrations await verification."""
    command = rounds.RegisterCandidate(
        round_id=round_id,
        nip=nip,
        channel=Channel(channel),
        documents=document_refs(documents),
        effective=step.on(),
        reason=step.reason,
    )
    with step.app() as app:
        candidate = rounds.register_candidate(
            app, command, step.actor(role_for(rounds.register_candidate))
        )
    echo_candidate(candidate, as_json)


@scouting.command()
@ROUND
@click.argument("nip")
@json_option
@step_options()
def recommend(step: Step, round_id: UUID, nip: str, as_json: bool) -> None:
    """The head of unit recommends registrant NIP (P13(2))."""
    command = rounds.CandidateStep(
        round_id=round_id, nip=nip, effective=step.on(), reason=step.reason
    )
    with step.app() as app:
        candidate = rounds.recommend_candidate(
            app, command, step.actor(role_for(rounds.recommend_candidate))
        )
    echo_candidate(candidate, as_json)


@scouting.command()
@ROUND
@click.argument("nip")
@json_option
@step_options()
def verify(step: Step, round_id: UUID, nip: str, as_json: bool) -> None:
    """Verify the documents of web registrant NIP (P13(3))."""
    command = rounds.CandidateStep(
        round_id=round_id, nip=nip, effective=step.on(), reason=step.reason
    )
    with step.app() as app:
        candidate = rounds.verify_documents(
            app, command, step.actor(role_for(rounds.verify_documents))
        )
    echo_candidate(candidate, as_json)


@scouting.command()
@ROUND
@step_options()
def close(step: Step, round_id: UUID) -> None:
    """Close ROUND's registration on --effective (not before its scheduled deadline)."""
    on = step.on()
    command = rounds.CloseRegistration(
        round_id=round_id, closed_on=on, effective=on, reason=step.reason
    )
    with step.app() as app:
        closed = rounds.close_registration(
            app, command, step.actor(role_for(rounds.close_registration))
        )
    click.echo(
        f"pendaftaran ditutup / registration closed {on}"
        if closed
        else "pendaftaran sudah ditutup / registration was closed already"
    )


@scouting.command()
@ROUND
@step_options()
def announce(step: Step, round_id: UUID) -> None:
    """Announce ROUND's administrative results (P14(3)); only those who passed go on."""
    command = rounds.RoundStep(round_id=round_id, effective=step.on(), reason=step.reason)
    with step.app() as app:
        rounds.announce_administrative_results(
            app, command, step.actor(role_for(rounds.announce_administrative_results))
        )
    click.echo("hasil seleksi administrasi diumumkan / administrative results announced")
