"""madiun-2021 scoring: stage-4 category (P15, reading D3) and the final result (P18-19).

Rounding policy: none. Scores are percentages recorded with at most two decimals (a score with
more is refused, never silently rounded); the final score 50 % + 50 % is then exact (at most
three decimals) and compared with the thresholds as it is: 67.995 does not pass, 79.9 and 80.1
give exactly 80. All arithmetic is ``decimal.Decimal``; floats are refused.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from domain.rules.core import Citation, Message, ReadingId, ReadingUse, RuleRefusal
from domain.rules.madiun import PACK
from domain.rules.pack import RulePack

MS_THRESHOLD = Decimal("80")
MMS_THRESHOLD = Decimal("68")
PASSING_GRADE = Decimal("68")
POTENTIAL_WEIGHT = Decimal("0.5")
TECHNICAL_WEIGHT = Decimal("0.5")
MAX_PLACES = 2
_LOWEST, _HIGHEST = Decimal("0"), Decimal("100")


class Category(StrEnum):
    MS = "memenuhi-syarat"
    MMS = "masih-memenuhi-syarat"
    KMS = "kurang-memenuhi-syarat"

    @property
    def label(self) -> Message:
        return _LABELS[self]


_LABELS = {
    Category.MS: Message(id="Memenuhi Syarat (MS)", en="meets requirements (MS)"),
    Category.MMS: Message(id="Masih Memenuhi Syarat (MMS)", en="still meets requirements (MMS)"),
    Category.KMS: Message(id="Kurang Memenuhi Syarat (KMS)", en="does not meet requirements (KMS)"),
}


_CATEGORY_ARTICLES = {Category.MS: "P18(2)", Category.MMS: "P18(3)", Category.KMS: "P18(4)"}


class StageFourResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    score: Decimal
    category: Category
    proceeds: bool
    citations: tuple[Citation, ...]
    readings_used: tuple[ReadingUse, ...]


class ScoutingResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    potential_score: Decimal
    technical_score: Decimal
    final_score: Decimal
    category: Category
    passed: bool
    citations: tuple[Citation, ...]
    readings_used: tuple[ReadingUse, ...]


def score(raw: Decimal | int | str) -> Decimal:
    """A valid score: a finite Decimal within 0..100 with at most two decimals."""
    if isinstance(raw, float | bool):
        # Binary floats cannot hold 79.9 exactly; a bool is no score.
        raise _invalid(raw, "harus Decimal, bukan float", "must be a Decimal, not a float")
    try:
        value = Decimal(raw)
    except ArithmeticError:
        raise _invalid(raw, "bukan angka", "not a number") from None
    if not value.is_finite():
        raise _invalid(raw, "bukan angka", "not a number")
    if not _LOWEST <= value <= _HIGHEST:
        raise _invalid(raw, "harus antara 0 dan 100", "must be within 0..100")
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_PLACES:
        raise _invalid(raw, "paling banyak 2 desimal", "at most 2 decimals")
    return value


def _invalid(raw: object, why_id: str, why_en: str) -> RuleRefusal:
    return RuleRefusal(
        "invalid-score",
        Message(id=f"nilai {raw!r} tidak sah: {why_id}", en=f"score {raw!r} is invalid: {why_en}"),
    )


def categorise(value: Decimal) -> Category:
    """P18(2-4): MS >= 80; MMS >= 68 and < 80; KMS < 68."""
    if value >= MS_THRESHOLD:
        return Category.MS
    if value >= MMS_THRESHOLD:
        return Category.MMS
    return Category.KMS


def stage_four(raw: Decimal | int | str, *, pack: RulePack = PACK) -> StageFourResult:
    """Stage 4 (potential and managerial competence): category by reading D3; KMS stops."""
    value = score(raw)
    found = categorise(value)
    return StageFourResult(
        score=value,
        category=found,
        proceeds=found is not Category.KMS,
        citations=(
            pack.cite("P15(2)"),
            pack.cite("P15(4)") if found is Category.KMS else pack.cite("P15(3)"),
        ),
        readings_used=pack.uses(ReadingId.D3),
    )


def final_result(
    potential: Decimal | int | str,
    technical: Decimal | int | str,
    *,
    pack: RulePack = PACK,
) -> ScoutingResult:
    """Stage 6: 50 % stage 4 + 50 % stage 5 (P19(2)), category (P18), pass at >= 68 (P19(3)).

    Refused when stage 4 was KMS: such a candidate never reaches stage 5 (P15(4)).
    """
    fourth = stage_four(potential, pack=pack)
    if not fourth.proceeds:
        raise RuleRefusal(
            "stopped-at-stage-4",
            Message(
                id=f"nilai potensi {fourth.score} berkategori KMS; tidak dapat mengikuti tahap "
                "berikutnya",
                en=f"potential score {fourth.score} is KMS; the candidate cannot go on",
            ),
            pack.cite("P15(4)"),
        )
    fifth = score(technical)
    final = fourth.score * POTENTIAL_WEIGHT + fifth * TECHNICAL_WEIGHT
    found = categorise(final)
    return ScoutingResult(
        potential_score=fourth.score,
        technical_score=fifth,
        final_score=final,
        category=found,
        passed=final >= PASSING_GRADE,
        citations=(pack.cite("P19(2)"), pack.cite(_CATEGORY_ARTICLES[found]), pack.cite("P19(3)")),
        readings_used=fourth.readings_used,
    )
