"""Refusals of access: each carries its HTTP status, a machine-readable code and the message in
Indonesian and English, so the API and the CLI tell the user the same thing."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from domain.bilingual import Bilingual, Message
from domain.envelope import Actor, Role


class AuthError(Bilingual):
    status = 403
    code = "forbidden"
    headers: Mapping[str, str] = MappingProxyType({})

    def __init__(self, message: str, message_en: str) -> None:
        super().__init__(Message(id=message, en=message_en))


class Unauthenticated(AuthError):
    status = 401
    code = "unauthenticated"
    # RFC 6750: a 401 names the scheme the client should use
    headers: Mapping[str, str] = MappingProxyType({"WWW-Authenticate": "Bearer"})

    def __init__(self) -> None:
        super().__init__(
            "token tidak ada, tidak dikenal, dicabut atau kedaluwarsa",
            "token missing, unknown, revoked or expired",
        )


class RoleRequired(AuthError):
    status = 400
    code = "role-required"

    def __init__(self, roles: Iterable[Role]) -> None:
        held = ", ".join(sorted(roles))
        super().__init__(
            f"pengguna memegang beberapa peran ({held}); sebutkan satu di header X-Talenta-Role",
            f"the user holds several roles ({held}); name one in the X-Talenta-Role header",
        )


class UnknownRole(AuthError):
    status = 400
    code = "unknown-role"

    def __init__(self, name: str) -> None:
        super().__init__(f"peran tidak dikenal: {name!r}", f"unknown role: {name!r}")


# Also PermissionErrors, like services.permissions.Forbidden, so one `except PermissionError`
# catches every refusal of access.
class RoleNotHeld(AuthError, PermissionError):
    code = "role-not-held"

    def __init__(self, user_id: str, role: Role) -> None:
        super().__init__(
            f"pengguna {user_id} tidak memegang peran {role}",
            f"user {user_id} does not hold the role {role}",
        )


class OtherAgency(AuthError, PermissionError):
    code = "other-agency"

    def __init__(self, actor: Actor, agency: str) -> None:
        super().__init__(
            f"{actor.id} dari instansi {actor.agency or '-'} tidak boleh mengakses data {agency}",
            f"{actor.id} of agency {actor.agency or '-'} may not access the data of {agency}",
        )
