"""One registrant's state inside a scouting round, as the round's events leave it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from domain.envelope import DocumentRef
from domain.rules.madiun_scoring import Category


class Channel(StrEnum):
    """P13(1): documents handed to the team, or a registration on the BKPSDM website."""

    DIRECT = "direct"
    WEB = "web"


class AssessmentStage(StrEnum):
    POTENTIAL = "potential"  # stage 4, P15
    TECHNICAL = "technical"  # stage 5, P16-17


class Stage(StrEnum):
    """Where a candidate stands; the last four are final for this round."""

    PENDING_VERIFICATION = "pending-verification"
    REGISTERED = "registered"
    ADMINISTRATIVE_PASSED = "administrative-passed"
    POTENTIAL_ASSESSED = "potential-assessed"
    TECHNICAL_ASSESSED = "technical-assessed"
    ADMINISTRATIVE_FAILED = "administrative-failed"
    STOPPED_AT_POTENTIAL = "stopped-at-potential"
    PASSED = "passed"
    FAILED = "failed"


@dataclass(frozen=True)
class FinalResult:
    final: Decimal
    category: Category
    passed: bool


@dataclass(frozen=True)
class Candidate:
    """Immutable: the round replaces a candidate on each event. ``*_ref`` name the event that
    recorded a decision (``<round id>/<version>``); a correction must cite it in ``corrects``."""

    nip: str
    channel: Channel
    documents: tuple[DocumentRef, ...]
    registered_on: date
    recommended: bool = False
    verified: bool = False
    administrative_passed: bool | None = None
    # Codes of the failed requirements, plus "documents-incomplete".
    administrative_failures: tuple[str, ...] = ()
    selection_ref: str = ""
    potential: Decimal | None = None
    category: Category | None = None
    proceeds: bool | None = None
    potential_ref: str = ""
    technical: Decimal | None = None
    technical_ref: str = ""
    result: FinalResult | None = None

    @property
    def awaiting_verification(self) -> bool:
        """P13(3): a web registrant's documents still have to be verified."""
        return self.channel is Channel.WEB and not self.verified

    @property
    def stage(self) -> Stage:
        if self.result is not None:
            return Stage.PASSED if self.result.passed else Stage.FAILED
        if self.proceeds is False:
            return Stage.STOPPED_AT_POTENTIAL
        if self.technical is not None:
            return Stage.TECHNICAL_ASSESSED
        if self.potential is not None:
            return Stage.POTENTIAL_ASSESSED
        if self.administrative_passed is not None:
            return (
                Stage.ADMINISTRATIVE_PASSED
                if self.administrative_passed
                else Stage.ADMINISTRATIVE_FAILED
            )
        return Stage.PENDING_VERIFICATION if self.awaiting_verification else Stage.REGISTERED


# Document completeness is judged in administrative selection together with the data (P14).
DOCUMENTS_CITATION = "madiun-2021:P14(1)"


def administrative_failures(
    eligibility: dict[str, Any], documents_complete: bool
) -> tuple[tuple[str, str], ...]:
    """Why a candidate fails administrative selection, as (code, citation): the deciding
    requirements not met (``part_of`` rows only feed a combined requirement), and the documents
    when incomplete."""
    failed = tuple(
        (r["code"], r["citation"])
        for r in eligibility["requirements"]
        if r["part_of"] is None and r["outcome"] != "met"
    )
    return failed + (() if documents_complete else (("documents-incomplete", DOCUMENTS_CITATION),))
