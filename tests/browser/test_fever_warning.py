"""The checker's fever warning in a real browser: the first thing a screen reader reaches in the
form's section (after its heading, before the first question), in English, in Spanish and in a
partner's embed, on pages axe-core finds nothing wrong with."""

import pytest

from tests.browser.test_checker import assert_accessible

CHECKERS = {
    "/check/": ("Your lab report", "Is there a fever? Call now.", "38.0 °C (100.4 °F)"),
    "/es/check/": ("Su informe de laboratorio", "¿Hay fiebre? Llame ahora.", "38,0 °C (100,4 °F)"),
    "/embed/demo/check/": ("Your lab report", "Is there a fever? Call now.", "38.0 °C (100.4 °F)"),
}


def reading_order(page):
    """The form's section as the accessibility tree gives it to a screen reader, line by line."""
    snapshot = page.locator("section.lab-form").aria_snapshot()
    return [line.strip() for line in snapshot.splitlines() if line.strip()]


@pytest.mark.parametrize("address", CHECKERS)
def test_the_fever_warning_is_the_first_thing_a_screen_reader_reaches_in_the_form(
    page, site_url, address
):
    heading, title, temperature = CHECKERS[address]
    page.goto(site_url + address)

    lines = reading_order(page)

    assert lines[:2] == [f'- region "{heading}":', f'- heading "{heading}" [level=2]']
    warning_ends = next(i for i, line in enumerate(lines) if temperature in line)
    warning = lines[2 : warning_ends + 1]  # the first thing after the section's heading
    assert title in " ".join(warning)
    assert all(line.startswith(("- paragraph", "- strong")) for line in warning), warning
    assert lines[warning_ends + 1].startswith("- group")  # then the first question
    # On screen too, above the first question.
    warning = page.locator(".fever-warning").bounding_box()
    question = page.locator('input[name="treatment"]').first.bounding_box()
    assert warning["y"] + warning["height"] <= question["y"]


@pytest.mark.parametrize("address", CHECKERS)
def test_the_checker_with_its_fever_warning_is_accessible(page, site_url, address):
    page.goto(site_url + address)

    assert page.locator(".fever-warning").is_visible()
    assert_accessible(page)
