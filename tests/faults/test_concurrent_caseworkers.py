"""Fifty caseworkers registering the same candidate in the same round at once, each with a token
of their own, through the HTTP API served by uvicorn on PostgreSQL (issue 6): exactly one is
recorded; every other caseworker is told the record changed meanwhile (409), whether they lost the
race to save or read the round after the winner; the log holds one registration."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import date
from uuid import UUID

import httpx
from eventsourcing.utils import get_topic

from domain.access.refusals import Refusal
from domain.envelope import Actor, Envelope, Role
from domain.personnel.aggregate import Employee
from domain.scouting.round import ScoutingRound
from services.api import create_api
from services.api.context import Context
from services.application import Talenta
from services.auth import token_store
from tests.faults.conftest import NewStore
from tests.faults.server import serving
from tests.unit.rules_builders import facts

AGENCY = "kota-madiun"
CANDIDATE = "197506012000011001"
CASEWORKERS = 50
REFUSED = get_topic(Refusal.Refused)
ROUND = {
    "agency": AGENCY,
    "level": "administrator",
    "name": "Talent Scouting Administrator 2024",
    "schedule": {
        "announcement": "2024-02-01",
        "registration_opens": "2024-02-05",
        "registration_closes": "2024-03-15",
        "potential_assessment": "2024-04-01",
        "technical_assessment": "2024-04-22",
        "result": "2024-05-06",
    },
    "announcement": {
        "requirements": "Pasal 10 ayat (1)",
        "timing_and_procedure": "5 Februari - 15 Maret 2024",
        "stages": "enam tahapan Pasal 11",
        "other": "-",
    },
    "effective": "2024-02-01",
    "reason": "kebutuhan organisasi (P5)",
}


def headers(secret: str, role: Role) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}", "X-Talenta-Role": role}


async def test_fifty_caseworkers_registering_one_candidate_at_once_record_it_once(
    pg_stores: NewStore,
) -> None:
    store = pg_stores()
    with Talenta(store) as app:
        stamp = Envelope(
            actor=Actor(id="impor", role=Role.CASEWORKER, agency=AGENCY),
            effective=date(2024, 1, 15),
            reason="impor SIASN",
        )
        app.save(Employee.enrol(facts(nip=CANDIDATE), stamp))
        tokens = token_store(app)
        team = headers(tokens.create_token("ketua.tim", AGENCY, {Role.SCOUTING_TEAM})[1],
                       Role.SCOUTING_TEAM)  # fmt: skip
        caseworkers = [
            headers(tokens.create_token(f"caseworker.{n}", AGENCY, {Role.CASEWORKER})[1],
                    Role.CASEWORKER)
            for n in range(CASEWORKERS)
        ]  # fmt: skip

        with serving(create_api(Context.of(app))) as url:
            async with httpx.AsyncClient(base_url=url, timeout=60) as client:
                opened = await client.post("/scouting/open-round", json=ROUND, headers=team)
                assert opened.status_code == 200, opened.json()
                round_id = opened.json()["result"]
                published = await client.post(
                    "/scouting/publish-round",
                    json={
                        "round_id": round_id,
                        "effective": "2024-02-01",
                        "circular_number": "800/117/401.103/2024",
                        "website": "https://bkpsdm.madiunkota.go.id/talent-scouting-2024",
                    },
                    headers=team,
                )
                assert published.status_code == 200, published.json()
                before = app.recorder.max_notification_id()

                registration = {
                    "round_id": round_id,
                    "effective": "2024-02-12",
                    "nip": CANDIDATE,
                    "channel": "direct",
                    "documents": [{"name": "berkas.pdf", "sha256": "c" * 64}],
                }
                async with asyncio.timeout(60):
                    answers = await asyncio.gather(
                        *(
                            client.post(
                                "/scouting/register-candidate", json=registration, headers=each
                            )
                            for each in caseworkers
                        )
                    )

        statuses = Counter(answer.status_code for answer in answers)
        assert statuses == {200: 1, 409: CASEWORKERS - 1}, [a.json() for a in answers]
        for answer in answers:
            if answer.status_code == 409:
                refusal = answer.json()
                assert refusal["code"] in ("conflict", "already-registered"), refusal
                assert refusal["message"] and refusal["message_en"], refusal
        events = list(app.repository.event_store.get(UUID(round_id)))
        registered = [e for e in events if isinstance(e, ScoutingRound.Registered)]
        assert [e.nip for e in registered] == [CANDIDATE]
        # Besides it, the log holds only the records of the refusals, by the rule or of a save
        # that lost the race (refused commands are recorded with their answer); a refused
        # command itself wrote nothing at all.
        losers = {
            f"caseworker.{n}" for n, answer in enumerate(answers) if answer.status_code == 409
        }
        added = app.recorder.select_notifications(before, 1000, inclusive_of_start=False)
        topics = Counter(notification.topic for notification in added)
        assert topics == Counter({get_topic(ScoutingRound.Registered): 1, REFUSED: len(losers)})
        refused = [app.repository.get(n.originator_id) for n in added if n.topic == REFUSED]
        assert {r.actor["id"] for r in refused} == losers
        assert {r.status for r in refused} == {409}
        assert {r.code for r in refused} <= {"conflict", "already-registered"}
