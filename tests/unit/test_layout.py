"""The roles stay apart: the application layer (commands, queries, rules' use) loads no HTTP,
command-line or Temporal framework, and the process that keeps the clocks loads neither the HTTP
API nor the command line. Each check imports in a fresh interpreter, so that nothing this test
run has loaded already can hide an import."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

FRAMEWORKS = ("fastapi", "click", "temporalio")

# Each module with every module of its package below it.
APPLICATION = (
    "services.application",
    "services.scouting",
    "services.talent",
    "services.permissions",
    "services.settings",
    "services.personal_data",
    "services.personal_data_reads",
    "services.audit",
    "services.importing",
    "services.reminders",
    "services.eligibility",
)

LOADED = """
import importlib, json, pkgutil, sys
modules, frameworks = sys.argv[1].split(","), sys.argv[2:]
for name in modules:
    module = importlib.import_module(name)
    for found in pkgutil.walk_packages(getattr(module, "__path__", []), name + "."):
        importlib.import_module(found.name)
print(json.dumps([name for name in frameworks if name in sys.modules]))
"""


def loaded(modules: str, frameworks: tuple[str, ...]) -> list[str]:
    """Which of ``frameworks`` importing ``modules`` (comma-separated, each with its package)
    loads."""
    answer = subprocess.run(
        [sys.executable, "-c", LOADED, modules, *frameworks],
        capture_output=True,
        text=True,
        check=True,
    )
    found: list[str] = json.loads(answer.stdout)
    return found


@pytest.mark.parametrize("module", APPLICATION)
def test_the_application_layer_loads_no_framework(module: str) -> None:
    assert loaded(module, FRAMEWORKS) == []


def test_the_worker_process_loads_neither_the_api_nor_the_command_line() -> None:
    # The worker program with every workflow and activity it runs (the clocks are wired in
    # services/bootstrap.py when they start).
    assert loaded("services.worker,workflows", ("fastapi", "click")) == []


def test_the_check_sees_a_framework_that_is_loaded() -> None:
    assert "fastapi" in loaded("services.api", FRAMEWORKS)
