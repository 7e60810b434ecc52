"""The command line a caseworker reads, on SQLite and PostgreSQL: tables with column headers,
full names beside NIPs, filters that ignore case, and CSV for a spreadsheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner

from services.cli.main import main
from services.config import StoreConfig

SAMPLES = Path(__file__).parents[2] / "services" / "importing" / "samples"
BUDI, SITI = "197503122000031004", "198307252006042011"


def talenta(store: StoreConfig, *args: str) -> str:
    result = CliRunner().invoke(main, ["--init", *args, "--store", store.url])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_employees_are_found_by_name_and_unit_in_any_case(store: StoreConfig) -> None:
    talenta(store, "import", "kota-madiun", str(SAMPLES))

    header, rule, *rows, total = talenta(store, "employees", "kota-madiun").strip().splitlines()
    assert header.split()[:2] == ["NIP", "Nama"] and set(rule) == {"-", " "}
    assert len(rows) == 6 and total == "6 pegawai / employees"

    by_unit = talenta(store, "employees", "kota-madiun", "--unit", "DINAS PEKERJAAN umum")
    assert [line.split()[0] for line in by_unit.splitlines()[2:-1]] == [BUDI]
    by_name = talenta(store, "employees", "kota-madiun", "--name", "siti", "--csv")
    (siti,) = list(csv.DictReader(io.StringIO(by_name)))
    assert (siti["NIP"], siti["Nama"], siti["Gol."]) == (SITI, "Siti Rahmawati, S.E.", "III/c")
    assert talenta(store, "employees", "kota-madiun", "--name", "nobody").endswith(
        "0 pegawai / employees\n"
    )
