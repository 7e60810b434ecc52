"""Authentication and access: who a request comes from (API tokens now, OIDC later through the
Authenticator seam), the role it acts in, and the agency it is bound to."""

from __future__ import annotations

from services.auth.errors import (
    AuthError,
    OtherAgency,
    RoleNotHeld,
    RoleRequired,
    Unauthenticated,
    UnknownRole,
)
from services.auth.http import (
    ROLE_HEADER,
    CurrentActor,
    CurrentPrincipal,
    actor_for,
    current_actor,
    current_principal,
    use_authenticator,
)
from services.auth.principal import Authenticator, Principal, same_agency
from services.auth.store import token_store
from services.auth.tokens import TokenInfo, TokenNotFound, TokenStore, UserInOtherAgency

__all__ = [
    "ROLE_HEADER",
    "AuthError",
    "Authenticator",
    "CurrentActor",
    "CurrentPrincipal",
    "OtherAgency",
    "Principal",
    "RoleNotHeld",
    "RoleRequired",
    "TokenInfo",
    "TokenNotFound",
    "TokenStore",
    "Unauthenticated",
    "UnknownRole",
    "UserInOtherAgency",
    "actor_for",
    "current_actor",
    "current_principal",
    "same_agency",
    "token_store",
    "use_authenticator",
]
