"""Access to personal data, refused commands, API tokens and users' roles, recorded as events
like any decision, so the tamper-evident chain covers them too."""

from domain.access.reads import PersonalDataRead
from domain.access.refusals import Refusal
from domain.access.roles import UserRoles
from domain.access.tokens import ApiToken
from domain.access.users import SignInDay, UnknownSignIn, User

__all__ = [
    "ApiToken",
    "PersonalDataRead",
    "Refusal",
    "SignInDay",
    "UnknownSignIn",
    "User",
    "UserRoles",
]
