"""The talent-management cycle's pack data (Binjai 8/2023, Balikpapan 12/2022): what a critical
position must be, the acquisition mechanisms, who nominates and who sets the succession group,
how box 9 is placed, what monitoring leads to. Each entry carries its citation."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from domain.envelope import Role
from domain.personnel.facts import EmploymentStatus, PositionSpell
from domain.rules.core import Citation, Message
from domain.rules.retirement import NATIONAL_RETIREMENT, RetirementRules
from domain.values import FunctionalGrade, PositionLevel


class Cited(BaseModel):
    """One listed item of a regulation: a code, its text, where it stands."""

    model_config = ConfigDict(frozen=True)

    code: str
    text: Message
    citation: Citation


class Box9Placement(StrEnum):
    DIRECT = "placed-directly"  # Balikpapan P23(3): "dapat ditempatkan secara langsung"
    CONSIDERED = "considered"  # Binjai P31(3): "dapat dipertimbangkan"


class MonitoringOutcome(StrEnum):
    PROMOTION = "promotion"
    EQUIVALENT_POSITION = "equivalent-position"
    FURTHER_DEVELOPMENT = "further-development"
    PERFORMANCE_BOARD = "performance-review-board"


class CycleRules(BaseModel):
    model_config = ConfigDict(frozen=True)

    critical_characteristics: tuple[Cited, ...]  # all must hold
    critical_levels: tuple[PositionLevel, ...]
    critical_levels_citation: Citation
    critical_decree_citation: Citation
    needs_analysis_citation: Citation
    strategy_mechanisms: tuple[Cited, ...]  # one or more
    assessment_citation: Citation
    # Who a mapping may assess: the agency's own, or an external candidate (Binjai P17,
    # Balikpapan P13(1)).
    candidates_citation: Citation
    # Mapping covers every employee and gathers box-9 talents per unit (Binjai P19, Balikpapan P14).
    mapping_citation: Citation
    nominator: Role
    nomination_citation: Citation
    group_setter: Role
    group_citation: Citation
    plan_citation: Citation
    # The retirement age per position (national: PP 11/2017 as amended by PP 17/2020, P239),
    # from which the coverage forecast dates each critical or target position's vacancy.
    retirement: RetirementRules = NATIONAL_RETIREMENT
    development_priority_citation: Citation
    # The corporate university's methods (Binjai P26; Balikpapan P21(2)(a) names it only).
    corporate_university_citation: Citation
    # The follow-up a box's recommendations call for (Binjai P27(1); Balikpapan P15(1), P15(3)
    # with Lampiran II).
    follow_up_citation: Citation
    retention_citation: Citation
    awards_citation: Citation
    # Where the pack lets awards differ instead of setting them (Balikpapan P18(3)).
    awards_may_differ_citation: Citation | None
    # Years a box-9 pin holds; None where the pack sets no term (Balikpapan P18(3) lets awards
    # differ: a pin is an award like any other, for the whole group, without expiry).
    pin_years: int | None
    pin_citation: Citation | None
    # Boxes whose performance counselling the talent team's assessors give (Binjai P27(2);
    # Balikpapan Lampiran II recommends "Konseling Kinerja" for box 3).
    counselling_boxes: tuple[int, ...]
    counselling_citation: Citation
    placement_citation: Citation
    # Placement may cross units in both packs; the article that says so is cited on the decision.
    cross_unit_citation: Citation
    # Who may be a talent (grouped, nominated, placed): Binjai P1(12) "Talenta adalah PNS"; None
    # where any mapped employee may (Balikpapan P1(8) "pegawai ASN", PPPK included). Mapping
    # covers every candidate either way (Binjai P17: CPNS and PPPK too).
    talent_statuses: tuple[EmploymentStatus, ...] | None
    talent_citation: Citation
    # Whether the PPK nominates from the decreed group (Binjai P22), or the nominations come first
    # and the talent team sets the group from them (Balikpapan P16(1)-(2)) before the decree.
    nomination_needs_decreed_group: bool
    nominated_group_citation: Citation | None
    # Placement follows the decreed succession group (Binjai P32; Balikpapan P17(3)).
    group_placement_citation: Citation
    # A target position is one level higher than the talent's, or critical (Binjai P1(15)); None
    # where the pack does not check it.
    target_level_citation: Citation | None
    # The talent search followed by mutation/rotation or (special) assignment (Binjai P23,
    # Balikpapan P19).
    talent_search_citation: Citation
    box9_placement: Box9Placement
    box9_citation: Citation
    monitoring_years: int
    monitoring_citation: Citation
    monitoring_outcomes: tuple[MonitoringOutcome, ...]
    monitoring_outcomes_citation: Citation
    # The whole programme evaluated at the end of every budget year (Binjai P34(2)).
    yearly_evaluation_citation: Citation | None


def cited(pack: str, code: str, article: str, indonesian: str, english: str) -> Cited:
    return Cited(
        code=code, text=Message(id=indonesian, en=english), citation=Citation(f"{pack}:{article}")
    )


def critical_characteristics(pack: str, article: str, *, six: bool) -> tuple[Cited, ...]:
    """Binjai P13(3) lists four characteristics; Balikpapan P9(3) adds (d) learning opportunity
    and (f) national and regional priorities, so its letters shift."""
    letters = iter("abcdef")
    items = [
        (
            "strategic",
            "strategis dan berkaitan langsung dengan strategi organisasi",
            "strategic and tied directly to the organisation's strategy",
        ),
        (
            "core-competence",
            "memerlukan kompetensi sesuai kegiatan/urusan inti",
            "needs competence matching the core business",
        ),
        ("high-performance", "membutuhkan kinerja yang tinggi", "needs high performance"),
    ]
    if six:
        items.append(
            (
                "learning-opportunity",
                "memberi peluang pembelajaran yang tinggi",
                "offers a high learning opportunity",
            )
        )
    items.append(
        (
            "drives-change",
            "mendorong perubahan dan percepatan pembangunan dan pelayanan publik",
            "drives change and faster development and public service",
        )
    )
    if six:
        items.append(
            (
                "national-regional-priority",
                "sesuai kebutuhan prioritas nasional dan Daerah",
                "matches national and regional priorities",
            )
        )
    return tuple(
        cited(pack, code, f"{article}({next(letters)})", indonesian, english)
        for code, indonesian, english in items
    )


def strategy_mechanisms(pack: str, article: str) -> tuple[Cited, ...]:
    return (
        cited(
            pack,
            "build-internal",
            f"{article}(a)",
            "membangun Talenta internal instansi",
            "build internal talent",
        ),
        cited(
            pack,
            "recruit",
            f"{article}(b)",
            "merekrut Talenta baru (CPNS/PPPK)",
            "recruit new talent (CPNS/PPPK)",
        ),
        cited(
            pack,
            "inter-agency-transfer",
            f"{article}(c)",
            "mutasi dan/atau promosi Talenta antar instansi",
            "mutation and/or promotion between agencies",
        ),
        cited(
            pack,
            "assignment",
            f"{article}(d)",
            "penugasan atau penugasan khusus Talenta",
            "assignment or special assignment",
        ),
    )


# "jabatan pimpinan tinggi pratama, jabatan administrasi, dan jabatan fungsional"; administration
# positions are administrator, supervisor and executor (UU 5/2014 P14).
CRITICAL_LEVELS = (
    PositionLevel.JPT_PRATAMA,
    PositionLevel.ADMINISTRATOR,
    PositionLevel.SUPERVISOR,
    PositionLevel.EXECUTOR,
    PositionLevel.FUNCTIONAL,
)


# Structural positions from the executor up, one level apart (UU 5/2014 P14, P19).
STRUCTURAL_RANKS = {
    PositionLevel.EXECUTOR: 0,
    PositionLevel.SUPERVISOR: 1,
    PositionLevel.ADMINISTRATOR: 2,
    PositionLevel.JPT_PRATAMA: 3,
    PositionLevel.JPT_MADYA: 4,
    PositionLevel.JPT_UTAMA: 5,
}
# Reading C1 "grade-equivalent": the functional grades that equal a structural position.
FUNCTIONAL_RANKS = {
    FunctionalGrade.AHLI_PERTAMA: STRUCTURAL_RANKS[PositionLevel.SUPERVISOR],
    FunctionalGrade.AHLI_MUDA: STRUCTURAL_RANKS[PositionLevel.ADMINISTRATOR],
    FunctionalGrade.AHLI_MADYA: STRUCTURAL_RANKS[PositionLevel.JPT_PRATAMA],
    FunctionalGrade.AHLI_UTAMA: STRUCTURAL_RANKS[PositionLevel.JPT_MADYA],
}


def position_rank(
    level: PositionLevel | None, grade: FunctionalGrade | None, functional_option: str
) -> int | None:
    """The structural rank of a position; a functional one by its grade under reading C1's
    ``functional_option`` (None: no equivalent, or no position)."""
    if level is None:
        return None
    if level is not PositionLevel.FUNCTIONAL:
        return STRUCTURAL_RANKS[level]
    if functional_option == "grade-equivalent" and grade is not None:
        return FUNCTIONAL_RANKS.get(grade)
    return None


def functional_grade_of(held: PositionSpell | None) -> FunctionalGrade | None:
    """The grade of a functional position, recorded or read from its title; None otherwise."""
    if held is None or held.level is not PositionLevel.FUNCTIONAL:
        return None
    if held.functional_grade is not None:
        return held.functional_grade
    try:
        return FunctionalGrade.parse(held.title)
    except ValueError:
        return None
