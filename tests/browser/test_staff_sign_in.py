"""The staff sign-in pages in Chromium: the hospital's account through the provider's own
form, a first password sign-in setting up the authenticator app, and the lockout page.
Screenshots: test-results/screenshots/staff-*.png."""

import pyotp
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.conftest import make_staff
from tests.identity_provider import EDITOR_GROUP


def test_a_hospital_account_signs_in_through_the_providers_form(
    page, editable_site_url, hospital_sign_on, screenshots
):
    hospital_sign_on.set_user(
        "f3a9-77", groups=[EDITOR_GROUP], given_name="Rosa", family_name="Diaz"
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(editable_site_url + "/admin/")
    expect(page.get_by_role("link", name="Sign in with your hospital account")).to_be_visible()
    page.screenshot(path=screenshots / "staff-sign-in-sso.png", full_page=True)
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Sign in with your hospital account").click()
    page.locator("input[name=sub]").fill("f3a9-77")  # the provider's own sign-in form
    page.get_by_role("button", name="Authorize").click()

    page.wait_for_url(editable_site_url + "/admin/")
    expect(page.get_by_text("Rosa", exact=False).first).to_be_visible()
    page.screenshot(path=screenshots / "staff-sso-admin.png")


def test_a_first_password_sign_in_sets_up_the_authenticator_app(
    page, editable_site_url, screenshots
):
    make_staff("nina", "Content editors", second_factor=False)
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(editable_site_url + "/admin/")
    page.get_by_label("Username").fill("nina")
    page.get_by_label("Password").fill("a-long-nina-password")
    page.get_by_role("button", name="Log in").click()

    expect(page.get_by_role("heading", name="Set up your second factor")).to_be_visible()
    page.screenshot(path=screenshots / "staff-second-factor-set-up.png", full_page=True)
    assert_no_axe_violations(page)
    app = pyotp.TOTP(page.locator("#authenticator-secret").inner_text())
    page.get_by_label("Code from the app").fill(app.now())
    page.get_by_role("button", name="Activate").click()
    page.get_by_role("link", name="Continue to the admin").click()

    page.wait_for_url(editable_site_url + "/admin/")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_the_lockout_page_says_how_long(page, editable_site_url, settings, screenshots):
    make_staff("omar", "Content editors")
    page.set_viewport_size({"width": 1280, "height": 800})
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        page.goto(editable_site_url + "/accounts/login/")
        page.get_by_label("Username").fill("omar")
        page.get_by_label("Password").fill("not-the-password")
        page.get_by_role("button", name="Log in").click()

    expect(page.get_by_text("signing in is paused for 30 minutes")).to_be_visible()
    page.screenshot(path=screenshots / "staff-locked-out.png", full_page=True)
    assert_no_axe_violations(page)


def test_the_code_step_and_a_refusal_read_clearly(
    page, editable_site_url, hospital_sign_on, screenshots
):
    make_staff("pat", "Content editors")
    hospital_sign_on.set_user("cardio-7", groups=["Cardiology"])
    page.goto(editable_site_url + "/accounts/login/")
    page.get_by_label("Username").fill("pat")
    page.get_by_label("Password").fill("a-long-pat-password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Your second factor")).to_be_visible()
    page.screenshot(path=screenshots / "staff-second-factor-code.png", full_page=True)
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Cancel").click()

    page.get_by_role("link", name="Sign in with your hospital account").click()
    page.locator("input[name=sub]").fill("cardio-7")
    page.get_by_role("button", name="Authorize").click()

    expect(page.get_by_role("heading", name="You are not signed in")).to_be_visible()
    page.screenshot(path=screenshots / "staff-sso-refused.png", full_page=True)
    assert_no_axe_violations(page)


def assert_no_axe_violations(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
