"""madiun-2021 promotion from the talent pool: consideration of a pool member (P30(5)) and the
Camat qualification (P30(2))."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from domain.envelope import DocumentRef
from domain.personnel.facts import PersonnelFacts
from domain.rules.core import (
    EligibilityResult,
    Message,
    ReadingId,
    RequirementResult,
    requirement,
)
from domain.rules.madiun import PACK
from domain.rules.pack import RulePack
from domain.values import AppraisalRating, EducationLevel


def check_promotion_consideration(
    facts: PersonnelFacts, on: date, *, pack: RulePack = PACK
) -> EligibilityResult:
    """P30(5): may a pool member be considered for promotion on ``on``?

    Reading M7: poor performance ("kurang/buruk") is a most recent yearly rating of Kurang or
    Sangat Kurang; no rating at all is not poor.
    """
    pack.ensure_in_force(on)
    serving = [p for p in facts.penalties if p.level.is_moderate_or_severe and p.serving_on(on)]
    latest = facts.latest_appraisals(1, before=on)
    poor = bool(latest) and not latest[0].rating.at_least(AppraisalRating.BUTUH_PERBAIKAN)
    return EligibilityResult(
        requirements=(
            requirement(
                "not-serving-penalty",
                not serving,
                citation=pack.cite("P30(5)(a)"),
                evidence={
                    "serving": tuple(f"{p.level} {p.start}..{p.end}" for p in serving),
                    "on": on,
                },
                met_message=Message(
                    id="tidak sedang menjalani hukuman disiplin sedang/berat",
                    en="not serving a moderate/severe disciplinary penalty",
                ),
                unmet_message=Message(
                    id="sedang menjalani hukuman disiplin sedang/berat",
                    en="serving a moderate/severe disciplinary penalty",
                ),
            ),
            requirement(
                "performance-not-poor",
                not poor,
                citation=pack.cite("P30(5)(b)"),
                evidence={"latest_appraisal": tuple(f"{a.year}: {a.rating}" for a in latest)},
                met_message=Message(id="kinerja tidak kurang/buruk", en="performance not poor"),
                unmet_message=Message(id="kinerja kurang/buruk", en="poor performance"),
            ),
        ),
        readings_used=pack.uses(ReadingId.M7),
    )


class CamatBasis(StrEnum):
    """UU 23/2014 P224(2) and its elucidation, quoted in P30(2)(d): "ijazah diploma/sarjana
    pemerintahan atau sertifikat profesi keparamongprajaan"."""

    GOVERNMENT_SCIENCE_DIPLOMA = "government-science-diploma"
    KEPAMONGPRAJAAN_CERTIFICATE = "keparamongprajaan-certificate"


class CamatQualification(BaseModel):
    """The fact a Camat's appointment rests on, with its evidence: which of the two, its
    number, date, issuer and programme, and the document pinned by its SHA-256."""

    model_config = ConfigDict(frozen=True)

    basis: CamatBasis
    number: str = Field(min_length=1)
    issued: date
    institution: str = Field(min_length=1)
    # The diploma's level (D1 to S3) and programme, e.g. D4 "Ilmu Pemerintahan" from IPDN.
    level: EducationLevel | None = None
    programme: str = ""
    document: DocumentRef


def check_camat_qualification(
    qualification: CamatQualification | None, on: date, *, pack: RulePack = PACK
) -> RequirementResult:
    """P30(2) with UU 23/2014 P224(2): a Camat "menguasai pengetahuan teknis pemerintahan",
    shown by a diploma or degree in government science or the keparamongprajaan certificate,
    issued by ``on``. The diploma's field is what the caseworker read on it and recorded as
    the basis; the text of a programme's name is not tested."""
    unmet = Message(
        id="tidak ada ijazah diploma/sarjana pemerintahan atau sertifikat profesi "
        "keparamongprajaan",
        en="no government-science diploma or degree nor keparamongprajaan certificate",
    )
    met = qualification is not None and qualification.issued <= on
    if qualification is not None and qualification.issued > on:
        unmet = Message(
            id=f"bukti kualifikasi bertanggal {qualification.issued}, sesudah {on}",
            en=f"the qualification is dated {qualification.issued}, after {on}",
        )
    diploma = qualification is not None and (
        qualification.basis is CamatBasis.GOVERNMENT_SCIENCE_DIPLOMA
    )
    if met and diploma and qualification is not None:
        level = qualification.level
        met = level is not None and level.at_least(EducationLevel.D1)
        if not met:
            unmet = Message(
                id=f"ijazah pemerintahan harus diploma atau sarjana, tercatat {level or '-'}",
                en=f"the government-science diploma must be a diploma or degree, got "
                f"{level or '-'}",
            )
    return requirement(
        "camat-qualification",
        met,
        citation=pack.cite("P30(2)"),
        evidence={
            "basis": qualification.basis if qualification else None,
            "number": qualification.number if qualification else None,
            "issued": qualification.issued if qualification else None,
            "institution": qualification.institution if qualification else None,
            "level": qualification.level if qualification else None,
            "programme": qualification.programme if qualification else None,
            "document_sha256": qualification.document.sha256 if qualification else None,
            "qualification": qualification.model_dump_json() if qualification else None,
        },
        met_message=Message(
            id="menguasai pengetahuan teknis pemerintahan",
            en="has technical knowledge of government",
        ),
        unmet_message=unmet,
    )


def recorded_camat_qualification(check: RequirementResult) -> CamatQualification | None:
    """The qualification a proposal's recorded P30(2) check was judged on."""
    raw = check.evidence.get("qualification", "-")
    return None if raw == "-" else CamatQualification.model_validate_json(raw)
