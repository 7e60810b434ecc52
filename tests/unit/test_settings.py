"""Per-agency settings: validation with bilingual errors, loading from TOML or JSON, secrets kept
out of sight, and each agency's lead times changing the milestones of its clocks (rulebook
Part C: "lead times are settings")."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from click.testing import CliRunner
from eventsourcing.domain import Aggregate
from eventsourcing.utils import get_topic

from domain.envelope import Actor, Envelope, Role
from domain.scouting.mutation import TenureReview
from domain.scouting.pool import PoolMembership
from domain.scouting.round import ScoutingRound
from domain.talent.monitoring import Monitoring
from domain.talent.retention import Award
from services.cli import main
from services.settings import (
    DEFAULT_LEADS,
    SETTINGS_ENV,
    ClockKind,
    Settings,
    SettingsError,
    load_settings,
    parse_settings,
)
from workflows.catalog import rules
from workflows.relay import StartClock

MAYOR = Actor(id="walikota", role=Role.PPK)
TODAY = datetime.now(UTC).date()


def far(days: int) -> date:
    return TODAY + timedelta(days=days)


def created(cls: type, **fields: Any) -> Any:
    envelope = Envelope(actor=MAYOR, effective=TODAY).to_event()
    first = issubclass(cls, Aggregate.Created)
    return cls(
        originator_id=uuid4(),
        originator_version=1 if first else 2,
        timestamp=datetime.now(UTC),
        **({"originator_topic": "test"} if first else {}),
        envelope=envelope,
        **fields,
    )


def pool_entry(agency: str) -> Any:
    return created(
        PoolMembership.EntryDecreed,
        entry_id=uuid4(),
        nip="197503122000031004",
        level="administrator",
        agency=agency,
        round_id=uuid4(),
        decree_number="800/1/2026",
        decree_date=TODAY,
        expires_on=far(400),
    )


def tenure(agency: str) -> Any:
    return created(
        TenureReview.TenureStarted,
        nip="197503122000031004",
        agency=agency,
        position="Kepala Bagian Umum",
        inaugurated_on=TODAY,
        due_on=far(400),
    )


def pin(agency: str) -> Any:
    return created(
        Award.Awarded,
        agency=agency,
        nip="197503122000031004",
        kind="pin",
        box=9,
        detail="",
        decree_number="800/2/2026",
        decree_date=TODAY,
        expires_on=far(730),
    )


def monitoring(agency: str) -> Any:
    return created(
        Monitoring.MonitoringStarted,
        placement_id=uuid4(),
        nip="197503122000031004",
        agency=agency,
        starts_on=TODAY,
        check_ins=[far(365), far(730)],
        evaluation_due=far(1095),
    )


def scouting_round(agency: str) -> Any:
    schedule = {
        "announcement": far(1).isoformat(),
        "registration_opens": far(2).isoformat(),
        "registration_closes": far(10).isoformat(),
        "potential_assessment": far(40).isoformat(),
        "technical_assessment": far(50).isoformat(),
        "result": far(60).isoformat(),
    }
    return created(
        ScoutingRound.Opened,
        agency=agency,
        level="administrator",
        name="Talent Scouting 2026",
        schedule=schedule,
        announcement={},
    )


@dataclass(frozen=True)
class Row:
    citation: str  # the deadline whose reminders the setting moves
    agency: str
    kind: ClockKind
    leads: Sequence[int]
    event: Callable[[str], Any]
    keys: list[str]


ROWS = [
    Row(
        "madiun-2021:P22(1)",
        "kota-madiun",
        ClockKind.POOL_ENTRY,
        [60, 14],
        pool_entry,
        ["remind-60d", "remind-14d", "expire"],
    ),
    Row(
        "madiun-2021:P25(3)",
        "kota-madiun",
        ClockKind.TENURE,
        [30],
        tenure,
        ["remind-30d", "review-due"],
    ),
    Row(
        "binjai-2023:P30(2)(a)",
        "kota-binjai",
        ClockKind.PIN,
        [45, 10],
        pin,
        ["remind-45d", "remind-10d", "expire"],
    ),
    Row(
        "binjai-2023:P33(2)",
        "kota-binjai",
        ClockKind.CHECK_IN,
        [20],
        monitoring,
        [
            *("check-in-1-20d", "check-in-2-20d"),
            *("evaluation-90d", "evaluation-30d", "evaluation-7d", "evaluation-due"),
        ],
    ),
    Row(
        "balikpapan-2022:P25(3)",
        "kota-balikpapan",
        ClockKind.EVALUATION,
        [60, 5],
        monitoring,
        [
            *("check-in-1-90d", "check-in-1-30d", "check-in-1-7d"),
            *("check-in-2-90d", "check-in-2-30d", "check-in-2-7d"),
            *("evaluation-60d", "evaluation-5d", "evaluation-due"),
        ],
    ),
    Row(
        "madiun-2021:P15",
        "kota-madiun",
        ClockKind.ASSESSMENT,
        [3],
        scouting_round,
        ["close-registration", "remind-potential-3d", "remind-technical-3d"],
    ),
]


def reminder_keys(settings: Settings, event: Any) -> list[str]:
    (command,) = rules(settings)[get_topic(type(event))](event)
    assert isinstance(command, StartClock)
    keys = [m.key for m in sorted(command.clock.milestones, key=lambda m: m.at)]
    return [key for key in keys if not key.startswith("overdue-")]


@pytest.mark.parametrize("row", ROWS, ids=[f"{row.citation}-{row.kind}" for row in ROWS])
def test_an_agencys_lead_times_set_the_reminders_of_its_clock(row: Row) -> None:
    settings = parse_settings({"agencies": {row.agency: {"leads": {row.kind: row.leads}}}})
    assert reminder_keys(settings, row.event(row.agency)) == row.keys


@pytest.mark.parametrize("row", ROWS, ids=[f"{row.citation}-{row.kind}" for row in ROWS])
def test_another_agencys_lead_times_leave_the_defaults(row: Row) -> None:
    others = [agency for agency in ("kota-binjai", "kota-madiun") if agency != row.agency]
    settings = parse_settings({"agencies": {others[0]: {"leads": {row.kind: row.leads}}}})
    event = row.event(row.agency)
    assert reminder_keys(settings, event) == reminder_keys(Settings(), event)


def test_without_settings_every_clock_reminds_90_30_and_7_days_ahead_and_assessors_7_and_1() -> (
    None
):
    settings = load_settings(None)
    assert DEFAULT_LEADS == (90, 30, 7)
    for kind in ClockKind:
        expected = (7, 1) if kind is ClockKind.ASSESSMENT else DEFAULT_LEADS
        assert settings.leads("kota-binjai", kind) == expected
    assert settings.of("kota-binjai").channels == []


@pytest.mark.parametrize(
    ("leads", "problem"),
    [
        ([30, -7], "harus positif / must be positive"),
        ([0], "harus positif / must be positive"),
        ([30, 30, 7], "tidak boleh berulang / must be distinct"),
        ([], "minimal satu hari / at least one lead time"),
    ],
)
def test_lead_times_must_be_positive_and_distinct(leads: list[int], problem: str) -> None:
    with pytest.raises(SettingsError) as refused:
        parse_settings({"agencies": {"kota-madiun": {"leads": {"pool-entry": leads}}}})
    message = str(refused.value)
    assert message.startswith("pengaturan tidak sah di settings / invalid settings in settings")
    assert "agencies.kota-madiun.leads.pool-entry" in message
    assert problem in message


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"agencies": {"kota-medan": {}}}, "instansi tidak dikenal / unknown agency: kota-medan"),
        ({"agencies": {"kota-madiun": {"leads": {"pension": [30]}}}}, "leads.pension"),
        (
            {"agencies": {"kota-madiun": {"smtp": {"host": "mail", "sender": "not-an-address"}}}},
            "smtp.sender",
        ),
        (
            {
                "agencies": {
                    "kota-madiun": {
                        "smtp": {
                            "host": "mail",
                            "sender": "talenta@madiunkota.go.id",
                            "recipients": {"ppk": ["walikota at madiun"]},
                        }
                    }
                }
            },
            "alamat surel tidak sah untuk ppk / invalid email address for ppk",
        ),
        ({"agencies": {"kota-madiun": {"webhook": {"url": "ftp://x"}}}}, "webhook.url"),
        ({"agencies": {"kota-madiun": {"fax": {}}}}, "kota-madiun.fax"),
    ],
)
def test_bad_settings_are_refused_naming_what_is_wrong(data: dict[str, Any], problem: str) -> None:
    with pytest.raises(SettingsError, match="invalid settings") as refused:
        parse_settings(data)
    assert problem in str(refused.value)


TOML = """
retry_max_seconds = 30

