"""Vacancy: proposals from the pool, the board's shortlist of 3, the mayor's pick, inauguration;
and the mutation and tenure review beside it."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

import pytest

from domain.envelope import Actor, DocumentRef, Envelope, Role
from domain.personnel.facts import EducationEntry
from domain.rules.madiun import PACK as MADIUN
from domain.rules.madiun_promotion import (
    CamatBasis,
    CamatQualification,
    check_camat_qualification,
    check_promotion_consideration,
)
from domain.scouting.errors import ScoutingRefusal
from domain.scouting.mutation import Mutation, MutationGrounds, TenureReview, tenure_review_due
from domain.scouting.pool import PoolEntry, PoolMembership
from domain.scouting.tpk import TpkMember, TpkOffice, TpkSession
from domain.scouting.vacancy import Vacancy, vacancy_id
from domain.scouting.vacancy_state import Standing, VacancyState
from domain.values import (
    Appraisal,
    AppraisalRating,
    EducationLevel,
    Penalty,
    PenaltyLevel,
    PositionLevel,
)
from tests.unit.rules_builders import facts, nip_for

ADMIN = PositionLevel.ADMINISTRATOR
ON = date(2025, 3, 10)
PICKED_ON = date(2025, 4, 10)
NIPS = [nip_for(date(1975 + i, 6, 1)) for i in range(5)]


def stamp(role: Role, day: date = ON, unit: str = "Sekretariat Daerah") -> Envelope:
    """A head of unit heads ``unit``, the vacancy's by default."""
    head = unit if role is Role.HEAD_OF_UNIT else ""
    actor = Actor(id=f"{role}-1", role=role, agency="kota-madiun", unit=head)
    return Envelope(actor=actor, effective=day)


def entry(
    nip: str,
    level: PositionLevel = ADMIN,
    decreed: date = date(2024, 2, 29),
    agency: str = "kota-madiun",
) -> PoolEntry:
    membership = PoolMembership.start(nip, level, stamp(Role.PPK, decreed))
    return membership.decree_entry(
        nip, level, agency, UUID(int=1), f"800/{nip[-4:]}", decreed, stamp(Role.PPK, decreed)
    )


def vacancy(camat: bool = False) -> Vacancy:
    return Vacancy.open(
        "kota-madiun",
        "Camat Taman" if camat else "Kepala Bagian Umum",
        "Kecamatan Taman" if camat else "Sekretariat Daerah",
        ADMIN,
        camat,
        date(2025, 3, 1),
        stamp(Role.CASEWORKER, date(2025, 3, 1)),
    )


def propose(target: Vacancy, nip: str, on: date = ON, **changes: Any) -> None:
    candidate = facts(nip=nip, **changes)
    target.propose(
        nip,
        entry(nip),
        check_promotion_consideration(candidate, on),
        check_camat_qualification(None, on),
        stamp(Role.HEAD_OF_UNIT, on),
    )


def board(*offices: TpkOffice) -> TpkSession:
    """The board with each of ``offices`` (default: the five of P8(2)) sat by its holder."""
    members = tuple(
        TpkMember(name=f"Pejabat {office.value}", office=office) for office in offices or TpkOffice
    )
    return TpkSession(
        minutes_number="BA/7/2025",
        minutes_date=date(2025, 4, 2),
        decree_number="188.45/20/401.012/2025",
        members=members,
    )


RELAXED = MADIUN.with_readings(M2="relaxed")


def standing(nips: list[str], on: date = ON, **changes: Any) -> dict[str, Standing]:
    """Each NIP's proposed entry and P30(5) on ``on``, as the handlers give them."""
    return {
        nip: Standing(
            entry=entry(nip),
            consideration=check_promotion_consideration(facts(nip=nip, **changes), on),
        )
        for nip in nips
    }


def with_proposals(count: int = 3) -> Vacancy:
    target = vacancy()
    for nip in NIPS[:count]:
        propose(target, nip)
    return target


def test_the_id_derives_from_agency_position_and_opening_date() -> None:
    target = vacancy()
    (opened,) = target.collect_events()

    assert target.id == vacancy_id("kota-madiun", "Kepala Bagian Umum", date(2025, 3, 1))
    assert isinstance(opened, Vacancy.VacancyOpened)
    assert (opened.level, opened.camat, opened.opened_on) == (
        "administrator",
        False,
        ON.replace(day=1),
    )
    assert target.state is VacancyState.OPEN


