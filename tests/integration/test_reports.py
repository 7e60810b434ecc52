"""Printable audit reports, on SQLite and PostgreSQL, through the API with real tokens and the
command line: a vacancy's pick and a nomination as print-ready HTML with the names, the
citations, the flags and the chain head to print on the decree, escaped, filtered for the
reader's role, recorded as reads, and refused to another agency."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from uuid import UUID

import pytest
from click.testing import CliRunner

from domain.envelope import Role
from domain.rules.madiun import PACK as MADIUN
from domain.talent.succession_values import TargetStatus
from domain.values import PositionLevel
from services.application import Talenta
from services.cli import main
from services.config import StoreConfig
from services.personal_data_reads import list_reads
from services.scouting.vacancies import ShortlistCandidates, propose_candidate, shortlist
from services.talent.succession import (
    DeclareTarget,
    Nominate,
    SetGroup,
    declare_target,
    nominate,
    set_group,
)
from tests.integration import test_talent_succession as talent
from tests.integration.test_personal_data import Desk, desk_for, recorded
from tests.integration.test_scouting_promotion import (
    AGENCY,
    BOARD,
    HEAD,
    TPK,
    TPK_DECREE,
    A,
    B,
    C,
    decreed,
    opened,
    picked,
    proposal,
    staffed,
)

__all__ = ["staffed"]  # the fixture, used by name

BINJAI = "kota-binjai"
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def vacancy(staffed: Talenta) -> UUID:
    return picked(staffed)


def head(desk: Desk) -> str:
    found = desk.get("/audit/chain/head", Role.AUDITOR).json()["head"]
    return f"{found['notification_id']}:{found['hash']}"


def nominated(app: Talenta) -> UUID:
    talent.staffed(app, BINJAI)
    talent.assess(app, BINJAI, talent.A, 9, date(2025, 3, 10))
    target = DeclareTarget(
        agency=BINJAI,
        position="Kepala Bidang Perencanaan",
        unit=talent.UNIT,
        level=PositionLevel.ADMINISTRATOR,
        status=TargetStatus.VACANT,
        declared_on=date(2025, 4, 2),
    )
    plan_id = declare_target(app, target, talent.actor(BINJAI, Role.TALENT_TEAM))
    decree = SetGroup(
        agency=BINJAI,
        period="2025",
        nips=(talent.A,),
        decree_number="800/3/2025",
        decree_date=date(2025, 4, 7),
    )
    set_group(app, decree, talent.actor(BINJAI, Role.PPK))
    choice = Nominate(
        plan_id=plan_id, nip=talent.A, nominated_on=date(2025, 4, 7), justification=SCRIPT
    )
    nominate(app, choice, talent.actor(BINJAI, Role.PPK))
    return plan_id


def test_a_vacancy_s_report_prints_the_trail_the_rules_the_names_and_the_chain_head(
    staffed: Talenta, vacancy: UUID
) -> None:
    desk = desk_for(staffed, AGENCY, "inspektur")

    answer = desk.get(f"/audit/reports/vacancies/{vacancy}", Role.AUDITOR)

    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/html")
    html = answer.text
    assert "@media print" in html
    assert "Kepala Bagian Umum" in html
    assert "Budi Santoso" in html  # the candidates' names beside their NIPs
    for nip in (A, B, C):
        assert nip in html
    for citation in ("madiun-2021:P24", "madiun-2021:P23"):
        assert citation in html
    assert "821.2/88/2025" in html  # the mayor's decree
    assert "BA/12/2025" in html  # the board's minutes
    session = html.split("TPK session", 1)[1].split("Decision trail", 1)[0]
    for member in BOARD:  # who sat on the board that drew up the shortlist
        assert f"<tr><td>{member.name}</td><td>{member.office}</td>" in session
    assert TPK_DECREE in session
    assert head(desk) in html  # the head after the report's own recorded reads
    reads = list_reads(recorded(staffed), AGENCY)
    assert sorted(r.nip for r in reads) == sorted((A, B, C))
    assert {r.via for r in reads} == {"GET /audit/reports/vacancies/{vacancy_id}"}


def test_a_role_outside_the_audit_readers_prints_no_report(staffed: Talenta, vacancy: UUID) -> None:
    desk = desk_for(staffed, AGENCY, "akademisi")
    answer = desk.get(f"/audit/reports/vacancies/{vacancy}", Role.EXTERNAL_ASSESSOR)
    assert answer.status_code == 403
    assert all(nip not in answer.text for nip in (A, B, C))
    assert list_reads(recorded(staffed), AGENCY) == []


def test_a_nomination_s_report_prints_who_nominated_whom_under_which_rule(app: Talenta) -> None:
    plan_id = nominated(app)
    desk = desk_for(app, BINJAI, "inspektur")

    answer = desk.get(f"/audit/reports/nominations/{plan_id}/{talent.A}", Role.AUDITOR)

    assert answer.status_code == 200
    html = answer.text
    assert "Kepala Bidang Perencanaan" in html
    assert talent.A in html
    assert "Budi Santoso" in html
    assert "binjai-2023:P22" in html
    assert f"ppk@{BINJAI}" in html
    assert head(desk) in html
    assert SCRIPT not in html  # what users typed is escaped
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_another_agency_prints_no_report(staffed: Talenta, vacancy: UUID) -> None:
    outsider = desk_for(staffed, BINJAI, "luar")
    plan_id = nominated(staffed)
    madiun = desk_for(staffed, AGENCY, "inspektur")
    for answer in (
        outsider.get(f"/audit/reports/vacancies/{vacancy}", Role.AUDITOR),
        madiun.get(f"/audit/reports/nominations/{plan_id}/{talent.A}", Role.AUDITOR),
    ):
        assert answer.status_code == 403
        assert answer.json()["code"] == "other-agency"
    assert list_reads(recorded(staffed), AGENCY) == list_reads(recorded(staffed), BINJAI) == []


def test_the_command_line_writes_both_reports(
    staffed: Talenta, vacancy: UUID, store: StoreConfig, tmp_path: Path
) -> None:
    plan_id = nominated(staffed)
    runner = CliRunner()
    env = {"TALENTA_STORE": store.url, "TALENTA_ACTOR": "inspektur"}
    out = tmp_path / "vacancy.html"
    args = ["report", "vacancy", str(vacancy), "--out", str(out), "--agency", AGENCY]
    result = runner.invoke(main, args, env=env)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Kepala Bagian Umum" in html
    assert "madiun-2021:P24" in html
    assert "inspektur (auditor, kota-madiun)" in html
    assert staffed.recorder.max_notification_id() is not None
    assert f"{staffed.recorder.max_notification_id()}:" in html  # the head, after its reads

    out = tmp_path / "nomination.html"
    args = ["report", "nomination", str(plan_id), talent.A, "--out", str(out), "--agency", BINJAI]
    result = runner.invoke(main, args, env=env)
    assert result.exit_code == 0, result.output
    assert "binjai-2023:P22" in out.read_text(encoding="utf-8")

    refused = runner.invoke(main, [*args[:-1], AGENCY], env=env)
    assert refused.exit_code == 1
    assert "kota-madiun" in refused.output


def test_a_vacancy_s_report_prints_its_flags(staffed: Talenta) -> None:
    decreed(staffed)
    vacancy = opened(staffed)
    for nip in (A, B):
        propose_candidate(staffed, proposal(vacancy, nip), HEAD)
    listing = ShortlistCandidates(
        vacancy_id=vacancy,
        members=BOARD,
        tpk_decree=TPK_DECREE,
        minutes_number="BA/13/2025",
        minutes_date=date(2025, 4, 2),
        nips=(A, B),
        justification="hanya dua anggota Talent Pool yang memenuhi",
    )
    # The relaxed reading M2 accepts a justified shortlist of two and flags it.
    shortlist(staffed, listing, TPK, MADIUN.with_readings(M2="relaxed"))
    desk = desk_for(staffed, AGENCY, "inspektur")

    html = desk.get(f"/audit/reports/vacancies/{vacancy}", Role.AUDITOR).text

    assert 'class="flag"' in html
    assert "shortlist of fewer than 3 (2)" in html
    assert "hanya dua anggota Talent Pool yang memenuhi" in html
    assert "madiun-2021:P24 angka 4" in html
