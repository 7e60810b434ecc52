"""Import an agency's export, then check it, through the CLI and the API, on both backends."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from domain.envelope import Role
from projections.directory import DirectoryProjection, directory_view
from projections.follower import Follower
from services.api import create_api
from services.api.context import Context
from services.application import Talenta
from services.auth import token_store
from services.cli import main
from services.config import StoreConfig

SAMPLES = Path(__file__).parents[2] / "services" / "importing" / "samples"
BUDI, SITI = "197503122000031004", "198307252006042011"


def cli(store: StoreConfig, *args: str, init: bool = False) -> str:
    created = ["--init"] if init else []
    result = CliRunner().invoke(main, [*created, *args[:1], "--store", store.url, *args[1:]])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_caseworker_imports_lists_and_checks_from_the_store(store: StoreConfig) -> None:
    cli(store, "import", "kota-madiun", str(SAMPLES), init=True)  # a new store

    listed = json.loads(cli(store, "employees", "kota-madiun", "--json"))
    assert len(listed) == 6
    output = cli(
        store, "eligibility", "kota-madiun", "--level", "administrator", "--on", "2025-03-01",
        "--json",
    )  # fmt: skip
    checked = {row["nip"]: row["result"] for row in json.loads(output)}
    assert set(checked) == {row["nip"] for row in listed}
    budi = {r["code"]: r["outcome"] for r in checked[BUDI]["requirements"] if not r["part_of"]}
    assert set(budi.values()) == {"met"}
    siti = {r["code"]: r["outcome"] for r in checked[SITI]["requirements"] if not r["part_of"]}
    assert siti["grade"] == "not-met"


def test_the_api_serves_the_directory_checks_and_refusals(store: StoreConfig) -> None:
    cli(store, "import", "kota-madiun", str(SAMPLES), init=True)  # a new store
    app = Talenta(store)
    try:
        view = directory_view(app)
        Follower(app, DirectoryProjection(view)).catch_up()
        client = TestClient(create_api(Context.of(app)))
        _, secret = token_store(app).create_token("siti", "kota-madiun", {Role.CASEWORKER})
        client.headers["Authorization"] = f"Bearer {secret}"

        assert len(client.get("/agencies/kota-madiun/employees").json()) == 6
        assert client.get(f"/employees/{SITI}").json()["name"] == "Siti Rahmawati, S.E."
        checked = client.post(
            "/agencies/kota-madiun/scouting-eligibility",
            json={"level": "supervisor", "on": "2025-03-01", "nips": [BUDI]},
        )
        assert checked.status_code == 200
        assert [row["nip"] for row in checked.json()] == [BUDI]

        missing = client.get("/employees/198001012005011999")
        assert missing.status_code == 404
        assert missing.json()["code"] == "employee-not-found"
        early = client.get(
            "/packs/balikpapan-2022/ninebox",
            params={"performance": "above-expectation", "potential": "high", "on": "2024-12-31"},
        )
        assert early.status_code == 422
        assert early.json()["code"] == "pack-not-in-force"
        assert early.json()["citation"] == "balikpapan-2022:P28"
        assert early.json()["message_en"].startswith("Peraturan Wali Kota Balikpapan")
        bad_nip = client.get("/employees/12345")
        assert bad_nip.status_code == 422
        assert bad_nip.json()["code"] == "invalid-value"
    finally:
        app.close()


def test_the_api_refuses_strangers_and_other_agencies(store: StoreConfig) -> None:
    cli(store, "import", "kota-madiun", str(SAMPLES), init=True)  # a new store
    app = Talenta(store)
    try:
        client = TestClient(create_api(Context.of(app)))
        assert client.get("/agencies/kota-madiun/employees").status_code == 401
        _, secret = token_store(app).create_token("andi", "kota-binjai", {Role.CASEWORKER})
        client.headers["Authorization"] = f"Bearer {secret}"

        for answer in (
            client.get("/agencies/kota-madiun/employees"),
            client.get(f"/employees/{SITI}"),
            client.post(
                "/agencies/kota-madiun/scouting-eligibility",
                json={"level": "supervisor", "on": "2025-03-01"},
            ),
        ):
            assert answer.status_code == 403
            assert answer.json()["code"] == "other-agency"
    finally:
        app.close()
