"""madiun-2021 promotion from the talent pool: consideration of a pool member (P30(5)) and the
Camat qualification (P30(2))."""

from __future__ import annotations

from datetime import date

from domain.personnel.facts import PersonnelFacts
from domain.rules.core import EligibilityResult, Message, RequirementResult, requirement
from domain.rules.madiun import PACK
from domain.rules.pack import RulePack
from domain.values import AppraisalRating, EducationLevel


def check_promotion_consideration(
    facts: PersonnelFacts, on: date, *, pack: RulePack = PACK
) -> EligibilityResult:
    """P30(5): may a pool member be considered for promotion on ``on``?

    Poor performance ("kurang/buruk") is read as a most recent yearly rating of Kurang or
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
        readings_used=(),
    )


def check_camat_qualification(
    facts: PersonnelFacts, *, has_governance_certificate: bool, pack: RulePack = PACK
) -> RequirementResult:
    """P30(2) with UU 23/2014 P224(2): a Camat needs a diploma/degree in government science
    (ilmu pemerintahan) or a civil-service governance (keparamongprajaan) certificate."""
    diplomas = tuple(
        f"{e.level} {e.programme}"
        for e in facts.education
        if e.level.at_least(EducationLevel.D1) and "pemerintahan" in e.programme.lower()
    )
    return requirement(
        "camat-qualification",
        bool(diplomas) or has_governance_certificate,
        citation=pack.cite("P30(2)"),
        evidence={
            "government_science_diplomas": diplomas,
            "governance_certificate": has_governance_certificate,
        },
        met_message=Message(
            id="menguasai pengetahuan teknis pemerintahan",
            en="has technical knowledge of government",
        ),
        unmet_message=Message(
            id="tidak ada ijazah pemerintahan atau sertifikat keparamongprajaan",
            en="no government-science diploma nor governance certificate",
        ),
    )
