"""Values as JSON-ready data, the way the HTTP API renders them (pydantic models by alias,
dataclasses as mappings, enums by value, dates in ISO form, Decimals as numbers), so that what the
application layer records or answers looks the same whichever entry point shows it, without the
application layer loading the web framework."""

from __future__ import annotations

import dataclasses
from collections import deque
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from pathlib import PurePath
from types import GeneratorType
from typing import Any
from uuid import UUID

from pydantic import BaseModel, SecretBytes, SecretStr


def jsonable_encoder(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return jsonable_encoder(value.model_dump(mode="json", by_alias=True))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return jsonable_encoder(dataclasses.asdict(value))
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, PurePath):
        return str(value)
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, dict):
        return {jsonable_encoder(key): jsonable_encoder(item) for key, item in value.items()}
    if isinstance(value, list | set | frozenset | GeneratorType | tuple | deque):
        return [jsonable_encoder(item) for item in value]
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, Decimal):
        # A whole number stays whole; any other is a float, as JSON numbers are read.
        exponent = value.as_tuple().exponent
        return int(value) if isinstance(exponent, int) and exponent >= 0 else float(value)
    if isinstance(value, UUID | SecretStr | SecretBytes):
        return str(value)
    if isinstance(value, bytes):
        return value.decode()
    try:
        return jsonable_encoder(dict(value))
    except (TypeError, ValueError):
        return jsonable_encoder(vars(value))