@pytest.mark.parametrize(
    ("pool_entry", "on", "changes", "code", "citation"),
    [
        pytest.param(
            None, ON, {}, "not-pool-member", "P23(2)", id="madiun-2021:P23(2) not a pool member"
        ),
        pytest.param(
            entry(NIPS[0], decreed=date(2022, 3, 9)),
            ON,
            {},
            "entry-expired",
            "P22(1)",
            id="madiun-2021:P22(1) entry expired the day before",
        ),
        pytest.param(
            entry(NIPS[0], PositionLevel.SUPERVISOR),
            ON,
            {},
            "level-mismatch",
            "P23(2)",
            id="madiun-2021:P23(2) supervisor pool for an administrator post",
        ),
        pytest.param(
            entry(NIPS[1]),
            ON,
            {},
            "not-pool-member",
            "P23(2)",
            id="madiun-2021:P23(2) another employee's entry",
        ),
        pytest.param(
            entry(NIPS[0]),
            ON,
            {
                "penalties": (
                    Penalty(
                        level=PenaltyLevel.parse("sedang"),
                        start=date(2025, 1, 1),
                        end=date(2025, 12, 31),
                    ),
                )
            },
            "serving-penalty",
            "P30(5)(a)",
            id="madiun-2021:P30(5)(a) serving a moderate penalty",
        ),
        pytest.param(
            entry(NIPS[0]),
            ON,
            {"appraisals": (Appraisal(year=2024, rating=AppraisalRating.KURANG),)},
            "poor-performance",
            "P30(5)(b)",
            id="madiun-2021:P30(5)(b) poor performance",
        ),
        pytest.param(
            entry(NIPS[0], agency="kota-binjai"),
            ON,
            {},
            "other-agency-entry",
            "P23(2)",
            id="madiun-2021:P23(2) an entry in another agency's pool",
        ),
    ],
)
def test_proposals_are_refused(
    pool_entry: PoolEntry | None, on: date, changes: dict[str, Any], code: str, citation: str
) -> None:
    target = vacancy()
    candidate = facts(nip=NIPS[0], **changes)

    with pytest.raises(ScoutingRefusal) as refused:
        target.propose(
            NIPS[0],
            pool_entry,
            check_promotion_consideration(candidate, on),
            None,
            stamp(Role.HEAD_OF_UNIT, on),
        )

    assert refused.value.code == code
    assert str(refused.value.citation) == f"madiun-2021:{citation}"
    assert target.proposals == {}


def test_a_proposal_on_the_last_valid_day_records_the_checks() -> None:
    target = vacancy()
    target.collect_events()

    propose(target, NIPS[0], on=date(2027, 2, 27))

    (proposed,) = target.collect_events()
    assert isinstance(proposed, Vacancy.CandidateProposed)
    assert proposed.nip == NIPS[0] and proposed.by == "head-of-unit-1"
    assert [c["code"] for c in proposed.checks] == ["not-serving-penalty", "performance-not-poor"]


def test_a_duplicate_proposal_is_refused() -> None:
    target = with_proposals(1)

    with pytest.raises(ScoutingRefusal) as refused:
        propose(target, NIPS[0])

    assert refused.value.code == "already-proposed"


GOVERNANCE = CamatQualification(
    basis=CamatBasis.KEPAMONGPRAJAAN_CERTIFICATE,
    number="SERT/77/2019",
    issued=date(2019, 5, 2),
    institution="Kementerian Dalam Negeri",
    document=DocumentRef(name="sertifikat.pdf", sha256="e" * 64),
)


@pytest.mark.parametrize(
    ("qualification", "code"),
    [
        pytest.param(
            None, "camat-not-qualified", id="madiun-2021:P30(2) Camat without qualification"
        ),
        pytest.param(
            GOVERNANCE.model_copy(update={"issued": date(2025, 3, 11)}),
            "camat-not-qualified",
            id="madiun-2021:P30(2) Camat with a certificate dated after the proposal",
        ),
        pytest.param(GOVERNANCE, None, id="madiun-2021:P30(2) Camat with the certificate"),
    ],
)
def test_a_camat_needs_government_knowledge(
    qualification: CamatQualification | None, code: str | None
) -> None:
    target = vacancy(camat=True)
    candidate = facts(
        nip=NIPS[0],
        education=(EducationEntry(level=EducationLevel.S1, programme="Hukum Tata Pemerintahan"),),
    )
    check = check_camat_qualification(qualification, ON)

    def run() -> None:
        target.propose(
            NIPS[0],
            entry(NIPS[0]),
            check_promotion_consideration(candidate, ON),
            check,
            stamp(Role.HEAD_OF_UNIT, unit="Kecamatan Taman"),
        )

    if code is None:
        run()
        assert list(target.proposals) == [NIPS[0]]
    else:
        with pytest.raises(ScoutingRefusal) as refused:
            run()
        assert (refused.value.code, refused.value.citation) == (code, "madiun-2021:P30(2)")


