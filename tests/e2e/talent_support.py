"""What the talent-cycle end-to-end tests share: the HTTP API as each role's person calls it (the
read models as the auditor reads them), a staffed agency, moments n calendar years back, and the
employees and plans the clock tests build directly."""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

import httpx
from eventsourcing.domain import Aggregate
from fastapi.testclient import TestClient
from pydantic import BaseModel
from temporalio.client import Client
from temporalio.service import RPCError, RPCStatusCode

from domain.agencies import get_agency
from domain.envelope import Actor, Envelope, Role
from domain.personnel.aggregate import Employee
from domain.personnel.facts import PersonnelFacts
from domain.rules.calendar import add_years
from domain.rules.ninebox import Performance, Potential
from domain.rules.pack import RulePack
from domain.rules.registry import pack_for
from domain.talent.mapping import Assessment, TalentProfile
from domain.talent.nominated_group import NominatedGroup, NominatedMember
from domain.talent.succession import SuccessionGroup, SuccessionPlan
from domain.talent.succession_values import DecreedGroup, Successor, TalentFacts, TargetStatus
from domain.values import PositionLevel
from services.api import create_api
from services.api.context import Context
from services.application import Talenta
from services.auth import token_store
from tests.unit.rules_builders import facts, spell

M = TypeVar("M", bound=BaseModel)
ROLES = (Role.CASEWORKER, Role.TALENT_TEAM, Role.ASSESSOR, Role.PPK, Role.AUDITOR)
# The nine-box cells the tests place people in (rows: performance; columns: potential).
CELLS = {
    9: (Performance.ABOVE, Potential.HIGH),
    8: (Performance.MEETS, Potential.HIGH),
    7: (Performance.ABOVE, Potential.MIDDLE),
    6: (Performance.BELOW, Potential.HIGH),
    5: (Performance.MEETS, Potential.MIDDLE),
}


def zone(agency: str) -> ZoneInfo:
    return ZoneInfo(get_agency(agency).time_zone)


def today(agency: str) -> date:
    return get_agency(agency).local_date(datetime.now(UTC))


def years_before(moment: datetime, years: int, agency: str) -> datetime:
    """The same wall-clock moment in the agency ``years`` calendar years earlier (29 Feb → 28
    Feb, reading D7), so the clock's anniversary of it is ``moment`` again."""
    local = moment.astimezone(zone(agency))
    return datetime.combine(add_years(local.date(), -years), local.timetz())


async def clock_started(client: Client, workflow_id: str, timeout: float = 20) -> None:
    """Waits until the relay has started the clock ``workflow_id``."""
    async with asyncio.timeout(timeout):
        while True:
            try:
                await client.get_workflow_handle(workflow_id).describe()
                return
            except RPCError as error:
                if error.status is not RPCStatusCode.NOT_FOUND:
                    raise
            await asyncio.sleep(0.2)


def actor(agency: str, role: Role) -> Actor:
    return Actor(id=f"{role}@{agency}", role=role, agency=agency)


class Desk:
    """One agency's people, one token per role, calling the HTTP API; calls run in a thread so
    the clocks on the test's event loop keep running. Reads are the auditor's."""

    def __init__(self, app: Talenta, agency: str) -> None:
        self.app = app
        self.agency = agency
        self.cycle = pack_for(agency).cycle
        assert self.cycle is not None
        self.client = TestClient(create_api(Context.of(app)))
        tokens = token_store(app)
        self.secrets = {
            role: tokens.create_token(f"{role}@{agency}", agency, [role])[1] for role in ROLES
        }

    def _headers(self, role: Role) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.secrets[role]}"}

    async def call(self, role: Role, step: str, body: dict[str, Any]) -> httpx.Response:
        return await asyncio.to_thread(
            self.client.post, f"/talent/{step}", json=body, headers=self._headers(role)
        )

    async def do(self, role: Role, step: str, **body: Any) -> Any:
        answer = await self.call(role, step, body)
        assert answer.status_code == 200, (step, answer.json())
        return answer.json()["result"]

    async def refused(
        self, role: Role, step: str, code: str, citation: str | None, **body: Any
    ) -> dict[str, Any]:
        answer = await self.call(role, step, body)
        refusal: dict[str, Any] = answer.json()
        assert answer.status_code == 422, (step, refusal)
        assert (refusal["code"], refusal["citation"]) == (code, citation), refusal
        assert refusal["message"] and refusal["message_en"], refusal
        return refusal

    async def get(self, path: str, params: dict[str, str] | None = None) -> Any:
        """As the auditor reads: read models, the campaign report and the audit answers."""
        answer = await asyncio.to_thread(
            self.client.get, path, params=params, headers=self._headers(Role.AUDITOR)
        )
        assert answer.status_code == 200, (path, answer.json())
        return answer.json()

    async def row(self, model: type[M], path: str, **params: object) -> M:
        """A read model's answer at /talent/``path`` for this agency, as ``model``."""
        return model.model_validate(await self.get(f"/talent/{path}", self._query(params)))

    async def rows(self, model: type[M], path: str, **params: object) -> list[M]:
        found = await self.get(f"/talent/{path}", self._query(params))
        return [model.model_validate(each) for each in found]

    def _query(self, params: dict[str, object]) -> dict[str, str]:
        return {"agency": self.agency, **{k: str(v) for k, v in params.items()}}


