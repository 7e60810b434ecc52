"""Benchmark: every page of the web interface at 10 concurrent users, against 200 ms at p99.

A Madiun agency is generated and seeded with years of talent scouting (rounds through to their
pool decrees, vacancies filled from the pools) through the product's own commands, on
PostgreSQL; the product is served as one API process of a deployment runs it (`talenta serve
--no-clocks`, a process of its own). The talent-management pages are read in a Binjai agency
seeded as ``bench/coverage.py`` seeds it (a mapping, a decreed group, critical positions, each
with a plan of two successors). Users sign in through the sign-in form, ten per role, each
with a session of their own; then, page after page, the ten users of the page's role fetch it at
once, over and over (each user stops after ``--seconds`` of fetching a page). Printed per page:
p50 and p99 against the target, and as a multiple of the same for GET /health fetched the same
way in the same run (the stack's floor), beside a static asset. ``--only`` measures the pages
whose names contain one of its words; the API process's pid is printed, for a profiler.

To add a page, add a line to PAGES: its name, the role that reads it, and its path, in which
``{name}`` is filled from the ids the seeded store holds (``Seeded``; add a field there when a
page needs another).

    python -m bench.web_pages [--employees 2000] [--requests 20] [--seconds 20] [--quick]
                              [--only "why,compliance"] [--against ../before]

``--against`` serves another checkout of the product's source (an earlier commit, say) beside
this one on the same seeded store, and fetches each page from both in turn: a before and after
measured under the same load.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

from bench import coverage as talent_agency
from bench.common import (
    AGENCY,
    AGENCY_NAME,
    fresh_postgres,
    header,
    latency_line,
    line,
    percentile,
    verdict,
)
from domain.envelope import Actor, Role
from domain.values import PositionLevel
from infra.processes import free_port
from projections import scouting as read
from projections import talent as talent_read
from services.accounts import NewUser, create_user
from services.api.context import Context
from services.application import Talenta
from services.config import StoreConfig
from services.demo import careers, write_agency
from services.demo.seed import demo_actor, seed_scouting
from services.importing import PersonnelFiles, import_personnel
from services.web.session import CSRF_FIELD

TARGET_P99_MS = 200.0
USERS = 10
PASSWORD = "kata-sandi-bench-1"
TALENTA = Path(sys.executable).parent / "talenta"
# The roles whose pages are read, each with the unit its users head, if any.
ROLES = {Role.CASEWORKER: "", Role.AUDITOR: "", Role.ADMINISTRATOR: "", Role.TALENT_TEAM: ""}
# The talent-management cycle runs in Binjai (bench/coverage.py seeds it): its team's users are
# of that agency; every other role's are of the Madiun agency.
AGENCY_OF = {Role.TALENT_TEAM: talent_agency.AGENCY}
TALENT_EMPLOYEES, CRITICAL_POSITIONS = 300, 20


@dataclass(frozen=True)
class Seeded:
    """The ids of the seeded store that page paths are filled from."""

    nip: str  # an employee with a pool entry
    name_part: str  # a word of a name, for the search
    round_id: str  # the latest round
    vacancy_id: str  # a vacancy filled from a pool
    entry_id: str  # a pool entry
    past_day: str  # a day the pool is looked at as of
    plan_id: str  # a succession plan of the Binjai agency


@dataclass(frozen=True)
class Budget:
    requests: int  # fetches per user and page
    seconds: float  # after which a user starts no new fetch of the page


@dataclass(frozen=True)
class Page:
    name: str
    role: Role
    path: str


PAGES = [
    Page("home", Role.CASEWORKER, "/"),
    Page("employees (search)", Role.CASEWORKER, "/staff?q={name_part}"),
    Page("employee page", Role.CASEWORKER, "/staff/{nip}"),
    Page("rounds", Role.CASEWORKER, "/rounds"),
    Page("round board", Role.CASEWORKER, "/rounds/{round_id}"),
    Page("pool", Role.CASEWORKER, "/pool"),
    Page("pool as of a past day", Role.CASEWORKER, "/pool?on={past_day}"),
    Page("vacancies", Role.CASEWORKER, "/vacancies"),
    Page("vacancy", Role.CASEWORKER, "/vacancies/{vacancy_id}"),
    Page("auditor home", Role.AUDITOR, "/auditor"),
    Page(
        "auditor: employee timeline", Role.AUDITOR, "/auditor/timeline?subject=employee&key={nip}"
    ),
    Page("auditor: why of a pick", Role.AUDITOR, "/auditor/why/pick/{vacancy_id}"),
    Page("auditor: why of a shortlist", Role.AUDITOR, "/auditor/why/shortlist/{vacancy_id}"),
    Page("auditor: why of a pool entry", Role.AUDITOR, "/auditor/why/pool-entry/{entry_id}"),
    Page("auditor: compliance replay", Role.AUDITOR, "/auditor/compliance"),
    Page("auditor: refusals", Role.AUDITOR, "/auditor/refusals"),
    Page("auditor: personal-data reads", Role.AUDITOR, "/auditor/reads"),
    Page("auditor: hash chain", Role.AUDITOR, "/auditor/chain"),
    Page("report to the mayor", Role.CASEWORKER, "/rounds/{round_id}/report"),
    Page("import", Role.CASEWORKER, "/import"),
    Page("users (administrator)", Role.ADMINISTRATOR, "/users"),
    Page("talent: critical positions", Role.TALENT_TEAM, "/critical-positions"),
    Page("talent: mapping", Role.TALENT_TEAM, "/mapping"),
    Page("talent: nine-box", Role.TALENT_TEAM, "/ninebox"),
    Page("talent: succession", Role.TALENT_TEAM, "/succession"),
    Page("talent: succession plan", Role.TALENT_TEAM, "/succession/plans/{plan_id}"),
    Page("talent: succession as of a past day", Role.TALENT_TEAM, "/succession?on={past_day}"),
    Page(
        "talent: succession plan as of a past day",
        Role.TALENT_TEAM,
        "/succession/plans/{plan_id}?on={past_day}",
    ),
    Page("talent: talent searches", Role.TALENT_TEAM, "/talent-search"),
    Page("talent: coverage", Role.TALENT_TEAM, "/coverage"),
    Page("talent: development", Role.TALENT_TEAM, "/development"),
    Page("talent: retention", Role.TALENT_TEAM, "/retention"),
    Page("talent: placement", Role.TALENT_TEAM, "/placement"),
    Page("talent: monitoring", Role.TALENT_TEAM, "/monitoring"),
    Page("talent: expiry", Role.TALENT_TEAM, "/expiry"),
    Page("talent: home (what waits in the cycle)", Role.TALENT_TEAM, "/"),
]
# The stack's floor, fetched the same way: a static asset and the API's health answer.
BASELINES = [
    Page("baseline: static asset", Role.CASEWORKER, "/static/talenta.css"),
    Page("baseline: GET /health", Role.CASEWORKER, "/health"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=2_000)
    parser.add_argument("--requests", type=int, default=20, help="fetches per user and page")
    parser.add_argument("--first-year", type=int, default=2022)
    parser.add_argument("--seconds", type=float, default=20, help="longest fetching of a page")
    parser.add_argument("--quick", action="store_true", help="500 employees, 5 fetches")
    parser.add_argument("--only", default="", help="comma-separated words of page names")
    parser.add_argument(
        "--against",
        type=Path,
        help="another checkout of the product (e.g. a `git archive` of an earlier commit), "
        "served beside this one on the same store and measured page by page in turn",
    )
    args = parser.parse_args()
    words = [word.strip() for word in args.only.split(",") if word.strip()]
    pages = [page for page in PAGES if not words or any(w in page.name for w in words)]
    employees = 500 if args.quick else args.employees
    requests = 5 if args.quick else args.requests
    header(f"web pages: {employees} employees, {USERS} users, {requests} fetches each per page")
    with fresh_postgres("bench_web") as store, tempfile.TemporaryDirectory() as data:
        started = time.perf_counter()
        seeded = seed(store.config, employees, args.first_year)
        line("seeded", f"{time.perf_counter() - started:.0f} s, ids {asdict(seeded)}")
        asyncio.run(
            measure(
                store.config,
                Path(data),
                seeded,
                pages,
                Budget(requests, args.seconds),
                args.against.resolve() if args.against else None,
            )
        )


def seed(store: StoreConfig, employees: int, first_year: int) -> Seeded:
    with Talenta(store) as app, tempfile.TemporaryDirectory() as directory:
        write_agency(Path(directory), employees, 1, AGENCY_NAME)
        files = PersonnelFiles.in_directory(Path(directory))
        imported = import_personnel(app, files, AGENCY, demo_actor(Role.CASEWORKER))
        supervisors = [
            career.nip
            for career in careers(employees, 1)
            if career.level is PositionLevel.SUPERVISOR and career.status == "PNS"
        ]
        report = seed_scouting(app, supervisors, range(first_year, 2026), 1, lambda _: None)
        line("store", f"{imported.events} import events, {report.registered} registrations")
        talent_agency.staffed(app, TALENT_EMPLOYEES, CRITICAL_POSITIONS)
        line("talent cycle", f"Binjai: {TALENT_EMPLOYEES} employees, {CRITICAL_POSITIONS} plans")
        for role, unit in ROLES.items():
            agency = AGENCY_OF.get(role, AGENCY)
            admin = Actor(id="admin", role=Role.ADMINISTRATOR, agency=agency)
            for number in range(USERS):
                new = NewUser(
                    username=username(role, number),
                    agency=agency,
                    roles=frozenset({role}),
                    unit=unit,
                    password=PASSWORD,
                )
                create_user(app, new, admin)
        context = Context.of(app)
        context.refresh()
        return discover(context, supervisors)


def discover(context: Context, supervisors: list[str]) -> Seeded:
    rounds = read.rounds(context.documents, AGENCY)
    vacancies = [v for v in read.vacancies(context.documents, AGENCY) if v.pick is not None]
    latest = max(rounds, key=lambda each: each.schedule.announcement)
    first = min(rounds, key=lambda each: each.schedule.announcement)
    past = first.schedule.result.replace(month=12, day=1)
    entries = read.pool_as_of(context.documents, AGENCY, past)
    named = context.directory.rows(AGENCY)[0].name
    return Seeded(
        nip=entries[0].nip if entries else supervisors[0],
        name_part=named.split()[0],
        round_id=str(latest.round_id),
        vacancy_id=str(vacancies[0].vacancy_id),
        entry_id=str(entries[0].entry_id),
        past_day=past.isoformat(),
        plan_id=str(
            talent_read.succession_plans(context.documents, talent_agency.AGENCY)[0].plan_id
        ),
    )


def username(role: Role, number: int) -> str:
    return f"bench.{role.value}.{number}"


@dataclass(frozen=True)
class Served:
    """One API process under measure: its label in the output, its address, its users."""

    label: str
    base: str
    users: dict[Role, list[httpx.AsyncClient]]


async def measure(
    store: StoreConfig,
    data: Path,
    seeded: Seeded,
    pages: list[Page],
    budget: Budget,
    against: Path | None = None,
) -> None:
    async with AsyncExitStack() as stack:
        served = [await stack.enter_async_context(serving(store, data, "", None))]
        if against is not None:
            served.append(await stack.enter_async_context(serving(store, data, "before", against)))
        floors = {
            each.label: await fetch_at_once(each.users[Role.CASEWORKER], "/health", budget)
            for each in served
        }
        every: dict[str, list[float]] = {each.label: [] for each in served}
        results: dict[str, list[tuple[str, float]]] = {each.label: [] for each in served}
        for page in [*BASELINES, *pages]:
            path = page.path.format(**asdict(seeded))
            # In turn, page by page: both processes see the machine as loaded as the other.
            for each in served:
                samples = await fetch_at_once(each.users[page.role], path, budget)
                name = f"{page.name} [{each.label}]" if each.label else page.name
                page_line(name, samples, floors[each.label])
                if page not in BASELINES:
                    every[each.label] += samples
                    results[each.label].append((page.name, percentile(samples, 0.99)))
        for each in served:
            print("-- every page" + (f" [{each.label}]" if each.label else ""))
            latency_line("all pages together", every[each.label])
            over = [f"{n} ({p99:.0f} ms)" for n, p99 in results[each.label] if p99 > TARGET_P99_MS]
            line("pages over 200 ms at p99", ", ".join(over) or "none")
        worst = max(p99 for _, p99 in results[""])
        verdict("worst page p99 at 10 users (ms)", worst, TARGET_P99_MS, at_most=True)


@asynccontextmanager
async def serving(
    store: StoreConfig, data: Path, label: str, tree: Path | None
) -> AsyncIterator[Served]:
    """An API process with every role's users signed in; of the product in ``tree`` (another
    checkout of its source, run with this one's packages) when given, else of this one."""
    port = free_port()
    env = {**os.environ, "TALENTA_WEB_SECRET": "b" * 64}
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    folder = data / (label or "this")
    folder.mkdir()
    command = [str(TALENTA), "serve", "--no-clocks", "--store", store.url, "--port", str(port)]
    log = folder / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [*command, "--data", str(folder)],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=tree,
        )
    base = f"http://127.0.0.1:{port}"
    users: dict[Role, list[httpx.AsyncClient]] = {}
    try:
        await ready(base, server, log)
        line("API process" + (f" [{label}]" if label else ""), f"pid {server.pid}")
        for role in ROLES:
            users[role] = await sign_in_all(base, role)
        yield Served(label, base, users)
    finally:
        for clients in users.values():
            for client in clients:
                await client.aclose()
        server.terminate()
        server.wait(timeout=30)


