"""The nine-box (Kotak Manajemen Talenta) shared by binjai-2023 and balikpapan-2022.

The grid is the same in both Lampiran; the follow-up recommendations per box differ slightly and
are pack data (``NineBoxRules``). A box's category label is derived from its grid position, never
copied from the Lampiran text (Binjai's labels for boxes 8, 6, 5, 3 are wrong; reading D6).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from domain.rules.core import Citation, Message, ReadingUse


class Performance(StrEnum):
    ABOVE = "above-expectation"
    MEETS = "meets-expectation"
    BELOW = "below-expectation"

    @property
    def label(self) -> Message:
        return _PERFORMANCE_LABELS[self]


class Potential(StrEnum):
    HIGH = "high"
    MIDDLE = "middle"
    LOW = "low"

    @property
    def label(self) -> Message:
        return _POTENTIAL_LABELS[self]


_PERFORMANCE_LABELS = {
    Performance.ABOVE: Message(id="di atas ekspektasi", en="above expectation"),
    Performance.MEETS: Message(id="sesuai ekspektasi", en="meets expectation"),
    Performance.BELOW: Message(id="di bawah ekspektasi", en="below expectation"),
}
_POTENTIAL_LABELS = {
    Potential.HIGH: Message(id="tinggi", en="high"),
    Potential.MIDDLE: Message(id="menengah", en="middle"),
    Potential.LOW: Message(id="rendah", en="low"),
}

# Rows: performance; columns: potential (Binjai Lampiran 1, Balikpapan Lampiran I).
GRID: dict[tuple[Performance, Potential], int] = {
    (Performance.ABOVE, Potential.LOW): 4,
    (Performance.ABOVE, Potential.MIDDLE): 7,
    (Performance.ABOVE, Potential.HIGH): 9,
    (Performance.MEETS, Potential.LOW): 2,
    (Performance.MEETS, Potential.MIDDLE): 5,
    (Performance.MEETS, Potential.HIGH): 8,
    (Performance.BELOW, Potential.LOW): 1,
    (Performance.BELOW, Potential.MIDDLE): 3,
    (Performance.BELOW, Potential.HIGH): 6,
}
POSITIONS: dict[int, tuple[Performance, Potential]] = {box: cell for cell, box in GRID.items()}
SUCCESSION_BOXES = frozenset({7, 8, 9})


def category(box: int) -> Message:
    """The box's category, from its grid position (Binjai reading D6)."""
    performance, potential = POSITIONS[box]
    return Message(
        id=f"Kinerja {performance.label.id} dan potensial {potential.label.id}",
        en=f"Performance {performance.label.en} and {potential.label.en} potential",
    )


class Recommendation(StrEnum):
    """Follow-up recommendations of Binjai Lampiran 2 and Balikpapan Lampiran II."""

    PROMOTE_AND_RETAIN = "promote-and-retain"
    RETAIN = "retain"
    SUCCESSION_GROUP_REGIONAL = "succession-group-regional"
    SUCCESSION_GROUP_REGIONAL_NATIONAL = "succession-group-regional-national"
    SUCCESSION_GROUP_AGENCY_NATIONAL = "succession-group-agency-national"
    AWARD = "award"
    ROTATION = "rotation"
    ROTATION_OR_JOB_ENLARGEMENT = "rotation-or-job-enlargement"
    ROTATION_OR_JOB_ENRICHMENT = "rotation-or-job-enrichment"
    PERFORMANCE_COACHING = "performance-coaching"
    PERFORMANCE_COUNSELLING = "performance-counselling"
    COMPETENCY_DEVELOPMENT = "competency-development"
    STUDY_ASSIGNMENT = "study-assignment"
    SUITABLE_PLACEMENT = "suitable-placement"
    PROCESSED_UNDER_LAW = "processed-under-applicable-law"

    @property
    def label(self) -> Message:
        return _RECOMMENDATION_LABELS[self]


