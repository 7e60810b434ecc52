"""`talenta talent show ...`: the talent read models of the agency in TALENTA_AGENCY, brought up
to the log before they are read; JSON with --json, else one line per row."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import wraps
from typing import Any

import click

from domain.agencies import get_agency
from projections import talent as read
from projections.documents import DocumentView
from services.application import Talenta
from services.bootstrap import ReadModels, open_store
from services.cli.options import store_option
from services.cli.render import echo_json
from services.cli.session import reader_agency


@click.group()
def show() -> None:
    """Read the talent read models (nine-box grid, plans, priority, pins, monitoring due)."""


def reading(command: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(command)
    def function(*args: Any, store: str, agency: str | None, **kwargs: Any) -> Any:
        return command(*args, store=store, agency=reader_agency(store, agency), **kwargs)

    function = click.option("--json", "as_json", is_flag=True, help="Print JSON.")(function)
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


def documents(store: str) -> tuple[Talenta, DocumentView]:
    app = open_store(store)
    read_models = ReadModels.of(app)
    read_models.refresh()
    return app, read_models.documents


def day_of(agency: str, on: datetime | None) -> date:
    return on.date() if on else get_agency(agency).local_date(datetime.now(UTC))


def answer(app: Talenta, rows: Any, as_json: bool, lines: Callable[[Any], list[str]]) -> None:
    app.close()
    if as_json:
        echo_json(rows)
    else:
        click.echo("\n".join(lines(rows)))


@show.command()
@reading
@click.option("--unit", default=None)
@click.option("--period", default=None)
def ninebox(
    store: str,
    agency: str,
    on: datetime | None,
    as_json: bool,
    unit: str | None,
    period: str | None,
) -> None:
    """The nine-box grid of the agency (or a unit, a period) as of a date."""
    app, view = documents(store)
    grid = read.ninebox_grid(view, agency, day_of(agency, on), unit, period)
    answer(
        app,
        grid,
        as_json,
        lambda g: [
            f"kotak/box {box}: {cell.count:3}  {', '.join(cell.nips)}"
            for box, cell in sorted(g.boxes.items(), reverse=True)
        ],
    )


@show.command()
@reading
def plans(store: str, agency: str, on: datetime | None, as_json: bool) -> None:
    """Succession plans per target position with nominations and ordered successors."""
    app, view = documents(store)
    answer(
        app,
        read.succession_plans(view, agency),
        as_json,
        lambda rows: [
            f"{row.position} ({row.unit}): "
            + ", ".join(f"{s.order}. {s.nip}" for s in row.successors)
            for row in rows
        ],
    )


@show.command()
@reading
def priority(store: str, agency: str, on: datetime | None, as_json: bool) -> None:
    """The development priority list, highest box first."""
    app, view = documents(store)
    answer(
        app,
        read.development_priority(view, agency, day_of(agency, on)),
        as_json,
        lambda rows: [f"{row.nip}  kotak/box {row.box or '-'}  {row.unit}" for row in rows],
    )


@show.command()
@reading
def pins(store: str, agency: str, on: datetime | None, as_json: bool) -> None:
    """The box-9 pins valid on a date."""
    app, view = documents(store)
    answer(
        app,
        read.valid_pins(view, agency, day_of(agency, on)),
        as_json,
        lambda rows: [
            f"{row.nip}  s.d./until {row.expires_on}  {row.decree_number}" for row in rows
        ],
    )


@show.command(name="monitoring-due")
@reading
@click.option("--days", type=click.IntRange(0, 3660), default=90, show_default=True)
def monitoring_due(store: str, agency: str, on: datetime | None, as_json: bool, days: int) -> None:
    """Evaluations and check-ins of placed successors due within --days, the overdue flagged."""
    app, view = documents(store)
    due = read.monitoring_due(view, agency, day_of(agency, on), timedelta(days=days))
    answer(
        app,
        due,
        as_json,
        lambda d: (
            [
                f"evaluasi/evaluation {row.nip} {row.position}: {row.evaluation_due}"
                + (" TERLAMBAT/OVERDUE" if row.overdue else "")
                for row in d.evaluations
            ]
            + [
                f"check-in {row.nip} {row.position} {row.year}: {row.due_on}"
                + (" TERLAMBAT/OVERDUE" if row.overdue else "")
                for row in d.check_ins
            ]
        ),
    )
