"""Benchmark: the succession coverage forecast of one agency.

A Binjai agency of --employees employees on SQLite, --positions of them holding a critical
position, each with a target plan of two successors in the decreed group. The forecast (holders
from the directory's latest position spells in one query, successors' boxes, the dating) is timed
against reading the same critical positions and plans alone, the baseline every talent list pays.
Target: p99 under the pages' 200 ms budget.

    python -m bench.coverage [--employees 1000] [--positions 40] [--repeats 50]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import date

from bench.common import fresh_sqlite, header, latency_line, line, percentile, verdict
from domain.envelope import Actor, Envelope, Role
from domain.personnel.aggregate import Employee
from domain.personnel.facts import EmploymentStatus, PersonnelFacts, PositionSpell
from domain.rules.registry import pack_for
from domain.talent.succession_values import Successor, TargetStatus
from domain.values import PositionLevel
from projections import talent as read
from services.application import Talenta
from services.bootstrap import ReadModels
from services.talent.acquisition import DeclareCriticalPosition, declare_critical_position
from services.talent.mapping import AssessEmployee, OpenCampaign, assess_employee, open_campaign
from services.talent.succession import (
    DeclareTarget,
    Nominate,
    OrderSuccessors,
    SetGroup,
    declare_target,
    nominate,
    order_successors,
    set_group,
)

AGENCY = "kota-binjai"
UNIT = "Bappeda"
TARGET_P99_MS = 200.0
ON = date(2026, 1, 5)


def actor(role: Role) -> Actor:
    return Actor(id=f"bench-{role}", role=role, agency=AGENCY)


def nip(index: int) -> str:
    born = date(1966 + index % 15, 1 + index % 12, 1 + index % 28)
    return f"{born:%Y%m%d}200001" + f"1{index % 999 + 1:03}"


def staffed(app: Talenta, employees: int, positions: int) -> None:
    stamp = Envelope(actor=actor(Role.CASEWORKER), effective=date(2025, 1, 2))
    records = []
    for index in range(employees):
        held = index < positions
        title = f"Kepala Bidang {index}" if held else f"Pelaksana {index}"
        level = PositionLevel.ADMINISTRATOR if held else PositionLevel.SUPERVISOR
        spell = PositionSpell(level=level, title=title, start=date(2020, 1, 2), unit=UNIT)
        records.append(
            PersonnelFacts(
                nip=nip(index),
                name=f"Pegawai {index}",
                status=EmploymentStatus.PNS,
                active=True,
                agency=AGENCY,
                unit=UNIT,
                positions=(spell,),
            )
        )
    app.save_bounded(Employee.enrol(record, stamp) for record in records)
    cycle = pack_for(AGENCY).cycle
    assert cycle is not None
    ppk, team = actor(Role.PPK), actor(Role.TALENT_TEAM)
    open_campaign(
        app,
        OpenCampaign(
            agency=AGENCY,
            unit=UNIT,
            period="2025",
            opened_on=date(2025, 3, 1),
            nips=tuple(record.nip for record in records),
        ),
        actor(Role.CASEWORKER),
    )
    talents = [nip(index) for index in range(positions, positions * 3)]
    for talent in talents:
        assess_employee(
            app,
            AssessEmployee(
                agency=AGENCY,
                nip=talent,
                period="2025",
                assessed_on=date(2025, 3, 10),
                performance="above-expectation",
                potential="high",
                evidence={
                    "assessment_centre": {"intellectual": 4},
                    "competency_test": {"technical": 80},
                },
            ),
            actor(Role.ASSESSOR),
        )
    decree = SetGroup(
        agency=AGENCY,
        period="2025",
        nips=tuple(talents),
        decree_number="800/3/2025",
        decree_date=date(2025, 4, 8),
    )
    set_group(app, decree, ppk)
    for index in range(positions):
        title = f"Kepala Bidang {index}"
        critical = declare_critical_position(
            app,
            DeclareCriticalPosition(
                agency=AGENCY,
                position=title,
                unit=UNIT,
                level=PositionLevel.ADMINISTRATOR,
                characteristics={c.code: "RPJMD" for c in cycle.critical_characteristics},
                priority_rank=index + 1,
                competency_standard="SKJ",
                decree_number=f"800/{index}/2025",
                decree_date=date(2025, 2, 3),
            ),
            ppk,
        )
        plan = declare_target(
            app,
            DeclareTarget(
                agency=AGENCY,
                position=title,
                unit=UNIT,
                level=PositionLevel.ADMINISTRATOR,
                status=TargetStatus.TO_BE_VACANT,
                declared_on=date(2025, 4, 2),
                critical_position_id=critical,
            ),
            team,
        )
        pair = talents[2 * index : 2 * index + 2]
        for talent in pair:
            made = Nominate(
                plan_id=plan, nip=talent, nominated_on=date(2025, 4, 8), justification="k"
            )
            nominate(app, made, ppk)
        successors = tuple(
            Successor(nip=talent, projected_position=title, projected_date=date(2027, 1, 1))
            for talent in pair
        )
        ordered = OrderSuccessors(plan_id=plan, ordered_on=date(2025, 4, 9), successors=successors)
        order_successors(app, ordered, ppk)


def timed(repeats: int, run: Callable[[], object]) -> list[float]:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=1_000)
    parser.add_argument("--positions", type=int, default=40)
    parser.add_argument("--repeats", type=int, default=50)
    args = parser.parse_args()
    from services.talent.coverage import coverage_forecast

    header("coverage forecast")
    with fresh_sqlite() as store:
        app = Talenta(store)
        try:
            staffed(app, args.employees, args.positions)
            models = ReadModels.of(app)
            models.refresh()
            reader = actor(Role.TALENT_TEAM)
            line("agency", f"{args.employees} employees, {args.positions} critical positions")

            def baseline() -> None:
                read.critical_positions(models.documents, AGENCY, ON)
                read.succession_plans(models.documents, AGENCY)

            def forecast() -> None:
                coverage_forecast(app, models.documents, models.directory, AGENCY, ON, 24, reader)

            base, measured = timed(args.repeats, baseline), timed(args.repeats, forecast)
            latency_line("baseline: the critical positions and plans", base)
            latency_line("the forecast", measured)
            ratio = percentile(measured, 0.5) / max(percentile(base, 0.5), 1e-6)
            line("forecast / baseline (p50)", f"{ratio:.1f}x")
            verdict("forecast p99 ms", percentile(measured, 0.99), TARGET_P99_MS, at_most=True)
        finally:
            app.close()


if __name__ == "__main__":
    main()
