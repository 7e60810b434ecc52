"""A scouting round through its command handlers, on SQLite and PostgreSQL: fifteen employees from
registration to the report, each eligibility failure and each score boundary on the way."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.persistence import IntegrityError

from domain.envelope import Actor, DocumentRef, Envelope, Role
from domain.personnel.aggregate import Employee
from domain.personnel.facts import EducationEntry, GradeSpell, IntegrityStatement, PersonnelFacts
from domain.rules.madiun_scoring import Category
from domain.scouting.candidate import AssessmentStage, Channel, Stage
from domain.scouting.errors import ScoutingRefusal
from domain.scouting.plan import Announcement, Schedule
from domain.scouting.pool import PoolMembership
from domain.scouting.round import ScoutingRound
from domain.values import (
    Appraisal,
    AppraisalRating,
    EducationLevel,
    Grade,
    Investigation,
    PositionLevel,
)
from services.application import EmployeeNotFound, Talenta
from services.auth import OtherAgency
from services.permissions import Forbidden
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
    verify_documents,
)
from services.scouting.score_sheets import record_scores_from_csv
from tests.unit.rules_builders import facts, spell

AGENCY = "kota-madiun"
OPENING, REGISTERING, CLOSING = date(2024, 2, 1), date(2024, 2, 12), date(2024, 3, 15)
SCHEDULE = Schedule(
    announcement=OPENING,
    registration_opens=date(2024, 2, 5),
    registration_closes=CLOSING,
    potential_assessment=date(2024, 4, 1),
    technical_assessment=date(2024, 4, 22),
    result=date(2024, 5, 6),
)
ANNOUNCEMENT = Announcement(
    requirements="Pasal 10 ayat (1) dan Pasal 30 ayat (3)",
    timing_and_procedure="5 Februari - 15 Maret 2024, berkas ke Sekretariat atau website BKPSDM",
    stages="pengumuman, pendaftaran, seleksi administrasi, penilaian potensi, uji gagasan, hasil",
    other="biaya dibebankan pada APBD",
)
DOCUMENTS = (DocumentRef(name="berkas.pdf", sha256="c" * 64),)


def actor(role: Role, agency: str = AGENCY) -> Actor:
    return Actor(id=f"{role}.1", role=role, agency=agency)


TEAM, SECRETARIAT = actor(Role.SCOUTING_TEAM), actor(Role.CASEWORKER)
ASSESSOR, EXTERNAL = actor(Role.ASSESSOR), actor(Role.EXTERNAL_ASSESSOR)
HEAD = actor(Role.HEAD_OF_UNIT)


def nip(sequence: int, born: date = date(1975, 6, 1)) -> str:
    return f"{born:%Y%m%d}{born.year + 25}011{sequence:03d}"


# Eligible candidates with their potential and technical scores: each boundary of P15 and P19.
SCORED = {
    nip(1): ("67.99", None),  # KMS at stage 4, stops (P15(4))
    nip(2): ("68", "67.98"),  # final 67.99: fails (P19(3))
    nip(3): ("68", "68"),  # final 68: passes, MMS
    nip(4): ("79.99", "79.99"),  # final 79.99: MMS
    nip(5): ("80", "80"),  # final 80: MS (P18(2))
}
WEB, INCOMPLETE = nip(6), nip(7)
# One failed P10/P30(3) requirement each, keyed by the requirement's code.
INELIGIBLE: dict[str, tuple[str, dict[str, Any]]] = {
    "status": (nip(11), {"active": False}),
    "experience": (nip(12), {"positions": (spell(PositionLevel.EXECUTOR, date(2005, 1, 1)),)}),
    "education": (nip(13), {"education": (EducationEntry(level=EducationLevel.D3, year=1996),)}),
    "grade": (nip(14), {"grades": (GradeSpell(grade=Grade("III/c"), start=date(2019, 4, 1)),)}),
    "appraisals": (
        nip(15),
        {
            "appraisals": (
                Appraisal(year=2022, rating=AppraisalRating.BAIK),
                Appraisal(year=2023, rating=AppraisalRating.BUTUH_PERBAIKAN),
            )
        },
    ),
    "discipline": (nip(16), {"investigations": (Investigation(opened=date(2024, 1, 8)),)}),
    "health": (nip(17), {"health_certificate": None}),
    "integrity": (
        nip(18),
        {
            "integrity_statement": IntegrityStatement(
                signed=date(2024, 3, 1), acknowledged_by_head_of_unit=False
            )
        },
    ),
    "age": (nip(19, born=date(1966, 3, 1)), {}),
}


def employees() -> list[PersonnelFacts]:
    eligible = [facts(nip=each) for each in (*SCORED, WEB, INCOMPLETE)]
    failing = [facts(nip=each, **changes) for each, changes in INELIGIBLE.values()]
    return eligible + failing


def enrol_all(app: Talenta) -> None:
    stamp = Envelope(actor=SECRETARIAT, effective=date(2024, 1, 15), reason="impor SIASN")
    app.save_bounded(Employee.enrol(each, stamp) for each in employees())


def opened_round(app: Talenta) -> UUID:
    enrol_all(app)
    round_id = open_round(
        app,
        OpenRound(
            agency=AGENCY,
            level=PositionLevel.ADMINISTRATOR,
            name="Talent Scouting Administrator 2024",
            schedule=SCHEDULE,
            announcement=ANNOUNCEMENT,
            effective=OPENING,
            reason="kebutuhan organisasi (P5)",
        ),
        TEAM,
    )
    publish_round(
        app,
        PublishRound(
            round_id=round_id,
            circular_number="800/117/401.103/2024",
            website="https://bkpsdm.madiunkota.go.id/talent-scouting-2024",
            effective=OPENING,
        ),
        SECRETARIAT,
    )
    return round_id


def registered_round(app: Talenta, recommended: bool = True) -> UUID:
    """Every employee registered and, unless ``recommended`` is off, recommended by the head of
    unit (P13(2))."""
    round_id = opened_round(app)
    for each in employees():
        channel = Channel.WEB if each.nip == WEB else Channel.DIRECT
        register_candidate(
            app,
            RegisterCandidate(
                round_id=round_id,
                nip=each.nip,
                channel=channel,
                documents=DOCUMENTS,
                effective=REGISTERING,
            ),
            SECRETARIAT,
        )
        if recommended:
            recommendation = CandidateStep(round_id=round_id, nip=each.nip, effective=REGISTERING)
            recommend_candidate(app, recommendation, HEAD)
    return round_id


def step(round_id: UUID, on: date = CLOSING) -> RoundStep:
    return RoundStep(round_id=round_id, effective=on)


def test_a_round_runs_from_registration_to_the_report(app: Talenta) -> None:
    round_id = registered_round(app)
    verify_documents(app, CandidateStep(round_id=round_id, nip=WEB, effective=REGISTERING), TEAM)
    closing = CloseRegistration(round_id=round_id, closed_on=CLOSING, effective=CLOSING)
    assert close_registration(app, closing, SECRETARIAT)
    assert not close_registration(app, closing, SECRETARIAT)

    for each in employees():
        select_administratively(
            app,
            SelectAdministratively(
                round_id=round_id,
                nip=each.nip,
                documents_complete=each.nip != INCOMPLETE,
                effective=date(2024, 3, 18),
            ),
            TEAM,
        )
    announce_administrative_results(app, step(round_id, date(2024, 3, 20)), TEAM)

    scouting: ScoutingRound = app.repository.get(round_id)
    for code, (failing, _) in INELIGIBLE.items():
        assert scouting.candidates[failing].administrative_failures == (code,), code
    assert scouting.candidates[INCOMPLETE].administrative_failures == ("documents-incomplete",)
    assert scouting.missing_scores(AssessmentStage.POTENTIAL) == (*SCORED, WEB)

    sheet = [
        "NIP;Nilai",
        *(f"{each};{potential.replace('.', ',')}" for each, (potential, _) in SCORED.items()),
        f"{WEB};80.5",
        f"{nip(11)};90",  # failed administrative selection
        "19750601 200001 1 999;70",  # not registered
        f"{nip(5)};81",  # second score for the same candidate
        "12345;70",  # not a NIP
    ]
    report = record_scores_from_csv(app, round_id, "potential", sheet, ASSESSOR)
    assert report.recorded == (*SCORED, WEB)
    assert [(e.line, e.code) for e in report.errors] == [
        (8, "not-administratively-passed"),
        (9, "not-registered"),
        (10, "already-recorded"),
        (11, "invalid-row"),
    ]
    assert [e.citation for e in report.errors[:3]] == [
        "madiun-2021:P14(4)",
        "madiun-2021:P13(1)",
        "madiun-2021:P15(1)",
    ]

    for scored, (_, technical) in SCORED.items():
        if technical is not None:
            command = RecordScore(
                round_id=round_id, nip=scored, score=Decimal(technical), effective=date(2024, 4, 22)
            )
            record_technical(app, command, EXTERNAL)
    kms = RecordScore(round_id=round_id, nip=nip(1), score=Decimal("90"), effective=CLOSING)
    with pytest.raises(ScoutingRefusal) as refused:
        record_technical(app, kms, EXTERNAL)
    assert refused.value.citation == "madiun-2021:P15(4)"
    with pytest.raises(ScoutingRefusal, match="no technical score yet for: " + WEB):
        finalise_round(app, step(round_id, SCHEDULE.result), TEAM)
    record_technical(
        app,
        RecordScore(round_id=round_id, nip=WEB, score=Decimal("55.5"), effective=CLOSING),
        EXTERNAL,
    )

    passed = finalise_round(app, step(round_id, SCHEDULE.result), TEAM)
    assert passed == (nip(3), nip(4), nip(5), WEB)
    report_to_mayor(
        app,
        ReportToMayor(
            round_id=round_id, report_number="800/201/401.103/2024", effective=SCHEDULE.result
        ),
        TEAM,
    )

    reported: ScoutingRound = app.repository.get(round_id)
    assert reported.report_number == "800/201/401.103/2024"
    results = {n: c.result for n, c in reported.candidates.items() if c.result is not None}
    assert {n: (r.final, r.category, r.passed) for n, r in results.items()} == {
        nip(2): (Decimal("67.99"), Category.KMS, False),
        nip(3): (Decimal("68"), Category.MMS, True),
        nip(4): (Decimal("79.99"), Category.MMS, True),
        nip(5): (Decimal("80"), Category.MS, True),
        WEB: (Decimal("68"), Category.MMS, True),
    }
    assert reported.stage_of(nip(1)) is Stage.STOPPED_AT_POTENTIAL
    assert reported.stage_of(INCOMPLETE) is Stage.ADMINISTRATIVE_FAILED
    assert reported.candidates[nip(5)].recommended


def test_a_registrant_without_the_head_of_units_recommendation_is_not_selected(
    app: Talenta,
) -> None:
    """Reading M3 (required): madiun-2021:P13(2) before selection, and before a web
    registrant's documents are verified; nothing is recorded."""
    round_id = registered_round(app, recommended=False)
    web = CandidateStep(round_id=round_id, nip=WEB, effective=REGISTERING)
    with pytest.raises(ScoutingRefusal) as unverified:
        verify_documents(app, web, TEAM)
    close_registration(
        app, CloseRegistration(round_id=round_id, closed_on=CLOSING, effective=CLOSING), TEAM
    )
    before = app.repository.get(round_id).version
    command = SelectAdministratively(
        round_id=round_id, nip=nip(5), documents_complete=True, effective=date(2024, 3, 18)
    )
    with pytest.raises(ScoutingRefusal) as unselected:
        select_administratively(app, command, TEAM)

    for refused in (unverified, unselected):
        assert (refused.value.code, refused.value.citation) == (
            "not-recommended",
            "madiun-2021:P13(2)",
        )
    assert app.repository.get(round_id).version == before


