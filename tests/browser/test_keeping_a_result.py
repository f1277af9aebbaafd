"""A result a patient can keep, in Chromium, with JavaScript on and off.

Back after any link from a result shows the result again, never the browser's "Confirm Form
Resubmission" error page; the result prints as a handout of at most two pages.
"""

import re

import pytest
from django.utils import timezone
from django.utils.dateformat import format as format_date
from pypdf import PdfReader

REMISSION = {
    "treatment": "received",
    "first_course_finished": "yes",
    "ever_in_remission": "yes",
    "symptoms": "no",
    "mrd": "negative",
    "marrow_blasts_percent": "2",
    "platelets": "150000",
}
CANT_TELL = {"treatment": "received", "marrow_blasts_percent": "30"}
# The longest results the checker gives: urgent advice, every question answered, every number
# filled in, and the most findings ("can't tell", and a phase with its longer list of questions).
LONGEST = {
    "treatment": "received",
    "first_course_finished": "unknown",
    "ever_in_remission": "unknown",
    "symptoms": "yes",
    "mrd": "positive",
    "outside_marrow": "unknown",
    "cbc": "abnormal",
    "blood_blasts": "yes",
    "marrow_blasts_percent": "30",
    "anc": "0.3",
    "platelets": "40000",
    "wbc": "25",
    "hemoglobin": "85",
}
LONGEST_WITH_A_PHASE = LONGEST | {
    "symptoms": "no",
    "mrd": "not_tested",
    "cbc": "normal",
    "blood_blasts": "unknown",
    "marrow_blasts_percent": "<5%",
}

# Every kind of link a result page has: to a phase, to a place in the form, the site's menu
# and its footer.
LINKS = {
    "remission": ["Read more about Remission", "menu:Glossary", "footer:Home"],
    "undetermined": ["Refractory", "jump:Before these results", "menu:The five phases"],
}


def phone(browser, *, javascript):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=javascript
    )
    context.set_default_timeout(15_000)
    return context


def link(page, kind_and_name):
    kind, _, name = kind_and_name.rpartition(":")
    where = {
        "": page.locator("#result"),
        "jump": page.locator("#result"),
        "menu": page.locator(".site-header"),
        "footer": page.locator(".footer-links"),
    }[kind]
    return where.get_by_role("link", name=re.compile("^" + re.escape(name))).first


def shows_the_result(page, phase):
    assert not page.url.startswith("chrome-error:")
    assert page.locator("#result").get_attribute("data-phase") == phase
    return True


@pytest.mark.parametrize(
    ("values", "phase"), [(REMISSION, "remission"), (CANT_TELL, "undetermined")]
)
def test_with_javascript_back_after_every_link_shows_the_result_again(
    browser, site_url, values, phase, visit
):
    context = phone(browser, javascript=True)
    page = context.new_page()
    visit(page, site_url + "/check/", values)
    assert page.url == site_url + "/check/"  # the values are in no address

    for kind_and_name in LINKS[phase]:
        before = page.url
        link(page, kind_and_name).click()
        if kind_and_name.startswith("jump:"):
            page.wait_for_url(re.compile("#div_id_"))
        else:
            page.wait_for_url(lambda url, before=before: url != before)
            assert page.locator("#result").count() == 0
        page.go_back()
        page.locator("#result").wait_for()

        assert shows_the_result(page, phase), kind_and_name
        # ...and the answers are still in the form, ready to change.
        box = page.locator('input[name="marrow_blasts_percent"]')
        assert box.input_value() == values["marrow_blasts_percent"]
    context.close()


@pytest.mark.parametrize(
    ("values", "phase"), [(REMISSION, "remission"), (CANT_TELL, "undetermined")]
)
def test_without_javascript_every_link_leaves_the_result_in_place(
    browser, site_url, values, phase, visit
):
    context = phone(browser, javascript=False)
    page = context.new_page()
    visit(page, site_url + "/check/", values)
    assert page.get_by_text("Links in this result open in a new tab").is_visible()

    for kind_and_name in LINKS[phase]:
        if kind_and_name.startswith("jump:"):
            link(page, kind_and_name).click()
            page.wait_for_url(re.compile("#div_id_"))
            page.go_back()
        else:
            with context.expect_page() as opened:
                link(page, kind_and_name).click()
            new_tab = opened.value
            new_tab.wait_for_load_state()
            assert new_tab.url.startswith(site_url)
            assert "#" not in new_tab.url
            new_tab.close()

        assert shows_the_result(page, phase), kind_and_name

    # Back from the result itself is the empty form, a page the browser may load again.
    page.go_back()
    assert page.title().startswith("Check your lab results")
    context.close()


