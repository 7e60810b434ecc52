"""The ScoutingRound aggregate alone: the six stages of madiun-2021 P11-19 and their refusals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import reduce
from typing import Any

import pytest
from eventsourcing.domain import Aggregate

from domain.envelope import Actor, Basis, DocumentRef, Envelope, Role
from domain.rules.core import EligibilityResult, Message, PackNotInForce, RuleRefusal, requirement
from domain.rules.madiun import PACK
from domain.rules.madiun_scoring import Category
from domain.scouting.candidate import AssessmentStage, Channel, Stage
from domain.scouting.errors import ScoutingRefusal
from domain.scouting.plan import Announcement, Schedule
from domain.scouting.round import ScoutingRound, round_id

AGENCY = "kota-madiun"
SCHEDULE = Schedule(
    announcement=date(2024, 2, 1),
    registration_opens=date(2024, 2, 5),
    registration_closes=date(2024, 3, 15),
    potential_assessment=date(2024, 4, 1),
    technical_assessment=date(2024, 4, 15),
    result=date(2024, 5, 2),
)
ANNOUNCEMENT = Announcement(
    requirements="Pasal 10 dan Pasal 30 ayat (3)",
    timing_and_procedure="5 Februari - 15 Maret 2024, berkas ke Tim atau website BKPSDM",
    stages="enam tahapan Pasal 11",
    other="keputusan Tim tidak dapat diganggu gugat",
)
SECRETARIAT = Actor(id="siti.bkpsdm", role=Role.CASEWORKER, agency=AGENCY)
DOCUMENTS = (DocumentRef(name="pernyataan-integritas.pdf", sha256="b" * 64),)
OPENING, REGISTERING, CLOSING = date(2024, 2, 1), date(2024, 2, 10), date(2024, 3, 15)
ASSESSING = date(2024, 4, 1)


def nip(sequence: int) -> str:
    return f"197506012000011{sequence:03d}"


A, B, C = nip(1), nip(2), nip(3)


def envelope(on: date = REGISTERING, corrects: str = "", reason: str = "") -> Envelope:
    return Envelope(
        actor=SECRETARIAT,
        effective=on,
        reason=reason,
        basis=Basis(pack="madiun-2021", citations=("madiun-2021:P7(10)",)),
        corrects=corrects,
    )


def eligibility(eligible: bool) -> EligibilityResult:
    message = Message(id="usia", en="age")
    age = requirement(
        "age", eligible, citation="madiun-2021:P30(3)", evidence={}, met_message=message,
        unmet_message=message,
    )  # fmt: skip
    return EligibilityResult(requirements=(age,), readings_used=())


# Builders: each returns a round advanced to a stage, its events collected.


def opened() -> ScoutingRound:
    return ScoutingRound.open(
        AGENCY, "administrator", "2024-I", SCHEDULE, ANNOUNCEMENT, envelope(OPENING)
    )


def published() -> ScoutingRound:
    scouting = opened()
    scouting.publish("800/117/401.103/2024", "https://bkpsdm.madiunkota.go.id", envelope(OPENING))
    return scouting


def registered(
    *nips: str, channel: Channel = Channel.DIRECT, recommended: bool = True
) -> ScoutingRound:
    """Each registrant recommended by the head of unit (P13(2)) unless ``recommended`` is off."""
    scouting = published()
    for each in nips or (A, B, C):
        scouting.register(each, channel, DOCUMENTS, False, envelope())
        if recommended:
            scouting.recommend(each, envelope())
    return scouting


def closed(
    *nips: str, channel: Channel = Channel.DIRECT, recommended: bool = True
) -> ScoutingRound:
    scouting = registered(*nips, channel=channel, recommended=recommended)
    scouting.close_registration(CLOSING, envelope(CLOSING))
    return scouting


def selected(failing: tuple[str, ...] = (C,)) -> ScoutingRound:
    scouting = closed()
    for each in (A, B, C):
        scouting.select_administratively(each, eligibility(each not in failing), True, envelope())
    return scouting


def announced() -> ScoutingRound:
    scouting = selected()
    scouting.announce_administrative_results(envelope(CLOSING))
    return scouting


def assessed(potential: str = "80", other: str = "67.99") -> ScoutingRound:
    """A scored ``potential`` (MS by default), B KMS by default."""
    scouting = announced()
    scouting.record_potential(A, potential, envelope(ASSESSING))
    scouting.record_potential(B, other, envelope(ASSESSING))
    return scouting


def scored() -> ScoutingRound:
    scouting = assessed()
    scouting.record_technical(A, "70", envelope(ASSESSING))
    return scouting


def finalised() -> ScoutingRound:
    scouting = scored()
    scouting.finalise(envelope(SCHEDULE.result))
    return scouting


def reported() -> ScoutingRound:
    scouting = finalised()
    scouting.report_to_mayor("800/201/2024", envelope(SCHEDULE.result))
    return scouting


POOL_DECREE = ("800/55/2024", date(2024, 5, 20))


Step = Callable[[ScoutingRound], object]
REFUSALS: list[Any] = [
    pytest.param(
        opened, lambda r: r.publish("800/1", "", envelope()), "publication-incomplete",
        "P12(2)", id="madiun-2021:P12(2) publication without the website",
    ),
    pytest.param(
        published, lambda r: r.publish("800/2", "https://x", envelope()), "already-published",
        "P12(2)", id="madiun-2021:P12(2) second publication",
    ),
    pytest.param(
        opened, lambda r: r.register(A, "direct", DOCUMENTS, False, envelope()), "not-published",
        "P12(2)", id="madiun-2021:P12(2) registration before publication",
    ),
    pytest.param(
        published, lambda r: r.register(A, "direct", DOCUMENTS, False, envelope(date(2024, 2, 4))),
        "registration-not-open", "P13(1)", id="madiun-2021:P13(1) registration before it opens",
    ),
    pytest.param(
        published,
        lambda r: r.register(A, "direct", DOCUMENTS, False, envelope(date(2024, 3, 16))),
        "registration-closed", "P13(1)", id="madiun-2021:P13(1) registration after closing date",
    ),
    pytest.param(
        lambda: closed(A), lambda r: r.register(B, "web", DOCUMENTS, False, envelope(CLOSING)),
        "registration-closed", "P13(1)", id="madiun-2021:P13(1) registration after closing",
    ),
    pytest.param(
        registered, lambda r: r.register(A, "web", DOCUMENTS, False, envelope()),
        "already-registered", "P13(1)", id="madiun-2021:P13 second registration",
    ),
    pytest.param(
        published, lambda r: r.register(A, "direct", DOCUMENTS, True, envelope()),
        "already-in-pool", "P22(2)", id="madiun-2021:P22(2) registration with a valid pool entry",
    ),
    pytest.param(
        registered, lambda r: r.recommend(nip(9), envelope()), "not-registered", "P13(1)",
        id="madiun-2021:P13(1) recommending someone not registered",
    ),
    pytest.param(
        lambda: registered(recommended=False),
        lambda r: [r.recommend(A, envelope()) for _ in range(2)],
        "already-recommended", "P13(2)", id="madiun-2021:P13(2) second recommendation",
    ),
    pytest.param(
        lambda: closed(A, recommended=False),
        lambda r: r.select_administratively(A, eligibility(True), True, envelope()),
        "not-recommended", "P13(2)",
        id="madiun-2021:P13(2) M3=required selection of a direct registrant not recommended",
    ),
    pytest.param(
        lambda: registered(A, channel=Channel.WEB, recommended=False),
        lambda r: r.verify_documents(A, envelope()),
        "not-recommended", "P13(2)",
        id="madiun-2021:P13(2) M3=required web documents verified before the recommendation",
    ),
    pytest.param(
        registered, lambda r: r.verify_documents(A, envelope()), "nothing-to-verify", "P13(3)",
        id="madiun-2021:P13(3) verifying a direct registration",
    ),
    pytest.param(
        registered, lambda r: r.close_registration(date(2024, 3, 14), envelope()),
        "before-closing-date", "P13(1)", id="madiun-2021:P13(1) closing before the scheduled date",
    ),
    pytest.param(
        registered, lambda r: r.select_administratively(A, eligibility(True), True, envelope()),
        "registration-open", "P14(1)", id="madiun-2021:P14(1) selection before closing",
    ),
    pytest.param(
        lambda: closed(A, channel=Channel.WEB),
        lambda r: r.select_administratively(A, eligibility(True), True, envelope()),
        "documents-not-verified", "P13(3)", id="madiun-2021:P13(3) unverified web registration",
    ),
    pytest.param(
        selected, lambda r: r.select_administratively(A, eligibility(False), True, envelope()),
        "already-recorded", "P14(1)", id="madiun-2021:P14(1) second selection without correction",
    ),
    pytest.param(
        selected, lambda r: r.recommend(A, envelope()), "already-selected", "P14(1)",
        id="madiun-2021:P14(1) recommendation after selection",
    ),
    pytest.param(
        closed, lambda r: r.announce_administrative_results(envelope()), "selection-incomplete",
        "P14(3)", id="madiun-2021:P14(3) announcement while a candidate awaits selection",
    ),
    pytest.param(
        announced, lambda r: r.announce_administrative_results(envelope()), "already-announced",
        "P14(3)", id="madiun-2021:P14(3) second announcement",
    ),
    pytest.param(
        announced, lambda r: r.select_administratively(A, eligibility(True), True, envelope()),
        "administrative-results-announced", "P14(3)", id="madiun-2021:P14(3) selection after it",
    ),
    pytest.param(
        selected, lambda r: r.record_potential(A, "80", envelope()),
        "administrative-results-not-announced", "P14(3)",
        id="madiun-2021:P14(3) potential score before the announcement",
    ),
    pytest.param(
        announced, lambda r: r.record_potential(C, "80", envelope()),
        "not-administratively-passed", "P14(4)", id="madiun-2021:P14(4) failed selection",
    ),
    pytest.param(
        assessed, lambda r: r.record_potential(A, "81", envelope()), "already-recorded", "P15(1)",
        id="madiun-2021:P15(1) second potential score without correction",
    ),
    pytest.param(
        announced, lambda r: r.record_technical(A, "80", envelope()), "potential-not-assessed",
        "P15(3)", id="madiun-2021:P15(3) technical score before potential",
    ),
    pytest.param(
        assessed, lambda r: r.record_technical(B, "80", envelope()), "stopped-at-potential",
        "P15(4)", id="madiun-2021:P15(4) technical score after KMS",
    ),
    pytest.param(
        scored, lambda r: r.record_technical(A, "71", envelope()), "already-recorded", "P16(3)",
        id="madiun-2021:P16(3) second technical score without correction",
    ),
    pytest.param(
        selected, lambda r: r.finalise(envelope()), "administrative-results-not-announced",
        "P14(3)", id="madiun-2021:P14(3) finalising before the announcement",
    ),
    pytest.param(
        announced, lambda r: r.finalise(envelope()), "potential-scores-missing", "P15(1)",
        id="madiun-2021:P15(1) finalising while a potential score is missing",
    ),
    pytest.param(
        assessed, lambda r: r.finalise(envelope()), "technical-scores-missing", "P16(3)",
        id="madiun-2021:P16(3) finalising while a technical score is missing",
    ),
    pytest.param(
        finalised, lambda r: r.finalise(envelope()), "results-finalised", "P19(1)",
        id="madiun-2021:P19(1) finalising twice",
    ),
    pytest.param(
        finalised,
        lambda r: r.record_technical(A, "90", envelope(corrects=r.candidates[A].technical_ref)),
        "results-finalised", "P19(1)", id="madiun-2021:P19(1) correction after the results",
    ),
    pytest.param(
        scored, lambda r: r.report_to_mayor("700/1/2024", envelope()), "not-finalised", "P19(4)",
        id="madiun-2021:P19(4) report before the results",
    ),
    pytest.param(
        finalised, lambda r: r.report_to_mayor(" ", envelope()), "report-number-missing",
        "P19(4)", id="madiun-2021:P19(4) report without a number",
    ),
    pytest.param(
        finalised, lambda r: [r.report_to_mayor("700/1", envelope()) for _ in range(2)],
        "already-reported", "P19(4)", id="madiun-2021:P19(4) second report",
    ),
    pytest.param(
        finalised, lambda r: r.decree_pool(*POOL_DECREE, envelope()), "not-reported", "P19(4)",
        id="madiun-2021:P20(2) pool decree before the report to the mayor",
    ),
    pytest.param(
        reported, lambda r: r.decree_pool("800/55/2024", date(2024, 5, 1), envelope()),
        "decree-before-results", "P20(2)", id="madiun-2021:P20(2) pool decree before the results",
    ),
    pytest.param(
        reported,
        lambda r: [r.decree_pool(number, POOL_DECREE[1], envelope()) for number in ("1", "2")],
        "pool-already-decreed", "P20(2)", id="madiun-2021:P20(2) a second pool decree",
    ),
    pytest.param(
        reported,
        lambda r: [r.decree_pool("800/55/2024", day, envelope()) for day in POOL_DECREE[1:] * 2]
        + [r.decree_pool("800/55/2024", date(2024, 6, 3), envelope())],
        "pool-already-decreed", "P20(2)", id="madiun-2021:P20(2) the decree again, redated",
    ),
    pytest.param(
        registered, lambda r: r.remind("potential", [nip(9)], envelope()), "not-registered",
        "P13(1)", id="madiun-2021:P13(1) reminding someone not registered",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("build", "step", "code", "article"), REFUSALS)
def test_a_refused_step_cites_its_article_and_records_nothing(
    build: Callable[[], ScoutingRound], step: Step, code: str, article: str
) -> None:
    scouting = build()
    scouting.collect_events()
    version = scouting.version

    with pytest.raises(ScoutingRefusal) as refused:
        step(scouting)

    assert (refused.value.code, refused.value.citation) == (code, f"madiun-2021:{article}")
    assert refused.value.message.id and refused.value.message.en
    # A refusal after an accepted step (e.g. a second report) leaves only the accepted one.
    assert scouting.version - version == len(scouting.collect_events()) <= 1


OPENINGS: list[Any] = [
    pytest.param(
        {"level": "jpt-pratama"}, "level-not-in-scope", "madiun-2021:P10",
        id="madiun-2021:P10 a level scouting does not fill",
    ),
    pytest.param(
        {"schedule": SCHEDULE.model_copy(update={"registration_closes": date(2024, 2, 4)})},
        "schedule-out-of-order", "madiun-2021:P11", id="madiun-2021:P11 schedule out of order",
    ),
    pytest.param(
        {"announcement": ANNOUNCEMENT.model_copy(update={"stages": " "})},
        "announcement-incomplete", "madiun-2021:P12(3)(b)",
        id="madiun-2021:P12(3)(b) announcement without the stages",
    ),
    pytest.param(
        {"announcement": Announcement(requirements="P10")}, "announcement-incomplete",
        "madiun-2021:P12(3)", id="madiun-2021:P12(3) announcement lacking several items",
    ),
    pytest.param(
        {"agency": "kota-binjai"}, "no-scouting-in-pack", None,
        id="binjai-2023 has no scouting rounds",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("changes", "code", "citation"), OPENINGS)
def test_a_round_madiun_does_not_provide_for_is_not_opened(
    changes: dict[str, Any], code: str, citation: str | None
) -> None:
    arguments: dict[str, Any] = {
        "agency": AGENCY,
        "level": "administrator",
        "name": "2024-I",
        "schedule": SCHEDULE,
        "announcement": ANNOUNCEMENT,
        "envelope": envelope(OPENING),
        **changes,
    }
    with pytest.raises(ScoutingRefusal) as refused:
        ScoutingRound.open(**arguments)
    assert (refused.value.code, refused.value.citation) == (code, citation)


def test_a_round_dated_before_the_regulation_is_not_opened() -> None:
    with pytest.raises(PackNotInForce):
        ScoutingRound.open(
            AGENCY, "supervisor", "2021", SCHEDULE, ANNOUNCEMENT, envelope(date(2021, 11, 11))
        )


def test_the_id_derives_from_agency_level_and_name() -> None:
    assert opened().id == round_id(AGENCY, "administrator", "2024-I")
    assert round_id(AGENCY, "supervisor", "2024-I") != round_id(AGENCY, "administrator", "2024-I")


def test_the_six_stages_run_in_order_to_the_report() -> None:
    scouting = published()
    scouting.register(A, Channel.DIRECT, DOCUMENTS, False, envelope())
    scouting.register(B, Channel.WEB, DOCUMENTS, False, envelope())
    scouting.recommend(A, envelope())
    scouting.recommend(B, envelope())
    assert scouting.stage_of(B) is Stage.PENDING_VERIFICATION
    scouting.verify_documents(B, envelope())
    assert scouting.close_registration(CLOSING, envelope(CLOSING))
    scouting.select_administratively(A, eligibility(True), True, envelope(CLOSING))
    scouting.select_administratively(B, eligibility(True), True, envelope(CLOSING))
    scouting.announce_administrative_results(envelope(CLOSING))
    assert scouting.missing_scores(AssessmentStage.POTENTIAL) == (A, B)
    scouting.record_potential(A, Decimal("85.5"), envelope(ASSESSING))
    scouting.record_potential(B, "72", envelope(ASSESSING))
    assert scouting.missing_scores("potential") == ()
    assert scouting.missing_scores("technical") == (A, B)
    scouting.record_technical(A, "90", envelope(SCHEDULE.technical_assessment))
    scouting.record_technical(B, "60", envelope(SCHEDULE.technical_assessment))
    scouting.finalise(envelope(SCHEDULE.result))
    scouting.report_to_mayor("700/45/401.103/2024", envelope(SCHEDULE.result))

    assert [type(e).__name__ for e in scouting.collect_events()] == [
        "Opened", "Published", "Registered", "Registered", "Recommended", "Recommended",
        "DocumentsVerified",
        "RegistrationClosed", "AdministrativelySelected", "AdministrativelySelected",
        "AdministrativeResultsAnnounced", "PotentialAssessed", "PotentialAssessed",
        "TechnicalAssessed", "TechnicalAssessed", "ResultsFinalised", "ReportedToMayor",
    ]  # fmt: skip
    assert scouting.passed_nips == (A,)
    assert (scouting.stage_of(A), scouting.stage_of(B)) == (Stage.PASSED, Stage.FAILED)
    a = scouting.candidates[A]
    assert a.result is not None and a.result.final == Decimal("87.75")
    assert a.result.category is Category.MS and a.recommended
    b = scouting.candidates[B].result
    assert b is not None and (b.final, b.passed) == (Decimal("66"), False)
    assert scouting.missing_scores("technical") == ()
    assert scouting.report_number == "700/45/401.103/2024"


def test_events_record_the_contract_fields() -> None:
    scouting = finalised()
    events = {type(e).__name__: e for e in scouting.collect_events()}

    opened_event = events["Opened"]
    assert isinstance(opened_event, ScoutingRound.Opened)
    assert opened_event.schedule["registration_closes"] == "2024-03-15"
    assert opened_event.announcement["stages"] == "enam tahapan Pasal 11"
    registered_event = events["Registered"]
    assert isinstance(registered_event, ScoutingRound.Registered)
    assert registered_event.documents == [
        {"name": "pernyataan-integritas.pdf", "sha256": "b" * 64, "uri": ""}
    ]
    assert registered_event.registered_on == REGISTERING
    selection = events["AdministrativelySelected"]
    assert isinstance(selection, ScoutingRound.AdministrativelySelected)
    assert selection.eligibility["requirements"][0]["code"] == "age"
    announced_event = events["AdministrativeResultsAnnounced"]
    assert isinstance(announced_event, ScoutingRound.AdministrativeResultsAnnounced)
    assert announced_event.passed_nips == [A, B]
    results = events["ResultsFinalised"]
    assert isinstance(results, ScoutingRound.ResultsFinalised)
    assert results.results == {
        A: {
            "potential": "80",
            "technical": "70",
            "final": "75.0",
            "category": "masih-memenuhi-syarat",
            "passed": True,
        }
    }


def test_every_event_carries_the_envelope_and_cites_its_rule() -> None:
    scouting = finalised()
    scouting.report_to_mayor("700/45", envelope(SCHEDULE.result, reason="laporan"))
    scouting.remind("technical-2024-04-10", [A], envelope(ASSESSING))

    for recorded in scouting.collect_events():
        carried = Envelope.from_event(recorded.envelope)  # type: ignore[attr-defined]
        assert carried.actor == SECRETARIAT
        assert carried.basis.pack == "madiun-2021"
        assert carried.basis.citations[0] == "madiun-2021:P7(10)"
        if not isinstance(recorded, ScoutingRound.ReminderSent):
            assert len(carried.basis.citations) > 1, type(recorded).__name__


def test_scores_cite_the_category_article_and_reading_d3() -> None:
    scouting = announced()
    scouting.collect_events()
    scouting.record_potential(B, "67.99", envelope())

    (assessed_event,) = scouting.collect_events()
    basis = Envelope.from_event(assessed_event.envelope).basis  # type: ignore[attr-defined]
    assert "madiun-2021:P15(4)" in basis.citations
    assert basis.readings["D3"]


def test_a_kms_candidate_stops_at_the_potential_assessment() -> None:
    scouting = assessed(other="67.99")

    assert scouting.stage_of(B) is Stage.STOPPED_AT_POTENTIAL
    assert scouting.candidates[B].category is Category.KMS
    assert scouting.missing_scores("technical") == (A,)
    with pytest.raises(ScoutingRefusal) as refused:
        scouting.record_technical(B, "100", envelope())
    assert refused.value.citation == "madiun-2021:P15(4)"
    scouting.record_technical(A, "70", envelope())
    scouting.finalise(envelope())
    assert B not in scouting.passed_nips
    assert scouting.candidates[B].result is None
    assert scouting.stage_of(B) is Stage.STOPPED_AT_POTENTIAL


@pytest.mark.parametrize(
    ("potential", "category", "proceeds"),
    [
        pytest.param("67.99", Category.KMS, False, id="67.99 KMS stops, P15(4)"),
        pytest.param("68", Category.MMS, True, id="68 MMS goes on, P15(3)"),
        pytest.param("79.99", Category.MMS, True, id="79.99 MMS"),
        pytest.param("80", Category.MS, True, id="80 MS"),
    ],
)
def test_potential_boundaries(potential: str, category: Category, proceeds: bool) -> None:
    scouting = assessed(potential=potential)
    assert (scouting.candidates[A].category, scouting.candidates[A].proceeds) == (
        category,
        proceeds,
    )


@pytest.mark.parametrize(
    ("potential", "technical", "final", "category", "passed"),
    [
        pytest.param("68", "67.98", "67.99", Category.KMS, False, id="final 67.99 fails"),
        pytest.param("68", "68", "68", Category.MMS, True, id="final 68 passes, P19(3)"),
        pytest.param("80", "79.98", "79.99", Category.MMS, True, id="final 79.99 MMS"),
        pytest.param("80", "80", "80", Category.MS, True, id="final 80 MS, P18(2)"),
        pytest.param("79.99", "56", "67.995", Category.KMS, False, id="final 67.995 fails"),
    ],
)
def test_final_boundaries(
    potential: str, technical: str, final: str, category: Category, passed: bool
) -> None:
    scouting = assessed(potential=potential)
    scouting.record_technical(A, technical, envelope())
    scouting.finalise(envelope())

    result = scouting.candidates[A].result
    assert result is not None
    assert (result.final, result.category, result.passed) == (Decimal(final), category, passed)
    assert scouting.passed_nips == ((A,) if passed else ())


def test_an_invalid_score_is_refused_by_the_scoring_rules() -> None:
    scouting = announced()
    with pytest.raises(RuleRefusal, match="at most 2 decimals"):
        scouting.record_potential(A, "80.001", envelope())
    with pytest.raises(RuleRefusal, match="not a float"):
        scouting.record_potential(A, 80.0, envelope())  # type: ignore[arg-type]


def test_a_correction_names_the_event_it_corrects() -> None:
    scouting = assessed(potential="80", other="67.99")
    wrong = scouting.candidates[B].potential_ref
    assert wrong == f"{scouting.id}/{scouting.version}"

    with pytest.raises(ScoutingRefusal, match=wrong):
        scouting.record_potential(B, "70", envelope(corrects="something-else"))
    scouting.record_potential(B, "70", envelope(corrects=wrong))

    assert scouting.stage_of(B) is Stage.POTENTIAL_ASSESSED
    assert scouting.candidates[B].potential == Decimal("70")
    assert scouting.candidates[B].potential_ref != wrong
    assert scouting.collect_events()[-1].envelope["corrects"] == wrong  # type: ignore[attr-defined]


def test_a_selection_is_corrected_before_the_announcement_only() -> None:
    scouting = selected(failing=(C,))
    ref = scouting.candidates[C].selection_ref
    scouting.select_administratively(C, eligibility(True), True, envelope(corrects=ref))
    assert scouting.stage_of(C) is Stage.ADMINISTRATIVE_PASSED


def test_selection_fails_on_eligibility_or_incomplete_documents() -> None:
    scouting = closed()
    scouting.select_administratively(A, eligibility(True), True, envelope())
    scouting.select_administratively(B, eligibility(True), False, envelope())
    scouting.select_administratively(C, eligibility(False), True, envelope())

    stages = {each: scouting.stage_of(each) for each in (A, B, C)}
    assert stages == {
        A: Stage.ADMINISTRATIVE_PASSED,
        B: Stage.ADMINISTRATIVE_FAILED,
        C: Stage.ADMINISTRATIVE_FAILED,
    }
    assert scouting.candidates[B].administrative_failures == ("documents-incomplete",)
    assert scouting.candidates[C].administrative_failures == ("age",)


def test_closing_twice_records_nothing() -> None:
    scouting = closed()
    scouting.collect_events()

    assert scouting.close_registration(date(2024, 3, 16), envelope()) is False
    assert scouting.collect_events() == []
    assert scouting.closed_on == CLOSING


def test_a_reminder_is_recorded_once_per_key() -> None:
    scouting = announced()
    scouting.collect_events()

    assert scouting.remind("potential/2024-03-25", scouting.missing_scores("potential"), envelope())
    assert not scouting.remind("potential/2024-03-25", [A], envelope())
    (sent,) = scouting.collect_events()
    assert isinstance(sent, ScoutingRound.ReminderSent)
    assert sent.nips == [A, B]


def test_nips_are_accepted_however_they_are_spaced() -> None:
    scouting = registered(A, recommended=False)
    scouting.recommend("19750601 200001 1 001", envelope())
    assert scouting.candidates[A].recommended


def test_replaying_the_events_rebuilds_the_round() -> None:
    scouting = finalised()
    events = scouting.collect_events()

    def apply(state: Aggregate | None, recorded: Any) -> Aggregate | None:
        mutated: Aggregate | None = recorded.mutate(state)
        return mutated

    rebuilt = reduce(apply, events, None)

    assert isinstance(rebuilt, ScoutingRound)
    assert rebuilt.candidates == scouting.candidates
    assert rebuilt.schedule == SCHEDULE
    assert (rebuilt.version, rebuilt.finalised) == (scouting.version, True)


def test_the_pool_decree_is_recorded_on_the_round_once() -> None:
    scouting = reported()
    scouting.collect_events()

    assert scouting.decree_pool(*POOL_DECREE, envelope(POOL_DECREE[1]))
    assert not scouting.decree_pool(*POOL_DECREE, envelope(POOL_DECREE[1]))  # a retry

    (decreed,) = scouting.collect_events()
    assert isinstance(decreed, ScoutingRound.PoolDecreed)
    assert (decreed.decree_number, decreed.decree_date) == POOL_DECREE
    assert "madiun-2021:P20(2)" in decreed.envelope["basis"]["citations"]
    assert scouting.pool_decree is not None
    assert scouting.pool_decree.decree_number == "800/55/2024"


def test_reading_m3_recorded_selects_a_registrant_without_recommendation() -> None:
    relaxed = PACK.with_readings(M3="recorded")
    scouting = registered(A, channel=Channel.WEB, recommended=False)
    scouting.verify_documents(A, envelope(), relaxed)
    scouting.close_registration(CLOSING, envelope(CLOSING))
    scouting.select_administratively(A, eligibility(True), True, envelope(CLOSING), relaxed)

    selection = scouting.collect_events()[-1]
    assert isinstance(selection, ScoutingRound.AdministrativelySelected)
    assert selection.passed and not scouting.candidates[A].recommended
    assert selection.envelope["basis"]["readings"]["M3"] == "recorded"
    assert "madiun-2021:P13(2)" in selection.envelope["basis"]["citations"]


def test_a_registration_names_reading_m6_and_a_valid_entry_bars_it() -> None:
    scouting = published()
    scouting.collect_events()
    scouting.register(A, Channel.DIRECT, DOCUMENTS, False, envelope())
    (registration,) = scouting.collect_events()
    assert registration.envelope["basis"]["readings"]["M6"] == "refused"
    assert "madiun-2021:P22(2)" in registration.envelope["basis"]["citations"]
    with pytest.raises(ScoutingRefusal) as refused:
        scouting.register(B, Channel.DIRECT, DOCUMENTS, True, envelope())
    assert (refused.value.code, refused.value.citation) == ("already-in-pool", "madiun-2021:P22(2)")
