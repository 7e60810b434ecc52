"""Every list the API answers is also a CSV (``?format=csv`` or ``Accept: text/csv``), on SQLite
and PostgreSQL: the list routes are found in the app's own OpenAPI description, so a new one is
covered without touching this file."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from domain.envelope import Role
from projections.scouting import VacancyRow
from services.api.exports import flatten, model_columns, to_csv
from services.application import Talenta
from tests.integration.test_personal_data import Desk, desk_for
from tests.integration.test_scouting_promotion import AGENCY, B, picked, staffed

__all__ = ["staffed"]  # the fixture, used by name

VALUES = {"agency": AGENCY, "nip": B}


def list_routes(desk: Desk) -> list[str]:
    """Every GET path whose answer is a JSON array."""
    found = []
    for path, operations in desk.client.app.openapi()["paths"].items():
        answer = operations.get("get", {}).get("responses", {}).get("200", {})
        if (
            answer.get("content", {}).get("application/json", {}).get("schema", {}).get("type")
            == "array"
        ):
            found.append(path)
    return found


def required(desk: Desk, path: str) -> tuple[str, dict[str, str]]:
    """The path with its parameters filled in and the required query parameters."""
    operation = desk.client.app.openapi()["paths"][path]["get"]
    query = {}
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "path":
            path = path.replace(f"{{{parameter['name']}}}", VALUES[parameter["name"]])
        elif parameter.get("required"):
            query[parameter["name"]] = VALUES[parameter["name"]]
    return path, query


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def desk(staffed: Talenta) -> Desk:
    picked(staffed)
    return desk_for(staffed, AGENCY, "inspektur")


def test_the_api_has_list_routes_to_export(desk: Desk) -> None:
    paths = list_routes(desk)
    for expected in ("/scouting/vacancies", "/agencies/{agency}/employees", "/audit/refusals"):
        assert expected in paths


def test_every_list_route_answers_csv_with_the_same_rows_flattened(desk: Desk) -> None:
    checked = 0
    for template in list_routes(desk):
        path, query = required(desk, template)
        listed = desk.get(path, Role.AUDITOR, **query)
        assert listed.status_code == 200, (template, listed.text)
        exported = desk.get(path, Role.AUDITOR, **query, format="csv")
        assert exported.status_code == 200, (template, exported.text)
        assert exported.headers["content-type"].startswith("text/csv"), template
        assert "attachment" in exported.headers["content-disposition"]
        rows = rows_of(exported.text)
        assert len(rows) == len(listed.json()), template
        header = next(csv.reader(io.StringIO(exported.text)))
        assert header, template  # a header even for an empty list
        flat = [flatten(row) for row in listed.json()]
        assert rows == [{column: row.get(column, "") for column in header} for row in flat]
        accepted = desk.client.get(
            path, params=query, headers={"X-Talenta-Role": Role.AUDITOR, "Accept": "text/csv"}
        )
        assert accepted.text == exported.text, template
        checked += 1
    assert checked == len(list_routes(desk))


def test_nested_fields_become_dotted_columns(desk: Desk) -> None:
    exported = desk.get("/scouting/vacancies", Role.AUDITOR, agency=AGENCY, format="csv")
    (row,) = rows_of(exported.text)
    assert row["position"] == "Kepala Bagian Umum"
    assert row["pick.nip"] == B
    assert row["pick.decree_number"] == "821.2/88/2025"


def test_a_csv_shows_only_the_personal_data_of_the_reader_s_role(desk: Desk) -> None:
    full = rows_of(desk.get(f"/agencies/{AGENCY}/employees", Role.AUDITOR, format="csv").text)
    outsider = desk.get(f"/agencies/{AGENCY}/employees", Role.EXTERNAL_ASSESSOR, format="csv")
    masked = rows_of(outsider.text)
    assert B in [row["nip"] for row in full]
    assert B not in outsider.text
    assert all(row["nip"].startswith("***************") for row in masked)


def test_a_csv_of_what_is_not_a_list_is_refused(desk: Desk) -> None:
    answer = desk.get(f"/employees/{B}", Role.CASEWORKER, format="csv")
    assert answer.status_code == 406
    assert answer.json()["code"] == "not-a-list"
    assert answer.json()["message_en"] == "only a list can be exported as CSV"


def test_an_empty_list_s_header_comes_from_its_row_model() -> None:
    header = to_csv([], VacancyRow).splitlines()[0].split(",")
    assert header == model_columns(VacancyRow)
    assert "vacancy_id" in header


def test_lists_of_values_are_joined_and_lists_of_objects_kept_as_json() -> None:
    row: dict[str, Any] = {"a": {"b": 1, "c": None}, "nips": ["1", "2"], "xs": [{"k": True}]}
    assert flatten(row) == {"a.b": "1", "a.c": "", "nips": "1; 2", "xs": '[{"k": true}]'}


def test_a_cell_that_a_spreadsheet_would_run_stays_text() -> None:
    row = {"reason": '=HYPERLINK("http://x")', "minus": "-5", "at": "@SUM(A1)", "plain": "ok"}
    assert flatten(row) == {
        "reason": '\'=HYPERLINK("http://x")',
        "minus": "-5",
        "at": "'@SUM(A1)",
        "plain": "ok",
    }


def test_the_api_description_names_the_csv_form_of_each_list(desk: Desk) -> None:
    paths = desk.client.app.openapi()["paths"]
    listed = paths["/scouting/vacancies"]["get"]
    assert "format" in [parameter["name"] for parameter in listed["parameters"]]
    assert "text/csv" in listed["responses"]["200"]["content"]
    one = paths["/scouting/vacancies/{vacancy_id}"]["get"]
    assert "format" not in [parameter["name"] for parameter in one["parameters"]]
