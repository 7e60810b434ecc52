"""Every command route, called by every role allowed it, with another agency's records in its
body (an employee, a round, a vacancy, a mutation, a tenure review, a critical position, a plan,
a campaign, a monitoring, a notice, a talent search): refused with other-agency, and nothing
written but the Refusal record. The table is generated from the routes and their ``@allowed``
roles, on both stores."""

from __future__ import annotations

import types
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, Union, get_args, get_origin, get_type_hints
from urllib.parse import quote
from uuid import UUID, uuid4

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from domain.envelope import Actor, Envelope, Role
from domain.personnel.aggregate import Employee
from domain.reminders.notice import Notice
from domain.rules.registry import pack_for
from domain.scouting.mutation import TenureReview
from domain.talent.monitoring import Monitoring
from domain.talent.search import SearchGround
from domain.talent.succession_values import TargetStatus
from domain.values import PositionLevel
from infra.postgres import PostgresServer, create_database, drop_database, unique_database_name
from services.api import create_api, scouting, talent
from services.api.commands import route_name
from services.api.context import Context
from services.application import Talenta
from services.auth import token_store
from services.config import StoreConfig
from services.permissions import roles_of
from services.reminders.commands import PEOPLE
from services.scouting.mutations import ProposeMutation, propose_mutation
from services.scouting.rounds import OpenRound, open_round
from services.scouting.vacancies import OpenVacancy, open_vacancy
from services.talent.acquisition import DeclareCriticalPosition, declare_critical_position
from services.talent.mapping import OpenCampaign, open_campaign
from services.talent.search import OpenTalentSearch, open_talent_search
from services.talent.succession import DeclareTarget, declare_target
from tests.unit.rules_builders import facts, nip_for, spell

ON = date(2025, 3, 10)
# Whose records each area's routes are called with, and the agency of the caller.
AREAS = {
    "/scouting": (scouting.COMMANDS, "kota-madiun", "kota-binjai"),
    "/talent": (talent.COMMANDS, "kota-binjai", "kota-balikpapan"),
}
HOLDERS = {"kota-madiun": nip_for(date(1975, 3, 12)), "kota-binjai": nip_for(date(1980, 7, 1))}
ROWS = [
    (prefix, handler, role)
    for prefix, (handlers, _, _) in AREAS.items()
    for handler in handlers
    for role in sorted(roles_of(handler) - {Role.SYSTEM})  # no credential holds it
]
TABLE = [pytest.param(*row, id=f"{route_name(row[1])}-{row[2]}") for row in ROWS]


