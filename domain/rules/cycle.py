"""The talent-management cycle's pack data (Binjai 8/2023, Balikpapan 12/2022): what a critical
position must be, the acquisition mechanisms, who nominates and who sets the succession group,
how box 9 is placed, what monitoring leads to. Each entry carries its citation."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from domain.envelope import Role
from domain.rules.core import Citation, Message
from domain.values import PositionLevel


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
    # Mapping covers every employee and gathers box-9 talents per unit (Binjai P19, Balikpapan P14).
    mapping_citation: Citation
    nominator: Role
    nomination_citation: Citation
    group_setter: Role
    group_citation: Citation
    plan_citation: Citation
    development_priority_citation: Citation
    # The corporate university's methods (Binjai P26; Balikpapan P21(2)(a) names it only).
    corporate_university_citation: Citation
    # The follow-up a box's recommendations call for (Binjai P27(1); Balikpapan P20(1)).
    follow_up_citation: Citation
    retention_citation: Citation
    awards_citation: Citation
    # Award kinds (retention AwardKind values) reserved to box 9 (Binjai P30(2)); none elsewhere.
    box9_award_kinds: tuple[str, ...]
    box9_awards_citation: Citation | None
    # Where the pack lets awards differ instead of setting them (Balikpapan P18(3)).
    awards_may_differ_citation: Citation | None
    # Years a box-9 pin holds; None where the pack sets no pin (Balikpapan lets awards differ).
    pin_years: int | None
    pin_citation: Citation | None
    # Boxes whose performance counselling the talent team's assessors give (Binjai P27(2)).
    counselling_boxes: tuple[int, ...]
    counselling_citation: Citation | None
    placement_citation: Citation
    cross_unit_placement: bool
    cross_unit_citation: Citation | None
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
