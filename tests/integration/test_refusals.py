"""Refused commands recorded and explained, on SQLite and PostgreSQL: through the API with real
tokens and through the command line, each refusal (a rule, a role, another agency, an invalid
value) is an event saved apart from the command, which wrote nothing; auditors list them and
read why, with the rule evaluated again and the named aggregates' events up to that moment."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import UUID

import pytest
from click.testing import CliRunner

from domain.access import Refusal
from domain.envelope import Actor, Role
from domain.personnel.aggregate import employee_id
from projections.access import AccessProjection
from projections.follower import Follower
from services.api.context import Context
from services.application import Talenta
from services.audit.refusals import MAX_BODY, list_refusals, refusal_why
from services.cli.main import main
from services.config import StoreConfig
from services.personal_data_reads import list_reads
from tests.integration.test_personal_data import desk_for, recorded
from tests.integration.test_scouting_promotion import AGENCY, D, decreed, opened, staffed

OTHER = "kota-binjai"
NOT_IN_POOL = "madiun-2021:P23"
INSPECTOR = Actor(id="inspektur", role=Role.AUDITOR, agency=AGENCY)

__all__ = ["staffed"]  # the fixture, used by name


def last_topic(app: Talenta) -> str:
    (last,) = app.recorder.select_notifications(app.recorder.max_notification_id() or 0, 1)
    return last.topic


KABAG_UNIT = "Sekretariat Daerah"  # the unit of the vacancy ``opened`` opens


def propose(vacancy: UUID, nip: str) -> dict[str, Any]:
    return {"vacancy_id": str(vacancy), "nip": nip, "proposed_on": "2025-03-10"}


@pytest.fixture
def vacancy(staffed: Talenta) -> UUID:
    decreed(staffed)
    return opened(staffed)


def test_a_rule_s_refusal_is_recorded_apart_and_explained_by_the_rule_and_the_events(
    staffed: Talenta, vacancy: UUID
) -> None:
    desk = desk_for(staffed, AGENCY, "kabag", unit=KABAG_UNIT)
    before = staffed.recorder.max_notification_id() or 0

    answer = desk.post("/scouting/propose-candidate", Role.HEAD_OF_UNIT, propose(vacancy, D))

    assert answer.status_code == 422
    refused = answer.json()
    assert refused["citation"].startswith(NOT_IN_POOL)
    # the proposal wrote nothing; the one new event is the refusal's own
    assert staffed.recorder.max_notification_id() == before + 1
    assert last_topic(staffed).endswith("Refusal.Refused")
    assert staffed.repository.get(vacancy).version == 1

    (row,) = desk.get("/audit/refusals", Role.AUDITOR).json()
    assert row["command"] == "propose_candidate"
    assert row["via"] == "api"
    assert row["actor"] == {
        "id": "kabag",
        "role": "head-of-unit",
        "agency": AGENCY,
        "unit": KABAG_UNIT,
    }
    assert row["body"] == propose(vacancy, D)
    assert (row["code"], row["citation"]) == (refused["code"], refused["citation"])
    assert (row["message"], row["message_en"]) == (refused["message"], refused["message_en"])
    assert row["status"] == 422

    why = desk.get(f"/audit/refusals/{row['id']}", Role.AUDITOR).json()
    assert why["rule"]["outcome"] == "refused"
    assert (why["rule"]["code"], why["rule"]["citation"]) == (row["code"], row["citation"])
    trails = {trail["aggregate"]: trail for trail in why["subjects"]}
    assert [e["what"] for e in trails[str(vacancy)]["events"]] == ["VacancyOpened"]
    assert trails[str(vacancy)]["version"] == 1
    assert [e["what"] for e in trails[str(employee_id(D))]["events"]] == ["Enrolled"]


def test_the_why_reads_the_store_as_it_stood_when_the_command_was_refused(
    staffed: Talenta, vacancy: UUID
) -> None:
    desk = desk_for(staffed, AGENCY, "kabag", unit=KABAG_UNIT)
    desk.post("/scouting/propose-candidate", Role.HEAD_OF_UNIT, propose(vacancy, D))
    (refusal,) = list_refusals(recorded(staffed), AGENCY)
    # the vacancy moves on afterwards; its trail in the why stops where the refusal saw it
    desk.post(
        "/scouting/propose-candidate", Role.HEAD_OF_UNIT, propose(vacancy, "197506012000011001")
    )
    assert staffed.repository.get(vacancy).version == 2

    why = refusal_why(staffed, refusal.id, INSPECTOR)
    (trail,) = [t for t in why.subjects if t.aggregate == vacancy]
    assert [e.what for e in trail.events] == ["VacancyOpened"]
    assert why.rule.outcome == "refused"


def test_roles_agencies_and_invalid_values_refused_are_recorded_too(
    staffed: Talenta, vacancy: UUID
) -> None:
    desk, outsider = desk_for(staffed, AGENCY, "siti"), desk_for(staffed, OTHER, "luar")
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
    bad = propose(vacancy, "12345")
    assert desk.post("/scouting/propose-candidate", Role.HEAD_OF_UNIT, bad).status_code == 422

    rows = desk.get("/audit/refusals", Role.AUDITOR).json()
    assert [(r["command"], r["code"]) for r in rows] == [
        ("pick", "forbidden"),
        ("propose_candidate", "invalid-value"),
    ]
    (elsewhere,) = outsider.get("/audit/refusals", Role.AUDITOR).json()
    assert (elsewhere["command"], elsewhere["code"]) == ("open_vacancy", "other-agency")
    assert elsewhere["body"]["agency"] == AGENCY

    forbidden = desk.get(f"/audit/refusals/{rows[0]['id']}", Role.AUDITOR).json()
    assert forbidden["rule"]["outcome"] == "not-evaluated"  # a role, not a rule

    only = desk.get("/audit/refusals", Role.AUDITOR, command="pick").json()
    assert [r["command"] for r in only] == ["pick"]
    tomorrow = (date.today() + timedelta(days=2)).isoformat()
    assert desk.get("/audit/refusals", Role.AUDITOR, since=tomorrow).json() == []
    assert len(desk.get("/audit/refusals", Role.AUDITOR, until=tomorrow).json()) == 2


def test_refusals_are_read_by_auditors_of_their_own_agency_only(
    staffed: Talenta, vacancy: UUID
) -> None:
    desk, outsider = desk_for(staffed, AGENCY, "siti"), desk_for(staffed, OTHER, "luar")
    desk.post("/scouting/propose-candidate", Role.HEAD_OF_UNIT, propose(vacancy, D))
    (row,) = desk.get("/audit/refusals", Role.AUDITOR).json()

    for answer in (
        outsider.get("/audit/refusals", Role.AUDITOR, agency=AGENCY),
        outsider.get(f"/audit/refusals/{row['id']}", Role.AUDITOR),
    ):
        assert answer.status_code == 403
        assert answer.json()["code"] == "other-agency"
    for answer in (
        desk.get("/audit/refusals", Role.CASEWORKER),
        desk.get(f"/audit/refusals/{row['id']}", Role.PPK),
    ):
        assert answer.status_code == 403
        assert answer.json()["code"] == "forbidden"


def test_a_refusal_at_the_command_line_is_recorded_with_who_asked(
    staffed: Talenta, vacancy: UUID, store: StoreConfig
) -> None:
    env = {
        "TALENTA_STORE": store.url,
        "TALENTA_AGENCY": AGENCY,
        "TALENTA_ACTOR": "kabag",
        "TALENTA_UNIT": KABAG_UNIT,
    }
    args = ["scouting", "vacancy", "propose", str(vacancy), D, "--effective", "2025-03-10"]
    before = staffed.recorder.max_notification_id() or 0

    result = CliRunner().invoke(main, args, env=env)

    assert result.exit_code == 1, result.output
    assert NOT_IN_POOL in result.output
    assert staffed.recorder.max_notification_id() == before + 1
    (row,) = list_refusals(recorded(staffed), AGENCY)
    assert row.via == "cli"
    assert row.command.endswith("scouting vacancy propose")
    assert (row.actor.id, row.actor.role, row.actor.agency) == (
        "embedded:kabag",
        "head-of-unit",
        AGENCY,
    )
    assert row.citation.startswith(NOT_IN_POOL)
    assert row.body["nip"] == D
    assert row.body["vacancy_id"] == str(vacancy)

    why = refusal_why(staffed, row.id, INSPECTOR)
    assert [e.what for t in why.subjects for e in t.events] == ["VacancyOpened", "Enrolled"]
    assert isinstance(staffed.repository.get(row.id), Refusal)


def test_a_command_line_failure_that_refuses_nothing_records_nothing(
    staffed: Talenta, store: StoreConfig
) -> None:
    env = {
        "TALENTA_STORE": store.url,
        "TALENTA_AGENCY": AGENCY,
        "TALENTA_ACTOR": "kabag",
        "TALENTA_UNIT": KABAG_UNIT,
    }
    missing = "00000000-0000-0000-0000-000000000000"
    result = CliRunner().invoke(main, ["scouting", "vacancy", "propose", missing, D], env=env)
    assert result.exit_code == 1
    assert list_refusals(recorded(staffed), AGENCY) == []


def test_the_record_of_refusals_and_reads_is_rebuilt_the_same_from_the_log(
    staffed: Talenta, vacancy: UUID
) -> None:
    desk = desk_for(staffed, AGENCY, "kabag", unit=KABAG_UNIT)
    desk.post("/scouting/propose-candidate", Role.HEAD_OF_UNIT, propose(vacancy, D))
    desk.get(f"/employees/{D}", Role.PPK)
    context = Context.of(staffed)
    context.refresh()
    before = (list_refusals(context.documents, AGENCY), list_reads(context.documents, AGENCY))
    assert [len(rows) for rows in before] == [1, 1]

    follower = Follower(staffed, AccessProjection(context.documents))
    context.documents.reset(AccessProjection.collections, follower.tracking_key)
    assert list_refusals(context.documents, AGENCY) == []
    follower.catch_up()

    after = (list_refusals(context.documents, AGENCY), list_reads(context.documents, AGENCY))
    assert after == before


def test_a_huge_refused_request_is_recorded_by_its_start(staffed: Talenta, vacancy: UUID) -> None:
    desk = desk_for(staffed, AGENCY, "kabag", unit=KABAG_UNIT)
    huge = {**propose(vacancy, D), "reason": "x" * 200_000}
    assert desk.post("/scouting/propose-candidate", Role.HEAD_OF_UNIT, huge).status_code == 422
    (row,) = desk.get("/audit/refusals", Role.AUDITOR).json()
    assert set(row["body"]) == {"truncated"}
    assert row["body"]["truncated"].startswith('{"vacancy_id": ')
    assert len(row["body"]["truncated"]) == MAX_BODY
