"""The personnel commands: import an agency's export, list its employees, check them against
the scouting requirements, place a level on the nine-box, list the rule packs."""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from pathlib import Path

import click

from domain.envelope import Actor, Role
from domain.personnel.facts import PersonnelFacts
from domain.rules.ninebox import Performance, Potential
from domain.rules.registry import PACKS, pack_for, pack_in_force
from domain.values import PositionLevel
from projections.directory.projection import DirectoryRow
from services.agency_bounds import acting_as
from services.bootstrap import fresh_directory, store_opened
from services.cli.options import store_option
from services.cli.progress import save_progress
from services.cli.render import (
    ELIGIBILITY_HEADERS,
    columns,
    echo_json,
    echo_rows,
    eligibility_rows,
    eligibility_summary,
    eligibility_table,
    placement_lines,
    text,
)
from services.cli.session import cli_actor, reader_agency, reading_actor
from services.config import StoreConfig
from services.eligibility import EmployeeEligibility, check_scouting
from services.importing import PersonnelFiles, import_personnel, parse_personnel
from services.personal_data_reads import record_reads

EMPLOYEE_HEADERS = ("NIP", "Nama", "Gol.", "Unit kerja", "Jabatan")


def matching(rows: list[DirectoryRow], name: str | None, unit: str | None) -> list[DirectoryRow]:
    """The rows whose name holds ``name`` and whose unit holds ``unit``, ignoring case: a
    caseworker types "bappeda" for "Badan Perencanaan ... (Bappeda)"."""
    wanted_name = (name or "").casefold().strip()
    wanted_unit = (unit or "").casefold().strip()
    return [
        row
        for row in rows
        if wanted_name in row.name.casefold() and wanted_unit in row.unit.casefold()
    ]


@click.command()
@store_option
@click.argument("agency")
@click.option("--name", default=None, help="Only names holding this text (any case).")
@click.option("--unit", default=None, help="Only units holding this text (any case).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV instead of a table.")
def employees(
    store: str, agency: str, name: str | None, unit: str | None, as_json: bool, as_csv: bool
) -> None:
    """List the employees of AGENCY from the directory read model, by name or unit."""
    reader_agency(store, agency)
    with store_opened(store) as app:
        view = fresh_directory(app)
        rows = matching(view.rows(agency), name, unit)
    if as_json:
        click.echo(json.dumps([row.model_dump() for row in rows], indent=2))
        return
    cells = [[row.nip, row.name, row.grade, row.unit, row.position] for row in rows]
    echo_rows(EMPLOYEE_HEADERS, cells, as_csv)
    if not as_csv:
        click.echo(f"{len(rows)} pegawai / employees")


def caseworker(store: str, agency: str) -> Actor:
    """The caseworker of ``agency`` who imports: the signed-in user, or the embedded mode's."""
    return cli_actor(store, Role.CASEWORKER, agency, actor_id=os.environ.get("TALENTA_ACTOR"))


def history_options(function: click.decorators.FC) -> click.decorators.FC:
    for name, help_text in reversed(HISTORY_FILES):
        function = click.option(
            f"--{name.replace('_', '-')}",
            name,
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help=help_text,
        )(function)
    return function


HISTORY_FILES = (
    ("positions", "Position history (rw_jabatan)."),
    ("grades", "Grade history (rw_golongan)."),
    ("penalties", "Disciplinary penalties (rw_hukdis)."),
    ("performance", "Yearly performance from 2022 (rw_skp22)."),
    ("performance_scores", "Numeric appraisal scores before 2022 (rw_skp)."),
    ("investigations", "Open disciplinary investigations (rw_pemeriksaan)."),
)


def personnel_files(main_file: Path, histories: dict[str, Path | None]) -> PersonnelFiles:
    if main_file.is_dir():
        return PersonnelFiles.in_directory(main_file)
    return PersonnelFiles(main=main_file, **histories)


@click.command(name="import")
@store_option
@click.argument("agency")
@click.argument("main_file", metavar="DATA_UTAMA", type=click.Path(exists=True, path_type=Path))
@history_options
@click.option(
    "--effective",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Effective date of the import (default: today).",
)
def import_(
    store: str, agency: str, main_file: Path, effective: datetime | None, **histories: Path | None
) -> None:
    """Import AGENCY's personnel export: DATA_UTAMA is the main-record CSV, or a folder holding
    data_utama*.csv and rw_*.csv. Good rows are stored, bad rows reported; importing the same
    files again changes nothing."""
    files = personnel_files(main_file, histories)
    with store_opened(store) as app, save_progress() as progress:
        report = import_personnel(
            app,
            files,
            agency,
            caseworker(store, agency),
            effective.date() if effective else None,
            on_progress=progress,
        )
    for error in report.errors:
        click.echo(str(error), err=True)
    click.echo(report.summary())
    if report.errors:
        sys.exit(1)


