"""The reminder inbox on SQLite and PostgreSQL: a reminder the clock records becomes one notice
addressed to the roles who must act (madiun-2021:P22(1): the pool entry is used by a proposal of
the head of unit and the mayor's pick); each user acknowledges it once; other roles and other
agencies are refused; the read model rebuilds to the same inbox; the same through the HTTP API
and the command line."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from uuid import UUID, uuid4

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from domain.envelope import Actor, Role
from domain.reminders.notice import Notice, NoticeRefusal, notice_id
from domain.scouting.pool import PoolMembership, membership_id
from domain.values import PositionLevel
from projections.documents import document_view
from projections.follower import Follower
from projections.reminders import InboxProjection, inbox
from projections.reminders.inbox import NOTICES
from services.api import create_api
from services.api.context import Context
from services.application import NotFound, Talenta
from services.auth import OtherAgency, token_store
from services.cli.inbox import inbox_group
from services.config import StoreConfig
from services.permissions import Forbidden
from services.reminders.commands import (
    SYSTEM,
    AcknowledgeNotice,
    IssueNotice,
    acknowledge_notice,
    issue_notice,
)
from services.scouting.pool import PoolDecree, RemindExpiry, decree_entries, remind_expiry

AGENCY = "kota-madiun"
LEVEL = PositionLevel.ADMINISTRATOR
NIP = "197503122000031004"
MAYOR = Actor(id="walikota", role=Role.PPK, agency=AGENCY)
DEPUTY = Actor(id="wakil", role=Role.PPK, agency=AGENCY)
HEAD = Actor(id="kabag", role=Role.HEAD_OF_UNIT, agency=AGENCY)
CLERK = Actor(id="staf", role=Role.CASEWORKER, agency=AGENCY)
BINJAI_MAYOR = Actor(id="walikota-binjai", role=Role.PPK, agency="kota-binjai")


def remind(app: Talenta, lead_days: int = 30) -> tuple[UUID, int]:
    """A pool entry decreed in 2024 (expiring 2027-03-01) and its reminder as the clock records
    it; the reminder event's id."""
    command = PoolDecree(decree_number=f"800/{uuid4().hex[:6]}/2024", decree_date=date(2024, 3, 1))
    (entry,) = decree_entries(app, [NIP], LEVEL, AGENCY, uuid4(), command, MAYOR)
    membership = membership_id(NIP, LEVEL)
    reminder = RemindExpiry(
        membership_id=membership, entry_id=entry.entry_id, lead_days=lead_days, on=date(2027, 1, 30)
    )
    assert remind_expiry(app, reminder, SYSTEM)
    events = list(app.repository.event_store.get(membership))
    (sent,) = [e for e in events if isinstance(e, PoolMembership.ExpiryReminderSent)]
    return membership, sent.originator_version


@pytest.fixture
def issued(app: Talenta) -> Notice:
    reminder, version = remind(app)
    return issue_notice(app, IssueNotice(reminder_id=reminder, version=version), SYSTEM)


def read(app: Talenta, actor: Actor, acknowledged: bool | None = None) -> list[UUID]:
    view = document_view(app)
    Follower(app, InboxProjection(view)).catch_up()
    return [
        item.notice_id for item in inbox(view, actor.agency, actor.role, actor.id, acknowledged)
    ]


def test_a_reminder_becomes_one_notice_for_the_roles_who_must_act(
    app: Talenta, issued: Notice
) -> None:
    assert issued.roles == (Role.HEAD_OF_UNIT, Role.PPK)
    assert issued.citations == ("madiun-2021:P22(1)",)
    assert (issued.subject, issued.deadline, issued.lead_days) == (NIP, date(2027, 3, 1), 30)
    assert "berakhir 2027-03-01 (30 hari lagi)" in issued.text_id
    assert "expires on 2027-03-01 (in 30 days)" in issued.text_en
    reminder, version = issued.reminder.split("/")
    again = issue_notice(app, IssueNotice(reminder_id=UUID(reminder), version=int(version)), SYSTEM)
    assert again.id == issued.id == notice_id(UUID(reminder), int(version))
    assert len(list(app.repository.event_store.get(issued.id))) == 1
    assert read(app, MAYOR) == read(app, HEAD) == [issued.id]
    assert read(app, CLERK) == []
    assert read(app, BINJAI_MAYOR) == []


def test_each_user_acknowledges_once_and_sees_only_their_own_acknowledgement(
    app: Talenta, issued: Notice
) -> None:
    command = AcknowledgeNotice(notice_id=issued.id)
    assert acknowledge_notice(app, command, MAYOR) is True
    assert acknowledge_notice(app, command, MAYOR) is False
    acknowledgements = [
        e for e in app.repository.event_store.get(issued.id) if isinstance(e, Notice.Acknowledged)
    ]
    assert [e.envelope["actor"]["id"] for e in acknowledgements] == ["walikota"]
    assert read(app, MAYOR, acknowledged=True) == [issued.id]
    assert read(app, MAYOR, acknowledged=False) == []
    assert read(app, DEPUTY, acknowledged=False) == [issued.id]
    assert read(app, DEPUTY, acknowledged=True) == []


