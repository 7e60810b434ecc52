"""Reading and writing one collection's documents as pydantic models."""

from __future__ import annotations

from typing import TypeVar
from uuid import UUID

from eventsourcing.persistence import Tracking
from pydantic import BaseModel

from projections.documents.view import DocumentView

M = TypeVar("M", bound=BaseModel)


def load(view: DocumentView, collection: str, key: UUID, model: type[M]) -> M:
    """The document an earlier event wrote. Missing means the log was fed out of order or from
    the middle, which would make every later document wrong: fail rather than guess."""
    document = view.get(collection, str(key))
    if document is None:
        raise LookupError(f"{collection}/{key}: no document to change")
    return model.model_validate(document)


def find(view: DocumentView, collection: str, key: UUID, model: type[M]) -> M | None:
    document = view.get(collection, str(key))
    return None if document is None else model.model_validate(document)


def save(
    view: DocumentView,
    collection: str,
    key: UUID,
    agency: str,
    document: BaseModel,
    tracking: Tracking,
) -> None:
    view.put(collection, str(key), agency, document.model_dump(mode="json"), tracking)
