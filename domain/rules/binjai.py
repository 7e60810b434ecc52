"""binjai-2023: Peraturan Wali Kota Binjai No. 8/2023, Manajemen Talenta PNS (in force 2023-04-10).

Holds the pack (nine-box, readings D1, D6, D7, C1, clocks) and the Sekolah Kader eligibility
(P25).
"""

from __future__ import annotations

from datetime import date

from domain.envelope import Role
from domain.personnel.facts import EmploymentStatus, PersonnelFacts
from domain.rules.calendar import ClockId
from domain.rules.core import (
    Citation,
    EligibilityResult,
    Message,
    ReadingId,
    RequirementResult,
    all_met,
    any_met,
    requirement,
)
from domain.rules.cycle import (
    CRITICAL_LEVELS,
    STRUCTURAL_RANKS,
    Box9Placement,
    CycleRules,
    MonitoringOutcome,
    critical_characteristics,
    functional_grade_of,
    position_rank,
    strategy_mechanisms,
)
from domain.rules.ninebox import LOWER_BOXES, SUCCESSION_BOXES, NineBoxRules
from domain.rules.ninebox import Recommendation as R
from domain.rules.pack import RulePack
from domain.rules.readings import C1, D1, D6, D7
from domain.rules.service_time import days_served, required_days
from domain.values import PositionLevel

_ID = "binjai-2023"
CYCLE = CycleRules(
    critical_characteristics=critical_characteristics(_ID, "P13(3)", six=False),
    critical_levels=CRITICAL_LEVELS,
    critical_levels_citation=Citation(f"{_ID}:P14(2)"),
    critical_decree_citation=Citation(f"{_ID}:P14(3)"),
    needs_analysis_citation=Citation(f"{_ID}:P15"),
    strategy_mechanisms=strategy_mechanisms(_ID, "P16(2)"),
    assessment_citation=Citation(f"{_ID}:P18(1)"),
    mapping_citation=Citation(f"{_ID}:P19"),
    nominator=Role.PPK,
    nomination_citation=Citation(f"{_ID}:P22"),
    group_setter=Role.PPK,
    group_citation=Citation(f"{_ID}:P29(3)"),
    plan_citation=Citation(f"{_ID}:P29(1)"),
    development_priority_citation=Citation(f"{_ID}:P24(5)"),
    corporate_university_citation=Citation(f"{_ID}:P26"),
    follow_up_citation=Citation(f"{_ID}:P27(1)"),
    retention_citation=Citation(f"{_ID}:P28"),
    awards_citation=Citation(f"{_ID}:P30(1)"),
    awards_may_differ_citation=None,
    pin_years=2,
    pin_citation=Citation(f"{_ID}:P30(2)(a)"),
    counselling_boxes=(3, 6),
    counselling_citation=Citation(f"{_ID}:P27(2)"),
    placement_citation=Citation(f"{_ID}:P32"),
    # The group is prepared for targets "di lingkungan Pemerintah Daerah" (P1(19)); P23 names
    # "mutasi/rotasi antar Perangkat Daerah" (also P12 huruf f).
    cross_unit_citation=Citation(f"{_ID}:P23"),
    talent_statuses=(EmploymentStatus.PNS,),
    talent_citation=Citation(f"{_ID}:P1(12)"),
    nomination_needs_decreed_group=True,
    nominated_group_citation=None,
    group_placement_citation=Citation(f"{_ID}:P32"),
    target_level_citation=Citation(f"{_ID}:P1(15)"),
    talent_search_citation=Citation(f"{_ID}:P23"),
    box9_placement=Box9Placement.CONSIDERED,
    box9_citation=Citation(f"{_ID}:P31(3)"),
    monitoring_years=3,
    monitoring_citation=Citation(f"{_ID}:P33(2)"),
    monitoring_outcomes=(MonitoringOutcome.PROMOTION, MonitoringOutcome.EQUIVALENT_POSITION),
    monitoring_outcomes_citation=Citation(f"{_ID}:P33(3)"),
    yearly_evaluation_citation=Citation(f"{_ID}:P34(2)"),
)