def staffed(app: Talenta, agency: str, people: dict[str, tuple[str, date]], on: date) -> None:
    """Enrols each NIP in its unit, a supervisor since the given day."""
    stamp = Envelope(actor=actor(agency, Role.CASEWORKER), effective=on)
    employees = [
        facts(
            nip=nip,
            agency=agency,
            unit=unit,
            positions=(
                spell(PositionLevel.EXECUTOR, date(2008, 3, 1), since - timedelta(days=1)),
                spell(PositionLevel.SUPERVISOR, since),
            ),
        )
        for nip, (unit, since) in people.items()
    ]
    app.save(*(Employee.enrol(employee, stamp) for employee in employees))


# A period of its own for each successor built here: a period's group is decreed once.
_PERIODS = itertools.count(3000)


def box9_successor(app: Talenta, agency: str, nip: str, on: date) -> UUID:
    """An employee mapped in box 9 on ``on`` and the plan of a critical target position in their
    own unit with them nominated and ordered first, built directly (the clock tests need many,
    fast)."""
    pack = pack_for(agency)
    cycle = pack.cycle
    assert cycle is not None
    stamp = Envelope(actor=actor(agency, cycle.nominator), effective=on)
    employee = Employee.enrol(facts(nip=nip, agency=agency, unit="BPKPD"), stamp)
    profile = TalentProfile.start(agency, nip, stamp)
    assessment = profile.assess(
        "BPKPD",
        PositionLevel.SUPERVISOR,
        f"{on.year}-{next(_PERIODS)}",
        Performance.ABOVE,
        Potential.HIGH,
        {"assessment_centre": {"score": 88}},
        pack,
        stamp,
    )
    plan = SuccessionPlan.declare(
        agency,
        f"Kepala Bidang Anggaran {uuid4().hex[:6]}",
        "BPKPD",
        PositionLevel.ADMINISTRATOR,
        uuid4(),  # a critical position: its placement is monitored
        TargetStatus.VACANT,
        pack,
        stamp,
    )
    groups = nominated_alone(plan, assessment, employee.facts, pack, on)
    successor = Successor(nip=nip, projected_position=plan.position, projected_date=on)
    plan.order_successors([successor], pack, stamp)
    app.save(employee, profile, plan, *groups)
    return plan.id


def nominated_alone(
    plan: SuccessionPlan,
    assessment: Assessment,
    employee: PersonnelFacts,
    pack: RulePack,
    on: date,
) -> list[Aggregate]:
    """``assessment``'s talent nominated to ``plan`` on ``on`` in the pack's order, with the
    group decree (and in Balikpapan the talent team's group) holding them alone, for the
    assessment's period: in Binjai the PPK decrees first and nominates from it (P29(3), P22);
    in Balikpapan the team nominates, sets the group (P16) and the PPK decrees it (P17(3))."""
    cycle = pack.cycle
    assert cycle is not None
    nip, period = assessment.nip, assessment.period
    ppk = Envelope(actor=actor(plan.agency, Role.PPK), effective=on)
    nominator = Envelope(actor=actor(plan.agency, cycle.nominator), effective=on)
    talent = TalentFacts.of(employee, on)

    def decree(team: DecreedGroup | None) -> SuccessionGroup:
        return SuccessionGroup.decree(
            plan.agency,
            period,
            {nip: assessment},
            f"800/{period}/{nip[-4:]}",
            on,
            pack,
            ppk,
            talents={nip: talent},
            nominated=team,
        )

    if cycle.nomination_needs_decreed_group:
        group = decree(None)
        decreed = DecreedGroup(
            period=period, reference=group.decree_number, members=frozenset(group.members)
        )
        plan.nominate(nip, assessment, "kotak 9", pack, nominator, talent=talent, group=decreed)
        return [group]
    made = plan.nominate(nip, assessment, "kotak 9", pack, nominator, talent=talent, group=None)
    member = NominatedMember(plan_id=plan.id, nip=nip, nomination=made)
    team = NominatedGroup.set(plan.agency, period, [member], f"BA/{period}", pack, nominator)
    return [team, decree(team.as_group)]
