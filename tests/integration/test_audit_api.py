"""The auditor's answers through the HTTP API and the command line, on SQLite and PostgreSQL:
every timeline, why and as-of kind answered to an auditor of the agency; another agency's
auditor, a role without audit access and an unknown subject refused in the bilingual shape."""

from __future__ import annotations

import json
from datetime import date
from typing import Any
from uuid import uuid4

from click.testing import CliRunner
from fastapi.testclient import TestClient

from domain.envelope import Role
from services.api import create_api
from services.api.context import Context
from services.application import Talenta
from services.auth import token_store
from services.cli import main
from services.config import StoreConfig
from services.scouting.pool import membership_of
from tests.integration.test_audit_scouting import ADMINISTRATOR, inaugurated, round_of
from tests.integration.test_audit_talent import cycle
from tests.integration.test_scouting_promotion import AGENCY, A, B, C
from tests.integration.test_talent_succession import A as TALENT_A
from tests.integration.test_talent_succession import B as TALENT_B
from tests.integration.test_talent_succession import C as TALENT_C

BINJAI = "kota-binjai"
BINJAI_AUDITOR = (BINJAI, Role.AUDITOR)


class Reader:
    def __init__(self, app: Talenta) -> None:
        self.client = TestClient(create_api(Context.of(app)))
        tokens = token_store(app)
        self.secrets = {
            (agency, role): tokens.create_token(f"{role}@{agency}", agency, [role])[1]
            for agency in (AGENCY, BINJAI)
            for role in (Role.AUDITOR, Role.ASSESSOR, Role.PPK)
        }

    def get(
        self,
        path: str,
        by: tuple[str, Role] = (AGENCY, Role.AUDITOR),
        status: int = 200,
        **params: Any,
    ) -> Any:
        headers = {"Authorization": f"Bearer {self.secrets[by]}"}
        answer = self.client.get(path, params=params, headers=headers)
        assert answer.status_code == status, answer.json()
        return answer.json()


def test_scouting_answers_over_http_with_refusals(app: Talenta) -> None:
    vacancy, before = inaugurated(app)
    reader = Reader(app)
    membership = membership_of(app, B, ADMINISTRATOR)
    assert membership is not None

    employee = reader.get(f"/audit/timeline/employee/{B}")
    vacancy_steps = reader.get(f"/audit/timeline/vacancy/{vacancy}", by=(AGENCY, Role.PPK))
    rounds = reader.get(f"/audit/timeline/round/{round_of(app, B)}")
    listed = reader.get(f"/audit/why/shortlist/{vacancy}")
    chosen = reader.get(f"/audit/why/pick/{vacancy}")
    entry = reader.get(f"/audit/why/pool-entry/{membership.entries[0].entry_id}")
    on = date(2025, 6, 2).isoformat()
    then = reader.get(
        "/audit/as-of/pool", agency=AGENCY, level="administrator", at=before.isoformat(), on=on
    )
    now = reader.get("/audit/as-of/pool", agency=AGENCY, level="administrator", on=on)

    # Reading an employee's record through their timeline or a why is a recorded read.
    reads = reader.get("/audit/reads", nip=B)
    assert {row["via"] for row in reads} == {
        "GET /audit/timeline/employee",
        "GET /audit/why/shortlist",
        "GET /audit/why/pick",
        "GET /audit/why/pool-entry",
    }
    assert all(row["actor"]["role"] == "auditor" for row in reads)
    picked = next(e for e in employee["events"] if e["what"] == "Picked")
    assert picked["actor"]["role"] == "ppk" and picked["effective"] == "2025-04-10"
    assert "madiun-2021:P24 angka 5" in picked["citations"]
    assert vacancy_steps["events"][0]["what"] == "VacancyOpened"
    assert rounds["events"][0]["what"] == "Opened"
    assert listed["decision"]["what"] == "Shortlisted" and listed["rules"][0]["held"]
    assert chosen["rules"][0]["rule"] == "pick"
    assert entry["entry"]["nip"] == B
    assert [row["nip"] for row in then["entries"]] == [A, B, C]
    assert [row["nip"] for row in now["entries"]] == [A, C]

    other = reader.get(f"/audit/timeline/vacancy/{vacancy}", by=(BINJAI, Role.AUDITOR), status=403)
    role = reader.get(f"/audit/why/pick/{vacancy}", by=(AGENCY, Role.ASSESSOR), status=403)
    # The pick's own audit answer has the same readers.
    assert reader.get(f"/scouting/vacancies/{vacancy}/audit")["vacancy_id"] == str(vacancy)
    reader.get(f"/scouting/vacancies/{vacancy}/audit", by=(AGENCY, Role.ASSESSOR), status=403)
    unknown = reader.get(f"/audit/timeline/vacancy/{uuid4()}", status=404)
    pool_other = reader.get(
        "/audit/as-of/pool",
        by=(BINJAI, Role.AUDITOR),
        agency=AGENCY,
        level="administrator",
        status=403,
    )
    assert role["code"] == "forbidden"
    for refused in (other, role, unknown, pool_other):
        assert refused["message"] and refused["message_en"]
    assert unknown["code"] == "not-found"
    assert "no vacancy" in unknown["message_en"]


