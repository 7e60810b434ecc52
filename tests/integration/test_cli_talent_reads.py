"""`talenta talent show`: the talent read models from the command line, on both backends."""

from __future__ import annotations

import json
from datetime import date

from click.testing import CliRunner

from services.application import Talenta
from services.cli.main import main
from services.config import StoreConfig
from tests.integration.test_talent_succession import A, B, assess, staffed

AGENCY = "kota-binjai"


def show(store: StoreConfig, *args: str) -> str:
    result = CliRunner().invoke(
        main, ["talent", "show", *args, "--store", store.url, "--agency", AGENCY]
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_the_read_models_answer_on_the_command_line(app: Talenta, store: StoreConfig) -> None:
    staffed(app, AGENCY)
    assess(app, AGENCY, A, 5, date(2025, 3, 3))
    assess(app, AGENCY, A, 9, date(2025, 3, 10))
    assess(app, AGENCY, B, 8, date(2025, 3, 10))

    before = json.loads(show(store, "ninebox", "--on", "2025-03-05", "--json"))
    after = json.loads(show(store, "ninebox", "--on", "2025-03-12", "--json"))
    assert before["boxes"]["5"]["nips"] == [A]
    assert after["boxes"]["9"]["nips"] == [A]
    assert after["boxes"]["8"]["nips"] == [B]
    assert f"kotak/box 9:   1  {A}" in show(store, "ninebox", "--on", "2025-03-12")

    ranked = json.loads(show(store, "priority", "--on", "2025-03-12", "--json"))
    assert [row["nip"] for row in ranked][:2] == [A, B]
    assert json.loads(show(store, "pins", "--json")) == []
    assert json.loads(show(store, "plans", "--json")) == []
    due = json.loads(show(store, "monitoring-due", "--json"))
    assert (due["evaluations"], due["check_ins"]) == ([], [])
