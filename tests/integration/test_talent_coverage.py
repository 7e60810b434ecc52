"""The coverage forecast read from the read models and answered over HTTP, on SQLite and
PostgreSQL: holders found through the directory and their records, the successor ready from the
decreed group, the flag; JSON and CSV; the roles and the agency bound."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from click.testing import CliRunner
from fastapi.testclient import TestClient
from httpx import Response

from domain.envelope import Role
from domain.talent.coverage import Readiness, Status
from services.api import create_api
from services.api.context import Context
from services.application import Talenta
from services.auth import token_store
from services.cli.main import main
from services.config import StoreConfig
from services.personal_data_reads import list_reads
from tests.integration.coverage_cases import (
    AGENCY,
    DIVISION,
    DIVISION_NIP,
    HEAD,
    HEAD_NIP,
    ON,
    SECRETARY,
    SECRETARY_NIP,
    SUCCESSOR,
    coverage_agency,
)

VIA = "GET /talent/coverage"


def test_the_forecast_flags_the_position_retiring_without_a_ready_successor(app: Talenta) -> None:
    coverage_agency(app)
    client = TestClient(create_api(Context.of(app)))
    tokens = token_store(app)
    secret = {
        role: tokens.create_token(f"{role}@{AGENCY}", AGENCY, [role])[1]
        for role in (Role.PPK, Role.ASSESSOR)
    }
    other = tokens.create_token("ppk@kota-madiun", "kota-madiun", [Role.PPK])[1]

    def get(path: str, who: str) -> Response:
        return client.get(path, headers={"Authorization": f"Bearer {who}"})

    query = f"agency={AGENCY}&horizon=24&on={ON}"
    answer = get(f"/talent/coverage?{query}", secret[Role.PPK])
    assert answer.status_code == 200, answer.json()
    found = answer.json()
    assert found["horizon_end"] == "2028-01-05"
    rows = {row["position"]: row for row in found["rows"]}
    assert [row["position"] for row in found["rows"]] == [HEAD, SECRETARY, DIVISION]
    head, secretary, division = rows[HEAD], rows[SECRETARY], rows[DIVISION]
    assert (head["incumbent"], head["retirement_age"], head["vacates_on"]) == (
        HEAD_NIP,
        60,
        "2026-07-01",
    )
    assert (head["citation"], head["status"], head["flagged"]) == (
        "pp-11-2017:P239(2)(b)",
        Status.WITHIN,
        True,
    )
    assert (secretary["incumbent"], secretary["vacates_on"], secretary["flagged"]) == (
        SECRETARY_NIP,
        "2026-10-01",
        False,
    )
    assert secretary["successors"] == [
        {"nip": SUCCESSOR, "order": 1, "box": 9, "readiness": Readiness.READY}
    ]
    assert (division["incumbent"], division["status"]) == (DIVISION_NIP, Status.BEYOND)
    # The dates tell the birth dates: the PPK's read is recorded for each holder and successor.
    context = Context.of(app)
    context.refresh()
    read = {row.nip for row in list_reads(context.documents, AGENCY) if row.via == VIA}
    assert read == {HEAD_NIP, SECRETARY_NIP, DIVISION_NIP, SUCCESSOR}

    # Before the group's decree (2025-04-08) and the order (04-09) no one is ready: flagged.
    earlier = get(f"/talent/coverage?agency={AGENCY}&on=2025-04-07", secret[Role.PPK])
    before = {row["position"]: row for row in earlier.json()["rows"]}
    assert before[SECRETARY]["ready"] == 0 and before[SECRETARY]["flagged"] is True

    exported = get(f"/talent/coverage/lines?{query}&format=csv", secret[Role.PPK])
    assert exported.headers["content-type"].startswith("text/csv")
    lines = list(csv.DictReader(io.StringIO(exported.text)))
    assert [(line["position"], line["flagged"], line["ready"]) for line in lines] == [
        (HEAD, "true", "0"),
        (SECRETARY, "false", "1"),
        (DIVISION, "false", "0"),
    ]

    refused = get(f"/talent/coverage?{query}", secret[Role.ASSESSOR])
    assert refused.status_code == 403
    foreign = get(f"/talent/coverage?{query}", other)
    assert foreign.status_code == 403
    too_far = get(f"/talent/coverage?{query.replace('24', '500')}", secret[Role.PPK])
    assert too_far.status_code == 422
    at_the_end = get(f"/talent/coverage?agency={AGENCY}&on=9999-12-01", secret[Role.PPK])
    assert at_the_end.status_code == 422 and at_the_end.json()["code"] == "invalid-value"


def test_the_forecast_as_of_a_day_before_the_critical_decrees_is_empty(app: Talenta) -> None:
    coverage_agency(app)
    client = TestClient(create_api(Context.of(app)))
    secret = token_store(app).create_token("tim", AGENCY, [Role.TALENT_TEAM])[1]
    answer = client.get(
        f"/talent/coverage?agency={AGENCY}&on={date(2025, 1, 10)}",
        headers={"Authorization": f"Bearer {secret}"},
    )
    assert answer.status_code == 200 and answer.json()["rows"] == []
    # Madiun's pack has no talent cycle, hence no critical or target position to forecast.
    madiun = token_store(app).create_token("bkpsdm", "kota-madiun", [Role.CASEWORKER])[1]
    answer = client.get(
        "/talent/coverage?agency=kota-madiun", headers={"Authorization": f"Bearer {madiun}"}
    )
    assert answer.status_code == 200 and answer.json()["rows"] == []


def test_the_command_line_prints_the_forecast_as_a_table_and_as_csv(
    app: Talenta, store: StoreConfig
) -> None:
    coverage_agency(app)

    def run(*args: str) -> str:
        common = ["--store", store.url, "--agency", AGENCY, "--on", str(ON)]
        result = CliRunner().invoke(main, ["talent", "coverage", *common, *args])
        assert result.exit_code == 0, result.output
        return result.output

    table = run("--horizon", "24").splitlines()
    assert table[0].split()[0] == "Jabatan/Position"
    assert HEAD in table[2] and "TANDAI/FLAGGED" in table[2]
    assert SECRETARY in table[3] and "TANDAI" not in table[3]
    assert table[-1].startswith("1 ditandai / flagged, s.d./through 2028-01-05")
    lines = list(csv.reader(io.StringIO(run("--horizon", "6", "--csv"))))
    # Six months: the head (vacant 2026-07-01) is still within, the secretary's (10-01) is not.
    assert [(line[0], line[-1]) for line in lines[1:]] == [
        (HEAD, "TANDAI/FLAGGED"),
        (SECRETARY, ""),
        (DIVISION, ""),
    ]
    as_json = json.loads(run("--json"))
    assert (as_json["flagged"], as_json["rows"][0]["incumbent"]) == (1, HEAD_NIP)
    refused = CliRunner().invoke(
        main,
        ["talent", "coverage", "--store", store.url, "--agency", AGENCY, "--as", "assessor"],
    )
    assert refused.exit_code == 1 and "read-coverage-forecast" in refused.output
