"""The agency's single sign-on in front of the pages: a trusted reverse proxy names the user in a
header and the browser is signed in without a password, the sign-in recorded as any other; the
header is believed from the proxy's own address only, never for a disabled or unknown user, and
not at all unless it is configured."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from domain.envelope import Actor, Role
from services.accounts import NewUser, create_user, disable_user
from services.api import create_api
from services.api.context import Context
from services.web.settings import TrustedProxy, WebSettings
from tests.web.conftest import PASSWORD, Site, served
from tests.web.test_signin import events_of

HEADER = "X-Remote-User"


@pytest.fixture(scope="module")
def proxied(site: Site) -> Iterator[str]:
    """The same store served behind a proxy at 127.0.0.1, the address the browser comes from."""
    proxy = TrustedProxy(header=HEADER, addresses=frozenset({"127.0.0.1"}))
    api = create_api(Context.of(site.app), web=WebSettings(secret="p" * 64, proxy=proxy))
    with served(api) as url:
        yield url


def test_the_proxys_user_is_signed_in_without_a_password(
    site: Site, browser: Any, proxied: str
) -> None:
    before = events_of(site, "asesor").count("SignedIn")
    context = browser.new_context(extra_http_headers={HEADER: "asesor"})
    page = context.new_page()
    page.goto(f"{proxied}/")
    assert page.url == f"{proxied}/"
    assert page.locator(".who strong").inner_text() == "asesor"
    page.goto(f"{proxied}/staff")
    assert events_of(site, "asesor").count("SignedIn") == before + 1, "recorded once"
    context.close()


def test_no_header_an_unknown_or_a_disabled_user_signs_in_nobody(
    site: Site, browser: Any, proxied: str
) -> None:
    page = browser.new_page()
    page.goto(f"{proxied}/")
    assert page.url.startswith(f"{proxied}/signin")
    admin = Actor(id="admin", role=Role.ADMINISTRATOR, agency="kota-madiun")
    leaver = NewUser(
        username="pensiun",
        agency="kota-madiun",
        roles=frozenset({Role.CASEWORKER}),
        unit="",
        password=PASSWORD,
    )
    create_user(site.app, leaver, admin)
    disable_user(site.app, "pensiun", admin)
    for name in ("pensiun", "tidak-ada"):
        context = browser.new_context(extra_http_headers={HEADER: name})
        page = context.new_page()
        page.goto(f"{proxied}/")
        assert page.url.startswith(f"{proxied}/signin"), name
        context.close()


def test_the_header_means_nothing_where_no_proxy_is_configured(site: Site, browser: Any) -> None:
    context = browser.new_context(extra_http_headers={HEADER: "asesor"})
    page = context.new_page()
    page.goto(f"{site.url}/")
    assert page.url.startswith(f"{site.url}/signin")
    context.close()


def test_the_header_is_believed_from_the_proxys_address_only() -> None:
    proxy = TrustedProxy(header=HEADER, addresses=frozenset({"10.0.0.5"}))
    sent = {HEADER: " siti "}
    assert proxy.username("10.0.0.5", sent) == "siti"
    assert proxy.username("10.0.0.6", sent) is None
    assert proxy.username(None, sent) is None
    assert proxy.username("10.0.0.5", {HEADER: "  "}) is None


def test_the_sign_on_is_off_unless_both_settings_are_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("TALENTA_SSO_HEADER", raising=False)
    monkeypatch.delenv("TALENTA_SSO_PROXY", raising=False)
    assert TrustedProxy.from_env() is None
    monkeypatch.setenv("TALENTA_SSO_HEADER", HEADER)
    with pytest.raises(ValueError, match="set both"):
        TrustedProxy.from_env()
    monkeypatch.setenv("TALENTA_SSO_PROXY", "10.0.0.5, 10.0.0.6")
    assert TrustedProxy.from_env() == TrustedProxy(HEADER, frozenset({"10.0.0.5", "10.0.0.6"}))
