"""Personal data on the command line, on SQLite and PostgreSQL: a step's JSON answer shows only
what the role it acts in may see (services/personal_data.py), like the API's."""

from __future__ import annotations

import json

from click.testing import CliRunner

from domain.envelope import Role
from services.application import Talenta
from services.cli import main
from services.config import StoreConfig
from services.personal_data import mask_nip
from tests.integration import test_talent_succession as talent
from tests.integration.test_reports import BINJAI, nominated


def audit_as(store: StoreConfig, role: Role, plan: str) -> str:
    env = {"TALENTA_STORE": store.url, "TALENTA_AGENCY": BINJAI, "TALENTA_ACTOR": "x"}
    args = ["talent", "nomination-audit", plan, talent.A, "--as", str(role)]
    result = CliRunner().invoke(main, args, env=env)
    assert result.exit_code == 0, result.output
    return result.output


def test_a_step_s_json_answer_shows_the_personal_data_of_its_role(
    app: Talenta, store: StoreConfig
) -> None:
    plan = str(nominated(app))

    full = json.loads(audit_as(store, Role.AUDITOR, plan))
    masked = audit_as(store, Role.EXTERNAL_ASSESSOR, plan)

    assert full["nip"] == talent.A
    assert talent.A not in masked
    assert json.loads(masked)["nip"] == mask_nip(talent.A)
    assert json.loads(masked)["target_position"] == full["target_position"]
