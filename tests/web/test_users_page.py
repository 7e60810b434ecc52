"""The administrator's page: a user created in the browser signs in; a caseworker posting the
same form is refused and nothing is written; disabling a user ends the session they have open."""

from __future__ import annotations

from typing import Any

from domain.access.users import User, user_id
from tests.web.conftest import Site
from tests.web.test_round import refusals
from tests.web.test_signin import sign_in


def create(page: Any, username: str, roles: list[str], password: str) -> None:
    form = page.locator("#create_user")
    form.locator("[name=username]").fill(username)
    for role in roles:
        form.locator(f"[name=roles][value={role}]").check()
    form.locator("[name=password]").fill(password)
    form.locator("button[type=submit]").click()


def test_an_administrator_creates_and_disables_a_user(site: Site, browser: Any) -> None:
    admin = browser.new_page()
    sign_in(admin, site, "admin")
    admin.click("nav a[href='/users']")
    create(admin, "dewi", ["assessor", "auditor"], "sandi-dewi-2026")
    assert admin.locator("#create_user .done").inner_text() == "Tercatat."
    dewi: User = site.app.repository.get(user_id("dewi"))
    assert (dewi.agency, sorted(dewi.roles)) == ("kota-madiun", ["assessor", "auditor"])

    create(admin, "dewi", ["assessor"], "sandi-dewi-2026")
    assert "sudah ada" in admin.locator("#create_user .refusal").inner_text()
    create(admin, "kabag2", ["head-of-unit"], "sandi-kabag-2026")
    refused = admin.locator("#create_user .refusal")
    assert "memerlukan unit kerja" in refused.inner_text()
    refused.locator("summary").click()
    assert refused.locator("details p").inner_text() == "the head-of-unit role needs a unit"

    session = browser.new_page()
    sign_in(session, site, "dewi", "sandi-dewi-2026")
    assert session.locator("#role-switch option").all_inner_texts() == ["Asesor", "Auditor"]
    admin.locator("#disable_user [name=username]").fill("dewi")
    admin.locator("#disable_user button").click()
    assert admin.locator("#disable_user .done").count() == 1
    session.reload()
    assert session.url.startswith(f"{site.url}/signin"), "the disabled user's session ended"
    admin.close()
    session.close()


def test_a_caseworker_may_not_create_a_user(site: Site, browser: Any) -> None:
    clerk = browser.new_page()
    sign_in(clerk, site, "siti")
    assert clerk.locator("nav a[href='/users']").count() == 0
    clerk.goto(f"{site.url}/users")
    create(clerk, "penyusup", ["administrator"], "sandi-penyusup-1")
    refused = clerk.locator("#create_user .refusal")
    assert refused.get_attribute("data-code") == "forbidden"
    assert user_id("penyusup") not in site.app.repository
    (recorded,) = [
        r for r in refusals(site) if r.command == "create_user" and r.actor["id"] == "siti"
    ]
    assert (recorded.via, recorded.code, recorded.actor["id"]) == ("web", "forbidden", "siti")
    assert "password" not in recorded.body, "a password is never kept in a refusal"
    clerk.close()
