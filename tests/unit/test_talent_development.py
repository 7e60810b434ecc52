"""Development, both packs side by side: Sekolah Kader under reading D1 (Binjai) and without set
requirements (Balikpapan), the corporate university's method, counselling for the pack's boxes by
an assessor, the priority list from the highest box, and follow-up tasks per recommendation."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from uuid import uuid4

import pytest

from domain.envelope import Actor, Envelope, Role
from domain.personnel.aggregate import Employee
from domain.personnel.facts import PersonnelFacts
from domain.rules import balikpapan, binjai
from domain.rules.ninebox import Performance, Potential, Recommendation
from domain.rules.pack import RulePack
from domain.talent.development import (
    DevelopmentRecord,
    Method,
    Programme,
    development_id,
    priority,
)
from domain.talent.errors import TalentRefusal
from domain.talent.follow_ups import task_id
from domain.talent.mapping import TalentProfile
from domain.talent.sekolah_kader import SekolahKaderIneligible
from domain.values import PositionLevel
from services.application import Talenta
from services.auth import OtherAgency
from services.config import StoreConfig
from services.permissions import Forbidden
from services.talent import development as services
from tests.unit.rules_builders import facts, spell

NIP = "198001012005011001"
BINJAI, BALIKPAPAN = binjai.PACK, balikpapan.PACK
ON = date(2025, 7, 1)


def agency(pack: RulePack) -> str:
    return "kota-binjai" if pack.id == BINJAI.id else "kota-balikpapan"


def stamp(pack: RulePack, role: Role = Role.CASEWORKER, day: date = ON) -> Envelope:
    return Envelope(actor=Actor(id="u", role=role, agency=agency(pack)), effective=day)


def record(pack: RulePack = BINJAI) -> DevelopmentRecord:
    return DevelopmentRecord.start(agency(pack), NIP, stamp(pack))


def supervisor_since(start: date) -> PersonnelFacts:
    return facts(
        nip=NIP,
        agency="kota-binjai",
        positions=(
            spell(PositionLevel.EXECUTOR, date(2010, 1, 1)),
            spell(PositionLevel.SUPERVISOR, start),
        ),
    )


TWO_YEARS, ONE_YEAR = date(2023, 7, 1), date(2024, 7, 1)


@pytest.mark.parametrize(
    ("reading", "box", "since", "eligible"),
    [
        pytest.param("a-and-b-or-c", 8, ONE_YEAR, True, id="binjai-2023:P25(2) D1 a and b"),
        pytest.param("a-and-b-or-c", 5, TWO_YEARS, True, id="binjai-2023:P25(2) D1 a and c"),
        pytest.param("a-and-b-or-c", 5, ONE_YEAR, False, id="binjai-2023:P25(2) D1 neither"),
        pytest.param("all", 8, ONE_YEAR, False, id="binjai-2023:P25(2) D1=all needs c"),
        pytest.param("all", 8, TWO_YEARS, True, id="binjai-2023:P25(2) D1=all met"),
    ],
)
def test_sekolah_kader_under_reading_d1(
    reading: str, box: int, since: date, eligible: bool
) -> None:
    pack = BINJAI.with_readings(D1=reading)
    developing = record()

    def enrol() -> None:
        developing.enrol(
            Programme.SEKOLAH_KADER,
            box,
            pack,
            stamp(pack),
            facts=supervisor_since(since),
            assessment_centre=date(2025, 1, 10),
            institution_test=True,
        )

    if not eligible:
        with pytest.raises(SekolahKaderIneligible) as refused:
            enrol()
        assert refused.value.citation == "binjai-2023:P25(2)"
        return
    enrol()
    enrolled = developing.collect_events()[-1]
    assert isinstance(enrolled, DevelopmentRecord.Enrolled)
    assert enrolled.eligibility is not None
    assert enrolled.eligibility["readings_used"][0] == {"id": "D1", "option": reading}
    assert (enrolled.programme, enrolled.box, enrolled.institution_test) == (
        "sekolah-kader",
        box,
        True,
    )


def test_an_ineligible_candidate_hears_every_unmet_requirement_with_its_citation() -> None:
    with pytest.raises(SekolahKaderIneligible) as refused:
        record().enrol(
            Programme.SEKOLAH_KADER,
            4,
            BINJAI,
            stamp(BINJAI),
            facts=supervisor_since(ONE_YEAR),
            assessment_centre=False,
            institution_test=None,
        )
    message = refused.value.message
    assert refused.value.code == "sekolah-kader-ineligible"
    assert "[binjai-2023:P25(2)]" in message.en and "[binjai-2023:P25(3)]" in message.en
    assert "pending" in message.en and "[binjai-2023:P25(3)]" in message.id
    assert {r.code for r in refused.value.result.failures} == {"sekolah-kader-requirements"}


def test_balikpapan_sekolah_kader_has_no_set_requirements() -> None:
    """balikpapan-2022:P21(1) names the route; no article sets who may join it."""
    developing = record(BALIKPAPAN)
    developing.enrol(Programme.SEKOLAH_KADER, 4, BALIKPAPAN, stamp(BALIKPAPAN))
    enrolled = developing.collect_events()[-1]
    assert isinstance(enrolled, DevelopmentRecord.Enrolled)
    assert (enrolled.eligibility, enrolled.institution_test) == (None, None)


@pytest.mark.parametrize("pack", [BINJAI, BALIKPAPAN], ids=["binjai-2023:P26", "balikpapan-2022"])
def test_corporate_university_needs_its_method_and_only_it(pack: RulePack) -> None:
    developing = record(pack)
    developing.enrol(
        Programme.CORPORATE_UNIVERSITY, 7, pack, stamp(pack), method=Method.COACHING_MENTORING
    )
    developing.enrol(Programme.STUDY_ASSIGNMENT, 7, pack, stamp(pack))
    assert [(e.programme, e.method) for e in developing.enrolments] == [
        (Programme.CORPORATE_UNIVERSITY, Method.COACHING_MENTORING),
        (Programme.STUDY_ASSIGNMENT, None),
    ]
    for programme, method in (
        (Programme.CORPORATE_UNIVERSITY, None),
        (Programme.STUDY_ASSIGNMENT, Method.TRAINING),
    ):
        with pytest.raises(TalentRefusal) as refused:
            developing.enrol(programme, 7, pack, stamp(pack), method=method)
        assert refused.value.code == "method-for-corporate-university"
        assert pack.cycle is not None
        assert refused.value.citation == pack.cycle.corporate_university_citation
    assert (BINJAI.cycle and BINJAI.cycle.corporate_university_citation) == "binjai-2023:P26"


@pytest.mark.parametrize(
    ("pack", "box", "role", "code", "citation"),
    [
        pytest.param(BINJAI, 3, Role.ASSESSOR, None, None, id="binjai-2023:P27(2) box 3"),
        pytest.param(BINJAI, 6, Role.ASSESSOR, None, None, id="binjai-2023:P27(2) box 6"),
        pytest.param(
            BINJAI,
            5,
            Role.ASSESSOR,
            "counselling-box",
            "binjai-2023:P27(2)",
            id="binjai-2023:P27(2) counselling box 5 refused",
        ),
        pytest.param(
            BINJAI,
            6,
            Role.CASEWORKER,
            "counselling-by-assessor",
            "binjai-2023:P27(2)",
            id="binjai-2023:P27(2) by an assessor only",
        ),
        pytest.param(
            BALIKPAPAN,
            3,
            Role.ASSESSOR,
            None,
            None,
            id="balikpapan-2022:P15(3) Lampiran II box 3 Konseling Kinerja",
        ),
        pytest.param(
            BALIKPAPAN,
            6,
            Role.ASSESSOR,
            "counselling-box",
            "balikpapan-2022:P15(3)",
            id="balikpapan-2022:P15(3) Lampiran II box 6 has no counselling",
        ),
        pytest.param(
            BALIKPAPAN,
            2,
            Role.ASSESSOR,
            "counselling-box",
            "balikpapan-2022:P15(3)",
            id="balikpapan-2022:P15(3) Lampiran II box 2 has no counselling",
        ),
    ],
)
def test_counselling(
    pack: RulePack, box: int, role: Role, code: str | None, citation: str | None
) -> None:
    developing = record(pack)
    if code is None:
        developing.counsel(box, "rencana perbaikan kinerja", pack, stamp(pack, role))
        assert developing.counselled == [(box, ON)]
        return
    with pytest.raises(TalentRefusal) as refused:
        developing.counsel(box, "catatan", pack, stamp(pack, role))
    assert (refused.value.code, refused.value.citation) == (code, citation)


@dataclass(frozen=True)
class Row:
    nip: str
    box: int | None


def test_priority_runs_from_the_highest_box_down() -> None:
    rows = [Row("3", 7), Row("1", None), Row("2", 9), Row("4", 7), Row("5", 3)]
    assert [r.nip for r in priority(rows)] == ["2", "3", "4", "5", "1"]


def test_a_record_ranks_by_its_latest_box() -> None:
    developing = record()
    developing.enrol(Programme.STUDY_ASSIGNMENT, 7, BINJAI, stamp(BINJAI, day=date(2025, 1, 1)))
    developing.counsel(6, "catatan", BINJAI, stamp(BINJAI, Role.ASSESSOR))
    assert developing.box == 6
    assert priority([developing, Row("1", 8)])[0] == Row("1", 8)


def test_each_recommendation_becomes_a_task_closed_with_an_outcome() -> None:
    developing = record()
    ref = "assessment/3"
    recommendations = [
        Recommendation.SUITABLE_PLACEMENT,
        Recommendation.PERFORMANCE_COACHING,
        Recommendation.PERFORMANCE_COUNSELLING,
    ]

    opened = developing.open_follow_ups(ref, recommendations, stamp(BINJAI))
    assert [t.recommendation for t in opened] == recommendations
    assert developing.open_follow_ups(ref, recommendations, stamp(BINJAI)) == []
    first = task_id(development_id("kota-binjai", NIP), ref, recommendations[0])
    assert opened[0].task_id == first

    closed = developing.close_follow_up(first, "ditempatkan di Bagian Umum", BINJAI, stamp(BINJAI))
    assert (closed.outcome, closed.closed_on) == ("ditempatkan di Bagian Umum", ON)
    assert [t.recommendation for t in developing.open_tasks] == recommendations[1:]
    for task, outcome, code in (
        (first, "lagi", "follow-up-already-closed"),
        (opened[1].task_id, "", "follow-up-outcome-missing"),
        (development_id("kota-binjai", NIP), "x", "unknown-follow-up"),
    ):
        with pytest.raises(TalentRefusal) as refused:
            developing.close_follow_up(task, outcome, BINJAI, stamp(BINJAI))
        assert (refused.value.code, refused.value.citation) == (code, "binjai-2023:P27(1)")
    with pytest.raises(TalentRefusal) as refused:
        developing.close_follow_up(
            opened[1].task_id, "dibina", BINJAI, stamp(BINJAI, day=ON - timedelta(days=1))
        )
    assert (refused.value.code, refused.value.citation) == (
        "follow-up-closed-before-opened",
        "binjai-2023:P27(1)",
    )
    assert [t.recommendation for t in developing.open_tasks] == recommendations[1:]


@pytest.fixture
def app() -> Iterator[Talenta]:
    application = Talenta(StoreConfig("sqlite:///:memory:"))
    yield application
    application.close()


def mapped(app: Talenta, box_8_on: date) -> None:
    """A Binjai supervisor since 2023 placed in box 8, with an assessment centre, on the day."""
    assessor = Envelope(actor=Actor(id="a", role=Role.ASSESSOR, agency="kota-binjai"), effective=ON)
    app.save(Employee.enrol(supervisor_since(TWO_YEARS), assessor))
    profile = TalentProfile.start("kota-binjai", NIP, assessor)
    profile.assess(
        "Bappeda",
        PositionLevel.SUPERVISOR,
        "2025",
        Performance.MEETS,
        Potential.HIGH,
        {"assessment_centre": {"intellectual": 4}},
        BINJAI,
        assessor.model_copy(update={"effective": box_8_on}),
    )
    app.save(profile)


def actor(role: Role, agency: str = "kota-binjai") -> Actor:
    return Actor(id=str(role), role=role, agency=agency)


def test_the_handlers_judge_on_the_profile_and_cite_what_they_used(app: Talenta) -> None:
    mapped(app, date(2025, 2, 1))
    step = {"agency": "kota-binjai", "nip": NIP, "effective": ON}

    enrolled = services.enrol(
        app,
        services.Enrol(**step, programme=Programme.SEKOLAH_KADER, institution_test=True),
        actor(Role.CASEWORKER),
    )
    assert (enrolled.programme, enrolled.box) == (Programme.SEKOLAH_KADER, 8)
    event = list(app.repository.event_store.get(development_id("kota-binjai", NIP)))[-1]
    assert event.envelope["basis"]["citations"] == [
        "binjai-2023:P24(5)",
        "binjai-2023:P25(1)",
        "binjai-2023:P25(2)",
        "binjai-2023:P25(3)",
    ]
    assert event.envelope["basis"]["readings"] == {
        "D1": "a-and-b-or-c",
        "D7": "calendar-years",
        "C1": "grade-equivalent",
    }

    with pytest.raises(Forbidden):
        services.counsel(app, services.Counsel(**step, notes="x"), actor(Role.CASEWORKER))
    with pytest.raises(TalentRefusal) as refused:
        services.counsel(app, services.Counsel(**step, notes="x"), actor(Role.ASSESSOR))
    assert refused.value.citation == "binjai-2023:P27(2)"
    with pytest.raises(OtherAgency):
        services.open_follow_ups(
            app, services.OpenFollowUps(**step), actor(Role.TALENT_TEAM, "kota-balikpapan")
        )

    follow_ups = services.OpenFollowUps(**step)
    opened = services.open_follow_ups(app, follow_ups, actor(Role.TALENT_TEAM))
    box_8 = BINJAI.nine_box.recommendations[8]  # type: ignore[union-attr]
    assert [t.recommendation for t in opened] == list(box_8)
    assert services.open_follow_ups(app, follow_ups, actor(Role.CASEWORKER)) == []
    closed = services.close_follow_up(
        app,
        services.CloseFollowUp(**step, task_id=opened[0].task_id, outcome="tetap di jabatan"),
        actor(Role.CASEWORKER),
    )
    assert closed.closed_on == ON
    with pytest.raises(TalentRefusal) as refused:
        services.close_follow_up(
            app,
            services.CloseFollowUp(
                agency="kota-binjai",
                nip=NIP,
                effective=ON,
                task_id=uuid4(),
                outcome="x",
            ),
            actor(Role.CASEWORKER),
        )
    assert (refused.value.code, refused.value.citation) == (
        "unknown-follow-up",
        "binjai-2023:P27(1)",
    )


def test_follow_ups_need_an_assessment_by_the_day(app: Talenta) -> None:
    mapped(app, date(2025, 8, 1))
    with pytest.raises(TalentRefusal) as refused:
        services.open_follow_ups(
            app,
            services.OpenFollowUps(agency="kota-binjai", nip=NIP, effective=ON),
            actor(Role.TALENT_TEAM),
        )
    assert (refused.value.code, refused.value.citation) == ("not-assessed", "binjai-2023:P18(1)")
