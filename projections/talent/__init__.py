"""Talent-cycle read models: the nine-box grid per unit and period as of any day,
critical positions, succession groups and plans, the development priority list and open
follow-up tasks, valid pins, placements and the monitoring due list. Documents in a
``DocumentView``, rebuildable."""

from __future__ import annotations

from projections.talent.awards import AwardRow, valid_pins
from projections.talent.critical import (
    CriticalPositionRow,
    critical_positions,
    declared_positions,
)
from projections.talent.development import (
    CounsellingRow,
    DevelopmentRow,
    FollowUpRow,
    PriorityRow,
    development_priority,
    open_follow_ups,
)
from projections.talent.monitoring import (
    CheckInDueRow,
    EvaluationDueRow,
    MonitoringDue,
    monitoring_due,
)
from projections.talent.ninebox import GridCell, NineBoxGrid, ninebox_grid
from projections.talent.placements import PlacementRow, placements
from projections.talent.profiles import AssessmentRow, ProfileRow, profile
from projections.talent.projection import TalentProjection
from projections.talent.succession import (
    GroupMember,
    GroupRow,
    NominationRow,
    PlanRow,
    succession_groups,
    succession_plan,
    succession_plans,
)

__all__ = [
    "AssessmentRow",
    "AwardRow",
    "CheckInDueRow",
    "CounsellingRow",
    "CriticalPositionRow",
    "DevelopmentRow",
    "EvaluationDueRow",
    "FollowUpRow",
    "GridCell",
    "GroupMember",
    "GroupRow",
    "MonitoringDue",
    "NineBoxGrid",
    "NominationRow",
    "PlacementRow",
    "PlanRow",
    "PriorityRow",
    "ProfileRow",
    "TalentProjection",
    "critical_positions",
    "declared_positions",
    "development_priority",
    "monitoring_due",
    "ninebox_grid",
    "open_follow_ups",
    "placements",
    "profile",
    "succession_groups",
    "succession_plan",
    "succession_plans",
    "valid_pins",
]
