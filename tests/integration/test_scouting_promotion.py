"""From a finalised round to an inauguration through the handlers, on SQLite and PostgreSQL:
decree the pool, open a vacancy, propose, shortlist, pick, inaugurate (madiun-2021 P20-28)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.persistence import IntegrityError

from domain.envelope import Actor, DocumentRef, Envelope, Role
from domain.personnel.aggregate import Employee
from domain.scouting.errors import ScoutingRefusal
from domain.scouting.mutation import Mutation, TenureReview, tenure_review_due
from domain.scouting.pool import PoolMembership, membership_id
from domain.scouting.round import ScoutingRound
from domain.scouting.tpk import TpkMember
from domain.scouting.vacancy import Vacancy, VacancyState
from domain.values import PositionLevel
from services.application import Talenta
from services.auth import OtherAgency
from services.permissions import Forbidden
from services.scouting.mutations import (
    DecideMutation,
    DecideTenure,
    ProposeMutation,
    RecommendMutation,
    RemindTenure,
    decide_mutation,
    decide_tenure,
    propose_mutation,
    recommend_mutation,
    remind_tenure,
)
from services.scouting.pool import DecreePool, ExpireEntry, decree_pool, expire_entry
from services.scouting.vacancies import (
    Inaugurate,
    OpenVacancy,
    PickCandidate,
    ProposeCandidate,
    ShortlistCandidates,
    inaugurate,
    open_vacancy,
    pick,
    propose_candidate,
    shortlist,
)
from tests.unit.rules_builders import facts
from tests.unit.test_scouting_round import DOCUMENTS, eligibility, envelope, published

AGENCY = "kota-madiun"
A, B, C, D = (f"197506012000011{n:03d}" for n in (1, 2, 3, 4))
CASEWORKER = Actor(id="siti.bkpsdm", role=Role.CASEWORKER, agency=AGENCY)
HEAD = Actor(id="kepala.setda", role=Role.HEAD_OF_UNIT, agency=AGENCY)
TPK = Actor(id="sekda", role=Role.TPK_MEMBER, agency=AGENCY)
MAYOR = Actor(id="walikota", role=Role.PPK, agency=AGENCY)
SYSTEM = Actor(id="clock", role=Role.SYSTEM)
DECREE = date(2024, 5, 20)
POSITION = "Kepala Bagian Umum"
BOARD = tuple(
    TpkMember(name=name, role=role)
    for name, role in (
        ("Sekretaris Daerah", "chair"),
        ("Kepala BKPSDM", "member"),
        ("Inspektur", "member"),
        ("Asisten Pemerintahan dan Kesra", "member"),
        ("Asisten Administrasi Pembangunan dan Umum", "member"),
    )
)


def finalised_round(app: Talenta) -> UUID:
    """A round of the ScoutingRound aggregate in which A, B and C passed (P19(3))."""
    scouting: ScoutingRound = published()
    for nip in (A, B, C):
        scouting.register(nip, "direct", DOCUMENTS, False, envelope())
    scouting.close_registration(date(2024, 3, 15), envelope(date(2024, 3, 15)))
    for nip in (A, B, C):
        scouting.select_administratively(nip, eligibility(True), True, envelope())
    scouting.announce_administrative_results(envelope(date(2024, 3, 15)))
    for nip in (A, B, C):
        scouting.record_potential(nip, "85", envelope(date(2024, 4, 1)))
        scouting.record_technical(nip, "75", envelope(date(2024, 4, 15)))
    scouting.finalise(envelope(date(2024, 5, 2)))
    app.save(scouting)
    return scouting.id


@pytest.fixture
def staffed(app: Talenta) -> Talenta:
    stamp = Envelope(actor=CASEWORKER, effective=date(2024, 1, 2), reason="import")
    app.save(*(Employee.enrol(facts(nip=nip), stamp) for nip in (A, B, C, D)))
    return app


def decreed(app: Talenta) -> UUID:
    round_id = finalised_round(app)
    decree = DecreePool(round_id=round_id, decree_number="800/55/2024", decree_date=DECREE)
    decree_pool(app, decree, MAYOR)
    return round_id


def opened(app: Talenta) -> UUID:
    command = OpenVacancy(
        agency=AGENCY,
        position=POSITION,
        unit="Sekretariat Daerah",
        level=PositionLevel.ADMINISTRATOR,
        opened_on=date(2025, 3, 1),
    )
    return open_vacancy(app, command, CASEWORKER)


def proposal(vacancy: UUID, nip: str) -> ProposeCandidate:
    return ProposeCandidate(vacancy_id=vacancy, nip=nip, proposed_on=date(2025, 3, 10))


def picked(app: Talenta) -> UUID:
    """Decreed, opened, A B C proposed and shortlisted, B picked."""
    decreed(app)
    vacancy = opened(app)
    for nip in (A, B, C):
        propose_candidate(app, proposal(vacancy, nip), HEAD)
    listing = ShortlistCandidates(
        vacancy_id=vacancy,
        members=BOARD,
        minutes_number="BA/12/2025",
        minutes_date=date(2025, 4, 2),
        nips=(A, B, C),
        documents=(DocumentRef(name="berita-acara.pdf", sha256="c" * 64),),
    )
    shortlist(app, listing, TPK)
    choice = PickCandidate(
        vacancy_id=vacancy, nip=B, decree_number="821.2/88/2025", decree_date=date(2025, 4, 10)
    )
    pick(app, choice, MAYOR)
    return vacancy


def membership(app: Talenta, nip: str) -> PoolMembership:
    found: PoolMembership = app.repository.get(membership_id(nip, PositionLevel.ADMINISTRATOR))
    return found


def test_the_decree_lists_every_passed_candidate_once(staffed: Talenta) -> None:
    round_id = finalised_round(staffed)
    command = DecreePool(round_id=round_id, decree_number="800/55/2024", decree_date=DECREE)

    entries = decree_pool(staffed, command, MAYOR)
    again = decree_pool(staffed, command, MAYOR)

    assert sorted(e.nip for e in entries) == [A, B, C]
    assert again == entries
    assert {e.expires_on for e in entries} == {date(2027, 5, 20)}
    assert membership(staffed, A).version == 2  # Started, EntryDecreed: the retry added nothing


def test_a_pool_member_is_promoted_and_the_inauguration_is_written_at_once(
    staffed: Talenta,
) -> None:
    vacancy_id = picked(staffed)

    inaugurate(
        staffed, Inaugurate(vacancy_id=vacancy_id, inaugurated_on=date(2025, 4, 14)), CASEWORKER
    )

    vacancy: Vacancy = staffed.repository.get(vacancy_id)
    assert vacancy.state is VacancyState.FILLED
    (entry,) = membership(staffed, B).entries
    assert entry.used is not None
    assert (entry.used.vacancy_id, entry.used.inaugurated_on) == (vacancy_id, date(2025, 4, 14))
    held = staffed.facts(B).position_on(date(2025, 4, 14))
    assert held is not None
    assert (held.title, held.level, held.decree_number) == (
        POSITION,
        PositionLevel.ADMINISTRATOR,
        "821.2/88/2025",
    )
    review = tenure_review_due(B, POSITION, date(2025, 4, 14))
    tenure: TenureReview = staffed.repository.get(review.review_id)
    assert tenure.due_on == date(2030, 4, 14)
    # The four aggregates' events follow each other in the log: one save.
    last = staffed.recorder.max_notification_id()
    assert last is not None
    tail = staffed.notification_log.select(start=last - 3, limit=4)
    assert [n.topic.rsplit(".", 1)[-1] for n in tail] == [
        "Inaugurated",
        "EntryUsed",
        "RecordUpdated",
        "TenureStarted",
    ]


def test_a_failed_inauguration_writes_nothing(staffed: Talenta) -> None:
    vacancy_id = picked(staffed)
    on = date(2025, 4, 14)
    # A review recorded already makes the tenure part of the save collide.
    stamp = Envelope(actor=CASEWORKER, effective=on)
    staffed.save(TenureReview.start(B, AGENCY, POSITION, on, stamp))

    with pytest.raises(IntegrityError):
        inaugurate(staffed, Inaugurate(vacancy_id=vacancy_id, inaugurated_on=on), CASEWORKER)

    vacancy: Vacancy = staffed.repository.get(vacancy_id)
    assert vacancy.state is VacancyState.PICKED
    assert membership(staffed, B).entries[0].used is None
    assert staffed.facts(B).position_on(on) == facts(nip=B).position_on(on)


@pytest.mark.parametrize(
    ("nip", "code"),
    [
        pytest.param(D, "not-pool-member", id="madiun-2021:P23(2) proposal of a non-member"),
        pytest.param(A, "already-proposed", id="madiun-2021:P24(1) second proposal"),
    ],
)
def test_proposals_outside_the_pool_are_refused(staffed: Talenta, nip: str, code: str) -> None:
    decreed(staffed)
    vacancy = opened(staffed)
    propose_candidate(staffed, proposal(vacancy, A), HEAD)

    with pytest.raises(ScoutingRefusal) as refused:
        propose_candidate(staffed, proposal(vacancy, nip), HEAD)

    assert refused.value.code == code


def test_a_proposal_after_the_entry_expired_is_refused(staffed: Talenta) -> None:
    decreed(staffed)
    command = OpenVacancy(
        agency=AGENCY,
        position=POSITION,
        unit="Sekretariat Daerah",
        level=PositionLevel.ADMINISTRATOR,
        opened_on=date(2027, 5, 1),
    )
    vacancy = open_vacancy(staffed, command, CASEWORKER)
    late = ProposeCandidate(vacancy_id=vacancy, nip=A, proposed_on=date(2027, 5, 20))

    with pytest.raises(ScoutingRefusal) as refused:
        propose_candidate(staffed, late, HEAD)

    assert refused.value.code == "entry-expired"


def test_the_clock_expires_unused_entries_once(staffed: Talenta) -> None:
    picked_vacancy = picked(staffed)
    inaugurate(
        staffed, Inaugurate(vacancy_id=picked_vacancy, inaugurated_on=date(2025, 4, 14)), CASEWORKER
    )
    used, unused = membership(staffed, B), membership(staffed, C)

    def expire(found: PoolMembership) -> bool:
        command = ExpireEntry(
            membership_id=found.id, entry_id=found.entries[0].entry_id, expired_on=date(2027, 5, 20)
        )
        return expire_entry(staffed, command, SYSTEM)

    assert expire(unused) and not expire(unused)
    assert not expire(used)
    assert membership(staffed, C).entries[0].expired_on == date(2027, 5, 20)


NOWHERE = UUID(int=7)


@pytest.mark.parametrize(
    ("handler", "command", "actor"),
    [
        pytest.param(
            decree_pool,
            DecreePool(round_id=NOWHERE, decree_number="1", decree_date=DECREE),
            CASEWORKER,
            id="madiun-2021:P20(2) only the mayor decrees the pool",
        ),
        pytest.param(
            open_vacancy,
            OpenVacancy(
                agency=AGENCY,
                position=POSITION,
                unit="Sekretariat Daerah",
                level=PositionLevel.ADMINISTRATOR,
                opened_on=date(2025, 3, 1),
            ),
            HEAD,
            id="madiun-2021:P23(1) the personnel agency opens vacancies",
        ),
        pytest.param(
            propose_candidate,
            proposal(NOWHERE, A),
            CASEWORKER,
            id="madiun-2021:P24(1) the head of unit proposes",
        ),
        pytest.param(
            pick,
            PickCandidate(vacancy_id=NOWHERE, nip=A, decree_number="1", decree_date=DECREE),
            TPK,
            id="madiun-2021:P24(5) the mayor picks",
        ),
        pytest.param(
            expire_entry,
            ExpireEntry(membership_id=NOWHERE, entry_id=NOWHERE, expired_on=DECREE),
            MAYOR,
            id="madiun-2021:P22(1) only the clock expires entries",
        ),
    ],
)
def test_roles_outside_the_procedure_are_forbidden(
    staffed: Talenta, handler: Callable[[Talenta, Any, Actor], object], command: Any, actor: Actor
) -> None:
    with pytest.raises(Forbidden):
        handler(staffed, command, actor)


def test_another_agency_cannot_act_on_this_agency_s_vacancy(staffed: Talenta) -> None:
    round_id = decreed(staffed)
    vacancy = opened(staffed)
    outsider = Actor(id="kepala.binjai", role=Role.HEAD_OF_UNIT, agency="kota-binjai")

    with pytest.raises(OtherAgency) as refused:
        propose_candidate(staffed, proposal(vacancy, A), outsider)
    assert refused.value.code == "other-agency"

    with pytest.raises(OtherAgency) as decree:
        decree_pool(
            staffed,
            DecreePool(round_id=round_id, decree_number="9", decree_date=DECREE),
            Actor(id="walikota.binjai", role=Role.PPK, agency="kota-binjai"),
        )
    assert decree.value.code == "other-agency"


def test_mutation_and_tenure_review_go_through_board_and_mayor(staffed: Talenta) -> None:
    proposed = ProposeMutation(
        agency=AGENCY,
        nip=A,
        level=PositionLevel.ADMINISTRATOR,
        from_position="Kepala Bagian Umum",
        to_position="Kepala Bagian Hukum",
        unit="Sekretariat Daerah",
        qualification="S2 Hukum",
        competence="memenuhi standar kompetensi",
        performance="Sangat Baik 2023-2024",
        years_in_position=5,
        proposed_on=date(2025, 5, 2),
    )
    mutation_id = propose_mutation(staffed, proposed, HEAD)
    recommended = RecommendMutation(
        mutation_id=mutation_id,
        members=BOARD,
        minutes_number="BA/20/2025",
        minutes_date=date(2025, 5, 9),
        recommended=True,
    )
    recommend_mutation(staffed, recommended, TPK)
    decided = DecideMutation(
        mutation_id=mutation_id,
        approved=True,
        decree_number="821/30/2025",
        decree_date=date(2025, 5, 20),
    )
    decide_mutation(staffed, decided, MAYOR)
    mutation: Mutation = staffed.repository.get(mutation_id)
    assert mutation.approved is True

    inaugurate(
        staffed,
        Inaugurate(vacancy_id=picked(staffed), inaugurated_on=date(2025, 4, 14)),
        CASEWORKER,
    )
    review = tenure_review_due(B, POSITION, date(2025, 4, 14)).review_id
    reminder = RemindTenure(review_id=review, lead_days=90, on=date(2030, 1, 14))
    assert remind_tenure(staffed, reminder, SYSTEM)
    assert not remind_tenure(staffed, reminder, SYSTEM)
    extend = DecideTenure(
        review_id=review, extend=True, decree_number="821/1/2030", decree_date=date(2030, 4, 14)
    )
    decide_tenure(staffed, extend, MAYOR)
    tenure: TenureReview = staffed.repository.get(review)
    assert tenure.extend is True
