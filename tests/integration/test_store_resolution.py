"""Which store the command line reaches, on SQLite and PostgreSQL: the default is the data
folder of the installation whatever the current folder, and a store that does not exist yet is
created only by `talenta serve` or `talenta --init`, never by a command that would then answer
from it, empty."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from services.cli import main
from services.config import INSTALLATION, StoreConfig

SAMPLES = INSTALLATION / "services" / "importing" / "samples"
TALENTA = Path(sys.executable).parent / "talenta"


def test_a_command_on_a_store_that_does_not_exist_is_refused_and_creates_nothing(
    store: StoreConfig,
) -> None:
    assert not store.exists()

    refused = CliRunner().invoke(main, ["employees", "kota-madiun", "--store", store.url])

    assert refused.exit_code == 1
    assert "no store at" in refused.output and "talenta --init" in refused.output
    assert "belum ada" in refused.output
    assert not store.exists()


def test_init_creates_the_store_and_later_commands_use_it(store: StoreConfig) -> None:
    runner = CliRunner()
    created = runner.invoke(
        main, ["--init", "import", "kota-madiun", str(SAMPLES), "--store", store.url]
    )
    assert created.exit_code == 0, created.output
    assert store.exists()

    listed = runner.invoke(main, ["employees", "kota-madiun", "--store", store.url])
    assert listed.exit_code == 0, listed.output
    assert "6 pegawai" in listed.output


def talenta(cwd: Path, data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TALENTA_STORE"}
    return subprocess.run(
        [str(TALENTA), *args],
        cwd=cwd,
        env={**env, "TALENTA_DATA": str(data), "TALENTA_ACTOR": "siti"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_default_store_is_the_same_from_every_folder(tmp_path: Path) -> None:
    data, here, elsewhere = tmp_path / "data", tmp_path / "here", tmp_path / "elsewhere"
    here.mkdir()
    elsewhere.mkdir()

    first = talenta(here, data, "--init", "import", "kota-madiun", str(SAMPLES))
    assert first.returncode == 0, first.stderr
    listed = talenta(elsewhere, data, "employees", "kota-madiun")

    assert listed.returncode == 0, listed.stderr
    assert "6 pegawai" in listed.stdout
    assert (data / "talenta.sqlite").is_file()
    assert list(here.iterdir()) == list(elsewhere.iterdir()) == []  # no store in either folder
