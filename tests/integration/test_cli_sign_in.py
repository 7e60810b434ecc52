"""The command line acts as a signed-in user, on SQLite and PostgreSQL: `talenta login` with the
web interface's users, every step recorded under the user's id in a role it holds, for its own
agency; without sign-in a step is refused, and the embedded mode names itself in every event."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from eventsourcing.utils import get_topic

from domain.access import Refusal
from domain.envelope import Actor, Role
from domain.rules.registry import pack_for
from services.accounts import NewUser, create_user
from services.application import Talenta
from services.auth.store import token_store
from services.cli.main import main
from services.config import StoreConfig

SAMPLES = Path(__file__).parents[2] / "services" / "importing" / "samples"
MADIUN, BINJAI = "kota-madiun", "kota-binjai"
PASSWORD = "kata-sandi-yang-panjang"
NIP = "196911201992031005"  # in the samples


@pytest.fixture
def users(store: StoreConfig, monkeypatch: pytest.MonkeyPatch) -> StoreConfig:
    """A Madiun caseworker and a Binjai talent-team member; the command line not embedded."""
    app = Talenta(store)
    try:
        for username, agency, role in (
            ("siti", MADIUN, Role.CASEWORKER),
            ("budi", BINJAI, Role.TALENT_TEAM),
        ):
            admin = Actor(id="admin", role=Role.ADMINISTRATOR, agency=agency)
            new = NewUser(username=username, agency=agency, roles={role}, password=PASSWORD)
            create_user(app, new, admin)
    finally:
        app.close()
    monkeypatch.delenv("TALENTA_EMBEDDED")
    monkeypatch.delenv("TALENTA_ACTOR", raising=False)
    return store


def talenta(store: StoreConfig, *args: str, stdin: str | None = None, expect: int = 0) -> Result:
    result = CliRunner().invoke(
        main, ["--init", *args], input=stdin, env={"TALENTA_STORE": store.url}
    )
    assert result.exit_code == expect, result.output
    return result


def login(store: StoreConfig, username: str) -> Result:
    return talenta(store, "login", username, "--password-stdin", stdin=PASSWORD + "\n")


def last_id(store: StoreConfig) -> int:
    app = Talenta(store)
    try:
        return app.recorder.max_notification_id() or 0
    finally:
        app.close()


def refusals(store: StoreConfig) -> list[Any]:
    app = Talenta(store)
    try:
        found = app.recorder.select_notifications(
            start=None, limit=100, topics=[get_topic(Refusal.Refused)]
        )
        return [app.repository.get(n.originator_id) for n in found]
    finally:
        app.close()


def import_actors(store: StoreConfig) -> set[str]:
    app = Talenta(store)
    try:
        events = app.events.get(app.employee(NIP).id)
        return {event.envelope["actor"]["id"] for event in events}  # type: ignore[attr-defined]
    finally:
        app.close()


def declare_critical(agency: str) -> list[str]:
    cycle = pack_for(agency).cycle
    assert cycle is not None
    characteristics = [
        arg
        for item in cycle.critical_characteristics
        for arg in ("--characteristic", f"{item.code}=karena RPJMD")
    ]
    return [
        "talent", "declare-critical", "--position", "Kepala Bappeda", "--unit", "Bappeda",
        "--level", "jpt-pratama", *characteristics, "--priority", "1",
        "--competency-standard", "SKJ-01", "--decree", "800/1/2025", "--decree-date", "2025-02-03",
    ]  # fmt: skip


def test_without_sign_in_a_step_is_refused_in_one_line_and_writes_nothing(
    users: StoreConfig,
) -> None:
    before = last_id(users)

    refused = talenta(users, "import", MADIUN, str(SAMPLES), expect=1)

    (line,) = refused.output.strip().splitlines()
    assert "belum masuk" in line and "not signed in" in line and "talenta login" in line
    assert last_id(users) == before


def test_a_signed_in_caseworker_acts_as_caseworker_under_their_user_id(
    users: StoreConfig, tmp_path: Path
) -> None:
    signed = login(users, "siti")
    assert "siti" in signed.output and MADIUN in signed.output
    session = tmp_path / "talenta-session.json"
    assert stat.S_IMODE(session.stat().st_mode) == 0o600
    assert PASSWORD not in session.read_text()
    assert talenta(users, "whoami").output.strip() == f"siti ({MADIUN}: caseworker)"

    talenta(users, "import", MADIUN, str(SAMPLES), "--effective", "2025-03-03")

    assert import_actors(users) == {"siti"}
    app = Talenta(users)
    try:
        (enrolled,) = app.events.get(app.employee(NIP).id)
        actor = enrolled.envelope["actor"]  # type: ignore[attr-defined]
    finally:
        app.close()
    assert actor == {"id": "siti", "role": "caseworker", "agency": MADIUN}

    talenta(users, "logout")
    assert not session.exists()
    talenta(users, "import", MADIUN, str(SAMPLES), expect=1)


def test_signing_in_again_ends_the_session_it_replaces(users: StoreConfig) -> None:
    login(users, "siti")
    login(users, "budi")

    app = Talenta(users)
    try:
        listed = token_store(app).list_tokens()
    finally:
        app.close()
    assert {t.user_id: t.revoked_at is not None for t in listed} == {"siti": True, "budi": False}


def test_a_wrong_password_signs_nobody_in(users: StoreConfig, tmp_path: Path) -> None:
    refused = talenta(users, "login", "siti", "--password-stdin", stdin="salah-sekali\n", expect=1)

    assert "wrong user name or password" in refused.output
    assert not (tmp_path / "talenta-session.json").exists()


def test_a_role_the_user_does_not_hold_is_refused_and_recorded(users: StoreConfig) -> None:
    login(users, "budi")
    before = last_id(users)

    refused = talenta(users, *declare_critical(BINJAI), "--as", "ppk", expect=1)

    assert "tidak memegang peran ppk" in refused.output
    assert "does not hold the role ppk" in refused.output
    assert last_id(users) == before + 1  # the refusal alone
    (row,) = refusals(users)
    assert (row.code, row.status, row.via) == ("role-not-held", 403, "cli")
    assert row.actor == {"id": "budi", "role": "ppk", "agency": BINJAI}
    assert row.command.endswith("talent declare-critical")


def test_another_agency_is_refused_and_recorded(users: StoreConfig) -> None:
    login(users, "budi")
    other = "kota-balikpapan"
    args = [*declare_critical(other), "--as", "talent-team", "--agency", other]

    refused = talenta(users, *args, expect=1)

    assert f"may not access the data of {other}" in refused.output
    (row,) = refusals(users)
    assert (row.code, row.agency, row.actor["id"]) == ("other-agency", BINJAI, "budi")


def test_a_signed_in_user_cannot_name_another_actor(users: StoreConfig) -> None:
    login(users, "budi")
    args = [*declare_critical(BINJAI), "--as", "talent-team", "--actor", "walikota"]

    refused = talenta(users, *args, expect=1)

    assert "--actor 'walikota' is not the signed-in user's (budi)" in refused.output
    (row,) = refusals(users)
    assert (row.code, row.actor["id"]) == ("not-signed-in-user", "budi")


def test_the_embedded_mode_names_itself_in_every_event(
    store: StoreConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TALENTA_ACTOR", "rina")

    talenta(store, "import", MADIUN, str(SAMPLES), "--effective", str(date(2025, 3, 3)))

    assert import_actors(store) == {"embedded:rina"}


def test_only_a_signed_in_administrator_issues_an_api_token(users: StoreConfig) -> None:
    issue = ["token", "create", "--user", "walikota", "--agency", MADIUN, "--role", "ppk"]

    assert "not signed in" in talenta(users, *issue, expect=1).output
    login(users, "siti")
    refused = talenta(users, *issue, expect=1)

    assert "does not hold the role administrator" in refused.output
    (row,) = refusals(users)
    assert (row.code, row.actor["id"], row.actor["role"]) == (
        "role-not-held",
        "siti",
        "administrator",
    )


def test_a_read_shows_only_the_signed_in_users_agency(users: StoreConfig) -> None:
    assert "not signed in" in talenta(users, "employees", MADIUN, expect=1).output
    login(users, "budi")

    assert talenta(users, "scouting", "pool").output.splitlines()[-1].startswith("0 ")
    pins = talenta(users, "talent", "show", "pins").output.strip().splitlines()
    assert pins[0].endswith(f"({BINJAI}, WIB)") and len(pins) == 3  # none in Binjai yet
    talenta(users, "talent", "show", "pins", "--agency", MADIUN, expect=1)
    refused = talenta(users, "employees", MADIUN, expect=1)

    assert "may not access the data of kota-madiun" in refused.output
    assert [(row.code, row.actor["id"]) for row in refusals(users)] == [
        ("other-agency", "budi")
    ] * 2
    assert {row.command.split()[-1] for row in refusals(users)} == {"pins", "employees"}


def test_demo_data_is_seeded_only_in_the_embedded_mode(users: StoreConfig) -> None:
    login(users, "siti")
    before = last_id(users)

    refused = talenta(users, "demo", "seed", "--employees", "50", expect=2)

    assert "only in the embedded mode (TALENTA_EMBEDDED=1)" in refused.output
    assert last_id(users) == before
