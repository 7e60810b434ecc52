"""What every rule pack speaks: citations, readings, requirement and eligibility results, refusals.

Results are frozen pydantic models so that aggregates can put them into decision events as they are
(``model_dump(mode="json")``) and auditors can read which data, rule and reading decided.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler, model_validator
from pydantic_core import core_schema

from domain.bilingual import Bilingual
from domain.bilingual import Message as Message  # the rules speak in bilingual messages
from domain.values.errors import InvalidValue

# A pack's id, or a national regulation's (``pp-11-2017``: its number, then its year).
_CITATION = re.compile(r"(?P<pack>[a-z][a-z0-9-]*-\d{4}):(?P<article>\S(?:.*\S)?)")


class Citation(str):
    """``<pack>:<article>``, e.g. ``madiun-2021:P19(3)`` or ``binjai-2023:Lampiran 2``."""

    __slots__ = ()

    def __new__(cls, raw: object) -> Citation:
        if not _CITATION.fullmatch(str(raw)):
            raise InvalidValue(
                "kutipan harus berbentuk <paket>:<pasal>",
                f"citation must be <pack>:<article>: {raw!r}",
            )
        return super().__new__(cls, str(raw))

    @property
    def pack(self) -> str:
        return self.split(":", 1)[0]

    @property
    def article(self) -> str:
        return self.split(":", 1)[1]

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(
            cls, core_schema.str_schema(), serialization=core_schema.to_string_ser_schema()
        )


class ReadingId(StrEnum):
    """The open readings: passages the regulations leave open (domain/rules/readings.py)."""

    D1 = "D1"
    D2 = "D2"
    D3 = "D3"
    D4 = "D4"
    D5 = "D5"
    D6 = "D6"
    D7 = "D7"
    # The talent cycle's own readings (binjai-2023, balikpapan-2022).
    C1 = "C1"
    C2 = "C2"
    # madiun-2021 readings beyond Part D (the M block).
    M1 = "M1"  # P8(2): the TPK's quorum
    M2 = "M2"  # P24 angka 4-5: a shortlist of 3
    M3 = "M3"  # P13(2): the head of unit's recommendation
    M4 = "M4"  # P10(1)(g)-(h): the dates of the health certificate and integrity statement
    M5 = "M5"  # P10(1)(f), P10(2)(f): the first day after the disciplinary cool-off
    M6 = "M6"  # P22(2): registering again while a pool entry holds
    M7 = "M7"  # P30(5)(b): performance "kurang/buruk"
    M8 = "M8"  # P10(1)(b): experience as functional Ahli Muda


class ReadingUse(BaseModel):
    """Which option of a reading an evaluation applied; goes into every decision's basis."""

    model_config = ConfigDict(frozen=True)

    id: ReadingId
    option: str


class Reading(BaseModel):
    """A named setting for a passage the regulation leaves open.

    ``options`` holds every option the code implements (option -> description); ``documentation``
    says why the default was chosen and which other readings were considered and rejected.
    """

    model_config = ConfigDict(frozen=True)

    id: ReadingId
    text: str
    question: Message
    options: Mapping[str, Message]
    chosen: str
    documentation: str

    @model_validator(mode="after")
    def _chosen_is_an_option(self) -> Reading:
        if self.chosen not in self.options:
            raise InvalidValue(
                f"bacaan {self.id}: pilihan {self.chosen!r} tidak dikenal",
                f"reading {self.id}: "
                f"unknown option {self.chosen!r}; options: {', '.join(self.options)}",
            )
        return self

    @property
    def alternatives(self) -> tuple[str, ...]:
        return tuple(option for option in self.options if option != self.chosen)

    def choose(self, option: str) -> Reading:
        if option not in self.options:
            raise RuleRefusal(
                "unknown-reading-option",
                Message(
                    id=f"bacaan {self.id}: pilihan {option!r} tidak dikenal; pilihan: "
                    f"{', '.join(self.options)}",
                    en=f"reading {self.id}: unknown option {option!r}; options: "
                    f"{', '.join(self.options)}",
                ),
            )
        return self.model_copy(update={"chosen": option})

    def use(self) -> ReadingUse:
        return ReadingUse(id=self.id, option=self.chosen)


