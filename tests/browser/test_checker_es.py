"""The Spanish checker (/es/check/) in a real phone-sized browser: used with the keyboard alone,
numbers typed with a decimal comma, accessible, on one screen width, and on two printed pages."""

import pytest

from tests.browser.conftest import assert_first_screen
from tests.browser.test_checker import assert_accessible, choose, focused, tab_to, type_into
from tests.browser.test_keeping_a_result import LONGEST, LONGEST_WITH_A_PHASE, printed_text
from tests.browser.test_layout import ONE_WORD_LINES, OVERFLOWS

NBSP = "\u00a0"
SHOW = "Ver qué indican mis resultados"
REMISSION = {"treatment": "received", "first_course_finished": "yes", "ever_in_remission": "yes"}
REMISSION |= {"marrow_blasts_percent": "2,5", "mrd": "negative", "symptoms": "no", "cbc": "normal"}
REMISSION |= {"blood_blasts": "no", "anc": "2,5", "platelets": "150.000"}
REMISSION |= {"wbc": "6,2", "hemoglobin": "12,5"}


def in_spanish(values):
    """What a Spanish reader types: 0,3 where an English one types 0.3."""
    return {name: value.replace(".", ",") for name, value in values.items()}


def test_the_empty_spanish_form_is_accessible(page, site_url):
    page.goto(site_url + "/es/check/")

    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Vea lo que indican sus resultados de laboratorio"
    )
    assert page.get_by_role("radio", name="No sé").count() == 10
    assert_accessible(page)


def test_keyboard_user_fills_in_the_spanish_form_with_decimal_commas(page, site_url):
    page.goto(site_url + "/es/check/")

    tab_to(page, 'input[name="treatment"]')  # the first answer, not chosen yet
    page.keyboard.press("Space")  # "No, nunca"
    assert page.locator('input[name="treatment"][value="none"]').is_checked()
    page.keyboard.press("ArrowDown")  # "Sí, el tratamiento ya empezó"
    choose(page, "ever_in_remission", "yes")
    choose(page, "symptoms", "no")
    type_into(page, "marrow_blasts_percent", "2,5")
    choose(page, "mrd", "negative")
    choose(page, "cbc", "normal")
    choose(page, "blood_blasts", "no")
    type_into(page, "anc", "0,8")
    type_into(page, "platelets", "150.000")
    page.keyboard.press("Enter")  # sends the form from the box
    page.wait_for_selector("[data-phase]")

    assert page.locator("[data-phase]").get_attribute("data-phase") == "remission"
    assert focused(page, "#result")  # the result is where the keyboard is now
    assert page.locator('input[name="symptoms"][value="no"]').is_checked()
    assert page.locator('input[name="mrd"][value="negative"]').is_checked()
    assert page.get_by_role("heading", name="Remisión", level=2).is_visible()
    said_back = page.locator("#id_platelets_helptext .understood").text_content()
    assert said_back == f"Entendimos 150{NBSP}000 por µL como 150 ×10⁹/L."
    assert page.locator("#id_marrow_blasts_percent_helptext .understood").count() == 0
    assert page.get_by_role("img", name="Blastos en la médula de 2,5% en una escala").is_visible()
    rows = page.locator(".numbers tbody tr").filter(has_text="Neutrófilos").inner_text()
    assert "0,8 ×10⁹/L" in rows
    assert "por debajo del rango típico" in rows
    assert_accessible(page)


def test_a_spanish_result_with_urgent_advice_and_a_missing_answer_is_accessible(page, site_url):
    page.goto(site_url + "/es/check/")
    choose(page, "treatment", "received")
    choose(page, "symptoms", "yes")
    type_into(page, "anc", "0,2")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-phase]")

    # The result region's first child, read before the result's own heading.
    first = page.locator("#result").aria_snapshot().splitlines()[1]
    assert first.strip() == '- group "Busque ayuda de inmediato":'
    assert page.title().startswith("Busque ayuda de inmediato")
    assert_accessible(page)
    page.get_by_role("link", name="Blastos en la médula ósea, en porcentaje").click()
    assert page.evaluate("location.hash") == "#id_marrow_blasts_percent"


def test_spanish_mistakes_are_explained_in_spanish_and_the_answers_kept(page, site_url):
    page.goto(site_url + "/es/check/")
    choose(page, "cbc", "normal")
    type_into(page, "marrow_blasts_percent", "cuatro")
    type_into(page, "platelets", "1.500")
    page.keyboard.press("Enter")
    page.wait_for_selector(".error-summary")

    assert focused(page, ".error-summary")
    assert page.get_by_role("heading", name="Por favor, revise estas respuestas").is_visible()
    assert page.locator("#id_platelets").input_value() == "1.500"
    platelets = page.get_by_role("textbox", name="Plaquetas, en ×10⁹/L")
    described = platelets.evaluate(
        "e => e.getAttribute('aria-describedby').split(' ')"
        ".map(id => document.getElementById(id).textContent).join(' ')"
    )
    assert "puede querer decir 1,5 o 1500" in described
    assert_accessible(page)


def test_the_spanish_checker_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/es/check/")

    page.get_by_label("No, nunca").check()
    page.get_by_role("textbox", name="Blastos en la médula ósea").fill("40,5")
    page.get_by_role("button", name=SHOW).click()

    assert page.locator("[data-phase]").get_attribute("data-phase") == "untreated"
    assert "40,5%" in page.locator(".numbers").inner_text()
    context.close()


@pytest.mark.parametrize("width", [320, 390])
def test_a_spanish_result_fits_a_phone(browser, site_url, screenshots, width, visit):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    visit(page, site_url + "/es/check/", REMISSION)

    page.screenshot(path=screenshots / f"layout-es-result-{width}.png", full_page=True)

    assert_first_screen(page, page.locator("#result"))  # shown where it is, no scrolling to it
    assert page.locator(".numbers").is_visible()
    found = page.evaluate(OVERFLOWS)
    assert found["wider"] == []
    assert found["clipped"] == []
    assert page.evaluate(ONE_WORD_LINES) == []
    context.close()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize(
    ("values", "phase"), [(LONGEST, "undetermined"), (LONGEST_WITH_A_PHASE, "remission")]
)
def test_the_longest_spanish_result_prints_on_at_most_two_pages(
    browser, site_url, screenshots, values, phase, paper, visit
):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    visit(page, site_url + "/es/check/", in_spanish(values))
    assert page.locator("#result").get_attribute("data-phase") == phase

    page.emulate_media(media="print")
    pdf = screenshots / f"print-es-result-{phase}-{paper}.pdf"
    page.pdf(path=pdf, format=paper)

    pages, text = printed_text(pdf)
    assert pages <= 2, f"{pdf.name} has {pages} pages"
    assert "Resultado del" in text
    assert "Esto no es un diagnóstico" in text
    assert text.count("Este sitio es solo para aprender") == 1  # the disclaimer, once
    assert "Sus respuestas" in text
    assert "Preguntas para hacerle a su equipo médico" in text
    assert "Plaquetas 40 ×10⁹/L" in text
    assert SHOW not in text
    assert "Glosario" not in text
    assert "English" not in text
    context.close()