PACK = RulePack(
    id=_ID,
    title="Manajemen Talenta Pegawai Negeri Sipil",
    regulation="Peraturan Wali Kota Binjai Nomor 8 Tahun 2023",
    signed=date(2023, 4, 10),
    in_force=date(2023, 4, 10),
    in_force_citation=Citation("binjai-2023:P38"),
    time_zone="Asia/Jakarta",
    readings=(D1, D6, D7, C1),
    clocks=(ClockId.MONITORING, ClockId.YEARLY_EVALUATION, ClockId.BOX9_PIN),
    notes=(
        Message(
            id=(
                "Cacat Lampiran: kotak 8, 6, 5, 3 berlabel 'potensial rendah', pada bagan maupun "
                "pada baris rekomendasinya, padahal kolomnya tinggi (8, 6) atau menengah (5, 3). "
                "Kategori diturunkan dari posisi kotak (bacaan D6); label yang keliru tidak "
                "dipakai."
            ),
            en=(
                "Lampiran defect: boxes 8, 6, 5, 3 are labelled 'low potential', on the grid and "
                "on their recommendation rows alike, although their column is high (8, 6) or "
                "middle (5, 3). The category is derived from the grid position (reading D6); the "
                "wrong label is never used."
            ),
        ),
    ),
    cycle=CYCLE,
    nine_box=NineBoxRules(
        recommendations={
            9: (R.PROMOTE_AND_RETAIN, R.SUCCESSION_GROUP_AGENCY_NATIONAL, R.AWARD),
            8: (
                R.RETAIN,
                R.SUCCESSION_GROUP_AGENCY_NATIONAL,
                R.ROTATION_OR_JOB_ENLARGEMENT,
                R.PERFORMANCE_COACHING,
            ),
            7: (
                R.RETAIN,
                R.SUCCESSION_GROUP_AGENCY_NATIONAL,
                R.ROTATION_OR_JOB_ENRICHMENT,
                R.COMPETENCY_DEVELOPMENT,
                R.STUDY_ASSIGNMENT,
            ),
            6: (R.SUITABLE_PLACEMENT, R.PERFORMANCE_COACHING, R.PERFORMANCE_COUNSELLING),
            **LOWER_BOXES,
        },
        grid_citation=Citation("binjai-2023:Lampiran 1"),
        recommendations_citation=Citation("binjai-2023:Lampiran 2"),
        succession_citations=(
            Citation("binjai-2023:P21"),
            Citation("binjai-2023:P22"),
            Citation("binjai-2023:P1(19)"),
        ),
    ),
    nine_box_readings=(ReadingId.D6,),
)

SUPERVISOR_YEARS = 2
COMBINED = "sekolah-kader-requirements"


