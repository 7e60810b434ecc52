"""What every command model is, and what its fields may hold, wherever the command comes from
(the API, the command line, the clocks): frozen; no text with a lone UTF-16 surrogate, which
cannot be encoded to be stored; every text bounded, so that one request cannot load the
permanent log with megabytes; counts within what a career spans; NIPs and scores written as
text in their plain shape. Also the bilingual one-line description of what a request got wrong,
and of a lost race to save."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic_core import ErrorDetails, PydanticCustomError

from domain.bilingual import Message, said
from domain.values import Nip

# Characters of text without a bound of its own, anywhere in a command (nested parts too).
MAX_TEXT = 2_000
MAX_NAME = 200  # a name, position, unit, title, period, agency, number of a decree or minutes
MAX_REASON = 2_000  # a reason, justification or note
MAX_EVIDENCE = 20_000  # free-form evidence, as JSON

# A lone UTF-16 surrogate: JSON can escape one, no store can encode it.
SURROGATE = re.compile("[\ud800-\udfff]")
_PLAIN_DECIMAL = re.compile(r"[0-9]+(\.[0-9]+)?")


def _not_blank(text: str) -> str:
    if text and not text.strip():
        raise PydanticCustomError("text_blank", "must not be only spaces")
    return text


def _written_as_text(value: Any) -> Any:
    if not isinstance(value, str):
        raise PydanticCustomError("text_required", "must be written as text (a JSON string)")
    return value


def _plain_decimal(value: Any) -> Any:
    if isinstance(value, Decimal):
        return value  # a value already, given by the product itself, not written in a request
    _written_as_text(value)
    if not _PLAIN_DECIMAL.fullmatch(value):
        raise PydanticCustomError(
            "plain_decimal", "must be written as digits with an optional decimal point, e.g. 80.5"
        )
    return value


def _evidence_bounded(value: dict[str, Any]) -> dict[str, Any]:
    if len(json.dumps(value, ensure_ascii=False, default=str)) > MAX_EVIDENCE:
        raise PydanticCustomError(
            "evidence_too_long", "must hold at most {max} characters", {"max": MAX_EVIDENCE}
        )
    return value


# A name that says something: not only spaces, at most MAX_NAME characters.
Name = Annotated[str, StringConstraints(max_length=MAX_NAME), AfterValidator(_not_blank)]
# The same, required: at least one character.
RequiredName = Annotated[
    str, StringConstraints(min_length=1, max_length=MAX_NAME), AfterValidator(_not_blank)
]
Reason = Annotated[str, StringConstraints(max_length=MAX_REASON)]
# The same, required and saying something.
RequiredText = Annotated[
    str, StringConstraints(min_length=1, max_length=MAX_REASON), AfterValidator(_not_blank)
]
NipText = Annotated[str, BeforeValidator(_written_as_text)]
StrictNip = Annotated[Nip, BeforeValidator(_written_as_text)]
Score = Annotated[Decimal, BeforeValidator(_plain_decimal)]
# Counts and years a command may name, within what a career or a regulation spans.
Days = Annotated[int, Field(ge=0, le=3_660)]  # a lead time: up to ten years
Years = Annotated[int, Field(ge=0, le=60)]  # years in a position
Anniversary = Annotated[int, Field(ge=1, le=60)]  # 1: the first year's
Rank = Annotated[int, Field(ge=1, le=10_000)]  # a priority among positions
Version = Annotated[int, Field(ge=1, le=2**63 - 1)]  # of a stored record
BudgetYear = Annotated[int, Field(ge=2000, le=2100)]
FreeForm = Annotated[dict[str, dict[str, Any]], AfterValidator(_evidence_bounded)]


class Command(BaseModel):
    """One request to change the record; every text in it, keys of free-form parts included, is
    checked before any field is read."""

    model_config = ConfigDict(frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _text_storable(cls, data: Any) -> Any:
        for path, text in _texts(data, ()):
            where = ".".join(path) or "-"
            if SURROGATE.search(text):
                raise PydanticCustomError(
                    "text_surrogate",
                    "{path}: holds a lone UTF-16 surrogate, which is no character",
                    {"path": where},
                )
            if len(text) > MAX_TEXT:
                raise PydanticCustomError(
                    "text_too_long",
                    "{path}: must hold at most {max} characters",
                    {"path": where, "max": MAX_TEXT},
                )
        return data


def _texts(value: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield (*path, key[:40]), key
            yield from _texts(item, (*path, str(key)[:40]))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, str(index)))
    elif isinstance(value, BaseModel):
        yield from _texts(value.model_dump(), path)


# A lost race to save: the record changed after the request read it. The other save may well
# have been an earlier try of this very request, whose answer never arrived.
CONFLICT = Message(
    id="data ini berubah setelah permintaan ini membacanya: permintaan lain tersimpan lebih dulu, "
    "mungkin percobaan sebelumnya dari permintaan yang sama; periksa datanya sebelum mengulang",
    en="the record changed after this request read it: another request was saved first, "
    "possibly an earlier try of this same request; check the record before sending it again",
)


# What each kind of invalid value means, in Indonesian; pydantic's own text is the English.
INDONESIAN = {
    "missing": "wajib diisi",
    "extra_forbidden": "tidak dikenal",
    "string_type": "harus berupa teks",
    "string_too_short": "paling sedikit {min_length} karakter",
    "string_too_long": "paling banyak {max_length} karakter",
    "string_pattern_mismatch": "tidak sesuai pola {pattern}",
    "int_type": "harus berupa bilangan bulat",
    "int_parsing": "harus berupa bilangan bulat",
    "int_from_float": "harus berupa bilangan bulat",
    "bool_type": "harus true atau false",
    "bool_parsing": "harus true atau false",
    "decimal_parsing": "harus berupa angka desimal",
    "decimal_type": "harus berupa angka desimal",
    "date_type": "harus berupa tanggal (YYYY-MM-DD)",
    "date_parsing": "harus berupa tanggal (YYYY-MM-DD)",
    "date_from_datetime_parsing": "harus berupa tanggal (YYYY-MM-DD)",
    "date_from_datetime_inexact": "harus berupa tanggal tanpa jam",
    "uuid_type": "harus berupa UUID",
    "uuid_parsing": "harus berupa UUID",
    "enum": "harus salah satu dari {expected}",
    "literal_error": "harus salah satu dari {expected}",
    "greater_than": "harus lebih dari {gt}",
    "greater_than_equal": "paling kecil {ge}",
    "less_than": "harus kurang dari {lt}",
    "less_than_equal": "paling besar {le}",
    "dict_type": "harus berupa objek JSON",
    "model_type": "harus berupa objek JSON",
    "model_attributes_type": "harus berupa objek JSON",
    "list_type": "harus berupa daftar",
    "tuple_type": "harus berupa daftar",
    "json_invalid": "bukan JSON yang sah",
    "json_type": "bukan JSON yang sah",
    "text_blank": "tidak boleh hanya spasi",
    "text_required": "harus ditulis sebagai teks (string JSON)",
    "plain_decimal": "harus ditulis sebagai angka dengan titik desimal opsional, mis. 80.5",
    "evidence_too_long": "paling banyak {max} karakter",
    "text_surrogate": "{path}: memuat surrogate UTF-16 tunggal, yang bukan karakter",
    "text_too_long": "{path}: paling banyak {max} karakter",
}


def _value_error(problem: ErrorDetails) -> Message:
    """A value object's own refusal, in both languages."""
    error = problem.get("ctx", {}).get("error")
    return said(error) if isinstance(error, BaseException) else said(ValueError(problem["msg"]))


def invalid_request(errors: Sequence[ErrorDetails]) -> Message:
    """The one-line refusal of an invalid request: each field and why, in both languages."""
    indonesian, english = [], []
    for problem in errors:
        where = ".".join(str(part) for part in problem["loc"] if part != "body")
        prefix = f"{where}: " if where else ""
        indonesian.append(prefix + _indonesian(problem))
        english.append(prefix + _english(problem))
    return Message(
        id="permintaan tidak sah: " + "; ".join(indonesian),
        en="the request is not valid: " + "; ".join(english),
    )


def _english(problem: ErrorDetails) -> str:
    if problem["type"] == "value_error":
        return _value_error(problem).en
    return problem["msg"]


def _indonesian(problem: ErrorDetails) -> str:
    context = problem.get("ctx", {})
    if problem["type"] == "value_error":
        return _value_error(problem).id
    template = INDONESIAN.get(problem["type"])
    if template is None:
        return f"tidak sah ({problem['msg']})"
    try:
        return template.format(**context)
    except (KeyError, IndexError):
        return f"tidak sah ({problem['msg']})"
