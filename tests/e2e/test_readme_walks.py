"""The README's walks, run as written: its `sh` blocks, in order, in a fresh data folder.

The walks run in the embedded single-user mode the README exports, Madiun's and Binjai's beside
each other in one store; then the first administrator is created and signs in as the README's
web-interface block says, on the same store; and a user signs in and out on a shared store as
the block of "Signing in at the command line" says. A command the README marks `# refused` must be
refused (exit 1), every other must exit 0.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

INSTALLATION = Path(__file__).parents[2]
README = INSTALLATION / "README.md"
WALKS = (
    "A caseworker's walk",
    "A scouting round, start to finish (madiun-2021)",
    "The talent cycle (binjai-2023, balikpapan-2022)",
)
FIRST_ADMINISTRATOR = "The web interface"
PASSWORD = "kata-sandi-yang-panjang"
# The user the shared store's block signs in as, with the roles its `whoami` shows.
SITI = "user create siti --agency kota-madiun --role caseworker --role scouting-team"


@dataclass(frozen=True)
class Command:
    first_line: int  # in the generated script, from 1
    last_line: int
    text: str

    @property
    def refused(self) -> bool:
        return "# refused" in self.text


def sh_blocks(section: str) -> list[str]:
    """The `sh` blocks of a `## section` of the README, in order."""
    body = README.read_text(encoding="utf-8").split(f"\n## {section}\n", 1)[1]
    body = body.split("\n## ", 1)[0]
    return re.findall(r"^```sh\n(.*?)^```$", body, flags=re.S | re.M)


def embedded_mode() -> str:
    """The block that puts the walks in the embedded mode ("The walks below run so")."""
    (block,) = [b for b in sh_blocks("Signing in at the command line") if "EMBEDDED=1" in b]
    return block


def commands(script: str) -> list[Command]:
    """Each top-level command of a script with its lines: continuations and loops joined."""
    found, start, depth, lines = [], 0, 0, script.splitlines()
    for number, line in enumerate(lines, 1):
        words = line.split("#", 1)[0].split()
        depth += words[:1] == ["for"]
        depth -= "done" in words or "done;" in words
        if line.rstrip().endswith("\\") or depth > 0:
            start = start or number
            continue
        first = start or number
        found.append(Command(first, number, "\n".join(lines[first - 1 : number])))
        start = 0
    return [command for command in found if command.text.strip()]


def fresh_environment(tmp_path: Path) -> dict[str, str]:
    """A shell of a new user: no TALENTA_* setting but a data folder and a config home of its
    own, so the default store is the data folder's, as for a fresh installation."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TALENTA_")}
    environment["TALENTA_DATA"] = str(tmp_path / "var")
    environment["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    environment["HOME"] = str(tmp_path)
    return environment


def run_script(script: str, environment: dict[str, str], folder: Path) -> tuple[set[int], str, str]:
    """Runs the script in one bash, as a reader pasting it would; answers the lines of the
    commands that failed (bash's ERR trap), stdout and stderr."""
    failures = folder / "failed-lines"
    trapped = f"trap 'echo $LINENO >> {failures}' ERR\n" + script
    shell = subprocess.run(
        ["bash", "-c", trapped],
        cwd=INSTALLATION,
        env=environment,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        start_new_session=True,  # no terminal: nothing waits on a prompt
        timeout=3000,  # some 60 commands, each a process that loads the product
    )
    lines = failures.read_text().split() if failures.exists() else []
    return {int(line) - 1 for line in lines}, shell.stdout, shell.stderr


def test_the_readme_walks_run_as_written_in_one_fresh_store(tmp_path: Path) -> None:
    script = "\n".join([embedded_mode(), *(b for s in WALKS for b in sh_blocks(s))])
    steps = commands(script)
    assert len(steps) > 30  # the walks were found

    failed_lines, out, err = run_script(script, fresh_environment(tmp_path), tmp_path)

    failed = [s for s in steps if any(s.first_line <= n <= s.last_line for n in failed_lines)]
    assert [s.text for s in failed] == [s.text for s in steps if s.refused], err
    # a few of the answers the walks show
    assert "6 pegawai / employees" in out  # Madiun's sample export
    assert "1 dari/of 6 memenuhi syarat / eligible" in out  # Budi, of the main export
    assert "is in force from 2025-01-01" in err  # Balikpapan refused before its pack held
    assert "3 lulus / passed" in out  # Budi and the two candidates of the samples
    assert "Irban Wilayah I" in out  # the shortlist's TPK members in the vacancies' table
    assert "kotak/box 9" in out  # the Binjai assessment, of a Binjai employee
    assert "197804102003121003 Rizal Harahap" in out  # on Binjai's nine-box, named
    assert "tidak ada di instansi kota-binjai" in err  # a Madiun employee is not Binjai's
    assert (tmp_path / "var" / "talenta.sqlite").is_file()  # the data folder's store


def run_one(command: str, environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """One command in its own bash, its password prompts (two, when asked twice) answered from
    a pipe."""
    return subprocess.run(
        ["bash", "-c", command],
        cwd=INSTALLATION,
        env=environment,
        input=f"{PASSWORD}\n{PASSWORD}\n",
        capture_output=True,
        text=True,
        start_new_session=True,
        timeout=120,
    )


def test_the_first_administrator_is_created_and_signs_in_as_the_readme_says(
    tmp_path: Path,
) -> None:
    """Each command of the block on its own, its password prompts answered from a pipe."""
    (block,) = sh_blocks(FIRST_ADMINISTRATOR)
    environment = fresh_environment(tmp_path)
    for step in commands(block):
        answered = run_one(step.text, environment)
        assert answered.returncode == 0, (step.text, answered.stdout, answered.stderr)
    whoami = run_one(".venv/bin/talenta whoami", environment)
    assert whoami.stdout.startswith("admin (kota-madiun: administrator)"), whoami


def test_a_user_signs_in_on_a_shared_store_and_out_as_the_readme_says(tmp_path: Path) -> None:
    """The shared store's block, each command on its own, for a user siti made beforehand; each
    command's comment is what it answers, or what it does."""
    environment = fresh_environment(tmp_path)
    made = run_one(
        f"TALENTA_EMBEDDED=1 .venv/bin/talenta --init {SITI} --password-stdin", environment
    )
    assert made.returncode == 0, made
    (block,) = [b for b in sh_blocks("Signing in at the command line") if "login" in b]
    steps = commands(block)
    assert [step.text.split()[1] for step in steps] == ["login", "whoami", "logout"]
    session = tmp_path / "config" / "talenta" / "session.json"
    for step in steps:
        answered = run_one(step.text, environment)
        assert answered.returncode == 0, (step.text, answered.stdout, answered.stderr)
        if "whoami" in step.text:
            shown = step.text.split("#", 1)[1].strip()
            assert answered.stdout.strip() == shown
            assert session.is_file()
    assert "keluar / signed out: siti" in answered.stdout
    assert not session.exists()  # signed out: the session is gone with its token
