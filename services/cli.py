"""The `talenta` command line."""

from __future__ import annotations

import getpass
import json
import os
import sys
from datetime import datetime
from pathlib import Path

import click
from eventsourcing.persistence import IntegrityError

from domain.envelope import Actor, Role
from domain.personnel.facts import PersonnelFacts
from domain.rules.core import RuleRefusal
from domain.rules.ninebox import Performance, Potential
from domain.rules.registry import PACKS, pack_for, pack_in_force
from domain.values import PositionLevel
from projections.directory import DirectoryProjection, directory_view
from projections.follower import Follower
from services.application import Talenta
from services.auth.cli import token
from services.cli_audit import audit
from services.cli_chain import chain
from services.cli_compliance import compliance
from services.cli_demo import demo
from services.cli_inbox import inbox_group
from services.cli_options import store_option
from services.cli_render import eligibility_table, placement_lines, text
from services.cli_report import report
from services.cli_scouting import scouting
from services.cli_step import cause, record
from services.cli_talent import talent
from services.cli_users import user
from services.commands import CONFLICT
from services.config import DATA, StoreConfig, creating_stores
from services.eligibility import check_scouting
from services.importing import ImportInterrupted, PersonnelFiles, import_personnel, parse_personnel
from services.importing.progress import save_progress
from services.settings import Settings
from services.settings_cli import settings_option


class RefusingGroup(click.Group):
    """Every refusal reaches the user as one clear line and exit code 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except click.ClickException as refused:
            record(ctx, cause(refused))  # recorded apart from the step, which wrote nothing
            raise
        except IntegrityError:
            raise click.ClickException(str(CONFLICT)) from None
        except (RuleRefusal, PermissionError, LookupError, ValueError, ImportInterrupted) as error:
            record(ctx, error)
            raise click.ClickException(str(error)) from None


@click.group(cls=RefusingGroup)
@click.option(
    "--init", is_flag=True, help="Create the store if it does not exist yet (else refused)."
)
@click.pass_context
def main(ctx: click.Context, init: bool) -> None:
    """Talenta: civil-servant talent management (Binjai 8/2023, Balikpapan 12/2022, Madiun
    48/2021)."""
    ctx.with_resource(creating_stores(init))


@main.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.option("--temporal-port", default=7233, show_default=True)
@click.option(
    "--data",
    default=str(DATA),
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder for the Temporal dev server's database.",
)
@settings_option
def serve(
    store: str, host: str, port: int, temporal_port: int, data: Path, settings: Settings
) -> None:
    """Run the product: API, read models and a Temporal dev server started here."""
    from services.serve import run

    with creating_stores(True):
        run(StoreConfig(store), host, port, temporal_port, data, settings)


@main.command()
@store_option
@click.option(
    "--temporal",
    envvar="TALENTA_TEMPORAL",
    default="127.0.0.1:7233",
    show_default=True,
    help="Address of a running Temporal server (TALENTA_TEMPORAL).",
)
@settings_option
def worker(store: str, temporal: str, settings: Settings) -> None:
    """Run the clocks against a running Temporal server: the worker and the relay. Start as
    many as you like; clocks are started once whatever runs the relay."""
    from services.serve import run_worker

    run_worker(StoreConfig(store), temporal, settings)


@main.command()
@store_option
@click.argument("agency")
@click.option("--unit", default=None, help="Only this unit.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def employees(store: str, agency: str, unit: str | None, as_json: bool) -> None:
    """List the employees of AGENCY from the directory read model."""
    app = Talenta(StoreConfig(store))
    try:
        view = directory_view(app)
        Follower(app, DirectoryProjection(view)).catch_up()
        rows = view.rows(agency, unit)
    finally:
        app.close()
    if as_json:
        click.echo(json.dumps([row.model_dump() for row in rows], indent=2))
        return
    for row in rows:
        click.echo(f"{row.nip}  {row.grade:6} {row.unit:30.30} {row.position:30.30} {row.name}")
    click.echo(f"{len(rows)} pegawai / employees")


def caseworker() -> Actor:
    """Until API tokens arrive, a command-line user is who the shell says they are."""
    return Actor(id=os.environ.get("TALENTA_ACTOR") or getpass.getuser(), role=Role.CASEWORKER)


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


@main.command(name="import")
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
    app = Talenta(StoreConfig(store))
    try:
        with save_progress() as progress:
            report = import_personnel(
                app,
                files,
                agency,
                caseworker(),
                effective.date() if effective else None,
                on_progress=progress,
            )
    finally:
        app.close()
    for error in report.errors:
        click.echo(str(error), err=True)
    click.echo(report.summary())
    if report.errors:
        sys.exit(1)


@main.command()
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
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True)
def eligibility(
    store: str,
    agency: str,
    level: str,
    on: datetime,
    nips: tuple[str, ...],
    csv_file: Path | None,
    as_json: bool,
    lang: str,
    **histories: Path | None,
) -> None:
    """Check AGENCY's employees against its pack's talent-scouting requirements for LEVEL on a
    date, listing every requirement with its result, evidence and citation."""
    employees = (
        scouting_candidates_from_csv(personnel_files(csv_file, histories), agency)
        if csv_file
        else scouting_candidates_from_store(StoreConfig(store), agency, nips)
    )
    checked = check_scouting(employees, agency, PositionLevel(level), on.date())
    if as_json:
        click.echo(json.dumps([c.model_dump(mode="json") for c in checked], indent=2))
    else:
        click.echo("\n".join(eligibility_table(checked, lang)))


def scouting_candidates_from_csv(files: PersonnelFiles, agency: str) -> list[PersonnelFacts]:
    parsed = parse_personnel(files, agency)
    for error in parsed.errors:
        click.echo(str(error), err=True)
    return parsed.facts


def scouting_candidates_from_store(
    store: StoreConfig, agency: str, nips: tuple[str, ...]
) -> list[PersonnelFacts]:
    app = Talenta(store)
    try:
        if not nips:
            view = directory_view(app)
            Follower(app, DirectoryProjection(view)).catch_up()
            nips = tuple(row.nip for row in view.rows(agency))
        return [app.facts(nip) for nip in nips]
    finally:
        app.close()


@main.command()
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


@main.command()
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


main.add_command(token)
main.add_command(chain)
main.add_command(compliance)
main.add_command(audit)
main.add_command(inbox_group, name="inbox")
main.add_command(demo)
main.add_command(scouting)
main.add_command(talent)
main.add_command(report)
main.add_command(user)
