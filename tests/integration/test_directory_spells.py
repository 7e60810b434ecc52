"""The directory keeps each employee's latest position spell on SQLite and PostgreSQL: as the
record holds it, for the active employees of the titles asked, equal to a rebuild, and filled in
a table made before it kept them."""

from __future__ import annotations

from datetime import date

from domain.envelope import Actor, Envelope, Role
from domain.personnel.aggregate import Employee
from domain.personnel.facts import EmploymentStatus, PersonnelFacts, PositionSpell
from domain.values import FunctionalGrade, PositionLevel
from projections.directory import DirectoryProjection, directory_view
from projections.directory.projection import SPELL_COLUMNS, LatestSpell
from projections.follower import Follower
from services.application import Talenta

AGENCY = "kota-binjai"
STAMP = Envelope(actor=Actor(id="siti", role=Role.CASEWORKER), effective=date(2025, 3, 1))
ANALYST = PositionSpell(
    level=PositionLevel.FUNCTIONAL,
    title="Analis Kebijakan",
    start=date(2022, 1, 3),
    end=date(2026, 1, 1),
    unit="Bidang Ekonomi",
    functional_grade=FunctionalGrade.AHLI_MADYA,
)
HEAD = PositionSpell(
    level=PositionLevel.ADMINISTRATOR, title="Kepala Bidang", start=date(2020, 1, 6)
)


def record(sequence: int, *positions: PositionSpell, active: bool = True) -> PersonnelFacts:
    return PersonnelFacts(
        nip=f"198001012005011{sequence:03d}",
        name=f"Pegawai {sequence}",
        status=EmploymentStatus.PNS,
        active=active,
        agency=AGENCY,
        unit="Bappeda" if sequence % 2 else "Inspektorat",
        positions=positions,
    )


def recorded(app: Talenta) -> None:
    """An analyst once head, two heads (one of them inactive), one moved on to be analyst."""
    app.save(
        Employee.enrol(record(1, HEAD, ANALYST), STAMP),
        Employee.enrol(record(2, HEAD), STAMP),
        Employee.enrol(record(3, HEAD, active=False), STAMP),
    )
    moved = Employee.enrol(record(4, HEAD), STAMP)
    moved.update(record(4, ANALYST, HEAD.model_copy(update={"start": date(2019, 5, 2)})), STAMP)
    app.save(moved)


def spells(app: Talenta) -> list[LatestSpell]:
    return directory_view(app).latest_spells(AGENCY, {"Kepala Bidang", "Analis Kebijakan"})


def test_the_directory_keeps_the_latest_spell_of_each_active_employee(app: Talenta) -> None:
    recorded(app)
    view = directory_view(app)
    follower = Follower(app, DirectoryProjection(view))
    assert follower.catch_up() == 5

    found = view.latest_spells(AGENCY, {"Kepala Bidang", "Analis Kebijakan"})

    # By unit, then NIP, as the directory lists them; the inactive head is left out.
    assert [(row.nip, row.unit, row.spell) for row in found] == [
        (record(1).nip, "Bappeda", ANALYST),
        (record(2).nip, "Inspektorat", HEAD),
        (record(4).nip, "Inspektorat", ANALYST),
    ]
    assert [row.nip for row in view.latest_spells(AGENCY, {"Kepala Bidang"})] == [record(2).nip]
    assert view.latest_spells(AGENCY, set()) == []
    assert view.latest_spells("kota-madiun", {"Kepala Bidang"}) == []


def test_the_latest_spells_rebuilt_equal_those_kept_incrementally(app: Talenta) -> None:
    recorded(app)
    view = directory_view(app)
    follower = Follower(app, DirectoryProjection(view), batch_size=2)
    follower.catch_up()
    incremental = spells(app)

    view.reset(follower.tracking_key)
    assert spells(app) == []
    assert Follower(app, DirectoryProjection(view)).catch_up() == 5
    assert spells(app) == incremental != []


class FormerDirectory(DirectoryProjection):
    name = "directory"


def test_a_directory_table_without_the_spell_columns_gains_them_and_is_rebuilt(
    app: Talenta,
) -> None:
    recorded(app)
    view = directory_view(app)
    Follower(app, FormerDirectory(view)).catch_up()
    expected = spells(app)
    # The table as it was before it kept the spells, tracked under the projection's former name.
    with view.datastore.transaction(commit=True) as cursor:
        for name in SPELL_COLUMNS:
            cursor.execute(f"ALTER TABLE directory DROP COLUMN {name}")

    upgraded = directory_view(app)
    # Its rows kept until the rebuild, their blank spells never taken for spells held.
    assert len(upgraded.rows(AGENCY)) == 4
    assert spells(app) == []
    assert Follower(app, DirectoryProjection(upgraded)).catch_up() == 5
    assert spells(app) == expected != []