class Seeded:
    """A store holding one of each kind of record in the agencies the routes are called for."""

    def __init__(self, app: Talenta) -> None:
        self.app = app
        self.client = TestClient(create_api(Context.of(app)))
        self.ids: dict[str, dict[str, UUID]] = {}
        self.secrets: dict[str, str] = {}
        for agency in ("kota-madiun", "kota-binjai", "kota-balikpapan"):
            _, self.secrets[agency] = token_store(app).create_token(
                f"user@{agency}", agency, set(PEOPLE)
            )
        self._madiun()
        self._binjai()

    def _enrol(self, agency: str) -> None:
        record = facts(
            nip=HOLDERS[agency],
            agency=agency,
            unit="Sekretariat Daerah",
            positions=(spell(PositionLevel.SUPERVISOR, date(2015, 1, 2)),),
        )
        clerk = Actor(id="clerk", role=Role.CASEWORKER, agency=agency)
        self.app.save(Employee.enrol(record, Envelope(actor=clerk, effective=date(2024, 1, 2))))

    def _madiun(self) -> None:
        agency, nip = "kota-madiun", HOLDERS["kota-madiun"]
        self._enrol(agency)
        clerk = Actor(id="clerk", role=Role.CASEWORKER, agency=agency)
        head = Actor(id="head", role=Role.HEAD_OF_UNIT, agency=agency)
        schedule = {
            "announcement": "2025-02-03",
            "registration_opens": "2025-02-05",
            "registration_closes": "2025-02-28",
            "potential_assessment": "2025-03-10",
            "technical_assessment": "2025-03-24",
            "result": "2025-04-07",
        }
        round_id = open_round(
            self.app,
            OpenRound.model_validate(
                {
                    "agency": agency,
                    "level": "administrator",
                    "name": "Talent Scouting 2025",
                    "effective": "2025-02-03",
                    "schedule": schedule,
                    "announcement": {
                        "requirements": "P10",
                        "timing_and_procedure": "web",
                        "stages": "enam",
                        "other": "-",
                    },
                }
            ),
            clerk,
        )
        vacancy = OpenVacancy(
            agency=agency,
            position="Kepala Bagian Umum",
            unit="Sekretariat Daerah",
            level=PositionLevel.ADMINISTRATOR,
            opened_on=date(2025, 5, 2),
        )
        mutation = ProposeMutation(
            agency=agency,
            nip=nip,
            level=PositionLevel.SUPERVISOR,
            from_position="Kepala Subbagian Umum",
            to_position="Kepala Subbagian Keuangan",
            unit="Sekretariat Daerah",
            qualification="S1",
            competence="keuangan",
            performance="baik",
            years_in_position=3,
            proposed_on=date(2025, 5, 2),
        )
        review = TenureReview.start(
            nip,
            agency,
            "Kepala Subbagian Umum",
            date(2020, 1, 6),
            Envelope(actor=clerk, effective=date(2020, 1, 6)),
        )
        self.app.save(review)
        self.ids[agency] = {
            "round_id": round_id,
            "vacancy_id": open_vacancy(self.app, vacancy, clerk),
            "mutation_id": propose_mutation(self.app, mutation, head),
            "review_id": review.id,
        }

    def _binjai(self) -> None:
        agency, nip = "kota-binjai", HOLDERS["kota-binjai"]
        self._enrol(agency)
        ppk = Actor(id="ppk", role=Role.PPK, agency=agency)
        team = Actor(id="team", role=Role.TALENT_TEAM, agency=agency)
        cycle = pack_for(agency).cycle
        assert cycle is not None
        critical = declare_critical_position(
            self.app,
            DeclareCriticalPosition(
                agency=agency,
                position="Kepala Bappeda",
                unit="Bappeda",
                level=PositionLevel.JPT_PRATAMA,
                characteristics={c.code: "RPJMD" for c in cycle.critical_characteristics},
                priority_rank=1,
                competency_standard="SKJ-01",
                decree_number="800/1/2025",
                decree_date=date(2025, 2, 3),
            ),
            ppk,
        )
        target = DeclareTarget(
            agency=agency,
            position="Kepala Bappeda",
            unit="Bappeda",
            level=PositionLevel.JPT_PRATAMA,
            status=TargetStatus.VACANT,
            declared_on=date(2025, 2, 4),
            critical_position_id=critical,
        )
        campaign = OpenCampaign(
            agency=agency, period="2025", opened_on=date(2025, 3, 1), nips=(nip,)
        )
        search = OpenTalentSearch(
            agency=agency,
            position="Kepala Bappeda",
            unit="Bappeda",
            level=PositionLevel.JPT_PRATAMA,
            grounds=(SearchGround.URGENT,),
            justification="jabatan kosong mendadak",
            opened_on=date(2025, 2, 5),
        )
        stamp = Envelope(actor=ppk, effective=date(2024, 1, 2))
        notice = Notice(
            agency=agency,
            kind="pin",
            reminder=f"{uuid4()}/1",
            subject=nip,
            deadline=date(2026, 1, 2),
            lead_days=30,
            roles=[str(role) for role in PEOPLE],
            citations=["binjai-2023:P30(2)(a)"],
            text_id="pin berakhir",
            text_en="pin expires",
            envelope=stamp.to_event(),
        )
        self.app.save(notice)
        self.ids[agency] = {
            "critical_position_id": critical,
            "plan_id": declare_target(self.app, target, team),
            "campaign_id": open_campaign(self.app, campaign, team),
            "notice_id": notice.id,
            "search_id": open_talent_search(self.app, search, team),
        }

    def monitored(self) -> Seeded:
        """With a Binjai monitoring, written past the commands: the placement it follows is not
        stored, so the read models cannot follow this log."""
        agency = "kota-binjai"
        cycle = pack_for(agency).cycle
        assert cycle is not None
        stamp = Envelope(
            actor=Actor(id="ppk", role=Role.PPK, agency=agency), effective=date(2024, 1, 2)
        )
        monitoring = Monitoring.start(
            uuid4(), HOLDERS[agency], agency, date(2024, 1, 2), cycle, stamp
        )
        self.app.save(monitoring)
        self.ids[agency]["monitoring_id"] = monitoring.id
        return self

    def post(self, path: str, body: Any, agency: str, role: Role) -> Any:
        headers = {"Authorization": f"Bearer {self.secrets[agency]}", "X-Talenta-Role": role}
        return self.client.post(path, json=body, headers=headers)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def seeded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Seeded]:
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("agencies") / "talenta.sqlite"
        app = Talenta(StoreConfig(f"sqlite:///{path}"))
        yield Seeded(app).monitored()
        app.close()
        return
    server: PostgresServer = request.getfixturevalue("pg_server")
    name = unique_database_name()
    settings = create_database(server.settings, name)
    password = f":{quote(settings.password)}" if settings.password else ""
    url = f"postgresql://{quote(settings.user)}{password}@{settings.host}:{settings.port}/{name}"
    app = Talenta(StoreConfig(url))
    try:
        yield Seeded(app).monitored()
    finally:
        app.close()
        drop_database(server.settings, name)