def test_talent_answers_over_http(app: Talenta) -> None:
    run = cycle(app, "binjai")
    reader = Reader(app)

    target = reader.get(f"/audit/timeline/target/{run.plan}", by=BINJAI_AUDITOR)
    critical = reader.get(f"/audit/timeline/critical-position/{run.critical}", by=BINJAI_AUDITOR)
    nominated = reader.get(f"/audit/why/nomination/{run.plan}/{TALENT_A}", by=BINJAI_AUDITOR)
    placed = reader.get(f"/audit/why/placement/{run.placement}", by=BINJAI_AUDITOR)
    group = reader.get(
        "/audit/as-of/group",
        by=BINJAI_AUDITOR,
        agency=BINJAI,
        period="2025",
        at=run.before_group.isoformat(),
    )
    grid = reader.get(
        f"/audit/as-of/grid/{run.campaign}",
        by=BINJAI_AUDITOR,
        at=run.before_reassessed.isoformat(),
        on="2025-10-01",
    )
    plan = reader.get(
        f"/audit/as-of/plan/{run.plan}", by=BINJAI_AUDITOR, at=run.before_order.isoformat()
    )

    assert target["events"][0]["what"] == "TargetDeclared"
    assert critical["events"][0]["what"] == "Declared"
    assert {r["rule"]: r["held"] for r in nominated["rules"]}["in-succession-group"]
    assert placed["audit"]["nip"] == TALENT_B
    # The nomination's and the placement's own audit answers have the same readers.
    for path in (
        f"/talent/nominations/{run.plan}/{TALENT_A}/audit",
        f"/talent/placements/{run.placement}/audit",
    ):
        assert reader.get(path, by=BINJAI_AUDITOR)["nip"] in (TALENT_A, TALENT_B)
        reader.get(path, by=(BINJAI, Role.ASSESSOR), status=403)
    assert group["group"] is None
    assert grid["grid"]["boxes"]["9"]["nips"] == [TALENT_A]
    assert plan["plan"]["successors"] == []
    reader.get(f"/audit/why/placement/{run.placement}", status=403)
    reader.get(f"/audit/as-of/plan/{run.plan}", by=(BINJAI, Role.ASSESSOR), status=403)
    reader.get(f"/audit/why/nomination/{run.plan}/{TALENT_C}", by=BINJAI_AUDITOR, status=404)


def test_the_command_line_answers_as_an_auditor(app: Talenta, store: StoreConfig) -> None:
    vacancy, before = inaugurated(app)
    runner = CliRunner()
    env = {"TALENTA_AGENCY": AGENCY, "TALENTA_ACTOR": "inspektorat"}

    def run(*args: str) -> Any:
        return runner.invoke(main, ["audit", *args, "--store", store.url], env=env)

    lines = run("timeline", "employee", B)
    as_json = run("timeline", "vacancy", str(vacancy), "--json")
    why = run("why", "pick", str(vacancy))
    pool = run(
        "as-of",
        "pool",
        "administrator",
        "--at",
        before.isoformat(),
        "--on",
        "2025-06-02",
    )
    refused = run("why", "pick", str(vacancy), "--as", "assessor")
    missing_nip = run("why", "nomination", str(vacancy))

    assert lines.exit_code == 0, lines.output
    assert any("Picked" in line and "walikota (ppk)" in line for line in lines.output.splitlines())
    assert json.loads(as_json.output)["events"][0]["what"] == "VacancyOpened"
    assert why.exit_code == 0, why.output
    assert (
        f"pick NIP {B} 2025-04-10: MEMENUHI / HELD [madiun-2021:P24 angka 5, madiun-2021:P27(1)]"
        in why.output
    )
    assert pool.exit_code == 0, pool.output
    assert [row["nip"] for row in json.loads(pool.output)["entries"]] == [A, B, C]
    assert refused.exit_code == 1 and "may not" in refused.output
    assert missing_nip.exit_code == 2


def test_the_command_line_answers_for_the_talent_cycle(app: Talenta, store: StoreConfig) -> None:
    run_ = cycle(app, "binjai")
    runner = CliRunner()
    env = {"TALENTA_AGENCY": BINJAI, "TALENTA_ACTOR": "inspektorat"}

    def run(*args: str) -> Any:
        answer = runner.invoke(main, ["audit", *args, "--store", store.url], env=env)
        assert answer.exit_code == 0, answer.output
        return answer.output

    target = run("timeline", "target", str(run_.plan))
    critical = json.loads(run("timeline", "critical-position", str(run_.critical), "--json"))
    nominated = run("why", "nomination", str(run_.plan), TALENT_A)
    placed = json.loads(run("why", "placement", str(run_.placement), "--json"))
    group = json.loads(run("as-of", "group", "2025", "--at", run_.before_group.isoformat()))
    grid = json.loads(
        run(
            "as-of",
            "grid",
            str(run_.campaign),
            "--at",
            run_.before_reassessed.isoformat(),
            "--on",
            "2025-10-01",
        )
    )
    plan = json.loads(run("as-of", "plan", str(run_.plan), "--at", run_.before_order.isoformat()))

    assert "TargetDeclared" in target.splitlines()[0]
    assert critical["events"][0]["what"] == "Declared"
    assert "in-succession-group 2025-04-07: MEMENUHI / HELD" in nominated
    assert placed["audit"]["nip"] == TALENT_B
    assert group["group"] is None
    assert grid["grid"]["boxes"]["9"]["nips"] == [TALENT_A]
    assert plan["plan"]["successors"] == []
