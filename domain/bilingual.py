"""What the product tells its users, in Indonesian (``id``, first) and English (``en``), and the
errors that carry such a message whole, so that no reader of an error splits its text."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Message(BaseModel):
    """A user-facing text in Indonesian (``id``) and English (``en``)."""

    model_config = ConfigDict(frozen=True)

    id: str
    en: str

    def __str__(self) -> str:
        return f"{self.id} / {self.en}"


class Bilingual(Exception):
    """An error told to the user as ``message``; ``str()`` reads "Indonesian / English", the one
    line of a log or the command line, unless ``text`` says more (e.g. a citation)."""

    def __init__(self, message: Message, text: str = "") -> None:
        super().__init__(text or str(message))
        self.message = message


def said(error: BaseException) -> Message:
    """What ``error`` tells the user: its message in both languages, or, for an error of a
    library that speaks one, its text in both places."""
    if isinstance(error, Bilingual):
        return error.message
    return Message(id=str(error), en=str(error))
