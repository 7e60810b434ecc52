"""A round's clock on a real Temporal dev server: registration closes at its deadline by itself,
and a round never published is left alone rather than retried forever."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

from domain.agencies import get_agency
from domain.envelope import Envelope, Role
from domain.scouting.candidate import Channel
from domain.scouting.plan import Schedule
from domain.scouting.round import ScoutingRound
from domain.values import Appraisal, AppraisalRating, PositionLevel
from infra.temporal import TemporalEnv
from services.application import Talenta
from services.scouting.rounds import (
    CandidateStep,
    CloseRegistration,
    OpenRound,
    PublishRound,
    RegisterCandidate,
    RoundStep,
    SelectAdministratively,
    announce_administrative_results,
    close_registration,
    open_round,
    publish_round,
    recommend_candidate,
    register_candidate,
    select_administratively,
)
from services.settings import Settings
from tests.integration.test_scouting_rounds import (
    ANNOUNCEMENT,
    HEAD,
    OPENING,
    SCHEDULE,
    SECRETARIAT,
    TEAM,
    enrol_all,
    nip,
)
from tests.integration.test_scouting_rounds import opened_round as published_round
from workflows.scouting_clocks import HANDLERS, round_clock, rules
from workflows.worker import running_clocks

RULES = rules(Settings())  # the default lead times


def unpublished_round(app: Talenta) -> UUID:
    command = OpenRound(
        agency="kota-madiun",
        level=PositionLevel.SUPERVISOR,
        name="Talent Scouting Pengawas 2024",
        schedule=SCHEDULE,
        announcement=ANNOUNCEMENT,
        effective=OPENING,
    )
    return open_round(app, command, TEAM)


async def test_the_clock_closes_registration_and_skips_what_the_rules_refuse(
    app: Talenta, temporal_env: TemporalEnv
) -> None:
    published, unpublished = published_round(app), unpublished_round(app)
    prefix = f"{uuid4()}/"  # the same round ids recur in the other backend's run

    async with running_clocks(app, temporal_env.client, RULES, HANDLERS, id_prefix=prefix):
        for round_id in (published, unpublished):
            handle = temporal_env.client.get_workflow_handle(prefix + round_clock(round_id))
            async with asyncio.timeout(30):
                while True:
                    try:
                        done = await handle.result()
                        break
                    except Exception:  # not started by the relay yet
                        await asyncio.sleep(0.2)
            assert done == ["close-registration"]

    closed: ScoutingRound = app.repository.get(published)
    assert closed.closed_on == SCHEDULE.registration_closes + timedelta(days=1)
    last = list(app.repository.event_store.get(published))[-1]
    assert isinstance(last, ScoutingRound.RegistrationClosed)
    assert last.envelope["actor"]["role"] == Role.SYSTEM
    still_open: ScoutingRound = app.repository.get(unpublished)
    assert still_open.closed_on is None


def dated_for_the_round(app: Talenta, nips: list[str], schedule: Schedule) -> None:
    """Papers handed in at registration (reading M4) and appraisals for the two years before
    the closing year (reading D5), as a round held now needs them."""
    day = schedule.registration_opens
    years = (schedule.registration_closes.year - 2, schedule.registration_closes.year - 1)
    for each in nips:
        employee = app.employee(each)
        held = employee.facts
        assert held.health_certificate is not None and held.integrity_statement is not None
        changed = held.model_copy(
            update={
                "health_certificate": held.health_certificate.model_copy(update={"issued": day}),
                "integrity_statement": held.integrity_statement.model_copy(update={"signed": day}),
                "appraisals": tuple(Appraisal(year=y, rating=AppraisalRating.BAIK) for y in years),
            }
        )
        employee.update(changed, Envelope(actor=SECRETARIAT, effective=day, reason="berkas"))
        app.save(employee)


async def test_assessors_are_reminded_of_the_candidates_still_without_a_score(
    app: Talenta, temporal_env: TemporalEnv
) -> None:
    today = get_agency("kota-madiun").local_date(datetime.now(UTC))
    schedule = Schedule(
        announcement=today - timedelta(days=20),
        registration_opens=today - timedelta(days=19),
        registration_closes=today - timedelta(days=5),
        potential_assessment=today + timedelta(days=1),  # its 1-day reminder fell due already
        technical_assessment=today + timedelta(days=30),
        result=today + timedelta(days=40),
    )
    enrol_all(app)
    round_id = open_round(
        app,
        OpenRound(
            agency="kota-madiun",
            level=PositionLevel.ADMINISTRATOR,
            name=f"Talent Scouting {uuid4()}",
            schedule=schedule,
            announcement=ANNOUNCEMENT,
            effective=schedule.announcement,
        ),
        TEAM,
    )
    on = schedule.announcement
    publish_round(
        app,
        PublishRound(round_id=round_id, circular_number="800/1", website="w", effective=on),
        TEAM,
    )
    candidates = [nip(3), nip(4), nip(14)]  # two eligible, one below grade III/d
    dated_for_the_round(app, candidates, schedule)
    for each in candidates:
        register_candidate(
            app,
            RegisterCandidate(
                round_id=round_id,
                nip=each,
                channel=Channel.DIRECT,
                effective=schedule.registration_opens,
            ),
            SECRETARIAT,
        )
        recommendation = CandidateStep(
            round_id=round_id, nip=each, effective=schedule.registration_opens
        )
        recommend_candidate(app, recommendation, HEAD)
    closing = schedule.registration_closes
    close_registration(
        app, CloseRegistration(round_id=round_id, closed_on=closing, effective=closing), TEAM
    )
    for each in candidates:
        select_administratively(
            app,
            SelectAdministratively(
                round_id=round_id, nip=each, documents_complete=True, effective=closing
            ),
            TEAM,
        )
    announce_administrative_results(app, RoundStep(round_id=round_id, effective=closing), TEAM)

    prefix = f"{uuid4()}/"
    async with running_clocks(app, temporal_env.client, RULES, HANDLERS, id_prefix=prefix):
        handle = temporal_env.client.get_workflow_handle(prefix + round_clock(round_id))
        async with asyncio.timeout(30):
            while True:
                events = list(app.repository.event_store.get(round_id))
                sent = [e for e in events if isinstance(e, ScoutingRound.ReminderSent)]
                if sent:
                    break
                await asyncio.sleep(0.2)
        assert await handle.query("pending") == ["remind-technical-7d", "remind-technical-1d"]

    (reminder,) = sent
    assert reminder.key == "remind-potential-1d"
    assert sorted(reminder.nips) == sorted([nip(3), nip(4)])
    assert reminder.envelope["actor"]["role"] == Role.SYSTEM
