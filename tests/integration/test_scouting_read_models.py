"""The scouting read models on SQLite and PostgreSQL: a round, its pool decree and a promotion
driven through the handlers, followed into documents, queried, and rebuilt from the log."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import UUID

import pytest
from eventsourcing.persistence import IntegrityError, Tracking

from domain.envelope import Actor, DocumentRef, Envelope, Role
from domain.personnel.aggregate import Employee
from domain.personnel.facts import GradeSpell
from domain.rules.madiun_scoring import Category
from domain.scouting.candidate import Channel, Stage
from domain.scouting.plan import Announcement, Schedule
from domain.scouting.pool import membership_id
from domain.scouting.round import round_id
from domain.scouting.tpk import TpkMember, TpkOffice
from domain.scouting.vacancy_state import VacancyState
from domain.values import Grade, PositionLevel
from projections.documents import Document, DocumentView, document_view
from projections.follower import Follower
from projections.scouting import (
    FailedRequirement,
    ScoutingProjection,
    current_pool,
    pool_as_of,
    round_board,
    rounds,
    vacancies,
    vacancy,
)
from services.application import Talenta
from services.scouting.pool import (
    DecreePool,
    ExpireEntry,
    PoolDecree,
    decree_entries,
    decree_pool,
    expire_entry,
)
from services.scouting.rounds import (
    CandidateStep,
    CloseRegistration,
    OpenRound,
    PublishRound,
    RecordScore,
    RegisterCandidate,
    ReportToMayor,
    RoundStep,
    SelectAdministratively,
    SendReminder,
    announce_administrative_results,
    close_registration,
    finalise_round,
    open_round,
    publish_round,
    recommend_candidate,
    record_potential,
    record_technical,
    register_candidate,
    report_to_mayor,
    select_administratively,
    send_reminder,
    verify_documents,
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

AGENCY = "kota-madiun"
LEVEL = PositionLevel.ADMINISTRATOR


def nip(sequence: int) -> str:
    return f"197506012000011{sequence:03d}"


# Potential and technical scores: A, B, C pass; E fails at the end; D stops at KMS (P15(4)).
SCORES = {
    nip(1): ("85", "75"),  # final 80, MS
    nip(2): ("80", "70"),  # final 75, MMS
    nip(3): ("70", "66"),  # final 68, MMS: the pass mark
    nip(4): ("67.99", None),
    nip(5): ("68", "60"),  # final 64: fails (P19(3))
}
A, B, C, D, E = SCORES
LOW_GRADE, WEB, VETERAN = nip(6), nip(7), nip(8)  # VETERAN: in the 2022 pool, not in this round
SCHEDULE = Schedule(
    announcement=date(2024, 2, 1),
    registration_opens=date(2024, 2, 5),
    registration_closes=date(2024, 3, 15),
    potential_assessment=date(2024, 4, 1),
    technical_assessment=date(2024, 4, 22),
    result=date(2024, 5, 6),
)
ANNOUNCEMENT = Announcement(
    requirements="Pasal 10 ayat (1) dan Pasal 30 ayat (3)",
    timing_and_procedure="5 Februari - 15 Maret 2024, berkas ke Sekretariat atau website BKPSDM",
    stages="enam tahapan Pasal 11",
    other="biaya dibebankan pada APBD",
)
DOCUMENTS = (DocumentRef(name="berkas.pdf", sha256="c" * 64),)
TEAM = Actor(id="tim.scouting", role=Role.SCOUTING_TEAM, agency=AGENCY)
SECRETARIAT = Actor(id="siti.bkpsdm", role=Role.CASEWORKER, agency=AGENCY)
ASSESSOR = Actor(id="asesor", role=Role.ASSESSOR, agency=AGENCY)
EXTERNAL = Actor(id="penguji", role=Role.EXTERNAL_ASSESSOR, agency=AGENCY)
# Heads the unit of the vacancies below (madiun-2021:P24 angka 1).
HEAD = Actor(id="kepala.setda", role=Role.HEAD_OF_UNIT, agency=AGENCY, unit="Sekretariat Daerah")
TPK = Actor(id="sekda", role=Role.TPK_MEMBER, agency=AGENCY)
MAYOR = Actor(id="walikota", role=Role.PPK, agency=AGENCY)
SYSTEM = Actor(id="clock", role=Role.SYSTEM)
BOARD = tuple(TpkMember(name=f"Pejabat {office.value}", office=office) for office in TpkOffice)
TPK_DECREE = "188.45/20/401.012/2024"
DECREE = date(2024, 5, 20)  # the round's pool holds until 2027-05-20
OLD_DECREE = date(2022, 1, 10)  # VETERAN's entry: expires 2025-01-10
INAUGURATION = date(2025, 4, 14)
# A fixed "today" keeps the assertions true whatever the machine's date.
TODAY = date(2025, 6, 2)


@pytest.fixture
def view(app: Talenta) -> DocumentView:
    return document_view(app)


def follower(app: Talenta, view: DocumentView) -> Follower:
    return Follower(app, ScoutingProjection(view))


def registered(app: Talenta) -> UUID:
    """The round opened, published and every candidate registered; WEB awaits verification."""
    stamp = Envelope(actor=SECRETARIAT, effective=date(2024, 1, 15), reason="impor SIASN")
    low_grade = {"grades": (GradeSpell(grade=Grade("III/c"), start=date(2019, 4, 1)),)}
    people = [facts(nip=each) for each in (*SCORES, WEB, VETERAN)]
    people.append(facts(nip=LOW_GRADE, **low_grade))
    app.save_bounded(Employee.enrol(each, stamp) for each in people)
    opened = OpenRound(
        agency=AGENCY,
        level=LEVEL,
        name="Talent Scouting Administrator 2024",
        schedule=SCHEDULE,
        announcement=ANNOUNCEMENT,
        effective=SCHEDULE.announcement,
    )
    scouting = open_round(app, opened, TEAM)
    publication = PublishRound(
        round_id=scouting,
        circular_number="800/117/401.103/2024",
        website="https://bkpsdm.madiunkota.go.id/talent-scouting-2024",
        effective=SCHEDULE.announcement,
    )
    publish_round(app, publication, SECRETARIAT)
    for each in (*SCORES, LOW_GRADE, WEB):
        channel = Channel.WEB if each == WEB else Channel.DIRECT
        registration = RegisterCandidate(
            round_id=scouting,
            nip=each,
            channel=channel,
            documents=DOCUMENTS,
            effective=date(2024, 2, 12),
        )
        register_candidate(app, registration, SECRETARIAT)
    return scouting


def finished(app: Talenta, scouting: UUID) -> None:
    """Recommendation and verification, selection (LOW_GRADE fails on the data, WEB on the
    documents), both assessments, the result, the report and one assessment reminder."""
    for each in (*SCORES, LOW_GRADE, WEB):
        recommend_candidate(
            app, CandidateStep(round_id=scouting, nip=each, effective=date(2024, 2, 13)), HEAD
        )
    verify_documents(
        app, CandidateStep(round_id=scouting, nip=WEB, effective=date(2024, 2, 13)), TEAM
    )
    closing = SCHEDULE.registration_closes
    close_registration(
        app, CloseRegistration(round_id=scouting, closed_on=closing, effective=closing), TEAM
    )
    for each in (*SCORES, LOW_GRADE, WEB):
        selection = SelectAdministratively(
            round_id=scouting, nip=each, documents_complete=each != WEB, effective=date(2024, 3, 18)
        )
        select_administratively(app, selection, TEAM)
    announce_administrative_results(
        app, RoundStep(round_id=scouting, effective=date(2024, 3, 20)), TEAM
    )
    reminder = SendReminder(
        round_id=scouting,
        key="potential/2024-03-29",
        nips=tuple(SCORES),
        effective=date(2024, 3, 29),
    )
    send_reminder(app, reminder, SYSTEM)
    for each, (potential, technical) in SCORES.items():
        score = RecordScore(
            round_id=scouting, nip=each, score=Decimal(potential), effective=date(2024, 4, 1)
        )
        record_potential(app, score, ASSESSOR)
        if technical is not None:
            score = RecordScore(
                round_id=scouting, nip=each, score=Decimal(technical), effective=date(2024, 4, 22)
            )
            record_technical(app, score, EXTERNAL)
    finalise_round(app, RoundStep(round_id=scouting, effective=SCHEDULE.result), TEAM)
    report = ReportToMayor(
        round_id=scouting, report_number="800/201/401.103/2024", effective=SCHEDULE.result
    )
    report_to_mayor(app, report, TEAM)


def pooled(app: Talenta, scouting: UUID) -> None:
    """The round's decree, and VETERAN's 2022 entry from an earlier round, expired by its clock."""
    decree_pool(
        app, DecreePool(round_id=scouting, decree_number="800/55/2024", decree_date=DECREE), MAYOR
    )
    earlier = round_id(AGENCY, str(LEVEL), "Talent Scouting Administrator 2021")
    old = PoolDecree(decree_number="800/3/2022", decree_date=OLD_DECREE)
    (entry,) = decree_entries(app, [VETERAN], LEVEL, AGENCY, earlier, old, MAYOR)
    expiry = ExpireEntry(
        membership_id=membership_id(VETERAN, LEVEL),
        entry_id=entry.entry_id,
        expired_on=entry.expires_on,
    )
    assert expire_entry(app, expiry, SYSTEM)


def promoted(app: Talenta) -> UUID:
    """A, B and C proposed, shortlisted by the board, B picked and inaugurated."""
    opened = OpenVacancy(
        agency=AGENCY,
        position="Kepala Bagian Umum",
        unit="Sekretariat Daerah",
        level=LEVEL,
        opened_on=date(2025, 3, 1),
    )
    vacancy_id = open_vacancy(app, opened, SECRETARIAT)
    for each in (A, B, C):
        propose_candidate(
            app,
            ProposeCandidate(vacancy_id=vacancy_id, nip=each, proposed_on=date(2025, 3, 10)),
            HEAD,
        )
    listing = ShortlistCandidates(
        vacancy_id=vacancy_id,
        members=BOARD,
        tpk_decree=TPK_DECREE,
        minutes_number="BA/12/2025",
        minutes_date=date(2025, 4, 2),
        nips=(A, B, C),
    )
    shortlist(app, listing, TPK)
    choice = PickCandidate(
        vacancy_id=vacancy_id, nip=B, decree_number="821.2/88/2025", decree_date=date(2025, 4, 10)
    )
    pick(app, choice, MAYOR)
    inaugurate(app, Inaugurate(vacancy_id=vacancy_id, inaugurated_on=INAUGURATION), SECRETARIAT)
    return vacancy_id


def everything(app: Talenta) -> tuple[UUID, UUID]:
    scouting = registered(app)
    finished(app, scouting)
    pooled(app, scouting)
    return scouting, promoted(app)


def documents(view: DocumentView) -> dict[str, list[Document]]:
    return {name: view.list(name, AGENCY) for name in ScoutingProjection.collections}


def nips_on(view: DocumentView, day: date, level: PositionLevel | None = None) -> list[str]:
    return [row.nip for row in pool_as_of(view, AGENCY, day, level)]


def test_the_round_board_shows_each_candidate_at_their_stage(
    app: Talenta, view: DocumentView
) -> None:
    scouting = registered(app)
    follower(app, view).catch_up()

    early = round_board(view, scouting)
    assert early is not None
    assert [c.nip for c in early.stages[Stage.PENDING_VERIFICATION]] == [WEB]
    assert [c.nip for c in early.stages[Stage.REGISTERED]] == sorted((*SCORES, LOW_GRADE))

    finished(app, scouting)
    follower(app, view).catch_up()

    board = round_board(view, scouting)
    assert board is not None
    assert (board.agency, board.level, board.name) == (
        AGENCY,
        LEVEL,
        "Talent Scouting Administrator 2024",
    )
    assert board.schedule == SCHEDULE
    assert board.published is not None and board.published.circular_number == "800/117/401.103/2024"
    assert board.registration_closed_on == SCHEDULE.registration_closes
    assert board.administrative_results_announced and board.finalised
    assert board.report_number == "800/201/401.103/2024"
    assert board.reminders == {"potential/2024-03-29": sorted(SCORES)}
    by_stage = {stage: [c.nip for c in rows] for stage, rows in board.stages.items() if rows}
    assert by_stage == {
        Stage.ADMINISTRATIVE_FAILED: [LOW_GRADE, WEB],
        Stage.STOPPED_AT_POTENTIAL: [D],
        Stage.PASSED: [A, B, C],
        Stage.FAILED: [E],
    }
    rows = {c.nip: c for rows in board.stages.values() for c in rows}
    assert rows[A].recommended and rows[WEB].verified and rows[WEB].channel is Channel.WEB
    low, web = rows[LOW_GRADE].administrative, rows[WEB].administrative
    assert low is not None and not low.passed
    assert low.failed == [FailedRequirement(code="grade", citation="madiun-2021:P10(1)(d)")]
    assert web is not None and [f.code for f in web.failed] == ["documents-incomplete"]
    stopped = rows[D].potential
    assert stopped is not None and (stopped.category, stopped.proceeds) == (Category.KMS, False)
    finals = {
        n: (r.final.score, r.final.category, r.final.passed) for n, r in rows.items() if r.final
    }
    assert finals == {
        A: (Decimal("80"), Category.MS, True),
        B: (Decimal("75"), Category.MMS, True),
        C: (Decimal("68"), Category.MMS, True),
        E: (Decimal("64"), Category.KMS, False),
    }
    assert rows[C].technical == Decimal("66")

    (summary,) = rounds(view, AGENCY)
    assert summary.round_id == scouting
    assert (summary.counts[Stage.PASSED], summary.counts[Stage.REGISTERED]) == (3, 0)
    assert round_board(view, UUID(int=1)) is None
    assert rounds(view, "kota-binjai") == []


def test_the_pool_now_and_as_of_earlier_days(app: Talenta, view: DocumentView) -> None:
    scouting, vacancy_id = everything(app)
    follower(app, view).catch_up()

    now = current_pool(view, AGENCY, TODAY)
    assert [row.nip for row in now] == [A, C]  # B was appointed on INAUGURATION
    first = now[0]
    assert (first.round_id, first.decree_number, first.decree_date, first.expires_on) == (
        scouting,
        "800/55/2024",
        DECREE,
        date(2027, 5, 20),
    )
    assert nips_on(view, date(2024, 6, 1)) == [A, B, C, VETERAN]
    assert nips_on(view, date(2024, 6, 1), PositionLevel.SUPERVISOR) == []
    assert nips_on(view, date(2025, 1, 9)) == [A, B, C, VETERAN]
    assert nips_on(view, date(2025, 1, 10)) == [A, B, C]
    assert nips_on(view, date(2025, 4, 13)) == [A, B, C]
    assert nips_on(view, INAUGURATION) == [A, C]
    assert nips_on(view, date(2024, 5, 19)) == [VETERAN]
    assert VETERAN not in [row.nip for row in current_pool(view, AGENCY, date.today())]

    everyone = {row.nip: row for row in pool_as_of(view, AGENCY, date(2024, 6, 1))}
    assert everyone[VETERAN].expired_on == date(2025, 1, 10)
    used = everyone[B].used
    assert used is not None and (used.vacancy_id, used.inaugurated_on) == (vacancy_id, INAUGURATION)
    assert current_pool(view, "kota-binjai", TODAY) == []


def test_the_vacancy_shows_proposals_shortlist_and_pick(app: Talenta, view: DocumentView) -> None:
    _, vacancy_id = everything(app)
    follower(app, view).catch_up()

    row = vacancy(view, vacancy_id)
    assert row is not None
    assert (row.position, row.unit, row.level, row.camat) == (
        "Kepala Bagian Umum",
        "Sekretariat Daerah",
        LEVEL,
        False,
    )
    assert row.state is VacancyState.FILLED and row.inaugurated_on == INAUGURATION
    entries = {entry.nip: entry.entry_id for entry in pool_as_of(view, AGENCY, date(2025, 3, 10))}
    assert [(p.nip, p.entry_id, p.by, p.proposed_on) for p in row.proposals] == [
        (each, entries[each], HEAD.id, date(2025, 3, 10)) for each in (A, B, C)
    ]
    listed = row.shortlist
    assert listed is not None
    assert (listed.nips, listed.minutes_number, listed.minutes_date) == (
        [A, B, C],
        "BA/12/2025",
        date(2025, 4, 2),
    )
    assert (listed.members, listed.short, listed.justification) == (list(BOARD), False, "")
    assert row.pick is not None
    assert (row.pick.nip, row.pick.decree_number, row.pick.decree_date) == (
        B,
        "821.2/88/2025",
        date(2025, 4, 10),
    )
    assert vacancies(view, AGENCY) == [row]
    assert vacancy(view, UUID(int=1)) is None


def test_the_round_board_shows_the_pool_decree_and_a_lapsed_pick_leaves_the_vacancy(
    app: Talenta, view: DocumentView
) -> None:
    """The round's entries expire on 2027-05-20: B, picked on 2027-05-10, lapses that day."""
    scouting = registered(app)
    finished(app, scouting)
    pooled(app, scouting)
    opened = OpenVacancy(
        agency=AGENCY, position="Kepala Bagian Hukum", unit="Sekretariat Daerah", level=LEVEL,
        opened_on=date(2027, 4, 1),
    )  # fmt: skip
    vacancy_id = open_vacancy(app, opened, SECRETARIAT)
    for each in (A, B, C):
        propose_candidate(
            app, ProposeCandidate(vacancy_id=vacancy_id, nip=each, proposed_on=date(2027, 4, 5)),
            HEAD,
        )  # fmt: skip
    listing = ShortlistCandidates(
        vacancy_id=vacancy_id, members=BOARD, tpk_decree=TPK_DECREE, minutes_number="BA/30/2027",
        minutes_date=date(2027, 4, 12), nips=(A, B, C),
    )  # fmt: skip
    shortlist(app, listing, TPK)
    choice = PickCandidate(
        vacancy_id=vacancy_id, nip=B, decree_number="821/9/2027", decree_date=date(2027, 5, 10)
    )
    pick(app, choice, MAYOR)
    lapse_pick(app, LapsePick(vacancy_id=vacancy_id, lapsed_on=date(2027, 5, 20)), MAYOR)
    follower(app, view).catch_up()

    board = round_board(view, scouting)
    assert board is not None and board.pool_decree is not None
    assert (board.pool_decree.decree_number, board.pool_decree.decree_date) == (
        "800/55/2024",
        DECREE,
    )
    row = vacancy(view, vacancy_id)
    assert row is not None
    assert (row.state, row.pick) == (VacancyState.SHORTLISTED, None)
    assert [
        (lapse.nip, lapse.reason, lapse.expired_on, lapse.lapsed_on) for lapse in row.lapsed
    ] == [(B, "entry-expired", date(2027, 5, 20), date(2027, 5, 20))]


def test_a_rebuild_from_the_log_gives_the_same_documents(app: Talenta, view: DocumentView) -> None:
    everything(app)
    first = follower(app, view)
    applied = first.catch_up()
    built = documents(view)
    assert applied > 0 and all(built.values())

    view.reset(ScoutingProjection.collections, first.tracking_key)
    assert not any(documents(view).values()) and first.position == 0
    assert follower(app, view).catch_up() == applied
    assert documents(view) == built


def test_catching_up_again_applies_nothing_twice(app: Talenta, view: DocumentView) -> None:
    everything(app)
    first = follower(app, view)
    first.catch_up()
    built = documents(view)

    assert first.catch_up() == 0
    assert follower(app, view).catch_up() == 0
    # An event fed again (a crashed follower's retry) is refused with its tracking record and
    # leaves the document as it was: the board write and the tracking share one transaction.
    registration = next(
        n
        for n in app.recorder.select_notifications(start=None, limit=1000)
        if n.topic.endswith("ScoutingRound.Registered")
    )
    with pytest.raises(IntegrityError):
        first.projector.process_event(
            app.mapper.to_domain_event(registration), Tracking(first.tracking_key, registration.id)
        )
    assert documents(view) == built
