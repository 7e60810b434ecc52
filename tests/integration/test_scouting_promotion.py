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
from domain.scouting.tpk import TpkMember, TpkOffice
from domain.scouting.vacancy import Vacancy
from domain.scouting.vacancy_state import VacancyState
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
from services.scouting.pool import (
    DecreePool,
    ExpireEntry,
    PoolDecree,
    decree_entries,
    decree_pool,
    expire_entry,
    membership_of,
)
from services.scouting.vacancies import (
    Inaugurate,
    LapsePick,
    OpenVacancy,
    PickCandidate,
    ProposeCandidate,
    ShortlistCandidates,
    inaugurate,
    lapse_pick,
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
# Heads the unit of the vacancies below (madiun-2021:P24 angka 1).
HEAD = Actor(id="kepala.setda", role=Role.HEAD_OF_UNIT, agency=AGENCY, unit="Sekretariat Daerah")
TPK = Actor(id="sekda", role=Role.TPK_MEMBER, agency=AGENCY)
MAYOR = Actor(id="walikota", role=Role.PPK, agency=AGENCY)
SYSTEM = Actor(id="clock", role=Role.SYSTEM)
DECREE = date(2024, 5, 20)
POSITION = "Kepala Bagian Umum"
MUTATED_TO = "Kepala Bagian Hukum"
BOARD = tuple(
    TpkMember(name=name, office=office)
    for name, office in (
        ("Sekretaris Daerah", TpkOffice.SEKDA),
        ("Kepala BKPSDM", TpkOffice.KEPALA_BKPSDM),
        ("Inspektur", TpkOffice.INSPEKTUR),
        ("Asisten Pemerintahan dan Kesra", TpkOffice.ASISTEN_PEMERINTAHAN),
        ("Asisten Administrasi Pembangunan dan Umum", TpkOffice.ASISTEN_ADMINISTRASI),
    )
)
TPK_DECREE = "188.45/20/401.012/2024"


def finalised_round(app: Talenta) -> UUID:
    """A round of the ScoutingRound aggregate in which A, B and C passed (P19(3)), its
    results reported to the mayor (P19(4))."""
    scouting: ScoutingRound = published()
    for nip in (A, B, C):
        scouting.register(nip, "direct", DOCUMENTS, False, envelope())
        scouting.recommend(nip, envelope())
    scouting.close_registration(date(2024, 3, 15), envelope(date(2024, 3, 15)))
    for nip in (A, B, C):
        scouting.select_administratively(nip, eligibility(True), True, envelope())
    scouting.announce_administrative_results(envelope(date(2024, 3, 15)))
    for nip in (A, B, C):
        scouting.record_potential(nip, "85", envelope(date(2024, 4, 1)))
        scouting.record_technical(nip, "75", envelope(date(2024, 4, 15)))
    scouting.finalise(envelope(date(2024, 5, 2)))
    scouting.report_to_mayor("800/201/2024", envelope(date(2024, 5, 3)))
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
        tpk_decree=TPK_DECREE,
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
    scouting: ScoutingRound = staffed.repository.get(round_id)
    assert scouting.pool_decree is not None
    assert scouting.pool_decree.decree_number == "800/55/2024"
    # The memberships and the round's PoolDecreed follow each other in the log, the round last.
    last = staffed.recorder.max_notification_id()
    assert last is not None
    tail = staffed.notification_log.select(start=last - 6, limit=7)
    assert [n.topic.rsplit(".", 1)[-1] for n in tail] == [
        *("Started", "EntryDecreed") * 3,
        "PoolDecreed",
    ]


@pytest.mark.parametrize(
    ("number", "day", "code", "citation"),
    [
        pytest.param(
            "800/56/2024",
            DECREE,
            "pool-already-decreed",
            "P20(2)",
            id="madiun-2021:P20(2) a second decree for the round",
        ),
        pytest.param(
            "800/55/2024",
            date(2024, 6, 3),
            "pool-already-decreed",
            "P20(2)",
            id="madiun-2021:P20(2) the same number redated",
        ),
    ],
)
def test_a_round_s_pool_is_decreed_once(
    staffed: Talenta, number: str, day: date, code: str, citation: str
) -> None:
    round_id = decreed(staffed)
    before = staffed.recorder.max_notification_id()
    second = DecreePool(round_id=round_id, decree_number=number, decree_date=day)

    with pytest.raises(ScoutingRefusal) as refused:
        decree_pool(staffed, second, MAYOR)

    assert (refused.value.code, refused.value.citation) == (code, f"madiun-2021:{citation}")
    assert staffed.recorder.max_notification_id() == before
    assert [e.decree_number for e in membership(staffed, A).entries] == ["800/55/2024"]


def test_the_decree_waits_for_the_report_and_follows_the_results(staffed: Talenta) -> None:
    scouting: ScoutingRound = published()
    scouting.register(A, "direct", DOCUMENTS, False, envelope())
    scouting.recommend(A, envelope())
    scouting.close_registration(date(2024, 3, 15), envelope(date(2024, 3, 15)))
    scouting.select_administratively(A, eligibility(True), True, envelope())
    scouting.announce_administrative_results(envelope(date(2024, 3, 15)))
    scouting.record_potential(A, "85", envelope(date(2024, 4, 1)))
    scouting.record_technical(A, "75", envelope(date(2024, 4, 15)))
    scouting.finalise(envelope(date(2024, 5, 2)))
    staffed.save(scouting)
    early = DecreePool(round_id=scouting.id, decree_number="800/55/2024", decree_date=DECREE)

    with pytest.raises(ScoutingRefusal) as unreported:
        decree_pool(staffed, early, MAYOR)
    assert (unreported.value.code, unreported.value.citation) == (
        "not-reported",
        "madiun-2021:P19(4)",
    )
    scouting.report_to_mayor("800/201/2024", envelope(date(2024, 5, 6)))
    staffed.save(scouting)
    backdated = early.model_copy(update={"decree_date": date(2024, 5, 5)})
    with pytest.raises(ScoutingRefusal) as before_results:
        decree_pool(staffed, backdated, MAYOR)
    assert before_results.value.code == "decree-before-results"
    assert membership_of(staffed, A, PositionLevel.ADMINISTRATOR) is None  # nothing written


def test_a_decree_beyond_one_save_marks_the_round_last_and_a_retry_completes_it(
    staffed: Talenta, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two events per new member; with room for 4 per save, A and B go first, C and the round
    after. A crash between the saves leaves the round undecreed; the same decree completes."""
    round_id = finalised_round(staffed)
    monkeypatch.setattr(staffed, "events_per_save", 4)
    real_save, saves = staffed.save, []

    def crash_after_the_first(*aggregates: Any) -> Any:
        if saves:
            raise ConnectionError("database went away")
        saves.append(aggregates)
        return real_save(*aggregates)

    monkeypatch.setattr(staffed, "save", crash_after_the_first)
    command = DecreePool(round_id=round_id, decree_number="800/55/2024", decree_date=DECREE)
    with pytest.raises(ConnectionError):
        decree_pool(staffed, command, MAYOR)
    monkeypatch.setattr(staffed, "save", real_save)
    scouting: ScoutingRound = staffed.repository.get(round_id)
    assert scouting.pool_decree is None
    assert [len(membership(staffed, nip).entries) for nip in (A, B)] == [1, 1]

    entries = decree_pool(staffed, command, MAYOR)

    assert sorted(e.nip for e in entries) == [A, B, C]
    assert membership(staffed, A).version == 2
    scouting = staffed.repository.get(round_id)
    assert scouting.pool_decree is not None


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
        pytest.param(A, "already-proposed", id="madiun-2021:P24 angka 1 second proposal"),
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


def test_an_entry_of_another_agency_s_pool_is_not_proposed(staffed: Talenta) -> None:
    decreed(staffed)
    vacancy = opened(staffed)
    elsewhere = PoolDecree(decree_number="800/9/2024", decree_date=DECREE)
    binjai_mayor = Actor(id="walikota.binjai", role=Role.PPK, agency="kota-binjai")
    other_round = UUID(int=99)
    decree_entries(
        staffed, [D], PositionLevel.ADMINISTRATOR, "kota-binjai", other_round, elsewhere,
        binjai_mayor,
    )  # fmt: skip

    with pytest.raises(ScoutingRefusal) as refused:
        propose_candidate(staffed, proposal(vacancy, D), HEAD)

    assert (refused.value.code, refused.value.citation) == (
        "other-agency-entry",
        "madiun-2021:P23(2)",
    )


def test_a_pick_whose_entry_expires_before_the_inauguration_lapses_for_another(
    staffed: Talenta,
) -> None:
    """A, B, C entered by the 2024-05-20 decree (expiring 2027-05-20), D by a later one: B is
    picked, the entry expires before the inauguration, the pick lapses and D is picked."""
    decreed(staffed)
    later = PoolDecree(decree_number="800/3/2025", decree_date=date(2025, 1, 10))
    decree_entries(staffed, [D], PositionLevel.ADMINISTRATOR, AGENCY, UUID(int=98), later, MAYOR)
    command = OpenVacancy(
        agency=AGENCY,
        position=POSITION,
        unit="Sekretariat Daerah",
        level=PositionLevel.ADMINISTRATOR,
        opened_on=date(2027, 4, 1),
    )
    vacancy_id = open_vacancy(staffed, command, CASEWORKER)
    for nip in (B, C, D):
        on = date(2027, 4, 5)
        propose_candidate(
            staffed, ProposeCandidate(vacancy_id=vacancy_id, nip=nip, proposed_on=on), HEAD
        )
    listing = ShortlistCandidates(
        vacancy_id=vacancy_id,
        members=BOARD,
        tpk_decree=TPK_DECREE,
        minutes_number="BA/30/2027",
        minutes_date=date(2027, 4, 12),
        nips=(B, C, D),
    )
    shortlist(staffed, listing, TPK)

    def choose(nip: str, on: date) -> PickCandidate:
        return PickCandidate(
            vacancy_id=vacancy_id, nip=nip, decree_number=f"821/{nip[-1]}", decree_date=on
        )

    pick(staffed, choose(B, date(2027, 5, 10)), MAYOR)
    expired_on = date(2027, 5, 20)
    with pytest.raises(ScoutingRefusal) as too_late:
        inaugurate(
            staffed, Inaugurate(vacancy_id=vacancy_id, inaugurated_on=expired_on), CASEWORKER
        )
    assert too_late.value.code == "entry-expired"
    with pytest.raises(ScoutingRefusal) as still_valid:
        lapse_pick(staffed, LapsePick(vacancy_id=vacancy_id, lapsed_on=date(2027, 5, 19)), MAYOR)
    assert still_valid.value.code == "pick-not-lapsed"
    with pytest.raises(Forbidden):
        lapse_pick(staffed, LapsePick(vacancy_id=vacancy_id, lapsed_on=expired_on), CASEWORKER)

    lapse_pick(
        staffed,
        LapsePick(vacancy_id=vacancy_id, lapsed_on=expired_on, reason="masa berlaku habis"),
        MAYOR,
    )

    vacancy: Vacancy = staffed.repository.get(vacancy_id)
    assert vacancy.state is VacancyState.SHORTLISTED and vacancy.picked is None
    assert [lapse.nip for lapse in vacancy.lapses] == [B]
    with pytest.raises(ScoutingRefusal) as expired_too:
        pick(staffed, choose(C, expired_on), MAYOR)
    assert (expired_too.value.code, expired_too.value.citation) == (
        "entry-expired",
        "madiun-2021:P22(1)",
    )
    pick(staffed, choose(D, expired_on), MAYOR)
    inaugurate(
        staffed, Inaugurate(vacancy_id=vacancy_id, inaugurated_on=date(2027, 5, 24)), CASEWORKER
    )
    vacancy = staffed.repository.get(vacancy_id)
    assert vacancy.state is VacancyState.FILLED
    assert membership(staffed, D).entries[0].used is not None
    assert membership(staffed, B).entries[0].used is None


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
            id="madiun-2021:P24 angka 1 the head of unit proposes",
        ),
        pytest.param(
            pick,
            PickCandidate(vacancy_id=NOWHERE, nip=A, decree_number="1", decree_date=DECREE),
            TPK,
            id="madiun-2021:P24 angka 5 the mayor picks",
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


def test_only_the_head_of_the_vacancys_unit_proposes(staffed: Talenta) -> None:
    decreed(staffed)
    vacancy = opened(staffed)
    other = Actor(
        id="kadis.pendidikan", role=Role.HEAD_OF_UNIT, agency=AGENCY, unit="Dinas Pendidikan"
    )
    before = staffed.repository.get(vacancy).version

    with pytest.raises(ScoutingRefusal) as refused:
        propose_candidate(staffed, proposal(vacancy, A), other)

    assert (refused.value.code, refused.value.citation) == (
        "not-head-of-vacancy-unit",
        "madiun-2021:P24 angka 1",
    )
    assert staffed.repository.get(vacancy).version == before
    propose_candidate(staffed, proposal(vacancy, A), HEAD)
    proposed = staffed.repository.get(vacancy)
    assert proposed.proposals[A].by == HEAD.id


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


def mutated(app: Talenta, nip: str, approved: bool) -> UUID:
    """A mutation of ``nip`` into MUTATED_TO, recommended by the board, decided by the mayor."""
    proposed = ProposeMutation(
        agency=AGENCY,
        nip=nip,
        level=PositionLevel.ADMINISTRATOR,
        from_position="Kepala Bagian Umum",
        to_position=MUTATED_TO,
        unit="Sekretariat Daerah",
        qualification="S2 Hukum",
        competence="memenuhi standar kompetensi",
        performance="Sangat Baik 2023-2024",
        years_in_position=5,
        proposed_on=date(2025, 5, 2),
    )
    mutation_id = propose_mutation(app, proposed, HEAD)
    recommended = RecommendMutation(
        mutation_id=mutation_id,
        members=BOARD,
        tpk_decree=TPK_DECREE,
        minutes_number="BA/20/2025",
        minutes_date=date(2025, 5, 9),
        recommended=True,
    )
    recommend_mutation(app, recommended, TPK)
    decided = DecideMutation(
        mutation_id=mutation_id,
        approved=approved,
        decree_number="821/30/2025",
        decree_date=date(2025, 5, 20),
    )
    decide_mutation(app, decided, MAYOR)
    return mutation_id


def test_mutation_and_tenure_review_go_through_board_and_mayor(staffed: Talenta) -> None:
    mutation_id = mutated(staffed, A, approved=True)
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
