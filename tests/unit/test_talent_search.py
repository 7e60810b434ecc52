"""The talent search under both packs (binjai-2023 P23, balikpapan-2022 P19): opened for talent
needed fast and/or with a specific expertise, concluded with the talents found and the one chosen,
followed by a decree of mutation/rotation or (special) assignment of the chosen talent only, a PNS
in Binjai (P1(12))."""

from __future__ import annotations

from datetime import date

import pytest

from domain.envelope import Actor, Envelope, Role
from domain.personnel.facts import EmploymentStatus
from domain.rules import balikpapan, binjai
from domain.rules.core import PackNotInForce
from domain.rules.pack import RulePack
from domain.talent.errors import TalentRefusal
from domain.talent.search import SearchFollowUp, SearchGround, TalentSearch
from domain.talent.succession_values import TalentFacts
from domain.values import PositionLevel

A, B = "198001012005011001", "198502022010012002"
PACKS = {"binjai": binjai.PACK, "balikpapan": balikpapan.PACK}
CITED = {"binjai": "binjai-2023:P23", "balikpapan": "balikpapan-2022:P19"}
OPENED, CONCLUDED, DECREED = date(2025, 3, 3), date(2025, 3, 20), date(2025, 4, 1)
PNS = TalentFacts(status=EmploymentStatus.PNS, level=PositionLevel.ADMINISTRATOR)
URGENT, EXPERTISE = SearchGround.URGENT, SearchGround.SPECIFIC_EXPERTISE


def stamp(day: date, role: Role = Role.TALENT_TEAM) -> Envelope:
    return Envelope(actor=Actor(id=f"{role}-1", role=role, agency="kota-x"), effective=day)


def opened(
    pack: RulePack,
    grounds: tuple[SearchGround, ...] = (URGENT,),
    expertise: str = "",
    justification: str = "Kepala Dinas pensiun mendadak",
    day: date = OPENED,
) -> TalentSearch:
    return TalentSearch.open(
        "kota-x",
        "Kepala Bidang Tata Ruang",
        "Dinas PUPR",
        PositionLevel.ADMINISTRATOR,
        grounds,
        expertise,
        justification,
        pack,
        stamp(day),
    )


def concluded(pack: RulePack, chosen: str | None = A) -> TalentSearch:
    search = opened(pack)
    search.conclude((A, B), chosen, "dua kandidat, A paling sesuai", pack, stamp(CONCLUDED))
    return search


@pytest.mark.parametrize("city", ["binjai", "balikpapan"])
def test_a_search_from_the_need_to_the_decree(city: str) -> None:
    pack = PACKS[city]
    search = concluded(pack)
    search.decide(
        A,
        SearchFollowUp.MUTATION_ROTATION,
        PNS,
        "Bappeda",
        "821/7/2025",
        DECREED,
        pack,
        stamp(DECREED, Role.PPK),
    )
    opened_event, concluded_event, decided = search.collect_events()
    assert isinstance(opened_event, TalentSearch.SearchOpened)
    assert opened_event.grounds == ["urgent"]
    assert isinstance(concluded_event, TalentSearch.SearchConcluded)
    assert (concluded_event.nips, concluded_event.nip) == ([A, B], A)
    assert isinstance(decided, TalentSearch.SearchDecided)
    assert (decided.follow_up, decided.from_unit, decided.decree_number) == (
        "mutation-rotation",
        "Bappeda",
        "821/7/2025",
    )
    assert (search.decided, search.chosen) == (SearchFollowUp.MUTATION_ROTATION, A)


@pytest.mark.parametrize(
    ("city", "grounds", "expertise", "justification", "code"),
    [
        pytest.param("binjai", (EXPERTISE,), "perencanaan tata ruang", "x", None,
                     id="binjai-2023:P23 keahlian/kompetensi tertentu"),
        pytest.param("balikpapan", (URGENT, EXPERTISE), "hidrologi", "x", None,
                     id="balikpapan-2022:P19 dalam waktu cepat dan keahlian tertentu"),
        pytest.param("binjai", (), "", "x", "search-grounds-missing",
                     id="binjai-2023:P23 neither fast nor a specific expertise"),
        pytest.param("balikpapan", (URGENT,), "", " ", "search-grounds-missing",
                     id="balikpapan-2022:P19 no justification"),
        pytest.param("binjai", (EXPERTISE,), " ", "x", "search-expertise-missing",
                     id="binjai-2023:P23 a specific expertise not named"),
    ],
)  # fmt: skip
def test_opening_a_search(
    city: str,
    grounds: tuple[SearchGround, ...],
    expertise: str,
    justification: str,
    code: str | None,
) -> None:
    pack = PACKS[city]
    if code is None:
        assert opened(pack, grounds, expertise, justification).grounds == grounds
        return
    with pytest.raises(TalentRefusal) as refused:
        opened(pack, grounds, expertise, justification)
    assert (refused.value.code, refused.value.citation) == (code, CITED[city])


