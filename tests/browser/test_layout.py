"""The pages on a 320 pixel phone, a 390 pixel phone and a desktop: nothing clipped or scrolling
sideways, no line of one word, and every word at the body text's size and colour."""

import re

import pytest

from tests.browser.conftest import assert_first_screen

WIDTHS = [320, 390, 1280]
PHASES = ["untreated", "remission", "minimal-residual-disease", "refractory", "relapsed"]

# Answers to the checker, as a parent would give them.
REMISSION = {"treatment": "received", "first_course_finished": "yes", "ever_in_remission": "yes"}
REMISSION |= {"marrow_blasts_percent": "2", "mrd": "negative", "symptoms": "no", "cbc": "normal"}
REMISSION |= {"blood_blasts": "no", "anc": "2.5", "platelets": "150000"}
REMISSION |= {"wbc": "6.2", "hemoglobin": "12.5"}
CANT_TELL = {"treatment": "received", "marrow_blasts_percent": "12"}
CANT_TELL |= {"anc": "0.8", "platelets": "250", "wbc": "12.5", "hemoglobin": "9.1"}
URGENT = {"treatment": "received", "symptoms": "yes", "anc": "0.2"}
MISTAKES = {"cbc": "normal", "marrow_blasts_percent": "four", "anc": "45%"}

# Every element's box, against the window: what sticks out on the right (or the left) is cut
# off or makes the page scroll sideways. Visually hidden text (Bootstrap's .visually-hidden, a
# 1 px box with a clip) is left out: it is read by screen readers, never seen.
OVERFLOWS = """() => {
  const hidden = e => {
    for (let n = e; n; n = n.parentElement) {
      const style = getComputedStyle(n);
      if (style.position === "absolute" && style.clip !== "auto") return true;
      if (style.display === "none") return true;
    }
    return false;
  };
  const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
    [...e.classList].map(c => "." + c).join("") + ` "${e.textContent.trim().slice(0, 30)}"`;
  const width = innerWidth;
  const wider = [], clipped = [];
  for (const e of document.body.querySelectorAll("*")) {
    const box = e.getBoundingClientRect();
    if (!box.width || hidden(e)) continue;
    if (box.right > width + 0.5 || box.left < -0.5) wider.push(name(e));
    const overflow = getComputedStyle(e).overflowX;
    if (overflow !== "visible" && e.scrollWidth > e.clientWidth) clipped.push(name(e));
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, wider, clipped};
}"""

# Lines of text, counted per run of words: "above the typical range" in four lines is a column
# too narrow for its words. Code (the embedding snippets) may break anywhere, by design.
ONE_WORD_LINES = """() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const words = node.textContent.trim().split(/\\s+/).filter(Boolean);
    if (words.length < 3 || node.parentElement.closest("pre, code")) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
    if (lines.size >= words.length) found.push(node.textContent.trim());
  }
  return found;
}"""

LINES = """e => {
  const range = document.createRange();
  range.selectNodeContents(e);
  return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
}"""

SMALL_TEXT = """() => {
  const small = [];
  for (const e of document.body.querySelectorAll("*")) {
    const text = [...e.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.data.trim());
    const size = parseFloat(getComputedStyle(e).fontSize);
    if (text && e.getClientRects().length && size < 16) small.push(`${e.tagName} ${size}px`);
  }
  return small;
}"""


SCREENSHOTS = [
    ("home", "/", None),
    ("phase", "/phases/remission/", None),
    ("checker", "/check/", None),
    ("result", "/check/", REMISSION),
]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("name", "path", "answers"), SCREENSHOTS)
def test_screenshots_of_the_main_pages_at_phone_and_desktop_widths(
    open_at, site_url, screenshots, name, path, answers, width, visit
):
    page = open_at(width)
    visit(page, site_url + path, answers)

    page.screenshot(path=screenshots / f"layout-{name}-{width}.png", full_page=True)

    if answers:  # the page comes to the result: it starts on the screen, its numbers below
        assert_first_screen(page, page.locator("#result"))
        assert page.locator(".numbers").is_visible()
    elif path == "/check/":  # the title, the fever warning and the first question, unscrolled
        first_answer = page.locator("#lab-report input[type=radio]")
        assert_first_screen(page, page.get_by_role("heading", level=1), first_answer)
        assert (
            page.locator(".fever-warning").bounding_box()["y"]
            < first_answer.first.bounding_box()["y"]
        )
    else:
        assert_first_screen(page, page.get_by_role("heading", level=1))


