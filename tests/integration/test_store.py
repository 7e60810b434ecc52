"""The event store, the follower and a read model behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from eventsourcing.persistence import IntegrityError

from domain.envelope import Actor, Basis, DocumentRef, Envelope, Evidence, Role
from domain.personnel.aggregate import Employee
from domain.personnel.facts import EmploymentStatus, GradeSpell, PersonnelFacts, PositionSpell
from domain.values import PositionLevel
from projections.directory import DirectoryProjection, directory_view
from projections.follower import Follower
from services.application import MAX_EVENTS_PER_SAVE, EmployeeNotFound, Talenta
from services.config import StoreConfig

CASEWORKER = Actor(id="siti", role=Role.CASEWORKER)


def envelope(reason: str = "import") -> Envelope:
    return Envelope(
        actor=CASEWORKER,
        effective=date(2025, 3, 1),
        reason=reason,
        basis=Basis(pack="madiun-2021", citations=("madiun-2021:P14",), readings={"D4": "closing"}),
        evidence=Evidence(
            decree_number="800/123/401.103/2025",
            decree_date=date(2025, 2, 27),
            documents=(DocumentRef(name="export.csv", sha256="a" * 64),),
        ),
    )


def facts(sequence: int, unit: str = "BKPSDM", grade: str = "III/d") -> PersonnelFacts:
    return PersonnelFacts(
        nip=f"198001012005011{sequence:03d}",
        name=f"Pegawai {sequence}",
        status=EmploymentStatus.PNS,
        active=True,
        agency="kota-madiun",
        unit=unit,
        grades=(GradeSpell(grade=grade, start=date(2019, 4, 1)),),
        positions=(
            PositionSpell(
                level=PositionLevel.SUPERVISOR, title="Kasubbag Umum", start=date(2020, 1, 6)
            ),
        ),
    )


def test_a_record_reads_back_with_its_envelope(app: Talenta) -> None:
    app.save(Employee.enrol(facts(1), envelope()))

    employee = app.employee("19800101 200501 1 001")
    assert employee.facts == facts(1)
    stored = app.recorder.select_notifications(start=None, limit=10)
    event = app.mapper.to_domain_event(stored[0])
    assert Envelope.from_event(event.envelope) == envelope()


def test_an_unknown_nip_is_not_found(app: Talenta) -> None:
    with pytest.raises(EmployeeNotFound, match="198001012005011999"):
        app.employee("198001012005011999")


def test_an_update_records_only_the_changed_sections(app: Talenta) -> None:
    app.save(Employee.enrol(facts(1), envelope()))
    employee = app.employee(facts(1).nip)

    assert employee.update(facts(1, unit="Dinas Kesehatan"), envelope("mutasi"))
    app.save(employee)

    last = app.recorder.select_notifications(start=None, limit=10)[-1]
    assert app.mapper.to_domain_event(last).changes == {"unit": "Dinas Kesehatan"}
    assert app.employee(facts(1).nip).facts.unit == "Dinas Kesehatan"


def test_two_caseworkers_changing_one_record_at_once_one_wins(app: Talenta) -> None:
    app.save(Employee.enrol(facts(1), envelope()))
    first, second = app.employee(facts(1).nip), app.employee(facts(1).nip)
    first.update(facts(1, grade="IV/a"), envelope())
    second.update(facts(1, unit="Inspektorat"), envelope())

    app.save(first)
    with pytest.raises(IntegrityError):
        app.save(second)
    assert app.employee(facts(1).nip).facts.grade_on(date(2025, 1, 1)) == "IV/a"
    assert app.recorder.max_notification_id() == 2


def test_bounded_saves_store_thousands_of_events(app: Talenta) -> None:
    employees = [Employee.enrol(facts(n), envelope()) for n in range(1, 1000)]
    for employee in employees:
        for round_ in range(4):
            employee.update(facts(int(employee.nip[-3:]), unit=f"Unit {round_}"), envelope())

    saved = app.save_bounded(employees)

    assert saved == 999 * 5 > 3 * MAX_EVENTS_PER_SAVE
    assert app.recorder.max_notification_id() == saved


def test_a_save_returns_each_events_notification_id_as_the_log_holds_it(app: Talenta) -> None:
    app.save(Employee.enrol(facts(1), envelope()))
    recordings = app.save(*(Employee.enrol(facts(n), envelope()) for n in range(2, 6)))

    logged = app.recorder.select_notifications(start=2, limit=10)
    assert [r.notification.id for r in recordings] == [n.id for n in logged] == [2, 3, 4, 5]
    assert [r.domain_event.originator_id for r in recordings] == [n.originator_id for n in logged]


def test_the_employees_among_many_nips_are_read_at_once(app: Talenta) -> None:
    first, second = Employee.enrol(facts(1), envelope()), Employee.enrol(facts(2), envelope())
    second.update(facts(2, unit="Inspektorat"), envelope())
    app.save(first, second)

    found = app.employees_among([str(facts(n).nip) for n in (1, 2, 3)])

    assert sorted(found) == sorted(str(facts(n).nip) for n in (1, 2))
    assert found[str(facts(2).nip)].version == 2
    assert found[str(facts(2).nip)].facts.unit == "Inspektorat"


def test_the_follower_applies_each_event_once_and_resumes_where_it_stopped(
    app: Talenta, store: StoreConfig
) -> None:
    app.save(Employee.enrol(facts(1), envelope()), Employee.enrol(facts(2), envelope()))
    view = directory_view(app)
    follower = Follower(app, DirectoryProjection(view))
    assert follower.catch_up() == 2
    assert follower.catch_up() == 0

    employee = app.employee(facts(2).nip)
    employee.update(facts(2, unit="Inspektorat", grade="IV/a"), envelope())
    app.save(employee)
    restarted = Talenta(store)
    try:
        again = Follower(restarted, DirectoryProjection(directory_view(restarted)))
        assert again.position == 2
        assert again.catch_up() == 1
    finally:
        restarted.close()

    rows = {row.nip: row for row in view.rows("kota-madiun")}
    assert rows[facts(2).nip].unit == "Inspektorat"
    assert rows[facts(2).nip].grade == "IV/a"
    assert rows[facts(1).nip].position == "Kasubbag Umum"
    assert [row.nip for row in view.rows("kota-madiun", unit="BKPSDM")] == [facts(1).nip]
    assert view.count("kota-madiun") == len(rows) == 2
    assert view.count("kota-binjai") == 0


def test_a_rebuilt_read_model_equals_the_one_built_incrementally(app: Talenta) -> None:
    view = directory_view(app)
    follower = Follower(app, DirectoryProjection(view))
    for n in range(1, 6):
        app.save(Employee.enrol(facts(n, unit=f"Unit {n % 2}"), envelope()))
        follower.catch_up()
    employee = app.employee(facts(3).nip)
    employee.update(facts(3, unit="Unit 9"), envelope())
    app.save(employee)
    follower.catch_up()
    incremental = view.rows("kota-madiun")

    view.reset(follower.tracking_key)
    assert view.rows("kota-madiun") == []
    assert follower.catch_up() == 6
    assert view.rows("kota-madiun") == incremental


def test_the_follower_runs_in_the_background_until_stopped(app: Talenta) -> None:
    view = directory_view(app)
    follower = Follower(app, DirectoryProjection(view))
    stop = threading.Event()
    worker = threading.Thread(target=follower.run, args=(stop, 0.05))
    worker.start()
    try:
        app.save(Employee.enrol(facts(7), envelope()))
        for _ in range(100):
            if view.rows("kota-madiun"):
                break
            stop.wait(0.05)
    finally:
        stop.set()
        worker.join(timeout=5)
    assert [row.nip for row in view.rows("kota-madiun")] == [facts(7).nip]
    assert not worker.is_alive()


class LateFollower(Follower):
    """Reads its position once before another follower of the same view moves on."""

    reads = 0

    @property
    def position(self) -> int:
        self.reads += 1
        return 0 if self.reads == 1 else super().position


def test_two_followers_of_one_view_apply_each_event_once(app: Talenta) -> None:
    view = directory_view(app)
    app.save(Employee.enrol(facts(1), envelope()), Employee.enrol(facts(2), envelope()))
    assert Follower(app, DirectoryProjection(view)).catch_up() == 2
    app.save(Employee.enrol(facts(3), envelope()))

    late = LateFollower(app, DirectoryProjection(view))
    assert late.catch_up() == 1  # refused events 1-2 (already applied), then applied event 3

    assert [row.nip for row in view.rows("kota-madiun")] == [facts(n).nip for n in (1, 2, 3)]
    assert late.position == 3
