"""The lab-values checker in a real phone-sized browser, used with the keyboard alone."""

from axe_playwright_python.sync_playwright import Axe


def focused(page, selector):
    return page.evaluate("s => document.activeElement.matches(s)", selector)


def tab_to(page, selector, *, most=80):
    """Press Tab until the element is focused, as a keyboard user would."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if focused(page, selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def choose(page, name, value):
    """Tab into a group of radio buttons, then move with the arrow keys to the answer."""
    tab_to(page, f'input[name="{name}"]')
    for _ in range(6):
        if page.locator(f'input[name="{name}"][value="{value}"]').is_checked():
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"could not choose {value} for {name}")


def type_into(page, name, text):
    tab_to(page, f'input[name="{name}"]')
    page.keyboard.type(text)


def assert_accessible(page):
    """No sideways scrolling, and nothing axe-core finds wrong (contrast included)."""
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_empty_checker_form_is_accessible(page, site_url):
    page.goto(site_url + "/check/")

    assert page.get_by_role("heading", level=1).inner_text() == (
        "Check what your lab results suggest"
    )
    assert_accessible(page)


def test_keyboard_user_fills_in_the_form_and_reads_a_remission_result(page, site_url):
    page.goto(site_url + "/check/")

    choose(page, "treatment", "received")
    choose(page, "ever_in_remission", "yes")
    choose(page, "symptoms", "no")
    type_into(page, "marrow_blasts_percent", "2")
    choose(page, "mrd", "negative")
    choose(page, "cbc", "normal")
    choose(page, "blood_blasts", "no")
    type_into(page, "platelets", "150000")
    tab_to(page, 'button[type="submit"], input[type="submit"]')
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-phase]")

    assert page.locator("[data-phase]").get_attribute("data-phase") == "remission"
    assert page.get_by_role("heading", name="Remission", level=2).is_visible()
    said_back = page.locator("#lab-report").get_by_text("We read 150000 per µL as 150 ×10⁹/L.")
    assert said_back.is_visible()  # beside the box it was typed in
    assert page.get_by_role("img", name="Marrow blasts of 2% on a scale").is_visible()
    assert_accessible(page)


def test_cant_tell_result_is_accessible_and_links_back_to_the_missing_answer(page, site_url):
    page.goto(site_url + "/check/")
    choose(page, "treatment", "received")
    type_into(page, "marrow_blasts_percent", "30")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-phase]")

    assert page.locator("[data-phase]").get_attribute("data-phase") == "undetermined"
    assert page.locator("#get-help-now").count() == 0
    assert_accessible(page)
    page.get_by_role(
        "link", name="had your care team ever said the leukemia was in remission"
    ).click()
    assert page.evaluate("location.hash") == "#div_id_ever_in_remission"


def test_urgent_advice_is_the_first_thing_a_screen_reader_reaches_in_the_result(page, site_url):
    page.goto(site_url + "/check/")
    choose(page, "treatment", "received")
    choose(page, "symptoms", "yes")
    type_into(page, "anc", "0.2")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-phase]")

    # The result region's first child, read before the result's own heading.
    region, first, heading = page.locator("#result").aria_snapshot().splitlines()[:3]
    assert region.startswith("- region")
    assert first.strip() == '- group "Get help right away":'
    assert heading.strip() == '- heading "Get help right away" [level=2]'
    assert "100.4 °F" in page.locator("#get-help-now").inner_text()
    assert page.title().startswith("Get help right away")
    assert_accessible(page)


def test_form_with_errors_is_accessible_and_keeps_the_answers(page, site_url):
    page.goto(site_url + "/check/")
    choose(page, "cbc", "normal")
    type_into(page, "marrow_blasts_percent", "four")
    type_into(page, "anc", "45%")
    page.keyboard.press("Enter")
    page.wait_for_selector(".error-summary")

    assert page.get_by_role("alert").is_visible()
    assert page.locator("#id_marrow_blasts_percent").input_value() == "four"
    assert page.locator('input[name="cbc"][value="normal"]').is_checked()
    anc = page.get_by_role("textbox", name="Neutrophils, absolute count (ANC)")
    assert "not a percent" in anc.evaluate(
        "e => e.getAttribute('aria-describedby').split(' ')"
        ".map(id => document.getElementById(id).textContent).join(' ')"
    )
    assert_accessible(page)


def test_checker_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/check/")

    page.get_by_label("No, never").check()
    page.get_by_role("textbox", name="Blasts in the bone marrow").fill("40")
    page.get_by_role("button", name="Show what my results suggest").click()

    assert page.locator("[data-phase]").get_attribute("data-phase") == "untreated"
    context.close()
