"""Accessibility basics checked in the browser on every page: each form control has a label,
the sign-in works from the keyboard alone, and text contrasts with its background at least
4.5:1 (WCAG 2 AA; 3:1 for large text)."""

from __future__ import annotations

from typing import Any

from tests.web.conftest import PASSWORD, Site
from tests.web.test_round import open_round
from tests.web.test_signin import sign_in

UNLABELLED = """() => [...document.querySelectorAll('input, select, textarea')]
  .filter(e => e.type !== 'hidden')
  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
  .map(e => e.outerHTML)"""

# Contrast of each text element's colour against the first opaque background behind it.
LOW_CONTRAST = """() => {
  const rgb = s => s.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const background = e => {
    for (; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const low = [];
  const texts = 'h1, h2, h3, p, a, label, th, td, button, dt, dd, li, span, small, legend, summary';
  for (const e of document.querySelectorAll(texts)) {
    if (!e.innerText || !e.innerText.trim() || !e.offsetParent) continue;
    const style = getComputedStyle(e);
    const a = lum(rgb(style.color)), b = lum(background(e));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const large = size >= 24 || (size >= 18.66 && bold);
    if (ratio < (large ? 3 : 4.5)) {
      low.push(`${e.tagName} ${ratio.toFixed(2)} ${e.innerText.slice(0, 40)}`);
    }
  }
  return low;
}"""


def check(page: Any) -> None:
    assert page.evaluate(UNLABELLED) == [], page.url
    assert page.evaluate(LOW_CONTRAST) == [], page.url
    assert page.locator("html").get_attribute("lang") in ("id", "en")
    assert page.locator("h1").count() == 1, page.url


def test_every_page_labels_its_controls_and_keeps_its_contrast(site: Site, browser: Any) -> None:
    page = browser.new_page()
    page.goto(f"{site.url}/signin")
    check(page)
    sign_in(page, site, "siti")
    board = open_round(page, site)
    employee = "/staff/197503122000031004?level=administrator&on=2025-02-10"
    for path in ("/", "/rounds", board.removeprefix(site.url), "/pool", "/staff", employee):
        page.goto(f"{site.url}{path}")
        check(page)
    page.click("a.lang")
    check(page)
    page.close()
    admin = browser.new_page()
    sign_in(admin, site, "admin")
    admin.goto(f"{site.url}/users")
    check(admin)
    admin.close()


def test_the_checks_find_what_they_look_for(site: Site, browser: Any) -> None:
    page = browser.new_page(bypass_csp=True)  # the pages allow no inline style
    page.goto(f"{site.url}/signin")
    page.evaluate(
        """() => document.querySelector('main').insertAdjacentHTML('beforeend',
        '<p style="color:#bbb">pucat</p><input name="tanpa-label">')"""
    )
    assert page.evaluate(UNLABELLED) == ['<input name="tanpa-label">']
    assert page.evaluate(LOW_CONTRAST) == ["P 1.92 pucat"]
    page.close()


def test_signing_in_needs_only_the_keyboard(site: Site, browser: Any) -> None:
    page = browser.new_page()
    page.goto(f"{site.url}/signin")
    page.keyboard.type("walikota")  # the user name field has the focus
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site.url}/")
    assert page.locator("h1").inner_text() == "Beranda"
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.textContent.trim()")
    assert focused.startswith("Talenta"), "the first Tab reaches the first link of the header"
    page.close()