def body_for(model: type[BaseModel], ids: dict[str, UUID], nip: str, agency: str) -> Any:
    """A valid body naming ``ids`` and ``nip`` wherever a field takes one, ``agency`` as the
    body's agency; every other required field a plain value of its type."""
    body: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        if name == "agency":
            body[name] = agency
        elif name in ids:
            body[name] = str(ids[name])
        elif field.is_required() or name in ("nip", "nips"):
            body[name] = _value(name, field.annotation, ids, nip, agency)
    return body


def _value(name: str, kind: Any, ids: dict[str, UUID], nip: str, agency: str) -> Any:
    origin, args = get_origin(kind), get_args(kind)
    if origin in (Union, types.UnionType):
        return _value(name, next(a for a in args if a is not type(None)), ids, nip, agency)
    if name in ("nip", "nips"):
        return [nip] if origin in (tuple, list) else nip
    if origin in (tuple, list):
        return [_value(name, args[0], ids, nip, agency)]
    if origin is dict:
        if name == "evidence":
            return {"assessment_centre": {"intellectual": 4}}
        return {"strategic": "x"}
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return body_for(kind, ids, nip, agency)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return next(iter(kind)).value
    if kind is UUID:
        return str(uuid4())
    if kind is date:
        return ON.isoformat()
    if kind is bool:
        return True
    if kind is int:
        return 1
    if kind is Decimal:
        return "80"
    return "x"


def _names(model: type[BaseModel]) -> Iterator[str]:
    """Every field name of ``model``, nested models' included."""
    for name, field in model.model_fields.items():
        yield name
        for kind in (field.annotation, *get_args(field.annotation)):
            if isinstance(kind, type) and issubclass(kind, BaseModel):
                yield from _names(kind)


def _events(app: Talenta) -> list[str]:
    return [n.topic for n in app.recorder.select_notifications(start=None, limit=1_000_000)]


@pytest.mark.parametrize(("prefix", "handler", "role"), TABLE)
def test_a_command_naming_another_agencys_records_is_refused_and_writes_nothing(
    seeded: Seeded, prefix: str, handler: Any, role: Role
) -> None:
    _, holder, caller = AREAS[prefix]
    model = get_type_hints(handler)["command"]
    ids = seeded.ids[holder]
    named_elsewhere = any(name in ids or name in ("nip", "nips") for name in _names(model))
    # The body names the caller's own agency where it names other records of the holder, so
    # that only the records' agency can refuse it; else it names the holder's agency.
    body = body_for(model, ids, HOLDERS[holder], caller if named_elsewhere else holder)
    model.model_validate(body)  # the body is valid: what refuses it is the agency
    before = _events(seeded.app)

    answer = seeded.post(f"{prefix}/{route_name(handler)}", body, caller, role)

    assert (answer.status_code, answer.json()["code"]) == (403, "other-agency"), answer.json()
    written = _events(seeded.app)[len(before) :]
    assert [topic.rsplit(":", 1)[-1] for topic in written] == ["Refusal.Refused"]


@pytest.mark.parametrize("role", sorted(PEOPLE))
def test_another_agencys_notice_is_not_acknowledged(seeded: Seeded, role: Role) -> None:
    notice = seeded.ids["kota-binjai"]["notice_id"]
    before = _events(seeded.app)
    answer = seeded.post(f"/inbox/{notice}/acknowledge", {}, "kota-balikpapan", role)
    assert (answer.status_code, answer.json()["code"]) == (403, "other-agency")
    assert all("Notice" not in topic for topic in _events(seeded.app)[len(before) :])


def test_the_table_covers_every_command_route() -> None:
    routes = {f"{p}/{route_name(h)}" for p, (handlers, _, _) in AREAS.items() for h in handlers}
    called = {f"{prefix}/{route_name(handler)}" for prefix, handler, _ in ROWS}
    assert routes == called
