"""Refusals of the scouting, pool and promotion steps: a code, a bilingual message, a citation."""

from __future__ import annotations

from domain.rules.core import Message, RuleRefusal
from domain.rules.madiun import PACK


class ScoutingRefusal(RuleRefusal):
    """A step the regulation does not allow, naming the article it breaks."""


def refuse(code: str, indonesian: str, english: str, article: str | None = None) -> ScoutingRefusal:
    """``article`` is a madiun-2021 article such as ``P13``; it becomes the full citation."""
    return ScoutingRefusal(
        code, Message(id=indonesian, en=english), PACK.cite(article) if article else None
    )
