"""`talenta scouting vacancy`: from an open position to an inauguration (madiun-2021 P23-28)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import click

from domain.rules.madiun_promotion import CamatBasis, CamatQualification
from domain.scouting.tpk import TpkMember, TpkOffice
from domain.values import EducationLevel, PositionLevel
from services.cli_scouting_options import (
    ScoutingGroup,
    Step,
    date_option,
    document_option,
    document_refs,
    echo_json,
    json_option,
    role_for,
    step_options,
)
from services.scouting import vacancies

vacancy_argument = click.argument("vacancy_id", metavar="VACANCY", type=click.UUID)


@click.group(cls=ScoutingGroup)
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
    "--qualification",
    type=click.Choice([basis.value for basis in CamatBasis]),
    default=None,
    help="A Camat's qualification (P30(2)): a government-science diploma or degree, or the "
    "keparamongprajaan certificate.",
)
@click.option("--qualification-number", default="", help="The diploma's or certificate's number.")
@date_option("--qualification-date", default=None, help="The day it was issued.")
@click.option("--qualification-institution", default="", help="Who issued it (e.g. IPDN).")
@click.option("--qualification-level", default=None, help="The diploma's level, e.g. D4 or S1.")
@click.option("--qualification-programme", default="", help='e.g. "Ilmu Pemerintahan".')
@click.option(
    "--qualification-document", default=None, metavar="NAME=PATH", help="Its scan, pinned."
)
@step_options()
def propose(
    step: Step,
    vacancy_id: UUID,
    nip: str,
    qualification: str | None,
    qualification_number: str,
    qualification_date: date | None,
    qualification_institution: str,
    qualification_level: str | None,
    qualification_programme: str,
    qualification_document: str | None,
) -> None:
    """The head of the vacancy's unit proposes pool member NIP for VACANCY (P24 angka 1-2)."""
    camat = None
    if qualification is not None:
        if qualification_document is None or qualification_date is None:
            raise click.UsageError(
                "--qualification memerlukan --qualification-document dan --qualification-date / "
                "--qualification needs --qualification-document and --qualification-date"
            )
        camat = CamatQualification(
            basis=CamatBasis(qualification),
            number=qualification_number,
            issued=qualification_date,
            institution=qualification_institution,
            level=EducationLevel.parse(qualification_level) if qualification_level else None,
            programme=qualification_programme,
            document=document_refs((qualification_document,))[0],
        )
    command = vacancies.ProposeCandidate(
        vacancy_id=vacancy_id,
        nip=nip,
        proposed_on=step.on(),
        camat_qualification=camat,
        reason=step.reason,
    )
    with step.app() as app:
        vacancies.propose_candidate(app, command, step.actor(role_for(vacancies.propose_candidate)))
    click.echo(f"diusulkan / proposed: {nip}")


def tpk_member(spec: str) -> TpkMember:
    """``Name:office`` or ``Name:office:deputy letter``; the office is one of P8(2)'s five
    (``sekda``, ``kepala-bkpsdm``, ``inspektur``, ``asisten-pemerintahan-kesra``,
    ``asisten-administrasi-pembangunan-umum``); a name may hold a colon."""
    offices = {office.value for office in TpkOffice}
    parts = spec.split(":")
    if len(parts) >= 2 and parts[-1].strip() in offices:
        name, office, letter = ":".join(parts[:-1]), parts[-1], ""
    elif len(parts) >= 3 and parts[-2].strip() in offices:
        name, office, letter = ":".join(parts[:-2]), parts[-2], parts[-1]
    else:
        raise click.BadParameter(
            f"{spec!r}: harus Nama:jabatan[:surat penunjukan wakil] / must be "
            f"Name:office[:deputy letter]; jabatan/offices: {', '.join(sorted(offices))}",
            param_hint="--member",
        )
    return TpkMember(
        name=name.strip(),
        office=TpkOffice(office.strip()),
        deputy=bool(letter.strip()),
        deputy_letter=letter.strip(),
    )


@vacancy.command()
@vacancy_argument
@click.argument("nips", nargs=-1, required=True, metavar="NIP...")
@click.option("--minutes", required=True, help="The TPK session's minutes number.")
@date_option("--minutes-date", required=True)
@click.option(
    "--tpk-decree", required=True, help="The mayor's decree constituting the TPK (P8(1))."
)
@click.option(
    "--member",
    "members",
    multiple=True,
    required=True,
    help='"Name:office" or "Name:office:deputy letter", one per office, repeatable (P8(2)).',
)
@click.option(
    "--justification",
    default="",
    help="Why fewer than three, under the relaxed reading M2 only (P24 angka 4); audited.",
)
@document_option("The signed minutes, as NAME=PATH.")
@step_options(with_effective=False, with_reason=False)
def shortlist(
    step: Step,
    vacancy_id: UUID,
    nips: tuple[str, ...],
    minutes: str,
    minutes_date: date,
    tpk_decree: str,
    members: tuple[str, ...],
    justification: str,
    documents: tuple[str, ...],
) -> None:
    """The TPK shortlists NIPs for VACANCY (three, P24 angka 4), recorded by its minutes."""
    command = vacancies.ShortlistCandidates(
        vacancy_id=vacancy_id,
        tpk_decree=tpk_decree,
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
    """The mayor picks NIP from VACANCY's shortlist by decree (P24 angka 5)."""
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
