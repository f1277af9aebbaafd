"""The admin as a translator uses it, in a real browser at 1280 pixels: a Spanish phase's form
with its language, its reading level in Fernández-Huerta and how it stands against the English
text; and the Translation filter, clicked, listing what needs a translator."""

from playwright.sync_api import expect

from phases.models import GlossaryTerm, Phase
from tests.browser.test_editorial import signed_in_page
from tests.conftest import make_staff


def test_a_translator_edits_a_spanish_phase_that_is_out_of_date(
    browser, editable_site_url, screenshots
):
    approver = make_staff("ada", "Content approvers", first_name="Ada", last_name="Approver")
    english = Phase.objects.get(language="en", slug="remission")
    english.summary = "Tests find no signs of leukemia in the blood or bone marrow now."
    english.publish(by=approver)
    spanish = Phase.objects.get(language="es", slug="remission")
    page = signed_in_page(browser, editable_site_url, "ada")

    page.goto(f"{editable_site_url}/admin/phases/phase/{spanish.pk}/change/")

    expect(page.get_by_label("Language")).to_be_disabled()
    expect(page.get_by_label("Language")).to_have_value("es")
    expect(page.locator(".field-reading_level")).to_contain_text("Fernández-Huerta ease")
    expect(page.locator(".field-reading_level")).to_contain_text("aim for 65 or higher")
    status = page.get_by_role("region", name="Translation")
    expect(status).to_contain_text("Out of date:")
    expect(status.locator("ins").first).to_be_visible()
    page.screenshot(path=screenshots / "admin-es-phase-edit-1280.png", full_page=True)

    status.get_by_role("link", name=f"“{english.name}” in English").click()
    expect(page.get_by_role("region", name="Translations")).to_contain_text("out of date")
    assert page.url.endswith(f"/admin/phases/phase/{english.pk}/change/")


def test_the_translation_filter_lists_the_spanish_phase_out_of_date(
    browser, editable_site_url, screenshots
):
    approver = make_staff("ada", "Content approvers", first_name="Ada", last_name="Approver")
    english = Phase.objects.get(language="en", slug="relapsed")
    english.summary = "The leukemia has come back after a remission."
    english.publish(by=approver)
    page = signed_in_page(browser, editable_site_url, "ada")
    page.goto(f"{editable_site_url}/admin/phases/phase/")

    page.locator("#changelist-filter").get_by_role("link", name="Spanish out of date").click()

    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    expect(page.locator("#result_list tbody")).to_contain_text("Recaída")
    expect(page.locator("td.field-language_name")).to_have_text("Spanish")
    page.screenshot(path=screenshots / "admin-translation-filter-1280.png", full_page=True)

    page.locator("#changelist-filter").get_by_role("link", name="Spanish missing").click()
    expect(page.locator("#result_list")).to_have_count(0)  # every phase has its Spanish page
    expect(page.get_by_text("0 phases")).to_be_visible()


def test_a_translator_starts_the_missing_spanish_text_of_a_glossary_term(
    browser, editable_site_url, screenshots
):
    editor = make_staff("eddie", "Content editors", first_name="Eddie", last_name="Editor")
    term = GlossaryTerm(term="Port", slug="port", definition="A small device under the skin.")
    term.publish(by=editor)
    page = signed_in_page(browser, editable_site_url, "eddie")
    translations = page.get_by_role("region", name="Translations")
    expect(translations.get_by_role("heading", name="Spanish")).to_be_visible()
    expect(translations).to_contain_text("Glossary terms: 1 missing")
    page.screenshot(path=screenshots / "admin-front-page-translations.png", full_page=True)

    page.goto(f"{editable_site_url}/admin/phases/glossaryterm/{term.pk}/change/")
    expect(page.get_by_role("region", name="Translations")).to_contain_text("Spanish: missing")
    page.get_by_role("button", name="Add the Spanish text").click()

    expect(page.get_by_text("Started the Spanish text of “Port”")).to_be_visible()
    expect(page.get_by_text("You are editing an unpublished draft.")).to_be_visible()
    expect(page.get_by_label("Language")).to_have_value("es")
    assert page.get_by_label("Term").input_value() == "Port"
    page.screenshot(path=screenshots / "admin-es-term-started-1280.png", full_page=True)
    spanish = GlossaryTerm.objects.get(language="es", slug="port")
    assert not spanish.is_published
    assert spanish.has_draft
