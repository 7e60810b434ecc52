"""One projection keeps the scouting read models: round boards, pool entries and vacancies.

One name and one tracking position for the three collections, so they are rebuilt together and
always reflect the same point of the log (an inauguration moves a vacancy and a pool entry).
"""

from __future__ import annotations

from typing import Any

from eventsourcing.dispatch import singledispatchmethod
from eventsourcing.persistence import Tracking
from eventsourcing.projection import Projection

from domain.scouting.pool import PoolMembership
from domain.scouting.round import ScoutingRound
from domain.scouting.vacancy import Vacancy
from projections.documents import DocumentView
from projections.scouting.pool import POOL, POOL_TOPICS, project_entry
from projections.scouting.rounds import ROUND_TOPICS, ROUNDS, project_round
from projections.scouting.vacancies import VACANCIES, VACANCY_TOPICS, project_vacancy


class ScoutingProjection(Projection[DocumentView]):
    name = "scouting"
    topics = (*ROUND_TOPICS, *POOL_TOPICS, *VACANCY_TOPICS)
    collections = (ROUNDS, POOL, VACANCIES)

    @singledispatchmethod
    def process_event(self, domain_event: Any, tracking: Tracking) -> None:
        self.view.insert_tracking(tracking)

    @process_event.register
    def _(self, domain_event: ScoutingRound.Event, tracking: Tracking) -> None:
        project_round(self.view, domain_event, tracking)

    @process_event.register
    def _(self, domain_event: PoolMembership.Event, tracking: Tracking) -> None:
        project_entry(self.view, domain_event, tracking)

    @process_event.register
    def _(self, domain_event: Vacancy.Event, tracking: Tracking) -> None:
        project_vacancy(self.view, domain_event, tracking)
