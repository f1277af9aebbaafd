"""Version 3 of the checker in a real browser: the form, a result with urgent advice, and the
ANC's unit question, each with zero axe-core violations, in English and Spanish; the unit
question works without JavaScript and keeps every answer."""

import pytest

from tests.browser.test_checker import assert_accessible, choose, type_into

PREFIX = {"en": "", "es": "/es"}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_form_is_accessible(page, site_url, lang):
    page.goto(f"{site_url}{PREFIX[lang]}/check/")

    assert page.locator('input[name="fever"]').count() == 3
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_result_with_urgent_advice_is_accessible_and_comes_first(page, site_url, lang):
    page.goto(f"{site_url}{PREFIX[lang]}/check/")

    choose(page, "treatment", "received")
    choose(page, "ever_in_remission", "yes")
    choose(page, "fever", "yes")
    type_into(page, "marrow_blasts_percent", "1")
    page.keyboard.press("Enter")

    box = page.locator("#get-help-now")
    box.wait_for()
    assert box.locator(".urgent-advice li").count() >= 3
    assert_accessible(page)


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_anc_question_is_accessible_and_keeps_every_answer(browser, site_url, lang, javascript):
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 320, "height": 800}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{site_url}{PREFIX[lang]}/check/")

    choose(page, "treatment", "received")
    choose(page, "ever_in_remission", "yes")
    type_into(page, "anc", "80")
    type_into(page, "platelets", "210")
    page.keyboard.press("Enter")

    question = page.locator("#div_id_anc_unit")
    question.wait_for()
    per_ul = {"en": "80 per µL = 0.08 ×10⁹/L, dangerously low", "es": "80 por µL = 0,08 ×10⁹/L"}
    assert per_ul[lang] in question.inner_text()
    assert page.locator('input[name="platelets"]').input_value() == "210"
    assert page.locator('input[name="ever_in_remission"][value="yes"]').is_checked()
    if javascript:  # axe-core is a script: it runs on the same page the server sent either way
        assert_accessible(page)

    page.get_by_label(per_ul[lang]).check()
    page.locator('input[name="show"]').click()
    page.locator("#get-help-now").wait_for()
    context.close()
