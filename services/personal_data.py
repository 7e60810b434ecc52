"""Who needs which personal data, declared once: every API answer, every printed report and every
JSON answer of a command-line step passes through ``shown`` for the role reading it, and a
full-record read by anyone but the caseworker keeping the record is itself recorded
(services/personal_data_reads.py).

Three kinds of personal data are guarded: the NIP (which also spells the birth date and sex),
the birth date and age, and the disciplinary record (penalties and open investigations). The
reasons come from the regulations' division of tasks:

- the caseworkers and the scouting team run the administrative selection, which reads grade,
  age and disciplinary record (madiun-2021:P7(10), P14); the talent team maps and checks every
  employee (binjai-2023:P9-11, balikpapan-2022:P5); the performance review board verifies
  discipline and personnel data before its shortlist (madiun-2021:P24 angka 3); the PPK and the
  authorised official decide on them (madiun-2021:P24 angka 5, P30(5)); auditors re-judge each
  decision against the age and discipline rules (madiun-2021:P10(1)(f), P30(3)); administrators
  keep the personnel database (binjai-2023:P36): the full record.
- assessors of potential score named candidates and counsel mapped employees
  (madiun-2021:P7(8), binjai-2023:P27(2)); heads of unit recommend and propose their own
  staff (madiun-2021:P13(2), P24 angka 1) but the board, not they, verifies discipline: the NIP
  only.
- external assessors come from outside the civil service (academics, public figures) and score a
  written problem analysis (madiun-2021:P7(4), P7(9)) from the secretariat's score sheet: none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from domain.envelope import Role


class PersonalField(StrEnum):
    NIP = "nip"
    BIRTH_DATE = "birth-date"
    DISCIPLINE = "discipline"


FULL = frozenset(PersonalField)

NEEDS: Mapping[Role, frozenset[PersonalField]] = {
    Role.CASEWORKER: FULL,
    Role.TALENT_TEAM: FULL,
    Role.SCOUTING_TEAM: FULL,
    Role.TPK_MEMBER: FULL,
    Role.PPK: FULL,
    Role.AUTHORISED_OFFICIAL: FULL,
    Role.AUDITOR: FULL,
    Role.ADMINISTRATOR: FULL,
    Role.SYSTEM: FULL,
    Role.ASSESSOR: frozenset({PersonalField.NIP}),
    Role.HEAD_OF_UNIT: frozenset({PersonalField.NIP}),
    Role.EXTERNAL_ASSESSOR: frozenset(),
}

# The keys that carry a field wherever they appear in an answer (a record, a requirement's
# evidence, an audit trail), and the eligibility requirements whose result reveals it.
KEYS: Mapping[PersonalField, frozenset[str]] = {
    PersonalField.BIRTH_DATE: frozenset({"birth_date", "age"}),
    PersonalField.DISCIPLINE: frozenset(
        {"penalties", "investigations", "open_investigations", "blocking_penalties"}
    ),
}
REQUIREMENTS: Mapping[PersonalField, frozenset[str]] = {
    PersonalField.BIRTH_DATE: frozenset({"age"}),
    PersonalField.DISCIPLINE: frozenset({"discipline"}),
}
WITHHELD = {"id": "disembunyikan", "en": "withheld"}

_NIP = re.compile(r"^\d{8} ?\d{6} ?\d ?\d{3}$")


def needs(role: Role) -> frozenset[PersonalField]:
    return NEEDS[role]


def sees_full_record(role: Role) -> bool:
    return NEEDS[role] == FULL


def read_is_recorded(role: Role) -> bool:
    """A full record read by someone other than the caseworkers who keep it."""
    return sees_full_record(role) and role is not Role.CASEWORKER


def mask_nip(nip: str) -> str:
    """Keeps only the 3-digit sequence, dropping the birth date, appointment and sex."""
    digits = nip.replace(" ", "")
    return "*" * (len(digits) - 3) + digits[-3:]


def shown(data: Any, role: Role | None) -> Any:
    """``data`` (JSON-ready: dicts, lists, scalars) as ``role`` may see it; no role (an
    unauthenticated answer) sees no personal field."""
    fields = NEEDS[role] if role is not None else frozenset()
    if fields == FULL:
        return data
    hidden_keys = frozenset().union(*(KEYS.get(f, frozenset()) for f in FULL - fields))
    hidden_requirements = frozenset().union(
        *(REQUIREMENTS.get(f, frozenset()) for f in FULL - fields)
    )
    return _walk(data, PersonalField.NIP in fields, hidden_keys, hidden_requirements)


def _walk(data: Any, nip: bool, keys: frozenset[str], requirements: frozenset[str]) -> Any:
    if isinstance(data, dict):
        code = data.get("code")
        # A request body recorded with a refusal may carry any value under "code".
        if isinstance(code, str) and code in requirements and "evidence" in data:
            return {**data, "evidence": {}, "message": WITHHELD}
        return {
            _walk(key, nip, keys, requirements): _walk(value, nip, keys, requirements)
            for key, value in data.items()
            if key not in keys
        }
    if isinstance(data, list | tuple):
        return [_walk(item, nip, keys, requirements) for item in data]
    if isinstance(data, str) and not nip and _NIP.match(data):
        return mask_nip(data)
    return data
