"""Grades (golongan ruang) I/a .. IV/e with their order and rank titles (pangkat)."""

from __future__ import annotations

import re
from typing import Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

from domain.values.errors import InvalidValue

RANK_TITLES: dict[str, str] = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}
ORDER: tuple[str, ...] = tuple(RANK_TITLES)
_ARABIC = {"1": "I", "2": "II", "3": "III", "4": "IV"}


class Grade(str):
    """A grade such as ``III/d``; compares by seniority, not alphabetically."""

    __slots__ = ()

    def __new__(cls, raw: object) -> Grade:
        match = re.fullmatch(
            r"\s*(IV|III|II|I|[1-4])\s*[/.\-]?\s*([a-e])\s*", str(raw), flags=re.IGNORECASE
        )
        if not match:
            raise InvalidValue("golongan tidak dikenal", f"unknown grade: {raw!r}")
        roman = _ARABIC.get(match.group(1), match.group(1).upper())
        code = f"{roman}/{match.group(2).lower()}"
        if code not in RANK_TITLES:
            raise InvalidValue("golongan tidak ada", f"no such grade: {raw!r}")
        return super().__new__(cls, code)

    @property
    def rank(self) -> int:
        return ORDER.index(self)

    @property
    def rank_title(self) -> str:
        return RANK_TITLES[self]

    def __lt__(self, other: object) -> bool:
        return self.rank < Grade(other).rank

    def __le__(self, other: object) -> bool:
        return self.rank <= Grade(other).rank

    def __gt__(self, other: object) -> bool:
        return self.rank > Grade(other).rank

    def __ge__(self, other: object) -> bool:
        return self.rank >= Grade(other).rank

    def __eq__(self, other: object) -> bool:
        return str.__eq__(self, other)

    def __hash__(self) -> int:
        return str.__hash__(self)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(
            _validate, core_schema.str_schema(), serialization=core_schema.to_string_ser_schema()
        )


def _validate(value: str) -> Grade:
    # InvalidValue is a ValueError: pydantic reports it with its message in both languages.
    return Grade(value)