def today():
    return format_date(timezone.localdate(), "j F Y")


def printed_text(pdf_path):
    reader = PdfReader(pdf_path)
    text = " ".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(text.replace("\ufb01", "fi").split())


def assert_a_handout(pdf_path):
    pages, text = printed_text(pdf_path)
    assert pages <= 2, f"{pdf_path.name} has {pages} pages"
    assert f"Result made on {today()}" in text
    assert text.count("This is not a diagnosis") == 1
    assert text.count("This site is for learning only") == 1  # the disclaimer, once
    assert "Your answers" in text
    assert "Other signs of leukemia now: " in text
    assert "Platelets 40 ×10⁹/L" in text  # the numbers, in their table
    assert "Get help right away" in text
    assert "Questions to ask your care team" in text
    assert "Notes from the visit" in text
    assert "Show what my results suggest" not in text  # no form
    assert "Skip to main content" not in text
    assert "Glossary" not in text  # no navigation
    assert "ALL Phase Portal" in text
    assert "/check/" in text


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize(
    ("values", "phase"), [(LONGEST, "undetermined"), (LONGEST_WITH_A_PHASE, "remission")]
)
def test_the_result_prints_as_a_handout_of_at_most_two_pages(
    browser, site_url, screenshots, values, phase, paper, visit
):
    context = phone(browser, javascript=True)
    page = context.new_page()
    visit(page, site_url + "/check/", values)
    assert shows_the_result(page, phase)

    page.emulate_media(media="print")
    page.screenshot(path=screenshots / f"print-result-{phase}-{paper}.png", full_page=True)
    page.pdf(path=screenshots / f"print-result-{phase}-{paper}.pdf", format=paper)

    assert_a_handout(screenshots / f"print-result-{phase}-{paper}.pdf")
    context.close()


def test_with_javascript_the_print_button_prints_this_page(browser, site_url, visit):
    context = phone(browser, javascript=True)
    # The print dialog cannot be driven in a headless browser; count the calls instead.
    context.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1 }")
    page = context.new_page()
    visit(page, site_url + "/check/", REMISSION)

    page.get_by_role("button", name="Print or save this result").click()

    assert page.evaluate("window.printed") == 1
    assert page.url == site_url + "/check/"
    assert len(context.pages) == 1


def test_without_javascript_the_print_button_opens_the_handout(
    browser, site_url, screenshots, visit
):
    context = phone(browser, javascript=False)
    page = context.new_page()
    visit(page, site_url + "/check/", LONGEST)

    with context.expect_page() as opened:
        page.get_by_role("button", name="Print or save this result").click()
    handout = opened.value
    handout.wait_for_load_state()

    assert handout.get_by_role("heading", level=1).inner_text() == (
        "Your result from the ALL Phase Portal"
    )
    handout.screenshot(path=screenshots / "handout-390.png", full_page=True)
    for paper in ["A4", "Letter"]:
        handout.pdf(path=screenshots / f"handout-{paper}.pdf", format=paper)
        assert_a_handout(screenshots / f"handout-{paper}.pdf")
    assert shows_the_result(page, "undetermined")  # the result is still in its own tab
    context.close()


def test_a_phase_page_prints_with_its_address_and_review_status(page, site_url, screenshots):
    page.goto(site_url + "/phases/remission/")

    page.emulate_media(media="print")
    page.screenshot(path=screenshots / "print-phase-remission.png", full_page=True)
    page.pdf(path=screenshots / "print-phase-remission.pdf", format="A4")

    _, text = printed_text(screenshots / "print-phase-remission.pdf")
    assert f"{site_url}/phases/remission/" in text.replace(" ", "") or (
        "/phases/remission/" in text
    )
    assert f"Printed {today()}" in text
    assert "awaiting review by a clinician" in text
    assert text.count("This site is for learning only") == 1
    assert "Other phases" not in text
    assert "Skip to main content" not in text
