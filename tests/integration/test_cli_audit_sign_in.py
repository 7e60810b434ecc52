"""The auditor's commands act as a signed-in user like every other step: the compliance replay
and the chain's verification for auditors and administrators of the user's agency, the chain's
head for any user; and what the command line shows of an employee's record to anyone but a
caseworker is a recorded read, as over the API."""

from __future__ import annotations

from typing import Any

from eventsourcing.utils import get_topic

from domain.access import PersonalDataRead
from domain.envelope import Actor, Role
from services.accounts import NewUser, create_user
from services.application import Talenta
from services.config import StoreConfig
from tests.integration.test_cli_sign_in import (
    MADIUN,
    NIP,
    PASSWORD,
    SAMPLES,
    last_id,
    login,
    refusals,
    talenta,
    users,
)

__all__ = ["users"]  # the fixture, shared with the sign-in tests


def auditor(store: StoreConfig) -> None:
    app = Talenta(store)
    try:
        admin = Actor(id="admin", role=Role.ADMINISTRATOR, agency=MADIUN)
        new = NewUser(username="rina", agency=MADIUN, roles={Role.AUDITOR}, password=PASSWORD)
        create_user(app, new, admin)
    finally:
        app.close()


def reads(store: StoreConfig) -> list[tuple[str, str, str, str]]:
    app = Talenta(store)
    try:
        found = app.recorder.select_notifications(
            start=None, limit=100, topics=[get_topic(PersonalDataRead.Read)]
        )
        read: list[Any] = [app.repository.get(n.originator_id) for n in found]
        return [(r.actor["id"], r.actor["role"], r.nip, r.via) for r in read]
    finally:
        app.close()


def test_without_sign_in_the_replay_and_the_chain_are_refused(users: StoreConfig) -> None:
    before = last_id(users)
    for command in (("compliance",), ("chain", "verify"), ("chain", "head")):
        refused = talenta(users, *command, expect=1)
        (line,) = refused.output.strip().splitlines()
        assert "belum masuk" in line and "not signed in" in line, command
    assert last_id(users) == before


def test_a_caseworker_may_read_the_head_but_neither_replay_nor_verify(users: StoreConfig) -> None:
    login(users, "siti")

    assert ":" in talenta(users, "chain", "head").output  # ID:HASH
    replay = talenta(users, "compliance", expect=1)  # as an auditor, a role siti lacks
    verify = talenta(users, "chain", "verify", expect=1)
    as_caseworker = talenta(users, "compliance", "--as", "caseworker", expect=1)

    assert "PATUH" not in replay.output and "UTUH" not in verify.output
    assert "auditor" in as_caseworker.output and "administrator" in as_caseworker.output
    refused = [(r.actor["id"], r.actor["role"], r.command) for r in refusals(users)]
    assert refused == [
        ("siti", "auditor", "main compliance"),
        ("siti", "auditor", "main chain verify"),
        ("siti", "caseworker", "main compliance"),
    ]


def test_an_auditor_replays_and_verifies_for_their_own_agency(users: StoreConfig) -> None:
    auditor(users)
    login(users, "rina")

    replay = talenta(users, "compliance")
    verified = talenta(users, "chain", "verify")
    elsewhere = talenta(users, "compliance", "--agency", "kota-binjai", expect=1)

    assert replay.output.startswith("PATUH / COMPLIANT") and f"({MADIUN}," in replay.output
    assert "UTUH / INTACT" in verified.output
    assert "other-agency" in elsewhere.output or "kota-binjai" in elsewhere.output
    assert "PATUH" not in elsewhere.output


def test_an_auditor_s_reads_of_an_employee_at_the_command_line_are_recorded(
    users: StoreConfig,
) -> None:
    login(users, "siti")
    talenta(users, "import", MADIUN, str(SAMPLES))
    talenta(users, "eligibility", MADIUN, "--level", "administrator", "--on", "2025-03-01")
    assert reads(users) == []  # the caseworkers keep the records: theirs are not recorded
    auditor(users)
    login(users, "rina")

    talenta(
        users, "eligibility", MADIUN, "--level", "administrator", "--on", "2025-03-01",
        "--nip", NIP,
    )  # fmt: skip
    talenta(users, "audit", "timeline", "employee", NIP)

    assert reads(users) == [
        ("rina", "auditor", NIP, "talenta eligibility"),
        ("rina", "auditor", NIP, "talenta audit timeline employee"),
    ]
