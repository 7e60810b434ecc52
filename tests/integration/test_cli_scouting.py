"""`talenta scouting` as a caseworker scripts it, on SQLite and PostgreSQL: a round from opening
to the pool decree and a vacancy to the inauguration, every step a CLI command."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from uuid import UUID

import pytest
from click.testing import CliRunner, Result

from domain.envelope import Actor, Envelope, Role
from domain.personnel.aggregate import Employee
from domain.personnel.facts import EducationEntry
from domain.scouting.candidate import Stage
from domain.scouting.pool import PoolMembership, membership_id
from domain.scouting.round import ScoutingRound
from domain.scouting.vacancy import Vacancy
from domain.scouting.vacancy_state import VacancyState
from domain.values import EducationLevel, PositionLevel
from services.application import Talenta
from services.cli_scouting import scouting
from services.config import StoreConfig
from tests.unit.rules_builders import facts

AGENCY = "kota-madiun"
A, B, C, KMS, WEB = (f"197506012000011{n:03d}" for n in (1, 2, 3, 4, 5))
D3 = "197506012000011013"  # a D3 diploma: fails the education requirement (P10)
BOARD = (
    "Drs. Sekretaris Daerah:sekda",
    "Kepala BKPSDM:kepala-bkpsdm",
    "Irban Wilayah I:inspektur:800/14/401.102/2025",  # sits for the inspector, by letter
    "Asisten Pemerintahan:asisten-pemerintahan-kesra",
    "Asisten Administrasi Umum:asisten-administrasi-pembangunan-umum",
)
OPEN = [
    "open", AGENCY, "--level", "administrator", "--name", "Talent Scouting Administrator 2024",
    "--announcement-date", "2024-02-01", "--registration-opens", "2024-02-05",
    "--registration-closes", "2024-03-15", "--potential-date", "2024-04-01",
    "--technical-date", "2024-04-22", "--result-date", "2024-05-06",
    "--requirements", "Pasal 10 ayat (1) dan Pasal 30 ayat (3)",
    "--procedure", "5 Februari - 15 Maret 2024, berkas ke Sekretariat atau website BKPSDM",
    "--stages", "pengumuman, pendaftaran, seleksi administrasi, penilaian, hasil",
    "--other", "biaya dibebankan pada APBD",
    "--effective", "2024-02-01",
]  # fmt: skip


def enrol(store: StoreConfig) -> None:
    app = Talenta(store)
    try:
        stamp = Envelope(
            actor=Actor(id="siti", role=Role.CASEWORKER, agency=AGENCY),
            effective=date(2024, 1, 15),
            reason="impor SIASN",
        )
        people = [facts(nip=nip) for nip in (A, B, C, KMS, WEB)]
        people.append(
            facts(nip=D3, education=(EducationEntry(level=EducationLevel.D3, year=1996),))
        )
        app.save_bounded(Employee.enrol(each, stamp) for each in people)
    finally:
        app.close()


class Shell:
    """A caseworker's shell: the store and agency exported once, as a script would."""

    def __init__(self, store: StoreConfig) -> None:
        self.runner = CliRunner()
        self.env = {"TALENTA_STORE": store.url, "TALENTA_AGENCY": AGENCY, "TALENTA_ACTOR": "siti"}

    def run(self, *args: str, expect: int = 0) -> Result:
        result = self.runner.invoke(scouting, list(args), env=self.env)
        assert result.exit_code == expect, result.output
        return result

    def out(self, *args: str) -> str:
        return self.run(*args).stdout.strip()


def sheet(folder: Path, name: str, *rows: str) -> str:
    path = folder / name
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return str(path)


def opened_round(shell: Shell) -> str:
    round_id = shell.out(*OPEN)
    UUID(round_id)
    shell.run(
        "publish", round_id, "--circular", "800/117/401.103/2024",
        "--website", "https://bkpsdm.madiunkota.go.id/ts-2024", "--effective", "2024-02-01",
    )  # fmt: skip
    return round_id


def selected_round(shell: Shell, tmp_path: Path) -> str:
    """Registered, recommended, verified, closed, selected and announced."""
    round_id = opened_round(shell)
    form = tmp_path / "formulir.pdf"
    form.write_bytes(b"%PDF-1.4 formulir pendaftaran")
    for nip in (A, B, C, KMS, D3):
        shell.run("register", round_id, nip, "--document", f"formulir={form}",
                  "--effective", "2024-02-12")  # fmt: skip
    assert shell.out("register", round_id, WEB, "--channel", "web", "--effective",
                     "2024-02-12") == f"{WEB}  {Stage.PENDING_VERIFICATION}"  # fmt: skip
    for nip in (A, B, C, KMS, D3, WEB):
        shell.run("recommend", round_id, nip, "--effective", "2024-02-13")
    assert shell.out("verify", round_id, WEB, "--effective", "2024-02-14").endswith("registered")
    shell.run("close", round_id, "--effective", "2024-03-15")

    selection = shell.out("select", round_id, "--documents-complete", "--effective", "2024-03-18")
    assert f"{A}  LULUS / PASSED" in selection
    assert f"{D3}  TIDAK LULUS / FAILED" in selection
    assert "education" in selection and "[madiun-2021:P10" in selection
    shell.run("announce", round_id, "--effective", "2024-03-20")

    app = Talenta(StoreConfig(shell.env["TALENTA_STORE"]))
    try:
        registered: ScoutingRound = app.repository.get(UUID(round_id))
    finally:
        app.close()
    digest = hashlib.sha256(form.read_bytes()).hexdigest()
    assert registered.candidates[A].documents[0].sha256 == digest
    assert registered.candidates[A].recommended
    return round_id


