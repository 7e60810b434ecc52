"""Sekolah Kader eligibility (career acceleration, binjai-2023 P24(2), P25; balikpapan-2022 P21(1)).

Balikpapan P21(1) names the Sekolah Kader as the route of career acceleration, like Binjai P24(2),
but the regulation sets no participation requirements (Binjai P25 has no counterpart), so a
Balikpapan enrolment is recorded without an eligibility check; the institution's test is kept
when one was held. The packs with requirements are listed in ``SEKOLAH_KADER_CHECKS``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from domain.personnel.facts import PersonnelFacts
from domain.rules import binjai
from domain.rules.core import EligibilityResult, Message
from domain.rules.pack import RulePack
from domain.talent.errors import TalentRefusal

SekolahKaderCheck = Callable[..., EligibilityResult]
# The packs that set Sekolah Kader requirements, and the function that judges them.
SEKOLAH_KADER_CHECKS: dict[str, SekolahKaderCheck] = {
    binjai.PACK.id: binjai.check_sekolah_kader_eligibility
}


class SekolahKaderIneligible(TalentRefusal):
    """Every requirement not met (or still pending), each with its citation."""

    def __init__(self, result: EligibilityResult) -> None:
        self.result = result
        unmet = tuple(r for r in result.deciding if not r.passed)
        super().__init__(
            "sekolah-kader-ineligible",
            Message(
                id="tidak memenuhi syarat Sekolah Kader: "
                + "; ".join(f"{r.message.id} [{r.citation}]" for r in unmet),
                en="not eligible for the Sekolah Kader: "
                + "; ".join(f"{r.message.en} [{r.citation}]" for r in unmet),
            ),
            unmet[0].citation,
        )


def judges_sekolah_kader(pack: RulePack) -> bool:
    """Whether ``pack`` sets Sekolah Kader requirements (Binjai P25)."""
    return pack.id in SEKOLAH_KADER_CHECKS


def sekolah_kader_eligibility(
    pack: RulePack,
    facts: PersonnelFacts,
    *,
    on: date,
    assessment_centre: date | bool,
    box: int | None,
    institution_test: bool | None,
) -> EligibilityResult:
    """The pack's Sekolah Kader requirements on ``on`` (Binjai P25, reading D1), refused when
    not eligible, listing every unmet requirement."""
    result = SEKOLAH_KADER_CHECKS[pack.id](
        facts,
        on=on,
        assessment_centre=assessment_centre,
        box=box,
        institution_test=institution_test,
        pack=pack,
    )
    if not result.eligible:
        raise SekolahKaderIneligible(result)
    return result
