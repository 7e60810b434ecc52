"""`talenta talent show ...`: the talent read models of the agency in TALENTA_AGENCY, brought up
to the log before they are read: tables with column headers, each NIP beside its full name, dated
in the agency's own calendar (its zone named in the title), CSV with --csv, the API's JSON with
--json."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from functools import wraps
from typing import Any
from zoneinfo import ZoneInfo

import click

from domain.agencies import get_agency
from projections import talent as read
from projections.documents import DocumentView
from services.application import Talenta
from services.bootstrap import ReadModels, open_store
from services.cli.options import store_option
from services.cli.render import echo_json, echo_rows
from services.cli.session import reader_agency


@click.group()
def show() -> None:
    """Read the talent read models (nine-box grid, plans, priority, pins, monitoring due)."""


def reading(command: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(command)
    def function(*args: Any, store: str, agency: str | None, **kwargs: Any) -> Any:
        return command(*args, store=store, agency=reader_agency(store, agency), **kwargs)

    function = click.option("--json", "as_json", is_flag=True, help="Print JSON.")(function)
    function = click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")(function)
    function = click.option(
        "--on",
        type=click.DateTime(["%Y-%m-%d"]),
        default=None,
        help="As of this date (default: today in the agency's time zone).",
    )(function)
    function = click.option(
        "--agency",
        envvar="TALENTA_AGENCY",
        default=None,
        help="The agency read (TALENTA_AGENCY); default: the signed-in user's, the only one it "
        "may read.",
    )(function)
    return store_option(function)


class Reading:
    """The read models of one invocation, caught up with the log, and the agency's full names."""

    def __init__(self, store: str, agency: str) -> None:
        self.agency = agency
        self.app: Talenta = open_store(store)
        models = ReadModels.of(self.app)
        models.refresh()
        self.documents: DocumentView = models.documents
        self.names = {row.nip: row.name for row in models.directory.rows(agency)}

    def named(self, nip: str) -> str:
        return f"{nip} {self.names.get(nip, '')}".strip()

    def answer(
        self,
        found: Any,
        title: str,
        headers: Sequence[str],
        rows: Sequence[Sequence[object]],
        as_json: bool,
        as_csv: bool,
    ) -> None:
        self.app.close()
        if as_json:
            echo_json(found)
            return
        if not as_csv:
            click.echo(f"{title} ({self.agency}, {zone_name(self.agency)})")
        echo_rows(headers, [[cell_text(cell) for cell in row] for row in rows], as_csv)


def zone_name(agency: str) -> str:
    """WIB, WITA or WIT: the zone the agency's dates are days of."""
    return datetime.now(ZoneInfo(get_agency(agency).time_zone)).tzname() or ""


def cell_text(value: object) -> str:
    return "" if value is None else value.isoformat() if isinstance(value, date) else str(value)


def day_of(agency: str, on: datetime | None) -> date:
    return on.date() if on else get_agency(agency).local_date(datetime.now(UTC))


def last_day(expires_on: date | None) -> date | None:
    return expires_on - timedelta(days=1) if expires_on else None  # expires_on no longer holds


@show.command()
@reading
@click.option("--unit", default=None)
@click.option("--period", default=None)
def ninebox(
    store: str,
    agency: str,
    on: datetime | None,
    as_json: bool,
    as_csv: bool,
    unit: str | None,
    period: str | None,
) -> None:
    """The nine-box grid of the agency (or a unit, a period) as of a date."""
    reading_ = Reading(store, agency)
    day = day_of(agency, on)
    grid = read.ninebox_grid(reading_.documents, agency, day, unit, period)
    rows = [
        [box, cell.category.id, cell.count, "; ".join(reading_.named(n) for n in cell.nips)]
        for box, cell in sorted(grid.boxes.items(), reverse=True)
    ]
    headers = ("Kotak", "Kategori", "Jumlah", "Pegawai")
    reading_.answer(grid, f"Nine-box per {day}", headers, rows, as_json, as_csv)


