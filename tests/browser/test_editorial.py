"""Two editors in two real browsers edit the same phase: the second save must not win silently."""

import pytest
from playwright.sync_api import expect

from phases.models import Phase
from tests.conftest import make_staff

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


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
