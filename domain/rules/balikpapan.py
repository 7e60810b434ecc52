"""balikpapan-2022: Peraturan Wali Kota Balikpapan No. 12/2022, Manajemen Talenta ASN.

Signed 2022-08-22, in force only from 2025-01-01 (P28).
"""

from __future__ import annotations

from datetime import date

from domain.envelope import Role
from domain.rules.calendar import ClockId
from domain.rules.core import Citation
from domain.rules.cycle import (
    CRITICAL_LEVELS,
    Box9Placement,
    CycleRules,
    MonitoringOutcome,
    critical_characteristics,
    strategy_mechanisms,
)
from domain.rules.ninebox import LOWER_BOXES, NineBoxRules
from domain.rules.ninebox import Recommendation as R
from domain.rules.pack import RulePack
from domain.rules.readings import C2, D7

_ID = "balikpapan-2022"
CYCLE = CycleRules(
    critical_characteristics=critical_characteristics(_ID, "P9(3)", six=True),
    critical_levels=CRITICAL_LEVELS,
    critical_levels_citation=Citation(f"{_ID}:P10(3)"),
    critical_decree_citation=Citation(f"{_ID}:P10(2)"),
    needs_analysis_citation=Citation(f"{_ID}:P11"),
    strategy_mechanisms=strategy_mechanisms(_ID, "P12(2)"),
    assessment_citation=Citation(f"{_ID}:P13"),
    mapping_citation=Citation(f"{_ID}:P14"),
    nominator=Role.TALENT_TEAM,
    nomination_citation=Citation(f"{_ID}:P16(1)"),
    group_setter=Role.PPK,
    group_citation=Citation(f"{_ID}:P17(3)"),
    plan_citation=Citation(f"{_ID}:P17(1)"),
    development_priority_citation=Citation(f"{_ID}:P20(2)"),
    corporate_university_citation=Citation(f"{_ID}:P21(2)(a)"),
    follow_up_citation=Citation(f"{_ID}:P15(1)"),
    retention_citation=Citation(f"{_ID}:P22"),
    awards_citation=Citation(f"{_ID}:P18(1)"),
    awards_may_differ_citation=Citation(f"{_ID}:P18(3)"),
    pin_years=None,
    pin_citation=None,
    # Lampiran II box 3: "Konseling Kinerja", a recommendation of the mapping (P15(1), P15(3)).
    counselling_boxes=(3,),
    counselling_citation=Citation(f"{_ID}:P15(3)"),
    placement_citation=Citation(f"{_ID}:P23(1)"),
    cross_unit_citation=Citation(f"{_ID}:P23(2)"),
    talent_statuses=None,
    talent_citation=Citation(f"{_ID}:P1(8)"),
    nomination_needs_decreed_group=False,
    nominated_group_citation=Citation(f"{_ID}:P16(2)"),
    group_placement_citation=Citation(f"{_ID}:P17(3)"),
    target_level_citation=None,
    talent_search_citation=Citation(f"{_ID}:P19"),
    box9_placement=Box9Placement.DIRECT,
    box9_citation=Citation(f"{_ID}:P23(3)"),
    monitoring_years=3,
    monitoring_citation=Citation(f"{_ID}:P25(3)"),
    monitoring_outcomes=(
        MonitoringOutcome.FURTHER_DEVELOPMENT,
        MonitoringOutcome.PERFORMANCE_BOARD,
    ),
    monitoring_outcomes_citation=Citation(f"{_ID}:P25(4)"),
    yearly_evaluation_citation=None,
)

PACK = RulePack(
    id=_ID,
    title="Manajemen Talenta Aparatur Sipil Negara",
    regulation="Peraturan Wali Kota Balikpapan Nomor 12 Tahun 2022",
    signed=date(2022, 8, 22),
    in_force=date(2025, 1, 1),
    in_force_citation=Citation("balikpapan-2022:P28"),
    time_zone="Asia/Makassar",
    readings=(D7, C2),
    clocks=(ClockId.MONITORING,),
    cycle=CYCLE,
    nine_box=NineBoxRules(
        recommendations={
            9: (R.PROMOTE_AND_RETAIN, R.SUCCESSION_GROUP_REGIONAL_NATIONAL, R.AWARD),
            8: (
                R.RETAIN,
                R.SUCCESSION_GROUP_REGIONAL,
                R.ROTATION_OR_JOB_ENLARGEMENT,
                R.PERFORMANCE_COACHING,
            ),
            7: (
                R.RETAIN,
                R.SUCCESSION_GROUP_REGIONAL,
                R.ROTATION_OR_JOB_ENLARGEMENT,
                R.COMPETENCY_DEVELOPMENT,
                R.STUDY_ASSIGNMENT,
            ),
            6: (R.SUITABLE_PLACEMENT, R.PERFORMANCE_COACHING, R.COMPETENCY_DEVELOPMENT),
            **LOWER_BOXES,
        },
        grid_citation=Citation("balikpapan-2022:Lampiran I"),
        recommendations_citation=Citation("balikpapan-2022:Lampiran II"),
        succession_citations=(Citation("balikpapan-2022:P15"), Citation("balikpapan-2022:P1(15)")),
    ),
)