PUBLIC_PAGES = [
    pytest.param("/", None, id="home"),
    *[pytest.param(f"/phases/{slug}/", None, id=f"phase-{slug}") for slug in PHASES],
    pytest.param("/glossary/", None, id="glossary"),
    pytest.param("/check/", None, id="checker"),
    pytest.param("/check/", REMISSION, id="result-remission"),
    pytest.param("/check/", CANT_TELL, id="result-cant-tell"),
    pytest.param("/check/", URGENT, id="result-urgent"),
    pytest.param("/check/", MISTAKES, id="checker-with-mistakes"),
    pytest.param("/phases/no-such-phase/", None, id="not-found"),
    pytest.param("/embed/help/", None, id="embed-help"),
    pytest.param("/embed/demo/", None, id="embed-home"),
    pytest.param("/embed/demo/phases/relapsed/", None, id="embed-phase"),
    pytest.param("/embed/demo/glossary/", None, id="embed-glossary"),
    pytest.param("/embed/demo/check/", None, id="embed-checker"),
    pytest.param("/embed/demo/check/", CANT_TELL, id="embed-result"),
]


@pytest.mark.parametrize(("path", "answers"), PUBLIC_PAGES)
def test_nothing_is_wider_than_a_320_pixel_phone_or_clipped(
    open_at, site_url, path, answers, visit
):
    page = open_at(320)
    visit(page, site_url + path, answers)

    found = page.evaluate(OVERFLOWS)
    assert found["scrollWidth"] <= found["width"]  # the page does not scroll sideways
    assert found["wider"] == []
    assert found["clipped"] == []  # nor does anything inside it, .table-responsive included
    assert page.evaluate(ONE_WORD_LINES) == []
    assert page.evaluate(SMALL_TEXT) == []  # no text below 16 px


@pytest.mark.parametrize("width", [320, 390])
def test_numbers_table_on_a_phone_has_one_block_per_test_and_no_squeezed_words(
    open_at, site_url, width, visit
):
    page = open_at(width)
    visit(page, site_url + "/check/", CANT_TELL)

    table = page.locator(".table-responsive")
    assert table.evaluate("e => e.scrollWidth <= e.clientWidth")
    rows = page.locator(".numbers tbody tr")
    assert rows.count() == 5
    assert rows.filter(has_text="Neutrophils").inner_text().splitlines() == [
        "Neutrophils (ANC)",
        "Yours: 0.8 ×10⁹/L",
        "below the typical range",
        "Typical for adults: 1.5 to 8 ×10⁹/L",
    ]
    for words in page.locator(".numbers-value, .comparison").all():
        assert words.evaluate(LINES) == 1, words.inner_text()  # kept on one line


def test_numbers_table_stays_a_table_for_screen_readers_on_a_phone(open_at, site_url, visit):
    page = open_at(320)
    visit(page, site_url + "/check/", CANT_TELL)

    # Chromium's own accessibility tree: what a screen reader gets, after the CSS.
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    roles = [node["role"]["value"] for node in tree if not node.get("ignored")]
    assert roles.count("table") == 1
    assert roles.count("columnheader") == 3
    assert roles.count("rowheader") == 5
    assert roles.count("cell") == 10
    names = [node.get("name", {}).get("value", "") for node in tree]
    assert "0.8 ×10⁹/L below the typical range" in names  # without the "Yours:" seen on screen