def check_sekolah_kader_eligibility(
    facts: PersonnelFacts,
    *,
    on: date,
    assessment_centre: date | bool,
    box: int | None,
    institution_test: bool | None,
    pack: RulePack = PACK,
) -> EligibilityResult:
    """Binjai P25: may this prospective administrator join the Sekolah Kader on ``on``?

    ``assessment_centre``: the date it was taken, or whether it was; ``box``: the current nine-box
    box (None: not mapped); ``institution_test``: P25(3) result, None while still to be held.
    """
    pack.ensure_in_force(on)
    reading = pack.reading(ReadingId.D1)
    candidate = prospective_administrator(facts, on, pack)
    taken = assessment_centre <= on if isinstance(assessment_centre, date) else assessment_centre
    served = days_served(facts, on, lambda s: s.level is PositionLevel.SUPERVISOR)
    needed = required_days(on, SUPERVISOR_YEARS)
    parts = (
        requirement(
            "assessment-centre",
            taken,
            citation=pack.cite("P25(2)(a)"),
            evidence={"assessment_centre": assessment_centre, "on": on},
            met_message=Message(id="telah mengikuti Assessment Center", en="has taken an AC"),
            unmet_message=Message(
                id="belum mengikuti Assessment Center", en="has not taken an assessment centre"
            ),
            part_of=COMBINED,
        ),
        requirement(
            "succession-box",
            box in SUCCESSION_BOXES,
            citation=pack.cite("P25(2)(b)"),
            evidence={"box": box},
            met_message=Message(id=f"berada pada kotak {box}", en=f"is in box {box}"),
            unmet_message=Message(
                id=f"tidak berada pada kotak 7, 8 atau 9 (kotak: {box or '-'})",
                en=f"is not in box 7, 8 or 9 (box: {box or '-'})",
            ),
            part_of=COMBINED,
        ),
        requirement(
            "supervisor-experience",
            served >= needed,
            citation=pack.cite("P25(2)(c)"),
            evidence={"supervisor_days": served, "required_days": needed, "on": on},
            met_message=Message(
                id="paling sedikit 2 tahun di jabatan Pengawas",
                en="at least 2 years in a supervisor position",
            ),
            unmet_message=Message(
                id=f"kurang dari 2 tahun di jabatan Pengawas ({served} dari {needed} hari)",
                en=f"less than 2 years in a supervisor position ({served} of {needed} days)",
            ),
            part_of=COMBINED,
        ),
    )
    a, b, c = parts
    combined_met = {
        "a-and-b-or-c": all_met((a.outcome, any_met((b.outcome, c.outcome)))),
        "all": all_met(p.outcome for p in parts),
        "any": any_met(p.outcome for p in parts),
    }[reading.chosen]
    combined = requirement(
        COMBINED,
        combined_met,
        citation=pack.cite("P25(2)"),
        evidence={
            "reading": f"{reading.id}={reading.chosen}",
            "a": a.outcome,
            "b": b.outcome,
            "c": c.outcome,
        },
        met_message=Message(
            id=f"memenuhi persyaratan P25(2) ({reading.options[reading.chosen].id})",
            en=f"meets the P25(2) requirements ({reading.options[reading.chosen].en})",
        ),
        unmet_message=Message(
            id=f"tidak memenuhi persyaratan P25(2) ({reading.options[reading.chosen].id})",
            en=f"does not meet the P25(2) requirements ({reading.options[reading.chosen].en})",
        ),
    )
    test = requirement(
        "institution-test",
        institution_test,
        citation=pack.cite("P25(3)"),
        evidence={"institution_test": institution_test},
        met_message=Message(id="lulus tes lembaga terkait", en="passed the institution's test"),
        unmet_message=Message(
            id="tidak lulus atau belum mengikuti tes lembaga terkait"
            if institution_test is False
            else "tes lembaga terkait belum dilaksanakan",
            en="did not pass the institution's test"
            if institution_test is False
            else "the institution's test is still pending",
        ),
    )
    # D7: the two years of P25(2)(c) are calendar years, as every length in the pack.
    return EligibilityResult(
        requirements=(candidate, *parts, combined, test),
        readings_used=pack.uses(ReadingId.D1, ReadingId.D7, ReadingId.C1),
    )


def prospective_administrator(facts: PersonnelFacts, on: date, pack: RulePack) -> RequirementResult:
    """P25(1) "calon Pejabat Administrator": a supervisor (Pengawas), or a functional position
    equivalent to it under reading C1, on ``on``."""
    option = pack.reading(ReadingId.C1).chosen
    held = facts.position_on(on)
    rank = position_rank(held.level if held else None, functional_grade_of(held), option)
    position = f"{held.level} {held.title}".strip() if held else "-"
    return requirement(
        "prospective-administrator",
        rank == STRUCTURAL_RANKS[PositionLevel.SUPERVISOR],
        citation=pack.cite("P25(1)"),
        evidence={"position": position, "on": on, "reading": f"C1={option}"},
        met_message=Message(
            id=f"calon Pejabat Administrator: menduduki {position}",
            en=f"a prospective administrator: holds {position}",
        ),
        unmet_message=Message(
            id=f"bukan calon Pejabat Administrator: menduduki {position}, bukan jabatan Pengawas "
            f"atau jabatan fungsional yang setara (bacaan C1={option})",
            en=f"not a prospective administrator: holds {position}, not a supervisor position "
            f"or an equivalent functional one (reading C1={option})",
        ),
    )