def test_selection_records_the_rules_and_readings_it_applied(app: Talenta) -> None:
    round_id = registered_round(app)
    close_registration(
        app, CloseRegistration(round_id=round_id, closed_on=CLOSING, effective=CLOSING), TEAM
    )
    age, _ = INELIGIBLE["age"]
    command = SelectAdministratively(
        round_id=round_id, nip=age, documents_complete=True, effective=date(2024, 3, 18)
    )
    select_administratively(app, command, TEAM)

    last = app.recorder.select_notifications(start=None, limit=1000)[-1]
    selected = app.mapper.to_domain_event(last)
    assert isinstance(selected, ScoutingRound.AdministrativelySelected)
    assert selected.passed is False
    basis = Envelope.from_event(selected.envelope).basis
    assert {"madiun-2021:P30(3)", "madiun-2021:P10(1)(a)", "madiun-2021:P14(1)"} <= set(
        basis.citations
    )
    assert basis.readings["D4"] == "registration-closing-date"
    assert (basis.readings["M3"], basis.readings["M4"]) == ("required", "since-announcement")
    assert "madiun-2021:P13(2)" in basis.citations
    age_row = next(r for r in selected.eligibility["requirements"] if r["code"] == "age")
    assert age_row["evidence"]["on"] == "2024-03-15"
    assert Envelope.from_event(selected.envelope).actor == TEAM


