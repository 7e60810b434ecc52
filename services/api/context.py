"""What the routes work with: the application and its read models, kept on the FastAPI app."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from services.bootstrap import ReadModels

# The application and its read models, as the product wires them (services/bootstrap.py).
Context = ReadModels


def context(request: Request) -> Context:
    found: Context = request.app.state.context
    return found


def fresh_context(request: Request) -> Context:
    found = context(request)
    found.refresh()
    return found


# Module level: FastAPI resolves postponed annotations against module globals (as in
# services/api/auth.py).
Ctx = Annotated[Context, Depends(context)]
# For routes reading a read model: caught up with the log first.
FreshCtx = Annotated[Context, Depends(fresh_context)]