@show.command()
@reading
def plans(store: str, agency: str, on: datetime | None, as_json: bool, as_csv: bool) -> None:
    """Succession plans per target position with nominations and ordered successors."""
    reading_ = Reading(store, agency)
    found = read.succession_plans(reading_.documents, agency)
    rows = [
        [
            plan.plan_id,
            plan.position,
            plan.unit,
            plan.level,
            plan.status,
            plan.declared_on,
            "; ".join(f"{reading_.named(n.nip)} (kotak {n.box})" for n in plan.nominations),
            "; ".join(f"{s.order}. {reading_.named(s.nip)}" for s in plan.successors),
            reading_.named(plan.filled_by) if plan.filled_by else "",
        ]
        for plan in found
    ]
    headers = (
        "Rencana", "Jabatan target", "Unit kerja", "Tingkat", "Keadaan", "Ditetapkan",
        "Nominasi", "Suksesor", "Diisi oleh",
    )  # fmt: skip
    reading_.answer(found, "Rencana suksesi", headers, rows, as_json, as_csv)


@show.command()
@reading
def groups(store: str, agency: str, on: datetime | None, as_json: bool, as_csv: bool) -> None:
    """The decreed succession groups, per period, each member with the box on the decree date."""
    reading_ = Reading(store, agency)
    found = read.succession_groups(reading_.documents, agency)
    rows = [
        [
            group.period,
            group.decree_number,
            group.decree_date,
            len(group.members),
            "; ".join(f"{reading_.named(m.nip)} (kotak {m.box})" for m in group.members),
        ]
        for group in found
    ]
    headers = ("Periode", "Keputusan", "Tanggal keputusan", "Jumlah", "Anggota")
    reading_.answer(found, "Kelompok rencana suksesi", headers, rows, as_json, as_csv)


@show.command()
@reading
def priority(store: str, agency: str, on: datetime | None, as_json: bool, as_csv: bool) -> None:
    """The development priority list, highest box first."""
    reading_ = Reading(store, agency)
    day = day_of(agency, on)
    found = read.development_priority(reading_.documents, agency, day)
    rows = [
        [
            row.nip,
            reading_.names.get(row.nip, ""),
            row.box or "-",
            row.unit,
            ", ".join(f"{e.programme} {e.on}" for e in row.enrolments),
            row.open_follow_ups,
        ]
        for row in found
    ]
    headers = ("NIP", "Nama", "Kotak", "Unit kerja", "Pengembangan", "Tindak lanjut terbuka")
    reading_.answer(found, f"Prioritas pengembangan per {day}", headers, rows, as_json, as_csv)


@show.command()
@reading
def pins(store: str, agency: str, on: datetime | None, as_json: bool, as_csv: bool) -> None:
    """The box-9 pins valid on a date."""
    reading_ = Reading(store, agency)
    day = day_of(agency, on)
    found = read.valid_pins(reading_.documents, agency, day)
    rows = [
        [
            row.nip,
            reading_.names.get(row.nip, ""),
            row.box,
            row.decree_number,
            row.decree_date,
            last_day(row.expires_on) or "-",
        ]
        for row in found
    ]
    headers = ("NIP", "Nama", "Kotak", "Keputusan", "Tanggal keputusan", "Berlaku sampai")
    reading_.answer(found, f"Pin yang berlaku per {day}", headers, rows, as_json, as_csv)


@show.command(name="monitoring-due")
@reading
@click.option("--days", type=click.IntRange(0, 3660), default=90, show_default=True)
def monitoring_due(
    store: str, agency: str, on: datetime | None, as_json: bool, as_csv: bool, days: int
) -> None:
    """Evaluations and check-ins of placed successors due within --days, the overdue flagged."""
    reading_ = Reading(store, agency)
    day = day_of(agency, on)
    due = read.monitoring_due(reading_.documents, agency, day, timedelta(days=days))
    late = {True: "TERLAMBAT/OVERDUE", False: ""}
    rows = [
        *(
            ["evaluasi", r.nip, reading_.names.get(r.nip, ""), r.position, r.unit, "",
             r.evaluation_due, late[r.overdue]]
            for r in due.evaluations
        ),
        *(
            ["check-in", r.nip, reading_.names.get(r.nip, ""), r.position, r.unit, r.year,
             r.due_on, late[r.overdue]]
            for r in due.check_ins
        ),
    ]  # fmt: skip
    headers = ("Jenis", "NIP", "Nama", "Jabatan", "Unit kerja", "Tahun", "Jatuh tempo", "Terlambat")
    title = f"Pemantauan jatuh tempo {day} s.d. {due.until}"
    reading_.answer(due, title, headers, rows, as_json, as_csv)
