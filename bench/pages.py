"""Benchmark: the web pages with 10 people at once.

A generated Madiun agency (``--employees``) is imported and given a talent-scouting round and a
vacancy filled from its pool for each of four years, through the product's own commands (as
`talenta demo seed` does). The product is served by uvicorn in a process of its own; ten signed-in
users (five caseworkers, five auditors), each a thread with its own session, read every page in
turn ``--repeats`` times. Latency per page is printed with p50 and p99; the baseline in the same
run is ``/health`` (no session, no template) read the same way.
Target: every page p99 < 200 ms.

    python -m bench.pages [--employees 1000] [--repeats 20] [--quick]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

from bench.common import header, latency_line, line, percentile, verdict
from domain.envelope import Actor, Role
from domain.values import PositionLevel
from projections import scouting as read
from services.api.context import Context
from services.application import Talenta
from services.config import StoreConfig
from services.demo import careers, write_agency
from services.demo.seed import AGENCY, AGENCY_NAME, demo_actor, seed_scouting
from services.importing import PersonnelFiles, import_personnel
from services.web.accounts import NewUser, create_user

USERS = 10
PASSWORD = "kata-sandi-bench-1"
TARGET_MS = 200.0
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def seeded(url: str, employees: int) -> tuple[list[str], dict[str, list[str]]]:
    """The store, and the pages each kind of user reads."""
    app = Talenta(StoreConfig(url))
    try:
        with tempfile.TemporaryDirectory(prefix="talenta-pages-") as directory:
            write_agency(Path(directory), employees, 1, AGENCY_NAME)
            files = PersonnelFiles.in_directory(Path(directory))
            import_personnel(app, files, AGENCY, demo_actor(Role.CASEWORKER))
        supervisors = [
            c.nip
            for c in careers(employees, 1)
            if c.level is PositionLevel.SUPERVISOR and c.status == "PNS"
        ]
        seed_scouting(app, supervisors, range(2022, 2026), 1, lambda _: None)
        admin = Actor(id="bench", role=Role.ADMINISTRATOR, agency=AGENCY)
        names = []
        for n in range(USERS):
            role = Role.CASEWORKER if n % 2 == 0 else Role.AUDITOR
            name = f"{role.value}-{n}"
            new = NewUser(
                username=name,
                agency=AGENCY,
                roles=frozenset({role}),
                unit="",
                password=PASSWORD,
            )
            create_user(app, new, admin)
            names.append(name)
        context = Context.of(app)
        context.refresh()
        view = context.documents
        round_id = read.rounds(view, AGENCY)[-1].round_id
        vacancies = read.vacancies(view, AGENCY)
        picked = [v for v in vacancies if v.state in ("picked", "filled")]
        nip = supervisors[0]
    finally:
        app.close()
    common = ["/", "/staff", f"/staff/{nip}", "/rounds", f"/rounds/{round_id}", "/pool"]
    common += ["/vacancies", f"/rounds/{round_id}/report"]
    common += [f"/vacancies/{v.vacancy_id}" for v in vacancies[-1:]]
    pages = {
        "caseworker": [*common, "/import"],
        "auditor": [
            *common,
            "/auditor",
            *(f"/auditor/why/pick/{v.vacancy_id}" for v in picked[-1:]),
            f"/auditor/timeline?subject=employee&key={nip}",
            "/auditor/refusals",
            "/auditor/reads",
            "/auditor/chain",
        ],
    }
    return names, pages


def signed_in(base: str, username: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=30)
    form = client.get("/signin")
    token = CSRF.search(form.text)
    assert token, "the sign-in form carries its token"
    answer = client.post(
        "/signin", data={"csrf": token[1], "username": username, "password": PASSWORD}
    )
    assert answer.status_code == 303, answer.text
    return client


def run(base: str, names: list[str], pages: dict[str, list[str]], repeats: int) -> None:
    samples: dict[str, list[float]] = defaultdict(list)
    lock = threading.Lock()
    clients = [signed_in(base, name) for name in names]
    start = threading.Barrier(len(clients))

    def user(client: httpx.Client, kind: str) -> None:
        start.wait()
        for _ in range(repeats):
            for path in [*pages[kind], "/health"]:
                began = time.perf_counter()
                answer = client.get(path)
                took = (time.perf_counter() - began) * 1000
                assert answer.status_code == 200, (path, answer.status_code)
                key = re.sub(r"[0-9a-f-]{36}|\d{18}", "{id}", path.split("?")[0])
                with lock:
                    samples[key].append(took)

    threads = [
        threading.Thread(target=user, args=(client, name.split("-")[0]))
        for client, name in zip(clients, names, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    baseline = percentile(samples["/health"], 0.99)
    for key, taken in sorted(samples.items()):
        latency_line(key, taken)
    worst_key = max(samples, key=lambda k: percentile(samples[k], 0.99))
    worst = percentile(samples[worst_key], 0.99)
    line("slowest page at p99", f"{worst_key}: {worst:.1f} ms, {worst / baseline:.1f}x /health")
    verdict("every page's p99 (ms)", worst, TARGET_MS, at_most=True)


def serve(url: str, port: int) -> None:
    import uvicorn

    from services.api import create_api
    from services.web import WebSettings

    app = Talenta(StoreConfig(url))
    api = create_api(Context.of(app), web=WebSettings(secret="b" * 64))
    uvicorn.run(api, host="127.0.0.1", port=port, log_level="warning")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=1_000)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="300 employees, 3 repeats")
    parser.add_argument("--serve", nargs=2, metavar=("STORE", "PORT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve[0], int(args.serve[1]))
        return
    employees, repeats = (300, 3) if args.quick else (args.employees, args.repeats)
    header(f"web pages, {USERS} users at once, {employees} employees")
    with tempfile.TemporaryDirectory(prefix="talenta-bench-") as directory:
        url = f"sqlite:///{Path(directory) / 'talenta.sqlite'}"
        began = time.perf_counter()
        names, pages = seeded(url, employees)
        line("store seeded", f"{time.perf_counter() - began:.1f} s")
        port = 8765
        server = subprocess.Popen([sys.executable, "-m", "bench.pages", "--serve", url, str(port)])
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                try:
                    if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            run(base, names, pages, repeats)
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
