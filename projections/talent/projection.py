"""One projection keeps the talent-cycle read models: profiles (the nine-box), critical
positions, succession groups and plans, development records, awards, placements, monitoring.

One name and one tracking position, so they are rebuilt together and always reflect the same
point of the log (a placement and its monitoring are one save; the priority list joins the
profiles with the development records).
"""

from __future__ import annotations

from typing import Any

from eventsourcing.dispatch import singledispatchmethod
from eventsourcing.persistence import Tracking
from eventsourcing.projection import Projection

from domain.talent.critical import CriticalPosition
from domain.talent.development import DevelopmentRecord
from domain.talent.mapping import TalentProfile
from domain.talent.monitoring import Monitoring
from domain.talent.placement import Placement
from domain.talent.retention import Award
from domain.talent.succession import SuccessionGroup, SuccessionPlan
from projections.documents import DocumentView
from projections.talent.awards import AWARD_TOPICS, AWARDS, project_award
from projections.talent.critical import CRITICAL, CRITICAL_TOPICS, project_critical
from projections.talent.development import (
    DEVELOPMENT,
    DEVELOPMENT_TOPICS,
    project_development,
)
from projections.talent.monitoring import MONITORING, MONITORING_TOPICS, project_monitoring
from projections.talent.placements import PLACEMENT_TOPICS, PLACEMENTS, project_placement
from projections.talent.profiles import PROFILE_TOPICS, PROFILES, project_profile
from projections.talent.succession import (
    GROUP_TOPICS,
    GROUPS,
    PLAN_TOPICS,
    PLANS,
    project_group,
    project_plan,
)


class TalentProjection(Projection[DocumentView]):
    name = "talent"
    topics = (
        *PROFILE_TOPICS,
        *CRITICAL_TOPICS,
        *GROUP_TOPICS,
        *PLAN_TOPICS,
        *DEVELOPMENT_TOPICS,
        *AWARD_TOPICS,
        *PLACEMENT_TOPICS,
        *MONITORING_TOPICS,
    )
    collections = (PROFILES, CRITICAL, GROUPS, PLANS, DEVELOPMENT, AWARDS, PLACEMENTS, MONITORING)

    @singledispatchmethod
    def process_event(self, domain_event: Any, tracking: Tracking) -> None:
        self.view.insert_tracking(tracking)

    @process_event.register
    def _(self, domain_event: TalentProfile.Event, tracking: Tracking) -> None:
        project_profile(self.view, domain_event, tracking)

    @process_event.register
    def _(self, domain_event: CriticalPosition.Event, tracking: Tracking) -> None:
        project_critical(self.view, domain_event, tracking)

    @process_event.register
    def _(self, domain_event: SuccessionGroup.Event, tracking: Tracking) -> None:
        project_group(self.view, domain_event, tracking)

    @process_event.register
    def _(self, domain_event: SuccessionPlan.Event, tracking: Tracking) -> None:
        project_plan(self.view, domain_event, tracking)

    @process_event.register
    def _(self, domain_event: DevelopmentRecord.Event, tracking: Tracking) -> None:
        project_development(self.view, domain_event, tracking)

    @process_event.register
    def _(self, domain_event: Award.Event, tracking: Tracking) -> None:
        project_award(self.view, domain_event, tracking)

    @process_event.register
    def _(self, domain_event: Placement.Event, tracking: Tracking) -> None:
        project_placement(self.view, domain_event, tracking)

    @process_event.register
    def _(self, domain_event: Monitoring.Event, tracking: Tracking) -> None:
        project_monitoring(self.view, domain_event, tracking)
