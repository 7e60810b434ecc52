"""Every kind of refusal the product records, provoked once each on SQLite and PostgreSQL, is
listed by ``GET /audit/refusals`` to the agency's auditor with its code, its citation where a
rule refused, and its message in Indonesian and English: a rule's, a role's, another agency's and
an invalid body's refusal through the API, a refused step at the command line, from a web form
and on the import page, a clock's refused milestone, a refused row of a score sheet, and a
sign-in turned away by the lock-out or because the user is disabled."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from click.testing import CliRunner
from fastapi.testclient import TestClient
from temporalio.testing import ActivityEnvironment

from domain.envelope import Actor, Role
from services.accounts import LockOut, NewUser, SignInOutcome, create_user, disable_user, sign_in
from services.api import create_api
from services.api.context import Context
from services.application import Talenta
from services.cli.main import main
from services.config import StoreConfig
from services.scouting.score_sheets import record_scores_from_csv
from services.web.settings import WebSettings
from tests.integration.test_personal_data import desk_for
from tests.integration.test_refusals import KABAG_UNIT, NOT_IN_POOL, OTHER, propose, vacancy
from tests.integration.test_round_clock import unpublished_round
from tests.integration.test_scouting_promotion import AGENCY, D, staffed
from workflows.activities import ClockActivities
from workflows.clock import Milestone, MilestoneReached
from workflows.scouting_clocks import HANDLERS

__all__ = ["staffed", "vacancy"]  # the fixtures, used by name

PASSWORD = "kata-sandi-panjang"
ADMIN = Actor(id="admin", role=Role.ADMINISTRATOR, agency=AGENCY)
ASSESSOR = Actor(id="asesor", role=Role.ASSESSOR, agency=AGENCY)


def user(app: Talenta, username: str, *roles: Role, unit: str = "") -> None:
    new = NewUser(
        username=username, agency=AGENCY, roles=frozenset(roles), unit=unit, password=PASSWORD
    )
    create_user(app, new, ADMIN)


def refused_from_a_form(app: Talenta, vacancy: UUID) -> None:
    """The head of unit proposes, from the vacancy's page, an employee not in the pool, then
    tries to import the personnel export."""
    user(app, "kasetda", Role.HEAD_OF_UNIT, unit=KABAG_UNIT)
    browser = TestClient(create_api(Context.of(app), web=WebSettings(secret="s" * 64)))
    signed = browser.post(
        "/signin",
        data={"username": "kasetda", "password": PASSWORD, "csrf": csrf(browser, "/signin")},
    )
    assert signed.status_code == 200, signed.text  # followed to the home page
    form = {"nip": D, "proposed_on": "2025-03-10", "csrf": csrf(browser, f"/vacancies/{vacancy}")}
    answer = browser.post(f"/vacancies/{vacancy}/steps/propose_candidate", data=form)
    assert answer.status_code == 422
    assert NOT_IN_POOL in answer.text
    # the import page, whose refusals are its own: only a caseworker imports the export
    upload = {"files": ("data_utama.csv", b"nip\n", "text/csv")}
    imported = browser.post("/import", data={"csrf": csrf(browser, "/import")}, files=upload)
    assert imported.status_code == 403


def csrf(browser: TestClient, path: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', browser.get(path).text)
    assert found, path
    return found.group(1)


def refused_milestone(app: Talenta) -> UUID:
    """The round's clock reaches the close of registration of a round never published."""
    round_id = unpublished_round(app)
    now = datetime.now(UTC)
    milestone = Milestone(at=now, on=now.date(), action="close-registration", key="close")
    reached = MilestoneReached(kind="scouting-round", subject_id=str(round_id), milestone=milestone)
    ActivityEnvironment().run(ClockActivities(app, HANDLERS).reach_milestone, reached)
    return round_id


def refused_sign_ins(app: Talenta) -> None:
    """One user locked out after a wrong password (a lock-out of one attempt), one disabled."""
    user(app, "terkunci", Role.CASEWORKER)
    user(app, "nonaktif", Role.CASEWORKER)
    disable_user(app, "nonaktif", ADMIN)
    once = LockOut(attempts=1)
    assert sign_in(app, "terkunci", "salah-sekali-saja", once)[0] is SignInOutcome.WRONG
    assert sign_in(app, "terkunci", PASSWORD, once)[0] is SignInOutcome.LOCKED
    assert sign_in(app, "nonaktif", PASSWORD, once, via="cli")[0] is SignInOutcome.DISABLED


