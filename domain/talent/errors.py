"""Refusals of the talent-cycle steps: a code, a bilingual message, the citation broken."""

from __future__ import annotations

from domain.rules.core import Message, RuleRefusal


class TalentRefusal(RuleRefusal):
    """A step the pack in force does not allow, naming the article it breaks."""


def refuse(code: str, indonesian: str, english: str, citation: str | None = None) -> TalentRefusal:
    """``citation`` is a full ``<pack>:<article>`` (the pack differs per agency)."""
    return TalentRefusal(code, Message(id=indonesian, en=english), citation)
