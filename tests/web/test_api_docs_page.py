"""/docs in a real browser: Swagger UI draws the API's operations from the product's own files,
asking no other host for anything."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from tests.web.conftest import Site


def test_the_api_docs_render_offline(site: Site, browser: Any, tmp_path: Path) -> None:
    page = browser.new_page()
    host = urlparse(site.url).netloc
    elsewhere: list[str] = []
    page.on(
        "request",
        lambda request: urlparse(request.url).netloc in ("", host) or elsewhere.append(request.url),
    )
    page.goto(f"{site.url}/docs")
    page.wait_for_selector(".opblock", timeout=120_000)  # a 200 kB description to draw

    assert elsewhere == []
    assert page.locator(".opblock").count() > 50  # every route of the API
    assert page.get_by_text("/scouting/open-round").count() >= 1
    page.screenshot(path=tmp_path / "docs.png")
    page.close()
