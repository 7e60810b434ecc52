"""The message catalogue: both languages hold the same labels, and every label a template asks
for is in it."""

from __future__ import annotations

import re
from pathlib import Path

from domain.envelope import Role
from domain.scouting.candidate import Channel, Stage
from domain.values import PositionLevel
from services.web import messages
from services.web.round_steps import STEPS

TEMPLATES = Path(messages.__file__).parent / "templates"


def test_both_languages_hold_the_same_labels() -> None:
    assert set(messages.ID) == set(messages.EN)
    assert all(messages.ID[key] and messages.EN[key] for key in messages.ID)


def test_every_literal_label_of_the_templates_is_in_the_catalogue() -> None:
    asked = {
        key
        for page in TEMPLATES.glob("*.html")
        for key in re.findall(r"""\bt\(["']([a-z_\-]+)["']\)""", page.read_text())
    }
    assert asked, "the templates ask for labels"
    assert asked - set(messages.ID) == set()


def test_every_step_and_field_of_the_round_board_has_its_label() -> None:
    keys = {f"step_{step.name}" for step in STEPS} | {
        field.label for step in STEPS for field in step.fields
    }
    assert keys - set(messages.ID) == set()


def test_an_unknown_language_falls_back_to_indonesian() -> None:
    assert messages.translator("fr")("home") == "Beranda"
    assert messages.translator("en")("home") == "Home"


def test_every_stage_role_level_and_channel_shown_has_its_label() -> None:
    keys = (
        {f"stage_{stage}" for stage in Stage}
        | {f"role_{role}" for role in Role if role is not Role.SYSTEM}
        | {f"level_{level}" for level in PositionLevel}
        | {f"channel_{channel}" for channel in Channel}
    )
    assert keys - set(messages.ID) == set()
