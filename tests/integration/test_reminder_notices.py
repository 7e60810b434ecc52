"""Each reminder the clocks record becomes a notice (SQLite and PostgreSQL): the agency, the
clock, whom it concerns, its deadline and lead, the roles who must act and the citation that
makes it their task, in Indonesian and English. One row per reminder event, named by its
citation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from uuid import UUID, uuid4

import pytest

from domain.envelope import Envelope, Role
from domain.reminders.notice import notice_id
from domain.scouting.mutation import TenureReview
from domain.talent.monitoring import monitoring_id
from services.application import Talenta
from services.reminders.commands import SYSTEM, IssueNotice, issue_notice
from services.scouting.mutations import RemindTenure, remind_tenure
from services.scouting.rounds import SendReminder, send_reminder
from services.settings import ClockKind
from services.talent.monitoring import (
    RemindCheckIn,
    RemindEvaluation,
    remind_check_in,
    remind_evaluation,
)
from services.talent.placement import PlaceTalent, place_talent
from services.talent.retention import RemindPin, remind_pin
from tests.integration import test_talent_monitoring as monitored
from tests.integration import test_talent_pins as pins
from tests.integration.test_inbox import MAYOR as MADIUN_MAYOR
from tests.integration.test_inbox import remind as remind_pool_entry
from tests.integration.test_scouting_rounds import SCHEDULE
from tests.integration.test_scouting_rounds import opened_round as published_round

NIP = "198001012005011001"
INAUGURATED = date(2023, 6, 1)


def last_version(app: Talenta, aggregate: UUID) -> tuple[UUID, int]:
    (*_, last) = app.repository.event_store.get(aggregate)
    return aggregate, last.originator_version


def tenure(app: Talenta) -> tuple[UUID, int]:
    review = TenureReview.start(
        NIP,
        "kota-madiun",
        "Kepala Bagian Umum",
        date(2021, 3, 1),
        Envelope(actor=MADIUN_MAYOR, effective=date(2021, 3, 1)),
    )
    app.save(review)
    on = date(2025, 12, 1)
    assert remind_tenure(app, RemindTenure(review_id=review.id, lead_days=90, on=on), SYSTEM)
    return last_version(app, review.id)


def pin(app: Talenta) -> tuple[UUID, int]:
    awarded = pins.pin(app, NIP, datetime(2024, 5, 2, 9, tzinfo=UTC))
    on = date(2026, 4, 25)
    assert remind_pin(app, RemindPin(award_id=awarded.id, lead_days=7, on=on), SYSTEM)
    return last_version(app, awarded.id)


def placed(app: Talenta) -> UUID:
    command = PlaceTalent(
        plan_id=monitored.successor_plan(app, INAUGURATED),
        nip=monitored.NIP,
        decree_number=f"821/{uuid4().hex[:6]}/BKPSDM",
        decree_date=INAUGURATED,
        inaugurated_on=INAUGURATED,
    )
    return monitoring_id(place_talent(app, command, monitored.MAYOR))


def check_in(app: Talenta) -> tuple[UUID, int]:
    monitoring = placed(app)
    command = RemindCheckIn(
        monitoring_id=monitoring, year=1, key="check-in-1-30d", on=date(2024, 5, 2)
    )
    assert remind_check_in(app, command, SYSTEM)
    return last_version(app, monitoring)


def overdue_evaluation(app: Talenta) -> tuple[UUID, int]:
    monitoring = placed(app)
    command = RemindEvaluation(monitoring_id=monitoring, key="overdue-14d", on=date(2026, 6, 15))
    assert remind_evaluation(app, command, SYSTEM)
    return last_version(app, monitoring)


def assessment(app: Talenta) -> tuple[UUID, int]:
    round_id = published_round(app)
    on = SCHEDULE.potential_assessment - timedelta(days=7)
    command = SendReminder(round_id=round_id, key="remind-potential-7d", nips=(), effective=on)
    assert send_reminder(app, command, SYSTEM)
    return last_version(app, round_id)


@dataclass(frozen=True)
class Row:
    citation: str
    recorded: Callable[[Talenta], tuple[UUID, int]]
    agency: str
    kind: ClockKind
    deadline: date
    lead_days: int
    roles: tuple[Role, ...]
    text_id: str
    text_en: str


ROWS = [
    Row(
        "madiun-2021:P22(1)",
        remind_pool_entry,
        "kota-madiun",
        ClockKind.POOL_ENTRY,
        date(2027, 3, 1),
        30,
        (Role.HEAD_OF_UNIT, Role.PPK),
        "berakhir 2027-03-01 (30 hari lagi)",
        "expires on 2027-03-01 (in 30 days)",
    ),
    Row(
        "madiun-2021:P25(3)",
        tenure,
        "kota-madiun",
        ClockKind.TENURE,
        date(2026, 3, 1),
        90,
        (Role.PPK,),
        "jatuh tempo 2026-03-01 (90 hari lagi)",
        "the mayor decides the extension",
    ),
    Row(
        "binjai-2023:P30(2)(a)",
        pin,
        "kota-binjai",
        ClockKind.PIN,
        date(2026, 5, 2),
        7,
        (Role.PPK,),
        "berakhir 2026-05-02 (7 hari lagi)",
        "expires on 2026-05-02 (in 7 days)",
    ),
    Row(
        "binjai-2023:P33(2)",
        check_in,
        "kota-binjai",
        ClockKind.CHECK_IN,
        date(2024, 6, 1),
        30,
        (Role.CASEWORKER, Role.TALENT_TEAM),
        "Pemantauan tahun ke-1",
        "falls due on 2024-06-01 (in 30 days)",
    ),
    Row(
        "binjai-2023:P33(2)",
        overdue_evaluation,
        "kota-binjai",
        ClockKind.EVALUATION,
        date(2026, 6, 1),
        -14,
        (Role.PPK,),
        "jatuh tempo 2026-06-01 (lewat 14 hari)",
        "falls due on 2026-06-01 (14 days overdue)",
    ),
    Row(
        "madiun-2021:P15",
        assessment,
        "kota-madiun",
        ClockKind.ASSESSMENT,
        SCHEDULE.potential_assessment,
        7,
        (Role.ASSESSOR,),
        "Penilaian potensi",
        "potential assessment",
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=[f"{row.citation}-{row.kind}" for row in ROWS])
def test_each_reminder_becomes_a_notice_for_the_roles_its_rule_names(
    app: Talenta, row: Row
) -> None:
    reminder, version = row.recorded(app)
    notice = issue_notice(app, IssueNotice(reminder_id=reminder, version=version), SYSTEM)
    assert (notice.agency, notice.kind) == (row.agency, row.kind)
    assert (notice.deadline, notice.lead_days) == (row.deadline, row.lead_days)
    assert notice.roles == row.roles
    assert row.citation in notice.citations
    assert row.text_id in notice.text_id
    assert row.text_en in notice.text_en
    assert notice.reminder == f"{reminder}/{version}"


def test_an_event_that_is_not_a_reminder_makes_no_notice(app: Talenta) -> None:
    reminder, _ = tenure(app)
    with pytest.raises(LookupError, match="is not a reminder"):
        issue_notice(app, IssueNotice(reminder_id=reminder, version=1), SYSTEM)
    assert notice_id(reminder, 1) not in app.repository
