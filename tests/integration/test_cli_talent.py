"""`talenta talent` as the team scripts it, on SQLite and PostgreSQL: one agency under each pack
from a critical position to a monitored placement, every step a CLI command, the mapping from a
CSV sheet with its bad rows reported by line, refusals as one line with their citation."""

from __future__ import annotations

import json
from pathlib import Path
from uuid import UUID

import pytest
from click.testing import CliRunner, Result

from domain.rules.registry import pack_for
from domain.talent.mapping import TalentProfile
from services.application import Talenta
from services.cli.main import main
from services.cli.talent import talent
from services.config import StoreConfig
from tests.integration.test_talent_succession import UNIT, A, B, C, D, staffed

GHOST = "197705092000011099"  # in no personnel record


class Shell:
    """The team's shell: store, agency and actor exported once, as a script would."""

    def __init__(self, store: StoreConfig, agency: str) -> None:
        self.runner = CliRunner()
        self.env = {"TALENTA_STORE": store.url, "TALENTA_AGENCY": agency, "TALENTA_ACTOR": "rina"}

    def run(self, *args: str, expect: int = 0) -> Result:
        # ``talent ...`` runs through the whole command line, which records refusals
        group = main if args[:1] == ("talent",) else talent
        result = self.runner.invoke(group, list(args), env=self.env)
        assert result.exit_code == expect, result.output
        return result

    def out(self, *args: str) -> str:
        return self.run(*args).stdout.strip()


def sheet(folder: Path, *rows: str) -> str:
    path = folder / "pemetaan-2025.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("city", ["binjai", "balikpapan"])