[agencies.kota-madiun.leads]
pool-entry = [60, 14]

[agencies.kota-madiun.smtp]
host = "mail.madiunkota.go.id"
port = 587
sender = "talenta@madiunkota.go.id"
starttls = true
username = "talenta"
password = "rahasia-smtp"
recipients = { ppk = ["walikota@madiunkota.go.id"], head-of-unit = ["kabag@madiunkota.go.id"] }

[agencies.kota-madiun.webhook]
url = "https://hooks.madiunkota.go.id/talenta"
secret = "rahasia-webhook"
"""


def test_settings_load_from_toml_named_by_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "talenta.toml"
    path.write_text(TOML)
    monkeypatch.setenv(SETTINGS_ENV, str(path))
    settings = load_settings()
    madiun = settings.of("kota-madiun")
    assert settings.retry_max_seconds == 30
    assert madiun.leads_for(ClockKind.POOL_ENTRY) == (60, 14)
    assert madiun.leads_for(ClockKind.TENURE) == DEFAULT_LEADS
    assert madiun.channels == ["email", "webhook"]
    assert madiun.smtp is not None and madiun.smtp.addresses(("head-of-unit", "ppk")) == (
        "kabag@madiunkota.go.id",
        "walikota@madiunkota.go.id",
    )
    # Secrets are usable but never printed (nor, being SecretStr, dumped into an event).
    assert madiun.smtp.password.get_secret_value() == "rahasia-smtp"
    assert "rahasia" not in repr(settings) and "rahasia" not in settings.model_dump_json()


def test_settings_load_from_json(tmp_path: Path) -> None:
    path = tmp_path / "talenta.json"
    path.write_text(json.dumps({"agencies": {"kota-binjai": {"leads": {"pin": [10]}}}}))
    assert load_settings(path).leads("kota-binjai", ClockKind.PIN) == (10,)


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("missing.toml", None, "berkas pengaturan tidak terbaca / cannot read the settings file"),
        ("broken.toml", "[agencies", "berkas pengaturan rusak / malformed settings file"),
        ("broken.json", "{", "berkas pengaturan rusak / malformed settings file"),
        ("list.json", "[1, 2]", "must hold a table"),
    ],
)
def test_an_unreadable_settings_file_is_refused_bilingually(
    tmp_path: Path, name: str, content: str | None, problem: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    with pytest.raises(SettingsError, match=problem):
        load_settings(path)


@pytest.mark.parametrize("command", ["worker", "serve"])
def test_bad_settings_stop_the_start_with_their_error(tmp_path: Path, command: str) -> None:
    path = tmp_path / "talenta.toml"
    path.write_text("[agencies.kota-madiun.leads]\npin = [30, 30]\n")
    answer = CliRunner().invoke(main, [command, "--settings", str(path)])
    assert answer.exit_code == 2
    assert "invalid settings in" in answer.output
    assert "agencies.kota-madiun.leads.pin" in answer.output
    assert "tidak boleh berulang / must be distinct" in answer.output