@pytest.mark.parametrize(
    ("unit", "code"),
    [
        pytest.param("Sekretariat Daerah", None, id="madiun-2021:P24 angka 1 the vacancy's unit"),
        pytest.param(
            " sekretariat  DAERAH ", None, id="madiun-2021:P24 angka 1 spacing and case aside"
        ),
        pytest.param(
            "Dinas Pendidikan",
            "not-head-of-vacancy-unit",
            id="madiun-2021:P24 angka 1 the head of another unit",
        ),
        pytest.param(
            "", "not-head-of-vacancy-unit", id="madiun-2021:P24 angka 1 a head without a unit"
        ),
    ],
)
def test_only_the_head_of_the_vacancys_unit_proposes(unit: str, code: str | None) -> None:
    target = vacancy()
    candidate = facts(nip=NIPS[0])

    def run() -> None:
        target.propose(
            NIPS[0],
            entry(NIPS[0]),
            check_promotion_consideration(candidate, ON),
            None,
            stamp(Role.HEAD_OF_UNIT, unit=unit),
        )

    if code is None:
        run()
        assert list(target.proposals) == [NIPS[0]]
    else:
        with pytest.raises(ScoutingRefusal) as refused:
            run()
        assert (refused.value.code, refused.value.citation) == (code, "madiun-2021:P24 angka 1")
        assert not target.proposals


def test_a_camat_post_is_an_administrator_post() -> None:
    with pytest.raises(ScoutingRefusal) as refused:
        Vacancy.open(
            "kota-madiun",
            "Camat",
            "Kecamatan",
            PositionLevel.SUPERVISOR,
            True,
            ON,
            stamp(Role.CASEWORKER),
        )

    assert refused.value.code == "camat-is-administrator"


@pytest.mark.parametrize(
    ("proposed", "listed", "justification", "relaxed", "code"),
    [
        pytest.param(
            3,
            NIPS[:2],
            "only two fit",
            False,
            "shortlist-short",
            id="madiun-2021:P24 angka 4 M2=strict two refused even with justification",
        ),
        pytest.param(
            1,
            NIPS[:1],
            "",
            False,
            "shortlist-short",
            id="madiun-2021:P24 angka 4 M2=strict one refused",
        ),
        pytest.param(
            3,
            NIPS[:2],
            "",
            True,
            "shortlist-short",
            id="madiun-2021:P24 angka 4 M2=relaxed two without justification",
        ),
        pytest.param(
            4,
            NIPS[:4],
            "",
            False,
            "shortlist-size",
            id="madiun-2021:P24 angka 4 shortlist of 4",
        ),
        pytest.param(
            4,
            NIPS[:4],
            "many",
            True,
            "shortlist-size",
            id="madiun-2021:P24 angka 4 M2=relaxed shortlist of 4",
        ),
        pytest.param(
            3, [], "none fit", True, "shortlist-size", id="madiun-2021:P24 angka 4 empty shortlist"
        ),
        pytest.param(
            3,
            [NIPS[0], NIPS[0], NIPS[1]],
            "",
            False,
            "shortlist-size",
            id="madiun-2021:P24 angka 4 a candidate twice",
        ),
        pytest.param(
            3,
            [NIPS[0], NIPS[1], NIPS[4]],
            "",
            False,
            "not-proposed",
            id="madiun-2021:P24 angka 3 a candidate nobody proposed",
        ),
    ],
)
def test_shortlists_are_refused(
    proposed: int, listed: list[str], justification: str, relaxed: bool, code: str
) -> None:
    target = with_proposals(proposed)

    with pytest.raises(ScoutingRefusal) as refused:
        target.shortlist(
            board(),
            listed,
            justification,
            standing(listed),
            stamp(Role.TPK_MEMBER),
            RELAXED if relaxed else MADIUN,
        )

    assert refused.value.code == code
    assert refused.value.citation is not None
    assert refused.value.citation.startswith("madiun-2021:P24 angka")
    assert target.shortlisted is None


