"""A published head named by the user, on SQLite and PostgreSQL: an id beyond what the log can
number (a signed 64-bit integer) or written in other than ASCII digits is refused as invalid, over
HTTP (422) and at the command line (exit 2), never a server error."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from domain.envelope import Role
from projections.chain import Head
from services.api import create_api
from services.api.context import Context
from services.application import Talenta
from services.auth import token_store
from services.cli import main
from services.config import StoreConfig
from tests.integration.test_talent_succession import staffed

AGENCY = "kota-binjai"
HASH = "ab" * 32
BEYOND = [
    f"{2**63}:{HASH}",
    f"{10**30}:{HASH}",
    f"{'9' * 5000}:{HASH}",
    f"0:{HASH}",
    f"\u0663:{HASH}",
]


@pytest.mark.parametrize("text", BEYOND)
def test_a_head_beyond_the_log_s_numbers_is_invalid(text: str) -> None:
    with pytest.raises(ValueError, match="ID:HASH"):
        Head.parse(text)


def test_the_largest_id_the_log_can_number_is_read(app: Talenta) -> None:
    assert Head.parse(f"{2**63 - 1}:{HASH}").notification_id == 2**63 - 1


def test_a_head_beyond_the_log_s_numbers_is_refused_over_http_and_at_the_command_line(
    app: Talenta, store: StoreConfig
) -> None:
    staffed(app, AGENCY)
    _, secret = token_store(app).create_token("inspektur", AGENCY, [Role.AUDITOR])
    client = TestClient(create_api(Context.of(app)), raise_server_exceptions=False)
    for text in BEYOND:
        answer = client.get(
            "/audit/chain/verify",
            params={"published": text},
            headers={"Authorization": f"Bearer {secret}"},
        )
        assert (answer.status_code, answer.json()["code"]) == (422, "invalid-value"), text

        result = CliRunner().invoke(
            main, ["chain", "verify", "--store", store.url, "--published", text]
        )
        assert result.exit_code == 2, (text, result.output)
        assert "ID:HASH" in result.output
