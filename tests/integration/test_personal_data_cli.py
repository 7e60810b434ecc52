"""Personal data on the command line, on SQLite and PostgreSQL: a step's JSON answer shows only
what the role it acts in may see (services/personal_data.py), like the API's."""

from __future__ import annotations

import json
from pathlib import Path

from domain.envelope import Role
from services.config import StoreConfig
from services.personal_data import mask_nip
from tests.integration.test_cli_scouting import KMS, WEB, A, B, C, Shell, enrol, selected_round
from tests.integration.test_cli_scouting import sheet as score_sheet


def test_a_step_s_json_answer_shows_the_personal_data_of_its_role(
    store: StoreConfig, tmp_path: Path
) -> None:
    enrol(store)
    shell = Shell(store)
    round_id = selected_round(shell, tmp_path)
    potential = score_sheet(tmp_path, "potensi.csv", f"{A},85", f"{B},80", f"{C},79", f"{WEB},70")
    technical = score_sheet(tmp_path, "teknis.csv", f"{A},75", f"{B},70")

    # The assessor needs the NIP (services/personal_data.py); the external assessor does not.
    full = json.loads(shell.out("score", round_id, "--stage", "potential", potential, "--json"))
    masked_text = shell.out(
        "score", round_id, "--stage", "technical", technical, "--json",
        "--as", str(Role.EXTERNAL_ASSESSOR),
    )  # fmt: skip
    masked = json.loads(masked_text)

    assert full["recorded"] == [A, B, C, WEB]
    assert masked["recorded"] == [mask_nip(A), mask_nip(B)]
    assert all(nip not in masked_text for nip in (A, B, C, KMS, WEB))
