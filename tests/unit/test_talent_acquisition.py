"""Critical positions, needs analysis and acquisition strategy under both packs side by side
(Binjai P13-16, Balikpapan P9-12)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from domain.envelope import Actor, Envelope, Role
from domain.rules import balikpapan, binjai
from domain.rules.core import PackNotInForce
from domain.rules.pack import RulePack
from domain.talent.critical import CriticalPosition, critical_position_id
from domain.talent.errors import TalentRefusal
from domain.talent.planning import Need, TalentPlan
from domain.values import PositionLevel

ON = date(2025, 2, 3)
PACKS = {"binjai": binjai.PACK, "balikpapan": balikpapan.PACK}
AGENCIES = {"binjai": "kota-binjai", "balikpapan": "kota-balikpapan"}


def stamp(role: Role, day: date = ON, agency: str = "kota-binjai") -> Envelope:
    return Envelope(actor=Actor(id=f"{role}-1", role=role, agency=agency), effective=day)


def justified(pack: RulePack, *leave_out: str) -> dict[str, str]:
    assert pack.cycle is not None
    return {
        item.code: f"karena {item.code}"
        for item in pack.cycle.critical_characteristics
        if item.code not in leave_out
    }


def declare(city: str, **changes: Any) -> CriticalPosition:
    pack = PACKS[city]
    args: dict[str, Any] = {
        "agency": AGENCIES[city],
        "position": "Kepala Bappeda",
        "unit": "Bappeda",
        "level": PositionLevel.JPT_PRATAMA,
        "characteristics": justified(pack),
        "priority_rank": 1,
        "competency_standard": "SKJ-Bappeda-2025",
        "decree_number": "800/1/2025",
        "decree_date": ON,
        "pack": pack,
        "envelope": stamp(Role.PPK, changes.get("decree_date", ON), AGENCIES[city]),
    }
    args.update(changes)
    return CriticalPosition.declare(**args)


@pytest.mark.parametrize("city", ["binjai", "balikpapan"])
def test_a_critical_position_keeps_every_characteristic_with_its_justification(city: str) -> None:
    position = declare(city)
    (declared,) = position.collect_events()

    assert isinstance(declared, CriticalPosition.Declared)
    assert position.id == critical_position_id(AGENCIES[city], "Bappeda", "Kepala Bappeda")
    assert len(declared.characteristics) == {"binjai": 4, "balikpapan": 6}[city]
    assert (declared.level, declared.priority_rank) == ("jpt-pratama", 1)
    assert declared.envelope["actor"]["role"] == "ppk"


@pytest.mark.parametrize(
    ("city", "changes", "code", "citation"),
    [
        pytest.param(
            "binjai",
            {"characteristics": justified(binjai.PACK, "drives-change")},
            "characteristic-missing",
            "binjai-2023:P13(3)(d)",
            id="binjai-2023:P13(3)(d) missing characteristic",
        ),
        pytest.param(
            "balikpapan",
            {"characteristics": justified(balikpapan.PACK, "national-regional-priority")},
            "characteristic-missing",
            "balikpapan-2022:P9(3)(f)",
            id="balikpapan-2022:P9(3)(f) missing characteristic",
        ),
        pytest.param(
            "balikpapan",
            {"characteristics": {**justified(balikpapan.PACK), "learning-opportunity": " "}},
            "characteristic-missing",
            "balikpapan-2022:P9(3)(d)",
            id="balikpapan-2022:P9(3)(d) a blank justification is missing",
        ),
        pytest.param(
            "binjai",
            {"characteristics": justified(balikpapan.PACK)},
            "unknown-characteristic",
            "binjai-2023:P13(3)",
            id="binjai-2023:P13(3) Balikpapan's extra characteristics are not Binjai's",
        ),
        pytest.param(
            "binjai",
            {"level": PositionLevel.JPT_MADYA},
            "level-not-critical",
            "binjai-2023:P14(2)",
            id="binjai-2023:P14(2) JPT Madya is not a critical level",
        ),
        pytest.param(
            "balikpapan",
            {"level": PositionLevel.JPT_UTAMA},
            "level-not-critical",
            "balikpapan-2022:P10(3)",
            id="balikpapan-2022:P10(3) JPT Utama is not a critical level",
        ),
        pytest.param(
            "binjai",
            {"priority_rank": 0},
            "priority-rank",
            "binjai-2023:P14(1)",
            id="binjai-2023:P14(1) priority rank from 1",
        ),
        pytest.param(
            "balikpapan",
            {"priority_rank": 0},
            "priority-rank",
            "balikpapan-2022:P10(1)",
            id="balikpapan-2022:P10(1) priority rank from 1",
        ),
        pytest.param(
            "binjai",
            {"competency_standard": ""},
            "decree-incomplete",
            "binjai-2023:P14(3)",
            id="binjai-2023:P14(3) no competency standard",
        ),
        pytest.param(
            "balikpapan",
            {"decree_number": ""},
            "decree-incomplete",
            "balikpapan-2022:P10(2)",
            id="balikpapan-2022:P10(2) no decree number",
        ),
    ],
)
def test_a_declaration_is_refused_citing_the_article(
    city: str, changes: dict[str, Any], code: str, citation: str
) -> None:
    with pytest.raises(TalentRefusal) as refused:
        declare(city, **changes)

    assert (refused.value.code, refused.value.citation) == (code, citation)


def test_a_balikpapan_decision_dated_before_2025_is_refused() -> None:
    with pytest.raises(PackNotInForce) as refused:
        declare("balikpapan", decree_date=date(2024, 12, 31))

    assert refused.value.citation == "balikpapan-2022:P28"


def test_a_withdrawn_position_can_no_longer_be_reported() -> None:
    position = declare("binjai")
    position.report("B/10/KemenPANRB", date(2025, 2, 10), binjai.PACK, stamp(Role.CASEWORKER))
    position.withdraw("800/9/2025", date(2025, 6, 1), binjai.PACK, stamp(Role.PPK))

    with pytest.raises(TalentRefusal) as refused:
        position.report("B/11", date(2025, 6, 2), binjai.PACK, stamp(Role.CASEWORKER))

    assert (refused.value.code, refused.value.citation) == (
        "critical-position-not-in-force",
        "binjai-2023:P14(3)",
    )
    assert (position.reported_on, position.withdrawn_on) == (date(2025, 2, 10), date(2025, 6, 1))
    assert position.active_on(date(2025, 5, 31)) and not position.active


def plan(city: str) -> TalentPlan:
    return TalentPlan.analyse(
        AGENCIES[city],
        "2025-2029",
        ["RPJMD 2025-2029"],
        [
            Need(function="perencanaan", count=2),
            Need(critical_position_id=declare(city).id, count=1, note="Kepala Bappeda"),
        ],
        PACKS[city],
        stamp(Role.TALENT_TEAM, ON, AGENCIES[city]),
    )


@pytest.mark.parametrize(
    ("city", "mechanisms", "decreed", "code", "citation"),
    [
        pytest.param(
            "binjai",
            [],
            ON,
            "strategy-mechanisms",
            "binjai-2023:P16(2)",
            id="binjai-2023:P16(2) at least one mechanism",
        ),
        pytest.param(
            "balikpapan",
            ["headhunting"],
            ON,
            "strategy-mechanisms",
            "balikpapan-2022:P12(2)",
            id="balikpapan-2022:P12(2) a mechanism not in the list",
        ),
        pytest.param(
            "binjai",
            ["recruit"],
            date(2025, 2, 2),
            "needs-analysis-first",
            "binjai-2023:P16(1)",
            id="binjai-2023:P16(1) strategy dated before the needs analysis",
        ),
        pytest.param(
            "balikpapan",
            ["recruit"],
            date(2025, 2, 2),
            "needs-analysis-first",
            "balikpapan-2022:P12(1)",
            id="balikpapan-2022:P12(1) strategy dated before the needs analysis",
        ),
    ],
)
def test_a_strategy_is_refused_citing_the_article(
    city: str, mechanisms: list[str], decreed: date, code: str, citation: str
) -> None:
    target = plan(city)
    with pytest.raises(TalentRefusal) as refused:
        target.set_strategy(mechanisms, "800/2/2025", decreed, PACKS[city], stamp(Role.PPK))

    assert (refused.value.code, refused.value.citation) == (code, citation)


@pytest.mark.parametrize("city", ["binjai", "balikpapan"])
def test_the_strategy_follows_the_needs_analysis(city: str) -> None:
    target = plan(city)
    target.set_strategy(
        ["build-internal", "assignment", "build-internal"],
        "800/2/2025",
        date(2025, 3, 1),
        PACKS[city],
        stamp(Role.PPK, date(2025, 3, 1)),
    )
    analysed, strategy = target.collect_events()

    assert isinstance(analysed, TalentPlan.NeedsAnalysed)
    assert analysed.needs[0] == {
        "critical_position_id": None,
        "function": "perencanaan",
        "count": 2,
        "note": "",
    }
    assert isinstance(strategy, TalentPlan.StrategySet)
    assert strategy.mechanisms == ["build-internal", "assignment"]


def test_a_needs_analysis_rests_on_the_development_plans() -> None:
    with pytest.raises(TalentRefusal) as refused:
        TalentPlan.analyse(
            "kota-balikpapan",
            "2025-2029",
            [" "],
            [Need(function="perencanaan", count=1)],
            balikpapan.PACK,
            stamp(Role.TALENT_TEAM),
        )

    assert refused.value.citation == "balikpapan-2022:P11"
