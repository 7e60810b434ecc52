"""Every event the log can hold and every rule a why runs again has a readable name in both
languages, so no auditor's page shows a bare class name or code."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from eventsourcing.domain import DomainEvent

import domain
from services.web.labels import EVENTS, RULES

# The library's base classes, never stored themselves.
BASES = {"Created", "Event", "Snapshot"}


def stored_event_names() -> set[str]:
    names: set[str] = set()
    for module in pkgutil.walk_packages(domain.__path__, "domain."):
        for owner in vars(importlib.import_module(module.name)).values():
            if not inspect.isclass(owner):
                continue
            for inner in vars(owner).values():
                if inspect.isclass(inner) and issubclass(inner, DomainEvent):
                    names.add(inner.__name__)
    return names - BASES


def test_every_stored_event_has_a_readable_name() -> None:
    found = stored_event_names()
    assert len(found) >= 75, "the walk finds the domain's events"
    assert found - set(EVENTS) == set()
    assert set(EVENTS) - found == set(), "no name for an event that does not exist"


def test_every_name_is_given_in_both_languages() -> None:
    for indonesian, english in [*EVENTS.values(), *RULES.values()]:
        assert indonesian.strip() and english.strip()