def test_a_round_and_a_vacancy_are_scripted_through_the_cli(
    store: StoreConfig, tmp_path: Path
) -> None:
    enrol(store)
    shell = Shell(store)
    round_id = selected_round(shell, tmp_path)

    potential = sheet(tmp_path, "potensi.csv", "NIP;Nilai", f"{A};85", f"{B};80", f"{C};79,5",
                      f"{KMS};67.99", f"{WEB};70")  # fmt: skip
    assert shell.out("score", round_id, "--stage", "potential", potential).startswith("5 dicatat")
    technical = sheet(tmp_path, "teknis.csv", f"{A},75", f"{B},70", f"{C},68")
    shell.run("score", round_id, "--stage", "technical", technical)
    shell.run("score-one", round_id, WEB, "--stage", "technical", "--score", "60",
              "--effective", "2024-04-23")  # fmt: skip

    results = shell.out("finalise", round_id, "--effective", "2024-05-06")
    assert f"{WEB}    65.0 kurang-memenuhi-syarat   TIDAK LULUS / FAILED" in results
    assert results.endswith("3 lulus / passed")  # the KMS candidate stopped at stage 4
    shell.run("report", round_id, "--number", "800/201/401.103/2024", "--effective", "2024-05-06")
    decreed = shell.out("decree", round_id, "--number", "800/55/2024", "--date", "2024-05-20")
    assert f"{A}  administrator  berlaku s.d./valid until 2027-05-20" in decreed

    vacancy_id = shell.out(
        "vacancy", "open", AGENCY, "--position", "Kepala Bagian Umum",
        "--unit", "Sekretariat Daerah", "--level", "administrator", "--effective", "2025-03-01",
    )  # fmt: skip
    other_head = shell.run("vacancy", "propose", vacancy_id, A, "--actor-unit", "Bappeda",
                           "--effective", "2025-03-10", expect=1)  # fmt: skip
    assert "[madiun-2021:P24 angka 1]" in other_head.output
    for nip in (A, B, C):
        shell.run("vacancy", "propose", vacancy_id, nip, "--actor-unit", "Sekretariat Daerah",
                  "--effective", "2025-03-10")  # fmt: skip
    members = [arg for member in BOARD for arg in ("--member", member)]
    shell.run("vacancy", "shortlist", vacancy_id, A, B, C, "--minutes", "BA/12/2025",
              "--minutes-date", "2025-04-02", "--tpk-decree", "188.45/20/2025",
              *members)  # fmt: skip
    shell.run("vacancy", "pick", vacancy_id, B, "--decree", "821.2/88/2025",
              "--decree-date", "2025-04-10")  # fmt: skip
    shell.run("vacancy", "inaugurate", vacancy_id, "--date", "2025-05-02")

    app = Talenta(store)
    try:
        filled: Vacancy = app.repository.get(UUID(vacancy_id))
        membership: PoolMembership = app.repository.get(
            membership_id(B, PositionLevel.ADMINISTRATOR)
        )
        position = app.facts(B).positions[-1]
    finally:
        app.close()
    assert filled.state is VacancyState.FILLED
    assert membership.entries[-1].used is not None
    assert (position.title, position.inauguration) == ("Kepala Bagian Umum", date(2025, 5, 2))


def test_a_bad_score_row_is_reported_with_its_line(store: StoreConfig, tmp_path: Path) -> None:
    enrol(store)
    shell = Shell(store)
    round_id = selected_round(shell, tmp_path)
    rows = sheet(tmp_path, "potensi.csv", "nip,score", f"{A},85", "12345,70", f"{D3},90")

    result = shell.run("score", round_id, "--stage", "potential", rows, expect=1)
    assert "baris/line 3: 12345: invalid-row" in result.stderr
    assert f"baris/line 4: {D3}: not-administratively-passed" in result.stderr
    assert "[madiun-2021:P14(4)]" in result.stderr
    assert result.stdout.strip() == "1 dicatat/recorded, 2 ditolak/refused"


def test_scoring_before_selection_is_refused_in_one_line_with_its_citation(
    store: StoreConfig,
) -> None:
    enrol(store)
    shell = Shell(store)
    round_id = opened_round(shell)
    shell.run("register", round_id, A, "--effective", "2024-02-12")

    result = shell.run("score-one", round_id, A, "--stage", "potential", "--score", "80",
                       expect=1)  # fmt: skip
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ") and lines[0].endswith("[madiun-2021:P14(3)]")


@pytest.mark.parametrize(
    ("args", "role"),
    [
        (("recommend", "R", A), Role.HEAD_OF_UNIT),
        (("report", "R", "--number", "1"), Role.SCOUTING_TEAM),
        (("decree", "R", "--number", "1", "--date", "2024-05-20"), Role.PPK),
        (("score-one", "R", A, "--stage", "technical", "--score", "1"), Role.EXTERNAL_ASSESSOR),
    ],
)
def test_each_step_acts_in_its_own_role_unless_told(
    store: StoreConfig, args: tuple[str, ...], role: Role
) -> None:
    """A role of its own by default; --as overrides it, and the handler refuses a wrong one."""
    shell = Shell(store)
    missing = "00000000-0000-0000-0000-000000000001"
    command = [missing if arg == "R" else arg for arg in args]

    # The default role passes the handler's role check and gets as far as the missing round.
    not_found = shell.run(*command, expect=1)
    assert "tidak ada / no" in not_found.stderr or f"not found: {missing}" in not_found.stderr
    refused = shell.run(*command, "--as", "auditor", expect=1)
    assert "role auditor may not" in refused.stderr and f"allowed: {role}" in refused.stderr


def test_the_agency_is_required(store: StoreConfig) -> None:
    shell = Shell(store)
    del shell.env["TALENTA_AGENCY"]
    result = shell.run(*OPEN, expect=2)
    assert "--agency" in result.stderr
