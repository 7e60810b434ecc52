"""Per-agency settings: how far ahead of each clock's deadline people are reminded, and where
reminders are delivered (email over SMTP, a webhook).

Read once at start-up from the file named by ``--settings`` or ``TALENTA_SETTINGS`` (TOML or
JSON); without one every agency has the defaults and no delivery channel. Passwords and webhook
secrets are kept as ``SecretStr`` and never written to the event log. A file that does not
validate stops the start with one bilingual line per problem.
"""

from __future__ import annotations

import json
import os
import tomllib
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
)

from domain.agencies import AGENCIES
from domain.envelope import Role

SETTINGS_ENV = "TALENTA_SETTINGS"


class ClockKind(StrEnum):
    """The deadlines that are reminded of, each with its own lead times."""

    POOL_ENTRY = "pool-entry"
    TENURE = "tenure"
    PIN = "pin"
    CHECK_IN = "check-in"
    EVALUATION = "evaluation"
    ASSESSMENT = "assessment"


# Days ahead of a deadline that people are reminded, unless an agency sets its own. Assessors
# are reminded a week and a day ahead of an assessment date.
DEFAULT_LEADS = (90, 30, 7)
DEFAULTS: dict[ClockKind, tuple[int, ...]] = {kind: DEFAULT_LEADS for kind in ClockKind} | {
    ClockKind.ASSESSMENT: (7, 1)
}


class SettingsError(ValueError):
    """Settings that cannot be used; the message is "Indonesian / English"."""


def _positive_distinct(leads: tuple[int, ...]) -> tuple[int, ...]:
    if not leads:
        raise ValueError("minimal satu hari / at least one lead time")
    if any(lead <= 0 for lead in leads):
        raise ValueError(f"harus positif / must be positive: {list(leads)}")
    if len(set(leads)) != len(leads):
        raise ValueError(f"tidak boleh berulang / must be distinct: {list(leads)}")
    return tuple(sorted(leads, reverse=True))


LeadDays = Annotated[tuple[int, ...], AfterValidator(_positive_distinct)]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SmtpChannel(Frozen):
    host: str = Field(min_length=1)
    port: int = Field(default=25, gt=0, lt=65536)
    sender: str = Field(pattern=r"^[^@\s]+@[^@\s]+$")
    starttls: bool = False
    username: str = ""
    password: SecretStr = SecretStr("")
    # Who receives a notice: the addresses of each role it is addressed to.
    recipients: dict[Role, tuple[str, ...]] = Field(default_factory=dict)

    @field_validator("recipients")
    @classmethod
    def _addresses(cls, recipients: dict[Role, tuple[str, ...]]) -> dict[Role, tuple[str, ...]]:
        for role, addresses in recipients.items():
            for address in addresses:
                if "@" not in address or any(c.isspace() for c in address):
                    raise ValueError(
                        f"alamat surel tidak sah untuk {role} / invalid email address for "
                        f"{role}: {address!r}"
                    )
        return recipients

    def addresses(self, roles: tuple[str, ...]) -> tuple[str, ...]:
        found = (a for role in roles for a in self.recipients.get(Role(role), ()))
        return tuple(dict.fromkeys(found))


class WebhookChannel(Frozen):
    url: str = Field(pattern=r"^https?://\S+$")
    secret: SecretStr = SecretStr("")  # when set, each body is signed with HMAC-SHA256


class AgencySettings(Frozen):
    leads: dict[ClockKind, LeadDays] = Field(default_factory=dict)
    smtp: SmtpChannel | None = None
    webhook: WebhookChannel | None = None

    def leads_for(self, kind: ClockKind) -> tuple[int, ...]:
        return self.leads.get(kind, DEFAULTS[kind])

    @property
    def channels(self) -> list[str]:
        return [name for name in ("email", "webhook") if self.channel(name) is not None]

    def channel(self, name: str) -> SmtpChannel | WebhookChannel | None:
        return self.smtp if name == "email" else self.webhook if name == "webhook" else None


class Settings(Frozen):
    agencies: dict[str, AgencySettings] = Field(default_factory=dict)
    # The longest wait between two attempts at a failed delivery.
    retry_max_seconds: float = Field(default=300, gt=0)

    @field_validator("agencies")
    @classmethod
    def _known(cls, agencies: dict[str, AgencySettings]) -> dict[str, AgencySettings]:
        unknown = sorted(set(agencies) - set(AGENCIES))
        if unknown:
            raise ValueError(
                f"instansi tidak dikenal / unknown agency: {', '.join(unknown)}; "
                f"known: {', '.join(sorted(AGENCIES))}"
            )
        return agencies

    def of(self, agency: str) -> AgencySettings:
        return self.agencies.get(agency) or AgencySettings()

    def leads(self, agency: str, kind: ClockKind) -> tuple[int, ...]:
        return self.of(agency).leads_for(kind)


def parse_settings(data: dict[str, Any], source: str = "settings") -> Settings:
    try:
        return Settings.model_validate(data)
    except ValidationError as invalid:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}"
            for error in invalid.errors()
        )
        raise SettingsError(
            f"pengaturan tidak sah di {source} / invalid settings in {source}: {problems}"
        ) from None


def load_settings(path: Path | str | None = None) -> Settings:
    """From ``path``, else the file ``TALENTA_SETTINGS`` names, else the defaults."""
    named = path or os.environ.get(SETTINGS_ENV)
    if not named:
        return Settings()
    file = Path(named)
    try:
        text = file.read_text(encoding="utf-8")
        data = json.loads(text) if file.suffix == ".json" else tomllib.loads(text)
    except OSError as error:
        raise SettingsError(
            f"berkas pengaturan tidak terbaca / cannot read the settings file {file}: "
            f"{error.strerror}"
        ) from None
    except (ValueError, tomllib.TOMLDecodeError) as error:
        raise SettingsError(
            f"berkas pengaturan rusak / malformed settings file {file}: {error}"
        ) from None
    if not isinstance(data, dict):
        raise SettingsError(
            f"berkas pengaturan harus berisi tabel / the settings file {file} must hold a table"
        )
    return parse_settings(data, str(file))
