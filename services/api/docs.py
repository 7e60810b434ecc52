"""The API's docs page (/docs), served whole by the product: Swagger UI's script and style are
vendored in static/swagger-ui (swagger-ui-dist 5.35.0, Apache-2.0), so the page works offline and
fetches nothing from another host (no CDN, no online validator)."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = "/docs/assets"
SWAGGER_UI = Path(__file__).parent / "static" / "swagger-ui"


def serve_docs(api: FastAPI) -> None:
    """For an app made with ``docs_url=None``: /docs from the product's own files."""
    api.mount(ASSETS, StaticFiles(directory=SWAGGER_UI), name="docs-assets")

    @api.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=api.openapi_url or "/openapi.json",
            title=f"{api.title} - API",
            swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS}/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None},  # else a badge from validator.swagger.io
        )