@pytest.mark.parametrize(
    ("listed", "justification", "relaxed", "short"),
    [
        pytest.param(NIPS[:3], "", False, False, id="madiun-2021:P24 angka 4 M2=strict three"),
        pytest.param(NIPS[:3], "", True, False, id="madiun-2021:P24 angka 4 M2=relaxed three"),
        pytest.param(
            NIPS[:2],
            "only two pool members in the unit's field",
            True,
            True,
            id="madiun-2021:P24 angka 4 M2=relaxed two with justification flagged short",
        ),
        pytest.param(
            NIPS[:1],
            "the only pool member of the field",
            True,
            True,
            id="madiun-2021:P24 angka 4 M2=relaxed one with justification flagged short",
        ),
    ],
)
def test_a_shortlist_is_recorded_with_its_session_and_readings(
    listed: list[str], justification: str, relaxed: bool, short: bool
) -> None:
    target = with_proposals(3)
    target.collect_events()
    pack = RELAXED if relaxed else MADIUN

    target.shortlist(board(), listed, justification, standing(listed), stamp(Role.TPK_MEMBER), pack)

    (recorded,) = target.collect_events()
    assert isinstance(recorded, Vacancy.Shortlisted)
    assert (recorded.nips, recorded.short) == (listed, short)
    assert recorded.session["minutes_number"] == "BA/7/2025"
    assert recorded.session["decree_number"] == "188.45/20/401.012/2025"
    assert [m["office"] for m in recorded.session["members"]] == [o.value for o in TpkOffice]
    assert recorded.envelope["basis"]["readings"] == {
        "M1": "all-offices",
        "M2": "relaxed" if relaxed else "strict",
    }
    assert target.state is VacancyState.SHORTLISTED


def test_the_pick_must_be_on_the_shortlist_and_inauguration_follows_the_pick() -> None:
    target = with_proposals(4)
    target.shortlist(board(), NIPS[:3], "", standing(NIPS[:3]), stamp(Role.TPK_MEMBER))

    with pytest.raises(ScoutingRefusal) as outside:
        target.pick(
            NIPS[3], "821/5/2025", PICKED_ON, standing([NIPS[3]], PICKED_ON), stamp(Role.PPK)
        )
    assert outside.value.code == "not-shortlisted"
    assert str(outside.value.citation) == "madiun-2021:P24 angka 5"

    with pytest.raises(ScoutingRefusal) as early:
        target.inaugurate(date(2025, 4, 12), stamp(Role.CASEWORKER))
    assert early.value.code == "wrong-stage"

    target.pick(NIPS[1], "821/5/2025", PICKED_ON, standing([NIPS[1]], PICKED_ON), stamp(Role.PPK))
    with pytest.raises(ScoutingRefusal) as before:
        target.inaugurate(date(2025, 4, 9), stamp(Role.CASEWORKER))
    assert before.value.code == "inaugurated-before-decree"

    target.inaugurate(date(2025, 4, 14), stamp(Role.CASEWORKER))
    assert target.state is VacancyState.FILLED
    assert target.picked is not None and target.picked.nip == NIPS[1]
    with pytest.raises(ScoutingRefusal):
        propose(target, NIPS[4])


def test_replay_rebuilds_the_vacancy() -> None:
    target = with_proposals(3)
    target.shortlist(board(), NIPS[:3], "", standing(NIPS[:3]), stamp(Role.TPK_MEMBER))
    target.pick(NIPS[2], "821/5/2025", PICKED_ON, standing([NIPS[2]], PICKED_ON), stamp(Role.PPK))

    copy: Vacancy | None = None
    for domain_event in target.collect_events():
        copy = domain_event.mutate(copy)

    assert copy is not None
    assert (copy.proposals, copy.shortlisted, copy.picked) == (
        target.proposals,
        target.shortlisted,
        target.picked,
    )


def grounds() -> MutationGrounds:
    return MutationGrounds(
        qualification="S2 Administrasi Publik",
        competence="memenuhi standar",
        performance="Sangat Baik 2023-2024",
        years_in_position=5,
    )