def test_a_valid_pool_entry_bars_registration(app: Talenta) -> None:
    round_id = opened_round(app)
    member = nip(3)
    stamp = Envelope(actor=actor(Role.PPK), effective=date(2023, 6, 1))
    membership = PoolMembership.start(member, PositionLevel.ADMINISTRATOR, stamp)
    membership.decree_entry(
        member,
        PositionLevel.ADMINISTRATOR,
        AGENCY,
        round_id,
        "188.45/90/401.012/2023",
        date(2023, 6, 1),
        stamp,
    )
    app.save(membership)
    command = RegisterCandidate(
        round_id=round_id, nip=member, channel=Channel.DIRECT, effective=REGISTERING
    )

    with pytest.raises(ScoutingRefusal) as refused:
        register_candidate(app, command, SECRETARIAT)
    assert (refused.value.code, refused.value.citation) == ("already-in-pool", "madiun-2021:P22(2)")
    other = command.model_copy(update={"nip": nip(4)})
    assert register_candidate(app, other, SECRETARIAT).stage is Stage.REGISTERED


def test_only_a_known_employee_registers(app: Talenta) -> None:
    round_id = opened_round(app)
    stranger = RegisterCandidate(
        round_id=round_id, nip=nip(99), channel=Channel.WEB, effective=REGISTERING
    )
    with pytest.raises(EmployeeNotFound):
        register_candidate(app, stranger, SECRETARIAT)


