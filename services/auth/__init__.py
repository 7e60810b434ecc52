"""Authentication and access: who a request comes from (API tokens now, OIDC later through the
Authenticator seam), the role it acts in, and the agency it is bound to. How HTTP requests carry
them is the API's (services/api/auth.py)."""

from __future__ import annotations

from services.auth.errors import (
    AuthError,
    OtherAgency,
    RoleNotHeld,
    RoleRequired,
    Unauthenticated,
    UnknownRole,
)
from services.auth.principal import Authenticator, Principal, actor_for, same_agency
from services.auth.store import token_store
from services.auth.tokens import TokenInfo, TokenNotFound, TokenStore, UserInOtherAgency

__all__ = [
    "AuthError",
    "Authenticator",
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
    "same_agency",
    "token_store",
]