def test_a_mutation_goes_from_the_head_of_unit_through_the_board_to_the_mayor() -> None:
    mutation = Mutation.propose(
        "kota-madiun",
        NIPS[0],
        ADMIN,
        "Kabag Umum",
        "Kabag Hukum",
        "Sekretariat Daerah",
        grounds(),
        stamp(Role.HEAD_OF_UNIT),
    )

    with pytest.raises(ScoutingRefusal) as early:
        mutation.decide(True, "821/9/2025", date(2025, 5, 2), stamp(Role.PPK))
    assert early.value.code == "wrong-stage"
    with pytest.raises(ScoutingRefusal) as incomplete:
        mutation.recommend(
            board(TpkOffice.SEKDA, TpkOffice.INSPEKTUR), True, "", stamp(Role.TPK_MEMBER)
        )
    assert incomplete.value.code == "tpk-quorum"

    mutation.recommend(board(), True, "", stamp(Role.TPK_MEMBER))
    mutation.decide(True, "821/9/2025", date(2025, 5, 2), stamp(Role.PPK))

    assert [type(e).__name__ for e in mutation.collect_events()] == [
        "MutationProposed",
        "MutationRecommended",
        "MutationDecided",
    ]
    assert mutation.approved is True


def test_tenure_is_reviewed_after_five_calendar_years() -> None:
    due = tenure_review_due(NIPS[0], "Kabag Umum", date(2020, 2, 29))
    review = TenureReview.start(
        NIPS[0], "kota-madiun", "Kabag Umum", date(2020, 2, 29), stamp(Role.CASEWORKER)
    )

    assert due.due_on == review.due_on == date(2025, 2, 28)
    assert review.id == due.review_id
    assert review.remind(60, stamp(Role.SYSTEM))
    assert not review.remind(60, stamp(Role.SYSTEM))
    with pytest.raises(ScoutingRefusal) as early:
        review.decide(True, "821/1/2025", date(2025, 2, 27), stamp(Role.PPK))
    assert early.value.code == "tenure-not-due"
    review.decide(False, "821/1/2025", date(2025, 2, 28), stamp(Role.PPK))
    with pytest.raises(ScoutingRefusal) as twice:
        review.decide(True, "821/2/2025", date(2025, 3, 3), stamp(Role.PPK))
    assert twice.value.code == "tenure-decided"
    assert review.extend is False


# An entry decreed 2022-04-15 expires on 2025-04-15: valid at the proposal (2025-03-10), the
# board (2025-04-02) and the pick (2025-04-10), expired before an inauguration from 2025-04-15.
EXPIRING = date(2022, 4, 15)
LAPSED_ON = date(2025, 4, 15)
PENALTY = {
    "penalties": (
        Penalty(level=PenaltyLevel.parse("sedang"), start=date(2025, 4, 1), end=date(2025, 12, 31)),
    )
}
POOR = {"appraisals": (Appraisal(year=2024, rating=AppraisalRating.KURANG),)}


def expiring_standing(nips: list[str], on: date, **changes: Any) -> dict[str, Standing]:
    """As ``standing``, NIPS[0] holding the entry decreed on EXPIRING."""
    found = standing(nips, on, **changes)
    if NIPS[0] in found:
        found[NIPS[0]] = found[NIPS[0]].model_copy(
            update={"entry": entry(NIPS[0], decreed=EXPIRING)}
        )
    return found


def proposed_with_expiring_entry() -> Vacancy:
    """NIPS[0] proposed with the entry decreed on EXPIRING, NIPS[1] and NIPS[2] as usual."""
    target = vacancy()
    candidate = facts(nip=NIPS[0])
    target.propose(
        NIPS[0],
        entry(NIPS[0], decreed=EXPIRING),
        check_promotion_consideration(candidate, ON),
        None,
        stamp(Role.HEAD_OF_UNIT),
    )
    for nip in NIPS[1:3]:
        propose(target, nip)
    return target


def shortlisted_with_expiring_entry() -> Vacancy:
    target = proposed_with_expiring_entry()
    listed = NIPS[:3]
    on = date(2025, 4, 2)
    target.shortlist(board(), listed, "", expiring_standing(listed, on), stamp(Role.TPK_MEMBER, on))
    return target


@pytest.mark.parametrize(
    ("on", "changes", "code", "citation"),
    [
        pytest.param(
            LAPSED_ON, {}, "entry-expired", "P22(1)", id="madiun-2021:P22(1) expired by the board"
        ),
        pytest.param(
            date(2025, 4, 2),
            PENALTY,
            "serving-penalty",
            "P30(5)(a)",
            id="madiun-2021:P30(5)(a) penalised since the proposal",
        ),
        pytest.param(
            date(2025, 4, 2),
            POOR,
            "poor-performance",
            "P30(5)(b)",
            id="madiun-2021:P30(5)(b) poor performance since the proposal",
        ),
    ],
)
def test_the_board_rechecks_the_entry_and_p30_5_on_its_date(
    on: date, changes: dict[str, Any], code: str, citation: str
) -> None:
    target = proposed_with_expiring_entry()
    listed = NIPS[:3]

    with pytest.raises(ScoutingRefusal) as refused:
        target.shortlist(
            board(),
            listed,
            "",
            expiring_standing(listed, on, **changes),
            stamp(Role.TPK_MEMBER, on),
        )

    assert (refused.value.code, str(refused.value.citation)) == (code, f"madiun-2021:{citation}")
    assert refused.value.message.en.startswith(f"NIP {NIPS[0]}: ")
    assert target.shortlisted is None