Call = Callable[[Talenta, UUID, Actor], object]
ROLE_REFUSALS: list[Any] = [
    pytest.param(
        lambda app, r, who: register_candidate(
            app,
            RegisterCandidate(round_id=r, nip=nip(1), channel="direct", effective=REGISTERING),
            who,
        ),
        Role.HEAD_OF_UNIT, id="register needs the secretariat",
    ),
    pytest.param(
        lambda app, r, who: recommend_candidate(
            app, CandidateStep(round_id=r, nip=nip(1), effective=REGISTERING), who
        ),
        Role.CASEWORKER, id="recommend needs the head of unit",
    ),
    pytest.param(
        lambda app, r, who: record_potential(
            app, RecordScore(round_id=r, nip=nip(1), score=Decimal(80), effective=CLOSING), who
        ),
        Role.EXTERNAL_ASSESSOR, id="potential needs an assessor",
    ),
    pytest.param(
        lambda app, r, who: record_technical(
            app, RecordScore(round_id=r, nip=nip(1), score=Decimal(80), effective=CLOSING), who
        ),
        Role.ASSESSOR, id="technical needs an external assessor",
    ),
    pytest.param(
        lambda app, r, who: record_scores_from_csv(app, r, "technical", [], who),
        Role.ASSESSOR, id="a technical sheet needs an external assessor",
    ),
    pytest.param(
        lambda app, r, who: finalise_round(app, step(r), who),
        Role.ASSESSOR, id="finalise needs the scouting team or secretariat",
    ),
    pytest.param(
        lambda app, r, who: report_to_mayor(
            app, ReportToMayor(round_id=r, report_number="1", effective=CLOSING), who
        ),
        Role.CASEWORKER, id="the report needs the scouting team",
    ),
    pytest.param(
        lambda app, r, who: publish_round(
            app, PublishRound(round_id=r, circular_number="1", website="w", effective=OPENING), who
        ),
        Role.PPK, id="publish needs the scouting team or secretariat",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("call", "role"), ROLE_REFUSALS)
def test_a_role_not_allowed_is_forbidden_and_nothing_is_recorded(
    app: Talenta, call: Call, role: Role
) -> None:
    round_id = opened_round(app)
    before = app.recorder.max_notification_id()

    with pytest.raises(Forbidden):
        call(app, round_id, actor(role))
    assert app.recorder.max_notification_id() == before


def test_an_actor_of_another_agency_is_refused(app: Talenta) -> None:
    round_id = opened_round(app)
    outsider = actor(Role.CASEWORKER, agency="kota-binjai")

    with pytest.raises(OtherAgency) as refused:
        close_registration(
            app,
            CloseRegistration(round_id=round_id, closed_on=CLOSING, effective=CLOSING),
            outsider,
        )
    assert refused.value.code == "other-agency"
    with pytest.raises(OtherAgency) as refused:
        open_round(
            app,
            OpenRound(
                agency=AGENCY, level=PositionLevel.SUPERVISOR, name="Pengawas 2024",
                schedule=SCHEDULE, announcement=ANNOUNCEMENT, effective=OPENING,
            ),
            outsider,
        )  # fmt: skip
    assert refused.value.code == "other-agency"


def test_two_concurrent_registrations_on_one_round_one_wins(app: Talenta) -> None:
    round_id = opened_round(app)
    both_loaded = threading.Barrier(2, timeout=30)

    def after_loading(nip: str, level: str, day: date) -> bool:
        # Called between loading the round and saving it: both threads hold version N here.
        both_loaded.wait()
        return False

    outcomes: dict[str, BaseException | None] = {}

    def register(each: str) -> None:
        command = RegisterCandidate(
            round_id=round_id, nip=each, channel=Channel.DIRECT, effective=REGISTERING
        )
        try:
            register_candidate(app, command, SECRETARIAT, after_loading)
            outcomes[each] = None
        except BaseException as error:  # reported by the assertions below
            outcomes[each] = error

    threads = [threading.Thread(target=register, args=(each,)) for each in (nip(3), nip(4))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    failures = [e for e in outcomes.values() if e is not None]
    assert len(outcomes) == 2 and len(failures) == 1, outcomes
    assert isinstance(failures[0], IntegrityError)
    scouting: ScoutingRound = app.repository.get(round_id)
    assert len(scouting.candidates) == 1
