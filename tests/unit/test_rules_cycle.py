"""The talent-cycle data of each pack, row by row with its citation (rulebook A1, A3-A6)."""

from __future__ import annotations

from typing import Any

import pytest

from domain.envelope import Role
from domain.personnel.facts import EmploymentStatus
from domain.rules import balikpapan, binjai
from domain.rules.cycle import Box9Placement, MonitoringOutcome

BINJAI, BALIKPAPAN = binjai.PACK.cycle, balikpapan.PACK.cycle
assert BINJAI is not None and BALIKPAPAN is not None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(
            len(BINJAI.critical_characteristics), 4, id="binjai-2023:P13(3) four characteristics"
        ),
        pytest.param(
            len(BALIKPAPAN.critical_characteristics),
            6,
            id="balikpapan-2022:P9(3) six characteristics",
        ),
        pytest.param(
            [c.code for c in BALIKPAPAN.critical_characteristics][3],
            "learning-opportunity",
            id="balikpapan-2022:P9(3)(d) learning opportunity",
        ),
        pytest.param(
            BALIKPAPAN.critical_characteristics[5].citation,
            "balikpapan-2022:P9(3)(f)",
            id="balikpapan-2022:P9(3)(f) priorities",
        ),
        pytest.param(
            BINJAI.critical_characteristics[3].citation,
            "binjai-2023:P13(3)(d)",
            id="binjai-2023:P13(3)(d) drives change",
        ),
        pytest.param(len(BINJAI.strategy_mechanisms), 4, id="binjai-2023:P16(2) four mechanisms"),
        pytest.param(
            BALIKPAPAN.strategy_mechanisms[2].citation,
            "balikpapan-2022:P12(2)(c)",
            id="balikpapan-2022:P12(2)(c) inter-agency",
        ),
        pytest.param(BINJAI.nominator, Role.PPK, id="binjai-2023:P22 the PPK nominates"),
        pytest.param(
            BALIKPAPAN.nominator,
            Role.TALENT_TEAM,
            id="balikpapan-2022:P16(1) the talent team nominates",
        ),
        pytest.param(BINJAI.group_setter, Role.PPK, id="binjai-2023:P29(3) the PPK sets the group"),
        pytest.param(
            BALIKPAPAN.group_setter, Role.PPK, id="balikpapan-2022:P17(3) the PPK sets the group"
        ),
        pytest.param(BINJAI.pin_years, 2, id="binjai-2023:P30(2)(a) pin valid 2 years"),
        pytest.param(BALIKPAPAN.pin_years, None, id="balikpapan-2022:P18(2-3) no set pin"),
        pytest.param(
            BINJAI.counselling_boxes, (3, 6), id="binjai-2023:P27(2) counselling boxes 3 and 6"
        ),
        pytest.param(
            BINJAI.box9_placement,
            Box9Placement.CONSIDERED,
            id="binjai-2023:P31(3) box 9 considered",
        ),
        pytest.param(
            BALIKPAPAN.box9_placement,
            Box9Placement.DIRECT,
            id="balikpapan-2022:P23(3) box 9 placed directly",
        ),
        pytest.param(
            BINJAI.cross_unit_citation,
            "binjai-2023:P23",
            id="binjai-2023:P23 mutasi/rotasi antar Perangkat Daerah (P1(19), P12 huruf f)",
        ),
        pytest.param(
            BALIKPAPAN.cross_unit_citation,
            "balikpapan-2022:P23(2)",
            id="balikpapan-2022:P23(2) across regional agencies",
        ),
        pytest.param(
            BALIKPAPAN.awards_may_differ_citation,
            "balikpapan-2022:P18(3)",
            id="balikpapan-2022:P18(3) awards may differ",
        ),
        pytest.param(BINJAI.corporate_university_citation, "binjai-2023:P26", id="binjai P26"),
        pytest.param(BINJAI.follow_up_citation, "binjai-2023:P27(1)", id="binjai P27(1)"),
        pytest.param(BINJAI.mapping_citation, "binjai-2023:P19", id="binjai P19 mapping"),
        pytest.param(
            BALIKPAPAN.mapping_citation, "balikpapan-2022:P14", id="balikpapan P14 mapping"
        ),
        pytest.param(
            BINJAI.assessment_citation, "binjai-2023:P18(1)", id="binjai-2023:P18(1) methods"
        ),
        pytest.param(
            BALIKPAPAN.follow_up_citation,
            "balikpapan-2022:P15(1)",
            id="balikpapan-2022:P15(1) box follow-ups",
        ),
        pytest.param(
            BALIKPAPAN.counselling_boxes,
            (3,),
            id="balikpapan-2022:Lampiran II box 3 Konseling Kinerja",
        ),
        pytest.param(
            BALIKPAPAN.counselling_citation,
            "balikpapan-2022:P15(3)",
            id="balikpapan-2022:P15(3) the Lampiran's recommendations",
        ),
        pytest.param(BINJAI.monitoring_years, 3, id="binjai-2023:P33(2) monitored 3 years"),
        pytest.param(BALIKPAPAN.monitoring_years, 3, id="balikpapan-2022:P25(3) monitored 3 years"),
        pytest.param(
            BINJAI.monitoring_outcomes,
            (MonitoringOutcome.PROMOTION, MonitoringOutcome.EQUIVALENT_POSITION),
            id="binjai-2023:P33(3) re-placement",
        ),
        pytest.param(
            BALIKPAPAN.monitoring_outcomes,
            (MonitoringOutcome.FURTHER_DEVELOPMENT, MonitoringOutcome.PERFORMANCE_BOARD),
            id="balikpapan-2022:P25(4) development or board",
        ),
        pytest.param(
            BINJAI.yearly_evaluation_citation,
            "binjai-2023:P34(2)",
            id="binjai-2023:P34(2) yearly evaluation",
        ),
        pytest.param(
            BALIKPAPAN.yearly_evaluation_citation,
            None,
            id="balikpapan-2022 no yearly evaluation article",
        ),
        pytest.param(BINJAI.talent_statuses, (EmploymentStatus.PNS,),
                     id="binjai-2023:P1(12) Talenta adalah PNS"),
        pytest.param(BALIKPAPAN.talent_statuses, None,
                     id="balikpapan-2022:P1(8) Talenta adalah pegawai ASN"),
        pytest.param(BINJAI.nomination_needs_decreed_group, True,
                     id="binjai-2023:P22 nominated from the decreed group"),
        pytest.param(BALIKPAPAN.nomination_needs_decreed_group, False,
                     id="balikpapan-2022:P16(1) the nominations come first"),
        pytest.param(BINJAI.nominated_group_citation, None,
                     id="binjai-2023:P29(3) no group from the nominations"),
        pytest.param(BALIKPAPAN.nominated_group_citation, "balikpapan-2022:P16(2)",
                     id="balikpapan-2022:P16(2) the team sets the group from the nominations"),
        pytest.param(BINJAI.group_placement_citation, "binjai-2023:P32",
                     id="binjai-2023:P32 placed from the decreed group"),
        pytest.param(BALIKPAPAN.group_placement_citation, "balikpapan-2022:P17(3)",
                     id="balikpapan-2022:P17(3) placed from the decreed group"),
        pytest.param(BINJAI.target_level_citation, "binjai-2023:P1(15)",
                     id="binjai-2023:P1(15) a target one level higher or critical"),
        pytest.param(BINJAI.talent_search_citation, "binjai-2023:P23",
                     id="binjai-2023:P23 the talent search"),
        pytest.param(BALIKPAPAN.talent_search_citation, "balikpapan-2022:P19",
                     id="balikpapan-2022:P19 the talent search"),
    ],
)  # fmt: skip
def test_cycle_rules(value: Any, expected: Any) -> None:
    assert value == expected
