"""The command line a caseworker reads, on SQLite and PostgreSQL: tables with column headers,
full names beside NIPs, filters that ignore case, and CSV for a spreadsheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner

from services.application import Talenta
from services.cli.main import main
from services.config import StoreConfig
from tests.integration.test_cli_scouting import (
    AGENCY,
    BOARD,
    D3,
    KMS,
    WEB,
    A,
    B,
    C,
    Shell,
    enrol,
    selected_round,
    sheet,
)

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


def test_the_board_the_pool_and_the_vacancies_read_as_tables(
    store: StoreConfig, tmp_path: Path
) -> None:
    enrol(store)
    shell = Shell(store)
    round_id = selected_round(shell, tmp_path)
    potential = sheet(tmp_path, "p.csv", f"{A},85", f"{B},80", f"{C},79", f"{KMS},60", f"{WEB},70")
    shell.run("score", round_id, "--stage", "potential", potential)
    technical = sheet(tmp_path, "t.csv", f"{A},75", f"{B},70", f"{C},68")
    shell.run("score", round_id, "--stage", "technical", technical)
    shell.run("score-one", round_id, WEB, "--stage", "technical", "--score", "60",
              "--effective", "2024-04-23")  # fmt: skip
    shell.run("finalise", round_id, "--effective", "2024-05-06")
    shell.run("report", round_id, "--number", "800/201/401.103/2024", "--effective", "2024-05-06")
    shell.run("decree", round_id, "--number", "800/55/2024", "--date", "2024-05-20")

    title, header, _, *rows = shell.out("board", round_id).splitlines()
    assert title.startswith("Talent Scouting") or "administrator" in title
    assert header.split()[:3] == ["NIP", "Nama", "Tahap"]
    board = {row.split()[0]: row for row in rows}
    name_of_a = names(store)[A]
    assert name_of_a in board[A] and "lulus" in board[A] and "75.00" in board[A]
    assert "gugur administrasi" in board[D3]
    as_csv = list(csv.DictReader(io.StringIO(shell.out("board", round_id, "--csv"))))
    assert {row["NIP"]: row["Nama"] for row in as_csv}[A] == name_of_a

    pooled = shell.out("pool", "--on", "2025-01-01").splitlines()
    assert pooled[0].split()[:3] == ["NIP", "Nama", "Tingkat"]
    assert any(line.startswith(A) and name_of_a in line and "2027-05-19" in line for line in pooled)
    assert pooled[-1].startswith("3 dalam kelompok talenta")
    assert (
        shell.out("pool", "--on", "2025-01-01", "--expiring", "90")
        .splitlines()[-1]
        .startswith("0 ")
    )
    assert (
        shell.out("pool", "--on", "2027-04-01", "--expiring", "90")
        .splitlines()[-1]
        .startswith("3 ")
    )

    vacancy_id = shell.out(
        "vacancy", "open", AGENCY, "--position", "Kepala Bagian Umum",
        "--unit", "Sekretariat Daerah", "--level", "administrator", "--effective", "2025-03-01",
    )  # fmt: skip
    for nip in (A, B, C):
        shell.run("vacancy", "propose", vacancy_id, nip, "--actor-unit", "Sekretariat Daerah",
                  "--effective", "2025-03-10")  # fmt: skip
    members = [arg for member in BOARD for arg in ("--member", member)]
    shell.run("vacancy", "shortlist", vacancy_id, A, B, C, "--minutes", "BA/12/2025",
              "--minutes-date", "2025-04-02", "--tpk-decree", "188.45/20/2025",
              *members)  # fmt: skip

    header, _, row, tpk = shell.out("vacancies").splitlines()
    assert header.split()[:2] == ["Lowongan", "Jabatan"]
    assert row.startswith(vacancy_id) and f"{A} {name_of_a}" in row
    assert tpk.startswith(f"{vacancy_id}: TPK BA/12/2025 2025-04-02")
    assert "(sekda)" in tpk


def names(store: StoreConfig) -> dict[str, str]:
    app = Talenta(store)
    try:
        return {nip: app.facts(nip).name for nip in (A, B, C)}
    finally:
        app.close()
