"""`talenta demo`: synthetic agencies for demonstrations, written as SIASN exports."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import click

from domain.envelope import Role
from domain.values import PositionLevel
from services.bootstrap import store_opened
from services.cli.options import store_option
from services.cli.session import EMBEDDED_ENV, embedded_requested
from services.demo import Size, careers, write_agency
from services.demo.seed import AGENCY, AGENCY_NAME, demo_actor, seed_scouting
from services.importing import PersonnelFiles, import_personnel


@click.group()
def demo() -> None:
    """Synthetic data for demonstrations and load tests."""


@demo.command()
@click.option(
    "--size",
    type=click.Choice([size.value for size in Size]),
    default=Size.CITY.value,
    show_default=True,
    help="city: 8,000 employees; province: 100,000; national: 1,000,000.",
)
@click.option("--employees", type=click.IntRange(min=1), help="Any other number of employees.")
@click.option("--seed", type=int, default=1, show_default=True, help="Same seed, same files.")
@click.option(
    "--agency-name",
    default="Pemerintah Kota Madiun",
    show_default=True,
    help="instansiKerjaNama written on every row.",
)
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path))
def generate(size: str, employees: int | None, seed: int, agency_name: str, out: Path) -> None:
    """Write data_utama.csv and the rw_*.csv histories of a generated agency into OUT, ready for
    `talenta import`."""
    count = employees or Size(size).employees
    started = time.perf_counter()
    summary = write_agency(out, count, seed, agency_name)
    rows = ", ".join(f"{name} {number}" for name, number in summary.rows.items())
    click.echo(
        f"{summary.employees} pegawai / employees in {out} ({rows}) "
        f"in {time.perf_counter() - started:.1f} s"
    )


@demo.command()
@store_option
@click.option("--employees", type=click.IntRange(min=50), default=1_000, show_default=True)
@click.option("--seed", type=int, default=1, show_default=True, help="Same seed, same agency.")
@click.option("--first-year", type=int, default=2022, show_default=True)
@click.option("--last-year", type=int, default=2025, show_default=True)
def seed(store: str, employees: int, seed: int, first_year: int, last_year: int) -> None:
    """Import a generated Madiun agency into the store and run a talent-scouting round and a
    vacancy filled from its pool for each year, through the product's own commands. Only in
    the embedded mode: its made-up decisions are recorded as the demo.* actors, never in a
    shared store."""
    if not embedded_requested():
        raise click.UsageError(
            f"demo seed hanya dalam mode tertanam ({EMBEDDED_ENV}=1) / "
            f"demo seed runs only in the embedded mode ({EMBEDDED_ENV}=1)"
        )
    with store_opened(store) as app:
        with tempfile.TemporaryDirectory(prefix="talenta-demo-") as directory:
            write_agency(Path(directory), employees, seed, AGENCY_NAME)
            files = PersonnelFiles.in_directory(Path(directory))
            imported = import_personnel(app, files, AGENCY, demo_actor(Role.CASEWORKER))
        click.echo(f"{imported.events} peristiwa impor / import events")
        supervisors = [
            career.nip
            for career in careers(employees, seed)
            if career.level is PositionLevel.SUPERVISOR and career.status == "PNS"
        ]
        report = seed_scouting(app, supervisors, range(first_year, last_year + 1), seed, click.echo)
    click.echo(
        f"{report.rounds} ronde / rounds, {report.registered} pendaftaran / registrations, "
        f"{report.pooled} masuk talent pool / pool entries, dilantik / inaugurated: "
        + (", ".join(report.inaugurated) or "-")
    )
