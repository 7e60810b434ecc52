"""Benchmark 2: caseworker commands through the HTTP API on PostgreSQL.

A city is imported, then clients register candidates into scouting rounds (one round per client,
as caseworkers each run their own) over HTTP, each write followed by a read of an employee
record, at 1, 10 and 50 concurrent clients. The API runs as `talenta serve` runs it (uvicorn,
read models followed by a background poll) in a process of its own. Baselines in the same run:
the same command called in-process without HTTP, one at a time, and GET /health over HTTP.
The target is p99 < 50 ms for the command at 10 clients.

With --processes 1,3 the levels run again for each count: 1 is one API process that follows the
read models itself (`talenta serve --no-clocks`); N > 1 is N API processes that only watch the
read models (`--read-models watch`) beside one process that follows them, the clients spread
over the API processes as a proxy spreads users (client i always to process i mod N).

With --mixed CLIENTS:WRITERS, readers and writers at once instead: WRITERS clients register
candidates (each followed by the writer's own read of its round), the other clients list the
agency's rounds (`GET /scouting/rounds`, a read of the read models) as another user, for as long
as the writers write. Baselines in the same run: the same list read by one client alone (idle),
then by the readers alone.

    python -m bench.caseworker_api [--employees 8000] [--clients 1,10,50] [--processes 1,3]
        [--quick]
    python -m bench.caseworker_api --mixed 40:10 [--requests 600] [--employees 8000]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import csv
import os
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import httpx

from bench.common import (
    AGENCY,
    Timer,
    cpu_seconds,
    fresh_postgres,
    generated_agency,
    header,
    latency_line,
    line,
    percentile,
    verdict,
)
from domain.envelope import Actor, Role
from infra.processes import free_port
from services.application import Talenta
from services.auth import token_store
from services.config import StoreConfig
from services.importing import PersonnelFiles, import_personnel
from services.scouting.rounds import (
    OpenRound,
    PublishRound,
    RegisterCandidate,
    open_round,
    publish_round,
    register_candidate,
)

TARGET_P99_MS = 50.0
CASEWORKER = Actor(id="siti.bkpsdm", role=Role.CASEWORKER, agency=AGENCY)
READER = "rina.bkpsdm"  # another caseworker, who only reads
IDLE_READS = 200
SCHEDULE = {
    "announcement": "2024-02-01",
    "registration_opens": "2024-02-05",
    "registration_closes": "2024-03-15",
    "potential_assessment": "2024-04-01",
    "technical_assessment": "2024-04-22",
    "result": "2024-05-06",
}
ANNOUNCEMENT = {
    "requirements": "Pasal 10 ayat (1)",
    "timing_and_procedure": "5 Februari - 15 Maret 2024",
    "stages": "enam tahapan Pasal 11",
    "other": "-",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=8_000)
    parser.add_argument("--clients", default="1,10,50")
    parser.add_argument("--requests", type=int, default=600, help="commands per client level")
    parser.add_argument("--quick", action="store_true", help="1,000 employees, 60 commands")
    parser.add_argument(
        "--mixed",
        metavar="CLIENTS:WRITERS",
        help="readers and writers at once (e.g. 40:10), --requests commands in all",
    )
    parser.add_argument(
        "--processes", default="1", help="API processes, e.g. 1,3 (see above); one run each"
    )
    parser.add_argument("--serve", help=argparse.SUPPRESS)  # internal: run the API on a store
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--watch", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--follow", help=argparse.SUPPRESS)  # internal: follow, serve nothing
    args = parser.parse_args()
    if args.serve:
        serve(StoreConfig(args.serve), args.port, args.watch)
        return
    if args.follow:
        follow(StoreConfig(args.follow))
        return
    counts = [int(each) for each in args.processes.split(",")]
    employees = 1_000 if args.quick else args.employees
    requests = 60 if args.quick else args.requests
    levels = [int(each) for each in args.clients.split(",")]
    # Every command registers an employee not registered before.
    needed = min(200, requests) + len(counts) * (requests if args.mixed else len(levels) * requests)
    if needed > employees:
        parser.error(f"{needed} registrations need --employees {needed} or more")
    header(f"caseworker commands over HTTP: {employees} employees, {requests} per level")
    with fresh_postgres() as store, generated_agency(employees) as directory:
        app = Talenta(store.config)
        try:
            report = import_personnel(
                app, PersonnelFiles.in_directory(directory), AGENCY, CASEWORKER
            )
            line("imported", f"{report.events} events")
            nips = iter(_nips(directory))
            tokens = token_store(app)
            _, secret = tokens.create_token(CASEWORKER.id, AGENCY, {Role.CASEWORKER})
            _, reader = tokens.create_token(READER, AGENCY, {Role.CASEWORKER})
            direct = _in_process(app, list(islice(nips, min(200, requests))))
        finally:
            app.close()
        if args.mixed:
            clients, writers = (int(each) for each in args.mixed.split(":"))
            if not 0 < writers < clients:
                parser.error("--mixed: WRITERS must be at least 1 and fewer than CLIENTS")
            for processes in counts:
                mixed = _mixed(clients, writers, requests, nips, reader)
                asyncio.run(_over_http(store.config, secret, mixed, processes))
        else:
            for processes in counts:
                workload = _levels(levels, requests, nips, direct)
                asyncio.run(_over_http(store.config, secret, workload, processes))


def _nips(directory: Path) -> list[str]:
    with (directory / "data_utama.csv").open(encoding="utf-8") as rows:
        return [row["nipBaru"] for row in csv.DictReader(rows)]


def _round_command(name: str) -> dict[str, Any]:
    return {
        "agency": AGENCY,
        "level": "administrator",
        "name": name,
        "schedule": SCHEDULE,
        "announcement": ANNOUNCEMENT,
        "effective": "2024-02-01",
        "reason": "kebutuhan organisasi",
    }


def _publication(round_id: str) -> dict[str, Any]:
    return {
        "round_id": round_id,
        "effective": "2024-02-01",
        "circular_number": "800/117/401.103/2024",
        "website": "https://bkpsdm.madiunkota.go.id/talent-scouting",
    }


def _registration(round_id: str, nip: str) -> dict[str, Any]:
    return {"round_id": round_id, "effective": "2024-02-12", "nip": nip, "channel": "direct"}


def _in_process(app: Talenta, nips: list[str]) -> float:
    """The same command through its handler, no HTTP, one at a time: the product's own cost
    per command. Returns the median in milliseconds."""
    round_id = open_round(app, OpenRound.model_validate(_round_command("in-process")), CASEWORKER)
    publish_round(app, PublishRound.model_validate(_publication(str(round_id))), CASEWORKER)
    samples: list[float] = []
    timer, busy = Timer(), time.process_time()
    for nip in nips:
        started = time.perf_counter()
        command = RegisterCandidate.model_validate(_registration(str(round_id), nip))
        register_candidate(app, command, CASEWORKER)
        samples.append((time.perf_counter() - started) * 1000)
    rate, busy = len(nips) / timer.seconds, time.process_time() - busy
    latency_line("in-process register (baseline)", samples)
    line("in-process throughput", f"{rate:,.0f} commands/s")
    line("in-process CPU per command", f"{busy / len(nips) * 1000:.1f} ms")
    return percentile(samples, 0.5)


class Api:
    """The API processes of a run and a client per process; client ``i`` of a workload always
    talks to the same process, as a proxy keeps each user on one."""

    def __init__(self, clients: list[httpx.AsyncClient], pids: list[int]) -> None:
        self.clients = clients
        self.pids = pids  # every process of the run, the follower's too
        # Rounds of one store need names of their own: each run's carry its process count.
        self.label = f"{len(clients)}p"

    def client(self, index: int) -> httpx.AsyncClient:
        return self.clients[index % len(self.clients)]

    def cpu_seconds(self) -> tuple[float, float]:
        """The processor time of all the run's processes, and of the follower's alone."""
        spent = [cpu_seconds(pid) for pid in self.pids]
        return sum(spent), spent[-1] if len(spent) > len(self.clients) else 0.0


Workload = Callable[[Api], Awaitable[None]]


def _levels(levels: list[int], requests: int, nips: Iterator[str], direct: float) -> Workload:
    async def run(api: Api) -> None:
        for clients in levels:
            await _level(api, clients, requests, nips, direct)

    return run


async def _over_http(store: StoreConfig, secret: str, workload: Workload, processes: int) -> None:
    me = [sys.executable, "-m", "bench.caseworker_api"]
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    ports = [free_port() for _ in range(processes)]
    watch = ["--watch"] if processes > 1 else []
    servers = [
        subprocess.Popen([*me, "--serve", store.url, "--port", str(port), *watch], env=env)
        for port in ports
    ]
    if watch:
        servers.append(subprocess.Popen([*me, "--follow", store.url], env=env))
    shape = (
        "one API process following the read models"
        if processes == 1
        else f"{processes} API processes watching, one process following the read models"
    )
    print(f"== {shape}", flush=True)
    headers = {"Authorization": f"Bearer {secret}"}
    limits = httpx.Limits(max_connections=100)
    try:
        async with contextlib.AsyncExitStack() as stack:
            clients = [
                await stack.enter_async_context(
                    httpx.AsyncClient(
                        base_url=f"http://127.0.0.1:{port}",
                        headers=headers,
                        limits=limits,
                        timeout=60,
                    )
                )
                for port in ports
            ]
            for index, (client, server) in enumerate(zip(clients, servers, strict=False)):
                await _ready(client, server)
                # A process's first command pays for its connections and first-use set-up
                # (about a second under load): paid here, not by a measured client.
                await _open_rounds(client, [f"warm-up {processes}p {index}"])
            health = await _health(clients[0], 10, 300)
            line(
                "GET /health, 10 clients (stack floor)",
                f"p50={percentile(health, 0.5):.1f} ms p99={percentile(health, 0.99):.1f} ms",
            )
            await workload(Api(clients, [server.pid for server in servers]))
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)


async def _ready(client: httpx.AsyncClient, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the API process ended before answering")
        try:
            if (await client.get("/health")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.5)
    raise TimeoutError("the API did not answer within 300 s")


async def _health(client: httpx.AsyncClient, clients: int, total: int) -> list[float]:
    samples: list[float] = []

    async def one_client(count: int) -> None:
        for _ in range(count):
            started = time.perf_counter()
            (await client.get("/health")).raise_for_status()
            samples.append((time.perf_counter() - started) * 1000)

    await asyncio.gather(*(one_client(total // clients) for _ in range(clients)))
    return samples


async def _level(
    api: Api,
    clients: int,
    requests: int,
    nips: Iterator[str],
    direct: float,
) -> None:
    names = [f"bench {api.label} {clients}-{index}" for index in range(clients)]
    rounds = await _open_rounds(api.client(0), names)
    per_client = max(1, requests // clients)
    writes: list[float] = []
    reads: list[float] = []
    failures: list[str] = []

    async def one_client(index: int, round_id: str, mine: list[str]) -> None:
        client = api.client(index)
        for nip in mine:
            started = time.perf_counter()
            answer = await client.post(
                "/scouting/register-candidate", json=_registration(round_id, nip)
            )
            writes.append((time.perf_counter() - started) * 1000)
            if answer.status_code != 200:
                failures.append(f"{answer.status_code} {answer.text[:200]}")
            started = time.perf_counter()
            (await client.get(f"/employees/{nip}")).raise_for_status()
            reads.append((time.perf_counter() - started) * 1000)

    batches = [list(islice(nips, per_client)) for _ in range(clients)]
    timer, (busy, following) = Timer(), api.cpu_seconds()
    work = zip(rounds, batches, strict=True)
    await asyncio.gather(*(one_client(index, r, b) for index, (r, b) in enumerate(work)))
    seconds, (busy_after, following_after) = timer.seconds, api.cpu_seconds()
    busy, following = busy_after - busy, following_after - following
    print(f"-- {clients} client(s)")
    latency_line("register-candidate over HTTP", writes)
    latency_line("GET /employees/{nip}", reads)
    rate = len(writes) / seconds
    line("throughput", f"{rate:,.0f} commands/s, each followed by a read")
    line("command p50 over HTTP / in-process p50", f"{percentile(writes, 0.5) / direct:.1f}x")
    # The processor time the API processes (and the follower) spent per command and its read,
    # whatever else the machine runs: the service time that sets how many commands they serve.
    line("API processes' CPU per command + read", f"{busy / len(writes) * 1000:.1f} ms")
    if following:
        line("  of which the follower process", f"{following / len(writes) * 1000:.1f} ms")
    if failures:
        line("refused or failed", f"{len(failures)}: {failures[0]}")
    if clients == 10:
        verdict("p99 at 10 clients (ms)", percentile(writes, 0.99), TARGET_P99_MS, at_most=True)


async def _open_rounds(client: httpx.AsyncClient, names: list[str]) -> list[str]:
    rounds = []
    for name in names:
        answer = await client.post("/scouting/open-round", json=_round_command(name))
        answer.raise_for_status()
        rounds.append(answer.json()["result"])
        published = await client.post("/scouting/publish-round", json=_publication(rounds[-1]))
        published.raise_for_status()
    return rounds


def _mixed(clients: int, writers: int, requests: int, nips: Iterator[str], reader: str) -> Workload:
    readers = clients - writers
    as_reader = {"Authorization": f"Bearer {reader}"}

    async def list_rounds(client: httpx.AsyncClient, samples: list[float]) -> None:
        started = time.perf_counter()
        answer = await client.get("/scouting/rounds", params={"agency": AGENCY}, headers=as_reader)
        answer.raise_for_status()
        samples.append((time.perf_counter() - started) * 1000)

    async def reading(
        client: httpx.AsyncClient, samples: list[float], until: Callable[[], bool]
    ) -> None:
        while not until():
            await list_rounds(client, samples)

    async def run(api: Api) -> None:
        names = [f"mixed {api.label} {index}" for index in range(writers)]
        rounds = await _open_rounds(api.client(0), names)
        idle: list[float] = []
        for _ in range(IDLE_READS):
            await list_rounds(api.client(0), idle)
        print("-- one reader alone (idle baseline)")
        latency_line("GET /scouting/rounds", idle)

        alone: list[float] = []
        reads_alone = max(IDLE_READS, 5 * readers)
        await asyncio.gather(
            *(
                reading(api.client(writers + index), alone, lambda: len(alone) >= reads_alone)
                for index in range(readers)
            )
        )
        print(f"-- {readers} readers alone")
        latency_line("GET /scouting/rounds", alone)

        writes: list[float] = []
        own_reads: list[float] = []
        failures: list[str] = []
        done = asyncio.Event()

        async def writing(index: int, round_id: str, mine: list[str]) -> None:
            client = api.client(index)
            for nip in mine:
                started = time.perf_counter()
                answer = await client.post(
                    "/scouting/register-candidate", json=_registration(round_id, nip)
                )
                writes.append((time.perf_counter() - started) * 1000)
                if answer.status_code != 200:
                    failures.append(f"{answer.status_code} {answer.text[:200]}")
                started = time.perf_counter()
                (await client.get(f"/scouting/rounds/{round_id}")).raise_for_status()
                own_reads.append((time.perf_counter() - started) * 1000)

        async def all_writing() -> None:
            per_writer = max(1, requests // writers)
            batches = [list(islice(nips, per_writer)) for _ in range(writers)]
            work = enumerate(zip(rounds, batches, strict=True))
            await asyncio.gather(*(writing(index, r, b) for index, (r, b) in work))
            done.set()

        reads: list[float] = []
        timer = Timer()
        await asyncio.gather(
            all_writing(),
            *(reading(api.client(writers + index), reads, done.is_set) for index in range(readers)),
        )
        seconds = timer.seconds
        print(f"-- {clients} clients: {writers} writing, {readers} reading")
        latency_line("GET /scouting/rounds (another user)", reads)
        latency_line("register-candidate", writes)
        latency_line("writer's own read of its round", own_reads)
        line(
            "throughput",
            f"{len(writes) / seconds:,.0f} commands/s, {len(reads) / seconds:,.0f} reads/s",
        )
        idle_p50, idle_p99 = percentile(idle, 0.5), percentile(idle, 0.99)
        line(
            "read p50 / p99 against idle",
            f"{percentile(reads, 0.5) / idle_p50:.1f}x / {percentile(reads, 0.99) / idle_p99:.1f}x",
        )
        if failures:
            line("refused or failed", f"{len(failures)}: {failures[0]}")

    return run


def serve(store: StoreConfig, port: int, watch: bool) -> None:
    """The API as `talenta serve --no-clocks` runs it: read models caught up first, then
    followed by a background poll; or, with ``watch``, as `--read-models watch` runs it,
    leaving them to the follower process."""
    import threading

    import uvicorn

    from services.api import create_api
    from services.api.context import Context

    app = Talenta(store)
    context = Context.of(app)
    stop = threading.Event()
    if watch:
        context.watch(stop)
    else:
        context.refresh()
        context.follow(stop)
    try:
        # Connections kept open longer than a client waits under load: a connection the server
        # closes as the client reuses it fails the client's request (httpx.ReadError).
        uvicorn.run(
            create_api(context),
            host="127.0.0.1",
            port=port,
            log_level="warning",
            timeout_keep_alive=120,
        )
    finally:
        stop.set()
        app.close()


def follow(store: StoreConfig) -> None:
    """The read models followed for the watching API processes, until the process is ended."""
    import threading

    from services.api.context import Context

    app = Talenta(store)
    try:
        Context.of(app).follow(threading.Event()).join()
    finally:
        app.close()


if __name__ == "__main__":
    main()
