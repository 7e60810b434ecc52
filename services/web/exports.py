"""A page's list as CSV, in the API's own columns (nested fields as dotted columns, a cell that
looks like a formula kept as text), already filtered for the reader's role."""

from __future__ import annotations

from typing import Any

from fastapi.responses import Response

from services.api.exports import to_csv


def csv_answer(rows: list[Any], row_model: Any, name: str) -> Response:
    return Response(
        to_csv(rows, row_model),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )
