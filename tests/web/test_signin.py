"""Signing in through Chromium: a wrong password, the lock-out after five failures, the events
recorded, and a form posted without its CSRF token refused."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from domain.access.users import SignInDay, sign_in_day_id
from tests.web.conftest import PASSWORD, Site


def sign_in(page: Any, site: Site, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{site.url}/signin")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("form[action='/signin'] button[type=submit]")


def events_of(site: Site, username: str) -> list[str]:
    """Today's sign-in events of the user."""
    stored = site.app.repository.event_store.get(sign_in_day_id(username, datetime.now(UTC).date()))
    return [type(event).__name__ for event in stored]


def test_a_wrong_password_is_refused_and_the_right_one_opens_the_home_page(
    site: Site, browser: Any
) -> None:
    page = browser.new_page()
    answer = page.goto(f"{site.url}/signin")
    assert answer is not None
    assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
    assert answer.headers["x-frame-options"] == "DENY"
    sign_in(page, site, "asesor", "salah-sekali-123")
    assert page.locator("[data-code=wrong_password]").inner_text() == (
        "Nama pengguna atau kata sandi salah."
    )
    sign_in(page, site, "asesor")
    assert page.url == f"{site.url}/"
    assert page.locator("h1").inner_text() == "Beranda"
    assert page.locator(".who strong").inner_text() == "asesor"
    cookie = next(c for c in page.context.cookies() if c["name"] == "talenta_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    assert events_of(site, "asesor")[-2:] == ["SignInFailed", "SignedIn"]

    page.click("form[action='/signout'] button")
    assert page.url.startswith(f"{site.url}/signin")
    page.goto(f"{site.url}/")
    assert page.url.startswith(f"{site.url}/signin"), "signed out, the home page asks to sign in"
    assert events_of(site, "asesor")[-1] == "SignedOut"
    page.close()


def test_five_failures_lock_the_user_even_against_the_right_password(
    site: Site, browser: Any
) -> None:
    page = browser.new_page()
    for _ in range(5):
        sign_in(page, site, "kabag", "bukan-kata-sandinya")
        assert page.locator("[data-code=wrong_password]").count() == 1
    sign_in(page, site, "kabag")
    assert page.locator("[data-code=locked]").count() == 1
    assert page.url.startswith(f"{site.url}/signin")
    day: SignInDay = site.app.repository.get(sign_in_day_id("kabag", datetime.now(UTC).date()))
    assert len(day.failures) == 5 and day.successes == []
    assert events_of(site, "kabag")[-1] == "SignInFailed"
    page.close()


def test_a_form_posted_without_its_csrf_token_is_refused_and_changes_nothing(
    site: Site, browser: Any
) -> None:
    page = browser.new_page()
    sign_in(page, site, "walikota")
    before = len(events_of(site, "walikota"))
    # The browser's own cookies ride along; only the form's token is missing.
    answer = page.request.post(f"{site.url}/signout", form={"nothing": "here"})
    assert answer.status == 403
    assert "token keamanan" in answer.text()
    assert len(events_of(site, "walikota")) == before
    page.goto(f"{site.url}/")
    assert page.locator("h1").inner_text() == "Beranda", "still signed in"
    page.close()


def test_the_english_switch_relabels_the_page(site: Site, browser: Any) -> None:
    page = browser.new_page()
    sign_in(page, site, "penguji")
    page.click("a.lang")
    assert page.locator("h1").inner_text() == "Home"
    assert page.locator("a.lang").inner_text() == "Bahasa Indonesia"
    page.click("a.lang")
    assert page.locator("h1").inner_text() == "Beranda"
    page.close()


def test_a_malformed_page_address_is_answered_as_a_page_and_the_api_keeps_its_json(
    site: Site, browser: Any
) -> None:
    page = browser.new_page()
    sign_in(page, site, "siti")
    answer = page.goto(f"{site.url}/rounds/bukan-nomor")
    assert answer is not None and answer.status == 422
    assert page.locator("main p.notice").inner_text() == "Alamat atau isian halaman ini tidak sah."
    api = page.request.get(f"{site.url}/scouting/rounds/bukan-nomor")
    assert api.status in (401, 422) and api.headers["content-type"] == "application/json"
    page.close()
