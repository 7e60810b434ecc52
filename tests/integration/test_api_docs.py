"""/docs works offline: the page and everything it loads come from the product itself."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from services.api import create_api
from services.api.context import Context
from services.application import Talenta

# Attribute values and script strings that address something to load.
ADDRESSES = re.compile(r"""(?:src|href)=["']([^"']+)["']|url:\s*'([^']+)'""")


def test_the_docs_page_loads_nothing_from_another_host(app: Talenta) -> None:
    client = TestClient(create_api(Context.of(app)))

    page = client.get("/docs")

    assert page.status_code == 200 and "SwaggerUIBundle" in page.text
    loaded = [a or b for a, b in ADDRESSES.findall(page.text)]
    assert sorted(loaded) == [
        "/docs/assets/favicon-32x32.png",
        "/docs/assets/swagger-ui-bundle.js",
        "/docs/assets/swagger-ui.css",
        "/openapi.json",
    ]
    assert "//" not in page.text.replace("<!--", "").split("<body>")[0]  # no host in the head
    assert '"validatorUrl": null' in page.text  # no badge fetched from validator.swagger.io
    for address in loaded:
        answer = client.get(address)
        assert answer.status_code == 200, address
        assert answer.content, address
    assert (
        client.get("/docs/assets/swagger-ui-bundle.js")
        .headers["content-type"]
        .startswith(("application/javascript", "text/javascript"))
    )
    assert client.get("/redoc").status_code == 404  # ReDoc would need a CDN