_RECOMMENDATION_LABELS = {
    Recommendation.PROMOTE_AND_RETAIN: Message(
        id="Dipromosikan dan dipertahankan", en="Promote and retain"
    ),
    Recommendation.RETAIN: Message(id="Dipertahankan", en="Retain"),
    Recommendation.SUCCESSION_GROUP_REGIONAL: Message(
        id="Masuk Kelompok Rencana Suksesi Instansi Daerah",
        en="Join the regional succession group",
    ),
    Recommendation.SUCCESSION_GROUP_REGIONAL_NATIONAL: Message(
        id="Masuk Kelompok Rencana Suksesi Instansi Daerah/nasional",
        en="Join the regional/national succession group",
    ),
    Recommendation.SUCCESSION_GROUP_AGENCY_NATIONAL: Message(
        id="Masuk Kelompok Rencana Suksesi Instansi/Nasional",
        en="Join the agency/national succession group",
    ),
    Recommendation.AWARD: Message(id="Penghargaan", en="Award"),
    Recommendation.ROTATION: Message(id="Rotasi", en="Rotation"),
    Recommendation.ROTATION_OR_JOB_ENLARGEMENT: Message(
        id="Rotasi/Perluasan jabatan", en="Rotation/job enlargement"
    ),
    Recommendation.ROTATION_OR_JOB_ENRICHMENT: Message(
        id="Rotasi/Pengayaan jabatan", en="Rotation/job enrichment"
    ),
    Recommendation.PERFORMANCE_COACHING: Message(id="Bimbingan kinerja", en="Performance coaching"),
    Recommendation.PERFORMANCE_COUNSELLING: Message(
        id="Konseling kinerja", en="Performance counselling"
    ),
    Recommendation.COMPETENCY_DEVELOPMENT: Message(
        id="Pengembangan kompetensi", en="Competency development"
    ),
    Recommendation.STUDY_ASSIGNMENT: Message(id="Tugas belajar", en="Study assignment"),
    Recommendation.SUITABLE_PLACEMENT: Message(
        id="Penempatan yang sesuai", en="Suitable placement"
    ),
    Recommendation.PROCESSED_UNDER_LAW: Message(
        id="Diproses sesuai ketentuan peraturan perundang-undangan",
        en="Processed under the applicable laws",
    ),
}


# Boxes 5 to 1 read the same in Binjai Lampiran 2 and Balikpapan Lampiran II; the packs differ
# in boxes 9 to 6 only.
LOWER_BOXES: dict[int, tuple[Recommendation, ...]] = {
    5: (
        Recommendation.SUITABLE_PLACEMENT,
        Recommendation.PERFORMANCE_COACHING,
        Recommendation.COMPETENCY_DEVELOPMENT,
    ),
    4: (Recommendation.ROTATION, Recommendation.COMPETENCY_DEVELOPMENT),
    3: (
        Recommendation.PERFORMANCE_COACHING,
        Recommendation.PERFORMANCE_COUNSELLING,
        Recommendation.COMPETENCY_DEVELOPMENT,
        Recommendation.SUITABLE_PLACEMENT,
    ),
    2: (
        Recommendation.PERFORMANCE_COACHING,
        Recommendation.COMPETENCY_DEVELOPMENT,
        Recommendation.SUITABLE_PLACEMENT,
    ),
    1: (Recommendation.PROCESSED_UNDER_LAW,),
}


class NineBoxRules(BaseModel):
    """A pack's nine-box data: its recommendations per box and where the rules stand."""

    model_config = ConfigDict(frozen=True)

    recommendations: Mapping[int, tuple[Recommendation, ...]]
    grid_citation: Citation
    recommendations_citation: Citation
    succession_citations: tuple[Citation, ...]


class NineBoxPlacement(BaseModel):
    model_config = ConfigDict(frozen=True)

    box: int
    performance: Performance
    potential: Potential
    category: Message
    recommendations: tuple[Recommendation, ...]
    succession_group: bool
    citations: tuple[Citation, ...]
    readings_used: tuple[ReadingUse, ...]


def place(
    rules: NineBoxRules,
    performance: Performance,
    potential: Potential,
    readings_used: tuple[ReadingUse, ...],
) -> NineBoxPlacement:
    box = GRID[(performance, potential)]
    in_group = box in SUCCESSION_BOXES
    return NineBoxPlacement(
        box=box,
        performance=performance,
        potential=potential,
        category=category(box),
        recommendations=rules.recommendations[box],
        succession_group=in_group,
        citations=(
            rules.grid_citation,
            rules.recommendations_citation,
            *(rules.succession_citations if in_group else ()),
        ),
        readings_used=readings_used,
    )
