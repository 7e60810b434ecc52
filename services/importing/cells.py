"""Typed reading of one row's cells; every problem becomes a bilingual error naming the column,
so a caseworker sees all that is wrong with a row at once."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from domain.bilingual import Message, said
from domain.values import InvalidValue
from services.importing.report import RowError
from services.importing.table import Row

T = TypeVar("T")

# dd-mm-yyyy as SIASN writes it (also with / or .), or ISO yyyy-mm-dd; a midnight time that
# spreadsheets append is tolerated.
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MIDNIGHT = re.compile(r"[ T]00:00(:00(\.0+)?)?$")


# The longest cell a row may hold; no field of a personnel record comes near it.
MAX_CELL = 131_072


class Cells:
    def __init__(self, row: Row, errors: list[RowError], nip: str = "") -> None:
        self.row = row
        self.errors = errors
        self.nip = nip
        self.failed = False
        for column, value in row.cells.items():
            if "\x00" in value:
                # PostgreSQL keeps no NUL in text: a stored one would stop every read model
                # that copies it.
                self.fail(Message(id="memuat karakter NUL", en="holds a NUL character"), column)
            if len(value) > MAX_CELL:
                self.fail(
                    Message(
                        id=f"{len(value):,} karakter, lebih dari batas {MAX_CELL:,}",
                        en=f"{len(value):,} characters, more than the limit of {MAX_CELL:,}",
                    ),
                    column,
                )

    def fail(self, message: Message, column: str = "") -> None:
        """Records why the row is refused; ``column``: the cell at fault, when one is."""
        self.failed = True
        self.errors.append(RowError(self.row.file, self.row.line, message, self.nip, column))

    def text(self, column: str) -> str:
        return self.row.cells.get(column, "")

    def has(self, column: str) -> bool:
        return column in self.row.cells

    def required(self, column: str) -> str | None:
        value = self.text(column)
        if not value:
            self.fail(Message(id="wajib diisi", en="required"), column)
            return None
        return value

    def parsed(self, column: str, parse: Callable[[str], T], required: bool = False) -> T | None:
        raw = self.required(column) if required else self.text(column)
        if not raw:
            return None
        try:
            return parse(raw)
        except ValidationError as error:
            self.fail(reason(error), column)
        except ValueError as error:
            self.fail(said(error), column)
        return None

    def date(self, column: str, required: bool = False) -> date | None:
        return self.parsed(column, parse_date, required)

    def integer(self, column: str, required: bool = False) -> int | None:
        return self.parsed(column, parse_int, required)

    def decimal(self, column: str, required: bool = False) -> Decimal | None:
        return self.parsed(column, parse_decimal, required)


def reason(error: ValidationError) -> Message:
    """The messages of our validators; pydantic's own (English) ones name the field at fault."""
    parts = [_said(detail) for detail in error.errors()]
    return Message(id="; ".join(part.id for part in parts), en="; ".join(part.en for part in parts))


def _said(detail: ErrorDetails) -> Message:
    cause = detail.get("ctx", {}).get("error")
    if detail["type"] == "value_error" and isinstance(cause, BaseException):
        return said(cause)
    where = ".".join(map(str, detail["loc"]))
    return Message(
        id=f"{where}: tidak sah: {detail['msg']}", en=f"{where}: invalid: {detail['msg']}"
    )


def parse_date(raw: str) -> date:
    text = _MIDNIGHT.sub("", raw.strip())
    if match := _DAY_FIRST.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        raise InvalidValue("bukan tanggal dd-mm-yyyy", f"not a dd-mm-yyyy date: {raw!r}")
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidValue("tanggal tidak ada", f"no such date: {raw!r}") from None


def parse_int(raw: str) -> int:
    # Spreadsheets turn 2021 into "2021.0".
    text = raw.strip().removesuffix(".0")
    if not re.fullmatch(r"\d+", text):
        raise InvalidValue("bukan bilangan bulat", f"not a whole number: {raw!r}")
    return int(text)


def parse_decimal(raw: str) -> Decimal:
    # Indonesian spreadsheets write a decimal comma: 85,50.
    try:
        value = Decimal(raw.strip().replace(",", "."))
    except InvalidOperation:
        raise InvalidValue("bukan angka", f"not a number: {raw!r}") from None
    if not value.is_finite():
        raise InvalidValue("bukan angka", f"not a number: {raw!r}")
    return value


def parse_yes_no(raw: str) -> bool:
    key = raw.strip().lower()
    if key in ("ya", "y", "yes", "1", "true", "sudah"):
        return True
    if key in ("tidak", "t", "no", "n", "0", "false", "belum"):
        return False
    raise InvalidValue("isi ya atau tidak", f"expected ya or tidak: {raw!r}")