@pytest.mark.parametrize(
    ("on", "changes", "code", "citation"),
    [
        pytest.param(
            LAPSED_ON, {}, "entry-expired", "P22(1)", id="madiun-2021:P22(1) expired by the pick"
        ),
        pytest.param(
            date(2025, 4, 10),
            PENALTY,
            "serving-penalty",
            "P30(5)(a)",
            id="madiun-2021:P30(5)(a) penalised by the pick",
        ),
        pytest.param(
            date(2025, 4, 10),
            POOR,
            "poor-performance",
            "P30(5)(b)",
            id="madiun-2021:P30(5)(b) poor performance by the pick",
        ),
    ],
)
def test_the_pick_rechecks_the_entry_and_p30_5_on_the_decree_date(
    on: date, changes: dict[str, Any], code: str, citation: str
) -> None:
    target = shortlisted_with_expiring_entry()

    with pytest.raises(ScoutingRefusal) as refused:
        target.pick(
            NIPS[0], "821/5/2025", on, expiring_standing([NIPS[0]], on, **changes), stamp(Role.PPK)
        )

    assert (refused.value.code, str(refused.value.citation)) == (code, f"madiun-2021:{citation}")
    assert target.state is VacancyState.SHORTLISTED and target.picked is None


def test_a_pick_whose_entry_expired_before_the_inauguration_lapses() -> None:
    target = shortlisted_with_expiring_entry()
    picked_on = date(2025, 4, 10)
    target.pick(
        NIPS[0], "821/5/2025", picked_on, expiring_standing([NIPS[0]], picked_on), stamp(Role.PPK)
    )
    expiring = entry(NIPS[0], decreed=EXPIRING)
    with pytest.raises(ScoutingRefusal) as early:
        target.lapse_pick(expiring, stamp(Role.PPK, date(2025, 4, 14)))
    assert (early.value.code, str(early.value.citation)) == (
        "pick-not-lapsed",
        "madiun-2021:P22(1)",
    )
    history = target.collect_events()

    target.lapse_pick(expiring, stamp(Role.PPK, LAPSED_ON))

    (lapsed,) = recorded = target.collect_events()
    assert isinstance(lapsed, Vacancy.PickLapsed)
    assert (lapsed.nip, lapsed.reason, lapsed.expired_on) == (NIPS[0], "entry-expired", LAPSED_ON)
    assert target.state is VacancyState.SHORTLISTED and target.picked is None
    with pytest.raises(ScoutingRefusal) as again:
        target.pick(NIPS[0], "821/6/2025", LAPSED_ON, {}, stamp(Role.PPK, LAPSED_ON))
    assert (again.value.code, str(again.value.citation)) == ("pick-lapsed", "madiun-2021:P22(1)")
    earlier = date(2025, 4, 11)
    with pytest.raises(ScoutingRefusal) as backdated:
        target.pick(NIPS[1], "821/6/2025", earlier, standing([NIPS[1]], earlier), stamp(Role.PPK))
    assert backdated.value.code == "pick-before-lapse"

    target.pick(
        NIPS[1], "821/6/2025", LAPSED_ON, standing([NIPS[1]], LAPSED_ON), stamp(Role.PPK, LAPSED_ON)
    )
    target.inaugurate(date(2025, 4, 21), stamp(Role.CASEWORKER))
    assert target.state is VacancyState.FILLED
    assert target.picked is not None and target.picked.nip == NIPS[1]

    copy: Vacancy | None = None
    for domain_event in (*history, *recorded, *target.collect_events()):
        copy = domain_event.mutate(copy)
    assert copy is not None and (copy.lapses, copy.picked) == (target.lapses, target.picked)


def test_only_a_pick_lapses() -> None:
    target = shortlisted_with_expiring_entry()

    with pytest.raises(ScoutingRefusal) as refused:
        target.lapse_pick(None, stamp(Role.PPK, LAPSED_ON))

    assert refused.value.code == "wrong-stage"