def page_line(name: str, samples: list[float], floor: list[float]) -> None:
    p50, p99 = percentile(samples, 0.5), percentile(samples, 0.99)
    ratio = f"{p50 / percentile(floor, 0.5):.1f}x / {p99 / percentile(floor, 0.99):.1f}x"
    mark = "" if p99 <= TARGET_P99_MS else "  > 200 ms"
    line(name, f"n={len(samples):<4} p50={p50:7.1f} ms p99={p99:7.1f} ms  vs /health {ratio}{mark}")


async def ready(base: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 120
    async with httpx.AsyncClient(base_url=base) as client:
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise RuntimeError(f"the product ended before answering: {log.read_text()}")
            try:
                if (await client.get("/health")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.5)
    raise TimeoutError("the product did not answer within 120 s")


async def sign_in_all(base: str, role: Role) -> list[httpx.AsyncClient]:
    clients = [httpx.AsyncClient(base_url=base, timeout=60) for _ in range(USERS)]
    for number, client in enumerate(clients):
        await sign_in(client, username(role, number))
    return clients


async def sign_in(client: httpx.AsyncClient, name: str) -> None:
    form = await client.get("/signin")
    found = re.search(rf'name="{CSRF_FIELD}" value="([^"]+)"', form.text)
    assert found, "the sign-in form holds no form token"
    answer = await client.post(
        "/signin", data={"username": name, "password": PASSWORD, CSRF_FIELD: found.group(1)}
    )
    if answer.status_code != 303:
        raise RuntimeError(f"{name} could not sign in: {answer.status_code}")


async def fetch_at_once(clients: list[httpx.AsyncClient], path: str, budget: Budget) -> list[float]:
    """Each user fetches ``path`` up to ``budget.requests`` times, all users at once;
    milliseconds each."""
    samples: list[float] = []

    async def one_user(client: httpx.AsyncClient, fetches: int) -> None:
        stop = time.monotonic() + budget.seconds
        for _ in range(fetches):
            started = time.perf_counter()
            try:
                answer = await client.get(path)
            except httpx.RemoteProtocolError:
                # The server closed a connection kept alive past its 5 s while this user waited
                # for the others: the fetch is sent again on a new one, and timed from there.
                started = time.perf_counter()
                answer = await client.get(path)
            samples.append((time.perf_counter() - started) * 1000)
            if answer.status_code != 200:
                raise RuntimeError(f"{path}: {answer.status_code} {answer.text[:300]}")
            if time.monotonic() > stop:
                return

    await one_user(clients[0], 2)  # fetched alone first, so no page is timed cold
    samples.clear()
    await asyncio.gather(*(one_user(client, budget.requests) for client in clients))
    return samples


if __name__ == "__main__":
    main()
