"""Value objects: validated on construction, with messages in Indonesian and English."""

from domain.values.appraisal import Appraisal, AppraisalRating
from domain.values.discipline import Investigation, Penalty, PenaltyLevel
from domain.values.education import EducationLevel
from domain.values.errors import InvalidValue
from domain.values.grade import Grade
from domain.values.nip import Identity, Nip, Sex
from domain.values.positions import FunctionalGrade, PositionLevel

__all__ = [
    "Appraisal",
    "AppraisalRating",
    "EducationLevel",
    "FunctionalGrade",
    "Grade",
    "Identity",
    "InvalidValue",
    "Investigation",
    "Nip",
    "Penalty",
    "PenaltyLevel",
    "PositionLevel",
    "Sex",
]
