"""What a scouting round announces before it starts: its level, schedule (P11) and content
(P12(3)), and the checks a round makes before it opens."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from pydantic import BaseModel, ConfigDict

from domain.rules.madiun import PACK
from domain.rules.registry import pack_in_force
from domain.scouting.candidate import AssessmentStage
from domain.scouting.refusals import PLAN
from domain.values import PositionLevel

SCOUTED_LEVELS = (PositionLevel.ADMINISTRATOR, PositionLevel.SUPERVISOR)


class Schedule(BaseModel):
    """The dates of the six stages of P11. Order is checked by the round, not here, so that an
    out-of-order schedule is refused with its citation rather than as a malformed request."""

    model_config = ConfigDict(frozen=True)

    announcement: date
    registration_opens: date
    registration_closes: date
    potential_assessment: date
    technical_assessment: date
    result: date

    def registration_closed_from(self) -> date:
        """Registration runs through its last day (P13), so it is closed from the day after: the
        round's clock closes it at the start of that day."""
        return self.registration_closes + timedelta(days=1)

    def assessment_days(self) -> dict[AssessmentStage, date]:
        """Each assessment stage (P15, P16-17) with its date: the assessors are reminded ahead
        of it of the candidates still without a score."""
        return {
            AssessmentStage.POTENTIAL: self.potential_assessment,
            AssessmentStage.TECHNICAL: self.technical_assessment,
        }

    def out_of_order(self) -> list[tuple[str, str]]:
        """Each pair of consecutive stages where the later one is dated before the earlier."""
        return [
            (earlier, later)
            for (earlier, first), (later, second) in pairwise(self.model_dump().items())
            if second < first
        ]


# P12(3): item -> the letter of the paragraph that asks for it.
ANNOUNCEMENT_ITEMS = {
    "requirements": "a",
    "timing_and_procedure": "a",
    "stages": "b",
    "other": "c",
}


class Announcement(BaseModel):
    """The minimum content of P12(3). Empty items are allowed here and refused by the round."""

    model_config = ConfigDict(frozen=True)

    requirements: str = ""
    timing_and_procedure: str = ""
    stages: str = ""
    other: str = ""

    def missing(self) -> list[str]:
        return [item for item in ANNOUNCEMENT_ITEMS if not getattr(self, item).strip()]


def ensure_openable(
    agency: str,
    level: PositionLevel | str,
    schedule: Schedule,
    announcement: Announcement,
    effective: date,
) -> None:
    """Refuses a round madiun-2021 does not provide for; PackNotInForce propagates as it is."""
    if level not in SCOUTED_LEVELS:
        raise PLAN.refused("level-not-in-scope", level=level)
    pack = pack_in_force(agency, effective)
    if pack.id != PACK.id:
        raise PLAN.refused("no-scouting-in-pack", regulation=pack.regulation)
    if wrong := schedule.out_of_order():
        shown = "; ".join(f"{later} < {earlier}" for earlier, later in wrong)
        raise PLAN.refused("schedule-out-of-order", shown=shown)
    if missing := announcement.missing():
        shown = ", ".join(missing)
        letters = "".join(sorted({ANNOUNCEMENT_ITEMS[item] for item in missing}))
        # One missing letter is cited as such; items of several letters cite the paragraph.
        raise PLAN.refused(
            "announcement-incomplete",
            article=f"P12(3)({letters})" if len(letters) == 1 else None,
            shown=shown,
        )
