"""Access to personal data and refused commands, recorded as events like any decision, so the
tamper-evident chain covers them too."""

from domain.access.reads import PersonalDataRead
from domain.access.refusals import Refusal
from domain.access.users import SignInDay, UnknownSignIn, User

__all__ = ["PersonalDataRead", "Refusal", "SignInDay", "UnknownSignIn", "User"]
