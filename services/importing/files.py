"""The files of one export: the main record and the optional histories."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from domain.bilingual import Bilingual, Message
from services.importing.columns import FileKind


class NotAnExport(Bilingual, ValueError):
    """A folder without the export's files by their usual names. The message names no folder
    (the web page's is the server's own); the one line of the command line does."""

    def __init__(self, message: Message, directory: Path) -> None:
        super().__init__(message, f"{message} in {directory}")


@dataclass(frozen=True)
class PersonnelFiles:
    main: Path
    positions: Path | None = None
    grades: Path | None = None
    penalties: Path | None = None
    performance: Path | None = None  # rw_skp22, from 2022
    performance_scores: Path | None = None  # rw_skp, numeric scores before 2022
    investigations: Path | None = None

    def present(self) -> list[tuple[FileKind, Path]]:
        """The given files, main first, so history rows can be matched to main rows."""
        given = [(FileKind[f.name.upper()], getattr(self, f.name)) for f in fields(self)]
        return [(kind, Path(path)) for kind, path in given if path is not None]

    @classmethod
    def in_directory(cls, directory: Path) -> PersonnelFiles:
        """Finds the files by their usual names (``data_utama*.csv``, ``rw_jabatan*.csv`` ...)."""
        found: dict[str, Path] = {}
        for f in fields(cls):
            kind = FileKind[f.name.upper()]
            # rw_skp must not pick up rw_skp22 files.
            matches = [
                path
                for path in sorted(directory.glob(f"{kind.value}*.csv"))
                if kind is not FileKind.PERFORMANCE_SCORES or "skp22" not in path.name
            ]
            if len(matches) > 1:
                names = ", ".join(path.name for path in matches)
                raise NotAnExport(
                    Message(
                        id=f"lebih dari satu berkas {kind.value}*.csv: {names}",
                        en=f"more than one {kind.value} file: {names}",
                    ),
                    directory,
                )
            if matches:
                found[f.name] = matches[0]
        if "main" not in found:
            raise NotAnExport(
                Message(id="tidak ada data_utama*.csv", en="no data_utama*.csv file"), directory
            )
        return cls(**found)
