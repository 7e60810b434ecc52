"""The Employee aggregate: enrolment, section-wise updates, and its history."""

from __future__ import annotations

from datetime import date

import pytest

from domain.envelope import Actor, Envelope, Role
from domain.personnel.aggregate import Employee, employee_id
from domain.personnel.facts import EmploymentStatus, GradeSpell, PersonnelFacts
from domain.values import Appraisal, AppraisalRating, Grade, Nip

ENVELOPE = Envelope(
    actor=Actor(id="siti.bkpsdm", role=Role.CASEWORKER), effective=date(2025, 3, 3), reason="import"
)


def _facts(**changes: object) -> PersonnelFacts:
    base = PersonnelFacts(
        nip=Nip("198307252006042011"),
        name="Siti Rahmawati, S.E.",
        status=EmploymentStatus.PNS,
        active=True,
        agency="kota-madiun",
        unit="BKPSDM",
        grades=(GradeSpell(grade=Grade("III/c"), start=date(2020, 10, 1)),),
        appraisals=(Appraisal(year=2024, rating=AppraisalRating.BAIK),),
    )
    return base.model_copy(update=changes)


def test_enrolment_records_the_whole_record_under_an_id_derived_from_the_nip() -> None:
    employee = Employee.enrol(_facts(), ENVELOPE)

    assert employee.id == employee_id("198307252006042011")
    assert employee.version == 1
    (enrolled,) = employee.collect_events()
    assert isinstance(enrolled, Employee.Enrolled)
    assert enrolled.record["grades"] == [
        {"grade": "III/c", "start": "2020-10-01", "decree_number": ""}
    ]
    assert enrolled.envelope["actor"] == {"id": "siti.bkpsdm", "role": "caseworker", "agency": ""}


def test_facts_round_trip_through_the_record() -> None:
    assert Employee.enrol(_facts(), ENVELOPE).facts == _facts()


def test_an_update_records_only_the_changed_sections() -> None:
    employee = Employee.enrol(_facts(), ENVELOPE)
    employee.collect_events()

    changed = employee.update(_facts(unit="Sekretariat Daerah", active=False), ENVELOPE)

    assert changed
    (updated,) = employee.collect_events()
    assert isinstance(updated, Employee.RecordUpdated)
    assert updated.changes == {"unit": "Sekretariat Daerah", "active": False}
    assert employee.facts == _facts(unit="Sekretariat Daerah", active=False)


def test_an_unchanged_update_records_nothing() -> None:
    employee = Employee.enrol(_facts(), ENVELOPE)
    employee.collect_events()

    assert employee.update(_facts(), ENVELOPE) is False
    assert employee.collect_events() == []
    assert employee.version == 1


def test_an_update_for_another_nip_is_refused() -> None:
    employee = Employee.enrol(_facts(), ENVELOPE)

    with pytest.raises(ValueError, match="cannot take the data of NIP"):
        employee.update(_facts(nip=Nip("197503122000031004")), ENVELOPE)


def test_replaying_the_events_rebuilds_each_version() -> None:
    employee = Employee.enrol(_facts(), ENVELOPE)
    employee.update(_facts(unit="Sekretariat Daerah"), ENVELOPE)
    employee.update(
        _facts(
            unit="Sekretariat Daerah",
            appraisals=(
                Appraisal(year=2024, rating=AppraisalRating.BAIK),
                Appraisal(year=2025, rating=AppraisalRating.SANGAT_BAIK),
            ),
        ),
        ENVELOPE,
    )
    events = employee.collect_events()

    versions = []
    replayed: Employee | None = None
    for event in events:
        replayed = event.mutate(replayed)
        assert replayed is not None
        versions.append((replayed.version, replayed.facts.unit, len(replayed.facts.appraisals)))

    assert versions == [
        (1, "BKPSDM", 1),
        (2, "Sekretariat Daerah", 1),
        (3, "Sekretariat Daerah", 2),
    ]
    assert replayed is not None and replayed.facts == employee.facts
