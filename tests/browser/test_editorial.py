"""The editorial workflow in a real browser: two editors editing the same phase (the second
save must not win silently), an approver bringing back an older version by keyboard, and the
admin's pages as an editor and an approver read them at 1280 pixels."""

import datetime

import pytest
from playwright.sync_api import expect

from phases.models import Phase
from tests.conftest import authenticator_app_of, make_staff


def signed_in_page(browser, editable_site_url, username):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(editable_site_url + "/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(f"a-long-{username}-password")
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("Code from your authenticator app").fill(authenticator_app_of(username).now())
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    return page


def test_the_second_editor_gets_the_conflict_and_keeps_their_text(
    browser, editable_site_url, screenshots
):
    make_staff("anna", "Content editors", first_name="Anna", last_name="First")
    make_staff("ben", "Content editors", first_name="Ben", last_name="Second")
    remission = Phase.objects.get(language="en", slug="remission")
    change_url = f"{editable_site_url}/admin/phases/phase/{remission.pk}/change/"
    anna = signed_in_page(browser, editable_site_url, "anna")
    ben = signed_in_page(browser, editable_site_url, "ben")
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
    ben.screenshot(path=screenshots / "admin-edit-conflict.png", full_page=True)
    assert Phase.objects.get(language="en", slug="remission").draft["summary"] == (
        "Anna's clearer summary of remission."
    )

    ben.get_by_role("button", name="Save draft").click()  # after merging, saving again works
    expect(ben.get_by_text("Saved as a draft")).to_be_visible()
    assert Phase.objects.get(language="en", slug="remission").draft["summary"] == (
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


def test_an_approver_brings_back_a_version_with_the_keyboard_alone(
    browser, editable_site_url, screenshots
):
    approver = make_staff("ada", "Content approvers", first_name="Ada", last_name="Approver")
    remission = Phase.objects.get(language="en", slug="remission")
    original_summary = remission.summary
    remission.summary = "A mistaken summary."
    remission.publish(by=approver)
    page = signed_in_page(browser, editable_site_url, "ada")
    page.goto(f"{editable_site_url}/admin/phases/phase/{remission.pk}/history/")
    expect(page.locator(".version-history ins").first).to_be_visible()
    page.screenshot(path=screenshots / "admin-history.png", full_page=True)

    tab_to(page, "Bring back this version")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Warning: this publishes at once.")).to_be_visible()
    expect(page.get_by_text(original_summary).first).to_be_visible()
    page.screenshot(path=screenshots / "admin-revert-approver.png", full_page=True)
    tab_to(page, "Bring back this version")
    page.keyboard.press("Enter")

    expect(page.get_by_text("is back and published: patients see it now.")).to_be_visible()
    assert Phase.objects.get(language="en", slug="remission").summary == original_summary
    public = page.context.new_page()
    public.goto(f"{editable_site_url}/phases/remission/")
    expect(public.get_by_text(original_summary).first).to_be_visible()


# The admin as editors and approvers read it


ROLES = {"editor": "Content editors", "approver": "Content approvers"}
LISTS = ["phase", "sharedsection", "glossaryterm", "explanation"]


def signed_in_as(browser, editable_site_url, role):
    make_staff(role, ROLES[role], first_name=role.title(), last_name="Example")
    page = signed_in_page(browser, editable_site_url, role)
    page.set_default_timeout(15_000)
    return page


@pytest.mark.parametrize("role", ROLES)
def test_every_list_fits_at_1280_pixels_with_whole_headers(
    browser, editable_site_url, screenshots, role
):
    Phase.objects.get(language="en", slug="remission").save_draft(by=None)
    page = signed_in_as(browser, editable_site_url, role)

    for model in LISTS:
        page.goto(f"{editable_site_url}/admin/phases/{model}/")
        cut = page.evaluate(
            """() => [...document.querySelectorAll('#result_list thead th')]
                .filter((th) => th.scrollWidth > th.clientWidth + 1)
                .map((th) => th.innerText)"""
        )
        assert cut == [], f"{model}: headers cut: {cut}"
        results = page.locator("#changelist .results")
        assert results.evaluate("(el) => el.scrollWidth <= el.clientWidth + 1"), model
        expect(page.locator("th.column-draft_status")).to_have_text("Draft")
        expect(page.locator("td.field-draft_status img")).to_have_count(0)
    page.goto(f"{editable_site_url}/admin/phases/phase/")
    expect(page.locator("td.field-draft_status", has_text="Draft waiting")).to_have_count(1)
    page.screenshot(path=screenshots / f"admin-changelist-1280-{role}.png", full_page=True)


def test_an_approver_goes_from_the_front_page_to_a_waiting_draft(
    browser, editable_site_url, screenshots
):
    editor = make_staff("eddie", "Content editors", first_name="Eddie", last_name="Editor")
    remission = Phase.objects.get(language="en", slug="remission")
    remission.summary = "A clearer summary, waiting for approval."
    remission.save_draft(by=editor)
    page = signed_in_as(browser, editable_site_url, "approver")

    waiting = page.get_by_role("region", name="Drafts waiting for approval")
    expect(waiting).to_contain_text("saved by Eddie Editor")
    page.screenshot(path=screenshots / "admin-front-page-approver.png", full_page=True)
    waiting.get_by_role("link", name=remission.name).click()

    expect(page.get_by_text("You are editing an unpublished draft.")).to_be_visible()
    assert page.get_by_label("Summary").input_value() == "A clearer summary, waiting for approval."


def test_an_editor_front_page_has_reviews_due_and_no_list_of_drafts(
    browser, editable_site_url, screenshots
):
    refractory = Phase.objects.get(language="en", slug="refractory")
    refractory.last_reviewed = datetime.date(2024, 1, 1)
    refractory.next_review_due = datetime.date(2025, 1, 1)
    refractory.reviewer = "Dr A. B, nurse"
    refractory.reviewed_fingerprint = refractory.text_fingerprint()  # a review of these words
    refractory.save()
    page = signed_in_as(browser, editable_site_url, "editor")

    reviews = page.get_by_role("region", name="Clinical review due")
    expect(reviews.get_by_role("link", name="Refractory")).to_be_visible()
    expect(page.get_by_text("Drafts waiting for approval")).to_have_count(0)
    page.screenshot(path=screenshots / "admin-front-page-editor.png", full_page=True)


@pytest.mark.parametrize("role", ROLES)
def test_history_marks_changes_with_colour_and_a_sign(
    browser, editable_site_url, screenshots, role
):
    remission = Phase.objects.get(language="en", slug="remission")
    page = signed_in_as(browser, editable_site_url, role)
    page.goto(f"{editable_site_url}/admin/phases/phase/{remission.pk}/history/")

    rows = page.locator(".version-history tbody")
    expect(rows.get_by_text("Initial content").first).to_be_visible()
    for tag, sign, line in [("ins", "+", "none"), ("del", "−", "line-through")]:
        marked = rows.locator(tag).first
        expect(marked).to_be_visible()
        style = marked.evaluate(
            """(el) => {
                const own = getComputedStyle(el), before = getComputedStyle(el, '::before');
                return {background: own.backgroundColor, line: own.textDecorationLine,
                        marker: before.content};
            }"""
        )
        assert style["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), style
        assert style["line"] == line, style
        assert style["marker"].startswith(f'"{sign}"'), style
    page.screenshot(path=screenshots / f"admin-history-{role}.png", full_page=True)


def test_an_editor_reads_that_bringing_back_a_version_makes_a_draft(
    browser, editable_site_url, screenshots
):
    remission = Phase.objects.get(language="en", slug="remission")
    first = remission.history.earliest()
    page = signed_in_as(browser, editable_site_url, "editor")
    page.goto(f"{editable_site_url}/admin/phases/phase/{remission.pk}/history/{first.history_id}/")

    button = page.get_by_role("button", name="Bring back this version")
    expect(button).to_have_accessible_description(
        "This will be saved as a draft for an approver to publish. Patients keep seeing the "
        "published version until then."
    )
    expect(page.locator(".version-texts input, .version-texts textarea")).to_have_count(0)
    page.screenshot(path=screenshots / "admin-revert-editor.png", full_page=True)


@pytest.mark.parametrize("role", ROLES)
def test_the_preview_leads_back_to_the_form(browser, editable_site_url, screenshots, role):
    remission = Phase.objects.get(language="en", slug="remission")
    page = signed_in_as(browser, editable_site_url, role)
    page.goto(f"{editable_site_url}/admin/phases/phase/{remission.pk}/change/")
    expect(page.get_by_label("Summary")).to_have_js_property("tagName", "TEXTAREA")

    page.get_by_role("link", name="Preview").click()
    expect(page.get_by_text("This is how patients will see the draft")).to_be_visible()
    page.screenshot(path=screenshots / f"admin-preview-{role}.png")
    page.get_by_role("link", name=f"Back to editing “{remission.name}”").click()

    expect(page.get_by_label("Summary")).to_be_visible()
    assert page.url.endswith(f"/admin/phases/phase/{remission.pk}/change/")
