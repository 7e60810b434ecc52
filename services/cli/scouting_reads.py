"""`talenta scouting board|pool|vacancies`: what the caseworker reads of the scouting read models,
brought up to the log first: tables with column headers, each NIP beside its full name, CSV with
--csv and the API's JSON with --json."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

import click

from domain.agencies import get_agency
from domain.values import PositionLevel
from projections import scouting as read
from projections.documents import DocumentView
from services.bootstrap import ReadModels, store_opened
from services.cli.options import ROUND, date_option, store_option
from services.cli.render import echo_json, echo_rows
from services.cli.session import reader_agency
from services.web.messages import translator

t = translator("id")


def reading(function: Callable[..., Any]) -> Callable[..., Any]:
    function = click.option("--json", "as_json", is_flag=True, help="Print JSON.")(function)
    function = click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")(function)
    function = click.option(
        "--agency",
        envvar="TALENTA_AGENCY",
        default=None,
        help="The agency read (TALENTA_AGENCY); default: the signed-in user's, the only one it "
        "may read.",
    )(function)
    return store_option(function)


@contextmanager
def read_models(store: str, agency: str) -> Iterator[tuple[DocumentView, dict[str, str]]]:
    """The document views caught up with the log, and the agency's full names by NIP."""
    with store_opened(store) as app:
        models = ReadModels.of(app)
        models.refresh()
        names = {row.nip: row.name for row in models.directory.rows(agency)}
        yield models.documents, names


def score(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}"


def mark(value: bool | None) -> str:
    return "" if value is None else t("passed") if value else t("not_passed")


BOARD_HEADERS = (
    "NIP", "Nama", "Tahap", "Jalur", "Terdaftar", "Rekomendasi", "Administrasi",
    "Potensi", "Teknis", "Nilai akhir", "Kategori",
)  # fmt: skip


@click.command()
@ROUND
@reading
def board(store: str, agency: str | None, round_id: UUID, as_csv: bool, as_json: bool) -> None:
    """The round board: every candidate with their stage, recommendation, administrative result
    and scores."""
    agency = reader_agency(store, agency)
    with read_models(store, agency) as (documents, names):
        found = read.round_board(documents, round_id)
    if found is None or found.agency != agency:
        raise click.ClickException(f"ronde {round_id} tidak ada / no round {round_id}")
    if as_json:
        echo_json(found)
        return
    rows = []
    for candidates in found.stages.values():
        for c in candidates:
            admin = c.administrative
            rows.append(
                [
                    c.nip,
                    names.get(c.nip, ""),
                    t(f"stage_{c.stage}"),
                    str(c.channel),
                    c.registered_on.isoformat(),
                    "ya" if c.recommended else "",
                    mark(admin.passed if admin else None),
                    score(c.potential.score if c.potential else None),
                    score(c.technical),
                    score(c.final.score if c.final else None),
                    str(c.final.category) if c.final else "",
                ]
            )
    if not as_csv:
        click.echo(f"{found.name} ({found.level}, {found.agency})")
    echo_rows(BOARD_HEADERS, rows, as_csv)


POOL_HEADERS = ("NIP", "Nama", "Tingkat", "Keputusan", "Tanggal keputusan", "Berlaku sampai")


@click.command()
@reading
@click.option("--level", type=click.Choice([level.value for level in PositionLevel]))
@date_option("--on", default=None, help="As of this date (default: today in the agency's zone).")
@click.option(
    "--expiring",
    type=click.IntRange(min=1),
    default=None,
    metavar="DAYS",
    help="Only entries that expire within DAYS.",
)
def pool(
    store: str,
    agency: str | None,
    level: str | None,
    on: date | None,
    expiring: int | None,
    as_csv: bool,
    as_json: bool,
) -> None:
    """The talent pool today (or on --on), per level, each entry's decree and last valid day."""
    agency = reader_agency(store, agency)
    day = on or get_agency(agency).local_date(datetime.now(UTC))
    with read_models(store, agency) as (documents, names):
        entries = read.pool_as_of(documents, agency, day, level)
    if expiring is not None:
        entries = [e for e in entries if e.expires_on <= day + timedelta(days=expiring)]
    if as_json:
        echo_json(entries)
        return
    rows = [
        [
            e.nip,
            names.get(e.nip, ""),
            str(e.level),
            e.decree_number,
            e.decree_date.isoformat(),
            (e.expires_on - timedelta(days=1)).isoformat(),  # expires_on no longer holds
        ]
        for e in entries
    ]
    echo_rows(POOL_HEADERS, rows, as_csv)
    if not as_csv:
        click.echo(f"{len(rows)} dalam kelompok talenta / in the pool on {day}")


VACANCY_HEADERS = (
    "Lowongan", "Jabatan", "Unit kerja", "Tingkat", "Keadaan", "Usulan", "Daftar pendek",
    "Terpilih",
)  # fmt: skip


def named(nips: list[str], names: dict[str, str]) -> str:
    return "; ".join(f"{nip} {names.get(nip, '')}".strip() for nip in nips)


@click.command(name="vacancies")
@reading
def vacancies_(store: str, agency: str | None, as_csv: bool, as_json: bool) -> None:
    """The agency's vacancies with their proposals, the board's shortlist (and its TPK members)
    and the pick."""
    agency = reader_agency(store, agency)
    with read_models(store, agency) as (documents, names):
        found = read.vacancies(documents, agency)
    if as_json:
        echo_json(found)
        return
    rows = [
        [
            str(v.vacancy_id),
            v.position,
            v.unit,
            str(v.level),
            str(v.state),
            named([p.nip for p in v.proposals], names),
            named(v.shortlist.nips, names) if v.shortlist else "",
            named([v.pick.nip], names) if v.pick else "",
        ]
        for v in found
    ]
    echo_rows(VACANCY_HEADERS, rows, as_csv)
    if as_csv:
        return
    for v in found:
        if v.shortlist:
            members = "; ".join(f"{m.name} ({m.office})" for m in v.shortlist.members)
            click.echo(
                f"{v.vacancy_id}: TPK {v.shortlist.minutes_number} "
                f"{v.shortlist.minutes_date}: {members}"
            )
