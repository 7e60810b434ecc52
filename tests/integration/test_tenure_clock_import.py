"""Holders imported in post reach the mayor at 5 years (madiun-2021:P25(3)), on a real Temporal
dev server and a real store: an administrator inaugurated 5 years ago less two days gets the
7-day reminder at once (the last lead that fell due) and the review due in two days; a supervisor
in post since 5 years ago today has the review fall due at once. Each reminder becomes a notice
for the mayor (PPK)."""

from __future__ import annotations

import asyncio
import csv
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from uuid import uuid4

from domain.agencies import get_agency
from domain.envelope import Actor, Role
from domain.reminders.notice import Notice, notice_id
from domain.rules.calendar import add_years
from domain.scouting.mutation import TenureDue, TenureReview, tenure_review_due
from infra.temporal import TemporalEnv
from services.application import Talenta
from services.importing.files import PersonnelFiles
from services.importing.load import import_personnel
from services.settings import Settings
from workflows.catalog import HANDLERS, rules
from workflows.clock import ClockWorkflow
from workflows.scouting_clocks import tenure_clock
from workflows.worker import running_clocks

SAMPLES = Path(__file__).parents[2] / "services" / "importing" / "samples"
AGENCY = "kota-madiun"
ADMINISTRATOR, SUPERVISOR = "197503122000031004", "198307252006042011"
TITLES = {ADMINISTRATOR: "Kepala Bidang Bina Marga", SUPERVISOR: "Kepala Subbagian Keuangan"}
ECHELONS = {ADMINISTRATOR: "III.b", SUPERVISOR: "IV.a"}
POSITION_COLUMNS = (
    *("nipBaru", "jenisJabatan", "namaJabatan", "unorNama", "eselon", "jabatanFungsionalNama"),
    *("tmtJabatan", "tmtPelantikan", "nomorSk", "tanggalSk"),
)


def export(folder: Path, starts: dict[str, date], inaugurated: dict[str, date]) -> PersonnelFiles:
    """The two holders' rows of the sample export, in post since the given days."""
    with open(SAMPLES / "data_utama.csv", newline="", encoding="utf-8") as source:
        reader = csv.DictReader(source)
        rows = [row for row in reader if row["nipBaru"] in starts]
        header = reader.fieldnames
    assert header is not None
    with open(folder / "data_utama.csv", "w", newline="", encoding="utf-8") as main:
        rows_out = csv.DictWriter(main, header)
        rows_out.writeheader()
        for row in rows:
            rows_out.writerow({**row, "tmtJabatan": f"{starts[row['nipBaru']]:%d-%m-%Y}"})
    with open(folder / "rw_jabatan.csv", "w", newline="", encoding="utf-8") as positions:
        writer = csv.writer(positions)
        writer.writerow(POSITION_COLUMNS)
        for nip, start in starts.items():
            sworn = f"{inaugurated[nip]:%d-%m-%Y}" if nip in inaugurated else ""
            cells = (TITLES[nip], "Bidang", ECHELONS[nip], "", f"{start:%d-%m-%Y}", sworn)
            writer.writerow([nip, "1", *cells, "821.2/1/2021", ""])
    return PersonnelFiles.in_directory(folder)


def reminders(app: Talenta, review: TenureReview) -> list[int]:
    events = app.repository.event_store.get(review.id)
    return [e.lead_days for e in events if isinstance(e, TenureReview.TenureReminderSent)]


async def wait_until(condition: Callable[[], bool], timeout: float) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.2)


async def test_imported_holders_reach_the_mayor_at_five_years(
    app: Talenta, temporal_env: TemporalEnv, tmp_path: Path
) -> None:
    today = get_agency(AGENCY).local_date(datetime.now(UTC))
    five_years_ago = add_years(today, -5)
    sworn = five_years_ago + timedelta(days=2)
    files = export(
        tmp_path,
        {ADMINISTRATOR: sworn - timedelta(days=10), SUPERVISOR: five_years_ago},
        {ADMINISTRATOR: sworn},
    )
    report = import_personnel(app, files, AGENCY, Actor(id="siti", role=Role.CASEWORKER))
    assert (report.created, report.tenure_reviews) == (2, 2)

    almost = tenure_review_due(ADMINISTRATOR, TITLES[ADMINISTRATOR], sworn)
    due_now = tenure_review_due(SUPERVISOR, TITLES[SUPERVISOR], five_years_ago)
    assert almost.due_on == add_years(sworn, 5) == today + timedelta(days=2)
    assert due_now.due_on == today

    def review(due: TenureDue) -> TenureReview:
        found: TenureReview = app.repository.get(due.review_id)
        return found

    prefix = f"tenure-import/{uuid4()}/"
    client = temporal_env.client
    async with running_clocks(app, client, rules(Settings()), HANDLERS, id_prefix=prefix):
        await wait_until(lambda: bool(reminders(app, review(almost))), 40)
        await wait_until(lambda: bool(reminders(app, review(due_now))), 20)
        # The deliveries issue each reminder's notice (version 2: the reminder after the start).
        await wait_until(lambda: notice_id(almost.review_id, 2) in app.repository, 30)
        await wait_until(lambda: notice_id(due_now.review_id, 2) in app.repository, 30)

        pending = client.get_workflow_handle(prefix + tenure_clock(almost.review_id))
        assert await pending.query(ClockWorkflow.pending) == ["review-due"]
        ended = client.get_workflow_handle(prefix + tenure_clock(due_now.review_id))
        assert await asyncio.wait_for(ended.result(), 20) == ["review-due"]

    assert reminders(app, review(almost)) == [7]
    assert reminders(app, review(due_now)) == [0]
    for due in (almost, due_now):
        notice: Notice = app.repository.get(notice_id(due.review_id, 2))
        assert Role.PPK in notice.roles
        assert "madiun-2021:P25(3)" in notice.citations
