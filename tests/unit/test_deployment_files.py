"""The province's deployment files (infra/deploy), checked as far as this machine can without
Docker: the compose file parses and holds every part a province runs; every Talenta container's
command is one the product's command line accepts; every TALENTA_* setting given is one the
product reads, with values it accepts; the settings file validates; the proxy's upstreams are the
API services, on the port each listens on."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import click
import pytest
import yaml

from services.cli.main import main as talenta
from services.config import StoreConfig
from services.settings import load_settings
from services.worker import arguments as worker_arguments

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "infra" / "deploy"
# Where the product's code reads its settings from.
CODE = ("services", "infra", "workflows", "projections", "domain")
API = "--no-clocks"  # an API process of many: the workers keep the clocks


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    return loaded


def services() -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = compose()["services"]
    return found


def talenta_services() -> dict[str, dict[str, Any]]:
    return {name: s for name, s in services().items() if s.get("image") == "talenta:latest"}


def environment(service: dict[str, Any]) -> dict[str, str]:
    """The service's settings: its env files, then its own environment over them."""
    found: dict[str, str] = {}
    for name in service.get("env_file", []):
        for text in (DEPLOY / name).read_text().splitlines():
            if text.strip() and not text.lstrip().startswith("#"):
                key, _, value = text.partition("=")
                found[key.strip()] = value.strip()
    found.update({key: str(value) for key, value in service.get("environment", {}).items()})
    return found


def settings_read_by_the_product() -> set[str]:
    """Every TALENTA_* name the product's code reads: each is written once as a string."""
    names: set[str] = set()
    for folder in CODE:
        for source in (ROOT / folder).rglob("*.py"):
            names.update(re.findall(r"[\"'](TALENTA_[A-Z_]+)[\"']", source.read_text()))
    return names


def mounted(service: dict[str, Any], target: str) -> Path:
    for volume in service.get("volumes", []):
        source, _, rest = str(volume).partition(":")
        if rest.split(":")[0] == target:
            return DEPLOY / source
    raise AssertionError(f"nothing mounted at {target}")


def test_the_compose_file_holds_every_part_of_a_province() -> None:
    found = services()
    assert found["postgres"]["image"].startswith("postgres:")
    assert found["temporal"]["image"].startswith(("temporalio/auto-setup:", "temporalio/server:"))
    assert found["temporal-admin-tools"]["image"].startswith("temporalio/admin-tools:")
    assert found["temporal-ui"]["image"].startswith("temporalio/ui:")
    assert found["proxy"]["image"].startswith("nginx:")
    ours = talenta_services()
    apis = [
        name for name, s in ours.items() if s["command"][:3] == ["talenta", "serve", "--no-clocks"]
    ]
    workers = [name for name, s in ours.items() if s["command"][:2] == ["talenta", "worker"]]
    assert len(apis) >= 2 and len(workers) >= 2, ours
    assert set(apis) | set(workers) == set(ours)
    # One API process follows the read models; the others watch how far it has come.
    followers = [name for name in apis if "watch" not in ours[name]["command"]]
    assert len(followers) == 1, {name: ours[name]["command"] for name in apis}
    for name in [*apis, *workers]:
        assert "postgres" in ours[name]["depends_on"], name
    for name in workers:
        assert "temporal" in ours[name]["depends_on"], name
    build = ours[apis[0]]["build"]
    assert (DEPLOY / build["context"] / build["dockerfile"]).is_file()
    for service in found.values():
        for name in service.get("env_file", []):
            assert (DEPLOY / name).is_file(), name


def test_temporal_keeps_its_state_in_the_deployment_s_postgresql() -> None:
    found = services()
    settings = environment(found["temporal"])
    assert settings["DB"] == "postgres12"
    assert settings["POSTGRES_SEEDS"] in found and found[settings["POSTGRES_SEEDS"]] is not None
    postgres = environment(found["postgres"])
    assert settings["POSTGRES_USER"] == postgres["POSTGRES_USER"]
    assert settings["POSTGRES_PWD"] == postgres["POSTGRES_PASSWORD"]
    assert int(settings["NUM_HISTORY_SHARDS"]) >= 1
    ui = environment(found["temporal-ui"])
    assert ui["TEMPORAL_ADDRESS"].split(":")[0] == "temporal"


@pytest.mark.parametrize("name", sorted(talenta_services()))
def test_each_talenta_container_runs_a_command_the_product_accepts(name: str) -> None:
    command = talenta_services()[name]["command"]
    assert command[0] == "talenta"
    with talenta.make_context("talenta", command[1:], resilient_parsing=False) as group:
        sub_name, sub, rest = talenta.resolve_command(group, command[1:])
        assert sub is not None and sub_name in ("serve", "worker"), command
        # Parses every option as the product would, without running it.
        sub.make_context(sub_name, rest, parent=group)
    with pytest.raises(click.UsageError):  # the check can fail: an option that does not exist
        sub.make_context(sub_name, [*rest, "--no-such-option"], parent=group)


@pytest.mark.parametrize("name", sorted(talenta_services()))
def test_each_talenta_container_s_settings_are_read_by_the_product(name: str) -> None:
    service = talenta_services()[name]
    settings = environment(service)
    given = {key for key in settings if key.startswith("TALENTA_")}
    assert given, name
    assert given <= settings_read_by_the_product(), given - settings_read_by_the_product()
    store = StoreConfig(settings["TALENTA_STORE"])
    assert store.backend == "postgres"
    assert urlparse(store.url).hostname in services()
    if "TALENTA_TEMPORAL" in settings:
        host, port = settings["TALENTA_TEMPORAL"].split(":")
        assert host in services() and port == "7233"
        namespace = settings["TALENTA_TEMPORAL_NAMESPACE"]
        assert environment(services()["temporal"])["DEFAULT_NAMESPACE"] == namespace
        # The worker's own entry point reads the same settings.
        options = worker_arguments().parse_args([])
        assert options.namespace == "default"  # unset here; the container sets it
    if "TALENTA_SETTINGS" in settings:
        # The agencies' settings the container reads validate as the product reads them.
        load_settings(mounted(service, settings["TALENTA_SETTINGS"]))


def test_the_api_processes_share_one_session_secret() -> None:
    secrets = {
        environment(service).get("TALENTA_WEB_SECRET")
        for service in talenta_services().values()
        if "serve" in service["command"]
    }
    assert len(secrets) == 1 and None not in secrets


def test_the_proxy_sends_to_every_api_process_on_the_port_it_listens_on() -> None:
    proxy = services()["proxy"]
    config = mounted(proxy, "/etc/nginx/nginx.conf").read_text()
    upstream = re.search(r"upstream (\w+) \{(.*?)\}", config, re.S)
    assert upstream is not None
    assert f"proxy_pass http://{upstream.group(1)};" in config
    servers = re.findall(r"^\s*server ([\w.-]+):(\d+)", upstream.group(2), re.M)
    apis = {
        name: service["command"][service["command"].index("--port") + 1]
        for name, service in talenta_services().items()
        if "serve" in service["command"]
    }
    assert dict(servers) == apis
    assert set(proxy["depends_on"]) == set(apis)