@click.command()
@store_option
@click.argument("agency")
@click.option("--level", type=click.Choice(["administrator", "supervisor"]), required=True)
@click.option(
    "--on",
    "on",
    type=click.DateTime(["%Y-%m-%d"]),
    required=True,
    help="The round's registration closing date (reading D4).",
)
@click.option("--nip", "nips", multiple=True, help="Check only these employees (repeatable).")
@click.option(
    "--csv",
    "csv_file",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="Check straight from a main-record CSV (or export folder), storing nothing.",
)
@history_options
@click.option(
    "--detail", is_flag=True, help="Every requirement with its result, evidence and citation."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (every requirement).")
@click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True)
def eligibility(
    store: str,
    agency: str,
    level: str,
    on: datetime,
    nips: tuple[str, ...],
    csv_file: Path | None,
    detail: bool,
    as_json: bool,
    lang: str,
    **histories: Path | None,
) -> None:
    """Check AGENCY's employees against its pack's talent-scouting requirements for LEVEL on a
    date: one line per person (eligible, not, pending, and the requirements that failed), every
    requirement with its evidence and citation with --detail or --json."""
    if csv_file:  # a file given is the reader's own; the store's records are the agency's
        employees = scouting_candidates_from_csv(personnel_files(csv_file, histories), agency)
        checked = check_scouting(employees, agency, PositionLevel(level), on.date())
    else:
        checked = checked_in_store(StoreConfig(store), agency, nips, PositionLevel(level), on)
    if as_json:
        echo_json(checked)  # as the reader's role may see it
    elif detail:
        click.echo("\n".join(eligibility_table(checked, lang)))
    else:
        headers = ELIGIBILITY_HEADERS[lang]
        click.echo("\n".join(columns(headers, eligibility_rows(checked, lang))))
        click.echo(eligibility_summary(checked, lang))


def scouting_candidates_from_csv(files: PersonnelFiles, agency: str) -> list[PersonnelFacts]:
    parsed = parse_personnel(files, agency)
    for error in parsed.errors:
        click.echo(str(error), err=True)
    return parsed.facts


def checked_in_store(
    store: StoreConfig, agency: str, nips: tuple[str, ...], level: PositionLevel, on: datetime
) -> list[EmployeeEligibility]:
    """The agency's employees (or those named) checked; each check shows the birth date and
    the disciplinary record it judged, so it is a recorded read of them, as over the API."""
    reader = reading_actor(store.url, agency)
    with store_opened(store) as app:
        if not nips:
            view = fresh_directory(app)
            nips = tuple(row.nip for row in view.rows(agency))
        with acting_as(reader):  # an NIP of another agency is answered as one of none
            employees = [app.facts(nip) for nip in nips]
        checked = check_scouting(employees, agency, level, on.date())
        record_reads(app, reader, agency, [str(e.nip) for e in employees], "talenta eligibility")
    return checked


@click.command()
@click.argument("pack_or_agency")
@click.option("--performance", type=click.Choice([p.value for p in Performance]), required=True)
@click.option("--potential", type=click.Choice([p.value for p in Potential]), required=True)
@click.option(
    "--on",
    "on",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Decision date: refused if the pack is not yet in force then.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True)
def ninebox(
    pack_or_agency: str,
    performance: str,
    potential: str,
    on: datetime | None,
    as_json: bool,
    lang: str,
) -> None:
    """Place a performance and potential level on PACK_OR_AGENCY's nine-box, with the pack's
    follow-up recommendations."""
    pack = pack_in_force(pack_or_agency, on.date()) if on else pack_for(pack_or_agency)
    placement = pack.place(Performance(performance), Potential(potential))
    if as_json:
        click.echo(json.dumps({"pack": pack.id, **placement.model_dump(mode="json")}, indent=2))
    else:
        click.echo("\n".join(placement_lines(pack.id, placement, lang)))


@click.command()
@click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True)
def packs(lang: str) -> None:
    """List the rule packs with their dates and readings."""
    for pack in PACKS.values():
        click.echo(f"{pack.id}: {pack.regulation} (berlaku/in force {pack.in_force})")
        for reading in pack.readings:
            click.echo(
                f"  {reading.id} = {reading.chosen}: {text(reading.question, lang)} "
                f"[{', '.join(reading.options)}]"
            )
        for note in pack.notes:
            click.echo(f"  * {text(note, lang)}")