def test_a_balikpapan_search_before_its_pack_is_refused() -> None:
    with pytest.raises(PackNotInForce) as refused:
        opened(balikpapan.PACK, day=date(2024, 12, 31))
    assert refused.value.citation == "balikpapan-2022:P28"


@pytest.mark.parametrize(
    ("case", "code"),
    [
        pytest.param("before opened", "search-result-missing",
                     id="binjai-2023:P23 a result dated before the search"),
        pytest.param("no result", "search-result-missing", id="binjai-2023:P23 no account"),
        pytest.param("chosen not found", "search-choice-not-found",
                     id="binjai-2023:P23 the chosen talent was not found"),
        pytest.param("twice listed", "search-choice-not-found",
                     id="binjai-2023:P23 a talent found twice"),
        pytest.param("again", "search-already-concluded", id="binjai-2023:P23 concluded twice"),
    ],
)  # fmt: skip
def test_concluding_a_search_is_refused(case: str, code: str) -> None:
    pack = binjai.PACK
    search = concluded(pack) if case == "again" else opened(pack)
    found, chosen, result, day = (A, B), A, "hasil", CONCLUDED
    if case == "before opened":
        day = date(2025, 3, 2)
    if case == "no result":
        result = " "
    if case == "chosen not found":
        found = (B,)
    if case == "twice listed":
        found = (A, A)
    with pytest.raises(TalentRefusal) as refused:
        search.conclude(found, chosen, result, pack, stamp(day))
    assert (refused.value.code, refused.value.citation) == (code, "binjai-2023:P23")


def test_a_search_that_found_no_one_takes_no_decree() -> None:
    search = opened(binjai.PACK)
    search.conclude((), None, "tidak ada yang memenuhi", binjai.PACK, stamp(CONCLUDED))
    with pytest.raises(TalentRefusal) as refused:
        search.decide(
            A,
            SearchFollowUp.ASSIGNMENT,
            PNS,
            "Bappeda",
            "821/1",
            DECREED,
            binjai.PACK,
            stamp(DECREED, Role.PPK),
        )
    assert (refused.value.code, refused.value.citation) == ("search-not-chosen", "binjai-2023:P23")


PPPK = TalentFacts(status=EmploymentStatus.PPPK, level=PositionLevel.ADMINISTRATOR)


@pytest.mark.parametrize(
    ("city", "nip", "talent", "day", "twice", "code", "citation"),
    [
        pytest.param("binjai", B, PNS, DECREED, False, "search-not-chosen", "binjai-2023:P23",
                     id="binjai-2023:P23 a talent the search did not choose"),
        pytest.param("balikpapan", A, PNS, date(2025, 3, 19), False, "search-decree-early",
                     "balikpapan-2022:P19", id="balikpapan-2022:P19 decreed before the result"),
        pytest.param("binjai", A, PNS, CONCLUDED, False, None, None,
                     id="binjai-2023:P23 decreed on the day of the result"),
        pytest.param("binjai", A, PNS, DECREED, True, "search-already-decided", "binjai-2023:P23",
                     id="binjai-2023:P23 a second decree"),
        pytest.param("binjai", A, PPPK, DECREED, False, "not-a-talent", "binjai-2023:P1(12)",
                     id="binjai-2023:P1(12) a PPPK is not placed by assignment"),
        pytest.param("balikpapan", A, PPPK, DECREED, False, None, None,
                     id="balikpapan-2022:P1(8) a PPPK talent is assigned"),
    ],
)  # fmt: skip
def test_the_decree_after_a_search(
    city: str,
    nip: str,
    talent: TalentFacts,
    day: date,
    twice: bool,
    code: str | None,
    citation: str | None,
) -> None:
    pack = PACKS[city]
    search = concluded(pack)

    def decide() -> None:
        search.decide(
            nip,
            SearchFollowUp.SPECIAL_ASSIGNMENT,
            talent,
            "Bappeda",
            "821/2",
            day,
            pack,
            stamp(day, Role.PPK),
        )

    if twice:
        decide()
    if code is None:
        decide()
        assert search.decided is SearchFollowUp.SPECIAL_ASSIGNMENT
        return
    with pytest.raises(TalentRefusal) as refused:
        decide()
    assert (refused.value.code, refused.value.citation) == (code, citation)
