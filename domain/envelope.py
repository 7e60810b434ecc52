"""The decision envelope every decision event carries: who, why, by which rule, on what evidence."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer,
)

from domain.values.errors import InvalidValue


class Role(StrEnum):
    CASEWORKER = "caseworker"
    TALENT_TEAM = "talent-team"
    SCOUTING_TEAM = "scouting-team"
    ASSESSOR = "assessor"
    EXTERNAL_ASSESSOR = "external-assessor"
    HEAD_OF_UNIT = "head-of-unit"
    TPK_MEMBER = "tpk-member"
    PPK = "ppk"
    AUTHORISED_OFFICIAL = "authorised-official"
    AUDITOR = "auditor"
    ADMINISTRATOR = "administrator"
    SYSTEM = "system"


class Actor(BaseModel):
    """Taken from authentication, never from a request body."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(min_length=1)
    role: Role
    agency: str = ""  # the agency whose data the actor may touch; empty for the system itself
    unit: str = ""  # the unit a head of unit heads (madiun-2021:P24 angka 1); else empty

    @model_serializer(mode="wrap")
    def _without_empty_unit(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # Only a head of unit has one; other actors are recorded as they were before.
        dumped: dict[str, Any] = handler(self)
        if not self.unit:
            dumped.pop("unit", None)
        return dumped


class DocumentRef(BaseModel):
    """A document kept elsewhere, pinned by the SHA-256 of its content."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(min_length=1)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    uri: str = ""


class Evidence(BaseModel):
    model_config = ConfigDict(frozen=True)

    decree_number: str = ""
    decree_date: date | None = None
    minutes_number: str = ""
    minutes_date: date | None = None
    documents: tuple[DocumentRef, ...] = ()


class Basis(BaseModel):
    """The rules applied, as ``<pack>:<article>`` citations, and the pack readings used."""

    model_config = ConfigDict(frozen=True)

    pack: str = ""
    citations: tuple[str, ...] = ()
    readings: dict[str, str] = Field(default_factory=dict)

    @field_validator("citations")
    @classmethod
    def _cited_as_pack_article(cls, citations: tuple[str, ...]) -> tuple[str, ...]:
        for citation in citations:
            if ":" not in citation:
                raise ValueError(f"citation must read <pack>:<article>, got {citation!r}")
        return citations


class Envelope(BaseModel):
    """Attached to every decision event. ``effective`` is the decision's date; the time it was
    recorded is the event's own timestamp."""

    model_config = ConfigDict(frozen=True)

    actor: Actor
    effective: date
    # When the decision takes effect at a known moment (aware); clocks start there, otherwise
    # at the start of ``effective`` in the agency's time zone.
    effective_at: datetime | None = None
    reason: str = ""
    basis: Basis = Basis()
    evidence: Evidence = Evidence()
    corrects: str = ""  # id of an earlier event this one corrects

    @field_validator("effective_at")
    @classmethod
    def _aware(cls, moment: datetime | None) -> datetime | None:
        if moment is not None and moment.tzinfo is None:
            raise InvalidValue("effective_at harus berzona waktu", "effective_at needs a time zone")
        return moment

    def citing(
        self, *citations: str, readings: Mapping[str, str] | None = None, pack: str = ""
    ) -> Envelope:
        """This envelope with ``citations`` and ``readings`` added to its basis, each citation
        once and in order (and its pack named, when ``pack`` is given)."""
        basis = Basis(
            pack=pack or self.basis.pack,
            citations=tuple(dict.fromkeys((*self.basis.citations, *citations))),
            readings={**self.basis.readings, **(readings or {})},
        )
        return self.model_copy(update={"basis": basis})

    def to_event(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_event(cls, data: dict[str, Any]) -> Envelope:
        return cls.model_validate(data)