def test_a_role_not_addressed_or_another_agency_cannot_acknowledge(
    app: Talenta, issued: Notice
) -> None:
    command = AcknowledgeNotice(notice_id=issued.id)
    with pytest.raises(NoticeRefusal) as refused:
        acknowledge_notice(app, command, CLERK)
    assert refused.value.code == "notice-not-addressed"
    assert str(refused.value.citation) == "madiun-2021:P22(1)"
    assert "bukan caseworker" in str(refused.value) and "not caseworker" in str(refused.value)
    with pytest.raises(OtherAgency):
        acknowledge_notice(app, command, BINJAI_MAYOR)
    with pytest.raises(Forbidden):
        acknowledge_notice(app, command, SYSTEM)
    with pytest.raises(NotFound):
        acknowledge_notice(app, AcknowledgeNotice(notice_id=uuid4()), MAYOR)
    assert len(list(app.repository.event_store.get(issued.id))) == 1


def test_the_inbox_rebuilds_to_the_same_answer(app: Talenta, issued: Notice) -> None:
    acknowledge_notice(app, AcknowledgeNotice(notice_id=issued.id), HEAD)
    view = document_view(app)
    projection = InboxProjection(view)
    follower = Follower(app, projection)
    follower.catch_up()
    before = [i.model_dump() for i in inbox(view, AGENCY, Role.HEAD_OF_UNIT, HEAD.id)]
    view.reset((NOTICES,), follower.tracking_key)
    assert inbox(view, AGENCY, Role.HEAD_OF_UNIT, HEAD.id) == []
    follower.catch_up()
    assert [i.model_dump() for i in inbox(view, AGENCY, Role.HEAD_OF_UNIT, HEAD.id)] == before
    assert before[0]["acknowledged"] is True


@pytest.fixture
def client(app: Talenta) -> Iterator[tuple[TestClient, dict[str, dict[str, str]]]]:
    tokens = token_store(app)
    headers = {}
    for user, agency, role in (
        ("walikota", AGENCY, Role.PPK),
        ("kabag", AGENCY, Role.HEAD_OF_UNIT),
        ("staf", AGENCY, Role.CASEWORKER),
        ("walikota-binjai", "kota-binjai", Role.PPK),
    ):
        secret = tokens.create_token(user, agency, [role])[1]
        headers[user] = {"Authorization": f"Bearer {secret}"}
    yield TestClient(create_api(Context.of(app))), headers


def test_the_inbox_over_http(
    app: Talenta, issued: Notice, client: tuple[TestClient, dict[str, dict[str, str]]]
) -> None:
    api, headers = client
    listed = api.get("/inbox", headers=headers["walikota"])
    assert listed.status_code == 200
    (item,) = listed.json()
    assert item["notice_id"] == str(issued.id)
    assert (item["acknowledged"], item["citations"], item["deadline"]) == (
        False,
        ["madiun-2021:P22(1)"],
        "2027-03-01",
    )
    assert api.get("/inbox", headers=headers["staf"]).json() == []
    assert api.get("/inbox", headers=headers["walikota-binjai"]).json() == []

    path = f"/inbox/{issued.id}/acknowledge"
    first = api.post(path, headers=headers["walikota"])
    assert first.json() == {"notice_id": str(issued.id), "recorded": True}
    assert api.post(path, headers=headers["walikota"]).json()["recorded"] is False
    assert api.get("/inbox?acknowledged=true", headers=headers["walikota"]).json()[0][
        "acknowledged"
    ]
    assert api.get("/inbox?acknowledged=false", headers=headers["walikota"]).json() == []
    assert len(api.get("/inbox?acknowledged=false", headers=headers["kabag"]).json()) == 1

    refused = api.post(path, headers=headers["staf"])
    assert refused.status_code == 422
    assert refused.json()["code"] == "notice-not-addressed"
    assert refused.json()["citation"] == "madiun-2021:P22(1)"
    assert api.post(path, headers=headers["walikota-binjai"]).status_code == 403
    assert api.post(f"/inbox/{uuid4()}/acknowledge", headers=headers["walikota"]).status_code == 404
    assert api.get("/inbox").status_code == 401


def test_the_inbox_on_the_command_line(app: Talenta, issued: Notice, store: StoreConfig) -> None:
    runner = CliRunner()
    who = ["--store", store.url, "--agency", AGENCY, "--actor", "kabag", "--as", "head-of-unit"]
    listed = runner.invoke(inbox_group, ["list", *who, "--unacknowledged"])
    assert listed.exit_code == 0, listed.output
    assert f"[ ] {issued.id}  2027-03-01" in listed.output
    assert "1 pemberitahuan / notices" in listed.output
    acked = runner.invoke(inbox_group, ["ack", *who, str(issued.id)])
    assert acked.exit_code == 0, acked.output
    assert "dicatat / recorded" in acked.output
    again = runner.invoke(inbox_group, ["ack", *who, str(issued.id)])
    assert "already acknowledged before" in again.output
    listed = runner.invoke(inbox_group, ["list", *who, "--acknowledged"])
    assert f"[x] {issued.id}" in listed.output
    clerk = ["--store", store.url, "--agency", AGENCY, "--actor", "staf", "--as", "caseworker"]
    refused = runner.invoke(inbox_group, ["ack", *clerk, str(issued.id)])
    assert refused.exit_code == 1
    assert "madiun-2021:P22(1)" in refused.output
    no_role = runner.invoke(inbox_group, ["list", "--store", store.url, "--agency", AGENCY])
    assert no_role.exit_code == 2 and "--as" in no_role.output
