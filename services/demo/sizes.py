"""The sizes of generated agencies."""

from __future__ import annotations

from enum import StrEnum


class Size(StrEnum):
    CITY = "city"
    PROVINCE = "province"
    NATIONAL = "national"

    @property
    def employees(self) -> int:
        return _EMPLOYEES[self]


_EMPLOYEES = {Size.CITY: 8_000, Size.PROVINCE: 100_000, Size.NATIONAL: 1_000_000}