def test_numbers_table_has_three_columns_on_a_desktop(open_at, site_url, visit):
    page = open_at(1280)
    visit(page, site_url + "/check/", CANT_TELL)

    assert page.get_by_role("columnheader", name="Typical for adults").is_visible()
    assert not page.locator(".numbers-label").first.is_visible()
    row = page.locator(".numbers tbody tr").first
    tops = row.evaluate("e => [...e.children].map(cell => cell.getBoundingClientRect().top)")
    assert len(tops) == 3
    assert len(set(tops)) == 1  # side by side


def font_size(locator):
    return locator.evaluate("e => getComputedStyle(e).fontSize")


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_blast_scale_words_are_the_size_of_the_body_text_at_every_width(
    open_at, site_url, width, visit
):
    page = open_at(width)
    visit(page, site_url + "/check/", CANT_TELL)

    body_text = font_size(page.locator(".blast-scale figcaption"))
    assert body_text == font_size(page.locator("body")) == "17px"
    words = page.locator(".blast-scale svg text")
    assert [w.inner_html() for w in words.all()] == ["5%", "20%", "100%", "You: 12%"]
    for word in words.all():
        assert font_size(word) == body_text
        # Drawn at that size too: the picture is not scaled (it was, from 10 px on a phone to
        # 27 px on a desktop, while the style still said 17 px).
        assert word.evaluate("e => e.getScreenCTM().a") == 1
        assert word.evaluate("e => e.getBoundingClientRect().height") >= 17


@pytest.mark.parametrize("blasts", ["0", "<1%", "50", "99.5", "100"])
def test_blast_scale_marker_and_label_stay_on_a_320_pixel_screen(open_at, site_url, blasts, visit):
    page = open_at(320)
    visit(page, site_url + "/check/", {"treatment": "received", "marrow_blasts_percent": blasts})

    for part in page.locator(".blast-scale svg *").all():
        box = part.evaluate("e => e.getBoundingClientRect().toJSON()")
        assert box["left"] >= 0, part.evaluate("e => e.outerHTML")
        assert box["right"] <= 320, part.evaluate("e => e.outerHTML")
    you_bottom, marker_top = page.evaluate(
        "[document.querySelector('.scale-you').getBoundingClientRect().bottom,"
        " document.querySelector('.scale-marker').getBoundingClientRect().top]"
    )
    assert you_bottom <= marker_top + 1  # the label sits above the marker, not over it
    assert page.get_by_role("img", name=re.compile("^Marrow blasts of .+ on a scale")).is_visible()


def rgb(colour):
    return [int(part) for part in re.findall(r"\d+", colour)[:3]]


def contrast(foreground, background):
    def luminance(colour):
        channels = [c / 255 for c in rgb(colour)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted([luminance(foreground), luminance(background)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("path", ["/", "/phases/untreated/", "/glossary/", "/check/"])
@pytest.mark.parametrize("width", [320, 1280])
def test_introduction_is_body_text_colour_and_weight(open_at, site_url, path, width):
    page = open_at(width)
    page.goto(site_url + path)

    lead = page.locator(".lead").first
    style = lead.evaluate(
        "e => { const s = getComputedStyle(e); return {colour: s.color, weight: s.fontWeight,"
        " size: parseFloat(s.fontSize)} }"
    )
    body = page.locator("body").evaluate("e => getComputedStyle(e).color")
    assert style["colour"] == body or contrast(style["colour"], "rgb(255, 255, 255)") >= 7
    assert contrast(body, "rgb(255, 255, 255)") >= 12  # near black on white
    assert int(style["weight"]) >= 400
    assert style["size"] >= 16


def test_answer_boxes_and_radio_buttons_have_outlines_that_can_be_seen(open_at, site_url):
    page = open_at(320)
    page.goto(site_url + "/check/")

    for control in [".form-control", ".form-check-input:not(:checked)"]:
        outline = page.locator(control).first.evaluate("e => getComputedStyle(e).borderTopColor")
        assert contrast(outline, "rgb(255, 255, 255)") >= 3, control
