"""NIP: the 18-digit civil-servant number (birth date, appointment month, sex digit, sequence)."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler, model_validator
from pydantic_core import core_schema

from domain.values.errors import InvalidValue

# ASN are appointed at 18 at the earliest (PP 11/2017 P23, PP 49/2018 P16).
MIN_APPOINTMENT_AGE = 18
# A PPPK's NIP carries "21" where a PNS's carries the appointment month.
PPPK_MARKER = 21


class Sex(StrEnum):
    MALE = "M"
    FEMALE = "F"


class Nip(str):
    """An 18-digit NIP, stored without spaces; spaces and dots in input are ignored."""

    __slots__ = ()

    def __new__(cls, raw: object) -> Nip:
        text = re.sub(r"[\s.\-]", "", str(raw))
        if not re.fullmatch(r"\d{18}", text):
            raise InvalidValue("NIP harus 18 digit", f"NIP must be 18 digits: {raw!r}")
        nip = super().__new__(cls, text)
        nip._check()
        return nip

    @property
    def birth_date(self) -> date:
        return date(int(self[0:4]), int(self[4:6]), int(self[6:8]))

    @property
    def appointment_year(self) -> int:
        return int(self[8:12])

    @property
    def is_pppk(self) -> bool:
        return int(self[12:14]) == PPPK_MARKER

    @property
    def appointment_month(self) -> int | None:
        """The month of appointment; a PPPK's NIP gives only the year."""
        return None if self.is_pppk else int(self[12:14])

    @property
    def sex(self) -> Sex:
        return Sex.MALE if self[14] == "1" else Sex.FEMALE

    @property
    def sequence(self) -> int:
        return int(self[15:18])

    def formatted(self) -> str:
        return f"{self[0:8]} {self[8:14]} {self[14]} {self[15:18]}"

    def _check(self) -> None:
        try:
            born = self.birth_date
        except ValueError:
            raise InvalidValue(
                f"NIP {self}: tanggal lahir tidak valid", f"birth date {self[0:8]} is not a date"
            ) from None
        today = date.today()
        if born > today:
            raise InvalidValue(
                f"NIP {self}: tanggal lahir {born:%d-%m-%Y} di masa depan",
                f"birth date {born:%d-%m-%Y} is after today",
            )
        if self.appointment_year > today.year:
            raise InvalidValue(
                f"NIP {self}: tahun pengangkatan {self.appointment_year} di masa depan",
                f"appointment year {self.appointment_year} is after the current year",
            )
        month = self.appointment_month
        if month is not None and not 1 <= month <= 12:
            raise InvalidValue(
                f"NIP {self}: bulan pengangkatan tidak valid",
                f"appointment month {self[12:14]} is "
                f"not a month (nor {PPPK_MARKER}, the PPPK marker)",
            )
        if self[14] not in "12":
            raise InvalidValue(
                f"NIP {self}: digit jenis kelamin harus 1 atau 2",
                f"sex digit must be 1 or 2, got {self[14]}",
            )
        if self.sequence == 0:
            raise InvalidValue(f"NIP {self}: nomor urut 000", "sequence number cannot be 000")
        earliest = (born.year + MIN_APPOINTMENT_AGE, born.month)
        # A PPPK's appointment month is unknown: the year's last month gives it the benefit.
        if (self.appointment_year, month or 12) < earliest:
            raise InvalidValue(
                f"NIP {self}: pengangkatan {self.appointment_year}-{self[12:14]} sebelum usia "
                f"{MIN_APPOINTMENT_AGE}",
                f"appointment before age {MIN_APPOINTMENT_AGE}",
            )

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(
            cls._validate,
            core_schema.union_schema([core_schema.str_schema(), core_schema.int_schema()]),
            serialization=core_schema.to_string_ser_schema(),
        )

    @classmethod
    def _validate(cls, value: object) -> Nip:
        # InvalidValue is a ValueError: pydantic reports it with its message in both languages.
        return cls(value)


class Identity(BaseModel):
    """A NIP with the birth date and sex a record claims, checked against each other."""

    model_config = ConfigDict(frozen=True)

    nip: Nip
    birth_date: date | None = None
    sex: Annotated[Sex | None, "M/F"] = None

    @model_validator(mode="after")
    def _agrees_with_nip(self) -> Identity:
        if self.birth_date is not None and self.birth_date != self.nip.birth_date:
            raise InvalidValue(
                f"tanggal lahir {self.birth_date} tidak sesuai NIP",
                f"birth date does not match NIP {self.nip} ({self.nip.birth_date})",
            )
        if self.sex is not None and self.sex != self.nip.sex:
            raise InvalidValue(
                f"jenis kelamin {self.sex} tidak sesuai NIP", f"sex does not match NIP {self.nip}"
            )
        return self