def test_every_kind_of_refusal_is_listed_for_the_auditor_with_its_code_citation_and_languages(
    staffed: Talenta, vacancy: UUID, store: StoreConfig
) -> None:
    desk = desk_for(staffed, AGENCY, "kabag", KABAG_UNIT)
    outsider = desk_for(staffed, OTHER, "luar")
    # through the API: a rule, a role, another agency, a body that is not a command's
    rule = desk.post("/scouting/propose-candidate", Role.HEAD_OF_UNIT, propose(vacancy, D))
    assert rule.status_code == 422
    pick = {"vacancy_id": str(vacancy), "nip": D, "decree_number": "1", "decree_date": "2025-04-10"}
    assert desk.post("/scouting/pick", Role.CASEWORKER, pick).status_code == 403
    opening = {
        "agency": AGENCY,
        "position": "Camat",
        "unit": "Kecamatan Taman",
        "level": "administrator",
        "opened_on": "2025-03-01",
    }
    assert outsider.post("/scouting/open-vacancy", Role.CASEWORKER, opening).status_code == 403
    missing_date = {"vacancy_id": str(vacancy), "nip": D}
    invalid = desk.post("/scouting/propose-candidate", Role.HEAD_OF_UNIT, missing_date)
    assert invalid.status_code == 422
    # at the command line, from a web form, by a clock, in a score sheet, at sign-in
    env = {
        "TALENTA_STORE": store.url,
        "TALENTA_AGENCY": AGENCY,
        "TALENTA_ACTOR": "kabag",
        "TALENTA_UNIT": KABAG_UNIT,
    }
    cli = ["scouting", "vacancy", "propose", str(vacancy), D, "--effective", "2025-03-10"]
    assert CliRunner().invoke(main, cli, env=env).exit_code == 1
    refused_from_a_form(staffed, vacancy)
    round_id = refused_milestone(staffed)
    rows_of_sheet = ["nip,nilai", f"{D},80"]  # the round was never published: the row is refused
    sheet = record_scores_from_csv(staffed, round_id, "potential", rows_of_sheet, ASSESSOR)
    assert sheet.recorded == () and len(sheet.errors) == 1
    refused_sign_ins(staffed)

    rows = desk.get("/audit/refusals", Role.AUDITOR).json()
    kinds: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        kinds.setdefault((row["via"], row["command"]), row)
        assert row["message"] and row["message_en"], row  # each in both languages
        assert row["message"] != row["message_en"], row
    by_rule = {
        ("api", "propose_candidate"),
        ("web", "propose_candidate"),
        ("clock", "close_round_registration"),
        ("cli", "record_scores_from_csv"),
    }
    cli_step = next(kind for kind in kinds if kind[0] == "cli" and kind[1].endswith("propose"))
    assert set(kinds) == by_rule | {
        ("api", "pick"),
        cli_step,
        ("web", "sign_in"),
        ("web", "import_personnel"),
        ("cli", "sign_in"),
    }
    for kind in by_rule | {cli_step}:
        assert kinds[kind]["citation"].startswith("madiun-2021:"), kind
    assert kinds[cli_step]["citation"].startswith(NOT_IN_POOL)
    assert kinds[("web", "propose_candidate")]["citation"].startswith(NOT_IN_POOL)
    assert kinds[("clock", "close_round_registration")]["code"] == "not-published"
    assert kinds[("clock", "close_round_registration")]["body"]["aggregate_id"] == str(round_id)
    (row_error,) = sheet.errors
    scored = kinds[("cli", "record_scores_from_csv")]
    assert (scored["code"], scored["citation"]) == (row_error.code, row_error.citation)
    assert (scored["body"]["line"], scored["body"]["nip"]) == (2, D)
    assert kinds[("api", "pick")]["code"] == "forbidden"
    assert kinds[("web", "import_personnel")]["code"] == "forbidden"
    assert kinds[("web", "import_personnel")]["body"]["files"] == ["data_utama.csv"]
    assert kinds[("api", "pick")]["citation"] == ""

    # the invalid body and the rule's refusal share a route: told apart by their codes
    api_proposals = [r for r in rows if (r["via"], r["command"]) == ("api", "propose_candidate")]
    assert sorted(r["code"] for r in api_proposals) == sorted(
        [invalid.json()["code"], rule.json()["code"]]
    )
    (shape,) = [r for r in api_proposals if r["code"] == invalid.json()["code"]]
    assert (shape["status"], shape["citation"]) == (422, "")
    # the detail (which field) is told in both languages
    assert "proposed_on" in shape["message"] and "proposed_on" in shape["message_en"]

    sign_ins = {r["actor"]["id"]: r for r in rows if r["command"] == "sign_in"}
    assert {name: (r["code"], r["via"]) for name, r in sign_ins.items()} == {
        "terkunci": ("locked", "web"),
        "nonaktif": ("disabled", "cli"),
    }
    assert all(r["status"] == 401 and r["citation"] == "" for r in sign_ins.values())
    why = desk.get(f"/audit/refusals/{sign_ins['terkunci']['id']}", Role.AUDITOR).json()
    assert (why["rule"]["outcome"], why["subjects"]) == ("not-evaluated", [])  # no rule, no record

    # another agency's refusal is its own agency's to read
    (elsewhere,) = outsider.get("/audit/refusals", Role.AUDITOR).json()
    assert (elsewhere["command"], elsewhere["code"]) == ("open_vacancy", "other-agency")
    assert elsewhere["message"] and elsewhere["message_en"]


def test_a_wrong_password_is_kept_in_the_sign_in_record_only(staffed: Talenta) -> None:
    user(staffed, "lupa", Role.CASEWORKER)
    assert sign_in(staffed, "lupa", "bukan-kata-sandinya", LockOut())[0] is SignInOutcome.WRONG
    assert sign_in(staffed, "tidak-ada", PASSWORD, LockOut())[0] is SignInOutcome.WRONG
    desk = desk_for(staffed, AGENCY, "inspektur")
    assert desk.get("/audit/refusals", Role.AUDITOR).json() == []
