"""The application layer's JSON rendering agrees with the HTTP API's on every kind of value the
product's events and answers hold."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from fastapi.encoders import jsonable_encoder as api_encoder
from pydantic import BaseModel, Field

from services.jsonable import jsonable_encoder


class Colour(StrEnum):
    RED = "red"


@dataclass(frozen=True)
class Score:
    nip: str
    final: Decimal
    on: date


class Answer(BaseModel):
    kind: str = Field(alias="type")
    score: Decimal
    scores: tuple[Score, ...] = ()


VALUES: list[Any] = [
    None,
    True,
    3,
    2.5,
    "teks",
    Decimal("80"),
    Decimal("82.75"),
    Decimal("1E+2"),
    date(2025, 3, 1),
    datetime(2025, 3, 1, 9, 30, tzinfo=UTC),
    time(23, 59),
    timedelta(days=2),
    UUID("12345678-1234-5678-1234-567812345678"),
    Colour.RED,
    Path("/tmp/x.csv"),
    b"bytes",
    (1, "a"),
    ["a", "b"],
    frozenset({1}),
    {"nested": {"on": date(2025, 1, 1), "scores": [Decimal("70.5")]}},
    Score("198001012005011001", Decimal("81.25"), date(2025, 3, 1)),
    Answer(type="pick", score=Decimal("90"), scores=(Score("1", Decimal("2"), date(2025, 1, 2)),)),
]


@pytest.mark.parametrize("value", VALUES, ids=[type(v).__name__ for v in VALUES])
def test_rendered_as_the_api_renders_it(value: Any) -> None:
    # As text, so that 80 and 80.0 (or a tuple and a list) do not pass for each other.
    assert json.dumps(jsonable_encoder(value)) == json.dumps(api_encoder(value))
