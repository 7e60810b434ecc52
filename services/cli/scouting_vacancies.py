"""`talenta scouting vacancy`: from an open position to an inauguration (madiun-2021 P23-28)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import click

from domain.scouting.tpk import TpkMember
from domain.values import PositionLevel
from services.cli.options import date_option, document_option, document_refs, json_option
from services.cli.refusals import RefusingGroup
from services.cli.render import echo_json
from services.cli.step import Step, role_for, step_options
from services.scouting import vacancies

vacancy_argument = click.argument("vacancy_id", metavar="VACANCY", type=click.UUID)


@click.group(cls=RefusingGroup)
def vacancy() -> None:
    """Vacancies filled from the talent pool: propose, shortlist (TPK), pick, inaugurate."""


@vacancy.command(name="open")
@click.argument("agency")
@click.option("--position", required=True, help="The vacant position's title.")
@click.option("--unit", required=True, help="The unit the position belongs to.")
@click.option("--level", type=click.Choice(["administrator", "supervisor"]), required=True)
@click.option("--camat", is_flag=True, help="A Camat position: P30(2) qualification applies.")
@json_option
@step_options()
def open_(
    step: Step, agency: str, position: str, unit: str, level: str, camat: bool, as_json: bool
) -> None:
    """Open a vacancy of AGENCY (P23(1)); prints its id."""
    command = vacancies.OpenVacancy(
        agency=agency,
        position=position,
        unit=unit,
        level=PositionLevel(level),
        camat=camat,
        opened_on=step.on(),
        reason=step.reason,
    )
    with step.app() as app:
        vacancy_id = vacancies.open_vacancy(
            app, command, step.actor(role_for(vacancies.open_vacancy))
        )
    echo_json({"vacancy_id": vacancy_id}) if as_json else click.echo(str(vacancy_id))


@vacancy.command()
@vacancy_argument
@click.argument("nip")
@click.option(
    "--certificate",
    default=None,
    metavar="NAME=PATH",
    help="A keparamongprajaan certificate not in the personnel record (P30(2)).",
)
@step_options()
def propose(step: Step, vacancy_id: UUID, nip: str, certificate: str | None) -> None:
    """The head of unit proposes pool member NIP for VACANCY (P24(1-2))."""
    command = vacancies.ProposeCandidate(
        vacancy_id=vacancy_id,
        nip=nip,
        proposed_on=step.on(),
        governance_certificate=document_refs((certificate,))[0] if certificate else None,
        reason=step.reason,
    )
    with step.app() as app:
        vacancies.propose_candidate(app, command, step.actor(role_for(vacancies.propose_candidate)))
    click.echo(f"diusulkan / proposed: {nip}")


def tpk_member(spec: str) -> TpkMember:
    """``Name:role``; split at the last colon, so a name may hold one."""
    name, separator, role = spec.rpartition(":")
    if not separator:
        raise click.BadParameter(
            f"{spec!r}: harus Nama:peran / must be Name:role", param_hint="--member"
        )
    return TpkMember(name=name.strip(), role=role.strip())


@vacancy.command()
@vacancy_argument
@click.argument("nips", nargs=-1, required=True, metavar="NIP...")
@click.option("--minutes", required=True, help="The TPK session's minutes number.")
@date_option("--minutes-date", required=True)
@click.option(
    "--member", "members", multiple=True, required=True, help='"Name:role", repeatable (P8(2)).'
)
@click.option("--justification", default="", help="Why fewer than three (P24(4)); audited.")
@document_option("The signed minutes, as NAME=PATH.")
@step_options(with_effective=False, with_reason=False)
def shortlist(
    step: Step,
    vacancy_id: UUID,
    nips: tuple[str, ...],
    minutes: str,
    minutes_date: date,
    members: tuple[str, ...],
    justification: str,
    documents: tuple[str, ...],
) -> None:
    """The TPK shortlists NIPs for VACANCY (three, P24(4)), recorded by its minutes."""
    command = vacancies.ShortlistCandidates(
        vacancy_id=vacancy_id,
        members=tuple(tpk_member(spec) for spec in members),
        minutes_number=minutes,
        minutes_date=minutes_date,
        nips=nips,
        justification=justification,
        documents=document_refs(documents),
    )
    with step.app() as app:
        vacancies.shortlist(app, command, step.actor(role_for(vacancies.shortlist)))
    click.echo(f"daftar pendek / shortlisted: {' '.join(nips)}")


@vacancy.command()
@vacancy_argument
@click.argument("nip")
@click.option("--decree", required=True, help="The mayor's decree number.")
@date_option("--decree-date", required=True)
@step_options(with_effective=False)
def pick(step: Step, vacancy_id: UUID, nip: str, decree: str, decree_date: date) -> None:
    """The mayor picks NIP from VACANCY's shortlist by decree (P24(5))."""
    command = vacancies.PickCandidate(
        vacancy_id=vacancy_id,
        nip=nip,
        decree_number=decree,
        decree_date=decree_date,
        reason=step.reason,
    )
    with step.app() as app:
        vacancies.pick(app, command, step.actor(role_for(vacancies.pick)))
    click.echo(f"dipilih / picked: {nip} ({decree})")


@vacancy.command()
@vacancy_argument
@date_option("--date", "inaugurated_on", default=None, help="Default: today.")
@step_options(with_effective=False)
def inaugurate(step: Step, vacancy_id: UUID, inaugurated_on: date | None) -> None:
    """The pick's inauguration (P27-28): the position, the pool entry and the tenure clock."""
    command = vacancies.Inaugurate(
        vacancy_id=vacancy_id, inaugurated_on=inaugurated_on or step.on(), reason=step.reason
    )
    with step.app() as app:
        vacancies.inaugurate(app, command, step.actor(role_for(vacancies.inaugurate)))
    click.echo(f"dilantik / inaugurated {command.inaugurated_on}")
