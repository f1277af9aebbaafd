"""The checker on a phone and at a desk: screenshots of the form and a result at 320, 390 and
1280 pixels, checked for anything wider than the screen and for blast-scale words that touch."""

import pytest

from tests.browser.test_keeping_a_result import REMISSION

SCREENS = {320: 640, 390: 844, 1280: 800}
# Just below the 5% line: its marker must sit clearly left of it.
NEAR_FIVE = REMISSION | {"marrow_blasts_percent": "4.5"}


def wider_than_the_screen(page):
    """The elements whose right edge goes past the window (none, when the page fits)."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('body *'))
             .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5
                          && getComputedStyle(e).position !== 'absolute')
             .map(e => e.tagName + '.' + e.className)"""
    )


def overlap(a, b):
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


@pytest.mark.parametrize("width", SCREENS)
def test_the_checker_form_fits_the_screen_with_its_first_question_in_view(
    browser, site_url, width, screenshots
):
    height = SCREENS[width]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(site_url + "/check/")
    page.screenshot(path=screenshots / f"checker-form-{width}.png", full_page=True)

    assert wider_than_the_screen(page) == []
    # The first question, its label and its first answer, on the first screen.
    first_answer = page.locator("#lab-report input[type=radio]").first.bounding_box()
    assert first_answer["y"] + first_answer["height"] <= height
    context.close()


@pytest.mark.parametrize("width", SCREENS)
def test_a_result_fits_the_screen_and_the_blast_scale_words_never_touch(
    browser, site_url, width, screenshots, visit
):
    height = SCREENS[width]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    visit(page, site_url + "/check/", NEAR_FIVE)
    page.screenshot(path=screenshots / f"checker-result-{width}.png", full_page=True)

    assert wider_than_the_screen(page) == []
    # Shown where it is: the result starts on the screen, no scrolling to it.
    assert -1 <= page.locator("#result").bounding_box()["y"] < height
    words = [text.bounding_box() for text in page.locator(".blast-scale svg text").all()]
    assert len(words) == 4
    for index, word in enumerate(words):
        for other in words[index + 1 :]:
            assert not overlap(word, other)
    five_line = page.locator(".blast-scale .scale-mark").first.bounding_box()
    marker = page.locator(".blast-scale .scale-marker").bounding_box()
    assert marker["x"] + marker["width"] < five_line["x"]  # 4.5% sits left of the 5% line
    context.close()
