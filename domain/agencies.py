"""Agencies (instansi) the deployment serves, each bound to one rule pack and one time zone."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, field_validator

from domain.values.errors import InvalidValue


class Agency(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    pack_id: str
    # IANA name; rule dates are calendar dates in this zone.
    time_zone: str

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise InvalidValue(
                "zona waktu tidak dikenal", f"unknown time zone: {value!r}"
            ) from None
        return value

    def local_date(self, moment: datetime) -> date:
        """The agency's calendar date at an aware ``moment`` (e.g. when a decision is recorded)."""
        if moment.tzinfo is None:
            raise InvalidValue(
                "waktu tanpa zona waktu", "a moment without time zone cannot be placed on a date"
            )
        return moment.astimezone(ZoneInfo(self.time_zone)).date()


AGENCIES: dict[str, Agency] = {
    agency.id: agency
    for agency in (
        Agency(
            id="kota-binjai",
            name="Pemerintah Kota Binjai",
            pack_id="binjai-2023",
            time_zone="Asia/Jakarta",
        ),
        Agency(
            id="kota-balikpapan",
            name="Pemerintah Kota Balikpapan",
            pack_id="balikpapan-2022",
            time_zone="Asia/Makassar",
        ),
        Agency(
            id="kota-madiun",
            name="Pemerintah Kota Madiun",
            pack_id="madiun-2021",
            time_zone="Asia/Jakarta",
        ),
    )
}


def get_agency(agency_id: str) -> Agency:
    try:
        return AGENCIES[agency_id]
    except KeyError:
        raise InvalidValue(
            "instansi tidak dikenal",
            f"unknown agency: {agency_id!r}; known: {', '.join(sorted(AGENCIES))}",
        ) from None