class Outcome(StrEnum):
    MET = "met"
    NOT_MET = "not-met"
    # The data needed is not there yet (e.g. an institution's test still to be held).
    PENDING = "pending"


class RequirementResult(BaseModel):
    """One requirement judged against named data.

    ``part_of`` names the combined requirement this one feeds (e.g. one alternative of an "or");
    only requirements with no ``part_of`` decide eligibility directly.
    """

    model_config = ConfigDict(frozen=True)

    code: str
    outcome: Outcome
    evidence: Mapping[str, str]
    citation: Citation
    message: Message
    part_of: str | None = None

    @property
    def passed(self) -> bool:
        return self.outcome is Outcome.MET


class EligibilityResult(BaseModel):
    """Every requirement's result (never only the first failure) and the readings applied."""

    model_config = ConfigDict(frozen=True)

    requirements: tuple[RequirementResult, ...]
    readings_used: tuple[ReadingUse, ...]

    @property
    def deciding(self) -> tuple[RequirementResult, ...]:
        return tuple(r for r in self.requirements if r.part_of is None)

    @property
    def eligible(self) -> bool:
        return all(r.passed for r in self.deciding)

    @property
    def failures(self) -> tuple[RequirementResult, ...]:
        return tuple(r for r in self.deciding if r.outcome is Outcome.NOT_MET)

    @property
    def pending(self) -> tuple[RequirementResult, ...]:
        return tuple(r for r in self.deciding if r.outcome is Outcome.PENDING)

    def requirement(self, code: str) -> RequirementResult:
        return next(r for r in self.requirements if r.code == code)


def requirement(
    code: str,
    met: bool | Outcome | None,
    *,
    citation: str,
    evidence: Mapping[str, object],
    met_message: Message,
    unmet_message: Message,
    part_of: str | None = None,
) -> RequirementResult:
    """Build a result; ``met=None`` means pending. Evidence values are kept as text for events."""
    if isinstance(met, Outcome):
        outcome = met
    else:
        outcome = Outcome.PENDING if met is None else Outcome.MET if met else Outcome.NOT_MET
    return RequirementResult(
        code=code,
        outcome=outcome,
        evidence={key: _text(value) for key, value in evidence.items()},
        citation=Citation(citation),
        message=met_message if outcome is Outcome.MET else unmet_message,
        part_of=part_of,
    )


def _text(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, tuple | list):
        return ", ".join(_text(item) for item in value) or "-"
    return str(value)


def all_met(outcomes: Iterable[Outcome]) -> Outcome:
    """Met if all are met, not met if one is not met, else pending."""
    found = set(outcomes)
    if Outcome.NOT_MET in found:
        return Outcome.NOT_MET
    return Outcome.PENDING if Outcome.PENDING in found else Outcome.MET


def any_met(outcomes: Iterable[Outcome]) -> Outcome:
    """Met if one is met, not met if all are not met, else pending."""
    found = set(outcomes)
    if Outcome.MET in found:
        return Outcome.MET
    return Outcome.PENDING if Outcome.PENDING in found else Outcome.NOT_MET


class RuleRefusal(Bilingual):
    """A rule refuses the request: machine-readable ``code``, bilingual message, citation."""

    def __init__(self, code: str, message: Message, citation: str | None = None) -> None:
        self.code = code
        self.citation = Citation(citation) if citation is not None else None
        cited = f" [{citation}]" if citation else ""
        super().__init__(message, f"{message}{cited}")


class PackNotInForce(RuleRefusal):
    """A decision dated before its pack's regulation took effect."""


class UnknownPack(RuleRefusal):
    """No pack or agency has the given id."""