def test_a_pack_is_scripted_from_a_critical_position_to_a_monitored_placement(
    store: StoreConfig, tmp_path: Path, city: str
) -> None:
    agency = f"kota-{city}"
    cycle = pack_for(agency).cycle
    assert cycle is not None
    app = Talenta(store)
    try:
        staffed(app, agency)
    finally:
        app.close()
    shell = Shell(store, agency)

    characteristics = [
        arg
        for item in cycle.critical_characteristics
        for arg in ("--characteristic", f"{item.code}=karena RPJMD")
    ]
    critical = shell.out(
        "declare-critical", "--position", "Kepala Bappeda", "--unit", UNIT,
        "--level", "jpt-pratama", *characteristics, "--priority", "1",
        "--competency-standard", "SKJ-01", "--decree", "800/1/2025", "--decree-date", "2025-02-03",
    )  # fmt: skip
    UUID(critical)
    shell.run("report-critical", critical, "--letter", "B/7", "--letter-date", "2025-02-10")
    shell.run("analyse-needs", "--period", "2025-2029", "--basis", "RPJMD 2025-2029",
              "--critical", f"{critical}=1", "--effective", "2025-02-12")  # fmt: skip
    shell.run("set-strategy", "--period", "2025-2029", "--mechanism", "build-internal",
              "--decree", "800/2/2025", "--decree-date", "2025-02-14")  # fmt: skip

    campaign = shell.out(
        "open-campaign", "--unit", UNIT, "--period", "2025", "--effective", "2025-03-01"
    )
    rows = sheet(
        tmp_path,
        "nip,performance,potential,assessed_on,period",
        f"{A},above-expectation,high,2025-03-10",
        f"{B},meets-expectation,high,2025-03-10,2025",
        f"{GHOST},above-expectation,high,2025-03-10",
        f"{C},below-expectation,high,2025-03-10",
        f"{C},excellent,high,2025-03-10",
        f"{D},above-expectation,high,10/03/2025",
    )
    mapped = shell.run(
        "assess-csv", rows, "--period", "2025", "--evidence", "assessment_centre.intellectual=4",
        expect=1,
    )  # fmt: skip
    assert mapped.stdout.splitlines()[0].startswith(f"{A}  kotak/box 9")
    assert f"{C}  kotak/box 6" in mapped.stdout
    refused = [line for line in mapped.stderr.splitlines() if line.startswith("baris/line")]
    assert [line.split(":")[0] for line in refused] == [
        "baris/line 4",
        "baris/line 6",
        "baris/line 7",
    ]
    assert "3 dicatat/recorded, 3 ditolak/refused" in mapped.stderr
    # The one bad-dated row again, by hand, with its evidence.
    assert shell.out(
        "assess", D, "--performance", "above-expectation", "--potential", "high",
        "--period", "2025", "--evidence", "competency_test.technical=80",
        "--effective", "2025-03-10",
    ).startswith(f"{D}  kotak/box 9")  # fmt: skip
    app = Talenta(store)
    try:
        profile: TalentProfile = app.repository.get(TalentProfile.create_id(agency, A))
        assert profile.assessments[0].evidence["other"]["line"] == 2
        assert profile.assessments[0].evidence["assessment_centre"] == {"intellectual": 4}
    finally:
        app.close()
    report = shell.out("campaign", campaign)
    assert f"kotak/box 9 {UNIT}: {A}" in report
    shell.run("close-campaign", campaign, "--effective", "2025-03-31")

    decree = ("--period", "2025", "--decree", "800/3/2025", "--decree-date", "2025-04-07")
    if city == "binjai":  # P29(3), P22: the PPK decrees the group and nominates from it
        shell.run("set-group", A, B, D, *decree)
    plan = shell.out("declare-target", "--position", "Kepala Bappeda", "--unit", UNIT,
                     "--level", "jpt-pratama", "--status", "to-be-vacant", "--critical", critical,
                     "--effective", "2025-04-02")  # fmt: skip
    other = "talent-team" if city == "binjai" else "ppk"
    wrong = shell.run("nominate", plan, A, "--justification", "kinerja", "--as", other,
                      "--effective", "2025-04-07", expect=1)  # fmt: skip
    assert f"[{cycle.nomination_citation}]" in wrong.output
    assert len(wrong.output.strip().splitlines()) == 1
    for nip in (A, B):  # by the pack's nominator, the default role
        shell.run("nominate", plan, nip, "--justification", "kinerja", "--effective", "2025-04-07")
    if city == "balikpapan":  # P16(2): the talent team's group, then the PPK's decree (P17(3))
        group = shell.out("set-nominated-group", f"{plan}:{A}", f"{plan}:{B}", "--period", "2025",
                          "--minutes", "BA/TMT/1/2025", "--effective", "2025-04-07")  # fmt: skip
        assert UUID(group)
        shell.run("set-group", A, B, *decree)
    ordered = shell.out("order-successors", plan, f"{B}@2026-01-05", f"{A}@2026-01-05",
                        "--effective", "2025-04-08")  # fmt: skip
    assert ordered.splitlines() == [
        f"1. {B}  Kepala Bappeda  2026-01-05",
        f"2. {A}  Kepala Bappeda  2026-01-05",
    ]
    audit = json.loads(shell.out("nomination-audit", plan, A))
    assert audit["assessment_at_the_time"]["box"] == 9
    assert audit["nomination"]["actor"]["role"] == cycle.nominator

    shell.run("enrol", B, "--programme", "corporate-university", "--method", "training",
              "--effective", "2025-05-02")  # fmt: skip
    counselled = shell.run("counsel", C, "--notes", "target SKP", "--effective", "2025-05-02",
                           expect=0 if city == "binjai" else 1)  # fmt: skip
    if city == "balikpapan":
        assert "konseling kinerja" in counselled.output
    tasks = shell.out("follow-ups", C, "--effective", "2025-05-02").splitlines()
    assert tasks
    task = tasks[0].split()[0]
    shell.run("close-follow-up", C, task, "--outcome", "selesai", "--effective", "2025-06-02")
    shell.run("retain", B, "--kind", "rotation", "--detail", "ke Bapenda",
              "--effective", "2025-05-02")  # fmt: skip
    kind = "pin" if city == "binjai" else "certificate"
    UUID(shell.out("award", A, "--kind", kind, "--decree", "800/9/2025",
                   "--decree-date", "2025-06-02"))  # fmt: skip

    decree = ("--decree", "821/1", "--decree-date", "2026-01-02", "--inaugurated", "2026-01-05")
    direct = shell.run("place", plan, D, *decree, expect=1 if city == "binjai" else 0)
    if city == "binjai":
        assert f"[{cycle.box9_citation}]" in direct.output
        placed = json.loads(shell.out("place", plan, A, *decree, "--json"))
    else:
        words = direct.stdout.split()
        placed = {"placement_id": words[0], "monitoring_id": words[-1]}
    monitoring = placed["monitoring_id"]
    shell.run("check-in", monitoring, "--year", "1", "--notes", "baik", "--effective", "2027-01-05")
    outcome = str(cycle.monitoring_outcomes[0])
    shell.run("evaluate", monitoring, "--outcome", outcome, "--effective", "2029-01-05")

    lines = shell.out("placement-audit", placed["placement_id"], "--as", "auditor").splitlines()
    nip = A if city == "binjai" else D
    assert lines[0].startswith(f"{nip} -> Kepala Bappeda ({UNIT}) oleh/by embedded:rina (ppk)")
    assert "821/1 2026-01-02" in lines[0]
    assert ("langsung/direct ya/yes" in lines[1]) is (city == "balikpapan")
    assert ("lintas unit/cross-unit ya/yes" in lines[1]) is (city == "balikpapan")
    assert cycle.placement_citation in lines[2]
    assert "2029-01-05" in lines[-1]


def test_a_balikpapan_decision_before_2025_is_one_line_with_its_article(
    store: StoreConfig,
) -> None:
    shell = Shell(store, "kota-balikpapan")
    refused = shell.run(
        "set-group", A, "--period", "2024", "--decree", "800/1/2024", "--decree-date",
        "2024-12-31", expect=1,
    )  # fmt: skip
    assert "[balikpapan-2022:P28]" in refused.output
    assert len(refused.output.strip().splitlines()) == 1


def test_another_agencys_employee_is_not_assessed_from_the_command_line(
    store: StoreConfig,
) -> None:
    app = Talenta(store)
    try:
        staffed(app, "kota-balikpapan")  # A is Balikpapan's employee
        before = app.recorder.max_notification_id()
    finally:
        app.close()
    shell = Shell(store, "kota-binjai")
    refused = shell.run(
        "talent", "assess", A, "--performance", "above-expectation", "--potential", "high",
        "--period", "2025", "--effective", "2025-03-10",
        "--evidence", "assessment_centre.intellectual=4", expect=1,
    )  # fmt: skip
    assert "kota-binjai" in refused.output and "kota-balikpapan" not in refused.output
    app = Talenta(store)
    try:
        assert TalentProfile.create_id("kota-binjai", A) not in app.repository
        written = app.recorder.select_notifications(start=(before or 0) + 1, limit=10)
        assert [n.topic.rsplit(":", 1)[-1] for n in written] == ["Refusal.Refused"]
    finally:
        app.close()
