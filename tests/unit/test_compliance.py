"""The compliance replay's judging without a store: the events of in-memory aggregates taken
into the replayed state one by one, each decision judged on the state before it. Breaches are
written past the commands (``trigger_event``), as only a record made that way can break a rule."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

import pytest

from domain.envelope import Actor, Basis, Envelope, Role
from domain.personnel.aggregate import Employee
from domain.scouting.vacancy import Vacancy
from services.audit.compliance import judge
from services.audit.compliance_models import Breach, first_citation
from services.audit.compliance_roles import HANDLERS
from services.audit.compliance_state import Shadows
from services.permissions import roles_of
from tests.unit.rules_builders import facts
from tests.unit.test_scouting_vacancy import NIPS, board, propose, vacancy

MAYOR = Actor(id="walikota", role=Role.PPK, agency="kota-madiun")


def stamp(on: date, *citations: str, pack: str = "madiun-2021", who: Actor = MAYOR) -> Envelope:
    return Envelope(actor=who, effective=on, basis=Basis(pack=pack, citations=citations))


def replayed(target: Vacancy) -> tuple[Shadows, list[Any]]:
    """The state after every event but the last, and every event; judging the last one is
    the test."""
    events = list(target.collect_events())
    shadows = Shadows()
    for event in events[:-1]:
        shadows.apply(event)
    return shadows, events


def codes(event: Any, shadows: Shadows) -> list[tuple[str, str | None]]:
    found = judge(event, shadows, Envelope.from_event(event.envelope))
    return [(refusal.code, refusal.citation) for refusal in found]


def shortlisted(*nips: str) -> Vacancy:
    target = vacancy()
    for nip in NIPS[:3]:
        propose(target, nip)
    target.trigger_event(
        Vacancy.Shortlisted,
        session=board().to_event(),
        nips=list(nips),
        justification="",
        short=False,
        envelope=stamp(date(2025, 4, 2), "madiun-2021:P24 angka 4").to_event(),
    )
    return target


def picked(target: Vacancy, nip: str, on: date, **envelope: Any) -> Vacancy:
    target.trigger_event(
        Vacancy.Picked,
        nip=nip,
        decree_number="821.2/1/2025",
        decree_date=on,
        envelope=stamp(on, "madiun-2021:P24 angka 5", **envelope).to_event(),
    )
    return target


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        pytest.param(
            picked(shortlisted(*NIPS[:3]), NIPS[3], date(2025, 4, 10)),
            [("not-shortlisted", "madiun-2021:P24 angka 5")],
            id="madiun-2021:P24 angka 5 pick outside the shortlist",
        ),
        pytest.param(
            picked(shortlisted(*NIPS[:3]), NIPS[0], date(2021, 1, 4)),
            [("pack-not-in-force", "madiun-2021:P31")],
            id="madiun-2021:P31 a pick before the regulation, judged on nothing else",
        ),
        pytest.param(
            picked(
                shortlisted(*NIPS[:3]),
                NIPS[0],
                date(2025, 4, 10),
                who=MAYOR.model_copy(update={"role": Role.TPK_MEMBER}),
            ),
            [("role-not-allowed", "madiun-2021:P24 angka 5")],
            id="madiun-2021:P24 angka 5 a pick by the board",
        ),
        pytest.param(
            picked(shortlisted(NIPS[0], NIPS[4]), NIPS[4], date(2025, 4, 10)),
            [("not-judgeable", "madiun-2021:P24 angka 5")],
            id="madiun-2021:P24 angka 5 a shortlisted NIP never proposed cannot be judged",
        ),
    ],
)
def test_the_last_decision_is_judged_on_the_state_before_it(
    target: Vacancy, expected: list[tuple[str, str | None]]
) -> None:
    shadows, events = replayed(target)

    assert codes(events[-1], shadows) == expected


def test_a_decision_naming_no_pack_is_judged_under_its_agencys() -> None:
    target = picked(shortlisted(*NIPS[:3]), NIPS[3], date(2025, 4, 10), pack="")
    shadows, events = replayed(target)
    unpacked = events[-1]
    unpacked.__dict__["envelope"] = {**unpacked.envelope, "basis": {}}

    assert codes(unpacked, shadows) == [("not-shortlisted", "madiun-2021:P24 angka 5")]


def test_a_personnel_record_naming_no_pack_is_not_judged_under_one() -> None:
    clerk = Actor(id="siti", role=Role.CASEWORKER, agency="kota-balikpapan")
    enrolled = Employee.enrol(
        facts(nip=NIPS[0], agency="kota-balikpapan"),
        Envelope(actor=clerk, effective=date(2024, 6, 3)),  # before balikpapan-2022 holds
    )
    (event,) = enrolled.collect_events()

    assert codes(event, Shadows()) == []


def test_an_event_its_aggregate_cannot_take_leaves_the_state_as_it_was() -> None:
    target = shortlisted(*NIPS[:3])
    shadows, events = replayed(target)
    shadows.apply(events[-1])
    broken = picked(shortlisted(*NIPS[:3]), NIPS[0], date(2025, 4, 10))
    lost = broken.collect_events()[-1]
    lost.__dict__["originator_version"] = 99  # not the next version of the vacancy

    shadows.apply(lost)

    kept = shadows.get(target.id, Vacancy)
    assert kept is not None and kept.picked is None and kept.version == target.version


def test_every_judged_role_comes_from_a_declared_handler() -> None:
    assert all(roles_of(handler) for handler in HANDLERS.values())
    assert Role.PPK in roles_of(HANDLERS[Vacancy.Picked])


def test_the_first_citation_is_kept_only_when_it_names_pack_and_article() -> None:
    assert (
        first_citation(stamp(date(2025, 4, 10), "madiun-2021:P24 angka 5"))
        == "madiun-2021:P24 angka 5"
    )
    assert first_citation(stamp(date(2025, 4, 10), "x:")) is None
    assert first_citation(stamp(date(2025, 4, 10))) is None


def test_a_breach_reads_as_one_line() -> None:
    breach = Breach(
        notification_id=7,
        aggregate_id=UUID(int=1),
        event="Vacancy.Picked",
        agency="kota-madiun",
        effective=date(2025, 4, 10),
        recorded_at=datetime(2025, 4, 10, 3, tzinfo=UTC),
        actor=MAYOR,
        code="not-shortlisted",
        citation="madiun-2021:P24 angka 5",
        message="bukan daftar pendek",
        message_en="not shortlisted",
    )

    assert str(breach) == (
        f"#7 2025-04-10 Vacancy.Picked {UUID(int=1)} (walikota, ppk): not-shortlisted "
        "[madiun-2021:P24 angka 5]: bukan daftar pendek / not shortlisted"
    )
