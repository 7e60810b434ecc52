"""What the routes work with: the application and its read models, kept on the FastAPI app."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from projections.directory import DirectoryView
from projections.documents import DocumentView
from services.application import Talenta


@dataclass(frozen=True)
class Context:
    app: Talenta
    directory: DirectoryView
    documents: DocumentView


def context(request: Request) -> Context:
    found: Context = request.app.state.context
    return found


# Module level: FastAPI resolves postponed annotations against module globals (see services.auth).
Ctx = Annotated[Context, Depends(context)]
