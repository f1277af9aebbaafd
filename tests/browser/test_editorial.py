"""The editorial workflow in a real browser: two editors editing the same phase (the second
save must not win silently), and an approver bringing back an older version by keyboard."""

import pytest
from playwright.sync_api import expect

from phases.models import Phase
from tests.conftest import make_staff

pytestmark = pytest.mark.django_db(transaction=True)


def signed_in_page(browser, site_url, username):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(f"a-long-{username}-password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")
    return page


def test_the_second_editor_gets_the_conflict_and_keeps_their_text(browser, site_url, tmp_path):
    make_staff("anna", "Content editors", first_name="Anna", last_name="First")
    make_staff("ben", "Content editors", first_name="Ben", last_name="Second")
    remission = Phase.objects.get(slug="remission")
    change_url = f"{site_url}/admin/phases/phase/{remission.pk}/change/"
    anna = signed_in_page(browser, site_url, "anna")
    ben = signed_in_page(browser, site_url, "ben")
    anna.goto(change_url)
    ben.goto(change_url)

    anna.get_by_label("Summary").fill("Anna's clearer summary of remission.")
    anna.get_by_role("button", name="Save draft").click()
    expect(anna.get_by_text("Saved as a draft")).to_be_visible()
    ben.get_by_label("Summary").fill("Ben's own wording, typed at the same time.")
    ben.get_by_role("button", name="Save draft").click()

    expect(ben.get_by_text("Someone else saved this while you were editing it")).to_be_visible()
    expect(ben.get_by_text("Anna First")).to_be_visible()
    assert ben.get_by_label("Summary").input_value() == "Ben's own wording, typed at the same time."
    expect(ben.locator(".conflict-changes ins").first).to_be_visible()
    ben.screenshot(path=tmp_path / "edit-conflict.png", full_page=True)
    assert Phase.objects.get(slug="remission").draft["summary"] == (
        "Anna's clearer summary of remission."
    )

    ben.get_by_role("button", name="Save draft").click()  # after merging, saving again works
    expect(ben.get_by_text("Saved as a draft")).to_be_visible()
    assert Phase.objects.get(slug="remission").draft["summary"] == (
        "Ben's own wording, typed at the same time."
    )


def tab_to(page, name, *, limit=80):
    """Press Tab until the element named `name` has the focus, as a keyboard user does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => (document.activeElement.value || document.activeElement.innerText || '')"
        )
        if focused.strip().startswith(name):
            return
    raise AssertionError(f"Tab never reached {name!r}")


def test_an_approver_brings_back_a_version_with_the_keyboard_alone(browser, site_url, tmp_path):
    approver = make_staff("ada", "Content approvers", first_name="Ada", last_name="Approver")
    remission = Phase.objects.get(slug="remission")
    original_summary = remission.summary
    remission.summary = "A mistaken summary."
    remission.publish(by=approver)
    page = signed_in_page(browser, site_url, "ada")
    page.goto(f"{site_url}/admin/phases/phase/{remission.pk}/history/")
    expect(page.locator(".version-history ins").first).to_be_visible()
    page.screenshot(path=tmp_path / "history.png", full_page=True)

    tab_to(page, "Bring back this version")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Patients will see this version at once.")).to_be_visible()
    expect(page.get_by_text(original_summary).first).to_be_visible()
    page.screenshot(path=tmp_path / "revert.png", full_page=True)
    tab_to(page, "Bring back this version")
    page.keyboard.press("Enter")

    expect(page.get_by_text("is back and published: patients see it now.")).to_be_visible()
    assert Phase.objects.get(slug="remission").summary == original_summary
    public = page.context.new_page()
    public.goto(f"{site_url}/phases/remission/")
    expect(public.get_by_text(original_summary).first).to_be_visible()
