"""`talenta demo`: synthetic agencies for demonstrations, written as SIASN exports."""

from __future__ import annotations

import time
from pathlib import Path

import click

from services.workload import Size, write_agency


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
