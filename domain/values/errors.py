from __future__ import annotations

from domain.bilingual import Bilingual, Message


class InvalidValue(Bilingual, ValueError):
    """A value that cannot be what it claims to be; the message says which rule it breaks."""

    def __init__(self, indonesian: str, english: str) -> None:
        super().__init__(Message(id=indonesian, en=english))
