"""Access to personal data and refused commands, recorded as events like any decision, so the
tamper-evident chain covers them too."""

from domain.access.reads import PersonalDataRead
from domain.access.refusals import Refusal

__all__ = ["PersonalDataRead", "Refusal"]
