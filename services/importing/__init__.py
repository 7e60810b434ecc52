"""Importing personnel-system exports (SIASN, local SIMPEG) into Employee records.

``parse_personnel`` reads and checks the files without a store; ``import_personnel`` stores the
employees whose rows all passed. COLUMNS.md lists every accepted column.
"""

from services.importing.columns import FileKind
from services.importing.files import PersonnelFiles
from services.importing.load import ImportInterrupted, Progress, import_personnel, may_import
from services.importing.parse import Origin, ParseResult, parse_personnel
from services.importing.report import ImportReport, RowError

__all__ = [
    "FileKind",
    "ImportInterrupted",
    "ImportReport",
    "Origin",
    "ParseResult",
    "PersonnelFiles",
    "Progress",
    "RowError",
    "import_personnel",
    "may_import",
    "parse_personnel",
]
